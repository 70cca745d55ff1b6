"""The amounts a stretch of prose states, as candidates for casualty figures.

:func:`find_amounts` lists them in order: every amount
:func:`~attackgraph.extract.numbers.find_quantities` finds, except those that context
shows are not counts of people (after "aged", in "37 foreigners of eight
nationalities", before equipment: "two helicopters"), plus amounts written without a
number:

- "both" before a verb ("both gunmen died"): 2;
- "and a policeman", ", an interpreter" right after an amount in a list, for a
  singular person noun (:data:`PERSON_NOUNS`): 1;
- named people killed, hurt, arrested or taken ("Abedi died in the explosion", "A and B
  were captured", "police arrested C"; :mod:`~attackgraph.extract.victims`): one per
  name, with the names as its subgroup;

and "from A to B" read as one range. :func:`clear_between` says whether only list
words come between two amounts - no verb, no clause break - which is what lets an
outcome carry from one amount to the next.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from attackgraph.extract.numbers import find_quantities
from attackgraph.extract.victims import listed_victims, named_victims
from attackgraph.extract.vocabulary import (
    GERUND_OUTCOMES,
    INCLUSION_WORDS,
    PASSIVE_OUTCOMES,
    PLACE_NOUNS,
    SINGULAR_GROUP_WORDS,
    equipment_spans,
    group_match,
)
from attackgraph.model import Outcome, PopulationGroup, Quantity

__all__ = ["PERSON_NOUNS", "Amount", "clear_between", "find_amounts", "most_of"]

_VERB_OR_CLAUSE_BREAK: Final = re.compile(
    r"\b(?:is|was|were|are|had|has|have|been|be|did|do|does|that|while|but|whereas|"
    r"[a-z]{3,}ed|[a-z]{3,}ing)\b|;"
)

_SKIP_BEFORE: Final = re.compile(r"\b(?:aged?|ages|age\s+of|aged\s+between|hours?|Rs|No)\s*$", re.I)

_PLACE_AFTER: Final = re.compile(
    rf"\s+(?:[A-Z][\w-]*\s+|or\s+\w+\s+)?(?:{'|'.join(sorted(PLACE_NOUNS))})\b(?!['’]s)"
)

_OF_BEFORE: Final = re.compile(r"\b([a-z]+)\s+of\s+$")

_OF_OK: Final = frozenset("total number figure toll tally count deaths death those".split())

_INCLUSION_RE: Final = re.compile(
    rf"\b(?:{'|'.join(re.escape(w) for w in INCLUSION_WORDS)})(?!\w)", re.IGNORECASE
)

_BOTH: Final = re.compile(
    r"\b[Bb]oth\b(?=\s+(?:of\s+them\s+)?(?:[a-z]+\s+){0,2}?(?:were|was|had|died)\b)"
)

PERSON_NOUNS: Final = frozenset(
    (*SINGULAR_GROUP_WORDS, "member", "interpreter", "contractor", "pilot", "driver",
     "worker", "journalist", "doctor", "nurse", "tourist", "employee", "volunteer", "resident",
     "villager", "farmer", "woman", "man", "girl", "boy", "policewoman", "peacekeeper",
     "commander", "official", "guest", "passenger", "worshipper", "pupil", "baby", "infant",
     "nurse", "witness", "survivor", "medic", "priest", "imam", "pastor", "elder", "relative",
     "neighbour", "neighbor", "shopkeeper", "trader", "miner", "herder", "fisherman", "local",
     "passer-by", "bystander", "passerby")
)  # fmt: skip
"""Singular nouns for one person: "five soldiers and a policeman" counts the policeman."""

_LIST_ONE: Final = re.compile(
    r"(?:,|\band)\s+(?P<article>an?)\s+(?:[A-Z][\w'’-]*\s+)*(?P<noun>[a-z][\w-]*)"
)


@dataclass
class Amount:
    quantity: Quantity
    begin: int
    end: int
    extent: int  # end of the amount's own words (group, outcome after)
    group: tuple[PopulationGroup, str | None] | None = None
    unknown_noun: bool = False
    elided: bool = False
    partitive: bool = False  # a part of the amount before ("including 4", "4 of them")
    relative: bool = False  # a part with a clause of its own ("of whom 4 were killed")
    outcome: Outcome | None = None
    own: bool = False  # the outcome is in its own words (rules 1 and 2)
    toll: bool = False  # the outcome comes from a toll named before it (rule 3)
    lead: int = -1  # start of an outcome verb before it
    owner: bool = False  # "six of its crew": a part of whoever "its" is
    words_at: int = -1  # where its group and outcome words start, when not right after it
    qualifier: str | None = None  # the one person counted ("Bencheneb"): a subgroup


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
    for quantity, qb, qe in found:
        before = text[max(begin, qb - 40) : qb]
        of = _OF_BEFORE.search(before)
        if _SKIP_BEFORE.search(before) or (of is not None and of.group(1) not in _OF_OK):
            continue
        if any(b >= qe and b - qe <= 25 and text[qe:b].count(" ") <= 3 for b, _ in equipment):
            continue
        if _PLACE_AFTER.match(text, qe, end):
            continue  # "six addresses", "in eight Saudi cities"
        amounts.append(Amount(quantity, qb, qe, qe))
    _compose(text, end, amounts)
    amounts += _implied(text, begin, end, amounts)
    amounts += _named(text, begin, end, amounts)
    amounts += _single(text, begin, end, amounts)
    amounts += _none_of(text, begin, end)
    amounts.sort(key=lambda a: a.begin)
    return _wholes(text, _ranges(text, amounts))


_ONE_MORE: Final = re.compile(
    r"(?:\s+[A-Za-z][\w-]*){1,3}?\s+and\s+(?:the|a)\s+(?:wife|husband|son|daughter|child|mother|"
    r"father|brother|sister|relative|friend|colleague|partner|companion)\s+of\s+(?:a|an)\s+"
    r"(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|other|another)\b"
)


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


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


_SINGLE_OUTCOMES: Final[dict[str, Outcome]] = {
    **PASSIVE_OUTCOMES, **GERUND_OUTCOMES, "found dead": "killed", "pronounced dead": "killed",
}  # fmt: skip
"""The casualty verbs' forms (the one lexicon: ``vocabulary.CASUALTY_VERBS``)."""
_ONE_ACTIVE: Final = tuple(
    w for w in _SINGLE_OUTCOMES if " " not in w and w not in ("hurt", "hurting", "slain")
)
_SINGLE: Final = re.compile(
    r"(?<![\w-])(?P<article>[Aa]n?|[Tt]he|[Oo]ne|[Hh]e|[Ss]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+"
    r"(?:(?P<words>(?:[A-Za-z][\w'’-]*\s+){0,2}?)(?P<noun>[a-z][\w-]*)"
    r"(?:\s+of\s+(?:the\s+|an?\s+)?[\w-]+(?:\s+[\w-]+)?)?(?:,\s+[A-Z][^,]{2,60},)?\s+)?"
    r"(?:was|had\s+been|has\s+been)\s+(?:(?:\w+ly|also|later|then|reportedly|reported)\s+){0,2}"
    rf"(?P<verb>{_alternatives(k for k in _SINGLE_OUTCOMES if not k.endswith('ing'))})\b"
    rf"|(?P<active>{_alternatives(_ONE_ACTIVE)})\s+"
    r"(?P<article2>an?|the)\s+(?:(?!of\b)[a-z][\w-]*\s+){0,2}?(?P<noun2>(?!of\b)[a-z][\w-]*)\b"
    r"(?!\s+of\b)"
)


