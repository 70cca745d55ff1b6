"""The names a document writes its places by, and the areas a story only mentions.

Documents and sentences written for these tests; each document goes through the real
converter and is read back from its quads.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from published_store import PREFIXES, convert
from pyoxigraph import Store

from attackgraph.pipeline import Converter
from attackgraph.resolve.short_names import short_names


def event_places(store: Store, title: str) -> dict[str, set[str]]:
    """Each place reachable from the event (countries left out): its name -> its aliases."""
    query = f"""SELECT ?name ?alias WHERE {{
      ?event schema:name "{title}" ; ag:location/ag:containedIn* ?place .
      ?place schema:name ?name .
      OPTIONAL {{ ?place schema:alternateName ?alias }}
      FILTER NOT EXISTS {{ ?place ag:placeType c:country }} }}"""
    found: dict[str, set[str]] = {}
    for row in store.query(PREFIXES + query, use_default_graph_as_union=True):
        aliases = found.setdefault(row[0].value, set())  # type: ignore[index]
        if row[1] is not None:  # type: ignore[index]
            aliases.add(row[1].value)  # type: ignore[index]
    return found


def converted(tmp_path: Path, converter: Converter, text: str) -> Store:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return convert(converter, path)


# -- a shorter name the prose writes is an alias of the stated place ------------------


@pytest.mark.parametrize(
    ("stated", "prose", "short"),
    [
        # a modifier left out of the middle
        ("Kisumu Central Bus Terminal", "Smoke rose over Kisumu Terminal for hours.",
         "Kisumu Terminal"),
        ("Makena memorial sports ground", "Crowds fled the Makena ground on foot.",
         "Makena ground"),
        # the house number left out
        ("41 Tumaini Crescent", "Neighbours on Tumaini Crescent heard two blasts.",
         "Tumaini Crescent"),
        ("7 Rua das Flores", "Firemen reached Rua das Flores at dawn.", "Rua das Flores"),
        # the part before a linking particle
        ("Villarreal de los Olmos", "Buses left Villarreal before noon.", "Villarreal"),
        ("Santa Cruz del Monte", "Gunmen entered Santa Cruz at night.", "Santa Cruz"),
    ],
)  # fmt: skip
def test_a_shorter_name_the_text_writes_is_found(stated: str, prose: str, short: str) -> None:
    assert short_names(stated, prose) == (short,)


@pytest.mark.parametrize(
    ("stated", "prose"),
    [
        ("Kisumu Central Bus Terminal", "Smoke rose over Kisumu Terminal Road for hours."),
        ("Makena memorial sports ground", "Officials of North Makena ground staff spoke."),
        ("Villarreal de los Olmos", "The Villarreal Football Club cancelled its match."),
    ],
)
def test_a_short_form_inside_a_longer_name_is_not_the_place(stated: str, prose: str) -> None:
    assert short_names(stated, prose) == ()


DEPOT = """= Tumaini Crescent bombing =

Infobox
- Location: Kilonzo fuel and bus depot, 41 Tumaini Crescent, Mombasa, Kenya
- Date: 4 April 2016
- Deaths: 3

On 4 April 2016 a bomb exploded at the Kilonzo depot, killing three people. Neighbours \
on Tumaini Crescent said the blast broke windows along the street.
"""


def test_the_prose_spelling_of_a_stated_place_is_published(
    tmp_path: Path, converter: Converter
) -> None:
    places = event_places(converted(tmp_path, converter, DEPOT), "Tumaini Crescent bombing")
    assert "Tumaini Crescent" in places["41 Tumaini Crescent"]


# -- the gazetteer's region of a town is a place of the event only when written ------

HARBOUR = """= Likoni ferry bombing =

Infobox
- Location: Likoni ferry terminal, Mombasa, Kenya
- Date: 9 June 2016
- Deaths: 2

On 9 June 2016 a bomb went off in a queue at the Likoni ferry terminal, killing two \
passengers.{extra}
"""


def test_a_region_the_document_never_names_is_left_out(
    tmp_path: Path, converter: Converter
) -> None:
    places = event_places(
        converted(tmp_path, converter, HARBOUR.format(extra="")), "Likoni ferry bombing"
    )
    assert {"Likoni ferry terminal", "Mombasa"} <= set(places)
    assert not any("County" in name for name in places)


def test_a_region_the_document_names_stays(tmp_path: Path, converter: Converter) -> None:
    extra = " The governor of Mombasa county visited the wounded."
    places = event_places(
        converted(tmp_path, converter, HARBOUR.format(extra=extra)), "Likoni ferry bombing"
    )
    assert "Mombasa County" in places


def test_a_region_written_only_inside_a_body_s_name_is_left_out(
    tmp_path: Path, converter: Converter
) -> None:
    extra = " The Fire Brigade of Mombasa County put out the flames."
    places = event_places(
        converted(tmp_path, converter, HARBOUR.format(extra=extra)), "Likoni ferry bombing"
    )
    assert not any("County" in name for name in places)


# -- an area the story only mentions is no site ---------------------------------------

TRAVEL = """= Bandari market attack =

