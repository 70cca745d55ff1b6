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