_BLEW_UP: Final = re.compile(
    r"(?<![\w-])(?P<article>[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"(?P<noun>bomber|attacker|gunman|man|woman|assailant|militant|hijacker|fighter)\b"
    r"[^.;]{0,70}?\s+(?:blew|blown)\s+(?:himself|herself)\s+up\b"
)


def _blew_up(text: str, begin: int, end: int, taken: list[tuple[int, int]]) -> list[Amount]:
    """ "A bomber who had failed to get in blew himself up": one dead."""
    found: list[Amount] = []
    for m in _BLEW_UP.finditer(text, begin, end):
        if any(b <= m.start() < e for b, e in taken):
            continue
        a = Amount(Quantity(1, None, None, False, m["article"]), *m.span("article"), m.end())
        a.outcome, a.own, a.group = "killed", True, _person_group(m["noun"])
        found.append(a)
    return found


def _single(text: str, begin: int, end: int, amounts: list[Amount]) -> list[Amount]:
    """One person killed, hurt, arrested or taken, written without a number: "a commander
    was killed", "he was shot dead", "police arrested the driver" (1; the article or
    pronoun is the amount's words)."""
    found: list[Amount] = []
    taken = [(a.begin, a.extent) for a in amounts]
    for m in _SINGLE.finditer(text, begin, end):
        article = "article" if m["article"] else "article2"
        noun = m["noun"] or m["noun2"]
        pronoun = m[article].lower() in ("he", "she")
        outcome = _SINGLE_OUTCOMES[" ".join((m["verb"] or m["active"]).split())]
        if pronoun != (noun is None) or (noun is not None and not _person(noun, outcome)):
            continue
        if any(b <= m.start() < e or m.start() <= b < m.end() for b, e in taken):
            continue
        if (noun is not None and _plural(noun)) or _NOT_ONE_BEFORE.search(
            text, max(begin, m.start() - 30), m.start()
        ):
            continue  # "its soldiers were killed", "none of the players was hurt"
        one = Quantity(1, None, None, False, m[article])
        a = Amount(one, m.start(article), m.end(article), m.end())
        a.outcome, a.own = outcome, True
        a.group = _with_others(text, m.end(), end) or _person_group(noun)
        if m["active"]:
            a.lead = m.start("active")
        found.append(a)
    return found + _blew_up(text, begin, end, [*taken, *((a.begin, a.end) for a in found)])


