"""Actor resolution: the registry, countries and their bodies, minted actors, identity."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from attackgraph.identifiers import check_slug
from attackgraph.model import InputError
from attackgraph.reference.registry import COLUMNS, Registry, actor_key, reference_registry
from attackgraph.resolve import Resolver
from attackgraph.resolve.actors import ActorResolver


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver()


# -- the sample document ------------------------------------------------------


def test_katibat_macina_is_part_of_jnim(resolver: Resolver) -> None:
    macina = resolver.actor("Katibat Macina", country="ML")
    assert (macina.slug, macina.actor_class, macina.actor_type) == (
        "katibat-macina",
        "ArmedGroup",
        "armed-group",
    )
    assert macina.part_of == "jnim"
    jnim = resolver.actor("Jama'at Nasr al-Islam wal Muslimin", country="ML")
    assert jnim.slug == "jnim" and jnim.name == "Jama'at Nasr al-Islam wal Muslimin"
    assert {"JNIM", "GSIM"} <= set(jnim.aliases)


def test_malian_government_and_military_are_distinct_and_both_malis(resolver: Resolver) -> None:
    government = resolver.actor("Malian government", country="ML")
    military = resolver.actor("Malian military", country="ML")
    assert government.slug == "ml-government" and military.slug == "ml-armed-forces"
    assert government.state == military.state == "ml"
    assert (government.actor_type, military.actor_type) == ("government", "state-forces")
    assert government.actor_class == military.actor_class == "StateActor"


def test_a_country_as_combatant_is_its_state(resolver: Resolver) -> None:
    mali = resolver.actor("Mali", country="ML")
    assert (mali.slug, mali.name, mali.actor_class, mali.state) == (
        "mali",
        "Mali",
        "StateActor",
        "ml",
    )
    assert resolver.actor("the United States").slug == "united-states"
    assert resolver.actor("US").state == "us"


def test_a_capital_that_acts_is_its_state(resolver: Resolver) -> None:
    # "Ankara protested", "aid pledged by Nairobi": the capital stands for the state
    assert [resolver.actor(name).slug for name in ("Ankara", "Nairobi", "Canberra")] == [
        "turkey",
        "kenya",
        "australia",
    ]
    assert resolver.actor("Izmir").slug == "izmir"  # a city that is no capital is minted


@pytest.mark.parametrize(
    "name",
    [
        "FAMa",
        "Malian Army",
        "Malian military",
        "Malian Armed Forces",
        "Malian forces",
        "the Malian army",
        "Armed Forces of Mali",
        "Mali's army",
    ],
)
def test_every_name_of_the_malian_armed_forces(resolver: Resolver, name: str) -> None:
    ref = resolver.actor(name, country="ML")
    assert (ref.slug, ref.name, ref.state) == ("ml-armed-forces", "Malian Armed Forces", "ml")


@pytest.mark.parametrize(
    "name",
    ["Malian government", "the government of Mali", "Government of Mali", "Mali's government"],
)
def test_every_name_of_the_malian_government(resolver: Resolver, name: str) -> None:
    assert resolver.actor(name).slug == "ml-government"


@pytest.mark.parametrize(
    ("name", "slug", "state"),
    [
        ("Nigerien army", "ne-armed-forces", "ne"),
        ("Nigerian Army", "ng-armed-forces", "ng"),
        ("Kenyan authorities", "ke-government", "ke"),
        ("Kenya's military", "ke-armed-forces", "ke"),
        ("Somali government", "so-government", "so"),
        ("Burkinabè government", "bf-government", "bf"),
        ("Burkinabe soldiers", "bf-armed-forces", "bf"),
        ("Filipino troops", "ph-armed-forces", "ph"),
        ("Philippine Army", "ph-armed-forces", "ph"),
        ("Russian defence ministry", "ru-ministry-of-defence", "ru"),
        ("Russian foreign ministry", "ru-ministry-of-foreign-affairs", "ru"),
        ("US Department of Defense", "us-ministry-of-defence", "us"),
        ("Niger's defence ministry", "ne-ministry-of-defence", "ne"),
        ("Malian police", "ml-police", "ml"),
    ],
)
def test_demonyms_and_country_forms(resolver: Resolver, name: str, slug: str, state: str) -> None:
    ref = resolver.actor(name)
    assert (ref.slug, ref.state) == (slug, state)


def test_ministries_belong_to_their_government(resolver: Resolver) -> None:
    ref = resolver.actor("Mozambican defence ministry")
    assert ref.part_of == "mz-government" and ref.actor_type == "government"


def test_shared_demonym_follows_the_document(resolver: Resolver) -> None:
    assert resolver.actor("Congolese authorities", country="CD").slug == "cd-government"
    assert resolver.actor("Congolese authorities", country="CG").slug == "cg-government"
    # no context: the most populous of the countries that share the word
    assert resolver.actor("Congolese authorities").slug == "cd-government"


def test_country_scoped_aliases(resolver: Resolver) -> None:
    assert resolver.actor("AFP").slug == "agence-france-presse"
    assert resolver.actor("AFP", country="PH").slug == "ph-armed-forces"
    assert resolver.actor("Al-Shabaab", country="SO").slug == "al-shabaab"
    assert resolver.actor("al-Shabaab", country="MZ").slug == "ahlu-sunnah-wa-jamaa"


def test_renamed_group_keeps_one_identity(resolver: Resolver) -> None:
    before = resolver.actor("Islamic State in the Greater Sahara", country="NE")
    after = resolver.actor("Islamic State – Sahel Province", country="NE")
    assert before.slug == after.slug == "isgs"
    assert before.part_of == "islamic-state"


def test_organisations_and_media(resolver: Resolver) -> None:
    un = resolver.actor("United Nations")
    assert (un.slug, un.actor_type, un.same_as) == (
        "un",
        "international-organization",
        ("http://www.wikidata.org/entity/Q1065",),
    )
    assert resolver.actor("MINUSMA").part_of == "un"
    assert resolver.actor("AMISOM").part_of == "african-union"
    assert resolver.actor("Human Rights Watch").actor_type == "non-governmental-organization"
    assert resolver.actor("Amnesty").slug == "amnesty-international"
    assert resolver.actor("ACLED").actor_class == "Organization"
    for media in ("Reuters", "AP", "Agence France-Presse"):
        assert resolver.actor(media).actor_type == "media"
    assert resolver.actor("UN officials").slug == "un"


# -- minted actors -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "actor_class", "actor_type"),
    [
        ("Saleh Nabhan brigade", "ArmedGroup", "armed-group"),
        ("Macina Liberation Front", "ArmedGroup", "armed-group"),  # registry alias
        ("Tuareg Liberation Movement", "ArmedGroup", "armed-group"),
        ("Mai-Mai militias", "ArmedGroup", "armed-group"),
        ("Greater Manchester Police", "StateActor", "state-forces"),
        ("Ministry of Health", "StateActor", "government"),
        ("BBC News Russian", "Organization", "media"),
        ("Some Relief Foundation", "Organization", "non-governmental-organization"),
        ("Total", "Actor", None),
        ("Rezidor Hotel Group", "Actor", None),
        ("Army Public School", "Actor", None),
        ("2nd Battalion", "StateActor", "state-forces"),
        ("Al-Furqan Battalion", "ArmedGroup", "armed-group"),
    ],
)
def test_unknown_actors_are_typed_from_their_words(
    resolver: Resolver, name: str, actor_class: str, actor_type: str | None
) -> None:
    ref = resolver.actor(name)
    assert (ref.actor_class, ref.actor_type) == (actor_class, actor_type)
    check_slug(ref.slug)


def test_a_unit_named_with_its_country_belongs_to_its_armed_forces(resolver: Resolver) -> None:
    ref = resolver.actor("9th Kenya Rifles")
    assert (ref.state, ref.part_of, ref.actor_type) == ("ke", "ke-armed-forces", "state-forces")
    assert resolver.actor("US Central Command").part_of == "us-armed-forces"
    # a country word does not make a rebel group a state body
    assert resolver.actor("Free Syrian Army").actor_class == "ArmedGroup"


def test_people(resolver: Resolver) -> None:
    assert resolver.actor("Assimi Goïta", person=True).actor_class == "Person"
    titled = resolver.actor("President Muhammadu Buhari")
    assert (titled.slug, titled.name, titled.actor_class) == (
        "muhammadu-buhari",
        "Muhammadu Buhari",
        "Person",
    )
    for written in ("Maj. Gen. William F. Garrison", "Major General William F. Garrison"):
        ref = resolver.actor(written)
        assert (ref.slug, ref.name, ref.actor_class) == (
            "william-f-garrison",
            "William F. Garrison",
            "Person",
        )
    # a commander's name that is an organisation stays an organisation
    assert resolver.actor("Katibat Macina", person=True).actor_class == "ArmedGroup"


@pytest.mark.parametrize(
    "spelling",
    [
        "Dyck Advisory Group",
        "the Dyck Advisory Group",
        "DYCK ADVISORY GROUP",
        "Dyck Advisory Group's",
        " Dyck  Advisory Group ",
        "Dyck Advisory Group (DAG)",
    ],
)
def test_one_normalised_name_one_slug(resolver: Resolver, spelling: str) -> None:
    assert resolver.actor(spelling).slug == "dyck-advisory-group"


def test_accents_do_not_split_an_actor(resolver: Resolver) -> None:
    assert resolver.actor("Assimi Goïta").slug == resolver.actor("Assimi Goita").slug


def test_parenthetical_parent_of_an_unknown_actor(resolver: Resolver) -> None:
    ref = resolver.actor("Saleh Nabhan brigade (al-Shabaab)", country="SO")
    assert (ref.slug, ref.part_of) == ("saleh-nabhan-brigade", "al-shabaab")


# -- cross-document identity ---------------------------------------------------

# Actor names as documents about attacks write them, per document country.
DOCUMENTS: dict[str, tuple[str, ...]] = {
    "ML": (
        "Mali",
        "Katibat Macina",
        "Malian Army",
        "Malian government",
        "Malian military",
        "FAMa",
        "JNIM",
        "Jama'at Nasr al-Islam wal Muslimin",
        "Wagner Group",
        "UN",
        "MINUSMA",
        "AFP",
        "United States",
        "the Malian armed forces",
        "Macina Liberation Front",
    ),
    "BF": (
        "Government of Burkina Faso",
        "AFP",
        "Human Rights Watch",
        "Jama'at Nasr al-Islam wal Muslimin",
        "Islamic State in the Greater Sahara",
        "Volunteers for the Defense of the Homeland",
        "VDP",
        "Burkinabè army",
        "JNIM",
        "Islamic State",
    ),
    "NE": (
        "Niger",
        "Niger Armed Forces",
        "Nigerien army",
        "Niger's defence ministry",
        "ISGS",
        "Islamic State – Sahel Province",
        "US Department of Defense",
        "United States",
        "France",
        "US Africa Command",
        "Islamic State",
    ),
    "SO": (
        "Al-Shabaab",
        "al-Shabab",
        "Kenya",
        "Kenya Defence Forces",
        "KDF",
        "Kenya's military",
        "AMISOM",
        "African Union Mission to Somalia",
        "Somalia",
        "UN officials",
        "UNOSOM II",
        "United Nations",
        "International Committee of the Red Cross",
        "ICRC",
    ),
    "KE": ("Al-Shabaab", "Kenyan authorities", "Kenya's military", "Kenya Defence Forces"),
    "MZ": (
        "Mozambique",
        "Islamic State – Central Africa Province",
        "ISCAP",
        "Amaq",
        "Mozambican defence ministry",
        "Ahlu Sunnah Wa-Jama",
        "Islamic State",
    ),
    "SY": (
        "United States",
        "Syrian Democratic Forces",
        "SDF",
        "Syrian Arab Army",
        "Wagner Group",
        "US military",
        "Syrian Observatory for Human Rights",
        "Syrian government",
        "Russian defence ministry",
        "Islamic State",
        "ISIS",
        "ISIL",
        "Daesh",
    ),
    "PK": (
        "Tehrik-i-Taliban Pakistan",
        "TTP",
        "Pakistani Taliban",
        "Pakistan Army",
        "Special Services Group",
        "Afghan Taliban",
        "Taliban",
        "ISPR",
    ),
    "PH": (
        "Abu Sayyaf",
        "Abu Sayyaf Group",
        "Islamic State",
        "Amaq",
        "AFP",
        "Armed Forces of the Philippines",
        "Moro Islamic Liberation Front",
        "MILF",
    ),
    "NG": (
        "Boko Haram",
        "Civilian Joint Task Force",
        "AFP",
        "United Nations",
        "ISWAP",
        "Islamic State West Africa Province",
        "Nigerian Army",
    ),
    "CD": (
        "March 23 Movement",
        "M23",
        "United Nations",
        "MONUSCO",
        "FDLR",
        "Democratic Forces for the Liberation of Rwanda",
        "Congolese authorities",
    ),
    "GB": ("Islamic State", "Greater Manchester Police", "MI5", "ISIS"),
}
# Names whose identity depends on the document's country on purpose (see actors.py).
CONTEXTUAL = {"afp", "al shabaab", "al shabab"}


def test_one_registry_identity_has_one_slug_across_documents(resolver: Resolver) -> None:
    registry = resolver.actors.registry
    slugs_of: dict[str, set[str]] = defaultdict(set)
    slugs_of_wikidata: dict[str, set[str]] = defaultdict(set)
    for country, names in DOCUMENTS.items():
        for name in names:
            ref = resolver.actor(name, country=country)
            entry = registry.find(name, country=country)
            if entry is not None:
                slugs_of[entry.slug].add(ref.slug)
            for iri in ref.same_as:
                slugs_of_wikidata[iri].add(ref.slug)
    assert len(slugs_of) > 30
    split = {k: v for k, v in slugs_of.items() if len(v) != 1 or k not in v}
    assert not split, f"registry identities with several slugs: {split}"
    assert all(len(v) == 1 for v in slugs_of_wikidata.values()), slugs_of_wikidata


def test_one_normalised_name_has_one_slug_in_every_document(resolver: Resolver) -> None:
    slugs: dict[str, set[str]] = defaultdict(set)
    for country, names in DOCUMENTS.items():
        for name in names:
            for context in (country, None, "ML", "SY"):
                slugs[actor_key(name)].add(resolver.actor(name, country=context).slug)
    split = {k: v for k, v in slugs.items() if len(v) > 1 and k not in CONTEXTUAL}
    assert not split, split


def test_state_bodies_have_one_slug_whatever_the_spelling(resolver: Resolver) -> None:
    spellings = {
        "ke-armed-forces": ["Kenya Defence Forces", "KDF", "Kenyan army", "Kenya's military"],
        "ph-armed-forces": ["Armed Forces of the Philippines", "Philippine military"],
        "sy-armed-forces": ["Syrian Arab Army", "Syrian army", "Syrian military", "SAA"],
        "ne-armed-forces": ["Niger Armed Forces", "Nigerien forces", "Armed Forces of Niger"],
    }
    for slug, names in spellings.items():
        assert {resolver.actor(n).slug for n in names} == {slug}, names


# -- the registry ----------------------------------------------------------------


def test_shipped_registry_loads_and_is_consistent() -> None:
    registry = Registry.load(reference_registry())
    ActorResolver(registry)  # raises if a state body breaks the slug scheme
    assert len(registry) >= 90
    for entry in registry:
        check_slug(entry.slug)
        assert entry.source, entry.slug
        if entry.wikidata:
            assert entry.wikidata.startswith("Q")
    covered = {e.actor_type for e in registry}
    assert covered >= {
        "armed-group",
        "state-forces",
        "international-organization",
        "non-governmental-organization",
        "media",
    }


def _write_registry(path: Path, *rows: tuple[str, ...]) -> Path:
    lines = ["\t".join(COLUMNS)] + ["\t".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _row(slug: str, name: str, **cells: str) -> tuple[str, ...]:
    values = {
        "slug": slug,
        "name": name,
        "class": "ArmedGroup",
        "type": "armed-group",
        "source": "test",
        **cells,
    }
    return tuple(values.get(column, "") for column in COLUMNS)


def test_registry_rejects_an_alias_naming_two_actors(tmp_path: Path) -> None:
    path = _write_registry(
        tmp_path / "a.tsv", _row("one", "One", aliases="XYZ"), _row("two", "Two", aliases="xyz")
    )
    with pytest.raises(InputError) as caught:
        Registry.load(path)
    assert (caught.value.problem.line, caught.value.problem.rule) == (3, "resolve/registry")


def test_registry_rejects_unknown_parent_and_bad_slug(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="parent"):
        Registry.load(_write_registry(tmp_path / "p.tsv", _row("one", "One", parent="nobody")))
    with pytest.raises(InputError, match="not a slug"):
        Registry.load(_write_registry(tmp_path / "s.tsv", _row("One Two", "One")))
    with pytest.raises(InputError, match="type"):
        Registry.load(_write_registry(tmp_path / "t.tsv", _row("one", "One", type="rebels")))


def test_registry_state_body_must_use_the_derived_slug(tmp_path: Path) -> None:
    # "FAMa" as its own slug would split the Malian armed forces in two identities
    path = _write_registry(
        tmp_path / "f.tsv",
        _row(
            "fama",
            "Malian Armed Forces",
            **{"class": "StateActor", "type": "state-forces", "state": "ml", "aliases": "FAMa"},
        ),
    )
    with pytest.raises(ValueError, match="ml-armed-forces"):
        ActorResolver(Registry.load(path))


def test_custom_registry_is_used(tmp_path: Path) -> None:
    path = _write_registry(tmp_path / "r.tsv", _row("black-hand", "Black Hand", aliases="BH"))
    resolver = Resolver(registry=path)
    assert resolver.actor("BH").slug == "black-hand"
