"""One person who killed or hurt himself or herself: a count of one, read from the parse.

"Kozák killed himself on the balcony", "before turning the rifle on himself", "one of
them blew himself up", "set off explosives, killing herself and three officers", "a
soldier who shot himself in the foot": the reflexive pronoun is the victim, one person,
and the verb it is the object of gives the outcome -

- a killing verb of the lexicon (:data:`~attackgraph.extract.vocabulary.CASUALTY_VERBS`)
  or "shot": killed, unless a body part follows ("shot himself in the foot": injured);
  a wounding verb: injured;
- "blew himself up": killed; "turned the gun on himself": killed.

The reflexive may be one conjunct of the object ("killing his wife, her son and
himself"). A verb in its base form ("tried to kill himself", "threatened to shoot
herself") or negated states no death. "Themselves" is left to the number readers: how
many it counts is the subject's number. Whether the person is the attacker is read as for
a pronoun victim (:func:`~attackgraph.extract.figure_referents.attacker_referent`, on
the subject, the suicide itself left aside); else the subject's group words decide.

>>> t = "He shot four guards before he killed himself."
>>> [(a.quantity.value, a.outcome, t[a.begin : a.end]) for a in reflexive_victims(t, 0, len(t), [])]
[(1, 'killed', 'himself')]
"""

from __future__ import annotations

import re
from typing import Final

from spacy.tokens import Token

from attackgraph.extract.amount_record import Amount
from attackgraph.extract.figure_referents import PRONOUNS, attacker_referent
from attackgraph.extract.nlp import parse
from attackgraph.extract.vocabulary import CASUALTY_VERBS, verb_forms
from attackgraph.extract.word_match import group_match
from attackgraph.model import Outcome, PopulationGroup, Quantity

__all__ = ["reflexive_victims"]

_SELF: Final = re.compile(r"\b(?:himself|herself)\b", re.IGNORECASE)
_VERBS: Final[dict[str, Outcome]] = {
    form: outcome
    for lemma, outcome in CASUALTY_VERBS.items()
    if " " not in lemma
    for form in (*verb_forms(lemma), lemma + "s")
}
"""Inflected one-word casualty verbs (not the base form: "to kill himself" is no death)."""
_SHOOTING: Final = frozenset({"shot", "shoots", "shooting"})
_BLOWING: Final = frozenset({"blew", "blows", "blowing", "blown"})
_TURNING: Final = frozenset({"turned", "turns", "turning"})
_WEAPONS: Final = frozenset("gun rifle weapon pistol revolver firearm knife".split())
_BODY_PARTS: Final = frozenset(
    "foot feet leg legs arm arms hand hands knee shoulder thigh chest stomach side".split()
)


def reflexive_victims(text: str, begin: int, end: int, amounts: list[Amount]) -> list[Amount]:
    """One person each for "himself"/"herself" as the victim of a casualty verb in
    ``text[begin:end]`` (see the module docstring), unless one of ``amounts`` already
    covers the reflexive or its verb ("a bomber blew himself up" is read with its
    article)."""
    if _SELF.search(text, begin, end) is None:
        return []
    stretch = text[begin:end]
    found: list[Amount] = []
    for token in parse(stretch):
        if token.text.lower() not in ("himself", "herself"):
            continue
        read = _verb(token)
        if read is None:
            continue
        verb, outcome = read
        at, verb_at = begin + token.idx, begin + verb.idx
        subject = _subject(verb)
        said = [at, verb_at]
        if subject is not None:
            said += [begin + subject.idx, begin + subject.left_edge.idx]
        if any(a.begin <= p < max(a.end, a.extent) for a in amounts for p in said):
            continue  # "another bomber blew himself up": the ordinal counts him
        extent = max(at + len(token.text), verb_at + len(verb.text) if token.head is verb else 0)
        one = Amount(Quantity(1, None, None, False, token.text), at, at + len(token.text), extent)
        one.outcome, one.own = outcome, True
        one.group = _group(text, begin, verb, subject)
        if verb_at < at and token.head is verb:
            one.lead = verb_at  # "killed himself"; not "killing his wife and himself"
        found.append(one)
    return found


def _verb(reflexive: Token) -> tuple[Token, Outcome] | None:
    """The verb a reflexive is the victim of, and its outcome."""
    node = reflexive
    while node.dep_ in ("conj", "appos") and node.head is not node:
        node = node.head  # "his wife, her son and himself"
    if node.dep_ == "pobj" and node.head.text.lower() == "on":
        verb = node.head.head  # "turned the rifle on himself"
        if verb.text.lower() in _TURNING and any(
            c.dep_ == "dobj" and c.text.lower() in _WEAPONS for c in verb.children
        ):
            return (verb, "killed") if _stated(verb) else None
        return None
    if node.dep_ != "dobj":
        return None
    verb = node.head
    word = verb.text.lower()
    if not _stated(verb):
        return None
    if word in _BLOWING:
        up = any(c.dep_ == "prt" and c.text.lower() == "up" for c in verb.children)
        return (verb, "killed") if up else None
    if word in _SHOOTING:
        return verb, "injured" if _in_body_part(verb) else "killed"
    outcome = _VERBS.get(word)
    return (verb, outcome) if outcome is not None else None


def _stated(verb: Token) -> bool:
    """Whether the verb states what happened: not negated, not an infinitive ("tried to
    kill himself")."""
    return not any(
        c.dep_ == "neg" or (c.dep_ == "aux" and c.text.lower() == "to") for c in verb.children
    )


def _in_body_part(verb: Token) -> bool:
    """ "shot himself in the foot": a wound, not a death."""
    return any(
        c.dep_ == "prep"
        and c.text.lower() == "in"
        and any(g.text.lower() in _BODY_PARTS for g in c.children)
        for c in verb.children
    )


def _group(
    text: str, begin: int, verb: Token, subject: Token | None
) -> tuple[PopulationGroup, str | None]:
    """The group of the verb's subject: the attackers when it stands for the attacker,
    else its group words ("a soldier who shot himself"), else the total."""
    if subject is None:
        return "total", None
    at = begin + subject.idx
    if attacker_referent(text, at, besides=begin + verb.idx):
        return "attackers", None
    if subject.text.lower() in PRONOUNS:
        return "total", None
    if subject.text.lower() in ("who", "that") and subject.head.dep_ == "relcl":
        subject = subject.head.head
    found = group_match(subject.text)
    return (found[0], None) if found is not None else ("total", None)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it hangs from when it has none ("opened
    fire ... before shooting himself")."""
    node = verb
    for _ in range(6):
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if node.head is node:
            return None
        node = node.head
    return None
