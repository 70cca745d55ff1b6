"""Splitting listed names and places, and reading coordinates, with exact spans."""

from __future__ import annotations

import pytest

from attackgraph.extract.lists import parse_coordinates, split_items
from attackgraph.extract.places import split_places
from attackgraph.model import PlaceKind, Span


def value(text: str, begin: int = 100) -> Span:
    return Span(begin, begin + len(text), text, 7)


def check_spans(whole: Span, spans: list[Span]) -> None:
    for span in spans:
        assert whole.text[span.begin - whole.begin : span.end - whole.begin] == span.text
        assert span.line == whole.line


def test_parties_with_notes_and_daggers() -> None:
    whole = value("Kenya (AMISOM), Somalia; the Islamic State †")
    items = split_items(whole)
    assert [(i.name, i.note, i.killed) for i in items] == [
        ("Kenya", "AMISOM", False),
        ("Somalia", None, False),
        ("Islamic State", None, True),
    ]
    check_spans(whole, [i.span for i in items])


def test_brackets_protect_commas() -> None:
    items = split_items(value("Al-Shabaab (Saleh Nabhan brigade, Jabha), AMISOM"))
    assert [i.name for i in items] == ["Al-Shabaab", "AMISOM"]
    assert items[0].note == "Saleh Nabhan brigade, Jabha"


def test_labels_are_not_part_of_the_name() -> None:
    items = split_items(value("Supported by: Wagner Group"))
    assert [i.name for i in items] == ["Wagner Group"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Scout and Signals Company of the Free Legion",
            ["Scout and Signals Company of the Free Legion"],
        ),
        (
            "Velmar Front and Union for the Defence of Ossory",
            ["Velmar Front", "Union for the Defence of Ossory"],
        ),
        ("Kenya and Republic of Somalia", ["Kenya", "Republic of Somalia"]),
    ],
    ids=["one-of-for-both", "a-second-name-running-on", "a-country-first"],
)
def test_two_nouns_sharing_one_of_are_one_name(text: str, names: list[str]) -> None:
    assert [item.name for item in split_items(value(text))] == names


def test_empty_pieces_are_skipped() -> None:
    assert [i.name for i in split_items(value("Mali, , Niger,"))] == ["Mali", "Niger"]


def test_site_list_region_country() -> None:
    whole = value("Sévaré, Niono, and Bapho, Mopti region, Mali")
    places = split_places(whole, (14.5, -4.1))
    kinds = [(p.name, p.kind) for p in places]
    assert kinds == [
        ("Sévaré", PlaceKind.LOCALITY),
        ("Niono", PlaceKind.LOCALITY),
        ("Bapho", PlaceKind.LOCALITY),
        ("Mopti region", PlaceKind.REGION),
        ("Mali", PlaceKind.COUNTRY),
    ]
    assert all(p.coordinates is None for p in places), "several sites: no guessed point"
    check_spans(whole, [p.span for p in places])


def test_single_site_gets_the_coordinates_and_a_chain() -> None:
    places = split_places(value("Boulkessi, Soum Province, Burkina Faso"), (14.21, -1.3))
    assert places[0].coordinates == (14.21, -1.3)
    assert [(p.name, p.container) for p in places] == [
        ("Boulkessi", "Soum Province"),
        ("Soum Province", "Burkina Faso"),
        ("Burkina Faso", None),
    ]
    assert {p.country for p in places} == {"BF"}


def test_no_country_named() -> None:
    places = split_places(value("Westgate mall, Westlands, Nairobi"))
    assert [p.country for p in places] == [None, None, None]
    assert places[-1].kind == PlaceKind.REGION


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("14.48°N 4.18°W", (14.48, -4.18)),
        ("14°29′N 4°11′W", (14.483333, -4.183333)),
        ("1°17′S 36°49′E", (-1.283333, 36.816667)),
        ("-1.26, 36.80", (-1.26, 36.8)),
        ("14.48°N", None),
        ("95.0°N 4.0°W", None),
        ("somewhere", None),
    ],
)
def test_coordinates(text: str, point: tuple[float, float] | None) -> None:
    assert parse_coordinates(text) == point


