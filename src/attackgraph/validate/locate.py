"""Where a validation result was read: a focus node -> (source file, line).

:class:`Locator` answers from the validated data alone: a span's own line, a claim's
first evidence span, a figure's claim, and for events, actors, places and sides the
claims that mention them, else the document whose named graph holds them (or the
graph's only document).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Final

from pyoxigraph import NamedNode
from rdflib import Literal, URIRef
from rdflib.graph import Graph
from rdflib.term import Node

from attackgraph.namespaces import AG, GEO, NIF, RDF, XSD

# terms of the closed namespaces only: a misspelt term fails the type check


def _u(node: NamedNode) -> URIRef:
    """A term of the closed namespaces (``namespaces.py``) as rdflib's ``URIRef``."""
    return URIRef(node.value)


_TYPE, _CLAIM, _DOCUMENT = _u(RDF.type), _u(AG.Claim), _u(AG.Document)
_CLAIM_LINKS: Final = (_u(AG.about), _u(RDF.subject), _u(RDF.object), _u(AG.claimedBy), _u(AG.via))
_FIGURE_LINKS: Final = (_u(AG.ofEvent), _u(AG.ofSide), _u(AG.ofActor))

Location = tuple[str | None, int | None]


class Locator:
    """Maps a node to the (source file, line) it was read from, from the data alone."""

    def __init__(self, graph: Graph, graph_names: Mapping[Node, set[Node]]) -> None:
        self.g = graph
        self.graph_names = graph_names
        self._cache: dict[Node, Location] = {}

    def locate(self, node: Node) -> Location:
        if node not in self._cache:
            self._cache[node] = self._locate(node)
        return self._cache[node]

    def _locate(self, node: Node) -> Location:
        g, types = self.g, set(self.g.objects(node, _TYPE))
        if _u(AG.TextSpan) in types:
            doc = g.value(node, _u(NIF.referenceContext))
            return (
                self._file(doc) if doc is not None else None,
                _integer(g.value(node, _u(AG.line))),
            )
        if _DOCUMENT in types:
            return (self._file(node), None)
        if _CLAIM in types:  # its evidence spans, else the documents it is reported in
            related = {*g.objects(node, _u(AG.evidence)), *g.objects(node, _u(AG.reportedIn))}
        else:  # a figure's claim; the claims mentioning a node, or a figure of it; a place
            related = set(g.subjects(_u(AG.assertsFigure), node))
            for link in _CLAIM_LINKS:
                related.update(c for c in g.subjects(link, node) if (c, _TYPE, _CLAIM) in g)
            for link in _FIGURE_LINKS:
                for figure in g.subjects(link, node):
                    related.update(g.subjects(_u(AG.assertsFigure), figure))
            related.update(g.subjects(_u(GEO.hasGeometry), node))
        found = _first(self.locate(n) for n in related if n != node)
        if found != (None, None):
            return found
        # else the document whose named graph holds it, or the graph's only document
        files = sorted(f for f in map(self._file, self.graph_names.get(node, ())) if f)
        if not files:
            files = sorted(f for f in map(self._file, g.subjects(_TYPE, _DOCUMENT)) if f)
            files = files if len(files) == 1 else []
        return (files[0], None) if files else (None, None)

    def _file(self, doc: Node) -> str | None:
        name = self.g.value(doc, _u(AG.sourceFile))
        return str(name) if isinstance(name, Literal) else None


def _integer(term: Node | None) -> int | None:
    if isinstance(term, Literal) and term.datatype == _u(XSD.integer) and not term.ill_typed:
        return int(term)
    return None


def _first(locations: Iterator[Location]) -> Location:
    """The earliest located place: known lines first, then lowest line, then file name."""
    known = [loc for loc in locations if loc != (None, None)]
    return min(
        known, key=lambda loc: (loc[1] is None, loc[1] or 0, loc[0] or ""), default=(None, None)
    )
