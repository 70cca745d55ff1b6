"""ontology/attackgraph.ttl declares exactly the terms of ``attackgraph.namespaces``.

Every class and property of ``AG`` is declared once with the right OWL type, a label and a
comment, the domains and ranges of docs/data-model.md and the alignments of the design;
every concept of ``SCHEMES`` is a documented SKOS concept of its scheme; and the file
declares nothing else in the ag: and c: namespaces.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import get_args

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.term import Node

from attackgraph import to_rdf
from attackgraph.model import (
    ActorClass,
    EventClass,
    EventProperty,
    EventRelation,
    StatementPredicate,
)
from attackgraph.namespaces import AG, AG_NS, CONCEPT_NS, PREFIXES, RAW_NS, SCHEMES
from attackgraph.reference.registry import ACTOR_CLASSES, ACTOR_TYPES

ONTOLOGY_FILE = Path(__file__).resolve().parents[1] / "ontology" / "attackgraph.ttl"
ONTOLOGY = URIRef("https://w3id.org/attackgraph/ontology")

SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
GEO = "http://www.opengis.net/ont/geosparql#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
CRM = "http://erlangen-crm.org/current/"
DCTERMS = "http://purl.org/dc/terms/"
VANN = "http://purl.org/vocab/vann/"
WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # rdflib's XSD warns when pytest probes it

TERMS: dict[str, URIRef] = {
    name: URIRef(node.value) for name, node in vars(AG).items() if isinstance(node, ox.NamedNode)
}
CLASSES = sorted(name for name in TERMS if name[0].isupper())
PROPERTIES = sorted(name for name in TERMS if name[0].islower())

DATATYPE_PROPERTIES = {
    "date",
    "startDate",
    "endDate",
    "targetDescription",
    "weapon",
    "result",
    "motive",
    "sideNumber",
    "strength",
    "units",
    "iso3166_1",
    "iso3166_2",
    "groupLabel",
    "groupQualifier",
    "statedAs",
    "contentHash",
    "sourceFile",
    "line",
}
"""Literal-valued properties of the contract; every other property links to a resource."""

DOMAINS: dict[str, tuple[str, ...]] = {
    "Event": (
        "eventType",
        "partOf",
        "relatedTo",
        "precedes",
        "followsUp",
        "date",
        "startDate",
        "endDate",
        "datePrecision",
        "location",
        "country",
        "participant",
        "perpetrator",
        "target",
        "targetDescription",
        "weapon",
        "result",
        "motive",
    ),
    "Side": ("sideOf", "sideNumber", "member", "commander", "strength", "units"),
    "Person": ("killedIn",),
    "Actor": ("actorType", "affiliatedWith"),
    "Organization": ("parentOrganization",),
    "StateActor": ("state",),
    "Place": ("placeType", "containedIn", "iso3166_1", "iso3166_2", "locationPrecision"),
    "CasualtyFigure": (
        "ofEvent",
        "outcome",
        "populationGroup",
        "groupLabel",
        "groupQualifier",
        "estimateType",
        "ofActor",
        "ofSide",
        "statedAs",
    ),
    "Claim": (
        "about",
        "claimedBy",
        "via",
        "reportedIn",
        "evidence",
        "assertsFigure",
        "rank",
        "claimKind",
    ),
    "Document": ("contentHash", "sourceFile"),
    "TextSpan": ("line",),
}
"""Which node of docs/data-model.md carries each property."""

RANGES: dict[str, str] = {
    "partOf": "Event",
    "relatedTo": "Event",
    "precedes": "Event",
    "followsUp": "Event",
    "location": "Place",
    "country": "Place",
    "participant": "Actor",
    "perpetrator": "Actor",
    "sideOf": "Event",
    "member": "Actor",
    "commander": "Actor",
    "killedIn": "Event",
    "affiliatedWith": "Actor",
    "parentOrganization": "Organization",
    "state": "Place",
    "containedIn": "Place",
    "ofEvent": "Event",
    "ofActor": "Actor",
    "ofSide": "Side",
    "about": "Event",
    "claimedBy": "Actor",
    "via": "Actor",
    "reportedIn": "Document",
    "evidence": "TextSpan",
    "assertsFigure": "CasualtyFigure",
}
"""Ranges of the resource-valued properties that are not concepts (ag:target is a union)."""

CONCEPT_PROPERTIES: dict[str, str] = {
    "eventType": "event-type",
    "datePrecision": "date-precision",
    "actorType": "actor-type",
    "placeType": "place-type",
    "locationPrecision": "location-precision",
    "outcome": "outcome",
    "populationGroup": "population-group",
    "estimateType": "estimate-type",
    "rank": "rank",
    "claimKind": "claim-kind",
}
"""Properties whose values are concepts, and the scheme they come from."""

FUNCTIONAL = {
    # "exactly one" in docs/data-model.md
    "about",
    "rank",
    "ofEvent",
    "outcome",
    "populationGroup",
    # "0..1"
    "groupLabel",
    "groupQualifier",
    "ofActor",
    "ofSide",
    # one per node by construction (minted per document, side or place)
    "sideOf",
    "sideNumber",
    "iso3166_1",
    "iso3166_2",
    "contentHash",
    "sourceFile",
    "line",
}

ALIGNMENTS: list[tuple[str, URIRef, str]] = [
    ("Event", RDFS.subClassOf, SEM + "Event"),
    ("Event", RDFS.subClassOf, SCHEMA + "Event"),
    ("Event", RDFS.subClassOf, CRM + "E5_Event"),
    ("Attack", RDFS.subClassOf, SEM + "Event"),
    ("ArmedConflict", RDFS.subClassOf, SCHEMA + "Event"),
    ("Actor", RDFS.subClassOf, PROV + "Agent"),
    ("Actor", RDFS.subClassOf, SEM + "Actor"),
    ("ArmedGroup", RDFS.subClassOf, SCHEMA + "Organization"),
    ("StateActor", RDFS.subClassOf, SCHEMA + "Organization"),
    ("ArmedGroup", RDFS.subClassOf, PROV + "Agent"),
    ("Person", RDFS.subClassOf, PROV + "Agent"),
    ("Place", RDFS.subClassOf, GEO + "Feature"),
    ("Place", RDFS.subClassOf, SCHEMA + "Place"),
    ("Place", RDFS.subClassOf, SEM + "Place"),
    ("CasualtyFigure", RDFS.subClassOf, SCHEMA + "QuantitativeValue"),
    ("Claim", RDFS.subClassOf, PROV + "Entity"),
    ("Claim", RDFS.subClassOf, SCHEMA + "Claim"),
    ("Document", RDFS.subClassOf, PROV + "Entity"),
    ("Document", RDFS.subClassOf, SCHEMA + "CreativeWork"),
    ("TextSpan", RDFS.subClassOf, NIF + "OffsetBasedString"),
    ("eventType", RDFS.subPropertyOf, SEM + "eventType"),
    ("partOf", RDFS.subPropertyOf, SEM + "subEventOf"),
    ("partOf", RDFS.subPropertyOf, SCHEMA + "superEvent"),
    ("date", RDFS.subPropertyOf, DCTERMS + "date"),
    ("location", RDFS.subPropertyOf, SEM + "hasPlace"),
    ("location", RDFS.subPropertyOf, SCHEMA + "location"),
    ("participant", RDFS.subPropertyOf, SEM + "hasActor"),
    ("perpetrator", RDFS.subPropertyOf, SEM + "hasActor"),
    ("actorType", RDFS.subPropertyOf, SEM + "actorType"),
    ("containedIn", RDFS.subPropertyOf, SCHEMA + "containedInPlace"),
    ("about", RDFS.subPropertyOf, SCHEMA + "about"),
    ("claimedBy", RDFS.subPropertyOf, PROV + "wasAttributedTo"),
    ("reportedIn", RDFS.subPropertyOf, PROV + "wasDerivedFrom"),
    ("evidence", RDFS.subPropertyOf, PROV + "wasDerivedFrom"),
]
"""The design's alignments, checked through the subclass/subproperty closure."""

