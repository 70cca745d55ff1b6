"""Place values into sites, enclosing places and the country.

"Sévaré, Niono, and Bapho, Mopti region, Mali" names three sites (the list closed by
"and"), one enclosing region and the country. Without an "and" list, the first item
is the site and the rest enclose it, innermost first. The last item is the country
when the reference data knows the name (a former state, "South Vietnam", counts as
the country whose territory it was). "near X" names the place X (``near=True``),
never a place called "near X"; a site written before "near X" is not put inside X.

Further forms the writers of infoboxes use:

- groups separated by ";" ("Mall, Westlands, Nairobi, Kenya; Airport road") are read
  one by one; the country named in one group is the country of all of them;
- a dash puts a list under one chain ("Depot; Market — north Gao, Mali": both sites
  in Gao);
- a facility followed by its town before an "and" starts a second chain ("the Grand
  Mosque, Hamdallaye, and the Central Market, Medina, Bamako": the mosque in
  Hamdallaye, the market in Medina, both in Bamako);
- a lowercase direction before a name is a part of that place ("west Gao" is Gao), and
  so are words saying which part of it the event touched ("Main gate of the Old Fort",
  "Road to the Hill Shrine", "outskirts of X") or how much of a list ("chiefly X");
- a plural area word shared by an "and" list names one area each ("3rd and 4th
  districts" are the 3rd district and the 4th district);
- "X in the Y" within one item puts X inside Y ("Mosque in the Police Lines"), and an
  item joined by "and" with no capital and no number names no place ("and surroundings");
- "X between A and B" names X and the places A and B it lies near; "corner of A and B
  streets" names the streets A and B (the plural street word shared, as for areas);
- a site written "A–B" (an en dash, no spaces) is the stretch between two places and
  names both ("Ash Lane–Mill Cross and Elm Square, Town").

The gazetteer (resolve stage) confirms or corrects these guesses; here only the
document's own statement is recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Final

from attackgraph.extract.lists import Item, split_items, sub_span
from attackgraph.model import PlaceKind, PlaceMention, Span
from attackgraph.reference.countries import (
    country_code,
    demonym_countries,
    former_country_code,
    shared_country_name,
)

ADMIN_WORDS: Final = re.compile(
    r"\b(?:region|r[ée]gion|province|state|district|county|governorate|prefecture|"
    r"department|d[ée]partement|cercle|oblast|territory|division|municipality|commune|"
    r"zone|wilaya|emirate|canton|arrondissement)\b",
    re.IGNORECASE,
)

FACILITY_WORDS: Final = frozenset(
    """
    arena hotel mall market airport stadium museum school college university hospital
    church cathedral mosque camp base barracks station road street avenue square bridge
    plant facility centre center building complex theatre theater café cafe club hall
    """.split()
)
"""Words that make a name a site: "Westgate mall", "Kyadondo Rugby Club"."""

_NEAR: Final = re.compile(
    r"^(?:near(?:by)?|close\s+to|just\s+outside|outside|(?:on\s+the\s+)?outskirts\s+of|"
    r"in\s+the\s+vicinity\s+of|off(?:\s+the\s+coast\s+of)?|over|"
    r"(?:(?:c\.|ca\.|about|some|approximately)\s+)?(?:\d[\d.,]*\s*(?:km|kilometres|kilometers|"
    r"mi|miles|m|metres|meters)\.?\s+(?:\([^()]*\)\s+)?)?(?:(?:north|south)(?:-?(?:east|west))?|"
    r"east|west|upstream|downstream|inland)\s+of)\s+(?:the\s+)?(?=\S)",
    re.IGNORECASE,
)
"""Words placing the event beside a place, not in it: "near X", "north of X", "off X",
"over the X", "27 mi (43 km) upstream of X"."""
_DIRECTION: Final = re.compile(
    r"^(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?|central|"
    r"downtown|inner|outer)\s+(?=[A-Z])"
)
_DASH: Final = re.compile(r"\s+[—–]\s+|\s+--?\s+")
_INSIDE: Final = re.compile(r"\s+(?:in|inside)\s+(?:the\s+)?(?=[A-Z])")
"""Within one listed item, "X in the Y" puts X inside Y."""
_BETWEEN: Final = re.compile(r"\s+between\s+(?:the\s+)?(?=[A-Z])")
"""Within one listed item, "X between A" (and B, the next item): X near A and B."""
_NEAR_WITHIN: Final = re.compile(
    r"\s+(?:near|close\s+to|(?:(?:north|south)(?:-?(?:east|west))?|east|west)\s+of)\s+"
    r"(?:the\s+)?(?=[A-Z])"
)
"""Within one listed item, "X near Y" or "X south of Y": X, and Y the event was near."""
_CORNER: Final = re.compile(
    r"^(?:the\s+)?(?:corner|junction|intersection|crossroads)\s+of\s+(?:the\s+)?(?=[A-Z])",
    re.IGNORECASE,
)
_PART: Final = re.compile(
    r"^(?:(?:chiefly|mainly|mostly|largely|principally|primarily|especially|particularly|"
    r"notably|including)\s+|(?:the\s+)?(?:(?:main|front|rear|north|south|east|west)\s+)?"
    r"(?:entrance|entrances|gate|gates|grounds|edge|approaches|surroundings|"
    r"(?:surrounding\s+)?areas?)\s+(?:of|to|around)\s+(?:the\s+)?|"
    r"(?:the\s+)?(?:road|route|way|approach)\s+to\s+(?:the\s+)?)(?=[A-Z\u00c0-\u00de])",
    re.IGNORECASE,
)
"""Words before a place's name that say which part of it, or how much of a list, the event
touched: "Main entrance of the Fairground", "Road to the Old Cemetery", "chiefly X"."""

_PLURAL_AREA: Final = re.compile(
    r"\s(?P<word>arrondissement|district|province|region|state|countie|governorate|"
    r"department|territorie|prefecture|municipalitie|ward|borough|commune|street|avenue|"
    r"road|station|hotel|mosque|market|camp|base|school)s$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Piece:
    """One listed place: its name (as the document means it), span, note and nearness."""

    name: str
    span: Span
    near: bool = False
    note: str | None = None


_RULED: Final = re.compile(
    r"^(?:the\s+)?(?:(?:Colony|Protectorate|Dominion|Mandate|Empire|Kingdom|Sultanate|Emirate)\s+"
    r"of\s+(?:the\s+)?(?P<of>.+)|(?P<people>\S+)\s+(?:Empire|Colony|Protectorate)|"
    r"(?:British|French|Italian|German|Portuguese|Spanish|Dutch|Belgian|Japanese|Ottoman)\s+"
    r"(?P<ruled>.+))$"
)
"""A state named after the country whose territory it ruled: "Colony of X", "the X Empire"
(X a people), "British X"."""


def country_of(name: str) -> str | None:
    """ISO code of a country name, a former state counting as its territory's country:
    one of the reference list, or a colony, protectorate or empire named after a
    present country or its people; ``None`` for a name two countries share (see
    ``shared_country_name``).

    >>> country_of("Mali"), country_of("South Vietnam"), country_of("Bavaria"), country_of("Congo")
    ('ML', 'VN', None, None)
    >>> country_of("Colony of Ghana"), country_of("Malian Empire"), country_of("British Togo")
    ('GH', 'ML', 'TG')
    >>> country_of("Protectorate of Bohemia and Moravia") is None
    True
    """
    if shared_country_name(name):
        return None  # "Congo": the chain's other places decide which
    found = country_code(name) or former_country_code(name)
    ruled = _RULED.match(" ".join(name.split()))
    if found is not None or ruled is None:
        return found
    inner = ruled.group("of") or ruled.group("ruled")
    if inner is not None:
        return country_code(inner)
    people = demonym_countries(ruled.group("people"))
    return people[0] if len(people) == 1 else None


def _piece(item: Item) -> _Piece:
    """The item without a leading "near" or lowercase direction.

    >>> _piece(Item(Span(4, 16, "near Khasham", 1)))
    _Piece(name='Khasham', span=Span(begin=9, end=16, text='Khasham', line=1), near=True, note=None)
    >>> _piece(Item(Span(0, 11, "west Beirut", 1))).name
    'Beirut'
    >>> [_piece(Item(Span(0, len(t), t, 1))).name for t in ("Main gate of the Old Fort",
    ...  "road to the Hill Shrine", "chiefly Tarn province", "Outskirts of Marrowby")]
    ['Old Fort', 'Hill Shrine', 'Tarn province', 'Marrowby']
    """
    span, near = item.span, False
    found = _NEAR.match(span.text)
    if found is not None:
        span, near = sub_span(span, found.end(), len(span.text)), True
    found = _DIRECTION.match(span.text) or _CORNER.match(span.text) or _PART.match(span.text)
    if found is not None:
        span = sub_span(span, found.end(), len(span.text))
    return _Piece(span.text, span, near, item.note)


def near_phrases(value: Span) -> tuple[Span, ...]:
    """The "near X" items of a place value, kept as written (the note of nearness).

    >>> text = "Koshobe, near Zabarmari, Jere"
    >>> [s.text for s in near_phrases(Span(0, len(text), text, 6))]
    ['near Zabarmari']
    """
    return tuple(item.span for item in split_items(value) if _NEAR.match(item.name))


def _joined_by_and(value: Span, previous: _Piece, piece: _Piece) -> bool:
    between = value.text[previous.span.end - value.begin : piece.span.begin - value.begin]
    return re.search(r"\b(?:and|&)\b|&|^\s+/\s+$", between) is not None


_SLASH: Final = re.compile(r"\s+/\s+(?=[A-Z\u00c0-\u00de])")
"""Two places written as one item with a slash between them ("Camp A / Camp B")."""


def _slashed(pieces: list[_Piece]) -> list[_Piece]:
    """The pieces with "A / B" read as two places listed with "and".

    >>> text = "Camp Tarn / Camp Mere"
    >>> [p.name for p in _slashed([_Piece(text, Span(0, len(text), text, 1))])]
    ['Camp Tarn', 'Camp Mere']
    """
    out: list[_Piece] = []
    for piece in pieces:
        found = _SLASH.search(piece.name)
        if found is None or piece.note:
            out.append(piece)
            continue
        head = sub_span(piece.span, 0, found.start())
        rest = sub_span(piece.span, found.end(), len(piece.span.text))
        out += [replace(piece, name=head.text, span=head), _Piece(rest.text, rest, piece.near)]
    return out


def _is_facility(piece: _Piece) -> bool:
    words = piece.name.replace("-", " ").split()
    return any(w.lower() in FACILITY_WORDS for w in words) or any(c.isdigit() for c in piece.name)


def _shared_area(value: Span, pieces: list[_Piece]) -> list[_Piece]:
    """ "3rd and 4th districts": one name per area, each with the singular word."""
    out = list(pieces)
    for k in range(1, len(out)):
        plural = _PLURAL_AREA.search(out[k].name)
        if plural is None or not _joined_by_and(value, out[k - 1], out[k]):
            continue
        word = plural.group("word")
        word += "y" if word.lower().endswith("ie") and word.lower() != "commune" else ""
        word = word[:-2] + "y" if word.endswith("iey") else word
        if word.lower() in ("street", "avenue", "road") and out[k].name[:1].isupper():
            word = word.capitalize()  # "Arroyo and Suipacha streets": "Arroyo Street"
        out[k] = replace(out[k], name=out[k].name[: plural.start()] + " " + word)
        j = k - 1
        while j >= 0 and not ADMIN_WORDS.search(out[j].name):
            out[j] = replace(out[j], name=f"{out[j].name} {word}")
            if j == 0 or not _joined_by_and(value, out[j - 1], out[j]):
                break
            j -= 1
    return out


@dataclass
class _Group:
    """The places of one ";" group: (piece, stated container name or ``None``)."""

    linked: list[tuple[_Piece, str | None]]
    country: _Piece | None
    tail: str | None
    """First place after a dash: the container of the other groups' lone sites."""


