"""The library behind ``attackgraph query``, on a release built from the export test data."""

from __future__ import annotations

import gzip
import json
import shutil
import socket
import threading
from pathlib import Path

import pyoxigraph as ox
import pytest
from test_export import TEST_CONTEXT, sample_batches

from attackgraph.export import FORMATS, write_dataset
from attackgraph.query import (
    QueryError,
    QueryResult,
    ResultFormat,
    format_result,
    open_store,
    run_query,
)

ONTOLOGY = "<https://w3id.org/attackgraph/ontology>"  # its own graph in the store
INTEGER = "<http://www.w3.org/2001/XMLSchema#integer>"


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("release")
    write_dataset(sample_batches(), folder, context=TEST_CONTEXT)
    return folder


@pytest.fixture(scope="module")
def store(release: Path) -> ox.Store:
    return open_store(release)


PLACES = """
SELECT ?place ?name ?wkt WHERE {
  ?place a ag:Place ; schema:name ?name .
  OPTIONAL { ?place geo:hasGeometry/geo:asWKT ?wkt }
} ORDER BY ?name
"""

PLACES_TEXT: dict[str, str] = {
    "table": (
        "| place           | name     | wkt                                 |\n"
        "|-----------------|----------|-------------------------------------|\n"
        '| place:ml        | "Mali"   |                                     |\n'
        '| place:ml-sevare | "Sévaré" | "POINT(-4.1 14.53)"^^geo:wktLiteral |\n'
        "(2 rows)\n"
    ),
    "csv": (
        "place,name,wkt\r\n"
        "https://w3id.org/attackgraph/id/place/ml,Mali,\r\n"
        "https://w3id.org/attackgraph/id/place/ml-sevare,Sévaré,POINT(-4.1 14.53)\r\n"
    ),
    "tsv": (
        "?place\t?name\t?wkt\n"
        '<https://w3id.org/attackgraph/id/place/ml>\t"Mali"\t\n'
        '<https://w3id.org/attackgraph/id/place/ml-sevare>\t"Sévaré"\t'
        '"POINT(-4.1 14.53)"^^<http://www.opengis.net/ont/geosparql#wktLiteral>\n'
    ),
    "json": json.dumps(
        {
            "head": {"vars": ["place", "name", "wkt"]},
            "results": {
                "bindings": [
                    {
                        "place": {
                            "type": "uri",
                            "value": "https://w3id.org/attackgraph/id/place/ml",
                        },
                        "name": {"type": "literal", "value": "Mali"},
                    },
                    {
                        "place": {
                            "type": "uri",
                            "value": "https://w3id.org/attackgraph/id/place/ml-sevare",
                        },
                        "name": {"type": "literal", "value": "Sévaré"},
                        "wkt": {
                            "type": "literal",
                            "value": "POINT(-4.1 14.53)",
                            "datatype": "http://www.opengis.net/ont/geosparql#wktLiteral",
                        },
                    },
                ]
            },
        },
        ensure_ascii=False,
        separators=(",", ":"),
    ),
}


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_select_in_each_format(fmt: ResultFormat, store: ox.Store) -> None:
    """Mali is in both documents' graphs: the union default graph holds it once."""
    assert format_result(run_query(store, PLACES), fmt) == PLACES_TEXT[fmt]


@pytest.mark.parametrize(
    ("fmt", "results_format"),
    [
        ("csv", ox.QueryResultsFormat.CSV),
        ("tsv", ox.QueryResultsFormat.TSV),
        ("json", ox.QueryResultsFormat.JSON),
    ],
)
def test_results_formats_agree_with_oxigraphs_serialisers(
    fmt: ResultFormat, results_format: ox.QueryResultsFormat, store: ox.Store
) -> None:
    query = (  # the documents' union, without the ontology's graph
        "SELECT ?s ?o WHERE { ?s ?p ?o "
        'FILTER(STRSTARTS(STR(?s), "https://w3id.org/attackgraph/id/")) } ORDER BY ?s ?p ?o'
    )
    theirs = store.query(query).serialize(format=results_format)
    ours = format_result(run_query(store, query), fmt).encode()
    if fmt == "tsv":  # the spec lets numbers be bare (Oxigraph) or quoted (ours): same terms
        parsed = [
            [list(row) for row in ox.parse_query_results(data, results_format)]
            for data in (ours, theirs)
        ]
        assert parsed[0] == parsed[1] and len(parsed[0]) == 68
    else:
        assert ours == theirs


