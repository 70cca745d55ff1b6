"""Splitting infobox values that list several names, keeping exact spans.

"Kenya (AMISOM), Somalia" is two parties; "Sévaré, Niono, and Bapho, Mopti region,
Mali" is five places; "Ahmad Umar †" is a commander killed in the event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from attackgraph.model import Span
from attackgraph.reference.countries import country_code
from attackgraph.reference.names import strip_the

_DAGGER: Final = "†"
_LEADING: Final = re.compile(r"^(?:and|&|or|the|supported by:?|backed by:?)\s+", re.IGNORECASE)
_TRAILING_NOTE: Final = re.compile(r"\s*\(([^()]*)\)\s*$")
_LABEL: Final = re.compile(r"^[^:]{1,40}:\s+")


@dataclass(frozen=True)
class Item:
    """One listed name: its span (name only), a parenthetical note, a dagger, and the
    heading written before it with a colon ("Kenya: Kenya Army, Kenya Police")."""

    span: Span
    note: str | None = None
    killed: bool = False
    heading: Span | None = None

    @property
    def name(self) -> str:
        return self.span.text


def sub_span(span: Span, begin: int, end: int) -> Span:
    """The part ``[begin:end]`` (relative to ``span.text``) as a span of the document.

    >>> sub_span(Span(10, 20, "Mali, Niger", 4), 6, 11)
    Span(begin=16, end=21, text='Niger', line=4)
    """
    return Span(span.begin + begin, span.begin + end, span.text[begin:end], span.line)


_OF_END: Final = re.compile(r"\b(?:of|in|for)\s+(?:the\s+)?[A-Z][\w'’-]*$")
_NAME_TAIL: Final = re.compile(r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?=\s*(?:$|[,;(]))")


def joins_inside_name(text: str, start: int, at: int) -> bool:
    """Whether the " and " at ``at`` joins two places inside one organisation's name:
    "Islamic State of Iraq and the Levant" (not "Mali and Niger").

    >>> joins_inside_name("Islamic State of Iraq and the Levant", 0, 21)
    True
    >>> joins_inside_name("Government of Mali and Niger", 0, 18)
    False
    >>> joins_inside_name("Protectorate of Bohemia and Moravia (1939)", 0, 23)
    True
    """
    tail = _NAME_TAIL.match(text, at + 5)
    if _OF_END.search(text, start, at) is None or tail is None:
        return False
    return country_code(strip_the(tail.group())) is None


_SHARED_OF: Final = re.compile(
    r"\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+of\s+[^,;()\[]*[^\s,;()\[]"
)
"""After " and ": one or two capitalised words and the "of" they share with the words
before the "and" ("Colony and Protectorate of Nigeria")."""
_NOUN_BEFORE: Final = re.compile(r"(?:^|\s)(?P<words>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s*$")


def shares_its_of(text: str, start: int, at: int) -> bool:
    """Whether the " and " at ``at`` joins two nouns that one "of" after both governs, in
    one name: "Colony and Protectorate of Nigeria", "Scout and Signals Company of the
    Free Legion" (not "Ossory and Republic of Velmar", a country before the "and", nor
    "Velmar Front and Union for the Defence of Ossory", whose second name runs on).

    >>> shares_its_of("Colony and Protectorate of Nigeria", 0, 6)
    True
    >>> shares_its_of("Scout and Signals Company of the Free Legion", 0, 5)
    True
    >>> shares_its_of("Kenya and Republic of Somalia", 0, 5)
    False
    >>> shares_its_of("Velmar Front and Union for the Defence of Ossory", 0, 12)
    False
    """
    before = _NOUN_BEFORE.search(text, start, at)
    after = _SHARED_OF.match(text, at + 4)
    if before is None or after is None or " of " in text[start:at]:
        return False
    end = _ITEM_END.search(text, at)
    if after.end() != len(text[: end.start() if end else len(text)].rstrip()):
        return False  # the "of" phrase does not run to the item's end
    words = before.group("words").split()
    return all(country_code(strip_the(word)) is None for word in words) and (
        country_code(strip_the(" ".join(words))) is None
    )


_ABBREVIATION: Final = re.compile(r"\s*(?:[A-Z]\.){2,}(?=[\s,;)]|$)")
"""Dotted capitals after a comma ("Washington, D.C.")."""


def _continues_name(text: str, at: int) -> bool:
    """Whether dotted capitals at ``at`` that name no country end the name before them:
    "Washington, D.C." is one name, "Oxford, U.K." a town in a country."""
    found = _ABBREVIATION.match(text, at)
    return found is not None and country_code(found.group().strip().replace(".", "")) is None


def _inside_country_name(text: str, start: int, at: int) -> bool:
    """Whether the " and " at ``at`` is inside a country's name that starts at ``start``:
    "Bosnia and Herzegovina", "Trinidad and Tobago" (not "Mali and Niger").

    >>> _inside_country_name("Tuzla, Bosnia and Herzegovina", 7, 13)
    True
    >>> _inside_country_name("Mali and Niger", 0, 4)
    False
    >>> _inside_country_name("Red House and Trinidad and Tobago Television", 10, 22)
    True
    """
    end = _ITEM_END.search(text, at)
    whole = text[start : end.start() if end else len(text)]
    if country_code(strip_the(" ".join(whole.split()))) is not None:
        return True
    # a name that opens with the country's: "Trinidad and Tobago Television"
    word = _CAPITALISED.match(text, at + 5)
    if word is None:
        return False
    head = _LEADING.sub("", text[start : word.end()].strip())
    tail = text[word.end() : end.start() if end else len(text)]
    rest = re.split(r"\s(?:and|&)\s", tail)[0].split()
    named = country_code(strip_the(" ".join(head.split()))) is not None
    return named and all(word[:1].isupper() for word in rest)


_CAPITALISED: Final = re.compile(r"[A-Z\u00c0-\u00de][\w'’-]*")


_ITEM_END: Final = re.compile(r"[,;(\[]")


def _split_points(text: str) -> list[tuple[int, int]]:
    """Top-level (outside brackets) item boundaries on ``,``, ``;`` and ``" and "``;
    not on a comma before dotted capitals that name no country, nor on an "and" inside
    a country's name.

    >>> text = "Capitol, Washington, D.C., United States"
    >>> [text[b:e].strip() for b, e in _split_points(text)]
    ['Capitol', 'Washington, D.C.', 'United States']
    >>> text = "Carfax, Oxford, U.K."
    >>> [text[b:e].strip() for b, e in _split_points(text)]
    ['Carfax', 'Oxford', 'U.K.']
    """
    parts: list[tuple[int, int]] = []
    depth = 0
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and ch == "," and _continues_name(text, i + 1):
            pass  # "Washington, D.C.": the abbreviation belongs to the name
        elif depth == 0 and ch in ",;":
            parts.append((start, i))
            start = i + 1
        elif (
            depth == 0
            and text.startswith(" and ", i)
            and not joins_inside_name(text, start, i)
            and not _inside_country_name(text, start, i)
            and not shares_its_of(text, start, i)
        ):
            parts.append((start, i))
            start = i + 1
        i += 1
    parts.append((start, len(text)))
    return parts


def split_items(value: Span) -> list[Item]:
    """Split a listing value into items with exact spans.

    >>> [(i.name, i.note) for i in split_items(Span(0, 22, "Kenya (AMISOM), Somalia", 1))]
    [('Kenya', 'AMISOM'), ('Somalia', None)]
    >>> [i.name for i in split_items(Span(0, 25, "Sévaré, Niono, and Bapho", 1))]
    ['Sévaré', 'Niono', 'Bapho']
    >>> split_items(Span(0, 12, "Ahmad Umar †", 1))[0].killed
    True
    >>> items = split_items(Span(0, 17, "Kenya: Army, Navy", 1))
    >>> [(i.name, i.heading and i.heading.text) for i in items]
    [('Army', 'Kenya'), ('Navy', None)]
    """
    items: list[Item] = []
    for begin, end in _split_points(value.text):
        piece = value.text[begin:end]
        killed = _DAGGER in piece
        piece_end = len(piece.rstrip().rstrip(_DAGGER).rstrip())
        note = None
        match = _TRAILING_NOTE.search(piece[:piece_end])
        if match:
            note = match.group(1).strip() or None
            piece_end = match.start()
        lead = len(piece) - len(piece.lstrip())
        while True:
            found = _LEADING.match(piece[lead:piece_end])
            if not found:
                break
            lead += found.end()
        label = _LABEL.match(piece[lead:piece_end])
        heading = None
        if label and not piece[lead:piece_end].startswith("http"):
            words = label.group().rstrip().rstrip(":").rstrip()
            heading = sub_span(value, begin + lead, begin + lead + len(words)) if words else None
            lead += label.end()
        name_end = lead + len(piece[lead:piece_end].rstrip(" .†"))
        if name_end <= lead:
            continue
        name = sub_span(value, begin + lead, begin + name_end)
        items.append(Item(name, note, killed, heading))
    return items


_DMS: Final = re.compile(
    r"(\d{1,3}(?:\.\d+)?)\s*°\s*(?:(\d{1,2}(?:\.\d+)?)\s*[′']\s*)?"
    r"(?:(\d{1,2}(?:\.\d+)?)\s*[″\"]\s*)?([NSEW])"
)
_DECIMAL: Final = re.compile(r"^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,;]?\s+(-?\d{1,3}(?:\.\d+)?)\s*$")


def parse_coordinates(text: str) -> tuple[float, float] | None:
    """(latitude, longitude) from ``14.48°N 4.18°W``, ``14°29′N 4°11′W`` or ``14.48, -4.18``.

    Returns ``None`` when the text holds no valid WGS84 point.

    >>> parse_coordinates("14.48°N 4.18°W")
    (14.48, -4.18)
    >>> parse_coordinates("2°01′30″N 41°48′E")
    (2.025, 41.8)
    >>> parse_coordinates("13.75, -4.58"), parse_coordinates("north of the town")
    ((13.75, -4.58), None)
    """
    found = _DMS.findall(text)
    lat: float | None = None
    lon: float | None = None
    if len(found) >= 2:
        for degrees, minutes, seconds, hemisphere in found[:2]:
            value = float(degrees) + float(minutes or 0) / 60 + float(seconds or 0) / 3600
            if hemisphere in "SW":
                value = -value
            if hemisphere in "NS":
                lat = value
            else:
                lon = value
    else:
        decimal = _DECIMAL.match(text)
        if decimal:
            lat, lon = float(decimal.group(1)), float(decimal.group(2))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return round(lat, 6), round(lon, 6)
