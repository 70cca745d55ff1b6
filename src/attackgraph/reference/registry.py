"""The curated actor registry (``data/reference/actors.tsv``): load, check, look up.

One row per actor that recurs in this field, with the columns

``slug`` · ``name`` · ``class`` · ``type`` · ``aliases`` · ``parent`` · ``state`` ·
``wikidata`` · ``note`` · ``source``

``aliases`` are separated by `` | ``; an alias followed by a country code in
brackets (``AFP [PH]``) only counts in documents about that country, which is how
"AFP" is Agence France-Presse in general but the Armed Forces of the Philippines in
a Philippine article. The slug is chosen once and never re-derived from the name.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final, NoReturn, cast, get_args

from attackgraph.identifiers import check_slug
from attackgraph.model import ActorClass, ActorRef, ActorType, InputError, Problem
from attackgraph.reference.countries import is_country
from attackgraph.reference.names import name_key, strip_possessive, strip_the

COLUMNS: Final = (
    "slug",
    "name",
    "class",
    "type",
    "aliases",
    "parent",
    "state",
    "wikidata",
    "note",
    "source",
)
ACTOR_CLASSES: Final = frozenset(get_args(ActorClass))
"""The ``class`` column's values: ``ag:Actor`` and its subclasses (``model.ActorClass``)."""
ACTOR_TYPES: Final = frozenset(get_args(ActorType))
"""The ``type`` column's values: the ontology's actor-type concept scheme (``model.ActorType``)."""
WIKIDATA: Final = "http://www.wikidata.org/entity/"
_SCOPED: Final = re.compile(r"^(?P<alias>.+?)\s*\[(?P<cc>[A-Za-z]{2})\]$")
_WIKIDATA_ID: Final = re.compile(r"^Q[1-9][0-9]*$")
_POSSESSIVE_INSIDE: Final = re.compile(r"(?<=\w)['’]s\b")


def actor_key(name: str) -> str:
    """The matching key of an actor name: no leading "the", no possessive "'s".

    >>> actor_key("the Malian Army"), actor_key("Kenya's military"), actor_key("Jama'at")
    ('malian army', 'kenya military', 'jamaat')
    """
    text = strip_possessive(strip_the(name))
    return name_key(_POSSESSIVE_INSIDE.sub("", text))


@dataclass(frozen=True)
class Entry:
    """One registry row."""

    slug: str
    name: str
    actor_class: ActorClass
    actor_type: ActorType | None
    aliases: tuple[str, ...]
    scoped: tuple[tuple[str, str], ...]
    """(alias, ISO alpha-2 country) pairs that count only in that country's documents."""
    parent: str | None
    state: str | None
    wikidata: str | None
    note: str
    source: str
    line: int

    def ref(self) -> ActorRef:
        """The actor identity this row describes."""
        aliases = (*self.aliases, *(alias for alias, _ in self.scoped))
        return ActorRef(
            slug=self.slug,
            name=self.name,
            actor_class=self.actor_class,
            actor_type=self.actor_type,
            part_of=self.parent,
            state=self.state,
            same_as=(WIKIDATA + self.wikidata,) if self.wikidata else (),
            aliases=tuple(dict.fromkeys(aliases)),
        )


