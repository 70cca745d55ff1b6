"""Named people killed, hurt, arrested or taken: counts written as names, not numbers.

Prose often counts victims by naming them: "Ilse Marten was arrested in May", "Tomas
Varga and Ada Obi were killed", "police detained Jonas Peltz". :func:`named_victims`
finds such phrases in one stretch of text and counts the names (one each):

- a name, or names joined by commas and "and", as the subject of a passive outcome verb
  or of "died" ("Tomas Varga, a local guide, was shot dead"; "A and B were captured"),
  with adverbs between ("was later arrested");
- a name, or names, right after an active outcome verb ("police arrested Jonas Peltz");
- a name the text gives the youngest or oldest of the dead (:func:`youngest_victims`:
  "the youngest victim, Ana Ruiz, was six").

A name is two to five capitalised words, or one word that the text has already used as
the last word of a longer name (a surname: "Varga" after "Tomas Varga"). Words that name a
group, a country or a nationality, a place or a date ("Police", "Kenyan", "Camp
Alpha", "Monday") are no name; nor is a name the sentence quotes as a speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from attackgraph.extract.vocabulary import (
    CASUALTY_VERBS,
    DEATH_STATES,
    PASSIVE_OUTCOMES,
    verb_forms,
)
from attackgraph.extract.word_match import LIST_SEPARATOR, alternatives
from attackgraph.model import Outcome
from attackgraph.reference.countries import country_code, demonym_countries

__all__ = ["DIED_AFTER", "NamedVictims", "listed_victims", "named_victims", "youngest_victims"]

_TOKEN: Final = r"(?:[A-Z][\w'’-]*|(?:al|el)-[A-Z][\w'’-]*)"
_PARTICLE: Final = r"(?:bin|ibn|al|el|de|del|della|van|von|der|da|dos|du|la|le)"
_NAME: Final = rf"{_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_TOKEN}){{0,4}}"
_NAMES: Final = rf"{_NAME}(?:\s*,\s*(?:and\s+)?{_NAME}|\s+and\s+{_NAME})*"
_ADVERBS: Final = r"(?:(?:[a-z]+ly|also|later|then|soon|both|all|himself|herself)\s+){0,2}"

_PASSIVE_VERBS: Final[dict[str, Outcome]] = {
    **PASSIVE_OUTCOMES, **DEATH_STATES,
    "shot and killed": "killed", "shot and wounded": "injured",
}  # fmt: skip
_ACTIVE_VERBS: Final[dict[str, Outcome]] = {
    verb_forms(lemma)[0]: outcome
    for lemma, outcome in CASUALTY_VERBS.items()
    if outcome != "injured" and (" " not in lemma or lemma in ("shoot dead", "gun down"))
}
"""Verbs whose object names the victims ("police detained Jonas Peltz"); not "wounded",
which also opens a noun phrase ("the wounded Ari Sen")."""


_PASSIVE: Final = re.compile(
    rf"(?<![\w'’-])(?P<names>{_NAMES})(?:,[^,;()]{{3,90}},|,)?\s+"
    rf"(?:(?:was|were|had\s+been|has\s+been|have\s+been)\s+{_ADVERBS}"
    rf"(?P<verb>{alternatives(_PASSIVE_VERBS)})|(?:had\s+|has\s+)?{_ADVERBS}(?P<died>died)"
    r"|(?:was|were)\s+(?:shot|hit|struck|wounded|found|taken)\b[^.;]{0,60}?\s+and\s+"
    rf"(?:(?:was|were)\s+)?{_ADVERBS}(?P<then>{alternatives(_PASSIVE_VERBS)}|died)"
    r"|(?:was|were)\s+(?P<among>among\s+the\s+(?:[a-z]+\s+){0,2}?(?:killed|dead)))\b"
)
_ACTIVE: Final = re.compile(
    rf"\b(?P<verb>{alternatives(_ACTIVE_VERBS)})\s+"
    rf"(?P<names>{_NAMES})(?![\w'’-])(?!\s+(?:of|and)\s+[a-z])"
)
_OBJECT_OF: Final = re.compile(
    r"\b(?:of|to|with|for|by|from|about|against|behind|near|like|than|between)\s+"
    r"(?:(?:the|a|an|its|their|his|her)\s+)?(?:[\w-]+-[\w-]+\s+)?$"
)
_FATALLY: Final = re.compile(r"\b(?:fatally|mortally)\b")
DIED_AFTER: Final = re.compile(
    r"[^.;]{0,150}?(?:,\s*|\s+)and\s+"
    r"(?:(?:later|also|subsequently|then|eventually|\w+ly)\s+){0,2}died\b"
)
"""The same person's death later in the clause ("was gravely wounded and died in
hospital", "was badly hurt when he fell and later died"): one killed, not hurt."""

