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

    An acronym of the name in another language names the whole name before it:

    >>> found = find_acronyms("The Sahel Liberation Front (FLS) and the Salafist Group for "
    ...                       "Preaching and Combat (GSPC) ...")
    >>> found["FLS"], found["GSPC"]
    ('Sahel Liberation Front', 'Salafist Group for Preaching and Combat')

    Not when the name runs on in lower case before the capitals:

    >>> "MONUZ" in find_acronyms("the UN mission in the Republic of Zembia (MONUZ)")
    False
    """
    found: dict[str, str] = {}
    for m in ACRONYM.finditer(text):
        acronym = m.group(1)
        words = [w for w in _WORD.finditer(text, max(0, m.start() - 160), m.start())]
        run: list[re.Match[str]] = []
        for w in reversed(words):
            token = w.group()
            if (
                text.startswith(")", w.end())
                or token.endswith(("'s", "’s", ",", ";", "."))
                or not (capitalised(token) or token in PARTICLES)
            ):
                break
            run.insert(0, w)
        dropped = []
        while run and run[0].group() in PARTICLES | {"The", "A", "An"}:
            dropped.append(run.pop(0).group().lower())
        starts = [k for k, w in enumerate(run) if w.group()[:1] == acronym[0]]
        covering = [k for k in starts if _covers(acronym, [w.group() for w in run[k:]])]
        if covering:
            k = covering[-1]
        elif (
            len(run) > 1 and set(dropped) <= {"the", "a", "an", "and"} and _spelt_out(acronym, run)
        ):
            k = 0  # the acronym of the name in another language: the whole name before it
        elif starts:
            k = starts[-1]
        else:
            continue
        found.setdefault(acronym, text[run[k].start() : run[-1].end()])
    return found


def _spelt_out(acronym: str, run: list[re.Match[str]]) -> bool:
    """Whether ``run`` can be the whole name an acronym of other words stands for: the
    acronym has two capitals or more ("GSPC", not "Tanzania") and the run holds no
    label ("Combatant2:") - not a name running on in lower case before it ("the UN
    mission in the Democratic Republic of the Congo (MONUSCO)": the caller's check)."""
    return sum(c.isupper() for c in acronym) >= 2 and not any(
        w.group().endswith(":") or any(c.isdigit() for c in w.group()) for w in run
    )


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