WIKIDATA_PROPERTIES = {
    "partOf": "P361",
    "date": "P585",
    "startDate": "P580",
    "endDate": "P582",
    "location": "P276",
    "country": "P17",
    "participant": "P710",
    "perpetrator": "P8031",
    "target": "P533",
    "containedIn": "P131",
    "iso3166_2": "P300",
    "reportedIn": "P248",
}
WIKIDATA_IDS = {
    # the IDs confirmed in ontology-notes.md
    *("P31 P361 P585 P580 P582 P276 P17 P625 P1120 P1339 P1446 P1590 P8031 P8032".split()),
    *("P533 P710 P3831 P518 P1480 P300 P1566 P248 P854 P143 P813 P131".split()),
    *("Q2223653 Q178561 Q645883 Q912".split()),
}

BUILTIN_PREDICATES = {
    RDF.type,
    RDF.first,
    RDF.rest,
    RDFS.label,
    RDFS.comment,
    RDFS.subClassOf,
    RDFS.subPropertyOf,
    RDFS.domain,
    RDFS.range,
    RDFS.seeAlso,
    RDFS.isDefinedBy,
    OWL.versionIRI,
    OWL.versionInfo,
    OWL.unionOf,
}
"""Predicates that OWL 2 knows without a declaration."""

BUILTIN_DATATYPES = {RDFS.Literal, XSD.string, XSD.integer}
DECLARATION_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def ag(name: str) -> URIRef:
    return URIRef(AG_NS + name)


