"""Where a prose amount's outcome comes from: the outcome words of prose and rules 1-3
of :mod:`~attackgraph.extract.prose_figures`.

- :func:`outcome_after` (rule 1): the amount's own outcome words after it ("six soldiers
  were killed", "27 dead"), unless an active verb has an object of its own;
- :func:`outcome_before` (rule 2): an outcome verb right before it ("killed all six");
- :func:`toll_before` (rule 3): a toll named before it and joined to it by linking words,
  adverbs and verbs that set a toll only ("the toll was later settled at 20").

The verb forms come from the one casualty-verb lexicon,
:data:`~attackgraph.extract.vocabulary.CASUALTY_VERBS`.
"""

from __future__ import annotations

import re
from typing import Final

from attackgraph.extract.number_words import SMALL_NUMBERS, TENS
from attackgraph.extract.vocabulary import (
    GERUND_OUTCOMES,
    KILLED_OR_INJURED,
    NON_CASUALTY_WORDS,
    OUTCOME_WORDS,
    PASSIVE_OUTCOMES,
    TOLL_VERB_FORMS,
)
from attackgraph.model import Outcome

__all__ = [
    "FREED_BEFORE",
    "LINK_ADVERBS",
    "OUTCOMES",
    "OUTCOME_RE",
    "PROSE_OUTCOMES",
    "outcome_after",
    "outcome_before",
    "sentenced_to_death",
    "toll_before",
]

PROSE_OUTCOMES: Final[dict[str, Outcome]] = {
    **PASSIVE_OUTCOMES, **GERUND_OUTCOMES,
    "bodies": "killed", "death toll": "killed", "toll": "killed",
    "lives lost": "killed", "killed or wounded": "killed-or-injured",
    "taken to hospital": "injured",
    "hospitalised": "injured", "hospitalized": "injured", "in hospital": "injured",
    "in hospitals": "injured", "being treated": "injured", "receiving treatment": "injured",
    "in custody": "arrested", "arrests": "arrested", "killings": "killed",
    "captive": "captured", "hostage": "captured", "prisoner": "captured",
    "blew himself up": "killed", "blown himself up": "killed", "blew herself up": "killed",
    "blown herself up": "killed", "blew themselves up": "killed",
    "blown themselves up": "killed", "killed themselves": "killed", "victims": "killed",
    "hospital treatment": "injured", "being held": "captured", "still held": "captured",
    "being held in custody": "arrested", "in captivity": "captured",
    **dict.fromkeys(
        (
            "taken to hospitals", "taken to a hospital", "taken to the hospital",
            "in a critical condition", "in critical condition", "in a serious condition",
            "in serious condition", "in a stable condition", "in stable condition",
            "in a grave condition", "in intensive care", "treated for",
        ),
        "injured",
    ),
    "succumbed": "killed", "drowned": "killed",
}  # fmt: skip
"""Outcome words of prose that the infobox vocabulary does not need: the casualty verbs'
forms (:data:`~attackgraph.extract.vocabulary.CASUALTY_VERBS`) and nouns and phrases."""

_EITHER_WORDS: Final[dict[Outcome, tuple[str, ...]]] = {
    "killed": ("killed", "dead", "slain"),
    "injured": ("wounded", "injured", "hurt"),
    "captured": ("captured", "abducted", "kidnapped", "taken prisoner", "taken hostage"),
    "missing": ("missing", "disappeared"),
    "arrested": ("arrested", "detained"),
}
_EITHER_OUTCOMES: Final[dict[str, Outcome]] = {
    f"{a} or {b}": KILLED_OR_INJURED
    for first, a_words in _EITHER_WORDS.items()
    for second, b_words in _EITHER_WORDS.items()
    if first != second
    for a in a_words
    for b in b_words
}
"""Two outcomes offered as alternatives make one combined figure, whichever they are:
"167 killed or missing", "1,173 soldiers were dead or missing", "156 people killed or
disappeared" count those who met one or the other, as "killed or wounded" does (the gold's
null outcome, the model's ``killed-or-injured``). A zero stays one figure per outcome
("none was killed or captured": :func:`~attackgraph.extract.one_person.none_of`)."""

_TRANSITIVE: Final = frozenset(w for w in PASSIVE_OUTCOMES if " " not in w) | {"apprehended"}

_VERB_OUTCOMES: Final[dict[str, Outcome]] = {
    "lost": "killed",
    "losing": "killed",
    "seized": "captured",
    "seizing": "captured",
}
"""Verbs that count casualties only before an amount ("lost one soldier")."""
_ACTIVE_BEFORE: Final = (
    frozenset(w for w in (*PASSIVE_OUTCOMES, *GERUND_OUTCOMES) if " " not in w)
    - {"hurt", "hurting", "maimed", "maiming"}
) | frozenset(_VERB_OUTCOMES)

_LINK: Final = frozenset(
    "was were is are as stood at of to rose risen had has have reached numbered in the between "
    "been given for put placed raised now final official total a an higher lower revised "
    "later new climbed increased ranged from range estimated included include includes much far "
    "even would stand stands".split()
)

