"""Place values into sites, enclosing places and the country.

"Sévaré, Niono, and Bapho, Mopti region, Mali" names three sites (the list closed by
"and"), one enclosing region and the country. Without an "and" list, the first item
is the site and the rest enclose it, innermost first. The last item is the country
when pycountry knows the name. "near X" names the place X (``near=True``), never a
place called "near X"; a site written before "near X" is not put inside X. The
gazetteer (resolve stage) confirms or corrects these guesses; here only the
document's own statement is recorded.
"""

from __future__ import annotations

import re
from typing import Final

from attackgraph.extract.lists import Item, split_items, sub_span
from attackgraph.model import PlaceKind, PlaceMention, Span
from attackgraph.reference.countries import country_code

ADMIN_WORDS: Final = re.compile(
    r"\b(?:region|r[ée]gion|province|state|district|county|governorate|prefecture|"
    r"department|d[ée]partement|cercle|oblast|territory|division|municipality|commune|"
    r"zone|wilaya|emirate|canton)\b",
    re.IGNORECASE,
)


_NEAR: Final = re.compile(
    r"^(?:near(?:by)?|close\s+to|just\s+outside|outside|on\s+the\s+outskirts\s+of|"
    r"in\s+the\s+vicinity\s+of)\s+(?:the\s+)?(?=\S)",
    re.IGNORECASE,
)


def _without_near(item: Item) -> tuple[Item, bool]:
    """The item without a leading "near" (and whether there was one).

    >>> item, near = _without_near(Item(Span(4, 17, "near Khasham", 1)))
    >>> item.name, item.span.begin, near
    ('Khasham', 9, True)
    """
    found = _NEAR.match(item.name)
    if found is None:
        return item, False
    return Item(sub_span(item.span, found.end(), len(item.name)), item.note, item.killed), True


def near_phrases(value: Span) -> tuple[Span, ...]:
    """The "near X" items of a place value, kept as written (the note of nearness).

    >>> text = "Koshobe, near Zabarmari, Jere"
    >>> [s.text for s in near_phrases(Span(0, len(text), text, 6))]
    ['near Zabarmari']
    """
    return tuple(item.span for item in split_items(value) if _NEAR.match(item.name))


def _is_listed_with_and(value: Span, previous: Item, item: Item) -> bool:
    between = value.text[previous.span.end - value.begin : item.span.begin - value.begin]
    return re.search(r"\b(?:and|&)\b|&", between) is not None


def split_places(
    value: Span, coordinates: tuple[float, float] | None = None
) -> tuple[PlaceMention, ...]:
    """Places named in a ``Place``/``Location`` value, sites first, country last.

    >>> text = "Sévaré, Niono, and Bapho, Mopti region, Mali"
    >>> places = split_places(Span(0, len(text), text, 5))
    >>> [(p.name, p.kind.value, p.container, p.country) for p in places]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Sévaré', 'locality', 'Mopti region', 'ML'), ('Niono', 'locality', 'Mopti region', 'ML'),
     ('Bapho', 'locality', 'Mopti region', 'ML'), ('Mopti region', 'region', 'Mali', 'ML'),
     ('Mali', 'country', None, 'ML')]
    """
    pairs = [_without_near(item) for item in split_items(value)]
    items = [item for item, _ in pairs]
    near = {id(item) for item, is_near in pairs if is_near}
    if not items:
        return ()
    country_item: Item | None = None
    code = country_code(items[-1].name)
    if code is not None:
        country_item = items.pop()
    elif items[-1].note and country_code(items[-1].note):
        code = country_code(items[-1].note)
    sites_end = 1
    for index in range(1, len(items)):
        if ADMIN_WORDS.search(items[index].name):
            break
        if _is_listed_with_and(value, items[index - 1], items[index]):
            sites_end = index + 1
    sites, containers = items[:sites_end], items[sites_end:]
    if any(id(site) in near for site in sites):  # "near Khasham and al-Tabiyeh"
        near |= {id(site) for site in sites}
    country_name = country_item.name if country_item else None
    mentions: list[PlaceMention] = []
    outer = next((c.name for c in containers if id(c) not in near), country_name)
    for site in sites:
        point = coordinates if len(sites) == 1 else None
        mentions.append(
            PlaceMention(
                site.name, PlaceKind.LOCALITY, site.span, outer, code, point, id(site) in near
            )
        )
    for index, item in enumerate(containers):
        last = index == len(containers) - 1
        kind = PlaceKind.REGION if last or ADMIN_WORDS.search(item.name) else PlaceKind.LOCALITY
        container = country_name if last else containers[index + 1].name
        is_near = id(item) in near
        mentions.append(PlaceMention(item.name, kind, item.span, container, code, near=is_near))
    if country_item is not None:
        mentions.append(
            PlaceMention(country_item.name, PlaceKind.COUNTRY, country_item.span, None, code)
        )
    seen: set[str] = set()
    unique = []
    for mention in mentions:
        if mention.name.casefold() not in seen:
            seen.add(mention.name.casefold())
            unique.append(mention)
    return tuple(unique)
