"""A dump file as a head, units of its sorted statements, and a tail.

Every dump is written as ``head + unit + unit + … + tail``, each unit rendered from its
own statements alone, so a unit's bytes depend only on its input lines (and on whether it
is the first unit). The units are cut where the content says, not every N lines: before
a subject (N-Triples, N-Quads, Turtle, JSON-LD) or a named graph (TriG) whose CRC-32 is a
multiple of :data:`UNIT_SUBJECTS` or :data:`UNIT_GRAPHS`. So a change to one document
changes the few units holding its statements, and every other unit keeps its input,
its bytes and its gzip member (:mod:`.chunks`), whatever moved before it.

Cutting costs nothing in the bytes: pyoxigraph writes a Turtle or TriG statement group
without reference to what came before (only the ``@prefix`` lines, which are the head),
and the JSON-LD writer puts one node object per line; ``tests/test_dump_chunks.py`` checks
that the units give the bytes of one whole serialisation.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO, Final

from attackgraph.export.collect import SortedQuads

if TYPE_CHECKING:
    from attackgraph.export.jsonld import Compactor

UNIT_SUBJECTS: Final = 256
"""A unit starts at a subject whose CRC-32 is a multiple of this: ~256 subjects a unit
(~180 units of each union format for 1,000 generated documents)."""
UNIT_GRAPHS: Final = 16
"""A TriG unit starts at a graph whose CRC-32 is a multiple of this: ~16 documents."""


@dataclass(frozen=True)
class ExportSource:
    """What a writer reads: the sorted data, the output prefixes, the JSON-LD context."""

    data: SortedQuads
    prefixes: Mapping[str, str]
    context: Any = None
    """The JSON-LD context embedded in the output (``None``: not loaded)."""
    compactor: Compactor | None = None
    """The JSON-LD compactor for ``context``, built once (``None``: built when needed)."""


@dataclass(frozen=True)
class Layout:
    """How one format is cut: ``head``, the ``units`` of input lines, each ``render``-ed,
    ``tail``. A unit's lines are N-Triples lines (union formats) or N-Quads lines
    (named-graph formats), without the final `` .``; they are what its re-parse must give.

    >>> import io
    >>> from pyoxigraph import Literal, NamedNode, Quad
    >>> data = SortedQuads()
    >>> data.add([Quad(NamedNode("http://e/s"), NamedNode("http://e/p"), Literal("x"),
    ...                NamedNode("http://e/g"))])
    >>> lines = Layout(_nothing, lambda s: subject_units(s.data.triple_lines()), lines_render)
    >>> out = io.BytesIO()
    >>> lines.write(ExportSource(data, {}), out)
    >>> out.getvalue()
    b'<http://e/s> <http://e/p> "x" .\\n'
    """

    head: Callable[[ExportSource], bytes]
    units: Callable[[ExportSource], Iterator[list[bytes]]]
    render: Callable[[ExportSource, list[bytes], bool], bytes]
    """``render(source, lines, first)``: the unit's bytes; ``first`` for the first unit."""
    tail: Callable[[ExportSource], bytes] = lambda _: b""
    lead: bytes = b""
    """What a unit after the first starts with that the first does not (a separator)."""

    def write(self, source: ExportSource, out: BinaryIO) -> None:
        """The whole file, unit by unit."""
        out.write(self.head(source))
        first = True
        for unit in self.units(source):
            out.write(self.render(source, unit, first))
            first = False
        out.write(self.tail(source))

    def alone(self, source: ExportSource, unit: bytes, *, first: bool) -> bytes:
        """A file holding one rendered unit: what its re-parse reads."""
        body = unit if first else unit.removeprefix(self.lead)
        return self.head(source) + body + self.tail(source)


def _nothing(_: ExportSource) -> bytes:
    return b""


def lines_render(_: ExportSource, lines: list[bytes], first: bool) -> bytes:
    """N-Triples / N-Quads: the lines themselves, each ended by `` .``."""
    return b" .\n".join(lines) + b" .\n"


def subject_units(lines: Iterable[bytes]) -> Iterator[list[bytes]]:
    """Sorted statement lines cut before a subject whose CRC-32 is a multiple of
    :data:`UNIT_SUBJECTS` (a subject's lines stay in one unit).

    >>> units = list(subject_units([b"<a> <p> <o>", b"<a> <q> <o>", b"<b> <p> <o>"]))
    >>> sum(len(unit) for unit in units), all(unit for unit in units)
    (3, True)
    """
    unit: list[bytes] = []
    subject = b"\x00"
    for line in lines:
        if not line.startswith(subject):
            subject = line[: line.index(b" ")]  # an IRI: no spaces inside
            if unit and zlib.crc32(subject) % UNIT_SUBJECTS == 0:
                yield unit
                unit = []
        unit.append(line)
    if unit:
        yield unit


def graph_units(graphs: Iterable[tuple[bytes, list[bytes]]]) -> Iterator[list[bytes]]:
    """Each graph's triple lines as N-Quads lines, cut before a graph whose CRC-32 is a
    multiple of :data:`UNIT_GRAPHS` (a graph stays in one unit).

    >>> list(graph_units([(b"<g>", [b"<s> <p> <o>"])]))
    [[b'<s> <p> <o> <g>']]
    """
    unit: list[bytes] = []
    for graph, lines in graphs:
        if unit and zlib.crc32(graph) % UNIT_GRAPHS == 0:
            yield unit
            unit = []
        suffix = b" " + graph
        unit.extend(line + suffix for line in lines)
    if unit:
        yield unit
