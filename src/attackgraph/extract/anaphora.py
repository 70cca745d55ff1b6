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
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Iterator, Sequence
from functools import cache, lru_cache
from typing import Final, overload

from attackgraph.extract.nlp import entities, parse

__all__ = [
    "ANAPHOR_NOUNS",
    "nearest_organisation",
    "KIND_NOUNS",
    "PERSON_ROLES",
    "Quoted",
    "antecedent",
    "appositive_person",
]

ANAPHOR_NOUNS: Final = frozenset(
    """
    ministry minister governor government mayor president commission committee council
    agency office department command prosecutor spokesman spokeswoman spokesperson
    authority authorities embassy mission union centre center
    """.split()
)
"""Head nouns that refer back to a full name written with them."""

KIND_NOUNS: Final = frozenset("organisation organization charity agency ngo".split())
"""Nouns that name the kind of an organisation, not a word of its name."""

_TITLE_NOUNS: Final = frozenset(
    "minister governor mayor president prosecutor spokesman spokeswoman spokesperson".split()
)
_NAME: Final = r"[A-Z](?:[\w'’-]|\.(?=[\w'’-]))*(?:(?<![\w'’-]{2})\.)?"
"""A capitalised word; a dot inside it ("U.S") or after an initial ("U.S.", "J.") but not
a full stop after a word: "... according to the Army. The Health Ministry" names no
"Army. The Health Ministry"."""
_LINK: Final = r"(?:of|for|the|and|de|du)"


@cache
def _pattern(noun: str) -> re.Pattern[str]:
    word = noun[:1].upper() + noun[1:]
    return re.compile(
        rf"(?<![\w'’-])(?:{_NAME}\s+(?:(?:and|of|for)\s+(?={_NAME}))?)*{word}"
        rf"(?:\s+(?:{_LINK}\s+)*{_NAME})*"
    )  # "Truth and Reconciliation Commission", "Ministry of Defence Command"


@cache
def _defined(noun: str) -> re.Pattern[str]:
    """The noun in lower case in a phrase an acronym in brackets names ("the United
    Nations mission in the Republic of Zembla (UNMIZ)"): group ``acronym``."""
    return re.compile(
        rf"(?<![\w'’-]){noun}(?:\s+(?:{_LINK}|in|on|at|to)|\s+{_NAME}){{0,10}}"
        r"\s+\((?P<acronym>[A-Z][A-Za-z0-9]{1,9})\)"
    )


_WHOLE: Final = 1 << 18
"""Texts up to this many characters are scanned whole for the names and roles an anaphor
may refer to (every development document is under a tenth of it)."""
_MARGIN: Final = 1 << 16


def _horizon(text: str, end: int) -> int:
    """How far to scan ``text`` for what was written before ``end``: all of it when it
    is short, else the next power of two past ``end`` and a margin, so that a long
    document's reading scans what it has reached (and some way after), in at most twice
    its length in all, not the whole text for every lookup (issue 12: a 5 MB text took
    seconds a scan). A match that ends before ``end`` is one of the whole text's: the
    patterns look at nothing more than a few words after it.

    >>> _horizon("x" * 100, 10), _horizon("x" * (1 << 20), 10) == 1 << 17
    (100, True)
    """
    if len(text) <= _WHOLE:
        return len(text)
    return min(len(text), 1 << (end + _MARGIN).bit_length())


_SCANNED: dict[str, dict[str, tuple[int, list[int], list[re.Match[str]]]]] = {}
"""The matches of each noun's pattern in the last text scanned (one text at a time), with
how far it was scanned (:func:`_horizon`)."""


