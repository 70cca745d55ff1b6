"""Reading the casualty word tables of :mod:`attackgraph.extract.vocabulary` in text.

The tables say which words mean what; this module finds them: :func:`outcome_match`,
:func:`group_match`, :func:`implied_count`, :func:`party_and_label`,
:func:`equipment_spans` and :func:`non_casualty_match` read them the same way for
:mod:`attackgraph.extract.casualties` (infobox values) and
:mod:`attackgraph.extract.prose_figures` (prose); :func:`alternatives` makes a regex
alternation of any of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

from attackgraph.concepts import Outcome, PopulationGroup
from attackgraph.extract.vocabulary import (
    EQUIPMENT_WORDS,
    GROUP_WORDS,
    LABEL_STOPWORDS,
    NON_CASUALTY_WORDS,
    NOT_PARTY_WORDS,
    OUTCOME_WORDS,
    SEVERITY_WORDS,
    SINGULAR_GROUP_WORDS,
)


def alternatives(words: Iterable[str]) -> str:
    r"""A regex alternation of words or phrases, longest first, any spacing inside.

    >>> print(alternatives(["shot", "shot dead"]))
    shot\s+dead|shot
    """
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _phrases(words: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern for whole words or phrases, longest first."""
    alts = []
    for word in sorted(words, key=len, reverse=True):
        left = r"(?<![\w-])" if word[0].isalnum() else ""
        right = r"(?![\w-])" if word[-1].isalnum() else ""
        alts.append(left + re.escape(word) + right)
    return re.compile("|".join(alts), re.IGNORECASE)


LIST_SEPARATOR: Final = r"\s*,\s*(?:and\s+)?|\s+and\s+"
"""What parts the items of a list: a comma (with or without "and") or "and"."""
LIST_SPLIT: Final = re.compile(LIST_SEPARATOR)
"""Splits a list at :data:`LIST_SEPARATOR` ("Ada Obi, Ian Lowe and Tom Ray")."""

_OUTCOME_RE: Final = _phrases(OUTCOME_WORDS)
_GROUP_RE: Final = _phrases(GROUP_WORDS)
_EQUIPMENT_RE: Final = _phrases(EQUIPMENT_WORDS)
_NON_CASUALTY_RE: Final = _phrases(NON_CASUALTY_WORDS)
SEVERITY_RE: Final = _phrases(SEVERITY_WORDS)
"""Matches the :data:`SEVERITY_WORDS`."""
_IMPLIED_RE: Final = re.compile(
    rf"\s*\+?\s*(?:(?P<both>both\s+(?:{_GROUP_RE.pattern}))"
    rf"|(?:(?:the|a|an|one)\s+)?(?:{_phrases(SINGULAR_GROUP_WORDS).pattern}))",
    re.IGNORECASE,
)
_WORD_RE: Final = re.compile(r"(?<![\w'’.-])(?:\d+(?:st|nd|rd|th)\b|[^\W\d_][\w'’.-]*)")


