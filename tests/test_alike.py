"""A long document of repeated structure is validated through one node of each class of
alike nodes (validate/pieces.py ``Cut.alike``, validate/reach.py ``lexical``), and the
report is still the whole graph's, whatever is wrong and wherever it is (issue 12).

Not a timed test: the structure is asserted (how many nodes the engine is given), and
violations planted in a late repetition, where a piece of its own holds them, must be
found as validating the whole graph at once finds them. One fault changes nothing but
an IRI's text, under a project shape that reads it: the renaming must keep it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from attackgraph.pipeline import BuildOptions, Converter
from attackgraph.validate import Validator, default_shapes_path
from attackgraph.validate.pieces import Cut
from attackgraph.validate.reach import lexical, reach
from attackgraph.validate.spans import SpanCheck

AG = "https://w3id.org/attackgraph/ontology#"
CONCEPT = "https://w3id.org/attackgraph/concept/"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
WHOLE = 10**9
SIZE = 300

_HEAD = """= 2034 Orlen ferry landing raid =

Infobox
- Date: 2 June 2034
- Location: Orlen, Vask Province, Mali
- Deaths: 5

On 2 June 2034, raiders landed from a ferry at Orlen in Vask Province.
"""
_BLOCK = (
    "\n== Landing ==\nFour guards were killed at the jetty. "
    "The harbour office said that two boats were burned.\n"
)


@pytest.fixture(scope="module")
def quads(tmp_path_factory: pytest.TempPathFactory) -> list[ox.Quad]:
    path = tmp_path_factory.mktemp("alike") / "orlen.txt"
    path.write_text(_HEAD + _BLOCK * 60, encoding="utf-8")
    return list(Converter(BuildOptions(validate=False)).convert(path).quads)


def _engine_reach() -> object:
    shapes = Graph().parse(default_shapes_path(), format="turtle")
    return reach(SpanCheck(shapes).engine_shapes(shapes))


def _last(quads: list[ox.Quad], predicate: str) -> ox.Quad:
    return [q for q in quads if q.predicate.value == predicate][-1]


def _replace(quads: list[ox.Quad], old: ox.Quad, obj: ox.NamedNode | ox.Literal) -> list[ox.Quad]:
    new = ox.Quad(old.subject, old.predicate, obj, old.graph_name)
    return [new if q == old else q for q in quads]


def _bad_rank(quads: list[ox.Quad]) -> list[ox.Quad]:
    return _replace(quads, _last(quads, AG + "rank"), ox.NamedNode(CONCEPT + "killed"))


def _every_late_rank_bad(quads: list[ox.Quad]) -> list[ox.Quad]:
    """The second half's claims all break alike: the node validated for their class has
    results, and then every other node of the class must be validated too."""
    ranks = [q for q in quads if q.predicate.value == AG + "rank"]
    bad = set(ranks[len(ranks) // 2 :])
    killed = ox.NamedNode(CONCEPT + "killed")
    return [ox.Quad(q.subject, q.predicate, killed, q.graph_name) if q in bad else q for q in quads]


def _figure_without_estimate(quads: list[ox.Quad]) -> list[ox.Quad]:
    victim = _last(quads, AG + "estimateType")
    return [q for q in quads if q != victim]


def _evidence_at_a_figure(quads: list[ox.Quad]) -> list[ox.Quad]:
    figure = _last(quads, AG + "assertsFigure").object
    assert isinstance(figure, ox.NamedNode)
    return _replace(quads, _last(quads, AG + "evidence"), figure)


def _span_reversed(quads: list[ox.Quad]) -> list[ox.Quad]:
    return _replace(
        quads,
        _last(quads, NIF + "beginIndex"),
        ox.Literal("9999999", datatype=ox.NamedNode(XSD + "integer")),
    )


def _second_kind(quads: list[ox.Quad]) -> list[ox.Quad]:
    kind = _last(quads, AG + "claimKind")
    other = ox.Quad(kind.subject, kind.predicate, ox.NamedNode(CONCEPT + "denial"), kind.graph_name)
    return [*quads, other]


FAULTS: tuple[Callable[[list[ox.Quad]], list[ox.Quad]], ...] = (
    _bad_rank,
    _every_late_rank_bad,
    _figure_without_estimate,
    _evidence_at_a_figure,
    _span_reversed,
    _second_kind,
)


def test_the_engine_is_given_one_node_of_each_class(quads: list[ox.Quad]) -> None:
    cut = Cut(quads, _engine_reach(), SIZE)  # type: ignore[arg-type]
    assert cut.whole is None
    classes = cut.alike()
    assert sorted(n for members in classes.values() for n in members) == sorted(cut.foci)
    claims = [n for n in cut.foci if "/claim/" in n]
    figures = [n for n in cut.foci if "/figure/" in n]
    assert len(claims) >= 120 and len(figures) >= 60
    # the repeated claims and figures fall in a few classes; each span is its own (its
    # offsets are values the shapes compare)
    assert len([n for n in classes if "/claim/" in n]) <= 6
    assert len([n for n in classes if "/figure/" in n]) <= 6
    assert len([n for n in classes if "/span/" in n]) == len([n for n in cut.foci if "/span/" in n])


@pytest.mark.parametrize("fault", FAULTS, ids=[f.__name__ for f in FAULTS])
def test_a_fault_in_a_late_repetition_is_found(
    quads: list[ox.Quad], fault: Callable[[list[ox.Quad]], list[ox.Quad]]
) -> None:
    broken = fault(quads)
    whole = Validator(piece_triples=WHOLE).validate_quads(broken)
    cut = Validator(piece_triples=SIZE).validate_quads(broken)
    assert not whole.conforms and whole.violations
    assert cut == whole, f"{cut.format_text()}\n---\n{whole.format_text()}"


_EVIDENCE_PATTERN = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ag: <https://w3id.org/attackgraph/ontology#> .
@prefix ex: <https://example.org/shapes#> .
ex:EvidenceNamed a sh:NodeShape ; sh:targetClass ag:Claim ;
    sh:property [ sh:path ag:evidence ; sh:pattern "/span/[^/]*-[0-9]+-[0-9]+$" ;
                  sh:message "evidence IRI not named by its offsets" ] .
"""


