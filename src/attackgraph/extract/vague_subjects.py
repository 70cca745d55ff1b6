"""People counted by "some", "others" or "most" as the subject of a casualty verb.

"Some children were killed", "some of the defenders were captured", "and others were
wounded", "most of the garrison was killed": a vague amount (no number, ``approximate``),
which the corpus conventions record like "several" or "dozens". Only at the start of a
clause ("and 40 others were wounded" counts the 40) and with a passive verb of the
casualty lexicon: "some of the injured died" and "most of those who died" restate a toll,
and "were killed or wounded" is no one outcome. The quantity words
(:mod:`~attackgraph.extract.numbers`) do not read "some", "others" or "most" as amounts
anywhere else: "some 30" is about 30, "some said" and "most of the year" count nobody.
"""

from __future__ import annotations

import re
from typing import Final

from attackgraph.extract.amount_record import Amount
from attackgraph.extract.vocabulary import DEATH_STATES, PASSIVE_OUTCOMES
from attackgraph.extract.word_match import alternatives, group_match
from attackgraph.model import Outcome, Quantity

__all__ = ["vague_subjects"]

_OUTCOMES: Final[dict[str, Outcome]] = {**PASSIVE_OUTCOMES, **DEATH_STATES}

_VAGUE_SUBJECT: Final = re.compile(
    r"(?<![\w'’-])(?P<q>[Ss]ome|[Oo]thers|[Mm]ost)"
    r"(?P<words>\s+of\s+(?:the|those|them|whom|its|their|his|her)\b[^,;:.()\d]{0,60}?"
    r"|(?:\s+[a-z][\w-]*){0,3}?)"
    r"\s+(?:were|was|had\s+been|have\s+been|has\s+been)\s+"
    r"(?:(?:\w+ly|also|later|then|themselves|subsequently|eventually)\s+){0,2}"
    rf"(?P<verb>{alternatives(_OUTCOMES)})\b(?!\s+or\s)"
)
"""The quantity word, the words naming the people, the verb (no alternative after it)."""
_CLAUSE_START: Final = re.compile(r"(?:^|[.!?,;:(]|\b(?:and|but|while|whereas))\s*$")

_NOT_PEOPLE: Final = re.compile(
    r"\b(?:time|times|years?|months?|weeks?|days?|hours?|money|damage|property|houses?|"
    r"buildings?|vehicles?|cars?|aircraft|equipment|said|says|say|told|think|thought|"
    r"believe|believed|claim|claimed|reported|feared|suggest|suggested)\b"
)
"""Words after the quantity word that name no people ("most of the buildings were
burned", "some time later") or make it the speaker ("some said the guards were
killed")."""


def vague_subjects(text: str, begin: int, end: int, amounts: list[Amount]) -> list[Amount]:
    """The vague amounts "some", "others", "most" in ``text[begin:end]`` that are the
    subject of a casualty verb, unless one of ``amounts`` lies within their words.
    Never raises.

    >>> t = "Some children were shot dead, and others were wounded."
    >>> [(t[a.begin : a.extent], a.outcome) for a in vague_subjects(t, 0, len(t), [])]
    [('Some children were shot dead', 'killed'), ('others were wounded', 'injured')]
    >>> vague_subjects("Some 30 people were killed.", 0, 27, [])
    []
    """
    found: list[Amount] = []
    for m in _VAGUE_SUBJECT.finditer(text, begin, end):
        clause = m.start() == begin or _CLAUSE_START.search(
            text, max(begin, m.start() - 12), m.start()
        )
        if not clause:
            continue  # "40 others were wounded", "whether some were captured"
        if _NOT_PEOPLE.search(m["words"]) or any(m.start() <= a.begin < m.end() for a in amounts):
            continue
        vague = Amount(Quantity(None, None, None, True, m["q"]), *m.span("q"), m.end())
        vague.outcome, vague.own = _OUTCOMES[" ".join(m["verb"].split())], True
        group = group_match(m["words"])
        vague.group = (group[0], None) if group is not None else ("total", None)
        found.append(vague)
    return found
