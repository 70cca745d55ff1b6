"""The values the pipeline stages pass along: frozen dataclasses, no behaviour.

parse   -> :class:`Document` (``document.py``)
extract -> :class:`Extraction`
resolve -> :class:`Record`
to_rdf  -> quads (see ``to_rdf.py``)

The controlled values are typed in ``concepts.py``, the errors in ``errors.py``; this
module re-exports both, and the document types, so that a stage imports its types from
one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from attackgraph.concepts import ActorType as ActorType
from attackgraph.concepts import ClaimKind as ClaimKind
from attackgraph.concepts import DatePrecision as DatePrecision
from attackgraph.concepts import EstimateType as EstimateType
from attackgraph.concepts import EventType as EventType
from attackgraph.concepts import LocationPrecision as LocationPrecision
from attackgraph.concepts import Outcome as Outcome
from attackgraph.concepts import PlaceKind as PlaceKind
from attackgraph.concepts import PopulationGroup as PopulationGroup
from attackgraph.concepts import Rank as Rank
from attackgraph.document import Block as Block
from attackgraph.document import BlockKind as BlockKind
from attackgraph.document import Document as Document
from attackgraph.document import InfoboxEntry as InfoboxEntry
from attackgraph.document import Section as Section
from attackgraph.document import Span as Span
from attackgraph.errors import AttackgraphError as AttackgraphError
from attackgraph.errors import InputError as InputError
from attackgraph.errors import OptionError as OptionError
from attackgraph.errors import Problem as Problem

# ---------------------------------------------------------------------------
# controlled values: the SKOS concept schemes are typed in ``concepts.py``; the types
# below name ontology classes and properties the model refers to


ActorClass = Literal["Actor", "ArmedGroup", "StateActor", "Organization", "Person"]
"""``ag:Actor`` and its subclasses (``tests/test_ontology.py`` checks them against the
ontology); the registry's ``class`` column takes these values."""
EventProperty = Literal["result", "targetDescription", "weapon", "motive"]
"""``ag:`` properties of an event whose value is the infobox text as written."""
EventRelation = Literal["precedes", "followsUp", "relatedTo"]
"""``ag:`` properties linking another event of the document to the one it concerns."""
StatementPredicate = Literal["perpetrator", "location", "containedIn"]
"""``ag:`` properties a triple-shaped claim (:class:`Statement`) asserts."""
StatementObject = Literal["actor", "place", "event"]
StatementSubject = Literal["event", "place"]


class EventClass(StrEnum):
    ATTACK = "Attack"
    CONFLICT = "ArmedConflict"
    EVENT = "Event"


class EventKind(StrEnum):
    """What an event is to its document; the build mints its IRI accordingly."""

    MAIN = "main"
    """The document's subject."""
    SITE = "site"
    """The main event at one of its several sites (its one place names it)."""
    CONFLICT = "conflict"
    """A wider conflict the main event is part of."""
    INCIDENT = "incident"
    """A background, separate or follow-up incident the prose reports."""


# ---------------------------------------------------------------------------
# extract: Document -> Extraction


@dataclass(frozen=True)
class DateValue:
    """An ISO date at some precision: ``2022-04-24``, ``2022-04`` or ``2022``."""

    lexical: str
    precision: DatePrecision


@dataclass(frozen=True)
class DateRange:
    start: DateValue
    end: DateValue | None = None


@dataclass(frozen=True)
class Quantity:
    """How many, as stated: an exact or approximate value, bounds, or only vague words.

    ``value`` is set for exact and approximate amounts ("15", "~100", "a dozen");
    ``minimum``/``maximum`` for bounds and ranges ("at least 27", "21+", "50–150");
    all three are ``None`` for vague amounts ("dozens", "hundreds"), which keep
    ``approximate=True`` and never get an invented number.
    """

    value: int | None
    minimum: int | None
    maximum: int | None
    approximate: bool
    text: str
    """The words that state the amount, as written."""

    @property
    def estimate_type(self) -> EstimateType:
        """Local name of the estimate-type concept.

        >>> Quantity(15, None, None, False, "15").estimate_type
        'exact'
        >>> Quantity(None, 21, None, False, "21+").estimate_type
        'at-least'
        >>> Quantity(None, None, None, True, "dozens").estimate_type
        'vague'
        """
        if self.value is None and self.minimum is None and self.maximum is None:
            return "vague"
        if self.approximate:
            return "approximate"
        if self.value is not None:
            return "exact"
        if self.minimum is not None and self.maximum is not None:
            return "range"
        return "at-least" if self.minimum is not None else "at-most"


