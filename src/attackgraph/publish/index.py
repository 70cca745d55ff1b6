"""The release's front page (``index.html``), the pages of events and the lists of
documents, actors, places and wider conflicts.

Tables are sortable by clicking a column head (``assets/sort.js``, no library); without
script the events are in date order, undated ones last. No page grows with the release:

- **A release whose events fit on one page** (:data:`INDEX_ROWS`) lists them all on
  ``index.html``, with a map, a timeline, filters and a search box (``assets/index.js``).
- **A larger release** splits them by year: ``events-2019.html``, ``events-2019-2.html``
  … (``events-undated.html`` last), each a page of at most :data:`INDEX_ROWS` events
  (fewer when their rows are long: :data:`INDEX_BYTES`) with the same map and filters
  for its events. ``index.html`` is then a table of the years, with their number of
  events and a link to each of their pages: every event is two clicks from the front
  page (up to :data:`FRONT_LINKS` pages of events; past that the front page links the
  first page of each year, whose pages link each other). A page's name depends only
  on the events of its year, so an event added in 2019 renames no page of 2020.
- **Wider conflicts** are listed on ``index.html`` when there are at most
  :data:`CONFLICTS_SHOWN`, else on ``conflicts.html``, ``conflicts-2.html`` … (linked
  from the front page).
- **Lists** of documents, actors and places: ``actors.html``, ``actors-2.html`` … of
  :data:`LIST_ROWS` rows, each linking to the others (:data:`PAGER_LINKS` at most: a
  longer list links the pages near this one and every 10th, 100th … page).

Pages in a row (the pages of a list; the front page, then the events' pages in date
order) link their neighbours with ``rel="prev"`` and ``rel="next"``, in the page's head
and in its page links.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final

from attackgraph.html.pages import Link
from attackgraph.html.render import json_script
from attackgraph.publish.links import StaticContext
from attackgraph.publish.render import EventSummary, page

Label = Callable[[str | None], str]


PAGE_SIZE: Final = 50
"""Rows per page of an events table (with script)."""
INDEX_ROWS: Final = 150
"""Events per page of events (about 0.5-1 KB each with their map points and filters)."""
INDEX_BYTES: Final = 120_000
"""About this many bytes of events (their rows, points and filter values) per page."""
FRONT_LINKS: Final = 2_000
"""Pages of events the front page links one by one (about 45 bytes each)."""
CONFLICTS_SHOWN: Final = 100
"""Wider conflicts listed on the front page; more are on pages of their own."""
LIST_ROWS: Final = 500
"""Rows per page of the lists of documents, actors, places and conflicts."""
PAGER_LINKS: Final = 1_000
"""Page links a page shows at most (a longer list links some of its pages)."""
UNDATED: Final = "undated"
FRONT: Final = "index.html"
_YEAR: Final = re.compile(r"[0-9]{4}")
_NO_FACETS: Final[dict[str, Any]] = {
    "year": "", "country": "", "actors": [], "types": [], "text": "", "points": [],
}  # fmt: skip


@dataclass(frozen=True)
class PageLink:
    """One entry of a list's page links (``rel``: ``prev`` or ``next`` for the pages
    next to the current one)."""

    number: int
    href: str
    current: bool
    rel: str = ""


def page_file(first: str, number: int) -> str:
    """The file of page ``number`` of a list whose first page is ``first``.

    >>> page_file("actors.html", 1), page_file("actors.html", 3)
    ('actors.html', 'actors-3.html')
    """
    return first if number == 1 else first.removesuffix(".html") + f"-{number}.html"


def shown_pages(number: int, count: int, most: int = PAGER_LINKS) -> list[int]:
    """The pages a pager on page ``number`` of ``count`` links: all of them up to
    ``most``; else the first and the last, the ten either side of ``number`` and, for
    each power of ten, its multiples less than ten of them away (at most about 20 a
    power), so that any page is a few clicks away and the links stay few.

    >>> shown_pages(2, 5)
    [1, 2, 3, 4, 5]
    >>> shown_pages(500, 1000, most=50)[:5], len(shown_pages(500, 1000, most=50))
    ([1, 100, 200, 300, 400], 47)
    """
    if count <= most:
        return list(range(1, count + 1))
    shown = {1, count, *range(max(1, number - 10), min(count, number + 10) + 1)}
    power = 10
    while power < count:
        low = max(power, (number // power - 9) * power)
        shown.update(range(low, min(count, number + 10 * power) + 1, power))
        power *= 10
    return sorted(shown)


def pager(
    ctx: StaticContext, first: str, number: int, count: int, *, files: Sequence[str] = ()
) -> list[PageLink]:
    """The links to the ``count`` pages of a list (named after ``first``, or ``files``),
    page ``number`` marked (none for one page).

    >>> [(p.number, p.href, p.current, p.rel) for p in pager(StaticContext("", {}), "a.html", 2, 2)]
    [(1, 'a.html', False, 'prev'), (2, 'a-2.html', True, '')]
    """
    if count <= 1:
        return []
    names = files or [page_file(first, n) for n in range(1, count + 1)]
    rels = {number - 1: "prev", number + 1: "next"}
    return [
        PageLink(n, ctx.href(names[n - 1]), n == number, rels.get(n, ""))
        for n in shown_pages(number, count)
    ]


def _chunks(rows: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [rows[i : i + size] for i in range(0, len(rows), size)] or [rows]


def year_of(event: EventSummary) -> str:
    """The year an event is listed under: its date's, else :data:`UNDATED`.

    >>> year_of(EventSummary("e", "E", "2019-03-01", None, None, "")), year_of(
    ...     EventSummary("e", "E", "", None, None, ""))
    ('2019', 'undated')
    """
    return event.date[:4] if _YEAR.match(event.date) else UNDATED


@dataclass(frozen=True)
class EventRow:
    row: str
    date: str
    link: Link
    country: Link | None
    deaths: str
    deaths_text: str


@dataclass(frozen=True)
class EventsPage:
    """One page of events: its file, its events and where it is among the pages."""

    file: str
    year: str
    number: int
    """Its number among the pages of its year (from 1)."""
    events: Sequence[EventSummary]


@dataclass(frozen=True)
class YearRow:
    """A year on the front page: its events and pages."""

    name: str
    href: str
    count: int
    pages: list[PageLink]
    total_pages: int


def events_pages(
    events: Sequence[EventSummary],
    facets: dict[str, dict[str, Any]],
    *,
    per_page: int = INDEX_ROWS,
    budget: int = INDEX_BYTES,
) -> list[EventsPage]:
    """The events in date order (undated last), cut into pages by year: at most
    ``per_page`` events a page and about ``budget`` bytes (:func:`_event_bytes`).

    >>> e = [EventSummary(f"e{n}", "E", f"201{n % 2}-01-0{n}", None, None, "") for n in range(1, 6)]
    >>> [(p.file, [x.iri for x in p.events]) for p in events_pages(e, {}, per_page=2)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('events-2010.html', ['e2', 'e4']), ('events-2011.html', ['e1', 'e3']),
     ('events-2011-2.html', ['e5'])]
    """
    ordered = sorted(events, key=lambda e: (e.date == "", e.date, e.name.lower(), e.iri))
    years: dict[str, list[EventSummary]] = {}
    for event in ordered:
        years.setdefault(year_of(event), []).append(event)
    pages = []
    for year, listed in years.items():
        chunks: list[list[EventSummary]] = [[]]
        size = 0
        for event in listed:
            weight = _event_bytes(event, facets.get(event.iri, _NO_FACETS))
            if chunks[-1] and (len(chunks[-1]) >= per_page or size + weight > budget):
                chunks.append([])
                size = 0
            chunks[-1].append(event)
            size += weight
        first = f"events-{year}.html"
        pages += [EventsPage(page_file(first, n), year, n, c) for n, c in enumerate(chunks, 1)]
    return pages


def _event_bytes(event: EventSummary, facets: dict[str, Any]) -> int:
    """About the bytes an event adds to a page of events: its row, its filter values
    and map points (JSON) and the list of its points.

    >>> _event_bytes(EventSummary("https://e/id/event/x", "X", "", None, None, ""), _NO_FACETS)
    341
    """
    row = 300 + 2 * len(event.iri) + len(event.name)
    if facets is _NO_FACETS:
        return row
    points = facets.get("points", [])
    named = sum(len(str(p.get("name", ""))) + len(str(p.get("href", ""))) for p in points)
    return row + len(json.dumps(facets)) + named + 60 * len(points)


def index_pages(
    events: Sequence[EventSummary],
    conflicts: Sequence[EventSummary],
    ctx: StaticContext,
    label: Label,
    *,
    version: str,
    counts: dict[str, int],
    facets: dict[str, dict[str, Any]] | None = None,
    per_page: int | None = None,
    front_links: int | None = None,
) -> Iterator[tuple[str, bytes]]:
    """``index.html`` and the pages of events (see the module's description): every
    event (not the sites of an attack, not wars) in date order, on pages of at most
    ``per_page`` (default :data:`INDEX_ROWS`), each with a map, a timeline, filters and
    a search box (``assets/index.js``, from ``facets``: per event IRI its year,
    country, actors, types, text and points). The wider conflicts are listed on the
    front page, or linked when there are more than :data:`CONFLICTS_SHOWN`
    (:func:`conflict_pages` writes their pages). The front page comes first."""
    facets = facets or {}
    rows = per_page or INDEX_ROWS
    listed = sorted(conflicts, key=lambda c: (c.name.lower(), c.iri))
    if len(listed) > CONFLICTS_SHOWN:
        listed = []  # on pages of their own (conflict_pages)
    common: dict[str, Any] = {
        "version": version,
        "summary": ", ".join(f"{n} {kind}" for kind, n in counts.items()),
        "conflicts": [ctx.link(c.iri, c.name) for c in listed],
        "conflicts_total": len(conflicts),
        "conflicts_href": ctx.href(CONFLICTS),
        "front": ctx.href(FRONT),
    }
    total = sum(_event_bytes(e, facets.get(e.iri, _NO_FACETS)) for e in events)
    if len(events) <= rows and total <= INDEX_BYTES:  # one page: the front page lists them
        yield FRONT, _events_page(events, ctx, label, facets, common)
        return
    pages = events_pages(events, facets, per_page=rows)
    files = [FRONT, *(p.file for p in pages)]
    years = _years(ctx, pages, front_links or FRONT_LINKS)
    yield (
        FRONT,
        page(
            ctx,
            "index.html",
            "attackgraph events",
            sequence=("", ctx.href(files[1])),
            years=years,
            events_total=len(events),
            pages_total=len(pages),
            **_NO_EVENTS,
            **common,
        ),
    )
    by_year: dict[str, list[str]] = {}
    for shown in pages:
        by_year.setdefault(shown.year, []).append(shown.file)
    for at, shown in enumerate(pages, 1):
        same_year = by_year[shown.year]
        after = ctx.href(files[at + 1]) if at + 1 < len(files) else ""
        yield (
            shown.file,
            _events_page(
                shown.events,
                ctx,
                label,
                facets,
                common,
                heading=_heading(shown, len(same_year)),
                sequence=(ctx.href(files[at - 1]), after),
                pager=pager(ctx, "", shown.number, len(same_year), files=same_year),
                year_links=years,
                year=shown.year,
            ),
        )


CONFLICTS: Final = "conflicts.html"
_NO_EVENTS: Final[dict[str, Any]] = {
    "events": [], "events_json": "[]", "events_points": [], "page_size": PAGE_SIZE,
    "pager": [], "heading": "", "year_links": [], "year": "",
}  # fmt: skip


def _heading(shown: EventsPage, pages: int) -> str:
    """The title of a page of events.

    >>> _heading(EventsPage("events-2019-2.html", "2019", 2, []), 3)
    'Events of 2019, page 2 of 3'
    >>> _heading(EventsPage("events-undated.html", "undated", 1, []), 1)
    'Undated events'
    """
    name = "Undated events" if shown.year == UNDATED else f"Events of {shown.year}"
    return name if pages == 1 else f"{name}, page {shown.number} of {pages}"


def _years(ctx: StaticContext, pages: Sequence[EventsPage], most: int) -> list[YearRow]:
    """The front page's rows: each year with its events and links to its pages (to the
    first only when there are more than ``most`` pages in all)."""
    found: dict[str, list[EventsPage]] = {}
    for shown in pages:
        found.setdefault(shown.year, []).append(shown)
    every = len(pages) <= most
    return [
        YearRow(
            name=year,
            href=ctx.href(listed[0].file),
            count=sum(len(p.events) for p in listed),
            pages=[PageLink(p.number, ctx.href(p.file), False) for p in listed] if every else [],
            total_pages=len(listed),
        )
        for year, listed in found.items()
    ]


def _events_page(
    events: Sequence[EventSummary],
    ctx: StaticContext,
    label: Label,
    facets: dict[str, dict[str, Any]],
    common: dict[str, Any],
    **values: Any,
) -> bytes:
    """A page listing ``events`` (the front page of a small release, else one page of
    events), with their filters and map points; rows are numbered from the page's
    first, so a page's bytes depend on its events only."""
    ordered = sorted(events, key=lambda e: (e.date == "", e.date, e.name.lower(), e.iri))
    data = [{"row": f"ev-{n}", **facets.get(e.iri, _NO_FACETS)} for n, e in enumerate(ordered)]
    table = [
        EventRow(
            row=f"ev-{n}",
            date=e.date,
            link=ctx.link(e.iri, e.name),
            country=ctx.link(e.country, label(e.country)) if e.country else None,
            deaths="" if e.deaths is None else str(e.deaths),
            deaths_text=e.deaths_text,
        )
        for n, e in enumerate(ordered)
    ]
    front = not values
    heading = values.pop("heading", "")
    return page(
        ctx,
        "index.html",
        "attackgraph events" if front else f"{heading} · attackgraph",
        **{
            **_NO_EVENTS,
            "years": [],
            "events_total": len(events),
            "pages_total": 1,
            **common,
            **({} if front else {"conflicts": []}),
            "heading": heading,
            **values,
            "events": table,
            "events_json": json_script(data),
            "events_points": [p for d in data for p in d["points"]],
        },
        maps=True,
    )