def _read_chain(value: Span, pieces: list[_Piece]) -> list[tuple[_Piece, str | None]]:
    """Sites and their containers in one comma list (no country): see the module doc."""
    if not pieces:
        return []
    ands = [k for k in range(1, len(pieces)) if _joined_by_and(value, pieces[k - 1], pieces[k])]
    first_and = ands[0] if ands else None
    if (
        first_and is not None
        and first_and >= 2
        and _is_facility(pieces[0])
        and not any(_is_facility(p) or ADMIN_WORDS.search(p.name) for p in pieces[1:first_and])
    ):  # "Mosque, Quarter, and Market, Quarter, Town": two chains
        first, second = pieces[:first_and], pieces[first_and:]
        outer = second[min(len(first), len(second) - 1)].name if len(second) > 1 else None
        inner: list[tuple[_Piece, str | None]] = [
            (p, first[k + 1].name) for k, p in enumerate(first[:-1])
        ]
        return [*inner, (first[-1], outer), *_read_chain(value, second)]
    sites_end = 1
    for k in range(1, len(pieces)):
        if k in ands and k == sites_end:  # "3rd and 4th districts": both are sites
            sites_end = k + 1
        elif ADMIN_WORDS.search(pieces[k].name):
            break
        elif k in ands:
            sites_end = k + 1
    sites = [part for site in pieces[:sites_end] for part in _between_two(site)]
    containers = _one_area(value, pieces[sites_end:])
    near = sites[0].near  # "near Khasham and al-Tabiyeh"
    sites = [replace(site, near=site.near or near) for site in sites]
    outer = next((c.name for c in containers if not c.near), None)
    linked: list[tuple[_Piece, str | None]] = [(site, outer) for site in sites]
    for k, piece in enumerate(containers):  # a place the event was near holds nothing
        outer = next((c.name for c in containers[k + 1 :] if not c.near), None)
        linked.append((piece, outer))
    return linked


