"""The values the pipeline stages pass along: frozen dataclasses, no behaviour.

parse  -> :class:`Document`
extract -> :class:`Extraction`
resolve -> :class:`Record`
build   -> quads (see ``build.py``)

Offsets are Unicode code points into ``Document.text`` (NFC, LF line ends), end
exclusive, so ``doc.text[span.begin:span.end] == span.text`` always holds.
Lines are 1-based line numbers of the input file.
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

# ---------------------------------------------------------------------------
# errors


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, rendered as ``file:line: rule-id: message``.

    >>> str(Problem("a.txt", 3, "parse/duplicate-key", "key 'Date' appears twice"))
    "a.txt:3: parse/duplicate-key: key 'Date' appears twice"
    """

    source: str
    line: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.rule}: {self.message}"


class AttackgraphError(Exception):
    """The root of every error attackgraph raises on purpose, with a message for people.

    Catch this one to handle them all; ``cli.py`` turns it into a click error in one
    place. Anything else that escapes the library is a bug and keeps its traceback.
    Errors that used to be a ``ValueError`` or ``RuntimeError`` still are one too.

    >>> issubclass(InputError, AttackgraphError), issubclass(OptionError, ValueError)
    (True, True)
    """


class OptionError(AttackgraphError, ValueError):
    """An option the caller gave that cannot be used: a base IRI, a date, a file type.

    >>> str(OptionError("not a usable base IRI: 'x'"))
    "not a usable base IRI: 'x'"
    """


class InputError(AttackgraphError):
    """A document (or file) that cannot be processed; carries the :class:`Problem`."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


# ---------------------------------------------------------------------------
# parse: bytes -> Document


@dataclass(frozen=True)
class Span:
    """A stretch of the document text: ``text == doc.text[begin:end]``."""

    begin: int
    end: int
    text: str
    line: int


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    BULLET = "bullet"


@dataclass(frozen=True)
class Block:
    """A paragraph, or one bulleted line (its span excludes the leading ``- ``)."""

    kind: BlockKind
    span: Span


@dataclass(frozen=True)
class InfoboxEntry:
    """One ``- Key: Value`` line; ``span`` covers ``Key: Value`` (no ``- ``)."""

    key: str
    value: str
    line: int
    span: Span
    value_span: Span


@dataclass(frozen=True)
class Section:
    """A ``== Heading ==`` section (any depth) and the blocks up to the next heading."""

    title: str
    level: int
    heading: Span
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Document:
    """A parsed input document."""

    doc_id: str
    """File name without extension, as given (the slug is minted elsewhere)."""
    source: str
    """The path as the user gave it, for messages."""
    text: str
    """The whole text, NFC-normalised, LF line ends, without a BOM."""
    sha256: str
    """Hex SHA-256 of the input bytes (checkable with ``sha256sum``)."""
    title: Span
    infobox: tuple[InfoboxEntry, ...]
    lead: tuple[Block, ...]
    sections: tuple[Section, ...]

    def blocks(self) -> tuple[Block, ...]:
        """Every paragraph and bullet in reading order (lead, then sections)."""
        return self.lead + tuple(b for s in self.sections for b in s.blocks)


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


@dataclass(frozen=True)
class SideRecord:
    """One side of the fighting (``Combatant1`` ... and its commanders, strength)."""

    number: int
    actors: tuple[ActorMention, ...]
    commanders: tuple[ActorMention, ...] = ()
    strength: tuple[Span, ...] = ()
    units: tuple[Span, ...] = ()


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

    def all_events(self) -> tuple[EventRecord, ...]:
        return (self.event, *self.events)


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