def test_named_graphs_stay_reachable(store: ox.Store) -> None:
    query = """
        SELECT ?name (COUNT(DISTINCT ?g) AS ?documents) WHERE {
          GRAPH ?g { ?x a ag:Place ; schema:name ?name }
        } GROUP BY ?name ORDER BY ?name
    """
    assert format_result(run_query(store, query), "tsv") == (
        f'?name\t?documents\n"Mali"\t"2"^^{INTEGER}\n"Sévaré"\t"1"^^{INTEGER}\n'
    )


def test_table_aligns_wide_characters_and_escapes_pipes() -> None:
    result = QueryResult(
        "SELECT",
        ("a", "b"),
        ((ox.Literal("東京"), ox.Literal("x|y")), (ox.Literal("ab"), None)),
    )
    assert format_result(result, "table").split("\n") == [
        "| a      | b      |",
        "|--------|--------|",
        '| "東京" | "x\\|y" |',
        '| "ab"   |        |',
        "(2 rows)",
        "",
    ]


def test_ask(store: ox.Store) -> None:
    result = run_query(store, "ASK { place:ml a ag:Place }")
    assert format_result(result, "table") == "true\n"
    assert json.loads(format_result(result, "json")) == {"head": {}, "boolean": True}
    assert format_result(run_query(store, "ASK { ?s a ag:Side }"), "csv") == "false\n"


def test_construct_as_turtle_and_ntriples(store: ox.Store) -> None:
    query = """
        CONSTRUCT { ?f schema:value ?v ; ag:statedAs ?s }
        WHERE { ?f schema:value ?v ; ag:statedAs ?s }
    """
    result = run_query(store, query)
    assert format_result(result, "table") == (
        "@prefix ag: <https://w3id.org/attackgraph/ontology#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        "@prefix schema: <https://schema.org/> .\n"
        "@prefix figure: <https://w3id.org/attackgraph/id/figure/> .\n"
        "figure:000-6de047e5428871d9-1-1 schema:value 15 ;\n"
        '\tag:statedAs "say \\"\\"\\"15\\"\\"\\" \\\\o/\\r\\nend" .\n'
    )
    figure = "<https://w3id.org/attackgraph/id/figure/000-6de047e5428871d9-1-1>"
    assert format_result(result, "csv") == (
        f'{figure} <https://schema.org/value> "15"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
        f"{figure} <https://w3id.org/attackgraph/ontology#statedAs> "
        '"say \\"\\"\\"15\\"\\"\\" \\\\o/\\r\\nend" .\n'
    )


def test_describe_gives_each_triple_once(store: ox.Store) -> None:
    text = format_result(run_query(store, "DESCRIBE place:ml"), "tsv")
    assert text.count("\n") == 2  # rdf:type and schema:name, though stated twice


def test_query_prefixes_win_and_base_sets_id(store: ox.Store) -> None:
    assert run_query(store, "ASK { place:ml ?p ?o }").boolean
    assert not run_query(store, "PREFIX place: <http://other/> ASK { place:ml ?p ?o }").boolean
    assert not run_query(store, "ASK { place:ml ?p ?o }", base="https://e.org/x").boolean
    result = run_query(
        store,
        "PREFIX ex: <https://w3id.org/attackgraph/id/place/> SELECT ?p "
        "WHERE { ?p a ag:Place } ORDER BY ?p",
    )
    assert format_result(result, "table").splitlines()[2:4] == [
        "| ex:ml        |",
        "| ex:ml-sevare |",
    ]


