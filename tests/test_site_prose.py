"""Sites of the main event that only the prose names (extract/site_prose.py) and the
gazetteer's check on them (resolve/sites.py), on documents written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from published_store import PREFIXES, convert
from pyoxigraph import Store

from attackgraph.extract.sentence_dates import dated_elsewhere
from attackgraph.extract.sentences import Sentence, sentences
from attackgraph.extract.site_features import SiteContext
from attackgraph.model import DatePrecision, DateRange, DateValue, Span
from attackgraph.parse import parse
from attackgraph.pipeline import Converter


def event_places(store: Store, title: str) -> set[str]:
    """Every name of the places reachable from the event, countries left out."""
    query = f"""SELECT ?name WHERE {{
      ?event schema:name "{title}" ; ag:location/ag:containedIn* ?place .
      ?place schema:name|schema:alternateName ?name .
      FILTER NOT EXISTS {{ ?place ag:placeType c:country }} }}"""
    rows = store.query(PREFIXES + query, use_default_graph_as_union=True)
    return {row[0].value for row in rows}  # type: ignore[index]


HARBOUR = """= Mombasa waterfront attacks =

Infobox
- Title: Mombasa waterfront attacks
- Location: Mombasa, Kenya
- Date: 9 June 2016
- Deaths: 14

On 9 June 2016 gunmen attacked two venues on the Mombasa waterfront, killing 14 people.

== Background ==
In 2014 a grenade was thrown into the Sunset Lounge in Kisauni.

== Attacks ==
At about 21:00 two men burst into the Blue Lagoon bar on Moi Avenue and opened fire.
A third attacker set off a grenade outside the Coral Star restaurant, a seafood house in \
the Nyali district. The police said the gunmen had driven in from Nairobi. The wounded \
were taken to the Coast General Hospital.

