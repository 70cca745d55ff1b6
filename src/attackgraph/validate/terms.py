"""pyoxigraph terms as rdflib ones, literals kept exactly as written.

rdflib normalises literals by default (``"2022-04-24T00:00:00"^^xsd:date`` becomes a
valid date), which would hide the error from the shapes; these conversions do not.

>>> rdflib_term(ox.Literal("2022-02-30", datatype=ox.NamedNode(XSD_NS + "date")))
rdflib.term.Literal('2022-02-30', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#date'))
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.graph import Graph
from rdflib.term import Node

from attackgraph.namespaces import XSD_NS

_XSD_STRING = XSD_NS + "string"


def rdflib_term(term: Any) -> Node:
    """A pyoxigraph term as an rdflib one, literals kept exactly as written.

    Raises ``ValueError`` for an RDF 1.2 triple term, which the shapes cannot check.
    """
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language, normalize=False)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value, normalize=False)
        return Literal(term.value, datatype=URIRef(term.datatype.value), normalize=False)
    raise ValueError(f"cannot validate {term}: SHACL has no RDF 1.2 triple terms")


def rdflib_graph(quads: Iterable[ox.Quad | ox.Triple]) -> Graph:
    """The triples of ``quads`` (all graphs merged) as an rdflib graph, literals as written.

    >>> g = rdflib_graph([ox.Triple(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"),
    ...                             ox.Literal("x"))])
    >>> len(g), next(iter(g))[2] == Literal("x")
    (1, True)
    """
    graph = Graph()
    with quiet_ill_typed():
        for quad in quads:
            graph.add(
                (rdflib_term(quad.subject), rdflib_term(quad.predicate), rdflib_term(quad.object))
            )
    return graph


@contextmanager
def quiet_ill_typed() -> Iterator[None]:
    """Drop rdflib's warning-with-traceback for each ill-typed literal it is given: the
    validation report says it, with file and line.

    >>> with quiet_ill_typed():
    ...     _ = Literal("x", datatype=URIRef(XSD_NS + "integer"))
    """
    log = logging.getLogger("rdflib.term")
    log.addFilter(_keep)
    try:
        yield
    finally:
        log.removeFilter(_keep)


def _keep(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("Failed to convert Literal lexical form")
