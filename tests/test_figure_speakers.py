"""The speaker of each figure read from the dependency parse (extract/figure_speakers.py):
relative clauses inside the subject, a second speaker in a coordinated or semicolon
clause, "according to X" closing one clause, documents made by someone. Every sentence
is our own wording (issue 8), none comes from an evaluation corpus.
"""

from __future__ import annotations

import pytest

from attackgraph.extract import extract
from attackgraph.extract.figure_speakers import SpeakerFinder, figure_speaker, worth_parsing
from attackgraph.extract.nlp import parse as parse_sentence
from attackgraph.parse import parse


def sources(body: str) -> list[tuple[str | None, object]]:
    """(source name or None, amount) of each prose figure of ``body``, sorted."""
    doc = parse(f"= Raid on Tamba =\n\n{body}\n".encode(), "tamba.txt")
    found = [
        (claim.source.name if claim.source else None, f.quantity.value or f.quantity.minimum)
        for claim in extract(doc).claims
        for f in claim.figures
    ]
    return sorted(found, key=lambda pair: (str(pair[1]), str(pair[0])))


def speaker(sentence: str, number: str) -> str | None:
    at = sentence.index(number)
    found = figure_speaker(parse_sentence(sentence), at, at + len(number))
    return None if found is None else sentence[found[0] : found[1]]


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        (
            "The tribunal, which heard the case because it involved a consulate, finally "
            "put the toll at 41.",
            "41",
            "The tribunal",
        ),
        (
            "The coroner, who was appointed after the inquest had collapsed, gave a "
            "figure of 17 dead.",
            "17",
            "The coroner",
        ),
    ],
)
def test_a_relative_clause_inside_the_subject_is_not_the_speaker(
    sentence: str, number: str, expected: str
) -> None:
    assert speaker(sentence, number) == expected


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        (
            "The province put the death toll at 14; local doctors spoke of 19 dead, "
            "and some newspapers put it above 25.",
            "25",
            "some newspapers",
        ),
        (
            "The province put the death toll at 14; local doctors spoke of 19 dead.",
            "19",
            "local doctors",
        ),
        (
            "Official tallies put the number of miners killed at six; the union counted "
            "nine and said that more than 40 others were hurt.",
            "40",
            "the union",
        ),
    ],
)
def test_each_coordinated_or_semicolon_clause_keeps_its_own_speaker(
    sentence: str, number: str, expected: str
) -> None:
    assert speaker(sentence, number) == expected


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        (
            "The rebels said 12 of their men died, and seven villagers were killed in "
            "the shelling, according to the district council.",
            "seven",
            "the district council",
        ),
        (
            "Figures released by the Interior Ministry on Monday showed that 80 people "
            "were still in hospital.",
            "80",
            "the Interior Ministry",
        ),
        (
            "Rebel losses, as compiled by the border police, came to 210 killed.",
            "210",
            "the border police",
        ),
    ],
)
def test_according_to_and_a_document_s_maker_name_the_speaker(
    sentence: str, number: str, expected: str
) -> None:
    assert speaker(sentence, number) == expected


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("Later accounts counted five miners among the dead.", "five"),
        ("The militia released 30 hostages, and four guards died later.", "four"),
        ("Amnesty International, which spoke to 60 survivors, published a report.", "60"),
        ("Writing in the local paper, the reporter described nine bodies.", "nine"),
    ],
)
def test_no_speaker_for_a_bare_document_another_clause_or_a_gerund(
    sentence: str, number: str
) -> None:
    assert speaker(sentence, number) is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The tribunal, which heard the case because it involved a consulate, finally "
            "put the death toll at 41; local doctors spoke of 19 dead.",
            [("local doctors", 19), ("tribunal", 41)],
        ),
        (
            "The army said 12 of the rebels died, and seven villagers were killed in the "
            "shelling, according to the district council.",
            [("army", 12), ("district council", 7)],
        ),
        (
            "Rebel losses, as compiled by the border police, came to 210 killed.",
            [("border police", 210)],
        ),
    ],
)
def test_claims_carry_the_parse_speaker(body: str, expected: list[object]) -> None:
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "On Monday the health minister, Sara Quist, said that 23 people had died.",
            [("Sara Quist", 23)],
        ),
        (
            "A guard at the nearby Delta depot, Omar Sall, said six bodies were found.",
            [("Omar Sall", 6)],
        ),
    ],
)
def test_a_named_apposition_the_cue_found_is_kept(body: str, expected: list[object]) -> None:
    """The parse's head noun ("the health minister") and the cue's name for it are one party."""
    assert sources(body) == expected


