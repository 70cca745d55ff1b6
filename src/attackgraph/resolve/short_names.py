"""The shorter names a document writes a stated place by.

The infobox states a place in full ("Atatürk International Airport", "Iguala de la
Independencia", "14 Riverside Drive"); the prose then writes it shorter ("Atatürk
Airport", "Iguala", "Riverside Drive"). :func:`short_names` finds those spellings in
the text, so that the place carries them as aliases and a reader (or a scorer) finds
it by the words the document uses most. A short form is the full name with

- words dropped from its middle, its first and last word kept (a modifier left out:
  "Oasis residential compound" -> "Oasis compound");
- its house number dropped ("14 Riverside Drive" -> "Riverside Drive");
- its part before a linking particle ("Iguala de la Independencia" -> "Iguala"),

and it counts only where the text writes it as a whole name: not inside a longer run of
capitalised words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import combinations
from typing import Final

from attackgraph.reference.names import name_key, strip_the

_PARTICLES: Final = frozenset("de del la las los da do das dos di du des of".split())
"""Linking words inside a place name ("Iguala de la Independencia", "Palace of Justice")."""
_MAX_WORDS: Final = 7
"""Longer names are not shortened (the variants would multiply)."""


def short_names(name: str, text: str) -> tuple[str, ...]:
    """The shorter spellings of the place ``name`` that ``text`` writes as a whole name.

    >>> text = "Gunmen reached Atatürk Airport at ten. Atatürk International Airport shut."
    >>> short_names("Atatürk International Airport", text)
    ('Atatürk Airport',)
    >>> short_names("Iguala de la Independencia", "Buses left Guerrero's Iguala at night.")
    ('Iguala',)
    >>> short_names("14 Riverside Drive", "Cars blocked Riverside Drive.")
    ('Riverside Drive',)
    >>> short_names("Oasis residential compound", "Oasis Compound Road was shut.")
    ()
    """
    words = strip_the(" ".join(name.split())).split()
    if not 2 <= len(words) <= _MAX_WORDS:
        return ()
    found = [form for form in _forms(words) if _written(form, text)]
    return tuple(dict.fromkeys(f for f in found if name_key(f) != name_key(name)))


def _forms(words: list[str]) -> list[str]:
    forms: list[str] = []
    if words[0].isdigit() and len(words) > 2:
        forms.append(" ".join(words[1:]))  # "14 Riverside Drive"
    middle = range(1, len(words) - 1)
    for size in range(len(words) - 2, 0, -1):  # keep the first and last word
        for kept in combinations(middle, size - 1 if size > 1 else 0):
            form = [words[0], *(words[i] for i in kept), words[-1]]
            if len(form) < len(words):
                forms.append(" ".join(form))
    cut = next((i for i, w in enumerate(words) if w in _PARTICLES), None)
    if cut is not None and cut > 0 and words[0][:1].isupper():
        forms.append(" ".join(words[:cut]))
    return [f for f in dict.fromkeys(forms) if len(f) > 3 and f[:1].isupper()]


_JOINED: Final = re.compile(r"[\w'’-]")
"""A character that joins a word to the one next to it."""


def _occurrences(form: str, text: str) -> Iterator[int]:
    r"""Where ``text`` writes ``form`` with no word character (nor ' ’ -) touching either
    end, in order, one after the other: what ``re.finditer`` of the form between the
    lookarounds ``(?<![\w'’-])`` and ``(?![\w'’-])`` finds, but found by ``str.find``
    (a long document asks about many forms; the pattern scanned the text character by
    character).

    >>> list(_occurrences("Gao", "Gao, Gaob and aGao; Gao-x, Gao"))
    [0, 27]
    """
    at = text.find(form) if form else -1
    while at >= 0:
        end = at + len(form)
        if (at == 0 or _JOINED.match(text, at - 1) is None) and _JOINED.match(text, end) is None:
            yield at
            at = text.find(form, end)
        else:
            at = text.find(form, at + 1)


def _written(form: str, text: str) -> bool:
    """Whether ``text`` writes ``form`` with no capitalised word joined to either end."""
    for start in _occurrences(form, text):
        end = start + len(form)
        before = text[max(0, start - 40) : start]
        after = text[end : end + 40]
        if re.search(r"[A-Z][\w-]*\s$", before) and not re.search(r"(?:^|\s)The\s$", before):
            continue  # the tail of a longer name
        if re.match(r"\s[A-Z]", after):
            continue  # the head of a longer name
        return True
    return False
