"""Where and when, from the lead, for a document whose infobox does not say.

An article without an infobox still opens with its event: "On 18 March 2015, two
gunmen attacked the Bardo National Museum in Tunis, the capital of Tunisia". The first
sentence of the lead gives

- the date: its first full date (:func:`lead_date`);
- the places (:func:`lead_places`): named entities of the linguistic layer, split at
  " in " and commas, kept when they are a country, a place entity (GPE, LOC, FAC),
  a name with a facility or area word ("museum", "province"), or a name introduced as
  a place ("in", "at", "village of"); an area word written after the name joins it
  ("Bwito chiefdom"). In reading order each place is inside the next one, the last
  inside the country, as the writer lists them.

Wire copy opens with a dateline, "BIR AL-ABED, Egypt, 25 November 2017 (wire) — ...":
its town, spelled as the story spells it ("Bir al-Abed"), and the places after it are
places of the event (:func:`wire_places`); the clause after the dateline is read as
above. The filing town is where the event happened when the clause names no other
place, else a place it happened near.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from typing import Final

from attackgraph.extract.dateline import find_dateline
from attackgraph.extract.dates import find_dates
from attackgraph.extract.lists import sub_span
from attackgraph.extract.nlp import Entity, entities, parse
from attackgraph.extract.owned import owned_by
from attackgraph.extract.placelike import BODY_ON
from attackgraph.extract.places import ADMIN_WORDS, FACILITY_WORDS, country_of
from attackgraph.extract.sentences import Sentence
from attackgraph.model import DatePrecision, DateRange, DateValue, PlaceKind, PlaceMention, Span
from attackgraph.reference.countries import country_code, demonym_countries
from attackgraph.reference.lexicon import MONTH_NUMBERS

__all__ = ["dated", "day_within", "filed_away", "lead_date", "lead_places", "wire_places"]

_PLACE_LABELS: Final = frozenset({"GPE", "LOC", "FAC"})
_MONTHS: Final = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_AREA_OF: Final = (
    "village|hamlet|settlement|town|city|district|suburb|borough|parish|ward|quarter|"
    "neighbourhood|neighborhood|outskirts|centre|center|heart|island|valley|area|part|north|"
    "south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|"
    "southeast|southwest|region|province|state|county|governorate|prefecture|department|"
    "municipality|commune|territory|oblast|wilaya|emirate|canton|arrondissement|cercle|"
    "colony|protectorate|dominion|mandate|kingdom|republic|sultanate|empire"
).split("|")
"""Nouns after which "of" introduces a place: "the village of X", "the department of X"."""
_INTRODUCED: Final = re.compile(
    r"(?:\b(?:in|at|near|outside)\s+(?:the\s+)?|\b" + "(?:" + "|".join(_AREA_OF) + r")\s+of\s+"
    r"(?:the\s+)?|\b(?:capital|city|town|village|port)\s*,\s*)$"  # "the Malian capital, Bamako"
)
"""Words introducing a name as a place: "in", "at", "the village of", "the Malian capital,"."""
_GOVERNED: Final = re.compile(
    r"(?:\b(?P<word>[\w-]+)\W*?\s+)?(?<![\w-])(?P<prep>by|of|for|with|against|about)\s+"
    r"(?:(?:the|a|an|its|their|his|her)\s+)?"
    r"(?:(?!(?:in|at|near|on|outside|inside|into|to|from|of|by)\b)[a-z][\w-]*\s+){0,3}$"
)
"""The preposition a name hangs from, across the lowercase words of its phrase: "carried
out by members of the religious movement X", "the findings of the X"."""
_PLACE_NOUN: Final = re.compile(  # after a demonym: "Nigerian city", "Kenyan north-eastern town"
    r"\s+(?:(?:north|south|east|west|central)[\w-]*\s+)?"
    r"(?:capital|city|town|village|port|province|region|district|state|county)\b",
    re.IGNORECASE,
)
_AREA_AFTER: Final = re.compile(
    r"\s+(?:region|province|state|district|county|governorate|prefecture|department|"
    r"territory|chiefdom|municipality|commune|wilaya)\b"
)
_FACILITY_AFTER: Final = re.compile(
    r"\s+(?:" + "|".join(sorted(FACILITY_WORDS, key=len, reverse=True)) + r")\b(?![-'’])"
)
"""A lowercase word after a name saying it is a site: "the Argana cafe", "Kibo mall"."""
_PARTS: Final = re.compile(r",\s+|\s+in\s+")
_OF_COUNTRY: Final = re.compile(r"(.+?)\s+of\s+(?:the\s+)?(.+)$")