def chain(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(p.name, p.container, p.country) for p in split_places(value(text))]


def test_groups_share_the_country_named_in_one_of_them() -> None:
    whole = value("Fish market, Old Port quarter, Berbera, Somalia; Hargeisa road")
    places = split_places(whole)
    assert [(p.name, p.container, p.country) for p in places] == [
        ("Fish market", "Old Port quarter", "SO"),
        ("Old Port quarter", "Berbera", "SO"),
        ("Berbera", "Somalia", "SO"),
        ("Hargeisa road", "Somalia", "SO"),
        ("Somalia", None, "SO"),
    ]
    assert places[-1].kind == PlaceKind.COUNTRY
    check_spans(whole, [p.span for p in places])


def test_a_dash_puts_every_listed_site_in_the_chain_after_it() -> None:
    assert chain("Grain depot; bus station; Grand Hotel — north Gao, Gao Region, Mali") == [
        ("Grain depot", "Gao", "ML"),
        ("bus station", "Gao", "ML"),
        ("Grand Hotel", "Gao", "ML"),
        ("Gao", "Gao Region", "ML"),
        ("Gao Region", "Mali", "ML"),
        ("Mali", None, "ML"),
    ]


def test_a_lowercase_direction_is_part_of_the_place_it_precedes() -> None:
    places = split_places(value("Water tower, eastern Kidal, Mali"))
    assert [p.name for p in places] == ["Water tower", "Kidal", "Mali"]
    assert places[1].span.text == "Kidal"


def test_a_plural_area_word_gives_each_listed_area_its_own_name() -> None:
    places = split_places(value("3rd and 4th districts, Niamey, Niger"))
    assert [(p.name, p.container) for p in places] == [
        ("3rd district", "Niamey"),
        ("4th district", "Niamey"),
        ("Niamey", "Niger"),
        ("Niger", None),
    ]
    assert [p.span.text for p in places[:2]] == ["3rd", "4th districts"]


def test_a_facility_with_its_quarter_before_and_starts_a_second_chain() -> None:
    assert chain("Grand Mosque, Hamdallaye, and Central Market, Medina, Bamako, Mali") == [
        ("Grand Mosque", "Hamdallaye", "ML"),
        ("Hamdallaye", "Bamako", "ML"),
        ("Central Market", "Medina", "ML"),
        ("Medina", "Bamako", "ML"),
        ("Bamako", "Mali", "ML"),
        ("Mali", None, "ML"),
    ]


def test_listed_facilities_stay_sites_of_one_town() -> None:
    assert chain("North station, Harbour station and Quay Street, Mombasa, Kenya")[:4] == [
        ("North station", "Mombasa", "KE"),
        ("Harbour station", "Mombasa", "KE"),
        ("Quay Street", "Mombasa", "KE"),
        ("Mombasa", "Kenya", "KE"),
    ]


def test_a_former_state_places_the_event_in_its_territory_today() -> None:
    places = split_places(value("Hill 42, Quang Tri Province, South Vietnam"))
    assert [(p.name, p.kind, p.country) for p in places][-1] == (
        "South Vietnam",
        PlaceKind.COUNTRY,
        "VN",
    )
    assert {p.country for p in places} == {"VN"}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Navy Yard, Washington, D.C., United States",
         ["Navy Yard", "Washington, D.C", "United States"]),
        ("Union Station; Washington, D.C.", ["Union Station", "Washington, D.C"]),
        ("Carfax Tower, Oxford, U.K.", ["Carfax Tower", "Oxford", "U.K"]),
        ("Main Street, Springfield, U.S.A.", ["Main Street", "Springfield", "U.S.A"]),
    ],
)  # fmt: skip
def test_dotted_capitals_after_a_comma_continue_a_name_unless_a_country(
    text: str, names: list[str]
) -> None:
    whole = value(text)
    items = split_items(whole)
    assert [i.name for i in items] == names
    check_spans(whole, [i.span for i in items])
