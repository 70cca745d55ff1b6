"""Example queries shown on the query page (and run by the tests, so they stay valid)."""

from __future__ import annotations

from typing import Final

_PROLOGUE: Final = """PREFIX ag: <https://w3id.org/attackgraph/ontology#>
PREFIX schema: <https://schema.org/>
"""

EVENTS: Final = (
    _PROLOGUE
    + """SELECT DISTINCT ?event ?name ?date ?start ?end WHERE {
  VALUES ?class { ag:Event ag:Attack ag:ArmedConflict }
  ?event a ?class ; schema:name ?name .
  OPTIONAL { ?event ag:date ?date }
  OPTIONAL { ?event ag:startDate ?start }
  OPTIONAL { ?event ag:endDate ?end }
}
ORDER BY ?name
LIMIT 100"""
)

FIGURES_BY_SOURCE: Final = (
    _PROLOGUE
    + """SELECT ?event ?eventName ?source ?outcome ?group ?value ?min ?max ?rank WHERE {
  ?claim a ag:Claim ; ag:about ?event ; ag:assertsFigure ?figure ;
         ag:rank ?rankIri ; ag:reportedIn ?doc .
  ?event schema:name ?eventName .
  ?doc schema:name ?docName .
  OPTIONAL { ?claim ag:claimedBy ?by . ?by schema:name ?byName }
  BIND(COALESCE(?byName, CONCAT("document: ", ?docName)) AS ?source)
  ?figure ag:outcome ?o ; ag:populationGroup ?g .
  OPTIONAL { ?figure schema:value ?value }
  OPTIONAL { ?figure schema:minValue ?min }
  OPTIONAL { ?figure schema:maxValue ?max }
  BIND(STRAFTER(STR(?o), "/concept/") AS ?outcome)
  BIND(STRAFTER(STR(?g), "/concept/") AS ?group)
  BIND(STRAFTER(STR(?rankIri), "/concept/") AS ?rank)
}
ORDER BY ?eventName ?outcome ?group ?source
LIMIT 1000"""
)

DISAGREEMENTS: Final = (
    _PROLOGUE
    + """# two claims about the same event, outcome and group whose figures cannot both hold
SELECT ?eventName ?outcome ?group ?claimA ?statedA ?claimB ?statedB WHERE {
  ?claimA ag:about ?event ; ag:assertsFigure ?a .
  ?claimB ag:about ?event ; ag:assertsFigure ?b .
  FILTER(STR(?claimA) < STR(?claimB))
  ?a ag:outcome ?o ; ag:populationGroup ?g ; ag:statedAs ?statedA .
  ?b ag:outcome ?o ; ag:populationGroup ?g ; ag:statedAs ?statedB .
  OPTIONAL { ?a schema:value ?va } OPTIONAL { ?a schema:minValue ?mina }
  OPTIONAL { ?a schema:maxValue ?maxa }
  OPTIONAL { ?b schema:value ?vb } OPTIONAL { ?b schema:minValue ?minb }
  OPTIONAL { ?b schema:maxValue ?maxb }
  BIND(COALESCE(?va, ?mina) AS ?lowA) BIND(COALESCE(?va, ?maxa) AS ?highA)
  BIND(COALESCE(?vb, ?minb) AS ?lowB) BIND(COALESCE(?vb, ?maxb) AS ?highB)
  FILTER(?highA < ?lowB || ?highB < ?lowA)
  ?event schema:name ?eventName .
  BIND(STRAFTER(STR(?o), "/concept/") AS ?outcome)
  BIND(STRAFTER(STR(?g), "/concept/") AS ?group)
}
ORDER BY ?eventName ?outcome ?group
LIMIT 1000"""
)

EXAMPLES: Final = (
    ("Events with names and dates", EVENTS),
    ("Casualty figures per event, by source", FIGURES_BY_SOURCE),
    ("Claims in disagreement", DISAGREEMENTS),
)
"""(title, query) pairs, the first one preloaded in the query page."""
