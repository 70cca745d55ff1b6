"""The pages in a real browser: headless Chromium (Debian's package) through Playwright.

Maps get their markers, tables their rows, and no page asks for a file that is not
there, both opened from disk and served by ``attackgraph serve``. Screenshots of the
index, an event, a place, an actor, the ontology and the query page are stored under
the test's temporary folder (printed with ``-s``), or in ``$ATTACKGRAPH_SCREENSHOTS``.
Requests to other hosts (map tiles) are refused, so nothing leaves the machine.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest

from attackgraph.serve import Endpoint, ServeOptions

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[1]
BASE = "https://w3id.org/attackgraph"
MOPTI = "id/event/april-2022-mopti-region-attacks"
PAGES = {
    "index": ("index.html", "/"),
    "event": (f"{MOPTI}.html", f"/{MOPTI}"),
    "place": ("id/place/ml-sevare.html", "/id/place/ml-sevare"),
    "actor": ("id/actor/mali.html", "/id/actor/mali"),
    "ontology": ("ontology.html", "/ontology"),
}


@pytest.fixture(scope="module")
def release(sample_release: Path) -> Path:
    return sample_release


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    keep = os.environ.get("ATTACKGRAPH_SCREENSHOTS")  # a folder to keep them in
    folder = Path(keep) if keep else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    print(f"screenshots in {folder}")
    return folder


class Visit:
    """One page load: the statuses of its same-site requests and its script errors."""

    def __init__(self, browser: object, url: str, local: str) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 1000})  # type: ignore[attr-defined]
        self.problems: list[str] = []
        self.page.route("http*://**", self._route(local))
        self.page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        self.page.on("requestfailed", self._failed(local))
        self.page.on("response", self._response(local))
        self.page.goto(url)

    @staticmethod
    def _route(local: str):  # type: ignore[no-untyped-def]
        def handle(route):  # type: ignore[no-untyped-def]
            if local and route.request.url.startswith(local):
                route.continue_()
            else:
                route.abort()  # map tiles and anything else off this machine

        return handle

    def _failed(self, local: str):  # type: ignore[no-untyped-def]
        def note(request):  # type: ignore[no-untyped-def]
            if request.url.startswith(local or "file:"):
                self.problems.append(f"failed: {request.url}")

        return note

    def _response(self, local: str):  # type: ignore[no-untyped-def]
        def note(response):  # type: ignore[no-untyped-def]
            if local and response.url.startswith(local) and response.status >= 400:
                self.problems.append(f"{response.status}: {response.url}")

        return note

    def markers(self) -> int:
        self.page.wait_for_selector("div.map[data-markers]", timeout=15000)
        drawn = self.page.eval_on_selector(
            "div.map", "e => e.querySelectorAll('.leaflet-interactive').length"
        )
        return int(drawn)

    def rows(self) -> int:
        return int(self.page.eval_on_selector_all("tr:not([hidden])", "rows => rows.length"))


def _check(visit: Visit, name: str, shot: Path) -> None:
    if name in ("index", "event", "place"):
        assert visit.markers() >= 1, name
    if name != "ontology":
        assert visit.rows() >= 2, name
    visit.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    assert not visit.problems, visit.problems
    visit.page.close()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_static_pages_in_a_browser(release: Path, browser: object, shots: Path, name: str) -> None:
    visit = Visit(browser, (release / PAGES[name][0]).as_uri(), "")
    _check(visit, name, shots / f"static-{name}.png")


@pytest.fixture(scope="module")
def served(release: Path) -> Iterator[str]:
    with Endpoint(release, options=ServeOptions(port=0, workers=1)) as endpoint:
        yield endpoint.url


@pytest.mark.parametrize("name", [*sorted(PAGES), "query"])
def test_served_pages_in_a_browser(served: str, browser: object, shots: Path, name: str) -> None:
    path = "/sparql" if name == "query" else PAGES[name][1]
    visit = Visit(browser, served + path, served)
    if name == "query":
        assert visit.page.locator("#highlight span.hk").count() > 3  # keywords coloured
        visit.page.click("button[type=submit]")
        visit.page.wait_for_selector("#out table", timeout=15000)
        assert "/sparql?query=" in visit.page.url  # the address is the permalink
        hrefs = visit.page.eval_on_selector_all("#links a", "as => as.map(a => a.href)")
        assert any("format=csv" in h for h in hrefs) and any("format=json" in h for h in hrefs)
        assert "rows 1–" in visit.page.inner_text("#result-pages")
    _check(visit, name, shots / f"served-{name}.png")


def test_the_index_filters_and_pages(release: Path, browser: object) -> None:
    visit = Visit(browser, (release / "index.html").as_uri(), "")
    page = visit.page
    everything = visit.rows()
    page.fill("input[name=q]", "mopti")
    assert 1 <= visit.rows() < everything
    page.fill("input[name=q]", "")
    page.select_option("select[name=country]", "Mali")
    assert 1 <= visit.rows() < everything
    assert "page 1 of 1" in page.inner_text("#pager")
    page.close()


def test_a_subgroup_reads_as_a_part_of_the_total_in_a_browser(
    release: Path, browser: object, shots: Path
) -> None:
    """What a reader sees of the Sousse victims: the British 30 among the 38 killed."""
    visit = Visit(browser, (release / "id/event/2015-sousse-attack.html").as_uri(), "")
    page = visit.page
    shown = page.inner_text("main") if page.locator("main").count() else page.inner_text("body")
    assert "30 British among the 38 killed" in shown
    assert "2 Germans among the 38 killed" in shown
    assert "30 total" not in shown and "total (British)" not in shown
    cell = page.locator("table.claims td", has_text="British (a subgroup").first
    assert cell.is_visible()
    page.screenshot(path=str(shots / "static-subgroups.png"))
    assert not visit.problems, visit.problems
    page.close()


def test_chromium_is_debians() -> None:
    assert shutil.which("chromium") in (CHROMIUM, None) or Path(CHROMIUM).exists()


def test_a_browser_asking_sparql_for_a_query_gets_the_results_page(
    served: str, browser: object
) -> None:
    query = "SELECT ?name WHERE { ?e a ag:Attack ; schema:name ?name } ORDER BY ?name"
    visit = Visit(browser, served + "/sparql?" + urlencode({"query": query}), served)
    visit.page.wait_for_selector("#out table", timeout=15000)
    assert visit.rows() > 5 and "Battle of Konna" in visit.page.inner_text("#out")
    assert not visit.problems, visit.problems
    visit.page.close()


@pytest.fixture(scope="module")
def split_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated corpus whose events are on pages by year (4 events a page)."""
    from test_index_pages import build_split

    return build_split(tmp_path_factory.mktemp("split"), jobs=1)


