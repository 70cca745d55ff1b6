"""The manifest of a release's pages: what each page read, its files and what the
index and lists show of it (SQLite, in the build cache), written while the pages are
rendered and read by the next build (:mod:`attackgraph.publish.reuse`).

A build that keeps pages of the previous release starts from a copy of its manifest
(:class:`Carried`: the kept pages' rows are already there) and changes the rows of the
pages it renders again or drops; otherwise the manifest starts empty. Either way its
index from keys to pages (:mod:`attackgraph.publish.readers`) follows the pages' keys.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from attackgraph.publish import readers

MANIFEST_FORMAT: Final = 4


@dataclass(frozen=True)
class Entry:
    """One page in a manifest: what a later build needs to keep it."""

    files: dict[str, str]
    """Release path -> SHA-256 of each of the page's files."""
    keys: bytes
    """What the page read (:func:`attackgraph.publish.reads.key` digests, joined; empty
    for a kept page, whose keys stay in the manifest)."""
    index: Any
    """What the index shows of it (JSON values; None for a page the index does not list)."""
    name: str
    """Its name and its types, as the lists show them."""
    types: str
    layout: dict[str, int] | None = None
    """A document page's layout (:func:`attackgraph.publish.parts.doc_layout`: the part
    showing each claim, figure and span past the first); None for other pages."""


class Manifest:
    """The pages of one release, written while they are rendered (see the module
    docstring: ``carried`` names the manifest it starts from)."""

    def __init__(self, path: Path, *, context: str, carried: Carried | None = None) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        self._fresh = carried is None
        self._tally: readers.Tally | None = readers.Tally()
        if carried is not None:
            shutil.copyfile(carried.path, path)
            self._db = sqlite3.connect(path)
            self._db.executescript(
                "DELETE FROM status; DELETE FROM meta WHERE name IN ('dumps', 'stamp');"
            )
            self._tally = carried.tally
            return
        self._db = sqlite3.connect(path)
        self._db.executescript(
            "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);"
            "CREATE TABLE pages (id INTEGER PRIMARY KEY, iri TEXT UNIQUE NOT NULL, keys BLOB,"
            " files TEXT, idx TEXT, name TEXT, types TEXT, layout TEXT);"
            "CREATE TABLE groups (name TEXT PRIMARY KEY, inputs TEXT, keys BLOB, files TEXT);"
            "CREATE TABLE status (path TEXT PRIMARY KEY, ino INTEGER, size INTEGER,"
            " mtime INTEGER, ctime INTEGER);" + readers.SCHEMA
        )
        self._db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("format", str(MANIFEST_FORMAT)), ("context", context)],
        )

    def add(self, iri: str, page: Entry) -> None:
        """One rendered page: its keys (joined), files, index entry, name, types and
        layout, in place of what the manifest held of it."""
        layout = None if page.layout is None else json.dumps(page.layout)
        values = (page.keys, json.dumps(page.files), json.dumps(page.index), page.name,
                  page.types, layout)  # fmt: skip
        row = None if self._fresh else self._db.execute(
            "SELECT id, keys FROM pages WHERE iri = ?", (iri,)
        ).fetchone()  # fmt: skip
        if row is None:
            cursor = self._db.execute(
                "INSERT INTO pages (keys, files, idx, name, types, layout, iri)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (*values, iri),
            )
            number = cursor.lastrowid
            assert number is not None
        else:
            number, old = row
            self._forget(number, old)
            self._db.execute(
                "UPDATE pages SET keys = ?, files = ?, idx = ?, name = ?, types = ?,"
                " layout = ? WHERE id = ?",
                (*values, number),
            )
        if self._tally is not None:
            self._tally = readers.add(self._db, number, readers.numbers(page.keys), self._tally)
        else:
            self._db.executemany(
                "INSERT INTO readers VALUES (?, ?)",
                ((k, number) for k in readers.numbers(page.keys)),
            )

    def retain(self, iris: Container[str]) -> None:
        """Drop the pages not in ``iris`` (those of the previous release that are gone)."""
        if self._fresh:
            return
        gone = [(n, i) for n, i in self._db.execute("SELECT id, iri FROM pages") if i not in iris]
        for number, _ in gone:
            (keys,) = self._db.execute("SELECT keys FROM pages WHERE id = ?", (number,)).fetchone()
            self._forget(number, keys)
            self._db.execute("DELETE FROM pages WHERE id = ?", (number,))

    def group(self, name: str, inputs: str, keys: bytes, files: dict[str, str]) -> None:
        """Pages rendered together from ``inputs`` (the index pages, the lists): what
        they read and their files' SHA-256 (:meth:`Previous.keep_group`)."""
        self._db.execute(
            "INSERT OR REPLACE INTO groups VALUES (?, ?, ?, ?)",
            (name, inputs, keys, json.dumps(files)),
        )

    def _forget(self, number: int, keys: bytes) -> None:
        """Remove page ``number``'s rows of the index (``keys``: what it read)."""
        found = readers.numbers(keys)
        if self._tally is not None:
            self._tally = readers.remove(self._db, number, found, self._tally)
        else:
            self._db.executemany(
                "DELETE FROM readers WHERE key = ? AND page = ?", ((k, number) for k in found)
            )

    def finish(self, dumps: str) -> None:
        """Name the release the pages belong to and close: ``dumps`` is the SHA-256 of
        its N-Quads and N-Triples dumps, joined by a space (known from writing them)."""
        self._db.execute(readers.INDEX)
        tally = self._tally or readers.counted(self._db)
        assert tally is not None, "the manifest's own index cannot be read"
        self._db.executemany(
            "INSERT OR REPLACE INTO meta VALUES (?, ?)",
            [("dumps", dumps), (readers.META, tally.text())],
        )
        self._db.commit()
        self._db.close()


@dataclass(frozen=True)
class Carried:
    """A previous manifest whose index adds up, for the next one to start from."""

    path: Path
    tally: readers.Tally