_EN_DASH: Final = re.compile(r"(?<=[\w'’.])–(?=[A-Z\u00c0-\u00de])")
"""An en dash joining two names without spaces: a stretch between two sites."""


def _between_two(site: _Piece) -> list[_Piece]:
    """A site written as the stretch between two named places ("Ash Lane–Mill Cross",
    a tunnel between two stations) names both; an area's name with a dash ("North
    Ossetia–Alania") is never a site, so it is never split.

    >>> text = "Ash Lane–Mill Cross"
    >>> [p.name for p in _between_two(_Piece(text, Span(0, len(text), text, 1)))]
    ['Ash Lane', 'Mill Cross']
    """
    dash = _EN_DASH.search(site.name)
    if dash is None or site.name.count("–") != 1 or ADMIN_WORDS.search(site.name):
        return [site]
    head = sub_span(site.span, 0, dash.start())
    tail = sub_span(site.span, dash.end(), len(site.span.text))
    return [replace(site, name=head.text, span=head), replace(site, name=tail.text, span=tail)]


def _one_area(value: Span, containers: list[_Piece]) -> list[_Piece]:
    """The containers with "A and B" after the first of them read as one area's name:
    once the chain has reached an area ("Anantnag district"), what follows encloses it,
    and an enclosing place is one place ("Jammu and Kashmir", "Bosnia and Herzegovina").

    >>> text = "District X, Jammu and Kashmir"
    >>> pieces = [_Piece(n, sub_span(Span(0, len(text), text, 1), b, b + len(n)))
    ...           for n, b in (("District X", 0), ("Jammu", 12), ("Kashmir", 22))]
    >>> [p.name for p in _one_area(Span(0, len(text), text, 1), pieces)]
    ['District X', 'Jammu and Kashmir']
    """
    out = list(containers[:1])
    for piece in containers[1:]:
        previous = out[-1]
        if (
            len(out) > 1
            and _joined_by_and(value, previous, piece)
            and not (previous.near or piece.near or previous.note)
        ):
            span = sub_span(value, previous.span.begin - value.begin, piece.span.end - value.begin)
            out[-1] = _Piece(span.text, span, note=piece.note)
        else:
            out.append(piece)
    return out


