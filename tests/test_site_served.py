"""The release's site under ``serve``: every page and every link on it resolves.

Through werkzeug's test client over a real endpoint (worker pool included) on the
sample corpus's release; ``tests/test_pages.py`` checks the same links from disk.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from werkzeug.test import Client, TestResponse

from attackgraph.serve import Endpoint, ServeOptions

ROOT = Path(__file__).resolve().parents[1]
BASE = "https://w3id.org/attackgraph"
MOPTI = "/id/event/april-2022-mopti-region-attacks"


@pytest.fixture(scope="module")
def release(sample_release: Path) -> Path:
    return sample_release


@pytest.fixture(scope="module")
def client(release: Path) -> Iterator[Client]:
    with Endpoint(release, options=ServeOptions(port=0, workers=1)) as endpoint:
        yield Client(endpoint.wsgi)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        for attr in ("href", "src"):
            value = found.get(attr)
            if value is not None:
                self.links.append(value)


def _parse(response: TestResponse) -> _Links:
    parser = _Links()
    parser.feed(response.get_data(as_text=True))
    return parser


def test_the_site_is_served(client: Client) -> None:
    paths = ["/", "/index.html", "/void.ttl", "/attackgraph.nq", "/attackgraph.ttl.gz"]
    paths += ["/ontology.html", "/assets/site.css", f"{MOPTI}.ttl", f"{MOPTI}.jsonld"]
    for path in paths:
        assert client.get(path).status_code == 200, path
    index = client.get("/").get_data(as_text=True)
    assert 'id="events"' in index and "Mopti" in index
    assert client.get("/ontology", headers={"Accept": "text/html"}).status_code == 200
    assert client.get("/ontology", headers={"Accept": "text/turtle"}).mimetype == "text/turtle"
    concept = client.get("/concept/killed")
    assert concept.status_code == 303 and concept.location.endswith("/ontology.html#c-killed")
    assert client.get("/nothing/here").status_code == 404
    assert client.get("/../etc/passwd").status_code == 404


def test_resources_answer_with_the_release_pages_and_twins(client: Client, release: Path) -> None:
    page = client.get(MOPTI, headers={"Accept": "text/html"})
    assert page.status_code == 200 and page.headers["Vary"] == "Accept"
    assert page.get_data() == (release / f"{MOPTI[1:]}.html").read_bytes()
    links = page.headers.getlist("Link")
    assert f'<{MOPTI}.ttl>; rel="alternate"; type="text/turtle"' in links
    jsonld = client.get(MOPTI, headers={"Accept": "application/ld+json"})
    assert jsonld.get_data() == (release / f"{MOPTI[1:]}.jsonld").read_bytes()
    assert '"@context"' in jsonld.get_data(as_text=True)
    claim = client.get("/id/claim/000-6de047e5428871d9-1", headers={"Accept": "text/html"})
    assert claim.status_code == 200 and "Incoming links" not in claim.get_data(as_text=True)[:0]
    assert client.get("/id/claim/000-6de047e5428871d9-1.ttl").mimetype == "text/turtle"


def test_every_link_on_every_page_resolves_under_serve(client: Client, release: Path) -> None:
    pages = ["/" + p.relative_to(release).as_posix() for p in sorted(release.rglob("*.html"))]
    pages += ["/", MOPTI]
    ids: dict[str, set[str]] = {}
    status: dict[str, int] = {}
    checked = 0
    for page in pages:
        response = client.get(page, headers={"Accept": "text/html"})
        assert response.status_code == 200, page
        for link in _parse(response).links:
            target = urlsplit(urljoin("http://x" + page, link))
            if target.netloc != "x":
                continue  # external links are not followed
            path = target.path
            if path not in status:
                answer = client.get(path, headers={"Accept": "text/html"})
                status[path] = answer.status_code
                if answer.status_code == 200 and answer.mimetype == "text/html":
                    ids[path] = _parse(answer).ids
            assert status[path] == 200, (page, link)
            if target.fragment and path in ids:
                assert target.fragment in ids[path], (page, link)
            checked += 1
    assert checked > 500


def test_every_actor_is_an_actor_without_reasoning(client: Client) -> None:
    def count(where: str) -> int:
        query = f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ {where} }}"
        answer = client.get("/sparql", query_string={"query": query})
        assert answer.status_code == 200, answer.get_data(as_text=True)
        return int(answer.get_json()["results"]["bindings"][0]["n"]["value"])

    direct = count("?a a ag:Actor")
    assert direct > 30 and direct == count("?a a/rdfs:subClassOf* ag:Actor")
    assert count("?e a ag:Event") == count("?e a/rdfs:subClassOf* ag:Event")


def test_sparql_answers_a_browser_with_the_results_page(client: Client) -> None:
    query = {"query": "ASK { ?s ?p ?o }"}
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    page = client.get("/sparql", query_string=query, headers={"Accept": browser})
    assert page.status_code == 200 and page.mimetype == "text/html"
    assert 'src="/assets/query.js"' in page.get_data(as_text=True)
    assert client.get("/sparql", query_string=query, headers={"Accept": "*/*"}).is_json
    answer = client.get("/sparql", query_string={**query, "format": "csv"})
    assert answer.mimetype == "text/csv"
