"""The shapes on a whole published dataset, one document's neighbourhood at a time.

Every document's graph conforms on its own, but the published dataset is their union:
an actor, place or event several documents describe is one node there, with the
triples of all of them. :func:`validate_dataset` runs the real shapes on that union
without holding it in memory: the N-Quads dump is loaded into an on-disk pyoxigraph
store, and for each named graph (one per document) the shapes run on the union's
triples of the graph's subjects and of every node up to :data:`DEPTH` links from them.
A subject's results are kept in one graph only, its *owner* (the first graph, in IRI
order, in which it is a subject), so each result is reported once.

Exact for shapes that read at most :data:`DEPTH` links from a focus node. The project's
shapes read two (a claim's evidence span's document is an ``ag:Document``:
``agsh:claim-evidence-in-reported-document``); ``tests/test_union_shapes.py`` checks the
shapes file reaches no further. Memory: the store's caches and one neighbourhood.
"""

from __future__ import annotations

import gc
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import pyoxigraph as ox
from rdflib import URIRef

from attackgraph.namespaces import RDF
from attackgraph.validate.report import Report, Violation, curie
from attackgraph.validate.shacl import Validator

DEPTH: Final = 2
"""Links followed from each subject of a graph (the shapes' longest reach)."""


@dataclass(frozen=True)
class DatasetReport:
    """The shapes' results on a dataset's union, and how much was checked."""

    report: Report
    graphs: int
    subjects: int

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
    dump: Path, validator: Validator | None = None, *, workdir: Path | None = None
) -> DatasetReport:
    """Validate the union of an N-Quads dump's graphs, one graph's neighbourhood at a time.

    ``workdir`` holds the temporary store (default: the system's temporary folder).
    Raises ``SyntaxError`` when the dump is not N-Quads, ``OSError`` when it cannot be
    read, and :class:`~attackgraph.validate.ShapesError` like :class:`Validator`.

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
    with tempfile.TemporaryDirectory(prefix=".attackgraph-union-", dir=workdir) as tmp:
        store = ox.Store(str(Path(tmp, "graphs")))
        union = ox.Store(str(Path(tmp, "union")))
        try:
            store.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
            union.bulk_extend(_merged(dump))
            found: dict[tuple[object, ...], Violation] = {}
            graphs = subjects = 0
            described: set[str] = set()
            for graph in _graphs(store).values():
                graphs += 1
                mine = _subjects(store, graph)
                owned = [node for node in mine if node.value not in described]
                described.update(node.value for node in owned)
                subjects += len(owned)
                if not owned:
                    continue
                quads = list(_neighbourhood(union, mine))
                keep = {curie(URIRef(node.value)) for node in owned}
                for violation in validator.validate_quads(quads).violations:
                    if violation.focus in keep:
                        found.setdefault(violation.sort_key(), violation)
        finally:
            del store, union
            gc.collect()  # the Rust store closes RocksDB when the object is freed
    violations = tuple(found[key] for key in sorted(found))
    return DatasetReport(Report(not violations, violations), graphs=graphs, subjects=subjects)


_Graph = ox.NamedNode | ox.BlankNode | ox.DefaultGraph


def _graphs(store: ox.Store) -> dict[str, _Graph]:
    """The named graphs in IRI order, then the default graph if it holds anything."""
    graphs: dict[str, _Graph] = {str(g): g for g in sorted(store.named_graphs(), key=str)}
    if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None):
        graphs[str(ox.DefaultGraph())] = ox.DefaultGraph()
    return graphs


def _subjects(store: ox.Store, graph: _Graph) -> list[ox.NamedNode]:
    seen: dict[str, ox.NamedNode] = {}
    for quad in store.quads_for_pattern(None, None, None, graph):
        if isinstance(quad.subject, ox.NamedNode):
            seen.setdefault(quad.subject.value, quad.subject)
    return [seen[key] for key in sorted(seen)]


def _merged(dump: Path) -> Iterator[ox.Quad]:
    """The dump's triples in the default graph: the union, each triple once."""
    for quad in ox.parse(path=str(dump), format=ox.RdfFormat.N_QUADS):
        yield ox.Quad(quad.subject, quad.predicate, quad.object)


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
