"""One person killed, named only by a pronoun: the attacker's figure when the pronoun
stands for the attacker, never the event's total."""

from __future__ import annotations

import pytest

from attackgraph.extract.figure_guess import FigureGuess
from attackgraph.extract.figure_referents import attacker_referent
from attackgraph.extract.prose_figures import read_figures


def groups(text: str) -> list[tuple[object, str, str | None]]:
    """(value, group, outcome) of each figure of ``text``, the classifier asked too."""
    found = read_figures(text, guess=FigureGuess(text, 0, len(text)))
    return [(f.quantity.value, f.group, f.outcome) for f in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A lone gunman opened fire on diners at a seaside café. He killed nine people "
         "before he was shot dead by soldiers.",
         [(9, "total", "killed"), (1, "attackers", "killed")]),
        ("The assailant wounded four shoppers in the covered market. The chase lasted an "
         "hour before police killed him outside a bakery.",
         [(4, "civilians", "injured"), (1, "attackers", "killed")]),
        ("Karl Brandt drove a van into the crowd at the fair, killing six people. Two "
         "hours later he was arrested at his brother's farm.",
         [(6, "total", "killed"), (1, "attackers", "arrested")]),
    ],
)  # fmt: skip
def test_a_pronoun_that_stands_for_the_attacker_counts_the_attackers(
    text: str, expected: list[tuple[object, str, str | None]]
) -> None:
    assert groups(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Raiders burned the granary. The headman refused to leave his house and he was "
        "shot dead on the doorstep.",
        "The gunman took a cashier hostage and later shot him in the store room.",
    ],
)
def test_a_pronoun_for_anyone_else_is_not_the_attacker(text: str) -> None:
    at = text.index(" he was") + 1 if " he was" in text else text.index("him")
    assert not attacker_referent(text, at)
    assert all(group != "attackers" for _, group, _ in groups(text))
