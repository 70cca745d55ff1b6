"""The country of a document's event: stated, else where the gazetteer puts its places.

An infobox usually ends its place with the country ("Sévaré, Mopti region, Mali"), but
not always: "Tokyo", "Kohima, Naga Hills, Assam Province, British India", "Sitio Masalay,
Ampatuan, Maguindanao province". A reader knows Tokyo is in Japan; the gazetteer does
too. When the document states no country, the event's country is the one country the
gazetteer gives the places the infobox or the lead names (never the prose's, which may
be anywhere: the capital a minister spoke from, a foreign town). Places the gazetteer
cannot place, or places in two countries, leave the country unknown: no guess.
"""

from __future__ import annotations

from dataclasses import replace

from attackgraph.model import EventKind, Extraction, PlaceKind
from attackgraph.resolve.places import PlaceResolver

__all__ = ["document_country", "with_event_country"]


def document_country(extraction: Extraction) -> str | None:
    """The country a document is about: its main event's, else its places' most common.

    >>> from attackgraph.model import Document, EventClass, EventRecord, Span
    >>> doc = Document("d", "d.txt", "", "", Span(0, 0, "", 1), (), (), ())
    >>> event = EventRecord("e", "E", EventClass.ATTACK, kind=EventKind.MAIN, country="ml")
    >>> document_country(Extraction(doc, event))
    'ML'
    """
    if extraction.event.country:
        return extraction.event.country.upper()
    counts: dict[str, int] = {}
    for mention in extraction.places:
        if mention.country:
            counts[mention.country.upper()] = counts.get(mention.country.upper(), 0) + 1
    if not counts:
        return None
    return min(counts, key=lambda code: (-counts[code], code))


def with_event_country(extraction: Extraction, places: PlaceResolver) -> Extraction:
    """``extraction`` with its main event (and the event's sites) given the one country
    the gazetteer puts its stated places in, when the document names no country.

    >>> from attackgraph.model import Document, EventClass, EventRecord, PlaceMention, Span
    >>> from attackgraph.resolve import Resolver
    >>> span = Span(0, 0, "", 1)
    >>> doc = Document("d", "d.txt", "", "", span, (), (), ())
    >>> event = EventRecord("e", "E", EventClass.ATTACK, kind=EventKind.MAIN, places=("Tokyo",))
    >>> tokyo = PlaceMention("Tokyo", PlaceKind.LOCALITY, span)
    >>> with_event_country(Extraction(doc, event, places=(tokyo,)), Resolver().places).event.country
    'JP'
    """
    if document_country(extraction) is not None:
        return extraction
    found = set()
    for mention in extraction.places:
        if mention.prose or mention.kind is PlaceKind.COUNTRY:
            continue
        ref = places.place(mention.name, kind=mention.kind, coordinates=mention.coordinates)
        if ref.resolved and ref.country:
            found.add(ref.country)
    if len(found) != 1:
        return extraction
    country = found.pop()
    events = tuple(
        replace(event, country=country)
        if event.kind is EventKind.SITE and event.country is None
        else event
        for event in extraction.events
    )
    return replace(extraction, event=replace(extraction.event, country=country), events=events)
