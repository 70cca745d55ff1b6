"""resolve(): the sample document's mentions to a Record, and the builder's helpers."""

from __future__ import annotations

import pytest

from attackgraph.model import (
    ActorMention,
    ClaimKind,
    ClaimRecord,
    Document,
    EventClass,
    EventKind,
    EventRecord,
    Extraction,
    PlaceKind,
    PlaceMention,
    Rank,
    Record,
    SideRecord,
    Span,
    Statement,
)
from attackgraph.resolve import (
    Resolver,
    containment_conflicts,
    document_country,
    place_nodes,
    resolve,
)

SPAN = Span(0, 0, "", 1)


def _actor(name: str, note: str | None = None) -> ActorMention:
    return ActorMention(name, SPAN, note=note)


def _sourced(doc_id: str, text: str, country: str, sources: tuple[str, ...]) -> Extraction:
    """A document's main event in ``country`` with one casualty claim per source name."""
    return Extraction(
        Document(doc_id, f"{doc_id}.txt", text, "", SPAN, (), (), ()),
        EventRecord("main", "E", EventClass.ATTACK, kind=EventKind.MAIN, country=country),
        claims=tuple(
            ClaimRecord(ClaimKind.CASUALTIES, "main", (SPAN,), source=_actor(name))
            for name in sources
        ),
    )


def _place(
    name: str,
    kind: PlaceKind = PlaceKind.LOCALITY,
    *,
    container: str | None = None,
    country: str | None = None,
) -> PlaceMention:
    return PlaceMention(name, kind, SPAN, container=container, country=country)


def sample_extraction() -> Extraction:
    """What the converter reads from data/documents/000_6de047e5428871d9.txt."""
    document = Document(
        "000_6de047e5428871d9", "000_6de047e5428871d9.txt", "", "", SPAN, (), (), ()
    )
    event = EventRecord(
        key="main",
        name="April 2022 Mopti region attacks",
        event_class=EventClass.ATTACK,
        kind=EventKind.MAIN,
        places=("Sévaré", "Niono", "Bapho"),
        country="ML",
        perpetrators=(_actor("Katibat Macina"),),
    )
    moura = EventRecord(
        "moura",
        "Siege of Moura",
        EventClass.EVENT,
        kind=EventKind.INCIDENT,
        places=("Moura",),
        perpetrators=(_actor("Malian army"), _actor("Wagner Group")),
    )
    places = (
        _place("Sévaré", container="Mopti region", country="ML"),
        _place("Niono", container="Mopti region", country="ML"),
        _place("Bapho", container="Mopti region", country="ML"),
        _place("Mopti region", PlaceKind.REGION, container="Mali", country="ML"),
        _place("Mali", PlaceKind.COUNTRY),
        _place("Ségou", country="ML"),
        _place("Moura", country="ML"),
        _place("Sevare", country="ML"),
    )
    sides = (
        SideRecord(1, (_actor("Mali"),)),
        SideRecord(2, (_actor("Katibat Macina"),), commanders=(_actor("Amadou Koufa"),)),
    )
    claims = (
        ClaimRecord(ClaimKind.CASUALTIES, "main", (SPAN,), source=_actor("Malian government")),
        ClaimRecord(
            ClaimKind.RESPONSIBILITY,
            "main",
            (SPAN,),
            source=_actor("Katibat Macina"),
            via=_actor("AFP"),
            statement=Statement("main", "perpetrator", "Katibat Macina", "actor"),
            rank=Rank.PREFERRED,
        ),
        ClaimRecord(ClaimKind.OTHER, "main", (SPAN,), source=_actor("Malian military")),
        ClaimRecord(ClaimKind.ESTIMATE, "moura", (SPAN,), source=_actor("UN")),
        ClaimRecord(ClaimKind.CONDEMNATION, "main", (SPAN,), source=_actor("MINUSMA")),
        ClaimRecord(
            ClaimKind.ATTACK,
            "main",
            (SPAN,),
            source=_actor("Katibat Macina"),
            statement=Statement("main", "location", "Ségou", "place"),
        ),
    )
    return Extraction(document, event, events=(moura,), places=places, sides=sides, claims=claims)


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver()


@pytest.fixture(scope="module")
def record(resolver: Resolver) -> Record:
    return resolve(sample_extraction(), resolver)


