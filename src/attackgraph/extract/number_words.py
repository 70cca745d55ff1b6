"""The words amounts are read with, and the context that shows a number is no amount.

:mod:`attackgraph.extract.numbers` reads amounts with these tables: cardinal words
(:data:`SMALL_NUMBERS`, :data:`TENS`, :data:`SCALES`), the prefixes and suffixes that
make an amount approximate or a bound, vague amounts and range separators. The context
words (months, measures, labels, year context) and the patterns built from them
(``*_BEFORE``, ``*_AFTER``, ``*_EXCLUDE``) are what
:func:`~attackgraph.extract.numbers.find_quantities` uses to leave out numbers that are
dates, times, measures, ratios, ages or labels.
"""

from __future__ import annotations

import re
from typing import Final

from attackgraph.reference.lexicon import MONTHS as MONTHS  # re-exported for the extractors

SMALL_NUMBERS: Final[dict[str, int]] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS: Final[dict[str, int]] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES: Final[dict[str, int]] = {"thousand": 1_000, "million": 1_000_000, "billion": 10**9}

APPROXIMATE_PREFIXES: Final = (
    "about", "around", "approximately", "approx.", "approx", "nearly", "almost", "some",
    "roughly", "an estimated", "estimated", "est.", "c.", "ca.", "circa", "~", "≈",
    "close to", "more or less", "an approximate",
)  # fmt: skip
LOWER_BOUND_HEADS: Final = ("above", "well above", "exceeded", "exceeding")
UPPER_BOUND_HEADS: Final = ("as high as",)
"""Bound words that the parser makes the head of their number (a preposition, a verb):
"put the toll above 300", "later estimates exceeded 5,000", "as high as 200" (CONVENTIONS
rule 11). The figure classifier reads such an amount from its number on
(:func:`~attackgraph.extract.figure_features.number_features`)."""
LOWER_BOUND_PREFIXES: Final = (
    "at least", "more than", "over", "no fewer than", "not fewer than", "no less than",
    "not less than", "upwards of", "in excess of", "a minimum of", "at a minimum",
    "greater than", "just over", "well over", "slightly more than", "at minimum",
    *LOWER_BOUND_HEADS,
)  # fmt: skip
UPPER_BOUND_PREFIXES: Final = (
    "up to", "no more than", "not more than", "fewer than", "less than", "at most",
    "a maximum of", "as many as", "at the most", "just under", *UPPER_BOUND_HEADS,
)  # fmt: skip
LOWER_BOUND_SUFFIXES: Final = ("+", "plus", "-plus", "or more", "and more", "or above")
UPPER_BOUND_SUFFIXES: Final = ("or fewer", "or less")
APPROXIMATE_SUFFIXES: Final = (
    "or so", "-odd", "odd", "(est.)", "(est)", "est.", "(estimated)", "(approx.)",
    "(approximately)",
)  # fmt: skip
VAGUE_AMOUNTS: Final = (
    "tens of thousands", "hundreds of thousands", "thousands", "hundreds", "dozens", "tens",
    "scores", "several dozen", "several hundred", "several thousand", "a few dozen",
    "a few hundred", "a few thousand", "a few", "several", "a number of",
    "a large number of", "large numbers of", "a handful of", "a handful", "many",
    "numerous", "countless", "multiple", "an unknown number of", "unknown number of",
    "an undetermined number of", "an undisclosed number of", "an unspecified number of",
)  # fmt: skip
RANGE_SEPARATORS: Final = ("–", "—", "-", "−", "to", "or")

