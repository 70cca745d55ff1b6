"""Actor resolution: a name as written to an :class:`ActorRef`, the same in every document.

In order, the first that answers wins:

1. the registry (``data/reference/actors.tsv``): canonical names, aliases, acronyms;
2. a country and what belongs to it (:mod:`attackgraph.resolve.state_actors`), built
   from pycountry/countryinfo names and demonyms: "Mali" is the state (slug ``mali``);
   "Malian Army", "Malian military", "Malian forces", "Armed Forces of Mali" its
   armed forces (``ml-armed-forces``);
   "Malian government", "the government of Mali", "Kenyan authorities" its
   government (``ml-government``); "Malian police" its police (``ml-police``);
   "Russian defence ministry", "US Department of Defense" a ministry
   (``ru-ministry-of-defence``). Each carries ``state`` = the country's place slug.
   A country's capital, as an actor's whole name, is its state ("Washington
   rejected the claim": the United States; GeoNames' capitals of one country each).
   A registry row with the same slug (``ml-armed-forces`` for "FAMa") supplies the
   name, aliases and links;
3. "UN officials", "AFP spokesman": the organisation itself;
4. anything else is minted: slug = slugify of the name without "the", possessives,
   case or accents; class and actor type from its words ("… Brigade", "… Front",
   "… Movement", "militia" -> armed group; "police", "… Command", "… Division" ->
   state forces; "ministry", "authorities" -> government; "… News" -> media ...);
   a title ("President", "General") or a commander's place in the infobox makes it
   a person.

Only two things depend on the document: country-scoped registry aliases
("AFP [PH]") and demonyms that several countries share ("Congolese": the
document's country when it is one of them, else the most populous).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Final

from attackgraph.identifiers import slugify
from attackgraph.model import ActorClass, ActorRef, ActorType
from attackgraph.reference.countries import (
    capital_country,
    country_code,
    demonym_countries,
    is_country,
)
from attackgraph.reference.names import strip_the
from attackgraph.reference.registry import Registry, actor_key
from attackgraph.resolve.actor_words import FACILITIES, NON_STATE, TYPE_WORDS
from attackgraph.resolve.state_actors import (
    country_or_body,
    state_body_of,
    state_body_slug,
    state_ref,
    state_slugs,
)

_SPOKES: Final = re.compile(
    r"^(?P<org>.+?) (?:officials?|spokesm[ae]n|spokesperson|spokeswoman|sources|statement)$"
)
_TITLE: Final = re.compile(
    r"^(?:president|vice|prime|minister|general|gen|lieutenant|lt|major|maj|brigadier|brig|"
    r"colonel|col|captain|capt|sergeant|sgt|commander|cmdr|admiral|adm|governor|gov|"
    r"senator|sen|mr|mrs|ms|dr)\.?\s+",
    re.IGNORECASE,
)
_PARENTHESIS: Final = re.compile(r"^(?P<main>.*?)\s*\((?P<inner>[^()]*)\)\s*$")
_JUNK: Final = re.compile(r"\[\d+\]|[†‡*]")
_UN: Final = re.compile(r"^(?:un|united nations) .+$")
_NUMBERED_UNIT: Final = re.compile(
    r"^\d+(?:st|nd|rd|th) .*\b(?:battalion|brigade|regiment|division|group|company|squadron|"
    r"rifles|corps|infantry|army)\b"
)

_BODY_SLUG: Final = re.compile(
    r"^(?P<cc>[a-z]{2})-(?P<role>armed-forces|government|police|ministry-of-(?P<topic>[a-z0-9-]+))$"
)
_CLASS_OF_TYPE: Final[dict[ActorType, ActorClass]] = {
    "armed-group": "ArmedGroup",
    "state-forces": "StateActor",
    "government": "StateActor",
    "international-organization": "Organization",
    "non-governmental-organization": "Organization",
    "media": "Organization",
}


@dataclass(frozen=True)
class _Cleaned:
    text: str
    inner: str | None


class ActorResolver:
    """Resolves actor names with a registry (see the module doc for the order)."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        for entry in registry:
            expected = state_body_slug(entry.state, entry.actor_type)
            if entry.parent is None and expected and entry.slug != expected:
                raise ValueError(
                    f"registry row {entry.slug!r} (line {entry.line}) describes the "
                    f"{entry.actor_type} of {entry.state!r}: its slug must be {expected!r}, "
                    "the slug every other spelling of it gets"
                )

    def actor(
        self,
        name: str,
        *,
        country: str | None = None,
        person: bool = False,
        note: str | None = None,
    ) -> ActorRef:
        """Resolve one actor name.

        ``country`` is the document's country (ISO alpha-2), used only for scoped
        aliases and shared demonyms; ``person`` says the name stands where a person
        is expected (an infobox commander); ``note`` is a parenthetical qualifier
        written with the name.
        """
        cc = country.upper() if country else None
        cleaned = _clean(name)
        found = self._known(cleaned.text, cc)
        if found is not None:
            return found
        if cleaned.inner:
            inner = self._known(cleaned.inner, cc)
            if inner is not None and _is_acronym_of(cleaned.inner, cleaned.text):
                return inner
        parent = self._parent(cleaned.inner or note, cc)
        return _minted(cleaned.text, person=person, parent=parent)

    def known(self, name: str, *, country: str | None = None) -> ActorRef | None:
        """The registry's or a country's actor ``name`` stands for; ``None`` if it would be minted.

        >>> from attackgraph.reference.registry import reference_registry
        >>> resolver = ActorResolver(Registry.load(reference_registry()))
        >>> resolver.known("Kenyan officials").slug, resolver.known("survivors")
        ('ke-government', None)
        """
        cleaned = _clean(name)
        return self._known(cleaned.text, country.upper() if country else None)

    def state_body(self, words: str, country: str) -> ActorRef | None:
        """The body of ``country`` that bare words name ("army" in a Kenyan document).

        >>> from attackgraph.reference.registry import reference_registry
        >>> resolver = ActorResolver(Registry.load(reference_registry()))
        >>> resolver.state_body("army", "KE").slug, resolver.state_body("police", "ML").slug
        ('ke-armed-forces', 'ml-police')
        """
        found = state_body_of(words, country.upper())
        if found is None:
            return None
        entry = self.registry.entries.get(found.slug)
        return entry.ref() if entry is not None else found

    def by_slug(self, slug: str) -> ActorRef | None:
        """The actor a slug stands for, if it is a registry row or a country's body.

        This is how a parent (``part_of``) becomes an actor of its own.

        >>> from attackgraph.reference.registry import reference_registry
        >>> resolver = ActorResolver(Registry.load(reference_registry()))
        >>> resolver.by_slug("jnim").name, resolver.by_slug("ml-government").name
        ("Jama'at Nasr al-Islam wal Muslimin", 'Government of Mali')
        >>> resolver.by_slug("us-armed-forces").state, resolver.by_slug("mali").state
        ('us', 'ml')
        """
        entry = self.registry.entries.get(slug)
        if entry is not None:
            return entry.ref()
        body = _BODY_SLUG.match(slug)
        if body is not None and is_country(body.group("cc")):
            role, topic = body.group("role"), body.group("topic") or ""
            return state_ref(body.group("cc").upper(), "ministry" if topic else role, topic)
        code = state_slugs().get(slug)
        return state_ref(code, "state") if code is not None else None

    # -- the routes -----------------------------------------------------------

    def _known(self, text: str, cc: str | None) -> ActorRef | None:
        """Registry, country forms, or "<organisation> officials"; else ``None``."""
        if not actor_key(text):
            return None
        entry = self.registry.find(text, country=cc)
        if entry is not None:
            return entry.ref()
        derived = country_or_body(actor_key(text), cc)
        if derived is not None:
            known = self.registry.entries.get(derived.slug)
            return known.ref() if known is not None else derived
        capital = capital_country(text)
        if capital is not None:  # "Washington rejected the claim": the state
            return state_ref(capital, "state")
        spokes = _SPOKES.match(actor_key(text))
        if spokes is not None:
            entry = self.registry.find(spokes.group("org"), country=cc)
            if entry is not None:
                return entry.ref()
            body = country_or_body(spokes.group("org"), cc)  # "Philippine military officials"
            if body is not None and body.actor_type is not None:
                known = self.registry.entries.get(body.slug)
                return known.ref() if known is not None else body
        return None

    def _parent(self, text: str | None, cc: str | None) -> str | None:
        if not text:
            return None
        found = self._known(text, cc)
        return found.slug if found is not None else None


