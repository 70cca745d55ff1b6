"""A source that is only another count (``tests/corpus/CONVENTIONS.md`` rule 2).

"Most later accounts give 41 dead", "by one count", "according to other estimates",
"some reports said", "the official count listed": no one is named, so the figure is the
document's own (unattributed); a graph that published "later accounts" as a source would
state it as if it were someone. A count whose words say whose it is stays a source:
"press reports", "hospital records" (a noun before it, which the parse labels
``compound``), "the ministry's figures" (a possessive), "British accounts", "official
Kenyan figures" (a name or a people's adjective), "army estimates" (a noun that names a
source, :data:`~attackgraph.extract.subjects.SOURCE_NOUNS`), "a count kept by local
monitors" (words after the count). The words before the count are read from the
parse's noun phrase, whatever stretch of it the word rules took for the subject. A
singular count after "the", "this" or "that" alone ("the report", "that report") refers
back to a document named before and is left to the resolution of anaphors.

The parse of the sentence (:func:`~attackgraph.extract.nlp.parse`, cached by text) tells
a noun before the count from an adjective; only subjects ending in a count noun are
parsed.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Token

from attackgraph.extract.nlp import parse
from attackgraph.extract.speaker_names import BACK_DETERMINERS
from attackgraph.extract.subjects import SOURCE_NOUNS
from attackgraph.reference.countries import demonym_countries

__all__ = ["COUNT_NOUNS", "only_a_count"]

COUNT_NOUNS: Final = frozenset(
    "account accounts estimate estimates report reports count counts figure figures toll "
    "tolls tally tallies list lists record records statement statements reckoning "
    "reckonings".split()
)
"""Nouns that name a count or an account of one, not who made it."""

_NOT_SOURCES: Final = frozenset({"official", "officials", "report", "reports"})
"""Source nouns that, modifying a count, say what kind of count it is ("the official
count"), not whose."""

_NO_AUTHOR: Final = frozenset(
    "the a an one some most many several all other later early earlier initial first final "
    "new revised preliminary subsequent further official unofficial local contemporary "
    "widely used various this that these those".split()
)
"""Words before a count that say which or what kind of count it is, never whose, however
the parse labels them (it reads a capitalised "Unofficial counts" as a compound)."""

_AUTHOR_DEPS: Final = frozenset({"compound", "poss", "nmod", "appos", "case"})
"""Dependencies of a word before a count that name whose it is ("press reports")."""


def only_a_count(text: str, sentence: tuple[int, int], subject: tuple[int, int]) -> bool:
    """Whether the subject ``text[subject[0]:subject[1]]`` of the sentence
    ``text[sentence[0]:sentence[1]]`` names only a count, no one who made it.

    >>> def check(s: str, words: str) -> bool:
    ...     at = s.index(words)
    ...     return only_a_count(s, (0, len(s)), (at, at + len(words)))
    >>> check("Most later accounts give 41 dead.", "Most later accounts")
    True
    >>> check("By one count, 212 villagers were killed.", "one count")
    True
    >>> check("The official count listed 52 dead.", "The official count")
    True
    >>> check("Press reports said 26 people had died.", "Press reports")
    False
    >>> check("British figures gave 96 captured.", "British figures")
    False
    >>> check("The report said 12 died.", "The report")
    False
    >>> check("Unofficial counts put the dead at 100.", "Unofficial counts")
    True
    >>> check("The unit's after-action report listed two dead.", "-action report")
    False
    >>> check("The official figure, given by the mayor, was 32 killed.", "The official figure")
    False
    >>> check("Initial reports from the scene said 9 died.", "Initial reports from the scene")
    True
    >>> check("Early reports from the health ministry gave 14 dead.", "Early reports")
    False
    """
    begin, end = subject
    words = text[begin:end].split()
    if not any(w.lower() in COUNT_NOUNS for w in words):
        return False
    if (
        len(words) == 2
        and words[0].lower() in BACK_DETERMINERS
        and not words[1].lower().endswith("s")
    ):
        return False  # "that report": one named before
    doc = parse(text[sentence[0] : sentence[1]])
    low, high = begin - sentence[0], end - sentence[0]
    tokens = [t for t in doc if low <= t.idx < high]
    head = _head(tokens)
    if head is None or head.lower_ not in COUNT_NOUNS:
        return False
    before = {t.i: t for t in tokens[:-1]} | {t.i: t for c in head.lefts for t in c.subtree}
    made_by = any(_gives_author(t) for c in head.rights for t in c.subtree)
    return not made_by and not any(_names_author(t) for t in before.values())


def _head(tokens: list[Token]) -> Token | None:
    """The count the subject's words name: its last word when that is a count (its whole
    noun phrase, where the words cut it short: "-action report"), or the word they hang
    from when "from" or "by" follows it ("reports" of "Initial reports from the scene").
    A count followed by other words ("Provincial figures published in May") is left to
    the rules that name its maker."""
    if not tokens:
        return None
    if tokens[-1].lower_ in COUNT_NOUNS:
        return tokens[-1]
    inside = {t.i for t in tokens}
    outer = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    if len(outer) != 1 or outer[0].i + 1 not in inside:
        return None
    return outer[0] if outer[0].nbor().lower_ in ("from", "by") else None


def _gives_author(token: Token) -> bool:
    """Whether a word after a count names who made it: "by" anyone ("kept by local
    monitors"), "from" someone — a name or a source noun ("from the ministry", "from
    Red Cross workers"), never a place ("reports from the scene")."""
    if token.dep_ == "agent" or token.lower_ == "by":
        return True
    if token.lower_ != "from":
        return False
    return any(
        t.pos_ == "PROPN" or t.lower_ in SOURCE_NOUNS for t in token.subtree if t is not token
    )


def _names_author(token: Token) -> bool:
    """Whether a word before a count says whose the count is."""
    if token.lower_ in _NO_AUTHOR:
        return False
    if token.dep_ in _AUTHOR_DEPS or token.text.endswith(("'s", "’s", "'", "’")):
        return True
    low = token.lower_
    if low in SOURCE_NOUNS and low not in _NOT_SOURCES:
        return True
    if not token.text[:1].isupper():
        return False
    opens = token.i == 0 or token.doc[token.i - 1].is_punct
    return not opens or bool(demonym_countries(token.text))
