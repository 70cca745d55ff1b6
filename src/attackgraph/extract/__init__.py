"""Stage: Document -> Extraction (pure, deterministic, no I/O).

The infobox gives the main event, its places, sides and figures (``infobox.py``);
the title adds event types; several sites make one sub-event per site, as ACLED and
UCDP code one event per place. The prose adds attributed claims and the background
or follow-up incidents they are about (``prose.py``); ranks are then assigned over
infobox and prose claims together (``ranks.py``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from attackgraph.extract import claims_limit
from attackgraph.extract.dateline import wire_date
from attackgraph.extract.dates import parse_date
from attackgraph.extract.incidents import IncidentRelation
from attackgraph.extract.infobox import MAIN, InfoboxFacts, read_infobox
from attackgraph.extract.lead import (
    dated,
    day_within,
    filed_away,
    lead_date,
    lead_places,
    opening_day,
    wire_places,
)
from attackgraph.extract.mapping import event_types
from attackgraph.extract.named import is_institution, prose_actors
from attackgraph.extract.prose import ProseContext, ProseFacts, read_prose
from attackgraph.extract.ranks import assign_ranks
from attackgraph.extract.sentences import Sentence, sentences
from attackgraph.extract.site_prose import prose_sites
from attackgraph.extract.source_ranker import SourceChoice
from attackgraph.extract.title_places import title_places
from attackgraph.model import (
    ActorMention,
    ClaimRecord,
    Document,
    EventClass,
    EventKind,
    EventRecord,
    EventRelation,
    Extraction,
    PlaceKind,
    PlaceMention,
)
from attackgraph.reference.names import name_key

__all__ = ["MAIN", "extract"]


def extract(
    doc: Document, *, max_claims: int | None = None, choices: list[SourceChoice] | None = None
) -> Extraction:
    """Everything the converter reads from one parsed document.

    ``max_claims`` bounds the claims (and the work: converting is linear in their
    figures; :mod:`~attackgraph.extract.claims_limit`): the infobox and then the prose are
    read until the claims reach it, the sentences after are not read by any
    stage, and a ``limit/claims`` warning names the line (see :func:`read_prose`).
    ``choices``, when given, receives each prose figure's candidate sources (training
    the source ranker, :mod:`~attackgraph.extract.source_ranker`).

    >>> from attackgraph.parse import parse
    >>> text = b"= Raid on Tamba =\\n\\nInfobox\\n- Deaths: 3\\n\\nA raid.\\n"
    >>> x = extract(parse(text, "tamba.txt"))
    >>> x.event.name, [(f.quantity.value, f.outcome) for c in x.claims for f in c.figures]
    ('Raid on Tamba', [(3, 'killed')])
    """
    facts = _from_the_lead(doc, read_infobox(doc, max_claims))
    sites = _sites(facts.places)
    conflicts = _conflicts(facts)
    main = _main_event(doc, facts, sites, tuple(c.key for c in conflicts))
    sub_events = tuple(
        EventRecord(
            key=site,
            name=f"{main.name} — {site}",
            event_class=EventClass.ATTACK,
            kind=EventKind.SITE,
            date=main.date,
            places=(site,),
            country=main.country,
            part_of=(MAIN,),
        )
        for site in (sites if len(sites) > 1 else ())
    )
    if facts.unread is not None and max_claims is not None:  # the infobox alone reached it
        limit = claims_limit.reached(doc.source, facts.unread, max_claims)
        prose = ProseFacts(claims=(), events=(), warnings=(limit,), read=0)
    else:
        before = claims_limit.weight(facts.claims)
        budget = None if max_claims is None else max_claims - before
        prose = read_prose(doc, _prose_context(main, sub_events, facts), budget, before, choices)
    read = sentences(doc)[: prose.read]  # all of them unless the claims limit stopped it
    text = doc.text if prose.read is None else doc.text[: read[-1].span.end if read else 0]
    incidents = tuple(_with_relations(event, prose.relations) for event in prose.events)
    places = _merge_places(facts.places, prose.places)
    known = _actor_names(facts, prose.claims)
    linked = _actor_names(facts, prose.claims, objects=False)
    found = prose_sites(
        text,
        read,
        main_name=main.name,
        main_date=main.date,
        sites=tuple(event.places[0] for event in sub_events),
        known=(p.name for p in places),
        actors=known,
    )
    first = _first_sentence(doc)
    if first is not None:
        places, found = filed_away(first, places, found)
    stated = tuple(p.name for p in places)
    found += title_places(main.name, read, (*stated, *(p.name for p in found)))
    places += found
    # the prose's sites and the places it says the attack happened near, as the infobox's
    main = replace(main, places=main.places + _sites(found) + _near(found, _sites(found)))
    return Extraction(
        document=doc,
        event=main,
        events=sub_events + conflicts + incidents,
        places=places,
        sides=tuple(facts.sides),
        claims=assign_ranks((*facts.claims, *prose.claims)),
        raw=tuple(facts.raw),
        warnings=(*facts.warnings, *prose.warnings),
        actors=_not_sites(prose_actors(text, read, linked, stated), found),
        read=None if prose.read is None else text,
    )


def _from_the_lead(doc: Document, facts: InfoboxFacts) -> InfoboxFacts:
    """Date and places from the lead's opening sentence (its only line when no sentence
    opens it) when the infobox gives none; the date, when that sentence has none, from a
    heading line above it, and narrowed to the day or days the body's first sentence, else
    the lead's next two, give within a month or year the lead gives; else the first date
    with a month in the lead's next two sentences or the body's first."""
    opening = [s for s in sentences(doc) if not s.sections]
    lead = tuple(s.text for s in opening if _is_clause(s.text))
    first = _first_sentence(doc)
    if first is None or (facts.date is not None and facts.places):
        return facts
    if facts.date is None:
        headings = opening[: opening.index(first)]  # "Findings (4 May 2001)" above it
        facts.date = wire_date(lead[:3], doc.title.text, doc.text)
        coarse = lead_date(first) or next((d for d in map(lead_date, headings) if d), None)
        body = next((s for s in sentences(doc) if s.sections and _is_clause(s.text)), None)
        if facts.date is None and coarse is not None:
            facts.date = opening_day(day_within(coarse, body, lead[1:3]), lead[1:])
        if facts.date is None:  # the lead's next sentences, then the body's first
            facts.date = dated((*lead[1:3], *((body.text,) if body else ())))
    if not facts.places:
        actors = {a.name for side in facts.sides for a in side.actors}
        wire = wire_places(first, doc.text, frozenset(actors))
        facts.places = wire if wire is not None else lead_places(first, frozenset(actors))
    return facts


def _first_sentence(doc: Document) -> Sentence | None:
    """The lead's opening sentence: its first clause, else its only line ("Findings: X,
    Brazil, 1996")."""
    opening = [s for s in sentences(doc) if not s.sections]
    first = next((s for s in opening if _is_clause(s.text)), None)
    return first or next(iter(opening), None)


