"""The learned second opinion on numbers the rules read no outcome for.

The prose rules (:mod:`~attackgraph.extract.prose_figures`) drop an amount they find no
outcome for. :class:`FigureGuess` asks the classifier
(:func:`~attackgraph.extract.figure_model.shipped_model`) about such an amount: when it
says, with probability at least :data:`CONFIDENCE` in what a source says (at least
:data:`UNATTRIBUTED_CONFIDENCE` in the document's own words), that the number is a
casualty figure of some outcome, the amount becomes a figure of that outcome; its group,
source and evidence are read as for any other figure.

What it never does, both decided on the development sets left out one at a time:

- overrule an outcome the rules read: where the two disagreed (44 amounts) the rules
  were right 33 times, the model 6;
- read digits in apposition to a name as a figure ("Tomas Berg, 19, was arrested"):
  four of the five in the gold are ages, the fifth no number;
- count the subject of a verb with an object of its own ("the three attacks killed
  fifteen soldiers", "the two men who attacked the museum"): they did something; the
  rules read "lost their lives" and the like themselves;
- make a ``killed-or-injured`` figure: the gold writes a null outcome for counts that
  are no casualties at all (a crowd, the attackers), so the model learned that label for
  them, and a crowd is no "killed or injured" figure.

The sentence is parsed (:func:`attackgraph.extract.nlp.parse`, cached) only when an
amount is asked about, so sentences whose numbers all have an outcome cost nothing.

>>> from attackgraph.extract.amounts import find_amounts
>>> t = "Hospitals admitted 41 people with shrapnel wounds."
>>> FigureGuess(t, 0, len(t))(find_amounts(t, 0, len(t))[0])
'injured'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

from spacy.tokens import Doc

from attackgraph.extract.amount_record import Amount
from attackgraph.extract.figure_features import (
    AGE_APPOSITION,
    AGENT,
    names_an_outcome,
    number_features,
)
from attackgraph.extract.figure_model import NONE, shipped_model
from attackgraph.extract.nlp import CACHE_SIZE, entities, parse, parse_all
from attackgraph.extract.one_person import person_noun
from attackgraph.extract.patients import may_name_patients, patients
from attackgraph.model import Outcome, Quantity

__all__ = [
    "CONFIDENCE",
    "UNATTRIBUTED_CONFIDENCE",
    "UNNUMBERED",
    "UNNUMBERED_CONFIDENCE",
    "FigureGuess",
    "unnumbered_spans",
]

CONFIDENCE: Final = 0.7
"""The least probability of a casualty outcome that makes an amount a figure, in what a
source says. Left out one set at a time over the ten development sets (session 7), 0.7
against 0.8 gave attributed claims +7 true and +1 false positive; 0.6 a further +3 and +4."""

UNATTRIBUTED_CONFIDENCE: Final = 0.9
"""The same, in the document's own words (no source), where fewer numbers are figures
(0.8 gave +4 true and +13 false positives on the development sets, left out one at a
time)."""

UNNUMBERED_CONFIDENCE: Final = 0.6
"""The least probability of a casualty outcome that makes one person a casualty verb acts
on without a number a figure (:meth:`FigureGuess.unnumbered`), with or without a source:
left out one set at a time, the development sets' candidates gave 45 right and 13 wrong
outcomes at 0.7, 32 and 8 at 0.9; scored through the pipeline over the ten development
sets (session 7), 0.6 against 0.7 gave unattributed figures +5 true and +2 false
positives (attributed +2 and 0), 0.5 a further +2 and +3 (attributed +1 and +5)."""


class FigureGuess:
    """The classifier's outcome for amounts of one sentence, ``text[begin:end]``.

    The classifier is only asked when the sentence names an outcome
    (:func:`~attackgraph.extract.figure_features.names_an_outcome`): in sentences that do
    not, the model made 10 of its 78 figures on the development sets (left out one at a
    time), at the cost of a parse for most sentences with a number; scored, leaving them
    out lost one attributed figure of 16 gained."""

    def __init__(self, text: str, begin: int, end: int, confidence: float = CONFIDENCE) -> None:
        self.text, self.begin, self.end = text, begin, end
        self.confidence = confidence
        self.worth_asking = names_an_outcome(text[begin:end])
        self._parsed: Doc | None = None

    def __call__(self, amount: Amount) -> Outcome | None:
        """The outcome the classifier gives ``amount`` confidently, else ``None``."""
        if not self.worth_asking or not self.begin <= amount.begin < amount.end <= self.end:
            return None
        if self._describes_someone(amount):
            return None
        q = amount.quantity
        value = q.value if q.value is not None else q.minimum
        features = number_features(
            self._parse(), amount.begin - self.begin, amount.end - self.begin, value
        )
        return self._decide(features)

    def _describes_someone(self, amount: Amount) -> bool:
        """Whether ``amount`` is an article opening an apposition that says what a person
        is ("Tomas Berg, 19, a student from Lund"): a description, no count of anyone."""
        if amount.quantity.text.lower() not in ("a", "an"):
            return False
        at = amount.begin - self.begin
        article = next((t for t in self._parse() if t.idx == at), None)
        return article is not None and article.head.dep_ == "appos"

    def unnumbered(self, amounts: list[Amount], begin: int, end: int) -> list[Amount]:
        """One person each, for the people a casualty verb acts on in ``text[begin:end]``
        without a number (:func:`~attackgraph.extract.patients.patients`) that none of
        ``amounts`` counts, where the classifier gives them an outcome confidently.

        >>> t = "Rebels stormed the town and killed the mayor."
        >>> found = FigureGuess(t, 0, len(t)).unnumbered([], 0, len(t))
        >>> [(a.quantity.text, a.outcome) for a in found]
        [('the mayor', 'killed')]
        """
        if not self.worth_asking or not may_name_patients(self.text[begin:end]):
            return []
        found: list[Amount] = []
        taken = [(a.begin, a.end) for a in amounts]
        found_in = _patients_in(self.text[self.begin : self.end])
        downed = [f for f in found_in if self._downed(*f)]
        for b, e in _outside([f for f in found_in if f not in downed], self.begin, taken):
            if not (begin <= b and e <= end) or self._no_person(b, e):
                continue
            features = number_features(self._parse(), b - self.begin, e - self.begin, 1)
            outcome = self._decide([*features, UNNUMBERED], UNNUMBERED_CONFIDENCE)
            if outcome is None:
                continue
            one = Amount(Quantity(1, None, None, False, self.text[b:e]), b, e, e)
            one.outcome, one.own = outcome, True
            found.append(one)
        return found

    def _downed(self, b: int, e: int, reach: int) -> bool:
        """Whether the candidate at ``b:e`` (offsets in the sentence) is a thing "shot
        down" ("his Mirage was shot down"), not a person ("the pilot was shot down")."""
        head = self.text[self.begin + b : self.begin + e].split()[-1].lower()
        return _SHOT_DOWN.match(self.text, self.begin + reach) is not None and not person_noun(head)

    def _no_person(self, b: int, e: int) -> bool:
        """Whether the candidate at ``b:e`` names a people, not one person: its head is a
        nationality, religious or political group to the recogniser (``NORP``: "the
        Mahdist dead", "Algerians ... had been killed") with no "a"/"an" before it ("an
        Italian who ran a cafe" is one person). Other labels are not used: the small
        model tags many surnames as organisations or places ("Okamoto", "Hughes")."""
        words = self.text[b:e].split()
        if not words or not words[-1][:1].isupper() or words[0].lower() in ("a", "an", "one"):
            return False
        at = e - len(words[-1]) - self.begin
        return any(
            x.label == "NORP" and x.begin <= at < x.end
            for x in entities(self.text[self.begin : self.end])
        )

    @staticmethod
    def prepare(sentences: Iterable[str]) -> None:
        """Parse, in one batch, those of a document's ``sentences`` that
        :meth:`unnumbered` will parse (the parses are cached): cheaper than one at a time.

        >>> FigureGuess.prepare(["The guard was shot dead.", "The toll rose to 20."])
        """
        parse_all(s for s in sentences if names_an_outcome(s) and may_name_patients(s))

    def _parse(self) -> Doc:
        if self._parsed is None:
            self._parsed = parse(self.text[self.begin : self.end])
        return self._parsed

    def _decide(self, features: list[str], confidence: float | None = None) -> Outcome | None:
        if not features or AGE_APPOSITION in features or AGENT in features:
            return None  # "Tomas Berg, 19, was ...": his age; "two men who attacked": agents
        label, probability = shipped_model().best(features)
        if label in _NO_FIGURE or probability < (confidence or self.confidence):
            return None
        return _OUTCOMES[label]


