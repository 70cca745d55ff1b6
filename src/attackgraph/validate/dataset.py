"""The shapes on a whole published dataset, one document's neighbourhood at a time.

Every document's graph conforms on its own, but the published dataset is their union:
an actor, place or event several documents describe is one node there, with the
triples of all of them. :func:`validate_dataset` runs the real shapes on that union
without holding it in memory. One pass over the N-Quads dump loads its triples into an
on-disk pyoxigraph store (the union, each triple once) and notes which graphs describe
each subject; a subject's *owner* is the first of them in IRI order. Then, for each
named graph (one per document), the shapes run on the union's triples of the subjects
it owns and of every node up to :data:`DEPTH` links from them, so each result is
reported once. Which graphs describe a subject, and which subjects each graph owns, are
kept in an SQLite file beside the store (:mod:`.describers`), not in memory. With
``jobs`` > 1 the graphs are shared out among worker processes, each reading the store
and that file (read-only) and validating its graphs' neighbourhoods.

Exact for shapes that read at most :data:`DEPTH` links from a focus node. The project's
shapes read two (a claim's evidence span's document is an ``ag:Document``:
``agsh:claim-evidence-in-reported-document``); ``tests/test_union_shapes.py`` checks the
shapes file reaches no further. Memory: the store's caches, SQLite's page cache, one
neighbourhood: bounded, whatever the size of the dataset.

Each violation comes with the documents whose union breaks the shape
(:attr:`DatasetReport.involved`). When the graphs give the focus different values of the
violation's path (two ``schema:name``, two ``ag:containedIn``), those are the graphs that
assert them (:mod:`.blame`, read from the dump in a second pass, only when the union
breaks), so a place a hundred documents describe does not blame them all for one
document's second value. Otherwise: the focus's owner and the other graphs that describe
the focus or, failing that, the nearest nodes of its neighbourhood. And for each of them
the line of its document that states the violation's focus and path
(:attr:`DatasetReport.lines`).
"""

from __future__ import annotations

import gc
import multiprocessing
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Final

import pyoxigraph as ox
from rdflib import URIRef

from attackgraph.namespaces import RDF
from attackgraph.validate.blame import (
    DEFAULT_GRAPH,
    Request,
    asserted,
    disagreeing,
    graph_order,
    statement_lines,
)
from attackgraph.validate.changed import changed_subjects, reaching
from attackgraph.validate.describers import Describers, Task
from attackgraph.validate.report import Report, Violation, curie
from attackgraph.validate.shacl import Engine, ShapesError, Validator

DEPTH: Final = 2
"""Links followed from each subject of a graph (the shapes' longest reach)."""
LOAD_QUADS: Final = 200_000
"""Quads per bulk load of the union store (memory: about 330 MiB whatever the dump)."""


@dataclass(frozen=True)
class DatasetReport:
    """The shapes' results on a dataset's union, and how much was checked."""

    report: Report
    graphs: int
    subjects: int
    involved: tuple[tuple[str, ...], ...] = ()
    """For each violation (same order): the focus's owner, then the other graphs (IRIs, in
    IRI order) describing the focus or, if none, the nearest nodes of its neighbourhood
    that another graph describes."""
    lines: tuple[dict[str, int], ...] = ()
    """For each violation (same order): the line of each involved graph's document that
    states the violation's focus and path (:func:`~.blame.statement_line`), by graph."""

    @property
    def conforms(self) -> bool:
        return self.report.conforms

    def summary(self) -> str:
        """One line for ``validation-report.txt``.

        >>> print(DatasetReport(Report(True, ()), graphs=2, subjects=30).summary())
        the shapes on the published union (30 subjects of 2 graphs, ...): conforms
        """
        found = len(self.report.violations)
        verdict = "conforms" if self.conforms else f"{found} violation{'s' * (found != 1)}"
        return (
            f"the shapes on the published union ({self.subjects} subjects of {self.graphs} "
            f"graphs, each with its neighbourhood): {verdict}"
        )


