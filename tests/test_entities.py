"""Places, actors and events as published, on short documents written for these tests.

Each document is converted by the real converter (parse, extract, resolve, build,
validate) and read back from its quads with SPARQL, the way a user finds them: places
through ``ag:location`` / ``ag:containedIn`` from the event, actors as ``ag:Actor``
nodes of the document's graph.
"""

from __future__ import annotations

from pathlib import Path

from published_store import PREFIXES, convert
from pyoxigraph import Store

from attackgraph.pipeline import Converter

SAMPLES = Path(__file__).parents[1] / "data" / "documents"


def document(tmp_path: Path, converter: Converter, text: str, name: str = "doc") -> Store:
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return convert(converter, path)


def rows(store: Store, query: str) -> list[tuple[str, ...]]:
    solutions = store.query(PREFIXES + query, use_default_graph_as_union=True)
    return sorted(
        tuple(term.value for term in row if term is not None)  # type: ignore[union-attr]
        for row in solutions
    )


def names(store: Store, query: str) -> set[str]:
    return {row[0] for row in rows(store, query)}


def event_places(store: Store, title: str) -> set[str]:
    """Names of the places reachable from the event, countries left out."""
    return names(
        store,
        f"""SELECT ?name WHERE {{
          ?event schema:name "{title}" ; ag:location/ag:containedIn* ?place .
          ?place schema:name ?name .
          FILTER NOT EXISTS {{ ?place ag:placeType c:country }} }}""",
    )


def contained(store: Store, inner: str) -> set[str]:
    return names(
        store,
        f"""SELECT ?name WHERE {{ ?p schema:name "{inner}" ; ag:containedIn ?o .
            ?o schema:name ?name }}""",
    )


# -- places ------------------------------------------------------------------

ARCADE = """= Harbourside arcade bombing =

Infobox
- Location: Palmgrove arcade, Kizingo Heights, Mombasa, Kenya
- Date: 3 March 2016
- Deaths: 4

A bomb went off inside the Palmgrove arcade on a busy afternoon, killing four people.
"""


def test_the_stated_chain_of_places_is_published(tmp_path: Path, converter: Converter) -> None:
    store = document(tmp_path, converter, ARCADE)
    assert contained(store, "Palmgrove arcade") == {"Kizingo Heights"}
    assert contained(store, "Kizingo Heights") == {"Mombasa"}
    assert {"Palmgrove arcade", "Kizingo Heights", "Mombasa"} <= event_places(
        store, "Harbourside arcade bombing"
    )


def test_westgate_mall_is_in_westlands_and_westlands_in_nairobi(converter: Converter) -> None:
    store = convert(converter, SAMPLES / "001_westgate-mall-attack.txt")
    assert contained(store, "Westgate shopping mall") == {"Westlands"}
    assert contained(store, "Westlands") == {"Nairobi"}


NEAR = """= Dry river ambush =

Infobox
- Place: Lokori farm, near Kapedo, Turkana County, Kenya
- Date: 9 May 2019
- Casualties1: 7 killed

Raiders ambushed herders at a farm outside the town of Kapedo.
"""


def test_near_x_is_the_place_x_and_the_nearness_is_kept(
    tmp_path: Path, converter: Converter
) -> None:
    store = document(tmp_path, converter, NEAR)
    every_name = names(store, "SELECT ?n WHERE { ?p a ag:Place ; schema:name ?n }")
    assert "Kapedo" in every_name
    assert not any(name.lower().startswith("near") for name in every_name)
    assert "Kapedo" in event_places(store, "Dry river ambush")
    assert "Kapedo" not in contained(store, "Lokori farm")  # near it, not inside it
    assert rows(store, "SELECT ?v WHERE { ?e raw:place ?v }") == [("near Kapedo",)]


# -- actors ------------------------------------------------------------------