def lead_date(first: Sentence) -> DateRange | None:
    """The first full date of the lead's first sentence; in an account written afterwards
    (a verdict, a report) the earliest date it gives, and none when its only date is
    when the account was published.

    >>> from attackgraph.model import Span
    >>> def date(text):
    ...     found = lead_date(Sentence(Span(0, len(text), text, 3), (), 0, False))
    ...     return found and found.start.lexical
    >>> date("On 18 March 2015, gunmen attacked a museum.")
    '2015-03-18'
    >>> date("On 2 May 2019 a court jailed the man who bombed the depot on 4 June 2011.")
    '2011-06-04'
    >>> date("This account follows a report the league published in March 2004.") is None
    True
    >>> found = lead_date(Sentence(Span(0, 60, "A revolt began on 9 May 1970 and ended on "
    ...     "12 May when troops stormed the jail.", 3), (), 0, False))
    >>> found.start.lexical, found.end.lexical
    ('1970-05-09', '1970-05-12')
    """
    found = [(d, b, e) for d, b, e in find_dates(first.text)]
    if not found:
        return None
    if _AFTERWARDS.search(first.text) is not None:
        found = [f for f in found if _PUBLISHED_BEFORE.search(first.text, 0, f[1]) is None]
        found = sorted(found, key=lambda f: f[0].start.lexical)[:1]
    return _ended(first.text, *found[0]) if found else None


_ENDED: Final = re.compile(
    r"[^.;]{0,80}?\b(?:ended|ending|lasted\s+until|until|till)\s+(?:on\s+)?"
    r"(?:(?:the\s+)?(?:morning|afternoon|evening|night)\s+of\s+)?"
    rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTHS})|(?P<m2>{_MONTHS})\s+(?P<d2>\d{{1,2}}))\b"
    r"(?!,?\s*\d)",
    re.IGNORECASE,
)
"""The last day of a span the first date began, written without its year: "began on 9
September 1971 and ended on 13 September"."""


def _ended(text: str, found: DateRange, begin: int, end: int) -> DateRange:
    """``found`` (a day, at ``text[begin:end]``) to the day a clause after it says the
    event ended, in the same year and within a month; else ``found``."""
    start = found.start
    more = _ENDED.match(text, end)
    if found.end is not None or start.precision is not DatePrecision.DAY or more is None:
        return found
    first = datetime.date.fromisoformat(start.lexical)
    last = _day_in(first.year, more)
    if last is None or not 0 < (last - first).days <= 31:
        return found
    return DateRange(start, DateValue(last.isoformat(), DatePrecision.DAY))


def _day_in(year: int, m: re.Match[str]) -> datetime.date | None:
    """The day a match of a day and a month without a year (groups ``d1`` ``m1`` or
    ``m2`` ``d2``: "13 September", "Sept 13") names in ``year``; ``None`` if no such day."""
    month = MONTH_NUMBERS[(m["m1"] or m["m2"]).lower().rstrip(".")]
    try:
        return datetime.date(year, month, int(m["d1"] or m["d2"]))
    except ValueError:
        return None


_AFTERWARDS: Final = re.compile(
    r"\b(?:published|issued|released|report|court|trial|tribunal|verdict|guilty|judgment|"
    r"judgement|sentenced|convicted|jailed|acquitted|inquiry|inquest|anniversary|"
    r"commemorated|indicted|extradited)\b",
    re.IGNORECASE,
)
"""Words of an account written after the event: a court's, a report's, a memorial's."""

_PUBLISHED_BEFORE: Final = re.compile(
    r"\b(?:published|issued|released|written|compiled)\b[^.;]{0,80}$", re.IGNORECASE
)
"""A date that says when an account came out ("a report published ... in July 1990")."""


