"""One person a casualty verb acts on, written without a number: candidates from the parse.

Prose names most single victims, captives and arrested people without a number: "he was
hanged", "the Mahdists killed Gordon", "Kallay was taken prisoner", "the driver of the van
had been shot dead". :func:`patients` reads them from the dependency parse
(:func:`attackgraph.extract.nlp.parse`, the cached parse the prose readers share): the
arguments a casualty verb acts on -

- the passive subject ("he was shot"), the object ("killed Gordon") and, for a verb
  that has no object, its subject ("Ismail died"); the subject of "dead"/"alive" read
  with a verb ("he was found dead");
- each conjunct of such an argument ("Hardy and Jones were killed" gives both);
- through a relative pronoun, the noun it stands for ("Romano, who was killed");
- the people listed among those counted: "among the dead were A and his son", "the
  victims included a priest";
- one person of a group ("one of the pilots was wounded", "shot one of the guards"): the
  number readers leave "one of" out as a pronoun.

The arguments of a negated verb are none ("he was not hurt", "neither A nor B was hurt").
An argument that is plural, a number, counted by a number, or a pronoun for several or
for none ("they", "all", "nobody") is no candidate here: the number readers
(:mod:`~attackgraph.extract.amounts`) read those. Whether a candidate is a casualty
figure, and of which outcome, the classifier decides
(:meth:`attackgraph.extract.figure_guess.FigureGuess.unnumbered`); this module only
finds the words.

>>> from attackgraph.extract.nlp import parse
>>> t = "The rebels killed Gordon, and his deputy was captured."
>>> [t[b:e] for b, e, _ in patients(parse(t))]
['Gordon', 'his deputy']
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from spacy.tokens import Doc, Token

from attackgraph.extract.nlp import negated
from attackgraph.extract.one_person import person_noun
from attackgraph.extract.vocabulary import CASUALTY_VERBS, verb_forms
from attackgraph.extract.word_match import equipment_spans

__all__ = ["TRIGGERS", "may_name_patients", "patients"]

_VERBS: Final = frozenset(
    form.split()[0]
    for lemma in CASUALTY_VERBS
    if " " not in lemma or lemma.startswith("shoot ")
    for form in (lemma.split()[0], lemma.split()[0] + "s", *verb_forms(lemma))
)
_DYING: Final = frozenset({"die", "died", "dies", "dying", "perished", "drowned"})
_STATES: Final = frozenset({"dead", "alive"})
_TAKING: Final = frozenset({"take", "takes", "took", "taken", "taking", "hold", "held", "holding"})
_TAKEN_AS: Final = frozenset({"prisoner", "hostage", "captive", "alive", "into"})
TRIGGERS: Final = _VERBS | _DYING | _STATES
"""The words whose arguments are read: the one-word casualty verbs of the lexicon
(:data:`~attackgraph.extract.vocabulary.CASUALTY_VERBS`) in every form, "shot", the verbs
of dying, and "dead"/"alive" after a verb; "taken"/"held" count when "prisoner",
"hostage", "captive", "alive" or "into (custody)" follows."""
_COUNTED: Final = frozenset(
    "dead victims killed wounded injured hostages casualties missing captives prisoners "
    "fatalities".split()
)
_INCLUDE: Final = frozenset({"include", "included", "includes"})
_EVENT_NOUNS: Final = frozenset(
    "death killing murder assassination execution arrest abduction kidnapping capture "
    "detention body remains".split()
)
"""Nouns whose "of" names who met an outcome: "the death of a nurse", "the arrest of his
brother", "the body of a guide was found"."""
_PART_WORDS: Final = frozenset({"including", "among"})
_WHOLE: Final = frozenset({"them", "whom", "those"})
_BE: Final = frozenset({"was", "were", "is", "are"})
_PLURAL_AUX: Final = frozenset({"were", "are", "have"})
_NOUN_DEPS: Final = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj"})
_INHERIT: Final = frozenset({"xcomp", "oprd", "acomp"})

