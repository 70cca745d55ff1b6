"""The amounts a stretch of prose states, as candidates for casualty figures.

:func:`find_amounts` lists them in order: every amount
:func:`~attackgraph.extract.numbers.find_quantities` finds, except those that context
shows are not counts of people (after "aged", in "37 foreigners of eight
nationalities", before equipment: "two helicopters"), plus amounts written without a
number:

- "both" before a verb ("both gunmen died"): 2;
- "and a policeman", ", an interpreter" right after an amount in a list, or after one
  person counted in the active ("killed a guard and a cook"), for a singular person noun
  (:data:`PERSON_NOUNS`): 1 (:mod:`~attackgraph.extract.list_items`);
- one person, named people, nobody (:mod:`~attackgraph.extract.one_person`): "a
  carpenter was killed", "A and B were captured" (one per name, with the names as its
  subgroup), "nobody was hurt" (0), and the zeros of negated verbs
  (:mod:`~attackgraph.extract.negated`): "the mayor was not hurt" (0);
- one more person after "as was" (:mod:`~attackgraph.extract.likewise`): "the guard was
  killed, as was a passer-by";
- one person hurt or given up without a casualty verb (:mod:`~attackgraph.extract.wounds`):
  "he was hit in the chin", "Okafor escaped with burns", "she surrendered to police";

and "from A to B" read as one range. An amount after "X of" that no toll word names
("the bodies of 27", "the release of 13", "a convoy of 30") is ``deferred``: no rule
reads its outcome, only the classifier (:mod:`~attackgraph.extract.figure_guess`); after
a person noun ("a girl of 12") it is an age and no amount.

:func:`~attackgraph.extract.list_items.clear_between` says whether only list words come
between two amounts - no verb, no clause break - which is what lets an outcome carry from
one amount to the next.
"""

from __future__ import annotations

import re
from typing import Final

from attackgraph.extract.amount_record import PERSON_NOUNS, Amount
from attackgraph.extract.likewise import likewise_victims
from attackgraph.extract.list_items import clear_between, listed_ones, one_person_noun
from attackgraph.extract.negated import unharmed
from attackgraph.extract.numbers import find_quantities
from attackgraph.extract.one_person import (
    listed_amounts,
    named_amounts,
    none_of,
    single_victims,
)
from attackgraph.extract.reflexives import reflexive_victims
from attackgraph.extract.vocabulary import PLACE_NOUNS
from attackgraph.extract.word_match import equipment_spans
from attackgraph.extract.wounds import wounded_ones
from attackgraph.model import Quantity

__all__ = ["PERSON_NOUNS", "Amount", "clear_between", "find_amounts", "most_of"]

_SKIP_BEFORE: Final = re.compile(r"\b(?:aged?|ages|age\s+of|aged\s+between|hours?|Rs|No)\s*$", re.I)

_PLACE_AFTER: Final = re.compile(
    rf"\s+(?:[A-Z][\w-]*\s+|or\s+\w+\s+)?(?:{'|'.join(sorted(PLACE_NOUNS))})\b(?!['’]s)"
)

_OF_BEFORE: Final = re.compile(r"\b([a-z]+)\s+of\s+$")

_OF_OK: Final = frozenset(
    "total number figure toll tally count deaths death those figures estimate estimates "
    "tolls counts totals numbers".split()
)
"""Nouns whose "of" states a count, read like any other amount ("a toll of 20", "estimates
of between 5,000 and 9,000 dead", "the upper estimate of 35,000"); after any other noun
the amount is deferred to the classifier ("the remains of 143")."""

_BOTH: Final = re.compile(
    r"\b[Bb]oth\b(?=\s+(?:of\s+them\s+)?(?:[a-z]+\s+){0,2}?(?:were|was|had|died)\b)"
)

