"""Split a release's N-Quads into one N-Triples body per named graph.

The dump is read once, streaming; graphs are buffered in memory and spilled to one
temporary file per graph whenever the buffers pass ``spill_bytes``, so a release larger
than memory still splits. Lexical forms are kept exactly as written (no round trip
through a store, which would rewrite ``"1.50"`` as ``"1.5"``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from pyoxigraph import NamedNode, RdfFormat, parse

from attackgraph.model import AttackgraphError

DEFAULT_GRAPH: Final = ""
"""Key of the default graph (quads without a graph name) in the split."""


class DumpError(AttackgraphError):
    """The N-Quads dump cannot be read or does not parse."""


@dataclass(frozen=True)
class GraphBody:
    """One graph's triples as N-Triples, each distinct triple once."""

    graph: str
    body: bytes
    triples: int


class _Buckets:
    def __init__(self, workdir: Path, spill_bytes: int) -> None:
        self.workdir = workdir
        self.spill_bytes = spill_bytes
        self.order: dict[str, int] = {}
        self.buffers: dict[str, list[str]] = {}
        self.buffered = 0

    def add(self, graph: str, line: str) -> None:
        if graph not in self.order:
            self.order[graph] = len(self.order)
        self.buffers.setdefault(graph, []).append(line)
        self.buffered += len(line)
        if self.buffered > self.spill_bytes:
            self.spill()

    def _file(self, graph: str) -> Path:
        return self.workdir / f"{self.order[graph]}.nt"

    def spill(self) -> None:
        for graph, lines in self.buffers.items():
            with self._file(graph).open("a", encoding="utf-8") as out:
                out.writelines(lines)
        self.buffers.clear()
        self.buffered = 0

    def lines(self, graph: str) -> list[str]:
        path = self._file(graph)
        spilled = (
            path.read_text(encoding="utf-8").splitlines(keepends=True) if path.exists() else []
        )
        return spilled + self.buffers.get(graph, [])


def split_by_graph(
    dump: Path, workdir: Path, *, spill_bytes: int = 64 << 20
) -> Iterator[GraphBody]:
    """Yield each graph of ``dump`` (sorted by name, the default graph first) as N-Triples.

    ``workdir`` holds the spilled buffers and must be empty. Raises
    :class:`DumpError` when the dump is missing or malformed.

    >>> import tempfile
    >>> nq = (b'<http://e/a> <http://e/p> "1.50"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    ...       b' <http://e/g> .\\n<http://e/a> <http://e/p> "x" .\\n')
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (Path(tmp) / "d.nq").write_bytes(nq)
    ...     [(g.graph, g.triples, g.body) for g in split_by_graph(Path(tmp) / "d.nq", Path(tmp))]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('', 1, b'<http://e/a> <http://e/p> "x" .\\n'),
     ('http://e/g', 1,
      b'<http://e/a> <http://e/p> "1.50"^^<http://www.w3.org/2001/XMLSchema#decimal> .\\n')]
    """
    buckets = _Buckets(workdir, spill_bytes)
    try:
        for quad in parse(path=str(dump), format=RdfFormat.N_QUADS):
            graph = quad.graph_name.value if isinstance(quad.graph_name, NamedNode) else ""
            buckets.add(graph, f"{quad.triple} .\n")
    except (OSError, SyntaxError, ValueError) as error:
        raise DumpError(f"{dump}: {error}") from error
    for graph in sorted(buckets.order):
        distinct = dict.fromkeys(buckets.lines(graph))
        yield GraphBody(graph, "".join(distinct).encode("utf-8"), len(distinct))