def test_every_place_mention_is_resolved_to_a_place(record: Record) -> None:
    mentioned = {m.name for m in sample_extraction().places}
    assert mentioned <= set(record.places)
    # the rest are the containers, keyed by slug
    assert set(record.places) - mentioned == {"ml-segou-region"}
    places = record.places
    assert places["Sévaré"].slug == places["Sevare"].slug == "ml-sevare"
    assert places["Sévaré"].point is not None
    assert places["Niono"].geonames_id == 2452655
    assert places["Niono"].container == "ml-segou-region"
    assert places["Ségou"].geonames_id == 2451478
    assert places["Mopti region"].iso3166_2 == "ML-5"
    assert places["Mopti region"].geonames_id == 2453347
    assert places["Mopti region"].point is not None
    assert places["Mali"].slug == "ml"
    bapho = places["Bapho"]
    assert not bapho.resolved and bapho.country == "ML" and bapho.point is None
    assert not places["Moura"].resolved and places["Moura"].point is None


def test_every_actor_mention_is_resolved(record: Record) -> None:
    actors = record.actors
    assert set(actors) - {"jnim", "al-qaeda", "un"} == {
        "Katibat Macina",
        "Malian army",
        "Wagner Group",
        "Mali",
        "Amadou Koufa",
        "Malian government",
        "AFP",
        "Malian military",
        "UN",
        "MINUSMA",
    }
    assert actors["Katibat Macina"].part_of == "jnim"
    assert actors["Malian government"].slug == "ml-government"
    assert actors["Malian military"].slug == actors["Malian army"].slug == "ml-armed-forces"
    assert actors["Malian government"].state == actors["Malian military"].state == "ml"
    assert actors["Mali"].slug == "mali" and actors["Mali"].state == "ml"
    assert actors["Amadou Koufa"].actor_class == "Person"  # a commander
    assert actors["AFP"].actor_type == "media"
    assert actors["MINUSMA"].part_of == actors["UN"].slug == "un"


def test_every_slug_a_ref_points_at_has_its_own_ref(record: Record) -> None:
    places = {ref.slug for ref in record.places.values()}
    actors = {ref.slug for ref in record.actors.values()}
    for ref in record.places.values():
        assert ref.container is None or ref.container in places, ref
    for actor in record.actors.values():
        assert actor.part_of is None or actor.part_of in actors, actor
        assert actor.state is None or actor.state in places, actor
    # Katibat Macina -> JNIM -> al-Qaeda, each an actor of its own
    assert record.actors["jnim"].part_of == "al-qaeda"
    assert record.actors["al-qaeda"].same_as == ("http://www.wikidata.org/entity/Q34490",)


def test_niono_contradiction_is_reported_for_a_deprecated_claim(
    record: Record,
    resolver: Resolver,
) -> None:
    conflicts = containment_conflicts(sample_extraction(), record, resolver)
    assert conflicts == [("Niono", "Mopti region")]


def test_no_conflict_without_gazetteer_region(resolver: Resolver) -> None:
    # Manchester's GeoNames admin1 (ENG) has no ISO mapping: nothing to contradict
    extraction = Extraction(
        Document("d", "d.txt", "", "", SPAN, (), (), ()),
        EventRecord("e", "E", EventClass.ATTACK, kind=EventKind.MAIN, country="GB"),
        places=(_place("Manchester", container="England", country="GB"),),
    )
    record = resolve(extraction, resolver)
    assert record.places["Manchester"].resolved
    assert containment_conflicts(extraction, record, resolver) == []


def test_place_nodes_include_the_containers(record: Record, resolver: Resolver) -> None:
    nodes = place_nodes(record, resolver)
    assert {"ml", "ml-mopti-region", "ml-segou-region", "ml-niono", "ml-bapho"} <= set(nodes)
    for node in nodes.values():
        assert node.container is None or node.container in nodes, node
    assert nodes["ml-segou-region"].iso3166_2 == "ML-4"


def test_unknown_perpetrators_are_never_one_actor_across_documents(resolver: Resolver) -> None:
    def record_of(doc_id: str) -> Record:
        extraction = Extraction(
            Document(doc_id, f"{doc_id}.txt", "", "", SPAN, (), (), ()),
            EventRecord(
                "e",
                "E",
                EventClass.ATTACK,
                kind=EventKind.MAIN,
                country="NG",
                perpetrators=(_actor("Unknown"), _actor("Boko Haram")),
            ),
        )
        return resolve(extraction, resolver)

    first, second = record_of("001_a"), record_of("002_b")
    assert first.actors["Unknown"].slug == "unknown-001-a"
    assert second.actors["Unknown"].slug == "unknown-002-b"
    assert first.actors["Boko Haram"] == second.actors["Boko Haram"]


