"""What makes a build-cache entry usable: the checks a document's entry passes before its
result is published instead of converting the document again.

The entry's checksum (:meth:`attackgraph.cache.BuildCache.entry`) catches damage, and
its seal an entry another program wrote (or one copied from another document's key);
neither catches an entry a build wrote whole with the wrong content (a bug). So an entry
is used only when it holds what converting can give
(:func:`meta_fields`, :func:`sound_quads`): a header of the fields
:func:`attackgraph.pipeline.convert.entry_meta` writes, with values of their types, and
quads that are pyoxigraph's N-Quads of the document's own named graph. Anything else is
corrupt: the document is converted again and its entry rewritten. Its union trace is
used only when it has the shape :meth:`attackgraph.union.Union.add` records
(:func:`sound_trace`); else the document is merged again and a new trace recorded.

Reading every entry's quads to check them would cost what the union's replay saves
(:meth:`attackgraph.union.Union.replay` never parses them), so an entry whose union
trace was recorded for its very quads (:meth:`attackgraph.cache.BuildCache.trace`, keyed
by their SHA-256) counts as checked: the trace is written only after those quads passed
:func:`sound_quads` or came from the converter itself.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import fields
from typing import Any, Final, TypeVar, get_args, get_type_hints

import pyoxigraph as ox

from attackgraph.model import Problem
from attackgraph.to_rdf import NQuadsText
from attackgraph.union import UnionStats
from attackgraph.union_state import READ_TABLES, columns
from attackgraph.validate import Violation

T = TypeVar("T")

_HEADER: Final = {"skipped", "source", "sha256", "warnings", "violations"}
"""The fields of an entry's header (``meta``), as ``entry_meta`` writes them."""


def meta_fields(meta: object) -> dict[str, Any]:
    """An entry's header as the fields of its document's result (``skipped``,
    ``source``, ``sha256``, ``warnings``, ``violations``). Raises ``ValueError`` when it
    is not what ``entry_meta`` writes: other fields, or values of other types.

    >>> meta_fields({"skipped": None, "source": "a.txt", "sha256": "0" * 64,
    ...              "warnings": [{"source": "a.txt", "line": 2, "rule": "r", "message": "m"}],
    ...              "violations": []})["warnings"]
    (Problem(source='a.txt', line=2, rule='r', message='m'),)
    >>> meta_fields({"skipped": None, "source": "a.txt", "sha256": None,
    ...              "warnings": [], "violations": []})
    Traceback (most recent call last):
    ValueError: sha256: str expected, not NoneType
    """
    if not isinstance(meta, dict) or set(meta) != _HEADER:
        raise ValueError(f"an entry's header has the fields {sorted(_HEADER)}")
    skipped, warnings, violations = meta["skipped"], meta["warnings"], meta["violations"]
    if not isinstance(warnings, list) or not isinstance(violations, list):
        raise ValueError("warnings and violations: lists expected")
    return {
        "skipped": None if skipped is None else typed(Problem, skipped),
        "source": _checked("source", meta["source"], str),
        "sha256": _checked("sha256", meta["sha256"], str),
        "warnings": tuple(typed(Problem, w) for w in warnings),
        "violations": tuple(typed(Violation, v) for v in violations),
    }


def typed(cls: type[T], values: object) -> T:
    """The dataclass ``cls`` made of ``values``, a JSON object of exactly its fields,
    each of its annotated type (``str``, ``int``, optional ones ``None`` too). Raises
    ``ValueError`` otherwise.

    >>> typed(Problem, {"source": "a.txt", "line": 1, "rule": "r", "message": "m"}).line
    1
    >>> typed(Problem, {"source": "a.txt", "line": "1", "rule": "r", "message": "m"})
    Traceback (most recent call last):
    ValueError: line: int expected, not str
    """
    hints = get_type_hints(cls)
    if not isinstance(values, dict) or set(values) - set(hints):
        raise ValueError(f"the fields of {cls.__name__} expected")
    for name, value in values.items():
        hint = hints[name]
        _checked(name, value, *(get_args(hint) if isinstance(hint, types.UnionType) else [hint]))
    try:
        return cls(**values)
    except TypeError as error:  # a field without a default missing
        raise ValueError(str(error)) from error


