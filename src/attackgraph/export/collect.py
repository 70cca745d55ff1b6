"""Collect per-document quad batches as sorted, deduplicated N-Quads lines.

Every writer reads from one :class:`SortedQuads`, so every format sees the same
statements in the same order and the output bytes depend only on the input set.

Each batch is serialised once by pyoxigraph (so literals are escaped by the serialiser,
never by hand) and kept as its N-Triples lines, one list per named graph: the graph
term is stored once per graph, not once per line. :meth:`SortedQuads.finish` sorts and
deduplicates each graph's lines and builds one ``(triple line, graph)`` pair per quad,
sorted. Sorting the pairs gives N-Quads codepoint order because an N-Triples line never
contains a raw character below the separating space (pyoxigraph escapes controls) and
no complete term is a prefix of another term followed by a space; so
``sorted((t, g))`` orders the lines ``t + " " + g + " ."`` exactly as sorting those
strings would. Equal triples from different graphs are then adjacent, so the union
for N-Triples, Turtle and JSON-LD is one pass that skips repeats.

Memory: the lines are ``bytes`` (UTF-8, whose byte order is codepoint order), about
``len(line) + 41`` bytes each, plus 64 bytes per quad for its sorted pair: about
300 MiB per million quads of the project's shape, measured (``bench/export_bench.py``).
The dataset's quads are held once; no rdflib graph and no pyoxigraph store is built.

Bounded memory: given a ``spill_dir``, at most ``spill_lines`` lines are held. Beyond
that, the held lines are written out as one sorted run (N-Quads lines, which sort as the
pairs do) plus each graph's lines appended to that graph's file; :meth:`finish` merges
the runs on disk (``heapq.merge``) into one sorted, unique N-Quads file, and readers
stream it, and each graph's file one graph at a time. The bytes written are the same.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Final

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, parse, serialize

from attackgraph.to_rdf import NQuadsText

_NEWLINE: Final = b"\n"
_PARSE_CHUNK: Final = 20_000
SPILL_LINES: Final = 250_000
"""Lines held in memory before a sorted run is written (~75 MiB of this shape, ~50 MiB
more while they are sorted; 1,000 generated documents make ~335,000 lines)."""


class SortedQuads:
    """The quads of a dataset as sorted, unique N-Triples lines per named graph.

    Lines carry no terminating `` .``; the writers add it.

    >>> from pyoxigraph import Literal, NamedNode, Quad
    >>> g, s, p = NamedNode("http://e/g"), NamedNode("http://e/s"), NamedNode("http://e/p")
    >>> data = SortedQuads()
    >>> data.add([Quad(s, p, Literal("b"), g), Quad(s, p, Literal("a"), g)])
    >>> data.add([Quad(s, p, Literal("a"), NamedNode("http://e/h"))])
    >>> (data.quad_count, data.triple_count, data.graph_count)
    (3, 2, 2)
    >>> [line.decode() for line in data.triple_lines()]
    ['<http://e/s> <http://e/p> "a"', '<http://e/s> <http://e/p> "b"']
    """

    def __init__(self, *, spill_dir: Path | None = None, spill_lines: int = SPILL_LINES) -> None:
        self._graphs: dict[bytes, list[bytes]] = {}
        self._pairs: list[tuple[bytes, bytes]] | None = None
        self._finished = False
        self._quad_count = self._triple_count = self._held = 0
        self._spill_dir, self._spill_lines = spill_dir, spill_lines
        self._runs: list[Path] = []
        self._graph_files: dict[bytes, Path] = {}
        self._merged: Path | None = None

    def add(self, batch: Sequence[Quad]) -> None:
        """Add one batch of quads (normally one document's, all in its named graph); a
        :class:`~attackgraph.to_rdf.NQuadsText` is taken as the text it holds.

        Raises ``ValueError`` for a quad in the default graph, a blank node or a
        triple term (the project mints IRIs for everything, and blank node labels
        would make the output bytes unstable), ``RuntimeError`` after :meth:`finish`
        and ``OSError`` when a run cannot be written.
        """
        if self._finished:
            raise RuntimeError("SortedQuads.add() after finish()")
        if not batch:
            return
        data: bytes | None
        graph: object
        if isinstance(batch, NQuadsText):  # already pyoxigraph's N-Quads: not parsed
            data, graph = batch.text, batch.graph
        else:
            data, graph = serialize(batch, None, RdfFormat.N_QUADS), batch[0].graph_name
        assert data is not None  # no output given: bytes come back
        if b"_:" in data or b"<<" in data:
            _check_terms(batch)  # rare: only a literal containing those characters passes
        if not isinstance(graph, NamedNode):
            raise ValueError(f"quad in the default graph: {batch[0]} (use the document's graph)")
        term = str(graph).encode()
        suffix = b" " + term + b" .\n"
        # Every line ends with "\n" and no term contains a raw newline, so the suffix
        # occurs once per line exactly when every quad is in ``graph``.
        if data.count(suffix) != data.count(_NEWLINE):
            for group in _by_graph(batch):
                self.add(group)
            return
        lines = data.replace(suffix, _NEWLINE).split(_NEWLINE)
        lines.pop()  # after the last newline
        self._graphs.setdefault(term, []).extend(lines)
        self._held += len(lines)
        if self._spill_dir is not None and self._held >= self._spill_lines:
            self._spill(self._spill_dir)

    def _spill(self, folder: Path) -> None:
        """Write the held lines as one sorted run and append each graph's to its file."""
        pairs = sorted((line, g) for g, lines in self._graphs.items() for line in lines)
        run = folder / f"run-{len(self._runs):06d}.nq"
        with run.open("wb") as out:
            out.writelines(t + b" " + g + b" .\n" for t, g in pairs)
        self._runs.append(run)
        del pairs
        for g, lines in self._graphs.items():
            path = self._graph_files.setdefault(g, folder / f"graph-{len(self._graph_files):07d}")
            with path.open("ab") as out:
                out.write(_NEWLINE.join(lines) + _NEWLINE)
        self._graphs.clear()
        self._held = 0

    def finish(self) -> None:
        """Sort and deduplicate (merging the runs on disk, if any); called by every
        reader, idempotent."""
        if self._finished:
            return
        self._finished = True
        if self._spill_dir is not None and self._runs:
            self._merge(self._spill_dir)
            return
        for lines in self._graphs.values():
            lines.sort()
            lines[:] = _unique(lines)
        self._graphs = {g: self._graphs[g] for g in sorted(self._graphs)}
        pairs = [(line, g) for g, lines in self._graphs.items() for line in lines]
        pairs.sort()
        self._pairs = pairs
        self._quad_count = len(pairs)
        self._triple_count = sum(1 for _ in self.triple_lines())

    def _merge(self, folder: Path) -> None:
        if self._graphs:
            self._spill(folder)
        merged = folder / "quads.nq"
        previous, last_triple = b"", b""
        with ExitStack() as stack, merged.open("wb") as out:
            runs = [stack.enter_context(run.open("rb")) for run in self._runs]
            for line in heapq.merge(*runs):
                if line == previous:
                    continue
                previous = line
                out.write(line)
                self._quad_count += 1
                triple = line[: line.rindex(b" <")]
                if triple != last_triple:
                    self._triple_count += 1
                    last_triple = triple
        for run in self._runs:
            run.unlink()
        self._merged = merged

    @property
    def quad_count(self) -> int:
        """Distinct quads."""
        self.finish()
        return self._quad_count

    @property
    def triple_count(self) -> int:
        """Distinct triples of the union of all graphs."""
        self.finish()
        return self._triple_count

    @property
    def graph_count(self) -> int:
        """Named graphs."""
        return len(self._graph_files) if self._runs else len(self._graphs)

    def pairs(self) -> Iterator[tuple[bytes, bytes]]:
        """``(triple line, graph term)`` per quad, in N-Quads codepoint order."""
        self.finish()
        if self._merged is None:
            assert self._pairs is not None
            yield from self._pairs
            return
        with self._merged.open("rb") as lines:
            for line in lines:
                cut = line.rindex(b" <")
                yield line[:cut], line[cut + 1 : -3]

    def triple_lines(self) -> Iterator[bytes]:
        """The union's distinct triple lines, in codepoint order."""
        previous = None
        for line, _ in self.pairs():
            if line != previous:
                yield line
                previous = line

    def graphs(self) -> Iterator[tuple[bytes, list[bytes]]]:
        """``(graph term, its sorted unique triple lines)``, graphs in codepoint order;
        spilled graphs are read back one at a time."""
        self.finish()
        if self._merged is None:
            yield from self._graphs.items()
            return
        for g in sorted(self._graph_files):
            lines = self._graph_files[g].read_bytes().split(_NEWLINE)
            lines.pop()
            lines.sort()
            yield g, _unique(lines)


def _unique(sorted_lines: list[bytes]) -> list[bytes]:
    """Drop adjacent repeats from a sorted list."""
    if not sorted_lines:
        return sorted_lines
    out = [sorted_lines[0]]
    for line in sorted_lines[1:]:
        if line != out[-1]:
            out.append(line)
    return out


def _by_graph(batch: Sequence[Quad]) -> list[list[Quad]]:
    groups: dict[str, list[Quad]] = {}
    for quad in batch:
        if not isinstance(quad.graph_name, NamedNode):
            raise ValueError(f"quad in the default graph: {quad} (use the document's graph)")
        groups.setdefault(quad.graph_name.value, []).append(quad)
    return list(groups.values())


def _check_terms(batch: Sequence[Quad]) -> None:
    for quad in batch:
        if any(isinstance(t, BlankNode) for t in (quad.subject, quad.object, quad.graph_name)):
            raise ValueError(f"blank node in {quad}: mint an IRI instead")
        if not isinstance(quad.subject, NamedNode) or not isinstance(
            quad.object, NamedNode | Literal
        ):
            raise ValueError(f"triple term in {quad}: not supported by the dumps")


def parse_lines(lines: Iterable[bytes], suffix: bytes, rdf_format: RdfFormat) -> Iterator[Quad]:
    """pyoxigraph terms for lines of this module, each completed with ``suffix``.

    For the writers that hand pyoxigraph term objects (Turtle, TriG, JSON-LD); the
    lines come from pyoxigraph's own serialiser, so they are parsed leniently.

    >>> [str(q.object) for q in parse_lines([b'<http://e/s> <http://e/p> "x"'], b" .\\n",
    ...                                      RdfFormat.N_TRIPLES)]
    ['"x"']
    """
    chunk: list[bytes] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= _PARSE_CHUNK:
            yield from parse(suffix.join(chunk) + suffix, rdf_format, lenient=True)
            chunk.clear()
    if chunk:
        yield from parse(suffix.join(chunk) + suffix, rdf_format, lenient=True)
