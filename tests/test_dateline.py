"""The event day of wire copy and of leads without an infobox (extract/dateline.py, lead)."""

from __future__ import annotations

import pytest

from attackgraph.extract import extract
from attackgraph.extract.dateline import wire_date
from attackgraph.parse import parse
from attackgraph.resolve import Resolver, resolve


def event_date(text: str) -> str | None:
    found = extract(parse(text.encode(), "wire.txt")).event.date
    return found.start.lexical if found is not None else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the filing day is a Tuesday; the attack "on Sunday" two days before it
        (
            "= 2019 Lanvel market bombing =\n\nLANVEL, Sept 17 (Agency) - Investigators said "
            "on Tuesday that a car bomb which tore through a market on Sunday had been "
            "assembled in a nearby garage.\n\nThe market was crowded at the time.\n",
            "2019-09-15",
        ),
        # a full dateline; the shooting "late on Wednesday night", the report on Thursday
        (
            "= Porto Fino hotel shooting =\n\nPORTO FINO, Ruritania, 12 March 2020 — "
            "Police on Thursday named the man who opened fire in a hotel bar late on "
            "Wednesday night.\n\nSix guests were hurt.\n",
            "2020-03-11",
        ),
        # "a day earlier" with a year-less dateline and the year in the title
        (
            "= 2003 Marrow bridge attack =\n\nMARROW, Feb 2 - The governor said rebels "
            "who blew up the bridge a day earlier had crossed from the hills.\n",
            "2003-02-01",
        ),
        # a month and day written in the second sentence of the lead
        (
            "= 2011 Desh ambush =\n\nDESH, Kalvania, July 20 — The army on Wednesday "
            "buried the soldiers killed in the ambush.\n\nThe convoy was attacked on "
            "July 16 on the coast road.\n",
            "2011-07-16",
        ),
    ],
)
def test_the_event_day_of_wire_copy_is_read_back_from_the_dateline(
    text: str, expected: str
) -> None:
    assert event_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a trial years later: the first clause puts the attack in 2016, the body its day
        (
            "= Verdict in Lissa bombing =\n\nLISSA, Ruritania, 9 October 2019 (Agency) - "
            "The woman who left a bomb at the Lissa ferry terminal in 2016 was convicted on "
            "Wednesday of murder.\n\nThe device went off at the terminal on the evening of "
            "14 May 2016, killing four passengers.\n",
            "2016-05-14",
        ),
        # the year alone when the document gives no day in it
        (
            "= Lissa appeal =\n\nLISSA, 9 October 2019 - A court on Wednesday rejected "
            "the appeal of the gunman who shot four people in Lissa in 2014.\n",
            "2014",
        ),
        # "since" names an earlier attack, not this one
        (
            "= Lissa market blast =\n\nLISSA, 9 October 2019 - A blast tore through the "
            "market on Tuesday, the deadliest in the town since 2014, officials said.\n",
            "2019-10-08",
        ),
    ],
)
def test_a_follow_up_story_dates_the_attack_in_the_earlier_year_its_lead_names(
    text: str, expected: str
) -> None:
    assert event_date(text) == expected


def test_a_month_in_the_lead_is_narrowed_to_the_day_the_body_opens_with() -> None:
    text = (
        "= Siskin camp killings =\n\nFindings on the killings at the Siskin camp, "
        "Maravia, June 1997.\n\n== Findings ==\nOn 11 June 1997, militiamen surrounded "
        "the camp and opened fire.\n"
    )
    assert event_date(text) == "1997-06-11"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the lead's second sentence
            "= Orvel depot blast =\n\nThe Orvel depot blast destroyed the town's fuel "
            "store. It happened on the night of 2 May 1990, after the depot had closed.\n",
            "1990-05-02",
        ),
        (  # the body's first sentence
            "= Orvel depot blast =\n\nThe depot stood by the river for decades.\n\n"
            "== Attack ==\nSaboteurs blew it up in March 1990.\n",
            "1990-03",
        ),
    ],
)
def test_a_lead_without_a_date_in_its_first_sentence_is_dated_by_the_next(
    text: str, expected: str
) -> None:
    assert event_date(text) == expected


def test_a_year_in_the_lead_is_narrowed_to_the_day_a_later_lead_sentence_opens_on() -> None:
    text = (
        "= Clearing of the Dovre camp =\n\nThrough the spring of 2009 strikers held a camp "
        "outside the Dovre mill. Police had fenced it off on 2 March. On 11 May, riot police "
        "broke it up in one morning.\n\nThe dead numbered four.\n"
    )
    assert event_date(text) == "2009-05-11"  # not 2 March: a sentence opening on its day