_NOT_ONE_BEFORE: Final = re.compile(
    r"(?:\b(?:of|in|at|on|to|from|with|by|for|near|inside|outside|into|among|than|not|never|"
    r"could|would|might|may|cannot|can)|n['’]t)\s+(?:(?:\w+\s+){0,2}have\s+)?$"
)
"""Words before a singular victim phrase that make it no count of one: a preposition
("the last gunmen in the hotel had been killed"), a negation or a modal ("could not
have killed a healthy person")."""


def _plural(noun: str) -> bool:
    """Whether an English noun is plural ("soldiers", "men", "police")."""
    if noun in ("men", "women", "people", "children", "police", "staff", "dead", "personnel"):
        return True
    return noun.endswith("s") and not noun.endswith(("ss", "us", "is"))


_NO_GROUP: Final = re.compile(
    r"(?<![\w-])(?P<no>[Nn]o)\s+(?P<words>(?:[A-Z][\w-]*\s+)?(?:[a-z][\w-]*\s+){0,2}?)"
    r"(?:were|was|had\s+been|have\s+been)\s+(?P<verb>killed|hurt|injured|wounded|harmed)\b"
)


_NOBODY: Final = re.compile(
    r"(?<![\w-])(?P<no>[Nn]obody|[Nn]o\s+one)(?:\s+(?:on|in|at|aboard|inside)\s+[^,;.]{1,30}?)?"
    r"\s+(?:(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?(?P<verb>killed|hurt|injured|"
    r"wounded|harmed|arrested|detained|in\s+custody)|(?P<died>died))\b"
)
_ZERO_OUTCOMES: Final[dict[str, Outcome]] = {
    "killed": "killed", "hurt": "injured", "injured": "injured", "wounded": "injured",
    "harmed": "injured", "arrested": "arrested", "detained": "arrested", "in": "arrested",
}  # fmt: skip


def _none_of(text: str, begin: int, end: int) -> list[Amount]:
    """ "No American personnel were hurt": a count of 0 for a named group; "nobody was
    hurt", "no one on the train died": 0 of everyone (a negated verb, "did not die", is no
    figure)."""
    found: list[Amount] = []
    for m in _NOBODY.finditer(text, begin, end):
        outcome = _ZERO_OUTCOMES[m["verb"].split()[0]] if m["verb"] else "killed"
        zero = Amount(Quantity(0, None, None, False, m["no"]), m.start("no"), m.end("no"), m.end())
        zero.outcome, zero.own, zero.group = outcome, True, ("total", None)
        found.append(zero)
    for m in _NO_GROUP.finditer(text, begin, end):
        group = group_match(m["words"])
        if group is None:
            continue
        zero = Amount(Quantity(0, None, None, False, m["no"]), m.start("no"), m.end("no"), m.end())
        zero.outcome = "killed" if m["verb"] == "killed" else "injured"
        zero.own, zero.group = True, (group[0], None)
        found.append(zero)
    return found