_NOT_NAME: Final = frozenset(
    """
    The A An In On At By For From With As It He She They We His Her Its Their This That
    These Those Both All Some Many Several Most One Two Three Four Five Six Seven Eight
    Nine Ten Others Another Other No None After Before During When While Then Later
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December
    Police Army Troops Soldiers Forces Force Ministry Government Group Brigade Battalion
    Regiment Front State Council Court Hotel Airport Camp Fort Base Station Street Road
    Mount Lake River Village Town City District Province Region Islamic Al-Qaeda Taliban
    President Minister General Colonel Captain Lieutenant Sergeant Major Commander Officer
    University School College Hospital Church Mosque Embassy Office Department Agency
    Party Movement Union Committee Commission Service Services Guard Navy Air Marines
    """.split()
)
"""Words that show a capitalised run is no person's name (or that open a sentence)."""

_TITLES: Final = frozenset(
    """
    President Minister General Colonel Captain Lieutenant Sergeant Major Commander Officer
    Dr Mr Mrs Ms Sheikh Imam Bishop Father Judge Governor Senator Ambassador Corporal
    Private Bombardier Inspector Superintendent Constable
    """.split()
)
"""Titles that may open a name ("Lieutenant Mark Lange"): dropped, never the name."""


@dataclass(frozen=True)
class NamedVictims:
    """Names counted as victims: offsets of the names, how many, the outcome, where the
    phrase ends and where an active verb before the names starts (else -1)."""

    begin: int
    end: int
    count: int
    outcome: Outcome
    extent: int
    lead: int = -1


def named_victims(text: str, begin: int, end: int) -> list[NamedVictims]:
    """Named victims in ``text[begin:end]`` (see the module docstring). Never raises.

    >>> t = "Tomas Varga and Ada Obi were later killed, and police detained Jonas Peltz."
    >>> [(t[v.begin : v.end], v.count, v.outcome) for v in named_victims(t, 0, len(t))]
    [('Tomas Varga and Ada Obi', 2, 'killed'), ('Jonas Peltz', 1, 'arrested')]
    >>> t = "Mali's army was killed. Lieutenant Ari Sen, the pilot, was captured."
    >>> [(t[v.begin : v.end], v.outcome) for v in named_victims(t, 0, len(t))]
    [('Ari Sen', 'captured')]
    """
    found: list[NamedVictims] = []
    for m in _PASSIVE.finditer(text, begin, end):
        if _OBJECT_OF.search(text, max(0, m.start() - 40), m.start()):
            continue  # "friends of Ari Sen were arrested": not Ari Sen
        if m["died"] and _natural_death(text, begin, m.start(), m.end()):
            continue  # "Kiram died in Manila in October 2013": no casualty
        verb = m["verb"] or (m["then"] if m["then"] != "died" else None)
        outcome = _PASSIVE_VERBS[" ".join(verb.split())] if verb else "killed"
        if outcome == "injured" and (
            _FATALLY.search(text, m.end("names"), m.end()) or DIED_AFTER.match(text, m.end(), end)
        ):
            outcome = "killed"  # "was fatally wounded", "was wounded and died in hospital"
        names = _names(text, m.start("names"), m.end("names"))
        if names is not None:
            found.append(NamedVictims(names[0], names[1], names[2], outcome, m.end()))
    for m in _ACTIVE.finditer(text, begin, end):
        outcome = _ACTIVE_VERBS[" ".join(m["verb"].split())]
        names = _names(text, m.start("names"), m.end("names"))
        if names is not None:
            found.append(NamedVictims(names[0], names[1], names[2], outcome, m.end(), m.start()))
    return sorted(found, key=lambda v: v.begin)


