"""The export stage: every format, golden bytes, round trips, determinism, atomic writes.

Golden files live in tests/golden/export/; after an intended change, regenerate them with
``UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_export.py`` and review the diff by eye.
The JSON-LD golden uses a snapshot of the project context (golden/export/context.jsonld)
so that it changes only when the writer does; the packaged context is tested separately.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from attackgraph.export import (
    ALL_FORMATS,
    FORMATS,
    ExportError,
    ExportSource,
    Format,
    write_dataset,
)
from attackgraph.identifiers import Minter, raw_property
from attackgraph.namespaces import AG, GEO, NIF, OWL, RDF, SCHEMA, XSD, concept

GOLDEN = Path(__file__).parent / "golden" / "export"
TEST_CONTEXT = GOLDEN / "context.jsonld"
UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))

# rdflib's JSON-LD and N-Quads parsers use its own deprecated APIs.
pytestmark = [
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
]

Statement = tuple[NamedNode, NamedNode, NamedNode | Literal]


def sample_batches(base: str = "https://w3id.org/attackgraph") -> list[list[Quad]]:
    """Two documents' named graphs in the shape of docs/data-model.md (70 quads)."""
    m = Minter(base)
    a, b = "000-6de047e5428871d9", "001-westgate-mall-attack"
    doc_a, doc_b = m.document(a), m.document(b)
    event_a = m.event("april-2022-mopti-region-attacks")
    event_b = m.event("westgate-shopping-mall-attack")
    mali, sevare, geometry = m.place("ml"), m.place("ml-sevare"), m.geometry("ml-sevare")
    span_a, span_b = m.span(a, 303, 321), m.span(b, 0, 8)
    claim_a, claim_b = m.claim(a, 1), m.claim(b, 1)
    figure_a, figure_b = m.figure(a, 1, 1), m.figure(b, 1, 1)
    shabaab = m.actor("al-shabaab")
    text_a = 'Casualties: "15 soldiers killed"\nC:\\path\twith tab'
    text_b = "Shambulio la Westgate \u2028 — 😢 «Nairobi»"

    def n(value: int) -> Literal:
        return Literal(str(value), datatype=XSD.integer)

    first: list[Statement] = [
        (doc_a, RDF.type, AG.Document),
        (doc_a, RDF.type, NIF.Context),
        (doc_a, SCHEMA.name, Literal("April 2022 Mopti region attacks")),
        (doc_a, AG.sourceFile, Literal("000_6de047e5428871d9.txt")),
        (doc_a, NIF.isString, Literal(text_a)),
        (doc_a, NIF.beginIndex, n(0)),
        (doc_a, NIF.endIndex, n(len(text_a))),
        (span_a, RDF.type, AG.TextSpan),
        (span_a, NIF.referenceContext, doc_a),
        (span_a, NIF.beginIndex, n(13)),
        (span_a, NIF.endIndex, n(31)),
        (span_a, NIF.anchorOf, Literal("15 soldiers killed")),
        (span_a, AG.line, n(11)),
        (event_a, RDF.type, AG.Attack),
        (event_a, SCHEMA.name, Literal("April 2022 Mopti region attacks")),
        (event_a, SCHEMA.name, Literal("Attaques de la région de Mopti", language="fr")),
        (event_a, AG.date, Literal("2022-04-24", datatype=XSD.date)),
        (event_a, AG.eventType, concept("coordinated-attack")),
        (event_a, AG.location, sevare),
        (event_a, AG.country, mali),
        (mali, RDF.type, AG.Place),
        (mali, SCHEMA.name, Literal("Mali")),
        (sevare, RDF.type, AG.Place),
        (sevare, SCHEMA.name, Literal("Sévaré")),
        (sevare, AG.containedIn, mali),
        (sevare, GEO.hasGeometry, geometry),
        (sevare, OWL.sameAs, NamedNode("https://sws.geonames.org/2451185/")),
        (geometry, RDF.type, GEO.Geometry),
        (geometry, GEO.asWKT, Literal("POINT(-4.1 14.53)", datatype=GEO.wktLiteral)),
        (claim_a, RDF.type, AG.Claim),
        (claim_a, AG.about, event_a),
        (claim_a, AG.reportedIn, doc_a),
        (claim_a, AG.evidence, span_a),
        (claim_a, AG.rank, concept("preferred")),
        (claim_a, AG.assertsFigure, figure_a),
        (figure_a, RDF.type, AG.CasualtyFigure),
        (figure_a, AG.ofEvent, event_a),
        (figure_a, AG.outcome, concept("killed")),
        (figure_a, AG.populationGroup, concept("soldiers")),
        (figure_a, SCHEMA.value, n(15)),
        (figure_a, AG.estimateType, concept("exact")),
        (figure_a, AG.statedAs, Literal('say """15""" \\o/\r\nend')),
    ]
    second: list[Statement] = [
        (doc_b, RDF.type, AG.Document),
        (doc_b, SCHEMA.name, Literal("Westgate shopping mall attack")),
        (doc_b, NIF.isString, Literal(text_b)),
        (span_b, RDF.type, AG.TextSpan),
        (span_b, NIF.referenceContext, doc_b),
        (span_b, NIF.anchorOf, Literal("Shambulio")),
        (event_b, RDF.type, AG.Attack),
        (event_b, SCHEMA.name, Literal("Westgate shopping mall attack")),
        (event_b, AG.date, Literal("2013-09", datatype=XSD.gYearMonth)),
        (event_b, raw_property("Numparticipants"), Literal("4–6")),
        (shabaab, RDF.type, AG.ArmedGroup),
        (shabaab, SCHEMA.name, Literal("Al-Shabaab")),
        (shabaab, SCHEMA.name, Literal("حركة الشباب المجاهدين", language="ar")),
        (mali, RDF.type, AG.Place),  # in both graphs: once in the union
        (mali, SCHEMA.name, Literal("Mali")),
        (claim_b, RDF.type, AG.Claim),
        (claim_b, RDF.type, RDF.Statement),
        (claim_b, RDF.subject, event_b),
        (claim_b, RDF.predicate, AG.perpetrator),
        (claim_b, RDF.object, shabaab),
        (claim_b, AG.claimedBy, shabaab),
        (claim_b, AG.about, event_b),
        (claim_b, AG.rank, concept("normal")),
        (claim_b, AG.assertsFigure, figure_b),
        (figure_b, RDF.type, AG.CasualtyFigure),
        (figure_b, SCHEMA.minValue, n(67)),
        (figure_b, SCHEMA.maxValue, n(71)),
        (figure_b, AG.groupLabel, Literal("shoppers", language="en")),
    ]
    return [[Quad(*t, doc_a) for t in first], [Quad(*t, doc_b) for t in second]]


