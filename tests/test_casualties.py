"""Infobox casualty values into figures, with exact spans."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from attackgraph.extract.casualties import ParsedField, parse_casualty_field
from attackgraph.extract.word_match import group_match, implied_count, outcome_match
from attackgraph.model import Span

Row = tuple[
    int | None, int | None, int | None, bool, str, str | None, str | None, str | None, str | None
]
DEATHS = ("killed", "total")
INJURIES = ("injured", "total")
SIDE = (None, None)


def value(text: str, begin: int = 500) -> Span:
    return Span(begin, begin + len(text), text, 12)


def parse(text: str, defaults: tuple[str | None, str | None] = SIDE) -> ParsedField:
    whole = value(text)
    parsed = parse_casualty_field(whole, default_outcome=defaults[0], default_group=defaults[1])
    for span in [f.span for f in parsed.figures] + list(parsed.unparsed):
        assert whole.text[span.begin - whole.begin : span.end - whole.begin] == span.text
        assert span.line == whole.line
        assert span.text == span.text.strip()
    return parsed


def rows(parsed: ParsedField) -> list[Row]:
    """(value, min, max, approximate, outcome, group, label, party, source) per figure."""
    return [
        (
            f.quantity.value,
            f.quantity.minimum,
            f.quantity.maximum,
            f.quantity.approximate,
            f.outcome,
            f.group,
            f.group_label,
            f.party,
            f.source,
        )
        for f in parsed.figures
    ]


def test_outcomes_carry_per_fragment_and_groups_carry_to_elided_ones() -> None:
    parsed = parse("9 police officers killed, 14 wounded, 2 missing")
    assert rows(parsed) == [
        (9, None, None, False, "killed", "police", None, None, None),
        (14, None, None, False, "injured", "police", None, None, None),
        (2, None, None, False, "missing", "police", None, None, None),
    ]
    assert [f.span.text for f in parsed.figures] == [
        "9 police officers killed",
        "14 wounded",
        "2 missing",
    ]


def test_party_prefixes_hold_until_the_next_segment() -> None:
    parsed = parse("France: 3 killed, 11 wounded; Chad: 7 killed; 40 captured")
    assert [(f.quantity.value, f.outcome, f.party) for f in parsed.figures] == [
        (3, "killed", "France"),
        (11, "injured", "France"),
        (7, "killed", "Chad"),
        (40, "captured", None),
    ]
    assert parsed.figures[0].span.text == "France: 3 killed"
    assert parsed.figures[0].span.begin == 500


def test_outcome_carries_back_across_and() -> None:
    parsed = parse("6 Malian soldiers and 2 translators killed, 5 wounded")
    assert rows(parsed) == [
        (6, None, None, False, "killed", "soldiers", None, "Malian", None),
        (2, None, None, False, "killed", "other-group", "translators", "Malian", None),
        (5, None, None, False, "injured", "soldiers", None, "Malian", None),
    ]


def test_inner_figures_are_figures_of_their_own() -> None:
    parsed = parse("87 (including 19 students); 3 gunmen", DEATHS)
    assert rows(parsed) == [
        (87, None, None, False, "killed", "total", None, None, None),
        (19, None, None, False, "killed", "students", None, None, None),
        (3, None, None, False, "killed", "attackers", None, None, None),
    ]
    assert [f.span.text for f in parsed.figures] == ["87", "19 students", "3 gunmen"]


def test_breakdown_and_additions_in_parentheses() -> None:
    parsed = parse("31 (25 villagers, 4 gendarmes, 2 teachers)", DEATHS)
    assert [(f.quantity.value, f.group, f.group_label) for f in parsed.figures] == [
        (31, "total", None),
        (25, "civilians", "villagers"),
        (4, "security-forces", "gendarmes"),
        (2, "staff", "teachers"),
    ]
    parsed = parse("57 (+2 assailants)", DEATHS)
    assert [(f.quantity.value, f.group, f.span.text) for f in parsed.figures] == [
        (57, "total", "57"),
        (2, "attackers", "+2 assailants"),
    ]


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("41 (including the gunman)", "the gunman"),
        ("41 (including a suicide bomber)", "a suicide bomber"),
        ("41 (including perpetrator)", "perpetrator"),
        ("41 (including the hostage-taker)", "the hostage-taker"),
    ],
)
def test_a_named_attacker_counts_one(text: str, inner: str) -> None:
    figures = parse(text, DEATHS).figures
    assert [(f.quantity.value, f.group) for f in figures] == [(41, "total"), (1, "attackers")]
    assert figures[1].span.text == inner


def test_sources_estimates_and_notes() -> None:
    parsed = parse(
        "200–350 killed (est.), 45 killed (per Amnesty International), "
        "60 killed (army estimate), 12 killed (alleged)"
    )
    assert rows(parsed) == [
        (None, 200, 350, True, "killed", None, None, None, None),
        (45, None, None, False, "killed", None, None, None, "Amnesty International"),
        (60, None, None, False, "killed", None, None, None, "army"),
        (12, None, None, False, "killed", None, None, None, None),
    ]
    parsed = parse("70+ killed (Hezbollah claim)")
    assert parsed.figures[0].source == "Hezbollah"


def test_a_source_holds_for_the_figures_before_it() -> None:
    parsed = parse("40 killed, 95 wounded (per Red Cross); 60 killed (per ministry)")
    assert [f.source for f in parsed.figures] == ["Red Cross", "Red Cross", "ministry"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19+ killed", (None, 19, None, False)),
        ("At least 19 killed", (None, 19, None, False)),
        ("Up to 19 killed", (None, None, 19, False)),
        ("~19 killed", (19, None, None, True)),
        ("310–340+", (None, 310, 340, False)),
        ("Scores of civilians killed", (None, None, None, True)),
        ("Dozens to hundreds killed", (None, None, None, True)),
        ("2,480", (2480, None, None, False)),
        ("Nineteen", (19, None, None, False)),
    ],
)
def test_amount_forms(text: str, expected: tuple[int | None, int | None, int | None, bool]) -> None:
    (f,) = parse(text, DEATHS).figures
    assert (f.quantity.value, f.quantity.minimum, f.quantity.maximum, f.quantity.approximate) == (
        expected
    )


def test_defaults_for_deaths_and_injuries() -> None:
    assert rows(parse("64", INJURIES)) == [
        (64, None, None, False, "injured", "total", None, None, None)
    ]
    assert rows(parse("12 children, 4 attackers", DEATHS)) == [
        (12, None, None, False, "killed", "children", None, None, None),
        (4, None, None, False, "killed", "attackers", None, None, None),
    ]


def test_combined_or_unstated_outcome() -> None:
    parsed = parse("300–500 casualties; 25 soldiers")
    assert [f.outcome for f in parsed.figures] == ["killed-or-injured", "killed-or-injured"]
    assert parse("Dozens killed or wounded").figures[0].outcome == "killed-or-injured"


@pytest.mark.parametrize(
    ("text", "outcome", "group"),
    [
        ("5 marines killed in action", "killed", "soldiers"),
        ("8 police officers hurt", "injured", "police"),
        ("30 hostages taken", "captured", None),
        ("30 hostages", "captured", "hostages"),
        ("12 abducted", "captured", None),
        ("3 insurgents detained", "arrested", "militants"),
        ("2 worshippers dead", "killed", "civilians"),
        ("11 people injured", "injured", "total"),
        ("9 security forces killed", "killed", "security-forces"),
        ("4 jihadists taken prisoner", "captured", "militants"),
        ("7 pupils wounded", "injured", "students"),
    ],
)
def test_outcome_and_group_words(text: str, outcome: str, group: str | None) -> None:
    (f,) = parse(text).figures
    assert (f.outcome, f.group) == (outcome, group)


def test_party_and_label_words() -> None:
    f1, f2, f3 = parse(
        "3 Afghan National Army soldiers killed, 1 YPG fighter wounded, 2 Turkish engineers killed"
    ).figures
    assert (f1.party, f1.group, f1.group_label) == ("Afghan National Army", "soldiers", None)
    assert (f2.party, f2.group, f2.group_label) == ("YPG", "militants", "fighter")
    assert (f3.party, f3.group, f3.group_label) == ("Turkish", "other-group", "Turkish engineers")


def test_non_casualty_fragments_are_kept_unparsed() -> None:
    parsed = parse(
        "Unknown; 4 soldiers killed, 2 tanks destroyed, 1 Su-25 shot down, 3 trucks, "
        "hundreds displaced"
    )
    assert [f.span.text for f in parsed.figures] == ["4 soldiers killed"]
    assert [s.text for s in parsed.unparsed] == [
        "Unknown",
        "2 tanks destroyed",
        "1 Su-25 shot down",
        "3 trucks",
        "hundreds displaced",
    ]


def test_how_badly_hurt_is_an_injury_figure() -> None:
    parsed = parse("240 (35 critically)", INJURIES)
    assert [(f.quantity.value, f.outcome) for f in parsed.figures] == [
        (240, "injured"),
        (35, "injured"),
    ]
    assert parse("6 seriously wounded").figures[0].outcome == "injured"
    assert [f.outcome for f in parse("12 killed; 4 severely").figures] == ["killed", "injured"]


def test_who_got_away_is_no_figure() -> None:
    parsed = parse("14 killed, 2 taken prisoner, 3 escaped")
    assert [f.span.text for f in parsed.figures] == ["14 killed", "2 taken prisoner"]
    assert [s.text for s in parsed.unparsed] == ["3 escaped"]


def test_a_bare_later_estimate_has_the_fields_first_outcome() -> None:
    parsed = parse("410 killed (per the army); ~900 (per a monitor); 12 captured; dozens more")
    assert [(f.quantity.text, f.outcome, f.source) for f in parsed.figures] == [
        ("410", "killed", "army"),
        ("~900", "killed", "a monitor"),
        ("12", "captured", None),
        ("dozens", "killed", None),
    ]
    parsed = parse("70 killed; ~5,000 driven out; 30 women subjected to abuse")
    assert [f.outcome for f in parsed.figures][1:] == ["killed-or-injured", "killed-or-injured"]


def test_an_amount_given_only_in_brackets() -> None:
    parsed = parse("Whole crew killed (c. 240)")
    assert [(f.quantity.value, f.quantity.approximate, f.outcome) for f in parsed.figures] == [
        (240, True, "killed")
    ]


def test_alternative_figures_after_a_sourced_one() -> None:
    parsed = parse("3 dead; 90 hurt (per the mayor) – 300+", SIDE)
    assert [(f.quantity.value, f.quantity.minimum, f.outcome) for f in parsed.figures] == [
        (3, None, "killed"),
        (90, None, "injured"),
        (None, 300, "injured"),
    ]
    parsed = parse("41 (per the tribunal) / 35 (first count)", DEATHS)
    assert [f.quantity.value for f in parsed.figures] == [41, 35]


def test_the_year_of_a_source_is_no_figure() -> None:
    parsed = parse("112; 130 (per 2019 inquiry)", INJURIES)
    assert [(f.quantity.value, f.source) for f in parsed.figures] == [
        (112, None),
        (130, "2019 inquiry"),
    ]


def test_and_joined_fragment_shares_a_non_casualty_outcome() -> None:
    parsed = parse("12 hostages killed; 300 local and 40 foreign staff released")
    assert [f.span.text for f in parsed.figures] == ["12 hostages killed"]
    assert [s.text for s in parsed.unparsed] == ["300 local", "40 foreign staff released"]


def test_several_parentheses_after_a_total() -> None:
    parsed = parse("27 (20 civilians, 4 police) (+3 gunmen)", DEATHS)
    assert [(f.quantity.value, f.group, f.span.text) for f in parsed.figures] == [
        (27, "total", "27"),
        (20, "civilians", "20 civilians"),
        (4, "police", "4 police"),
        (3, "attackers", "+3 gunmen"),
    ]


def test_prefix_groups_and_outcomes() -> None:
    parsed = parse("Killed: 14 soldiers, 2 civilians; Wounded: 30")
    assert [(f.quantity.value, f.outcome, f.group) for f in parsed.figures] == [
        (14, "killed", "soldiers"),
        (2, "killed", "civilians"),
        (30, "injured", None),
    ]
    (f,) = parse("Civilians: an unknown number of villagers killed").figures
    assert (f.quantity.estimate_type, f.group, f.party) == ("vague", "civilians", None)


def test_empty_and_unknown_values() -> None:
    assert parse("").figures == ()
    parsed = parse("Unknown", DEATHS)
    assert parsed.figures == () and [s.text for s in parsed.unparsed] == ["Unknown"]


def test_vocabulary_helpers() -> None:
    assert outcome_match("3 killed or wounded") == ("killed-or-injured", 2, 19)
    assert group_match("12 Free Syrian Army fighters") == ("militants", True, 20, 28)
    assert implied_count("the assailant") == (1, 0, 13)
    assert implied_count("assailants") is None


@given(st.text(alphabet="0123456789 ,;:()+-–~abcdefkilnorstuwKUS", max_size=60))
def test_any_value_gives_exact_spans(text: str) -> None:
    parse(text)


def test_survivors_and_lost_equipment_are_no_figures() -> None:
    parsed = parse("40 killed; 2 mortars lost; 7 survived unharmed; 5 (among 60 survivors)")
    assert [f.span.text for f in parsed.figures] == ["40 killed", "5"]
    assert [s.text for s in parsed.unparsed] == [
        "2 mortars lost",
        "7 survived unharmed",
        "among 60 survivors",
    ]


def test_one_listed_outcome_is_one_combined_figure() -> None:
    parsed = parse("2,140 killed, wounded or missing (3rd Division); 80 captured")
    assert [(f.quantity.value, f.outcome) for f in parsed.figures] == [
        (2140, "killed-or-injured"),
        (80, "captured"),
    ]


def test_bodies_and_a_toll_are_the_dead() -> None:
    parsed = parse("310 bodies recovered (army count); official toll 96")
    assert [(f.quantity.value, f.outcome) for f in parsed.figures] == [
        (310, "killed"),
        (96, "killed"),
    ]


def test_prisoners_in_a_deaths_field_are_who_died() -> None:
    assert [f.outcome for f in parse("52 prisoners of war", DEATHS).figures] == ["killed"]
    assert [f.outcome for f in parse("52 prisoners of war").figures] == ["captured"]


def test_a_dash_between_two_noted_amounts_gives_two_figures() -> None:
    parsed = parse("~40 (the army) – 300+ (per villagers)", DEATHS)
    assert [(f.quantity.value, f.quantity.minimum, f.span.text) for f in parsed.figures] == [
        (40, None, "~40 (the army)"),
        (None, 300, "300+ (per villagers)"),
    ]
    assert parsed.figures[1].source == "villagers"
    ((figure,),) = [parse("40–300 (est.)", DEATHS).figures]
    assert (figure.quantity.minimum, figure.quantity.maximum) == (40, 300)


def test_people_listed_after_including_are_a_part_counted_one_each() -> None:
    parsed = parse(
        "9 (including her father and two sisters); 5 (among them a 10-year-old boy)", DEATHS
    )
    assert [(f.quantity.value, f.group, f.group_label, f.span.text) for f in parsed.figures] == [
        (9, "total", None, "9"),
        (1, "other-group", "her father", "her father"),
        (2, "other-group", "sisters", "two sisters"),  # an amount: read as before
        (5, "total", None, "5"),
        (1, "other-group", "a 10-year-old boy", "a 10-year-old boy"),
    ]
    ((_, named),) = [parse("4 (including Omar Diallo and Awa Keita)", DEATHS).figures]
    assert (named.quantity.value, named.group) == (2, "other-group")
    for plural in ("6 (including women and children)", "6 (including Tuareg fighters)"):
        assert [f.quantity.value for f in parse(plural, DEATHS).figures] == [6], plural


def test_a_bracket_naming_the_figures_people_is_no_figure_of_its_own() -> None:
    assert rows(parse("1 (gunman Idrissa Sow)", DEATHS)) == [
        (1, None, None, False, "killed", "attackers", None, None, None)
    ]
    assert [f.quantity.value for f in parse("14 (+ the gunman)", DEATHS).figures] == [14, 1]
    assert [f.quantity.value for f in parse("3 (the gunman)", DEATHS).figures] == [3, 1]


def test_a_note_on_how_some_died_is_no_figure() -> None:
    parsed = parse("57 killed (many by drowning), 20 wounded")
    assert [(f.quantity.value, f.outcome) for f in parsed.figures] == [
        (57, "killed"),
        (20, "injured"),
    ]
    assert not parsed.unparsed
    assert [f.quantity.value for f in parse("57 killed (most of them soldiers)").figures][0] == 57


def test_a_later_death_ends_the_first_outcome() -> None:
    ((figure,),) = [parse("2 guards later abducted and killed").figures]
    assert figure.outcome == "killed"
    ((taken,),) = [parse("2 guards abducted").figures]
    assert taken.outcome == "captured"


@pytest.mark.parametrize(
    "text",
    [
        "412 killed or taken prisoner (per the rebels); 9 wounded",
        "412 dead/missing; 9 wounded",
        "412 killed and/or captured; 9 wounded",
    ],
)
def test_two_outcomes_joined_by_or_make_one_combined_figure(text: str) -> None:
    """The figure counts people of either outcome; it is no death toll."""
    parsed = parse(text)
    assert [(f.quantity.value, f.outcome) for f in parsed.figures] == [
        (412, "killed-or-injured"),
        (9, "injured"),
    ]


def test_none_as_an_alternative_is_no_figure() -> None:
    """ "Few or none" guesses how many; only a "none" standing alone is a count of zero."""
    assert parse("Few or none").figures == ()
    assert parse("Reported as none or few").figures == ()
    assert [f.quantity.value for f in parse("None").figures] == [0]


def test_a_part_after_words_without_an_amount_is_a_part_of_the_figure_before() -> None:
    """ "most of them farmers" gives no amount; the bracket after it still counts the
    children among the 60 killed."""
    parsed = parse("60 villagers killed, most of them farmers (including 14 children)")
    assert [(f.quantity.value, f.outcome, f.group) for f in parsed.figures] == [
        (60, "killed", "civilians"),
        (14, "killed", "children"),
    ]
