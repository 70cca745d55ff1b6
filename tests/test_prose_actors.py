"""Which people and organisations the prose names become actors (extract/named.py).

Sentences written for these tests, read with the real tagger; each case names what a
reader takes as a party and what they would not.
"""

from __future__ import annotations

import pytest

from attackgraph.extract.named import prose_actors
from attackgraph.extract.sentences import sentences
from attackgraph.parse import parse


def named(prose: str) -> list[str]:
    doc = parse(f"= Report =\n\n{prose}\n".encode(), "report.txt")
    return [mention.name for mention in prose_actors(doc.text, sentences(doc), (), ())]


@pytest.mark.parametrize(
    ("prose", "unit"),
    [
        (
            "Reinforcements from the 9th Armoured Brigade reached the town before noon.",
            "9th Armoured Brigade",
        ),
        (
            "Soldiers of the 12th Commando Battalion under Colonel Ravi Menon stormed the hotel.",
            "12th Commando Battalion",
        ),
        (
            "On the second day aircraft flew in the 2nd Battalion, 9th Infantry, under Major Paul "
            "Grant, to the airstrip.",
            "2nd Battalion, 9th Infantry",
        ),
        (
            "Trucks brought the 4th Company, 8th Infantry Regiment, to the crossing.",
            "4th Company, 8th Infantry Regiment",
        ),
    ],
    ids=["brigade", "battalion-under-its-commander", "battalion-of-a-regiment", "company"],
)
def test_a_numbered_unit_is_an_actor_with_its_number_and_parent(prose: str, unit: str) -> None:
    found = named(prose)
    assert unit in found
    assert not any(name != unit and name in unit for name in found)  # no bare "Infantry"


@pytest.mark.parametrize(
    ("prose", "body"),
    [
        ("The case was heard by the Nakuru High Court in 2019.", "Nakuru High Court"),
        (
            "Two suspects were tried before the Kisumu District Court last spring.",
            "Kisumu District Court",
        ),
    ],
)
def test_an_area_word_inside_an_institution_name_keeps_it_an_actor(prose: str, body: str) -> None:
    assert body in named(prose)


@pytest.mark.parametrize(
    "prose",
    [
        "Fighting spread to Kano State and later to Sokoto State.",
        "Roadblocks went up across County Fermanagh overnight.",
    ],
)
def test_an_area_named_with_its_area_word_is_no_actor(prose: str) -> None:
    assert named(prose) == []