def expected_quads() -> set[Quad]:
    return {q for batch in sample_batches() for q in batch}


def expected_triples() -> set[ox.Triple]:
    return {q.triple for q in expected_quads()}


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("release")
    batches: Iterator[list[Quad]] = iter(sample_batches())  # consumed once, streamed
    result = write_dataset(batches, out, context=TEST_CONTEXT)
    assert (result.quads, result.triples, result.graphs) == (70, 68, 2)
    return dict(result.files)


def names() -> list[str]:
    assert FORMATS, "the registry is empty"
    return list(FORMATS)


# --- the registry ------------------------------------------------------------------


def test_registry_lists_the_five_dump_formats() -> None:
    assert [(f.name, f.extension) for f in ALL_FORMATS] == [
        ("turtle", ".ttl"),
        ("jsonld", ".jsonld"),
        ("ntriples", ".nt"),
        ("nquads", ".nq"),
        ("trig", ".trig"),
    ]


@pytest.mark.parametrize("name", names())
def test_format_agrees_with_pyoxigraph(name: str) -> None:
    fmt = FORMATS[name]
    assert fmt.media_type == fmt.rdf_format.media_type.split(";")[0]  # JSON-LD: a profile
    assert fmt.extension == "." + fmt.rdf_format.file_extension
    assert fmt.named_graphs == (name in ("nquads", "trig"))


# --- output: golden bytes, round trips ---------------------------------------------


@pytest.mark.parametrize("name", names())
def test_output_matches_golden_file(name: str, written: dict[str, Path]) -> None:
    golden = GOLDEN / written[name].name
    data = written[name].read_bytes()
    if UPDATE:
        golden.write_bytes(data)
    assert data == golden.read_bytes(), f"{name}: output differs from {golden}"