LAKESIDE = """= Lakeside market attack =

Infobox
- Location: Lakeside market, Kisumu, Kenya
- Date: 14 February 2018
- Deaths: 11
- Perpetrators: Islamic State of Iraq and the Levant

Gunmen opened fire in the Lakeside market in Kisumu on 14 February 2018, killing eleven traders.

== Attack ==
Witnesses said the attackers arrived on motorbikes. On 16 February Amina Wanjiru told \
reporters that nine of the dead were women. The Islamic State of Iraq and the Levant \
claimed responsibility two days later. Survivors said the shooting lasted twenty minutes. \
The army said it had sealed the town.
"""

ACTORS = """SELECT ?actor ?name WHERE {
  VALUES ?class { ag:Actor ag:ArmedGroup ag:StateActor ag:Organization ag:Person }
  ?actor a ?class ; schema:name ?name }"""


def actors(store: Store) -> dict[str, str]:
    """Actor name -> IRI."""
    return {name: iri for iri, name in rows(store, ACTORS)}


def test_generic_descriptions_get_no_global_actor(tmp_path: Path, converter: Converter) -> None:
    first = actors(document(tmp_path, converter, LAKESIDE, "lakeside"))
    second = actors(document(tmp_path, converter, LAKESIDE, "lakeside-copy"))
    for generic in ("Witnesses", "Survivors"):
        assert first[generic].endswith("-lakeside"), first[generic]
        assert first[generic] != second[generic]
    assert first["Amina Wanjiru"] == second["Amina Wanjiru"]


def test_no_actor_is_named_by_a_sentence_fragment(tmp_path: Path, converter: Converter) -> None:
    found = actors(document(tmp_path, converter, LAKESIDE))
    assert "Amina Wanjiru" in found
    assert not any(name.startswith(("On ", "on ")) for name in found)


def test_an_organisation_name_is_not_split_at_and(tmp_path: Path, converter: Converter) -> None:
    found = actors(document(tmp_path, converter, LAKESIDE))
    assert "Levant" not in found and "Islamic State of Iraq" not in found
    store = document(tmp_path, converter, LAKESIDE)
    perpetrators = names(
        store, "SELECT ?n WHERE { ?e ag:perpetrator ?a . ?a schema:alternateName|schema:name ?n }"
    )
    assert "Islamic State of Iraq and the Levant" in perpetrators


def test_the_bare_army_is_the_armed_forces_of_the_documents_country(
    tmp_path: Path, converter: Converter
) -> None:
    found = actors(document(tmp_path, converter, LAKESIDE))
    assert "army" not in found and "Army" not in found
    assert found["Kenya Defence Forces"].endswith("/ke-armed-forces")


BUS = """= Mandera bus ambush =

Infobox
- Location: Mandera, Kenya
- Date: 22 November 2014
- Deaths: 28
- Perpetrators: Al-Shabaab

Gunmen stopped a bus near Mandera on 22 November 2014 and killed 28 passengers.

== Aftermath ==
The commander of the raid, Adan Garar Mohamed, was later named by Kenyan investigators. \
Garar had planned earlier attacks in the county. Governor Ali Roba visited the survivors \
in hospital, and the Kenya Red Cross Society flew the wounded to Nairobi. Witnesses said \
the gunmen separated the passengers by religion.
"""


def test_people_and_organisations_named_in_the_prose_are_actors(
    tmp_path: Path, converter: Converter
) -> None:
    store = document(tmp_path, converter, BUS)
    named = names(store, "SELECT ?n WHERE { ?d schema:mentions ?a . ?a schema:name ?n }")
    assert {"Adan Garar Mohamed", "Ali Roba", "Kenya Red Cross Society"} <= named
    assert "Garar" not in actors(store)  # the surname alone is the same man
    assert "Nairobi" not in named and "Mandera" not in named


PASS_AMBUSH = """= Kora Pass bus ambush =

Gunmen stopped a bus at Kora Pass in Kenya on 4 August 2011 and shot six passengers dead.

== Trial ==
In 2013 the Kisumu High Court convicted Ondieki together with his cousin James Kamau. In \
2016, after a first appeal had failed, the Supreme Court upheld the life terms of Ondieki \
and Kamau.
"""


def test_two_names_joined_by_and_are_no_one_actor(tmp_path: Path, converter: Converter) -> None:
    found = actors(document(tmp_path, converter, PASS_AMBUSH))
    assert "James Kamau" in found, found
    assert not any(" and " in name for name in found), found


