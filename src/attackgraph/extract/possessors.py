"""Whose office, whose family: a source named by a possessive pronoun ("his office
said", "her family said").

The pronoun refers to the nearest person before it: one named in the same sentence
(a PERSON entity of the parse's recogniser) or the last person quoted. What is
possessed names the source with that person's name - "Martin Richard's family" - or,
for what belongs to a post rather than to a person (an office, a spokesman), with the
post an apposition gave the person: "the Istanbul governor, Vasip Şahin, ... his
office" is the "Istanbul governor's office".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from attackgraph.extract.anaphora import PERSON_ROLES
from attackgraph.extract.nlp import entities

__all__ = ["POSSESSED", "ministry_of", "nearest_person", "possessed_source"]

POSSESSED: Final = frozenset(
    """
    office family relatives lawyer lawyers parents widow spokesman spokeswoman spokesperson
    campaign aides report statement account testimony findings book memoir letter message
    estimate count figures
    """.split()
)
"""What a person has that can speak for them, or that they wrote or said."""

_OWN_WORDS: Final = frozenset(
    "report statement account testimony findings book memoir letter message estimate count "
    "figures".split()
)
"""What a person wrote or said: "her report found" is her finding."""

_OF_THE_POST: Final = frozenset("office spokesman spokeswoman spokesperson aides".split())
"""What belongs to the post a person holds rather than to the person."""

_SENTENCE_START: Final = re.compile(r"(?:^|[.!?]\s+|\n)(?=[^.!?\n]*$)")


def possessed_source(
    text: str,
    at: int,
    noun: str,
    last_person: tuple[int, str] | None,
    spans: Sequence[tuple[int, int]] = (),
) -> str | None:
    """The name of "his/her {noun}" at ``at``, or ``None`` when no person precedes it.

    ``last_person`` is (offset, name) of the last person quoted before ``at``; ``spans``
    are the sentences just before the current one, whose people count too.

    >>> t = "A boy, Ian Lowe, was among the dead, his family said."
    >>> possessed_source(t, t.index("his family"), "family", None)
    "Ian Lowe's family"
    >>> t = "The Kisumu governor, Ada Obi, gave a toll. Later her office said 9 died."
    >>> possessed_source(t, t.index("her office"), "office", (21, "Ada Obi"))
    "Kisumu governor's office"
    >>> possessed_source(t, t.index("her office"), "report", (21, "Ada Obi"))
    'Ada Obi'
    """
    found = _nearest(text, at, last_person, spans)
    if found is None:
        return None
    where, person = found
    if noun in _OWN_WORDS:
        return person
    owner = _post(text, where, person) if noun in _OF_THE_POST else None
    return f"{owner or person}'s {noun}"


_MINISTER_BEFORE: Final = re.compile(
    r"\b(?:[Tt]he\s+)?((?:[A-Za-z]+\s+){1,2}?)[Mm]inister(?:,\s+|\s+)$"
)


def ministry_of(
    text: str,
    at: int,
    last_person: tuple[int, str] | None,
    spans: Sequence[tuple[int, int]] = (),
) -> str | None:
    """The ministry "his ministry" at ``at`` names: that of the post of the person it
    refers to, when a "{topic} minister" title stands before the person's name.

    >>> t = "Defence Minister Ana Ruiz gave a toll of 9. Later her ministry said 11."
    >>> ministry_of(t, t.index("her ministry"), None, [(0, 44)])
    'defence ministry'
    >>> t = "The interior minister, Omar Lindqvist, spoke. His ministry said 4."
    >>> ministry_of(t, t.index("His ministry"), None, [(0, 46)])
    'interior ministry'
    >>> ministry_of("Ana Ruiz spoke. Her ministry said 4.", 16, None, [(0, 15)]) is None
    True
    """
    found = _nearest(text, at, last_person, spans)
    if found is None:
        return None
    title = _MINISTER_BEFORE.search(text, _title_start(text, found[0]), found[0])
    if title is None:
        return None
    topic = title.group(1).strip().lower()
    return f"{topic} ministry" if topic not in ("prime", "the") else None


def nearest_person(
    text: str,
    at: int,
    last_person: tuple[int, str] | None,
    spans: Sequence[tuple[int, int]] = (),
) -> str | None:
    """The person "he" or "she" at ``at`` refers to: the last one named before it in its
    sentence or the sentences ``spans`` just before (a PERSON entity of two words or
    more), or the last person quoted, whichever comes later.

    >>> t = "Sarah Mitchell hid in the garden. She later said six had died."
    >>> nearest_person(t, t.index("She"), None, [(0, 33)])
    'Sarah Mitchell'
    """
    found = _nearest(text, at, last_person, spans)
    return found[1] if found is not None else None


def _nearest(
    text: str, at: int, last_person: tuple[int, str] | None, spans: Sequence[tuple[int, int]]
) -> tuple[int, str] | None:
    sentences = [span for span in spans if span[0] < at]
    if not any(b <= at <= e for b, e in sentences):  # no sentence given holds ``at``
        start = _SENTENCE_START.search(text, _last_sentence_end(text, at), at)
        sentences.append((start.end() if start is not None else 0, at))
    named = [
        (b + e.begin, e.text)
        for b, stop in sentences  # whole sentences: the recogniser's answers are cached
        for e in entities(text[b:stop])
        if e.label == "PERSON" and len(e.text.split()) >= 2 and b + e.end <= at
    ]
    candidates = named + ([last_person] if last_person is not None else [])
    return max(candidates) if candidates else None


def _last_sentence_end(text: str, at: int) -> int:
    """Where a search for :data:`_SENTENCE_START` in ``text[:at]`` can start and find
    what a search from 0 finds: the match ends after the last ``.``, ``!``, ``?`` or
    newline before ``at`` (else it is the start; a newline right before ``at`` does not
    count: ``$`` matches before it), so it starts at or after the stop
    right before the run of white space that holds or follows that last one. The text
    before ``at`` is read backwards in growing windows, not from its start.

    >>> text = "One. Two!  \\n Three"
    >>> _last_sentence_end(text, len(text)), _last_sentence_end("No stop", 7)
    (8, 0)
    """
    if at > 0 and text[at - 1] == "\n":
        at -= 1  # ``$`` also matches before a newline that ends the text
    window = 256
    while True:
        lo = max(0, at - window)
        last = max(text.rfind(stop, lo, at) for stop in ".!?\n")
        if last >= 0 or lo == 0:
            break
        window *= 4
    if last < 0:
        return 0
    while last > 0 and text[last - 1].isspace():
        last -= 1
    return max(0, last - 1)


def _post(text: str, before: int, person: str) -> str | None:
    """The post an apposition gives ``person`` ("the Istanbul governor, Vasip Şahin"),
    read from the text up to ``before`` plus the name."""
    limit = before + len(person) + 1
    if person and not _after_comma(text, person, limit):
        return None  # what the pattern needs is nowhere: no scan of the text before
    roles = "|".join(sorted(PERSON_ROLES))
    found = list(
        re.finditer(
            rf"\b(?:[Tt]he|[Aa]n?)\s+((?:[\w'’-]+\s+){{0,3}}(?:{roles})),\s+{re.escape(person)}\b",
            text[:limit],
        )
    )
    return found[-1].group(1) if found else None


def _after_comma(text: str, person: str, limit: int) -> bool:
    """Whether ``person`` is written somewhere in ``text[:limit]`` after a comma and white
    space (", Vasip Şahin"), as every apposition :func:`_post` reads ends.

    >>> _after_comma("The governor, Ana Ruiz, spoke.", "Ana Ruiz", 30)
    True
    >>> _after_comma("Governor Ana Ruiz spoke. Ruiz, Ana", "Ana Ruiz", 34)
    False
    """
    at = text.find(person, 0, limit) if person else -1
    while at >= 0:
        k = at
        while k > 0 and text[k - 1].isspace():
            k -= 1
        if k < at and k > 0 and text[k - 1] == ",":
            return True
        at = text.find(person, at + 1, limit)
    return False


def _title_start(text: str, end: int) -> int:
    """Where a match of :data:`_MINISTER_BEFORE` ending at ``end`` can start at the
    earliest: after the last character before ``end`` that it cannot hold (it holds only
    ASCII letters, white space and commas), so that the search reads the words before
    a name, not the whole text before it.

    >>> _title_start("Police said. The interior minister, Ada", 36)
    12
    """
    k = end
    while k > 0 and (
        ("a" <= text[k - 1] <= "z")
        or ("A" <= text[k - 1] <= "Z")
        or text[k - 1] in ", "
        or text[k - 1].isspace()
    ):
        k -= 1
    return k
