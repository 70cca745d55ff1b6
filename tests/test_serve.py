"""The SPARQL endpoint and linked-data pages, over real HTTP on 127.0.0.1.

Clients: SPARQLWrapper, and plain http.client requests (the curl of the standard
library). Every result format is parsed by an independent parser: json, ElementTree,
csv, pyoxigraph's result parser, pyoxigraph and rdflib for RDF.
"""

from __future__ import annotations

import csv
import http.client
import io
import json
import shutil
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import pytest
import rdflib
from pyoxigraph import QueryResultsFormat, RdfFormat, parse, parse_query_results
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper

from attackgraph.html.examples import DISAGREEMENTS, EXAMPLES
from attackgraph.serve import Endpoint, ServeOptions, analyse
from attackgraph.sparql.analysis import QueryRefusedError

ONTOLOGY = "<https://w3id.org/attackgraph/ontology>"  # its own graph in the store
RELEASE = Path(__file__).parent / "fixtures" / "release"
BASE = "https://w3id.org/attackgraph"
DOC0 = f"{BASE}/id/doc/000-6de047e5428871d9"
SEVARE = f"{BASE}/id/place/ml-sevare"
QUADS = 188  # lines of the fixture's attackgraph.nq
DOC0_TRIPLES = 89
NAMES = "PREFIX schema: <https://schema.org/> SELECT ?s ?name WHERE { ?s schema:name ?name }"
NAME_ROWS = 15  # 12 distinct names: a document and its event share one
SRJ = "application/sparql-results+json"


# --- helpers -------------------------------------------------------------------------