def dated(texts: tuple[str, ...]) -> DateRange | None:
    """The first date with a month or a day in ``texts`` (a lead whose opening sentence
    has none: "It happened on 2 May 1990."); a bare year ("in 1971") is too often the
    background to date the event.

    >>> dated(("A bomb hit the depot.", "In 1971 it was built.", "It blew up on 2 May 1990."))
    DateRange(start=DateValue(lexical='1990-05-02', precision=<DatePrecision.DAY: 'day'>), end=None)
    """
    for text in texts:
        for found, _, _ in find_dates(text):
            if found.start.precision is not DatePrecision.YEAR:
                return found
    return None


def day_within(
    coarse: DateRange, opening: Sentence | None, also: tuple[str, ...] = ()
) -> DateRange:
    """``coarse`` (a month or a year the lead gives) narrowed to the day or days the body's
    opening sentence gives inside it, when it gives one ("Findings ... April 1995." then
    "On 22 April 1995, soldiers opened fire ...", "Between 6 and 8 April 1995, ..."), else
    the first the ``also`` sentences (the lead's next ones) give; else ``coarse`` unchanged.
    A month is narrowed to the first day inside it either gives (:func:`_day_in_month`).

    >>> from attackgraph.model import DatePrecision, DateValue, Span
    >>> text = "On 22 April 1995, soldiers opened fire."
    >>> body = Sentence(Span(0, len(text), text, 9), ("Summary",), 2, False)
    >>> day_within(DateRange(DateValue("1995-04", DatePrecision.MONTH)), body).start.lexical
    '1995-04-22'
    >>> day_within(DateRange(DateValue("1996", DatePrecision.YEAR)), body).start.lexical
    '1996'
    >>> lead = ("It tells of the night of 3 to 4 April 1995 in the valley.",)
    >>> found = day_within(DateRange(DateValue("1995-04", DatePrecision.MONTH)), None, lead)
    >>> found.start.lexical, found.end.lexical
    ('1995-04-03', '1995-04-04')
    """
    texts = ((opening.text,) if opening is not None else ()) + also
    if coarse.start.precision is DatePrecision.MONTH and coarse.end is None:
        return _day_in_month(coarse, texts)
    if coarse.end is not None or coarse.start.precision is DatePrecision.DAY:
        return coarse
    for text in texts:
        found = find_dates(text)
        if found:  # the first sentence with a date decides
            return found[0][0] if _inside(found[0][0], coarse) else coarse
    return coarse


def _day_in_month(month: DateRange, texts: tuple[str, ...]) -> DateRange:
    """``month`` (the lead's "in early October 1967") narrowed to the first day ``texts``
    give inside it, with its year ("on 7 October 1967") or without ("happened on 4
    July"); a date outside the month (the background's) does not stop the search. A span
    of months ("June–September 1950") is not narrowed: its first day is as often the
    background's (the war's first day) as the event's.

    >>> month = DateRange(DateValue("1995-07", DatePrecision.MONTH))
    >>> texts = ("In June 1995 the camps filled.", "The first seizure happened on 4 July.")
    >>> _day_in_month(month, texts).start.lexical
    '1995-07-04'
    >>> _day_in_month(month, ("On 4 August the talks began.",)) is month
    True
    """
    year = int(month.start.lexical[:4])
    for text in texts:
        found = [(day, begin) for day, begin, _ in find_dates(text)]
        found += [
            (DateRange(DateValue(written.isoformat(), DatePrecision.DAY)), m.start())
            for m in _ON_DAY.finditer(text)
            if (written := _day_in(year, m)) is not None
        ]
        for day, _ in sorted(found, key=lambda f: f[1]):
            if _inside(day, month):
                return day
    return month


_ON_DAY: Final = re.compile(
    r"\bon\s+(?:(?:the\s+)?(?:morning|afternoon|evening|night)\s+of\s+)?"
    rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTHS})|(?P<m2>{_MONTHS})\.?\s+(?P<d2>\d{{1,2}}))\b"
    r"(?![,\s]*\d)",
    re.IGNORECASE,
)
"""A day and a month after "on", without a year ("happened on 4 July")."""