@pytest.mark.parametrize("served_from", ["disk", "serve"])
def test_the_index_by_year_in_a_browser(
    split_release: Path, browser: object, shots: Path, served_from: str
) -> None:
    """The front page's table of years leads to a page of events with its map, rows and
    filters; its ``rel=next`` link leads to the next page; nothing is missing."""
    if served_from == "serve":
        with Endpoint(split_release, options=ServeOptions(port=0, workers=1)) as endpoint:
            _walk_the_years(Visit(browser, endpoint.url + "/", endpoint.url), shots, served_from)
    else:
        _walk_the_years(Visit(browser, (split_release / "index.html").as_uri(), ""), shots, "disk")


def _walk_the_years(visit: Visit, shots: Path, label: str) -> None:
    page = visit.page
    years = int(page.eval_on_selector_all("#years tbody tr", "rows => rows.length"))
    assert years >= 5
    page.screenshot(path=str(shots / f"{label}-index-years.png"))
    page.click("#years tbody tr:nth-child(3) td:first-child a")
    page.wait_for_selector("#events", timeout=15000)
    assert "/events-" in page.url
    assert visit.markers() >= 1 and visit.rows() >= 1
    assert page.locator("nav.years strong").count() == 1
    before = page.url
    page.click("p.m a[rel=next]")
    page.wait_for_selector("#events", timeout=15000)
    assert page.url != before and "/events-" in page.url
    page.click("p.m a[rel=prev]")
    page.wait_for_selector("#events", timeout=15000)
    assert page.url == before
    page.screenshot(path=str(shots / f"{label}-events-page.png"))
    assert not visit.problems, visit.problems
    page.close()
