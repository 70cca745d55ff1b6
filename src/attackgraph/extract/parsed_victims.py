"""Several people killed, hurt, arrested or taken, counted from the dependency parse.

Prose often lists the victims by name or by description instead of giving a number:
"The minister's aide, Ana Ruiz, his driver, Tom Bell, and Judge Okafor were killed" is 3.
Word patterns cannot tell an apposition (the same person named again) from a list item
(one more person); the parse (:mod:`~attackgraph.extract.nlp`) can:

- the victims are the subject of a casualty verb of the lexicon
  (:data:`~attackgraph.extract.vocabulary.PASSIVE_OUTCOMES`) in the passive ("were
  killed"), of "died", or of the verb it is coordinated with ("fled and were arrested");
- each conjunct of the subject is one more person; an apposition is the same person
  ("the driver, Tom Bell"), unless it is a relation of someone else ("Abedi, his
  brother Ali, ...": "his brother" is one more person).

Only lists of two or more are read here: one person is read by the word rules of
:mod:`~attackgraph.extract.one_person`. A subject with a number, a plural noun or a
pronoun is left to them too. Only stretches with a list before such a verb are parsed
(:func:`needs_parse`), so the parser's cost stays with the few sentences that need it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Token

from attackgraph.extract.nlp import negated, parse
from attackgraph.extract.vocabulary import PASSIVE_OUTCOMES
from attackgraph.model import Outcome
from attackgraph.reference.countries import demonym_countries

__all__ = ["AMONG_NOUNS", "ListedVictims", "listed_in_parse", "needs_parse"]

_VERBS: Final[dict[str, Outcome]] = {
    **{w: o for w, o in PASSIVE_OUTCOMES.items() if " " not in w},
    "died": "killed",
}
"""One-word forms of the casualty verbs whose subject is the victim."""

_VERB_RE: Final = re.compile(
    r"\b(?:(?:were|had\s+been|have\s+been)\s+(?:\w+\s+){0,2}?"
    rf"(?:{'|'.join(sorted(w for w in _VERBS if w != 'died'))}|shot\s+dead)|died)\b"
)
_LIST_BEFORE: Final = re.compile(r"\band\s+(?P<last>[^.;:]{1,80})$")
_NUMBER: Final = re.compile(
    r"(?<![\w-])\d[\d,]*(?![\w-])|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
    r"several|many|both|all|their|they|them|others)\b",
    re.IGNORECASE,
)

_RELATION_POSSESSIVES: Final = frozenset({"his", "her", "their", "its"})

_NOT_PERSON: Final = frozenset(
    "he she it they we who which that this these those all both each none some many most "
    "others".split()
)


@dataclass(frozen=True)
class ListedVictims:
    """People listed as victims: where the list begins and ends, how many, the outcome
    and where the verb ends."""

    begin: int
    end: int
    count: int
    outcome: Outcome
    extent: int


def needs_parse(text: str, begin: int, end: int) -> bool:
    """Whether ``text[begin:end]`` may list several victims of one casualty verb.

    >>> t = "Ana Ruiz and Tom Bell were killed."
    >>> needs_parse(t, 0, len(t)), needs_parse("Six soldiers were killed.", 0, 25)
    (True, False)
    >>> needs_parse("Ana Ruiz and two others were killed.", 0, 36)
    False
    """
    for m in _VERB_RE.finditer(text, begin, end):
        listed = _LIST_BEFORE.search(text, max(begin, m.start() - 200), m.start())
        if listed is not None and not _NUMBER.search(listed["last"]):
            return True  # "A, B and C were killed", not "A and two others were killed"
    return False


def listed_in_parse(text: str, begin: int, end: int) -> list[ListedVictims]:
    """The lists of two or more victims in ``text[begin:end]`` (see the module
    docstring), with absolute offsets. Never raises.

    >>> t = "Abedi, his brother Ali Saleh and a third man, later named, were killed."
    >>> [(t[v.begin : v.end], v.count, v.outcome) for v in listed_in_parse(t, 0, len(t))]
    [('Abedi, his brother Ali Saleh and a third man', 3, 'killed')]
    """
    among = _AMONG.search(text, begin, end) is not None
    if not among and not needs_parse(text, begin, end):
        return []
    doc = parse(text[begin:end])
    found: list[ListedVictims] = []
    for token in doc:
        listed = _among_the_dead(token) if among else None
        if listed is not None:
            first = min(t.left_edge.i for t in listed[1])
            stop = max(_phrase_end(t) for t in listed[1])
            b, e = begin + doc[first].idx, begin + doc[stop].idx + len(doc[stop].text)
            found.append(ListedVictims(b, e, _count(listed[1]), listed[0], e))
            continue
        outcome = _outcome(token)
        if outcome is None or negated(token):
            continue  # "A and B were never arrested": nobody
        subjects = _subjects(token)
        if not subjects:
            continue
        people = _people(subjects)
        if people is None or len(people) < 2:
            continue
        first = min(t.left_edge.i for t in people)
        stop = max(t.i for t in people)
        verb_end = token.idx + len(token.text)
        if token.text == "shot" and token.i + 1 < len(doc):
            verb_end = doc[token.i + 1].idx + len(doc[token.i + 1].text)
        span_end = doc[stop].idx + len(doc[stop].text)
        found.append(
            ListedVictims(
                begin + doc[first].idx, begin + span_end, len(people), outcome, begin + verb_end
            )
        )
    return found


_AMONG: Final = re.compile(
    r"\b[Aa]mong\s+(?:the|those)\s+(?:[\w-]+\s+){0,2}?(?:dead|killed|victims|fatalities|"
    r"injured|wounded|hurt|hostages|captives|missing)\b"
)

AMONG_NOUNS: Final[dict[str, Outcome]] = {
    "dead": "killed", "killed": "killed", "victims": "killed", "fatalities": "killed",
    "injured": "injured", "wounded": "injured", "hurt": "injured",
    "hostages": "captured", "captives": "captured", "missing": "missing",
}  # fmt: skip
"""What "among the dead", "among the injured", ... count."""


def _among_the_dead(token: Token) -> tuple[Outcome, list[Token]] | None:
    """(outcome, people) when ``token`` is the "were" of "Among the dead were A, B and
    C" or "A was among the injured": the people of its subject that no number counts."""
    if token.text.lower() not in ("was", "were") or token.dep_ == "auxpass":
        return None
    outcome: Outcome | None = None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.text.lower() == "among":
            for noun in prep.children:
                if noun.dep_ == "pobj":
                    outcome = AMONG_NOUNS.get(noun.text.lower()) or next(
                        (_VERBS[c.text.lower()] for c in noun.children
                         if c.dep_ == "acl" and c.text.lower() in _VERBS),
                        None,
                    )  # fmt: skip
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "attr")]
    if outcome is None or not subjects:
        return None
    people = _people(subjects, lenient=True)
    return (outcome, people) if people else None


