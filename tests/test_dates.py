"""Dates as written to ISO forms with a precision."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from attackgraph.extract.dates import find_dates, parse_date


def lexical(text: str) -> tuple[str, str, str | None] | None:
    found = parse_date(text)
    if found is None:
        return None
    end = found.end.lexical if found.end is not None else None
    return found.start.lexical, found.start.precision.value, end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("September 9, 2011", ("2011-09-09", "day", None)),
        ("9 September 2011", ("2011-09-09", "day", None)),
        ("Sept. 9th, 2011", ("2011-09-09", "day", None)),
        ("9th of September 2011", ("2011-09-09", "day", None)),
        ("2011-09-09", ("2011-09-09", "day", None)),
        ("August 2008", ("2008-08", "month", None)),
        ("1997", ("1997", "year", None)),
        ("11–12 July 2016", ("2016-07-11", "day", "2016-07-12")),
        ("July 11–12, 2016", ("2016-07-11", "day", "2016-07-12")),
        ("11 and 12 July 2016", ("2016-07-11", "day", "2016-07-12")),
        ("28 February – 3 March 2019", ("2019-02-28", "day", "2019-03-03")),
        ("February 28 – March 3, 2019", ("2019-02-28", "day", "2019-03-03")),
        ("30 December 2004 – 2 January 2005", ("2004-12-30", "day", "2005-01-02")),
        ("30 December – 2 January 2005", ("2004-12-30", "day", "2005-01-02")),
        ("November 2015 – February 2016", ("2015-11", "month", "2016-02")),
        ("2006–2008", ("2006", "year", "2008")),
        ("2006–08", ("2006", "year", "2008")),
        ("2016-07-11 – 2016-07-12", ("2016-07-11", "day", "2016-07-12")),
        ("5–5 May 2010", ("2010-05-05", "day", None)),
    ],
)
def test_dates_and_ranges(text: str, expected: tuple[str, str, str | None]) -> None:
    assert lexical(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2007–present",
        "(2007–present)",
        "since 2007",
        "2007 – ongoing",
    ],
)
def test_open_ranges_have_no_end(text: str) -> None:
    assert lexical(text) == ("2007", "year", None)


@pytest.mark.parametrize(
    "text",
    [
        "Friday, 13 November 2015",
        "13 November 2015 (UTC+1)",
        "13 November 2015 UTC+01:00",
        "the night of 13 November 2015",
        "c. 13 November 2015",
        "13 November 2015; 8 years ago",
        "13 November 2015, 21:16 – 00:58",
        "November 13, 2015 9:20 p.m. CET",
    ],
)
def test_noise_is_ignored(text: str) -> None:
    assert lexical(text) == ("2015-11-13", "day", None)


@pytest.mark.parametrize(
    "text",
    ["31 April 2018", "29 February 2019", "Unknown", "", "12 March", "the 1990s", "32 May 2001"],
)
def test_unreadable_or_impossible_dates_give_none(text: str) -> None:
    assert parse_date(text) is None


def test_leap_day_is_valid() -> None:
    assert lexical("29 February 2020") == ("2020-02-29", "day", None)


def test_find_dates_in_prose() -> None:
    text = "Talks opened in 2003. Troops arrived on 2 May 2004 and left 6–8 June 2004."
    found = [(r.start.lexical, r.end and r.end.lexical, b, e) for r, b, e in find_dates(text, 10)]
    assert found == [
        ("2003", None, 26, 30),
        ("2004-05-02", None, 50, 60),
        ("2004-06-06", "2004-06-08", 70, 83),
    ]
    for _, _, b, e in found:
        assert parse_date(text[b - 10 : e - 10]) is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("raids on 14 and 15 August 2017 killed", ("2017-08-14", "2017-08-15")),
        ("raids on August 14 and 15, 2017 killed", ("2017-08-14", "2017-08-15")),
        ("the group re-formed in late 2017", ("2017", None)),
        ("the camp grew through the winter of 1994 until", ("1994", None)),
        ("over the night of 3 to 4 March 1999 the camp burned", ("1999-03-03", "1999-03-04")),
        ("talks ran from 11 to 14 July 2006 in Geneva", ("2006-07-11", "2006-07-14")),
        ("the deportations of March and April 1944 emptied", ("1944-03", "1944-04")),
        ("between June to August 1982 the camps", ("1982-06", "1982-08")),
    ],
)
def test_find_dates_day_lists_and_years(text: str, expected: tuple[str, str | None]) -> None:
    ((found, _, _),) = find_dates(text)
    assert (found.start.lexical, found.end.lexical if found.end else None) == expected


def test_find_dates_keeps_separate_dates_apart() -> None:
    text = "bombings on 2 May 2004 and 9 June 2004"
    assert [text[b:e] for _, b, e in find_dates(text)] == ["2 May 2004", "9 June 2004"]


def test_find_dates_skips_dates_without_a_year() -> None:
    assert find_dates("On the evening of 2 May the town fell.") == []


@given(st.text(max_size=60))
def test_parse_date_never_raises(text: str) -> None:
    parse_date(text)
    find_dates(text)
