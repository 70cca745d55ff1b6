"""The country of a document's event: stated, else where the gazetteer puts its places.

An infobox usually ends its place with the country ("Sévaré, Mopti region, Mali"), but
not always: "Tokyo", "Kohima, Naga Hills, Assam Province, British India", "Sitio Masalay,
Ampatuan, Maguindanao province". A reader knows Tokyo is in Japan; the gazetteer does
too. When the document states no country, the event's country is where the gazetteer
puts the places the infobox or the lead names (never a place the prose names in passing,
which may be anywhere: the capital a minister spoke from, a foreign town). The stated
chain decides together first: the country where most of its names can be, towns or ISO
3166-2 subdivisions ("Colombo, Western Province": Colombo is in Sri Lanka and Brazil, Sri
Lanka has both), if at least two and more than any other; or the one country any of them
can be in ("Northern Ireland"). A name that is an ISO 3166-2 subdivision decides between
countries with as many names (in "El Paso, Texas" the state outweighs a Mexican village
called Texas); a name two countries share ("Korea") counts for both. When the chain does
not decide, the one country the names the gazetteer places alone give ("Tokyo"); a former
state ("Tonkin") is its territory's country. When nothing else decides, a city far larger
than any namesake abroad does ("Sydney": Australia; a namesake is a town of that name,
not one that lists it among its other names: see :func:`dominant_country`). When
the infobox and the lead name no place that decides, the event's sites the prose gives
(where the site reader takes the event to have happened, never a place named in passing)
decide the same way (:func:`chain_country`). Otherwise the country stays unknown: no
guess. The gazetteer's codes include GeoNames' own "XK" for Kosovo, which is no ISO
3166-1 code and has no country node: a place there gives the event no country (a shape
would reject the graph).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from attackgraph.extract.places import ADMIN_WORDS
from attackgraph.model import EventKind, Extraction, PlaceKind, PlaceMention, PlaceRef
from attackgraph.reference.countries import former_country_code, is_country, shared_country_name
from attackgraph.reference.names import name_key, region_name, strip_the
from attackgraph.reference.regions import subdivision_countries
from attackgraph.resolve.place_candidates import candidates
from attackgraph.resolve.places import PlaceResolver

__all__ = [
    "chain_country",
    "document_country",
    "dominant_country",
    "former_states_as_country",
    "with_event_country",
]


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
    stated = [m for m in extraction.places if not m.prose and m.kind is not PlaceKind.COUNTRY]
    country = chain_country(stated, places)
    if country is None:  # the sites the prose says the event happened at
        sites = set(extraction.event.places)
        country = chain_country(
            [
                m
                for m in extraction.places
                if m.prose and m.name in sites and m.kind is not PlaceKind.COUNTRY
            ],
            places,
        )
    if country is None or not is_country(country):
        return extraction
    events = tuple(
        replace(event, country=country)
        if event.kind is EventKind.SITE and event.country is None
        else event
        for event in extraction.events
    )
    return replace(extraction, event=replace(extraction.event, country=country), events=events)


def chain_country(stated: list[PlaceMention], places: PlaceResolver) -> str | None:
    """The one country ``stated`` (names of one chain, or an event's sites) are in: the
    vote of the names together when it decides (:func:`voted_country`), else the one
    country the names the gazetteer places alone give (:func:`_decided`), else the
    :func:`dominant_country`; ``None`` when nothing decides.

    The vote comes first: in "Guildford, Surrey, England" the gazetteer places no name
    alone in Britain (each has namesakes), while a stray word read as a place
    ("Groom" of a pub's name) is one American village; the three names together are
    British.

    >>> from attackgraph.model import Span
    >>> from attackgraph.resolve import Resolver
    >>> span = Span(0, 0, "", 1)
    >>> names = ("Groom", "Guildford", "Surrey", "England")
    >>> chain_country([PlaceMention(n, PlaceKind.LOCALITY, span) for n in names], Resolver().places)
    'GB'
    """
    voted = voted_country(stated, places)
    if voted is not None:
        return voted
    found = {code for code in (_decided(m, places) for m in stated) if code is not None}
    return found.pop() if len(found) == 1 else dominant_country(stated, places)


def _decided(mention: PlaceMention, places: PlaceResolver) -> str | None:
    """The country the gazetteer puts ``mention`` in, unless the name is also a
    subdivision of another country: "England" after "London" is the English region,
    not the Arkansas village the gazetteer finds first (then the chain votes).

    >>> from attackgraph.model import Span
    >>> from attackgraph.resolve import Resolver
    >>> span = Span(0, 0, "", 1)
    >>> england = PlaceMention("England", PlaceKind.REGION, span)
    >>> tokyo = PlaceMention("Tokyo", PlaceKind.LOCALITY, span)
    >>> _decided(england, Resolver().places), _decided(tokyo, Resolver().places)
    (None, 'JP')
    """
    former = former_country_code(mention.name)  # "Tonkin, French Indochina": Viet Nam
    if former is not None:
        return former
    ref = places.place(mention.name, kind=mention.kind, coordinates=mention.coordinates)
    if not (ref.resolved and ref.country):
        return None
    if ref.iso3166_2 is None and any(
        subdivision and country != ref.country
        for country, subdivision in _countries(mention.name, places).items()
    ):
        return None
    return ref.country


def voted_country(stated: list[PlaceMention], places: PlaceResolver) -> str | None:
    """The country most of the ``stated`` names can be in (see the module doc), or ``None``.

    >>> from attackgraph.model import Span
    >>> from attackgraph.resolve import Resolver
    >>> span = Span(0, 0, "", 1)
    >>> chain = [PlaceMention(n, PlaceKind.LOCALITY, span) for n in ("Colombo", "Western Province")]
    >>> voted_country(chain, Resolver().places), voted_country(chain[:1], Resolver().places)
    ('LK', None)
    """
    votes: dict[str, tuple[int, int]] = {}  # country -> (names, of which subdivisions)
    for mention in stated:
        for country, subdivision in _countries(mention.name, places).items():
            names, areas = votes.get(country, (0, 0))
            votes[country] = (names + 1, areas + subdivision)
    ranked = sorted(votes.items(), key=lambda item: (-item[1][0], -item[1][1], item[0]))
    if len(ranked) == 1:
        return ranked[0][0]
    if len(ranked) > 1 and ranked[0][1][0] >= 2 and ranked[0][1] > ranked[1][1]:
        return ranked[0][0]
    return None


DOMINANT: Final = 20
"""How many times more people the largest town of the stated names must have than the
largest of any other country for the names to decide the country alone."""


def dominant_country(stated: list[PlaceMention], places: PlaceResolver) -> str | None:
    """The country of the largest town any of the ``stated`` names can be, when it has
    :data:`DOMINANT` times the people of the largest such town elsewhere ("Sydney" of
    Australia against Nova Scotia's, "Vienna" against Virginia's), else ``None``. A
    reader takes the famous city; the gazetteer alone, which must give coordinates, does
    not (``PlaceResolver``'s rule).

    >>> from attackgraph.model import Span
    >>> from attackgraph.resolve import Resolver
    >>> span = Span(0, 0, "", 1)
    >>> chain = [PlaceMention(n, PlaceKind.LOCALITY, span) for n in ("George Street", "Sydney")]
    >>> dominant_country(chain, Resolver().places)
    'AU'

    Towns that bear the name as their own are weighed, when there are any, not those
    that have it among their other names: "Rome" is Italy's capital, although a West
    African capital of two million lists "Rome" among its other names.

    >>> dominant_country([PlaceMention("Rome", PlaceKind.LOCALITY, span)], Resolver().places)
    'IT'
    """
    largest: dict[str, int] = {}
    for mention in stated:
        key = name_key(" ".join(strip_the(mention.name).split()))
        found = candidates(places.layers, key, None, admin=False) if key else []
        own = [record for record, primary in found if primary]
        for record in own or [record for record, _ in found]:
            largest[record.country] = max(largest.get(record.country, 0), record.population)
    ranked = sorted(largest.items(), key=lambda item: (-item[1], item[0]))
    if not ranked or ranked[0][1] <= 0:
        return None
    if len(ranked) > 1 and ranked[0][1] < DOMINANT * ranked[1][1]:
        return None
    return ranked[0][0]


def _countries(name: str, places: PlaceResolver) -> dict[str, bool]:
    """Every country with a town, area or ISO 3166-2 subdivision written ``name`` (True
    for a subdivision), or that shares the name with another country; the one country
    holding a former state's land (True, as a subdivision).

    >>> from attackgraph.resolve import Resolver
    >>> _countries("Seoul", Resolver().places), _countries("Korea", Resolver().places)
    ({'KR': False}, {'KP': False, 'KR': False})
    >>> _countries("Nasr City district", Resolver().places)
    {'EG': False}
    """
    text = " ".join(strip_the(name).split())
    key = name_key(text)
    if not key:
        return {}
    former = former_country_code(text)
    if former is not None:  # "Annam": Viet Nam's land, not the Korean town of the name
        return {former: True}
    shared = shared_country_name(text)
    if shared:
        return dict.fromkeys(shared, False)
    parsed = region_name(text)
    areas = subdivision_countries(parsed.key if parsed.word else key)
    found = dict.fromkeys(_named(places, key), False)
    if not found and not areas and parsed.word:  # "Nasr City district": Nasr City
        found = dict.fromkeys(_named(places, parsed.key), False)
    for country in areas:
        found[country] = True
    return found


def _named(places: PlaceResolver, key: str) -> list[str]:
    """The countries of every town or area the gazetteer writes ``key``."""
    return sorted(
        r.country
        for admin in (False, True)
        for r, _ in candidates(places.layers, key, None, admin=admin)
    )


def former_states_as_country(
    mentions: tuple[PlaceMention, ...],
    places: dict[str, PlaceRef],
    resolver: PlaceResolver,
    country: str | None,
    text: str,
) -> None:
    """Make the outermost name of a stated chain that ends its line, where the country
    goes, the document's ``country`` when the gazetteer knows no place by it and no area
    word calls it an area ("Khatyn, Minsk Region, Byelorussian SSR", "X, Y, Kazakh SSR,
    Soviet Union"): the state the country was part of then, not a place inside it
    (in place; ``places`` maps mention names to refs, as in ``Record.places``).

    >>> from attackgraph.model import Span
    >>> from attackgraph.resolve import Resolver
    >>> text = "- Location: Vostry farm, Hrodna Region, Byelorussian SSR"
    >>> said = [("Vostry farm", "Hrodna Region"), ("Hrodna Region", "Byelorussian SSR"),
    ...         ("Byelorussian SSR", None)]
    >>> mentions = tuple(PlaceMention(n, PlaceKind.REGION, Span(text.find(n),
    ...     text.find(n) + len(n), n, 1), container=c) for n, c in said)
    >>> places = {m.name: Resolver().places.place(m.name, country="BY") for m in mentions}
    >>> former_states_as_country(mentions, places, Resolver().places, "BY", text)
    >>> places["Byelorussian SSR"].name
    'Belarus'
    """
    if country is None:
        return
    inner = {m.container: m.name for m in mentions if m.container}
    for mention in mentions:
        ref = places.get(mention.name)
        if (
            ref is None
            or mention.prose
            or mention.container is not None
            or inner.get(inner.get(mention.name, ""), None) is None  # two places inside it
            or not _ends_its_line(mention, text)
            or mention.kind is PlaceKind.COUNTRY
            or ref.resolved
            or ADMIN_WORDS.search(mention.name)
            or any(c.isdigit() for c in mention.name)
        ):
            continue
        try:
            places[mention.name] = resolver.country(country)
        except KeyError:
            return  # a code with no country node ("XK")


def _ends_its_line(mention: PlaceMention, text: str) -> bool:
    """Whether a mention ends its line, but for a bracketed note ("X, Y, Z (now W)")."""
    end = mention.span.end
    line_end = text.find("\n", end)
    rest = text[end : len(text) if line_end < 0 else line_end]
    return re.fullmatch(r"\s*(?:\([^()]*\))?\s*\.?\s*", rest) is not None
