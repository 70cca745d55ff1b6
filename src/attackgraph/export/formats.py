"""The dump formats: one registry of small value objects, each with its writer.

Every writer reads the same :class:`~attackgraph.export.collect.SortedQuads`, so the
bytes depend only on the set of quads. N-Triples and N-Quads are the sorted,
deduplicated lines themselves; Turtle and TriG are written by pyoxigraph from the
sorted statements (subjects grouped, ``a`` first for each subject, graphs in order for
TriG), with the project prefixes; JSON-LD is built by :mod:`.jsonld`.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import IO, BinaryIO, Final, cast

from pyoxigraph import NamedNode, Quad, RdfFormat, Triple, serialize

from attackgraph import formats as media
from attackgraph.export.atomic import ExportError
from attackgraph.export.collect import parse_lines
from attackgraph.export.jsonld import Compactor, json_nodes, jsonld_head, jsonld_tail
from attackgraph.export.layout import (
    ExportSource,
    Layout,
    graph_units,
    lines_render,
    subject_units,
)
from attackgraph.formats import MediaFormat
from attackgraph.namespaces import RDF_NS

DUMP_STEM: Final = "attackgraph"
"""Dump files are ``attackgraph.<extension>``."""

_TYPE_PREDICATE: Final = f" <{RDF_NS}type> ".encode()


Writer = Callable[[ExportSource, BinaryIO], None]
"""Writes one format to a binary stream; the caller re-parses and checks the bytes."""


@dataclass(frozen=True)
class Format:
    """One dump format.

    >>> FORMATS["nquads"].file_name(compressed=True)
    'attackgraph.nq.gz'
    >>> [f.name for f in ALL_FORMATS if f.named_graphs]
    ['nquads', 'trig']
    """

    media: MediaFormat
    """Name, media type and extension, from the format registry (``attackgraph.formats``)."""
    named_graphs: bool
    """Keeps the documents' named graphs (else the dump is the union)."""
    rdf_format: RdfFormat
    """How pyoxigraph re-parses it."""
    write: Writer = field(repr=False, compare=False)
    layout: Layout | None = field(default=None, repr=False, compare=False)
    """How the file is cut into units a rebuild can reuse (None: written whole only)."""

    @property
    def name(self) -> str:
        return self.media.name

    @property
    def media_type(self) -> str:
        return self.media.media_type

    @property
    def extension(self) -> str:
        return self.media.extension

    def file_name(self, stem: str = DUMP_STEM, *, compressed: bool = False) -> str:
        return f"{stem}{self.extension}{'.gz' if compressed else ''}"


def _triple_units(source: ExportSource) -> Iterator[list[bytes]]:
    return subject_units(source.data.triple_lines())


def _quad_units(source: ExportSource) -> Iterator[list[bytes]]:
    return subject_units(t + b" " + g for t, g in source.data.pairs())


def _trig_units(source: ExportSource) -> Iterator[list[bytes]]:
    return graph_units(source.data.graphs())


def _prefix_head(source: ExportSource) -> bytes:
    """The ``@prefix`` lines pyoxigraph writes before the first statement, in our order
    (nothing for an empty dataset, as pyoxigraph writes nothing then)."""
    if not source.data.quad_count:
        return b""
    some = NamedNode("https://example.org/s")
    return _head_of(serialize_turtle([Triple(some, some, some)], source.prefixes))


def _head_of(text: bytes) -> bytes:
    """The leading ``@prefix`` lines of a Turtle or TriG text."""
    end = 0
    while text.startswith(b"@prefix ", end):
        end = text.index(b"\n", end) + 1
    return text[:end]


def _turtle_render(source: ExportSource, lines: list[bytes], first: bool) -> bytes:
    triples = parse_lines(_types_first(lines), b" .\n", RdfFormat.N_TRIPLES)
    text = serialize(triples, None, RdfFormat.TURTLE, prefixes=dict(source.prefixes))
    assert text is not None  # no output given: bytes come back
    return text[len(_head_of(text)) :]


def _trig_render(source: ExportSource, lines: list[bytes], first: bool) -> bytes:
    def quads() -> Iterator[Quad]:
        for graph, triples in _by_graph_term(lines):
            yield from parse_lines(_types_first(triples), b" " + graph + b" .\n",
                                   RdfFormat.N_QUADS)  # fmt: skip

    text = serialize(quads(), None, RdfFormat.TRIG, prefixes=dict(source.prefixes))
    assert text is not None
    return text[len(_head_of(text)) :]


def _by_graph_term(lines: list[bytes]) -> Iterator[tuple[bytes, list[bytes]]]:
    """N-Quads lines of whole graphs, graph after graph: ``(graph term, triple lines)``."""
    graph = b""
    triples: list[bytes] = []
    for line in lines:
        cut = line.rindex(b" <")
        if line[cut + 1 :] != graph:
            if triples:
                yield graph, triples
            graph, triples = line[cut + 1 :], []
        triples.append(line[:cut])
    if triples:
        yield graph, triples


def _jsonld_head(source: ExportSource) -> bytes:
    if source.context is None:
        raise ExportError("JSON-LD needs a context: none was loaded")
    return jsonld_head(source.context)


def _jsonld_render(source: ExportSource, lines: list[bytes], first: bool) -> bytes:
    compactor = source.compactor or Compactor(source.context)
    return json_nodes(lines, compactor, first=first)


