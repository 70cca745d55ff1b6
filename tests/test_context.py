"""ontology/context.jsonld: plain-JSON-friendly compaction that round-trips.

A small graph in the style of docs/data-model.md is compacted by rdflib with the context
(the snippet in ontology/README.md), read back by rdflib and by pyoxigraph, and compared
with the original; the compacted JSON is checked to read as plain JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import OWL, RDF

from attackgraph.namespaces import AG, AG_NS, PREFIXES

ROOT = Path(__file__).resolve().parents[1]
CONTEXT_FILE = ROOT / "ontology" / "context.jsonld"
ONTOLOGY_FILE = ROOT / "ontology" / "attackgraph.ttl"
ID = "https://w3id.org/attackgraph/id/"

# rdflib's own JSON-LD parser still builds a ConjunctiveGraph internally.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

SAMPLE = """
@base   <https://w3id.org/attackgraph/id/> .
@prefix ag:     <https://w3id.org/attackgraph/ontology#> .
@prefix c:      <https://w3id.org/attackgraph/concept/> .
@prefix raw:    <https://w3id.org/attackgraph/raw#> .
@prefix schema: <https://schema.org/> .
@prefix nif:    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix geo:    <http://www.opengis.net/ont/geosparql#> .
@prefix owl:    <http://www.w3.org/2002/07/owl#> .
@prefix rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .

<doc/d> a ag:Document, nif:Context ; schema:name "Sévaré attack" ;
    ag:sourceFile "d.txt" ; ag:contentHash "sha256:59ff98" ;
    nif:isString "Casualties: 15 soldiers killed" ; nif:beginIndex 0 ; nif:endIndex 30 .
<span/d-12-30> a ag:TextSpan ; nif:referenceContext <doc/d> ;
    nif:beginIndex 12 ; nif:endIndex 30 ; nif:anchorOf "15 soldiers killed" ; ag:line 11 .

<event/e> a ag:Attack ; schema:name "April 2022 Mopti region attacks" ;
    ag:eventType c:coordinated-attack , c:vehicle-bombing ;
    ag:date "2022-04-24"^^xsd:date ; ag:datePrecision c:day ;
    ag:location <place/ml-sevare> ; ag:country <place/ml> ; ag:partOf <event/mali-war> ;
    ag:perpetrator <actor/katibat-macina> ; raw:numparticipants "about 100" .
<event/mali-war> a ag:ArmedConflict ; schema:name "Mali War" ;
    ag:startDate "2012-01"^^xsd:gYearMonth ; ag:endDate "2022"^^xsd:gYear .
<side/e-1> a ag:Side ; ag:sideOf <event/e> ; ag:sideNumber 1 ; ag:member <actor/katibat-macina> .

<actor/katibat-macina> a ag:ArmedGroup ; schema:name "Katibat Macina" ;
    ag:actorType c:armed-group .
<place/ml> a ag:Place ; schema:name "Mali" ; ag:placeType c:country ; ag:iso3166_1 "ML" .
<place/ml-sevare> a ag:Place ; schema:name "Sévaré" ; ag:placeType c:locality ;
    ag:containedIn <place/ml> ; owl:sameAs <https://sws.geonames.org/2451185/> ;
    geo:hasGeometry <geometry/ml-sevare> .
<geometry/ml-sevare> a geo:Geometry ; geo:asWKT "POINT(-4.1 14.53)"^^geo:wktLiteral .

<claim/d-1> a ag:Claim ; ag:claimKind c:casualties ; ag:about <event/e> ;
    ag:reportedIn <doc/d> ; ag:evidence <span/d-12-30> ; ag:rank c:preferred ;
    ag:assertsFigure <figure/d-1-1> , <figure/d-1-2> .
<figure/d-1-1> a ag:CasualtyFigure ; ag:ofEvent <event/e> ; ag:populationGroup c:soldiers ;
    ag:outcome c:killed ; ag:ofSide <side/e-1> ; schema:value 15 ; ag:estimateType c:exact ;
    ag:statedAs "15 soldiers killed" .
<figure/d-1-2> a ag:CasualtyFigure ; ag:ofEvent <event/e> ; ag:populationGroup c:civilians ;
    ag:outcome c:injured ; schema:minValue 20 ; schema:maxValue 30 ; ag:estimateType c:range .
<claim/d-2> a ag:Claim , rdf:Statement ; ag:claimKind c:responsibility ;
    rdf:subject <event/e> ; rdf:predicate ag:perpetrator ; rdf:object <actor/katibat-macina> ;
    ag:about <event/e> ; ag:claimedBy <actor/katibat-macina> ; ag:via <actor/afp> ;
    ag:reportedIn <doc/d> ; ag:evidence <span/d-12-30> ; ag:rank c:normal .