_OPENING_DAY: Final = re.compile(
    r"(?:On|By|Early\s+on|Late\s+on)\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?"
    rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTHS})|(?P<m2>{_MONTHS})\.?\s+(?P<d2>\d{{1,2}}))\b"
    r"(?![,\s]*\d)",
    re.IGNORECASE,
)
"""A sentence opening on a day and month without a year ("On 14 August, troops ...")."""


def opening_day(coarse: DateRange, texts: tuple[str, ...]) -> DateRange:
    """``coarse``, a year the lead gives ("in the summer of 2013"), narrowed to the day
    a later sentence of the lead opens on without repeating the year ("On 14 August,
    security forces cleared ..."); the first such sentence decides, else ``coarse``.

    >>> year = DateRange(DateValue("2013", DatePrecision.YEAR))
    >>> opening_day(year, ("It was removed on 3 July.", "On 14 August, troops moved in.")).start
    DateValue(lexical='2013-08-14', precision=<DatePrecision.DAY: 'day'>)
    >>> opening_day(year, ("It was removed on 3 July.",)) is year
    True
    """
    if coarse.end is not None or coarse.start.precision is not DatePrecision.YEAR:
        return coarse
    for text in texts:
        m = _OPENING_DAY.match(text)
        if m is None:
            continue
        day = _day_in(int(coarse.start.lexical), m)
        return coarse if day is None else DateRange(DateValue(day.isoformat(), DatePrecision.DAY))
    return coarse


def _inside(found: DateRange, coarse: DateRange) -> bool:
    """Whether ``found`` gives days, all within the month or year ``coarse`` gives."""
    prefix = coarse.start.lexical + "-"
    ends = (found.start,) + ((found.end,) if found.end is not None else ())
    return all(d.precision is DatePrecision.DAY and d.lexical.startswith(prefix) for d in ends)


_POSSESSIVE: Final = re.compile(r"['’]s$")
_COUNTRYS: Final = re.compile(
    r"['’]s\s+(?:[a-z][\w-]*\s+){0,3}?(?:(?:" + "|".join(_AREA_OF) + r")\s+of\s+)?(?:the\s+)?$"
)
"""What lies between a country and a name the country's possessive gives as its own area:
"Kenya's Central Province", "India's northeastern state of X"."""


def _countrys_area(text: str, country_end: int, begin: int, name: str) -> bool:
    """Whether the name at ``begin`` is an area of the country just before it: written
    after the country's possessive, with an area word in or before it ("Kenya's Central
    Province", "India's state of X"; not "Peru's southern Andes", a range).

    >>> text = "in Kenya's Rift Valley Province and Peru's southern Andes"
    >>> _countrys_area(text, 8, 11, "Rift Valley Province"), _countrys_area(text, 41, 52, "Andes")
    (True, False)
    """
    between = _COUNTRYS.match(text, country_end, begin)
    return between is not None and (
        ADMIN_WORDS.search(name) is not None or ADMIN_WORDS.search(between.group()) is not None
    )


def _joined(text: str, found: tuple[Entity, ...]) -> list[Entity]:
    """The entities with a name the recogniser cut at "and" joined again when the whole
    is a country ("Bosnia and" + "Herzegovina").

    >>> text = "in Tuzla, Bosnia and Herzegovina"
    >>> [e.text for e in _joined(text, (Entity("GPE", 3, 8, "Tuzla"),
    ...     Entity("GPE", 10, 20, "Bosnia and"), Entity("LOC", 21, 32, "Herzegovina")))]
    ['Tuzla', 'Bosnia and Herzegovina']
    """
    out: list[Entity] = []
    for entity in found:
        last = out[-1] if out else None
        if last is not None and re.search(r"\s(?:and|&)\s*$", text[last.begin : entity.begin]):
            whole = text[last.begin : entity.end]
            if country_code(whole) is not None:
                out[-1] = Entity(last.label, last.begin, entity.end, whole)
                continue
        out.append(entity)
    return out


_INTRODUCED_NAME: Final = re.compile(
    r"\bthe\s+(?:[\w-]+\s+){0,3}?(?:city|town|village|hamlet|port|district|province|region)"
    r"\s+of\s+(?P<name>[A-Z\u00c0-\u00de][\w'’-]*(?:\s+[A-Z\u00c0-\u00de][\w'’-]*)*)"
)
"""A name the sentence introduces as a place, "the rebel-held city of X", which the
recogniser may not tag."""


