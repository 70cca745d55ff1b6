"""One person listed beside other amounts, written with "a" or "an" and no number.

:func:`listed_ones` reads "and a policeman" in "six soldiers and a policeman", each item
of "two Swiss, a Briton, a Dutch national and a Nepali cook", and the items after one
person already counted in the active ("the blast killed a soldier, a nurse and a
driver"): each is 1, but for a person named before it ("shot dead Ana Ruiz, a nurse":
the nurse is Ana Ruiz). An item counts only when nothing but list words separates it from
the amount or item before it (:func:`clear_between`), measured from the end of that item's
words, so a word of an item ("a hiking guide") never breaks the list.
"""

from __future__ import annotations

import re
from typing import Final

from attackgraph.extract.amount_record import PERSON_NOUNS, Amount
from attackgraph.extract.one_person import person_noun
from attackgraph.extract.vocabulary import INCLUSION_WORDS
from attackgraph.model import Quantity
from attackgraph.reference.countries import demonym_countries

__all__ = ["clear_between", "listed_ones", "one_person_noun"]

_VERB_OR_CLAUSE_BREAK: Final = re.compile(
    r"\b(?:is|was|were|are|had|has|have|been|be|did|do|does|that|while|but|whereas|"
    r"[a-z]{3,}ed|[a-z]{3,}ing)\b|;"
)

_INCLUSION_RE: Final = re.compile(
    rf"\b(?:{'|'.join(re.escape(w) for w in INCLUSION_WORDS)})(?!\w)", re.IGNORECASE
)

_LIST_ONE: Final = re.compile(
    r"(?:,|\band)\s+(?P<article>an?)\s+(?P<item>(?:[\w'’-]+\s+){0,3}?(?P<noun>[\w'’-]+))"
    r"(?=\s*(?:[,;:.)]|$)|\s+(?:and|or|who|whose|whom|from|of|with|among|in|at|on|aged|"
    r"were|was|had|have|died|killed)\b)"
)
"""One person listed after an amount ("six soldiers and a policeman", "two Swiss, a
Briton, a Dutch national and a Nepali cook"): the item's words up to the end of the item;
its last word names the person."""

_ITEM_STOP: Final = re.compile(r"\b(?:the|a|an|his|her|their|its|said|told)\b", re.I)

_ONE_MORE_PERSON: Final = frozenset(
    "citizen national subject cook guide baby infant victim native briton".split()
)
"""Singular nouns for a person the person-noun tests miss ("a Canadian citizen")."""

_NEAR: Final = 60
"""How far (characters) an item may follow the amount or item before it."""


def listed_ones(text: str, begin: int, end: int, amounts: list[Amount]) -> list[Amount]:
    """The people listed one by one with "a"/"an" after one of ``amounts`` or after each
    other (1 each, the article is the amount's words), except where an amount already
    stands. Never raises.

    >>> t = "Seven died: six tourists, a hiking guide and a cook."
    >>> listed_ones(t, 0, len(t), [])
    []
    >>> from attackgraph.model import Quantity
    >>> six = Amount(Quantity(6, None, None, False, "six"), 12, 15, 15)
    >>> [(a.quantity.value, t[a.begin : a.begin + 8]) for a in listed_ones(t, 0, len(t), [six])]
    [(1, 'a hiking'), (1, 'a cook.')]
    """
    ends = [(a.extent if a.lead >= 0 else a.end, a.qualifier is not None) for a in amounts]
    found: list[Amount] = []
    for m in _LIST_ONE.finditer(text, begin, end):
        if not _one_listed(m["item"], m["noun"]):
            continue
        if any(a.begin <= m.start("article") < max(a.end, a.extent) for a in amounts):
            continue  # "and a cook was wounded": read already
        last, named = max((e for e in ends if e[0] <= m.start()), default=(-1, False))
        if last < 0 or m.start() - last >= _NEAR or not clear_between(text, last, m.start()):
            continue
        if named and not text[last : m.start()].strip(" ,"):
            continue  # "shot dead Ana Ruiz, a nurse": the same person
        one = Quantity(1, None, None, False, m["article"])
        found.append(Amount(one, m.start("article"), m.end("article"), m.end("article")))
        ends.append((m.end("item"), False))
    return found


def _one_listed(item: str, noun: str) -> bool:
    """Whether the words of a list item after "a"/"an" name one person: its last word a
    person noun, a nationality ("a Briton", "a Chinese-American") or a person noun of its
    own after a nationality ("a Dutch national")."""
    if _ITEM_STOP.search(item) or noun.isupper():
        return False
    first = next((w for w in item.split() if not w[:1].isupper()), "")
    if first in PERSON_NOUNS:
        return True  # "3 soldiers and a policeman too"
    if one_person_noun(noun.lower()) or noun.lower() in _ONE_MORE_PERSON:
        return True
    parts = noun.split("-")
    return noun[:1].isupper() and bool(demonym_countries(parts[-1]))


def one_person_noun(noun: str) -> bool:
    """A singular noun for one person ("policeman", "carpenter", "engineer").

    >>> one_person_noun("engineer"), one_person_noun("engineers"), one_person_noun("border")
    (True, False, False)
    """
    return person_noun(noun) and not noun.endswith("s") and noun not in _NOT_PERSON


_NOT_PERSON: Final = frozenset(
    "number order other quarter border corner water monument moment document government "
    "department statement agreement investment settlement shipment equipment apartment "
    "basement element segment incident percent event accident center centre river letter "
    "chapter sector floor door after later either neither never over under ever per "
    "comment tournament parliament parent garment ferment cement tent rent clinic traffic "
    "public republic topic music panic logic arsenic epidemic pandemic plastic".split()
)
"""Words of an agent noun's shape that name no person (or name one too rarely to count)."""


def clear_between(text: str, begin: int, end: int) -> bool:
    """Whether only list words come between two amounts: no verb, no clause break
    ("including" and "of them" do not count). Never raises.

    >>> t = "132 children and nine staff members, including 3 teachers, had been killed"
    >>> clear_between(t, 12, 17), clear_between(t, 36, 48), clear_between(t, 58, 70)
    (True, True, False)
    """
    gap = _INCLUSION_RE.sub(" ", text[begin:end])
    return begin <= end and _VERB_OR_CLAUSE_BREAK.search(gap) is None
