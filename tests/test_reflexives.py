"""One person who killed or hurt himself or herself counts one, with the outcome of the
verb the reflexive is the victim of."""

from __future__ import annotations

import pytest

from attackgraph.extract.figure_guess import FigureGuess
from attackgraph.extract.prose_figures import read_figures


def figures(text: str) -> list[tuple[object, str, str | None]]:
    """(value, group, outcome) of each figure of ``text``, the classifier asked too."""
    found = read_figures(text, guess=FigureGuess(text, 0, len(text)))
    return [(f.quantity.value, f.group, f.outcome) for f in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cornered in the boiler room, Varga killed himself before the soldiers reached him.",
         [(1, "total", "killed")]),
        ("The sniper wounded eleven passers-by and then turned the pistol on himself.",
         [(11, "other-group", "injured"), (1, "attackers", "killed")]),
        ("She detonated a belt of explosives at the checkpoint, killing herself and two "
         "customs officers.",
         [(1, "attackers", "killed"), (2, "police", "killed")]),
        ("A recruit who shot himself in the hand during the drill was the only casualty.",
         [(1, "total", "injured")]),
        ("Witnesses said one of them blew himself up in the lobby.",
         [(1, "total", "killed")]),
    ],
)  # fmt: skip
def test_a_reflexive_victim_of_a_casualty_verb_counts_one(
    text: str, expected: list[tuple[object, str, str | None]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In a letter to his sister he threatened to kill himself.",
        "The guard did not shoot himself, the inquiry found.",
        "The courier blamed himself for the delay at the border.",
    ],
)
def test_no_death_where_the_verb_states_none(text: str) -> None:
    assert figures(text) == []


def test_a_person_counted_already_is_not_counted_again() -> None:
    text = "Another attacker blew himself up near the gate."
    assert figures(text) == [(1, "attackers", "killed")]
