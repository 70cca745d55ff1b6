"""Who a pronoun victim is: the attacker, or someone else.

"He killed 38 people before he was shot dead"; "officers killed him": one person killed,
named only by a pronoun. When the pronoun stands for the attacker, the figure counts the
attackers, never the event's total. :func:`attacker_referent` reads the sentences before
the pronoun (the dependency parse, :func:`attackgraph.extract.nlp.parse`, and the PERSON
entities, both cached) for the nearest one person they mention:

- an attacker noun ("a gunman", "the attacker") or a person in apposition to one ("the
  attacker, a student named Tom Reed"): the attacker;
- someone who does what an attacker does, the subject of a killing or firing verb ("he
  opened fire", "Reed shot at guests", "a man drove a truck into the crowd, killing
  ..."), or a name the infobox gives as the perpetrator: the attacker;
- another pronoun that says nothing of either: the same person, read further back;
- any other person ("a guard", "the mayor", "Tom Reed" named as a victim): not the
  attacker.

The subject of the pronoun's own verb is never its referent ("the gunman shot him":
"him" is not the gunman).

>>> t = "A gunman opened fire in the square. He was shot dead by police."
>>> attacker_referent(t, t.index("He"))
True
>>> t = "Gunmen stormed the bank. A guard raised the alarm and he was shot dead."
>>> attacker_referent(t, t.index("he was"))
False
"""

from __future__ import annotations

import re
from typing import Final

from spacy.tokens import Doc, Token

from attackgraph.extract.amount_record import PERSON_NOUNS
from attackgraph.extract.nlp import entities, parse
from attackgraph.extract.sentences import split_text
from attackgraph.extract.vocabulary import CASUALTY_VERBS, GROUP_WORDS, verb_forms

__all__ = ["PRONOUNS", "attacker_referent"]

PRONOUNS: Final = frozenset({"he", "she", "him", "her"})
"""Personal pronouns that name one person."""

_ATTACKER_NOUNS: Final = frozenset(
    w for w, (group, _) in GROUP_WORDS.items() if group == "attackers" and " " not in w
) - {"attackers", "gunmen", "perpetrators", "assailants", "bombers", "shooters", "hijackers",
     "hostage-takers", "kidnappers", "snipers"}  # fmt: skip
"""Singular nouns for one attacker ("gunman", "bomber", "assailant")."""

_ACTS: Final = frozenset(
    {form for lemma in CASUALTY_VERBS for form in verb_forms(lemma.split()[0])}
    | {lemma.split()[0] for lemma in CASUALTY_VERBS}
    | {lemma.split()[0] + "s" for lemma in CASUALTY_VERBS}
    | set(
        "shot shoots shooting fired fires firing stabbed stabbing attacked attacking "
        "detonated detonating blew rammed ramming bombed massacred gunned hacked".split()
    )
)
"""What an attacker does to others (the subject of these verbs is the agent)."""

_SUBJECTS: Final = frozenset({"nsubj"})
_RELATIVE: Final = frozenset({"who", "that"})
_MENTIONS: Final = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "attr"})
_PERPETRATOR_LINE: Final = re.compile(r"^- (?:Perpetrators?|Attackers?):[ \t]*(.*)$", re.MULTILINE)
_HEADING: Final = re.compile(r"^=+ ", re.MULTILINE)
_BACK: Final = 900
"""How far back (code points) the referent is looked for, inside the pronoun's section."""
_SENTENCES_BACK: Final = 4


def attacker_referent(text: str, at: int, *, besides: int | None = None) -> bool:
    """Whether the pronoun at ``text[at]`` stands for the attacker (see the module
    docstring); ``False`` when nothing before says so. A noun or a name at ``at`` (or a
    relative pronoun, for its noun) is read itself, leaving out the verb at ``besides``
    ("Kozák killed himself": whether Kozák is the attacker, his killing aside)."""
    floor = max(0, at - _BACK)
    for m in _HEADING.finditer(text, floor, at):
        floor = m.start()
    if floor:  # from the line after the heading, or after the cut
        line = text.find("\n", floor, at)
        floor = line + 1 if line >= 0 else floor
    line_end = text.find("\n", at)
    spans = split_text(text, floor, len(text) if line_end < 0 else line_end)
    spans = [s for s in spans if s[0] <= at][-_SENTENCES_BACK:]
    if not spans or not spans[-1][0] <= at < spans[-1][1]:
        return False
    perpetrators = _perpetrator_words(text)
    excluded: set[int] = set()
    for k, (begin, end) in enumerate(reversed(spans)):
        sentence = text[begin:end]
        doc = parse(sentence)
        names = _names(sentence, doc, perpetrators)
        if k == 0:
            target = next((t for t in doc if begin + t.idx == at), None)
            if target is None:
                return False
            if target.text.lower() in _RELATIVE and target.head.dep_ == "relcl":
                target = target.head.head  # "a soldier who shot himself": the soldier
            skip = None if besides is None else besides - begin
            if target.text.lower() not in PRONOUNS:
                return bool(_attacker(target, names, perpetrators, skip))
            if _acts(target, skip):
                return True  # "he killed six before turning the rifle on himself"
            excluded = {begin + t.idx for t in _co_subjects(target)}
        found = _mentions(doc, begin, names, at)
        for token in reversed(found):
            if begin + token.idx in excluded:
                continue
            verdict = _attacker(token, names, perpetrators)
            if verdict is not None:
                return verdict
            excluded |= {begin + t.idx for t in _co_subjects(token)}  # "X saw him": not X
    return False


