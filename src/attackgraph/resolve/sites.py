"""Keep a site named only in the prose where the gazetteer does not put it elsewhere.

The story of an attack names other places too: the capital the minister spoke from,
the city the attackers came from, a foreign town where a suspect was caught later.
The extraction cannot tell these from a district of the attacked town by the words
alone ("in Colaba", "in Pune"); the gazetteer can. A prose place
(:attr:`~attackgraph.model.PlaceMention.prose`) is dropped when

- the gazetteer puts it in the document's country more than :data:`NEAR_KM` from
  every place the infobox or the lead gives, or, when none of those has a point, in
  another first-level area than every area they lie in ("Havana" in a story of a
  landing in Matanzas province);
- it is a region that contains none of those places;
- the gazetteer knows the name only outside the document's country ("London" in a
  story of an attack in Russia), unless a site the document names is stated to lie in
  it ("the Broad Arrow café in Port Arthur": the document is the witness);

  these two never drop a name written "the X" with no word saying what kind of place it
  is ("outside the Positano"): that is a building named after a town, not the town;
- it is an area the gazetteer does not know, named by an area word at its start or end
  ("County Sligo", "Bryansk region", "the 18th arrondissement"), that no site of the
  document lies in: a story names areas for where people came from or went, and an area
  where the attack happened holds a site the document names ("a shrine in Kochchikade
  district"), or its sentence puts a place of the event in it a few words before ("at
  Tamba, in the Kora district"; "the Upendo shrine, which stands on Ferry Road in the
  Kizingo district").

A place the gazetteer does not know at all (a street, a hotel, a quarter) stays: the
document is the only witness there is. So does a place the event's name holds ("the
Kisumu and Nakuru bus bombings": Nakuru, 150 km from the infobox's Kisumu; a village
of the title the gazetteer knows only abroad): the gazetteer is evidence against a
place only where the document gives none for it.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from typing import Final

from attackgraph.extract.places import ADMIN_WORDS
from attackgraph.extract.site_prose import SITE_WORDS
from attackgraph.model import Extraction, PlaceKind, PlaceMention, PlaceRef
from attackgraph.reference.names import name_key
from attackgraph.resolve.place_candidates import km
from attackgraph.resolve.places import PlaceResolver

NEAR_KM: Final = 30.0
"""How far from the infobox's places a prose place may lie and still be a site."""


def keep_event_sites(
    extraction: Extraction, resolver: PlaceResolver, country: str | None
) -> Extraction:
    """The extraction without the prose places the gazetteer puts away from the event
    (``country``: the document's country).

    >>> from attackgraph.model import Document, EventClass, EventKind, EventRecord, PlaceKind, Span
    >>> from attackgraph.resolve import Resolver
    >>> doc = Document("d", "d.txt", "", "", Span(0, 0, "", 1), (), (), ())
    >>> event = EventRecord(
    ...     "e", "E", EventClass.ATTACK, kind=EventKind.MAIN, places=("Gao", "Bamako"))
    >>> places = tuple(PlaceMention(n, PlaceKind.LOCALITY, Span(0, 0, "", 1), country="ML",
    ...                             prose=n == "Bamako") for n in ("Gao", "Bamako"))
    >>> kept = keep_event_sites(Extraction(doc, event, places=places), Resolver().places, "ML")
    >>> kept.event.places
    ('Gao',)
    """
    if not any(m.prose for m in extraction.places):
        return extraction
    stated = [_ref(m, resolver, country) for m in extraction.places if not m.prose]
    chains = [c for ref in stated for c in resolver.chain(ref)]
    inside = {c.slug for c in chains}
    points = [ref.point for ref in stated if ref.point and ref.kind is PlaceKind.LOCALITY]
    regions = [c for c in chains if c.kind is PlaceKind.REGION]
    holding = {m.container for m in extraction.places if m.container}
    text = extraction.text()
    event_names = [m.name for m in extraction.places if not m.prose]
    title = f" {name_key(extraction.event.name)} "
    far = {
        m.name
        for m in extraction.places
        if m.prose
        and f" {name_key(m.name)} " not in title
        and not _named_as_a_building(m, text)
        and _elsewhere(m, _ref(m, resolver, country), country, inside, points, resolver, regions)
        and not _region_of_the_event(m, _ref(m, resolver, country), regions, text, event_names)
    }
    # a name the gazetteer knows only abroad stays when a kept site is stated to lie in it
    far -= {
        m.container
        for m in extraction.places
        if m.prose
        and m.name not in far
        and m.container in far
        and not _ref(_by_name(extraction, m.container), resolver, country).resolved
    }
    event_places = [m.name for m in extraction.places if m.name not in far]
    for m in sorted(extraction.places, key=lambda m: m.span.begin):
        if (
            m.prose
            and m.name not in far
            and _area(m)
            and m.name not in holding
            and not _ref(m, resolver, country).resolved
        ):
            if _placed_in(m, text, event_places):
                holding.add(m.name)
            else:
                far.add(m.name)
    if not far:
        return extraction
    kept = tuple(p for p in extraction.event.places if p not in far)
    event = replace(extraction.event, places=kept)
    places = tuple(m for m in extraction.places if m.name not in far)
    return replace(extraction, event=event, places=places)


