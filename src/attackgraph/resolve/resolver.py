"""The resolve stage: :class:`Resolver` (reference data, loaded once) and :func:`resolve`.

One :class:`Resolver` serves every document of a build: the packaged GeoNames
subset is indexed once per process, the user's dump files, the supplementary place
table and the actor registry once per resolver, and only on first use.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import Final

from attackgraph.extract.fragments import clean_name
from attackgraph.identifiers import slugify
from attackgraph.model import (
    ActorRef,
    ClaimKind,
    ClaimRecord,
    Extraction,
    PlaceKind,
    PlaceMention,
    PlaceRef,
    Rank,
    Record,
    Statement,
)
from attackgraph.reference.files import reference_file
from attackgraph.reference.gazetteer import table_index
from attackgraph.reference.gazetteer_db import open_dumps, open_packaged
from attackgraph.reference.names import strip_the
from attackgraph.reference.registry import Registry, actor_key
from attackgraph.resolve.actor_names import (
    is_common_word,
    is_described_party,
    is_generic,
    named_part,
    names_proper_party,
    state_body_word,
)
from attackgraph.resolve.actor_refs import (
    actor_mentions,
    named_police,
    one_ref_per_slug,
    town_names,
    with_spellings,
)
from attackgraph.resolve.actors import ActorResolver
from attackgraph.resolve.chain import add_spellings, keep_stated_chain, keep_written_containers
from attackgraph.resolve.commanders import commanders_as_people
from attackgraph.resolve.country import (
    document_country,
    former_states_as_country,
    with_event_country,
)
from attackgraph.resolve.places import PlaceResolver
from attackgraph.resolve.sites import keep_event_sites
from attackgraph.resolve.variants import (
    join_acronyms,
    join_aliases,
    join_described,
    join_known,
    join_possessors,
    merge_variants,
)


class Resolver:
    """Reference data for resolving places and actors, shared by all documents of a build.

    ``gazetteer_files`` are GeoNames dumps (``ML.txt``, ``allCountries.zip`` ...),
    which win over the supplementary table ``places`` (default: the shipped
    ``data/reference/places.tsv``), which wins over the packaged GeoNames subset.
    ``registry`` is the actor registry (default: the shipped ``actors.tsv``).
    Nothing is read before the first lookup; bad reference files raise
    :class:`attackgraph.errors.InputError` then, naming file and line.

    >>> resolver = Resolver()
    >>> resolver.actor("FAMa").slug, resolver.actor("Malian military").slug
    ('ml-armed-forces', 'ml-armed-forces')
    """

    def __init__(
        self,
        *,
        gazetteer_files: Sequence[Path] = (),
        registry: Path | None = None,
        places: Path | None = None,
    ) -> None:
        self.gazetteer_files = tuple(Path(p) for p in gazetteer_files)
        self.registry_path = registry
        self.places_path = places

    @cached_property
    def places(self) -> PlaceResolver:
        """The place resolver over all gazetteer layers (built on first use)."""
        layers = []
        if self.gazetteer_files:
            layers.append(open_dumps(self.gazetteer_files))
        layers.append(table_index(self.places_path or reference_file("places.tsv")))
        layers.append(open_packaged())
        return PlaceResolver(layers)

    @cached_property
    def actors(self) -> ActorResolver:
        """The actor resolver over the registry (loaded on first use)."""
        return ActorResolver(Registry.load(self.registry_path or reference_file("actors.tsv")))

    def place(
        self,
        name: str,
        *,
        country: str | None = None,
        region: str | None = None,
        kind: PlaceKind | None = None,
        coordinates: tuple[float, float] | None = None,
    ) -> PlaceRef:
        """Resolve a place name inside ``country`` (alpha-2 code or name) and ``region``.

        ``region`` is the stated container: a region or town name, or an ISO
        3166-2 code. An unresolvable name comes back with ``resolved=False``.
        """
        return self.places.place(
            name, country=country, region=region, kind=kind, coordinates=coordinates
        )

    def actor(self, name: str, *, country: str | None = None, person: bool = False) -> ActorRef:
        """Resolve an actor name; ``country`` is the document's country, if known."""
        return self.actors.actor(name, country=country, person=person)

    def containers(self, ref: PlaceRef) -> tuple[PlaceRef, ...]:
        """The places containing ``ref``, innermost first (region, then country)."""
        return self.places.chain(ref)[1:]