_ONLY_WHEN_AND_WHERE: Final = re.compile(
    r"(?:\s+(?:in|on|at)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*|\d{1,4})(?:\s+(?:[A-Z][\w'’.-]*|\d{1,4}))*)+"
    r"\s*(?:[.;]|$)"
)
_VIOLENCE: Final = re.compile(
    r"\b(?:wound\w*|injur\w*|hurt|coma|hospital|attack\w*|bomb\w*|blast|explosion|shot|gun\w*|"
    r"shooting|fire|fight\w*|kill\w*|violen\w*|massacre|siege|raid)\b",
    re.IGNORECASE,
)


def _natural_death(text: str, begin: int, start: int, died: int) -> bool:
    """Whether "X died" says only when and where ("died in Manila in October 2013",
    "died in 2021"), in a sentence that names no violence: a death, not a casualty."""
    if _ONLY_WHEN_AND_WHERE.match(text, died) is None:
        return False
    return _VIOLENCE.search(text, max(begin, start - 200), died) is None


def _names(text: str, begin: int, end: int) -> tuple[int, int, int] | None:
    """(begin, end, count) of the names that end ``text[begin:end]``: the longest run of
    person names at its end, with opening words and titles dropped from the first one
    ("On Monday Lieutenant Ari Sen" -> "Ari Sen"); ``None`` when there is none."""
    pieces = [
        (m.start(), m.end()) for m in re.finditer(r"[^,]+?(?=\s*,|\s+and\s+|$)", text[begin:end])
    ]
    kept: list[tuple[int, int]] = []
    for b, e in reversed(pieces):
        piece = text[begin + b : begin + e].strip()
        piece = re.sub(r"^and\s+", "", piece)
        words = piece.split()
        while len(words) > 1 and (words[0] in _NOT_NAME or words[0].rstrip(".") in _TITLES):
            words = words[1:]
        name = " ".join(words)
        if not _is_person(text, begin, name):
            break
        kept.append((text.index(words[0], begin + b), begin + e))
        if len(words) < len(piece.split()):
            break  # opening words or a title: the list starts here
    if not kept:
        return None
    return kept[-1][0], end, len(kept)


def _is_person(text: str, before: int, name: str) -> bool:
    tokens = name.split()
    if any(t in _NOT_NAME or t.rstrip(".") in _TITLES for t in tokens):
        return False
    if country_code(name) or any(demonym_countries(t) for t in tokens):
        return False
    if len(tokens) >= 2:
        return len(tokens) <= 5
    surname = re.compile(rf"[A-Z][\w'’-]+\s+{re.escape(tokens[0])}(?![\w'’-])")
    return surname.search(text, 0, before) is not None


