"""Place values into sites, enclosing places and the country.

"Sévaré, Niono, and Bapho, Mopti region, Mali" names three sites (the list closed by
"and"), one enclosing region and the country. Without an "and" list, the first item
is the site and the rest enclose it, innermost first. The last item is the country
when pycountry knows the name. The gazetteer (resolve stage) confirms or corrects
these guesses; here only the document's own statement is recorded.
"""

from __future__ import annotations

import re
from typing import Final

from attackgraph.extract.lists import Item, split_items
from attackgraph.model import PlaceKind, PlaceMention, Span
from attackgraph.reference.countries import country_code

_ADMIN_WORDS: Final = re.compile(
    r"\b(?:region|r[ée]gion|province|state|district|county|governorate|prefecture|"
    r"department|d[ée]partement|cercle|oblast|territory|division|municipality|commune|"
    r"zone|wilaya|emirate|canton)\b",
    re.IGNORECASE,
)


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
    items = split_items(value)
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
        if _ADMIN_WORDS.search(items[index].name):
            break
        if _is_listed_with_and(value, items[index - 1], items[index]):
            sites_end = index + 1
    sites, containers = items[:sites_end], items[sites_end:]
    country_name = country_item.name if country_item else None
    mentions: list[PlaceMention] = []
    outer = containers[0].name if containers else country_name
    for site in sites:
        point = coordinates if len(sites) == 1 else None
        mentions.append(PlaceMention(site.name, PlaceKind.LOCALITY, site.span, outer, code, point))
    for index, item in enumerate(containers):
        last = index == len(containers) - 1
        kind = PlaceKind.REGION if last or _ADMIN_WORDS.search(item.name) else PlaceKind.LOCALITY
        container = country_name if last else containers[index + 1].name
        mentions.append(PlaceMention(item.name, kind, item.span, container, code))
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
