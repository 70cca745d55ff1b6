"""Read a document's infobox through the mapping table (``mapping.py``).

Pure: ``read_infobox(doc)`` looks only at ``doc.infobox``. Each casualty line becomes
one claim of the document per stated source, with the infobox line as evidence;
whatever a reader cannot interpret is kept as a :class:`RawValue` and reported as a
warning, never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

from attackgraph.extract import claims_limit
from attackgraph.extract.casualties import ParsedFigure, parse_casualty_field
from attackgraph.extract.dates import parse_date
from attackgraph.extract.lists import Item, parse_coordinates, split_items, sub_span
from attackgraph.extract.mapping import FieldRule, event_types, rule_for
from attackgraph.extract.places import near_phrases, split_places
from attackgraph.extract.units import side_parties, unit_mentions
from attackgraph.model import (
    ActorMention,
    ClaimKind,
    ClaimRecord,
    DateRange,
    Document,
    EventProperty,
    EventType,
    Figure,
    InfoboxEntry,
    PlaceMention,
    PopulationGroup,
    Problem,
    Rank,
    RawValue,
    SideRecord,
    Span,
)
from attackgraph.reference.countries import country_code, demonym_countries

MAIN = "main"
"""Event key of the document's main event."""

MILITARY_KEYS = frozenset({"combatants", "commanders"})


@dataclass
class InfoboxFacts:
    """What the infobox says, before it is assembled into events."""

    family: str = "none"
    names: list[str] = field(default_factory=list)
    conflicts: list[Item] = field(default_factory=list)
    date: DateRange | None = None
    places: tuple[PlaceMention, ...] = ()
    event_types: list[EventType] = field(default_factory=list)
    perpetrators: list[ActorMention] = field(default_factory=list)
    properties: list[tuple[EventProperty, Span]] = field(default_factory=list)
    sides: list[SideRecord] = field(default_factory=list)
    claims: list[ClaimRecord] = field(default_factory=list)
    raw: list[RawValue] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    unread: int | None = None
    """The line from which the casualty lines were not read: their claims reached the
    claims limit (see :func:`read_infobox`); ``None``: all were read."""


@dataclass
class _SideParts:
    combatants: list[ActorMention] = field(default_factory=list)
    commanders: list[ActorMention] = field(default_factory=list)
    strength: list[Span] = field(default_factory=list)
    units: list[Span] = field(default_factory=list)
    listed: list[ActorMention] = field(default_factory=list)
    """The parties a ``Combatant`` field names besides its items (``side_parties``)."""

    def record(self, number: int) -> SideRecord:
        units = (m for span in self.units for m in unit_mentions(span))
        return SideRecord(
            number,
            tuple(self.combatants),
            tuple(self.commanders),
            tuple(self.strength),
            tuple(self.units),
            tuple(dict.fromkeys((*units, *self.listed))),
        )


UNNAMED = frozenset({"unknown", "unidentified", "n/a", "none", "various", "disputed"})
"""Words that fill a party field without naming anyone: kept raw, no actor minted."""


def _actors(entry: InfoboxEntry, facts: InfoboxFacts) -> list[ActorMention]:
    actors = []
    for item in split_items(entry.value_span):
        if item.name.casefold() in UNNAMED:
            facts.raw.append(RawValue(entry.key, item.span))
        else:
            actors.append(ActorMention(item.name, item.span, item.note, item.killed))
    return actors


def _warn(doc: Document, entry: InfoboxEntry, rule: str, message: str) -> Problem:
    return Problem(doc.source, entry.line, rule, message)


def read_infobox(doc: Document, max_claims: int | None = None) -> InfoboxFacts:
    """Interpret every infobox entry of ``doc``; see ``mapping.MAPPING`` for the keys.

    With ``max_claims``, the casualty lines are read until their claims reach it
    (:mod:`~attackgraph.extract.claims_limit`: a claim counts once per figure): those
    within it are kept and :attr:`InfoboxFacts.unread` is the line of the first claim
    left out (or of the first line not read).

    >>> from attackgraph.parse import parse
    >>> doc = parse(b"= Raid =\\n\\nInfobox\\n- Deaths: 3 (per X), 4 (per Y)\\n"
    ...             b"- Injuries: 9\\n\\nA raid.\\n", "raid.txt")
    >>> [(len(f.claims), f.unread) for f in (read_infobox(doc), read_infobox(doc, 1))]
    [(3, None), (1, 4)]
    """
    facts = InfoboxFacts()
    ruled = [(entry, rule_for(entry.key)) for entry in doc.infobox]
    coordinates = _read_coordinates(doc, ruled, facts)
    sides: dict[int, _SideParts] = {}
    casualty_entries: list[tuple[InfoboxEntry, FieldRule]] = []
    for entry, rule in ruled:
        if rule is None:
            facts.raw.append(RawValue(entry.key, entry.value_span))
            continue
        if not entry.value:
            continue
        if rule.reader in MILITARY_KEYS or (rule.reader == "casualties" and rule.side):
            facts.family = "military_conflict"
        elif facts.family == "none":
            facts.family = "civilian_attack"
        _read_entry(doc, entry, rule, facts, sides, coordinates, casualty_entries)
    facts.sides = [parts.record(number) for number, parts in sorted(sides.items())]
    for entry, rule in casualty_entries:
        if max_claims is not None and claims_limit.weight(facts.claims) >= max_claims:
            facts.unread = entry.span.line
            break
        _read_casualties(doc, entry, rule, facts)
    keep = len(facts.claims) if max_claims is None else claims_limit.kept(facts.claims, max_claims)
    if keep < len(facts.claims):
        facts.unread = facts.claims[keep].evidence[0].line
        del facts.claims[keep:]
    return facts


