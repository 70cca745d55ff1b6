"""One more person who met the outcome of the clause before: "as was", "as did".

"The guard was killed, as was a taxi driver waiting outside", "Two nurses were wounded,
as was the hospital's director", "Bello died of his wounds, as did Sani": the person after
"as was"/"as did" is one more figure of the verb before, with no number of its own.
:func:`likewise_victims` reads them as amounts of 1 for
:func:`~attackgraph.extract.amounts.find_amounts`; after "as were"/"as did" an amount
takes the verb's outcome ("..., as did the two teachers"); "as was the case" names
nobody.
"""

from __future__ import annotations

import re
from typing import Final

from attackgraph.extract.amount_record import Amount
from attackgraph.extract.one_person import person_noun
from attackgraph.extract.vocabulary import DEATH_STATES, PASSIVE_OUTCOMES
from attackgraph.extract.word_match import alternatives, group_match
from attackgraph.model import Outcome, Quantity

__all__ = ["likewise_victims"]

_VERBS: Final[dict[str, Outcome]] = {**PASSIVE_OUTCOMES, **DEATH_STATES, "died": "killed"}
_LIKEWISE: Final = re.compile(
    rf"\b(?P<verb>{alternatives(_VERBS)})\b[^,;:.]{{0,60}}?,?\s+as\s+(?:was|did)\s+"
    r"(?:(?P<article>[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ne)\s+"
    r"(?P<words>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3})"
    r"|(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}))"
)
"""A casualty verb, then "as was"/"as did" and one person: an article or possessive and
up to four words holding the person's noun ("a passing civilian", "the commander of the
unit"), or a name."""
_LIKEWISE_MANY: Final = re.compile(
    rf"\b(?P<verb>{alternatives(_VERBS)})\b[^,;:.]{{0,60}}?,?\s+as\s+(?:were|did)\s+"
    r"(?:(?:the|all|another)\s+)?"
)
"""A casualty verb, then "as were"/"as did" and an amount: "Nineteen pupils died, as did
the two teachers"."""
_NOT_NP: Final = frozenset(
    "who whose whom that which of in at on from with by near outside inside waiting and "
    "or but when while after before".split()
)
"""Words that end the person's noun phrase."""
_POSSESSIVES: Final = frozenset({"his", "her", "its", "their"})


def likewise_victims(text: str, begin: int, end: int, amounts: list[Amount]) -> list[Amount]:
    """One person for each "as was X" after a casualty verb in ``text[begin:end]``, unless
    one of ``amounts`` already counts them.

    >>> t = "A guard was shot dead, as was a taxi driver, and the bomb was found, as was the case."
    >>> found = likewise_victims(t, 0, len(t), [])
    >>> [(a.quantity.value, a.outcome, t[a.begin : a.extent]) for a in found]
    [(1, 'killed', 'a taxi driver')]
    """
    found: list[Amount] = []
    for m in _LIKEWISE.finditer(text, begin, end):
        who = "article" if m["article"] else "name"
        at, extent = m.start(who), m.end(who)
        noun = None
        if m["article"]:
            noun, extent = _noun(m["words"], m.start("words"))
            if noun is None and m["article"].lower() not in _POSSESSIVES:
                continue  # "as was the case", "as was the car"
        if any(at <= a.begin < extent and a.begin != at for a in amounts):
            continue
        one = Amount(Quantity(1, None, None, False, m[who]), at, m.end(who), extent)
        one.outcome, one.own = _VERBS[" ".join(m["verb"].lower().split())], True
        group = group_match(noun) if noun is not None else None
        one.group = (group[0], None) if group is not None else ("total", None)
        if m["name"]:
            one.qualifier = m["name"]
        found.append(one)
    return found + _numbered(text, begin, end, amounts)


def _numbered(text: str, begin: int, end: int, amounts: list[Amount]) -> list[Amount]:
    """The amounts right after "as were"/"as did" (:data:`_LIKEWISE_MANY`), each copied
    with the outcome of the verb before."""
    found: list[Amount] = []
    for m in _LIKEWISE_MANY.finditer(text, begin, end):
        for a in amounts:
            if a.begin == m.end() and a.outcome is None:
                more = Amount(a.quantity, a.begin, a.end, a.extent)
                more.outcome, more.own = _VERBS[" ".join(m["verb"].lower().split())], True
                group = group_match(text[a.end : min(end, a.end + 40)])
                more.group = (group[0], None) if group is not None and group[2] <= 1 else None
                found.append(more)
    return found


def _noun(words: str, at: int) -> tuple[str | None, int]:
    """The last person noun of the noun phrase opening ``words`` (which starts at ``at``)
    and where the phrase ends: ("driver", end of "taxi driver") in "taxi driver waiting"."""
    noun, end = None, at
    for w in re.finditer(r"[\w'’-]+", words):
        if w.group() in _NOT_NP:
            break
        if person_noun(w.group()):
            noun, end = w.group(), at + w.end()
    return noun, end
