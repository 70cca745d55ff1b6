"""Which graphs describe each subject of a dataset, and its triples, in an SQLite file.

The union check (:mod:`attackgraph.validate.dataset`) validates each subject once, with
the graph that *owns* it: the first of the graphs describing it in
:func:`~attackgraph.validate.blame.graph_order`. A dict of every subject of a release
would grow with it (26 MiB per 1,000 documents, and a copy in each forked worker); this
file is filled once, in one pass over the dump, and opened read-only by the workers.
It also holds the union's triples themselves, as N-Triples lines by subject with the
IRIs they link to (:meth:`Describers.node`): a neighbourhood is a few primary-key reads
and joined text that the SHACL engine reads as it is, with no RDF store to load and no
term objects to build; and, when asked, which subjects link to each IRI
(:meth:`Describers.linking`, for a rebuild's walk backwards).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path
from typing import Final

from attackgraph.validate.blame import DEFAULT_GRAPH

Task = tuple[str, list[str]]
"""An owning graph and the subjects it owns, sorted."""
Statement = tuple[str, str, str | None, str]
"""A dump line's subject IRI, its triple as an N-Triples line, the IRI its object links
to (None: a literal, a blank node, or through ``rdf:type``) and its graph."""
FEW: Final = 10_000
"""Up to this many subjects to check again, their owners are looked up one by one."""


class Describers:
    """Which graphs describe each subject (an IRI), in an SQLite file: a subject's owner
    is the first of them in :func:`graph_order`. Filled by :meth:`add`, then
    :meth:`finish`; other processes open the file with ``read_only``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     d = Describers(Path(tmp, "d.sqlite"))
    ...     d.add([("s", "<g2>"), ("s", "<g1>"), ("t", DEFAULT_GRAPH), ("s", "<g2>")])
    ...     d.add_nodes([("s", "<s> <p> <t> .\\n", "t"), ("s", "<s> <q> <u> .\\n", "u")])
    ...     d.add_links([("t", "s")])
    ...     d.finish()
    ...     print(d.graphs("s"), list(d.tasks()), d.graph_count(), d.subject_count())
    ...     print(d.node("s"), d.node("x"), d.linking("t"))
    ...     d.close()
    ['<g1>', '<g2>'] [('<g1>', ['s']), ('DEFAULT', ['t'])] 3 2
    ('<s> <p> <t> .\\n<s> <q> <u> .\\n', ['t', 'u']) ('', []) ['s']
    """

    def __init__(self, path: Path, *, read_only: bool = False, _reopen: bool = False) -> None:
        self.path = path
        self.only: set[str] | None = None
        """When set, :meth:`tasks` gives only the graphs owning one of these subjects."""
        mode = "ro" if read_only else "rw" if _reopen else "rwc"
        uri = f"{path.resolve().as_uri()}?mode={mode}"
        # the task generator runs in the worker pool's feeder thread
        self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        if not read_only:
            self._db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
        if not read_only and not _reopen:
            self._db.executescript(
                "CREATE TABLE describes (subject TEXT, graph TEXT, PRIMARY KEY (subject, graph))"
                " WITHOUT ROWID;"
                "CREATE TABLE node (subject TEXT, triples TEXT, links TEXT);"
                "CREATE TABLE link (target TEXT, subject TEXT);"
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                "INSERT INTO meta VALUES ('dump', '');"
            )

    @classmethod
    def reopen(cls, path: Path, digest: str) -> Describers | None:
        """The file at ``path`` when it holds the union of the dump whose SHA-256 is
        ``digest`` (:meth:`mark`), noted as being changed; None otherwise (no such file,
        another dump's, one whose change was not finished, or damaged).

        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     d = Describers(Path(tmp, "d.sqlite"))
        ...     d.finish()
        ...     d.close()
        ...     Describers.mark(Path(tmp, "d.sqlite"), "abc")
        ...     one = Describers.reopen(Path(tmp, "d.sqlite"), "abc")
        ...     one.close()
        ...     print(Describers.reopen(Path(tmp, "d.sqlite"), "abc"))
        None
        """
        if not path.is_file():
            return None
        try:
            found = cls(path, _reopen=True)
        except sqlite3.Error:
            return None
        try:
            row = found._db.execute("SELECT value FROM meta WHERE key = 'dump'").fetchone()
            if row is None or row[0] != digest:
                found.close()
                return None
            found._db.execute("UPDATE meta SET value = '' WHERE key = 'dump'")
            found._db.commit()
        except sqlite3.Error:
            found.close()
            return None
        return found

    @staticmethod
    def mark(path: Path, digest: str) -> None:
        """Note that the file at ``path`` holds the union of the dump whose SHA-256 is
        ``digest`` (a file that cannot be written is left as it is: never reopened)."""
        if not path.is_file():
            return
        try:
            db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)
            try:
                db.execute("UPDATE meta SET value = ? WHERE key = 'dump'", (digest,))
                db.commit()
            finally:
                db.close()
        except sqlite3.Error:
            return

    def replace(self, subject: str, statements: Iterable[Statement]) -> bool:
        """Replace what the file holds of ``subject`` by ``statements`` (all of the
        subject's, as :func:`~attackgraph.validate.dataset.parse_statement` gives them;
        none: the subject is gone); whether its triples changed."""
        before = set(self.node(subject)[0].split("\n")[:-1])
        triples: dict[str, None] = {}
        targets: dict[str, None] = {}
        graphs: set[str] = set()
        for _, triple, target, graph in statements:
            triples[triple] = None
            graphs.add(graph)
            if target is not None:
                targets[target] = None
        for table in ("node", "describes", "owned", "link"):
            self._db.execute(f"DELETE FROM {table} WHERE subject = ?", (subject,))  # noqa: S608
        if triples:
            self.add_nodes([(subject, "".join(triples), "\n".join(targets))])
            self.add((subject, graph) for graph in graphs)
            self.add_links((target, subject) for target in targets)
            self._db.execute(
                "INSERT INTO owned SELECT MIN(graph), subject FROM describes WHERE subject = ?"
                " GROUP BY subject",
                (subject,),
            )
        return before != {line[:-1] for line in triples}

    def commit(self) -> None:
        self._db.commit()

    def add(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Note ``(subject, graph)`` pairs (repeats are kept once)."""
        self._db.executemany(
            "INSERT OR IGNORE INTO describes VALUES (?, ?)",
            ((s, _order_key(g)) for s, g in pairs),
        )

    def add_nodes(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """Note ``(subject, N-Triples lines, linked IRIs one a line)`` rows: a subject's
        triples, without repeats within a row (a subject may have several rows)."""
        self._db.executemany("INSERT INTO node VALUES (?, ?, ?)", rows)

    def add_links(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Note ``(target, subject)`` pairs: ``subject`` links to ``target``."""
        self._db.executemany("INSERT INTO link VALUES (?, ?)", pairs)

    def finish(self) -> None:
        """Work out each subject's owner and index the triples (after the last add)."""
        self._db.executescript(
            "CREATE TABLE owned (owner TEXT, subject TEXT, PRIMARY KEY (owner, subject))"
            " WITHOUT ROWID;"
            "INSERT INTO owned SELECT MIN(graph), subject FROM describes GROUP BY subject;"
            "CREATE INDEX owned_by ON owned (subject);"
            "CREATE INDEX node_of ON node (subject);"
            "CREATE INDEX link_to ON link (target);"
            "CREATE INDEX link_from ON link (subject);"
        )
        self._db.commit()

    def node(self, subject: str) -> tuple[str, list[str]]:
        """The union's triples of ``subject`` (N-Triples lines, each once) and the IRIs
        they link to (not through ``rdf:type``); empty when it has none."""
        rows = self._db.execute(
            "SELECT triples, links FROM node WHERE subject = ?", (subject,)
        ).fetchall()
        if len(rows) == 1:
            text, links = rows[0]
            return str(text), str(links).split("\n") if links else []
        # "\n" alone ends a line: a literal may hold U+2028 or U+0085 unescaped
        lines = dict.fromkeys(
            f"{line}\n" for text, _ in rows for line in str(text).split("\n")[:-1]
        )
        targets = dict.fromkeys(t for _, links in rows if links for t in str(links).split("\n"))
        return "".join(lines), list(targets)

    def linking(self, target: str) -> list[str]:
        """The subjects that link to ``target`` (as :meth:`node` lists links), sorted."""
        rows = self._db.execute("SELECT DISTINCT subject FROM link WHERE target = ?", (target,))
        return sorted(str(subject) for (subject,) in rows)

    def graphs(self, subject: str) -> list[str]:
        """The graphs describing ``subject``, in :func:`graph_order`."""
        rows = self._db.execute(
            "SELECT graph FROM describes WHERE subject = ? ORDER BY graph", (subject,)
        )
        return [graph[1:] for (graph,) in rows]

    def tasks(self) -> Iterator[Task]:
        """Each owning graph (in :func:`graph_order`) with the subjects it owns, sorted."""
        only = self.only
        if only is not None and len(only) <= FEW:  # the owners of those, not a scan of all
            owners = {
                str(owner)
                for subject in only
                for (owner,) in self._db.execute(
                    "SELECT owner FROM owned WHERE subject = ?", (subject,)
                )
            }
            for owner in sorted(owners):
                rows = self._db.execute(
                    "SELECT subject FROM owned WHERE owner = ? ORDER BY subject", (owner,)
                )
                yield owner[1:], [str(s) for (s,) in rows]
            return
        rows = self._db.execute("SELECT owner, subject FROM owned ORDER BY owner, subject")
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
