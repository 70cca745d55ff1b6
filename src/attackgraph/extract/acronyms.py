"""Acronyms a document defines ("Somali National Alliance (SNA)") and the words of a
proper name: which tokens are capitalised, which particles ("of", "al", "bin") may sit
inside one.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["ACRONYM", "PARTICLES", "capitalised", "find_acronyms"]

PARTICLES: Final = frozenset(
    "of for the in de du des da do dos van von der la le wal al bin ibn y and &".split()
)
"""Lower-case words that may sit inside a proper name ("Ministry of Health", "bin Laden")."""

ACRONYM: Final = re.compile(r"\(([A-Z][A-Za-z0-9]{1,9})\)")
"""An acronym defined in brackets after a name: "(SNA)"."""
_WORD: Final = re.compile(r"[^\s()]+")


def capitalised(token: str) -> bool:
    """A token that can be part of a proper name.

    >>> capitalised("Mali"), capitalised("al-Qaeda"), capitalised("the")
    (True, True, False)
    """
    return (
        token[:1].isupper()
        or token[:1].isdigit()
        or re.match(r"(?:al|el)-[A-Z]", token) is not None
    )


def find_acronyms(text: str) -> dict[str, str]:
    """Acronyms the text defines as "Full Name (ACR)", mapped to the full name.

    The full name is the shortest run of capitalised words (and particles) before the
    bracket whose first letter is the acronym's.

    >>> found = find_acronyms("After Aidid's Somali National Alliance (SNA) struck, the "
    ...                       "March 23 Movement (M23) and Tehrik-i-Taliban Pakistan (TTP) ...")
    >>> found["SNA"], found["M23"], found["TTP"]
    ('Somali National Alliance', 'March 23 Movement', 'Tehrik-i-Taliban Pakistan')
    """
    found: dict[str, str] = {}
    for m in ACRONYM.finditer(text):
        acronym = m.group(1)
        words = [w for w in _WORD.finditer(text, max(0, m.start() - 160), m.start())]
        run: list[re.Match[str]] = []
        for w in reversed(words):
            token = w.group()
            if token.endswith(("'s", "’s", ",", ";", ".")) or not (
                capitalised(token) or token in PARTICLES
            ):
                break
            run.insert(0, w)
        while run and run[0].group() in PARTICLES:
            run.pop(0)
        starts = [k for k, w in enumerate(run) if w.group()[:1] == acronym[0]]
        covering = [k for k in starts if _covers(acronym, [w.group() for w in run[k:]])]
        if covering or starts:
            k = (covering or starts)[-1]
            found.setdefault(acronym, text[run[k].start() : run[-1].end()])
    return found


def _covers(acronym: str, tokens: list[str]) -> bool:
    """Whether the acronym's letters appear, in order, among the words' initials."""
    signature = "".join(
        part[:1] + "".join(c for c in part[1:] if c.isdigit())
        for token in tokens
        for part in token.split("-")
        if part
    ).casefold()
    at = 0
    for char in acronym.casefold():
        at = signature.find(char, at) + 1
        if at == 0:
            return False
    return True
