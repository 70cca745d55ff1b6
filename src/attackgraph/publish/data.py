"""The data behind the static pages, read from the release's N-Quads with SPARQL.

The dump is bulk-loaded into a pyoxigraph store once; class-wide SELECTs fetch what
every page needs (names, types, claims with their figures and quotes, sides, parts,
coordinates), and each page adds its resource's own statements with an index lookup.
Queries see the union of the documents' graphs (a bag: ``DISTINCT`` and Python sets
remove a statement repeated by two documents).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Final

from pyoxigraph import Literal, NamedNode, Quad, QuerySolutions, Store

from attackgraph.namespaces import AG, GEO, NIF, PREFIXES, RDF, SCHEMA
from attackgraph.sparql.store import load_release

Term = NamedNode | Literal
_PROLOGUE: Final = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
_POINT: Final = re.compile(r"\s*POINT\s*\(\s*(-?[0-9.]+)\s+(-?[0-9.]+)\s*\)\s*", re.IGNORECASE)
EVENT_CLASSES: Final = (AG.Event.value, AG.Attack.value, AG.ArmedConflict.value)


@dataclass
class Node:
    """A resource's properties: predicate IRI -> distinct values, in a stable order."""

    iri: str
    props: dict[str, list[Term]] = field(default_factory=dict)

    def add(self, predicate: str, value: Term) -> None:
        values = self.props.setdefault(predicate, [])
        if value not in values:
            values.append(value)

    def values(self, predicate: NamedNode) -> list[Term]:
        return sorted(self.props.get(predicate.value, ()), key=str)

    def iris(self, predicate: NamedNode) -> list[str]:
        return [v.value for v in self.values(predicate) if isinstance(v, NamedNode)]

    def text(self, predicate: NamedNode) -> str | None:
        """The first literal value (by codepoint order), if any."""
        found = [v.value for v in self.values(predicate) if isinstance(v, Literal)]
        return found[0] if found else None

    def integer(self, predicate: NamedNode) -> int | None:
        value = self.text(predicate)
        try:
            return None if value is None else int(value)
        except ValueError:
            return None


@dataclass(frozen=True)
class Quote:
    """An evidence span: the words, and where they are."""

    iri: str
    anchor: str
    doc: str | None
    begin: int | None
    end: int | None


@dataclass(frozen=True)
class Figure:
    iri: str
    group: str | None
    group_label: str | None
    outcome: str | None
    value: int | None
    low: int | None
    high: int | None
    estimate: str | None
    side: str | None
    actor: str | None
    stated_as: str | None
    qualifier: str | None = None
    """The subgroup counted (``ag:groupQualifier``): never a total."""


@dataclass(frozen=True)
class Claim:
    """Who said what about which event, where."""

    iri: str
    about: str | None
    docs: tuple[str, ...]
    by: str | None
    via: str | None
    kind: str | None
    rank: str | None
    quotes: tuple[Quote, ...]
    figures: tuple[Figure, ...]
    statement: tuple[str, Term] | None
    """``(rdf:predicate, rdf:object)`` of a triple-shaped claim."""


