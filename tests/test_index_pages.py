"""The index of a release too large for one page, built from a generated corpus (with
pages of 4 events, so that 60 documents make many pages): the front page lists the
years, every event is two clicks from it (a site of an attack three, through its
attack), every link resolves, the pages are a ``rel=prev/next`` sequence, the wider
conflicts are on pages of their own, and the same pages come out of one process and of
two."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pyoxigraph as ox
import pytest
from release_tree import tree
from test_pages import parsed

from attackgraph import pipeline
from attackgraph.namespaces import AG, RDF
from attackgraph.publish import index

GENERATOR = Path(__file__).resolve().parents[1] / "bench" / "generate.py"
LIMIT = 200_000
DOCUMENTS = 60


def _generated(folder: Path) -> Path:
    spec = importlib.util.spec_from_file_location("attackgraph_bench_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    module.write_corpus(module.generate_corpus(DOCUMENTS, 7), folder)
    return folder


def _build(corpus: Path, out: Path, jobs: int) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(index, "INDEX_ROWS", 4)
        patch.setattr(index, "CONFLICTS_SHOWN", 2)
        patch.setattr(index, "LIST_ROWS", 20)
        options = pipeline.BuildOptions(issued="2030-01-01", jobs=jobs, validate=False)
        report = pipeline.build([corpus], out, options)
    assert report.ok, report.summary()
    return out


def build_split(folder: Path, jobs: int) -> Path:
    """A release of the generated corpus in ``folder``, its events on pages of 4."""
    return _build(_generated(folder / "corpus"), folder / "release", jobs=jobs)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _generated(tmp_path_factory.mktemp("generated") / "corpus")


@pytest.fixture(scope="module")
def split_release(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(corpus, tmp_path_factory.mktemp("split") / "release", jobs=2)


def _links(release: Path, name: str) -> set[str]:
    """The release paths (no fragment) the page ``name`` links to."""
    found = set()
    for _, link in parsed(release / name).links:
        parts = urlsplit(link)
        if not parts.scheme and parts.path:
            path = (release / name).parent / unquote(parts.path)
            found.add(path.resolve().relative_to(release.resolve()).as_posix())
    return found


def _events(release: Path) -> tuple[set[str], set[str]]:
    """The pages of the release's events, and of the sites of attacks among them."""
    store = ox.Store()
    store.load(path=str(release / "attackgraph.nq"), format=ox.RdfFormat.N_QUADS)
    typed = {
        q.subject.value: q.object.value
        for q in store.quads_for_pattern(None, RDF.type, None)
        if "/id/event/" in q.subject.value
    }
    conflicts = {q.subject.value for q in store.quads_for_pattern(None, RDF.type, AG.ArmedConflict)}
    sites = {
        q.subject.value
        for q in store.quads_for_pattern(None, AG.partOf, None)
        if q.subject.value in typed and q.object.value not in conflicts
    }

    def page(iri: str) -> str:
        return "id/event/" + iri.rsplit("/", 1)[-1] + ".html"

    return {page(i) for i in typed}, {page(i) for i in sites}


def test_every_event_is_two_clicks_from_the_front_page(split_release: Path) -> None:
    front = _links(split_release, "index.html")
    listed = sorted(p for p in front if re.fullmatch(r"(events|conflicts)-?.*\.html", p))
    assert len(listed) > 5 and any(p.startswith("conflicts") for p in listed)
    reached: set[str] = set()
    for name in listed:
        reached |= {p for p in _links(split_release, name) if p.startswith("id/event/")}
    events, sites = _events(split_release)
    assert events - sites <= reached, sorted(events - sites - reached)[:5]
    for site in sites - reached:  # three clicks: through the attack it is part of
        assert any(site in _links(split_release, page) for page in reached)
    shown = [
        row
        for name in listed
        if name.startswith("events-")
        for row in re.findall(r'<tr id="ev-[0-9]+"><td>[^<]*</td><td><a href="([^"]+)"',
                              (split_release / name).read_text(encoding="utf-8"))
    ]  # fmt: skip
    assert len(shown) == len(set(shown))  # every event on one page only


def test_the_pages_of_events_are_by_year_in_a_rel_sequence(split_release: Path) -> None:
    names = ["index.html"]
    while True:
        text = (split_release / names[-1]).read_text(encoding="utf-8")
        after = re.search(r'<link rel="next" href="([^"]+)">', text)
        if after is None:
            break
        back = re.search(
            r'<link rel="prev" href="([^"]+)">',
            (split_release / after[1]).read_text(encoding="utf-8"),
        )
        assert back is not None and back[1] == names[-1]
        names.append(after[1])
    pages = sorted(p.name for p in split_release.glob("events-*.html"))
    assert sorted(names[1:]) == pages and len(pages) > 5
    years = [re.fullmatch(r"events-([0-9]{4}|undated)(-[0-9]+)?\.html", n) for n in names[1:]]
    assert all(years)
    order = [m[1] for m in years if m]
    assert order == sorted(order, key=lambda y: (y == "undated", y))


def test_no_page_is_over_200_kb_and_every_link_resolves(split_release: Path) -> None:
    tops = list(split_release.glob("*.html"))
    assert max(p.stat().st_size for p in split_release.rglob("*.html")) <= LIMIT
    for page in tops:
        for target in _links(split_release, page.name):
            assert (split_release / target).is_file(), (page.name, target)


def test_one_process_writes_the_same_index(
    corpus: Path, split_release: Path, tmp_path: Path
) -> None:
    serial = tree(_build(corpus, tmp_path / "serial", jobs=1))
    split = tree(split_release)
    assert serial == split
    assert any(name.startswith("events-") for name in split)
    assert any(name.startswith("conflicts") for name in split)