class Registry:
    """Registry rows by slug and by matching key.

    >>> registry = Registry.load(reference_registry())
    >>> registry.find("JNIM").slug, registry.find("the Katibat Macina").parent
    ('jnim', 'jnim')
    >>> registry.find("AFP").slug, registry.find("AFP", country="PH").slug
    ('agence-france-presse', 'ph-armed-forces')
    """

    def __init__(self, entries: list[Entry], source: str) -> None:
        self.entries: dict[str, Entry] = {}
        self._keys: dict[str, str] = {}
        self._scoped: dict[tuple[str, str], str] = {}
        for entry in entries:
            if entry.slug in self.entries:
                _fail(source, entry.line, f"slug {entry.slug!r} appears twice")
            self.entries[entry.slug] = entry
            for alias in (entry.name, *entry.aliases):
                key = actor_key(alias)
                _claim(self._keys.get(key), entry, source, key)
                self._keys[key] = entry.slug
            for alias, cc in entry.scoped:
                scoped_key = (cc, actor_key(alias))
                _claim(self._scoped.get(scoped_key), entry, source, f"{alias} [{cc}]")
                self._scoped[scoped_key] = entry.slug
        for entry in entries:
            self._check_parent(entry, source)

    def _check_parent(self, entry: Entry, source: str) -> None:
        seen = {entry.slug}
        parent = entry.parent
        while parent is not None:
            if parent not in self.entries:
                _fail(source, entry.line, f"parent {parent!r} is not in the registry")
            if parent in seen:
                _fail(source, entry.line, f"parent chain of {entry.slug!r} loops")
            seen.add(parent)
            parent = self.entries[parent].parent

    def find(self, name: str, *, country: str | None = None) -> Entry | None:
        """The row naming ``name`` (country-scoped aliases first), or ``None``."""
        key = actor_key(name)
        if country is not None:
            slug = self._scoped.get((country.upper(), key))
            if slug is not None:
                return self.entries[slug]
        slug = self._keys.get(key)
        return self.entries[slug] if slug is not None else None

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)

    @classmethod
    def load(cls, path: Path) -> Registry:
        """Read and check a registry file; raises :class:`InputError` (rule
        ``resolve/registry``) naming the file and line of the first problem."""
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t")
            if tuple(reader.fieldnames or ()) != COLUMNS:
                _fail(str(path), 1, f"columns must be {', '.join(COLUMNS)}")
            entries = [_entry(row, str(path), line) for line, row in enumerate(reader, start=2)]
        return cls(entries, str(path))


def _claim(held: str | None, entry: Entry, source: str, name: str) -> None:
    if held is not None and held != entry.slug:
        _fail(source, entry.line, f"{name!r} names both {held!r} and {entry.slug!r}")


def _entry(row: dict[str, str], source: str, line: int) -> Entry:
    cells = {k: (v or "").strip() for k, v in row.items() if k is not None}
    slug = cells["slug"]
    try:
        check_slug(slug)
    except ValueError as error:
        _fail(source, line, str(error))
    if cells["class"] not in ACTOR_CLASSES:
        _fail(source, line, f"class {cells['class']!r} is not one of {sorted(ACTOR_CLASSES)}")
    if cells["type"] and cells["type"] not in ACTOR_TYPES:
        _fail(source, line, f"type {cells['type']!r} is not one of {sorted(ACTOR_TYPES)}")
    if cells["state"] and not (cells["state"].islower() and is_country(cells["state"])):
        _fail(source, line, f"state {cells['state']!r} is not a lower-case ISO alpha-2 code")
    if cells["wikidata"] and not _WIKIDATA_ID.match(cells["wikidata"]):
        _fail(source, line, f"wikidata {cells['wikidata']!r} is not a Q-id")
    if not cells["name"] or not cells["source"]:
        _fail(source, line, "name and source are required")
    plain: list[str] = []
    scoped: list[tuple[str, str]] = []
    for alias in (a.strip() for a in cells["aliases"].split("|")):
        if not alias:
            continue
        match = _SCOPED.match(alias)
        if match is None:
            plain.append(alias)
        elif is_country(match.group("cc")):
            scoped.append((match.group("alias"), match.group("cc").upper()))
        else:
            _fail(source, line, f"alias {alias!r}: unknown country code")
    return Entry(
        slug=slug,
        name=cells["name"],
        actor_class=cast(ActorClass, cells["class"]),  # checked against ACTOR_CLASSES
        actor_type=cast(ActorType, cells["type"]) or None,  # checked against ACTOR_TYPES
        aliases=tuple(plain),
        scoped=tuple(scoped),
        parent=cells["parent"] or None,
        state=cells["state"] or None,
        wikidata=cells["wikidata"] or None,
        note=cells["note"],
        source=cells["source"],
        line=line,
    )


def _fail(source: str, line: int, message: str) -> NoReturn:
    raise InputError(Problem(source, line, "resolve/registry", message))


def reference_registry() -> Path:
    """The registry shipped with attackgraph."""
    from attackgraph.reference.files import reference_file

    return reference_file("actors.tsv")
