"""The release's front page (``index.html``: the events, sortable) and the lists of
documents, actors and places.

Tables are sortable by clicking a column head (``assets/sort.js``, no library); without
script the events are in date order, undated ones last. Long lists are split into pages
(``index.html``, ``index-2.html`` ...; ``actors.html``, ``actors-2.html`` ...) of
:data:`INDEX_ROWS` events or :data:`LIST_ROWS` rows, each linking to the others, so that
no page grows with the release: every event is listed, on one of the pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final

from attackgraph.html.pages import Link
from attackgraph.html.render import json_script
from attackgraph.publish.links import StaticContext
from attackgraph.publish.render import EventSummary, page

Label = Callable[[str | None], str]


PAGE_SIZE: Final = 50
"""Rows per page of the index (with script)."""
INDEX_ROWS: Final = 150
"""Events per index page (about 1 KB each with their map points and filter values)."""
LIST_ROWS: Final = 500
"""Rows per page of the lists of documents, actors and places."""
_NO_FACETS: Final[dict[str, Any]] = {
    "year": "", "country": "", "actors": [], "types": [], "text": "", "points": [],
}  # fmt: skip


@dataclass(frozen=True)
class PageLink:
    """One entry of a list's page links."""

    number: int
    href: str
    current: bool


def page_file(first: str, number: int) -> str:
    """The file of page ``number`` of a list whose first page is ``first``.

    >>> page_file("index.html", 1), page_file("index.html", 3)
    ('index.html', 'index-3.html')
    """
    return first if number == 1 else first.removesuffix(".html") + f"-{number}.html"


def pager(ctx: StaticContext, first: str, number: int, count: int) -> list[PageLink]:
    """The links to the ``count`` pages of a list, page ``number`` marked (none for one).

    >>> [(p.number, p.href, p.current) for p in pager(StaticContext("", {}), "a.html", 2, 2)]
    [(1, 'a.html', False), (2, 'a-2.html', True)]
    """
    if count <= 1:
        return []
    return [PageLink(n, ctx.href(page_file(first, n)), n == number) for n in range(1, count + 1)]


def _chunks(rows: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [rows[i : i + size] for i in range(0, len(rows), size)] or [rows]


@dataclass(frozen=True)
class EventRow:
    row: str
    date: str
    link: Link
    country: Link | None
    deaths: str
    deaths_text: str


def index_pages(
    events: Sequence[EventSummary],
    conflicts: Sequence[EventSummary],
    ctx: StaticContext,
    label: Label,
    *,
    version: str,
    counts: dict[str, int],
    facets: dict[str, dict[str, Any]] | None = None,
    per_page: int = INDEX_ROWS,
) -> Iterator[tuple[str, bytes]]:
    """``index.html`` and the pages after it (``index-2.html`` ...): every event (not
    the sites of an attack, not wars) in date order, ``per_page`` a page, with a
    map, a timeline, filters, a search box and pages (``assets/index.js``, from
    ``facets``: per event IRI its year, country, actors, types, text and points).
    Without script each page's table lists its events; the wider conflicts are on the
    first page."""
    ordered = sorted(events, key=lambda e: (e.date == "", e.date, e.name.lower(), e.iri))
    chunks = _chunks(ordered, per_page)
    for number, chunk in enumerate(chunks, 1):
        content = _index_page(
            chunk,
            conflicts if number == 1 else (),
            ctx,
            label,
            version=version,
            counts=counts,
            facets=facets or {},
            first_row=(number - 1) * per_page,
            links=pager(ctx, "index.html", number, len(chunks)),
        )
        yield page_file("index.html", number), content


def _index_page(
    ordered: Sequence[EventSummary],
    conflicts: Sequence[EventSummary],
    ctx: StaticContext,
    label: Label,
    *,
    version: str,
    counts: dict[str, int],
    facets: dict[str, dict[str, Any]],
    first_row: int,
    links: list[PageLink],
) -> bytes:
    rows = range(first_row, first_row + len(ordered))
    numbered = list(zip(rows, ordered, strict=True))
    data = [{"row": f"ev-{n}", **facets.get(e.iri, _NO_FACETS)} for n, e in numbered]
    table = [
        EventRow(
            row=f"ev-{n}",
            date=e.date,
            link=ctx.link(e.iri, e.name),
            country=ctx.link(e.country, label(e.country)) if e.country else None,
            deaths="" if e.deaths is None else str(e.deaths),
            deaths_text=e.deaths_text,
        )
        for n, e in numbered
    ]
    return page(
        ctx,
        "index.html",
        "attackgraph events",
        version=version,
        summary=", ".join(f"{n} {kind}" for kind, n in counts.items()),
        events=table,
        events_json=json_script(data),
        events_points=[p for d in data for p in d["points"]],
        maps=True,
        page_size=PAGE_SIZE,
        pager=links,
        conflicts=[
            ctx.link(c.iri, c.name)
            for c in sorted(conflicts, key=lambda c: (c.name.lower(), c.iri))
        ],
    )


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
        rows = [(ctx.link(i, label(i)), kinds(i)) for i in chunk]
        links = pager(ctx, first, number, len(chunks))
        content = page(ctx, "list.html", title, rows=rows, total=len(ordered), pager=links)
        yield page_file(first, number), content