def _read_coordinates(
    doc: Document, ruled: list[tuple[InfoboxEntry, FieldRule | None]], facts: InfoboxFacts
) -> tuple[float, float] | None:
    for entry, rule in ruled:
        if rule is not None and rule.reader == "coordinates" and entry.value:
            point = parse_coordinates(entry.value)
            if point is None:
                facts.warnings.append(
                    _warn(doc, entry, "extract/coordinates", f"cannot read {entry.value!r}")
                )
                facts.raw.append(RawValue(entry.key, entry.value_span))
            return point
    return None


def _read_entry(
    doc: Document,
    entry: InfoboxEntry,
    rule: FieldRule,
    facts: InfoboxFacts,
    sides: dict[int, _SideParts],
    coordinates: tuple[float, float] | None,
    casualty_entries: list[tuple[InfoboxEntry, FieldRule]],
) -> None:
    value = entry.value_span
    reader = rule.reader
    if reader == "name":
        facts.names.append(entry.value)
    elif reader == "conflict":
        facts.conflicts.extend(split_items(value))
    elif reader == "date":
        facts.date = parse_date(entry.value)
        if facts.date is None:
            message = f"cannot read the date {entry.value!r}; kept in the raw layer"
            facts.warnings.append(_warn(doc, entry, "extract/date", message))
            facts.raw.append(RawValue(entry.key, value))
    elif reader == "places":
        facts.places = split_places(value, coordinates, doc.text)
        facts.raw.extend(RawValue(entry.key, near) for near in near_phrases(value))
        if coordinates is not None and all(p.coordinates is None for p in facts.places):
            message = "coordinates given for several sites: kept in the raw layer, not guessed"
            facts.warnings.append(_warn(doc, entry, "extract/coordinates", message))
            facts.raw.extend(
                RawValue(other.key, other.value_span)
                for other in doc.infobox
                if (rule_ := rule_for(other.key)) is not None and rule_.reader == "coordinates"
            )
    elif reader == "event-types":
        found = event_types(entry.value)
        facts.event_types.extend(t for t in found if t not in facts.event_types)
        if not found:
            facts.raw.append(RawValue(entry.key, value))
    elif reader == "perpetrators":
        facts.perpetrators.extend(_actors(entry, facts))
    elif reader in ("combatants", "commanders") and rule.side is not None:
        parts = sides.setdefault(rule.side, _SideParts())
        actors = parts.combatants if reader == "combatants" else parts.commanders
        actors.extend(_actors(entry, facts))
        if reader == "combatants":
            parts.listed.extend(side_parties(value))
    elif reader == "text" and rule.term in ("strength", "units") and rule.side is not None:
        parts = sides.setdefault(rule.side, _SideParts())
        (parts.strength if rule.term == "strength" else parts.units).append(value)
    elif reader == "text" and rule.term not in (None, "strength", "units"):
        facts.properties.append((cast(EventProperty, rule.term), value))  # the others, above
    elif reader == "casualties":
        casualty_entries.append((entry, rule))


def _default_group(side: SideRecord | None) -> PopulationGroup:
    """Soldiers for a state's side, militants for any other side, else everyone."""
    if side is None or not side.actors:
        return "total"
    names = (side.actors[0].name, side.actors[0].note or "")
    return "soldiers" if any(country_code(n) for n in names) else "militants"


def _read_casualties(
    doc: Document, entry: InfoboxEntry, rule: FieldRule, facts: InfoboxFacts
) -> None:
    parsed = parse_casualty_field(
        entry.value_span, default_outcome=rule.outcome, default_group=rule.group
    )
    side = next((s for s in facts.sides if s.number == rule.side), None)
    for fragment in parsed.unparsed:
        facts.raw.append(RawValue(entry.key, fragment))
    by_source: dict[str | None, list[ParsedFigure]] = {}
    for figure in parsed.figures:
        by_source.setdefault(figure.source, []).append(figure)
    for source, figures in by_source.items():
        facts.claims.append(
            ClaimRecord(
                kind=ClaimKind.CASUALTIES,
                about=MAIN,
                evidence=(entry.span,),
                source=_source_mention(entry, source, figures) if source else None,
                figures=tuple(_figure(f, side) for f in figures),
                rank=Rank.PREFERRED if source is None else Rank.NORMAL,
            )
        )


def _figure(parsed: ParsedFigure, side: SideRecord | None) -> Figure:
    return Figure(
        quantity=parsed.quantity,
        group=parsed.group or _default_group(side),
        outcome=parsed.outcome,
        span=parsed.span,
        group_label=parsed.group_label,
        side=side.number if side else None,
        party=_party(parsed.party, side),
    )


def _countries(name: str) -> set[str]:
    code = country_code(name)
    return {code} if code else set(demonym_countries(name))


def _party(party: str | None, side: SideRecord | None) -> ActorMention | None:
    """The side's actor a figure's party words name ("US" -> United States), if any."""
    if party is None or side is None:
        return None
    codes = _countries(party)
    for actor in side.actors:
        if actor.name.casefold() == party.casefold() or codes & _countries(actor.name):
            return actor
    return None


def _source_mention(
    entry: InfoboxEntry, source: str, figures: Iterable[ParsedFigure]
) -> ActorMention:
    """The stated source as a mention, spanning its words in the line when found."""
    span = entry.span
    at = span.text.find(source)
    if at >= 0:
        return ActorMention(source, sub_span(span, at, at + len(source)))
    first = next(iter(figures))
    return ActorMention(source, first.span)
