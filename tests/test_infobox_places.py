"""How an infobox's place value is read into places and containers (extract/places.py)."""

from __future__ import annotations

import pytest

from attackgraph.extract.places import split_places
from attackgraph.model import Span


def chain(value: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.container) for p in split_places(Span(0, len(value), value, 5))]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "Chapel in the Barrack Square, Eldoret, Kenya",
            [("Chapel", "Barrack Square"), ("Barrack Square", "Eldoret"), ("Eldoret", "Kenya")],
        ),
        (
            "Ticket hall inside Central Station, Gao, Mali",
            [("Ticket hall", "Central Station"), ("Central Station", "Gao"), ("Gao", "Mali")],
        ),
    ],
)
def test_x_in_the_y_within_one_item_is_two_places(
    value: str, expected: list[tuple[str, str | None]]
) -> None:
    assert chain(value)[: len(expected)] == expected


@pytest.mark.parametrize(
    "value",
    [
        "Old Fort Museum and surroundings, Lamu Island, Kenya",
        "Kibarani market and nearby streets, Mombasa, Kenya",
    ],
)
def test_an_item_without_a_name_is_no_place(value: str) -> None:
    names = [name for name, _ in chain(value)]
    assert all(any(c.isupper() for c in name) for name in names)
    assert chain(value)[0][1] == value.split(", ")[1]  # the site is still in the next item


def test_a_lowercase_item_listed_on_its_own_is_still_a_site() -> None:
    names = [name for name, _ in chain("Water tower; cattle market, Kidal, Mali")]
    assert "cattle market" in names


def near_chain(value: str) -> list[tuple[str, bool]]:
    return [(p.name, p.near) for p in split_places(Span(0, len(value), value, 5))]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "Ring Road between Karlin and Osterby, Denmark",
            [("Ring Road", False), ("Karlin", True), ("Osterby", True), ("Denmark", False)],
        ),
        (
            "Pipeline between the Lomar Hills and Tessit, Tillabéri Region, Niger",
            [("Pipeline", False), ("Lomar Hills", True), ("Tessit", True)],
        ),
    ],
)
def test_x_between_a_and_b_names_x_and_the_places_it_lies_near(
    value: str, expected: list[tuple[str, bool]]
) -> None:
    assert near_chain(value)[: len(expected)] == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "Consulate, corner of Kano Road and Bida Road, Kaduna, Nigeria",
            ["Consulate", "Kano Road", "Bida Road", "Kaduna", "Nigeria"],
        ),
        (
            "Bank, corner of Maple and Orchard avenues, Halden, Norway",
            ["Bank", "Maple Avenue", "Orchard Avenue", "Halden", "Norway"],
        ),
    ],
)
def test_a_street_corner_names_its_streets(value: str, expected: list[str]) -> None:
    assert [name for name, _ in chain(value)] == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "Toll gate 4, Old Quarry Road near Velden Airfield, Kornmark Province, Ruritania",
            [
                ("Toll gate 4", False),
                ("Old Quarry Road", False),
                ("Velden Airfield", True),
                ("Kornmark Province", False),
                ("Ruritania", False),
            ],
        ),
        (
            "Tessel and the dunes south of Karlin, Ruritania",
            [("Tessel", False), ("Karlin", True), ("Ruritania", False)],
        ),
    ],
)
def test_x_near_y_within_one_item_names_x_and_the_place_it_lies_near(
    value: str, expected: list[tuple[str, bool]]
) -> None:
    assert near_chain(value) == expected


def test_a_place_the_event_was_near_holds_no_other_place() -> None:
    value = "Old Quarry Road near Velden Airfield, Kornmark Province, Ruritania"
    mentions = split_places(Span(0, len(value), value, 5))
    assert {p.name: p.container for p in mentions}["Old Quarry Road"] == "Kornmark Province"


def test_an_and_after_the_chain_reached_an_area_joins_one_enclosing_name() -> None:
    value = "Pellow, Carrick district, Turks and Caicos Province, Ruritania"
    assert chain(value) == [
        ("Pellow", "Carrick district"),
        ("Carrick district", "Turks and Caicos Province"),
        ("Turks and Caicos Province", "Ruritania"),
        ("Ruritania", None),
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "Tarso plain, south of Belvane, Ruritania",
            [("Tarso plain", False), ("Belvane", True), ("Ruritania", False)],
        ),
        ("Off Kestrel Point, Ruritania", [("Kestrel Point", True), ("Ruritania", False)]),
        ("over the Irish Sea", [("Irish Sea", True)]),
        (
            "Ostra River, c. 12 mi (19 km) downstream of Belvane, Ruritania",
            [("Ostra River", False), ("Belvane", True), ("Ruritania", False)],
        ),
        (
            "Hill 88, 5 km north-east of Karlin, Denmark",
            [("Hill 88", False), ("Karlin", True), ("Denmark", False)],
        ),
    ],
)
def test_a_place_the_event_lies_beside_is_named_without_the_direction(
    value: str, expected: list[tuple[str, bool]]
) -> None:
    assert near_chain(value) == expected


def kinds(value: str) -> list[tuple[str, str, str | None]]:
    return [(p.name, p.kind.value, p.country) for p in split_places(Span(0, len(value), value, 5))]