def test_only_sentences_with_a_reporting_word_are_parsed() -> None:
    assert not worth_parsing("Nine people died in the fire.")
    finder = SpeakerFinder("Nine people died in the fire.", 0, 29)
    assert finder(0, 4) is None and finder.holds((0, 4), (0, 4)) is False


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        (
            "On Friday the regional council, headed by Governor Ama Boateng, issued a "
            "statement saying that 31 people had died and 12 had been hurt.",
            "12",
            "the regional council",
        ),
        (
            "The port authority released a communique saying 14 sailors were missing.",
            "14",
            "The port authority",
        ),
    ],
)
def test_a_statement_saying_is_its_issuer_s(sentence: str, number: str, expected: str) -> None:
    """Clauses coordinated inside what is reported keep the reporter ("31 had died and 12
    had been hurt"); an acl "headed by X" on the subject is not the speaker."""
    assert speaker(sentence, number) == expected


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        (
            "Hungarian estimates ranged from 300 to 700 dead.",
            "300",
            "Hungarian estimates",
        ),
        ("Government figures showed 52 wounded.", "52", "Government figures"),
    ],
)
def test_a_document_that_says_whose_it_is_is_a_speaker(
    sentence: str, number: str, expected: str
) -> None:
    assert speaker(sentence, number) == expected


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("Estimates of the number of dead ranged from 30 to 90.", "30"),
        ("The final count settled at 213 dead.", "213"),
    ],
)
def test_a_document_without_author_is_nobody_s(sentence: str, number: str) -> None:
    assert speaker(sentence, number) is None


@pytest.mark.parametrize(
    ("sentence", "numbers", "expected"),
    [
        (
            "The inquiry put the number of dead at 52: 40 miners, 11 guards and a cook.",
            ("52", "40", "11"),
            "The inquiry",
        ),
        (
            "The commission gave a total of 19: 15 soldiers and four civilians.",
            ("19", "15", "four"),
            "The commission",
        ),
    ],
)
def test_a_breakdown_after_a_colon_keeps_the_speaker(
    sentence: str, numbers: tuple[str, ...], expected: str
) -> None:
    assert [speaker(sentence, n) for n in numbers] == [expected] * len(numbers)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Nine died at the depot, three at the gate: the navy later confirmed the toll "
            "at twelve.",
            [("navy", 12), (None, 3), (None, 9)],
        ),
        (
            "The final tally of the injured was about 600; about 40, according to the "
            "health ministry, were still in hospital.",
            [("health ministry", 40), (None, 600)],
        ),
    ],
)
def test_a_colon_clause_or_a_semicolon_parts_the_figure_from_the_speaker(
    body: str, expected: list[object]
) -> None:
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        (
            "The governor gave 14 dead; the mayor spoke of 20, and some press reports put "
            "the toll above 30.",
            "30",
            "some press reports",
        ),
        (
            "Officials counted 9 dead, and local news reports put the figure at 12.",
            "12",
            "local news reports",
        ),
    ],
)
def test_press_reports_are_a_speaker(sentence: str, number: str, expected: str) -> None:
    assert speaker(sentence, number) == expected


def test_whose_losses_a_document_counts_is_not_its_author() -> None:
    sentence = "No guard died, while estimates of Katangese losses run to several hundred."
    assert speaker(sentence, "several") is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Six guards were wounded, the governor said, and two had died, according to nurses.",
            [("governor", 6), ("nurses", 2)],
        ),
        (
            "Eleven miners were hurt, rescuers said, and four died, according to the company.",
            [("rescuers", 11), ("company", 4)],
        ),
    ],
)
def test_an_inserted_speaker_and_a_later_according_to_each_keep_their_clause(
    body: str, expected: list[object]
) -> None:
    assert sorted(sources(body), key=lambda p: -int(str(p[1]))) == expected


