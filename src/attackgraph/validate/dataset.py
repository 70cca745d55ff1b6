"""The shapes on a whole published dataset, one document's neighbourhood at a time.

Every document's graph conforms on its own, but the published dataset is their union:
an actor, place or event several documents describe is one node there, with the
triples of all of them. :func:`validate_dataset` runs the real shapes on that union
without holding it in memory. One pass over the N-Quads dump notes, in an SQLite file
(:mod:`.describers`, not in memory), each subject's triples (the union: each triple
once, as its N-Triples line) and which graphs describe it; a subject's *owner* is the
first of them in IRI order. Then, for each named graph (one per document), the shapes
run on the union's triples of the subjects it owns and of every node up to
:data:`DEPTH` links from them, so each result is reported once. A neighbourhood is a
few reads by primary key and the text the engine reads as it is: its cost does not
grow with the dataset (an RDF store loaded with the whole union, read a term object at
a time, did). With ``jobs`` > 1 the graphs are shared out among worker processes, each
reading that file (read-only) and validating its graphs' neighbourhoods.

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

import multiprocessing
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
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
from attackgraph.validate.changed import (
    UnsortedError,
    changed_subjects,
    differing_subjects,
    reaching,
    subject_lines,
)
from attackgraph.validate.describers import Describers, Statement, Task
from attackgraph.validate.report import Report, Violation, curie
from attackgraph.validate.shacl import Engine, ShapesError, Validator

DEPTH: Final = 2
"""Links followed from each subject of a graph (the shapes' longest reach)."""


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
    keep: Path | None = None,
    previous_digest: str | None = None,
) -> DatasetReport:
    """Validate the union of an N-Quads dump's graphs, one graph's neighbourhood at a time.

    ``workdir`` holds the temporary store (default: the system's temporary folder);
    ``jobs`` worker processes validate the neighbourhoods (1: this process). The result
    does not depend on ``jobs``. ``previous`` is the N-Quads dump of a dataset that
    conformed to the same shapes (both sorted, as the export writes them): then only the
    subjects whose neighbourhood changed are validated again (:mod:`.changed`). ``keep``
    is a file where the union's index (:class:`.Describers`) stays after the check:
    when it holds the index of ``previous`` (``previous_digest``, its SHA-256, noted by
    :meth:`.Describers.mark` once that dump was published), only the subjects whose
    lines differ are read again, so a rebuild's cost follows the change, not the
    dataset; otherwise it is filled from the whole dump. Raises
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
    if keep is not None:
        try:
            keep.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            keep = None  # a cache that cannot be written: the index is temporary
    with tempfile.TemporaryDirectory(prefix=".attackgraph-union-", dir=workdir) as tmp:
        if keep is not None and previous is not None and previous_digest:
            describers = _index_again(dump, keep, previous, previous_digest) or _index(
                dump, keep, previous, links=True
            )
        else:
            describers = _index(dump, keep or Path(tmp, "d.sqlite"), previous, links=bool(keep))
        found: dict[tuple[object, ...], tuple[Violation, tuple[str, ...]]] = {}
        where: dict[tuple[object, ...], tuple[str, str | None]] = {}
        for violation, involved, at in _check_all(describers, validator, jobs):
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


def _index(dump: Path, path: Path, previous: Path | None, *, links: bool) -> Describers:
    """The union's index in a new file at ``path`` (replacing any), from the whole dump;
    with ``previous``, what to check again."""
    path.unlink(missing_ok=True)
    describers = Describers(path)
    _load(dump, describers, links=links or previous is not None)
    describers.finish()
    if previous is not None:
        describers.only = reaching(describers.linking, changed_subjects(previous, dump), DEPTH)
    return describers


def _index_again(dump: Path, path: Path, previous: Path, digest: str) -> Describers | None:
    """The index at ``path``, of ``previous`` (whose SHA-256 is ``digest``), changed into
    the index of ``dump``: only the subjects with lines in one dump but not the other are
    read (:func:`.differing_subjects`, :func:`.subject_lines`); None when the file does
    not hold that index, or the dumps are not sorted as the export writes them."""
    describers = Describers.reopen(path, digest)
    if describers is None:
        return None
    changed: set[str] = set()
    size = dump.stat().st_size
    try:
        with dump.open("rb") as stream:
            for subject in sorted(differing_subjects(previous, dump)):
                if not subject.startswith(b"<") or b"\\" in subject:
                    continue  # a blank node is not checked; an escape: not as exported
                lines = subject_lines(stream, size, subject)
                statements = [parse_statement(line, dump) for line in lines]
                iri = subject[1:-1].decode("utf-8")
                if any(s is None or s[0] != iri for s in statements):
                    raise UnsortedError(f"{dump}: {iri}: lines not as the export writes them")
                if describers.replace(iri, [s for s in statements if s is not None]):
                    changed.add(iri)
        describers.commit()
    except UnsortedError:
        describers.close()
        return None
    describers.only = reaching(describers.linking, changed, DEPTH)
    return describers


def _load(dump: Path, describers: Describers, *, links: bool) -> None:
    """Note each subject's triples of the dump (each triple once) and the graphs that
    describe it (an IRI) in ``describers``, and with ``links`` which subjects link to
    each IRI. A sorted dump (as the export writes it) gives one row a subject."""
    nodes: list[tuple[str, str, str]] = []
    noted: list[tuple[str, str]] = []
    linked: list[tuple[str, str]] = []
    subject, triples, targets, graphs = "", dict[str, None](), dict[str, None](), set[str]()

    def flush() -> None:
        if subject:
            nodes.append((subject, "".join(triples), "\n".join(targets)))
            noted.extend((subject, graph) for graph in sorted(graphs))
            if links:
                linked.extend((target, subject) for target in targets)
        if len(nodes) >= _NOTE_BATCH:
            describers.add_nodes(nodes)
            describers.add(noted)
            describers.add_links(linked)
            nodes.clear()
            noted.clear()
            linked.clear()

    with dump.open("rb") as lines:
        for number, line in enumerate(lines, 1):
            parts = parse_statement(line, dump, number)
            if parts is None:
                continue
            iri, triple, target, graph = parts
            if iri != subject:
                flush()
                subject, triples, targets, graphs = iri, {}, {}, set()
            triples[triple] = None
            graphs.add(graph)
            if target is not None:
                targets[target] = None
    flush()
    describers.add_nodes(nodes)
    describers.add(noted)
    describers.add_links(linked)


_IRI: Final = rb"<[^<>\"{}|^`\\\x00-\x20]*>"
_BLANK: Final = rb"_:[^ ]+"
_LITERAL: Final = rb'"(?:[^"\\\n\r]|\\.)*"(?:@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*|\^\^' + _IRI + rb")?"
_TERM: Final = _IRI + rb"|" + _BLANK
_STATEMENT: Final = re.compile(
    rb"(%s) (%s) (%s|%s)(?: (%s))? \.\r?\n?" % (_TERM, _IRI, _TERM, _LITERAL, _TERM)
)
"""An N-Quads line as the export writes it (terms as pyoxigraph serialises them, one
space apart); any other line is parsed by pyoxigraph."""
_TYPE: Final = f"<{RDF.type.value}>".encode()


def parse_statement(line: bytes, dump: Path, number: int = 0) -> Statement | None:
    """A dump line's subject IRI, its triple as an N-Triples line, the IRI its object
    links to (None: a literal, a blank node, or through ``rdf:type``) and its graph (its
    N-Triples form, or :data:`DEFAULT_GRAPH`); None for a line without a triple whose
    subject is an IRI."""
    found = _STATEMENT.fullmatch(line)
    if found is None or b"\\" in line[: found.end(2)]:  # an escape in an IRI
        return _parsed(line, dump, number)
    subject, predicate, obj, graph = found.groups()
    if not subject.startswith(b"<"):
        return None
    end = found.end(3)
    triple = (line[:end] + b" .\n").decode("utf-8")
    linked = obj.startswith(b"<") and predicate != _TYPE
    return (
        subject[1:-1].decode("utf-8"),
        triple,
        obj[1:-1].decode("utf-8") if linked else None,
        graph.decode("utf-8") if graph is not None else DEFAULT_GRAPH,
    )


def _parsed(line: bytes, dump: Path, number: int) -> Statement | None:
    """:func:`parse_statement` of a line in another form, read by pyoxigraph."""
    try:
        quads = list(ox.parse(line, format=ox.RdfFormat.N_QUADS))
    except SyntaxError as error:
        raise SyntaxError(f"{dump}, line {number}: {error}") from None
    if not quads or not isinstance(quads[0].subject, ox.NamedNode):
        return None
    quad = quads[0]
    triple = (ox.serialize([quad.triple], format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
    target = quad.object
    linked = isinstance(target, ox.NamedNode) and quad.predicate != RDF.type
    return (
        quad.subject.value,
        triple,
        target.value if linked and isinstance(target, ox.NamedNode) else None,
        str(quad.graph_name),
    )


_NOTE_BATCH: Final = 50_000
_Found = list[tuple[Violation, tuple[str, ...], tuple[str, str | None]]]
"""Each violation, its involved graphs, its focus IRI and its path's IRI (None: the
focus has no values of its path, or the violation has no path)."""


_WORKER: _Checker | None = None


class _Checker:
    """Validates graphs' neighbourhoods, reading the union's triples from ``describers``."""

    def __init__(self, describers: Describers, validator: Validator) -> None:
        self.describers = describers
        self.validator = validator

    def check(self, task: Task) -> _Found:
        mine = task[1]
        text = _neighbourhood(self.describers, mine)
        keep = {curie(URIRef(iri)): iri for iri in mine}
        found: _Found = []
        for violation in self.validator.validate_ntriples(text, mine).violations:
            focus = keep.get(violation.focus)
            if focus is not None:
                at = (focus, self._path(focus, violation))
                found.append((violation, self._involved(focus), at))
        return found

    def _path(self, focus: str, violation: Violation) -> str | None:
        """The IRI of the violation's path when the focus has values of it."""
        if violation.path is None:
            return None
        text = self.describers.node(focus)[0]
        for quad in ox.parse(text, format=ox.RdfFormat.N_TRIPLES):
            if curie(URIRef(quad.predicate.value)) == violation.path:
                return str(quad.predicate.value)
        return None

    def _involved(self, focus: str) -> tuple[str, ...]:
        """The focus's owner, then the other graphs describing the focus; if none, those
        describing the nodes one link away, then two (the nearest ring where another
        document appears: a country a hundred documents describe, two links from the
        focus, does not make them all part of the break)."""
        owner = (self.describers.graphs(focus) or [DEFAULT_GRAPH])[0]
        ring = [focus]
        seen = {focus}
        for _ in range(DEPTH + 1):
            others = {g for node in ring for g in self.describers.graphs(node)} - {owner}
            if others:
                return (owner, *sorted(others, key=graph_order))
            following = {t for node in ring for t in self.describers.node(node)[1]} - seen
            seen.update(following)
            ring = sorted(following)
        return (owner,)