def test_document_country() -> None:
    extraction = sample_extraction()
    assert document_country(extraction) == "ML"
    no_event_country = Extraction(
        extraction.document,
        EventRecord("e", "E", EventClass.ATTACK, kind=EventKind.MAIN),
        places=(_place("A", country="NE"), _place("B", country="NE"), _place("C", country="ML")),
    )
    assert document_country(no_event_country) == "NE"


def test_the_same_names_in_two_documents_get_the_same_identities(resolver: Resolver) -> None:
    first = resolve(sample_extraction(), resolver)
    second = resolve(sample_extraction(), Resolver())
    assert first.places == second.places and first.actors == second.actors


def test_a_commander_quoted_in_the_prose_is_one_person(resolver: Resolver) -> None:
    extraction = Extraction(
        Document("003_c", "003_c.txt", "", "", SPAN, (), (), ()),
        EventRecord("main", "E", EventClass.ATTACK, kind=EventKind.MAIN, country="ML"),
        sides=(SideRecord(1, (_actor("Mali"),), commanders=(_actor("Maj. Hamadoun Müller"),)),),
        claims=(
            ClaimRecord(ClaimKind.CASUALTIES, "main", (SPAN,), source=_actor("Hamadoun Müller")),
        ),
    )
    record = resolve(extraction, resolver)
    commander, source = record.actors["Maj. Hamadoun Müller"], record.actors["Hamadoun Müller"]
    assert commander == source
    assert commander.actor_class == "Person"


def test_a_commander_is_a_person_whatever_words_the_name_holds(resolver: Resolver) -> None:
    ref = resolver.actor("Abu Omar al-Ngo", person=True)
    assert ref.actor_class == "Person"
    assert resolver.actor("Abu Omar al-Ngo").actor_class != "Person"


def test_an_actor_is_named_without_the_words_around_its_name(resolver: Resolver) -> None:
    sources = (
        "Coastal warlord Idris Wekesa",
        "days later Oxfam",
        "the Harbour Front has always",
        "Oxfam citing clinic records",
    )
    extraction = Extraction(
        Document("005_f", "005_f.txt", "", "", SPAN, (), (), ()),
        EventRecord(
            "main",
            "E",
            EventClass.ATTACK,
            kind=EventKind.MAIN,
            country="KE",
            perpetrators=(_actor("cell directed by Omar Farah"),),
        ),
        claims=tuple(
            ClaimRecord(ClaimKind.CASUALTIES, "main", (SPAN,), source=_actor(name))
            for name in sources
        ),
    )
    record = resolve(extraction, resolver)
    names = [record.actors[name].name for name in (*sources, "cell directed by Omar Farah")]
    assert names == ["Idris Wekesa", "Oxfam", "Harbour Front", "Oxfam", "Omar Farah"]


def test_bare_officials_are_nobodys_government(resolver: Resolver) -> None:
    extraction = _sourced("006_o", "", "KE", ("officials", "the army", "Kenyan officials"))
    record = resolve(extraction, resolver)
    assert record.actors["officials"].actor_type == "unnamed-party"
    assert record.actors["the army"].slug == "ke-armed-forces"
    assert "Kenyan army" in record.actors["the army"].aliases  # as a reader would call it
    assert record.actors["Kenyan officials"].slug == "ke-government"


def test_a_description_or_a_common_noun_is_an_unnamed_party(resolver: Resolver) -> None:
    text = "Passengers said the ferry listed. Two passengers swam ashore; Maersk sent a tug."
    sources = ("defence spokesman in Mombasa", "Passengers", "Maersk", "US commanders")
    extraction = Extraction(
        Document("007_d", "007_d.txt", text, "", SPAN, (), (), ()),
        EventRecord("main", "E", EventClass.ATTACK, kind=EventKind.MAIN, country="KE"),
        sides=(SideRecord(1, (_actor("air support from the United States"),)),),
        claims=tuple(
            ClaimRecord(ClaimKind.CASUALTIES, "main", (SPAN,), source=_actor(name))
            for name in sources
        ),
    )
    record = resolve(extraction, resolver)
    types = [record.actors[name].actor_type for name in sources]
    assert types == ["unnamed-party", "unnamed-party", None, None]  # US: a named party
    assert record.actors["air support from the United States"].slug == "united-states"