== Investigation ==
On 14 June police raided a flat in Likoni and arrested two suspects.
"""


def test_the_prose_sites_of_the_attack_are_places_of_the_event(
    tmp_path: Path, converter: Converter
) -> None:
    path = tmp_path / "harbour.txt"
    path.write_text(HARBOUR, encoding="utf-8")
    places = event_places(convert(converter, path), "Mombasa waterfront attacks")
    assert {"Blue Lagoon bar", "Moi Avenue", "Coral Star restaurant", "Nyali district"} <= places
    assert "Mombasa" in places


def test_places_of_other_times_and_of_the_wounded_are_not_sites(
    tmp_path: Path, converter: Converter
) -> None:
    path = tmp_path / "harbour.txt"
    path.write_text(HARBOUR, encoding="utf-8")
    places = event_places(convert(converter, path), "Mombasa waterfront attacks")
    for elsewhere in ("Sunset Lounge", "Kisauni", "Likoni", "Coast General Hospital"):
        assert elsewhere not in places
    assert "Nairobi" not in places, "the gazetteer puts Nairobi far from Mombasa"


def test_a_city_known_only_abroad_is_no_site(tmp_path: Path, converter: Converter) -> None:
    text = HARBOUR.replace("driven in from Nairobi.", "trained in London.").replace(
        "The police said", "In London, the police said"
    )
    path = tmp_path / "abroad.txt"
    path.write_text(text, encoding="utf-8")
    assert "London" not in event_places(convert(converter, path), "Mombasa waterfront attacks")


def test_a_building_named_after_a_town_abroad_is_a_site(
    tmp_path: Path, converter: Converter
) -> None:
    text = HARBOUR.replace(
        "The police said",
        "A fourth man blew himself up inside the London, a hotel bar. The police said",
    )
    path = tmp_path / "hotel.txt"
    path.write_text(text, encoding="utf-8")
    assert "London" in event_places(convert(converter, path), "Mombasa waterfront attacks")


def test_a_sentence_dated_on_another_day_is_not_the_attack() -> None:
    day = DateRange(DateValue("2016-06-09", DatePrecision.DAY))
    siege = DateRange(
        DateValue("2016-06-09", DatePrecision.DAY), DateValue("2016-06-11", DatePrecision.DAY)
    )

    def sentence(text: str) -> Sentence:
        return Sentence(Span(0, len(text), text, 1), (), 0, False)

    later = sentence("On 14 June police raided a flat.")
    assert dated_elsewhere(later, day)
    assert not dated_elsewhere(sentence("By the night of 10 June the hotel was retaken."), siege)
    assert not dated_elsewhere(sentence("Gunmen opened fire on 9 June."), day)
    assert not dated_elsewhere(sentence("Gunmen opened fire at dusk."), day)


def _depot_raid_sites(prose: str, main_date: DateRange | None, known: tuple[str, ...]) -> list[str]:
    """The prose sites of a one-section document about a depot raid on ``main_date``,
    beside the ``known`` place names."""
    from attackgraph.extract.site_prose import prose_sites

    doc = parse(f"= Depot raid =\n\n{prose}\n".encode(), "raid.txt")
    found = prose_sites(
        doc.text,
        sentences(doc),
        main_name="Depot raid",
        main_date=main_date,
        sites=(),
        known=known,
        actors=(),
    )
    return [mention.name for mention in found]


def site_names(prose: str) -> list[str]:
    """The prose sites of a one-section document about a raid on 3 April 2016."""
    return _depot_raid_sites(prose, DateRange(DateValue("2016-04-03", DatePrecision.DAY)), ())


@pytest.mark.parametrize(
    "prose",
    [
        "Gunmen raided the Kibarani market. The Port Reitz Hospital in Changamwe took in "
        "eleven of the wounded.",
        "Gunmen raided the Kibarani market. Survivors were recovering at the St Jude Clinic in "
        "the Kisauni district.",
    ],
)
def test_the_town_of_a_hospital_is_no_site(prose: str) -> None:
    assert site_names(prose) == ["Kibarani market"]


@pytest.mark.parametrize(
    "prose",
    [
        "Gunmen raided the Kibarani market. On Tuesday the ministry said the guards had fled.",
        "Gunmen raided the Kibarani market. On Thursday the ministry published a list of the dead.",
    ],
)
def test_a_day_of_the_week_is_no_site(prose: str) -> None:
    assert site_names(prose) == ["Kibarani market"]


@pytest.mark.parametrize(
    ("prose", "sites"),
    [
        (
            "Militiamen drove the defenders onto Signal Hill, where they held out for two days.",
            ["Signal Hill"],
        ),
        ("The patrol was pinned down below Kestrel Ridge by machine-gun fire.", ["Kestrel Ridge"]),
        (
            "Soldiers then went through the hamlets of Las Palmas, El Rincón and Santa Cruz, "
            "killing "
            "everyone they met.",
            ["Las Palmas", "El Rincón", "Santa Cruz"],
        ),
    ],
    ids=["onto", "below", "hamlets-of"],
)
def test_sites_after_more_locative_words(prose: str, sites: list[str]) -> None:
    assert site_names(prose) == sites


def test_a_commander_is_no_site() -> None:
    assert site_names("Troops under Colonel Ruben Okafor raided the Kibarani market.") == [
        "Kibarani market"
    ]


@pytest.mark.parametrize(
    ("prose", "sites"),
    [
        (
            "A bomb hidden near the steps of the Saint Olav Chapel went off during mass.",
            ["Saint Olav Chapel"],
        ),
        (
            "The device exploded at the main gate of the Tamarind Gardens barracks.",
            ["Tamarind Gardens barracks"],
        ),
        (
            "Rebels dug in along Eagle Ridge and fired on the Mbuyu crossroads.",
            ["Eagle Ridge", "Mbuyu crossroads"],
        ),
    ],
    ids=["steps-of", "gate-of", "landform-and-crossroads"],
)
def test_a_part_of_a_site_and_more_kinds_of_site(prose: str, sites: list[str]) -> None:
    assert site_names(prose) == sites


@pytest.mark.parametrize(
    ("prose", "sites"),
    [
        (
            "At dawn the rebels occupied Hill 402, south of the depot, and shelled the road.",
            ["Hill 402"],
        ),
        (
            "A column of raiders swung west towards the Tamsin hills, where it was scattered.",
            ["Tamsin hills"],
        ),
        (
            "Grenades went off outside the Umoja headquarters and at the Palm Court and Sea "
            "Breeze hotels.",
            ["Umoja headquarters", "Palm Court hotel", "Sea Breeze hotel"],
        ),
        (
            "Shortly after eight a bomb went off inside the Zebra Bar and Restaurant, "
            "killing nine diners.",
            ["Zebra Bar and Restaurant"],
        ),
    ],
    ids=[
        "occupied",
        "plural-kind-of-one-name",
        "plural-kind-not-of-a-named-kind",
        "a-kind-word-after-and-ends-the-name",
    ],
)
def test_a_site_taken_or_named_by_its_kind(prose: str, sites: list[str]) -> None:
    assert site_names(prose) == sites


@pytest.mark.parametrize(
    "prose",
    [
        "The raiders struck the Norwegians first and then the depot guards.",
        "On 3 April a gunman seized the Skyways Flight 12, killing its pilot.",
    ],
    ids=["a-people", "an-aircraft"],
)
def test_a_people_or_an_aircraft_is_no_site(prose: str) -> None:
    assert site_names(prose) == []


@pytest.mark.parametrize(
    ("prose", "sites"),
    [
        ("The bomb went off on the eastern shore of Lake Tamsin, killing nine.", ["Lake Tamsin"]),
        (
            "Gunmen opened fire in the heart of the Belvane medina, killing six shoppers.",
            ["Belvane medina"],
        ),
        (
            "A car bomb exploded beside the tower of the Saint Olav Cathedral, killing four.",
            ["Saint Olav Cathedral"],
        ),
        ("Raiders burned the mosque in the village of al-Qarna, killing 30.", ["al-Qarna"]),
    ],
    ids=["shore-of", "heart-of-medina", "tower-of", "al-name"],
)
def test_a_site_named_after_a_part_or_with_an_article(prose: str, sites: list[str]) -> None:
    assert site_names(prose) == sites


@pytest.mark.parametrize(
    ("prose", "sites"),
    [
        (
            "The defenders held a ring of outposts: Kestrel and Osprey to the north, Lark to the "
            "west, and Heron three kilometres to the south. Kestrel fell first, on 3 April.",
            ["Kestrel", "Osprey", "Lark", "Heron"],
        ),
        (
            "The brigade fought through a line of bunkers running from the Old Mill in the west "
            "to the Long Spur in the east.",
            ["Old Mill", "Long Spur"],
        ),
    ],
    ids=["outposts", "from-to"],
)
def test_positions_placed_by_a_compass_direction_are_sites(prose: str, sites: list[str]) -> None:
    assert site_names(prose) == sites


def test_a_distance_opening_a_sentence_is_no_site() -> None:
    prose = "About 20 kilometres to the east the raiders raided the Kibarani market."
    assert site_names(prose) == ["Kibarani market"]


def test_a_word_of_a_known_place_is_that_place() -> None:
    prose = "A suicide bomber stormed the Kestrel, killing four guests."
    assert known_site_names(prose, ("Grand Kestrel Hotel",)) == []


@pytest.mark.parametrize(
    "prose",
    [
        "The attackers destroyed the Kestrel battalion near the depot on 3 April.",
        "The raid on 3 April was condemned by governments across Latin America.",
    ],
    ids=["a-unit", "a-part-of-a-continent"],
)
def test_a_unit_or_a_part_of_a_continent_is_no_site(prose: str) -> None:
    assert site_names(prose) == []


@pytest.mark.parametrize(
    "prose",
    [
        "Gunmen raided the Kibarani market in the Second Velmar War, killing nine.",
        "Gunmen raided the Kibarani market in the Ossory Uprising.",
        "On 3 April gunmen raided the Kibarani market; the Commission on Concord found that "
        "nine died.",
    ],
    ids=["a-war", "an-uprising", "a-bodys-subject"],
)
def test_a_war_or_a_bodys_subject_is_no_site(prose: str) -> None:
    assert site_names(prose) == ["Kibarani market"]


TITLED = """= Malindi ferry siege =