def test_a_reporting_verb_s_own_subject_comes_before_an_inserted_speaker() -> None:
    sentence = "Army intelligence, the inquiry noted, put the number of dead at 310."
    assert speaker(sentence, "310") == "Army intelligence"


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        (
            "Okafor said that 14 of his men had died and claimed that none had been "
            "taken prisoner, although the army later said it held three.",
            "none",
            "Okafor",
        ),
        (
            "The colonel said that 30 of the rebels had died and stated that none had escaped.",
            "none",
            "The colonel",
        ),
    ],
)
def test_a_number_is_never_the_speaker_of_a_coordinated_verb(
    sentence: str, number: str, expected: str
) -> None:
    """The small model may coordinate the second reporting verb with the first one's
    reported clause ("11 had died and [claimed]"): its victims are no speaker."""
    assert speaker(sentence, number) == expected


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        (
            "Allied losses, in the figures given by the navy's records office, were nine "
            "killed and 17 wounded.",
            "17",
            "the navy's records office",
        ),
        (
            "Ivan Petrov, a driver who saw the convoy, told reporters that 40 had died, "
            "while Lena Ostrova, a teacher, later drew up a list of 112 dead.",
            "112",
            "Lena Ostrova",
        ),
        ("The clinic later published a count of 58 wounded.", "58", "The clinic"),
    ],
)
def test_figures_given_by_x_and_a_list_x_drew_up_are_x_s(
    sentence: str, number: str, expected: str
) -> None:
    """A document named beside the figure says whose it is: "in the figures given by X",
    "X drew up a list of N dead" (a document made, not one found)."""
    assert speaker(sentence, number) == expected


def test_a_list_found_is_no_statement_of_its_finder() -> None:
    assert speaker("Soldiers found a list of 12 targets in the house.", "12") is None


def test_a_progressive_giving_and_a_time_before_the_speaker() -> None:
    """ "by nightfall officials were giving a toll of 63": the officials, without the time."""
    sentence = (
        "Early bulletins put the dead at more than 50, and by nightfall officials were "
        "giving a toll of 63 dead and 120 injured."
    )
    assert speaker(sentence, "63") == "officials"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The shelling lasted for hours. Several survivors and the parish council "
            "began to speak of 58 dead.",
            [("survivors", 58)],
        ),
        ("The ministry of health went on to put the toll at 45.", [("ministry of health", 45)]),
        ("The commission continued to give a figure of 300 wounded.", [("commission", 300)]),
    ],
)
def test_an_infinitive_s_speaker_is_the_subject_of_the_verb_above_it(
    body: str, expected: list[object]
) -> None:
    """ "X began to speak of 58 dead", "X went on to put the toll at 45": X, not the words
    "X went on to" nor nobody."""
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("sentence", "numbers", "expected"),
    [
        (
            "Karl Wendt, a ferryman who was on the quay when it was shelled, told reporters "
            "that 30 to 40 people had died, while Ana Rees, a cousin of the mayor, later drew "
            "up a list of 96 dead: 41 men and 55 women and children.",
            ("96", "41", "55"),
            "Ana Rees",
        ),
        (
            "Officials said 61 people had died, while a relief agency that worked in the "
            "valley counted 88 dead: 50 adults and 38 children.",
            ("88", "50", "38"),
            "a relief agency",
        ),
    ],
)
def test_a_breakdown_after_a_colon_is_said_by_whoever_gave_its_total(
    sentence: str, numbers: tuple[str, ...], expected: str
) -> None:
    """The parse may hang "41 men" on a noun of the first speaker's clause; the numbers
    after the colon break down the one before it, and share its speaker."""
    assert [speaker(sentence, n) for n in numbers] == [expected] * len(numbers)


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("Rescuers found the driver and his 60-year-old aunt dead in the car.", "60"),
        ("Guards found the two wardens dead; a third was unhurt.", "two"),
    ],
)
def test_finding_people_dead_is_a_discovery_not_a_finding(sentence: str, number: str) -> None:
    """ "X found Y dead": a small clause of what was found, no clause X states."""
    assert speaker(sentence, number) is None


def test_a_finding_without_that_still_states_its_clause() -> None:
    sentence = "The coroner found all eleven had died of their wounds."
    assert speaker(sentence, "eleven") == "The coroner"


def test_a_clause_before_a_verb_of_finding_is_what_it_states() -> None:
    sentence = "On the second day they shot about 30 of the farmers, witnesses later testified."
    assert speaker(sentence, "30") == "witnesses"
