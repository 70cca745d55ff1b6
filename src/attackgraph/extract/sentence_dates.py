"""Whether a sentence is dated on the main event's days: "On 9 May police raided a flat"
tells of a later raid, not of an attack on 4 May."""

from __future__ import annotations

import re
from typing import Final

from attackgraph.extract.dates import find_dates
from attackgraph.extract.sentences import Sentence
from attackgraph.model import DateRange
from attackgraph.reference.lexicon import MONTH_NUMBERS

__all__ = ["dated_elsewhere"]

_MONTHS: Final = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_DAY_MONTH: Final = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})\s+(?P<month>{_MONTHS})|(?P<month2>{_MONTHS})\s+(?P<day2>\d{{1,2}}))"
    r"\b(?!,?\s+\d{3,4})",
    re.IGNORECASE,
)


def _days(sentence: Sentence, main: DateRange) -> list[str]:
    """ISO days (or months) the sentence is dated by; a day without a year takes the
    main event's year."""
    found = [d.start.lexical for d, _, _ in find_dates(sentence.text)]
    year = main.start.lexical[:4]
    for m in _DAY_MONTH.finditer(sentence.text):
        month = MONTH_NUMBERS[(m.group("month") or m.group("month2")).lower()]
        day = int(m.group("day") or m.group("day2"))
        if 1 <= day <= 31:
            found.append(f"{year}-{month:02d}-{day:02d}")
    return found


def dated_elsewhere(sentence: Sentence, main: DateRange | None) -> bool:
    """Whether every date of the sentence falls outside the main event's days: a later
    raid or an earlier plot, not the attack.

    >>> from attackgraph.model import DatePrecision, DateValue, Span
    >>> may = DateRange(DateValue("2019-05-04", DatePrecision.DAY))
    >>> text = "On 9 May police raided a flat in Eastgate."
    >>> dated_elsewhere(Sentence(Span(0, len(text), text, 1), (), 0, False), may)
    True
    """
    if main is None:
        return False
    days = _days(sentence, main)
    first, last = main.start.lexical, (main.end or main.start).lexical
    return bool(days) and all(
        d[: len(first)] < first[: len(d)] or d[: len(last)] > last[: len(d)] for d in days
    )