Infobox
- Location: Bandari fish market, Mombasa, Kenya
- Date: 12 May 2016
- Deaths: 6

On 12 May 2016 two gunmen opened fire in the Bandari fish market, killing six traders.
One of the gunmen ran a tailoring shop in the Jabali district and was known to the police. \
The two were caught a week later in the Ruvuma region, near a border post. Minutes later a second \
bomb went off at the Upendo shrine in the Kizingo district, wounding two worshippers.
"""


def test_an_area_the_story_only_mentions_is_no_site(tmp_path: Path, converter: Converter) -> None:
    places = event_places(converted(tmp_path, converter, TRAVEL), "Bandari market attack")
    assert "Ruvuma region" not in places
    assert "Jabali district" not in places


def test_an_area_holding_a_site_of_the_attack_stays(tmp_path: Path, converter: Converter) -> None:
    places = event_places(converted(tmp_path, converter, TRAVEL), "Bandari market attack")
    assert "Bandari fish market" in places
    assert {"Upendo shrine", "Kizingo district"} <= set(places)


PUT_IN = """= Ndovu market bombing =

Infobox
- Location: Ndovu market, Kenya
- Date: 3 March 2015
- Deaths: 4

On 3 March 2015 a bomb exploded at Ndovu market, in the Kiboko district, killing four \
traders. Two men were later arrested in the Tembo district.
"""


def test_an_area_its_sentence_puts_a_place_of_the_attack_in_stays(
    tmp_path: Path, converter: Converter
) -> None:
    places = event_places(converted(tmp_path, converter, PUT_IN), "Ndovu market bombing")
    assert "Kiboko district" in places
    assert "Tembo district" not in places


KNOWN_ABROAD = """= Jacaranda café shooting =

Infobox
- Location: Lamu County, Kenya
- Date: 9 June 2016
- Deaths: 3

== Attack ==
On 9 June 2016 two gunmen opened fire inside the Jacaranda café in Port Said, a fishing \
village of the county, killing three customers.
"""


def test_a_town_known_only_abroad_holding_a_site_of_the_attack_stays(
    tmp_path: Path, converter: Converter
) -> None:
    places = event_places(converted(tmp_path, converter, KNOWN_ABROAD), "Jacaranda café shooting")
    assert "Jacaranda café" in places
    assert "Port Said" in places, places


# -- a place the attack happened near is a place of the event -------------------------

NEAR = """= Kisauni twin blasts =

Infobox
- Location: Mombasa, Kenya
- Date: 8 August 2016
- Deaths: 7

== Attack ==
On 8 August 2016 a bomb went off inside the Baraka café on Mnarani Road, killing five \\
people. Twenty minutes later a second device exploded near the Jamhuri clock tower, \\
killing two more, and a third bomb was defused near the Tumaini petrol station.
"""


@pytest.mark.parametrize("near", ["Jamhuri clock tower", "Tumaini petrol station"])
def test_a_place_the_attack_happened_near_is_a_place_of_the_event(
    tmp_path: Path, converter: Converter, near: str
) -> None:
    places = event_places(converted(tmp_path, converter, NEAR), "Kisauni twin blasts")
    assert "Baraka café" in places
    assert near in places, places


# -- a town the title names is a place of the event however far from the infobox's ------

TWO_TOWNS = """= Kisumu and Nakuru bus bombings =

Infobox
- Location: Kisumu, Kenya
- Date: 14 July 2014
- Deaths: 9

== Attack ==
On 14 July 2014 a bomb hidden under a seat went off on a bus at the main stage in Kisumu, \
killing six passengers. Ninety minutes later a second bomb exploded in Nakuru, killing three \
more. Detectives later questioned a conductor in Eldoret.
"""


def test_a_town_the_title_names_is_a_place_of_the_event(
    tmp_path: Path, converter: Converter
) -> None:
    places = event_places(
        converted(tmp_path, converter, TWO_TOWNS), "Kisumu and Nakuru bus bombings"
    )
    assert "Nakuru" in places, places
    assert "Eldoret" not in places, places