def _all_names(
    text: str, end: int, noun: str, defined: bool = False
) -> tuple[list[int], list[re.Match[str]]]:
    """Every match of the noun's pattern (with ``defined``, of :func:`_defined`'s) in the
    text as far as :func:`_horizon` reaches from ``end`` and their ends (increasing: the
    matches do not overlap), computed once per text and noun (again only when a later
    ``end`` reaches further)."""
    per_noun = _SCANNED.get(text)
    if per_noun is None:
        _SCANNED.clear()
        per_noun = _SCANNED[text] = {}
    reach = _horizon(text, end)
    key = f"({noun})" if defined else noun
    if key not in per_noun or per_noun[key][0] < reach:
        pattern = _defined(noun) if defined else _pattern(noun)
        found = list(pattern.finditer(text, 0, reach))
        per_noun[key] = (reach, [m.end() for m in found], found)
    return per_noun[key][1:]


def _names_before(text: str, end: int, noun: str, defined: bool = False) -> Iterator[re.Match[str]]:
    """The matches of ``_pattern(noun).finditer(text, 0, end)`` (with ``defined``, of
    :func:`_defined`'s), last first, without a rescan of the text per anaphor. The
    pattern looks at nothing after a match, so the scan bounded at ``end`` finds the
    whole text's matches that end by ``end``, then nothing before the next match starts
    (a match there in the bounded text would be one in the whole text), then what a
    scan from there to ``end`` finds."""
    ends, found = _all_names(text, end, noun, defined)
    k = bisect_right(ends, end)
    if k < len(found) and found[k].start() < end:
        pattern = _defined(noun) if defined else _pattern(noun)
        yield from reversed(list(pattern.finditer(text, found[k].start(), end)))
    for i in range(k - 1, -1, -1):
        yield found[i]


class Quoted(Sequence[tuple[int, str]]):
    """(offset, name) of the sources quoted so far, in the order quoted, indexed by
    the words of each name, so that :func:`antecedent` finds the nearest earlier source
    written with a noun in logarithmic time, not by reading every source again (a long
    document quotes thousands).

    >>> quoted = Quoted([(40, "the health ministry"), (10, "Ministry of Health")])
    >>> quoted.nearest("ministry", 50), quoted.nearest("ministry", 30), quoted[-1]
    ((40, 'the health ministry'), (10, 'Ministry of Health'), (10, 'Ministry of Health'))
    """

    def __init__(self, items: Iterable[tuple[int, str]] = ()) -> None:
        self._items: list[tuple[int, str]] = []
        self._by_word: dict[str, list[tuple[int, int]]] = {}
        for item in items:
            self.append(item)

    def append(self, item: tuple[int, str]) -> None:
        """Record a source quoted at an offset."""
        at, name = item
        words = name.lower().split()
        if len(words) > 1:  # one word is the noun itself, no full name
            for word in dict.fromkeys(words):
                insort(self._by_word.setdefault(word, []), (at, len(self._items)))
        self._items.append(item)

    def nearest(self, noun: str, end: int) -> tuple[int, str] | None:
        """The source of two or more words, one of them ``noun``, quoted at the largest
        offset before ``end`` (the first quoted of those at that offset)."""
        entries = self._by_word.get(noun, [])
        k = bisect_left(entries, (end, -1))
        if k == 0:
            return None
        first = bisect_left(entries, (entries[k - 1][0], -1))
        return self._items[entries[first][1]]

    @overload
    def __getitem__(self, index: int) -> tuple[int, str]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[int, str]]: ...
    def __getitem__(self, index: int | slice) -> tuple[int, str] | Sequence[tuple[int, str]]:
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)