@pytest.mark.parametrize("name", names())
def test_pyoxigraph_reads_back_the_dataset(name: str, written: dict[str, Path]) -> None:
    fmt = FORMATS[name]
    parsed = set(ox.parse(path=written[name], format=fmt.rdf_format))
    if name == "jsonld":  # the whole-document parser reads the streaming form alike
        assert set(ox.parse(path=written[name], format=ox.RdfFormat.JSON_LD)) == parsed
    if fmt.named_graphs:
        assert parsed == expected_quads()
    else:
        assert {q.triple for q in parsed} == expected_triples()
        assert all(isinstance(q.graph_name, ox.DefaultGraph) for q in parsed)


def to_rdflib(term: Any) -> rdflib.term.Node:
    if isinstance(term, NamedNode):
        return rdflib.URIRef(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    datatype = None if term.datatype == XSD.string else rdflib.URIRef(term.datatype.value)
    return rdflib.Literal(term.value, datatype=datatype)


def rdflib_statements(path: Path, name: str) -> set[tuple[str | None, tuple[Any, ...]]]:
    """What rdflib reads from a dump: (graph IRI or None, (s, p, o)) in rdflib terms."""
    rdflib_format = {"turtle": "turtle", "jsonld": "json-ld", "ntriples": "nt"}.get(name, name)
    if FORMATS[name].named_graphs:
        dataset = rdflib.Dataset()  # a fresh one per file: see the trap below
        dataset.parse(path, format=rdflib_format)
        return {(str(c.identifier), t) for c in dataset.graphs() for t in c}
    return {(None, t) for t in rdflib.Graph().parse(path, format=rdflib_format)}


def as_rdflib(quads: set[Quad], *, named_graphs: bool) -> set[tuple[str | None, tuple[Any, ...]]]:
    return {
        (
            q.graph_name.value if named_graphs else None,
            tuple(to_rdflib(x) for x in (q.subject, q.predicate, q.object)),
        )
        for q in quads
    }


@pytest.mark.parametrize("name", names())
def test_rdflib_reads_back_the_dataset(name: str, written: dict[str, Path]) -> None:
    got = rdflib_statements(written[name], name)
    want = as_rdflib(expected_quads(), named_graphs=FORMATS[name].named_graphs)
    assert got - want == set() and want - got == set()


def test_rdflib_trap_nquads_after_turtle_drops_the_turtle_triples(
    written: dict[str, Path],
) -> None:
    """rdflib 7.x: Dataset.parse of N-Quads after Turtle empties the default graph.

    The tests above parse each file into a fresh Dataset for this reason. If this test
    fails, rdflib has fixed the bug and the workaround can go.
    """
    dataset = rdflib.Dataset()
    dataset.parse(written["turtle"], format="turtle")
    assert len(dataset.default_graph) == 68
    dataset.parse(written["nquads"], format="nquads")
    assert len(dataset.default_graph) == 0


def test_dumps_are_sorted_and_unique(written: dict[str, Path]) -> None:
    for name in ("ntriples", "nquads"):
        lines = written[name].read_text(encoding="utf-8").split("\n")  # not at U+2028
        assert lines.pop() == ""
        assert lines == sorted(set(lines)), name  # str order is codepoint order
    assert written["ntriples"].read_bytes().count(b"\n") == 68


def test_turtle_states_each_subject_once_with_its_types_first(written: dict[str, Path]) -> None:
    text = written["turtle"].read_text(encoding="utf-8")
    starts = [line for line in text.split("\n") if line and line[0] not in "@\t"]
    subjects = [line.split(" ", 1)[0] for line in starts]
    assert len(subjects) == len(set(subjects)) == 14
    typed = [line for line in starts if " a " in line]
    assert len(typed) == 14 and all(line.split(" ")[1] == "a" for line in typed)


def test_trig_has_one_block_per_graph(written: dict[str, Path]) -> None:
    text = written["trig"].read_text(encoding="utf-8")
    blocks = [line for line in text.splitlines() if line.endswith(" {")]
    assert blocks == ["doc:000-6de047e5428871d9 {", "doc:001-westgate-mall-attack {"]


def test_jsonld_embeds_its_context(written: dict[str, Path]) -> None:
    doc = json.loads(written["jsonld"].read_text(encoding="utf-8"))
    assert doc["@context"] == json.loads(TEST_CONTEXT.read_text(encoding="utf-8"))["@context"]
    assert len(doc["@graph"]) == 14
    figure = next(n for n in doc["@graph"] if n["@id"].endswith("figure/000-6de047e5428871d9-1-1"))
    assert figure["value"] == 15 and figure["outcome"] == "c:killed"
    assert figure["@type"] == "CasualtyFigure"


def test_packaged_context_round_trips(tmp_path: Path) -> None:
    try:
        write_dataset(sample_batches(), tmp_path, formats=[FORMATS["jsonld"]])
    except ExportError as error:
        if "cannot load the JSON-LD context" in str(error):
            pytest.skip(f"packaged context not available yet: {error}")
        raise
    graph = rdflib.Graph().parse(tmp_path / "attackgraph.jsonld", format="json-ld")
    assert len(graph) == 68


# --- determinism -------------------------------------------------------------------


def test_same_quads_in_any_order_give_the_same_bytes(
    tmp_path: Path, written: dict[str, Path]
) -> None:
    first, second = sample_batches()
    shuffled = [second[::-1], first[::-1] + first[:5]]  # reordered, repeated
    result = write_dataset(shuffled, tmp_path, context=TEST_CONTEXT)
    for name, path in result.files.items():
        assert path.read_bytes() == written[name].read_bytes(), name


@pytest.mark.parametrize("seed", ["0", "4242"])
def test_bytes_do_not_depend_on_the_hash_seed(
    seed: str, tmp_path: Path, written: dict[str, Path]
) -> None:
    code = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
        "from test_export import sample_batches, TEST_CONTEXT;"
        "from attackgraph.export import write_dataset;"
        "write_dataset(sample_batches(), Path(sys.argv[2]), context=TEST_CONTEXT)"
    )
    env = {**os.environ, "PYTHONHASHSEED": seed}
    args = [sys.executable, "-c", code, str(Path(__file__).parent), str(tmp_path)]
    subprocess.run(args, env=env, check=True, timeout=120)
    for name, path in written.items():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), name