def concept(local: str) -> URIRef:
    return URIRef(CONCEPT_NS + local)


def scheme(name: str) -> URIRef:
    return URIRef(f"{CONCEPT_NS}{name}-scheme")


def declarations(graph: Graph, node: Node) -> set[Node]:
    return set(graph.objects(node, RDF.type)) & DECLARATION_TYPES


def english(graph: Graph, node: Node, predicate: URIRef) -> list[Literal]:
    values = list(graph.objects(node, predicate))
    assert all(isinstance(v, Literal) and v.language == "en" and str(v).strip() for v in values), (
        f"{node} {predicate}: {values!r} must be non-empty @en literals"
    )
    return values  # type: ignore[return-value]


def closure(graph: Graph, node: Node, predicate: URIRef) -> set[Node]:
    return set(graph.transitive_objects(node, predicate)) - {node}


def iris(graph: Graph) -> set[URIRef]:
    return {t for triple in graph for t in triple if isinstance(t, URIRef)}


def test_namespace_module_lists_terms() -> None:
    assert len(CLASSES) >= 14 and len(PROPERTIES) >= 50


def test_parses_with_rdflib_and_pyoxigraph(graph: Graph) -> None:
    quads = list(ox.parse(path=ONTOLOGY_FILE, format=ox.RdfFormat.TURTLE))
    assert len(quads) == len(graph) > 900
    ntriples = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES)
    assert isomorphic(Graph().parse(data=ntriples, format="nt"), graph)


def test_header(graph: Graph) -> None:
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in graph
    assert list(graph.subjects(RDF.type, OWL.Ontology)) == [ONTOLOGY]
    version = graph.value(ONTOLOGY, OWL.versionInfo)
    assert version == Literal("0.1.0")
    assert graph.value(ONTOLOGY, OWL.versionIRI) == URIRef(f"{ONTOLOGY}/{version}")
    assert len(english(graph, ONTOLOGY, URIRef(DCTERMS + "title"))) == 1
    assert len(english(graph, ONTOLOGY, URIRef(DCTERMS + "description"))) == 1
    assert graph.value(ONTOLOGY, URIRef(DCTERMS + "creator")) == Literal("attackgraph contributors")
    assert graph.value(ONTOLOGY, URIRef(DCTERMS + "license")) == URIRef(
        "https://www.apache.org/licenses/LICENSE-2.0"
    )
    assert graph.value(ONTOLOGY, URIRef(VANN + "preferredNamespacePrefix")) == Literal("ag")
    assert graph.value(ONTOLOGY, URIRef(VANN + "preferredNamespaceUri")) == Literal(AG_NS)
    comments = english(graph, ONTOLOGY, RDFS.comment)
    assert any(RAW_NS in c for c in comments), "the header must explain the raw layer"


