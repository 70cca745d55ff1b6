"""What a release holds: the build's counts (given) and the data's counts (measured).

:class:`ReleaseStats` is what the build tells the publish stage (documents read, built,
skipped and why, warnings, statement counts). :func:`measure` counts the data itself
from the release's N-Triples dump (the union of all documents' graphs, one line per
distinct triple): entities per class, triples per property, distinct subjects and
objects. Both end up in ``stats.json`` and ``void.ttl``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, parse

from attackgraph.model import Problem
from attackgraph.namespaces import RDF

STATS_FILE = "stats.json"


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


def measure(ntriples: Path, uri_space: str) -> DataStats:
    """Count the triples of an N-Triples file (one distinct triple per line, as export
    writes them). Raises ``SyntaxError`` for a bad file, ``OSError`` if unreadable.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     nt = Path(tmp) / "a.nt"
    ...     _ = nt.write_text('<http://e/id/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>'
    ...                       ' <http://e/C> .\\n<http://e/id/a> <http://e/p> "x" .\\n')
    ...     s = measure(nt, "http://e/id/")
    >>> s.triples, s.entities, s.distinct_objects, dict(s.classes)
    (2, 1, 2, {'http://e/C': 1})
    """
    subjects: set[str] = set()
    objects: set[str] = set()
    properties: Counter[str] = Counter()
    typed: set[tuple[str, str]] = set()
    triples = 0
    for quad in parse(path=str(ntriples), format=RdfFormat.N_TRIPLES):
        triples += 1
        subject, predicate, obj = quad.subject, quad.predicate.value, quad.object
        subjects.add(str(subject))
        objects.add(str(obj))
        properties[predicate] += 1
        if predicate == RDF.type.value and isinstance(obj, NamedNode):
            typed.add((str(subject), obj.value))
    classes = Counter(cls for _, cls in typed)
    entities = sum(1 for s in subjects if s.startswith("<" + uri_space))
    return DataStats(
        triples=triples,
        entities=entities,
        distinct_subjects=len(subjects),
        distinct_objects=len(objects),
        classes=dict(sorted(classes.items())),
        properties=dict(sorted(properties.items())),
    )


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