@pytest.mark.parametrize(
    ("value", "country"),
    [
        ("Tamale barracks, Northern Territories, Colony of Ghana", ("Colony of Ghana", "GH")),
        ("near Timbuktu, Malian Empire", ("Malian Empire", "ML")),
        ("Lomé harbour, British Togo", ("British Togo", "TG")),
        (
            "Akure market, Western Region, Colony and Protectorate of Ghana",
            ("Colony and Protectorate of Ghana", "GH"),
        ),
    ],
)
def test_a_colony_or_empire_named_after_a_country_is_that_country(
    value: str, country: tuple[str, str]
) -> None:
    name, code = country
    assert kinds(value)[-1] == (name, "country", code)
    assert all(c == code for _, _, c in kinds(value))


def test_a_state_named_of_a_and_b_with_a_note_is_one_place() -> None:
    value = "Kovna, near Brel, Duchy of Varna and Ostrel (now Ruritania)"
    assert chain(value)[-1] == ("Duchy of Varna and Ostrel", None)
    assert [name for name, _ in chain(value)] == ["Kovna", "Brel", "Duchy of Varna and Ostrel"]


def test_a_bracketed_near_note_names_the_places_the_event_lies_near() -> None:
    value = "Tarn ford, Upper Vell (near present-day Osterby, Karl County, Ruritania)"
    places = {p.name: (p.container, p.near) for p in split_places(Span(0, len(value), value, 5))}
    assert places["Tarn ford"] == ("Upper Vell", False)
    assert places["Osterby"] == ("Karl County", True)
    assert "Karl County" in places
    assert not any("present-day" in name for name in places)


@pytest.mark.parametrize(
    ("value", "not_places"),
    [
        (
            "Grand Bank, Osterby Square, Karlin, Ruritania; two more parcels in Vell",
            ["two more parcels"],
        ),
        ("Kestrel valley, on the track between Osterby and Tessel, Ruritania", ["on the track"]),
    ],
)
def test_a_lowercase_item_naming_no_kind_of_site_is_no_place(
    value: str, not_places: list[str]
) -> None:
    names = [name for name, _ in chain(value)]
    assert not set(not_places) & set(names), names
    assert "Vell" in names or "Osterby" in names


def test_a_site_between_two_places_names_both() -> None:
    value = "Ash Lane–Mill Cross and Elm Square, Brackwater, Ruritania"
    assert chain(value) == [
        ("Ash Lane", "Brackwater"),
        ("Mill Cross", "Brackwater"),
        ("Elm Square", "Brackwater"),
        ("Brackwater", "Ruritania"),
        ("Ruritania", None),
    ]


def test_an_area_written_with_a_dash_is_one_place() -> None:
    value = "Lower Ferry, Tarn–Vessa, Ruritania"
    assert chain(value) == [
        ("Lower Ferry", "Tarn–Vessa"),
        ("Tarn–Vessa", "Ruritania"),
        ("Ruritania", None),
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "Fort Ardent / Fort Calder, Kell Province, Ruritania",
            [
                ("Fort Ardent", "Kell Province"),
                ("Fort Calder", "Kell Province"),
                ("Kell Province", "Ruritania"),
            ],
        ),
        (
            "Elm Cross and Wharf Lane stations, Circle line, Varna, Ruritania",
            [("Elm Cross station", "Circle line"), ("Wharf Lane station", "Circle line")],
        ),
    ],
    ids=["a-slash-between-two-sites", "a-plural-kind-shared-by-two-stations"],
)
def test_two_sites_in_one_item(value: str, expected: list[tuple[str, str | None]]) -> None:
    assert chain(value)[: len(expected)] == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Outskirts of Marrowby, Tarn Province, Ruritania", ("Marrowby", "Tarn Province")),
        ("Main gate of the Old Fort, Marrowby, Ruritania", ("Old Fort", "Marrowby")),
        ("Road to the Hill Shrine, near the mill, Marrowby", ("Hill Shrine", "Marrowby")),
        ("Border area, chiefly Tarn province, Ruritania", ("Tarn province", "Ruritania")),
        ("Kell and surrounding areas of East Varna, Ruritania", ("East Varna", "Ruritania")),
    ],
)
def test_words_saying_which_part_of_a_place_are_not_its_name(
    value: str, expected: tuple[str, str | None]
) -> None:
    assert expected in chain(value)


@pytest.mark.parametrize(
    ("value", "prose", "expected"),
    [
        # a pub named "X and Y", the prose writes it whole
        (
            "Fox and Hounds and Red Lion pubs, Tarnbury, England",
            "The first device went off in the Fox and Hounds on Mill Lane.",
            ["Fox and Hounds", "Red Lion pubs"],
        ),
        # a pub named "X in the Y", written whole
        (
            "Cat in the Cellar, Tarnbury, England",
            "Minutes later the Cat in the Cellar, a basement bar, was wrecked.",
            ["Cat in the Cellar"],
        ),
        # a studio named after the country whose name holds "and"
        (
            "Parliament and Antigua and Barbuda Radio, St. John's, Antigua and Barbuda",
            "",
            ["Parliament", "Antigua and Barbuda Radio"],
        ),
        # two towns the prose names together with a noun after them stay two places
        (
            "Tarn and Kell, Lusk district, Ruritania",
            "After the Tarn and Kell raids the army withdrew.",
            ["Tarn", "Kell"],
        ),
    ],
)
def test_a_name_holding_and_or_in_the_stays_one_place(
    value: str, prose: str, expected: list[str]
) -> None:
    text = f"- Location: {value}\n\n{prose}\n"
    span = Span(12, 12 + len(value), value, 5)
    names = [p.name for p in split_places(span, None, text)]
    assert names[: len(expected)] == expected, names
