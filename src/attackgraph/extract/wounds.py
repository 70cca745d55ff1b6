"""One person hurt or given up without a casualty verb of the lexicon.

Prose tells many single injuries by what hit the person or what they carried away:
"Dlamini was hit three times and survived", "the cook was struck in the face", "Okafor
escaped with severe burns", "the driver suffered serious burns"; and an arrest by the
person's own act: "Varga surrendered to police". :func:`wounded_ones` reads each as an
amount of 1 (injured, or arrested) for :func:`~attackgraph.extract.amounts.find_amounts`.

A person hit who dies in the same sentence is left to the death's readers. The person is
the subject: "he"/"she", a name, or an article or possessive with a person
noun ("a nurse", "his driver"), an apposition allowed after it ("The cook, Ada Mensah,
was hit"); "the bus was hit by a rocket" names nobody.
"""

from __future__ import annotations

import re
from typing import Final

from attackgraph.extract.amount_record import PERSON_NOUNS, Amount
from attackgraph.extract.one_person import person_noun
from attackgraph.model import Outcome, Quantity

__all__ = ["wounded_ones"]

_WHO: Final = (
    r"(?<![\w'’-])(?P<who>[Hh]e|[Ss]he"
    r"|(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Oo]ne)\s+(?:[a-z][\w'’-]*\s+){0,2}?(?P<noun>[a-z][\w-]*)"
    r"|(?P<name>[A-Z][\w'’-]+(?:[ ](?:[A-Z][\w'’-]*\.?|de|da|dos|van|von|al|el|bin)){0,4}))"
    r"(?:,\s+[^,;.]{2,60},)?\s+"
)
_WOUND_WORDS: Final = r"(?:burns|wounds|injuries|a\s+gunshot\s+wound|a\s+bullet\s+wound)"
_HURT: Final = re.compile(
    _WHO + r"(?:was\s+(?:\w+ly\s+|also\s+|later\s+)?(?P<verb>hit|struck|burned|burnt)\b"
    r"(?=\s+(?:in\s+(?:the|his|her)\b|\w+\s+times\b|twice\b|once\b|repeatedly\b|by\b|"
    r"and\s+survived\b|when\b|as\b)|\s*[,;.])"
    r"|(?P<carried>escaped|survived|emerged|was\s+pulled\s+out|was\s+rescued|was\s+left)"
    rf"\b[^,;.]{{0,30}}?\s+with\s+(?:(?:\w+ly\s+)?[\w-]+\s+)?{_WOUND_WORDS}"
    rf"|(?:suffered|sustained|received)\s+(?:[\w-]+\s+){{0,3}}?{_WOUND_WORDS}"
    r"|(?P<gave_up>surrendered|gave\s+(?:himself|herself)\s+up|turned\s+(?:himself|herself)"
    r"\s+in)\s+to\s+(?:the\s+)?(?:local\s+)?(?:police|authorities)\b)"
)
_DIED: Final = re.compile(r"[^.]*?\b(?:died|killed|fatally|mortally|death)\b")
"""A death later in the sentence ("was hit in the face; he died weeks later"): the person
hit is counted as killed, not hurt."""
_THING_BEFORE: Final = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[a-z][\w-]*\s+)?(?P<noun>[a-z][\w-]*)\s+$"
)
"""A common noun with an article right before a name: "the destroyer Peary" names a ship
unless the noun is one of the plain person nouns ("the driver Ali Musa"; the agent-noun
test would take "destroyer" for a person)."""
_KIN: Final = frozenset(
    "wife husband son daughter father mother brother sister child baby cook guide nephew niece "
    "cousin uncle aunt grandson granddaughter grandfather grandmother friend colleague".split()
)
"""Person nouns the person-noun test misses ("his wife was hit")."""
_NOT_NAMES: Final = frozenset(
    "It This That There What Which Nothing Everyone Everything Nobody Someone".split()
)


def wounded_ones(text: str, begin: int, end: int, amounts: list[Amount]) -> list[Amount]:
    """One person for each injury or surrender of the module docstring in
    ``text[begin:end]``, unless one of ``amounts`` already counts them.

    >>> t = "Okafor escaped with severe burns. The bus was hit by a rocket."
    >>> [(a.quantity.value, a.outcome, a.quantity.text) for a in wounded_ones(t, 0, len(t), [])]
    [(1, 'injured', 'Okafor')]
    """
    found: list[Amount] = []
    for m in _HURT.finditer(text, begin, end):
        if m["noun"] is not None and not (person_noun(m["noun"]) or m["noun"] in _KIN):
            continue
        if m["name"] is not None and m["name"].split()[0] in _NOT_NAMES:
            continue
        if any(m.start() <= a.begin < m.end() for a in amounts):
            continue
        if _DIED.match(text, m.end(), end) or (m["name"] and _thing_before(text, m.start())):
            continue  # "was hit and died later": a death; "the destroyer Peary": no person
        words = m["name"] or m["who"].split()[0]
        outcome: Outcome = "arrested" if m["gave_up"] else "injured"
        one = Amount(
            Quantity(1, None, None, False, words), m.start(), m.start() + len(words), m.end()
        )
        one.outcome, one.own, one.group = outcome, True, ("total", None)
        if m["name"]:
            one.qualifier = m["name"]
        found.append(one)
    return found


def _thing_before(text: str, at: int) -> bool:
    """Whether the name at ``at`` follows a common noun for no person ("the tanker")."""
    m = _THING_BEFORE.search(text, max(0, at - 40), at)
    return m is not None and not (m["noun"] in PERSON_NOUNS or m["noun"] in _KIN)