def test_a_description_named_by_a_country_or_a_place_is_a_party_of_its_document(
    resolver: Resolver,
) -> None:
    text = "Rotterdam police said one diver drowned. One witness disagreed. Health officials too."
    sources = ("Dutch investigators", "the Rotterdam police", "Health officials", "One witness")
    extraction = _sourced("008_q", text, "NL", sources)
    record = resolve(extraction, resolver)
    refs = [record.actors[name] for name in sources]
    assert [r.actor_type for r in refs] == [None, None, "unnamed-party", "unnamed-party"]
    assert [r.name for r in refs[:2]] == ["Dutch investigators", "Rotterdam police"]
    assert all(r.slug.endswith("-008-q") for r in refs)  # never shared across documents


def test_a_description_holding_a_proper_name_is_a_named_party_of_its_document(
    resolver: Resolver,
) -> None:
    text = (
        "Guards fled. Officials in Tarvosk said nine died; doctors and guards agreed.\n"
        "The Tarvosk fire service put the toll at ten. A press officer of the Orlen Rail "
        "Police spoke, as did the Orlen Rail Police itself, and a health spokesman in Tarvosk."
    )
    sources = (
        "Tarvosk fire service",
        "guards of the Orlen Rail Police",
        "Guards",
        "health spokesman in Tarvosk",
        "man calling himself Tarvosk",
    )
    extraction = _sourced("009_t", text, "PL", sources)
    record = resolve(extraction, resolver)
    refs = [record.actors[name] for name in sources]
    # a town and a force the text writes only capitalised name their party; a common
    # word, one person described or a clause do not
    assert [r.actor_type for r in refs] == [None, None, *["unnamed-party"] * 3]
    assert all(r.slug.endswith("-009-t") for r in refs)  # never shared across documents


@pytest.mark.parametrize(
    ("text", "region_kept"),
    [
        ("A lorry bomb went off in the Surco district of Lima after dark.", False),
        ("A lorry bomb went off in Lima, the capital, after dark.", False),
        ("A lorry bomb went off in Lima, in Lima Region, after dark.", True),
    ],
)
def test_a_region_is_written_only_by_its_own_area_word(
    resolver: Resolver, text: str, region_kept: bool
) -> None:
    # GeoNames puts Lima in "Lima Region": "the Surco district of Lima" names the city
    extraction = Extraction(
        Document("d", "d.txt", text, "", SPAN, (), (), ()),
        EventRecord("e", "E", EventClass.ATTACK, kind=EventKind.MAIN, country="PE"),
        places=(_place("Lima", country="PE"),),
    )
    lima = resolve(extraction, resolver).places["Lima"]
    assert (lima.container == "pe-lima-region") is region_kept, lima


@pytest.mark.parametrize(
    ("text", "region_kept"),
    [
        ("Raiders burned the hamlet of Cumbo, in the department of Lima, at dawn.", False),
        ("Raiders burned Cumbo, in the region of Lima, at dawn.", False),
        ("Raiders burned Cumbo, in Lima Region, at dawn.", True),
        ("Raiders burned Cumbo at dawn; the Lima region prosecutor opened a case.", False),
        ("Raiders burned Cumbo at dawn, in Lima region on the coast.", True),
    ],
)
def test_a_namesake_region_described_by_its_area_word_is_not_a_second_place(
    resolver: Resolver, text: str, region_kept: bool
) -> None:
    # the document names one place "Lima" (the gazetteer's city, in "Lima Region"):
    # "the region of Lima" says what kind of place it is; only "Lima Region", the
    # region's own name, names a second place (tests/corpus/CONVENTIONS.md, rule 12)
    extraction = Extraction(
        Document("d", "d.txt", text, "", SPAN, (), (), ()),
        EventRecord("e", "E", EventClass.ATTACK, kind=EventKind.MAIN, country="PE"),
        places=(_place("Cumbo", container="Lima", country="PE"), _place("Lima", country="PE")),
    )
    places = resolve(extraction, resolver).places
    assert ("pe-lima-region" in {ref.slug for ref in places.values()}) is region_kept, places
