"""Amounts the prose rules leave to the figure classifier (extract/figure_guess.py): a
number after "the bodies of", "the deaths of" and the like, and people counted after a
toll whose noun the group vocabulary does not know; and groups none of whom met an
outcome ("no nurses were among the dead"). Every sentence is our own wording
(issue 8), none comes from an evaluation corpus.
"""

from __future__ import annotations

import pytest

from attackgraph.extract import extract
from attackgraph.parse import parse


def figures(body: str) -> list[tuple[str | None, object, str]]:
    """(source name or None, amount, outcome) of each prose figure of ``body``, sorted."""
    doc = parse(f"= Raid on Tamba =\n\n{body}\n".encode(), "tamba.txt")
    found = [
        (claim.source.name if claim.source else None, f.quantity.value, f.outcome)
        for claim in extract(doc).claims
        for f in claim.figures
    ]
    return sorted(found, key=lambda t: (str(t[0]), str(t[1])))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Rescuers pulled the bodies of 27 miners from the shaft, the mine operator said.",
            [("mine operator", 27, "killed")],
        ),
        (
            "Divers brought up the bodies of 19 ferry passengers, the navy said.",
            [("navy", 19, "killed")],
        ),
    ],
)
def test_a_number_after_of_is_asked_about(body: str, expected: list[object]) -> None:
    assert figures(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "A girl of 12 was treated for burns, the hospital said.",
        "A convoy of 30 trucks reached the camp, the agency said.",
    ],
)
def test_an_age_or_a_convoy_after_of_is_no_figure(body: str) -> None:
    assert figures(body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Among the dead were 31 magistrates, according to the bar association.",
            [("bar association", 31, "killed")],
        ),
        (
            "Among the dead were about 14 cartographers, the survey office said.",
            [("survey office", 14, "killed")],
        ),
    ],
)
def test_people_the_vocabulary_does_not_know_after_a_toll_are_counted(
    body: str, expected: list[object]
) -> None:
    assert figures(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("No Danish tourists were killed, the embassy said.", [("embassy", 0, "killed")]),
        ("No nurses were among the dead.", [(None, 0, "killed")]),
        ("Police said they had made no arrests.", [("Police", 0, "arrested")]),
        ("The ferry's captain was rescued unharmed.", [(None, 0, "injured")]),
        (
            "Not a single passenger had been taken hostage, the airline said.",
            [("airline", 0, "captured")],
        ),
        (
            "No police officer was among the dead, a spokesman for the city police said.",
            [("spokesman for the city police", 0, "killed")],
        ),
        ("No foreign workers were reported to have been killed.", [(None, 0, "killed")]),
        ("Nobody else was hit by gunfire.", [(None, 0, "injured")]),
    ],
)
def test_nobody_of_a_group_is_a_zero_figure(body: str, expected: list[object]) -> None:
    assert figures(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "No evidence was found that the guards had been moved.",
        "No building was damaged in the blast.",
    ],
)
def test_no_thing_is_no_zero_figure(body: str) -> None:
    assert figures(body) == []