DEPOT = """= Kereni depot raid =

Infobox
- Location: Kereni, Kenya
- Date: 9 June 2020
- Deaths: 5
- Perpetrators: Al-Shabaab

Gunmen attacked a fuel depot at Kereni on 9 June 2020, killing five guards.

== Attack ==
The raiders had camped for two nights in Mbololo Kakuyuni before the attack. Their \
vehicle was later found abandoned at Wote Makindu. Shots were also fired at the Baraka \
Mpya guesthouse. The gunmen fled towards the Kulalu Forest. A spokesman for Amnesty \
International said the guards had been unarmed. Joseph Mutua Kilonzo, a retired colonel \
from Machakos, said he heard the first shots. Crowds gathered outside Umoja Party offices.
"""


def test_a_place_the_tagger_reads_as_a_name_is_no_actor(
    tmp_path: Path, converter: Converter
) -> None:
    found = actors(document(tmp_path, converter, DEPOT))
    for place in ("Mbololo Kakuyuni", "Wote Makindu", "Baraka Mpya", "Kulalu Forest"):
        assert place not in found, place
    for party in ("Amnesty International", "Joseph Mutua Kilonzo", "Umoja Party"):
        assert party in found, party


CROSSING = """= Vinta river crossing raid =

Infobox
- Location: Vinta, Kenya
- Date: 2 May 2019
- Deaths: 6
- Combatant1: Kenya Defence Forces
- Commander1: Col. Tomasz Wierzbicki
- Combatant2: Ndoro River Brigade

Raiders of the Ndoro River Brigade attacked the Vinta crossing on 2 May 2019.

== Aftermath ==
Wierzbicki said that six of his soldiers had died. The brigade's founder, Osei \
Mbarak, was blamed by the press, and his cousin Halima Mbarak denied it. Mbarak said \
that two of the raiders had been killed. A Harbour Watch report released in June \
said four more had died, and Harbour Watch later said the toll was final.
"""


PASS_BATTLE = """= Battle of Kora Pass =

Infobox
- Location: Kora Pass, Kenya
- Date: 4 August 2011
- Combatant1: Kenya
- Combatant2: Ndoro River Brigade
- Units1: Bravo Company, 3rd Battalion, 11th Rifles (6th Mountain Brigade); 21st and \
22nd Squadrons, 2nd Lancers; transport helicopters of Northern Air Command
- Units2: 14th, 15th and 19th Regiments
- Casualties1: 7 killed

Raiders of the Ndoro River Brigade held the Kora Pass for two days.
"""


def side_members(store: Store) -> tuple[set[str], set[str]]:
    """The names of the members of side 1 and of side 2 a document's graph publishes."""
    members = rows(
        store,
        """SELECT ?number ?name WHERE { ?side ag:sideNumber ?number ; ag:member ?a .
           ?a schema:name ?name }""",
    )
    return (
        {name for number, name in members if number == "1"},
        {name for number, name in members if number == "2"},
    )


def test_each_unit_of_the_units_field_is_a_member_of_its_side(
    tmp_path: Path, converter: Converter
) -> None:
    store = document(tmp_path, converter, PASS_BATTLE)
    first, second = side_members(store)
    assert {
        "Bravo Company",
        "3rd Battalion, 11th Rifles",
        "6th Mountain Brigade",
        "21st Squadron, 2nd Lancers",
        "22nd Squadron, 2nd Lancers",
        "Northern Air Command",
    } <= first, first
    assert {"14th Regiment", "15th Regiment", "19th Regiment"} <= second, second
    assert not any("helicopters" in name or name == "2nd Lancers" for name in first)


CUSTOMS_RAID = """= Raid on the Ruvia customs post =

Infobox
- Location: Ruvia, Kenya
- Date: 2 June 2014
- Combatant1: Kenya
- Combatant2: Ndoro River Brigade
- Units1: Directorate of Customs, Ports and Harbours; Ministry of Lakes and Inland Waters, \
Kenya Navy
- Casualties1: 3 killed

Raiders of the Ndoro River Brigade burned the Ruvia customs post at night.
"""