def test_gzip_variant_is_deterministic_and_verified(
    tmp_path: Path, written: dict[str, Path]
) -> None:
    result = write_dataset(sample_batches(), tmp_path, gzip=True, context=TEST_CONTEXT)
    for name, path in result.files.items():
        assert path.name == written[name].name + ".gz"
        raw = path.read_bytes()
        assert raw[3] == 0, "no FNAME (or other) header flags"
        assert raw[4:8] == b"\0\0\0\0", "mtime is zero"
        assert gzip.decompress(raw) == written[name].read_bytes()


def test_base_sets_the_id_prefix(tmp_path: Path) -> None:
    base = "https://example.org/ag"
    write_dataset(sample_batches(base), tmp_path, base=base, context=TEST_CONTEXT)
    turtle = (tmp_path / "attackgraph.ttl").read_text(encoding="utf-8")
    assert "@prefix event: <https://example.org/ag/id/event/> ." in turtle
    assert "event:westgate-shopping-mall-attack a ag:Attack" in turtle


# --- atomic, verified writes -------------------------------------------------------


def broken(name: str, write: Any) -> Format:
    """A registry format with another writer, passed through ``formats=``."""
    return dataclasses.replace(FORMATS[name], write=write)


def assert_previous_kept(folder: Path, name: str, golden: Path) -> None:
    assert (folder / golden.name).read_bytes() == golden.read_bytes(), name
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []


@pytest.fixture
def release(tmp_path: Path) -> Path:
    write_dataset(sample_batches(), tmp_path, context=TEST_CONTEXT)
    return tmp_path


def test_invalid_output_keeps_the_previous_file(release: Path) -> None:
    def write(source: ExportSource, out: BinaryIO) -> None:
        out.write(b'<https://e/s> <https://e/p> "unterminated .\n')

    with pytest.raises(ExportError) as caught:
        write_dataset(sample_batches(), release, formats=[broken("turtle", write)])
    message = str(caught.value)
    assert str(release / "attackgraph.ttl") in message and "1:" in message  # parser position
    assert_previous_kept(release, "turtle", GOLDEN / "attackgraph.ttl")


