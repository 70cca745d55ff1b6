"""Regions: ISO 3166-2 subdivisions (pycountry) and how GeoNames admin1 codes map to them.

GeoNames numbers first-level areas its own way: Mopti Region is ``ML.04`` in
GeoNames but ``ML-5`` in ISO 3166-2, and Ségou Region is ``ML.05`` / ``ML-4``. The
codes must never be matched on their digits. :func:`map_admin1` pairs them by
*name* instead, from two kinds of evidence, strongest first:

1. GeoNames ``ADM1`` entries (from dump files or the supplementary table), whose
   names and alternate names are compared with the subdivision names;
2. a subdivision named like a town of the packaged gazetteer ("Mopti" / Mopti,
   "Dayr az Zawr" / Deir ez-Zor): first-level areas are named after their capital
   in much of the world, and the capital's admin1 code is the area's code. Only
   towns of 5,000+ inhabitants that hold at least a tenth of the population of
   the largest place of their admin1 area count (so the small English town of
   Wales does not make England "Wales"); where two subdivisions claim one code the
   one with the larger town keeps it, and where they claim it through the same
   town (Maputo City and Maputo Province) neither does.

Subdivisions without evidence stay unmapped: their places are then contained in
the country only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Final

import pycountry

from attackgraph.identifiers import slugify
from attackgraph.reference.gazetteer import GeoName
from attackgraph.reference.names import name_key, region_name

_BRACKETS: Final = re.compile(r"\s*\[[^\]]*\]")
_PARENTHESES: Final = re.compile(r"\s*\([^)]*\)")
# Subdivision types that read as part of an English name ("Mopti Region").
_NAMED_TYPES: Final = frozenset(
    {
        "region",
        "province",
        "state",
        "county",
        "district",
        "governorate",
        "department",
        "division",
        "prefecture",
        "oblast",
        "municipality",
    }
)
_COMPASS: Final = {"nord": "north", "sud": "south", "est": "east", "ouest": "west"}
CAPITAL_MIN_POPULATION: Final = 5000
CAPITAL_MIN_SHARE: Final = 0.1


@dataclass(frozen=True)
class Subdivision:
    """An ISO 3166-2 subdivision.

    >>> mopti = subdivision("ML-5")
    >>> mopti.name, mopti.canonical_name, mopti.slug, mopti.parent
    ('Mopti', 'Mopti Region', 'ml-mopti-region', None)
    """

    code: str
    country: str
    name: str
    type: str
    parent: str | None

    @property
    def canonical_name(self) -> str:
        """English name with its type word when that is how it reads ("Borno State")."""
        name = _BRACKETS.sub("", self.name).strip()
        word = self.type.strip()
        if word.lower() in _NAMED_TYPES and word.lower() not in name.lower():
            return f"{name} {word}"
        return name

    @property
    def slug(self) -> str:
        """The place slug: ``{cc}-{slug of the canonical name}``."""
        return f"{self.country.lower()}-{slugify(self.canonical_name)}"

    @cached_property
    def keys(self) -> frozenset[str]:
        """Matching keys of the bare name, with and without parentheses and brackets,
        and with French compass words in English ("Nord-Kivu" -> "north kivu")."""
        bare = _BRACKETS.sub("", self.name)
        keys = {name_key(bare), name_key(_PARENTHESES.sub("", bare)), region_name(bare).key}
        keys |= {" ".join(_COMPASS.get(word, word) for word in key.split()) for key in keys}
        return frozenset(k for k in keys if k)


@cache
def subdivisions(country: str) -> tuple[Subdivision, ...]:
    """Every ISO 3166-2 subdivision of a country (empty for unknown codes).

    >>> [s.code for s in subdivisions("ML") if s.name == "Ségou"]
    ['ML-4']
    """
    found = pycountry.subdivisions.get(country_code=country.upper()) or ()  # type: ignore[no-untyped-call]
    return tuple(
        sorted(
            (Subdivision(s.code, s.country_code, s.name, s.type, s.parent_code) for s in found),
            key=lambda s: s.code,
        )
    )


def subdivision(code: str) -> Subdivision | None:
    """The subdivision with an ISO 3166-2 code, or ``None``.

    >>> subdivision("ML-4").name, subdivision("XX-1")
    ('Ségou', None)
    """
    code = code.upper()
    for item in subdivisions(code.split("-")[0]):
        if item.code == code:
            return item
    return None


def top_level(item: Subdivision) -> Subdivision:
    """The first-level subdivision that contains ``item`` (itself when first-level).

    >>> top_level(subdivision("BF-YAG")).name
    'Sahel'
    """
    while item.parent is not None:
        parent = subdivision(item.parent)
        if parent is None:
            break
        item = parent
    return item


def find_subdivisions(country: str, key: str, word: str | None = None) -> list[Subdivision]:
    """Subdivisions of ``country`` whose bare name has the matching ``key``.

    With an area ``word`` ("province"), subdivisions of that type are preferred;
    first-level ones are preferred over lower ones.

    >>> [s.code for s in find_subdivisions("ML", "mopti", "region")]
    ['ML-5']
    >>> [s.code for s in find_subdivisions("BF", "yagha", "province")]
    ['BF-YAG']
    """
    found = [s for s in subdivisions(country) if key in s.keys]
    if word:
        typed = [s for s in found if s.type.lower() == word]
        found = typed or found
    if len(found) > 1:
        first_level = [s for s in found if s.parent is None]
        found = first_level or found
    return found


# ---------------------------------------------------------------------------
# GeoNames admin1 <-> ISO 3166-2


@dataclass(frozen=True)
class Admin1Map:
    """GeoNames (country, admin1) pairs mapped to first-level ISO 3166-2 codes."""

    to_iso: dict[tuple[str, str], str]
    """(``"ML"``, ``"04"``) -> ``"ML-5"``."""
    evidence: dict[str, str]
    """ISO code -> how it was mapped (``adm1 <geonameid>`` or ``capital <name>``)."""
    admin_records: dict[str, GeoName]
    """ISO code -> the GeoNames ``ADM1`` entry, when one is known."""
    capital_keys: dict[str, str]
    """ISO code -> key of the town the area is named after, when mapped that way."""

    def iso(self, country: str, admin1: str) -> str | None:
        """The ISO 3166-2 code of a GeoNames admin1 code, if known."""
        return self.to_iso.get((country, admin1)) if admin1 else None

    def admin1(self, iso: str) -> str | None:
        """The GeoNames admin1 code of a first-level ISO 3166-2 code, if known."""
        for (_, admin1), code in self.to_iso.items():
            if code == iso:
                return admin1
        return None


Lookup = Callable[[str], Sequence[tuple[GeoName, bool]]]
Largest = Callable[[str, str], int]


def map_admin1(
    admin_areas: Iterable[GeoName], lookup: Lookup, largest: Largest, countries: Iterable[str]
) -> Admin1Map:
    """Pair GeoNames admin1 codes with ISO 3166-2 codes for ``countries`` (see module doc).

    ``admin_areas`` are administrative-area entries (feature class ``A``) of every
    gazetteer; ``lookup`` finds packaged towns by name key and ``largest`` gives
    the population of the largest place of a (country, admin1) area.
    """
    to_iso: dict[tuple[str, str], str] = {}
    evidence: dict[str, str] = {}
    records: dict[str, GeoName] = {}
    wanted = {c.upper() for c in countries}
    for record in admin_areas:
        if record.feature_code != "ADM1" or record.country not in wanted or not record.admin1:
            continue
        keys = {region_name(n).key for n in (record.name, *record.alternates)}
        matches = {
            s.code for s in subdivisions(record.country) if s.parent is None and keys & s.keys
        }
        if len(matches) == 1:
            code = matches.pop()
            if code in records or (record.country, record.admin1) in to_iso:
                continue  # first evidence wins (files before the table)
            to_iso[(record.country, record.admin1)] = code
            records[code] = record
            evidence[code] = f"adm1 {record.geonameid or record.name}"
    capitals = _capital_claims(lookup, largest, wanted, set(records))
    capital_keys: dict[str, str] = {}
    for (country, admin1), (code, town) in capitals.items():
        if (country, admin1) in to_iso:
            continue
        to_iso[(country, admin1)] = code
        evidence[code] = f"capital {town.name} ({town.geonameid})"
        capital_keys[code] = name_key(town.name)
    return Admin1Map(to_iso, evidence, records, capital_keys)


def _capital_claims(
    lookup: Lookup, largest: Largest, countries: set[str], done: set[str]
) -> dict[tuple[str, str], tuple[str, GeoName]]:
    claims: dict[tuple[str, str], tuple[str, GeoName]] = {}
    contested: set[tuple[str, str]] = set()
    for country in sorted(countries):
        for item in subdivisions(country):
            if item.parent is not None or item.code in done:
                continue
            towns = [
                town
                for key in sorted(item.keys)
                for town, _ in lookup(key)
                if town.country == country
                and town.feature_class == "P"
                and town.admin1
                and town.population >= CAPITAL_MIN_POPULATION
                and town.population >= CAPITAL_MIN_SHARE * largest(country, town.admin1)
            ]
            if not towns:
                continue
            town = max(towns, key=lambda t: (t.population, -(t.geonameid or 0)))
            slot = (country, town.admin1)
            held = claims.get(slot)
            if held is not None and held[1] == town:
                contested.add(slot)  # two subdivisions named after one town
            elif held is None or town.population > held[1].population:
                claims[slot] = (item.code, town)
    return {slot: claim for slot, claim in claims.items() if slot not in contested}


def subdivision_countries(key: str) -> frozenset[str]:
    """The countries with an ISO 3166-2 subdivision whose name has the key ``key``.

    >>> sorted(subdivision_countries("drenthe")), "LK" in subdivision_countries("western")
    (['NL'], True)
    """
    return _subdivision_index().get(key, frozenset())


@cache
def _subdivision_index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for country in pycountry.countries:
        for item in subdivisions(country.alpha_2):
            for key in item.keys:
                index.setdefault(key, set()).add(item.country)
    return {key: frozenset(found) for key, found in index.items()}