def _count(people: list[Token]) -> int:
    """How many people the tokens name: one each; a plural noun, its names ("the
    batsmen A and B": 2)."""
    return sum(max(1, len(_names_of(t))) if _plural(t) else 1 for t in people)


def _names_of(token: Token) -> list[Token]:
    names = [c for c in token.children if c.dep_ == "appos" and _name(c)]
    for name in list(names):
        names += [c for c in name.children if c.dep_ == "conj" and _name(c)]
    return names


def _phrase_end(token: Token) -> int:
    """The last token of ``token``'s noun phrase with its appositions, without clauses."""
    end = token.i
    for child in token.rights:
        if child.dep_ in ("relcl", "acl", "punct", "cc", "conj", "prep") or _numbered(child):
            continue
        end = max(end, _phrase_end(child))
    return end


def _outcome(token: Token) -> Outcome | None:
    """The outcome of a casualty verb whose subject is the victim, else ``None``."""
    word = token.text.lower()
    if word == "shot" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == "dead":
        return "killed" if _passive(token) else None
    if word not in _VERBS:
        return None
    if word == "died" or _passive(token):
        return _VERBS[word]
    return None


def _passive(token: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in token.children)


def _subjects(verb: Token) -> list[Token]:
    """The subject heads of the verb, or of the verb it is coordinated with."""
    for _ in range(3):
        found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if found:
            return found
        if verb.dep_ != "conj":
            return []
        verb = verb.head
    return []


def _people(subjects: list[Token], *, lenient: bool = False) -> list[Token] | None:
    """One token per person of the subjects (conjuncts, and appositions that name a
    relation of someone else); ``None`` when a subject is no list of people. ``lenient``
    skips the items a number counts and keeps plural nouns with names instead."""
    people: list[Token] = []
    todo = list(subjects)
    while todo:
        item = todo.pop(0)
        if item in people:
            continue
        if lenient and (_numbered(item) or (_plural(item) and _names_of(item))):
            if not _numbered(item):
                people.append(item)  # "the batsmen A and B": counted by their names
            todo += [c for c in item.children if c.dep_ == "conj"]
            continue
        if _not_a_person(item):
            return None
        people.append(item)
        for child in item.children:
            if child.dep_ == "conj" and not _restated(child):
                todo.append(child)
            elif child.dep_ in ("appos", "conj"):
                todo.extend(_apposed(child))
    return sorted(people, key=lambda t: t.i)


def _apposed(appos: Token) -> list[Token]:
    """The people an apposition adds: none when it names the same person ("the
    driver, Tom Bell"); itself when it is a relation of someone else ("his cousin")."""
    relation = any(
        c.dep_ == "poss" and c.text.lower() in _RELATION_POSSESSIVES for c in appos.children
    )
    named = _name(appos) and _name(appos.head) and not demonym_countries(appos.text)
    # "Ivo Bran, Ole Sund and ...": two people; "Ali Saleh, an Algerian": one
    added: list[Token] = [appos] if (relation and not _name(appos)) or named else []
    for child in appos.children:
        if child.dep_ == "conj" and not _restated(child):
            added.append(child)
        elif child.dep_ in ("appos", "conj"):
            added.extend(_apposed(child))
    return added


def _name(token: Token) -> bool:
    return token.text[:1].isupper()


def _restated(conj: Token) -> bool:
    """A "conjunct" that is the name of the noun before it, after a comma only ("her
    bodyguard, Sam Ode"): the parser's misreading of an apposition."""
    head = conj.head
    if not _name(conj) or _name(head) or conj.i < head.i:
        return False
    gap = conj.doc[head.i + 1 : conj.left_edge.i]
    return all(t.text == "," for t in gap) and len(gap) > 0


def _not_a_person(token: Token) -> bool:
    """A pronoun, a number or a plural noun: not one person the list counts."""
    return token.text.lower() in _NOT_PERSON or _numbered(token) or _plural(token)


def _numbered(token: Token) -> bool:
    return token.like_num or any(c.dep_ == "nummod" for c in token.children)


def _plural(token: Token) -> bool:
    word = token.text.lower()
    return token.text[0].islower() and (
        word.endswith("s") and not word.endswith("ss") or word in ("men", "women")
    )