def test_a_unit_whose_name_lists_what_it_is_of_is_one_member(
    tmp_path: Path, converter: Converter
) -> None:
    first, _ = side_members(document(tmp_path, converter, CUSTOMS_RAID))
    assert {
        "Directorate of Customs, Ports and Harbours",
        "Ministry of Lakes and Inland Waters",
        "Kenya Navy",
    } <= first, first
    assert not {"Ports", "Harbours", "Inland Waters"} & first, first


DEPOT_RAID = """= Raid on the Tessaro depot =

Infobox
- Location: Tessaro, Kenya
- Date: 9 May 2016
- Combatant1: Kenya (Kenya Coast Guard Service, Ministry of Water Security, Irrigation \
Police and armed herders); Somalia
- Combatant2: Ndoro River Brigade (Ndoro Raiders)
- Casualties1: 4 killed

Raiders of the Ndoro River Brigade stormed the Tessaro depot before dawn.
"""


def test_the_bodies_of_a_state_in_brackets_are_members_of_its_side(
    tmp_path: Path, converter: Converter
) -> None:
    store = document(tmp_path, converter, DEPOT_RAID)
    first, second = side_members(store)
    bodies = {"Kenya Coast Guard Service", "Ministry of Water Security", "Irrigation Police"}
    assert bodies <= first, first
    assert not any("herders" in name for name in first), first
    assert "Ndoro Raiders" not in second, second  # a group's other name, not a unit


LAKE_CLASH = """= Clash on Lake Tessaro =

Infobox
- Location: Lake Tessaro, Kenya
- Date: 2 June 2016
- Combatant1: Lake Patrol Force (Uganda, Kenya and allied militias)
- Combatant2: Ndoro Front: Ndoro River Brigade, Tessaro Raiders
- Casualties1: 3 killed

Boats of the Lake Patrol Force met the raiders off the Tessaro landing.
"""


def test_a_coalition_s_states_and_a_list_s_heading_are_members_of_the_side(
    tmp_path: Path, converter: Converter
) -> None:
    store = document(tmp_path, converter, LAKE_CLASH)
    first, second = side_members(store)
    assert {"Lake Patrol Force", "Uganda", "Kenya"} <= first, first
    assert not any("militias" in name for name in first), first
    assert {"Ndoro Front", "Ndoro River Brigade", "Tessaro Raiders"} <= second, second


FERRY = """= Malindi ferry bombing =

Infobox
- Location: Malindi, Kenya
- Date: 3 March 2021
- Deaths: 9

A bomb exploded on a ferry at Malindi on 3 March 2021, killing nine passengers.

== Reactions ==
United Nations Secretary-General Amara Lindqvist condemned the bombing.
"""


def test_an_organisation_that_only_says_whose_title_is_no_actor(
    tmp_path: Path, converter: Converter
) -> None:
    found = actors(document(tmp_path, converter, FERRY))
    assert "Amara Lindqvist" in found and "United Nations" not in found


JETTY = """= Lamu jetty attack =

Infobox
- Location: Lamu, Kenya
- Date: 5 May 2022
- Deaths: 4

Gunmen attacked the Lamu jetty on 5 May 2022, killing four dockers.

== Background ==
The attack came during the Second Tana River War, which had begun in 2019. After the \
attack the cabinet adopted the Coastal Security Plan against militancy. The Fisheries \
and Ports Minister Amos Keter visited the jetty. A review by Grace Otieno, the Maritime \
Services Commissioner, found that the patrols had been cut. Rose Wanjiku of the Marine \
Police Unit was wounded.
"""


def test_a_plan_or_a_title_names_no_party(tmp_path: Path, converter: Converter) -> None:
    found = actors(document(tmp_path, converter, JETTY))
    assert "Coastal Security Plan" not in found and "Maritime Services" not in found
    assert "Amos Keter" in found and "Grace Otieno" in found
    assert "Rose Wanjiku" in found  # not "Rose Wanjiku of the Marine Police Unit"


