"""What the union remembers across documents, on disk (SQLite), not in memory.

:class:`~attackgraph.union.Union` adds documents one at a time, and each decision reads
what earlier documents said about the same things: the classes of each shared thing and
how many documents described it, the first value of each single-valued property (and
who stated it), the dates and countries of each event title's variants, and, for the
claims of a disagreement (:mod:`attackgraph.disputes`), each document's next claim
number and where it names a thing. That grows with the corpus (about 28 MiB per 1,000
generated documents as Python objects), so it lives in a temporary SQLite database
(deleted when closed); a document loads the rows of the things it describes, decides,
and writes them back. SQLite's page cache bounds the memory.

>>> state = UnionState()
>>> state.save_things({"s": {"C"}}, {"s": 1})
>>> state.things(["s", "t"])
({'s': {'C'}}, {'s': 1})
>>> state.close()
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

import pyoxigraph as ox

_BATCH: Final = 500
"""Subjects per ``IN (...)`` query (below SQLite's limit on parameters)."""
_SCHEMA: Final = """
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -16384;
CREATE TABLE things (subject TEXT PRIMARY KEY, types TEXT, seen INTEGER) WITHOUT ROWID;
CREATE TABLE firsts (subject TEXT, predicate TEXT, value TEXT, source TEXT, graph TEXT,
                     PRIMARY KEY (subject, predicate)) WITHOUT ROWID;
CREATE TABLE variants (event TEXT PRIMARY KEY, variants TEXT) WITHOUT ROWID;
CREATE TABLE documents (graph TEXT PRIMARY KEY, slug TEXT, about TEXT, next_claim INTEGER)
    WITHOUT ROWID;
CREATE TABLE spans (graph TEXT, subject TEXT, span TEXT, PRIMARY KEY (graph, subject))
    WITHOUT ROWID;
CREATE TABLE claimed (subject TEXT, predicate TEXT, PRIMARY KEY (subject, predicate))
    WITHOUT ROWID;
"""

_KEYS: Final = {"things": "subject", "firsts": "subject", "variants": "event", "documents": "graph"}
"""The key column of each table read by :meth:`UnionState.rows`."""


def columns() -> dict[str, int]:
    """The number of columns of each table.

    >>> columns()["firsts"]
    5
    """
    with sqlite3.connect(":memory:") as db:
        db.executescript(_SCHEMA)
        tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        found = {t: len(db.execute(f"PRAGMA table_info({t})").fetchall()) for t in tables}
    db.close()
    return found


READ_TABLES: Final = frozenset(_KEYS)
"""The tables :meth:`UnionState.rows` reads."""

First = tuple[str, str, str, Any]
"""A first value: its N-Triples form, the file and graph that stated it, and its term
(None when read back from disk: :func:`attackgraph.union` parses the form again)."""


def term_of(text: str) -> ox.NamedNode | ox.Literal:
    """The term whose N-Triples form is ``text`` (``str(term)``): a first value read
    back from disk.

    >>> term_of('"12"^^<http://www.w3.org/2001/XMLSchema#integer>').value
    '12'
    """
    line = f"<urn:x:s> <urn:x:p> {text} .\n".encode()
    term = next(iter(ox.parse(line, format=ox.RdfFormat.N_TRIPLES))).object
    assert isinstance(term, ox.NamedNode | ox.Literal)
    return term


class UnionState:
    """The tables of the module docstring, in a temporary SQLite database."""

    def __init__(self) -> None:
        self._db = sqlite3.connect("")  # "": a private temporary database on disk
        self._db.executescript(_SCHEMA)
        self.log: list[tuple[Any, ...]] | None = None
        """When a list: each read (``("read", table, keys, rows)``) and write
        (``("write", table, rows)``) is appended, for the union's trace of a document
        (:meth:`attackgraph.union.Union.replay`)."""
        self.replayable = True
        """False once an operation the log does not hold ran while logging (those of the
        claims of a disagreement, which read and change other documents' rows)."""

    def close(self) -> None:
        self._db.close()

    # -- things: classes and how many documents described each ----------------
    def things(self, subjects: Iterable[str]) -> tuple[dict[str, set[str]], dict[str, int]]:
        """The classes and document counts of those of ``subjects`` already seen."""
        types: dict[str, set[str]] = {}
        seen: dict[str, int] = {}
        for subject, joined, count in self.rows("things", subjects):
            types[subject] = set(joined.split("\n")) if joined else set()
            seen[subject] = count
        return types, seen

    def save_things(self, types: Mapping[str, set[str]], seen: Mapping[str, int]) -> None:
        self.write("things", [(s, "\n".join(sorted(types.get(s, ()))), n) for s, n in seen.items()])

    # -- the first value of each single-valued property ------------------------
    def firsts(self, subjects: Iterable[str]) -> dict[tuple[str, str], First]:
        """``(subject, predicate)`` -> the first value, for ``subjects``' properties."""
        return {
            (subject, predicate): (value, source, graph, None)
            for subject, predicate, value, source, graph in self.rows("firsts", subjects)
        }

    def save_firsts(self, found: Mapping[tuple[str, str], First]) -> None:
        self.write("firsts", [(s, p, v[0], v[1], v[2]) for (s, p), v in found.items()])

    # -- the variants of each event title ---------------------------------------
    def variants(self, events: Iterable[str]) -> dict[str, list[list[object]]]:
        """Event IRI -> its variants ``[signature, IRI in the union]``."""
        return {
            event: [[tuple(signature), target] for signature, target in json.loads(text)]
            for event, text in self.rows("variants", events)
        }

    def save_variants(self, variants: Mapping[str, list[list[object]]]) -> None:
        self.write("variants", [(event, json.dumps(found)) for event, found in variants.items()])

    # -- for the claims of a disagreement ----------------------------------------
    def put_document(self, graph: str, slug: str, about: str | None, next_claim: int) -> None:
        self.write("documents", [(graph, slug, about, next_claim)])

    def document(self, graph: str) -> tuple[str, str | None, int] | None:
        """A document's slug, main event and next claim number."""
        row = next(iter(self.rows("documents", [graph])), None)
        return None if row is None else (str(row[1]), row[2], int(row[3]))

    def set_next_claim(self, graph: str, next_claim: int) -> None:
        self.replayable = False
        self._db.execute("UPDATE documents SET next_claim = ? WHERE graph = ?", (next_claim, graph))

    def span(self, graph: str, subject: str) -> tuple[bool, list[Any] | None]:
        """Whether a span was noted for the document and subject, and the span."""
        self.replayable = False
        row = self._db.execute(
            "SELECT span FROM spans WHERE graph = ? AND subject = ?", (graph, subject)
        ).fetchone()
        return (False, None) if row is None else (True, json.loads(row[0]))

    def put_span(self, graph: str, subject: str, span: Sequence[object] | None) -> None:
        self.write("spans", [(graph, subject, json.dumps(span))])

    def claim_once(self, subject: str, predicate: str) -> bool:
        """True the first time it is asked for ``(subject, predicate)``."""
        self.replayable = False
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO claimed VALUES (?, ?)", (subject, predicate)
        )
        return cursor.rowcount == 1

    # -- the rows themselves (logged) ----------------------------------------------
    def rows(self, table: str, keys: Iterable[str]) -> list[tuple[Any, ...]]:
        """The rows of ``table`` whose first column is one of ``keys``.

        >>> state = UnionState()
        >>> state.put_document("g", "d", None, 1)
        >>> state.rows("documents", ["g", "h"])
        [('g', 'd', None, 1)]
        """
        wanted = sorted(set(keys))
        found: list[tuple[Any, ...]] = []
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start : start + _BATCH]
            marks = ",".join("?" * len(batch))
            found += self._db.execute(
                f"SELECT * FROM {table} WHERE {_KEYS[table]} IN ({marks})",  # noqa: S608 - ours
                batch,
            )
        if self.log is not None:
            self.log.append(("read", table, wanted, found))
        return found

    def write(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        """Put ``rows`` into ``table`` (a first value is never replaced, other rows are)."""
        if not rows:
            return
        if self.log is not None:
            self.log.append(("write", table, rows))
        verb = "INSERT OR IGNORE" if table == "firsts" else "INSERT OR REPLACE"
        marks = ",".join("?" * len(rows[0]))
        self._db.executemany(f"{verb} INTO {table} VALUES ({marks})", rows)  # noqa: S608 - ours