_AGENT_NOUN: Final = re.compile(r"[a-z]{2,}(?:er|or|ist|ian|ant|ent|man|woman|ee|ive|ic)")
"""How English names a person by what they do ("carpenter", "operator", "journalist",
"guardian", "sergeant", "resident", "fireman", "employee", "operative", "medic")."""


def _person(noun: str, outcome: Outcome = "injured") -> bool:
    """Whether ``noun`` names one person: a person noun, an agent noun, or, as the
    victim of a killing, any noun that is not equipment ("a Muslim carpenter", "a
    passer-by")."""
    if noun in PERSON_NOUNS or noun in ("driver", "suspect", "leader", "chief", "owner"):
        return True
    if _AGENT_NOUN.fullmatch(noun) and not equipment_spans(noun):
        return True
    return outcome == "killed" and not equipment_spans(noun) and noun not in _NOT_VICTIM


_NOT_VICTIM: Final = frozenset(
    "attack attacks bombing explosion blast plan plot operation raid siege assault fire "
    "shooting massacre fighting battle clash offensive".split()
)
"""Nouns a killing verb can follow that name no victim ("the attack killed", "the other")."""


def _person_group(noun: str | None) -> tuple[PopulationGroup, str | None]:
    found = group_match(noun) if noun else None
    if found is not None:
        return found[0], noun if found[1] else None
    return ("total", noun)


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
    for m in _LIST_ONE.finditer(text, begin, end):
        if m.group("noun") not in PERSON_NOUNS:
            continue
        previous = [a for a in amounts if a.end <= m.start()]
        if (
            previous
            and clear_between(text, previous[-1].end, m.start())
            and m.start() - previous[-1].end < 60
        ):
            one = Quantity(1, None, None, False, m.group("article"))
            found.append(Amount(one, m.start("article"), m.end("article"), m.end("article")))
    return found


def _named(text: str, begin: int, end: int, amounts: list[Amount]) -> list[Amount]:
    """Named people killed, hurt, arrested or taken (:mod:`~attackgraph.extract.victims`),
    unless an amount before already counts them ("One pilot, Ari Sen, was killed")."""
    found: list[Amount] = []
    taken = [(a.begin, a.end) for a in amounts]
    for v in [*named_victims(text, begin, end), *listed_victims(text, begin, end)]:
        if any(b <= v.begin <= e + 1 or v.begin <= b < v.end for b, e in taken):
            continue
        if any(_apposition(text, e, v.begin) for _, e in taken):
            continue  # "One pilot, Ari Sen, was killed": the pilot is counted already
        name = text[v.begin : v.end]
        words = group_match(text[v.end : v.extent]) if v.lead < 0 else None
        group = _with_others(text, v.extent, end) or (
            (words[0], None) if words else ("total", None)
        )
        named = Amount(Quantity(v.count, None, None, False, name), v.begin, v.end, v.extent)
        named.group, named.qualifier = group, name
        named.outcome, named.own, named.lead = v.outcome, True, v.lead
        found.append(named)
    return found


def _apposition(text: str, end: int, name: int) -> bool:
    """Whether the name at ``name`` restates the counted words ending at ``end``."""
    return (
        end <= name
        and re.fullmatch(r"[^,;]{0,40},\s+(?:[A-Z][\w.]*\s+){0,2}", text[end:name]) is not None
    )


_WITH_OTHERS: Final = re.compile(
    r"\s+(?:along\s+)?with\s+(?:several\s+|\w+\s+)?(?:other|fellow)\s+"
)


def _with_others(text: str, at: int, end: int) -> tuple[PopulationGroup, str | None] | None:
    """The group a named person belongs to when killed "with other militants"."""
    m = _WITH_OTHERS.match(text, at, end)
    if m is None:
        return None
    found = group_match(text[m.end() : min(end, m.end() + 30)])
    if found is None or found[2] != 0:
        return None
    return found[0], None


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


def clear_between(text: str, begin: int, end: int) -> bool:
    """Whether only list words come between two amounts: no verb, no clause break
    ("including" and "of them" do not count). Never raises.

    >>> t = "132 children and nine staff members, including 3 teachers, had been killed"
    >>> clear_between(t, 12, 17), clear_between(t, 36, 48), clear_between(t, 58, 70)
    (True, True, False)
    """
    gap = _INCLUSION_RE.sub(" ", text[begin:end])
    return begin <= end and _VERB_OR_CLAUSE_BREAK.search(gap) is None
