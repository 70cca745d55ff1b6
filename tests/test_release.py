"""Every dump of the sample corpus says the same thing, in pyoxigraph and in rdflib,
and conforms to the shapes.

Each library is compared with its own reading of the N-Triples dump (the two print
terms differently), and the two readings of it have the same size.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
import rdflib

from attackgraph.export import FORMATS
from attackgraph.validate import validate_file

ROOT = Path(__file__).parents[1]
RDFLIB_FORMATS = {
    "turtle": "turtle",
    "ntriples": "nt",
    "nquads": "nquads",
    "trig": "trig",
    "jsonld": "json-ld",
}


@pytest.fixture(scope="module")
def release(sample_release: Path) -> Path:
    return sample_release


def oxigraph_triples(path: Path, fmt: pyoxigraph.RdfFormat) -> set[tuple[str, str, str]]:
    return {
        (str(q.subject), str(q.predicate), str(q.object))
        for q in pyoxigraph.parse(path=str(path), format=fmt)
    }


def rdflib_triples(path: Path, fmt: str) -> set[tuple[str, str, str]]:
    if fmt in ("nquads", "trig"):
        graph: rdflib.Graph = rdflib.Dataset()
    else:
        graph = rdflib.Graph()
    graph.parse(path, format=fmt)
    triples = graph.quads((None, None, None, None)) if isinstance(graph, rdflib.Dataset) else graph
    return {(s.n3(), p.n3(), _literal(o)) for s, p, o, *_ in triples}


def _literal(term: rdflib.term.Node) -> str:
    if isinstance(term, rdflib.Literal) and term.datatype is None and term.language is None:
        return rdflib.Literal(str(term), datatype=rdflib.XSD.string).n3()
    return term.n3()


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_each_format_parses_to_the_same_triples_in_both_libraries(release: Path, name: str) -> None:
    fmt = FORMATS[name]
    reference = oxigraph_triples(
        release / FORMATS["ntriples"].file_name(), pyoxigraph.RdfFormat.N_TRIPLES
    )
    path = release / fmt.file_name()
    assert oxigraph_triples(path, fmt.rdf_format) == reference
    rdflib_reference = rdflib_triples(release / FORMATS["ntriples"].file_name(), "nt")
    assert len(rdflib_reference) == len(reference)
    assert rdflib_triples(path, RDFLIB_FORMATS[name]) == rdflib_reference


@pytest.mark.parametrize("name", ["turtle", "nquads", "jsonld"])
def test_the_dumps_conform_to_the_shapes(release: Path, name: str) -> None:
    report = validate_file(release / FORMATS[name].file_name())
    assert report.conforms, report.format_text()


def test_nquads_keeps_one_named_graph_per_document(release: Path) -> None:
    graphs = {q.graph_name.value for q in pyoxigraph.parse(path=str(release / "attackgraph.nq"))}
    assert len(graphs) == len(list((ROOT / "data" / "documents").glob("*.txt")))
    assert all("/id/doc/" in g for g in graphs)