def test_no_imports(graph: Graph) -> None:
    assert not list(graph.triples((None, OWL.imports, None)))


@pytest.mark.parametrize("name", CLASSES)
def test_class_is_declared(graph: Graph, name: str) -> None:
    node = ag(name)
    assert declarations(graph, node) == {OWL.Class}
    assert len(english(graph, node, RDFS.label)) == 1
    assert len(english(graph, node, RDFS.comment)) == 1
    assert graph.value(node, RDFS.isDefinedBy) == ONTOLOGY


@pytest.mark.parametrize("name", PROPERTIES)
def test_property_is_declared(graph: Graph, name: str) -> None:
    node = ag(name)
    expected = OWL.DatatypeProperty if name in DATATYPE_PROPERTIES else OWL.ObjectProperty
    assert declarations(graph, node) == {expected}
    assert len(english(graph, node, RDFS.label)) == 1
    assert len(english(graph, node, RDFS.comment)) == 1
    assert graph.value(node, RDFS.isDefinedBy) == ONTOLOGY


def test_datatype_property_list_names_real_terms() -> None:
    assert DATATYPE_PROPERTIES <= set(PROPERTIES)
    assert {p for props in DOMAINS.values() for p in props} == set(PROPERTIES)
    assert set(DOMAINS) | set(RANGES.values()) <= set(CLASSES)


def test_no_undocumented_ag_terms(graph: Graph) -> None:
    used = {iri for iri in iris(graph) if iri.startswith(AG_NS)}
    assert used - set(TERMS.values()) == set(), "ag: terms missing from namespaces.AG"
    declared = {s for s in graph.subjects(RDF.type, None) if str(s).startswith(AG_NS)}
    assert declared == set(TERMS.values())


def test_labels_are_unique(graph: Graph) -> None:
    labels = Counter(str(graph.value(node, RDFS.label)).casefold() for node in TERMS.values())
    assert [label for label, n in labels.items() if n > 1] == []


@pytest.mark.parametrize("name", PROPERTIES)
def test_domain_and_range(graph: Graph, name: str) -> None:
    node = ag(name)
    domains = list(graph.objects(node, RDFS.domain))
    ranges = list(graph.objects(node, RDFS.range))
    assert len(domains) == 1 and len(ranges) == 1
    expected_domain = next(cls for cls, props in DOMAINS.items() if name in props)
    assert domains == [ag(expected_domain)]
    (range_,) = ranges
    if name in CONCEPT_PROPERTIES:
        assert range_ == SKOS.Concept
        assert f"c:{CONCEPT_PROPERTIES[name]}-scheme" in str(graph.value(node, RDFS.comment))
    elif name in RANGES:
        assert range_ == ag(RANGES[name])
    elif name == "target":
        assert isinstance(range_, BNode)
        members = list(Collection(graph, graph.value(range_, OWL.unionOf)))
        assert members == [ag("Actor"), ag("Place")]
    elif name in {"date", "startDate", "endDate"}:
        # xsd:date | xsd:gYearMonth | xsd:gYear: not in the OWL 2 datatype map, so the
        # range stays rdfs:Literal (OWL 2 DL) and the comment and the shapes say which.
        assert range_ == RDFS.Literal
        comment = str(graph.value(node, RDFS.comment))
        assert all(t in comment for t in ("xsd:date", "xsd:gYearMonth", "xsd:gYear"))
    elif name in {"sideNumber", "line"}:
        assert range_ == XSD.integer
    else:
        assert name in DATATYPE_PROPERTIES
        assert range_ == XSD.string


def test_every_concept_property_names_a_real_scheme() -> None:
    assert set(CONCEPT_PROPERTIES.values()) == set(SCHEMES)
    assert set(CONCEPT_PROPERTIES) <= set(PROPERTIES)