def _with_introduced(text: str, found: list[Entity]) -> list[Entity]:
    """The entities and the names introduced as places that no entity covers.

    >>> text = "Jets bombed a base in the rebel-held city of Tarnow on Sunday."
    >>> [e.text for e in _with_introduced(text, [])]
    ['Tarnow']
    """
    extra = [
        Entity("GPE", m.start("name"), m.end("name"), m.group("name"))
        for m in _INTRODUCED_NAME.finditer(text)
        if not any(e.begin < m.end("name") and m.start("name") < e.end for e in found)
    ]
    return sorted([*found, *extra], key=lambda e: e.begin)


def _parts(sentence: Sentence, begin: int, end: int) -> list[tuple[int, int]]:
    """An entity's stretch split at commas and " in " (offsets in the sentence)."""
    text = sentence.text
    pieces, at = [], begin
    for m in _PARTS.finditer(text, begin, end):
        pieces.append((at, m.start()))
        at = m.end()
    pieces.append((at, end))
    out = []
    for b, e in pieces:
        if text.startswith("the ", b):
            b += 4
        of = _OF_COUNTRY.match(text, b, e)  # "the Wakiso District of Uganda"
        whole = country_code(text[b:e]) is not None  # "Democratic Republic of the Congo"
        if of is not None and not whole and country_code(of.group(2)) is not None:
            out += [(b, of.end(1)), (of.start(2), e)]
        elif b < e:
            out.append((b, e))
    return out


def lead_places(first: Sentence, avoid: frozenset[str] = frozenset()) -> tuple[PlaceMention, ...]:
    """The places of the lead's first sentence, innermost first, the country last; a
    country the sentence gives only as a demonym ("in the northern Nigerian city of Kano")
    is the places' country, with no place of its own.

    ``avoid`` are names that are actors, not places.

    >>> from attackgraph.model import Span
    >>> text = "On 2 May 2015 gunmen stormed a hotel in the Malian capital, Bamako, at dawn."
    >>> [(p.name, p.country) for p in lead_places(Sentence(Span(0, 76, text, 3), (), 0, False))]
    [('Bamako', 'ML')]
    >>> text = ("Four hikers walking through northern Ruritania were killed on Sunday, "
    ...         "officials said, as the Islamic State group claimed responsibility.")
    >>> [p.name for p in lead_places(Sentence(Span(0, len(text), text, 3), (), 0, False))]
    []
    """
    text = first.text
    found: list[tuple[str, int, int, bool]] = []  # name, begin, end, is a place entity
    said: list[str] = []  # countries a demonym gives a place: "the Nigerian city of Kano"
    for entity in _with_introduced(text, _joined(text, entities(text))):
        written = text[entity.begin : entity.end]
        if entity.label == "NORP" or (demonym_countries(written) and country_of(written) is None):
            # a people, also when the tagger reads it as a place ("the Sri Lankan capital")
            codes = demonym_countries(written)
            if len(codes) == 1 and _PLACE_NOUN.match(text, entity.end):
                said.append(codes[0])
            continue
        for b, e in _parts(first, entity.begin, entity.end):
            owner = _POSSESSIVE.search(text, b, e)  # "in Sri Lanka's Eastern Province"
            e = owner.start() if owner is not None else e
            area = _AREA_AFTER.match(text, e) or _FACILITY_AFTER.match(text, e)
            if area is not None and not ADMIN_WORDS.search(text[b:e]):
                e = area.end()
            name = text[b:e].strip()
            if name and name not in avoid and _GROUP_AFTER.match(text, e) is None:
                found.append((name, b, e, entity.label in _PLACE_LABELS))
    places = [
        (name, b, e)
        for name, b, e, labelled in found
        if country_of(name) is not None
        or (
            not _governed_elsewhere(text, b, name)
            and (
                any(w.lower() in FACILITY_WORDS for w in name.split())
                or ADMIN_WORDS.search(name)
                or (labelled and b > 0)
                or _INTRODUCED.search(text, max(0, b - 20), b)
            )
        )
    ]
    places = [p for k, p in enumerate(places) if all(p[0] != q[0] for q in places[:k])]
    countries = [(n, b, e) for n, b, e in places if country_of(n) is not None]
    countries = [c for c in countries if _BORDER_WITH.search(text, max(0, c[1] - 40), c[1]) is None]
    country = next((c for c in countries if not _not_where(text, c[1], c[2])), None)
    country = country or next(iter(countries), None)
    inner = [(n, b, e) for n, b, e in places if country_of(n) is None]
    if country is not None:  # after the country, only a name introduced as a place
        introduced = {m.start("name") for m in _INTRODUCED_NAME.finditer(text)}
        inner = [
            (n, b, e)
            for n, b, e in inner
            if b < country[1] or b in introduced or _countrys_area(text, country[2], b, n)
        ]
    inner = _owned_first(text, inner)
    code = country_of(country[0]) if country is not None else next(iter(said), None)
    mentions: list[PlaceMention] = []
    for k, (name, b, e) in enumerate(inner):
        outer = inner[k + 1][0] if k + 1 < len(inner) else (country[0] if country else None)
        kind = PlaceKind.REGION if ADMIN_WORDS.search(name) else PlaceKind.LOCALITY
        mentions.append(PlaceMention(name, kind, _span(first, b, e), outer, code))
    if country is not None:
        name, b, e = country
        mentions.append(PlaceMention(name, PlaceKind.COUNTRY, _span(first, b, e), None, code))
    return tuple(mentions)