def _named(pieces: list[_Piece], prose: str = "") -> list[_Piece]:
    """The pieces with "X in the Y" read as two places (X inside Y), unless the prose
    writes "the X in the Y" as one name (a pub called "the Tavern in the Town").

    >>> text = "Mosque in the Police Lines"
    >>> [p.name for p in _named([_Piece(text, Span(0, len(text), text, 1))])]
    ['Mosque', 'Police Lines']
    >>> text = "Route 12 near the Kestrel Dam"
    >>> [(p.name, p.near) for p in _named([_Piece(text, Span(0, len(text), text, 1))])]
    [('Route 12', False), ('Kestrel Dam', True)]
    """
    out: list[_Piece] = []
    split = _split_at(_NEAR_WITHIN, _split_at(_BETWEEN, pieces, near=True), near=True, carry=False)
    for piece in split:
        inside = _INSIDE.search(piece.name)
        if inside is not None and not _written_whole(piece.name, prose):
            outer = sub_span(piece.span, inside.end(), len(piece.span.text))
            out += [
                replace(
                    piece,
                    name=piece.name[: inside.start()],
                    span=sub_span(piece.span, 0, inside.start()),
                ),
                _Piece(outer.text, outer, piece.near, piece.note),
            ]
        else:
            out.append(piece)
    return out


