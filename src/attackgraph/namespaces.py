"""The ontology's terms as closed namespaces: write ``AG.Attack``, never an IRI string.

Attributes are checked by mypy, so a misspelt term fails the type check; controlled
values go through :func:`concept`, which raises on a name outside its scheme (the
schemes are typed in ``concepts.py``).
``tests/test_ontology.py`` checks that every term here is declared in
``ontology/attackgraph.ttl`` with a label and a comment, and vice versa.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Final

from pyoxigraph import NamedNode, RdfFormat, parse

from attackgraph.concepts import SCHEMES as SCHEMES

AG_NS: Final = "https://w3id.org/attackgraph/ontology#"
CONCEPT_NS: Final = "https://w3id.org/attackgraph/concept/"
RAW_NS: Final = "https://w3id.org/attackgraph/raw#"
DEFAULT_BASE: Final = "https://w3id.org/attackgraph"

RDF_NS: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS: Final = "http://www.w3.org/2000/01/rdf-schema#"
XSD_NS: Final = "http://www.w3.org/2001/XMLSchema#"
OWL_NS: Final = "http://www.w3.org/2002/07/owl#"
SKOS_NS: Final = "http://www.w3.org/2004/02/skos/core#"
SCHEMA_NS: Final = "https://schema.org/"
PROV_NS: Final = "http://www.w3.org/ns/prov#"
GEO_NS: Final = "http://www.opengis.net/ont/geosparql#"
NIF_NS: Final = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
SEM_NS: Final = "http://semanticweb.cs.vu.nl/2009/11/sem/"
DCTERMS_NS: Final = "http://purl.org/dc/terms/"
SH_NS: Final = "http://www.w3.org/ns/shacl#"

PREFIXES: Final[dict[str, str]] = {
    "ag": AG_NS,
    "c": CONCEPT_NS,
    "raw": RAW_NS,
    "rdf": RDF_NS,
    "rdfs": RDFS_NS,
    "xsd": XSD_NS,
    "owl": OWL_NS,
    "skos": SKOS_NS,
    "schema": SCHEMA_NS,
    "prov": PROV_NS,
    "geo": GEO_NS,
    "nif": NIF_NS,
    "sem": SEM_NS,
    "dcterms": DCTERMS_NS,
}
"""Vocabulary prefixes; ``identifiers.prefixes_for(base)`` adds one per instance kind."""


def _ag(local: str) -> NamedNode:
    return NamedNode(AG_NS + local)


class AG:
    """Classes and properties of the attackgraph ontology."""

    # classes
    Event: Final = _ag("Event")
    Attack: Final = _ag("Attack")
    ArmedConflict: Final = _ag("ArmedConflict")
    Actor: Final = _ag("Actor")
    ArmedGroup: Final = _ag("ArmedGroup")
    StateActor: Final = _ag("StateActor")
    Organization: Final = _ag("Organization")
    Person: Final = _ag("Person")
    Side: Final = _ag("Side")
    Place: Final = _ag("Place")
    CasualtyFigure: Final = _ag("CasualtyFigure")
    Claim: Final = _ag("Claim")
    Document: Final = _ag("Document")
    TextSpan: Final = _ag("TextSpan")
    # events
    eventType: Final = _ag("eventType")
    partOf: Final = _ag("partOf")
    relatedTo: Final = _ag("relatedTo")
    precedes: Final = _ag("precedes")
    followsUp: Final = _ag("followsUp")
    date: Final = _ag("date")
    startDate: Final = _ag("startDate")
    endDate: Final = _ag("endDate")
    datePrecision: Final = _ag("datePrecision")
    location: Final = _ag("location")
    country: Final = _ag("country")
    participant: Final = _ag("participant")
    perpetrator: Final = _ag("perpetrator")
    target: Final = _ag("target")
    targetDescription: Final = _ag("targetDescription")
    weapon: Final = _ag("weapon")
    result: Final = _ag("result")
    motive: Final = _ag("motive")
    # sides
    sideOf: Final = _ag("sideOf")
    sideNumber: Final = _ag("sideNumber")
    member: Final = _ag("member")
    commander: Final = _ag("commander")
    strength: Final = _ag("strength")
    units: Final = _ag("units")
    killedIn: Final = _ag("killedIn")
    # actors
    actorType: Final = _ag("actorType")
    affiliatedWith: Final = _ag("affiliatedWith")
    parentOrganization: Final = _ag("parentOrganization")
    state: Final = _ag("state")
    # places
    placeType: Final = _ag("placeType")
    containedIn: Final = _ag("containedIn")
    iso3166_1: Final = _ag("iso3166_1")
    iso3166_2: Final = _ag("iso3166_2")
    locationPrecision: Final = _ag("locationPrecision")
    # casualty figures
    ofEvent: Final = _ag("ofEvent")
    outcome: Final = _ag("outcome")
    populationGroup: Final = _ag("populationGroup")
    groupLabel: Final = _ag("groupLabel")
    groupQualifier: Final = _ag("groupQualifier")
    estimateType: Final = _ag("estimateType")
    ofActor: Final = _ag("ofActor")
    ofSide: Final = _ag("ofSide")
    statedAs: Final = _ag("statedAs")
    # claims
    about: Final = _ag("about")
    claimedBy: Final = _ag("claimedBy")
    via: Final = _ag("via")
    reportedIn: Final = _ag("reportedIn")
    evidence: Final = _ag("evidence")
    assertsFigure: Final = _ag("assertsFigure")
    rank: Final = _ag("rank")
    claimKind: Final = _ag("claimKind")
    # documents and spans
    contentHash: Final = _ag("contentHash")
    sourceFile: Final = _ag("sourceFile")
    line: Final = _ag("line")


_CONCEPTS: Final[dict[str, str]] = {
    local: scheme for scheme, locals_ in SCHEMES.items() for local in locals_
}


def concept(local: str, scheme: str | None = None) -> NamedNode:
    """The IRI of a controlled value; raises ``KeyError`` for an unknown one.

    >>> concept("killed").value
    'https://w3id.org/attackgraph/concept/killed'
    >>> concept("killed", "rank")
    Traceback (most recent call last):
    KeyError: "'killed' is not in concept scheme 'rank'"
    """
    found = _CONCEPTS.get(local)
    if found is None:
        raise KeyError(f"unknown concept {local!r}")
    if scheme is not None and found != scheme:
        raise KeyError(f"{local!r} is not in concept scheme {scheme!r}")
    return NamedNode(CONCEPT_NS + local)


def scheme_iri(scheme: str) -> NamedNode:
    """The IRI of a concept scheme.

    >>> scheme_iri("outcome").value
    'https://w3id.org/attackgraph/concept/outcome-scheme'
    """
    if scheme not in SCHEMES:
        raise KeyError(f"unknown concept scheme {scheme!r}")
    return NamedNode(f"{CONCEPT_NS}{scheme}-scheme")


class RDF:
    type: Final = NamedNode(RDF_NS + "type")
    Statement: Final = NamedNode(RDF_NS + "Statement")
    subject: Final = NamedNode(RDF_NS + "subject")
    predicate: Final = NamedNode(RDF_NS + "predicate")
    object: Final = NamedNode(RDF_NS + "object")


class XSD:
    string: Final = NamedNode(XSD_NS + "string")
    integer: Final = NamedNode(XSD_NS + "integer")
    boolean: Final = NamedNode(XSD_NS + "boolean")
    decimal: Final = NamedNode(XSD_NS + "decimal")
    date: Final = NamedNode(XSD_NS + "date")
    gYearMonth: Final = NamedNode(XSD_NS + "gYearMonth")
    gYear: Final = NamedNode(XSD_NS + "gYear")


class SCHEMA:
    name: Final = NamedNode(SCHEMA_NS + "name")
    alternateName: Final = NamedNode(SCHEMA_NS + "alternateName")
    mentions: Final = NamedNode(SCHEMA_NS + "mentions")
    value: Final = NamedNode(SCHEMA_NS + "value")
    minValue: Final = NamedNode(SCHEMA_NS + "minValue")
    maxValue: Final = NamedNode(SCHEMA_NS + "maxValue")
    sameAs: Final = NamedNode(SCHEMA_NS + "sameAs")


class OWL:
    sameAs: Final = NamedNode(OWL_NS + "sameAs")


class PROV:
    hadPrimarySource: Final = NamedNode(PROV_NS + "hadPrimarySource")


class GEO:
    Geometry: Final = NamedNode(GEO_NS + "Geometry")
    hasGeometry: Final = NamedNode(GEO_NS + "hasGeometry")
    asWKT: Final = NamedNode(GEO_NS + "asWKT")
    wktLiteral: Final = NamedNode(GEO_NS + "wktLiteral")


class NIF:
    Context: Final = NamedNode(NIF_NS + "Context")
    isString: Final = NamedNode(NIF_NS + "isString")
    beginIndex: Final = NamedNode(NIF_NS + "beginIndex")
    endIndex: Final = NamedNode(NIF_NS + "endIndex")
    anchorOf: Final = NamedNode(NIF_NS + "anchorOf")
    referenceContext: Final = NamedNode(NIF_NS + "referenceContext")


# --- the class hierarchy, read from the packaged ontology ----------------------------

ONTOLOGY_GRAPH: Final = NamedNode(AG_NS.rstrip("#"))
"""The named graph the ontology is loaded into by ``query`` and ``serve``."""


def ontology_turtle() -> bytes:
    """The packaged ontology (``resources/attackgraph.ttl``), Turtle.

    >>> b"ag:Attack" in ontology_turtle()
    True
    """
    return files("attackgraph").joinpath("resources", "attackgraph.ttl").read_bytes()


@cache
def superclasses() -> dict[str, tuple[str, ...]]:
    """Each ``ag:`` class's ``ag:`` super-classes (transitively, nearest first), as the
    ontology's ``rdfs:subClassOf`` states them; data carries these types too.

    >>> [NamedNode(c) == AG.Actor for c in superclasses()[AG.ArmedGroup.value]]
    [False, True]
    """
    parents: dict[str, list[str]] = {}
    sub = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
    for quad in parse(ontology_turtle(), format=RdfFormat.TURTLE):
        s, p, o = quad.subject, quad.predicate, quad.object
        if p.value == sub and isinstance(s, NamedNode) and isinstance(o, NamedNode):
            if s.value.startswith(AG_NS) and o.value.startswith(AG_NS):
                parents.setdefault(s.value, []).append(o.value)
    found: dict[str, tuple[str, ...]] = {}
    for cls in sorted(parents):
        order: list[str] = []
        queue = sorted(parents[cls])
        while queue:
            parent = queue.pop(0)
            if parent not in order and parent != cls:
                order.append(parent)
                queue += sorted(parents.get(parent, ()))
        found[cls] = tuple(order)
    return found