Infobox
- Title: Malindi ferry siege
- Location: Ferry terminal, Kilifi County, Kenya
- Date: 9 June 2016
- Deaths: 4

On 9 June 2016 gunmen held passengers at the ferry terminal for six hours; four died.

== Siege ==
Police sealed the roads into Malindi while the gunmen held the terminal. At dusk a \
grenade went off inside the Pwani Hotel in Kestrel Bay, killing a cook.
"""


def test_a_stated_container_of_a_prose_site_is_a_place_of_the_chain(
    tmp_path: Path, converter: Converter
) -> None:
    path = tmp_path / "titled.txt"
    path.write_text(TITLED, encoding="utf-8")
    places = event_places(convert(converter, path), "Malindi ferry siege")
    assert {"Pwani Hotel", "Kestrel Bay"} <= places, "'the X in Y': Y is a link of the chain"


def test_a_town_in_another_area_than_the_stated_places_is_elsewhere() -> None:
    from attackgraph.model import PlaceKind, PlaceMention
    from attackgraph.resolve import Resolver
    from attackgraph.resolve.sites import _elsewhere

    places = Resolver().places
    town = places.place("Mombasa", country="KE")
    county = places.place("Kwale County", country="KE", kind=PlaceKind.REGION)
    stated = [c for c in places.chain(county) if c.kind is PlaceKind.REGION]
    mention = PlaceMention("Mombasa", PlaceKind.LOCALITY, Span(0, 7, "Mombasa", 1), prose=True)
    inside = {c.slug for c in places.chain(county)}
    assert town.resolved and stated
    assert _elsewhere(mention, town, "KE", inside, [], places, stated)
    # without a stated area (or a point) there is nothing to tell it by
    assert not _elsewhere(mention, town, "KE", inside, [], places, [])


LISTED = """= Kelbewa valley raids =

