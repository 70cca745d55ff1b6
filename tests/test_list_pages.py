"""Long lists are split into pages: every event and resource is on exactly one page, and
the pages link to each other; a list that fits on one page has no page links."""

from __future__ import annotations

import re

from attackgraph.publish.index import index_pages, list_pages
from attackgraph.publish.links import SiteMap, StaticContext
from attackgraph.publish.render import EventSummary

BASE = "https://e.org/ag"


def _ctx(iris: list[str]) -> StaticContext:
    return StaticContext(BASE, {}, site=SiteMap(BASE, frozenset(iris)), root="")


def _label(iri: str | None) -> str:
    return (iri or "").rsplit("/", 1)[-1]


def test_the_index_lists_every_event_once_across_its_pages() -> None:
    events = [
        EventSummary(f"{BASE}/id/event/e{n}", f"Event {n}", f"2020-01-{n + 1:02d}", None, n, str(n))
        for n in range(7)
    ]
    ctx = _ctx([e.iri for e in events])
    pages = dict(
        index_pages(events, [], ctx, _label, version="1", counts={"events": 7}, per_page=3)
    )
    assert list(pages) == ["index.html", "index-2.html", "index-3.html"]
    listed = [re.findall(rb'href="id/event/(e[0-9]+)\.html"', page) for page in pages.values()]
    assert [len(set(found)) for found in listed] == [3, 3, 1]
    assert sorted(set().union(*map(set, listed))) == sorted(f"e{n}".encode() for n in range(7))
    assert (
        b'<nav class="pages">pages: <strong>1</strong> <a href="index-2.html">2</a>'
        in pages["index.html"]
    )
    single = dict(index_pages(events, [], ctx, _label, version="1", counts={"events": 7}))
    assert list(single) == ["index.html"] and b'class="pages"' not in single["index.html"]


def test_a_long_list_is_split_into_pages() -> None:
    iris = [f"{BASE}/id/actor/a{n:02d}" for n in range(5)]
    pages = dict(list_pages("actors.html", "Actors", iris, _ctx(iris), _label, _label, per_page=2))
    assert list(pages) == ["actors.html", "actors-2.html", "actors-3.html"]
    rows = [re.findall(rb'href="id/actor/(a[0-9]+)\.html"', page) for page in pages.values()]
    assert rows == [[b"a00", b"a01"], [b"a02", b"a03"], [b"a04"]]
    assert all(b"5 in this release." in page for page in pages.values())
    assert b'<a href="actors.html">1</a> <strong>2</strong>' in pages["actors-2.html"]