def test_a_short_spelling_is_the_same_party_as_the_full_name(
    tmp_path: Path, converter: Converter
) -> None:
    found = actors(document(tmp_path, converter, CROSSING))
    assert "Wierzbicki" not in found and "Tomasz Wierzbicki" in found
    store = document(tmp_path, converter, CROSSING)
    spellings = names(
        store,
        """SELECT ?n WHERE { ?a schema:name "Tomasz Wierzbicki" ; schema:alternateName ?n }""",
    )
    assert "Wierzbicki" in spellings


def test_a_short_spelling_two_parties_share_is_not_guessed(
    tmp_path: Path, converter: Converter
) -> None:
    found = actors(document(tmp_path, converter, CROSSING))
    assert found["Osei Mbarak"] != found["Halima Mbarak"]
    assert found["Mbarak"] not in (found["Osei Mbarak"], found["Halima Mbarak"])
    assert found["Harbour Watch"] != found.get("Harbour Watch report released in June")


def test_a_described_source_is_an_unnamed_party(tmp_path: Path, converter: Converter) -> None:
    store = document(tmp_path, converter, BUS, "mandera")
    assert rows(
        store,
        """SELECT ?name WHERE { ?claim ag:claimedBy ?who .
           ?who ag:actorType c:unnamed-party ; schema:name ?name }""",
    ) == [("Witnesses",)]


# -- events ------------------------------------------------------------------

HARBOUR = """= 2019 Port Kembla ferry bombing =

Infobox
- Location: Port Kembla ferry terminal, Port Kembla, Australia
- Date: 12 October 2019
- Deaths: 9
- Perpetrators: Sons of the Southern Reef

A bomb exploded at the Port Kembla ferry terminal on 12 October 2019, killing nine people.

== Background ==
In February 2019, raiders burned a depot in Dapto, and in July 2019 an ambush near \
Kiama killed two guards.

In 2017 an attack claimed by the Brotherhood of the Coast in the Illawarra killed three.

== Responsibility ==
Police attributed the bombing to the Brotherhood of the Coast in the Illawarra.
"""


def events(store: Store) -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for row in rows(
        store,
        """SELECT ?e ?name ?date WHERE { ?e a ag:Event ; schema:name ?name .
           OPTIONAL { ?e ag:date ?date } }""",
    ):
        found[row[1]] = row
    return found


def test_no_event_is_named_after_an_organisation(tmp_path: Path, converter: Converter) -> None:
    found = events(document(tmp_path, converter, HARBOUR))
    assert not any("Illawarra" in name or "Coast" in name for name in found), found


def test_a_background_event_takes_the_date_of_its_own_clause(
    tmp_path: Path, converter: Converter
) -> None:
    found = events(document(tmp_path, converter, HARBOUR))
    ambush = [row for name, row in found.items() if name.startswith("Ambush")]
    assert ambush and ambush[0][2] == "2019-07", found


SEPARATE = """= Kisoro market raid =

Infobox
- Location: Kisoro, Uganda
- Date: 2 June 2021
- Deaths: 5

Raiders attacked the Kisoro market on 2 June 2021, killing five people. In a separate \
ambush, two soldiers were killed.
"""


def test_no_event_slug_repeats_the_event_name(tmp_path: Path, converter: Converter) -> None:
    store = document(tmp_path, converter, SEPARATE)
    iris = [row[0] for row in rows(store, "SELECT ?e WHERE { ?e a ag:Event }")]
    assert iris and not any(iri.count("kisoro-market-raid") > 1 for iri in iris), iris


NO_INFOBOX = """= Lakeview hall bombing =

On 4 August 2012, a bomb destroyed the Lakeview Community Hall in Entebbe, in the \
Wakiso District of Uganda, during a wedding. Eleven guests were killed.
"""


def test_date_country_and_places_come_from_the_lead_without_an_infobox(
    tmp_path: Path, converter: Converter
) -> None:
    store = document(tmp_path, converter, NO_INFOBOX)
    dated = "SELECT ?d WHERE { ?e schema:name 'Lakeview hall bombing' ; ag:date ?d }"
    assert rows(store, dated) == [("2012-08-04",)]
    assert rows(store, "SELECT ?c WHERE { ?e ag:country/ag:iso3166_1 ?c }") == [("UG",)]
    assert "Lakeview Community Hall" in event_places(store, "Lakeview hall bombing")