# ---------------------------------------------------------------------------
# minting


def _minted(text: str, *, person: bool, parent: str | None) -> ActorRef:
    rest = text
    while (titled := _TITLE.match(rest)) is not None and len(rest[titled.end() :].split()) > 0:
        rest = rest[titled.end() :]
    if rest != text and _type_of(actor_key(rest)) is None:
        rest = rest.strip()
        return ActorRef(slugify(actor_key(rest) or rest), rest, "Person", None)
    key = actor_key(text) or text  # a name with no letters ("!!!") is its own key
    if person:  # a commander field names a person, whatever words the name holds ("al-Ngo")
        return ActorRef(slugify(key), text, "Person", None, part_of=parent)
    if _UN.match(key):
        actor_type: ActorType | None = "international-organization"
        parent = parent or "un"
    else:
        actor_type = _type_of(key)
    state = _unit_state(key) if actor_type == "state-forces" else None
    if state is not None:
        parent = parent or f"{state}-armed-forces"
    actor_class = _CLASS_OF_TYPE.get(actor_type, "Actor") if actor_type else "Actor"
    ref = ActorRef(slugify(key), text, actor_class, actor_type, part_of=parent, state=state)
    return ref if ref.part_of != ref.slug else replace(ref, part_of=None)


def _type_of(key: str) -> ActorType | None:
    if not FACILITIES.isdisjoint(key.split()):
        return None  # "Army Public School" is a school, whatever its first word
    if _NUMBERED_UNIT.match(key):
        return "state-forces"  # "2nd Battalion", "10th Mountain Division"
    padded = f" {key} "
    for actor_type, words in TYPE_WORDS:
        if any(f" {word} " in padded for word in words):
            return actor_type
    return None


