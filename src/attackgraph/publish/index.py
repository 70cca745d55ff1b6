"""The release's front page (``index.html``: the events, sortable) and the lists of
documents, actors and places.

Tables are sortable by clicking a column head (``assets/sort.js``, no library); without
script the events are in date order, undated ones last.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from attackgraph.html.pages import Link
from attackgraph.publish.links import StaticContext
from attackgraph.publish.render import EventSummary, page

Label = Callable[[str | None], str]


@dataclass(frozen=True)
class EventRow:
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
) -> bytes:
    """``index.html``: every event (not the sites of an attack, not wars) in date order."""
    ordered = sorted(events, key=lambda e: (e.date == "", e.date, e.name.lower(), e.iri))
    rows = [
        EventRow(
            date=e.date,
            link=ctx.link(e.iri, e.name),
            country=ctx.link(e.country, label(e.country)) if e.country else None,
            deaths="" if e.deaths is None else str(e.deaths),
            deaths_text=e.deaths_text,
        )
        for e in ordered
    ]
    return page(
        ctx,
        "index.html",
        "attackgraph events",
        version=version,
        summary=", ".join(f"{n} {kind}" for kind, n in counts.items()),
        events=rows,
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