def test_a_renamed_iri_a_shape_reads_keeps_its_name(quads: list[ox.Quad], tmp_path: Path) -> None:
    """A project shape reads the evidence spans' IRIs as text: one late claim's span
    renamed (everything else as before) breaks it, and only that claim."""
    extra = tmp_path / "evidence.ttl"
    extra.write_text(_EVIDENCE_PATTERN, encoding="utf-8")
    old = _last(quads, AG + "evidence")
    renamed = ox.NamedNode(old.object.value + "-x")  # type: ignore[union-attr]
    broken = [
        ox.Quad(renamed if q.subject == old.object else q.subject, q.predicate,
                renamed if q.object == old.object else q.object, q.graph_name)
        for q in quads
    ]  # fmt: skip
    whole = Validator(piece_triples=WHOLE, extra=(extra,)).validate_quads(broken)
    cut = Validator(piece_triples=SIZE, extra=(extra,)).validate_quads(broken)
    assert [v.message for v in whole.violations] == ["evidence IRI not named by its offsets"]
    assert cut == whole


def _lexical(shapes: str) -> frozenset[str] | None:
    return lexical(Graph().parse(data=shapes, format="turtle"))


_PREFIXES = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <https://example.org/> .
"""


def test_what_the_shapes_read_as_text() -> None:
    assert _lexical(_PREFIXES + "ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ; "
                    "sh:minLength 3 ] .") == {"https://example.org/p"}  # fmt: skip
    nested = (
        "ex:S sh:targetClass ex:C ; "
        'sh:property [ sh:path ex:p ; sh:or ( [ sh:not [ sh:pattern "a" ] ] ) ] .'
    )
    assert _lexical(_PREFIXES + nested) == {"https://example.org/p"}
    compared = "ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:lessThan ex:q ] ."
    assert _lexical(_PREFIXES + compared) == {"https://example.org/p", "https://example.org/q"}
    # a focus node's own IRI read as text: nothing may be renamed
    assert _lexical(_PREFIXES + 'ex:S sh:targetClass ex:C ; sh:pattern "^x" .') is None
    sparql = (
        'ex:S sh:targetClass ex:C ; sh:sparql [ sh:select """SELECT $this WHERE {{ '
        '$this <https://example.org/p> ?v . {} }}""" ] .'
    )
    assert (
        _lexical(
            _PREFIXES + sparql.format("FILTER NOT EXISTS { $this <https://example.org/q> ?v }")
        )
        == set()
    )
    assert _lexical(_PREFIXES + sparql.format("FILTER (STRLEN(STR(?v)) > 3)")) == {
        "https://example.org/p"
    }
    assert _lexical(_PREFIXES + sparql.format('FILTER (STRSTARTS(STR($this), "x"))')) is None