def validate_dataset(
    dump: Path,
    validator: Validator | None = None,
    *,
    workdir: Path | None = None,
    jobs: int = 1,
    previous: Path | None = None,
) -> DatasetReport:
    """Validate the union of an N-Quads dump's graphs, one graph's neighbourhood at a time.

    ``workdir`` holds the temporary store (default: the system's temporary folder);
    ``jobs`` worker processes validate the neighbourhoods (1: this process). The result
    does not depend on ``jobs``. ``previous`` is the N-Quads dump of a dataset that
    conformed to the same shapes (both sorted, as the export writes them): then only the
    subjects whose neighbourhood changed are validated again (:mod:`.changed`). Raises
    ``SyntaxError`` when the dump is not N-Quads, ``OSError`` when it cannot be read, and
    :class:`~attackgraph.validate.ShapesError` like :class:`Validator`.

    >>> import tempfile
    >>> e, t = "<https://w3id.org/attackgraph/id/event/x>", f"<{RDF.type.value}>"
    >>> name, date = "<https://schema.org/name>", "<https://w3id.org/attackgraph/ontology#date>"
    >>> attack = "<https://w3id.org/attackgraph/ontology#Attack>"
    >>> year = "<http://www.w3.org/2001/XMLSchema#gYear>"
    >>> event = "<https://w3id.org/attackgraph/ontology#Event>"
    >>> def graph(n, d):
    ...     g = f"<https://w3id.org/attackgraph/id/doc/d{n}>"
    ...     return (f'{e} {t} {attack} {g} .\\n{e} {t} {event} {g} .\\n'
    ...             f'{e} {name} "X" {g} .\\n{e} {date} "{d}"^^{year} {g} .\\n')
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp, "d.nq")
    ...     _ = path.write_text(graph(1, "2020") + graph(2, "2021"))
    ...     print(validate_dataset(path).report.format_text())  # doctest: +ELLIPSIS
    focus event:x: path ag:date: event has more than one ag:date: keep one, ...
        rule sh:MaxCountConstraintComponent in agsh:EventShape
    does not conform: 1 violation
    """
    validator = validator or Validator()
    if validator.depth is None or validator.depth > DEPTH:
        shown = ", ".join(str(p) for p in (validator.shapes_path, *validator.extra))
        raise ShapesError(
            f"{shown}: the shapes read further than {DEPTH} links from a focus node (or "
            "through a path or query this check cannot bound); the union cannot be checked "
            "one document's neighbourhood at a time"
        )
    with tempfile.TemporaryDirectory(prefix=".attackgraph-union-", dir=workdir) as tmp:
        path = str(Path(tmp, "union"))
        describers = Describers(Path(tmp, "describers.sqlite"))
        store = ox.Store(path)
        try:
            quads = _union(dump, describers)
            # one bulk load holds what it loads (1.4 GiB for 3.3 M quads): load in pieces
            while piece := list(islice(quads, LOAD_QUADS)):
                store.bulk_extend(piece)
            store.flush()
        finally:
            del store
            gc.collect()  # the Rust store closes RocksDB when the object is freed
        describers.finish()
        if previous is not None:
            describers.only = _affected(path, previous, dump)
        found: dict[tuple[object, ...], tuple[Violation, tuple[str, ...]]] = {}
        where: dict[tuple[object, ...], tuple[str, str | None]] = {}
        for violation, involved, at in _check_all(path, describers, validator, jobs):
            found.setdefault(violation.sort_key(), (violation, involved))
            where.setdefault(violation.sort_key(), at)
        graph_count, subjects = describers.graph_count(), describers.subject_count()
        describers.close()
        asked = {key: (f, p) for key, (f, p) in where.items() if p is not None}
        if asked:
            values = asserted(dump, set(asked.values()))
            for key, link in asked.items():
                blamed = disagreeing(values.get(link, {}))
                if blamed:
                    found[key] = (found[key][0], blamed)
    keys = sorted(found)
    return DatasetReport(
        Report(not keys, tuple(found[key][0] for key in keys)),
        graphs=graph_count,
        subjects=subjects,
        involved=tuple(found[key][1] for key in keys),
        lines=_lines(dump, [(found[key][1], where[key]) for key in keys]),
    )


def _lines(
    dump: Path, violations: list[tuple[tuple[str, ...], tuple[str, str | None]]]
) -> tuple[dict[str, int], ...]:
    """For each violation's involved graphs and (focus, path): the line of each graph's
    document that states it (read from the dump, only when there are violations)."""
    requests: list[list[Request]] = [
        [(graph[1:-1], focus, path) for graph in involved if graph != DEFAULT_GRAPH]
        for involved, (focus, path) in violations
    ]
    located = statement_lines(dump, (r for rs in requests for r in rs)) if requests else {}
    return tuple({f"<{r[0]}>": located[r] for r in rs if r in located} for rs in requests)


def _affected(path: str, previous: Path, dump: Path) -> set[str] | None:
    """The subjects to validate again against ``previous`` (None: all of them)."""
    store = ox.Store.read_only(path)
    try:
        return reaching(store, changed_subjects(previous, dump), DEPTH)
    finally:
        del store
        gc.collect()


def _union(dump: Path, describers: Describers) -> Iterator[ox.Quad]:
    """The dump's triples in the default graph (the store keeps each once), noting the
    graphs that describe each subject (an IRI) in ``describers``."""
    noted: list[tuple[str, str]] = []
    last = ("", "")
    for quad in ox.parse(path=str(dump), format=ox.RdfFormat.N_QUADS):
        subject = quad.subject
        if isinstance(subject, ox.NamedNode):
            pair = (subject.value, str(quad.graph_name))
            if pair != last:  # a sorted dump repeats a pair on consecutive lines
                noted.append(pair)
                last = pair
                if len(noted) >= _NOTE_BATCH:
                    describers.add(noted)
                    noted.clear()
        yield ox.Quad(subject, quad.predicate, quad.object)
    describers.add(noted)


