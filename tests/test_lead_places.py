"""The places of a lead's first sentence when the document has no infobox place
(extract/lead.py), on sentences written for these tests."""

from __future__ import annotations

import pytest

from attackgraph.extract.lead import lead_places
from attackgraph.extract.sentences import Sentence
from attackgraph.model import Span


def names(text: str) -> list[str]:
    return [p.name for p in lead_places(Sentence(Span(0, len(text), text, 3), (), 0, False))]


@pytest.mark.parametrize(
    ("text", "site"),
    [
        (
            "A bomb tore through the Kestrel cafe in Belvane on Friday, killing 12 people.",
            "Kestrel cafe",
        ),
        ("Gunmen attacked the Osterby market in Karlin, Denmark, killing nine.", "Osterby market"),
    ],
)
def test_a_lowercase_word_saying_what_a_named_place_is_belongs_to_its_name(
    text: str, site: str
) -> None:
    assert site in names(text)


def chain(text: str) -> list[tuple[str, str | None]]:
    found = lead_places(Sentence(Span(0, len(text), text, 3), (), 0, False))
    return [(p.name, p.container) for p in found]


@pytest.mark.parametrize(
    ("text", "not_places"),
    [
        (
            "This note sums up the report of the Nordic Board of Inquiry on the shooting at "
            "Osterby, in the Vell district of Karlin Province.",
            ["Nordic Board of Inquiry"],
        ),
        (
            "On a Sunday morning hundreds of people lined Mill Street in Osterby, the county "
            "town of Vell, for the Remembrance parade.",
            ["Remembrance"],
        ),
        (
            "Soldiers of the army's 4th Rifle Regiment held the barracks of the 9th Lancers "
            "at Tessel, near Osterby.",
            ["9th Lancers at Tessel"],
        ),
        (
            "The Commission on Concord for Ruritania later found that 40 people died.",
            ["Concord"],
        ),
    ],
)
def test_a_name_hanging_from_by_for_or_a_non_place_of_is_no_place(
    text: str, not_places: list[str]
) -> None:
    found = names(text)
    assert not set(not_places) & set(found), found


def test_a_place_after_at_stays_a_place_after_an_agent_by() -> None:
    text = "A shell fired by the army exploded at Kestrel, a square in the centre of Tuzla."
    assert "Kestrel" in names(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Settlers killed 28 people at Tessel station, in the colony of Nova Brava.", "Nova Brava"),
        ("Soldiers shot 200 villagers in the department of Osterby in 1981.", "Osterby"),
        ("The bomb went off at Karlin Airport, in the borough of Vell.", "Vell"),
    ],
)
def test_of_after_an_area_or_a_state_still_introduces_a_place(text: str, place: str) -> None:
    assert place in names(text)


def test_a_country_written_with_a_possessive_is_the_country() -> None:
    text = "Gunmen killed nine worshippers in the town of Kestrel, in Sri Lanka's Eastern Province."
    found = lead_places(Sentence(Span(0, len(text), text, 3), (), 0, False))
    assert [(p.name, p.country) for p in found][-1] == ("Sri Lanka", "LK")
    assert "Sri Lanka's" not in [p.name for p in found]


def test_a_country_the_recogniser_cuts_at_and_is_one_country() -> None:
    text = (
        "A shell fired by the army exploded at Kestrel, a square in the centre of Tuzla in "
        "north-eastern Bosnia and Herzegovina."
    )
    found = chain(text)
    assert ("Bosnia and Herzegovina", None) in found
    assert "Herzegovina" not in [name for name, _ in found]


def test_an_organisation_after_a_bare_of_is_no_place() -> None:
    text = (
        "This account draws on the findings of the Tinta Valley Commission on the raid "
        "against the barracks of the 9th Rifle Regiment at Ghazni, in Ghazni province."
    )
    found = names(text)
    assert "Tinta Valley Commission" not in found
    assert "9th Rifle Regiment" not in found
    assert "Ghazni" in found


@pytest.mark.parametrize(
    ("text", "town", "country"),
    [
        (
            "A rocket struck a crowded bus depot in the eastern Ukrainian city of Sumy on "
            "Monday, killing 14 people.",
            "Sumy",
            "UA",
        ),
        (
            "Gunmen attacked a police post in the northern Sri Lankan town of Vavuniya on Friday.",
            "Vavuniya",
            "LK",
        ),
    ],
)
def test_a_people_the_recogniser_reads_as_a_place_gives_the_country(
    text: str, town: str, country: str
) -> None:
    found = lead_places(Sentence(Span(0, len(text), text, 3), (), 0, False))
    assert [(p.name, p.country) for p in found] == [(town, country)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a town the recogniser does not tag, introduced as a place
        (
            "France destroyed most of Ghana's small air force after two Ghanaian jets bombed a "
            "French base in the rebel-held city of Ouvrèque, killing nine soldiers.",
            "Ouvrèque",
        ),
        # named after the country: still a place of the event, as introduced
        (
            "Police in Papua New Guinea said they had found 30 bodies after a clash in the "
            "mountain province of Kelmar, one of the worst in years.",
            "Kelmar",
        ),
    ],
)
def test_a_name_introduced_as_a_town_or_an_area_is_a_place(text: str, place: str) -> None:
    assert place in names(text)


@pytest.mark.parametrize(
    ("text", "area"),
    [
        (
            "Raiders burned the farms at Kelbo, in Kenya's Rift Valley Province, at night.",
            "Rift Valley Province",
        ),
        (
            "Gunmen shot eleven herders near Dalbo in India's northeastern state of Manipur on "
            "Friday.",
            "Manipur",
        ),
    ],
)
def test_an_area_the_countrys_possessive_gives_is_in_the_chain(text: str, area: str) -> None:
    # the country comes first, its area after it: the area is still a link of the chain
    found = chain(text)
    assert (area, found[-1][0]) in found and found[0][1] == area, found
