"""The event's country when the document names none: where the gazetteer puts its places.

Documents written for these tests go through the real converter; the country is read
back from the published quads (``ag:country/ag:iso3166_1`` of the main event).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from published_store import PREFIXES, convert

from attackgraph.pipeline import Converter


def event_country(tmp_path: Path, converter: Converter, text: str) -> list[str]:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    store = convert(converter, path)
    query = PREFIXES + "SELECT ?c WHERE { ?e ag:country/ag:iso3166_1 ?c }"
    return sorted(
        {str(row[0].value) for row in store.query(query, use_default_graph_as_union=True)}
    )  # type: ignore[union-attr,index]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "= Kandy bus station blast =\n\nInfobox\n- Location: Kandy\n- Date: 4 May 2009\n"
            "- Deaths: 3\n\nA parcel bomb exploded at the bus station, killing three.\n",
            "LK",
        ),
        (
            "= Raid on the Quetta depot =\n\nInfobox\n- Place: Fuel depot, Quetta\n"
            "- Date: 12 June 2013\n\nGunmen stormed a fuel depot on the edge of the city at "
            "night.\n",
            "PK",
        ),
        (  # no infobox: the lead's place
            "= Maiduguri market shooting =\n\nOn 2 February 2015 gunmen opened fire in a "
            "crowded market in Maiduguri, killing nine traders.\n",
            "NG",
        ),
        (  # Hyderabad is in India and Pakistan; Telangana only in India
            "= Hyderabad bazaar bombing =\n\nInfobox\n- Location: Old bazaar, Hyderabad, "
            "Telangana\n- Date: 7 August 2007\n- Deaths: 12\n\nTwo bombs went off in the "
            "bazaar in the evening.\n",
            "IN",
        ),
        (  # Perth is in four countries; Western Australia in one
            "= Perth depot fire =\n\nInfobox\n- Place: Bus depot, Perth, Western Australia\n"
            "- Date: 2 March 1999\n\nArsonists set the depot alight before dawn.\n",
            "AU",
        ),
        (  # a subdivision alone: one country has it
            "= Border post raid =\n\nInfobox\n- Place: Customs post, Northern Ireland\n"
            "- Date: 5 May 1980\n\nA customs post was raided at night.\n",
            "GB",
        ),
        (  # a colony's formal name is its territory's country
            "= Camp Tana beating =\n\nInfobox\n- Location: Tana camp, Colony and "
            "Protectorate of Kenya\n- Date: 2 May 1955\n\nGuards beat the detainees.\n",
            "KE",
        ),
        (  # "Korea" is both Koreas' name, never a town abroad; the city beside it decides
            "= Hill 317 stand =\n\nInfobox\n- Place: Hill 317, north of Seoul, Korea\n"
            "- Date: 3 May 1951\n\nA company held the hill for two days.\n",
            "KR",
        ),
        (  # a territory ISO 3166 gives to one country
            "= Checkpoint shooting =\n\nInfobox\n- Location: Checkpoint 56, Hebron, West "
            "Bank\n- Date: 9 May 2002\n\nA gunman fired at the checkpoint.\n",
            "PS",
        ),
        (  # a former state whose land one present country holds
            "= Raid on the Tugela drift =\n\nInfobox\n- Place: Tugela drift, Zululand\n"
            "- Date: 2 May 1879\n\nA patrol was attacked at the ford.\n",
            "ZA",
        ),
        (  # "Congo" is either Congo's name; the town beside it decides
            "= Depot raid =\n\nOn 2 March 2001 rebels raided an army depot outside Goma, "
            "in eastern Congo.\n",
            "CD",
        ),
        (  # Léopoldville's Congo bore the name in 1960-64
            "= Bukavu mutiny =\n\nInfobox\n- Place: Barracks, Bukavu, Republic of the "
            "Congo\n- Date: 4 July 1961\n\nSoldiers seized the barracks.\n",
            "CD",
        ),
        (  # a demonym gives the lead's town its country (Kano is also in Japan)
            "= Kano market bombing =\n\nOn 4 June 2014 a bomb exploded in a crowded market "
            "in the northern Nigerian city of Kano, killing 12 traders.\n",
            "NG",
        ),
        (  # the town in apposition to "the capital"
            "= Hotel siege =\n\nOn 20 November 2015 gunmen stormed a hotel in the Malian "
            "capital, Bamako, and held 170 guests.\n",
            "ML",
        ),
        (  # a village in Mexico is called Texas; the state outweighs it
            "= El Paso depot shooting =\n\nInfobox\n- Location: Bus depot, El Paso, Texas\n"
            "- Date: 3 March 2001\n\nA man fired at passengers in the depot.\n",
            "US",
        ),
        (  # "England" is also a village in Arkansas; the English region decides with London
            "= Bandstand bombing =\n\nInfobox\n- Location: Victoria Gardens and Hyde Park, "
            "London, England\n- Date: 9 June 1983\n\nA bomb went off under the bandstand.\n",
            "GB",
        ),
        (  # a country whose name holds "and" is one place, not two
            "= Market shelling =\n\nInfobox\n- Location: Old market, Mostar, Bosnia and "
            "Herzegovina\n- Date: 4 May 1993\n\nShells hit the market at noon.\n",
            "BA",
        ),
        (  # wire copy: a country named as the victims' nationality is not where it happened
            "= Truck bomb at the barracks =\n\nAMMAN, Jordan, May 3 (Wire) - A truck bomb "
            "exploded outside a barracks on Tuesday, killing 14 U.S. marines, officials said "
            "in 2004.\n",
            "JO",
        ),
        (  # Cairo is also in Illinois and Italy; the district named with its area word decides
            "= Camp clearance =\n\nOn 3 May 2011 troops cleared a protest camp beside a mosque "
            "in Cairo's Helwan district, killing 40 people.\n",
            "EG",
        ),
        (  # a former state inside the chain, not at its end
            "= River post ambush =\n\nInfobox\n- Place: River post, eastern Annam, French "
            "Indochina\n- Date: 9 May 1950\n\nA convoy was ambushed below the post.\n",
            "VN",
        ),
        (  # a capital far larger than the towns abroad that share its name
            "= Hotel lobby bombing =\n\nInfobox\n- Location: Hotel lobby, Bogotá\n"
            "- Date: 9 May 1990\n\nA bomb went off in the lobby at noon.\n",
            "CO",
        ),
        (  # the city that bears the name, not one that lists it among its other names
            "= Tram stop bombing =\n\nThis note sums up what an inquiry later found about a "
            "bomb that went off at a tram stop in Rome on 6 May 1974, killing two.\n",
            "IT",
        ),
        (  # the neighbour a border is shared with is not where it happened
            "= Gate shooting =\n\nOn 3 March 1957 soldiers shot eleven farmers in the village of "
            "Umm al-Fahm, close to the border with Jordan.\n",
            "IL",
        ),
        (  # the lead is one line with no full stop; the body follows under a heading
            "= Depot killings =\n\nFindings: the killing of drivers at a bus depot, Kaduna, "
            "Nigeria, 6 April 2013\n\n== Detail ==\nArmed men raided the depot at dawn.\n",
            "NG",
        ),
        (  # a former territory's name; Papua alone is also an Indonesian province
            "= Airstrip raid =\n\nInfobox\n- Place: Kiriwina airstrip, Territory of Papua\n"
            "- Date: 4 May 1943\n\nBombers struck the airstrip at dawn.\n",
            "PG",
        ),
        (  # "outside the Japan embassy": the country names whose embassy, the dateline where
            "= Embassy car bomb =\n\nLIMA, June 3 (Wire) - A car bomb exploded outside the "
            "Japan embassy in the city centre on Tuesday, killing four guards, police said in "
            "1997.\n",
            "PE",
        ),
        (  # the chain votes together over a stray word of a pub's name that is a US village
            "= Tavern bombing =\n\nInfobox\n- Location: Groom and Plough taverns, Guildford, "
            "Surrey, England\n- Date: 3 March 1975\n\nA bomb went off in the bar.\n",
            "GB",
        ),
        (  # the lead names no place; the prose gives where the attack was
            "= Hostel fire =\n\nThe college had been threatened for months. On the night of "
            "3 March 2012 gunmen set fire to its hostel, killing nine students.\n\n== Attack "
            "==\nThe gunmen drove into Maiduguri at about 2 a.m. and attacked the hostel of the "
            "college. Nine students were killed in the hostel in Maiduguri.\n",
            "NG",
        ),
    ],
    ids=[
        "town-alone",
        "site-and-town",
        "lead",
        "town-and-state",
        "town-and-state-2",
        "area",
        "colony",
        "shared-name",
        "state-over-village",
        "territory",
        "former-state",
        "shared-congo",
        "historical-congo",
        "demonym",
        "capital-apposition",
        "region-over-village",
        "country-with-and",
        "wire-modifier",
        "district-with-area-word",
        "former-state-inside",
        "dominant-city",
        "own-name-over-other-name",
        "border-with",
        "heading-only-lead",
        "former-territory",
        "embassy-after-locative",
        "chain-over-stray-word",
        "prose-site",
    ],
)
def test_the_gazetteer_gives_the_country_the_document_leaves_out(
    tmp_path: Path, converter: Converter, text: str, country: str
) -> None:
    assert event_country(tmp_path, converter, text) == [country]


def test_places_in_two_countries_give_no_country(tmp_path: Path, converter: Converter) -> None:
    text = (
        "= Border convoy ambushes =\n\nInfobox\n- Location: Timbuktu; Maiduguri\n"
        "- Date: 9 March 2016\n\nTwo convoys were ambushed on the same morning.\n"
    )
    assert event_country(tmp_path, converter, text) == []


def test_a_town_the_gazetteer_puts_in_kosovo_gives_no_country(
    tmp_path: Path, converter: Converter
) -> None:
    """GeoNames files Kosovo's towns under its own code XK, which ISO 3166-1 lacks: the
    document is built (it was skipped for a shape violation) and its event has no country."""
    text = (
        "= Village killings =\n\nInfobox\n- Date: 15 January 1999\n"
        "- Location: Gornje Obrinje, Štimlje, Kosovo, Yugoslavia\n- Deaths: 20\n\n"
        "Twenty villagers were found dead after a police operation.\n"
    )
    assert event_country(tmp_path, converter, text) == []


def test_a_place_named_only_in_the_prose_gives_no_country(
    tmp_path: Path, converter: Converter
) -> None:
    text = (
        "= Hillside lodge siege =\n\nInfobox\n- Location: Hillside lodge\n- Date: 1 July 2018\n\n"
        "Gunmen held guests at the lodge for a day; the minister spoke from Nairobi.\n"
    )
    assert event_country(tmp_path, converter, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "= Kaduna bus depot raid =\n\nOverview. On 6 April 2014 armed men raided a bus depot "
        "in Kaduna, killing eleven drivers.\n",
        "= Kaduna bus depot raid =\n\nKey facts. Gunmen raided a bus depot in Kaduna on "
        "6 April 2014 and killed eleven drivers.\n",
    ],
    ids=["overview", "key-facts"],
)
def test_a_label_opening_the_lead_does_not_hide_its_date_and_place(
    tmp_path: Path, converter: Converter, text: str
) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    store = convert(converter, path)
    query = PREFIXES + "SELECT ?d WHERE { ?e ag:date ?d }"
    dates = {str(row[0].value) for row in store.query(query, use_default_graph_as_union=True)}  # type: ignore[union-attr,index]
    assert dates == {"2014-04-06"}
    assert event_country(tmp_path, converter, text) == ["NG"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (  # a verdict years later: the event's date is the earlier one
            "= Kaduna depot bombing =\n\nOn 2 May 2019 a court in Kaduna jailed the man who "
            "had bombed the bus depot on 4 June 2011, killing eleven drivers.\n",
            "2011-06-04",
        ),
        (  # the lead says when a report came out; the body says when the raid was
            "= Kaduna depot raid =\n\nThis account follows a report that a rights league "
            "published in Lagos in March 2014.\n\n== Summary ==\nOn 6 April 2013 armed men "
            "raided a bus depot in Kaduna, killing eleven drivers.\n",
            "2013-04-06",
        ),
    ],
    ids=["verdict", "report"],
)
def test_an_account_written_afterwards_dates_the_event_not_itself(
    tmp_path: Path, converter: Converter, text: str, date: str
) -> None:
    assert event_dates(tmp_path, converter, text) == {("date", date)}


def event_dates(tmp_path: Path, converter: Converter, text: str) -> set[tuple[str, str]]:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    store = convert(converter, path)
    query = (
        PREFIXES
        + "SELECT ?p ?d WHERE { ?e ?p ?d VALUES ?p { ag:date ag:startDate ag:endDate } "
        + "FILTER NOT EXISTS { ?e ag:partOf|ag:followsUp|ag:precedes|ag:relatedTo ?o } }"
    )
    return {
        (str(row[0]).rstrip(">").rsplit("#", 1)[-1].rsplit("/", 1)[-1], str(row[1].value))  # type: ignore[index,union-attr]
        for row in store.query(query, use_default_graph_as_union=True)  # type: ignore[union-attr]
    }


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        (  # the end written after the start, without its year
            "= Jail revolt =\n\nThe revolt at the county jail began on 3 May 1972 and ended "
            "on 6 May when guards retook the wings.\n",
            {("startDate", "1972-05-03"), ("endDate", "1972-05-06")},
        ),
        (  # a month in the heading line, the nights in the lead's next sentence
            "= Valley killings =\n\nFindings: the killing of the villagers of Tala, March "
            "1983\n\nThis summary draws on reports published in 1984. It covers the raid on "
            "Tala on the night of 11 to 12 March 1983 and its aftermath.\n",
            {("startDate", "1983-03-11"), ("endDate", "1983-03-12")},
        ),
    ],
    ids=["began-ended", "month-narrowed-to-nights"],
)
def test_a_span_of_days_the_lead_gives(
    tmp_path: Path, converter: Converter, text: str, dates: set[tuple[str, str]]
) -> None:
    assert event_dates(tmp_path, converter, text) == dates


@pytest.mark.parametrize(
    "text",
    [
        (  # a month in the lead; its day two sentences on, after a date of the background
            "= Tala harbour raid =\n\nThe raid on the harbour of Tala took place in early June "
            "1984, during the long drought. In May 1984 the rebels had reached the coast. The "
            "worst of the killing came on 9 June 1984 at the fish market.\n"
        ),
        (  # the day in the body's first sentence, written without its year
            "= Tala harbour raid =\n\nThe raid on the harbour of Tala took place in the first "
            "week of June 1984.\n\n== The raid ==\nThe boats came in on 9 June and the rebels "
            "burned the fish market.\n"
        ),
    ],
    ids=["day-after-background", "day-without-year"],
)
def test_a_month_the_lead_gives_narrowed_to_the_day_inside_it(
    tmp_path: Path, converter: Converter, text: str
) -> None:
    assert event_dates(tmp_path, converter, text) == {("date", "1984-06-09")}
