"""What the figure classifier sees of one number in a sentence: features of its parse.

:func:`number_features` describes an amount (the words
:func:`~attackgraph.extract.amounts.find_amounts` found: "14", "about 30", "two dozen")
by the dependency parse of its sentence (:func:`attackgraph.extract.nlp.parse`, the
cached parse the prose readers share; no other spaCy component runs):

- the amount itself: digits or words, its size, a year-like value, a range or bound;
- its own dependency label and the chain of heads above it (word and label, three up);
- the noun it counts (the head of a ``nummod``, else its own head word), and its role
  with the outcome its head word names: the subject of "killed" killed, the passive
  subject or the object of "killed" died; the subject of a verb with an object of its
  own is an agent (:data:`AGENT`);
- the words right before and after it, and the words within five tokens; a number
  between commas ("Ana Ruiz, 26, was"); a capitalised head word (a name);
- the nearest outcome word of the sentence (:data:`OUTCOME_FORMS`: the casualty
  vocabulary of :mod:`~attackgraph.extract.vocabulary`), its side and distance, and
  whether it lies on the number's head chain;
- a negation on the head chain ("no one was killed");
- digits in apposition to a name, between commas: an age (:data:`AGE_APPOSITION`).

Words are folded to a crude stem (:func:`stem`): the parse runs without the tagger, so
spaCy's lemmas are not there, and the tagger would cost more than the classifier.

>>> from attackgraph.extract.nlp import parse
>>> doc = parse("Gunmen killed 14 villagers on 3 May.")
>>> f = number_features(doc, 14, 16)
>>> "h2=kill" in f, "noun=villager" in f, "chain_outcome=killed" in f
(True, True, True)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from spacy.tokens import Doc, Span, Token

from attackgraph.extract.number_words import LOWER_BOUND_HEADS, MONTHS, UPPER_BOUND_HEADS
from attackgraph.extract.numbers import parse_number
from attackgraph.extract.vocabulary import (
    CASUALTY_VERBS,
    GERUND_OUTCOMES,
    OUTCOME_WORDS,
    PASSIVE_OUTCOMES,
)
from attackgraph.model import Outcome

__all__ = [
    "AGENT",
    "AGE_APPOSITION",
    "CONTEXT_FORMS",
    "OUTCOME_FORMS",
    "names_an_outcome",
    "number_features",
    "stem",
]

AGENT: Final = "agent"
"""The feature of a number whose noun is the subject of a verb with an object of its own
("three attacks killed fifteen soldiers", "the two men who attacked the museum"): it
counts who did something, not whom it was done to."""

AGE_APPOSITION: Final = "age_apposition"
"""The feature of digits set off by commas after a name ("Tomas Berg, 19, was"): an age."""

OUTCOME_FORMS: Final[dict[str, Outcome]] = {
    **{w: o for w, o in OUTCOME_WORDS.items() if " " not in w},
    **{w: o for w, o in PASSIVE_OUTCOMES.items() if " " not in w},
    **{w: o for w, o in GERUND_OUTCOMES.items() if " " not in w},
    **{w: o for w, o in CASUALTY_VERBS.items() if " " not in w},
    **{w + "s": o for w, o in CASUALTY_VERBS.items() if " " not in w},
    "die": "killed", "dies": "killed", "dying": "killed", "bodies": "killed",
    "body": "killed", "toll": "killed", "hostage": "captured", "freed": "captured",
    "released": "captured", "kidnappers": "captured", "hospital": "injured",
    "hospitalised": "injured", "hospitalized": "injured", "survivors": "injured",
}  # fmt: skip
"""Single words that name a casualty outcome, in any inflection the prose uses."""

CONTEXT_FORMS: Final[dict[str, Outcome]] = {
    "hostages": "captured", "captive": "captured", "release": "captured",
    "rescued": "captured", "victims": "killed", "victim": "killed", "remains": "killed",
    "drowned": "killed", "fatally": "killed", "shot": "killed-or-injured",
    "stabbed": "killed-or-injured", "hospitals": "injured", "treated": "injured",
    "critical": "injured", "custody": "arrested", "charged": "arrested",
    "convicted": "arrested", "sentenced": "arrested", "jailed": "arrested",
    "imprisoned": "arrested", "detainees": "arrested", "unaccounted": "missing",
}  # fmt: skip
"""Words the rules read no outcome from but that name one in context ("Nineteen of them
were shot", "40 people were treated"): a sentence with one is worth asking the classifier
about (since session 7), and the words are features of their own (``context=``), not
outcome words (the nearest outcome word stays the verb in "126 hostages had been freed")."""

_OUTCOME_FORM_RE: Final = re.compile(
    rf"\b(?:{'|'.join(sorted([*OUTCOME_FORMS, *CONTEXT_FORMS], key=len, reverse=True))})\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)  # a long document repeats its sentences
def names_an_outcome(text: str) -> bool:
    """Whether ``text`` holds one of the :data:`OUTCOME_FORMS` or :data:`CONTEXT_FORMS` as a word.

    >>> names_an_outcome("Among them were 36 Swiss."), names_an_outcome("Nine died.")
    (False, True)
    """
    return _OUTCOME_FORM_RE.search(text) is not None


_SUFFIXES: Final = ("ings", "ing", "ied", "ies", "ed", "es", "s")
_MONTHS: Final = frozenset(month.lower() for month in MONTHS)
_DIGITS: Final = re.compile(r"\d")
_WINDOW: Final = 5
_CHAIN: Final = 3


def stem(word: str) -> str:
    """A crude stem: lower case less one common suffix ("killings" -> "kill").

    >>> stem("Killings"), stem("injured"), stem("bodies"), stem("was"), stem("1,200")
    ('kill', 'injur', 'bod', 'was', '#')
    """
    w = word.lower()
    if _DIGITS.search(w):
        return "#"
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


def number_features(doc: Doc, begin: int, end: int, value: int | None = None) -> list[str]:
    """The features of the amount at code points ``begin:end`` of ``doc``'s text (see
    the module docstring); ``value`` is its number when it has one. Empty when no token
    lies in the span.

    >>> from attackgraph.extract.nlp import parse
    >>> doc = parse("He was 34 years old.")
    >>> "next=year" in number_features(doc, 7, 9, 34)
    True
    """
    span = doc.char_span(begin, end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    number = _from_number(span)
    if number is not span:
        span, value = number, value if value is not None else parse_number(number.text)
    root = span.root
    features = ["bias", *_amount(span, value), f"dep={root.dep_}"]
    features += _chain(root, span)
    features += _window(doc, span)
    features += _nearest_outcome(doc, span, root)
    features += sorted({f"context={stem(t.text)}" for t in doc if t.lower_ in CONTEXT_FORMS})
    if any(c.dep_ == "neg" for t in (root, *_heads(root)) for c in t.children):
        features.append("negated")
    if (
        "between_commas" in features
        and "head_capitalised" in features
        and root.dep_ == "appos"
        and "kind=digits" in features
    ):
        features.append(AGE_APPOSITION)
    return features


_BOUND_HEADS: Final = tuple(
    sorted(
        (tuple(w.split()) for w in (*LOWER_BOUND_HEADS, *UPPER_BOUND_HEADS)), key=len, reverse=True
    )
)


def _from_number(span: Span) -> Span:
    """``span`` from its number on when bound words the parser makes its head open it
    ("above 300", "as high as 200": :data:`~attackgraph.extract.number_words.LOWER_BOUND_HEADS`),
    so the amount is described as the bare number was before those words were read;
    else ``span`` itself.

    >>> from attackgraph.extract.nlp import parse
    >>> doc = parse("Some put the toll above 300.")
    >>> _from_number(doc[4:6]).text, _from_number(doc[5:6]).text
    ('300', '300')
    """
    words = tuple(t.lower_ for t in span)
    for head in _BOUND_HEADS:
        if len(words) > len(head) and words[: len(head)] == head:
            return span[len(head) :]
    return span


def _amount(span: Span, value: int | None) -> list[str]:
    words = span.text.lower()
    kind = "digits" if _DIGITS.search(words) else "words"
    out = [f"kind={kind}", f"ntokens={min(len(span), 3)}"]
    if value is not None:
        size = "0" if value == 0 else "1" if value == 1 else str(min(len(str(value)), 4))
        out.append(f"size={size}")
        if 1800 <= value <= 2100 and kind == "digits" and "," not in words:
            out.append("yearlike")
    else:
        out.append("size=none")
    return out


def _heads(token: Token) -> list[Token]:
    chain: list[Token] = []
    while token.head is not token and len(chain) < _CHAIN:
        token = token.head
        chain.append(token)
    return chain


def _chain(root: Token, span: Span) -> list[str]:
    out: list[str] = []
    chain = _heads(root)
    for k, head in enumerate(chain, 1):
        out += [f"h{k}={stem(head.text)}", f"h{k}dep={head.dep_}"]
    head = chain[0] if chain else root
    out.append(f"head={stem(head.text)}")
    if head.text[:1].isupper() and head.i > 0:
        out.append("head_capitalised")
    noun = root.head if root.dep_ == "nummod" else None
    if noun is None:  # "14 of the villagers", "killed 14": the number is the noun
        of = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"]
        objects = [g for c in of for g in c.children if g.dep_ == "pobj"]
        noun = objects[0] if objects else None
    out.append(f"noun={stem(noun.text) if noun is not None else '-'}")
    if noun is not None:
        out += [f"noun_dep={noun.dep_}", f"noun_head={stem(noun.head.text)}"]
    counted = noun if noun is not None else root
    verb_outcome = OUTCOME_FORMS.get(counted.head.lower_, "-")
    out.append(f"role={counted.dep_}:{verb_outcome}")
    if _acts(counted):
        out.append(AGENT)  # "three attacks killed fifteen soldiers", "two men who attacked it"
    return out


def _acts(noun: Token) -> bool:
    """Whether ``noun`` is the subject of an active verb with an object of its own, as
    the subject of its clause or through a relative clause ("men who attacked it")."""
    verbs = [noun.head] if noun.dep_ == "nsubj" else []
    verbs += [c for c in noun.children if c.dep_ == "relcl"]
    return any(
        any(c.dep_ == "dobj" for c in verb.children)
        and (verb is noun.head or any(c.dep_ == "nsubj" for c in verb.children))
        for verb in verbs
    )


def _window(doc: Doc, span: Span) -> list[str]:
    out = []
    before = doc[max(0, span.start - _WINDOW) : span.start]
    after = doc[span.end : span.end + _WINDOW]
    if len(before):
        out += [f"prev={stem(before[-1].text)}"]
    if len(before) > 1:
        out += [f"prev2={stem(before[-2].text)}"]
    if len(after):
        out += [f"next={stem(after[0].text)}"]
    if len(after) > 1:
        out += [f"next2={stem(after[1].text)}"]
    out += [f"before:{stem(t.text)}" for t in before if t.is_alpha]
    out += [f"after:{stem(t.text)}" for t in after if t.is_alpha]
    if any(t.lower_ in _MONTHS for t in (*before[-2:], *after[:1])):
        out.append("month_near")
    if len(before) and len(after) and before[-1].text == "," and after[0].text in ",)":
        out.append("between_commas")  # "Ana Ruiz, 26, was": an age
    return out


def _nearest_outcome(doc: Doc, span: Span, root: Token) -> list[str]:
    chain = {t.i for t in _heads(root)} | {c.i for c in root.head.children}
    best: tuple[int, Token, Outcome] | None = None
    for token in doc:
        outcome = OUTCOME_FORMS.get(token.lower_)
        if outcome is None or span.start <= token.i < span.end:
            continue
        distance = min(abs(token.i - span.start), abs(token.i - (span.end - 1)))
        if best is None or distance < best[0]:
            best = (distance, token, outcome)
    if best is None:
        return ["outcome=none"]
    distance, token, outcome = best
    side = "before" if token.i < span.start else "after"
    bucket = "1" if distance <= 1 else "3" if distance <= 3 else "6" if distance <= 6 else "far"
    out = [f"outcome={outcome}", f"outcome_{side}={outcome}", f"outcome_dist={bucket}"]
    out.append(f"outcome_word={stem(token.text)}")
    if token.i in chain:
        out.append(f"chain_outcome={outcome}")
    return out