_NOTE_BATCH: Final = 50_000
_Found = list[tuple[Violation, tuple[str, ...], tuple[str, str | None]]]
"""Each violation, its involved graphs, its focus IRI and its path's IRI (None: the
focus has no values of its path, or the violation has no path)."""


_WORKER: _Checker | None = None


class _Checker:
    """Validates graphs' neighbourhoods, reading the union store read-only."""

    def __init__(self, path: str, describers: Describers, validator: Validator) -> None:
        self.store = ox.Store.read_only(path)
        self.describers = describers
        self.validator = validator

    def check(self, task: Task) -> _Found:
        mine = [ox.NamedNode(iri) for iri in task[1]]
        quads = list(_neighbourhood(self.store, mine))
        keep = {curie(URIRef(node.value)): node for node in mine}
        found: _Found = []
        for violation in self.validator.validate_quads(quads).violations:
            focus = keep.get(violation.focus)
            if focus is not None:
                at = (focus.value, self._path(focus, violation))
                found.append((violation, self._involved(focus), at))
        return found

    def _path(self, focus: ox.NamedNode, violation: Violation) -> str | None:
        """The IRI of the violation's path when the focus has values of it."""
        if violation.path is None:
            return None
        for quad in self.store.quads_for_pattern(focus, None, None, ox.DefaultGraph()):
            if curie(URIRef(quad.predicate.value)) == violation.path:
                return quad.predicate.value
        return None

    def _involved(self, focus: ox.NamedNode) -> tuple[str, ...]:
        """The focus's owner, then the other graphs describing the focus; if none, those
        describing the nodes one link away, then two (the nearest ring where another
        document appears: a country a hundred documents describe, two links from the
        focus, does not make them all part of the break)."""
        owner = (self.describers.graphs(focus.value) or [DEFAULT_GRAPH])[0]
        ring: list[ox.NamedNode] = [focus]
        seen = {focus.value}
        for _ in range(DEPTH + 1):
            others = {g for node in ring for g in self.describers.graphs(node.value)} - {owner}
            if others:
                return (owner, *sorted(others, key=graph_order))
            following: dict[str, ox.NamedNode] = {}
            for node in ring:
                for quad in self.store.quads_for_pattern(node, None, None, ox.DefaultGraph()):
                    target = quad.object
                    if isinstance(target, ox.NamedNode) and quad.predicate != RDF.type:
                        if target.value not in seen:
                            following.setdefault(target.value, target)
            seen.update(following)
            ring = [following[key] for key in sorted(following)]
        return (owner,)


def _check_all(
    path: str, describers: Describers, validator: Validator | None, jobs: int
) -> Iterator[tuple[Violation, tuple[str, ...], tuple[str, str | None]]]:
    if jobs <= 1 or describers.owner_count() < 8 * jobs:
        checker = _Checker(path, describers, validator or Validator())
        try:
            for task in describers.tasks():
                yield from checker.check(task)
        finally:
            del checker
            gc.collect()
        return
    methods = multiprocessing.get_all_start_methods()
    start = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    settings = (
        (None, "turbo", ())
        if validator is None
        else (validator.shapes_path, validator.engine, validator.extra)
    )
    with start.Pool(
        jobs, initializer=_start_worker, initargs=(path, describers.path, *settings)
    ) as pool:
        for found in pool.imap_unordered(_check_in_worker, describers.tasks(), chunksize=8):
            yield from found


def _start_worker(
    path: str, describers: Path, shapes: Path | None, engine: Engine, extra: tuple[Path, ...]
) -> None:
    global _WORKER
    checker = Describers(describers, read_only=True)
    _WORKER = _Checker(path, checker, Validator(shapes, engine=engine, extra=extra))


def _check_in_worker(task: Task) -> _Found:
    assert _WORKER is not None, "worker not started"
    return _WORKER.check(task)


def _neighbourhood(union: ox.Store, subjects: list[ox.NamedNode]) -> Iterator[ox.Quad]:
    """The union's triples of ``subjects`` and of the nodes up to DEPTH links away, each
    once (a node many documents describe is read once, not once per document)."""
    frontier: Iterable[ox.NamedNode] = subjects
    visited: set[str] = set()
    for _ in range(DEPTH + 1):
        following: dict[str, ox.NamedNode] = {}
        for node in frontier:
            if node.value in visited:
                continue
            visited.add(node.value)
            for quad in union.quads_for_pattern(node, None, None, ox.DefaultGraph()):
                yield quad
                target = quad.object
                if isinstance(target, ox.NamedNode) and quad.predicate != RDF.type:
                    following.setdefault(target.value, target)
        frontier = [following[key] for key in sorted(following)]