def antecedent(
    text: str, end: int, noun: str, earlier: Sequence[tuple[int, str]] = ()
) -> str | None:
    """The nearest full name before ``end`` that ``the {noun}`` refers to, or ``None``.

    ``earlier`` lists (offset, name) of sources already quoted (pass a :class:`Quoted`
    to find them without reading them all).

    >>> t = "Governor Amos Tate visited the town. The governor said six died."
    >>> antecedent(t, t.index("The governor"), "governor")
    'Amos Tate'
    >>> t = "The Ministry of Health of Zembla gave a toll. The ministry said 40 died."
    >>> antecedent(t, t.index("The ministry"), "ministry")
    'Ministry of Health of Zembla'
    >>> antecedent("Police said 4 died.", 19, "ministry") is None
    True
    >>> t = "Nine were hurt, said the Army. The Health Ministry spoke. The ministry said 4 died."
    >>> antecedent(t, t.index("The ministry"), "ministry")
    'Health Ministry'
    >>> t = "Zembia's Truth and Peace Commission sat. The commission said 9 died."
    >>> antecedent(t, t.index("The commission"), "commission")
    'Truth and Peace Commission'
    >>> t = "The U.S. Ministry of Aid gave a toll. The ministry said 4 died."
    >>> antecedent(t, t.index("The ministry"), "ministry")
    'U.S. Ministry of Aid'

    A name written with the noun in lower case is found by the acronym that follows it
    in brackets:

    >>> t = "Troops of the UN mission in Zembla (UNMIZ) left. The mission said 4 died."
    >>> antecedent(t, t.index("The mission"), "mission")
    'UNMIZ'
    """
    best: tuple[int, str] | None = None
    for m in _names_before(text, end, noun):
        name = m.group()
        if name.split()[0] in ("The", "A", "An") or name == noun[:1].upper() + noun[1:]:
            name = name.split(None, 1)[1] if " " in name else ""
        if re.match(r"\S+['’]s\s", name):  # "Zembia's Truth Commission": the commission
            name = name.split(None, 1)[1]
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
        break  # the nearest one
    acronym = next(_names_before(text, end, noun, defined=True), None)
    if acronym is not None and (best is None or acronym.start() > best[0]):
        best = (acronym.start(), acronym["acronym"])  # "the UN mission in X (UNMIX)"
    quoted = earlier if isinstance(earlier, Quoted) else Quoted(earlier)
    nearest = quoted.nearest(noun, end)
    if nearest is not None and (best is None or nearest[0] > best[0]):
        best = nearest
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
    "the information minister, Ada Obi, said", "Ada Obi, a doctor at the clinic, said" or
    "regional governor Ada Obi said" before ``end``; the nearest one, or ``None``.

    >>> t = "The interior minister, Ada Obi, gave a toll. Later the minister said 9 died."
    >>> appositive_person(t, t.index("the minister"), "minister")
    'Ada Obi'
    >>> t = "Ian Lowe, a doctor at the main clinic, said so. The doctor said 4 died."
    >>> appositive_person(t, t.index("The doctor"), "doctor")
    'Ian Lowe'
    >>> appositive_person(t, t.index("The doctor"), "prosecutor") is None
    True

    The apposition may follow the words themselves ("according to the police chief,
    General Ada Obi."), and the role be written with a capital ("the State Coroner, Ian
    Lowe, ... The coroner found"):

    >>> t = "Two died, according to the police chief, Ada Obi."
    >>> appositive_person(t, t.index("the police"), "police chief")
    'Ada Obi'
    >>> t = "The State Coroner, Ian Lowe, led it. The coroner found that 2 died."
    >>> appositive_person(t, t.index("The coroner"), "coroner")
    'Ian Lowe'

    The apposition may have no article ("Ada Obi, governor of the region, said"), and a
    role written as a title before the name counts too ("Fire Commissioner Ada Obi"):

    >>> t = "Ada Obi, governor of the region, spoke. The governor said 3 died."
    >>> appositive_person(t, t.index("The governor"), "governor")
    'Ada Obi'
    >>> t = "Fire Commissioner Ada Obi spoke. The commissioner said 3 died."
    >>> appositive_person(t, t.index("The commissioner"), "commissioner")
    'Ada Obi'
    """
    *modifiers, head = words.lower().split()
    found = [
        (start, name)
        for start, stop, role, name in _role_appositions(text, head, _horizon(text, end))
        if (stop <= end or start == end) and all(w in role.split() for w in modifiers)
    ]
    return max(found)[1] if found else None


@lru_cache(maxsize=16)
def _role_appositions(text: str, head: str, reach: int) -> tuple[tuple[int, int, str, str], ...]:
    """Every apposition of a role ending in ``head`` and a person's name in the first
    ``reach`` characters of ``text`` (:func:`_horizon`), read once per text and role (start,
    end, lower-cased role words, name): each anaphor then only filters, so a document with
    many "the minister said" is read once, not once per anaphor.

    >>> _role_appositions("The interior minister, Ada Obi, spoke.", "minister", 38)
    ((0, 31, 'interior minister', 'Ada Obi'),)
    """
    written = rf"(?:{re.escape(head)}|{re.escape(head[:1].upper() + head[1:])})"
    role = rf"{_ROLE_BEFORE}(?P<role>(?:[\w-]+\s+){{0,4}}?{written})\b"
    found = [
        (m.start(), m.end(), m["role"].lower(), m["name"])
        for pattern in (
            rf"{role}(?:\s+(?:of|at|for|in)\s+[^,;.]{{1,50}})?,\s+(?P<name>{_PERSON})\s*[,;.]",
            rf"(?P<name>{_PERSON}),\s+(?:{_ROLE_BEFORE})?(?P<role>(?:[\w-]+\s+){{0,4}}?{written})\b",
            rf"(?<![\w'’-])(?P<role>(?:[\w'’-]+\s+){{0,3}}?{written})\s+(?P<name>{_PERSON})",
        )
        for m in re.compile(pattern).finditer(text, 0, reach)
    ]
    return tuple(found)


def nearest_organisation(
    text: str, spans: Sequence[tuple[int, int]], end: int, subjects: bool = False
) -> tuple[int, str] | None:
    """(offset, name) of the organisation "the organisation" or "the group" at ``end``
    refers to when no organisation was quoted yet: of the sentences ``spans`` (the
    current one and those just before it), the latest that names one before ``end``,
    and in it the first named - the subject before the objects ("X telephoned Y").

    >>> t = "The Red Crescent sent teams. The organisation said 14 died."
    >>> nearest_organisation(t, [(0, 28), (29, len(t))], t.index("The organisation"))
    (0, 'Red Crescent')

    With ``subjects``, a capitalised name of two words or more that the parse makes a
    clause's subject counts as one too when the recogniser gives it no label of a
    person, a people or a place: the recogniser misses many organisations ("Open
    Villages had recorded raids ..., the organisation said").

    >>> t = "Open Villages had recorded raids, the organisation said."
    >>> nearest_organisation(t, [(0, len(t))], t.index("the organisation"), subjects=True)
    (0, 'Open Villages')
    """
    for begin, stop in sorted(spans, reverse=True):
        if begin >= end:
            continue
        found = [
            (begin + entity.begin, re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", entity.text))
            for entity in entities(text[begin:stop])
            if entity.label == "ORG" and begin + entity.end <= end
        ][:1]
        if subjects:
            found += _named_subjects(text, begin, stop, end)[:1]
        if found:
            return min(found)
    return None


_NOT_ORGANISATIONS: Final = frozenset({"PERSON", "NORP", "GPE", "LOC", "FAC"})


def _named_subjects(text: str, begin: int, stop: int, end: int) -> list[tuple[int, str]]:
    """(offset, name) of the subjects of the sentence ``text[begin:stop]`` that end
    before ``end`` and are capitalised names of two words or more ("Human Rights
    Watch", "the Open Villages network" is none) that the recogniser does not read
    whole as a person, a people or a place; in order."""
    doc = parse(text[begin:stop])
    others = [e for e in entities(text[begin:stop]) if e.label in _NOT_ORGANISATIONS]
    found = []
    for token in doc:
        if token.dep_ not in ("nsubj", "nsubjpass") or begin + token.idx >= end:
            continue
        words = [t for child in token.lefts for t in child.subtree] + [token]
        if words and words[0].dep_ == "det" and words[0].lower_ == "the":
            words = words[1:]
        first, last = words[0].idx, token.idx + len(token.text)
        if (
            len(words) < 2
            or begin + last > end
            or not all(w.text[:1].isupper() for w in words)
            or [w.i for w in words] != list(range(words[0].i, token.i + 1))
            or any(e.begin <= first and last <= e.end for e in others)
        ):
            continue
        found.append((begin + first, text[begin + first : begin + last]))
    return found
