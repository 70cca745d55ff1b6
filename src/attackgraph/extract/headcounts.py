"""Counts of people present that are no casualties: a force's strength, a crowd, the
people aboard (``CONVENTIONS.md`` rule 7).

"Organisers said some 80,000 people took part", "police put the attackers at about 200",
"the mosque held about 2,000 worshippers, the ministry said": a named source states how
many people were there, and nothing is said of harm to them. Such a number is published
as a figure with the outcome ``present`` (an ``estimate`` claim of its source), never as
a casualty; the prose reader keeps it only when its speaker is named.

The reading is the parse's (:func:`~attackgraph.extract.nlp.parse`), not a word pattern:
a number is a headcount when it

- modifies a noun for people present (``nummod``: "2,000 worshippers", "between 800 and
  900 men");
- is the object of "number" ("the attackers numbered about 200"), or of "at" after a
  verb of estimating whose object or whose noun is such people ("a group of men
  estimated by the police at about 200", "estimated the crowd at 1,500");
- follows "of" after a noun for a body of people ("a crowd of some 4,000", "a force of
  500").

A number the casualty reader already took (a figure with an outcome) is never read here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from spacy.tokens import Doc, Token

from attackgraph.extract.nlp import parse
from attackgraph.extract.numbers import find_quantities
from attackgraph.extract.prose_figures import ProseFigure
from attackgraph.extract.prose_outcomes import OUTCOME_RE
from attackgraph.extract.vocabulary import GROUP_WORDS
from attackgraph.extract.word_match import overlaps
from attackgraph.model import PopulationGroup

__all__ = ["PRESENT_NOUNS", "headcounts"]

_FORCES: Final = frozenset({"soldiers", "security-forces", "police", "militants", "attackers"})
_PLURALS: Final = frozenset({"police", "personnel", "mujahideen"})
PRESENT_NOUNS: Final = frozenset(
    {
        w
        for w, (group, _) in GROUP_WORDS.items()
        if group in _FORCES and " " not in w and (w.endswith(("s", "men")) or w in _PLURALS)
    }
    | {"people", "persons", "men", "individuals", "members", "crew", "followers", "raiders",
       "marchers", "demonstrators", "protesters", "protestors", "worshippers", "worshipers",
       "participants", "spectators", "strikers", "passengers", "pilgrims", "refugees",
       "tribesmen", "warriors", "defenders", "besiegers", "recruits", "volunteers"}
)  # fmt: skip
"""Plural nouns for people who can be present in numbers: the fighting forces of the
group vocabulary, people in general, crowds, and those aboard."""
_BODIES: Final = frozenset(
    "crowd force column group garrison contingent unit host army band gathering "
    "congregation throng procession".split()
)
"""Nouns for a body of people whose size "of N" gives ("a crowd of 4,000")."""
_ADDED: Final = frozenset({"other", "more", "further", "additional"})
_CLAUSES: Final = frozenset(
    {"ROOT", "ccomp", "conj", "advcl", "relcl", "acl", "xcomp", "parataxis"}
)
_JOINED: Final = frozenset({"conj", "ccomp", "advcl", "parataxis", "cc"})
_BACK: Final = frozenset({"the", "these", "those", "this", "that"})
_ESTIMATING: Final = frozenset("estimated estimate estimating put placed putting".split())
_NUMBERING: Final = frozenset("number numbered numbering numbers".split())


def headcounts(
    text: str, begin: int, end: int, sentence: tuple[int, int], taken: Sequence[ProseFigure]
) -> list[ProseFigure]:
    """The headcounts in ``text[begin:end]``, inside the sentence ``text[slice(*sentence)]``
    (parsed whole), leaving out the numbers of the figures ``taken``; outcome
    ``present``, the group read from the noun counted.

    >>> t = "Organisers said some 80,000 people took part; police said 3 died."
    >>> found = headcounts(t, 16, len(t), (0, len(t)), [])
    >>> [(f.quantity.value, f.outcome, t[f.begin:f.end]) for f in found]
    [(80000, 'present', 'some 80,000 people')]
    >>> t = "The prosecutor said that the attackers had numbered about 200."
    >>> [(f.quantity.value, f.group) for f in headcounts(t, 0, len(t), (0, len(t)), [])]
    [(200, 'attackers')]
    """
    found = [
        (q, b, e)
        for q, b, e in find_quantities(text[begin:end], begin)
        if not overlaps(b, e, ((f.begin, f.end) for f in taken))
    ]
    if not found:
        return []
    low = sentence[0]
    doc = parse(text[low : sentence[1]])
    figures = []
    for quantity, b, e in found:
        counted = _counted(doc, b - low, e - low)
        if counted is None:
            continue
        group, label = _group(counted)
        stop = max(e, low + counted.idx + len(counted.text))
        figures.append(ProseFigure(quantity, group, label, "present", b, stop))
    return figures


def _counted(doc: Doc, begin: int, end: int) -> Token | None:
    """The noun for the people the number at ``begin:end`` of ``doc`` counts, when it is a
    headcount (see the module docstring); ``None`` otherwise."""
    for token in doc:
        if not (begin <= token.idx < end and token.like_num):
            continue
        number = token
        while number.dep_ == "conj" and number.head.like_num:  # "between 800 and 900"
            number = number.head
        head = number.head
        if number.dep_ == "nummod" and head.text.lower() in PRESENT_NOUNS:
            return None if _referred_back(head) or _acted_on(head) or _harmed(head) else head
        if number.dep_ == "pobj" and head.dep_ == "prep":
            governor = head.head
            word = head.text.lower()
            if word == "of" and governor.text.lower() in _BODIES:
                return governor
            if word == "at" and governor.text.lower() in _ESTIMATING:
                people = _estimated(governor)
                if people is not None:
                    return people
        if number.dep_ in ("dobj", "npadvmod", "attr") and head.text.lower() in _NUMBERING:
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None and head.dep_ in ("acl", "relcl"):
                subject = head.head
            if subject is not None and _people(subject):
                return subject
    return None


def _referred_back(noun: Token) -> bool:
    """People the text has counted before: "the eight men", "those 30 fighters", "its
    200 members" (a definite or possessive determiner)."""
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.text.lower() in _BACK) for c in noun.children
    )