class ReleaseData:
    """A loaded release. Raises :class:`~attackgraph.sparql.store.ReleaseError` if the dump
    cannot be read."""

    def __init__(self, nquads: Path) -> None:
        self.store = Store()
        load_release(self.store, nquads, vocabulary=False)  # pages show the documents
        self.labels = self._labels()
        self.types: dict[str, list[str]] = defaultdict(list)
        for s, t in self._pairs("SELECT DISTINCT ?s ?o WHERE { ?s a ?o } ORDER BY ?s ?o"):
            self.types[s].append(t)
        self.parts = self._index(AG.partOf)
        self.sides = self._index(AG.sideOf)
        self.geometry = {s: o for s, o in self._pairs(_pattern(GEO.hasGeometry))}
        self.points: dict[str, tuple[float, float]] = {}
        for geometry, node in self.nodes_of(GEO.Geometry).items():
            match = _POINT.fullmatch(node.text(GEO.asWKT) or "")
            if match:  # WKT is "POINT(lon lat)"
                self.points[geometry] = (float(match[2]), float(match[1]))
        self.claims = self._claims()
        self.claims_about: dict[str, list[Claim]] = defaultdict(list)
        self.claims_in: dict[str, list[Claim]] = defaultdict(list)
        self.claims_by: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.claims:
            if claim.about:
                self.claims_about[claim.about].append(claim)
            for doc in claim.docs:
                self.claims_in[doc].append(claim)
            if claim.by:
                self.claims_by[claim.by].append(claim)

    def select(self, query: str) -> QuerySolutions:
        """A SELECT over the union of all graphs, with the project prefixes declared."""
        result = self.store.query(_PROLOGUE + query)
        assert isinstance(result, QuerySolutions)
        return result

    def nodes_of(self, cls: NamedNode) -> dict[str, Node]:
        """Every instance of ``cls`` with all its properties."""
        nodes: dict[str, Node] = {}
        query = f"SELECT DISTINCT ?s ?p ?o WHERE {{ ?s a <{cls.value}> ; ?p ?o }}"
        for row in self.select(query):
            s, p, o = row["s"], row["p"], row["o"]
            if isinstance(s, NamedNode) and isinstance(p, NamedNode):
                if isinstance(o, NamedNode | Literal):
                    nodes.setdefault(s.value, Node(s.value)).add(p.value, o)
        return nodes

    def outgoing(self, iri: str) -> list[Quad]:
        """The resource's statements, in the documents' graphs."""
        return [
            q
            for q in self.store.quads_for_pattern(NamedNode(iri), None, None, None)
            if isinstance(q.graph_name, NamedNode)
        ]

    def incoming(self, iri: str, cap: int) -> tuple[list[Quad], bool]:
        """Up to ``cap`` statements pointing at the resource; True if there are more."""
        found = islice(
            (
                q
                for q in self.store.quads_for_pattern(None, None, NamedNode(iri), None)
                if isinstance(q.graph_name, NamedNode)
            ),
            cap + 1,
        )
        quads = list(found)
        return quads[:cap], len(quads) > cap

    def node(self, iri: str, quads: list[Quad] | None = None) -> Node:
        """The resource's properties (from ``quads`` if already fetched)."""
        node = Node(iri)
        for quad in self.outgoing(iri) if quads is None else quads:
            if isinstance(quad.object, NamedNode | Literal):
                node.add(quad.predicate.value, quad.object)
        return node

    def subjects(self) -> Iterator[str]:
        """Every typed subject, in codepoint order."""
        return iter(sorted(self.types))

    def label(self, iri: str) -> str | None:
        return self.labels.get(iri)

    # --- loading -------------------------------------------------------------------

    def _labels(self) -> dict[str, str]:
        names: dict[str, list[Literal]] = defaultdict(list)
        for row in self.select("SELECT DISTINCT ?s ?n WHERE { ?s schema:name ?n }"):
            s, n = row["s"], row["n"]
            if isinstance(s, NamedNode) and isinstance(n, Literal):
                names[s.value].append(n)
        return {
            s: min(found, key=lambda lit: (lit.language not in (None, "en"), lit.value)).value
            for s, found in names.items()
        }

    def _pairs(self, query: str) -> Iterator[tuple[str, str]]:
        for row in self.select(query):
            s, o = row["s"], row["o"]
            if isinstance(s, NamedNode) and isinstance(o, NamedNode):
                yield s.value, o.value

    def _index(self, predicate: NamedNode) -> dict[str, list[str]]:
        """Object -> sorted subjects pointing at it with ``predicate``."""
        index: dict[str, list[str]] = defaultdict(list)
        for s, o in self._pairs(_pattern(predicate)):
            index[o].append(s)
        return index

    def _claims(self) -> list[Claim]:
        spans = self.nodes_of(AG.TextSpan)
        figures = self.nodes_of(AG.CasualtyFigure)
        claims = []
        for iri, node in sorted(self.nodes_of(AG.Claim).items()):
            quotes = tuple(_quote(spans.get(s) or Node(s)) for s in node.iris(AG.evidence))
            found = tuple(_figure(figures.get(f) or Node(f)) for f in node.iris(AG.assertsFigure))
            predicate, obj = node.iris(RDF.predicate), node.values(RDF.object)
            claims.append(
                Claim(
                    iri=iri,
                    about=_first(node.iris(AG.about)),
                    docs=tuple(node.iris(AG.reportedIn)),
                    by=_first(node.iris(AG.claimedBy)),
                    via=_first(node.iris(AG.via)),
                    kind=_first(node.iris(AG.claimKind)),
                    rank=_first(node.iris(AG.rank)),
                    quotes=tuple(sorted(quotes, key=lambda q: (q.begin or 0, q.iri))),
                    figures=found,
                    statement=(predicate[0], obj[0]) if predicate and obj else None,
                )
            )
        return claims


def _pattern(predicate: NamedNode) -> str:
    return f"SELECT DISTINCT ?s ?o WHERE {{ ?s <{predicate.value}> ?o }} ORDER BY ?o ?s"


def _first(values: list[str]) -> str | None:
    return values[0] if values else None


def _quote(node: Node) -> Quote:
    return Quote(
        iri=node.iri,
        anchor=node.text(NIF.anchorOf) or "",
        doc=_first(node.iris(NIF.referenceContext)),
        begin=node.integer(NIF.beginIndex),
        end=node.integer(NIF.endIndex),
    )


def _figure(node: Node) -> Figure:
    return Figure(
        iri=node.iri,
        group=_first(node.iris(AG.populationGroup)),
        group_label=node.text(AG.groupLabel),
        outcome=_first(node.iris(AG.outcome)),
        value=node.integer(SCHEMA.value),
        low=node.integer(SCHEMA.minValue),
        high=node.integer(SCHEMA.maxValue),
        estimate=_first(node.iris(AG.estimateType)),
        side=_first(node.iris(AG.ofSide)),
        actor=_first(node.iris(AG.ofActor)),
        stated_as=node.text(AG.statedAs),
        qualifier=node.text(AG.groupQualifier),
    )