def _split_at(
    pattern: re.Pattern[str], pieces: list[_Piece], *, near: bool, carry: bool = True
) -> list[_Piece]:
    """The pieces split where ``pattern`` occurs; the part after it ``near`` or not, and
    when ``near`` and ``carry``, so is the piece after it (the B of "between A and B");
    "X near Y" carries nothing to the next piece.

    >>> text = "Coast Road between Tarn"
    >>> [(p.name, p.near) for p in _split_at(_BETWEEN, [_Piece(text, Span(0, 23, text, 1))],
    ...  near=True)]
    [('Coast Road', False), ('Tarn', True)]
    """
    out: list[_Piece] = []
    after = False
    for piece in pieces:
        found = pattern.search(piece.name)
        if found is None:
            out.append(replace(piece, near=True) if after else piece)
            after = False
            continue
        rest = sub_span(piece.span, found.end(), len(piece.span.text))
        head = sub_span(piece.span, 0, found.start())
        out += [
            replace(piece, name=head.text, span=head),
            _Piece(rest.text, rest, near, piece.note),
        ]
        after = near and carry
    return out


_COORDINATED: Final = re.compile(r"\b(?:and|or)\s+(?:[a-z]+\s+)*$")
"""The words before an item joined to the one before it ("… and surroundings")."""
_NOT_NAME_START: Final = frozenset("on in at along across by from to with".split())
"""Words a place's name does not begin with: "on the road between A and B" says where
A and B are, it names no place."""