def _acted_on(noun: Token) -> bool:
    """People something was done to, the subject of a passive ("280 people had been
    buried"), or people added to others counted ("50 other people"). A headcount says who
    was there or took part. (An object can be either: "drew 400,000 people", "had 7,000
    soldiers", but "held 60 people".)"""
    while noun.dep_ == "conj":
        noun = noun.head
    return noun.dep_ == "nsubjpass" or any(
        c.dep_ == "amod" and c.text.lower() in _ADDED for c in noun.children
    )


def _harmed(noun: Token) -> bool:
    """People its clause says came to harm: an outcome word ("killed", "died", "taken
    hostage") in the words of the clause the noun belongs to ("as many as 170 people
    killed at camps"), not in a clause joined to it ("217 fighters had taken part and 41
    of them were killed")."""
    clause = noun
    while clause.dep_ not in _CLAUSES and clause.head is not clause:
        clause = clause.head
    words = [clause] + [t for c in clause.children if c.dep_ not in _JOINED for t in c.subtree]
    words.sort(key=lambda t: t.i)
    return OUTCOME_RE.search(" ".join(t.text for t in words)) is not None


def _estimated(verb: Token) -> Token | None:
    """The people a verb of estimating sizes: its object ("estimated the crowd at"), or
    the noun it describes ("a group of men estimated by the police at")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("acl", "relcl"):
        objects.append(verb.head)
    return next((o for o in objects if _people(o)), None)


def _people(noun: Token) -> bool:
    """A noun for people present or a body of them ("the attackers", "a group of men")."""
    word = noun.text.lower()
    return word in PRESENT_NOUNS or word in _BODIES


def _group(noun: Token) -> tuple[PopulationGroup, str | None]:
    """The population group of the people ``noun`` names, and its words as the label when
    the concept is wider."""
    word = noun.text.lower()
    known = GROUP_WORDS.get(word)
    if known is None:
        return "other-group", word
    return known[0], word if known[1] else None
