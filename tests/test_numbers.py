"""Numbers, amount phrases and amounts in running text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from attackgraph.extract.numbers import find_quantities, parse_number, parse_quantity

Q = tuple[int | None, int | None, int | None, bool]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7", 7),
        ("2,345", 2345),
        ("12 500", 12500),
        ("12\u00a0500", 12500),
        ("3.400", 3400),
        ("nine", 9),
        ("Thirteen", 13),
        ("forty-two", 42),
        ("forty two", 42),
        ("two hundred and six", 206),
        ("three thousand four hundred", 3400),
        ("a dozen", 12),
        ("a hundred", 100),
        ("a thousand", 1000),
        ("2.5 million", 2_500_000),
        ("zero", 0),
    ],
)
def test_parse_number(text: str, expected: int) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text", ["", "fifth", "21st", "4.7", "several", "one two", "hundreds", "twenty-fifth"]
)
def test_parse_number_rejects_non_cardinals(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("37", (37, None, None, False)),
        ("seventeen", (17, None, None, False)),
        ("60–90", (None, 60, 90, False)),
        ("60-90", (None, 60, 90, False)),
        ("60 to 90", (None, 60, 90, False)),
        ("between 8 and 11", (None, 8, 11, False)),
        ("two or three", (None, 2, 3, False)),
        ("215–230+", (None, 215, 230, False)),
        ("34+", (None, 34, None, False)),
        ("at least 9", (None, 9, None, False)),
        ("More than 250", (None, 250, None, False)),
        ("over 70", (None, 70, None, False)),
        ("no fewer than 12", (None, 12, None, False)),
        ("40 or more", (None, 40, None, False)),
        ("up to 45", (None, None, 45, False)),
        ("no more than 6", (None, None, 6, False)),
        ("fewer than 10", (None, None, 10, False)),
        ("as many as 300", (None, None, 300, False)),
        ("above 90", (None, 90, None, False)),
        ("well above a thousand", (None, 1000, None, False)),
        ("exceeded 4,500", (None, 4500, None, False)),
        ("exceeding 70", (None, 70, None, False)),
        ("as high as 260", (None, None, 260, False)),
        ("~45", (45, None, None, True)),
        ("about 90", (90, None, None, True)),
        ("around 1,300", (1300, None, None, True)),
        ("approximately 75", (75, None, None, True)),
        ("nearly 40", (40, None, None, True)),
        ("almost 2,000", (2000, None, None, True)),
        ("some 80", (80, None, None, True)),
        ("roughly 55", (55, None, None, True)),
        ("an estimated 3,000", (3000, None, None, True)),
        ("c. 250", (250, None, None, True)),
        ("a dozen", (12, None, None, True)),
        ("half a dozen", (6, None, None, True)),
        ("three dozen", (36, None, None, True)),
        ("70 (est.)", (70, None, None, True)),
        ("300–450 (est.)", (None, 300, 450, True)),
        ("about 30–40", (None, 30, 40, True)),
        ("dozens", (None, None, None, True)),
        ("Hundreds", (None, None, None, True)),
        ("several", (None, None, None, True)),
        ("scores", (None, None, None, True)),
        ("tens of thousands", (None, None, None, True)),
        ("a number of", (None, None, None, True)),
        ("many", (None, None, None, True)),
        ("several dozen", (None, None, None, True)),
        ("dozens to hundreds", (None, None, None, True)),
        ("tens", (None, None, None, True)),
        ("from 25 to more than 40", (None, 25, 40, False)),
        ("none", (0, None, None, False)),
    ],
)
def test_parse_quantity(text: str, expected: Q) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert (q.value, q.minimum, q.maximum, q.approximate) == expected
    assert q.text == text


@pytest.mark.parametrize(
    ("text", "estimate_type"),
    [
        ("37", "exact"),
        ("~45", "approximate"),
        ("at least 9", "at-least"),
        ("up to 45", "at-most"),
        ("60–90", "range"),
        ("dozens", "vague"),
    ],
)
def test_estimate_types(text: str, estimate_type: str) -> None:
    q = parse_quantity(text)
    assert q is not None and q.estimate_type == estimate_type


@pytest.mark.parametrize("text", ["", "unknown", "12 soldiers", "the ninth", "90–60", "between 8"])
def test_parse_quantity_rejects(text: str) -> None:
    assert parse_quantity(text) is None


def found(text: str) -> list[str]:
    return [q.text for q, _, _ in find_quantities(text)]


def test_find_quantities_offsets_are_exact() -> None:
    text = "Gunmen shot dead at least 31 villagers and wounded some 40 others."
    hits = find_quantities(text, offset=1000)
    assert [(q.text, b, e) for q, b, e in hits] == [
        ("at least 31", 1017, 1028),
        ("some 40", 1051, 1058),
    ]
    for q, b, e in hits:
        assert text[b - 1000 : e - 1000] == q.text


def test_find_quantities_prefers_the_longest_phrase() -> None:
    assert found("between 25 and 30 died, and tens of thousands fled") == [
        "between 25 and 30",
        "tens of thousands",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "On 11 March 2016 the convoy left.",
        "The convoy left on March 11, 2016.",
        "Fighting lasted 2–3 July 2019.",
        "The raid began at 5:45 and ended by 7 p.m. (UTC+3).",
        "In 2009 the movement split.",
        "the 2011–2013 insurgency",
        "the 2nd Battalion and the 41st Brigade",
        "Flight 9268 crashed near Camp 4.",
        "under Resolution 1973",
        "a 12-year-old girl",
        "a truck bomb of 300 kg, 2 km away",
        "it lasted 3 days and 40 minutes",
        "a ransom of $2 million",
        "one of the guards survived",
        "no one was hurt",
        "they used AK-47 rifles and an RPG-7",
        "casualties rose 40% in 2016",
        "the 1998–99 offensive",
        "killed on 3 and 4 May, 2001",
        "raided on October 7 and 8, 2002",
        "the helicopter Bravo Two-Seven",
        "they played at Ten Downing Street",
        "outgunned five to one",
        "boys aged between 9 and 13",
        "a budget of 40 million euros",
        "a two-day curfew and a three-storey block",
        "after several hours and many years",
        "from 2004 to 2009 and between 2011 and 2013",
    ],
)
def test_find_quantities_skips_non_amounts(text: str) -> None:
    assert found(text) == []


def test_find_quantities_counts_in_context() -> None:
    text = "In 2013 gunmen killed 1500 people and took nine hostages; one guard was hurt."
    assert found(text) == ["1500", "nine", "one"]


@given(st.text(max_size=80))
def test_find_quantities_never_raises_and_spans_match(text: str) -> None:
    for q, b, e in find_quantities(text, offset=5):
        assert text[b - 5 : e - 5] == q.text
        assert b < e