_BE: Final = re.compile(r"\b(?:was|were|been|being|be|is|are|get|got)\s+(?:\w+ly\s+)?$")

_OBJECT_AFTER: Final = re.compile(
    r"\s+(?:(?:the|a|an|all|his|her|their|its|at\s+least|more|some|several|dozens|hundreds|"
    rf"many|(?i:{'|'.join([*SMALL_NUMBERS, *TENS])}))\b|\d|[A-Z])"
)
"""What opens the object of an active verb: "four gunmen killed three policemen" (the four
did the killing)."""


def _phrases(words: list[str]) -> re.Pattern[str]:
    alts = sorted(words, key=len, reverse=True)
    return re.compile("|".join(rf"(?<![\w-]){re.escape(w)}(?![\w-])" for w in alts), re.IGNORECASE)


OUTCOMES: Final[dict[str, Outcome]] = {**OUTCOME_WORDS, **PROSE_OUTCOMES, **_EITHER_OUTCOMES}
"""Every outcome word prose is read with -> outcome."""

OUTCOME_RE: Final = _phrases([w for w in OUTCOMES if w[0].isalnum()])
"""Matches the :data:`OUTCOMES` words, whole words only."""

_NON_CASUALTY_RE: Final = _phrases(list(NON_CASUALTY_WORDS))


def outcome_after(text: str, begin: int, stop: int) -> tuple[Outcome, int] | None:
    """Rule 1: (outcome, end) of the outcome words after an amount in ``text[begin:stop]``;
    ``None`` when there are none, or when an active verb has an object of its own.

    >>> outcome_after("six soldiers were killed", 3, 24)
    ('killed', 24)
    >>> outcome_after("four gunmen killed 20", 4, 21) is None
    True
    """
    m = OUTCOME_RE.search(text, begin, stop)
    while m is not None and (_in_name(text, m.start()) or sentenced_to_death(text, m)):
        m = OUTCOME_RE.search(text, m.end(), stop)  # "the band Eagles of Death Metal"
    if m is None or _NON_CASUALTY_RE.search(text, begin, m.start()):
        return None
    captive = m.group().lower()
    if captive in _CAPTIVES and _FREED_AFTER.match(text, m.end()):
        return None  # "25 prisoners escaped": free, not taken
    if captive in _CAPTIVE_NOUNS or captive in _CAPTIVES:  # "one captive was killed"
        verb = OUTCOME_RE.search(text, m.end(), stop)
        if verb is not None and (
            verb.group().lower() == "died"
            or _BE.search(text, max(0, verb.start() - 30), verb.start())
            or _STATE_RIGHT_AFTER.fullmatch(text, m.end(), verb.end())
        ):
            m = verb  # the verb says: "111 prisoners were killed", "left 23 prisoners dead"
        elif captive in _CAPTIVE_NOUNS and _LIST_GOES_ON.match(text, m.end()):
            return None  # "one hostage, two commandos and ... died": the list's verb
    word = m.group().lower()
    if word in _TRANSITIVE and not _BE.search(text, max(0, m.start() - 30), m.start()):
        if _OBJECT_AFTER.match(text, m.end()):
            return None  # active: the amount is who did it
    if word in ("toll", "death toll") or (word.endswith("ing") and word in PROSE_OUTCOMES):
        return None  # "two bombs went off, killing twenty": the bombs are no victims
    return OUTCOMES[word], m.end()


_STATE_RIGHT_AFTER: Final = re.compile(r"\s+(?:dead|killed|wounded|injured|hurt|missing)")
"""An outcome right after a captive noun, which says what became of them ("left 23
prisoners dead"): it, not the noun, is their outcome."""
_CAPTIVE_NOUNS: Final = frozenset({"hostage", "captive", "prisoner"})
_CAPTIVES: Final = frozenset({"captives", "prisoners"})
"""Plural captive nouns: their own verb gives the outcome ("111 prisoners were killed"),
else they are captured ("took 40 prisoners")."""
_FREED_AFTER: Final = re.compile(
    r"\s+(?:(?:were|was|had|have|been)\s+)*(?:\w+ly\s+|later\s+|all\s+)?"
    r"(?:escaped|broke\s+out|fled|freed|released|rescued|set\s+free)\b",
    re.IGNORECASE,
)
FREED_BEFORE: Final = re.compile(
    r"\b(?:release|releases|released|releasing|free|frees|freed|freeing|exchanged|"
    r"exchanging|swapped|swapping)\s+(?:(?:the|all|another|some|its|their)\s+)*$",
    re.IGNORECASE,
)
"""A verb that lets those counted go ("released 1,150 prisoners", "freeing 173
prisoners"): they are no captives of the attack (:data:`_FREED_AFTER` says the same after
the noun: "25 prisoners escaped")."""
_LIST_GOES_ON: Final = re.compile(
    r"\s*(?:,|\s+and)\s+(?:all\s+)?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|an?)\b"
)


