"""Stage: Record -> quads, all in the document's named graph (see docs/data-model.md).

Pure: no I/O, no blank nodes; every IRI comes from :class:`identifiers.Minter`.
The resolve stage guarantees that every place and actor slug referenced here
(containers, parents, states) has its own ref in the record.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from itertools import islice
from pathlib import PurePath
from typing import Any, Final, overload

import pyoxigraph as ox
from pyoxigraph import Literal, NamedNode, Quad, Triple

from attackgraph.identifiers import Minter, raw_property, slugify
from attackgraph.model import (
    ActorClass,
    ActorMention,
    ActorRef,
    ClaimRecord,
    DatePrecision,
    DateRange,
    EventClass,
    EventKind,
    EventProperty,
    EventRecord,
    EventRelation,
    Figure,
    PlaceRef,
    Record,
    SideRecord,
    Span,
    StatementPredicate,
)
from attackgraph.namespaces import AG, GEO, NIF, OWL, RDF, SCHEMA, XSD, concept, superclasses

ACTOR_CLASSES: Final[Mapping[ActorClass, NamedNode]] = {
    "Actor": AG.Actor,
    "ArmedGroup": AG.ArmedGroup,
    "StateActor": AG.StateActor,
    "Organization": AG.Organization,
    "Person": AG.Person,
}
EVENT_CLASSES: Final[Mapping[EventClass, NamedNode]] = {
    EventClass.ATTACK: AG.Attack,
    EventClass.CONFLICT: AG.ArmedConflict,
    EventClass.EVENT: AG.Event,
}
EVENT_RELATIONS: Final[Mapping[EventRelation, NamedNode]] = {
    "precedes": AG.precedes,
    "followsUp": AG.followsUp,
    "relatedTo": AG.relatedTo,
}
EVENT_PROPERTIES: Final[Mapping[EventProperty, NamedNode]] = {
    "result": AG.result,
    "targetDescription": AG.targetDescription,
    "weapon": AG.weapon,
    "motive": AG.motive,
}
STATEMENT_PREDICATES: Final[Mapping[StatementPredicate, NamedNode]] = {
    "perpetrator": AG.perpetrator,
    "location": AG.location,
    "containedIn": AG.containedIn,
}
"""The model's typed names (``model.py``) as terms of the closed namespace, one table
each; ``tests/test_ontology.py`` checks that every name of each type is here."""

_DATE_TYPES = {
    DatePrecision.DAY: XSD.date,
    DatePrecision.MONTH: XSD.gYearMonth,
    DatePrecision.YEAR: XSD.gYear,
}


def _event_slug(event: EventRecord, main_slug: str) -> str:
    """The slug of an event's IRI: a site or an incident is named under the main event.

    >>> site = EventRecord("Tamba", "Raid — Tamba", EventClass.ATTACK, kind=EventKind.SITE,
    ...                    places=("Tamba",))
    >>> _event_slug(site, "raid")
    'raid-tamba'
    """
    match event.kind:
        case EventKind.MAIN:
            return main_slug
        case EventKind.SITE:
            return f"{main_slug}-{slugify(event.places[0])}"
        case EventKind.INCIDENT:  # "{title}: separate ambush" names the main event once
            name = slugify(event.name)
            return name if name.startswith(f"{main_slug}-") else f"{main_slug}-{name}"
        case EventKind.CONFLICT:
            return slugify(event.name)


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=XSD.integer)


def _str(value: str) -> Literal:
    return Literal(value)


class _Builder:
    """Collects one document's quads; one instance per record."""

    def __init__(self, record: Record, minter: Minter) -> None:
        self.record = record
        self.extraction = record.extraction
        self.minter = minter
        self.doc_slug = slugify(self.extraction.document.doc_id)
        self.doc = minter.document(self.doc_slug)
        self.out: list[Triple] = []
        """The triples added since the last :meth:`flush`."""
        self.lines: dict[str, None] = {}
        """The N-Triples lines of the triples flushed, each once, in order."""
        main_slug = slugify(self.extraction.event.name)
        self.main_slug = main_slug
        self.events = {
            event.key: minter.event(_event_slug(event, main_slug))
            for event in self.extraction.all_events()
        }
        self.sides = {s.number: minter.side(main_slug, s.number) for s in self.extraction.sides}
        self.places = {ref.slug: ref for ref in record.places.values()}
        self.actors = {ref.slug: ref for ref in record.actors.values()}

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        self.out.append(Triple(s, p, o))
        if len(self.out) >= _CHUNK:
            self.flush()

    def flush(self) -> None:
        """The triples added written as N-Triples lines, each line kept once (a triple
        has one N-Triples line and a line one triple, so this is the quads' own
        de-duplication, in the same order)."""
        if self.out:
            text = (ox.serialize(self.out, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
            lines = text.split("\n")  # "\n" alone ends a line (see validate.pieces)
            lines.pop()
            self.lines.update(dict.fromkeys(lines))
            self.out.clear()

    def typed(self, node: NamedNode, cls: NamedNode) -> None:
        """``node a cls``, and its ``ag:`` super-classes (an armed group is an actor)."""
        self.add(node, RDF.type, cls)
        for parent in superclasses().get(cls.value, ()):
            self.add(node, RDF.type, NamedNode(parent))

    # -- documents and spans ------------------------------------------------
    def document(self) -> None:
        doc = self.extraction.document
        self.add(self.doc, RDF.type, AG.Document)
        self.add(self.doc, RDF.type, NIF.Context)
        self.add(self.doc, SCHEMA.name, _str(doc.title.text))
        self.add(self.doc, AG.sourceFile, _str(PurePath(doc.source).name))
        self.add(self.doc, AG.contentHash, _str(f"sha256:{doc.sha256}"))
        self.add(self.doc, NIF.isString, _str(doc.text))
        self.add(self.doc, NIF.beginIndex, _int(0))
        self.add(self.doc, NIF.endIndex, _int(len(doc.text)))

    def span(self, span: Span) -> NamedNode:
        node = self.minter.span(self.doc_slug, span.begin, span.end)
        self.add(node, RDF.type, AG.TextSpan)
        self.add(node, NIF.referenceContext, self.doc)
        self.add(node, NIF.beginIndex, _int(span.begin))
        self.add(node, NIF.endIndex, _int(span.end))
        self.add(node, NIF.anchorOf, _str(span.text))
        self.add(node, AG.line, _int(span.line))
        return node

    # -- places and actors --------------------------------------------------
    def place_node(self, slug: str) -> NamedNode:
        return self.minter.place(slug)

    def place(self, ref: PlaceRef) -> None:
        node = self.minter.place(ref.slug)
        self.add(node, RDF.type, AG.Place)
        self.add(node, SCHEMA.name, _str(ref.name))
        for alias in ref.aliases:
            self.add(node, SCHEMA.alternateName, _str(alias))
        self.add(node, AG.placeType, concept(ref.kind.value, "place-type"))
        for container in (ref.container, *ref.also_in):
            if container:
                self.add(node, AG.containedIn, self.place_node(container))
        if ref.country and ref.kind.value == "country":
            self.add(node, AG.iso3166_1, _str(ref.country))
        if ref.iso3166_2:
            self.add(node, AG.iso3166_2, _str(ref.iso3166_2))
        if ref.precision:
            self.add(node, AG.locationPrecision, concept(ref.precision, "location-precision"))
        if ref.point:
            geometry = self.minter.geometry(ref.slug)
            lat, lon = ref.point
            self.add(node, GEO.hasGeometry, geometry)
            self.add(geometry, RDF.type, GEO.Geometry)
            self.add(geometry, GEO.asWKT, Literal(f"POINT({lon} {lat})", datatype=GEO.wktLiteral))
        if ref.geonames_id is not None:
            sws = NamedNode(f"https://sws.geonames.org/{ref.geonames_id}/")
            self.add(node, OWL.sameAs, sws)

    def actor_node(self, mention: ActorMention) -> NamedNode:
        return self.minter.actor(self.record.actors[mention.name].slug)

    def actor(self, ref: ActorRef) -> None:
        node = self.minter.actor(ref.slug)
        self.typed(node, ACTOR_CLASSES[ref.actor_class])
        self.add(node, SCHEMA.name, _str(ref.name))
        if ref.actor_type:
            self.add(node, AG.actorType, concept(ref.actor_type, "actor-type"))
        if ref.part_of:
            self.add(node, AG.parentOrganization, self.minter.actor(ref.part_of))
        if ref.state:
            self.add(node, AG.state, self.place_node(ref.state))
        for alias in ref.aliases:
            self.add(node, SCHEMA.alternateName, _str(alias))
        for iri in ref.same_as:
            self.add(node, OWL.sameAs, NamedNode(iri))

    # -- events ---------------------------------------------------------------
    def date(self, node: NamedNode, date: DateRange) -> None:
        start = Literal(date.start.lexical, datatype=_DATE_TYPES[date.start.precision])
        if date.end is None:
            self.add(node, AG.date, start)
        else:
            end = Literal(date.end.lexical, datatype=_DATE_TYPES[date.end.precision])
            self.add(node, AG.startDate, start)
            self.add(node, AG.endDate, end)
        self.add(node, AG.datePrecision, concept(date.start.precision.value, "date-precision"))

    def event(self, event: EventRecord) -> None:
        node = self.events[event.key]
        self.typed(node, EVENT_CLASSES[event.event_class])
        self.add(node, SCHEMA.name, _str(event.name))
        for name in event.alternate_names:
            self.add(node, SCHEMA.alternateName, _str(name))
        for event_type in event.event_types:
            self.add(node, AG.eventType, concept(event_type, "event-type"))
        if event.date:
            self.date(node, event.date)
        for place in event.places:
            self.add(node, AG.location, self.place_node(self.record.places[place].slug))
        if event.country:
            self.add(node, AG.country, self.place_node(event.country.lower()))
        for parent in event.part_of:
            self.add(node, AG.partOf, self.events[parent])
        for relation, other in event.related:
            self.add(node, EVENT_RELATIONS[relation], self.events[other])
        for perpetrator in event.perpetrators:
            self.add(node, AG.perpetrator, self.actor_node(perpetrator))
            self.add(node, AG.participant, self.actor_node(perpetrator))
        for term, span in event.properties:
            self.add(node, EVENT_PROPERTIES[term], _str(span.text))

    def side(self, side: SideRecord) -> None:
        node = self.sides[side.number]
        main = self.events[self.extraction.event.key]
        self.add(node, RDF.type, AG.Side)
        self.add(node, AG.sideOf, main)
        self.add(node, AG.sideNumber, _int(side.number))
        for member in (*side.actors, *side.unit_members):
            self.add(node, AG.member, self.actor_node(member))
            self.add(main, AG.participant, self.actor_node(member))
        for commander in side.commanders:
            self.add(node, AG.commander, self.actor_node(commander))
            if commander.killed:
                self.add(self.actor_node(commander), AG.killedIn, main)
        for span in side.strength:
            self.add(node, AG.strength, _str(span.text))
        for span in side.units:
            self.add(node, AG.units, _str(span.text))

    # -- claims ---------------------------------------------------------------
    def claim(self, number: int, claim: ClaimRecord) -> None:
        node = self.minter.claim(self.doc_slug, number)
        about = self.events[claim.about]
        self.add(node, RDF.type, AG.Claim)
        self.add(node, AG.claimKind, concept(claim.kind.value, "claim-kind"))
        self.add(node, AG.about, about)
        self.add(node, AG.reportedIn, self.doc)
        self.add(node, AG.rank, concept(claim.rank.value, "rank"))
        for span in claim.evidence:
            self.add(node, AG.evidence, self.span(span))
        if claim.source:
            self.add(node, AG.claimedBy, self.actor_node(claim.source))
        if claim.via:
            self.add(node, AG.via, self.actor_node(claim.via))
        if claim.statement:
            st = claim.statement
            obj = {
                "actor": lambda: self.minter.actor(self.record.actors[st.obj].slug),
                "place": lambda: self.place_node(self.record.places[st.obj].slug),
                "event": lambda: self.events[st.obj],
            }[st.object_kind]()
            subject = (
                self.place_node(self.record.places[st.subject].slug)
                if st.subject_kind == "place"
                else self.events[st.subject]
            )
            self.add(node, RDF.type, RDF.Statement)
            self.add(node, RDF.subject, subject)
            self.add(node, RDF.predicate, STATEMENT_PREDICATES[st.predicate])
            self.add(node, RDF.object, obj)
        for index, figure in enumerate(claim.figures, start=1):
            figure_node = self.minter.figure(self.doc_slug, number, index)
            self.add(node, AG.assertsFigure, figure_node)
            self.figure(figure_node, about, figure)

    def figure(self, node: NamedNode, event: NamedNode, figure: Figure) -> None:
        quantity = figure.quantity
        self.add(node, RDF.type, AG.CasualtyFigure)
        self.add(node, AG.ofEvent, event)
        self.add(node, AG.populationGroup, concept(figure.group, "population-group"))
        if figure.group_label:
            self.add(node, AG.groupLabel, _str(figure.group_label))
        if figure.qualifier:
            self.add(node, AG.groupQualifier, _str(figure.qualifier))
        self.add(node, AG.outcome, concept(figure.outcome, "outcome"))
        side = next((s for s in self.extraction.sides if s.number == figure.side), None)
        if side is not None:
            self.add(node, AG.ofSide, self.sides[side.number])
            if figure.party is not None:
                self.add(node, AG.ofActor, self.actor_node(figure.party))
            elif len(side.actors) == 1:
                self.add(node, AG.ofActor, self.actor_node(side.actors[0]))
        if quantity.value is not None:
            self.add(node, SCHEMA.value, _int(quantity.value))
        if quantity.minimum is not None:
            self.add(node, SCHEMA.minValue, _int(quantity.minimum))
        if quantity.maximum is not None:
            self.add(node, SCHEMA.maxValue, _int(quantity.maximum))
        self.add(node, AG.estimateType, concept(quantity.estimate_type, "estimate-type"))
        self.add(node, AG.statedAs, _str(figure.span.text))

    def build(self) -> list[str]:
        self.document()
        for place in sorted(self.places.values(), key=lambda r: r.slug):
            self.place(place)
        for actor in sorted(self.actors.values(), key=lambda r: r.slug):
            self.actor(actor)
        for event in self.extraction.all_events():
            self.event(event)
        for side in self.extraction.sides:
            self.side(side)
        for mention in self.extraction.actors:
            if mention.name in self.record.actors:  # not a town the resolver knows
                self.add(self.doc, SCHEMA.mentions, self.actor_node(mention))
        claims = self.extraction.claims + self.record.claims
        for number, claim in enumerate(claims, start=1):
            self.claim(number, claim)
        main = self.events[self.extraction.event.key]
        for raw in self.extraction.raw:
            self.add(main, raw_property(raw.key), _str(raw.span.text))
        self.flush()
        return list(self.lines)


_CHUNK: Final = 4096
"""Triples written as N-Triples at a time while a document's graph is built."""


def triple_lines(record: Record, minter: Minter) -> tuple[NamedNode, list[str]]:
    """The document's graph name and its triples as N-Triples lines (without their line
    ends), without duplicates, in the order of :func:`quads`: a long document's graph
    held as text, not as pyoxigraph terms (~470 bytes a quad; issue 12).

    >>> from attackgraph.extract import extract
    >>> from attackgraph.parse import parse
    >>> from attackgraph.resolve import Resolver, resolve
    >>> record = resolve(extract(parse(b"= Raid on Tamba =\\n\\nA raid.\\n", "t.txt")), Resolver())
    >>> graph, lines = triple_lines(record, Minter())
    >>> graph.value, lines[0].split()[1]
    ('https://w3id.org/attackgraph/id/doc/t', '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>')
    """
    builder = _Builder(record, minter)
    return builder.doc, builder.build()


class GraphQuads(Sequence[Quad]):
    """The quads of one named graph held as the N-Triples text of its triples (one
    line each, each triple once, in chunks of :data:`_LINES` lines): a sequence of
    :class:`pyoxigraph.Quad`, read from the text each time it is iterated. A long
    document's graph takes its text's size, not ~470 bytes a quad as pyoxigraph terms
    (issue 12).

    >>> graph = NamedNode("http://e/g")
    >>> held = GraphQuads(graph, ["<http://e/s> <http://e/p> \\"v\\" ."])
    >>> len(held), held[0].graph_name == graph, held == list(held)
    (1, True, True)
    >>> len(held + held), len([] + held)
    (2, 1)
    """

    __slots__ = ("_count", "chunks", "graph")

    def __init__(self, graph: NamedNode, lines: Sequence[str]) -> None:
        self.graph = graph
        self.chunks = tuple(
            ("\n".join(lines[start : start + _LINES]) + "\n").encode("utf-8")
            for start in range(0, len(lines), _LINES)
        )
        """The triples as N-Triples (UTF-8), :data:`_LINES` lines a chunk."""
        self._count = len(lines)

    @classmethod
    def taking(cls, graph: NamedNode, lines: list[str]) -> GraphQuads:
        """The quads of ``lines``, which are emptied as they are written (each line's
        string freed once its chunk is), so that the lines and their text are not held
        whole at the same time."""
        chunks = []
        for start in range(0, len(lines), _LINES):
            chunks.append(("\n".join(lines[start : start + _LINES]) + "\n").encode("utf-8"))
            lines[start : start + _LINES] = [""] * len(lines[start : start + _LINES])
        held = cls(graph, ())
        held.chunks, held._count = tuple(chunks), len(lines)
        lines.clear()
        return held

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Quad]:
        graph = self.graph
        for chunk in self.chunks:
            for triple in ox.parse(chunk, format=ox.RdfFormat.N_TRIPLES):
                yield Quad(triple.subject, triple.predicate, triple.object, graph)

    @overload
    def __getitem__(self, index: int) -> Quad: ...
    @overload
    def __getitem__(self, index: slice) -> list[Quad]: ...
    def __getitem__(self, index: int | slice) -> Quad | list[Quad]:
        if isinstance(index, slice) or index < 0:
            return list(self)[index]
        found = next(islice(iter(self), index, None), None)
        if found is None:
            raise IndexError("GraphQuads index out of range")
        return found

    def __eq__(self, other: object) -> bool:
        if isinstance(other, GraphQuads):
            return self.graph == other.graph and self.chunks == other.chunks
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __add__(self, other: Sequence[Quad]) -> list[Quad]:
        """The quads, then ``other``'s, as a list (as a list of quads was added to)."""
        return [*self, *other]

    def __radd__(self, other: Sequence[Quad]) -> list[Quad]:
        return [*other, *self]

    def __repr__(self) -> str:
        return f"GraphQuads({self.graph}, {self._count} quads)"

    def __reduce__(self) -> tuple[Any, ...]:
        return _graph_quads, (self.graph.value, self.chunks, self._count)


_LINES: Final = 65_536
"""N-Triples lines a chunk of :class:`GraphQuads` holds."""


def _graph_quads(graph: str, chunks: tuple[bytes, ...], count: int) -> GraphQuads:
    """A :class:`GraphQuads` from its pickled parts."""
    held = GraphQuads(NamedNode(graph), ())
    held.chunks, held._count = chunks, count
    return held


class NQuadsText(Sequence[Quad]):
    """Quads held as N-Quads text (pyoxigraph's serialisation, one line a quad), parsed
    only when read: a build-cache entry, or what the union made of one, goes to the dumps
    as the text it was stored as (:meth:`attackgraph.export.collect.SortedQuads.add`
    takes :attr:`text` as it is), so a rebuild whose union replays the document never
    parses its quads.

    >>> g = NamedNode("http://e/g")
    >>> quad = Quad(NamedNode("http://e/s"), NamedNode("http://e/p"), Literal("x y"), g)
    >>> held = NQuadsText(ox.serialize([quad, quad], format=ox.RdfFormat.N_QUADS))
    >>> held.graph == g, len(held), held[0] == quad, held == [quad, quad]
    (True, 2, True, True)
    """

    __slots__ = ("_quads", "text")

    def __init__(self, text: bytes) -> None:
        self.text = text
        """The quads as N-Quads (UTF-8), each line ending in a newline."""
        self._quads: list[Quad] | None = None

    @property
    def graph(self) -> NamedNode | None:
        """The first quad's graph (only the first line parsed); None when empty or not
        a named graph."""
        if not self.text:
            return None
        first = self.text[: self.text.find(b"\n") + 1]
        graph = next(iter(ox.parse(first, format=ox.RdfFormat.N_QUADS))).graph_name
        return graph if isinstance(graph, NamedNode) else None

    def _parsed(self) -> list[Quad]:
        if self._quads is None:
            self._quads = list(ox.parse(self.text, format=ox.RdfFormat.N_QUADS))
        return self._quads

    def __len__(self) -> int:
        return self.text.count(b"\n")

    def __iter__(self) -> Iterator[Quad]:
        return iter(self._parsed())

    @overload
    def __getitem__(self, index: int) -> Quad: ...
    @overload
    def __getitem__(self, index: slice) -> list[Quad]: ...
    def __getitem__(self, index: int | slice) -> Quad | list[Quad]:
        return self._parsed()[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, NQuadsText):
            return self.text == other.text
        if isinstance(other, Sequence):
            return self._parsed() == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"NQuadsText({len(self)} quads)"


def quads(record: Record, minter: Minter) -> list[Quad]:
    """All quads of one document, in its named graph, without duplicates.

    Raises ``KeyError`` when the record lacks a ref the extraction names (a bug in
    the resolve stage, not bad input).

    >>> from attackgraph.extract import extract
    >>> from attackgraph.parse import parse
    >>> from attackgraph.resolve import Resolver, resolve
    >>> record = resolve(extract(parse(b"= Raid on Tamba =\\n\\nA raid.\\n", "t.txt")), Resolver())
    >>> [q.object.value for q in quads(record, Minter()) if q.predicate == SCHEMA.name]
    ['Raid on Tamba', 'Raid on Tamba']
    """
    return list(GraphQuads(*triple_lines(record, minter)))