NTRIPLES_LAYOUT: Final = Layout(lambda _: b"", _triple_units, lines_render)
"""The union of all graphs, one sorted, unique line per triple."""
NQUADS_LAYOUT: Final = Layout(lambda _: b"", _quad_units, lines_render)
"""All quads, one sorted, unique line per quad."""
TURTLE_LAYOUT: Final = Layout(_prefix_head, _triple_units, _turtle_render)
"""The union of all graphs as Turtle, subjects in codepoint order, each subject's types
first."""
TRIG_LAYOUT: Final = Layout(_prefix_head, _trig_units, _trig_render)
"""Each named graph in turn (codepoint order), its subjects in codepoint order."""
JSONLD_LAYOUT: Final = Layout(
    _jsonld_head, _triple_units, _jsonld_render, tail=lambda _: jsonld_tail(), lead=b","
)
"""The union of all graphs as compacted JSON-LD with the context embedded."""


def serialize_turtle(triples: Iterable[Triple], prefixes: Mapping[str, str]) -> bytes:
    """Turtle for a small graph: statements in the order given, prefixes in the order
    of ``prefixes`` (pyoxigraph's own order is that of an internal map).

    >>> from pyoxigraph import NamedNode as N
    >>> print(serialize_turtle([Triple(N("http://e/a"), N("http://e/p"), N("http://f/b"))],
    ...                        {"f": "http://f/", "e": "http://e/"}).decode(), end="")
    @prefix f: <http://f/> .
    @prefix e: <http://e/> .
    e:a e:p f:b .
    """
    out = io.BytesIO()
    _serialize(triples, out, RdfFormat.TURTLE, prefixes)
    return out.getvalue()


def _serialize(
    statements: Iterable[Triple] | Iterable[Quad],
    out: BinaryIO,
    rdf_format: RdfFormat,
    prefixes: Mapping[str, str],
) -> None:
    header = _PrefixHeader(out, prefixes)
    serialize(statements, cast(IO[bytes], header), rdf_format, prefixes=dict(prefixes))
    header.close()


ALL_FORMATS: Final = (
    Format(media.TURTLE, False, RdfFormat.TURTLE, TURTLE_LAYOUT.write, TURTLE_LAYOUT),
    Format(
        media.JSONLD,
        False,
        RdfFormat.STREAMING_JSON_LD,  # the streaming form: re-parsed in constant memory
        JSONLD_LAYOUT.write,
        JSONLD_LAYOUT,
    ),
    Format(media.NTRIPLES, False, RdfFormat.N_TRIPLES, NTRIPLES_LAYOUT.write, NTRIPLES_LAYOUT),
    Format(media.NQUADS, True, RdfFormat.N_QUADS, NQUADS_LAYOUT.write, NQUADS_LAYOUT),
    Format(media.TRIG, True, RdfFormat.TRIG, TRIG_LAYOUT.write, TRIG_LAYOUT),
)
"""Every dump format, in the order they are written."""

FORMATS: Final[Mapping[str, Format]] = MappingProxyType({f.name: f for f in ALL_FORMATS})
"""The formats by name."""


def _types_first(lines: Iterable[bytes]) -> Iterator[bytes]:
    """Sorted triple lines with each subject's ``rdf:type`` lines moved to its front.

    >>> [line.decode() for line in _types_first([
    ...     b"<s> <http://a/p> <o>",
    ...     b"<s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <C>",
    ...     b"<t> <http://a/p> <o>"])]
    ['<s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <C>', '<s> <http://a/p> <o>', \
'<t> <http://a/p> <o>']
    """
    held: list[bytes] = []
    subject = b"\x00"
    for line in lines:
        if not line.startswith(subject):
            yield from held
            held.clear()
            subject = line[: line.index(b" ")]  # an IRI: no spaces inside
        if line.startswith(_TYPE_PREDICATE, len(subject)):
            yield line
        else:
            held.append(line)
    yield from held


class _PrefixHeader:
    """Passes a Turtle/TriG stream through, with its ``@prefix`` lines in our order.

    pyoxigraph writes the prefix declarations in the order of an internal map; this
    puts them in the order of :data:`~attackgraph.namespaces.PREFIXES`, so the
    bytes do not depend on that map.

    >>> import io
    >>> out = io.BytesIO()
    >>> header = _PrefixHeader(out, {"b": "http://b/", "a": "http://a/"})
    >>> _ = header.write(b"@prefix a: <http://a/> .\\n@prefix b: <http://b/> .\\na:x b:y a:z .\\n")
    >>> header.close()
    >>> out.getvalue().decode().splitlines()
    ['@prefix b: <http://b/> .', '@prefix a: <http://a/> .', 'a:x b:y a:z .']
    """

    def __init__(self, out: BinaryIO, prefixes: Mapping[str, str]) -> None:
        self._out = out
        self._rank = {f"@prefix {name}:".encode(): i for i, name in enumerate(prefixes)}
        self._head: bytes | None = b""

    def write(self, data: bytes) -> int:
        if self._head is None:
            self._out.write(data)
            return len(data)
        self._head += data
        lines = self._head.split(b"\n")
        for i, line in enumerate(lines[:-1]):
            if not line.startswith(b"@prefix "):
                self._emit(lines[:i], b"\n".join(lines[i:]))
                break
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        """Write out a header that was never followed by a statement."""
        if self._head is not None:
            lines = self._head.split(b"\n")
            self._emit(lines[:-1], lines[-1])

    def _emit(self, header: list[bytes], rest: bytes) -> None:
        def rank(line: bytes) -> tuple[int, bytes]:
            return self._rank.get(line[: line.index(b":") + 1], len(self._rank)), line

        self._out.write(b"".join(line + b"\n" for line in sorted(header, key=rank)) + rest)
        self._head = None
