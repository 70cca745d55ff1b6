"""What a stretch of prose is about: the main event, one of its sites, or another incident.

Figures about an earlier siege or a retaliatory air strike must never count for the
main event, so :class:`Aboutness` sends them to separate events. The rules are
conservative, checked in this order for the stretch a claim is read from:

1. **Background section** (heading "Background", "Prelude", "History", "Context",
   "Origins", "Previous/Earlier attacks"): a background incident. A sentence with an
   incident noun ("siege", "ambush", "attack" ...) or a date before the main event
   opens a new one; later sentences of the same paragraph stay with it ("In the
   siege, ..."); without any, the paragraph's generic background incident.
2. **Separate incident**: "a separate incident/attack", "another attack".
3. **Earlier in time**: "hours/days/weeks before", "the previous day", "an earlier
   attack", or a date in the stretch that ends before the main event starts ("In
   March 2022" for an event of April 2022; a month named without a year, "in June",
   takes the main event's year).
4. **Follow-up**: "in response", "in retaliation", "retaliatory", "reprisal(s)",
   "air strike(s)", "(days/weeks) later" - only in an "Aftermath"/"Reactions"/
   "Response" section or together with a date after the main event.
5. **Site**: the stretch names exactly one site of the main event ("Sevare" matches
   "Sévaré": accents and case are ignored) - that sub-event.
6. Otherwise the main event.

An incident is an :class:`~attackgraph.model.EventRecord` of kind ``INCIDENT``, keyed
by the slug of its name. Its name is built from the incident noun and the
first capitalised place after "in", "at", "of", "near" (else "on", "against", "to"
as "of": "laid siege to Moura"):
"Siege of Moura", "Airstrikes in Douentza and Ténenkou"; without a place,
"{title}: earlier incident", "{title}: follow-up airstrikes". Its date is the date
read with it; its type comes from :func:`~attackgraph.extract.mapping.event_types`.
The link to the main event is reported by :meth:`Aboutness.relations`; ``extract``
adds it to the incident's ``related`` events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

from attackgraph.extract.dates import find_dates
from attackgraph.extract.mapping import event_types
from attackgraph.extract.sentences import Sentence
from attackgraph.identifiers import slugify
from attackgraph.model import (
    DatePrecision,
    DateRange,
    DateValue,
    EventClass,
    EventKind,
    EventRecord,
)
from attackgraph.reference.lexicon import MONTH_NUMBERS
from attackgraph.reference.names import name_key

__all__ = ["Aboutness", "Incident", "IncidentRelation"]

IncidentRelation = Literal["background", "separate", "follow-up"]
"""How an incident the prose reports stands to the main event."""

BACKGROUND_SECTIONS: Final = re.compile(
    r"^(?:background|prelude|history|context|origins?|precedents?|"
    r"(?:previous|earlier|prior) (?:attacks|incidents))\b",
    re.IGNORECASE,
)
AFTERMATH_SECTIONS: Final = re.compile(
    r"^(?:aftermath|reactions?|responses?|consequences|follow-up|retaliation)\b", re.IGNORECASE
)
_INCIDENT_NOUNS: Final = (
    "siege", "ambush", "massacre", "bombing", "raid", "airstrikes", "airstrike", "air strikes",
    "air strike", "strikes", "strike", "battle", "shooting", "attack", "attacks", "assault",
    "offensive", "clashes", "clash", "operation", "killings", "abduction", "kidnapping",
)  # fmt: skip
_VERB_NOUNS: Final = {
    "ambushed": "ambush", "attacked": "attack", "bombed": "bombing", "raided": "raid",
    "besieged": "siege", "struck": "attack", "stormed": "assault", "shelled": "attack",
}  # fmt: skip
_NOUNS: Final = sorted([*_INCIDENT_NOUNS, *_VERB_NOUNS], key=len, reverse=True)
_NOUN_RE: Final = re.compile(rf"\b(?:{'|'.join(_NOUNS)})\b", re.IGNORECASE)
_MAIN_REFERENCE: Final = re.compile(
    r"\b(?:before|after|since|during|of|in|on|by|to|for)\s+(?:the|this|that)\s+(?:\w+\s+)?$", re.I
)
_SEPARATE: Final = re.compile(
    r"\b(?:a\s+separate\s+(?:incident|attack|ambush|raid|clash)|another\s+(?:attack|ambush|raid))\b",
    re.IGNORECASE,
)
_EARLIER: Final = re.compile(
    r"\b(?:(?:hours|days|weeks|months|a\s+day|a\s+week|a\s+month|the\s+day|the\s+night)\s+"
    r"(?:before|earlier|prior)|the\s+previous\s+(?:day|week|month|year)|an?\s+(?:earlier|previous|"
    r"prior)\s+(?:attack|raid|ambush|massacre|incident))\b",
    re.IGNORECASE,
)
_FOLLOW_UP: Final = re.compile(
    r"\b(?:in\s+response|in\s+retaliation|retaliat\w*|reprisals?|air\s?strikes?|air\s+raids?|"
    r"(?:days|weeks|months|a\s+week|a\s+month)\s+later)\b",
    re.IGNORECASE,
)
_MONTH_ONLY: Final = re.compile(
    rf"\b(?:in|since|during|from|until)\s+(?:(?:early|mid|late)[\s-]+)?"
    rf"({'|'.join(m for m in MONTH_NUMBERS if len(m) > 3)})\b(?!\s+\d)",
    re.IGNORECASE,
)
_PLACE: Final = re.compile(
    r"\b(?P<prep>in|at|of|near|on|against|to)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*)"
)


_IN_A_NAME: Final = re.compile(r"(?:\b[A-Z][\w'’-]*|\b(?:al|el)-\w+)\s$")
"""A capitalised word right before the preposition: "Qaeda in the Islamic Maghreb"."""


@dataclass
class Incident:
    """A background, separate or follow-up incident found in the prose."""

    key: str
    name: str
    relation: IncidentRelation
    noun: str | None
    date: DateRange | None
    used: bool = False


def _parts(value: DateValue) -> tuple[int, ...]:
    """(year, month, day) as far as the precision goes: "2022-03" -> (2022, 3)."""
    return tuple(int(p) for p in value.lexical.split("-"))


def _before(a: DateRange, b: DateRange) -> bool:
    """Whether ``a`` ends before ``b`` starts, compared at the coarser precision.

    >>> may = DateValue("2022-04-24", DatePrecision.DAY)
    >>> march = DateValue("2022-03", DatePrecision.MONTH)
    >>> _before(DateRange(march), DateRange(may)), _before(DateRange(may), DateRange(march))
    (True, False)
    >>> _before(DateRange(DateValue("2022", DatePrecision.YEAR)), DateRange(may))
    False
    """
    end, start = _parts(a.end or a.start), _parts(b.start)
    depth = min(len(end), len(start))
    return end[:depth] < start[:depth]


class Aboutness:
    """Decides what each stretch of prose is about (see the module docstring).

    Call :meth:`observe` for every sentence in order, :meth:`about` for each stretch a
    claim is read from. No method raises.

    >>> from attackgraph.extract.sentences import sentences
    >>> from attackgraph.parse import parse
    >>> doc = parse(b"= Raid on Tamba =\\n\\n== Background ==\\nIn March 2019, rebels laid "
    ...             b"siege to Doro. Ten died.\\n\\n== Attack ==\\nSix died in Tamba.\\n", "t.txt")
    >>> may = DateRange(DateValue("2019-05-12", DatePrecision.DAY))
    >>> about = Aboutness(doc.text, "main", "Raid on Tamba", may, {"Tamba": "Tamba"})
    >>> for s in sentences(doc):
    ...     about.observe(s)
    ...     print(about.about(s, s.span.begin, s.span.end))
    siege-of-doro
    siege-of-doro
    Tamba
    >>> [(e.name, e.date.start.lexical) for e in about.events() if e.date]
    [('Siege of Doro', '2019-03')]
    """

    def __init__(
        self,
        text: str,
        main_key: str,
        main_name: str,
        main_date: DateRange | None,
        sites: dict[str, str],
        avoid_places: tuple[str, ...] = (),
    ) -> None:
        self.text = text
        self.main_key = main_key
        self.main_name = main_name
        self.main_date = main_date
        self.sites = [(name_key(site), key) for site, key in sites.items()]
        self.avoid = {name_key(p) for p in avoid_places}
        self.incidents: dict[str, Incident] = {}
        self.block_incident: dict[int, str] = {}
        self._seen: dict[int, int] = {}

    def about(self, sentence: Sentence, begin: int, end: int, *, figures: bool = True) -> str:
        """The event key the stretch ``text[begin:end]`` of ``sentence`` is about.

        With ``figures=False`` (a statement without figures) only an incident the text
        names ("Siege of Moura") is used; otherwise the statement is about the main
        event or its site.
        """
        key = self._about(sentence, begin, end)
        incident = self.incidents.get(key)
        if incident is None:
            return key
        if not figures and incident.name.startswith(f"{self.main_name}: "):
            return self.site(begin, end) or self.main_key
        incident.used = True
        return key

    def _about(self, sentence: Sentence, begin: int, end: int) -> str:
        text = self.text
        whole = sentence.text
        date = self._date(begin, end)
        top = sentence.sections[0] if sentence.sections else ""
        if BACKGROUND_SECTIONS.match(top):
            self.observe(sentence)
            return self.block_incident[sentence.block]
        if _SEPARATE.search(whole):
            return self._incident(sentence, "separate", date)
        if _EARLIER.search(whole) or (date is not None and self._earlier(date)):
            return self._incident(sentence, "background", date)
        later = date is not None and self.main_date is not None and _before(self.main_date, date)
        if _FOLLOW_UP.search(text, begin, end) or _FOLLOW_UP.search(whole):
            if AFTERMATH_SECTIONS.match(top) or later:
                return self._incident(sentence, "follow-up", date if later else None)
        site = self.site(begin, end) or self.site(sentence.span.begin, sentence.span.end)
        return site or self.main_key

    def observe(self, sentence: Sentence) -> None:
        """Follow the incidents a background paragraph tells of (call for every sentence,
        in order): a sentence naming an incident with its place, or dated before the
        main event, opens a new one; the others stay with the paragraph's last one."""
        if not BACKGROUND_SECTIONS.match(sentence.sections[0] if sentence.sections else ""):
            return
        if self._seen.get(sentence.block, -1) >= sentence.span.begin:
            return
        self._seen[sentence.block] = sentence.span.begin
        span = sentence.span
        noun = self._noun(sentence)
        date = self._date(span.begin, span.end)
        named = noun is not None and self._place(sentence, noun[1]) is not None
        earlier = date is not None and self._earlier(date)
        if named or earlier or sentence.block not in self.block_incident:
            key = self._incident(sentence, "background", date if earlier else None)
            self.block_incident[sentence.block] = key

    def site(self, begin: int, end: int) -> str | None:
        """The sub-event key when ``text[begin:end]`` names exactly one site."""
        found = {key for site, key in self.sites if self._names(site, begin, end)}
        return found.pop() if len(found) == 1 else None

    def _names(self, key: str, begin: int, end: int) -> bool:
        return (
            re.search(rf"(?<![a-z0-9]){re.escape(key)}(?![a-z0-9])", name_key(self.text[begin:end]))
            is not None
        )

    def _earlier(self, date: DateRange) -> bool:
        return self.main_date is not None and _before(date, self.main_date)

    def _date(self, begin: int, end: int) -> DateRange | None:
        found = find_dates(self.text[begin:end])
        if found:
            return found[0][0]
        month = _MONTH_ONLY.search(self.text, begin, end)
        if month is not None and self.main_date is not None:
            number = MONTH_NUMBERS[month.group(1).lower()]
            year = int(self.main_date.start.lexical[:4])
            return DateRange(DateValue(f"{year:04d}-{number:02d}", DatePrecision.MONTH))
        return None

    def _own_date(self, sentence: Sentence, noun_end: int) -> DateRange | None:
        """The date of the incident's own clause: the last one written before its noun
        ("In March 2015 ..., and in August 2015 a siege" -> August 2015)."""
        before = [
            found
            for found, begin, _ in find_dates(self.text[sentence.span.begin : noun_end])
            if begin >= 0
        ]
        return before[-1] if before else None

    def _noun(self, sentence: Sentence) -> tuple[str, int] | None:
        title = set(self.main_name.lower().split())
        for m in _NOUN_RE.finditer(self.text, sentence.span.begin, sentence.span.end):
            if _MAIN_REFERENCE.search(self.text, sentence.span.begin, m.start()):
                continue
            if m.group().lower() in title and self.text.endswith("the ", 0, m.start()):
                continue  # "attributed the attack" in "Bardo National Museum attack"
            word = m.group().lower()
            return _VERB_NOUNS.get(word, word), m.end()
        return None

    def _incident(
        self, sentence: Sentence, relation: IncidentRelation, date: DateRange | None
    ) -> str:
        noun = self._noun(sentence)
        if noun is not None and date is not None:
            date = self._own_date(sentence, noun[1]) or date
        place = self._place(sentence, noun[1] if noun else sentence.span.begin)
        if noun is not None and place is not None:
            name = f"{noun[0].capitalize()} {place}"
        else:
            what = {"background": "earlier", "separate": "separate", "follow-up": "follow-up"}
            name = f"{self.main_name}: {what[relation]} {noun[0] if noun else 'incident'}"
        key = slugify(name)
        found = self.incidents.get(key)
        if found is None:
            self.incidents[key] = Incident(key, name, relation, noun[0] if noun else None, date)
        elif found.date is None and date is not None:
            found.date = date
        return key

    def _place(self, sentence: Sentence, start: int) -> str | None:
        best: tuple[int, str] | None = None
        for m in _PLACE.finditer(self.text, start, sentence.span.end):
            place = m.group("place")
            if name_key(place) in self.avoid or place.split()[0].lower() in MONTH_NUMBERS:
                continue
            if _IN_A_NAME.search(self.text, max(sentence.span.begin, m.start() - 40), m.start()):
                continue  # "al-Qaeda in the Islamic Maghreb" names a group, not a place
            prep = m.group("prep")
            rank = 0 if prep in ("in", "at", "of", "near") else 1
            if best is None or rank < best[0]:
                best = (rank, f"{'of' if prep == 'to' else prep} {place}")  # "siege to X"
        return best[1] if best is not None else None

    def events(self) -> tuple[EventRecord, ...]:
        """The incidents that some claim is about, as event records."""
        return tuple(
            EventRecord(
                key=i.key,
                name=i.name,
                event_class=EventClass.ATTACK if i.noun else EventClass.EVENT,
                kind=EventKind.INCIDENT,
                event_types=event_types(i.noun) if i.noun else (),
                date=i.date,
            )
            for i in self.incidents.values()
            if i.used
        )

    def relations(self) -> tuple[tuple[str, IncidentRelation, str], ...]:
        """(incident key, relation, main key) for every used incident."""
        return tuple((i.key, i.relation, self.main_key) for i in self.incidents.values() if i.used)
