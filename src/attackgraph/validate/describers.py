"""Which graphs describe each subject of a dataset, in an SQLite file, not in memory.

The union check (:mod:`attackgraph.validate.dataset`) validates each subject once, with
the graph that *owns* it: the first of the graphs describing it in
:func:`~attackgraph.validate.blame.graph_order`. A dict of every subject of a release
would grow with it (26 MiB per 1,000 documents, and a copy in each forked worker); this
file is filled once, while the union store is loaded, and opened read-only by the
workers.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path

from attackgraph.validate.blame import DEFAULT_GRAPH

Task = tuple[str, list[str]]
"""An owning graph and the subjects it owns, sorted."""


class Describers:
    """Which graphs describe each subject (an IRI), in an SQLite file: a subject's owner
    is the first of them in :func:`graph_order`. Filled by :meth:`add`, then
    :meth:`finish`; other processes open the file with ``read_only``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     d = Describers(Path(tmp, "d.sqlite"))
    ...     d.add([("s", "<g2>"), ("s", "<g1>"), ("t", DEFAULT_GRAPH), ("s", "<g2>")])
    ...     d.finish()
    ...     print(d.graphs("s"), list(d.tasks()), d.graph_count(), d.subject_count())
    ...     d.close()
    ['<g1>', '<g2>'] [('<g1>', ['s']), ('DEFAULT', ['t'])] 3 2
    """

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.only: set[str] | None = None
        """When set, :meth:`tasks` gives only the graphs owning one of these subjects."""
        uri = f"{path.resolve().as_uri()}?mode={'ro' if read_only else 'rwc'}"
        # the task generator runs in the worker pool's feeder thread
        self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        if not read_only:
            self._db.executescript(
                "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                "CREATE TABLE describes (subject TEXT, graph TEXT, PRIMARY KEY (subject, graph))"
                " WITHOUT ROWID;"
            )

    def add(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Note ``(subject, graph)`` pairs (repeats are kept once)."""
        self._db.executemany(
            "INSERT OR IGNORE INTO describes VALUES (?, ?)",
            ((s, _order_key(g)) for s, g in pairs),
        )

    def finish(self) -> None:
        """Work out each subject's owner (after the last :meth:`add`)."""
        self._db.executescript(
            "CREATE TABLE owned (owner TEXT, subject TEXT, PRIMARY KEY (owner, subject))"
            " WITHOUT ROWID;"
            "INSERT INTO owned SELECT MIN(graph), subject FROM describes GROUP BY subject;"
        )
        self._db.commit()

    def graphs(self, subject: str) -> list[str]:
        """The graphs describing ``subject``, in :func:`graph_order`."""
        rows = self._db.execute(
            "SELECT graph FROM describes WHERE subject = ? ORDER BY graph", (subject,)
        )
        return [graph[1:] for (graph,) in rows]

    def tasks(self) -> Iterator[Task]:
        """Each owning graph (in :func:`graph_order`) with the subjects it owns, sorted."""
        rows = self._db.execute("SELECT owner, subject FROM owned ORDER BY owner, subject")
        only = self.only
        for owner, group in groupby(rows, key=lambda row: str(row[0])):
            subjects = [str(s) for _, s in group]
            # a graph's results depend on all it owns (where a result is located)
            if only is None or not only.isdisjoint(subjects):
                yield owner[1:], subjects

    def graph_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(DISTINCT graph) FROM describes").fetchone()[0])

    def owner_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(DISTINCT owner) FROM owned").fetchone()[0])

    def subject_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM owned").fetchone()[0])

    def close(self) -> None:
        self._db.close()


def _order_key(graph: str) -> str:
    """``graph`` with a first character that makes SQLite's (codepoint) order
    :func:`graph_order`: named graphs first."""
    return ("1" if graph == DEFAULT_GRAPH else "0") + graph
