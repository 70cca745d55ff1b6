"""The SPARQL 1.1 Service Description answered at ``GET /sparql`` without a query.

Written as Turtle with relative IRIs: ``<>`` is the endpoint itself, whatever host name
the client used to reach it, so no ``Host`` header ends up in the document.

>>> from attackgraph.sparql.store import DatasetStats
>>> text = service_description(DatasetStats({"http://e/g": 3}, 3)).decode()
>>> "sd:feature sd:UnionDefaultGraph" in text and "sd:name <http://e/g>" in text
True
"""

from __future__ import annotations

from typing import Final

from pyoxigraph import NamedNode

from attackgraph.formats import GRAPH_FORMATS, RESULT_FORMATS
from attackgraph.sparql.store import DatasetStats

_FORMATS: Final = tuple(f.iri for f in (*RESULT_FORMATS, *GRAPH_FORMATS))


def service_description(stats: DatasetStats) -> bytes:
    """Turtle describing the endpoint, its formats and its dataset (graphs and sizes)."""
    lines = [
        "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .",
        "@prefix void: <http://rdfs.org/ns/void#> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        "",
        "<> a sd:Service ;",
        "    sd:endpoint <> ;",
        "    sd:supportedLanguage sd:SPARQL11Query ;",
        "    sd:feature sd:UnionDefaultGraph ;",
        '    dcterms:description "Read-only: updates, SERVICE and remote FROM are refused." ;',
        "    sd:resultFormat " + ", ".join(f"<{f}>" for f in _FORMATS) + " ;",
        "    sd:defaultDataset <#dataset> .",
        "",
        "<#dataset> a sd:Dataset ;",
        "    sd:defaultGraph <#default-graph> .",
        "<#default-graph> a sd:Graph ;",
        '    dcterms:description "The union of all named graphs." ;',
        f"    void:triples {stats.union_triples} .",
    ]
    for graph, count in sorted(stats.graphs.items()):
        iri = str(NamedNode(graph))  # validated and written in N-Triples syntax
        lines += [
            f"<#dataset> sd:namedGraph [ sd:name {iri} ;",
            f"    sd:graph [ a sd:Graph ; void:triples {count} ] ] .",
        ]
    return ("\n".join(lines) + "\n").encode("utf-8")
