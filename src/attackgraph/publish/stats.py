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
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Mapping
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path
from typing import Final

from pyoxigraph import NamedNode, RdfFormat, parse

from attackgraph.model import Problem
from attackgraph.namespaces import RDF
from attackgraph.publish.files import sha256_file
from attackgraph.validate.changed import differing_lines

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


def measure(
    ntriples: Path,
    uri_space: str,
    *,
    spill: int = SPILL_OBJECTS,
    counts: sqlite3.Connection | None = None,
) -> DataStats:
    """Count the triples of an N-Triples file (one distinct triple per line, in
    codepoint order, as export writes them), in bounded memory: a subject's lines are
    contiguous, so subjects and their classes are counted as they pass; the distinct
    objects are counted through sorted runs of at most ``spill`` objects, written to a
    temporary folder beside the file and merged. With ``counts`` (the database of
    :class:`KeptCounts`, its ``terms`` empty), each subject's and object's number of
    triples is written there instead, and the objects counted from it. Raises
    ``SyntaxError`` for a bad file, ``ValueError`` when its lines are not in order,
    ``OSError`` if unreadable.

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
    subject_key, types, lines = b"", set[str](), 0
    with tempfile.TemporaryDirectory(dir=ntriples.parent, prefix=".measure-") as folder:
        objects = _DistinctCounter(Path(folder), spill) if counts is None else _Kept(counts, spill)
        for quad in parse(path=str(ntriples), format=RdfFormat.N_TRIPLES):
            triples += 1
            subject, predicate, obj = str(quad.subject), quad.predicate.value, quad.object
            key = subject.encode() + b" "
            if key != subject_key:
                if key < subject_key:
                    raise ValueError(f"{ntriples}: lines not in codepoint order at {subject}")
                classes.update(types)
                objects.subject(subject_key[:-1], lines)
                subject_key, types, lines = key, set[str](), 0
                subjects += 1
                entities += subject.startswith(entity_prefix)
            lines += 1
            objects.add(str(obj))
            properties[predicate] += 1
            if predicate == RDF.type.value and isinstance(obj, NamedNode):
                types.add(obj.value)
        classes.update(types)
        objects.subject(subject_key[:-1], lines)
        distinct_objects = objects.count()
    return DataStats(
        triples=triples,
        entities=entities,
        distinct_subjects=subjects,
        distinct_objects=distinct_objects,
        classes=dict(sorted(classes.items())),
        properties=dict(sorted(properties.items())),
    )


class KeptCounts:
    """The counts of a release's measure kept between builds (an SQLite file, ``path``):
    its :class:`DataStats`, how many triples each subject and each object has, the
    build's context and the SHA-256 of the N-Triples dump they count. A rebuild whose
    release replaces that very dump changes them by the lines the two dumps differ in
    (:func:`~attackgraph.validate.changed.differing_lines`) instead of reading the whole
    new dump again (:meth:`measure`); anything else (no file, another context, an old
    dump changed since, damaged counts) measures the whole dump and keeps its counts.
    The marker (the dump's SHA-256) is cleared before the counts change and written
    when they hold the new dump, so counts left half changed are never used.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     old, new = Path(tmp, "old"), Path(tmp, "new")
    ...     for folder, lines in ((old, ["<urn:s> <urn:p> <urn:a>"]),
    ...                           (new, ["<urn:s> <urn:p> <urn:b>", "<urn:t> <urn:p> <urn:b>"])):
    ...         folder.mkdir()
    ...         _ = (folder / "attackgraph.nt").write_text("".join(f"{x} .\\n" for x in lines))
    ...     kept = KeptCounts(Path(tmp, "counts.sqlite"), "ctx")
    ...     first = kept.measure(old / "attackgraph.nt", "urn:", previous=None)
    ...     again = kept.measure(new / "attackgraph.nt", "urn:", previous=old)
    ...     fresh = measure(new / "attackgraph.nt", "urn:")
    >>> kept.updated, again == fresh, again.distinct_subjects, again.distinct_objects
    (True, True, 2, 1)
    """

    def __init__(self, path: Path, context: str) -> None:
        self.path, self.context = path, context
        self.updated = False
        """Whether the last :meth:`measure` changed the kept counts (else it counted the
        whole dump)."""

    def measure(
        self, ntriples: Path, uri_space: str, *, previous: Path | None, sha256: str | None = None
    ) -> DataStats:
        """:func:`measure` of ``ntriples`` (whose SHA-256 is ``sha256`` when known),
        through the counts kept of the release folder ``previous`` when they are its
        dump's. Raises as :func:`measure` does; ``sqlite3.Error`` when the counts cannot
        be written."""
        sha256 = sha256 or sha256_file(ntriples)
        old = None if previous is None else previous / ntriples.name
        db = self._open()
        try:
            found = self._kept(db, old) if old is not None else None
            db.execute("DELETE FROM meta")
            db.commit()  # from here, counts half changed are never trusted
            self.updated = False
            if found is not None and old is not None:
                try:
                    stats = _changed(db, found, old, ntriples, uri_space)
                    self.updated = True
                except (ValueError, SyntaxError):  # unsorted or unreadable: count it all
                    db.rollback()
            if not self.updated:
                db.execute("DELETE FROM terms")
                stats = measure(ntriples, uri_space, counts=db)
            meta = [("context", self.context), ("sha256", sha256), ("stats", _dumped(stats))]
            db.executemany("INSERT INTO meta VALUES (?, ?)", meta)
            db.commit()
            return stats
        finally:
            db.close()

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = sqlite3.connect(self.path)
            db.executescript(_COUNTS)
        except sqlite3.DatabaseError:  # damaged: start again
            self.path.unlink(missing_ok=True)
            db = sqlite3.connect(self.path)
            db.executescript(_COUNTS)
        return db

    def _kept(self, db: sqlite3.Connection, old: Path) -> DataStats | None:
        """The kept stats when they count the dump ``old`` in this context."""
        try:
            meta = dict(db.execute("SELECT name, value FROM meta").fetchall())
            if meta.get("context") != self.context or meta.get("sha256") != sha256_file(old):
                return None
            return _loaded(meta["stats"])
        except (OSError, ValueError, KeyError, TypeError, sqlite3.DatabaseError):
            return None


_COUNTS: Final = """
PRAGMA synchronous = OFF;
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS terms (role INTEGER, term BLOB, n INTEGER, PRIMARY KEY (role, term))
    WITHOUT ROWID;
"""
"""The kept counts: ``terms`` holds each subject (role 0) and object (role 1) with its
number of triples."""
_SUBJECT, _OBJECT = 0, 1
_CHANGED_BATCH: Final = 10_000


def _dumped(stats: DataStats) -> str:
    return json.dumps(asdict(stats), sort_keys=True)


def _loaded(text: str) -> DataStats:
    return DataStats(**json.loads(text))


def _changed(
    db: sqlite3.Connection, kept: DataStats, old: Path, new: Path, uri_space: str
) -> DataStats:
    """``kept`` (the stats of ``old``) changed by the lines ``new`` differs in, the kept
    counts of subjects and objects with them."""
    triples = kept.triples
    properties, classes = Counter(kept.properties), Counter(kept.classes)
    terms: Counter[tuple[int, bytes]] = Counter()
    changes = differing_lines(old, new)
    while batch := list(islice(changes, _CHANGED_BATCH)):
        for added in (False, True):
            lines = b"".join(line for is_new, line in batch if is_new == added)
            sign = 1 if added else -1
            for triple in parse(lines, RdfFormat.N_TRIPLES) if lines else ():
                triples += sign
                properties[triple.predicate.value] += sign
                obj = triple.object
                if triple.predicate == RDF.type and isinstance(obj, NamedNode):
                    classes[obj.value] += sign
                terms[_SUBJECT, _key(str(triple.subject))] += sign
                terms[_OBJECT, _key(str(obj))] += sign
    subjects, objects, entities = kept.distinct_subjects, kept.distinct_objects, kept.entities
    entity_prefix = _key("<" + uri_space)
    for (role, term), change in sorted(terms.items()):
        if not change:
            continue
        row = db.execute("SELECT n FROM terms WHERE role = ? AND term = ?", (role, term)).fetchone()
        before = row[0] if row else 0
        after = before + change
        if after < 0:
            raise ValueError(f"{new}: the kept counts do not match the dump")
        grown = (after > 0) - (before > 0)
        if role == _SUBJECT:
            subjects += grown
            entities += grown if term.startswith(entity_prefix) else 0
        else:
            objects += grown
        if after:
            db.execute("INSERT OR REPLACE INTO terms VALUES (?, ?, ?)", (role, term, after))
        else:
            db.execute("DELETE FROM terms WHERE role = ? AND term = ?", (role, term))
    return DataStats(
        triples=triples,
        entities=entities,
        distinct_subjects=subjects,
        distinct_objects=objects,
        classes=dict(sorted((k, n) for k, n in classes.items() if n > 0)),
        properties=dict(sorted((k, n) for k, n in properties.items() if n > 0)),
    )


def _key(term: str) -> bytes:
    return term.encode("utf-8", "surrogatepass")


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

    def subject(self, subject: bytes, lines: int) -> None:
        """A subject and its number of triples (not counted here)."""

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


class _Kept(_DistinctCounter):
    """Counts each object's triples (and is told each subject's) into the ``terms`` of
    :class:`KeptCounts`, at most ``spill`` objects held at a time."""

    def __init__(self, db: sqlite3.Connection, spill: int) -> None:
        self._db, self._spill = db, spill
        self._objects: Counter[bytes] = Counter()
        self._subjects: list[tuple[int, bytes, int]] = []

    def add(self, text: str) -> None:
        self._objects[_key(text)] += 1
        if len(self._objects) >= self._spill:
            self._flush()

    def subject(self, subject: bytes, lines: int) -> None:
        if lines:
            self._subjects.append((_SUBJECT, subject, lines))
            if len(self._subjects) >= self._spill:
                self._flush()

    def _flush(self) -> None:
        self._db.executemany("INSERT INTO terms VALUES (?, ?, ?)", self._subjects)
        self._db.executemany(
            "INSERT INTO terms VALUES (?, ?, ?) ON CONFLICT (role, term) DO UPDATE"
            " SET n = n + excluded.n",
            ((_OBJECT, term, n) for term, n in self._objects.items()),
        )
        self._subjects, self._objects = [], Counter()

    def count(self) -> int:
        self._flush()
        query = "SELECT COUNT(*) FROM terms WHERE role = ?"
        return int(self._db.execute(query, (_OBJECT,)).fetchone()[0])