def _names_a_place(
    value: Span, linked: list[tuple[_Piece, str | None]]
) -> list[tuple[_Piece, str | None]]:
    """Without the items that have no capital and no number and are joined by "and"/"or",
    begin with a preposition or have no word saying what kind of site they are.

    "Old Fort and surroundings" names one place; a lowercase item listed on its own
    ("Grain depot; bus station") is still a site; "three more bombs in Y" names only Y.
    """

    def vague(piece: _Piece) -> bool:
        before = value.text[: piece.span.begin - value.begin]
        if any(c.isupper() or c.isdigit() for c in piece.name):
            return False
        words = piece.name.split()
        return (
            _COORDINATED.search(before) is not None
            or words[0] in _NOT_NAME_START
            or not any(w in FACILITY_WORDS or w.removesuffix("s") in FACILITY_WORDS for w in words)
        )

    return [(p, outer) for p, outer in linked if not vague(p)]


def _written_whole(name: str, prose: str) -> bool:
    """Whether ``prose`` writes ``name`` as one name: "the" before it, its last word
    capitalised, and after it a stop or a word that does not go on naming ("in the Horse
    and Groom on North Street"; not "the Tarn and Kell raids").

    >>> _written_whole("Horse and Groom", "a bomb in the Horse and Groom on North Street")
    True
    >>> [_written_whole(name, prose) for name, prose in (("Horse and Groom",
    ...  "the Horse and Groom Yard"), ("Tarn and Kell", "after the Tarn and Kell raids"),
    ...  ("Mopti and Ségou regions", "in the Mopti and Ségou regions."))]
    [False, False, False]
    """
    if not name.split()[-1][:1].isupper():
        return False
    return re.search(rf"\bthe {re.escape(name)}{_NAME_ENDS}", prose) is not None


_NAME_ENDS: Final = (
    r"(?=\s*[,.;:)]|\s+(?:on|in|at|near|off|where|which|that|was|were|had|has|is)\b)"
)
"""What may follow a name the prose writes whole: a stop, a preposition or a verb."""


def _rejoined(value: Span, pieces: list[_Piece], prose: str) -> list[_Piece]:
    """The pieces with "A and B" as one place where the prose writes it as one name ("the
    Horse and Groom": a pub, not two places).

    >>> text = "Horse and Groom and Star Inn"
    >>> pieces = [_Piece(n, sub_span(Span(0, len(text), text, 1), b, b + len(n)))
    ...           for n, b in (("Horse", 0), ("Groom", 10), ("Star Inn", 20))]
    >>> [p.name for p in _rejoined(Span(0, len(text), text, 1), pieces, "in the Horse and Groom.")]
    ['Horse and Groom', 'Star Inn']
    """
    out = list(pieces[:1])
    for piece in pieces[1:]:
        previous = out[-1]
        between = value.text[previous.span.end - value.begin : piece.span.begin - value.begin]
        span = sub_span(value, previous.span.begin - value.begin, piece.span.end - value.begin)
        joined = between == " and " and not (previous.near or piece.near or previous.note)
        if joined and _written_whole(span.text, prose):
            out[-1] = _Piece(span.text, span, note=piece.note)
        else:
            out.append(piece)
    return out


def _read_group(value: Span, group: Span, prose: str) -> _Group:
    dash = _DASH.search(group.text)
    head = sub_span(group, 0, dash.start()) if dash else group
    rest = sub_span(group, dash.end(), len(group.text)) if dash else None
    listed = _rejoined(value, _slashed([_piece(item) for item in split_items(head)]), prose)
    pieces = _named(_shared_area(value, listed), prose)
    chain = (
        _named(_shared_area(value, [_piece(item) for item in split_items(rest)]), prose)
        if rest
        else []
    )
    country = None
    last = chain or pieces
    if last and country_of(last[-1].name) is not None:
        country = last.pop()
    if rest is None:
        return _Group(_names_a_place(value, _read_chain(value, pieces)), country, None)
    outer = chain[0].name if chain else None  # every site before the dash is in the chain
    linked = [(piece, outer) for piece in pieces]
    return _Group(_names_a_place(value, linked + _read_chain(value, chain)), country, outer)