_SHOT_DOWN: Final = re.compile(r"\s+(?:was|were|had\s+been|has\s+been)\s+shot\s+down\b")
"""What befalls an aircraft, not a person: "his Mirage was shot down" is no one hurt."""

UNNUMBERED: Final = "unnumbered"
"""The feature of a candidate with no number words: a person a casualty verb acts on."""


def unnumbered_spans(doc: Doc, offset: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans (``offset`` added) of :func:`~attackgraph.extract.patients.patients` in
    ``doc`` whose phrases overlap none of ``taken`` (amounts already count them: "the
    driver, Tom Bell, was shot" where "Tom Bell" is an amount).

    >>> from attackgraph.extract.nlp import parse, parse_all
    >>> unnumbered_spans(parse("The guard was shot."), 10, [])
    [(10, 19)]
    """
    return _outside(patients(doc), offset, taken)


def _outside(
    found: Iterable[tuple[int, int, int]], offset: int, taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    out = []
    for b, e, reach in found:
        b, e, reach = b + offset, e + offset, reach + offset
        if not any(tb < reach and b < te for tb, te in taken):
            out.append((b, e))
    return out


@lru_cache(maxsize=CACHE_SIZE)
def _patients_in(sentence: str) -> tuple[tuple[int, int, int], ...]:
    """:func:`~attackgraph.extract.patients.patients` of the sentence's parse
    (:func:`~attackgraph.extract.nlp.parse`, which depends only on the text): a sentence
    repeated in a long document is read once."""
    return tuple(patients(parse(sentence)))


_NO_FIGURE: Final = frozenset({NONE, "killed-or-injured"})

_OUTCOMES: Final[dict[str, Outcome]] = {
    "killed": "killed", "injured": "injured", "captured": "captured", "missing": "missing",
    "arrested": "arrested", "killed-or-injured": "killed-or-injured",
}  # fmt: skip