def test_functional_properties(graph: Graph) -> None:
    functional = {
        str(p)[len(AG_NS) :]
        for p in graph.subjects(RDF.type, OWL.FunctionalProperty)
        if str(p).startswith(AG_NS)
    }
    assert functional == FUNCTIONAL
    # Events are shared by every document that reports them; a functional property on
    # an event would make two documents that disagree (on a date, say) inconsistent.
    assert functional.isdisjoint(DOMAINS["Event"])
    # a figure is minted per claim, so it is asserted by one claim only
    assert set(graph.subjects(RDF.type, OWL.InverseFunctionalProperty)) == {ag("assertsFigure")}


def test_referenced_terms_are_declared(graph: Graph) -> None:
    datatype_properties = set(graph.subjects(RDF.type, OWL.DatatypeProperty))
    for predicate in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range):
        for subject, target in graph.subject_objects(predicate):
            where = f"{subject} {predicate.n3()} {target}"
            if isinstance(target, BNode):
                assert predicate == RDFS.range, where
                members = list(Collection(graph, graph.value(target, OWL.unionOf)))
                assert members and all(declarations(graph, m) == {OWL.Class} for m in members)
            elif predicate == RDFS.range and subject in datatype_properties:
                assert target in BUILTIN_DATATYPES, where
            elif predicate == RDFS.subPropertyOf:
                assert len(declarations(graph, target)) == 1, f"{where}: undeclared"
                assert declarations(graph, target) == declarations(graph, subject), where
            else:
                assert declarations(graph, target) == {OWL.Class}, f"{where}: undeclared"


def test_predicates_are_declared_for_owl_dl(graph: Graph) -> None:
    undeclared = {
        p for p in graph.predicates() if p not in BUILTIN_PREDICATES and not declarations(graph, p)
    }
    assert undeclared == set()


@pytest.mark.parametrize(("name", "predicate", "target"), ALIGNMENTS)
def test_alignment(graph: Graph, name: str, predicate: URIRef, target: str) -> None:
    assert URIRef(target) in closure(graph, ag(name), predicate)


def test_no_blank_nodes_except_union_lists(graph: Graph) -> None:
    allowed: set[Node] = set()
    for union in graph.subjects(OWL.unionOf, None):
        allowed.add(union)
        cell = graph.value(union, OWL.unionOf)
        while cell is not None and cell != RDF.nil:
            allowed.add(cell)
            cell = graph.value(cell, RDF.rest)
    blank = {t for triple in graph for t in triple if isinstance(t, BNode)}
    assert blank == allowed


def test_prefixes_agree_with_namespaces_module() -> None:
    text = ONTOLOGY_FILE.read_text(encoding="utf-8")
    declared = dict(re.findall(r"^@prefix\s+([\w-]*):\s*<([^>]*)>\s*\.", text, re.MULTILINE))
    assert declared["ag"] == AG_NS and declared["c"] == CONCEPT_NS
    for prefix, iri in declared.items():
        if prefix in PREFIXES:
            assert iri == PREFIXES[prefix], prefix


@pytest.mark.parametrize(("name", "pid"), sorted(WIKIDATA_PROPERTIES.items()))
def test_wikidata_property_mapping(graph: Graph, name: str, pid: str) -> None:
    assert URIRef(WDT + pid) in set(graph.objects(ag(name), SKOS.closeMatch))


def test_wikidata_links_are_known_ids_in_one_form(graph: Graph) -> None:
    found = 0
    for s, p, o in graph:
        if isinstance(o, URIRef) and "wikidata.org" in o:
            found += 1
            assert p in {SKOS.closeMatch, RDFS.seeAlso}, (s, p, o)
            if o.startswith(WDT):
                assert re.fullmatch(r"P\d+", o[len(WDT) :]), o
            else:
                assert o.startswith(WD) and re.fullmatch(r"Q\d+", o[len(WD) :]), o
            assert o.rsplit("/", 1)[1] in WIKIDATA_IDS, f"{o} is not in ontology-notes.md"
    assert found >= len(WIKIDATA_PROPERTIES)
    assert (concept("battle"), SKOS.closeMatch, URIRef(WD + "Q178561")) in graph