Infobox
- Title: Kelbewa valley raids
- Location: Doroukou, Mali
- Date: 3 March 2021
- Deaths: 31

On 3 March 2021 armed men raided settlements around Doroukou, killing 31 villagers.

== Raids ==
Riding motorcycles, the attackers burned the hamlets east of the river, among them \
Sandarougou, Tirgoumbé and Wellikaye, before dawn. Six were shot, including Sergeant \
Issa Maïga.
"""


def test_the_places_a_plural_lists_are_sites(tmp_path: Path, converter: Converter) -> None:
    path = tmp_path / "listed.txt"
    path.write_text(LISTED, encoding="utf-8")
    places = event_places(convert(converter, path), "Kelbewa valley raids")
    assert {"Sandarougou", "Tirgoumbé", "Wellikaye"} <= places, "'the hamlets, among them X'"
    assert not any("Maïga" in name for name in places), "'six were shot, including X': people"


def _road_ambush_candidates(prose: str, known: tuple[str, ...]) -> list[SiteContext]:
    """The site candidates of a one-section document "Road ambush" whose prose is
    ``prose``, beside the ``known`` place names."""
    from attackgraph.extract.site_prose import site_candidates

    doc = parse(f"= Road ambush =\n\n== Ambush ==\n{prose}\n".encode(), "road.txt")
    return site_candidates(
        doc.text,
        sentences(doc),
        main_name="Road ambush",
        main_date=None,
        sites=(),
        known=known,
        actors=(),
    )


def test_a_place_entity_without_a_locative_word_is_left_to_the_classifier() -> None:
    from attackgraph.extract.site_prose import ENTITY_GOVERNOR

    found = _road_ambush_candidates(
        "By noon the rebels held the foothills of the Hamrin Mountains above the road.", ()
    )
    assert [(c.name, c.prep, c.label) for c in found] == [
        ("Hamrin Mountains", ENTITY_GOVERNOR, "LOC")
    ]


def test_a_place_entity_keeps_the_word_of_kind_written_after_it() -> None:
    """The tagger reads "Kessel" and stops before "river bridge": the site is the
    bridge, not the town, whose name alone the document gives elsewhere."""
    from attackgraph.extract.site_prose import ENTITY_GOVERNOR

    found = _road_ambush_candidates(
        "The rebels held the road beyond the Kessel river bridge.", ("Kessel",)
    )
    assert [(c.name, c.prep, c.sited) for c in found] == [
        ("Kessel river bridge", ENTITY_GOVERNOR, True)
    ]


def known_site_names(prose: str, known: tuple[str, ...]) -> list[str]:
    """The prose sites of a one-section document, beside the ``known`` place names."""
    return _depot_raid_sites(prose, None, known)


@pytest.mark.parametrize(
    ("prose", "known", "sites"),
    [
        (
            "The militia marched the villagers up into the Tamsin hills at dusk.",
            ("Tamsin-dong",),
            ["Tamsin hills"],
        ),
        (
            "The mine went off under a lorry in the Korvo valley, killing eleven.",
            ("Korvo",),
            ["Korvo valley"],
        ),
        (
            "The rebels overran the post beside the Korvo river bridge before dawn.",
            ("Korvo",),
            ["Korvo river bridge"],
        ),
        ("Raiders set fire to houses across Korvo town.", ("Korvo",), []),
        ("A second team stormed the Korvo school and held it for an hour.", ("Korvo",), []),
    ],
    ids=[
        "hills-of-a-known-town",
        "valley-of-a-known-town",
        "bridge-over-a-river-of-a-known-town",
        "the-town-itself",
        "a-building-called-by-the-town",
    ],
)
def test_a_site_named_after_a_known_town_is_a_site_of_its_own(
    prose: str, known: tuple[str, ...], sites: list[str]
) -> None:
    assert known_site_names(prose, known) == sites


@pytest.mark.parametrize(
    ("prose", "sites"),
    [
        (
            "Most of the boats were sunk before they could land their men at the Old Quay or "
            "the North Jetty, and many crews drowned.",
            ["Old Quay", "North Jetty"],
        ),
        (
            "He walked into the Harbour Bar & Grill next to the ferry office and fired.",
            ["Harbour Bar & Grill"],
        ),
        ("The bomb went off in the heart of the Sri Lankan capital at dusk.", []),
    ],
    ids=["a-list-closed-by-or", "an-ampersand-inside-a-name", "a-people-of-two-words"],
)
def test_lists_with_or_names_with_an_ampersand_and_two_word_peoples(
    prose: str, sites: list[str]
) -> None:
    assert site_names(prose) == sites


REGION_OF_THE_TOWN = """= Bagua road clash =

