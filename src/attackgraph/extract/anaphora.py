"""What "the ministry", "the governor", "the organisation" refer to: the nearest earlier
full name that fits.

A source is often named in full once and then by its head noun ("the Ministry of
Health said ... The ministry later raised the toll"; "Governor Amos Tate ... the
governor said"). :func:`antecedent` finds the nearest earlier name written with that
noun - a capitalised name holding it ("Ministry of Health", "Governor Amos Tate") or an
earlier source whose words hold it ("the health ministry of Zembla"). A title is
dropped from a person's name ("Governor Amos Tate" -> "Amos Tate"). Nouns that name a
kind of organisation without being part of its name ("the organisation", "the agency",
"the charity") take the last organisation quoted instead (the caller's rule).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

__all__ = ["ANAPHOR_NOUNS", "KIND_NOUNS", "PERSON_ROLES", "antecedent", "appositive_person"]

ANAPHOR_NOUNS: Final = frozenset(
    """
    ministry minister governor government mayor president commission committee council
    agency office department command prosecutor spokesman spokeswoman spokesperson
    authority authorities embassy mission union
    """.split()
)
"""Head nouns that refer back to a full name written with them."""

KIND_NOUNS: Final = frozenset("organisation organization charity agency ngo".split())
"""Nouns that name the kind of an organisation, not a word of its name."""

_TITLE_NOUNS: Final = frozenset(
    "minister governor mayor president prosecutor spokesman spokeswoman spokesperson".split()
)
_NAME: Final = r"[A-Z][\w'’.-]*"
_LINK: Final = r"(?:of|for|the|and|de|du)"


def _pattern(noun: str) -> re.Pattern[str]:
    word = noun[:1].upper() + noun[1:]
    return re.compile(
        rf"(?<![\w'’-])(?:{_NAME}\s+)*{word}"
        rf"(?:\s+(?:{_LINK}\s+)*{_NAME})*"
    )


def antecedent(
    text: str, end: int, noun: str, earlier: Sequence[tuple[int, str]] = ()
) -> str | None:
    """The nearest full name before ``end`` that ``the {noun}`` refers to, or ``None``.

    ``earlier`` lists (offset, name) of sources already quoted.

    >>> t = "Governor Amos Tate visited the town. The governor said six died."
    >>> antecedent(t, t.index("The governor"), "governor")
    'Amos Tate'
    >>> t = "The Ministry of Health of Zembla gave a toll. The ministry said 40 died."
    >>> antecedent(t, t.index("The ministry"), "ministry")
    'Ministry of Health of Zembla'
    >>> antecedent("Police said 4 died.", 19, "ministry") is None
    True
    """
    best: tuple[int, str] | None = None
    for m in _pattern(noun).finditer(text, 0, end):
        name = m.group()
        if name.split()[0] in ("The", "A", "An") or name == noun[:1].upper() + noun[1:]:
            name = name.split(None, 1)[1] if " " in name else ""
        if not name or name.lower() == noun:
            continue
        if noun in _TITLE_NOUNS:
            parts = name.split()
            titled = [k for k, p in enumerate(parts) if p.lower() == noun]
            if titled and titled[-1] + 1 < len(parts):
                name = " ".join(parts[titled[-1] + 1 :])
            elif titled:
                continue
        best = (m.start(), name)
    for at, name in earlier:
        words = name.lower().split()
        if at < end and noun in words and len(words) > 1 and (best is None or at > best[0]):
            best = (at, name)
    return best[1] if best else None


PERSON_ROLES: Final = frozenset(
    """
    minister governor mayor president prosecutor spokesman spokeswoman spokesperson doctor
    surgeon nurse chief commander director secretary official officer coroner judge
    ambassador envoy commissioner superintendent inspector general colonel captain
    """.split()
)
"""Nouns for one person's role: "the prosecutor" is the person introduced with it."""

_PERSON: Final = r"[A-Z][\w'’.-]+(?:\s+(?:(?:al|el|bin|ibn|de|van|von|da)\s+)?[A-Z][\w'’.-]+){1,4}"
_ROLE_BEFORE: Final = r"(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w-]*['’]s)\s+"


def appositive_person(text: str, end: int, words: str) -> str | None:
    """The person an earlier apposition gave the role ``words`` ("information minister"):
    "the information minister, Ada Obi, said" or "Ada Obi, a doctor at the clinic, said"
    before ``end``; the nearest one, or ``None``.

    >>> t = "The interior minister, Ada Obi, gave a toll. Later the minister said 9 died."
    >>> appositive_person(t, t.index("the minister"), "minister")
    'Ada Obi'
    >>> t = "Ian Lowe, a doctor at the main clinic, said so. The doctor said 4 died."
    >>> appositive_person(t, t.index("The doctor"), "doctor")
    'Ian Lowe'
    >>> appositive_person(t, t.index("The doctor"), "prosecutor") is None
    True
    """
    *modifiers, head = words.lower().split()
    role = rf"{_ROLE_BEFORE}(?P<role>(?:[\w-]+\s+){{0,4}}?{re.escape(head)})\b"
    found: list[tuple[int, str]] = []
    for pattern in (
        rf"{role}(?:\s+(?:of|at|for|in)\s+[^,;.]{{1,50}})?,\s+(?P<name>{_PERSON})\s*[,;.]",
        rf"(?P<name>{_PERSON}),\s+{role}",
    ):
        for m in re.finditer(pattern, text[:end]):
            if all(w in m["role"].lower().split() for w in modifiers):
                found.append((m.start(), m["name"]))
    return max(found)[1] if found else None