_KIN: Final = r"(?:mother|father|wife|husband|son|daughter|brother|sister|child|fiancée?|partner)"
_ONE_WORDS: Final = (
    r"(?:(?:[Aa]n?|[Oo]ne)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+"
    rf"|(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w'’-]+\s+){{0,2}}?{_KIN})"
)
_LIST: Final = rf"{_ONE_WORDS}(?:(?:{LIST_SEPARATOR}){_ONE_WORDS})+"
_AMONG: Final = r"(?P<noun>dead|victims|killed|wounded|injured)"
_LISTED: Final = (
    re.compile(rf"\b[Aa]mong\s+the\s+{_AMONG}\s+(?:were|was)\s+(?:also\s+)?(?P<list>{_LIST})"
               r"(?=\s*[,;.]|\s*$)"),
    re.compile(rf"(?<![\w'’-])(?P<list>{_LIST})\s+(?:were|was)\s+(?:also\s+)?among\s+the\s+"
               rf"(?:[a-z]+\s+)?{_AMONG}\b"),
    re.compile(rf"(?<![\w'’-])(?P<list>{_LIST})\s+(?:were|was)\s+{_ADVERBS}"
               r"(?P<noun>killed|wounded|injured)\b"),
)  # fmt: skip


def listed_victims(text: str, begin: int, end: int) -> list[NamedVictims]:
    """People listed one by one with "a", "an" or "one" among the dead or wounded: one
    count of them all ("Among the dead were a guard and an interpreter": 2). Never raises.

    >>> t = "Among the dead were a guard, a driver and an interpreter."
    >>> [(t[v.begin : v.end], v.count, v.outcome) for v in listed_victims(t, 0, len(t))]
    [('a guard, a driver and an interpreter', 3, 'killed')]
    """
    found: list[NamedVictims] = []
    for pattern in _LISTED:
        for m in pattern.finditer(text, begin, end):
            count = len(
                re.findall(
                    r"(?:^|,\s*|\band\s+)(?:[Aa]n?|[Oo]ne|[Hh]is|[Hh]er|[Tt]heir)\s", m["list"]
                )
            )
            outcome: Outcome = "injured" if m["noun"] in ("wounded", "injured") else "killed"
            b, e = m.span("list")
            found.append(NamedVictims(b, e, count, outcome, m.end()))
    return sorted(found, key=lambda v: v.begin)


_YOUNGEST: Final = re.compile(
    r"(?<![\w'’-])[Tt]he\s+(?:youngest|oldest)"
    r"(?P<of>\s+(?:victim|of\s+the\s+(?:dead|victims)|of\s+those\s+killed))?"
    rf",\s+(?P<name>{_NAME}),"
)
_HURT_OR_DEAD: Final = re.compile(
    r"\b(?P<dead>dead|died|killed|victims?|bodies|deaths?|murdered)\b"
    r"|\b(?:wounded|injured|wounds?|injur(?:y|ies)|hurt|hospitals?|survivors?)\b"
)
"""Words that say whom a bare "the youngest" ranks: the dead, or the hurt."""


def youngest_victims(text: str, begin: int, end: int) -> list[NamedVictims]:
    """The youngest or the oldest of the dead, named ("The youngest victim, Ana Ruiz, was
    six"): one killed each. Never raises.

    >>> t = "The youngest of those killed, Ana Ruiz, was six; the oldest, Ivo Marek, was 80."
    >>> [(t[v.begin : v.end], v.count, v.outcome) for v in youngest_victims(t, 0, len(t))]
    [('Ana Ruiz', 1, 'killed'), ('Ivo Marek', 1, 'killed')]
    >>> youngest_victims("Nine were hurt. The youngest, Ana Ruiz, was six.", 16, 48)
    []
    """
    found: list[NamedVictims] = []
    for m in _YOUNGEST.finditer(text, begin, end):
        if m["of"] is None and not _of_the_dead(text, m.start()):
            continue  # "41 were admitted with wounds; the youngest, Ana Ruiz, ...": hurt
        names = _names(text, m.start("name"), m.end("name"))
        if names is not None and names[2] == 1:
            found.append(NamedVictims(names[0], names[1], 1, "killed", m.end("name")))
    return found


def _of_the_dead(text: str, at: int) -> bool:
    """Whether the last word before ``at`` (up to 300 characters back) that names the
    dead or the hurt names the dead."""
    words = list(_HURT_OR_DEAD.finditer(text, max(0, at - 300), at))
    return bool(words) and words[-1]["dead"] is not None