"""


def load_context() -> dict[str, Any]:
    document = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))
    assert list(document) == ["@context"]
    context: dict[str, Any] = document["@context"]
    return context


def compact(graph: Graph) -> str:
    """The snippet of ontology/README.md: rdflib compaction with the context inline.

    Nodes and multi-valued keys are sorted afterwards, because rdflib's order depends on
    ``PYTHONHASHSEED`` and a release must be byte-identical for the same input.
    """
    data = graph.serialize(format="json-ld", context=load_context(), auto_compact=True)
    document = json.loads(data)
    nodes = document.get("@graph", [document])
    nodes.sort(key=lambda node: node["id"])
    for node in nodes:
        for value in node.values():
            if isinstance(value, list):
                value.sort(key=lambda item: json.dumps(item, sort_keys=True))
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def nodes_by_id(data: str) -> dict[str, dict[str, Any]]:
    document = json.loads(data)
    return {node["id"]: node for node in document["@graph"]}


def as_rdflib(quads: list[ox.Quad]) -> Graph:
    data = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=data, format="nt")


def assert_same_graph(expected: Graph, actual: Graph) -> None:
    if not isomorphic(expected, actual):
        _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
        pytest.fail(
            "graphs differ\nmissing:\n"
            + only_expected.serialize(format="nt")
            + "\nunexpected:\n"
            + only_actual.serialize(format="nt")
        )


@pytest.fixture(scope="module")
def sample() -> Graph:
    return Graph().parse(data=SAMPLE, format="turtle")


@pytest.fixture(scope="module")
def compacted(sample: Graph) -> str:
    return compact(sample)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


# ---- the context itself ----------------------------------------------------------


def test_context_is_protected_json_ld_1_1() -> None:
    context = load_context()
    assert context["@version"] == 1.1
    assert context["@protected"] is True
    assert context["@vocab"] == AG_NS
    assert context["id"] == "@id"
    assert context["type"] == "@type"
    assert "@import" not in context and "@base" not in context


def test_prefixes_agree_with_namespaces_module() -> None:
    context = load_context()
    # "id" is the @id alias, so the instance prefix of namespaces.PREFIXES cannot be a
    # JSON-LD prefix as well; instance IRIs are written in full.
    for prefix, iri in PREFIXES.items():
        if prefix != "id":
            assert context[prefix] == iri, prefix


def expand(context: dict[str, Any], value: str) -> str:
    prefix, _, local = value.partition(":")
    return str(context[prefix]) + local if local and prefix in context else value


def test_every_ag_property_has_a_term(ontology: Graph) -> None:
    context = load_context()
    object_properties = set(ontology.subjects(RDF.type, OWL.ObjectProperty))
    functional = set(ontology.subjects(RDF.type, OWL.FunctionalProperty))
    names = [n for n, v in vars(AG).items() if isinstance(v, ox.NamedNode) and n[0].islower()]
    assert len(names) >= 50
    for name in names:
        iri = URIRef(AG_NS + name)
        term = context[name]
        definition = {"@id": term} if isinstance(term, str) else term
        assert expand(context, definition["@id"]) == str(iri), name
        if iri in object_properties:
            assert definition.get("@type") == "@id", name
        else:
            # no coercion: integers stay JSON numbers, strings stay strings, and each
            # date keeps its own datatype (xsd:date, xsd:gYearMonth or xsd:gYear).
            assert "@type" not in definition, name
        if iri in functional:
            assert "@container" not in definition, name


def test_reverse_terms() -> None:
    context = load_context()
    assert context["casualties"] == {"@reverse": "ag:ofEvent", "@container": "@set"}
    assert context["claims"] == {"@reverse": "ag:about", "@container": "@set"}


# ---- round trips -------------------------------------------------------------------


def test_sample_is_data_model_sized(sample: Graph) -> None:
    assert len(sample) >= 30


def test_compacted_json_parses_back_in_rdflib(sample: Graph, compacted: str) -> None:
    assert_same_graph(sample, Graph().parse(data=compacted, format="json-ld"))


def test_compacted_json_parses_in_pyoxigraph(sample: Graph, compacted: str) -> None:
    quads = list(ox.parse(compacted, format=ox.RdfFormat.JSON_LD))
    assert all(q.graph_name == ox.DefaultGraph() for q in quads)
    assert len(quads) == len(sample)
    assert_same_graph(sample, as_rdflib(quads))


def test_compaction_is_byte_stable_across_hash_seeds() -> None:
    code = (
        "import runpy, sys; from rdflib import Graph; m = runpy.run_path(sys.argv[1]); "
        "sys.stdout.write(m['compact'](Graph().parse(data=m['SAMPLE'], format='turtle')))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code, __file__],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1 and next(iter(outputs)).startswith("{")


def test_compacted_json_reads_as_plain_json(compacted: str) -> None:
    nodes = nodes_by_id(compacted)
    figure = nodes[ID + "figure/d-1-1"]
    assert figure["type"] == "CasualtyFigure"
    assert figure["value"] == 15 and type(figure["value"]) is int
    assert figure["outcome"] == "c:killed"
    assert figure["populationGroup"] == "c:soldiers"
    assert figure["ofEvent"] == ID + "event/e"
    bounds = nodes[ID + "figure/d-1-2"]
    assert (bounds["minValue"], bounds["maxValue"], bounds["estimateType"]) == (20, 30, "c:range")

    event = nodes[ID + "event/e"]
    assert event["eventType"] == ["c:coordinated-attack", "c:vehicle-bombing"]
    assert event["location"] == [ID + "place/ml-sevare"]
    assert event["country"] == ID + "place/ml"
    assert event["date"] == {"@value": "2022-04-24", "type": "xsd:date"}
    assert event["raw:numparticipants"] == "about 100"
    war = nodes[ID + "event/mali-war"]
    assert war["startDate"] == {"@value": "2012-01", "type": "xsd:gYearMonth"}
    assert war["endDate"] == {"@value": "2022", "type": "xsd:gYear"}

    span = nodes[ID + "span/d-12-30"]
    assert (span["begin"], span["end"], span["line"]) == (12, 30, 11)
    assert span["anchor"] == "15 soldiers killed"
    assert nodes[ID + "doc/d"]["type"] == ["Document", "nif:Context"]
    assert nodes[ID + "geometry/ml-sevare"]["wkt"] == "POINT(-4.1 14.53)"
    assert nodes[ID + "place/ml"]["placeType"] == "c:country"
    assert nodes[ID + "side/e-1"]["sideNumber"] == 1

    statement = nodes[ID + "claim/d-2"]
    assert statement["predicate"] == "perpetrator"
    assert statement["rank"] == "c:normal"
    assert statement["evidence"] == [ID + "span/d-12-30"]


def test_compacted_keys_are_all_terms(compacted: str) -> None:
    """No key falls back to a full IRI or a CURIE: every emitted property has a term."""
    context = load_context()
    keys = {key for node in nodes_by_id(compacted).values() for key in node}
    assert {k for k in keys if k not in context and not k.startswith("raw:")} == set()


def test_hand_written_json_with_reverse_keys_expands_as_turtle() -> None:
    """The nested shape an exporter can write: casualties and claims under their event."""
    event = {
        "@context": load_context(),
        "id": ID + "event/e",
        "type": "Attack",
        "name": "April 2022 Mopti region attacks",
        "date": {"@value": "2022-04-24", "type": "xsd:date"},
        "eventType": ["c:coordinated-attack"],
        "casualties": [
            {
                "id": ID + "figure/d-1-1",
                "type": "CasualtyFigure",
                "populationGroup": "c:soldiers",
                "outcome": "c:killed",
                "value": 15,
            }
        ],
        "claims": [
            {
                "id": ID + "claim/d-1",
                "type": "Claim",
                "rank": "c:preferred",
                "assertsFigure": [ID + "figure/d-1-1"],
            }
        ],
    }
    expected = Graph().parse(
        format="turtle",
        data="""
        @base <https://w3id.org/attackgraph/id/> .
        @prefix ag: <https://w3id.org/attackgraph/ontology#> .
        @prefix c: <https://w3id.org/attackgraph/concept/> .
        @prefix schema: <https://schema.org/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <event/e> a ag:Attack ; schema:name "April 2022 Mopti region attacks" ;
            ag:date "2022-04-24"^^xsd:date ; ag:eventType c:coordinated-attack .
        <figure/d-1-1> a ag:CasualtyFigure ; ag:ofEvent <event/e> ;
            ag:populationGroup c:soldiers ; ag:outcome c:killed ; schema:value 15 .
        <claim/d-1> a ag:Claim ; ag:about <event/e> ; ag:rank c:preferred ;
            ag:assertsFigure <figure/d-1-1> .
        """,
    )
    data = json.dumps(event)
    assert_same_graph(expected, Graph().parse(data=data, format="json-ld"))
    assert_same_graph(expected, as_rdflib(list(ox.parse(data, format=ox.RdfFormat.JSON_LD))))


def test_protected_terms_cannot_be_redefined() -> None:
    document = {
        "@context": [load_context(), {"value": "http://example.org/value"}],
        "id": "http://example.org/f",
        "value": 15,
    }
    with pytest.raises(SyntaxError, match="protected"):
        list(ox.parse(json.dumps(document), format=ox.RdfFormat.JSON_LD))
