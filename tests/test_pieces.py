"""A graph validated in pieces (validate/pieces.py, validate/reach.py) gives the whole
graph's report, violation for violation.

Every shape fixture, and generated documents with random faults (triples dropped,
values swapped between nodes, types removed, literals retyped), are validated whole and
in pieces of several sizes (one owned node a piece, a few, many): the reports must be
equal, located lines included.
"""

from __future__ import annotations

import random
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from test_shacl_engines import FIXTURES, _load_generator

from attackgraph.pipeline import BuildOptions, Converter
from attackgraph.validate import Validator, default_shapes_path, validate_file
from attackgraph.validate.pieces import pieces
from attackgraph.validate.reach import reach
from attackgraph.validate.spans import SpanCheck

NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD = "http://www.w3.org/2001/XMLSchema#"
WHOLE = 10**9
SIZES = (1, 3, 40)


@pytest.fixture(scope="module")
def validators() -> dict[int, Validator]:
    return {size: Validator(piece_triples=size) for size in (WHOLE, *SIZES)}


def _engine_reach() -> object:
    shapes = Graph().parse(default_shapes_path(), format="turtle")
    return reach(SpanCheck(shapes).engine_shapes(shapes))


def test_the_shipped_shapes_read_a_bounded_neighbourhood_without_the_text() -> None:
    found = _engine_reach()
    assert found is not None
    beyond = set().union(*found.reads[1:])  # type: ignore[attr-defined]
    assert NIF + "isString" not in beyond  # a document's text is read only on the document
    assert len(found.reads) == 3  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "change",
    [
        ("sh:path ag:about", "sh:path [ sh:inversePath ag:about ]"),  # a path expression
        ("$this ag:evidence ?value .", "?value ag:evidence $this ."),  # an incoming link
        ("sh:targetClass ag:Claim ;", "sh:targetClass ag:Claim ; sh:equals ag:about ;"),
    ],
)
def test_shapes_that_read_further_are_not_cut(change: tuple[str, str]) -> None:
    text = default_shapes_path().read_text(encoding="utf-8")
    assert change[0] in text
    shapes = Graph().parse(data=text.replace(change[0], change[1], 1), format="turtle")
    assert reach(shapes) is None


@pytest.mark.parametrize("path", FIXTURES, ids=[f"{p.parent.name}/{p.stem}" for p in FIXTURES])
def test_pieces_give_the_whole_report_on_fixture(
    path: Path, validators: dict[int, Validator]
) -> None:
    whole = validate_file(path, validators[WHOLE])
    for size in SIZES[:2]:  # the fixtures are smaller than the last
        assert validate_file(path, validators[size]) == whole, size


def test_most_fixtures_are_cut() -> None:
    """The fixtures above test the cut, not the fallback: most have no blank node."""
    found = _engine_reach()
    cut = 0
    for path in FIXTURES:
        quads = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
        cut += len(pieces(quads, found, 1)) > 1  # type: ignore[arg-type]
    assert cut >= len(FIXTURES) * 3 // 4, (cut, len(FIXTURES))


# -- random faults on converted documents -----------------------------------------

Quads = list[ox.Quad]


def _drop(rng: random.Random, quads: Quads) -> Quads:
    victim = rng.randrange(len(quads))
    return quads[:victim] + quads[victim + 1 :]


def _swap_object(rng: random.Random, quads: Quads) -> Quads:
    """A link or value now points at another node or value of the graph (a claim about
    a place, a span in a node that is no document, a second value)."""
    victim = rng.randrange(len(quads))
    other = rng.choice(quads).object
    q = quads[victim]
    changed = ox.Quad(q.subject, q.predicate, other, q.graph_name)
    return (
        [*quads, changed]
        if rng.random() < 0.5
        else [*quads[:victim], changed, *quads[victim + 1 :]]
    )


def _untype(rng: random.Random, quads: Quads) -> Quads:
    """A node loses its types (what links to it now points at an untyped node)."""
    typed = sorted({str(q.subject) for q in quads if q.predicate == RDF_TYPE})
    node = rng.choice(typed)
    return [q for q in quads if not (str(q.subject) == node and q.predicate == RDF_TYPE)]


def _retype(rng: random.Random, quads: Quads) -> Quads:
    literals = [n for n, q in enumerate(quads) if isinstance(q.object, ox.Literal)]
    victim = rng.choice(literals)
    q = quads[victim]
    value = q.object.value  # type: ignore[union-attr]
    datatype = rng.choice((XSD + "integer", XSD + "date", XSD + "string", XSD + "gYear"))
    changed = ox.Quad(q.subject, q.predicate, ox.Literal(value, datatype=ox.NamedNode(datatype)))
    return [*quads[:victim], changed, *quads[victim + 1 :]]