_SENTENCE_AFTER: Final = re.compile(r"\s+(?:sentences?|penalty|penalties|row|warrants?)\b", re.I)
_SENTENCED_BEFORE: Final = re.compile(
    r"\b(?:sentenc|condemn)\w*\b[^.;:]{0,80}?\bto\s+$|\bsentences?\s+of\s+$", re.I
)


def sentenced_to_death(text: str, word: re.Match[str]) -> bool:
    """Whether the outcome word ``word`` ("death") names a court's sentence, not a death:
    "sentenced six men to death", "condemned to death", "two death sentences", "on death
    row". A sentence is no casualty: who was sentenced was neither killed then nor, in
    the words, executed.

    >>> t = "The court sentenced six men to death; two death sentences were commuted."
    >>> [sentenced_to_death(t, m) for m in OUTCOME_RE.finditer(t)]
    [True, True]
    >>> t = "Four guards were beaten to death."
    >>> [sentenced_to_death(t, m) for m in OUTCOME_RE.finditer(t)]
    [False]
    """
    if word.group().lower() != "death":
        return False
    return (
        _SENTENCE_AFTER.match(text, word.end()) is not None
        or _SENTENCED_BEFORE.search(text, max(0, word.start() - 100), word.start()) is not None
    )


def _in_name(text: str, at: int) -> bool:
    """Whether a capitalised word at ``at`` follows another one: part of a name."""
    return (
        text[at : at + 1].isupper()
        and re.search(r"[A-Z][\w'’-]*\s+(?:of\s+)?$", text[max(0, at - 40) : at]) is not None
    )


def outcome_before(text: str, floor: int, at: int) -> tuple[Outcome, int] | None:
    """Rule 2: (outcome, where the verb starts) of an outcome verb right before the amount
    at ``at`` ("killed all six", "shot dead two"), looking no further back than ``floor``.

    >>> outcome_before("Gunmen killed all six", 0, 18), outcome_before("They saw six", 0, 9)
    (('killed', 7), None)
    >>> outcome_before("They killed or captured 90", 0, 24)
    ('killed-or-injured', 5)
    """
    left = text[floor:at]
    if re.search(r"\bshot\s+dead\s+(?:all\s+)?$", left):
        return "killed", floor + left.rindex("shot")
    m = re.search(
        r"(\w+)\s+(?:(?:all|the|a\s+total\s+of|an\s+estimated|another|a\s+further|"
        r"an\s+additional)\s+)?$",
        left,
    )  # "killed another 12": a further figure (prose_figures.increment)
    if m is None or m.group(1).lower() not in _ACTIVE_BEFORE:
        return None
    word = m.group(1).lower()
    outcome = _VERB_OUTCOMES.get(word) or OUTCOMES.get(word)
    either = re.search(r"(\w+)\s+or\s+$", left[: m.start(1)])
    if outcome and either is not None and f"{either.group(1).lower()} or {word}" in OUTCOMES:
        return OUTCOMES[f"{either.group(1).lower()} or {word}"], floor + either.start(1)
    return (outcome, floor + m.start(1)) if outcome else None


def toll_before(text: str, floor: int, at: int, last: Outcome | None) -> tuple[Outcome, int] | None:
    """Rule 3: (outcome, where) of a toll named before the amount at ``at``, joined to it
    by linking words only; a bare "toll"/"figure" takes ``last`` (else killed).

    >>> toll_before("The toll was later settled at 20", 0, 30, None)
    ('killed', 4)
    >>> toll_before("The number of injured rose to 31", 0, 30, None)
    ('injured', 14)
    """
    best: tuple[Outcome, int] | None = None
    for m in OUTCOME_RE.finditer(text, floor, at):
        gap = [w for w in re.split(r"[\s,]+", text[m.end() : at].lower()) if w]
        if gap and all(_linking(w) for w in gap):
            best = OUTCOMES[m.group().lower()], m.start()
    if best is not None:
        return best
    for m in re.finditer(r"\b(toll|figure|figures|tally|count|number|total)\b", text[floor:at]):
        gap = [w for w in re.split(r"[\s,]+", text[floor + m.end() : at].lower()) if w]
        verb = any(w in TOLL_VERB_FORMS for w in gap)
        if all(_linking(w) for w in gap) and (verb or m.group() != "total"):
            return last or "killed", floor + m.start()  # not "a total of 500 troops"
    return None


LINK_ADVERBS: Final = frozenset(
    "later eventually again then finally subsequently since already soon ultimately up down "
    "once still also afterwards afterward upwards downwards upward downward".split()
)
"""Adverbs that may come between a toll and its amount ("rose again to 51")."""


def _linking(word: str) -> bool:
    """Whether a word between a toll and its amount only links them: a function word, an
    adverb or a verb that sets a toll ("was later settled at", "eventually reached")."""
    return (
        word in _LINK
        or word in TOLL_VERB_FORMS
        or word in LINK_ADVERBS
        or (word.endswith("ly") and len(word) > 4)
    )