def resolve(extraction: Extraction, resolver: Resolver) -> Record:
    """Resolve every place and actor mention of one document.

    ``Record.places`` maps each ``PlaceMention.name`` to its place; ``Record.actors``
    maps every actor name of the extraction (sides' actors and commanders, events'
    perpetrators, claims' sources, intermediaries and actor objects) to its actor.
    Both also hold, keyed by slug, every place or actor those refer to (containing
    regions and countries, parent organisations, the states of state bodies), so
    that each slug a ref mentions has its own ref in the record.

    >>> from attackgraph.model import ActorMention, Document, EventRecord, EventClass, Span
    >>> from attackgraph.model import EventKind
    >>> span = Span(0, 0, "", 1)
    >>> doc = Document("d", "d.txt", "", "", span, (), (), ())
    >>> event = EventRecord("e", "E", EventClass.ATTACK, kind=EventKind.MAIN, country="ML",
    ...                     perpetrators=(ActorMention("Katibat Macina", span),))
    >>> resolve(Extraction(doc, event), Resolver()).actors["Katibat Macina"].part_of
    'jnim'
    """
    extraction = with_event_country(extraction, resolver.places)
    country = document_country(extraction)
    extraction = keep_event_sites(extraction, resolver.places, country)
    places: dict[str, PlaceRef] = {}
    for mention in extraction.places:
        if mention.name in places:
            continue
        places[mention.name] = resolver.place(
            mention.name,
            country=mention.country or country,
            region=mention.container,
            kind=mention.kind,
            coordinates=mention.coordinates,
        )
    text = extraction.text()  # what every stage reads
    former_states_as_country(extraction.places, places, resolver.places, country, text)
    _part_from_whole(extraction.places, places, resolver.places, country)
    add_spellings(extraction.places, places, text)
    actors: dict[str, ActorRef] = {}
    towns = town_names(extraction, resolver.places, country)
    for actor_mention, person in actor_mentions(extraction):
        if actor_mention.name not in actors and actor_mention.name not in towns:
            actors[actor_mention.name] = _actor(
                actor_mention.name, extraction, resolver, person=person, note=actor_mention.note
            )
    for claim in extraction.claims:
        statement = claim.statement
        if statement is not None and statement.object_kind == "actor":
            if statement.obj not in actors:
                actors[statement.obj] = _actor(statement.obj, extraction, resolver)
    minted = {name for name, ref in actors.items() if resolver.actors.by_slug(ref.slug) is None}
    actors = join_known(merge_variants(actors, minted), minted)
    actors = join_aliases(join_described(actors, minted), minted, text)
    actors = one_ref_per_slug(actors)
    actors = with_spellings(join_acronyms(actors, minted, text))
    actors = join_possessors(actors, minted)  # after the spellings: no "X's spokesman" alias of X
    _add_related(places, actors, resolver)
    extraction = commanders_as_people(extraction, actors)
    record = Record(extraction=extraction, places=places, actors=actors)
    conflicts = containment_conflicts(extraction, record, resolver)
    keep_stated_chain(extraction.places, places, set(conflicts), resolver.places.chain)
    contradicted = {name for name, _ in conflicts}
    keep_written_containers(extraction.places, places, text, contradicted)
    return replace(record, claims=_containment_claims(extraction, conflicts))


def _part_from_whole(
    mentions: tuple[PlaceMention, ...],
    places: dict[str, PlaceRef],
    resolver: PlaceResolver,
    country: str | None,
) -> None:
    """A stated container the gazetteer reads as the same place as what it contains
    ("Bellavista, Bojayá": GeoNames spells the town Bellavista also Bojayá, the document
    names the municipality it is the seat of) is a place of its own, as the document
    alone knows it: the gazetteer's record stays with the place inside."""
    for mention in mentions:
        outer_name = mention.container
        ref, outer = places.get(mention.name), places.get(outer_name or "")
        if outer_name is None or ref is None or outer is None or outer.slug != ref.slug:
            continue
        if mention.name == outer_name or outer.kind is PlaceKind.COUNTRY:
            continue
        places[outer_name] = resolver.unresolved(
            outer_name, country=mention.country or country, kind=PlaceKind.REGION
        )


def _containment_claims(
    extraction: Extraction, conflicts: list[tuple[str, str]]
) -> tuple[ClaimRecord, ...]:
    """The document's own containment statements the gazetteer contradicts, kept as
    deprecated claims with the two names as evidence."""
    spans = {mention.name: mention.span for mention in extraction.places}
    return tuple(
        ClaimRecord(
            kind=ClaimKind.OTHER,
            about=extraction.event.key,
            evidence=(spans[place], spans[container]),
            statement=Statement(place, "containedIn", container, "place", subject_kind="place"),
            rank=Rank.DEPRECATED,
        )
        for place, container in conflicts
        if place in spans and container in spans
    )


def _add_related(
    places: dict[str, PlaceRef], actors: dict[str, ActorRef], resolver: Resolver
) -> None:
    """Give every slug a ref points at its own ref: containers, parents, states.

    The extra entries are keyed by slug (mention names are never slugs in practice,
    and an existing key is never replaced), so the builder finds each once.
    """
    place_slugs = {ref.slug for ref in places.values()}
    actor_slugs = {ref.slug for ref in actors.values()}
    pending = list(actors.values())
    while pending:
        ref = pending.pop()
        if ref.part_of and ref.part_of not in actor_slugs:
            parent = resolver.actors.by_slug(ref.part_of)
            if parent is not None:
                actors.setdefault(parent.slug, parent)
                actor_slugs.add(parent.slug)
                pending.append(parent)
        if ref.state and ref.state not in place_slugs:
            state = resolver.places.country(ref.state)
            places.setdefault(state.slug, state)
            place_slugs.add(state.slug)
    for place in list(places.values()):
        for outer in resolver.containers(place):
            if outer.slug not in place_slugs:
                places.setdefault(outer.slug, outer)
                place_slugs.add(outer.slug)