def test_a_country_named_with_of_is_one_country() -> None:
    from attackgraph.extract.lead import lead_places
    from attackgraph.extract.sentences import Sentence
    from attackgraph.model import Span

    text = "Militia fighters killed 30 villagers in Mbau, in the east of the Democratic Republic "
    text += "of the Congo."
    found = lead_places(Sentence(Span(0, len(text), text, 3), (), 0, False))
    assert [(p.name, p.country) for p in found][-1] == ("Democratic Republic of the Congo", "CD")


def test_a_stated_container_goes_between_a_place_and_its_gazetteer_container() -> None:
    from attackgraph.model import PlaceKind, PlaceMention, PlaceRef, Span
    from attackgraph.resolve.chain import keep_stated_chain

    span = Span(0, 0, "", 1)
    old_town = PlaceRef(
        "xx-old-town", "Old Town", PlaceKind.LOCALITY, container="xx-port-city", country="XX"
    )
    district = PlaceRef(
        "xx-harbour", "Harbour District", PlaceKind.LOCALITY, container="xx", country="XX"
    )
    places = {"Old Town": old_town, "Harbour District": district}
    stated = (PlaceMention("Old Town", PlaceKind.LOCALITY, span, container="Harbour District"),)
    keep_stated_chain(stated, places, (), lambda ref: (ref,))
    assert places["Old Town"].container == "xx-harbour"
    assert places["Old Town"].also_in == ()
    assert places["Harbour District"].container == "xx-port-city"


def test_a_place_never_gets_two_containers_from_its_document_and_the_gazetteer() -> None:
    from attackgraph.model import PlaceKind, PlaceMention, PlaceRef, Span
    from attackgraph.resolve.chain import keep_stated_chain

    span = Span(0, 0, "", 1)
    ward = PlaceRef(
        "xx-ward", "North Ward", PlaceKind.LOCALITY, container="xx-river-town", country="XX"
    )
    valley = PlaceRef(
        "xx-valley", "Green Valley", PlaceKind.LOCALITY, container="xx-hill-province", country="XX"
    )
    places = {"North Ward": ward, "Green Valley": valley}
    stated = (PlaceMention("North Ward", PlaceKind.LOCALITY, span, container="Green Valley"),)
    keep_stated_chain(stated, places, (), lambda ref: (ref,))
    assert places["North Ward"].container == "xx-valley"
    assert places["North Ward"].also_in == ()
    assert places["Green Valley"].container == "xx-hill-province"


SPELLINGS = """= Lantern restaurant attack =

Infobox
- Title: Lantern restaurant attack
- Location: Lantern restaurant, Tarbush (K7) roundabout, Gao, Mali
- Date: 3 May 2016

Gunmen opened fire on diners at the Lantern in Gao on 3 May 2016.
"""


def test_a_place_is_found_by_every_name_its_document_writes(
    tmp_path: Path, converter: Converter
) -> None:
    store = document(tmp_path, converter, SPELLINGS)
    aliases = names(store, "SELECT ?a WHERE { ?p a ag:Place ; schema:alternateName ?a }")
    assert {"Lantern", "Tarbush roundabout", "K7"} <= aliases
    assert "Lantern restaurant" in event_places(store, "Lantern restaurant attack")


def test_the_document_spelling_of_a_renamed_place_is_an_alternate_name() -> None:
    from attackgraph.model import PlaceKind, PlaceMention, PlaceRef, Span
    from attackgraph.resolve.chain import add_spellings

    span = Span(0, 0, "", 1)
    region = PlaceRef("xx-nord", "Nord Province", PlaceKind.REGION, country="XX")
    places = {"North": region, "Nord Province": region}
    mentions = tuple(
        PlaceMention(name, PlaceKind.REGION, span) for name in ("North", "Nord Province")
    )
    add_spellings(mentions, places)
    assert places["North"].aliases == ("North",)
    assert places["Nord Province"].aliases == ("North",)
