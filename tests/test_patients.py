"""One person a casualty verb acts on, read from the parse as a candidate figure: who is
a candidate, who is not, and how the prose reader counts a confident one."""

from __future__ import annotations

import pytest

from attackgraph.extract.figure_guess import FigureGuess, unnumbered_spans
from attackgraph.extract.nlp import parse
from attackgraph.extract.patients import patients
from attackgraph.extract.prose_figures import read_figures


def _found(text: str) -> list[str]:
    return [text[b:e] for b, e, _ in patients(parse(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Villagers later found that Okonkwo had been beheaded.", ["Okonkwo"]),
        ("The insurgents seized the ferry and executed its captain.", ["its captain"]),
        ("Her brother died of his wounds two days later.", ["Her brother"]),
        ("The night porter was discovered shot dead behind the counter.", ["The night porter"]),
        ("Marta Lind ran for the exit and was wounded in the hip.", ["Marta Lind"]),
        ("A customs officer, who had tried to close the gate, was abducted.",
         ["A customs officer"]),
        ("Dr Anselm Voss and Inspector Rhee were kidnapped at the border.",
         ["Dr Anselm Voss", "Inspector Rhee"]),
        ("The harbour master was taken hostage at dawn.", ["The harbour master"]),
    ],
)  # fmt: skip
def test_one_person_a_casualty_verb_acts_on_is_a_candidate(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Eleven pilgrims were wounded by the blast.",  # a number reads them
        "The fishermen were kidnapped off the coast.",  # plural
        "They were arrested at a checkpoint.",  # a pronoun for several
        "Nobody was injured in the second explosion.",  # none (read as 0 elsewhere)
        "A lone sniper killed the bodyguard.",  # the sniper acted; the bodyguard counts
        "The convoy left the depot at noon.",  # no casualty verb
        "By evening the final toll was forty dead.",  # a count, not a person
        "The official tally of the dead was revised twice.",  # a count
    ],
)
def test_no_candidate_for_several_none_or_the_one_who_acted(text: str) -> None:
    assert "sniper" not in " ".join(_found(text))
    assert _found(text) in ([], ["the bodyguard"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One of the ferry's stewards was badly wounded.", ["One of the ferry's stewards"]),
        ("The militia later executed one of its own commanders.",
         ["one of its own commanders"]),
        ("Witnesses said one of the two drivers had been abducted.",
         ["one of the two drivers"]),
    ],
)  # fmt: skip
def test_one_of_a_group_is_a_candidate_with_the_group_s_words(
    text: str, expected: list[str]
) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text", ["No one was hurt when the roof fell.", "The one who was arrested was released."]
)
def test_no_one_and_the_one_are_no_candidate_of_one_of(text: str) -> None:
    assert not any(words.lower().startswith("one of") for words in _found(text))


def test_a_person_an_amount_already_counts_is_left_to_it() -> None:
    text = "The guard was shot."
    assert unnumbered_spans(parse(text), 0, [(0, 9)]) == []
    assert unnumbered_spans(parse(text), 0, []) == [(0, 9)]


@pytest.mark.parametrize(
    ("text", "words", "outcome"),
    [
        ("Two weeks later the militia's treasurer, Ivo Brandt, was hanged in the square.",
         "Ivo Brandt", "killed"),
        ("The following spring Teodor Kask was arrested at his sister's flat in Tartu.",
         "Teodor Kask", "arrested"),
    ],
)  # fmt: skip
def test_the_classifier_makes_a_figure_of_one_person(text: str, words: str, outcome: str) -> None:
    guessed = read_figures(text, guess=FigureGuess(text, 0, len(text)))
    assert [(f.quantity.value, f.outcome) for f in guessed] == [(1, outcome)]
    assert words in text[guessed[0].begin : guessed[0].end]


def test_the_classifier_is_not_asked_without_an_outcome_word() -> None:
    text = "The treasurer, Ivo Brandt, was seen in the square."
    assert FigureGuess(text, 0, len(text)).unnumbered([], 0, len(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The consulate confirmed the death of a Danish engineer.", ["a Danish engineer"]),
        ("Detectives tied the rifle to the murder of a pharmacist and his nephew.",
         ["a pharmacist", "his nephew"]),
        ("Prosecutors announced the arrest of a Ghanaian national.", ["a Ghanaian national"]),
        ("The body of the ferry's cook was recovered downstream.", ["the ferry's cook"]),
        ("The shelling killed 14 people, including a midwife and the village chief.",
         ["a midwife", "the village chief"]),
        ("Militants shot nine passengers, among them a retired judge.", ["a retired judge"]),
        ("Among them was an Austrian student who had arrived that week.", ["an Austrian student"]),
    ],
)  # fmt: skip
def test_one_person_an_outcome_noun_or_a_breakdown_names_is_a_candidate(
    text: str, expected: list[str]
) -> None:
    assert _found(text) == expected
