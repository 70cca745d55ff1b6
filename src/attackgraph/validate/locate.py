"""Where a validation result was read: a focus node -> (source file, line).

:class:`Locator` answers from the validated data alone: a span's own line, a claim's
first evidence span, a figure's claim, and for events, actors, places and sides the
claims that mention them, else the document whose named graph holds them (or the
graph's only document).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Final

import rdflib
from rdflib import Literal
from rdflib.graph import Graph
from rdflib.term import Node

from attackgraph.namespaces import AG_NS, GEO_NS, NIF_NS, RDF_NS, XSD_NS

# plain Namespaces: rdflib's closed RDF/XSD objects warn under doctest collection
_AG, _NIF, _RDF, _XSD, _GEO = map(rdflib.Namespace, (AG_NS, NIF_NS, RDF_NS, XSD_NS, GEO_NS))
_CLAIM_LINKS: Final = (_AG.about, _RDF.subject, _RDF.object, _AG.claimedBy, _AG.via)
_FIGURE_LINKS: Final = (_AG.ofEvent, _AG.ofSide, _AG.ofActor)

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
        g, types = self.g, set(self.g.objects(node, _RDF.type))
        if _AG.TextSpan in types:
            doc = g.value(node, _NIF.referenceContext)
            return (self._file(doc) if doc is not None else None, _integer(g.value(node, _AG.line)))
        if _AG.Document in types:
            return (self._file(node), None)
        if _AG.Claim in types:  # its evidence spans, else the documents it is reported in
            related = {*g.objects(node, _AG.evidence), *g.objects(node, _AG.reportedIn)}
        else:  # a figure's claim; the claims mentioning a node, or a figure of it; a place
            related = set(g.subjects(_AG.assertsFigure, node))
            for link in _CLAIM_LINKS:
                related.update(c for c in g.subjects(link, node) if (c, _RDF.type, _AG.Claim) in g)
            for link in _FIGURE_LINKS:
                for figure in g.subjects(link, node):
                    related.update(g.subjects(_AG.assertsFigure, figure))
            related.update(g.subjects(_GEO.hasGeometry, node))
        found = _first(self.locate(n) for n in related if n != node)
        if found != (None, None):
            return found
        # else the document whose named graph holds it, or the graph's only document
        files = sorted(f for f in map(self._file, self.graph_names.get(node, ())) if f)
        if not files:
            files = sorted(f for f in map(self._file, g.subjects(_RDF.type, _AG.Document)) if f)
            files = files if len(files) == 1 else []
        return (files[0], None) if files else (None, None)

    def _file(self, doc: Node) -> str | None:
        name = self.g.value(doc, _AG.sourceFile)
        return str(name) if isinstance(name, Literal) else None


def _integer(term: Node | None) -> int | None:
    if isinstance(term, Literal) and term.datatype == _XSD.integer and not term.ill_typed:
        return int(term)
    return None


def _first(locations: Iterator[Location]) -> Location:
    """The earliest located place: known lines first, then lowest line, then file name."""
    known = [loc for loc in locations if loc != (None, None)]
    return min(
        known, key=lambda loc: (loc[1] is None, loc[1] or 0, loc[0] or ""), default=(None, None)
    )
