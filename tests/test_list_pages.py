"""Long lists are split into pages: every event and resource is on exactly one page, and
the pages link to each other; a list that fits on one page has no page links. The events
of a large release are on pages by year that the front page links, so every event is two
clicks from it, and no page is over 200 KB whatever the number of events."""

from __future__ import annotations

import re
from itertools import islice

from attackgraph.publish.index import (
    CONFLICTS_SHOWN,
    FRONT_LINKS,
    conflict_pages,
    index_pages,
    list_pages,
    pager,
    shown_pages,
)
from attackgraph.publish.links import SiteMap, StaticContext
from attackgraph.publish.render import EventSummary

BASE = "https://e.org/ag"
LIMIT = 200_000


def _ctx(iris: list[str]) -> StaticContext:
    return StaticContext(BASE, {}, site=SiteMap(BASE, frozenset(iris)), root="")


def _label(iri: str | None) -> str:
    return (iri or "").rsplit("/", 1)[-1]


def _event(n: int, date: str) -> EventSummary:
    return EventSummary(f"{BASE}/id/event/e{n}", f"Event {n}", date, None, n, str(n))


def _listed(page: bytes) -> list[bytes]:
    return re.findall(
        rb'<tr id="ev-[0-9]+"><td>[^<]*</td><td><a href="id/event/(e[0-9]+)\.html"', page
    )


def _rel(page: bytes, rel: str) -> str | None:
    found = re.search(rb'<link rel="' + rel.encode() + rb'" href="([^"]+)">', page)
    return found[1].decode() if found else None


def test_a_small_release_lists_its_events_on_the_front_page() -> None:
    events = [_event(n, f"2020-01-{n + 1:02d}") for n in range(7)]
    pages = dict(index_pages(events, [], _ctx([e.iri for e in events]), _label, version="1",
                             counts={"events": 7}))  # fmt: skip
    assert list(pages) == ["index.html"]
    assert len(_listed(pages["index.html"])) == 7
    assert b'class="pages"' not in pages["index.html"] and b'rel="next"' not in pages["index.html"]


def test_the_events_of_a_large_release_are_on_pages_by_year() -> None:
    dates = [*(f"2019-05-{n + 1:02d}" for n in range(5)), "2020-02-01", "2020", "", ""]
    events = [_event(n, d) for n, d in enumerate(dates)]
    ctx = _ctx([e.iri for e in events])
    pages = dict(index_pages(events, [], ctx, _label, version="1", counts={"events": 9},
                             per_page=2))  # fmt: skip
    assert list(pages) == [
        "index.html",
        "events-2019.html",
        "events-2019-2.html",
        "events-2019-3.html",
        "events-2020.html",
        "events-undated.html",
    ]
    front = pages.pop("index.html")
    assert _listed(front) == [] and b'id="events-data"' not in front
    linked = re.findall(rb'href="(events-[^"]+)"', front)
    assert sorted(set(linked)) == sorted(name.encode() for name in pages)  # one click away
    listed = [e for page in pages.values() for e in _listed(page)]
    assert sorted(listed) == sorted(f"e{n}".encode() for n in range(9))  # each once
    assert _listed(pages["events-2019-3.html"]) == [b"e4"]
    assert b"<h1>Events of 2019, page 2 of 3</h1>" in pages["events-2019-2.html"]
    assert b"<h1>Undated events</h1>" in pages["events-undated.html"]
    assert _listed(pages["events-2020.html"]) == [b"e6", b"e5"]  # "2020" before "2020-02-01"
    assert (
        b'<a href="events-2019.html" rel="prev">1</a> <strong>2</strong>'
        in pages["events-2019-2.html"]
    )


def test_the_pages_of_events_are_a_sequence_with_rel_prev_and_next() -> None:
    events = [_event(n, f"{2000 + n % 3}-01-{n + 1:02d}") for n in range(9)]
    pages = dict(index_pages(events, [], _ctx([e.iri for e in events]), _label, version="1",
                             counts={"events": 9}, per_page=2))  # fmt: skip
    names = list(pages)
    assert _rel(pages[names[0]], "prev") is None and _rel(pages[names[-1]], "next") is None
    for before, after in zip(names, names[1:], strict=False):
        assert _rel(pages[before], "next") == after and _rel(pages[after], "prev") == before


