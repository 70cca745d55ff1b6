"""The static pages of events, actors, places and documents (HTML).

Each page has a summary written for people (an event's date, places with coordinates and
a map link, sides, figures and the "who said what" table), then the generic property
tables that the endpoint's pages show (``serve.pages.resource_sections``), with the
resource's description embedded as JSON-LD and linked as Turtle and JSON-LD.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Final

from pyoxigraph import NamedNode, Quad

from attackgraph.html.pages import Arc, ResourceView, html_page, iri_html, resource_sections
from attackgraph.namespaces import AG, GEO, NIF, OWL, SCHEMA
from attackgraph.publish.data import Claim, Figure, Node, ReleaseData
from attackgraph.publish.links import StaticContext, anchor
from attackgraph.publish.whosaid import WHO_SAID_STYLE, claims_table, figure_order, figure_text

INCOMING_CAP: Final = 200
LIST_CAP: Final = 500
_RANKS: Final = {"preferred": 0, "normal": 1, "deprecated": 2}
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


def nav(ctx: StaticContext) -> str:
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
    return " · ".join(
        f'<a href="{html.escape(ctx.href(path), quote=True)}">{name}</a>' for path, name in links
    )


def page(
    ctx: StaticContext, title: str, body: str, *, stem: str | None = None, jsonld: str = ""
) -> bytes:
    """A whole page; ``stem`` (the page's file name without extension) adds the links
    to its Turtle and JSON-LD twins, ``jsonld`` (already escaped) is embedded."""
    head = f"<style>{WHO_SAID_STYLE}</style>"
    if stem is not None:
        for ext, media in ((".ttl", "text/turtle"), (".jsonld", "application/ld+json")):
            href = html.escape(stem + ext, quote=True)
            head += f'<link rel="alternate" type="{media}" href="{href}">'
    if jsonld:
        head += f'<script type="application/ld+json">{jsonld}</script>'
    return html_page(title, body, nav=nav(ctx), head=head)


def event_summary(data: ReleaseData, iri: str, node: Node) -> EventSummary:
    """Date, country and deaths of an event. Deaths: the total killed of a preferred
    claim, else the sum over population groups (and sides) of the killed figure of the
    best-ranked claim; sub-events are not counted."""
    date = node.text(AG.date) or node.text(AG.startDate) or ""
    best: dict[tuple[str | None, str | None], Figure] = {}
    totals = []
    for claim in sorted(data.claims_about.get(iri, ()), key=lambda c: (_rank(c), c.iri)):
        for f in claim.figures:
            if not (f.outcome or "").endswith("/killed"):
                continue
            if (f.group or "").endswith("/total"):
                if _rank(claim) == 0:
                    totals.append(f)
                continue
            best.setdefault((f.group, f.side or f.actor), f)
    chosen = totals[:1] or list(best.values())
    deaths = (
        _group_sum(best) if not totals else _low(totals[0].value, totals[0].low, totals[0].high)
    )
    if len(chosen) == 1:
        text = figure_text(chosen[0])
    else:
        text = "" if deaths is None else str(deaths)
    return EventSummary(
        iri=iri,
        name=data.label(iri) or iri.rsplit("/", 1)[-1],
        date=date,
        country=_first(node.iris(AG.country)),
        deaths=deaths,
        deaths_text=text,
    )


def _group_sum(best: dict[tuple[str | None, str | None], Figure]) -> int | None:
    """Killed over all groups: per group, the sum over sides or the figure stated without
    a side, whichever is larger (the same dead are often counted both ways).

    >>> def f(v: int) -> Figure:
    ...     none = (None,) * 6
    ...     return Figure("f", "c/soldiers", None, "c/killed", v, *none)
    >>> _group_sum({("s", "1"): f(15), ("s", None): f(15), ("c", None): f(6)})
    21
    """
    by_group: dict[str | None, tuple[int, int]] = {}
    found = False
    for (group, side), figure in best.items():
        value = _low(figure.value, figure.low, figure.high)
        if value is None:
            continue
        found = True
        sided, unsided = by_group.get(group, (0, 0))
        if side is None:
            unsided = max(unsided, value)
        else:
            sided += value
        by_group[group] = (sided, unsided)
    return sum(max(pair) for pair in by_group.values()) if found else None


def event_body(data: ReleaseData, iri: str, node: Node, ctx: StaticContext, label: Label) -> str:
    summary = event_summary(data, iri, node)
    date = node.text(AG.date)
    if date is None and (node.text(AG.startDate) or node.text(AG.endDate)):
        date = f"{node.text(AG.startDate) or '?'} – {node.text(AG.endDate) or '?'}"
    facts = [
        _fact("date", html.escape(date or "")),
        _fact("date precision", _links(node.iris(AG.datePrecision), ctx, label)),
        _fact("type", _links(node.iris(AG.eventType), ctx, label)),
        _fact("part of", _links(node.iris(AG.partOf), ctx, label)),
        _fact("places", "<br>".join(_place(p, data, ctx, label) for p in node.iris(AG.location))),
        _fact("country", _links(node.iris(AG.country), ctx, label)),
        _fact("perpetrators", _links(node.iris(AG.perpetrator), ctx, label)),
        _fact("participants", _links(node.iris(AG.participant), ctx, label)),
        _fact("targets", _links(node.iris(AG.target), ctx, label)),
    ]
    for prop, name in (
        (AG.targetDescription, "target"),
        (AG.weapon, "weapons"),
        (AG.result, "result"),
        (AG.motive, "motive"),
    ):
        facts.append(_fact(name, "<br>".join(html.escape(v.value) for v in node.values(prop))))
    parts = [p for p in data.parts.get(iri, ()) if ctx.site.page_path(p)]
    is_conflict = AG.ArmedConflict.value in data.types.get(iri, ())
    out = [_dl(facts)]
    if parts and not is_conflict:
        out.append("<h2>Sites</h2>" + _list(parts, ctx, label))
    sides = data.sides.get(iri, [])
    if sides:
        out.append("<h2>Sides</h2>" + _sides(sides, data, ctx, label))
    about = [iri] if is_conflict else [iri, *parts]
    claims = sorted(
        (c for e in about for c in data.claims_about.get(e, ())),
        key=lambda c: (c.about != iri, _rank(c), c.by or "", c.iri),
    )
    out.append("<h2>Figures</h2>" + _figures(claims, iri, label, summary))
    out.append("<h2>Who said what</h2>")
    out.append(claims_table(claims, ctx, label, event_column=len(about) > 1))
    if is_conflict and parts:
        out.append(f"<h2>Events in this conflict</h2>{_list(parts, ctx, label)}")
    return "\n".join(out)


def actor_body(data: ReleaseData, iri: str, node: Node, ctx: StaticContext, label: Label) -> str:
    facts = [
        _fact("actor type", _links(node.iris(AG.actorType), ctx, label)),
        _fact("part of", _links(node.iris(AG.parentOrganization), ctx, label)),
        _fact("affiliated with", _links(node.iris(AG.affiliatedWith), ctx, label)),
        _fact("state", _links(node.iris(AG.state), ctx, label)),
        _fact("killed in", _links(node.iris(AG.killedIn), ctx, label)),
        _fact(
            "also known as",
            ", ".join(html.escape(v.value) for v in node.values(SCHEMA.alternateName)),
        ),
    ]
    claims = sorted(data.claims_by.get(iri, ()), key=lambda c: (c.about or "", c.iri))
    return "\n".join(
        [
            _dl(facts),
            "<h2>Claims made</h2>",
            claims_table(claims, ctx, label, event_column=True),
        ]
    )


def place_body(data: ReleaseData, iri: str, node: Node, ctx: StaticContext, label: Label) -> str:
    same = [html.escape(v.value) for v in node.values(OWL.sameAs) if isinstance(v, NamedNode)]
    facts = [
        _fact("place type", _links(node.iris(AG.placeType), ctx, label)),
        _fact("in", _links(node.iris(AG.containedIn), ctx, label)),
        _fact("ISO 3166-1", html.escape(node.text(AG.iso3166_1) or "")),
        _fact("ISO 3166-2", html.escape(node.text(AG.iso3166_2) or "")),
        _fact("precision", _links(node.iris(AG.locationPrecision), ctx, label)),
        _fact("coordinates", _coordinates(iri, data)),
        _fact("same as", "<br>".join(f'<a href="{s}">{s}</a>' for s in same)),
    ]
    events = sorted(
        {
            q.subject.value
            for q in islice(_incoming(data, iri, (AG.location, AG.country)), LIST_CAP)
            if isinstance(q.subject, NamedNode)
        }
    )
    return _dl(facts) + "<h2>Events here</h2>" + _list(events, ctx, label)


def doc_body(data: ReleaseData, iri: str, node: Node, ctx: StaticContext, label: Label) -> str:
    text = node.text(NIF.isString) or ""
    facts = [
        _fact("file", html.escape(node.text(AG.sourceFile) or "")),
        _fact("content hash", html.escape(node.text(AG.contentHash) or "")),
        _fact("length", f"{len(text)} characters"),
    ]
    claims = sorted(
        data.claims_in.get(iri, ()), key=lambda c: (c.iri.rsplit("-", 1)[0], _num(c.iri))
    )
    return "\n".join(
        [
            _dl(facts),
            "<h2>Claims read in this document</h2>",
            claims_table(claims, ctx, label, event_column=True, anchors=True),
            "<h2>Text</h2>",
            f"<pre>{marked_text(text, claims)}</pre>",
        ]
    )


def marked_text(text: str, claims: Sequence[Claim]) -> str:
    """The document text, escaped, each quoted span in a ``<mark id="span-…">``.

    A span overlapping one already marked gets only an empty element with its id.

    >>> from attackgraph.publish.data import Quote
    >>> q = Quote("https://e/id/span/d-4-7", "b&c", None, 4, 7)
    >>> marked_text("a < b&c d", [Claim("c", None, (), None, None, None, None, (q,), (), None)])
    'a &lt; <mark id="span-d-4-7">b&amp;c</mark> d'
    """
    quotes = sorted(
        {q for c in claims for q in c.quotes},
        key=lambda q: (q.begin or 0, -(q.end or 0), q.iri),
    )
    out, at = [], 0
    for q in quotes:
        begin, end = q.begin, q.end
        ident = html.escape(anchor(q.iri), quote=True)
        if begin is None or end is None or not at <= begin <= end <= len(text):
            # no offsets, bad ones, or overlapping the previous mark: still a link target
            out.append(f'<span id="{ident}"></span>')
            continue
        out.append(html.escape(text[at:begin]))
        out.append(f'<mark id="{ident}">{html.escape(text[begin:end])}</mark>')
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def generic_sections(
    data: ReleaseData, iri: str, quads: list[Quad], ctx: StaticContext, label: Label
) -> str:
    """The endpoint's property tables, rendered by ``serve.pages``."""
    incoming, truncated = data.incoming(iri, INCOMING_CAP)
    parts = {
        g: _arcs(data.outgoing(g), label, incoming=False)
        for g in sorted(
            {
                q.object.value
                for q in quads
                if q.predicate == GEO.hasGeometry and isinstance(q.object, NamedNode)
            }
        )
    }
    view = ResourceView(
        iri=iri,
        label=label(iri),
        types=tuple(NamedNode(t) for t in data.types.get(iri, ())),
        arcs=_arcs(quads, label, incoming=False),
        parts=parts,
        incoming=_arcs(incoming, label, incoming=True),
        incoming_truncated=truncated,
    )
    return "\n".join(resource_sections(view, ctx))


def _arcs(quads: Sequence[Quad], label: Label, *, incoming: bool) -> tuple[Arc, ...]:
    grouped: dict[tuple[NamedNode, object], set[str]] = {}
    for q in quads:
        value = q.subject if incoming else q.object
        graphs = grouped.setdefault((q.predicate, value), set())
        if isinstance(q.graph_name, NamedNode):
            graphs.add(q.graph_name.value)
    arcs = [
        Arc(p, v, label(v.value) if isinstance(v, NamedNode) else None, tuple(sorted(g)))  # type: ignore[arg-type]
        for (p, v), g in grouped.items()
    ]
    arcs.sort(key=lambda a: (a.predicate.value != _TYPE, a.predicate.value, str(a.value)))
    return tuple(arcs)


_TYPE: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _incoming(data: ReleaseData, iri: str, props: Sequence[NamedNode]) -> list[Quad]:
    return [
        q
        for p in props
        for q in data.store.quads_for_pattern(None, p, NamedNode(iri), None)
        if isinstance(q.graph_name, NamedNode)
    ]


def _figures(claims: Sequence[Claim], iri: str, label: Label, summary: EventSummary) -> str:
    rows = [
        f"{html.escape(label(f.outcome))}: {html.escape(figure_text(f))} "
        f"{html.escape(label(f.group))}"
        + (f" ({html.escape(f.group_label)})" if f.group_label else "")
        for c in claims
        if c.about == iri and (c.rank or "").endswith("/preferred")
        for f in sorted(c.figures, key=figure_order)
    ]
    if not rows:
        return '<p class="m">No preferred figures; see the claims below.</p>'
    deaths = (
        f"<p>Deaths: <b>{html.escape(summary.deaths_text)}</b></p>" if summary.deaths_text else ""
    )
    return deaths + "<ul>" + "".join(f"<li>{r}</li>" for r in dict.fromkeys(rows)) + "</ul>"


def _sides(sides: Sequence[str], data: ReleaseData, ctx: StaticContext, label: Label) -> str:
    rows = ["<table><tr><th>side</th><th>members</th><th>commanders</th><th>strength</th></tr>"]
    for side in sides:
        node = data.node(side)
        strength = [html.escape(v.value) for p in (AG.strength, AG.units) for v in node.values(p)]
        rows.append(
            f'<tr id="{html.escape(anchor(side))}"><td>{node.integer(AG.sideNumber) or ""}</td>'
            f"<td>{_links(node.iris(AG.member), ctx, label)}</td>"
            f"<td>{_links(node.iris(AG.commander), ctx, label)}</td>"
            f"<td>{'<br>'.join(strength)}</td></tr>"
        )
    return "".join(rows) + "</table>"


def _place(place: str, data: ReleaseData, ctx: StaticContext, label: Label) -> str:
    coordinates = _coordinates(place, data)
    return iri_html(place, ctx, label(place)) + (f" · {coordinates}" if coordinates else "")


def _coordinates(place: str, data: ReleaseData) -> str:
    point = data.points.get(data.geometry.get(place, ""))
    if point is None:
        return ""
    lat, lon = point
    osm = f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=10/{lat}/{lon}"
    return f'{lat}, {lon} (<a href="{html.escape(osm, quote=True)}">OpenStreetMap</a>)'


def _links(iris: Sequence[str], ctx: StaticContext, label: Label) -> str:
    return ", ".join(iri_html(i, ctx, label(i)) for i in iris)


def _list(iris: Sequence[str], ctx: StaticContext, label: Label) -> str:
    shown = sorted(iris, key=lambda i: (label(i).lower(), i))[:LIST_CAP]
    more = f'<p class="m">First {LIST_CAP} of {len(iris)}.</p>' if len(iris) > LIST_CAP else ""
    return (
        "<ul>" + "".join(f"<li>{iri_html(i, ctx, label(i))}</li>" for i in shown) + "</ul>" + more
    )


def _fact(name: str, value: str) -> str:
    return f"<dt>{html.escape(name)}</dt><dd>{value}</dd>" if value else ""


def _dl(facts: Sequence[str]) -> str:
    inner = "".join(facts)
    return f'<dl class="facts">{inner}</dl>' if inner else ""


def _rank(claim: Claim) -> int:
    return _RANKS.get((claim.rank or "").rsplit("/", 1)[-1], 3)


def _num(iri: str) -> int:
    tail = iri.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _low(value: int | None, low: int | None, high: int | None) -> int | None:
    return value if value is not None else low if low is not None else high


def _first(values: Sequence[str]) -> str | None:
    return values[0] if values else None