_ORDINALS: Final = (
    "second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()

_ORDINAL_ONE: Final = re.compile(
    rf"(?<![\w-])(?:(?P<article>[Aa]n?|[Tt]he)\s+(?:{'|'.join(_ORDINALS)})|[Aa]nother)\b"
    r"(?=(?P<bare>\s*[,;.]|\s+(?:was|had|has|died|who|is|later|also|then|[a-z]{3,}ed)\b)"
    r"|\s+(?P<words>(?:[A-Z][\w'’-]*\s+|[a-z][\w-]*-[\w-]+\s+){0,2}(?P<noun>[a-z][\w-]*))\b)"
)
"""One more person counted by an ordinal or "another": "six were killed and a seventh
died", "shot four and captured a fifth", "a third suspect was arrested", "one died in a fall
and another drowned"."""


def find_amounts(text: str, begin: int, end: int) -> list[Amount]:
    """The amounts in ``text[begin:end]``, in order (see the module docstring).

    Never raises.

    >>> t = "Aged 30, he saw 2 helicopters land; both gunmen died, 3 soldiers and a policeman too."
    >>> [(a.quantity.value, t[a.begin : a.end]) for a in find_amounts(t, 0, len(t))]
    [(2, 'both'), (3, '3'), (1, 'a')]
    """
    amounts: list[Amount] = []
    found = find_quantities(text[begin:end], begin)
    equipment = (
        [(begin + b, begin + e) for b, e in equipment_spans(text[begin:end])] if found else []
    )
    deferred: list[Amount] = []
    for quantity, qb, qe in found:
        before = text[max(begin, qb - 40) : qb]
        if _SKIP_BEFORE.search(before):
            continue
        if any(b >= qe and b - qe <= 25 and text[qe:b].count(" ") <= 3 for b, _ in equipment):
            continue
        if _PLACE_AFTER.match(text, qe, end):
            continue  # "six addresses", "in eight Saudi cities"
        of = _OF_BEFORE.search(before)
        if of is not None and of.group(1) in PERSON_NOUNS:
            continue  # "a girl of 12": her age
        if of is not None and of.group(1) not in _OF_OK:
            deferred.append(Amount(quantity, qb, qe, qe, deferred=True))
            continue  # "the remains of 143", "the release of 13": the classifier decides
        amounts.append(Amount(quantity, qb, qe, qe))
    _compose(text, end, amounts)
    composed = _with_one_before(text, begin, amounts)
    amounts += _implied(text, begin, end, amounts)
    amounts += _larger(
        listed_amounts(text, begin, end, amounts), named_amounts(text, begin, end, amounts)
    )
    amounts += single_victims(text, begin, end, amounts)
    amounts += listed_ones(text, begin, end, amounts)  # "killed a guard and a cook"
    likewise = likewise_victims(text, begin, end, amounts)  # "as was one nurse": the one
    amounts = [a for a in amounts if all(a.begin != b.begin for b in likewise)] + likewise
    amounts += wounded_ones(text, begin, end, amounts)
    amounts += reflexive_victims(text, begin, end, amounts)
    amounts = [a for a in amounts if a in composed or not any(_inside(a, c) for c in composed)]
    amounts += [a for a in deferred if all(a.end <= o.begin or o.end <= a.begin for o in amounts)]
    zeros = none_of(text, begin, end)  # "none of the X, who ..., was hurt": read whole
    zeros += [z for z in unharmed(text, begin, end) if all(z.begin != o.begin for o in zeros)]
    amounts = [a for a in amounts if all(not z.begin <= a.begin < z.end for z in zeros)] + zeros
    amounts.sort(key=lambda a: a.begin)
    return _wholes(text, _ranges(text, amounts))


_ONE_MORE: Final = re.compile(
    r"(?:\s+[A-Za-z][\w-]*){1,3}?\s+and\s+(?:the|a)\s+(?:wife|husband|son|daughter|child|mother|"
    r"father|brother|sister|relative|friend|colleague|partner|companion)\s+of\s+(?:a|an)\s+"
    r"(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|other|another)\b"
)


_KIN: Final = (
    r"(?:wife|husband|son|daughter|father|mother|brother|sister|child|baby|grandson|"
    r"granddaughter|grandfather|grandmother|nephew|niece|uncle|aunt|cousin|fiancée?|"
    r"woman|man|girl|boy)"
)
_ONE_BEFORE: Final = re.compile(
    r"(?:(?<![\w'’-])(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*"
    r"|(?<![\w-])(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w'’-]*['’]s)\s+(?:[\w'’-]+\s+)?"
    r"(?P<noun>[a-z][\w-]*))"
    r"\s+and\s+(?:(?:his|her|their|its)\s+)?$"
)
"""One person named before "and" an amount: "Noordin and three other militants", "a
woman and her two daughters", "the wife and four children of the caretaker"."""
_PLACE_BEFORE: Final = re.compile(r"\b(?:in|at|on|from|to|near|of|into|outside|inside)\s+$")
_OTHERS_AFTER: Final = re.compile(r"\s+(?:other|others|more|further)\b")
_KIN_AFTER: Final = re.compile(
    rf"\s+(?:[\w-]+\s+)?(?:{_KIN}s|children|men|women|brothers|sisters|grandchildren)\b"
    r"|\s+of\s+(?:his|her|their)\s+(?:brothers|sisters|sons|daughters|children)\b"
)


def _with_one_before(text: str, begin: int, amounts: list[Amount]) -> list[Amount]:
    """ "Noordin and three other militants were killed", "a woman and her two daughters
    were among the dead": one person more than the number, counted with it (the words
    from the person on)."""
    composed: list[Amount] = []
    for k, a in enumerate(amounts):
        q = a.quantity
        if q.value is None or q.minimum is not None or q.maximum is not None or q.value < 1:
            continue
        floor = amounts[k - 1].end if k else begin
        m = _ONE_BEFORE.search(text, max(floor, a.begin - 60), a.begin)
        if m is None or m.end() != a.begin or _PLACE_BEFORE.search(text, floor, m.start()):
            continue  # "16 died in Zhanaozen and one more": a place, no person
        others = _OTHERS_AFTER.match(text, a.end)
        kin = _KIN_AFTER.match(text, a.end)
        noun = m["noun"]
        if noun is None and others is None:
            continue  # "Troops and 30 rebels": a name counts one only before "others"
        if noun is not None and not (re.fullmatch(_KIN, noun) or one_person_noun(noun)):
            continue
        after = others or kin
        if after is None:
            continue
        a.quantity = Quantity(q.value + 1, None, None, q.approximate, text[m.start() : after.end()])
        a.begin = m.start()
        composed.append(a)
    return composed


_SHARED_NOUN: Final = re.compile(r"\s+(?:[A-Z][\w-]*\s+){1,2}and\s+")
"""Between "one British" and "one South African contractor": the noun comes once, last."""


def _compose(text: str, end: int, amounts: list[Amount]) -> None:
    """ "two Belgians and the wife of a third": one amount of three; "one British and one
    South African contractor": one amount of two (the noun is shared)."""
    for k in range(len(amounts) - 2, -1, -1):
        a, b = amounts[k], amounts[k + 1]
        ones = _one(a.quantity) and _one(b.quantity) and b.quantity.minimum is None
        if ones and _SHARED_NOUN.fullmatch(text, a.end, b.begin):
            low = a.quantity.minimum
            words = text[a.begin : b.end]
            a.quantity = Quantity(None if low else 2, 2 if low else None, None, False, words)
            a.end = a.extent = b.end
            del amounts[k + 1]
    for a in amounts:
        m = _ONE_MORE.match(text, a.end, end)
        q = a.quantity
        if m is None or q.value is None or q.minimum is not None or q.maximum is not None:
            continue
        words = text[a.begin : m.end()]
        a.quantity = Quantity(q.value + 1, None, None, q.approximate, words)


def _one(q: Quantity) -> bool:
    """One person, exactly or at least ("one", "at least one")."""
    return (q.value == 1 or q.minimum == 1) and q.maximum is None


def _larger(parsed: list[Amount], words: list[Amount]) -> list[Amount]:
    """The people counted from the parse and by the word rules: where both read the same
    words, the larger count (the parse sees appositions; the words see lists it misparses),
    the words' reading when they count as many (it names the people)."""
    kept = list(parsed)
    for a in words:
        rivals = [p for p in kept if p.begin < a.extent and a.begin < p.extent]
        if all((a.quantity.value or 0) >= (p.quantity.value or 0) for p in rivals):
            kept = [p for p in kept if p not in rivals] + [a]
    return kept


def _wholes(text: str, amounts: list[Amount]) -> list[Amount]:
    """ "29 of the 32 militants were killed": the 32 is the whole the 29 are part of, no
    figure; the 29 take the words after it."""
    kept: list[Amount] = []
    for a in amounts:
        if kept and re.fullmatch(
            r"\s+of\s+(?:the|those|these|its|their|his|her|our)\s+", text[kept[-1].end : a.begin]
        ):
            kept[-1].words_at = a.end
            continue
        kept.append(a)
    return kept


def _implied(text: str, begin: int, end: int, amounts: list[Amount]) -> list[Amount]:
    """Amounts written without a number: "both" (2), "and a member of ..." after an
    amount in a list (1)."""
    found: list[Amount] = []
    for m in _BOTH.finditer(text, begin, end):
        found.append(Amount(Quantity(2, None, None, False, m.group()), m.start(), m.end(), m.end()))
    found += listed_ones(text, begin, end, amounts)
    for m in _ORDINAL_ONE.finditer(text, begin, end):
        if any(a.begin <= m.start() and m.end() <= a.begin + len(a.quantity.text) for a in amounts):
            continue  # "two Belgians and the wife of a third": counted in the three
        if m["bare"] is not None:
            if not any(a.end <= m.start() for a in amounts):
                continue  # "a second" of nothing counted before: a time, a car
        elif not one_person_noun(m["noun"]):
            continue  # "a second car", "the third day"
        one = Quantity(1, None, None, False, m.group())
        found.append(Amount(one, m.start(), m.end(), m.end()))
    return found


def _inside(a: Amount, whole: Amount) -> bool:
    """Whether ``a`` lies in the words ``whole`` counts ("a farmer" of "a farmer and her
    three sons")."""
    return whole.begin <= a.begin and a.end <= whole.end


def _ranges(text: str, amounts: list[Amount]) -> list[Amount]:
    """ "from 43 to more than 110": one range."""
    merged: list[Amount] = []
    for a in amounts:
        if merged and re.fullmatch(r"\s+to\s+", text[merged[-1].end : a.begin]):
            first = merged[-1]
            if re.search(r"\bfrom\s+$", text[max(0, first.begin - 6) : first.begin]):
                low = first.quantity.value or first.quantity.minimum
                high = a.quantity.value or a.quantity.minimum or a.quantity.maximum
                if low is not None and high is not None and high > low:
                    words = text[first.begin : a.end]
                    approx = first.quantity.approximate or a.quantity.approximate
                    merged[-1] = Amount(
                        Quantity(None, low, high, approx, words), first.begin, a.end, a.end
                    )
                    continue
        merged.append(a)
    return merged


_MOST_OF: Final = re.compile(r"(?<![\w-])[Mm]ost(?=\s+of\s+(?:them|whom)\b)")


def most_of(text: str, begin: int, end: int) -> list[Amount]:
    """ "most of them" in ``text[begin:end]``: a vague part of the amount before it
    ("202 people, most of them foreigners"), read after the other amounts' outcomes so
    that it never cuts the whole from its verb ("300 people, most of them civilians, had
    been killed").

    >>> t = "killing 202 people, most of them foreigners"
    >>> [(a.quantity.text, a.partitive) for a in most_of(t, 0, len(t))]
    [('most', True)]
    """
    found = []
    for m in _MOST_OF.finditer(text, begin, end):
        vague = Amount(Quantity(None, None, None, True, m.group()), m.start(), m.end(), m.end())
        vague.partitive = vague.relative = True
        found.append(vague)
    return found
