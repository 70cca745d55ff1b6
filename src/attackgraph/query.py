"""The library behind ``attackgraph query``: SPARQL over a release folder, locally.

The release's ``attackgraph.nq`` is bulk-loaded into an in-memory pyoxigraph store;
queries run with the project prefixes predeclared and the union of all documents'
graphs as the default graph (``GRAPH ?g`` still reaches each document's own).

The union is materialised into the store's default graph when it is opened, not taken
from ``use_default_graph_as_union=True``: pyoxigraph's union is a bag (a triple stated
in two documents matches twice, so ``COUNT`` counts it twice), while SPARQL's default
graph is the RDF merge, a set. The cost is a second copy of the triples in memory.

Read-only and offline: the query is checked by :func:`attackgraph.sparql.analysis.analyse`
before evaluation (updates and ``SERVICE`` are refused: pyoxigraph would send
``SERVICE`` requests over HTTP; ``SERVICE:x``, which the lexer reads as a prefixed name
but pyoxigraph as ``SERVICE :x``, is refused here too), and it runs through
``Store.query``, which cannot update. SPARQL results formats come from
:mod:`attackgraph.sparql.results`, the endpoint's writers, so the command and the
endpoint answer alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

from pyoxigraph import (
    BlankNode,
    NamedNode,
    QueryBoolean,
    QuerySolutions,
    RdfFormat,
    Store,
    Triple,
    serialize,
)
from pyoxigraph import Literal as RdfLiteral

from attackgraph.export import FORMATS, serialize_turtle
from attackgraph.identifiers import prefixes_for
from attackgraph.model import AttackgraphError
from attackgraph.namespaces import DEFAULT_BASE, XSD_NS
from attackgraph.sparql.analysis import QueryRefusedError, analyse, tokens
from attackgraph.sparql.messages import syntax_message
from attackgraph.sparql.results import write_boolean, write_solutions
from attackgraph.sparql.store import ReleaseError, load_release

Term = NamedNode | BlankNode | RdfLiteral | Triple
ResultFormat = Literal["table", "csv", "tsv", "json"]

DATASET_FILE: Final = FORMATS["nquads"].file_name()
"""The dump a release folder is queried from (or its ``.gz`` variant)."""

_BARE: Final = {
    XSD_NS + "integer": re.compile(r"[+-]?[0-9]+"),
    XSD_NS + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    XSD_NS + "double": re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE][+-]?[0-9]+"),
    XSD_NS + "boolean": re.compile(r"true|false"),
}
_XSD_STRING: Final = XSD_NS + "string"


class QueryError(AttackgraphError):
    """A query that cannot run: missing dump, bad syntax, an update or ``SERVICE``."""


@dataclass(frozen=True)
class QueryResult:
    """A query's whole answer, read from the store.

    ``form`` is SELECT, ASK, CONSTRUCT or DESCRIBE. SELECT fills ``variables`` and
    ``rows`` (``None`` for an unbound variable), ASK ``boolean``, CONSTRUCT and
    DESCRIBE ``triples``. ``prefixes`` are those in force: the predeclared ones and
    the query's own.
    """

    form: str
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool = False
    triples: tuple[Triple, ...] = ()
    prefixes: Mapping[str, str] = field(default_factory=dict)


def open_store(release_dir: Path) -> Store:
    """An in-memory store holding ``release_dir/attackgraph.nq`` (or ``.nq.gz``): each
    document's named graph, the ontology's graph (``sparql.store.ontology_quads``), and
    their union (a set of triples) as the default graph.

    Raises :class:`QueryError` when neither file exists or the file is not N-Quads.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = Path(folder, DATASET_FILE).write_text("<urn:a> <urn:b> <urn:c> <urn:g> .\\n")
    ...     store = open_store(Path(folder))
    >>> from pyoxigraph import DefaultGraph
    >>> documents = [q for q in store if q.graph_name == NamedNode("urn:g")]
    >>> union = list(store.quads_for_pattern(None, None, None, DefaultGraph()))
    >>> len(documents), NamedNode("urn:a") in {q.subject for q in union}
    (1, True)
    """
    plain = release_dir / DATASET_FILE
    packed = plain.with_name(plain.name + ".gz")
    dump = plain if plain.is_file() else packed
    if not dump.is_file():
        raise QueryError(
            f"{release_dir}: no {DATASET_FILE} here; build a release first "
            "(attackgraph build DOCUMENTS --out FOLDER)"
        )
    store = Store()
    try:
        load_release(store, dump)
    except ReleaseError as error:
        raise QueryError(str(error)) from error
    return store


def run_query(store: Store, sparql: str, *, base: str = DEFAULT_BASE) -> QueryResult:
    """Run a read-only query on a store from :func:`open_store` (whose default graph is
    the union of the documents' graphs); the project prefixes (``id:`` under ``base``)
    are predeclared unless the query declares them itself.

    Raises :class:`QueryError` for an update, ``SERVICE``, a syntax error (with the
    line and column) or a failed evaluation; ``ValueError`` for an unusable ``base``.

    >>> from pyoxigraph import Quad
    >>> store = Store()
    >>> store.add(Quad(NamedNode("https://w3id.org/attackgraph/id/place/ml"),
    ...                NamedNode("https://schema.org/name"), RdfLiteral("Mali")))
    >>> run_query(store, "SELECT ?name WHERE { place:ml schema:name ?name }").rows
    ((<Literal value=Mali datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>,),)
    >>> run_query(store, "DELETE WHERE { ?s ?p ?o }")
    Traceback (most recent call last):
    attackgraph.query.QueryError: updates are not allowed here (found 'DELETE')
    """
    prefixes = prefixes_for(base)
    try:
        info = analyse(sparql, prefixes=prefixes)
    except QueryRefusedError as error:
        raise QueryError(str(error).replace(" on this endpoint", " here")) from error
    try:
        answer = store.query(sparql, prefixes=prefixes)
        declared = _declared_prefixes(sparql)
        merged = {**prefixes, **declared}
        in_force = {name: merged[name] for name in [*declared, *prefixes]}  # declared first
        if isinstance(answer, QueryBoolean):
            return QueryResult(info.form, boolean=bool(answer), prefixes=in_force)
        if isinstance(answer, QuerySolutions):
            variables = tuple(v.value for v in answer.variables)
            rows = tuple(tuple(row[i] for i in range(len(variables))) for row in answer)
            return QueryResult(info.form, variables, rows, prefixes=in_force)
        return QueryResult(info.form, triples=tuple(answer), prefixes=in_force)
    except SyntaxError as error:
        raise QueryError(_syntax_message(sparql, str(error), prefixes)) from error
    except (OSError, RuntimeError, ValueError) as error:
        raise QueryError(f"query failed: {error}") from error


def format_result(result: QueryResult, fmt: ResultFormat) -> str:
    """The result as text: SELECT as an aligned ``table`` (IRIs as CURIEs) or W3C
    ``csv`` / ``tsv`` / ``json``; ASK as ``true`` / ``false`` (JSON: the SPARQL JSON
    boolean); CONSTRUCT / DESCRIBE as Turtle (``table``) or sorted N-Triples.

    Raises ``ValueError`` for another format name.

    >>> result = QueryResult("SELECT", ("place", "n"), (
    ...     (NamedNode("https://w3id.org/attackgraph/id/place/ml"),
    ...      RdfLiteral("15", datatype=NamedNode(XSD_NS + "integer"))),
    ...     (NamedNode("http://example.org/x"), None)), prefixes=prefixes_for())
    >>> print(format_result(result, "table"), end="")
    | place                  | n  |
    |------------------------|----|
    | place:ml               | 15 |
    | <http://example.org/x> |    |
    (2 rows)
    >>> format_result(result, "csv").split("\\r\\n")
    ['place,n', 'https://w3id.org/attackgraph/id/place/ml,15', 'http://example.org/x,', '']
    """
    if fmt not in ("table", "csv", "tsv", "json"):
        raise ValueError(f"unknown result format {fmt!r}: use table, csv, tsv or json")
    if result.form == "ASK":
        return write_boolean(result.boolean, "json" if fmt == "json" else "tsv").decode()
    if result.form in ("CONSTRUCT", "DESCRIBE"):
        triples = sorted(set(result.triples), key=str)  # a graph: no repeats
        if fmt == "table":
            used = _used_prefixes(triples, result.prefixes)
            return serialize_turtle(triples, used).decode()
        data = serialize(triples, None, RdfFormat.N_TRIPLES)
        return "" if data is None else data.decode()
    if fmt == "table":
        return _table(result)
    return write_solutions(result.variables, result.rows, fmt).decode()


# --- the table ---------------------------------------------------------------------


def _table(result: QueryResult) -> str:
    header = list(result.variables)
    body = [[_cell(term, result.prefixes) for term in row] for row in result.rows]
    widths = [max([_width(c) for c in column] or [0]) for column in zip(header, *body, strict=True)]
    lines = [_row(header, widths), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines.extend(_row(cells, widths) for cells in body)
    count = len(result.rows)
    lines.append(f"({count} row{'' if count == 1 else 's'})")
    return "\n".join(lines) + "\n"


def _row(cells: list[str], widths: list[int]) -> str:
    padded = (
        cell + " " * (width - _width(cell)) for cell, width in zip(cells, widths, strict=True)
    )
    return "| " + " | ".join(padded) + " |"


def _width(text: str) -> int:
    """Terminal columns: wide East Asian characters take two, combining marks none."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def _cell(term: Term | None, prefixes: Mapping[str, str]) -> str:
    """A term as Turtle would show it, IRIs as CURIEs; ``|`` escaped for the table."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        text = _curie(term.value, prefixes)
    elif isinstance(term, RdfLiteral) and not term.language:
        datatype = term.datatype.value
        bare = _BARE.get(datatype)
        if bare is not None and bare.fullmatch(term.value):
            text = term.value
        elif datatype == _XSD_STRING:
            text = str(term)
        else:
            text = f"{RdfLiteral(term.value)}^^{_curie(datatype, prefixes)}"
    else:
        text = str(term)
    return text.replace("|", "\\|")


def _curie(iri: str, prefixes: Mapping[str, str]) -> str:
    """``prefix:local`` for the longest matching namespace (the first listed among equals;
    a W3C CURIE: the local part may hold ``/``), else ``<iri>``.

    >>> _curie("https://w3id.org/attackgraph/id/event/x", prefixes_for())
    'event:x'
    """
    best: tuple[str, str] | None = None
    for name, namespace in prefixes.items():
        if len(iri) > len(namespace) and iri.startswith(namespace):
            if best is None or len(namespace) > len(best[1]):
                best = (name, namespace)
    return f"<{iri}>" if best is None else f"{best[0]}:{iri[len(best[1]) :]}"


# --- helpers -----------------------------------------------------------------------


def _declared_prefixes(sparql: str) -> dict[str, str]:
    """The PREFIX declarations of the query's prologue (absolute IRIs only)."""
    found: dict[str, str] = {}
    toks = tokens(sparql)
    i = 0
    while i + 2 < len(toks) and toks[i][1].upper() in ("PREFIX", "BASE"):
        if toks[i][1].upper() == "BASE":
            i += 2
            continue
        (_, name), (kind, iri) = toks[i + 1], toks[i + 2]
        if kind == "iri" and ":" in iri:
            found[name[:-1]] = iri[1:-1]
        i += 3
    return found


def _used_prefixes(triples: Iterable[Triple], prefixes: Mapping[str, str]) -> dict[str, str]:
    iris = {
        term.value
        for triple in triples
        for term in (triple.subject, triple.predicate, triple.object)
        if isinstance(term, NamedNode)
    }
    iris |= {
        t.object.datatype.value for t in triples if isinstance(t.object, RdfLiteral)
    }  # datatypes
    return {n: ns for n, ns in prefixes.items() if any(iri.startswith(ns) for iri in iris)}


def _syntax_message(sparql: str, message: str, prefixes: Mapping[str, str]) -> str:
    """pyoxigraph's message with the offending line and a caret (see ``sparql.messages``)."""
    return syntax_message(sparql, message, prefixes)
