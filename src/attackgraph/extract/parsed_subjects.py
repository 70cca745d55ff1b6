"""The speaker of a reporting verb, read from the dependency parse.

The word rules of :mod:`~attackgraph.extract.subjects` take the words before a verb up
to a clause break; a sentence that opens with an adverbial ("At dawn the army said",
"During the siege she told AFP", "On 15 January Le Drian said") gives them the
adverbial too. The parse (:mod:`~attackgraph.extract.nlp`) knows better: the speaker is
the nominal subject (``nsubj``) of the reporting verb, or of the verb it is coordinated
with ("X visited the camp and said"). :func:`parsed_subject` returns that noun phrase
without its appositions and relative clauses, and without leading date words.

Only sentences whose word-rule subject looks like it holds more than a noun phrase are
parsed (:func:`needs_parse`), so the cost stays with the few sentences that need it.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Token

from attackgraph.extract.nlp import parse
from attackgraph.extract.number_words import MONTHS

__all__ = ["TIMES", "needs_parse", "parsed_subject", "subject_follows", "without_set_off"]

_OPENERS: Final = frozenset(
    """
    at on in by during after before within since following over under from until amid
    amidst early late later earlier then meanwhile when while once shortly that
    """.split()
)
"""First words of an adverbial that can open a sentence before its subject."""

_RIGHT_MODIFIERS: Final = frozenset({"appos", "relcl", "acl", "punct", "advcl"})

_SUBJECTS: Final = frozenset({"nsubj"})

_MONTHS: Final = frozenset(m.lower() for m in MONTHS)

TIMES: Final = frozenset(
    "dawn daybreak sunrise morning noon midday afternoon evening dusk sunset nightfall night "
    "midnight today yesterday tonight".split()
)
"""Times of day the small model may read as part of the subject ("By nightfall Bush")."""

_INNER: Final = frozenset({"the", "a", "an", "he", "she", "it", "they"})
"""Words that start a new noun phrase inside the subject words ("week the Red Cross")."""


def needs_parse(words: str) -> bool:
    """Whether subject words found by the word rules may open with an adverbial.

    >>> needs_parse("At dawn the army"), needs_parse("the army"), needs_parse("Both Mali and Niger")
    (True, False, False)
    >>> needs_parse("During the siege she"), needs_parse("week the Red Cross")
    (True, True)
    """
    tokens = words.lower().split()
    first = tokens[0] if tokens else ""
    return (
        first in _OPENERS
        or first in _MONTHS
        or first.isdigit()
        or any(t in _INNER for t in tokens[1:])
    )


def parsed_subject(text: str, begin: int, end: int, verb: int) -> tuple[int, int] | None:
    """The speaker of the verb at ``verb`` in the sentence ``text[begin:end]``, as
    absolute offsets; ``None`` when the parse gives the verb no nominal subject.

    >>> t = "At dawn the army said that nine soldiers had been killed."
    >>> b, e = parsed_subject(t, 0, len(t), t.index("said")); t[b:e]
    'the army'
    >>> t = "On 15 January Le Drian said six had died."
    >>> b, e = parsed_subject(t, 0, len(t), t.index("said")); t[b:e]
    'Le Drian'
    >>> t = "By nightfall Okafor put the toll at 12."
    >>> b, e = parsed_subject(t, 0, len(t), t.index("put")); t[b:e]
    'Okafor'
    >>> t = "The Annual Report on the Coastal Crisis, published in May, stated that 9 died."
    >>> b, e = parsed_subject(t, 0, len(t), t.index("stated")); t[b:e]
    'The Annual Report on the Coastal Crisis'
    """
    doc = parse(text[begin:end])
    token = next((t for t in doc if t.idx == verb - begin), None)
    if token is None:
        return None
    subject = _subject(token)
    if subject is None:
        return None
    tokens = _core(subject)
    while tokens and (
        tokens[0].like_num
        or tokens[0].text in MONTHS
        or tokens[0].dep_ == "prep"
        or tokens[0].lower_ in TIMES
    ):
        tokens = tokens[1:]
    if not tokens:
        return None
    return begin + tokens[0].idx, begin + tokens[-1].idx + len(tokens[-1].text)


def _subject(verb: Token) -> Token | None:
    """The nominal subject of the verb, or of the verb it is coordinated with."""
    for _ in range(3):
        found = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if found is not None:
            return found
        if verb.dep_ != "conj":
            return None
        verb = verb.head
    return None


def _core(head: Token) -> list[Token]:
    """The head's noun phrase: its subtree without appositions, relative clauses and
    other modifiers to its right."""
    left = [t for t in head.lefts]
    tokens = [t for child in left for t in child.subtree] + [head]
    for child in head.rights:
        close = child.dep_ == "appos" and child.left_edge.i == head.i + 1
        if child.dep_ in _RIGHT_MODIFIERS and not close:  # "the broadcaster Jim McKay": one
            break
        tokens += without_set_off(child)
    return sorted(tokens, key=lambda t: t.i)


_SET_OFF: Final = frozenset({"appos", "relcl", "acl"})


def without_set_off(token: Token) -> list[Token]:
    """The token's subtree without a clause or an apposition set off by a comma to the
    right of a word inside it ("the Report on the Crisis, published in June": the
    participle hangs on "Crisis", not on the subject's head)."""
    tokens = [t for child in token.lefts for t in child.subtree] + [token]
    rights = list(token.rights)
    for k, child in enumerate(rights):
        if child.text == "," and k + 1 < len(rights) and rights[k + 1].dep_ in _SET_OFF:
            break
        tokens += without_set_off(child)
    return tokens


def subject_follows(text: str, begin: int, end: int, verb: int) -> bool:
    """Whether the parse puts the nominal subject of the verb at ``verb`` after it
    (", said Colonel Bako"), in the sentence ``text[begin:end]``.

    >>> t = "Nine died, said Colonel Issa Bako."
    >>> subject_follows(t, 0, len(t), t.index("said"))
    True
    >>> t = "Its spokesman, Ali Noor, said the group did not do it."
    >>> subject_follows(t, 0, len(t), t.index("said"))
    False
    """
    doc = parse(text[begin:end])
    token = next((t for t in doc if t.idx == verb - begin), None)
    subject = _subject(token) if token is not None else None
    return subject is not None and subject.i > token.i if token is not None else False