class Answer:
    def __init__(self, status: int, headers: http.client.HTTPMessage, body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> dict:
        return json.loads(self.body)


def request(
    url: str,
    path: str,
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
) -> Answer:
    """One HTTP request with http.client: no proxy, no redirects, nothing hidden."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        conn.close()


def get_query(url: str, query: str, accept: str | None = None, **params: str) -> Answer:
    headers = {"Accept": accept} if accept else {}
    return request(url, "/sparql?" + urlencode({"query": query, **params}), headers=headers)


def post_form(url: str, fields: dict[str, str], accept: str = SRJ) -> Answer:
    return request(
        url,
        "/sparql",
        method="POST",
        body=urlencode(fields).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
    )


def count_triples(url: str) -> int:
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != " + ONTOLOGY + ") }"
    answer = get_query(url, query, SRJ)
    assert answer.status == 200, answer.text
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


def names_of(answer: Answer) -> set[str]:
    return {b["name"]["value"] for b in answer.json()["results"]["bindings"]}


@pytest.fixture(scope="module")
def endpoint() -> Iterator[Endpoint]:
    with Endpoint(RELEASE, options=ServeOptions(port=0, workers=2)) as running:
        yield running


@pytest.fixture(scope="module")
def url(endpoint: Endpoint) -> str:
    return endpoint.url


@pytest.fixture(scope="module")
def strict() -> Iterator[Endpoint]:
    """Tight limits: 1 s deadline, 5 rows, small requests, one worker."""
    options = ServeOptions(
        port=0, workers=1, deadline=1.0, row_cap=5, max_query_length=1000, max_body_bytes=2000
    )
    with Endpoint(RELEASE, options=options) as running:
        yield running


# --- SPARQL protocol: formats ------------------------------------------------------------


def test_binds_loopback_by_default(url: str) -> None:
    assert ServeOptions().host == "127.0.0.1"
    assert url.startswith("http://127.0.0.1:")


def test_sparqlwrapper_select_json_keeps_non_ascii(url: str) -> None:
    client = SPARQLWrapper(url + "/sparql")
    client.setQuery(NAMES)
    client.setReturnFormat(JSON)
    result = client.query().convert()
    names = {b["name"]["value"] for b in result["results"]["bindings"]}
    assert {
        "Sévaré",
        "Solhan massacre",
        "Mali War",
        "April 2022 Mopti region attacks — Sévaré",
    } <= names
    client.setQuery("SELECT ?alias WHERE { ?s <https://schema.org/alternateName> ?alias }")
    alias = client.query().convert()["results"]["bindings"][0]["alias"]
    assert alias == {"type": "literal", "value": "كتيبة ماسينا", "xml:lang": "ar"}


@pytest.mark.parametrize("method", ["GET", POST, POSTDIRECTLY])
def test_sparqlwrapper_methods(url: str, method: str) -> None:
    client = SPARQLWrapper(url + "/sparql")
    client.setQuery(NAMES)
    client.setReturnFormat(JSON)
    if method == POSTDIRECTLY:
        client.setMethod(POST)
        client.setRequestMethod(POSTDIRECTLY)
    else:
        client.setMethod(method)
    result = client.query().convert()
    assert len(result["results"]["bindings"]) == NAME_ROWS


def test_sparqlwrapper_xml_csv_tsv(url: str) -> None:
    client = SPARQLWrapper(url + "/sparql")
    client.setQuery(NAMES)
    client.setReturnFormat(XML)
    document = client.query().convert()
    literals = [n.firstChild.data for n in document.getElementsByTagName("literal")]
    assert "Sévaré" in literals
    client.setReturnFormat(CSV)
    rows = list(csv.reader(io.StringIO(client.query().convert().decode())))
    assert rows[0] == ["s", "name"] and len(rows) == NAME_ROWS + 1
    client.setReturnFormat(TSV)
    lines = client.query().convert().decode().splitlines()
    assert lines[0] == "?s\t?name" and len(lines) == NAME_ROWS + 1


@pytest.mark.parametrize("fmt", [TURTLE, N3, JSONLD, XML])
def test_sparqlwrapper_construct(url: str, fmt: str) -> None:
    client = SPARQLWrapper(url + "/sparql")
    client.setQuery(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{DOC0}> {{ ?s ?p ?o }} }}")
    client.setReturnFormat(fmt)
    graph = client.queryAndConvert()
    if not isinstance(graph, rdflib.Graph):  # SPARQLWrapper returns bytes for some formats
        graph = rdflib.Graph().parse(data=graph, format="json-ld" if fmt == JSONLD else "turtle")
    assert len(graph) == DOC0_TRIPLES


RESULT_FORMATS = [
    (SRJ, "application/sparql-results+json", QueryResultsFormat.JSON),
    ("application/sparql-results+xml", "application/sparql-results+xml", QueryResultsFormat.XML),
    ("text/tab-separated-values", "text/tab-separated-values", QueryResultsFormat.TSV),
]


@pytest.mark.parametrize(("accept", "media_type", "parser"), RESULT_FORMATS)
@pytest.mark.parametrize("how", ["get", "form", "direct"])
def test_select_formats_and_methods(
    url: str, accept: str, media_type: str, parser: QueryResultsFormat, how: str
) -> None:
    if how == "get":
        answer = get_query(url, NAMES, accept)
    elif how == "form":
        answer = post_form(url, {"query": NAMES}, accept)
    else:
        answer = request(
            url,
            "/sparql",
            method="POST",
            body=NAMES.encode(),
            headers={"Content-Type": "application/sparql-query", "Accept": accept},
        )
    assert answer.status == 200, answer.text
    assert answer.headers["Content-Type"].split(";")[0] == media_type
    assert answer.headers["Vary"] == "Accept"
    solutions = parse_query_results(answer.body, format=parser)
    names = {s["name"].value for s in solutions}
    assert "Sévaré" in names and len(names) == 12


def test_select_csv_and_xml_parse_independently(url: str) -> None:
    answer = get_query(url, NAMES + " ORDER BY ?name", "text/csv")
    assert answer.headers["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(answer.text)))
    assert rows[0] == ["s", "name"] and len(rows) == NAME_ROWS + 1
    assert [f"{BASE}/id/place/ml-sevare", "Sévaré"] in rows
    root = ET.fromstring(get_query(url, NAMES, "application/sparql-results+xml").body)
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    assert len(root.findall("r:results/r:result", ns)) == NAME_ROWS
    literals = [e.text for e in root.iter("{http://www.w3.org/2005/sparql-results#}literal")]
    assert "Sévaré" in literals


@pytest.mark.parametrize(
    ("keyword", "media_type"),
    [
        ("csv", "text/csv"),
        ("tsv", "text/tab-separated-values"),
        ("xml", "application/sparql-results+xml"),
    ],
)
def test_format_parameter_beats_accept(url: str, keyword: str, media_type: str) -> None:
    answer = get_query(url, NAMES, SRJ, format=keyword)
    assert answer.status == 200
    assert answer.headers["Content-Type"].split(";")[0] == media_type


@pytest.mark.parametrize(
    ("accept", "parser"),
    [(SRJ, QueryResultsFormat.JSON), ("application/sparql-results+xml", QueryResultsFormat.XML)],
)
def test_ask(url: str, accept: str, parser: QueryResultsFormat) -> None:
    yes = get_query(url, f"ASK {{ <{SEVARE}> ?p ?o }}", accept)
    no = get_query(url, "ASK { <http://example.org/nothing> ?p ?o }", accept)
    assert bool(parse_query_results(yes.body, format=parser)) is True
    assert bool(parse_query_results(no.body, format=parser)) is False


@pytest.mark.parametrize(
    ("accept", "rdf_format"),
    [
        ("text/turtle", RdfFormat.TURTLE),
        ("application/n-triples", RdfFormat.N_TRIPLES),
        ("application/ld+json", RdfFormat.JSON_LD),
        ("application/rdf+xml", RdfFormat.RDF_XML),
    ],
)
def test_construct_and_describe_formats(url: str, accept: str, rdf_format: RdfFormat) -> None:
    construct = get_query(
        url, f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{DOC0}> {{ ?s ?p ?o }} }}", accept
    )
    assert construct.status == 200, construct.text
    assert construct.headers["Content-Type"].split(";")[0] == accept
    assert len(list(parse(construct.body, format=rdf_format))) == DOC0_TRIPLES
    describe = get_query(url, f"DESCRIBE <{SEVARE}>", accept)
    assert describe.status == 200
    assert len(list(parse(describe.body, format=rdf_format))) >= 5


def test_select_answer_is_not_acceptable_as_turtle(url: str) -> None:
    answer = get_query(url, NAMES, "text/turtle")
    assert answer.status == 406
    assert "application/sparql-results+json" in answer.text


def test_service_description(url: str) -> None:
    answer = request(url, "/sparql", headers={"Accept": "text/turtle"})
    assert answer.status == 200
    graph = rdflib.Graph().parse(data=answer.text, format="turtle", publicID=url + "/sparql")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert (rdflib.URIRef(url + "/sparql"), sd.endpoint, rdflib.URIRef(url + "/sparql")) in graph
    named = {str(o) for o in graph.objects(None, sd.name)}
    assert DOC0 in named and len(named) == 4  # three documents and the ontology
    assert "https://w3id.org/attackgraph/ontology" in named


def test_query_page_works_offline(url: str) -> None:
    for path, accept in (("/", "*/*"), ("/sparql", "text/html,*/*;q=0.8")):
        answer = request(url, path, headers={"Accept": accept})
        assert answer.status == 200
        assert answer.headers["Content-Type"] == "text/html; charset=utf-8"
        page = answer.text
        assert "<textarea" in page and '<script src="/assets/query.js">' in page
        assert "//cdn" not in page and "http" not in page.split("<body", 1)[0]
        for title, _ in EXAMPLES:
            assert title in page
    script = request(url, "/assets/query.js")
    assert script.status == 200 and "fetch(" in script.text


@pytest.mark.parametrize(("title", "query"), EXAMPLES)
def test_example_queries_answer(url: str, title: str, query: str) -> None:
    answer = post_form(url, {"query": query})
    assert answer.status == 200, answer.text
    assert answer.json()["results"]["bindings"], title


def test_disagreement_example_finds_the_mopti_figures(url: str) -> None:
    rows = post_form(url, {"query": DISAGREEMENTS}).json()["results"]["bindings"]
    pairs = {(r["eventName"]["value"], r["statedA"]["value"], r["statedB"]["value"]) for r in rows}
    assert pairs == {
        ("April 2022 Mopti region attacks", "15 soldiers killed", "six soldiers were killed")
    }


def test_cors(url: str) -> None:
    assert get_query(url, NAMES).headers["Access-Control-Allow-Origin"] == "*"
    preflight = request(
        url,
        "/sparql",
        method="OPTIONS",
        headers={"Origin": "http://example.org", "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]


# --- safety -----------------------------------------------------------------------------

REMOTE = "http://127.0.0.1:9/remote"  # never contacted: refused before evaluation


@pytest.mark.parametrize(
    "fields",
    [
        {"update": f"INSERT DATA {{ <{REMOTE}> <{REMOTE}> <{REMOTE}> }}"},
        {"query": f"INSERT DATA {{ <{REMOTE}> <{REMOTE}> <{REMOTE}> }}"},
        {"query": "DELETE WHERE { ?s ?p ?o }"},
        {"query": f"LOAD <{REMOTE}>"},
        {"query": "CLEAR ALL"},
        {"query": f"DROP GRAPH <{DOC0}>"},
        {"query": f"SELECT * WHERE {{ SERVICE <{REMOTE}> {{ ?s ?p ?o }} }}"},
        {"query": f"select * {{ service silent <{REMOTE}> {{ ?s ?p ?o }} }}"},
        {"query": "SELECT * WHERE { BIND(1 AS ?a) FILTER(?a<?b)SERVICE?v#>\n{ ?s ?p ?o } }"},
        {"query": f"SELECT * FROM <{REMOTE}> WHERE {{ ?s ?p ?o }}"},
        {"query": f"SELECT * FROM NAMED <{REMOTE}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"},
        {"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": REMOTE},
        {"query": "SELECT * WHERE { ?s ?p ?o }", "named-graph-uri": REMOTE},
    ],
)
def test_refused_before_evaluation_and_nothing_changes(url: str, fields: dict[str, str]) -> None:
    answer = post_form(url, fields)
    assert answer.status == 400, answer.text
    assert answer.text.strip()
    assert count_triples(url) == QUADS


def test_update_media_type_and_write_methods_refused(url: str) -> None:
    update = request(
        url,
        "/sparql",
        method="POST",
        body=b"CLEAR ALL",
        headers={"Content-Type": "application/sparql-update"},
    )
    assert update.status == 400
    for method in ("PUT", "DELETE"):
        assert request(url, "/sparql", method=method, body=b"x").status == 405
    assert count_triples(url) == QUADS


def test_sparqlwrapper_update_is_refused(url: str) -> None:
    client = SPARQLWrapper(url + "/sparql", updateEndpoint=url + "/sparql")
    client.setMethod(POST)
    client.setQuery(f"DROP GRAPH <{DOC0}>")
    with pytest.raises(Exception, match="400"):
        client.query()
    assert count_triples(url) == QUADS


def test_keywords_inside_literals_iris_and_comments_are_fine(url: str) -> None:
    query = (
        "PREFIX schema: <https://schema.org/>\n"
        "SELECT ?service WHERE { # SERVICE <http://x/> LOAD\n"
        '  ?service schema:name ?n FILTER(!CONTAINS(?n, "SERVICE { INSERT DATA }"))\n'
        "  FILTER(?service != <http://example.org/SERVICE/DROP>) }"
    )
    answer = get_query(url, query, SRJ)
    assert answer.status == 200, answer.text
    assert len(answer.json()["results"]["bindings"]) == NAME_ROWS


def test_from_a_graph_of_the_store_is_allowed(url: str) -> None:
    answer = get_query(url, f"SELECT (COUNT(*) AS ?n) FROM <{DOC0}> WHERE {{ ?s ?p ?o }}", SRJ)
    assert answer.status == 200, answer.text
    assert answer.json()["results"]["bindings"][0]["n"]["value"] == str(DOC0_TRIPLES)
    with_param = get_query(
        url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", SRJ, **{"default-graph-uri": DOC0}
    )
    assert with_param.json()["results"]["bindings"][0]["n"]["value"] == str(DOC0_TRIPLES)


def test_analyse_rejects_what_the_endpoint_refuses() -> None:
    with pytest.raises(QueryRefusedError):
        analyse(
            "PREFIX e: <http://e/> SELECT * FROM e:remote { ?s ?p ?o }",
            known_graphs=frozenset({DOC0}),
        )
    assert analyse("ASK { ?s ?p 'LOAD <x>' }").form == "ASK"


def test_syntax_error_is_400(url: str) -> None:
    answer = get_query(url, "SELECT ?s WHERE { ?s ?p }", SRJ)
    assert answer.status == 400
    assert "syntax" in answer.text


def test_slow_query_is_cancelled_at_the_deadline(strict: Endpoint) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    replaced = strict.pool.replaced
    started = time.monotonic()
    answer = get_query(strict.url, slow, SRJ)
    elapsed = time.monotonic() - started
    assert answer.status == 503
    assert "deadline" in answer.text
    assert elapsed < 1.0 + 4.0
    # the killed worker is replaced, and its successor lives on (it once died with the
    # short-lived thread that had started it)
    # (starting it takes a second or more on a loaded machine: allow for that)
    follow_up = get_query(strict.url, "ASK { ?s ?p ?o }", SRJ)
    give_up = time.monotonic() + 30.0
    while follow_up.status == 503 and "busy" in follow_up.text and time.monotonic() < give_up:
        follow_up = get_query(strict.url, "ASK { ?s ?p ?o }", SRJ)
    assert follow_up.status == 200, follow_up.text
    time.sleep(0.5)
    for _ in range(3):
        assert get_query(strict.url, "ASK { ?s ?p ?o }", SRJ).status == 200
    assert strict.pool.replaced == replaced + 1


def test_row_cap_is_signalled(strict: Endpoint) -> None:
    capped = get_query(strict.url, "SELECT * WHERE { ?s ?p ?o }", SRJ)
    assert capped.status == 200
    assert capped.headers["X-Result-Truncated"] == "true"
    assert capped.headers["X-Result-Row-Cap"] == "5"
    assert len(capped.json()["results"]["bindings"]) == 5
    graph = get_query(strict.url, "CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")
    assert graph.headers["X-Result-Truncated"] == "true"
    assert len(list(parse(graph.body, format=RdfFormat.N_TRIPLES))) == 5
    whole = get_query(strict.url, "SELECT * WHERE { ?s ?p ?o } LIMIT 5", SRJ)
    assert whole.headers.get("X-Result-Truncated") is None
    assert whole.headers["X-Result-Rows"] == "5"


def test_oversized_requests_get_413(strict: Endpoint) -> None:
    long_query = "ASK { ?s ?p ?o } #" + "x" * 1200
    assert get_query(strict.url, long_query).status == 413
    big_body = ("query=" + quote(long_query) + "&x=" + "y" * 3000).encode()
    answer = request(
        strict.url,
        "/sparql",
        method="POST",
        body=big_body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert answer.status == 413
    unknown = request(
        strict.url, "/sparql", method="POST", body=b"ASK {}", headers={"Content-Type": "text/plain"}
    )
    assert unknown.status == 415


# --- linked data ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "media_type", "rdf_format"),
    [
        ("text/turtle", "text/turtle", RdfFormat.TURTLE),
        ("application/ld+json", "application/ld+json", RdfFormat.JSON_LD),
        ("application/n-triples", "application/n-triples", RdfFormat.N_TRIPLES),
        ("*/*", "text/turtle", RdfFormat.TURTLE),
    ],
)
def test_resource_rdf_is_its_description_with_parts(
    url: str, accept: str, media_type: str, rdf_format: RdfFormat
) -> None:
    answer = request(url, "/id/place/ml-sevare", headers={"Accept": accept})
    assert answer.status == 200
    assert answer.headers["Content-Type"].split(";")[0] == media_type
    assert answer.headers["Vary"] == "Accept"
    triples = {
        (t.subject.value, t.predicate.value, t.object.value)
        for t in parse(answer.body, format=rdf_format)
    }
    assert (SEVARE, "https://schema.org/name", "Sévaré") in triples
    geometry = f"{BASE}/id/geometry/ml-sevare"
    assert (geometry, "http://www.opengis.net/ont/geosparql#asWKT", "POINT(-4.1 14.53)") in triples
    assert {s for s, _, _ in triples} == {SEVARE, geometry}  # no incoming links in the CBD


def test_resource_html_page(url: str) -> None:
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    answer = request(url, "/id/event/april-2022-mopti-region-attacks", headers={"Accept": browser})
    assert answer.status == 200
    assert answer.headers["Content-Type"] == "text/html; charset=utf-8"
    assert answer.headers["Vary"] == "Accept"
    page = answer.text
    assert "<h1>April 2022 Mopti region attacks</h1>" in page
    assert 'href="/id/place/ml-sevare"' in page and ">Sévaré<" in page  # linked, by name
    assert "ag:Attack" in page
    assert "&lt;centre&gt;" in page and "<centre>" not in page  # escaped literal
    assert "Incoming links" in page and 'href="/id/claim/000-6de047e5428871d9-1"' in page
    assert "<script" not in page and "//cdn" not in page


def test_resource_format_parameter(url: str) -> None:
    answer = request(url, "/id/place/ml-sevare?format=jsonld", headers={"Accept": "text/html"})
    assert answer.headers["Content-Type"] == "application/ld+json"
    document = json.loads(answer.body)  # compacted with the project context, as the dumps
    assert "@context" in document and document["@graph"][0]["@id"].endswith("/ml-sevare")
    assert "https://schema.org/name" not in answer.text


def test_unknown_resource_and_unacceptable_type(url: str) -> None:
    assert request(url, "/id/event/no-such-event", headers={"Accept": "text/turtle"}).status == 404
    assert request(url, "/id/event/no-such-event", headers={"Accept": "text/html"}).status == 404
    refused = request(url, "/id/place/ml-sevare", headers={"Accept": "image/png"})
    assert refused.status == 406
    assert refused.headers["Vary"] == "Accept"
    assert request(url, "/nothing/here").status == 404


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs headless Chromium")
def test_query_page_runs_a_query_in_a_real_browser(url: str) -> None:
    """The page's own script (under its Content-Security-Policy) fetches and renders."""
    page = url + "/?" + urlencode({"query": DISAGREEMENTS})
    browser = subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=10000",
            "--dump-dom",
            page,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    out = browser.stdout[browser.stdout.index('id="out"') :]
    assert "<table>" in out and "six soldiers were killed" in out
    assert 'href="/id/claim/000-6de047e5428871d9-1"' in out


def test_serve_runs_until_sigterm(tmp_path: Path) -> None:
    """``serve()`` — the body of ``attackgraph serve`` — in its own process."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code = (
        "import sys; from attackgraph.serve import serve; "
        "serve(sys.argv[1], port=int(sys.argv[2]), deadline=2.0, workers=1)"
    )
    server = subprocess.Popen(
        [sys.executable, "-c", code, str(RELEASE), str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        banner = server.stdout.readline().decode() if server.stdout else ""
        assert f"http://127.0.0.1:{port}/sparql" in banner, server.stderr
        answer = get_query(f"http://127.0.0.1:{port}", "ASK { ?s ?p ?o }", SRJ)
        assert answer.json() == {"head": {}, "boolean": True}
    finally:
        server.terminate()
        assert server.wait(timeout=30) == 0