@dataclass(frozen=True)
class Figure:
    """One casualty figure: (event, group, outcome[, side]) -> quantity."""

    quantity: Quantity
    group: PopulationGroup
    """Population-group concept local name (``soldiers``, ``civilians``, ``total`` ...)."""
    outcome: Outcome
    """Outcome concept local name (``killed``, ``injured``, ``captured`` ...)."""
    span: Span
    """The words the figure was read from (inside the claim's evidence)."""
    group_label: str | None = None
    """The group words as written when they are narrower than the concept ("coast guard")."""
    side: int | None = None
    """Side number (1, 2, 3) when the figure belongs to one side of the fighting."""
    party: ActorMention | None = None
    """The party the figure counts, when the text names one of the side's actors
    ("Mali: 11 killed; France: 1 killed")."""
    qualifier: str | None = None
    """The subgroup of the people counted, as written, when the figure counts only part
    of them: a nationality ("thirty of them British") or an organisation ("six of its
    crew" of an airline). Such a figure is never the event's total."""


@dataclass(frozen=True)
class ActorMention:
    """A party named in the document; identity is decided by the resolve stage."""

    name: str
    span: Span
    note: str | None = None
    """A parenthetical qualifier written with the name, e.g. ``AMISOM``."""
    killed: bool = False
    """Marked with a dagger (``†``) in the infobox: killed in the event."""
    person: bool = False
    """Read as a person's name (a PERSON entity of the prose)."""


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the document, with the containment the text states."""

    name: str
    kind: PlaceKind
    span: Span
    container: str | None = None
    """Name of the next enclosing place as the document states it."""
    country: str | None = None
    """ISO 3166-1 alpha-2 code of the country the document puts it in."""
    coordinates: tuple[float, float] | None = None
    """(latitude, longitude) in WGS84 when the document gives them."""
    near: bool = False
    """Written as "near X": the event happened close to this place, not inside it."""
    prose: bool = False
    """Named only in the story ("burst into the Palace cinema"), not in the infobox or
    the lead: kept only where the gazetteer does not put it far from the event."""


@dataclass(frozen=True)
class SideRecord:
    """One side of the fighting (``Combatant1`` ... and its commanders, strength)."""

    number: int
    actors: tuple[ActorMention, ...]
    commanders: tuple[ActorMention, ...] = ()
    strength: tuple[Span, ...] = ()
    units: tuple[Span, ...] = ()
    unit_members: tuple[ActorMention, ...] = ()
    """The units the ``Units`` field names, each a member of the side."""


@dataclass(frozen=True)
class Statement:
    """A triple-shaped assertion of a claim (``rdf:subject/predicate/object``).

    ``subject`` is an event key or a place name (``subject_kind``); ``predicate`` an
    ``ag:`` local name; the object is an actor name, place name or event key according
    to ``object_kind``.
    """

    subject: str
    predicate: StatementPredicate
    obj: str
    object_kind: StatementObject
    subject_kind: StatementSubject = "event"


@dataclass(frozen=True)
class ClaimRecord:
    """Who said what about which event, and where in the text."""

    kind: ClaimKind
    about: str
    """Key of the event it is about (see :class:`EventRecord`)."""
    evidence: tuple[Span, ...]
    source: ActorMention | None = None
    """``None``: the document itself says it."""
    via: ActorMention | None = None
    """Intermediary that relayed it (``obtained by AFP``)."""
    figures: tuple[Figure, ...] = ()
    statement: Statement | None = None
    rank: Rank = Rank.NORMAL


@dataclass(frozen=True)
class EventRecord:
    """An event named in the document; ``key`` is unique within the extraction.

    Keys are opaque: what the event is to its document is ``kind``, never read from
    the key.
    """

    key: str
    name: str
    event_class: EventClass
    kind: EventKind = field(kw_only=True)
    alternate_names: tuple[str, ...] = ()
    event_types: tuple[EventType, ...] = ()
    """Event-type concept local names."""
    date: DateRange | None = None
    places: tuple[str, ...] = ()
    """Names of places (see ``Extraction.places``) where it happened."""
    country: str | None = None
    """ISO 3166-1 alpha-2 code."""
    part_of: tuple[str, ...] = ()
    """Keys of the events it is part of."""
    perpetrators: tuple[ActorMention, ...] = ()
    targets: tuple[str, ...] = ()
    """Target descriptions as written (not identities)."""
    properties: tuple[tuple[EventProperty, Span], ...] = ()
    """Mapped literal properties: (``ag:`` local name, value span), e.g. weapon, result."""
    related: tuple[tuple[EventRelation, str], ...] = ()
    """Links to other events: (``ag:`` property local name, event key), e.g.
    ``("precedes", "main")`` for a background incident."""


@dataclass(frozen=True)
class RawValue:
    """An infobox value (or the part of one) the mapping could not read: kept, not dropped."""

    key: str
    span: Span


@dataclass(frozen=True)
class Extraction:
    """Everything read from one document, before identities are resolved."""

    document: Document
    event: EventRecord
    """The main event (the document's subject)."""
    events: tuple[EventRecord, ...] = ()
    """Other events: sub-events, the wider conflicts, background incidents."""
    places: tuple[PlaceMention, ...] = ()
    sides: tuple[SideRecord, ...] = ()
    claims: tuple[ClaimRecord, ...] = ()
    raw: tuple[RawValue, ...] = ()
    warnings: tuple[Problem, ...] = ()
    """Things read with doubt; reported, never fatal."""
    actors: tuple[ActorMention, ...] = ()
    """People and organisations the prose names that no side, event or claim names."""
    read: str | None = None
    """The start of the document's text that was read, when a limit stopped the reading
    before the end (:mod:`attackgraph.limits`); ``None``: the whole text was read."""

    def all_events(self) -> tuple[EventRecord, ...]:
        return (self.event, *self.events)

    def text(self) -> str:
        """The text every stage reads: the document's, or the part of it a limit left."""
        return self.document.text if self.read is None else self.read


# ---------------------------------------------------------------------------
# resolve: mentions -> identities


@dataclass(frozen=True)
class PlaceRef:
    """A place identity: the slug its IRI is minted from, plus what is known of it."""

    slug: str
    name: str
    kind: PlaceKind
    container: str | None = None
    """Slug of the enclosing place."""
    country: str | None = None
    """ISO 3166-1 alpha-2 code."""
    also_in: tuple[str, ...] = ()
    """Slugs of further enclosing places the document states, beside the gazetteer's
    ``container`` ("Westlands" in "Nairobi" where GeoNames names only the region)."""
    point: tuple[float, float] | None = None
    """(latitude, longitude) WGS84."""
    aliases: tuple[str, ...] = ()
    """Further names the document writes it by ("Marawi" for GeoNames' "Marawi City")."""
    iso3166_2: str | None = None
    geonames_id: int | None = None
    precision: LocationPrecision | None = None
    """Location-precision concept local name."""
    resolved: bool = False
    """True when a gazetteer or the registry confirmed the identity."""


@dataclass(frozen=True)
class ActorRef:
    """An actor identity."""

    slug: str
    name: str
    actor_class: ActorClass
    """``ag:`` class local name."""
    actor_type: ActorType | None = None
    """Actor-type concept local name."""
    part_of: str | None = None
    """Slug of the parent organisation."""
    state: str | None = None
    """Slug of the country place this actor belongs to (government, armed forces)."""
    same_as: tuple[str, ...] = ()
    """External IRIs (Wikidata)."""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Record:
    """An extraction with every place and actor mention resolved to an identity."""

    extraction: Extraction
    places: dict[str, PlaceRef] = field(default_factory=dict)
    """Place mention name -> identity; also every place a ref points at (containers,
    states), keyed by slug, so that each slug the graph names has its own ref."""
    actors: dict[str, ActorRef] = field(default_factory=dict)
    """Actor mention name -> identity."""
    claims: tuple[ClaimRecord, ...] = ()
    """Claims found while resolving, e.g. a containment the gazetteer contradicts
    (kept with rank deprecated)."""