# context that shows a number is not an amount (see find_quantities)
MEASURE_WORDS: Final = (
    "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres",
    "meters", "metre", "meter", "m", "cm", "mm", "kg", "kilograms", "kilos", "tonnes",
    "tons", "pounds", "lb", "lbs", "feet", "foot", "ft", "inches", "hectares", "acres",
    "years", "year", "months", "month", "weeks", "week", "days", "day", "nights", "hours",
    "hour", "minutes", "minute", "seconds", "percent", "per cent", "%", "times",
    "degrees", "year-old", "years-old", "calibre", "caliber", "storey", "storeys", "floors",
    "dollars", "US dollars", "euros", "pounds sterling", "rupees", "shillings", "naira",
    "francs", "CFA francs", "dinars", "rubles", "roubles", "yuan",
)  # fmt: skip
LABEL_WORDS: Final = (
    "Flight", "Route", "Highway", "Resolution", "Article", "Battalion", "Brigade",
    "Division", "Regiment", "Company", "Unit", "Platoon", "Squadron", "Corps", "Camp",
    "Sector", "Zone", "Gate", "Room", "Building", "Block", "Chapter", "Section", "Page",
    "No.", "No", "Number", "Phase", "Level", "Ward", "Checkpoint", "Task Force", "Bus",
    "Line", "Terminal", "Platform", "Apartment", "Hall", "Hangar", "Stage", "District",
)  # fmt: skip
YEAR_CONTEXT_WORDS: Final = (
    "in", "since", "from", "until", "till", "by", "during", "of", "the", "early", "late",
    "mid", "before", "after", "around", "year", "its", "this", "that", "on", "and", "to",
    "through", "between", "summer", "winter", "spring", "autumn", "fall", "s",
)  # fmt: skip


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


AFTER_EXCLUDE: Final = re.compile(
    rf"(?:\s*(?:[ap]\.?\s?m\b\.?|o['’]clock|hrs?\b|GMT|UTC)"
    rf"|:\d|[-\s]?(?:{_alternation(MEASURE_WORDS)})(?![^\W\d_])|\s*\])",
    re.IGNORECASE,
)
MONTH_AFTER: Final = re.compile(
    rf"(?:\s*(?:and|or|&|,|–|-)\s*\d{{1,2}}(?:st|nd|rd|th)?)*\s*(?:of\s+)?"
    rf"(?:{_alternation(MONTHS)})\b"
)  # 24 April; 3 and 4 May
MONTH_BEFORE: Final = re.compile(rf"\b(?:{_alternation(MONTHS)})\.?\s*$")
BEFORE_EXCLUDE: Final = re.compile(
    rf"(?:\d:|[$£€¥]\s*|\b(?:US\$|USD|EUR|Rs\.?)\s*|(?:UTC|GMT)\s*[+−-]\s*|\[\s*"
    rf"|\b(?:{_alternation(LABEL_WORDS)})\s+)$"
)
ONE_AFTER: Final = re.compile(
    r"\s+(?:of|another|side|hand|point|way|by\s+one|after\s+(?:another|the\s+other)|"
    r"at\s+a\s+time)\b",
    re.IGNORECASE,
)
ONE_BEFORE: Final = re.compile(
    r"\b(?:no|the|any|every|each|which|this|that|at|one\s+by)\s+$", re.IGNORECASE
)
"""Words after or before a "one" that is no amount: a pronoun ("one of the", "no one",
"one another") or a manner ("shot them one by one", "one after another", "one at a
time")."""
YEAR_AFTER: Final = re.compile(r",?\s*(?:1[89]|20)\d\d\b")  # October 3 and 4, 1993
RATIO_AFTER: Final = re.compile(r"\s*(?:\s|-)to(?:\s|-)\s*(?:one|1)\b", re.IGNORECASE)
RATIO_BEFORE: Final = re.compile(
    rf"(?:\d|\b(?:{_alternation(tuple(SMALL_NUMBERS) + tuple(TENS))}))(?:\s+|-)to(?:\s+|-)$",
    re.IGNORECASE,
)
AGE_BEFORE: Final = re.compile(
    r"\b(?:aged|ages|age of)\s+(?:(?:between|from|about|around|over|under)\s+)?$", re.I
)
