"""The event's date in wire copy: the dateline gives the day the story was filed, the
lead the day of the attack relative to it.

A wire story opens with a dateline, "ANKARA, Oct 11 (Wire) - Turkey's prime minister
said on Sunday that ... the bombings ... a day earlier", and names days by weekday
("on Saturday", "Sunday's attack", "late on Wednesday morning") or by month and day
("on June 5"). Read that way:

- the dateline's date is the filing day; its year is the dateline's, else the title's
  ("2015 Ankara bombings"), else the first year after every year the document mentions
  in which the filing day falls on the weekday the first sentence says the report came
  ("June 9 ... on Thursday": 2022 after a mention of 2016). No year, no date;
- the lead's first sentences then name the days around the attack: each weekday is the
  latest such day on or before the filing day, "a day earlier" the day before it, a
  month and day the filing year's. The event is the earliest of those days within a
  week of the filing day (the follow-up comes after the attack), else the filing day;
- unless the story's first clause puts the event in an earlier year ("the man who shot
  23 people in El Paso in 2019 was sentenced on Friday"): a follow-up years later. The
  event is then the document's first date in that year ("Aug. 3, 2019"), else the year.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Final

from attackgraph.extract.dates import find_dates, parse_date
from attackgraph.model import DatePrecision, DateRange, DateValue
from attackgraph.reference.lexicon import MONTH_NUMBERS, WEEKDAYS

__all__ = ["Dateline", "find_dateline", "wire_date"]

_MONTH: Final = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_DAY_FIRST: Final = rf"\d{{1,2}}\s+(?:{_MONTH})\.?(?:,?\s+\d{{4}})?"
_MONTH_FIRST: Final = rf"(?:{_MONTH})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
_DATE: Final = rf"(?i:{_DAY_FIRST}|{_MONTH_FIRST})"
_DATELINE: Final = re.compile(
    r"\s*(?P<town>[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+)*)"  # ANKARA, BIR AL-ABED
    r"(?P<outer>(?:,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)*)"  # , Nigeria
    rf",\s+(?P<date>{_DATE})\s*(?:\([^)\n]{{1,20}}\)\s*)?[—–-]\s+"
)
_DAY_MONTH: Final = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})\b|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})\b)"
    r"(?:,?\s+(?P<year>\d{4}))?(?![\d:])",
    re.IGNORECASE,
)
_WEEKDAY: Final = re.compile(rf"\b(?P<on>on\s+)?(?P<day>{'|'.join(WEEKDAYS)})\b")
_DAY_BEFORE: Final = re.compile(r"\b(?:a|one)\s+day\s+(?:earlier|before)\b|\byesterday\b")
_YEAR: Final = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_IN_YEAR: Final = re.compile(r"(?<!\bsince )\bin\s+(1[89]\d\d|20\d\d)\b(?!\s*[–—-]?\d)")
_WEEK: Final = 7
_LEAD_SENTENCES: Final = 3


@dataclass(frozen=True)
class Dateline:
    """Where a wire story was filed: the town and the places after it, as offsets."""

    places: tuple[tuple[int, int], ...]
    """The town ("OWO"), then each place written after it ("Nigeria"), outermost last."""
    end: int
    """Where the story's first clause begins."""


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening a lead sentence, or ``None``.

    >>> text = "OWO, Nigeria, June 9 — Officials said on Thursday ..."
    >>> line = find_dateline(text)
    >>> [text[b:e] for b, e in line.places], text[line.end:line.end + 9]
    (['OWO', 'Nigeria'], 'Officials')
    """
    line = _DATELINE.match(text)
    if line is None:
        return None
    places = [line.span("town")]
    at = line.start("outer")
    for m in re.finditer(r",\s+([^,]+)", line.group("outer")):
        places.append((at + m.start(1), at + m.end(1)))
    return Dateline(tuple(places), line.end())


def wire_date(lead: tuple[str, ...], title: str, text: str) -> DateRange | None:
    """The event's day from a dateline opening ``lead[0]``, read with the lead's first
    sentences; ``None`` when the lead opens with no dateline or its year cannot be known.

    ``title`` and ``text`` (the whole document) supply a year the dateline leaves out.

    >>> lead = ("ROME, May 3 (Wire) - Police said on Sunday that a bomb had killed two.",
    ...         "The device went off on Friday near the station.")
    >>> wire_date(lead, "2020 Rome bombing", "").start.lexical
    '2020-05-01'
    >>> lead = ("LAGOS, March 2 — Officials on Thursday blamed rebels for the raid.",)
    >>> wire_date(lead, "Lagos raid", "The group split off in 2014.").start.lexical
    '2017-03-02'
    >>> wire_date(("Gunmen attacked a bus on Friday.",), "Bus attack", "") is None
    True
    >>> lead = ("TUNIS, 4 May 2021 - The man who shot six in Sfax in 2018 was jailed on Monday.",)
    >>> wire_date(lead, "Sfax trial", lead[0] + " He fired on 9 June 2018.").start.lexical
    '2018-06-09'
    """
    if not lead:
        return None
    line = _DATELINE.match(lead[0])
    if line is None:
        return None
    filed = _filed(line.group("date"), lead[0][line.end() :], title, text)
    if filed is None:
        return None
    earlier = _earlier_year(lead[0][line.end() :], filed)
    if earlier is not None:
        return _first_in(earlier, text)
    days = [filed]
    for sentence in (lead[0][line.end() :], *lead[1:_LEAD_SENTENCES]):
        days += _days(sentence, filed)
    event = min(d for d in days if 0 <= (filed - d).days < _WEEK)
    return DateRange(DateValue(event.isoformat(), DatePrecision.DAY))


def _filed(written: str, first: str, title: str, text: str) -> datetime.date | None:
    """The filing day: the dateline's date, its year from the dateline, the title or the
    calendar (see the module doc)."""
    stated = parse_date(written)
    if stated is not None and stated.start.precision is DatePrecision.DAY:
        return datetime.date.fromisoformat(stated.start.lexical)
    month_day = _month_day(written)
    if month_day is None:
        return None
    month, day = month_day
    years = [int(y) for y in _YEAR.findall(title)]
    if years:
        return _date(years[0], month, day)
    named = next((m for m in _WEEKDAY.finditer(first) if m.group("on")), None)
    mentioned = [int(y) for y in _YEAR.findall(text)]
    if named is None or not mentioned:
        return None
    weekday = WEEKDAYS.index(named.group("day"))
    for year in range(max(mentioned) + 1, max(mentioned) + 29):
        found = _date(year, month, day)
        if found is not None and found.weekday() == weekday:
            return found
    return None


def _earlier_year(first: str, filed: datetime.date) -> int | None:
    """The year the first clause puts the event in ("... in 2019"), when before the filing
    year; ``None`` for the filing year, none, or a year after "since".

    >>> _earlier_year("The gunman who killed six in 2018 was jailed.", datetime.date(2021, 5, 4))
    2018
    >>> _earlier_year("the deadliest attack since 2015, police said", datetime.date(2021, 5, 4))
    """
    years = [int(m.group(1)) for m in _IN_YEAR.finditer(first)]
    return next((y for y in years if y < filed.year), None)


def _first_in(year: int, text: str) -> DateRange:
    """The first date in ``text`` with a day or month in ``year``, else the year itself."""
    for found, _, _ in find_dates(text):
        start = found.start
        if start.precision is not DatePrecision.YEAR and start.lexical.startswith(f"{year}-"):
            return found
    return DateRange(DateValue(f"{year:04d}", DatePrecision.YEAR))


def _month_day(text: str) -> tuple[int, int] | None:
    m = _DAY_MONTH.search(text)
    if m is None:
        return None
    month = (m.group("m1") or m.group("m2")).lower().rstrip(".")
    return MONTH_NUMBERS[month], int(m.group("d1") or m.group("d2"))


def _date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _days(sentence: str, filed: datetime.date) -> list[datetime.date]:
    """The days a lead sentence names, placed at or before the filing day."""
    found: list[datetime.date] = []
    for m in _WEEKDAY.finditer(sentence):
        back = (filed.weekday() - WEEKDAYS.index(m.group("day"))) % _WEEK
        found.append(filed - datetime.timedelta(days=back))
    if _DAY_BEFORE.search(sentence):
        found.append(filed - datetime.timedelta(days=1))
    for m in _DAY_MONTH.finditer(sentence):
        month = (m.group("m1") or m.group("m2")).lower().rstrip(".")
        year = int(m.group("year") or filed.year)
        day = _date(year, MONTH_NUMBERS[month], int(m.group("d1") or m.group("d2")))
        if day is not None and day > filed and not m.group("year"):
            day = _date(filed.year - 1, day.month, day.day)
        if day is not None:
            found.append(day)
    return found
