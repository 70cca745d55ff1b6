"""The release's front page (``index.html``: the events, sortable) and the lists of
documents, actors and places.

Tables are sortable by clicking a column head (``assets/sort.js``, no library); without
script the events are in date order, undated ones last.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from attackgraph.html.pages import Link
from attackgraph.html.render import json_script
from attackgraph.publish.links import StaticContext
from attackgraph.publish.render import EventSummary, page

Label = Callable[[str | None], str]


PAGE_SIZE: Final = 50
"""Rows per page of the index (with script)."""
_NO_FACETS: Final[dict[str, Any]] = {
    "year": "", "country": "", "actors": [], "types": [], "text": "", "points": [],
}  # fmt: skip


@dataclass(frozen=True)
class EventRow:
    row: str
    date: str
    link: Link
    country: Link | None
    deaths: str
    deaths_text: str


def index_page(
    events: Sequence[EventSummary],
    conflicts: Sequence[EventSummary],
    ctx: StaticContext,
    label: Label,
    *,
    version: str,
    counts: dict[str, int],
    facets: dict[str, dict[str, Any]] | None = None,
) -> bytes:
    """``index.html``: every event (not the sites of an attack, not wars) in date order,
    with a map, a timeline, filters, a search box and pages (``assets/index.js``, from
    ``facets``: per event IRI its year, country, actors, types, text and points).
    Without script the table lists every event."""
    ordered = sorted(events, key=lambda e: (e.date == "", e.date, e.name.lower(), e.iri))
    facets = facets or {}
    data = [{"row": f"ev-{n}", **facets.get(e.iri, _NO_FACETS)} for n, e in enumerate(ordered)]
    rows = [
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
    return page(
        ctx,
        "index.html",
        "attackgraph events",
        version=version,
        summary=", ".join(f"{n} {kind}" for kind, n in counts.items()),
        events=rows,
        events_json=json_script(data),
        events_points=[p for d in data for p in d["points"]],
        maps=True,
        page_size=PAGE_SIZE,
        conflicts=[
            ctx.link(c.iri, c.name)
            for c in sorted(conflicts, key=lambda c: (c.name.lower(), c.iri))
        ],
    )


def list_page(
    title: str, iris: Sequence[str], ctx: StaticContext, label: Label, kinds: Label
) -> bytes:
    """A sortable list of resources with their types (``kinds`` names them)."""
    ordered = sorted(iris, key=lambda i: (label(i).lower(), i))
    rows = [(ctx.link(i, label(i)), kinds(i)) for i in ordered]
    return page(ctx, "list.html", title, rows=rows)