def test_a_lost_or_changed_statement_is_caught(release: Path) -> None:
    def drop_last(source: ExportSource, out: BinaryIO) -> None:
        lines = list(source.data.triple_lines())[:-1]
        out.write(b"".join(line + b" .\n" for line in lines))

    def change_one(source: ExportSource, out: BinaryIO) -> None:
        data = b"".join(line + b" .\n" for line in source.data.triple_lines())
        assert data.count(b'"Al-Shabaab"') == 1
        out.write(data.replace(b'"Al-Shabaab"', b'"Al-Shabab"'))

    with pytest.raises(ExportError, match="re-parse found 67 statements, expected 68"):
        write_dataset(sample_batches(), release, formats=[broken("ntriples", drop_last)])
    with pytest.raises(ExportError, match="differs"):
        write_dataset(sample_batches(), release, formats=[broken("ntriples", change_one)])
    assert_previous_kept(release, "ntriples", GOLDEN / "attackgraph.nt")


def test_a_writer_that_dies_half_way_leaves_no_partial_file(release: Path) -> None:
    def die(source: ExportSource, out: BinaryIO) -> None:
        out.write(b"<https://e/s> <https://e/p> <https://e/o> <https://e/g> .\n" * 1000)
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError, match="disk on fire"):
        write_dataset(sample_batches(), release, formats=[broken("nquads", die)])
    assert_previous_kept(release, "nquads", GOLDEN / "attackgraph.nq")


# --- input checks ------------------------------------------------------------------


def test_quads_the_dumps_cannot_hold_are_refused(tmp_path: Path) -> None:
    s, p = NamedNode("https://e/s"), NamedNode("https://e/p")
    g = NamedNode("https://e/g")
    with pytest.raises(ValueError, match="blank node"):
        write_dataset([[Quad(s, p, BlankNode("b1"), g)]], tmp_path)
    with pytest.raises(ValueError, match="default graph"):
        write_dataset([[Quad(s, p, Literal("x"))]], tmp_path)
    with pytest.raises(ValueError, match="listed twice"):
        write_dataset([], tmp_path, formats=[FORMATS["trig"], FORMATS["trig"]])


def test_a_batch_may_mix_graphs_and_literals_may_look_like_blank_nodes(tmp_path: Path) -> None:
    s, p = NamedNode("https://e/s"), NamedNode("https://e/p")
    g, h = NamedNode("https://e/g"), NamedNode("https://e/h")
    batch = [Quad(s, p, Literal("_:x <<y>>"), g), Quad(s, p, Literal("_:x <<y>>"), h)]
    result = write_dataset([batch, []], tmp_path, context=TEST_CONTEXT)
    assert (result.quads, result.triples, result.graphs) == (2, 1, 2)


def test_an_empty_dataset_gives_valid_empty_dumps(tmp_path: Path) -> None:
    result = write_dataset([], tmp_path, context=TEST_CONTEXT)
    assert (result.quads, result.triples) == (0, 0)
    assert (tmp_path / "attackgraph.nq").read_bytes() == b""
    assert json.loads((tmp_path / "attackgraph.jsonld").read_text())["@graph"] == []


# --- any text survives every format ------------------------------------------------

TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT)
@example(text="")
@example(text='"""')
@example(text="a\rb\r\nc\n")
@example(text="\u2028\u2029\x85\x0b\x0c")
@example(text="\\u0041 \\n \\")
@example(text="\x00\x01\x7f\ufeff\U0010ffff")
def test_any_text_survives_every_format(
    text: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """In pyoxigraph (the strict parser) and in rdflib, for every format."""
    g, s, p = NamedNode("https://e/g"), NamedNode("https://e/s"), NamedNode("https://e/p")
    literals = {Literal(text), Literal(text, language="en")}
    out = tmp_path_factory.mktemp("text")
    result = write_dataset([[Quad(s, p, o, g) for o in literals]], out, context=TEST_CONTEXT)
    quads = {Quad(s, p, o, g) for o in literals}
    for name, path in result.files.items():
        got = {q.object for q in ox.parse(path=path, format=FORMATS[name].rdf_format)}
        assert got == literals, name
        named_graphs = FORMATS[name].named_graphs
        assert rdflib_statements(path, name) == as_rdflib(quads, named_graphs=named_graphs), name


# --- JSON-LD compaction against other contexts -------------------------------------

E = "http://e/"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"


def lit(value: str, datatype: str | None = None, language: str | None = None) -> Literal:
    if language:
        return Literal(value, language=language)
    return Literal(value, datatype=NamedNode(datatype or XSD_NS + "string"))


COMPACTION_CASES: dict[str, tuple[dict[str, Any], list[tuple[str, Any]], dict[str, Any]]] = {
    "datatype coercion": (
        {"xsd": XSD_NS, "d": {"@id": E + "d", "@type": "xsd:date"}},
        [(E + "d", lit("2020-01-01", XSD_NS + "date")), (E + "d", lit("x"))],
        {"d": "2020-01-01", E + "d": "x"},
    ),
    "language terms": (
        {"label_fr": {"@id": E + "label", "@language": "fr"}, "label": E + "label"},
        [(E + "label", lit("chat", language="fr")), (E + "label", lit("cat", language="en"))],
        {"label": {"@value": "cat", "@language": "en"}, "label_fr": "chat"},
    ),
    "default language": (
        {"@language": "en", "name": E + "name"},
        [(E + "name", lit("plain"))],
        {"name": {"@value": "plain"}},
    ),
    "reverse and scoped terms are not used": (
        {"rev": {"@reverse": E + "p"}, "sc": {"@id": E + "p", "@context": {"x": E + "x"}}},
        [(E + "p", NamedNode(E + "o"))],
        {E + "p": {"@id": E + "o"}},
    ),
    "vocab and a prefix flag": (
        {"@vocab": E, "ex": {"@id": "http://x.org/", "@prefix": True}, "n": E + "n"},
        [(E + "p", NamedNode("http://x.org/o")), (E + "n", lit("012", XSD_NS + "integer"))],
        {"n": {"@type": XSD_NS + "integer", "@value": "012"}, "p": {"@id": "ex:o"}},
    ),
    "an expanded definition is no prefix": (
        {"ex": {"@id": E}, "t": {"@id": E + "t", "@type": "@vocab"}, "Kind": E + "Kind"},
        [(E + "t", NamedNode(E + "Kind")), (E + "b", lit("true", XSD_NS + "boolean"))],
        {E + "b": True, "t": "Kind"},
    ),
    "sets and native numbers": (
        {"e": E, "many": {"@id": E + "many", "@container": "@set"}},
        [
            (E + "many", lit("1234567890123456", XSD_NS + "integer")),
            (E + "v", lit("-7", XSD_NS + "integer")),
        ],
        {"e:v": -7, "many": [{"@type": XSD_NS + "integer", "@value": "1234567890123456"}]},
    ),
}


@pytest.mark.parametrize("case", list(COMPACTION_CASES))
def test_jsonld_compaction_round_trips_with_other_contexts(case: str, tmp_path: Path) -> None:
    context, statements, want = COMPACTION_CASES[case]
    context_file = tmp_path / "context.jsonld"
    context_file.write_text(json.dumps({"@context": context}))
    subject, graph = NamedNode(E + "s"), NamedNode(E + "g")
    quads = {Quad(subject, NamedNode(p), o, graph) for p, o in statements}
    # write_dataset re-parses the file with pyoxigraph and compares every statement
    result = write_dataset(
        [list(quads)], tmp_path, formats=[FORMATS["jsonld"]], context=context_file
    )
    path = result.files["jsonld"]
    [node] = json.loads(path.read_text(encoding="utf-8"))["@graph"]
    assert {k: v for k, v in node.items() if k != "@id"} == want
    assert rdflib_statements(path, "jsonld") == as_rdflib(quads, named_graphs=False)


@pytest.mark.parametrize(
    ("context", "message"),
    [
        ("https://example.org/context.jsonld", "remote"),
        ({"@import": "https://example.org/c.jsonld"}, "@import"),
        ({"a": "b:x", "b": "a:y"}, "cyclic"),
    ],
)
def test_unusable_contexts_are_refused(context: Any, message: str, tmp_path: Path) -> None:
    context_file = tmp_path / "context.jsonld"
    context_file.write_text(json.dumps({"@context": context}))
    with pytest.raises(ExportError, match=message):
        write_dataset(sample_batches(), tmp_path, formats=[FORMATS["jsonld"]], context=context_file)
    assert not (tmp_path / "attackgraph.jsonld").exists()
