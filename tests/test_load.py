"""``load``: Graph Store Protocol pushes into real Virtuoso and Oxigraph servers.

The servers start once per session (installed first if missing: Debian's
virtuoso-opensource, PyPI's oxigraph). Failures — 5xx, 4xx, basic authentication,
slowness, a lost triple — are injected by a forwarding proxy in front of the real
Oxigraph server, so what gets verified is still a real store's content.
"""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from pyoxigraph import QuerySolutions, RdfFormat, Store
from services.common import free_port, no_proxy_opener
from services.faults import FaultProxy, Faults
from services.oxigraph import OxigraphServer
from services.virtuoso import Virtuoso

from attackgraph.load import DumpError, LoadError, LoadReport, load
from attackgraph.load.split import split_by_graph
from attackgraph.serve import Endpoint, ServeOptions

RELEASE = Path(__file__).parent / "fixtures" / "release"
ID = "https://w3id.org/attackgraph/id/"
DOC0, DOC1, DOC2 = (
    ID + "doc/000-6de047e5428871d9",
    ID + "doc/001-3b1f0c2a9d4e5f60",
    ID + "doc/002-a7c9e1d2b3f40516",
)
EXPECTED = {DOC0: 89, DOC1: 69, DOC2: 30}
FAST = {"timeout": 10, "retries": 3, "backoff": 0.01}

# The same question asked of every store. Explicit GRAPH patterns, so it does not depend
# on whether a store's default graph is the union of its named graphs.
FIGURES_PER_EVENT = """
PREFIX ag: <https://w3id.org/attackgraph/ontology#>
PREFIX schema: <https://schema.org/>
SELECT ?name (COUNT(DISTINCT ?figure) AS ?figures) WHERE {
  GRAPH ?g { ?event a ag:Attack ; schema:name ?name }
  OPTIONAL { GRAPH ?h { ?figure ag:ofEvent ?event } }
}
GROUP BY ?name
ORDER BY ?name
"""
EXPECTED_FIGURES = [
    ("April 2022 Mopti region attacks", 3),
    ("April 2022 Mopti region attacks — Sévaré", 0),
    ("Solhan massacre", 2),
]


def ask(endpoint: str, query: str) -> list[dict[str, dict[str, str]]]:
    """SPARQL JSON bindings from ``endpoint`` (form POST, as Virtuoso wants)."""
    request = urllib.request.Request(
        endpoint,
        data=urlencode({"query": query}).encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        },
    )
    with no_proxy_opener().open(request, timeout=30) as answer:
        bindings: list[dict[str, dict[str, str]]] = json.load(answer)["results"]["bindings"]
    return bindings


def figures_per_event(endpoint: str) -> list[tuple[str, int]]:
    return [
        (r["name"]["value"], int(r["figures"]["value"])) for r in ask(endpoint, FIGURES_PER_EVENT)
    ]


def assert_verified(report: LoadReport) -> None:
    assert report.ok, report.format()
    assert report.exit_code == 0
    assert {g.graph: g.remote for g in report.graphs} == EXPECTED


