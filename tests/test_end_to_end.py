"""A user's journey, through the installed command as separate processes:
build the sample data, check the checksums, serve it, ask it with SPARQLWrapper and a
browser-style request, load it into a real Oxigraph server, and get the same answers.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from services.common import free_port, no_proxy_opener, stop, wait_for_http
from services.oxigraph import OxigraphServer
from SPARQLWrapper import JSON, SPARQLWrapper

ROOT = Path(__file__).parents[1]
ATTACKGRAPH = str(Path(sys.executable).parent / "attackgraph")
EVENT_PATH = "/id/event/april-2022-mopti-region-attacks"
NAMES = """PREFIX ag: <https://w3id.org/attackgraph/ontology#>
PREFIX schema: <https://schema.org/>
SELECT DISTINCT ?name WHERE { GRAPH ?g { ?e a ag:Attack ; schema:name ?name } } ORDER BY ?name"""


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("e2e") / "release"
    done = subprocess.run(
        [ATTACKGRAPH, "build", str(ROOT / "data" / "documents"), "--out", str(out), "-q"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out


@pytest.fixture(scope="module")
def endpoint(release: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [ATTACKGRAPH, "serve", str(release), "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for_http(f"http://127.0.0.1:{port}/sparql", process, log, timeout=120)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


def local_names(release: Path) -> list[str]:
    done = subprocess.run(
        [ATTACKGRAPH, "query", str(release), NAMES, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return [b["name"]["value"] for b in json.loads(done.stdout)["results"]["bindings"]]


def test_checksums_verify_with_sha256sum(release: Path) -> None:
    if shutil.which("sha256sum") is None:
        pytest.skip("sha256sum is not installed")
    done = subprocess.run(
        ["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=release, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_sparqlwrapper_query_answers(endpoint: str, release: Path) -> None:
    client = SPARQLWrapper(f"{endpoint}/sparql")
    client.setQuery(NAMES)
    client.setReturnFormat(JSON)
    client.setTimeout(60)
    answer = client.query().convert()
    names = [b["name"]["value"] for b in answer["results"]["bindings"]]  # type: ignore[index]
    assert "April 2022 Mopti region attacks" in names
    assert names == local_names(release)


def test_browser_request_for_an_event_iri(endpoint: str) -> None:
    opener = no_proxy_opener()
    request = urllib.request.Request(
        endpoint + EVENT_PATH, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    )
    with opener.open(request, timeout=60) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/html")
        assert "Accept" in response.headers.get("Vary", "")
        page = response.read().decode("utf-8")
    assert "April 2022 Mopti region attacks" in page
    turtle = urllib.request.Request(endpoint + EVENT_PATH, headers={"Accept": "text/turtle"})
    with opener.open(turtle, timeout=60) as response:
        assert response.headers["Content-Type"].startswith("text/turtle")
        assert b"ag:Attack" in response.read()


def test_load_into_oxigraph_gives_the_same_answers(
    release: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    workdir = tmp_path_factory.mktemp("oxigraph")
    with OxigraphServer(workdir) as server:
        env = {**os.environ, "NO_PROXY": "127.0.0.1,localhost"}
        done = subprocess.run(
            [
                ATTACKGRAPH,
                "load",
                str(release),
                "--endpoint",
                server.query_url,
                "--graph-store",
                server.store_url,
                "--auth",
                "none",
                "--timeout",
                "60",
            ],
            capture_output=True,
            text=True,
            timeout=600,
            env=env,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        client = SPARQLWrapper(server.query_url)
        client.setQuery(NAMES)
        client.setReturnFormat(JSON)
        answer = client.query().convert()
    names = [b["name"]["value"] for b in answer["results"]["bindings"]]  # type: ignore[index]
    assert names == local_names(release)