def _is_clause(text: str) -> bool:
    """Whether a lead sentence says something, not a label such as "Summary." or a
    heading line without a full stop ("Summary of findings") opening it.

    >>> _is_clause("Summary."), _is_clause("Summary of findings")
    (False, False)
    >>> _is_clause("Gunmen attacked a bus on 4 May 2001.")
    True
    """
    return len(text.split()) >= 3 and re.search(r"[.!?…][\"'”’)]*$", text.rstrip()) is not None


def _not_sites(
    actors: tuple[ActorMention, ...], sites: tuple[PlaceMention, ...]
) -> tuple[ActorMention, ...]:
    """The prose's actors without the names its sentences use as sites ("fighting moved to
    Boca House"): a place the tagger read as an organisation. An institution stays both
    ("a bomb went off in Zion Church")."""
    named = {name_key(site.name) for site in sites}
    return tuple(
        actor
        for actor in actors
        if name_key(actor.name) not in named or is_institution(actor.name, "ORG")
    )


def _actor_names(
    facts: InfoboxFacts, claims: tuple[ClaimRecord, ...], *, objects: bool = True
) -> tuple[str, ...]:
    """Every actor name the infobox and the claims give (prose names add to these); without
    ``objects``, not the actors claims are about ("alleged that the X was involved"): a
    claim's object is no party the document links (side, perpetrator, source), so the
    prose's reader of named parties still reads it."""
    names = [a.name for side in facts.sides for a in (*side.actors, *side.commanders)]
    names += [a.name for a in facts.perpetrators]
    names += [m.name for c in claims for m in (c.source, c.via) if m is not None]
    if objects:
        names += [
            c.statement.obj for c in claims if c.statement and c.statement.object_kind == "actor"
        ]
    return tuple(names)