def _unit_state(key: str) -> str | None:
    """The country a military unit's name carries ("9th Kenya Rifles" -> "ke")."""
    words = key.split()
    if not NON_STATE.isdisjoint(words):
        return None
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            code = country_code(" ".join(words[start : start + size]))
            if code is None:
                codes = demonym_countries(" ".join(words[start : start + size]))
                code = codes[0] if len(codes) == 1 else None
            if code is not None:
                return code.lower()
    return None


def _clean(name: str) -> _Cleaned:
    text = " ".join(_JUNK.sub("", name).split()).strip(" .,;:\"'“”")
    text = strip_the(text)
    match = _PARENTHESIS.match(text)
    if match is not None and match.group("main").strip():
        return _Cleaned(match.group("main").strip(), match.group("inner").strip() or None)
    return _Cleaned(text, None)


def _is_acronym_of(short: str, long: str) -> bool:
    """Whether ``short`` abbreviates ``long`` ("DAG", "Dyck Advisory Group").

    >>> _is_acronym_of("DAG", "Dyck Advisory Group"), _is_acronym_of("AMISOM", "Kenya")
    (True, False)
    """
    initials = "".join(word[0] for word in actor_key(long).split() if word)
    return short.isupper() and actor_key(short).replace(" ", "") in (initials, initials[:-1])