def _check_all(
    describers: Describers, validator: Validator | None, jobs: int
) -> Iterator[tuple[Violation, tuple[str, ...], tuple[str, str | None]]]:
    tasks: Iterable[Task]
    if describers.only is not None:  # a rebuild: the graphs to check again, listed first
        tasks = list(describers.tasks())
        count = len(tasks)
    else:
        tasks, count = describers.tasks(), describers.owner_count()
    if jobs <= 1 or count < 8 * jobs:  # no worker processes to start for a few graphs
        checker = _Checker(describers, validator or Validator())
        for task in tasks:
            yield from checker.check(task)
        return
    methods = multiprocessing.get_all_start_methods()
    start = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    settings = (
        (None, "turbo", ())
        if validator is None
        else (validator.shapes_path, validator.engine, validator.extra)
    )
    with start.Pool(jobs, initializer=_start_worker, initargs=(describers.path, *settings)) as pool:
        for found in pool.imap_unordered(_check_in_worker, tasks, chunksize=8):
            yield from found


def _start_worker(
    describers: Path, shapes: Path | None, engine: Engine, extra: tuple[Path, ...]
) -> None:
    global _WORKER
    checker = Describers(describers, read_only=True)
    _WORKER = _Checker(checker, Validator(shapes, engine=engine, extra=extra))


def _check_in_worker(task: Task) -> _Found:
    assert _WORKER is not None, "worker not started"
    return _WORKER.check(task)


def _neighbourhood(describers: Describers, subjects: list[str]) -> str:
    """The union's triples of ``subjects`` and of the nodes up to DEPTH links away, each
    once (a node many documents describe is read once, not once per document), as
    N-Triples text."""
    parts: list[str] = []
    frontier = subjects
    visited: set[str] = set()
    for _ in range(DEPTH + 1):
        following: dict[str, None] = {}
        for node in frontier:
            if node in visited:
                continue
            visited.add(node)
            text, links = describers.node(node)
            parts.append(text)
            following.update(dict.fromkeys(links))
        frontier = sorted(following)
    return "".join(parts)