def _names(sentence: str, doc: Doc, perpetrators: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of the people ``sentence`` names: PERSON entities, and a perpetrator's name
    the recogniser missed (not inside a place or a body)."""
    found = entities(sentence)
    names = [(e.begin, e.end) for e in found if e.label == "PERSON"]
    others = [(e.begin, e.end) for e in found if e.label != "PERSON"]
    return names + [
        (t.idx, t.idx + len(t.text))
        for t in doc
        if t.text in perpetrators and not any(b <= t.idx < e for b, e in others)
    ]


def _mentions(doc: Doc, begin: int, names: list[tuple[int, int]], at: int) -> list[Token]:
    """The tokens of a parsed sentence that mention one person, before ``at``."""
    found: list[Token] = []
    for t in doc:
        if begin + t.idx >= at or t.dep_ not in _MENTIONS and t.dep_ != "ROOT":
            continue
        word = t.text.lower()
        if word in PRONOUNS:
            if word == "her" and t.dep_ not in ("dobj", "pobj"):
                continue  # "her husband": a possessive
            found.append(t)
        elif word in _ATTACKER_NOUNS or _name_head(t, names):
            found.append(t)
        elif (word in PERSON_NOUNS or word in _ATTACKER_NOUNS) and not t.text[0].isupper():
            found.append(t)
    return found


def _name_head(token: Token, names: list[tuple[int, int]]) -> bool:
    """Whether ``token`` is the last word of a PERSON entity."""
    return any(b <= token.idx and token.idx + len(token.text) == e for b, e in names)


def _attacker(
    token: Token,
    names: list[tuple[int, int]],
    perpetrators: frozenset[str],
    besides: int | None = None,
) -> bool | None:
    """Whether the person ``token`` mentions is the attacker; ``None`` for a pronoun that
    says nothing of it (read further back). The verb at ``besides`` (an offset in the
    token's sentence) is not counted as an act of the attacker."""
    word = token.text.lower()
    if word in _ATTACKER_NOUNS or _acts(token, besides) or _beside_attacker(token):
        return True
    if _name_head(token, names) and any(w in perpetrators for w in _name_words(token, names)):
        return True
    if word in PRONOUNS:
        return None
    if token.dep_ == "appos" and (
        _name_head(token.head, names) or token.head.text.lower() in PRONOUNS
    ):
        return None  # "Julian Tate, a former cadet, fired ...": the name decides
    return False


def _name_words(token: Token, names: list[tuple[int, int]]) -> list[str]:
    for b, e in names:
        if b <= token.idx and token.idx + len(token.text) == e:
            return [w for w in re.findall(r"[\w'’-]+", token.doc.text[b:e]) if len(w) > 2]
    return []


def _acts(token: Token, besides: int | None = None) -> bool:
    """Whether ``token`` is the subject of a killing or firing verb, or of a verb joined
    to one ("opened fire ..., killing 49", "shot at guests and then stabbed ..."), other
    than the verb at ``besides``."""
    if token.dep_ not in _SUBJECTS:
        return False
    verb = token.head
    verbs = [verb, *_joined(verb)]
    return any(_violent(v) for v in verbs if v.idx != besides)


def _joined(verb: Token) -> list[Token]:
    """Verbs sharing ``verb``'s subject: conjuncts and participle clauses without a
    subject of their own."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("conj", "advcl", "xcomp") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in child.children
        ):
            found += [child, *_joined(child)]
    return found


def _violent(verb: Token) -> bool:
    word = verb.text.lower()
    if word in ("opened", "opens", "opening"):
        return any(c.text.lower() == "fire" for c in verb.children)
    if word in ("set", "sets", "setting"):  # "set off the bomb"
        return any(c.dep_ == "prt" and c.text.lower() == "off" for c in verb.children)
    if word in ("drove", "driving", "drives"):
        return any(
            c.dep_ == "prep" and c.text.lower() in ("into", "through") for c in verb.children
        )
    return word in _ACTS and not any(c.dep_ == "auxpass" for c in verb.children)


def _beside_attacker(token: Token) -> bool:
    """Whether ``token`` is in apposition to, or named as, an attacker noun ("the
    attacker, a student named Tom Reed"; "Tom Reed, the gunman")."""
    for child in token.subtree:
        if child is not token and child.text.lower() in _ATTACKER_NOUNS and child.dep_ == "appos":
            return True
    node = token
    for _ in range(4):
        if node.dep_ not in ("appos", "oprd", "acl", "attr", "npadvmod") or node.head is node:
            return False
        node = node.head
        if node.text.lower() in _ATTACKER_NOUNS:
            return True
    return False


def _perpetrator_words(text: str) -> frozenset[str]:
    """The capitalised words of the infobox's perpetrator line."""
    m = _PERPETRATOR_LINE.search(text)
    if m is None:
        return frozenset()
    return frozenset(w for w in re.findall(r"\b[A-Z][\w'’-]{2,}", m.group(1)))


def _co_subjects(pronoun: Token) -> list[Token]:
    """The subjects of the verb the pronoun is the object of ("the gunman shot him"), and
    of the verbs that verb is joined to."""
    if pronoun.dep_ not in ("dobj", "pobj"):
        return []
    verb = pronoun.head if pronoun.dep_ == "dobj" else pronoun.head.head
    found: list[Token] = []
    while True:
        found += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.dep_ != "conj" or verb.head is verb:
            return found
        verb = verb.head
