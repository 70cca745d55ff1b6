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
