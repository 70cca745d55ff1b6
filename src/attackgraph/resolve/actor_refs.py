"""Which written actor names of a document become identities, and how they share them.

:func:`actor_mentions` lists every actor name an extraction holds; :func:`town_names`
are those the gazetteer knows as towns of the document's country (no actors);
:func:`one_ref_per_slug` and :func:`with_spellings` give names that resolved to one
identity one ref, carrying the document's spellings as aliases.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from attackgraph.extract.fragments import clean_name
from attackgraph.extract.named import is_institution
from attackgraph.model import ActorMention, ActorRef, Extraction, PlaceKind
from attackgraph.reference.countries import (
    capital_country,
    country_code,
    demonym,
    demonym_countries,
)
from attackgraph.reference.names import strip_the
from attackgraph.reference.registry import actor_key
from attackgraph.resolve.actor_names import is_generic, named_part, state_body_word
from attackgraph.resolve.places import PlaceResolver

__all__ = ["actor_mentions", "named_police", "one_ref_per_slug", "town_names", "with_spellings"]


def one_ref_per_slug(actors: dict[str, ActorRef]) -> dict[str, ActorRef]:
    """Names that resolve to one slug share one ref: the most specific one, so that
    "Maj. Hamadoun Müller" (a commander, a Person) and "Hamadoun Müller" (a source in
    the prose) are one node with one class.

    >>> a = ActorRef("x", "X", "Actor", None)
    >>> p = ActorRef("x", "X", "Person", None)
    >>> one_ref_per_slug({"X": a, "Maj. X": p})["X"].actor_class
    'Person'
    """
    by_slug: dict[str, ActorRef] = {}
    for ref in actors.values():
        known = by_slug.get(ref.slug)
        if known is None or (known.actor_class == "Actor" and ref.actor_class != "Actor"):
            by_slug[ref.slug] = ref
    return {name: by_slug[ref.slug] for name, ref in actors.items()}


def with_spellings(actors: dict[str, ActorRef]) -> dict[str, ActorRef]:
    """Each ref with the names the document writes it by as aliases ("Kenyan authorities"
    for the Government of Kenya; "the military" of a Nigerian document as "Nigerian
    military"), so that a reader finds it by the document's words.

    >>> ref = ActorRef("ml-government", "Government of Mali", "StateActor", None)
    >>> with_spellings({"Malian authorities": ref})["Malian authorities"].aliases
    ('Malian authorities',)
    """
    spellings: dict[str, list[str]] = {}
    for name, ref in actors.items():
        written = strip_the(named_part(clean_name(name)))
        words = state_body_word(written)
        body = words and ref.state and ref.slug.startswith(f"{ref.state}-")
        adjective = demonym(ref.state) if body and ref.state else None
        if words and adjective:
            written = f"{adjective} {words}"  # "the military" of Nigeria: "Nigerian military"
        known = {actor_key(n) for n in (ref.name, *ref.aliases, *spellings.get(ref.slug, ()))}
        if actor_key(written) and actor_key(written) not in known and written[:1].isupper():
            spellings.setdefault(ref.slug, []).append(written)
    return {
        name: replace(ref, aliases=(*ref.aliases, *spellings[ref.slug]))
        if ref.slug in spellings
        else ref
        for name, ref in actors.items()
    }


def actor_mentions(extraction: Extraction) -> Iterator[tuple[ActorMention, bool]]:
    """Every actor name of an extraction, with whether it names a person: the sides'
    members (commanders are people), perpetrators, claims' sources and intermediaries,
    and the actors the prose names.

    >>> from attackgraph.model import Document, EventClass, EventKind, EventRecord, Span
    >>> span = Span(0, 0, "", 1)
    >>> doc = Document("d", "d.txt", "", "", span, (), (), ())
    >>> event = EventRecord("e", "E", EventClass.ATTACK, kind=EventKind.MAIN,
    ...                     perpetrators=(ActorMention("JNIM", span),))
    >>> [(m.name, person) for m, person in actor_mentions(Extraction(doc, event))]
    [('JNIM', False)]
    """
    for side in extraction.sides:
        for mention in (*side.actors, *side.unit_members):
            yield mention, False
        for mention in side.commanders:
            yield mention, True
    for event in extraction.all_events():
        for mention in event.perpetrators:
            yield mention, False
    for claim in extraction.claims:
        if claim.source is not None:
            yield claim.source, False
        if claim.via is not None:
            yield claim.via, False
    for mention in extraction.actors:
        yield mention, mention.person


def named_police(extraction: Extraction, country: str | None) -> str | None:
    """The one police force of its ``country`` the document names ("Tasmania Police",
    "Royal Malaysia Police"), or ``None`` when it names none or several: a bare
    "police" of the document is that force, not the country's police. A force named
    after another country ("Australian Federal Police" in a story set in Indonesia) is
    not the document's police.

    >>> from attackgraph.model import Document, EventClass, EventKind, EventRecord, Span
    >>> span = Span(0, 0, "", 1)
    >>> doc = Document("d", "d.txt", "", "", span, (), (), ())
    >>> event = EventRecord("e", "E", EventClass.ATTACK, kind=EventKind.MAIN)
    >>> named = (ActorMention("police", span), ActorMention("Harbour District Police", span))
    >>> named_police(Extraction(doc, event, actors=named), "KE")
    'Harbour District Police'
    >>> foreign = (ActorMention("police", span), ActorMention("Ugandan Federal Police", span))
    >>> named_police(Extraction(doc, event, actors=foreign), "KE") is None
    True
    """
    found: dict[str, str] = {}
    for mention, _ in actor_mentions(extraction):
        name = strip_the(named_part(clean_name(mention.name)))
        words = name.split()
        if len(words) > 1 and words[-1].lower() == "police" and not is_generic(name):
            if not _of_another_country(words[:-1], country):
                found.setdefault(actor_key(name), name)
    return next(iter(found.values())) if len(found) == 1 else None


def _of_another_country(words: list[str], country: str | None) -> bool:
    """Whether ``words`` name or describe a country other than ``country``."""
    for word in words:
        codes = {country_code(word)} - {None} or set(demonym_countries(word))
        if codes and (country or "").upper() not in codes:
            return True
    return False


def town_names(extraction: Extraction, places: PlaceResolver, country: str | None) -> set[str]:
    """Names the prose gave as people or organisations that the gazetteer knows as places
    of the document's country ("Leego" tagged as an organisation, "Jaffna" as a person):
    no actors. A person's name counts only as one word ("Luis Echeverría" is also a
    town's name), and never as a capital (a capital that acts is its state).

    >>> from attackgraph.model import Document, EventClass, EventKind, EventRecord, Span
    >>> from attackgraph.resolve import Resolver
    >>> span = Span(0, 0, "", 1)
    >>> doc = Document("d", "d.txt", "", "", span, (), (), ())
    >>> event = EventRecord("e", "E", EventClass.ATTACK, kind=EventKind.MAIN)
    >>> named = (ActorMention("Gao", span), ActorMention("Oxfam", span))
    >>> town_names(Extraction(doc, event, actors=named), Resolver().places, "ML")
    {'Gao'}
    >>> people = tuple(ActorMention(n, span, person=True) for n in ("Gao", "Ali Gao", "Bamako"))
    >>> town_names(Extraction(doc, event, actors=people), Resolver().places, "ML")
    {'Gao'}
    """
    found = set()
    for mention in extraction.actors:
        words = len(mention.name.split())
        if mention.person and capital_country(mention.name) is not None:
            continue  # "Sanaa rejected the claim": the state (resolve/actors.py)
        if words <= (1 if mention.person else 2) and not institution(mention):
            ref = places.place(mention.name, country=country)
            if ref.resolved and ref.kind is not PlaceKind.COUNTRY:
                found.add(mention.name)
    return found


def institution(mention: ActorMention) -> bool:
    """Whether the prose named an institution ("Mulago Hospital"): an actor, even where
    the gazetteer knows the building.

    >>> from attackgraph.model import Span
    >>> institution(ActorMention("Mulago Hospital", Span(0, 0, "", 1)))
    True
    """
    return not mention.person and is_institution(mention.name, "ORG")
