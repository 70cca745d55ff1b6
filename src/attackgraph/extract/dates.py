"""Dates as written ("April 24, 2022", "4–5 June 2021") to ISO forms with a precision.

:func:`parse_date` reads one date or date range, such as an infobox ``Date`` value;
:func:`find_dates` finds the dates in running text. Results are
:class:`~attackgraph.model.DateRange` values whose ``start``/``end`` carry the ISO
lexical form (``2022-04-24``, ``2022-04``, ``2022``) and its precision.

Decisions:

- A single date, or a range whose two ends are the same, has ``end=None``.
- An open range ("2012–present", "since 2012", "2012–ongoing") also has ``end=None``:
  the model has no open-end marker, so it reads like the single date "2012".
- An impossible calendar date ("30 February 2021") gives ``None``, never an exception:
  the caller records a warning and keeps the raw value.
- Noise is ignored: parenthesised notes ("(UTC+5)"), weekday names, times ("06:30",
  "10 p.m."), words such as "c.", "the night of", "early", and anything after ``;``
  ("; 5 years ago"). Only the first date or range is read.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from attackgraph.model import DatePrecision, DateRange, DateValue
from attackgraph.reference.lexicon import MONTH_NUMBERS

RANGE_WORDS: Final = ("–", "—", "-", "−", "to", "until", "till", "through", "thru", "and")
OPEN_END_WORDS: Final = ("present", "ongoing", "now", "today")

_NOISE: Final = re.compile(
    r"\([^)]*\)|\[[^\]]*\]|(?:UTC|GMT)\s*[+−-]\s*\d{1,2}(?::?\d{2})?"
    r"|\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?(?![^\W\d_])"
    r"|\b\d+\s+(?:years?|months?|weeks?|days?)\s+ago\b",
    re.IGNORECASE,
)
_TOKEN: Final = re.compile(
    r"(?P<iso>\d{4}-\d{2}(?:-\d{2})?)(?![\d-])|(?P<num>\d+)(?:st|nd|rd|th)?(?![^\W_])"
    r"|(?P<word>[^\W\d_]+)|(?P<sep>[–—−/-])"
)
_MONTH_ALT: Final = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_DAY: Final = r"\d{1,2}(?:st|nd|rd|th)?"
_ATOM: Final = (
    rf"(?:{_DAY}\s+(?:of\s+)?(?:{_MONTH_ALT})\.?(?:,?\s+\d{{4}})?"
    rf"|(?:{_MONTH_ALT})\.?\s+{_DAY}(?:,?\s+\d{{4}})?(?![\d:])|(?:{_MONTH_ALT})\.?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})"
)
YEAR_INTROS: Final = (
    "in ", "since ", "during ", "by ", "until ", "early ", "late ", "mid-", "spring of ",
    "summer of ", "autumn of ", "fall of ", "winter of ",
)  # fmt: skip
"""Words before a bare year that make it a date in prose ("in 2013", "late 2021", "the
summer of 2013")."""
_YEAR_LOOKBEHIND: Final = "|".join(rf"(?<=\b{w})" for w in YEAR_INTROS)
_FIND: Final = re.compile(
    rf"\b(?:{_DAY}\s*(?:[–—-]|and|to)\s*(?={_DAY}\s))?"  # 29 and 30 / 22 to 23 November
    rf"(?:(?:{_MONTH_ALT})\.?\s*(?:[–—-]|and|to)\s*"  # April and May 1940
    rf"(?=(?:{_MONTH_ALT})\.?,?\s+\d{{4}}))?"
    rf"{_ATOM}"
    rf"(?:\s*[–—-]\s*(?:{_ATOM}|{_DAY}(?:,?\s+\d{{4}})?(?![\d:])|\d{{4}})"
    rf"|\s+and\s+{_DAY},?\s+\d{{4}})?"  # October 3 and 4, 1993
    rf"|(?:{_YEAR_LOOKBEHIND})(?:1[89]|20)\d\d\b(?!\s*[–—-]?\d)",
    re.IGNORECASE,
)


@dataclass
class _Part:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    small: int | None = None  # a lone 1-2 digit number: a day, or "13" of "2012–13"
    open_end: bool = False

    def empty(self) -> bool:
        return (
            self.year is None
            and self.month is None
            and self.day is None
            and not (self.small is not None or self.open_end)
        )


def _parts(text: str) -> list[_Part]:
    """At most two date parts (start, end) separated by a range word."""
    parts: list[_Part] = [_Part()]
    after_sep = False
    for m in _TOKEN.finditer(_NOISE.sub(" ", text.split(";")[0])):
        part = parts[-1]
        word = (m["word"] or "").lower()
        if m["sep"] or word in RANGE_WORDS:
            if not part.empty() and len(parts) == 1:
                parts.append(_Part())
            elif not part.empty():
                break
            after_sep = True
            continue
        if word in OPEN_END_WORDS and after_sep:
            part.open_end = True
        elif word in MONTH_NUMBERS and not (word == "may" and m.group() == "may"):
            if part.month is not None or (part.year is not None and part.day is not None):
                break
            part.month = MONTH_NUMBERS[word]
        elif m["iso"]:
            if not part.empty():
                break
            numbers = [int(x) for x in m["iso"].split("-")]
            part.year, part.month = numbers[0], numbers[1]
            part.day = numbers[2] if len(numbers) > 2 else None
        elif m["num"]:
            n, digits = int(m["num"]), len(m["num"])
            if part.year is not None:
                break  # a complete date followed by more numbers: stop reading
            if digits >= 3:
                part.year = n
            elif part.small is None and part.day is None:
                part.small = n
            else:
                break
    if parts[-1].empty():
        parts.pop()
    return parts


def _settle(part: _Part) -> None:
    if part.small is not None and (part.month is not None or part.day is None):
        part.day, part.small = part.small, None


def _value(part: _Part) -> tuple[DateValue, datetime.date] | None:
    if part.year is None or part.small is not None:
        return None
    if part.day is not None and part.month is None:
        return None
    try:
        when = datetime.date(part.year, part.month or 1, part.day or 1)
    except (ValueError, OverflowError):
        return None
    if part.day is not None:
        return DateValue(when.isoformat(), DatePrecision.DAY), when
    if part.month is not None:
        return DateValue(when.isoformat()[:7], DatePrecision.MONTH), when
    return DateValue(f"{part.year:04d}", DatePrecision.YEAR), when


def parse_date(text: str) -> DateRange | None:
    """The first date or date range in ``text``; ``None`` if none can be read.

    Missing parts of one end come from the other ("4–5 June 2021", "June 4–5, 2021");
    a two-digit end year follows the start's century ("2012–13"). Returns ``None``
    for an impossible date such as 30 February (never raises).

    >>> parse_date("April 24, 2022")
    DateRange(start=DateValue(lexical='2022-04-24', precision=<DatePrecision.DAY: 'day'>), end=None)
    >>> r = parse_date("24 March – 4 April 2021"); r.start.lexical, r.end.lexical
    ('2021-03-24', '2021-04-04')
    >>> r = parse_date("December 2019 – January 2020"); r.start.lexical, r.end.lexical
    ('2019-12', '2020-01')
    >>> parse_date("2012–present").start.precision.value, parse_date("2012–present").end
    ('year', None)
    >>> parse_date("30 February 2021") is None, parse_date("Unknown") is None
    (True, True)
    """
    parts = _parts(text) or _parts(text.replace("(", " ").replace(")", " "))
    if not parts:
        return None
    start = parts[0]
    end = parts[1] if len(parts) > 1 and not parts[1].open_end else None
    year_given = start.year is not None
    if end is not None:
        if start.year and start.month is None and start.day is None and end.small is not None:
            if end.year is None and end.month is None and end.day is None:
                century = start.year - start.year % 100
                end.year, end.small = century + end.small, None
        for a, b in ((start, end), (end, start)):
            _settle(a)
            if a.month is None and a.day is not None and b.month is not None:
                a.month = b.month
            if a.year is None:
                a.year = b.year
            _settle(a)
    else:
        _settle(start)
    first = _value(start)
    last = _value(end) if end is not None else None
    if first is None or (end is not None and last is None):
        return None
    if last is not None and last[1] < first[1] and not year_given:
        start.year = (start.year or 0) - 1  # "24 December – 2 January 2020"
        first = _value(start)
        if first is None:
            return None
    if last is None or last[0] == first[0]:
        return DateRange(first[0])
    if last[1] < first[1]:
        return None
    return DateRange(first[0], last[0])


def find_dates(text: str, offset: int = 0) -> list[tuple[DateRange, int, int]]:
    """Dates with a year in running text, as ``(range, begin, end)``; offsets + ``offset``.

    Finds day-month-year forms, month-year, ranges of them, ISO dates, and bare years
    after "in", "since" or "during". Dates without a year ("on 24 April") are not
    returned: their year is for the caller to supply. Never raises.

    >>> text = "Fighting began on 24 March 2021 and lasted until 4–5 April 2021."
    >>> [(r.start.lexical, r.end and r.end.lexical, b, e) for r, b, e in find_dates(text)]
    [('2021-03-24', None, 18, 31), ('2021-04-04', '2021-04-05', 49, 63)]
    >>> [(r.start.lexical, r.end.lexical) for r, _, _ in find_dates("in April and May 1940")]
    [('1940-04', '1940-05')]
    """
    return [(found, b + offset, e + offset) for found, b, e in _dates(text)]


@lru_cache(maxsize=4096)
def _dates(text: str) -> tuple[tuple[DateRange, int, int], ...]:
    """:func:`find_dates` at offset 0, remembered (a pure function of the text; documents
    repeat sentences)."""
    found: list[tuple[DateRange, int, int]] = []
    for m in _FIND.finditer(text):
        parsed = parse_date(m.group())
        if parsed is not None:
            found.append((parsed, m.start(), m.end()))
    return tuple(found)
