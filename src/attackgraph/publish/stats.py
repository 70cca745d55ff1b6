"""What a release holds: the build's counts (given) and the data's counts (measured).

:class:`ReleaseStats` is what the build tells the publish stage (documents read, built,
skipped and why, warnings, statement counts). :func:`measure` counts the data itself
from the release's N-Triples dump (the union of all documents' graphs, one line per
distinct triple): entities per class, triples per property, distinct subjects and
objects. Both end up in ``stats.json`` and ``void.ttl``.
"""

from __future__ import annotations

import heapq
import json
import tempfile
from collections import Counter
from collections.abc import Callable, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from pyoxigraph import NamedNode, RdfFormat, parse

from attackgraph.model import Problem
from attackgraph.namespaces import RDF

STATS_FILE = "stats.json"

SPILL_OBJECTS: Final = 200_000
"""Distinct objects :func:`measure` holds before it writes them out as a sorted run."""


@dataclass(frozen=True)
class ReleaseStats:
    """The build's own account of the run (``pipeline.BuildReport.release_stats()``).

    >>> ReleaseStats(documents_read=3, documents_built=2,
    ...              skipped=(Problem("a.txt", 1, "parse/empty", "empty file"),)).documents_skipped
    1
    """

    documents_read: int
    documents_built: int
    skipped: tuple[Problem, ...] = ()
    """Each skipped document with the reason: file, line, rule id, message."""
    warnings: int = 0
    violations: int = 0
    quads: int = 0
    """Distinct quads written (N-Quads lines)."""
    triples: int = 0
    """Distinct triples of the union of all graphs (N-Triples lines)."""

    @property
    def documents_skipped(self) -> int:
        return len(self.skipped)


@dataclass(frozen=True)
class DataStats:
    """Counts measured on the data (the union of all graphs, as a set of triples)."""

    triples: int
    entities: int
    """Distinct subjects whose IRI is in the instance space (``{base}/id/``)."""
    distinct_subjects: int
    distinct_objects: int
    classes: Mapping[str, int] = field(default_factory=dict)
    """Class IRI -> distinct instances (subjects typed with it)."""
    properties: Mapping[str, int] = field(default_factory=dict)
    """Property IRI -> triples using it."""


def measure(ntriples: Path, uri_space: str, *, spill: int = SPILL_OBJECTS) -> DataStats:
    """Count the triples of an N-Triples file (one distinct triple per line, in
    codepoint order, as export writes them), in bounded memory: a subject's lines are
    contiguous, so subjects and their classes are counted as they pass; the distinct
    objects are counted through sorted runs of at most ``spill`` objects, written to a
    temporary folder beside the file and merged. Raises ``SyntaxError`` for a bad file,
    ``ValueError`` when its lines are not in order, ``OSError`` if unreadable.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     nt = Path(tmp) / "a.nt"
    ...     _ = nt.write_text('<http://e/id/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>'
    ...                       ' <http://e/C> .\\n<http://e/id/a> <http://e/p> "x" .\\n')
    ...     s = measure(nt, "http://e/id/")
    >>> s.triples, s.entities, s.distinct_objects, dict(s.classes)
    (2, 1, 2, {'http://e/C': 1})
    """
    properties: Counter[str] = Counter()
    classes: Counter[str] = Counter()
    triples = subjects = entities = 0
    entity_prefix = "<" + uri_space
    subject_key, types = b"", set[str]()
    with tempfile.TemporaryDirectory(dir=ntriples.parent, prefix=".measure-") as folder:
        objects = _DistinctCounter(Path(folder), spill)
        for quad in parse(path=str(ntriples), format=RdfFormat.N_TRIPLES):
            triples += 1
            subject, predicate, obj = str(quad.subject), quad.predicate.value, quad.object
            key = subject.encode() + b" "
            if key != subject_key:
                if key < subject_key:
                    raise ValueError(f"{ntriples}: lines not in codepoint order at {subject}")
                classes.update(types)
                subject_key, types = key, set[str]()
                subjects += 1
                entities += subject.startswith(entity_prefix)
            objects.add(str(obj))
            properties[predicate] += 1
            if predicate == RDF.type.value and isinstance(obj, NamedNode):
                types.add(obj.value)
        classes.update(types)
        distinct_objects = objects.count()
    return DataStats(
        triples=triples,
        entities=entities,
        distinct_subjects=subjects,
        distinct_objects=distinct_objects,
        classes=dict(sorted(classes.items())),
        properties=dict(sorted(properties.items())),
    )


class _DistinctCounter:
    """Counts distinct one-line strings in bounded memory: at most ``spill`` are held,
    then written as a sorted run; :meth:`count` merges the runs.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     counter = _DistinctCounter(Path(tmp), spill=2)
    ...     for text in ["b", "a", "b", "c", "a", "d"]:
    ...         counter.add(text)
    ...     counter.count()
    4
    """

    def __init__(self, folder: Path, spill: int) -> None:
        self._folder, self._spill = folder, spill
        self._held: set[bytes] = set()
        self._runs: list[Path] = []

    def add(self, text: str) -> None:
        self._held.add(text.encode("utf-8", "surrogatepass") + b"\n")
        if len(self._held) >= self._spill:
            self._write_run()

    def _write_run(self) -> None:
        run = self._folder / f"run-{len(self._runs):06d}"
        with run.open("wb") as out:
            out.writelines(sorted(self._held))
        self._runs.append(run)
        self._held = set()

    def count(self) -> int:
        if not self._runs:
            return len(self._held)
        if self._held:
            self._write_run()
        found, previous = 0, None
        with ExitStack() as stack:
            runs = [stack.enter_context(run.open("rb")) for run in self._runs]
            for line in heapq.merge(*runs):
                if line != previous:
                    found += 1
                    previous = line
        return found


def stats_json(
    build: ReleaseStats,
    data: DataStats,
    *,
    curie: Callable[[str], str],
    graphs: int,
    pages: Mapping[str, int],
    version: str,
    issued: str | None,
) -> str:
    """``stats.json``: the build's and the data's counts, keys in a stable order.

    ``curie`` turns an IRI into a CURIE (class and property keys are CURIEs).
    """
    document = {
        "version": version,
        "issued": issued,
        "documents": {
            "read": build.documents_read,
            "built": build.documents_built,
            "skipped": build.documents_skipped,
            "skipped_documents": [
                {"file": p.source, "line": p.line, "rule": p.rule, "message": p.message}
                for p in build.skipped
            ],
        },
        "warnings": build.warnings,
        "violations": build.violations,
        "quads": build.quads,
        "triples": data.triples,
        "graphs": graphs,
        "entities": data.entities,
        "distinct_subjects": data.distinct_subjects,
        "distinct_objects": data.distinct_objects,
        "classes": {curie(k): v for k, v in data.classes.items()},
        "properties": {curie(k): v for k, v in data.properties.items()},
        "pages": dict(pages),
    }
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
