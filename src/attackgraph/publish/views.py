"""The values of each kind's page (event, actor, place, document): what
:mod:`attackgraph.publish.site` passes to the templates, looked up in the release."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from pyoxigraph import NamedNode, Quad

from attackgraph.html.pages import Arc, Link, ResourceView, Value, arc_rows, generic_view
from attackgraph.html.render import json_script
from attackgraph.namespaces import AG, GEO, NIF, OWL, SCHEMA
from attackgraph.publish.data import Claim, Node, ReleaseData
from attackgraph.publish.links import StaticContext, anchor
from attackgraph.publish.parts import Part, claim_parts, doc_layout, incoming_parts, text_parts
from attackgraph.publish.render import (
    LIST_CAP,
    Fact,
    Label,
    PlaceRef,
    Section,
    headline_deaths,
    marked_text,
)
from attackgraph.publish.whosaid import figure_order, preferred_lines, who_said

_RANKS: Final = {"preferred": 0, "normal": 1, "deprecated": 2}


class Views:
    """The values of each kind's page, for one release and one page depth."""

    def __init__(self, data: ReleaseData, ctx: StaticContext, label: Label) -> None:
        self.data, self.ctx, self.label = data, ctx, label

    def link(self, iri: str) -> Link:
        return self.ctx.link(iri, self.label(iri))

    def links(self, name: str, iris: Sequence[str]) -> Fact:
        return Fact(name, tuple(Value(self.label(i), self.link(i)) for i in iris))

    def texts(self, name: str, texts: Sequence[str], sep: str = ", ") -> Fact:
        return Fact(name, tuple(Value(t) for t in texts if t), sep)

    def points(
        self, places: Sequence[str], *, href: str | None = None, name: str = ""
    ) -> list[dict[str, Any]]:
        """The places that have coordinates, as map points (``href``: where a marker
        links, else the place's page; ``name`` is put before the place's name)."""
        found = []
        for place in dict.fromkeys(places):
            point = self.data.points.get(self.data.geometry.get(place, ""))
            if point is not None:
                found.append(
                    {
                        "name": f"{name} — {self.label(place)}" if name else self.label(place),
                        "lat": point[0],
                        "lon": point[1],
                        "href": href if href is not None else self.ctx.local_path(place) or "",
                    }
                )
        return found

    def event_places(self, iri: str, node: Node | None = None) -> list[str]:
        """The places of an event and of its sites."""
        node = node or self.data.node(iri)
        places = list(node.iris(AG.location))
        for part in self.data.parts.get(iri, ()):
            places += self.data.node(part).iris(AG.location)
        return places

    def section(self, title: str, iris: Sequence[str]) -> Section:
        shown = sorted(set(iris), key=lambda i: (self.label(i).lower(), i))
        return Section(title, [self.link(i) for i in shown[:LIST_CAP]], len(shown))

    # --- events -----------------------------------------------------------------------

    def event(self, iri: str, node: Node) -> dict[str, Any]:
        data = self.data
        _, deaths_text = headline_deaths(data, iri)
        date = node.text(AG.date)
        if date is None and (node.text(AG.startDate) or node.text(AG.endDate)):
            date = f"{node.text(AG.startDate) or '?'} – {node.text(AG.endDate) or '?'}"
        facts = [
            self.texts("date", [date or ""]),
            self.links("date precision", node.iris(AG.datePrecision)),
            self.links("type", node.iris(AG.eventType)),
            self.links("part of", node.iris(AG.partOf)),
            self.links("country", node.iris(AG.country)),
            self.links("perpetrators", node.iris(AG.perpetrator)),
            self.links("participants", node.iris(AG.participant)),
            self.links("targets", node.iris(AG.target)),
        ]
        for prop, name in (
            (AG.targetDescription, "target"),
            (AG.weapon, "weapons"),
            (AG.result, "result"),
            (AG.motive, "motive"),
        ):
            facts.append(self.texts(name, [v.value for v in node.values(prop)], sep=" · "))
        parts = [p for p in data.parts.get(iri, ()) if self.ctx.site.page_path(p)]
        is_conflict = AG.ArmedConflict.value in data.types.get(iri, ())
        about = [iri] if is_conflict else [iri, *parts]
        claims = sorted(
            (c for e in about for c in data.claims_about.get(e, ())),
            key=lambda c: (c.about != iri, _rank(c), c.by or "", c.iri),
        )
        tables = [
            who_said(part, self.ctx, self.label, page_iri=iri, among=claims)
            for part in claim_parts(claims)
        ]
        points = [] if is_conflict else self.points(self.event_places(iri, node))
        return {
            "facts": facts,
            "points": points,
            "points_json": json_script(points),
            "places": [self._place(p) for p in node.iris(AG.location)],
            "sites": self.section("Sites", parts) if parts and not is_conflict else None,
            "sides": [self._side(s) for s in data.sides.get(iri, [])],
            "deaths_text": deaths_text,
            "preferred": self._preferred(claims, iri),
            "table": tables[0],
            "claim_parts": len(tables),
            "conflict_events": self.section("Events in this conflict", parts)
            if is_conflict and parts
            else None,
            "more": [Part(table, []) for table in tables[1:]],
        }

    def _preferred(self, claims: Sequence[Claim], iri: str) -> list[str]:
        figures = [
            f
            for c in claims
            if c.about == iri and (c.rank or "").endswith("/preferred")
            for f in sorted(c.figures, key=figure_order)
        ]
        return preferred_lines(figures, self.label)

    def _side(self, side: str) -> dict[str, Any]:
        node = self.data.node(side)
        return {
            "id": anchor(side),
            "number": str(node.integer(AG.sideNumber) or ""),
            "members": [self.link(m) for m in node.iris(AG.member)],
            "commanders": [self.link(m) for m in node.iris(AG.commander)],
            "strength": [v.value for p in (AG.strength, AG.units) for v in node.values(p)],
        }

    def _place(self, place: str) -> PlaceRef:
        coordinates, osm = self._coordinates(place)
        return PlaceRef(self.link(place), coordinates, osm)

    def _coordinates(self, place: str) -> tuple[str, str | None]:
        point = self.data.points.get(self.data.geometry.get(place, ""))
        if point is None:
            return "", None
        lat, lon = point
        return (
            f"{lat}, {lon}",
            f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=10/{lat}/{lon}",
        )

    # --- actors, places, documents ------------------------------------------------------

    def actor(self, iri: str, node: Node) -> dict[str, Any]:
        data = self.data
        facts = [
            self.links("actor type", node.iris(AG.actorType)),
            self.links("part of", node.iris(AG.parentOrganization)),
            self.links("affiliated with", node.iris(AG.affiliatedWith)),
            self.links("state", node.iris(AG.state)),
            self.links("killed in", node.iris(AG.killedIn)),
            self.texts("also known as", [v.value for v in node.values(SCHEMA.alternateName)]),
        ]
        roles = [
            ("As perpetrator", AG.perpetrator),
            ("As target", AG.target),
            ("As participant", AG.participant),
        ]
        sections = [self.section(title, self._subjects(iri, (p,))) for title, p in roles]
        sides = [s for s in self._subjects(iri, (AG.member,))]
        side_events = [e for s in sides for e in self._objects(s, AG.sideOf)]
        sections.append(self.section("On a side of", side_events))
        claims = sorted(data.claims_by.get(iri, ()), key=lambda c: (c.about or "", c.iri))
        sections.append(
            self.section("Source of claims about", [c.about for c in claims if c.about])
        )
        tables = [
            who_said(part, self.ctx, self.label, page_iri=None, among=claims)
            for part in claim_parts(claims)
        ]
        return {
            "facts": facts,
            "sections": [s for s in sections if s.items],
            "table": tables[0],
            "claim_parts": len(tables),
            "more": [Part(table, []) for table in tables[1:]],
        }

    def place(self, iri: str, node: Node) -> dict[str, Any]:
        same = [v.value for v in node.values(OWL.sameAs) if isinstance(v, NamedNode)]
        coordinates, osm = self._coordinates(iri)
        facts = [
            self.links("place type", node.iris(AG.placeType)),
            self.links("in", node.iris(AG.containedIn)),
            self.texts("ISO 3166-1", [node.text(AG.iso3166_1) or ""]),
            self.texts("ISO 3166-2", [node.text(AG.iso3166_2) or ""]),
            self.links("precision", node.iris(AG.locationPrecision)),
            Fact("same as", tuple(Value(s, Link(s, s, s)) for s in same), " · "),
        ]
        inside = self._subjects(iri, (AG.containedIn,))
        here = self._subjects(iri, (AG.location, AG.country))
        nearby = [e for p in inside for e in self._subjects(p, (AG.location,))]
        points = self.points([iri])
        return {
            "facts": facts,
            "points": points,
            "points_json": json_script(points),
            "coordinates": coordinates,
            "osm": osm,
            "sections": [
                self.section("Events here", here),
                *([self.section("Events at places in it", nearby)] if nearby else []),
                *([self.section("Places in it", inside)] if inside else []),
            ],
        }

    def doc(self, iri: str, node: Node) -> dict[str, Any]:
        text = node.text(NIF.isString) or ""
        facts = [
            self.texts("file", [node.text(AG.sourceFile) or ""]),
            self.texts("content hash", [node.text(AG.contentHash) or ""]),
            self.texts("length", [f"{len(text)} characters"]),
        ]
        claims = doc_claims(self.data, iri)
        parts = claim_parts(claims)
        texts = text_parts(marked_text(text, claims))
        count = max(len(parts), len(texts))
        parts += [[] for _ in range(count - len(parts))]
        texts += [[] for _ in range(count - len(texts))]
        tables = [
            who_said(part, self.ctx, self.label, page_iri=None, anchors=True, among=claims)
            for part in parts
        ]
        return {
            "facts": facts,
            "table": tables[0],
            "text": texts[0],
            "more": [Part(table, text) for table, text in zip(tables[1:], texts[1:], strict=True)],
            "whole_text": text,
            "layout": doc_layout(len(text), claims),
        }

    def _subjects(self, iri: str, props: Sequence[NamedNode]) -> list[str]:
        return sorted(
            {
                q.subject.value
                for p in props
                for q in self.data.statements(None, p, iri)
                if isinstance(q.subject, NamedNode)
            }
        )

    def _objects(self, iri: str, prop: NamedNode) -> list[str]:
        return sorted(
            {
                q.object.value
                for q in self.data.statements(iri, prop, None)
                if isinstance(q.object, NamedNode)
            }
        )

    # --- the generic part ---------------------------------------------------------------

    def generic(self, iri: str, quads: list[Quad]) -> dict[str, Any]:
        """The endpoint's property tables, with document titles for the graphs; the
        incoming links past the page's first :data:`~attackgraph.publish.parts.INCOMING_FIRST`
        are ``incoming_parts`` (rows a later part), ``incoming_more`` of them."""
        data, label = self.data, self.label
        incoming = incoming_parts(_arcs(data.incoming(iri), label, incoming=True))
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
            incoming=tuple(incoming[0]),
        )
        values = generic_view(view, self.ctx, graph_label=label)
        values["incoming_parts"] = [arc_rows(arcs, self.ctx, label) for arcs in incoming[1:]]
        values["incoming_more"] = sum(len(arcs) for arcs in incoming[1:])
        return values


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


def doc_claims(data: ReleaseData, iri: str, *, lean: bool = False) -> list[Claim]:
    """The claims a document page lists, in its order (the document's, by number);
    ``lean``: with what its layout reads only, not kept in the lookups' caches
    (:meth:`~attackgraph.publish.data.ReleaseData.layout_claims`)."""
    found = data.layout_claims(iri) if lean else data.claims_in.get(iri, ())
    return sorted(found, key=lambda c: (c.iri.rsplit("-", 1)[0], _num(c.iri)))


def _rank(claim: Claim) -> int:
    return _RANKS.get((claim.rank or "").rsplit("/", 1)[-1], 3)


def _num(iri: str) -> int:
    tail = iri.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 0
