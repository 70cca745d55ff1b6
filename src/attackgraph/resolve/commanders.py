"""A side's commanders are people: a ``Commander`` entry that names something else
(an armed group of the registry, or a name the document also gives a combatant) is
kept as a member of that side, with a warning, instead of an ``ag:commander`` that
the shapes reject (which skipped the whole document).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Final

from attackgraph.model import ActorRef, Extraction, Problem, SideRecord

RULE: Final = "resolve/commander-not-person"


def commanders_as_people(extraction: Extraction, actors: Mapping[str, ActorRef]) -> Extraction:
    """The extraction with each side's non-person commanders moved to its members.

    ``actors`` maps mention names to their (final) refs, as :func:`resolve` makes them.

    >>> from attackgraph.model import (ActorMention, Document, EventClass, EventKind,
    ...     EventRecord, Span)
    >>> span = Span(0, 0, "", 4)
    >>> doc = Document("d", "d.txt", "", "", span, (), (), ())
    >>> jnim = ActorMention("JNIM", span)
    >>> side = SideRecord(1, actors=(), commanders=(jnim,))
    >>> event = EventRecord("e", "E", EventClass.ATTACK, kind=EventKind.MAIN)
    >>> extraction = Extraction(doc, event, sides=(side,))
    >>> group = ActorRef("jnim", "JNIM", "ArmedGroup", "armed-group")
    >>> moved = commanders_as_people(extraction, {"JNIM": group})
    >>> [m.name for m in moved.sides[0].actors], moved.sides[0].commanders
    (['JNIM'], ())
    >>> print(moved.warnings[0].rule, moved.warnings[0].message)  # doctest: +NORMALIZE_WHITESPACE
    resolve/commander-not-person Commander1 'JNIM' is an ag:ArmedGroup, not a person:
    kept as a member of side 1
    """
    sides: list[SideRecord] = []
    warnings: list[Problem] = []
    for side in extraction.sides:
        people = tuple(c for c in side.commanders if _is_person(actors.get(c.name)))
        if len(people) == len(side.commanders):
            sides.append(side)
            continue
        members = list(side.actors)
        known = {_slug(actors.get(m.name)) for m in members}
        for mention in side.commanders:
            ref = actors.get(mention.name)
            if mention in people or ref is None:
                continue
            warnings.append(
                Problem(
                    extraction.document.source,
                    mention.span.line,
                    RULE,
                    f"Commander{side.number} {mention.name!r} is an ag:{ref.actor_class}, "
                    f"not a person: kept as a member of side {side.number}",
                )
            )
            if ref.slug not in known:
                known.add(ref.slug)
                members.append(replace(mention, killed=False))
        sides.append(replace(side, actors=tuple(members), commanders=people))
    if not warnings:
        return extraction
    return replace(extraction, sides=tuple(sides), warnings=(*extraction.warnings, *warnings))


def _is_person(ref: ActorRef | None) -> bool:
    return ref is None or ref.actor_class == "Person"


def _slug(ref: ActorRef | None) -> str | None:
    return None if ref is None else ref.slug