def test_a_range_of_months_in_the_lead_is_kept_as_written() -> None:
    text = (
        "= Siskin deportations =\n\nThe Siskin deportations were the expulsion of the "
        "valley's villagers in March and April 1944.\n\n== Background ==\nOn 20 March "
        "1944 the first trains left.\n"
    )
    found = extract(parse(text.encode(), "wire.txt")).event.date
    assert found is not None and found.end is not None
    assert (found.start.lexical, found.end.lexical) == ("1944-03", "1944-04")


def test_a_dateline_without_a_year_takes_the_first_year_after_those_mentioned() -> None:
    # 14 May is a Friday in 2021, the first such year after 2018
    lead = ("KORLA, May 14 — Officials on Friday blamed the militia for Monday's raid.",)
    found = wire_date(lead, "Korla raid", "The militia was founded in 2018.")
    assert found is not None and found.start.lexical == "2021-05-10"


@pytest.mark.parametrize(
    "text",
    [
        "NEWS, May 14 — Officials blamed the militia for the raid.",  # no weekday, no year
        "Officials on Friday blamed the militia for the raid.",  # no dateline
    ],
)
def test_no_year_no_dateline_no_wire_date(text: str) -> None:
    assert wire_date((text,), "Korla raid", "Nothing dated here.") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "= Kesh massacre =\n\nFindings in brief\n\nThe Kesh massacre happened on "
            "3 April 1999 in the hill village of Kesh.\n",
            "1999-04-03",
        ),
        (
            "= Oran raid =\n\nOverview of events\n\nOn 9 October 2008 soldiers raided a farm near "
            "the town of Oran.\n",
            "2008-10-09",
        ),
        # the heading line alone holds the day: the first sentence dates nothing
        (
            "= Varn chapel killings =\n\nWhat the inquiry found: the shooting at Varn, "
            "Lusk district (14 March 1988)\n\nThis report collects what witnesses told "
            "the inquiry about the chapel at Varn.\n",
            "1988-03-14",
        ),
    ],
)
def test_a_heading_line_opening_the_lead_is_not_its_first_sentence(
    text: str, expected: str
) -> None:
    assert event_date(text) == expected


def places_of(text: str) -> list[tuple[str, str | None, bool]]:
    found = extract(parse(text.encode(), "wire.txt"))
    return [(p.name, p.container, p.near) for p in found.places]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the clause names no place: the filing town is where it happened
        (
            "= 2014 Tamale blast =\n\nTAMALE, Ghana, Aug 4 (Agency) - A gas tanker "
            "exploded on Sunday, the fire service said.\n",
            [("Tamale", "Ghana", False), ("Ghana", None, False)],
        ),
        # spelled as the story spells it; the clause's place is the site, the town near it
        # (a place the gazetteer may put away from the site, as a prose place)
        (
            "= 2016 Ruiru bar attack =\n\nKI-MBOGO, Kenya, March 3 — Police said on "
            "Thursday that gunmen attacked a bar in the town of Ruiru on Tuesday.\n\n"
            "Shops in Ki-Mbogo stayed shut.\n",
            [("Ruiru", "Kenya", False), ("Ki-Mbogo", "Kenya", True), ("Kenya", None, False)],
        ),
    ],
)
def test_the_dateline_town_is_a_place_of_the_event(
    text: str, expected: list[tuple[str, str | None, bool]]
) -> None:
    assert places_of(text) == expected


@pytest.mark.parametrize(
    ("dateline", "kept"),
    [
        ("MOMBASA, Kenya, May 3 (Agency)", False),  # far away: where the story was filed
        ("RUIRU, Kenya, May 3 (Agency)", True),  # next door: the place it happened near
    ],
)
def test_a_filing_town_away_from_the_site_is_no_place_of_the_event(
    dateline: str, kept: bool
) -> None:
    text = (
        f"= Thika bar attack =\n\n{dateline} - Gunmen attacked a crowded bar in the town "
        "of Thika on Tuesday night, police said.\n"
    )
    record = resolve(extract(parse(text.encode(), "wire.txt")), Resolver())
    assert "Thika" in record.extraction.event.places
    town = dateline.split(",")[0].title()
    assert (town in record.extraction.event.places) is kept
