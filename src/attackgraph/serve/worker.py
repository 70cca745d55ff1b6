"""The query worker: a process holding the store read-only, answering one job at a time.

A worker receives a :class:`QueryJob` or :class:`ResourceJob` through a pipe and sends
back a complete :class:`Reply` (status, type, headers, body). It never streams, so
the HTTP side has the whole answer before it writes the status line, and the pool can
kill a worker at its deadline without leaving a half-written response behind.
"""

from __future__ import annotations

import ctypes
import resource
import signal
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, Final

from pyoxigraph import (
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    Store,
    Triple,
)

from attackgraph.html.pages import Arc, Context, ResourceView, resource_page
from attackgraph.identifiers import Minter
from attackgraph.namespaces import GEO, RDF, SCHEMA
from attackgraph.sparql.messages import syntax_message
from attackgraph.sparql.results import write_boolean, write_graph, write_solutions

if TYPE_CHECKING:
    from attackgraph.publish.describe import JsonLd

PART_PROPERTIES: Final = (GEO.hasGeometry,)
"""A resource's description includes the nodes these properties point to (its minted
parts, e.g. a place's geometry), as a Concise Bounded Description includes blank nodes."""
LABEL_PROPERTIES: Final = (
    SCHEMA.name,
    NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
    NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
)
TEXT_PLAIN: Final = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class Reply:
    """A complete HTTP answer produced by a worker (or by the pool on its behalf)."""

    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def text(cls, status: int, message: str) -> Reply:
        """A plain-text answer, typically an error message.

        >>> Reply.text(400, "bad").body
        b'bad\\n'
        """
        return cls(status, TEXT_PLAIN, (message.rstrip("\n") + "\n").encode("utf-8"))


@dataclass(frozen=True)
class QueryJob:
    """Evaluate a (checked) SPARQL query and serialise it in format ``fmt``.

    ``default_graphs`` / ``named_graphs`` come from the protocol's ``default-graph-uri``
    and ``named-graph-uri``; with none and no FROM in the query, the default graph is
    the store's, which holds the union of all named graphs (see ``store``).
    """

    query: str
    fmt: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResourceJob:
    """Describe one resource (``fmt`` ``html`` for its page, else an RDF format)."""

    iri: str
    fmt: str


@dataclass(frozen=True)
class WorkerSettings:
    """What every worker needs to know; sent once at start-up."""

    store_path: str
    row_cap: int
    base: str
    prefixes: dict[str, str] = field(default_factory=dict)
    memory_limit: int | None = None
    incoming_limit: int = 500


def _die_with_parent() -> None:
    """Linux: get SIGKILL when the server process dies, even mid-query (best effort)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def worker_main(conn: Connection) -> None:
    """Entry point of a worker process: read the settings, open the store, serve jobs."""
    settings = conn.recv()
    if not isinstance(settings, WorkerSettings):
        raise TypeError("a worker expects its WorkerSettings first")
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when workers stop
    _die_with_parent()
    if settings.memory_limit:
        # A runaway query aborts this process instead of exhausting the machine; the
        # pool sees the pipe close and answers 503.
        resource.setrlimit(resource.RLIMIT_AS, (settings.memory_limit, settings.memory_limit))
    store = Store.read_only(settings.store_path)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = handle(store, job, settings)
        except Exception as error:  # noqa: BLE001 - a job's failure must not kill the worker
            reply = Reply.text(500, f"internal error: {type(error).__name__}: {error}")
        conn.send(reply)


def handle(store: Store, job: QueryJob | ResourceJob, settings: WorkerSettings) -> Reply:
    """Run one job against ``store``; raises ``TypeError`` for an unknown job type."""
    if isinstance(job, QueryJob):
        return run_query(store, job, settings)
    if isinstance(job, ResourceJob):
        return describe(store, job, settings)
    raise TypeError(f"unknown job {job!r}")


def _cap_headers(count: int, truncated: bool, cap: int) -> tuple[tuple[str, str], ...]:
    headers = [("X-Result-Rows", str(count))]
    if truncated:
        headers += [("X-Result-Truncated", "true"), ("X-Result-Row-Cap", str(cap))]
    return tuple(headers)


def _capped(items: Iterable[Any], cap: int) -> tuple[list[Any], bool]:
    taken = list(islice(items, cap + 1))
    return taken[:cap], len(taken) > cap


def run_query(store: Store, job: QueryJob, settings: WorkerSettings) -> Reply:
    """Evaluate a query; 400 on a syntax error, 500 if evaluation fails."""
    options: dict[str, Any] = {}
    if job.default_graphs:
        options["default_graph"] = [NamedNode(g) for g in job.default_graphs]
    if job.named_graphs:
        options["named_graphs"] = [NamedNode(g) for g in job.named_graphs]
    try:
        result = store.query(job.query, prefixes=settings.prefixes, **options)
        if isinstance(result, QueryBoolean):
            return Reply(200, "", write_boolean(bool(result), job.fmt), _cap_headers(1, False, 0))
        if isinstance(result, QuerySolutions):
            variables = list(result.variables)
            rows, truncated = _capped(
                ([solution[v] for v in variables] for solution in result), settings.row_cap
            )
            body = write_solutions([v.value for v in variables], rows, job.fmt)
        else:
            triples, truncated = _capped(iter(result), settings.row_cap)
            body = write_graph(triples, job.fmt, settings.prefixes)
            rows = triples
    except SyntaxError as error:
        return Reply.text(400, syntax_message(job.query, str(error), settings.prefixes))
    except (OSError, ValueError, RuntimeError) as error:
        return Reply.text(500, f"query evaluation failed: {error}")
    return Reply(200, "", body, _cap_headers(len(rows), truncated, settings.row_cap))


def _label(store: Store, node: NamedNode) -> str | None:
    """The node's name (a plain or English one first), if it has one."""
    for prop in LABEL_PROPERTIES:
        names = [
            q.object
            for q in islice(store.quads_for_pattern(node, prop, None, None), 20)
            if isinstance(q.object, Literal)
        ]
        if names:
            names.sort(key=lambda lit: (lit.language not in (None, "en"), lit.value))
            return names[0].value
    return None