_ARGUMENTS: Final = frozenset({"nsubjpass", "dobj", "nsubj"})
_RELATIVE: Final = frozenset({"who", "whom", "that", "which"})
_NOT_ONE: Final = frozenset(
    "they them we us you i it itself themselves those these all both each none nobody "
    "everyone everybody anyone some many most several few others other another one who whom "
    "which that what this toll number figure total count tally death deaths casualties".split()
)
_PLURAL_WORDS: Final = frozenset(
    "men women people children police staff dead personnel crew family families".split()
)
_NOT_ONE_DET: Final = frozenset(
    "no any all some several many both these those few most each every".split()
)


_WORDS: Final = TRIGGERS | _COUNTED | _EVENT_NOUNS | _PART_WORDS
_TRIGGER_RE: Final = re.compile(
    rf"\b(?:{'|'.join(sorted(_WORDS, key=len, reverse=True))})\b"
    rf"|\b(?:{'|'.join(sorted(_TAKING))})\s+(?:\w+\s+){{0,3}}?(?:{'|'.join(sorted(_TAKEN_AS))})\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)  # a long document repeats its sentences
def may_name_patients(text: str) -> bool:
    """Whether ``text`` holds a word :func:`patients` reads (a cheap test before a parse).

    >>> may_name_patients("The guard was shot."), may_name_patients("The toll rose to 20.")
    (True, False)
    """
    return _TRIGGER_RE.search(text) is not None


def patients(doc: Doc) -> list[tuple[int, int, int]]:
    """Character spans, in ``doc``'s text, of the single people its casualty verbs act on
    (see the module docstring), in text order: from the first word of the argument's
    phrase to its head word, and where the whole phrase ends (an apposition, a relative
    clause: "the driver, Tom Bell, who ...").

    >>> from attackgraph.extract.nlp import parse
    >>> t = "Two soldiers died and nobody was arrested; they were freed."
    >>> patients(parse(t))
    []
    """
    found: set[tuple[int, int, int]] = set()
    for token in doc:
        word = token.lower_
        taken = word in _TAKING and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in _TAKEN_AS
        if word in _COUNTED:
            found.update(_spans(_listed(token)))
        if word in _EVENT_NOUNS:
            found.update(_spans([p for p in _of_whom(token) if _person(p)]))
        if word in _PART_WORDS:
            found.update(_spans([p for p in _parts(token) if _person(p)]))
        if word not in TRIGGERS and not taken:
            continue
        if word in _STATES and (
            token.dep_ in _NOUN_DEPS or any(c.dep_ == "nummod" for c in token.children)
        ):
            continue  # "the toll was thirty dead": a count, not a state
        verb = token
        arguments = _arguments(verb, intransitive=word in _DYING or word in _STATES)
        while not arguments and verb.dep_ in _INHERIT and verb.head is not verb:
            verb = verb.head  # "he was found shot dead": the arguments of "found"
            arguments = _arguments(verb, intransitive=word in _DYING or word in _STATES)
        if negated(verb):
            continue  # "he was not hurt": nobody (:mod:`~attackgraph.extract.negated`)
        if any(c.lower_ in _PLURAL_AUX for c in verb.children if c.dep_.startswith("aux")):
            # "the fishermen were kidnapped": several
            arguments = [a for a in arguments if not a.dep_.startswith("nsubj") or a.conjuncts]
        found.update(_spans(arguments))
    return sorted(found)


def _spans(arguments: list[Token]) -> list[tuple[int, int, int]]:
    out = []
    for argument in arguments:
        if _one_person(argument):
            first, last = argument.left_edge, argument.right_edge
            for prep in argument.lefts:
                if prep.dep_ == "prep":  # "among them a priest": the priest
                    first = argument.doc[prep.right_edge.i + 1]
            head = _one_of(argument) or argument  # "one of the pilots": the pilots' words
            end = head.idx + len(head.text)
            out.append((first.idx, end, max(end, last.idx + len(last.text))))
    return out


def _listed(counted: Token) -> list[Token]:
    """The people listed as some of those counted: "among the dead were A and B", "the
    victims included a priest"."""
    head = counted.head
    deps: frozenset[str]
    if counted.dep_ == "pobj" and head.lower_ == "among":
        verb, deps = head.head, frozenset({"nsubj", "attr", "nsubjpass"})
    elif counted.dep_ == "nsubj" and head.lower_ in _INCLUDE:
        verb, deps = head, frozenset({"dobj"})
    else:
        return []
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ in deps and child is not counted:
            out += [child, *(c for c in child.conjuncts if c.i > child.i)]
    return out


def _of_whom(noun: Token) -> list[Token]:
    """Who the outcome a noun names befell: "the killing of a guard and his son"."""
    out: list[Token] = []
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for child in prep.children:
                if child.dep_ == "pobj":
                    out += [child, *(c for c in child.conjuncts if c.i > child.i)]
    return out


def _person(token: Token) -> bool:
    """Whether ``token`` heads words for a person: a name (not a plural such as "Muslims")
    or a person noun ("a midwife", "his nephew"); never a verb ("had taken control")."""
    if token.dep_ not in _PERSON_DEPS or any(c.dep_.startswith("aux") for c in token.children):
        return False
    if token.text[:1].isupper():
        named = any(c.dep_ == "compound" for c in token.children)
        return named or not token.text.endswith("s") or token.text.endswith(("ss", "us", "is"))
    word = token.lower_
    return person_noun(word) or not (equipment_spans(word) or _ABSTRACT.search(word))


_PERSON_DEPS: Final = _NOUN_DEPS | {"npadvmod", "dep", "nmod"}
_ABSTRACT: Final = re.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ing|ure|ism|ed)$")
"""Endings of nouns for things and deeds, not people ("poor preparation", "control")."""


