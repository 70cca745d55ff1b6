"""The infobox mapping: one reviewable table from infobox keys to ontology terms.

Like DBpedia's mappings, each row names the keys (every spelling variant seen in
articles), the reader that interprets the value and the ``ag:`` term it feeds.
Keys are compared after :func:`normalise_key` (case, spaces, underscores, hyphens
and brackets ignored), so ``Part of`` = ``Partof`` and ``Perpetrator(s)`` =
``Perpetrators``. A key missing from this table is kept in the raw layer
(``raw:{key}``), never dropped.

| reader | what it does with the value |
| --- | --- |
| ``name`` | another name of the event (``schema:alternateName`` when it differs from the title) |
| ``conflict`` | wider conflicts the event is part of (``ag:partOf`` an ``ag:ArmedConflict``) |
| ``date`` | ``ag:date`` or ``ag:startDate``/``ag:endDate`` with ``ag:datePrecision`` |
| ``places`` | sites, region and country (``ag:location``, ``ag:country``, ``ag:containedIn``) |
| ``coordinates`` | a WGS84 point for the main site |
| ``combatants`` | the actors of side *n* (``ag:Side``, ``ag:member``, ``ag:participant``) |
| ``commanders`` | commanders of side *n* (``ag:commander``; ``†`` = ``ag:killedIn``) |
| ``perpetrators`` | ``ag:perpetrator`` actors |
| ``casualties`` | casualty figures, one claim of the document per line |
| ``event-types`` | ``ag:eventType`` concepts from attack-type words |
| ``text`` | a literal property (``term``) kept as written |

A ``Combatant`` value's parties written in its structure are members of that side as
well (:func:`attackgraph.extract.units.side_parties`): a state's bodies in brackets after
a country ("Kenya (Kenya Navy, General Service Unit)", read as a ``Units`` value's units
are), a coalition's states in brackets ("Lake Patrol Force (Uganda, Kenya)"), a list's
heading ("Kenya: Kenya Army, Kenya Police").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

from attackgraph.model import EventProperty, EventType, Outcome, PopulationGroup

SideText = Literal["strength", "units"]
"""``ag:`` properties of a side whose value is the infobox text as written."""


@dataclass(frozen=True)
class FieldRule:
    """How one infobox field is read."""

    reader: str
    term: EventProperty | SideText | None = None
    """``ag:`` local name for ``text`` readers."""
    side: int | None = None
    """Side number for ``combatants``/``commanders``/``casualties``/side texts."""
    outcome: Outcome | None = None
    """Default outcome for casualty fields that name none (``Deaths`` -> killed)."""
    group: PopulationGroup | None = None
    """Default population group for casualty fields that name none."""


def _sides(prefix: str, rule: FieldRule, count: int = 3) -> dict[tuple[str, ...], FieldRule]:
    return {
        (f"{prefix}{n}", f"{prefix} {n}"): FieldRule(rule.reader, rule.term, side=n)
        for n in range(1, count + 1)
    }


MAPPING: Final[dict[tuple[str, ...], FieldRule]] = {
    ("Conflict", "Title", "Name"): FieldRule("name"),
    ("Partof", "Part of"): FieldRule("conflict"),
    ("Date", "Dates"): FieldRule("date"),
    ("Place", "Location", "Locations"): FieldRule("places"),
    ("Coordinates", "Coords"): FieldRule("coordinates"),
    ("Result", "Outcome"): FieldRule("text", "result"),
    ("Target", "Targets"): FieldRule("text", "targetDescription"),
    ("Type", "Attack type", "Types"): FieldRule("event-types"),
    ("Weapons", "Weapon"): FieldRule("text", "weapon"),
    ("Motive", "Motives"): FieldRule("text", "motive"),
    ("Perpetrator", "Perpetrators", "Perpetrator(s)", "Attackers"): FieldRule("perpetrators"),
    ("Deaths", "Fatalities", "Killed"): FieldRule("casualties", outcome="killed", group="total"),
    ("Injuries", "Injured", "Non-fatal injuries", "Wounded"): FieldRule(
        "casualties", outcome="injured", group="total"
    ),
    ("Missing",): FieldRule("casualties", outcome="missing", group="total"),
    ("Victims", "Hostages"): FieldRule("casualties", outcome="captured", group="hostages"),
    **_sides("Combatant", FieldRule("combatants")),
    **_sides("Commander", FieldRule("commanders")),
    **_sides("Strength", FieldRule("text", "strength")),
    **_sides("Units", FieldRule("text", "units")),
    **_sides("Casualties", FieldRule("casualties")),
}
"""Keys (all spellings) -> rule. ``Victims``/``Hostages`` count people taken."""

_NOT_KEY: Final = re.compile(r"[\s_\-()\[\]]+")


def normalise_key(key: str) -> str:
    """Compare infobox keys ignoring case, spaces, underscores, hyphens, brackets.

    >>> normalise_key("Perpetrator(s)"), normalise_key("Part of"), normalise_key("Casualties 2")
    ('perpetrators', 'partof', 'casualties2')
    """
    return _NOT_KEY.sub("", key.casefold())


_RULES: Final[dict[str, FieldRule]] = {
    normalise_key(key): rule for keys, rule in MAPPING.items() for key in keys
}


def rule_for(key: str) -> FieldRule | None:
    """The rule for an infobox key, or ``None`` when the mapping does not cover it.

    >>> rule_for("Fatalities").outcome, rule_for("Combatant2").side, rule_for("Timezone")
    ('killed', 2, None)
    """
    return _RULES.get(normalise_key(key))


EVENT_TYPE_WORDS: Final[tuple[tuple[str, EventType], ...]] = (
    (r"suicide (?:car |truck |vehicle )?bomb", "suicide-bombing"),
    (r"car bomb|truck bomb|vehicle[- ]borne|vbied|explosive-laden vehicle", "vehicle-bombing"),
    (r"hostage|siege of a|kidnap", "hostage-taking"),
    (r"abduct", "kidnapping"),
    (r"mass shooting|shooting|gunfire|shootout|shot", "shooting"),
    (r"bomb|explosi|ied\b|grenade", "bombing"),
    (r"massacre|mass murder|mass killing", "massacre"),
    (r"ambush", "ambush"),
    (r"air ?strike|air raid|drone strike", "airstrike"),
    (r"battle", "battle"),
    (r"siege", "siege"),
    (r"raid", "raid"),
    (r"arson|set (?:on )?fire|burn", "arson"),
    (r"stabbing|knife|machete", "stabbing"),
    (r"coordinated|simultaneous", "coordinated-attack"),
    (r"assault|storm", "armed-assault"),
    (r"attack", "armed-attack"),
)
"""Attack-type words (regex, lower case) -> event-type concept; first match per phrase."""

_EVENT_TYPE_RES: Final = tuple((re.compile(p), c) for p, c in EVENT_TYPE_WORDS)


def event_types(text: str) -> tuple[EventType, ...]:
    """Event-type concepts named in a phrase, in order of appearance, without repeats.

    Each comma- or semicolon-separated part gives at most one concept (its most
    specific match).

    >>> event_types("Mass shooting, hostage-taking, suicide bombing")
    ('shooting', 'hostage-taking', 'suicide-bombing')
    >>> event_types("Battle of El Adde")
    ('battle',)
    """
    found: list[EventType] = []
    for part in re.split(r"[,;/]|\band\b", text.casefold()):
        for pattern, concept_ in _EVENT_TYPE_RES:
            if pattern.search(part):
                if concept_ not in found:
                    found.append(concept_)
                break
    return tuple(found)