def _owned_first(text: str, inner: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``inner`` (names with their offsets, in the sentence's order) with a place the text
    gives as another's ("Cairo's Nasr City district") before its owner, so that the chain,
    innermost first, puts the district in Cairo and not Cairo in the district.

    >>> t = "A bomb went off in Cairo's Nasr City district."
    >>> found = [("Cairo", 19, 24), ("Nasr City district", 27, 45)]
    >>> [name for name, _, _ in _owned_first(t, found)]
    ['Nasr City district', 'Cairo']
    >>> t = "A bomb went off in the Nasr City district of Cairo."
    >>> found = [("Nasr City district", 23, 41), ("Cairo", 45, 50)]
    >>> [name for name, _, _ in _owned_first(t, found)]
    ['Nasr City district', 'Cairo']
    """
    out = list(inner)
    for k in range(len(out) - 1):
        if owned_by(text, out[k][2], out[k + 1][1]):
            out[k], out[k + 1] = out[k + 1], out[k]
    return out


_GROUP_AFTER: Final = re.compile(
    r"\s+(?:group|movement|militia|organi[sz]ation|network|faction|party|insurgency|"
    r"insurgents|rebels|militants|fighters|jihadists)\b"
)
"""A noun after a name that makes it a body of people, not a place: "the Islamic State
group claimed", "the Tarn Valley militants"."""

_EVENT_OF: Final = frozenset(
    """
    attack attacks assault battle bombing bombings bombardment capture defence defense fall
    invasion liberation massacre occupation raid sack shelling siege storming
    """.split()
)
"""Event nouns after which "of" introduces the place attacked: "the siege of X"."""


def _governed_elsewhere(text: str, begin: int, name: str) -> bool:
    """Whether the name at ``begin`` hangs from a preposition that does not say where: the
    agent of "by", "for", "with", "against", "about" ("carried out by the X"), or "of" after
    a noun that is neither an area nor an event ("the findings of the X", "members of the
    movement X"); a name with a word saying it is a site or an area may follow such an "of"
    ("the barracks of the X Regiment" is not one).

    >>> text = "a raid by members of the movement Kestrel on the Osterby mall in Karlin"
    >>> [_governed_elsewhere(text, text.index(n), n) for n in ("Kestrel", "Osterby", "Karlin")]
    [True, False, False]
    >>> text = "the siege of Karlin and the barracks of the 3rd Rifles"
    >>> [_governed_elsewhere(text, text.index(n), n) for n in ("Karlin", "3rd Rifles")]
    [False, True]
    """
    if BODY_ON.search(text, max(0, begin - 60), begin):
        return True  # "the Commission on the Truth": the body's subject
    found = _GOVERNED.search(text, max(0, begin - 60), begin)
    if found is None:
        return False
    if found.group("prep") != "of":
        return True
    word = (found.group("word") or "").lower()
    sited = any(w.lower() in FACILITY_WORDS for w in name.split()) or ADMIN_WORDS.search(name)
    return word not in _AREA_OF and word not in _EVENT_OF and not sited


def wire_places(
    first: Sentence, text: str, avoid: frozenset[str] = frozenset()
) -> tuple[PlaceMention, ...] | None:
    """The places of a lead sentence opening with a dateline, innermost first, the
    country last; ``None`` when it opens with none. ``text`` is the whole document.

    >>> from attackgraph.model import Span
    >>> lead = "KORO, Mali, 3 May 2001 — Gunmen attacked a bus."
    >>> found = wire_places(Sentence(Span(0, len(lead), lead, 3), (), 0, False), lead)
    >>> [(p.name, p.kind.value, p.container, p.country) for p in found]
    [('Koro', 'locality', 'Mali', 'ML'), ('Mali', 'country', None, 'ML')]
    """
    line = find_dateline(first.text)
    if line is None:
        return None
    body = Sentence(
        sub_span(first.span, line.end, len(first.text)), first.sections, first.block, first.bullet
    )
    found = list(lead_places(body, avoid))
    country = next((m for m in found if m.kind is PlaceKind.COUNTRY), None)
    if country is not None and _modifier(first, country):
        found = [replace(m, country=None) for m in found if m is not country]
        country = None  # "DHAHRAN, Saudi Arabia — ... killing 19 U.S. airmen": Saudi Arabia
    inner = [m for m in found if m.kind is not PlaceKind.COUNTRY]
    named = [(_spelled(first.text[b:e], text), b, e) for b, e in line.places]
    near = bool(inner)  # the clause names where: the filing town is only near it
    for k, (name, b, e) in enumerate(named):
        code = country_code(name)
        if code is not None:
            country = country or PlaceMention(
                name, PlaceKind.COUNTRY, _span(first, b, e), None, code
            )
            break
        if any(m.name.casefold() == name.casefold() for m in inner) or name in avoid:
            continue
        outer = named[k + 1][0] if k + 1 < len(named) else (country.name if country else None)
        kind = PlaceKind.LOCALITY if k == 0 else PlaceKind.REGION
        filed = near and k == 0  # checked against the clause's places as a prose place is
        span = _span(first, b, e)
        inner.append(PlaceMention(name, kind, span, outer, None, None, near, prose=filed))
    code = country.country if country is not None else None
    top = country.name if country is not None else None
    inner = [replace(m, country=m.country or code, container=m.container or top) for m in inner]
    return tuple(inner + ([country] if country is not None else []))


def filed_away(
    first: Sentence, places: tuple[PlaceMention, ...], found: tuple[PlaceMention, ...]
) -> tuple[tuple[PlaceMention, ...], tuple[PlaceMention, ...]]:
    """``places`` (the lead's) and ``found`` (the prose's sites) when the clause after a
    dateline names a site only the prose reader found: that site is stated by the lead,
    and the filing town, which :func:`wire_places` took for the site, is only a place the
    event may have been near, to be checked against it as a prose place is.

    >>> from attackgraph.model import Span
    >>> lead = "KORO, Mali, 3 May - Gunmen attacked a bar in the town of Tarn."
    >>> first = Sentence(Span(0, len(lead), lead, 3), (), 0, False)
    >>> koro = PlaceMention("Koro", PlaceKind.LOCALITY, Span(0, 4, "KORO", 3), "Mali")
    >>> tarn = PlaceMention("Tarn", PlaceKind.LOCALITY, Span(57, 61, "Tarn", 3), prose=True)
    >>> places, found = filed_away(first, (koro,), (tarn,))
    >>> [(p.name, p.near, p.prose) for p in places + found]
    [('Koro', True, True), ('Tarn', False, False)]
    """
    line = find_dateline(first.text)
    if line is None:
        return places, found
    clause = first.span.begin + line.end
    said = [m for m in found if clause <= m.span.begin < first.span.end and not m.near]
    filed = [
        m
        for m in places
        if first.span.begin <= m.span.begin < clause
        and m.kind is PlaceKind.LOCALITY
        and not (m.near or m.prose)
    ]
    if not said or not filed:
        return places, found
    places = tuple(replace(m, near=True, prose=True) if m in filed else m for m in places)
    return places, tuple(replace(m, prose=False) if m in said else m for m in found)


def _modifier(sentence: Sentence, country: PlaceMention) -> bool:
    """Whether the clause names ``country`` only as someone's or something's."""
    begin = country.span.begin - sentence.span.begin
    return _not_where(sentence.text, begin, begin + len(country.span.text))


def _spelled(name: str, text: str) -> str:
    """A dateline's capitals as the story spells the name ("BIR AL-ABED": "Bir al-Abed").

    >>> _spelled("BIR AL-ABED", "Shops in Bir al-Abed closed."), _spelled("KORO", "")
    ('Bir al-Abed', 'Koro')
    """
    if not name.isupper():
        return name
    for m in re.finditer(re.escape(name), text, re.IGNORECASE):
        if not m.group().isupper():
            return m.group()
    return name.title()


_OFFICE_OF: Final = re.compile(
    r"\b(?:president|prime\s+minister|king|queen|leader|government|embassy|ambassador|"
    r"minister|army|forces|citizens|people)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _not_where(text: str, begin: int, end: int) -> bool:
    """Whether a country is named as someone's ("the president of X"), as one side of a
    war ("the X–Y War") or as a noun's modifier ("killing 19 U.S. airmen"), not as where
    the event happened.

    >>> text = "a visit by the president of Chad to Mali during the Iran–Iraq War"
    >>> _not_where(text, 28, 32), _not_where(text, 36, 40), _not_where(text, 52, 56)
    (True, False, True)
    >>> text = "killing 19 U.S. airmen in Mali yesterday"
    >>> _not_where(text, 11, 15), _not_where(text, 26, 30)
    (True, False)
    >>> text = "at Tala, near the border with Chad"
    >>> _not_where(text, 30, 34)
    True
    """
    return (
        _OFFICE_OF.search(text, max(0, begin - 40), begin) is not None
        or _BORDER_WITH.search(text, max(0, begin - 40), begin) is not None  # a neighbour
        or re.match(r"[–—-]\w", text[end : end + 2]) is not None
        or (
            _MODIFIED.match(text, end) is not None
            and (
                _LOCATIVE_BEFORE.search(text, max(0, begin - 12), begin) is None
                or _compound(text, end)
            )
        )
    )


def _compound(text: str, end: int) -> bool:
    """Whether the parse makes the name ending at ``end`` a compound of a noun after it,
    though a locative word stands before the name: "outside the Turkey embassy" is at an
    embassy of Turkey, not in Turkey.

    >>> text = "Gunmen fired outside the Turkey embassy in Tunis on Monday."
    >>> _compound(text, text.index(" embassy")), _compound(text, text.index(" on Monday"))
    (True, False)
    """
    last = next((t for t in parse(text) if t.idx + len(t.text) == end), None)
    return (
        last is not None
        and last.dep_ == "compound"
        and last.head.i > last.i
        and last.head.idx >= end
    )


_BORDER_WITH: Final = re.compile(
    r"\b(?:border|borders|frontier|boundary|line)\s+with\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""A neighbour named by the border the event was near ("near the armistice line with X")."""

_MODIFIED: Final = re.compile(
    r"\s+(?!(?:about|across|after|against|along|among|around|as|at|before|behind|between|"
    r"beyond|by|during|for|from|in|inside|into|near|of|off|on|outside|over|since|through|"
    r"throughout|to|toward|towards|under|until|via|with|within|without|and|or|nor|but|so|"
    r"that|which|who|where|when|while|yesterday|today|tonight|last|this|earlier|later|"
    r"was|were|is|are|had|has|have|said|says)\b)[a-z]"
)
"""A lower-case word (not a linking word or verb) right after a country: it modifies a
noun ("U.S. airmen")."""

_LOCATIVE_BEFORE: Final = re.compile(
    r"\b(?:in|at|near|inside|outside|across|throughout|into)\s+(?:the\s+)?$", re.IGNORECASE
)


def _span(sentence: Sentence, begin: int, end: int) -> Span:
    span = sub_span(sentence.span, begin, end)
    line = sentence.span.line + sentence.text.count("\n", 0, begin)
    return Span(span.begin, span.end, span.text, line)
