"""The static pages of events, actors, places and documents: what each one shows.

Each page has a summary written for people (an event's date, places with coordinates and
a map link, sides, figures and the "who said what" table; the events an actor took part
in; the events at a place), then the generic property tables that the endpoint's pages
show, with the resource's description embedded as JSON-LD and linked as Turtle and
JSON-LD. The functions here collect values; the templates in ``attackgraph.html`` write
the HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from attackgraph.html.pages import (
    Link,
    NavItem,
    Value,
    page_values,
)
from attackgraph.html.render import render
from attackgraph.namespaces import AG
from attackgraph.publish.data import Claim, Node, Quote, ReleaseData
from attackgraph.publish.headline import deaths_headline
from attackgraph.publish.links import StaticContext, anchor

LIST_CAP: Final = 100
"""Links a section of a page shows ("First 100 of N"): pages stay small."""
Label = Callable[[str | None], str]


@dataclass(frozen=True)
class EventSummary:
    """What the index shows of an event."""

    iri: str
    name: str
    date: str
    """ISO date (or start date) as written, "" when unknown: sorts as text."""
    country: str | None
    deaths: int | None
    deaths_text: str


@dataclass(frozen=True)
class Fact:
    """One line of a page's facts: a name and its values."""

    name: str
    values: tuple[Value, ...]
    sep: str = ", "


@dataclass(frozen=True)
class PlaceRef:
    link: Link
    coordinates: str
    osm: str | None


@dataclass
class Section:
    """A titled list of links on a page (events of an actor, sites of an attack...)."""

    title: str
    items: list[Link]
    total: int
    cap: int = LIST_CAP
    notes: dict[str, str] = field(default_factory=dict)


def nav(ctx: StaticContext) -> list[NavItem]:
    """The navigation bar of every page (relative links)."""
    links = [
        ("index.html", "Events"),
        ("documents.html", "Documents"),
        ("actors.html", "Actors"),
        ("places.html", "Places"),
        ("ontology.html", "Ontology"),
        ("void.ttl", "VoID"),
        ("README.md", "Downloads"),
    ]
    return [NavItem(ctx.href(path), name) for path, name in links]


def page(
    ctx: StaticContext,
    template: str,
    title: str,
    *,
    stem: str | None = None,
    jsonld: str = "",
    maps: bool = False,
    sequence: tuple[str, str] | None = None,
    **values: Any,
) -> bytes:
    """A whole static page from ``template``; ``stem`` (the page's file name without
    extension) adds the links to its Turtle and JSON-LD twins, ``jsonld`` (already made
    safe by ``script_json``) is embedded; a page with ``points`` (or ``maps``) gets
    Leaflet. ``sequence`` (the pages before and after this one, "" for none) is linked
    with ``rel="prev"`` and ``rel="next"`` in the head; without it, a page's
    ``pager`` (``PageLink``s with their ``rel``) gives them."""
    alternates = []
    if stem is not None:
        alternates = [("text/turtle", stem + ".ttl"), ("application/ld+json", stem + ".jsonld")]
    if sequence is None:
        rels = {link.rel: link.href for link in values.get("pager", ())}
        sequence = (rels.get("prev", ""), rels.get("next", ""))
    return render(
        template,
        **page_values(
            title=title,
            root=ctx.root,
            nav=nav(ctx),
            head_links=alternates,
            jsonld=jsonld,
            maps=maps or bool(values.get("points")),
            sequence=sequence,
        ),
        stem=stem or "",
        **values,
    )


def headline_deaths(data: ReleaseData, iri: str) -> tuple[int | None, str]:
    """The deaths an event's index row and page headline show, with their text: the
    document's preferred total, never a subgroup or a vague amount (the rule is
    :func:`attackgraph.publish.headline.deaths_headline`); sub-events are not counted."""
    perpetrated = bool(data.node(iri).iris(AG.perpetrator))
    return deaths_headline(data.claims_about.get(iri, ()), perpetrated=perpetrated)


def event_summary(data: ReleaseData, iri: str, node: Node) -> EventSummary:
    """Date, country and deaths (:func:`headline_deaths`) of an event."""
    deaths, text = headline_deaths(data, iri)
    return EventSummary(
        iri=iri,
        name=data.label(iri) or iri.rsplit("/", 1)[-1],
        date=node.text(AG.date) or node.text(AG.startDate) or "",
        country=_first(node.iris(AG.country)),
        deaths=deaths,
        deaths_text=text,
    )


@dataclass(frozen=True)
class Marked:
    """A piece of a document's text: plain, a quoted span (``mark``), or an empty
    link target (``anchor``) for a span that overlaps one already marked."""

    text: str
    mark: str = ""
    anchor: str = ""


def marked_text(text: str, claims: Sequence[Claim]) -> list[Marked]:
    """The document text in pieces, each quoted span a ``mark`` with its id.

    >>> from attackgraph.publish.data import Quote
    >>> q = Quote("https://e/id/span/d-4-7", "b&c", None, 4, 7)
    >>> marked_text("a < b&c d", [Claim("c", None, (), None, None, None, None, (q,), (), None)])
    [Marked(text='a < ', mark='', anchor=''), Marked(text='b&c', mark='span-d-4-7', \
anchor=''), Marked(text=' d', mark='', anchor='')]
    """
    out, at = [], 0
    for q, start, marked in placements(len(text), claims):
        if not marked:
            out.append(Marked("", anchor=anchor(q.iri)))
            continue
        end = start + len(q.anchor) if q.end is None else q.end
        out.append(Marked(text[at:start]))
        out.append(Marked(text[start:end], mark=anchor(q.iri)))
        at = end
    out.append(Marked(text[at:]))
    return out


def placements(length: int, claims: Sequence[Claim]) -> list[tuple[Quote, int, bool]]:
    """The quoted spans of ``claims`` in text order, each with where its piece of
    :func:`marked_text` starts and whether it is marked: its begin index when it is;
    else (overlapping an earlier span, or outside a text of ``length`` characters) the
    end of the span marked before it, where its empty anchor is put.

    >>> from attackgraph.publish.data import Quote
    >>> a, b = Quote("a", "xy", None, 2, 4), Quote("b", "y", None, 3, 4)
    >>> found = placements(9, [Claim("c", None, (), None, None, None, None, (b, a), (), None)])
    >>> [(q.iri, at, marked) for q, at, marked in found]
    [('a', 2, True), ('b', 4, False)]
    """
    quotes = sorted(
        {q for c in claims for q in c.quotes},
        key=lambda q: (q.begin or 0, -(q.end or 0), q.iri),
    )
    out, at = [], 0
    for q in quotes:
        begin, end = q.begin, q.end
        if begin is None or end is None or not at <= begin <= end <= length:
            out.append((q, at, False))
            continue
        out.append((q, begin, True))
        at = end
    return out


def _first(values: Sequence[str]) -> str | None:
    return values[0] if values else None