def test_an_event_is_on_the_same_page_whatever_happens_in_other_years() -> None:
    events = [_event(n, f"{2000 + n % 4}-03-{n + 1:02d}") for n in range(20)]
    ctx = _ctx([e.iri for e in events] + [f"{BASE}/id/event/e99"])
    before = dict(index_pages(events, [], ctx, _label, version="1", counts={}, per_page=3))
    after = dict(index_pages([*events, _event(99, "2001-01-01")], [], ctx, _label,
                             version="1", counts={}, per_page=3))  # fmt: skip
    same = [name for name in before if name.startswith("events-2003")]
    assert same and all(before[name] == after[name] for name in same)


def test_many_wider_conflicts_are_on_pages_of_their_own() -> None:
    conflicts = [_event(n, "") for n in range(CONFLICTS_SHOWN + 1)]
    iris = [c.iri for c in conflicts]
    ctx = _ctx(iris)
    (front,) = dict(index_pages([], conflicts, ctx, _label, version="1", counts={})).values()
    assert b'href="conflicts.html"' in front and b"Event 0</a>" not in front
    pages = dict(conflict_pages(iris, ctx, _label, _label))
    assert list(pages) == ["conflicts.html"]
    assert len(re.findall(rb'href="id/event/e[0-9]+\.html"', pages["conflicts.html"])) == len(iris)
    few = dict(index_pages([], conflicts[:3], ctx, _label, version="1", counts={}))
    assert b"Event 2</a>" in few["index.html"] and not dict(
        conflict_pages(iris[:3], ctx, _label, _label)
    )


def test_no_page_of_events_is_over_200_kb_at_any_size() -> None:
    """290,000 events over 30 years: the front page links each of their 1,950 pages
    (two clicks to any event) in under 200 KB; past :data:`FRONT_LINKS` pages it links
    the first page of each year, whose pages link each other (a bounded pager)."""
    count = 290_000
    events = [_event(n, f"{1990 + n % 30}-{n % 12 + 1:02d}-01") for n in range(count)]
    ctx = StaticContext(BASE, {}, site=SiteMap(BASE, frozenset()), root="")
    pages = index_pages(events, [], ctx, _label, version="1", counts={"events": count})
    (name, front), (first, events_page) = islice(pages, 2)
    assert name == "index.html" and first == "events-1990.html"
    assert len(front) < LIMIT and len(events_page) < LIMIT
    linked = set(re.findall(rb'href="(events-[^"]+)"', front))
    assert len(linked) == 30 * 65 <= FRONT_LINKS
    pages = index_pages(events, [], ctx, _label, version="1", counts={}, front_links=100)
    front = next(iter(pages))[1]
    assert len(set(re.findall(rb'href="(events-[^"]+)"', front))) == 30
    assert b"65 pages" in front


def test_a_pager_stays_small_and_reaches_every_page() -> None:
    count = 100_000
    assert len(shown_pages(1, 500)) == 500
    for number in (1, 5_555, count):
        shown = shown_pages(number, count)
        assert len(shown) < 100 and {1, number, count} <= set(shown)
    at, clicks = 1, 0
    while at != 73_219:  # follow the closest link to a far page
        at = min(shown_pages(at, count), key=lambda n: abs(n - 73_219))
        clicks += 1
    assert clicks <= 6
    links = pager(_ctx([]), "a.html", 3, 5)
    assert [(p.number, p.rel) for p in links] == [
        (1, ""),
        (2, "prev"),
        (3, ""),
        (4, "next"),
        (5, ""),
    ]


def test_a_long_list_is_split_into_pages() -> None:
    iris = [f"{BASE}/id/actor/a{n:02d}" for n in range(5)]
    pages = dict(list_pages("actors.html", "Actors", iris, _ctx(iris), _label, _label, per_page=2))
    assert list(pages) == ["actors.html", "actors-2.html", "actors-3.html"]
    rows = [re.findall(rb'href="id/actor/(a[0-9]+)\.html"', page) for page in pages.values()]
    assert rows == [[b"a00", b"a01"], [b"a02", b"a03"], [b"a04"]]
    assert all(b"5 in this release." in page for page in pages.values())
    second = pages["actors-2.html"]
    assert b'<a href="actors.html" rel="prev">1</a> <strong>2</strong>' in second
    assert _rel(second, "prev") == "actors.html" and _rel(second, "next") == "actors-3.html"