Infobox
- Title: Bagua road clash
- Location: Bagua, Peru
- Date: 5 June 2009
- Deaths: 10

The clash took place on 5 June 2009 outside the town of Bagua, in Peru's Amazonas region, \
when police cleared a blocked road and ten people were killed.
"""


def test_a_region_stated_to_hold_the_town_stays(tmp_path: Path, converter: Converter) -> None:
    path = tmp_path / "bagua.txt"
    path.write_text(REGION_OF_THE_TOWN, encoding="utf-8")
    places = event_places(convert(converter, path), "Bagua road clash")
    assert any(name.startswith("Amazonas") for name in places), places


def test_a_saint_written_st_is_the_known_saint() -> None:
    prose = "Gunmen burst into St. Ambroise church during the evening mass."
    assert known_site_names(prose, ("Église Saint-Ambroise",)) == []


@pytest.mark.parametrize(
    ("prose", "sites"),
    [
        # the tagger reads the two towns as an organisation and a person
        (
            "Two more devices exploded at Ogunlade and Bakassi within the hour.",
            ["Ogunlade", "Bakassi"],
        ),
        ("The bodies were later buried at Kiwanuka, on the edge of the town.", ["Kiwanuka"]),
        (
            "Troops pushed north through Kalenga and Mutumba, fighting all day.",
            ["Kalenga", "Mutumba"],
        ),
    ],
)
def test_a_name_the_act_of_the_attack_happened_at_is_a_site(prose: str, sites: list[str]) -> None:
    assert site_names(prose) == sites


def test_where_something_else_took_place_is_no_act_site() -> None:
    prose = "Gunmen raided the Kibarani market. Talks with the rebels later took place at Ogunlade."
    assert site_names(prose) == ["Kibarani market"]


@pytest.mark.parametrize(
    ("prose", "sites"),
    [
        (
            "Gunmen raided the Kibarani market. In Nairobi, the interior minister condemned the "
            "raid.",
            ["Kibarani market"],
        ),
        (
            "Gunmen raided the Kibarani market. The governor, speaking at the Tudor Hall, promised "
            "an inquiry.",
            ["Kibarani market"],
        ),
        (
            "Gunmen raided the Kibarani market. A columnist wrote in the Pwani Herald that the "
            "guards had fled.",
            ["Kibarani market"],
        ),
        # what is reported there tells of the event
        (
            "Gunmen raided the Kibarani market. Two more deaths were reported at the Bondeni "
            "mosque.",
            ["Kibarani market", "Bondeni mosque"],
        ),
    ],
)
def test_where_someone_spoke_of_the_attack_is_no_site(prose: str, sites: list[str]) -> None:
    assert site_names(prose) == sites


@pytest.mark.parametrize(
    ("prose", "sites"),
    [
        (
            "Gunmen raided the Kibarani market. That night soldiers stood guard at Sufi shrines "
            "across the town.",
            ["Kibarani market"],
        ),
        # a landform in the plural is still one place
        (
            "Gunmen raided the Kibarani market and fled towards the Mbale hills.",
            ["Kibarani market", "Mbale hills"],
        ),
    ],
)
def test_buildings_of_a_kind_in_the_plural_are_no_one_site(prose: str, sites: list[str]) -> None:
    assert site_names(prose) == sites


def test_a_known_place_owning_a_site_is_its_container_not_its_name() -> None:
    from attackgraph.extract.site_prose import prose_sites

    prose = "Gunmen raided the Kibarani market. Hours later they stormed Kisumu's Oginga Square."
    doc = parse(f"= Depot raid =\n\n{prose}\n".encode(), "raid.txt")
    found = prose_sites(
        doc.text,
        sentences(doc),
        main_name="Depot raid",
        main_date=DateRange(DateValue("2016-04-03", DatePrecision.DAY)),
        sites=(),
        known=("Kisumu",),
        actors=(),
    )
    assert [(m.name, m.container) for m in found] == [
        ("Kibarani market", None),
        ("Oginga Square", "Kisumu"),
    ]


def test_a_district_the_lead_gives_as_a_citys_is_inside_the_city(
    tmp_path: Path, converter: Converter
) -> None:
    """ "in Nairobi's Eastleigh district": the district in Nairobi, never Nairobi in it."""
    path = tmp_path / "eastleigh.txt"
    path.write_text(
        "= Eastleigh grenade blast =\n\nA grenade exploded on 12 July 2013 in Nairobi's"
        " Eastleigh district, wounding six people, police said.\n",
        encoding="utf-8",
    )
    query = """SELECT ?inner ?outer WHERE {
      ?i ag:containedIn ?o . ?i schema:name ?inner . ?o schema:name ?outer .
      FILTER NOT EXISTS { ?o ag:placeType c:country } }"""
    store = convert(converter, path)
    rows = store.query(PREFIXES + query, use_default_graph_as_union=True)
    pairs = {(row[0].value, row[1].value) for row in rows}  # type: ignore[index]
    assert ("Eastleigh district", "Nairobi") in pairs
    assert ("Nairobi", "Eastleigh district") not in pairs


@pytest.mark.parametrize(
    ("prose", "sites"),
    [
        # a kind of place given a name: whatever the tagger makes of the name
        (
            "Gunmen raided the Kibarani market and fled along a lane known to the traders as "
            "the Elbow.",
            ["Kibarani market", "Elbow"],
        ),
        (
            "Gunmen raided the Kibarani market. The survivors swam the river at what is now "
            "known as Simba Ford.",
            ["Kibarani market", "Simba Ford"],
        ),
        # an operation given a name is no place
        (
            "Gunmen raided the Kibarani market. The police, in an operation known as Usalama "
            "Kwanza, arrested six men.",
            ["Kibarani market"],
        ),
    ],
)
def test_a_place_named_by_known_as_is_a_site(prose: str, sites: list[str]) -> None:
    assert site_names(prose) == sites