@pytest.fixture(scope="session")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    with OxigraphServer(tmp_path_factory.mktemp("oxigraph")) as server:
        yield server


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    with Virtuoso(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server


def shrunk_release(tmp_path: Path, graph: str, keep: int) -> Path:
    """A copy of the fixture release whose ``graph`` keeps only ``keep`` triples."""
    lines = (RELEASE / "attackgraph.nq").read_text(encoding="utf-8").splitlines(keepends=True)
    kept, out = 0, []
    for line in lines:
        if line.rstrip().endswith(f"<{graph}> ."):
            kept += 1
            if kept > keep:
                continue
        out.append(line)
    (tmp_path / "attackgraph.nq").write_text("".join(out), encoding="utf-8")
    return tmp_path


# --- splitting the dump ---------------------------------------------------------------------


@pytest.mark.parametrize("spill_bytes", [1, 64 << 20])
def test_split_keeps_every_graph_and_lexical_form(tmp_path: Path, spill_bytes: int) -> None:
    parts = list(split_by_graph(RELEASE / "attackgraph.nq", tmp_path, spill_bytes=spill_bytes))
    assert {p.graph: p.triples for p in parts} == EXPECTED
    doc0 = next(p for p in parts if p.graph == DOC0).body.decode()
    assert '"Sévaré"' in doc0 and '"POINT(-4.1 14.53)"^^<' in doc0
    store = Store()
    store.load(doc0.encode(), format=RdfFormat.N_TRIPLES)
    assert len(store) == EXPECTED[DOC0]


def test_missing_dump(tmp_path: Path) -> None:
    with pytest.raises(DumpError):
        load(tmp_path, endpoint="http://127.0.0.1:9/sparql")


def test_unreachable_store_raises_after_retries() -> None:
    port = free_port()  # nothing listens there
    started = time.monotonic()
    with pytest.raises(LoadError, match="refused"):
        load(RELEASE, endpoint=f"http://127.0.0.1:{port}/query", retries=2, backoff=0.05)
    assert time.monotonic() - started >= 0.05 + 0.1  # waited between the attempts


# --- Oxigraph ---------------------------------------------------------------------------


@pytest.mark.slow
def test_oxigraph_load_is_verified_and_idempotent(oxigraph: OxigraphServer) -> None:
    first = load(RELEASE, endpoint=oxigraph.query_url, graph_store=oxigraph.store_url, **FAST)
    assert_verified(first)
    again = load(RELEASE, endpoint=oxigraph.query_url, graph_store=oxigraph.store_url, **FAST)
    assert_verified(again)
    total = ask(oxigraph.query_url, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
    assert int(total[0]["n"]["value"]) == sum(EXPECTED.values())
    assert DOC0 in first.format() and "verified: OK" in first.format()


@pytest.mark.slow
def test_put_replaces_a_graph(oxigraph: OxigraphServer, tmp_path: Path) -> None:
    smaller = shrunk_release(tmp_path, DOC0, keep=40)
    report = load(smaller, endpoint=oxigraph.query_url, graph_store=oxigraph.store_url, **FAST)
    assert report.ok, report.format()
    assert {g.graph: g.remote for g in report.graphs}[DOC0] == 40  # replaced, not merged
    assert_verified(
        load(RELEASE, endpoint=oxigraph.query_url, graph_store=oxigraph.store_url, **FAST)
    )


@pytest.mark.slow
def test_5xx_is_retried_with_backoff(oxigraph: OxigraphServer) -> None:
    faults = Faults(reject={"doc/001-3b1f0c2a9d4e5f60": [503, 502]})
    with FaultProxy(oxigraph.port, faults) as proxy:
        report = load(
            RELEASE,
            endpoint=proxy.base_url + "/query",
            graph_store=proxy.base_url + "/store",
            **FAST,
        )
        statuses = proxy.puts("doc/001-3b1f0c2a9d4e5f60")
        assert statuses[:2] == [503, 502] and statuses[2] in (201, 204) and len(statuses) == 3
    assert_verified(report)


@pytest.mark.slow
def test_5xx_gives_up_after_the_retries_and_goes_on(oxigraph: OxigraphServer) -> None:
    faults = Faults(always={"doc/001-3b1f0c2a9d4e5f60": 500})
    with FaultProxy(oxigraph.port, faults) as proxy:
        report = load(
            RELEASE,
            endpoint=proxy.base_url + "/query",
            graph_store=proxy.base_url + "/store",
            timeout=10,
            retries=2,
            backoff=0.01,
        )
        assert proxy.puts("doc/001-3b1f0c2a9d4e5f60") == [500, 500, 500]
    assert not report.ok and report.exit_code == 1
    by_graph = {g.graph: g for g in report.graphs}
    assert "HTTP 500" in (by_graph[DOC1].error or "")
    assert by_graph[DOC0].ok and by_graph[DOC2].ok


@pytest.mark.slow
def test_4xx_is_not_retried(oxigraph: OxigraphServer) -> None:
    faults = Faults(always={"doc/002-a7c9e1d2b3f40516": 400})
    with FaultProxy(oxigraph.port, faults) as proxy:
        report = load(
            RELEASE,
            endpoint=proxy.base_url + "/query",
            graph_store=proxy.base_url + "/store",
            **FAST,
        )
        assert proxy.puts("doc/002-a7c9e1d2b3f40516") == [400]
    assert not report.ok
    assert "HTTP 400" in report.format()


@pytest.mark.slow
def test_count_mismatch_is_reported(oxigraph: OxigraphServer) -> None:
    faults = Faults(drop_first_triple="doc/002-a7c9e1d2b3f40516")
    with FaultProxy(oxigraph.port, faults) as proxy:
        report = load(
            RELEASE,
            endpoint=proxy.base_url + "/query",
            graph_store=proxy.base_url + "/store",
            **FAST,
        )
    assert not report.ok and report.exit_code == 1
    doc2 = {g.graph: g for g in report.graphs}[DOC2]
    assert (doc2.local, doc2.remote) == (30, 29)
    assert "COUNT MISMATCH" in report.format()


@pytest.mark.slow
def test_basic_auth_is_sent_up_front(oxigraph: OxigraphServer) -> None:
    faults = Faults(basic_auth=("loader", "s3cret"))
    with FaultProxy(oxigraph.port, faults) as proxy:
        urls = {"endpoint": proxy.base_url + "/query", "graph_store": proxy.base_url + "/store"}
        good = load(RELEASE, **urls, user="loader", password="s3cret", auth="basic", **FAST)
        assert all(authorized for _, _, _, authorized in faults.seen)
        assert_verified(good)
        faults.seen.clear()
        bad = load(RELEASE, **urls, user="loader", password="wrong", auth="basic", **FAST)
        assert [s for m, _, s, _ in faults.seen if m == "PUT"] == [401, 401, 401]  # no retries
    assert not bad.ok and "HTTP 401" in bad.format()


@pytest.mark.slow
def test_client_timeout(oxigraph: OxigraphServer) -> None:
    with FaultProxy(oxigraph.port, Faults(delay=3.0)) as proxy:
        started = time.monotonic()
        with pytest.raises(LoadError, match="timed out"):
            load(
                RELEASE,
                endpoint=proxy.base_url + "/query",
                graph_store=proxy.base_url + "/store",
                timeout=0.3,
                retries=1,
                backoff=0.01,
            )
        assert time.monotonic() - started < 3.0


# --- Virtuoso ---------------------------------------------------------------------------


@pytest.mark.slow
def test_virtuoso_digest_load_is_verified_and_idempotent(virtuoso: Virtuoso) -> None:
    options = {
        "endpoint": virtuoso.sparql_url,
        "graph_store": virtuoso.graph_store_url,
        "user": "dba",
        "password": virtuoso.password,
        "auth": "digest",
    }
    assert_verified(load(RELEASE, **options, **FAST))
    assert_verified(load(RELEASE, **options, **FAST))


@pytest.mark.slow
def test_virtuoso_wrong_password_is_not_retried(virtuoso: Virtuoso) -> None:
    started = time.monotonic()
    report = load(
        RELEASE,
        endpoint=virtuoso.sparql_url,
        graph_store=virtuoso.graph_store_url,
        user="dba",
        password="not-the-password",
        auth="digest",
        timeout=10,
        retries=3,
        backoff=1.0,
    )
    assert not report.ok
    assert all("HTTP 401" in (g.error or "") for g in report.graphs)
    assert time.monotonic() - started < 3.0  # 3 graphs x (no back-off waits)


@pytest.mark.slow
def test_same_answers_everywhere(virtuoso: Virtuoso, oxigraph: OxigraphServer) -> None:
    assert_verified(
        load(
            RELEASE,
            endpoint=virtuoso.sparql_url,
            graph_store=virtuoso.graph_store_url,
            user="dba",
            password=virtuoso.password,
            **FAST,
        )
    )
    assert_verified(
        load(RELEASE, endpoint=oxigraph.query_url, graph_store=oxigraph.store_url, **FAST)
    )
    local = Store()
    local.load(path=str(RELEASE / "attackgraph.nq"), format=RdfFormat.N_QUADS)
    rows = local.query(FIGURES_PER_EVENT)
    assert isinstance(rows, QuerySolutions)
    local_answer = [(r["name"].value, int(r["figures"].value)) for r in rows]
    with Endpoint(RELEASE, options=ServeOptions(port=0, workers=1)) as endpoint:
        served = figures_per_event(endpoint.url + "/sparql")
    assert local_answer == EXPECTED_FIGURES
    assert figures_per_event(virtuoso.sparql_url) == EXPECTED_FIGURES
    assert figures_per_event(oxigraph.query_url) == EXPECTED_FIGURES
    assert served == EXPECTED_FIGURES