def _geometry_emptied(rng: random.Random, quads: Quads) -> Quads:
    """A geometry with no triples of its own: a focus only as an object of
    geo:hasGeometry (sh:targetObjectsOf)."""
    geometries = sorted(
        {str(q.object) for q in quads if q.predicate.value.endswith("#hasGeometry")}
    )
    if not geometries:
        return _drop(rng, quads)
    node = rng.choice(geometries)
    return [q for q in quads if str(q.subject) != node]


FAULTS = (_drop, _swap_object, _untype, _retype, _geometry_emptied)


def test_pieces_give_the_whole_report_on_generated_documents(
    tmp_path: Path, validators: dict[int, Validator]
) -> None:
    generator = _load_generator()
    converter = Converter(BuildOptions(validate=False))
    rng = random.Random(5)
    found = 0
    for n, document in enumerate(generator.generate_corpus(24, 11)):
        path = tmp_path / document.name
        path.write_text(document.text, encoding="utf-8")
        quads = list(converter.convert(path).quads)
        for k in range(3):
            quads = FAULTS[(n + k) % len(FAULTS)](rng, quads)
        whole = validators[WHOLE].validate_quads(quads)
        for size in (SIZES[n % len(SIZES)], SIZES[-1]):
            assert len(pieces(quads, _engine_reach(), size)) > 1  # type: ignore[arg-type]
            cut = validators[size].validate_quads(quads)
            shown = f"{cut.format_text()}\n---\n{whole.format_text()}"
            assert cut == whole, f"{document.name}, pieces of {size}:\n{shown}"
        # the same graph given as the N-Triples lines the converter holds (issue 12)
        text = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES) or b""
        lines = list(dict.fromkeys(text.decode().split("\n")[:-1]))
        assert validators[SIZES[-1]].validate_lines(lines) == whole, document.name
        found += len(whole.violations)
    assert found >= 24  # the faults were found, not just agreed on


def test_a_document_text_is_in_one_piece(tmp_path: Path) -> None:
    sample = Path(__file__).resolve().parents[1] / "data" / "documents"
    path = sorted(sample.glob("*.txt"))[0]
    quads = Converter(BuildOptions(validate=False)).convert(path).quads
    cut = pieces(quads, _engine_reach(), 10)  # type: ignore[arg-type]
    holding = [owned for owned, text in cut if f"<{NIF}isString>" in text]
    assert len(cut) > 5 and len(holding) == 1
    documents = {str(q.subject.value) for q in quads if q.predicate.value == NIF + "isString"}
    assert holding[0] is not None and documents <= holding[0]


def test_a_literal_with_a_unicode_line_separator_stays_on_its_line() -> None:
    """N-Triples escapes only CR and LF in a literal: U+2028, U+0085 and form feeds are
    written as they are, and splitting the text at them would cut a triple in two."""
    s, o = ox.NamedNode("http://e/s"), ox.NamedNode("http://e/o")
    p = ox.NamedNode("http://e/p")
    reads = reach(Graph())
    assert reads is not None
    data = [ox.Triple(s, p, ox.Literal("a\u2028b\x85c\x0cd")), ox.Triple(o, p, s)]
    found = pieces(data, reads, 1)
    assert len(found) == 2
    for _, text in found:
        assert list(ox.parse(text.encode(), ox.RdfFormat.N_TRIPLES))  # whole lines only


def test_a_hub_is_read_once_with_the_same_neighbourhoods(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long document's foci all link to its event and document node (hundreds of
    triples each): what the shapes read on such a hub is kept per depth, not filtered
    again per focus (issue 12), and every focus's neighbourhood is the one read without
    the keeping, triple for triple and in the same order."""
    from attackgraph.validate import pieces as cutting
    from attackgraph.validate.pieces import Cut, _around

    monkeypatch.setattr(cutting, "_HUB", 6)  # the document and event nodes are hubs

    block = "\n== Ambush ==\nThe district office said that {n} herders were killed.\n"
    text = "= Ambush at Kelvar =\n\nHerders were ambushed near Kelvar.\n" + "".join(
        block.format(n=n) for n in range(3, 80)
    )
    path = tmp_path / "kelvar.txt"
    path.write_text(text, encoding="utf-8")
    quads = Converter(BuildOptions(validate=False)).convert(path).quads
    found = _engine_reach()
    cut = Cut(quads, found, 40)  # type: ignore[arg-type]
    assert cut.whole is None and max(len(t) for t in cut.out.values()) > 6
    hubs: dict[tuple[str, int], tuple[list[str], list[tuple[str, str | None, str]]]] = {}
    for node in cut.foci:
        plain = _around(node, cut.out, cut.incoming, found)  # type: ignore[arg-type]
        kept = _around(node, cut.out, cut.incoming, found, hubs)  # type: ignore[arg-type]
        assert kept == plain, node
    assert hubs  # the hubs were kept