def _arcs(store: Store, quads: Iterable[Quad], *, incoming: bool) -> tuple[Arc, ...]:
    """Group quads into arcs (one per predicate and value) with the graphs stating them."""
    grouped: dict[tuple[Any, Any], list[str]] = {}
    for quad in quads:
        key = (quad.predicate, quad.subject if incoming else quad.object)
        graphs = grouped.setdefault(key, [])
        if isinstance(quad.graph_name, NamedNode):
            graphs.append(quad.graph_name.value)
    arcs = []
    for (predicate, value), graphs in grouped.items():
        label = _label(store, value) if isinstance(value, NamedNode) else None
        arcs.append(Arc(predicate, value, label, tuple(sorted(graphs))))
    arcs.sort(key=lambda a: (a.predicate != RDF.type, a.predicate.value, str(a.value)))
    return tuple(arcs)


def _named(quads: Iterable[Quad]) -> Iterator[Quad]:
    return (q for q in quads if isinstance(q.graph_name, NamedNode))


def describe(store: Store, job: ResourceJob, settings: WorkerSettings) -> Reply:
    """The resource's description: 404 if the store does not mention it."""
    try:
        node = NamedNode(job.iri)
    except ValueError:
        return Reply.text(404, f"not a valid IRI: {job.iri}")
    # Named graphs only: the default graph repeats their union, and the named graph
    # tells in which document a statement is made.
    outgoing, truncated = _capped(
        _named(store.quads_for_pattern(node, None, None, None)), settings.row_cap
    )
    incoming, incoming_truncated = _capped(
        _named(store.quads_for_pattern(None, None, node, None)), settings.incoming_limit
    )
    if not outgoing and not incoming:
        return Reply.text(404, f"unknown resource: <{job.iri}>")
    part_nodes = sorted(
        {
            q.object
            for q in outgoing
            if q.predicate in PART_PROPERTIES and isinstance(q.object, NamedNode)
        },
        key=lambda n: n.value,
    )
    parts = {
        part: list(
            islice(_named(store.quads_for_pattern(part, None, None, None)), settings.row_cap)
        )
        for part in part_nodes
    }
    if job.fmt == "html":
        ctx = _context(settings.base, tuple(settings.prefixes.items()))
        view = ResourceView(
            iri=job.iri,
            label=_label(store, node),
            types=tuple(
                sorted(
                    {
                        q.object
                        for q in outgoing
                        if q.predicate == RDF.type and isinstance(q.object, NamedNode)
                    },
                    key=lambda n: n.value,
                )
            ),
            arcs=_arcs(store, outgoing, incoming=False),
            parts={p.value: _arcs(store, quads, incoming=False) for p, quads in parts.items()},
            incoming=_arcs(store, incoming, incoming=True),
            incoming_truncated=incoming_truncated,
        )
        body = resource_page(view, ctx)
        return Reply(200, "", body, _cap_headers(len(outgoing), truncated, settings.row_cap))
    triples: dict[Triple, None] = {}
    for quad in [*outgoing, *(q for quads in parts.values() for q in quads)]:
        triples.setdefault(quad.triple, None)
    if job.fmt == "jsonld":  # compacted with the project context, as the dumps and pages
        from attackgraph.publish.describe import dumps, sort_triples

        described = sort_triples(triples, job.iri)
        body = dumps(_compactor(settings.base).document(described)).encode("utf-8")
    else:
        body = write_graph(triples, job.fmt, settings.prefixes)
    return Reply(200, "", body, _cap_headers(len(triples), truncated, settings.row_cap))


@cache
def _context(base: str, prefixes: tuple[tuple[str, str], ...]) -> Context:
    """One page context per worker process (it remembers the CURIEs it made)."""
    return Context(base, dict(prefixes))


@cache
def _compactor(base: str) -> JsonLd:
    # imported on first use: the export stage's libraries would slow every worker's start,
    # and a worker killed at the deadline must be replaced quickly
    from attackgraph.publish.describe import JsonLd

    return JsonLd(Minter(base).prefix)


def run_worker(fd: int) -> None:
    """``worker_main`` over the socket inherited as file descriptor ``fd``."""
    worker_main(Connection(fd))