def _parts(word: Token) -> list[Token]:
    """The people named as some of those counted before: "30 died, including a nurse and
    the driver", "nine were killed, among them a priest", "Among them was a teacher"."""
    objects = [c for c in word.children if c.dep_ == "pobj"]
    if word.lower_ == "including":
        people = objects
    elif not any(o.lower_ in _WHOLE for o in objects):
        return []  # "among the ruins"
    elif word.head.lower_ in _BE:
        people = [c for c in word.head.children if c.dep_ in ("nsubj", "attr") and c is not word]
    elif word.head.dep_ not in ("ROOT", "conj") or word.head.pos_ == "NOUN":
        people = [word.head]
    else:
        people = []
    return [p for o in people for p in (o, *(c for c in o.conjuncts if c.i > o.i))]


def _arguments(verb: Token, *, intransitive: bool) -> list[Token]:
    """The arguments ``verb`` acts on, with their conjuncts and relative pronouns resolved."""
    children = list(verb.children)
    has_object = any(c.dep_ in ("dobj", "nsubjpass") for c in children)
    passive = any(c.dep_ == "auxpass" for c in children)
    if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
        if passive or intransitive:  # "fought them and was shot": the first verb's subject
            children += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            intransitive = True
    out: list[Token] = []
    for child in children:
        if child.dep_ not in _ARGUMENTS:
            continue
        if child.dep_ == "nsubj" and has_object and not intransitive:
            continue  # "gunmen killed the guard": the gunmen acted
        if child.dep_ == "nsubj" and not intransitive:
            if not any(c.dep_ in ("acomp", "oprd") and c.lower_ in _STATES for c in children):
                continue  # "the bomber killed": who killed, not who died
        if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
            child = verb.head  # "Romano, who was killed": Romano
        out.append(child)
        out += [c for c in child.conjuncts if c.i > child.i]
    return out


def _one_person(token: Token) -> bool:
    """Whether ``token`` heads a phrase for one person: no number, no plural, no pronoun
    for several or for none."""
    word = token.lower_
    if _one_of(token) is not None:
        return True  # "one of the pilots was wounded": one person of a group
    if word in _NOT_ONE or token.like_num or word in _PLURAL_WORDS:
        return False
    if any(c.dep_ in ("nummod", "quantmod") for c in token.children):
        return False
    if any(c.dep_ in ("det", "predet") and c.lower_ in _NOT_ONE_DET for c in token.children):
        return False
    if token.text[:1].isupper():
        return True  # a name ("Gordon", "Carlos Pizarro"); names may end in -s
    if word.endswith("men"):
        return False  # "fishermen", "gunmen"
    return not (word.endswith("s") and not word.endswith(("ss", "us", "is")))


def _one_of(token: Token) -> Token | None:
    """The group ``token`` picks one person of, when it is "one of ..." ("one of the
    guards", "one of its fighters", "one of them"), else ``None``."""
    if token.lower_ != "one" or any(c.dep_ == "det" for c in token.children):
        return None  # "no one", "the one"
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None