def test_concept_local_names_are_unique() -> None:
    locals_ = [local for members in SCHEMES.values() for local in members]
    assert len(locals_) == len(set(locals_))


@pytest.mark.parametrize("name", sorted(SCHEMES))
def test_scheme(graph: Graph, name: str) -> None:
    node = scheme(name)
    assert (node, RDF.type, SKOS.ConceptScheme) in graph
    assert len(english(graph, node, SKOS.prefLabel)) == 1
    assert len(english(graph, node, SKOS.definition)) == 1
    assert set(graph.objects(node, SKOS.hasTopConcept)) == {concept(c) for c in SCHEMES[name]}
    labels = [str(graph.value(concept(c), SKOS.prefLabel)) for c in SCHEMES[name]]
    assert len(labels) == len(set(labels))


@pytest.mark.parametrize(
    ("name", "local"), [(name, local) for name, members in SCHEMES.items() for local in members]
)
def test_concept(graph: Graph, name: str, local: str) -> None:
    node = concept(local)
    assert set(graph.objects(node, RDF.type)) == {SKOS.Concept}
    assert set(graph.objects(node, SKOS.inScheme)) == {scheme(name)}
    assert set(graph.objects(node, SKOS.topConceptOf)) == {scheme(name)}
    assert len(english(graph, node, SKOS.prefLabel)) == 1
    assert len(english(graph, node, SKOS.definition)) == 1


def test_no_concepts_or_schemes_outside_schemes(graph: Graph) -> None:
    expected = {concept(c) for members in SCHEMES.values() for c in members}
    expected |= {scheme(name) for name in SCHEMES}
    assert (
        set(graph.subjects(RDF.type, SKOS.Concept))
        | set(graph.subjects(RDF.type, SKOS.ConceptScheme))
        == expected
    )
    assert {iri for iri in iris(graph) if iri.startswith(CONCEPT_NS)} == expected


def test_precision_concepts_carry_codebook_notes(graph: Graph) -> None:
    def notes(local: str) -> str:
        return " ".join(str(n) for n in graph.objects(concept(local), SKOS.note))

    assert "ACLED time_precision 1" in notes("day")
    assert "ACLED time_precision 3" in notes("month")
    assert "ACLED geo_precision 1" in notes("settlement")
    assert "where_prec 6" in notes("within-country")


# ---------------------------------------------------------------------------
# the model's typed names are the ontology's terms, each mapped once in to_rdf


def test_actor_classes_are_the_ontology_actor_and_its_subclasses(graph: Graph) -> None:
    actor = URIRef(AG.Actor.value)
    declared = {str(c) for c in graph.transitive_subjects(RDFS.subClassOf, actor)}
    assert {AG_NS + name for name in get_args(ActorClass)} == declared
    assert ACTOR_CLASSES == frozenset(get_args(ActorClass))


def test_actor_types_are_the_actor_type_scheme() -> None:
    assert frozenset(SCHEMES["actor-type"]) == ACTOR_TYPES


@pytest.mark.parametrize(
    ("names", "table"),
    [
        (ActorClass, to_rdf.ACTOR_CLASSES),
        (EventProperty, to_rdf.EVENT_PROPERTIES),
        (EventRelation, to_rdf.EVENT_RELATIONS),
        (StatementPredicate, to_rdf.STATEMENT_PREDICATES),
    ],
    ids=["actor-class", "event-property", "event-relation", "statement-predicate"],
)
def test_each_typed_name_has_its_term(names: object, table: Mapping[str, ox.NamedNode]) -> None:
    assert set(table) == set(get_args(names))
    assert all(node.value == AG_NS + name for name, node in table.items())


def test_each_event_class_has_its_term() -> None:
    assert {c.value: n.value for c, n in to_rdf.EVENT_CLASSES.items()} == {
        c.value: AG_NS + c.value for c in EventClass
    }