def _groups(value: Span) -> list[Span]:
    """The ";"-separated groups of a value, outside brackets."""
    groups, depth, start = [], 0, 0
    for i, ch in enumerate(value.text):
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(ch, 0)
        depth = max(depth, 0)
        if ch == ";" and depth == 0:
            groups.append(sub_span(value, start, i))
            start = i + 1
    groups.append(sub_span(value, start, len(value.text)))
    return [g for g in groups if g.text.strip()]


def split_places(
    value: Span, coordinates: tuple[float, float] | None = None, text: str = ""
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
    prose = text[: value.begin] + text[value.end :]  # how the rest of the document writes them
    groups = [_read_group(value, group, prose) for group in _groups(value)]
    country = next((g.country for g in groups if g.country is not None), None)
    if country is None:  # "Gao (Mali)": the note names the country
        notes = [p.note for g in groups for p, _ in g.linked[-1:] if p.note]
        code = next((country_of(n) for n in notes if country_of(n)), None)
    else:
        code = country_of(country.name)
    tail = next((g.tail for g in groups if g.tail), None)
    linked: list[tuple[_Piece, str | None]] = []
    for group in groups:
        lone = len(group.linked) == 1 and group.tail is None
        top = (tail if lone else None) or (group.country or country)
        top_name = top.name if isinstance(top, _Piece) else top
        linked += [(p, outer if outer is not None else top_name) for p, outer in group.linked]
    containers = {outer for _, outer in linked}
    sites = [p for p, _ in linked if p.name not in containers]
    mentions: list[PlaceMention] = []
    for piece, outer in linked:
        kind = PlaceKind.LOCALITY
        outermost = outer == _name(country) and not _is_facility(piece)
        if piece.name in containers and (outermost or ADMIN_WORDS.search(piece.name)):
            kind = PlaceKind.REGION
        point = coordinates if len(sites) == 1 and piece is sites[0] else None
        mentions.append(PlaceMention(piece.name, kind, piece.span, outer, code, point, piece.near))
    if country is not None:
        mentions.append(PlaceMention(country.name, PlaceKind.COUNTRY, country.span, None, code))
    mentions += _near_notes(value, code)
    seen: set[str] = set()
    unique = []
    for mention in mentions:
        if mention.name.casefold() not in seen:
            seen.add(mention.name.casefold())
            unique.append(mention)
    return tuple(unique)


_NEAR_NOTE: Final = re.compile(r"\((?P<inner>(?:near|close\s+to|outside)\s[^()]+)\)")
_TODAY: Final = re.compile(r"^(?:present-day|modern-day|modern|today's|today’s)\s+(?=\S)")


def _near_notes(value: Span, code: str | None) -> list[PlaceMention]:
    """The places a bracketed note says the event lies near, read as a chain of their
    own: "Big Bend, Ruritania (near present-day Varna, Kell County)" names Varna
    (``near``) inside Kell County; the note never changes the value's own places.

    >>> text = "Big Bend, Ruritania (near present-day Varna, Kell County)"
    >>> [(p.name, p.container, p.near) for p in _near_notes(Span(0, len(text), text, 1), None)]
    [('Varna', 'Kell County', True), ('Kell County', None, False)]
    """
    found: list[PlaceMention] = []
    for note in _NEAR_NOTE.finditer(value.text):
        inner = sub_span(value, note.start("inner"), note.end("inner"))
        for mention in split_places(inner):
            today = _TODAY.match(mention.span.text)
            if today is not None:
                span = sub_span(mention.span, today.end(), len(mention.span.text))
                mention = replace(mention, name=span.text, span=span)
            if mention.kind is PlaceKind.COUNTRY:
                continue
            found.append(replace(mention, country=mention.country or code))
    return found


def _name(piece: _Piece | None) -> str | None:
    return piece.name if piece is not None else None
