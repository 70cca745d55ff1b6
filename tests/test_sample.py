"""The sample document's graph, fact by fact, through SPARQL on the built quads.

The golden case (tests/cases/mopti-region-attacks) pins every triple; this file states
the facts a reader checks first, so a failure says which one broke.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Store

from attackgraph.identifiers import prefixes_for
from attackgraph.pipeline import BuildOptions, Converter

SAMPLE = Path(__file__).parents[1] / "data" / "documents" / "000_6de047e5428871d9.txt"
PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes_for().items())
EVENT = "event:april-2022-mopti-region-attacks"


@pytest.fixture(scope="module")
def store() -> Store:
    result = Converter(BuildOptions()).convert(SAMPLE)
    assert result.skipped is None, result.skipped
    store = Store()
    store.extend(result.quads)
    return store


def rows(store: Store, query: str) -> list[tuple[str, ...]]:
    solutions = store.query(PREFIXES + query, use_default_graph_as_union=True)
    return sorted(
        tuple(term.value for term in row if term is not None)  # type: ignore[union-attr]
        for row in solutions
    )


def test_event_name_type_and_date(store: Store) -> None:
    assert rows(
        store, f"SELECT ?n ?d WHERE {{ {EVENT} a ag:Attack ; schema:name ?n ; ag:date ?d }}"
    ) == [("April 2022 Mopti region attacks", "2022-04-24")]


def test_three_sites_each_a_sub_attack(store: Store) -> None:
    found = rows(
        store,
        f"SELECT ?name WHERE {{ ?sub ag:partOf {EVENT} ; a ag:Attack ;"
        " ag:location/schema:name ?name }",
    )
    assert found == [("Bapho",), ("Niono",), ("Sévaré",)]


def test_region_and_country(store: Store) -> None:
    assert rows(store, f"SELECT ?c WHERE {{ {EVENT} ag:country/ag:iso3166_1 ?c }}") == [("ML",)]
    region = rows(store, "SELECT ?code WHERE { place:ml-sevare ag:containedIn/ag:iso3166_2 ?code }")
    assert region == [("ML-5",)]


def test_part_of_the_mali_war(store: Store) -> None:
    assert rows(
        store,
        f"SELECT ?n WHERE {{ {EVENT} ag:partOf ?c . ?c a ag:ArmedConflict ; schema:name ?n }}",
    ) == [("Mali War",)]


def test_both_sides(store: Store) -> None:
    found = rows(
        store,
        f"SELECT ?n ?name WHERE {{ ?s ag:sideOf {EVENT} ; ag:sideNumber ?n ;"
        " ag:member/schema:name ?name }",
    )
    assert found == [("1", "Mali"), ("2", "Katibat Macina")]


def test_four_infobox_figures(store: Store) -> None:
    found = rows(
        store,
        f"""SELECT ?group ?outcome ?value ?side WHERE {{
              ?claim ag:about {EVENT} ; ag:rank c:preferred ; ag:evidence/ag:line ?line ;
                     ag:assertsFigure ?f .
              FILTER(?line <= 13)
              ?f ag:populationGroup ?g ; ag:outcome ?o ; schema:value ?value .
              OPTIONAL {{ ?f ag:ofSide/ag:sideNumber ?side }}
              BIND(STRAFTER(STR(?g), "concept/") AS ?group)
              BIND(STRAFTER(STR(?o), "concept/") AS ?outcome)
            }}""",
    )
    assert found == [
        ("civilians", "killed", "6"),
        ("militants", "killed", "11", "2"),
        ("soldiers", "injured", "20", "1"),
        ("soldiers", "killed", "15", "1"),
    ]


def test_niono_containment_contradiction_is_a_deprecated_claim(store: Store) -> None:
    found = rows(
        store,
        """SELECT ?stated ?gazetteer WHERE {
             ?claim rdf:subject place:ml-niono ; rdf:predicate ag:containedIn ;
                    rdf:object ?stated ; ag:rank c:deprecated .
             place:ml-niono ag:containedIn ?gazetteer }""",
    )
    assert found == [
        (
            "https://w3id.org/attackgraph/id/place/ml-mopti-region",
            "https://w3id.org/attackgraph/id/place/ml-segou-region",
        )
    ]


def test_every_span_rechecks_against_the_text(store: Store) -> None:
    bad = rows(
        store,
        """SELECT ?span WHERE {
             ?span nif:referenceContext/nif:isString ?text ; nif:beginIndex ?b ;
                   nif:endIndex ?e ; nif:anchorOf ?a .
             FILTER(SUBSTR(?text, ?b + 1, ?e - ?b) != ?a) }""",
    )
    assert bad == []
    assert rows(store, "SELECT (COUNT(?s) AS ?n) WHERE { ?s a ag:TextSpan }")[0][0] != "0"