def _region_of_the_event(
    mention: PlaceMention,
    ref: PlaceRef,
    regions: Collection[PlaceRef],
    text: str,
    names: Collection[str],
) -> bool:
    """Whether a region the gazetteer knows is stated to hold a place of the event ("the
    town of X, in Peru's Y region") that the gazetteer puts in no region at all: the
    document is the witness then (a place it puts in another region contradicts it)."""
    region = ref.resolved and ref.kind is PlaceKind.REGION
    return region and not regions and _placed_in(mention, text, names)


def _by_name(extraction: Extraction, name: str | None) -> PlaceMention:
    return next(m for m in extraction.places if m.name == name)


def _area(mention: PlaceMention) -> bool:
    """Whether a place is named as an area: an area word first or last ("County Down",
    "Bryansk region"; not "Landing Zone X-Ray").

    >>> from attackgraph.model import Span
    >>> [_area(PlaceMention(n, PlaceKind.REGION, Span(0, 0, "", 1)))
    ...  for n in ("County Sligo", "Taksim district", "Landing Zone X-Ray")]
    [True, True, False]
    """
    words = mention.name.split()
    return mention.kind is PlaceKind.REGION and (
        ADMIN_WORDS.fullmatch(words[0]) is not None or ADMIN_WORDS.fullmatch(words[-1]) is not None
    )


_INTO_AREA: Final = re.compile(r"(?:\bin(?:\s+the|\s+[A-Z][\w-]*['’]s)?|,)\s+$")
"""The words just before an area that a place of the event is put in ("X, in the Y
district", "X, in Peru's Y region", "X, Y County")."""

_GAP_WORDS: Final = 10
"""How many words may stand between a place of the event and the area it is put in."""


def _placed_in(mention: PlaceMention, text: str, names: Collection[str]) -> bool:
    """Whether the sentence of an area puts one of ``names`` (places of the event) in
    it: the name at most :data:`_GAP_WORDS` words before the area, which follows "in
    (the)", "in X's" or a comma.

    >>> from attackgraph.model import Span
    >>> text = "Shots were fired at Tamba, in the Kora district. Others fled to the Lue district."
    >>> [_placed_in(PlaceMention(n, PlaceKind.REGION, Span(b, b + len(n), n, 1), prose=True),
    ...   text, ["Tamba"]) for n, b in (("Kora district", 34), ("Lue district", 68))]
    [True, False]
    """
    begin = mention.span.begin
    start = max(text.rfind(". ", 0, begin), text.rfind("\n", 0, begin)) + 1
    before = text[start:begin]
    if _INTO_AREA.search(before) is None:
        return False
    for name in names:
        if not name or name == mention.name:
            continue
        found = [m.end() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", before)]
        gap = before[found[-1] :] if found else ""
        if found and len(gap.split()) <= _GAP_WORDS and ";" not in gap:
            return True
    return False


def _named_as_a_building(mention: PlaceMention, text: str) -> bool:
    """Whether a prose place is written "the X" with no word saying what kind of place X
    is ("outside the Positano", "attacked the Kingsbury"): a hotel, a restaurant or a
    hall named after a place, not the town the gazetteer knows by that name.

    >>> from attackgraph.model import Span
    >>> text = "A bomber attacked the Marbella, then Marbella itself."
    >>> [_named_as_a_building(PlaceMention("Marbella", PlaceKind.LOCALITY, Span(b, b + 8,
    ...   "Marbella", 1), prose=True), text) for b in (22, 37)]
    [True, False]
    """
    begin = mention.span.begin
    words = mention.name.replace("-", " ").lower().split()
    return (
        mention.prose
        and text[max(0, begin - 4) : begin].lower() == "the "
        and mention.kind is PlaceKind.LOCALITY
        and not any(w in SITE_WORDS or w[:-1] in SITE_WORDS for w in words)
    )


def _ref(mention: PlaceMention, resolver: PlaceResolver, country: str | None) -> PlaceRef:
    return resolver.place(
        mention.name,
        country=mention.country or country,
        region=mention.container,
        kind=mention.kind,
        coordinates=mention.coordinates,
    )


def _elsewhere(
    mention: PlaceMention,
    ref: PlaceRef,
    country: str | None,
    inside: set[str],
    points: list[tuple[float, float]],
    resolver: PlaceResolver,
    regions: Collection[PlaceRef] = (),
) -> bool:
    if ref.resolved:
        if ref.kind is PlaceKind.REGION:
            return ref.slug not in inside
        if ref.point is None or not points:
            # no distance to measure: the first-level area the gazetteer puts it in
            areas = {c.slug for c in resolver.chain(ref)[1:] if c.kind is PlaceKind.REGION}
            stated = {c.slug for c in regions}
            return bool(areas) and bool(stated) and not areas & stated
        return all(km(*ref.point, *point) > NEAR_KM for point in points)
    key = name_key(mention.name)
    countries = {r.country for layer in resolver.layers for r, _ in layer.lookup(key)}
    return bool(countries) and country is not None and country not in countries