def _prose_context(
    main: EventRecord, sub_events: tuple[EventRecord, ...], facts: InfoboxFacts
) -> ProseContext:
    sites = {event.places[0]: event.key for event in sub_events}
    actors = tuple(actor for side in facts.sides for actor in side.actors)
    return ProseContext(
        main_key=main.key,
        main_name=main.name,
        sites=sites,
        actors=actors + main.perpetrators,
        main_date=main.date,
        perpetrators=main.perpetrators,
    )


_RELATIONS: Final[dict[IncidentRelation, EventRelation]] = {
    "background": "precedes",
    "follow-up": "followsUp",
    "separate": "relatedTo",
}


def _with_relations(
    event: EventRecord, relations: tuple[tuple[str, IncidentRelation, str], ...]
) -> EventRecord:
    """Link a background or follow-up incident to the event it is reported with."""
    related = tuple((_RELATIONS[kind], other) for key, kind, other in relations if key == event.key)
    return replace(event, related=event.related + related)


def _merge_places(
    first: tuple[PlaceMention, ...], second: tuple[PlaceMention, ...]
) -> tuple[PlaceMention, ...]:
    names = {place.name for place in first}
    return first + tuple(place for place in second if place.name not in names)


def _sites(places: tuple[PlaceMention, ...]) -> tuple[str, ...]:
    """Places where the event happened: those that enclose no other named place.

    A place the event was only near ("Koshobe, near Zabarmari") is a site only when
    no other place is.
    """
    containers = {p.container for p in places if p.container}
    innermost = [p for p in places if p.kind != PlaceKind.COUNTRY and p.name not in containers]
    inside = [p.name for p in innermost if not p.near]
    if inside or innermost:
        return tuple(inside or (p.name for p in innermost))
    return tuple(p.name for p in places if p.kind == PlaceKind.COUNTRY)[:1]


def _near(places: tuple[PlaceMention, ...], sites: tuple[str, ...]) -> tuple[str, ...]:
    """Places the event happened near, besides its sites ("near Zabarmari")."""
    return tuple(p.name for p in places if p.near and p.name not in sites)


def _main_event(
    doc: Document, facts: InfoboxFacts, sites: tuple[str, ...], conflicts: tuple[str, ...]
) -> EventRecord:
    title = doc.title.text
    types = list(facts.event_types)
    for found in event_types(title):
        if found not in types and not (found == "armed-attack" and types):
            types.append(found)
    if len(sites) > 1 and "coordinated-attack" not in types:
        types.append("coordinated-attack")
    countries = [p.country for p in facts.places if p.country]
    return EventRecord(
        key=MAIN,
        name=title,
        event_class=EventClass.ATTACK,
        kind=EventKind.MAIN,
        alternate_names=tuple(
            dict.fromkeys(n for n in facts.names if n.casefold() != title.casefold())
        ),
        event_types=tuple(types),
        date=facts.date,
        places=sites + _near(facts.places, sites),
        country=countries[0] if countries else None,
        part_of=conflicts,
        perpetrators=tuple(facts.perpetrators),
        properties=tuple(facts.properties),
    )


def _conflicts(facts: InfoboxFacts) -> tuple[EventRecord, ...]:
    """The wider conflicts; a note like "(2009–present)" gives the conflict's dates."""
    return tuple(
        EventRecord(
            key=item.name,
            name=item.name,
            event_class=EventClass.CONFLICT,
            kind=EventKind.CONFLICT,
            date=parse_date(item.note) if item.note else None,
        )
        for item in facts.conflicts
    )