def _checked(name: str, value: object, *allowed: type) -> Any:
    if isinstance(value, bool) or not isinstance(value, allowed):
        expected = " or ".join(a.__name__ for a in allowed)
        raise ValueError(f"{name}: {expected} expected, not {type(value).__name__}")
    return value


def sound_quads(quads: NQuadsText, graph: ox.NamedNode) -> bool:
    """Whether an entry's quads are what converting a document of the named graph
    ``graph`` gives: at least one quad, each in that graph, written as pyoxigraph writes
    them (so the dumps, which take the text as it is, get the bytes of a fresh build).
    The quads are parsed (and kept parsed, for the union's merge).

    >>> g = ox.NamedNode("http://e/g")
    >>> quad = ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("1"), g)
    >>> text = ox.serialize([quad], format=ox.RdfFormat.N_QUADS)
    >>> sound_quads(NQuadsText(text), g), sound_quads(NQuadsText(text), ox.NamedNode("http://e/h"))
    (True, False)
    >>> sound_quads(NQuadsText(b"<http://e/s> <http://e/p> 1 .\\n"), g)
    False
    >>> sound_quads(NQuadsText(text.replace(b" .", b"  .")), g)  # not pyoxigraph's text
    False
    """
    try:
        parsed = list(quads)
    except (SyntaxError, ValueError):
        return False
    return (
        bool(parsed)
        and all(quad.graph_name == graph for quad in parsed)
        and ox.serialize(parsed, format=ox.RdfFormat.N_QUADS) == quads.text
    )


_TRACE: Final = {"reads", "writes", "stats", "problems", "out", "entry"}
"""The fields of a union trace as the build cache keeps it."""


def sound_trace(trace: Mapping[str, Any], graph: ox.NamedNode) -> bool:
    """Whether a union trace kept for a document of the named graph ``graph`` has the
    shape :meth:`attackgraph.union.Union.add` records: reads of the tables the union
    reads, each with keys and rows; rows written with the columns of their table (a
    thing's without its count, which the replay adds); one count a stat; warnings; and
    the quads as they went into the union, when recorded, as :func:`sound_quads`.
    Replaying any other could fail half done or publish what no merge gives.

    >>> g = ox.NamedNode("http://e/g")
    >>> trace = {"reads": [["things", ["http://e/s"], []]], "writes": [["things",
    ...          [["http://e/s", "http://e/C"]]]], "stats": [1, 0, 0, 0, 0, 0],
    ...          "problems": [], "out": None, "entry": "0" * 64}
    >>> sound_trace(trace, g), sound_trace({**trace, "writes": [["things", [["s"]]]]}, g)
    (True, False)
    """
    try:
        return (
            set(trace) == _TRACE
            and all(_sound_read(*read) for read in trace["reads"])
            and all(_sound_write(*write) for write in trace["writes"])
            and _sound_stats(trace["stats"])
            and all(typed(Problem, p) for p in trace["problems"])
            and (trace["out"] is None or sound_quads(NQuadsText(trace["out"].encode()), graph))
        )
    except (TypeError, ValueError, AttributeError, UnicodeError):
        return False


def _sound_read(table: object, keys: object, rows: object) -> bool:
    if table == "firsts":  # keys: (subject, predicate) pairs
        sound_keys = isinstance(keys, list) and all(_row(k, 2) for k in keys)
    else:
        sound_keys = isinstance(keys, list) and set(map(type, keys)) <= {str}
    return table in READ_TABLES and sound_keys and isinstance(rows, list) and all(map(_row, rows))


def _sound_write(table: object, rows: object) -> bool:
    width = _WIDTHS.get(table) if isinstance(table, str) else None
    return width is not None and isinstance(rows, list) and all(_row(r, width) for r in rows)


def _sound_stats(stats: object) -> bool:
    return (
        isinstance(stats, list)
        and len(stats) == len(fields(UnionStats))
        and set(map(type, stats)) <= {int}
    )


def _row(row: object, width: int | None = None) -> bool:
    """A list of ``width`` (any number when None) strings, integers and nulls."""
    return (
        type(row) is list
        and (width is None or len(row) == width)
        and _SCALARS.issuperset(map(type, row))
    )


_SCALARS: Final = frozenset({str, int, type(None)})
"""The types of a row's values (``bool``, a subclass of ``int``, is not one)."""
_WIDTHS: Final = {t: n - (t == "things") for t, n in columns().items()}
"""The columns a trace's written rows have, by table (a thing's count is not kept)."""