def test_syntax_error_names_line_and_column(store: ox.Store) -> None:
    with pytest.raises(QueryError) as caught:
        run_query(store, 'SELECT * WHERE {\n  ?s ?p "é" ?x }')
    lines = str(caught.value).split("\n")
    # pyoxigraph counts bytes: its column 17 is the 16th character, the "}"
    assert lines[0].startswith("SPARQL syntax error at line 2, column 16: expected ")
    assert lines[1:] == ['  ?s ?p "é" ?x }', "               ^"]


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }",
        "PREFIX e: <http://e/> DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "CLEAR ALL",
    ],
)
def test_updates_are_refused(update: str, store: ox.Store) -> None:
    before = len(store)
    with pytest.raises(QueryError, match="updates are not allowed"):
        run_query(store, update)
    assert len(store) == before


def test_service_is_refused_without_a_connection(store: ox.Store) -> None:
    """pyoxigraph would POST the subquery; the check stops it before evaluation."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(1.0)
    port = listener.getsockname()[1]
    calls: list[object] = []

    def accept() -> None:
        try:
            calls.append(listener.accept())
        except OSError:
            pass

    thread = threading.Thread(target=accept)
    thread.start()
    try:
        for query in (
            f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
            f"PREFIX : <http://127.0.0.1:{port}/> SELECT * WHERE {{ ?s ?p ?o SERVICE:x {{ }} }}",
            f"select * {{ service silent <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
            f"PREFIX service: <http://127.0.0.1:{port}/> ASK {{ service:x ?p ?o }}",
        ):
            with pytest.raises(QueryError, match="SERVICE"):
                run_query(store, query)
    finally:
        thread.join()
        listener.close()
    assert calls == []


def test_service_in_strings_iris_and_names_is_fine(store: ox.Store) -> None:
    query = (
        "PREFIX e: <http://e/> SELECT ?service WHERE { BIND('SERVICE' AS ?service) "
        "FILTER(?service != <http://e/SERVICE> && ?service != e:service) } # SERVICE"
    )
    assert format_result(run_query(store, query), "csv") == "service\r\nSERVICE\r\n"


def test_missing_release_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(QueryError, match=r"no attackgraph\.nq here; build a release first"):
        open_store(tmp_path)
    (tmp_path / "attackgraph.nq").write_text("<http://e/s> <http://e/p> .\n")
    with pytest.raises(QueryError, match="not valid N-Quads"):
        open_store(tmp_path)


def test_gzipped_release_opens(release: Path, tmp_path: Path) -> None:
    with (
        open(release / "attackgraph.nq", "rb") as src,
        gzip.open(tmp_path / "attackgraph.nq.gz", "wb") as dst,
    ):
        shutil.copyfileobj(src, dst)
    result = run_query(
        open_store(tmp_path),
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != " + ONTOLOGY + ") }",
    )
    assert format_result(result, "csv") == "n\r\n70\r\n"


def test_unknown_format_is_refused(store: ox.Store) -> None:
    with pytest.raises(ValueError, match="unknown result format"):
        format_result(run_query(store, "ASK {}"), "xml")  # type: ignore[arg-type]


def test_formats_registry_names_the_queried_file() -> None:
    assert FORMATS["nquads"].file_name() == "attackgraph.nq"


def test_unknown_prefix_is_named_with_the_predeclared_ones(store: ox.Store) -> None:
    with pytest.raises(QueryError) as caught:
        run_query(store, "SELECT * WHERE {\n  ?s dbo:name ?o }")
    first, line, caret = str(caught.value).split("\n")
    assert "unknown prefix dbo:" in first and "ag:, " in first and "event:" in first
    assert "Unicode" not in first and "\\u{" not in first
    assert line == "  ?s dbo:name ?o }" and caret == "     ^"


def test_the_ontology_is_in_the_store_so_subclass_paths_work(store: ox.Store) -> None:
    via_ontology = run_query(
        store, "SELECT DISTINCT ?a WHERE { ?a a ?c . ?c rdfs:subClassOf* ag:Actor }"
    ).rows
    actors = run_query(
        store, "SELECT DISTINCT ?a WHERE { VALUES ?c { ag:ArmedGroup ag:StateActor } ?a a ?c }"
    ).rows
    assert actors and set(actors) <= set(via_ontology)
    in_graph = run_query(store, f"ASK {{ GRAPH {ONTOLOGY} {{ ag:ArmedGroup ?p ?o }} }}")
    assert in_graph.boolean