def conflict_pages(
    conflicts: Sequence[str], ctx: StaticContext, label: Label, kinds: Label
) -> Iterator[tuple[str, bytes]]:
    """``conflicts.html`` (and the pages after it): the wider conflicts, when the front
    page does not list them (more than :data:`CONFLICTS_SHOWN`)."""
    if len(conflicts) > CONFLICTS_SHOWN:
        yield from list_pages(CONFLICTS, "Wider conflicts", conflicts, ctx, label, kinds)


def list_pages(
    first: str,
    title: str,
    iris: Sequence[str],
    ctx: StaticContext,
    label: Label,
    kinds: Label,
    *,
    per_page: int = LIST_ROWS,
) -> Iterator[tuple[str, bytes]]:
    """A sortable list of resources with their types (``kinds`` names them), by name,
    ``per_page`` rows a page: ``first`` (``actors.html``), then ``actors-2.html`` ..."""
    ordered = sorted(iris, key=lambda i: (label(i).lower(), i))
    chunks = _chunks(ordered, per_page)
    for number, chunk in enumerate(chunks, 1):
        rows = [(ctx.page_link(i, label(i)), kinds(i)) for i in chunk]
        links = pager(ctx, first, number, len(chunks))
        content = page(ctx, "list.html", title, rows=rows, total=len(ordered), pager=links)
        yield page_file(first, number), content