def overlaps(begin: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether ``[begin, end)`` overlaps any of ``spans``."""
    return any(b < end and begin < e for b, e in spans)


def outcome_match(text: str) -> tuple[Outcome, int, int] | None:
    """The first outcome words in ``text``: (outcome concept, begin, end).

    >>> outcome_match("4 soldiers killed in action")
    ('killed', 11, 27)
    >>> outcome_match("2 taken hostage")[0], outcome_match("no outcome here")
    ('captured', None)
    """
    m = _OUTCOME_RE.search(text)
    return (OUTCOME_WORDS[m.group().lower()], m.start(), m.end()) if m else None


def group_match(
    text: str, taken: Iterable[tuple[int, int]] = (), end: int | None = None
) -> tuple[PopulationGroup, bool, int, int] | None:
    """The head group words of ``text[:end]`` outside ``taken``: the last ones, as in
    "Free Syrian Army fighters". Returns (concept, keep as label, begin, end).

    >>> group_match("1 Philippine coast guard killed")
    ('security-forces', True, 13, 24)
    >>> group_match("3 police officers")[:2], group_match("12 wounded")
    (('police', False), None)
    """
    spans = list(taken)
    found = [
        m for m in _GROUP_RE.finditer(text, 0, len(text) if end is None else end)
        if not overlaps(m.start(), m.end(), spans)
    ]  # fmt: skip
    if not found:
        return None
    concept, keep = GROUP_WORDS[found[-1].group().lower()]
    return concept, keep, found[-1].start(), found[-1].end()


def equipment_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names equipment or property ("2 MH-60 helicopters").

    >>> equipment_spans("1 helicopter damaged")
    [(2, 12)]
    """
    return list(_equipment_in(text))


@lru_cache(maxsize=4096)
def _equipment_in(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`equipment_spans`, remembered (a long document repeats its sentences)."""
    return tuple((m.start(), m.end()) for m in _EQUIPMENT_RE.finditer(text))


def non_casualty_match(text: str) -> bool:
    """Whether ``text`` states an outcome that is no casualty ("displaced", "destroyed").

    >>> non_casualty_match("tens of thousands displaced"), non_casualty_match("5 killed")
    (True, False)
    """
    return _NON_CASUALTY_RE.search(text) is not None


def implied_count(text: str) -> tuple[int, int, int] | None:
    """(count, begin, end) of a group named without a number at the start of ``text``:
    "the attacker", "a gunman", "perpetrator" are one, "both attackers" two.

    >>> implied_count("the attacker"), implied_count("both gunmen")
    ((1, 0, 12), (2, 0, 11))
    >>> implied_count("the attackers") is None
    True
    """
    m = _IMPLIED_RE.match(text)
    if m is None:
        return None
    return (2 if m["both"] else 1), m.start() + len(m.group()) - len(m.group().lstrip()), m.end()


def party_and_label(
    text: str,
    begin: int,
    end: int,
    taken: Iterable[tuple[int, int]],
    group: tuple[int, int] | None = None,
) -> tuple[str | None, str | None]:
    """(party, label) in ``text[begin:end]`` outside ``taken`` and the ``group`` words.

    The party is the first run of capitalised words ("US", "Nigerien"); capitalised
    group words join it ("Afghan National Army") but never make one alone
    ("Civilians"). The label is the first run of other lower-case words
    ("interpreter", "aid workers"), with a capitalised word just before it
    ("Russian contractors").

    >>> party_and_label("80 Russian contractors killed", 3, 22, [])
    ('Russian', 'Russian contractors')
    >>> party_and_label("4 Afghan Army soldiers killed", 2, 22, [], (14, 22))
    ('Afghan Army', None)
    """
    spans = list(taken)
    soft = [group] if group else []
    words = [
        m for m in _WORD_RE.finditer(text, begin, end)
        if not overlaps(m.start(), m.end(), spans)
        and not (overlaps(m.start(), m.end(), soft) and m.group().islower())
    ]  # fmt: skip
    party: list[tuple[int, int, bool]] = []
    label: list[tuple[int, int]] = []
    for k, m in enumerate(words):
        word = m.group().rstrip(".")
        joined = k > 0 and not text[words[k - 1].end() : m.start()].strip()
        grouped = overlaps(m.start(), m.end(), soft)
        if (word[0].isupper() or word[0].isdigit()) and word not in NOT_PARTY_WORDS:
            if not party or (party[-1][1] == words[k - 1].end() and joined):
                party.append((m.start(), m.end(), grouped))
        elif word.lower() not in LABEL_STOPWORDS and not word[0].isupper() and not grouped:
            if not label:
                before = party and joined and party[-1][1] == words[k - 1].end()
                label.append((party[0][0] if before else m.start(), m.end()))
            elif label[-1][1] == words[k - 1].end() and joined:
                label.append((m.start(), m.end()))
    if party and all(p[2] for p in party):
        party = []
    party_text = text[party[0][0] : party[-1][1]] if party else None
    label_text = text[label[0][0] : label[-1][1]] if label else None
    if label_text is not None and len(label_text.split()) > 4:
        label_text = None
    return party_text, label_text
