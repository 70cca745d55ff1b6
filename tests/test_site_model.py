"""The prose-site classifier (extract/site_features.py) on top of the site rules."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from shipped_weights import needs_shared_dev, recorded_command_writes

from attackgraph.extract import extract
from attackgraph.parse import parse

HEAD = (
    "= 2011 Tarvel church bombings =\n\nInfobox\n- Location: Tarvel, Ruritania\n"
    "- Date: 3 May 2011\n\nOn 3 May 2011 two suicide bombers struck churches in the "
    "coastal town of Tarvel, Ruritania."
)


def prose_places(text: str) -> list[str]:
    return [p.name for p in extract(parse(text.encode(), "tarvel.txt")).places if p.prose]


@pytest.mark.parametrize(
    ("rest", "expected"),
    [
        # a second site the tagger reads as an organisation: "set off ... at X, killing"
        (
            "\n\n== The attacks ==\nThe first bomber blew himself up inside the cathedral "
            "during the morning service. Moments later a second man set off his explosives "
            "at Penhallow, killing fourteen worshippers.\n",
            ["Penhallow"],
        ),
        # a town the tagger calls a place, but where a van was searched days later
        (
            " The police chief said officers were also searching a van found later that week "
            "at a garage in Marrowby, well away from the town.\n",
            [],
        ),
    ],
)
def test_the_classifier_decides_which_prose_names_are_sites(rest: str, expected: list[str]) -> None:
    assert prose_places(HEAD + rest) == expected


def test_the_shipped_site_weights_are_the_recorded_file() -> None:
    root = Path(__file__).resolve().parents[1]
    data = (root / "src" / "attackgraph" / "resources" / "site_model.json").read_bytes()
    recorded = (root / "docs" / "evaluation.md").read_text(encoding="utf-8")
    assert hashlib.sha256(data).hexdigest() in recorded
    assert len(data) < 50_000


NAMED = (
    "= Battle of Tarvel Ridge =\n\nInfobox\n- Location: Tarvel, Ruritania\n- Date: 3 May 2011\n\n"
    "The Battle of Tarvel Ridge, also known as the Battle of the Saddle, was fought on 3 May "
    "2011 near Tarvel, on the island of Morwen.\n\n== Battle ==\nThe defenders fell back along "
    "the ridge to a knoll the soldiers called Crow's Nest, where most of them were killed.\n"
)


def test_a_place_named_by_known_as_or_called_and_an_island_of_are_sites() -> None:
    places = prose_places(NAMED)
    assert "Crow's Nest" in places
    assert "Morwen" in places
    assert not any(name.startswith("Battle") for name in places)  # the event's other name


@needs_shared_dev
def test_the_shipped_site_weights_are_what_their_recorded_command_trains() -> None:
    """A change to the site rules or the features changes the candidates the command
    trains on: the file must then be trained again (docs/evaluation.md, the command)."""
    assert recorded_command_writes("site", last=9)
