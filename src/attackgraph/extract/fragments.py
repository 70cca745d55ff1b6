"""Actor names without the sentence around them ("on 15 January Le Drian" -> "Le Drian").

Subject words read from a sentence can start with a time or circumstance phrase ("by
nightfall", "during the siege", "at dawn") or a passive verb ("claimed by");
:func:`clean_name` cuts them, so that no actor is named by a sentence fragment.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["clean_name"]

_PREPOSITIONS: Final = (
    "at|by|on|in|during|after|before|within|following|since|until|by|from|throughout|amid"
)
_DATE_WORDS: Final = (
    r"(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}|(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)|\d{4})"
)
_LEADING: Final = re.compile(
    rf"^(?:(?:{_PREPOSITIONS})\s+(?:(?:the|a|an|that|this|its|their)\s+)?"
    rf"(?:{_DATE_WORDS}|[a-z][\w-]*)(?:\s+\d{{4}})?,?\s+"
    rf"|(?:(?:[a-z]+|\d+)\s+)?(?:hours?|days?|weeks?|months?|years?)\s+(?:later|earlier),?\s+"
    rf"|(?:later|earlier|meanwhile|overnight|then|also|however|afterwards|subsequently),?\s+"
    rf"|(?:that|this|the\s+same|the\s+next|the\s+following)\s+"
    rf"(?:morning|afternoon|evening|night|day|week|month|year),?\s+"
    rf"|(?:[a-z]+\s+)*?(?!quoted\s|cited\s)(?:[a-z]+ed|led|paid|held|run)\s+by\s+)",
)
_QUANTIFIER: Final = re.compile(
    r"(?:an?|the|some|most|many|several|all|other|both|these|those)", re.IGNORECASE
)
"""Words that only open a noun phrase: what a trailing-word cut must not leave alone."""
_PART_OF_DAY: Final = re.compile(r"^(?:morning|afternoon|evening|night)\s+(?=[A-Z])")
"""The end of a time phrase the parse left before a name ("Later that evening Kane"),
written in lower case: "Evening Standard" is a name."""
_TRAILING: Final = re.compile(
    r"(?<=[\w.)])(?:\s+(?:(?:has|have|had|was|were|is|are|would|will|could|also|did|does|do|"
    r"never|later|likewise|instead|itself|themselves|in\s+turn)(?:\s+[a-z]+)*"
    r"|(?:based|citing|quoting|according|with|denied|denies|blamed|blames|said|says)\b.*"
    r"|(?:quoted|cited)\s+by\b.*"
    r"|(?:of|for|and|or|by|in|at))"
    r"|,(?:\s+[a-z]+)+)$"
)
"""A verb, an adverb or a source phrase after the name ("Real IRA has always", "X based
on Y", "X quoted by Y", "the ministry later", "X did not", "X denied involvement"), a
word of a clause after a comma ("X, disputed"), or a dangling preposition ("L Company
of")."""


def clean_name(name: str) -> str:
    """The name without a leading time or circumstance phrase or a trailing verb.

    >>> clean_name("by nightfall the interior minister"), clean_name("on 15 January Le Drian")
    ('the interior minister', 'Le Drian')
    >>> clean_name("During the siege she"), clean_name("claimed by the Islamic State")
    ('she', 'the Islamic State')
    >>> clean_name("Islamic State of Iraq and the Levant")
    'Islamic State of Iraq and the Levant'
    >>> clean_name("cell directed by Omar Farah"), clean_name("two days later Oxfam")
    ('Omar Farah', 'Oxfam')
    >>> clean_name("the Harbour Front has always"), clean_name("Oxfam citing local clinics")
    ('the Harbour Front', 'Oxfam')
    >>> clean_name("the Harbour Front with foreign backing")
    'the Harbour Front'
    >>> clean_name("Coast Front officials did not"), clean_name("Jon Varga never")
    ('Coast Front officials', 'Jon Varga')
    >>> clean_name("the port authority later"), clean_name("Harbour Front denied any role")
    ('the port authority', 'Harbour Front')
    >>> clean_name("Later that evening Jon Varga"), clean_name("the next day the ministry")
    ('Jon Varga', 'the ministry')
    >>> clean_name("evening Jon Varga"), clean_name("Evening Standard")
    ('Jon Varga', 'Evening Standard')
    >>> clean_name("Jon Varga, disputed"), clean_name("B Company of")
    ('Jon Varga', 'B Company')
    >>> clean_name("Office of the Ombudsman"), clean_name("Doctors Without Borders")
    ('Office of the Ombudsman', 'Doctors Without Borders')

    Who quotes a source only passes it on: "Police sources quoted by local radio" are
    the police sources.

    >>> clean_name("Police sources quoted by local radio")
    'Police sources'

    A word that ends a name only after a noun ("the ministry later") is part of the noun
    phrase after a determiner alone:

    >>> clean_name("most later accounts"), clean_name("A later official count")
    ('most later accounts', 'A later official count')
    """
    text = _PART_OF_DAY.sub("", " ".join(name.split()))
    for _ in range(3):
        found = _LEADING.match(text) or _LEADING.match(text[:1].lower() + text[1:])
        if found is None or found.end() >= len(text):
            break
        text = text[found.end() :]
    trailing = _TRAILING.search(text)
    if trailing is None or _QUANTIFIER.fullmatch(text[: trailing.start()]):
        return text  # "most later accounts": "later" describes the accounts
    return text[: trailing.start()] if trailing.start() > 0 else text