PLACEHOLDERS: Final = frozenset(
    {
        "unknown",
        "unidentified",
        "not known",
        "none",
        "n a",
        "unknown perpetrators",
        "unknown attackers",
        "unknown gunmen",
        "unidentified gunmen",
        "unidentified attackers",
        "unidentified assailants",
    }
)
"""Actor names that name nobody in particular: never one identity across documents."""


def _actor(
    name: str,
    extraction: Extraction,
    resolver: Resolver,
    *,
    person: bool = False,
    note: str | None = None,
) -> ActorRef:
    """One actor name of a document: known, a bare state body of the document's country,
    a generic description (scoped to the document), or minted."""
    country = document_country(extraction)
    cleaned = named_part(clean_name(name))
    if actor_key(cleaned) in PLACEHOLDERS:
        return _placeholder(cleaned, extraction)
    if person:
        return resolver.actors.actor(cleaned, country=country, person=True, note=note)
    known = resolver.actors.known(cleaned, country=country)
    if known is not None:
        return known
    words = state_body_word(cleaned)
    force = named_police(extraction, country) if words == "police" else None
    if force is not None:  # "police" in a story that names its force: that force
        return resolver.actors.actor(force, country=country)
    body = resolver.actors.state_body(words, country) if words and country else None
    if body is not None:
        return body
    if is_generic(cleaned) or is_common_word(cleaned, extraction.text()):
        text = extraction.text()
        if is_described_party(cleaned, text) or names_proper_party(cleaned, text):
            return _described(cleaned, extraction)
        return _placeholder(cleaned, extraction)
    return resolver.actors.actor(cleaned, country=country, note=note)


def _placeholder(name: str, extraction: Extraction) -> ActorRef:
    """An actor known only as "unknown" or by a generic description ("witnesses"): its
    own identity within its document, named as written (without "the")."""
    key = actor_key(name) or name  # "-" has no key, but is its own name
    slug = f"{slugify(key)}-{slugify(extraction.document.doc_id)}"
    return ActorRef(slugify(slug), strip_the(name.strip()), "Actor", "unnamed-party")


def _described(name: str, extraction: Extraction) -> ActorRef:
    """A party a generic description names by its country or place ("US investigators",
    "Berlin police"): its own identity within its document, like a generic description,
    but a named actor, not an unnamed party."""
    ref = _placeholder(name, extraction)
    return replace(ref, actor_type=None)


def containment_conflicts(
    extraction: Extraction, record: Record, resolver: Resolver
) -> list[tuple[str, str]]:
    """Where the document puts a place in a container the gazetteer contradicts.

    Returns ``(place mention name, stated container name)`` pairs, e.g.
    ``("Niono", "Mopti region")`` for the sample document: GeoNames puts Niono in
    Ségou Region. The record keeps the gazetteer's containment; the builder can
    emit the document's statement as a claim of rank ``deprecated``. A pair is
    reported only when both the place and the stated container resolve, and the
    container is a country the place is not in, or a region while the gazetteer
    knows the place's region and it is another one.
    """
    country = document_country(extraction)
    conflicts: list[tuple[str, str]] = []
    for mention in extraction.places:
        ref = record.places.get(mention.name)
        if mention.container is None or ref is None or not ref.resolved:
            continue
        stated = resolver.place(mention.container, country=mention.country or country)
        if not stated.resolved or stated.slug == ref.slug:
            continue
        chain = resolver.containers(ref)
        if stated.slug in {c.slug for c in chain}:
            continue
        if stated.kind is PlaceKind.COUNTRY:
            wrong = ref.country is not None and ref.country != stated.country
        elif stated.kind is PlaceKind.REGION:
            wrong = any(c.kind is PlaceKind.REGION for c in chain) or (
                ref.country is not None and ref.country != stated.country
            )
        else:
            wrong = False
        if wrong:
            conflicts.append((mention.name, mention.container))
    return conflicts


def place_nodes(record: Record, resolver: Resolver) -> dict[str, PlaceRef]:
    """Every place a record's graph needs, by slug: the mentioned ones and their containers.

    The builder emits one ``ag:Place`` per value; ``ag:containedIn`` of each points
    at another key of this mapping (or is absent).
    """
    nodes: dict[str, PlaceRef] = {}
    for ref in record.places.values():
        nodes.setdefault(ref.slug, ref)
        for outer in resolver.containers(ref):
            nodes.setdefault(outer.slug, outer)
    return dict(sorted(nodes.items()))
