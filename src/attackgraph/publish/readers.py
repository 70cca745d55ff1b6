"""Which pages read each key: the manifest's index from keys to the pages that read them.

A rebuild looks up the keys its changes touch (:func:`attackgraph.publish.reuse.changed_keys`)
in this index to find the pages to render again, instead of checking every kept page's
keys. The index is a table of the manifest (``readers``: one row per key a page read, the
key as a signed 64-bit integer, the page as the ``pages`` table's id) carried from build to
build with the manifest and changed where pages are rendered again or dropped.

The index is trusted only when it adds up: the manifest's ``meta`` table holds its
:class:`Tally` (rows, and the sums of each key's high 32 bits and of the page ids), which
the writer keeps as it adds and removes rows and a rebuild compares with one pass over
the table (a missing, truncated or edited index does not add up: nothing is kept, every
page is rendered and the index is written anew).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from attackgraph.publish.reads import KEY_BYTES

SCHEMA: Final = "CREATE TABLE readers (key INTEGER NOT NULL, page INTEGER NOT NULL);"
INDEX: Final = "CREATE INDEX IF NOT EXISTS readers_key ON readers (key, page);"
"""Made once the first build's rows are in (sorting them once costs less than keeping
the index ordered row by row)."""
META: Final = "readers"
"""The name of the tally in the manifest's ``meta`` table."""
_SUMS: Final = "SELECT count(*), coalesce(sum(key >> 32), 0), coalesce(sum(page), 0) FROM readers"


def numbers(keys: bytes) -> list[int]:
    """Joined keys (:data:`~attackgraph.publish.reads.KEY_BYTES` each) as the index's
    integers.

    >>> numbers(bytes(7) + b"\\x01" + b"\\xff" * 8)
    [1, -1]
    """
    return [
        int.from_bytes(keys[i : i + KEY_BYTES], "big", signed=True)
        for i in range(0, len(keys), KEY_BYTES)
    ]


@dataclass(frozen=True)
class Tally:
    """What the index adds up to: its rows, the sum of their keys' high 32 bits (below
    2**61 up to a billion rows) and the sum of their page ids."""

    rows: int = 0
    keys: int = 0
    pages: int = 0

    def plus(self, page: int, keys: Iterable[int], sign: int = 1) -> Tally:
        """The tally with ``page``'s rows of ``keys`` added (``sign`` -1: removed).

        >>> Tally().plus(2, [1 << 32, 3 << 32]).plus(2, [1 << 32], -1)
        Tally(rows=1, keys=3, pages=2)
        """
        found = list(keys)
        high = sum(k >> 32 for k in found)
        return Tally(
            self.rows + sign * len(found),
            self.keys + sign * high,
            self.pages + sign * page * len(found),
        )

    def text(self) -> str:
        return f"{self.rows} {self.keys} {self.pages}"

    @classmethod
    def parse(cls, text: str | None) -> Tally | None:
        """The tally written by :meth:`text`; None for anything else.

        >>> Tally.parse("1 2 3"), Tally.parse("1 2"), Tally.parse(None)
        (Tally(rows=1, keys=2, pages=3), None, None)
        """
        parts = (text or "").split()
        if len(parts) != 3 or not all(p.lstrip("-").isdigit() for p in parts):
            return None
        return cls(*(int(p) for p in parts))


def counted(db: sqlite3.Connection) -> Tally | None:
    """The tally of the index as it is (one pass over it); None when it cannot be read."""
    try:
        rows, keys, pages = db.execute(_SUMS).fetchone()
    except sqlite3.Error:
        return None
    return Tally(rows, keys, pages)


def trusted(db: sqlite3.Connection, meta: dict[str, str]) -> Tally | None:
    """The index's tally when it adds up to the one the manifest recorded, else None.

    >>> db = sqlite3.connect(":memory:")
    >>> _ = db.executescript(SCHEMA + INDEX)
    >>> add(db, 1, numbers(bytes(8)), Tally()) == Tally(1, 0, 1)
    True
    >>> trusted(db, {META: "1 0 1"}), trusted(db, {META: "2 0 1"}), trusted(db, {})
    (Tally(rows=1, keys=0, pages=1), None, None)
    """
    recorded = Tally.parse(meta.get(META))
    return recorded if recorded is not None and counted(db) == recorded else None


def add(db: sqlite3.Connection, page: int, keys: list[int], tally: Tally) -> Tally:
    """Note that ``page`` read ``keys``; the tally after."""
    db.executemany("INSERT INTO readers VALUES (?, ?)", ((k, page) for k in keys))
    return tally.plus(page, keys)


def remove(db: sqlite3.Connection, page: int, keys: list[int], tally: Tally) -> Tally | None:
    """Forget that ``page`` read ``keys``; the tally after, or None when the index did
    not hold each of those rows once (it disagrees with the pages' keys: count again)."""
    cursor = db.executemany(
        "DELETE FROM readers WHERE key = ? AND page = ?", ((k, page) for k in keys)
    )
    return tally.plus(page, keys, -1) if cursor.rowcount == len(keys) else None


def pages_reading(db: sqlite3.Connection, keys: Iterable[bytes]) -> set[int]:
    """The ids of the pages that read any of ``keys`` (joined keys or single ones)."""
    found: set[int] = set()
    query = "SELECT page FROM readers WHERE key = ?"
    for number in numbers(b"".join(keys)):
        found.update(page for (page,) in db.execute(query, (number,)))
    return found
