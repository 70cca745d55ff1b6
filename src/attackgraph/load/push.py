"""Push a release into a triple store with the SPARQL 1.1 Graph Store HTTP Protocol."""

from __future__ import annotations

import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Final
from urllib.parse import quote

from attackgraph.load.client import Auth, LoadError, Response, make_opener, send
from attackgraph.load.split import DEFAULT_GRAPH, split_by_graph
from attackgraph.load.verify import remote_counts

RELEASE_DUMP: Final = "attackgraph.nq"
CONTENT_TYPE: Final = "application/n-triples"


@dataclass(frozen=True)
class GraphResult:
    """One graph: triples in the release, triples found on the server, and any error."""

    graph: str
    local: int
    remote: int | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """Stored, and the server counts as many triples as the release has."""
        return self.error is None and self.remote == self.local


@dataclass(frozen=True)
class LoadReport:
    """The outcome of :func:`load`: one :class:`GraphResult` per graph."""

    graph_store: str
    endpoint: str
    graphs: tuple[GraphResult, ...]
    seconds: float
    verify_error: str | None = None
    hint: str | None = None
    """What to try when the failures suggest a wrong URL (printed last)."""

    @property
    def ok(self) -> bool:
        """Every graph stored and verified."""
        return self.verify_error is None and all(g.ok for g in self.graphs)

    @property
    def exit_code(self) -> int:
        """0 when everything was stored and verified, 1 otherwise (for the CLI)."""
        return 0 if self.ok else 1

    def format(self) -> str:
        """A per-graph table and a summary line.

        >>> print(LoadReport("http://s/store", "http://s/query",
        ...                  (GraphResult("http://e/g", 3, 3),), 0.5).format())
        graph       local  remote  status
        http://e/g      3       3  ok
        1 of 1 graphs (3 of 3 triples) pushed to http://s/store in 0.5 s; verified: OK
        >>> print(LoadReport("http://s/q", "http://s/q",
        ...                  (GraphResult("http://e/g", 3, error="HTTP 405"),), 0.1).format())
        graph       local  remote  status
        http://e/g      3       -  HTTP 405
        0 of 1 graphs (0 of 3 triples) pushed to http://s/q in 0.1 s; verified: FAILED
        """
        width = max([len("graph"), *(len(g.graph or "(default)") for g in self.graphs)])
        lines = [f"{'graph':<{width}}  {'local':>5}  {'remote':>6}  status"]
        for g in self.graphs:
            remote = "-" if g.remote is None else str(g.remote)
            status = "ok" if g.ok else (g.error or "COUNT MISMATCH")
            lines.append(f"{g.graph or '(default)':<{width}}  {g.local:>5}  {remote:>6}  {status}")
        total = sum(g.local for g in self.graphs)
        pushed = [g for g in self.graphs if g.error is None]
        verdict = "OK" if self.ok else "FAILED"
        if self.verify_error:
            verdict += f" ({self.verify_error})"
        lines.append(
            f"{len(pushed)} of {len(self.graphs)} graphs "
            f"({sum(g.local for g in pushed)} of {total} triples) pushed to "
            f"{self.graph_store} in {self.seconds:.1f} s; verified: {verdict}"
        )
        if self.hint:
            lines.append(f"hint: {self.hint}")
        return "\n".join(lines)


def graph_url(graph_store: str, graph: str) -> str:
    """The Graph Store Protocol URL of one graph (``?default`` for the default graph).

    >>> graph_url("http://h/store", "https://w3id.org/attackgraph/id/doc/d")
    'http://h/store?graph=https%3A%2F%2Fw3id.org%2Fattackgraph%2Fid%2Fdoc%2Fd'
    """
    joiner = "&" if "?" in graph_store else "?"
    if graph == DEFAULT_GRAPH:
        return f"{graph_store}{joiner}default"
    return f"{graph_store}{joiner}graph={quote(graph, safe='')}"


def load(
    release_dir: Path | str,
    *,
    endpoint: str,
    graph_store: str | None = None,
    user: str | None = None,
    password: str | None = None,
    auth: Auth | None = "digest",
    timeout: float = 30,
    retries: int = 3,
    backoff: float = 0.5,
) -> LoadReport:
    """PUT every graph of a release into a triple store, then verify the counts.

    ``endpoint`` is the store's SPARQL query URL (used to verify), ``graph_store`` its
    Graph Store Protocol URL (default: ``endpoint``). Each document's graph is replaced
    with one PUT, so loading the same release twice leaves the same data. ``auth``
    applies when ``user`` is given. A graph the store rejects (4xx, or 5xx after the
    retries) is reported and the others go on; the report is not ``ok`` then, nor when a
    count differs.

    Raises :class:`LoadError` when the store cannot be reached at all (connection
    errors after the retries), :class:`~attackgraph.load.split.DumpError` for a missing
    or malformed ``attackgraph.nq``.
    """
    started = time.monotonic()
    store_url = graph_store or endpoint
    dump = Path(release_dir) / RELEASE_DUMP
    opener = make_opener([store_url, endpoint], user=user, password=password, auth=auth)
    sender: Callable[[Callable[[], urllib.request.Request]], Response] = partial(
        send, opener, timeout=timeout, retries=retries, backoff=backoff
    )
    results: list[GraphResult] = []
    with tempfile.TemporaryDirectory(prefix="attackgraph-load-") as workdir:
        for part in split_by_graph(dump, Path(workdir)):
            url = graph_url(store_url, part.graph)

            def request(url: str = url, body: bytes = part.body) -> urllib.request.Request:
                return urllib.request.Request(
                    url, data=body, method="PUT", headers={"Content-Type": CONTENT_TYPE}
                )

            try:
                sender(request)
            except LoadError as error:
                if error.status is None:  # unreachable: no point trying the next graphs
                    raise
                results.append(GraphResult(part.graph, part.triples, error=str(error)))
                continue
            results.append(GraphResult(part.graph, part.triples))
    verify_error = None
    named = [r.graph for r in results if r.graph != DEFAULT_GRAPH]
    try:
        counts = remote_counts(endpoint, named, sender)
    except LoadError as error:
        counts, verify_error = {}, f"verification query failed: {error}"
    results = [
        r
        if r.graph == DEFAULT_GRAPH
        else GraphResult(r.graph, r.local, counts.get(r.graph), r.error)
        for r in results
    ]
    hint = _hint(results) if graph_store is None else None
    elapsed = time.monotonic() - started
    return LoadReport(store_url, endpoint, tuple(results), elapsed, verify_error, hint)


REFUSED_PUT: Final = frozenset({400, 401, 403, 404, 405, 406, 415, 501})
"""Answers a SPARQL query URL gives a Graph Store Protocol PUT it does not take."""


def _hint(results: list[GraphResult]) -> str | None:
    """A hint when every PUT to the SPARQL query URL (no ``--graph-store``) was refused.

    >>> _hint([GraphResult("g", 1, error="PUT http://s/sparql: HTTP 405 Method Not Allowed")])
    ... # doctest: +ELLIPSIS
    'the store refused PUT at its SPARQL query URL: give its Graph Store Protocol URL ...'
    """
    if not results or any(r.error is None for r in results):
        return None
    if not any(f"HTTP {status} " in (r.error or "") for r in results for status in REFUSED_PUT):
        return None
    return (
        "the store refused PUT at its SPARQL query URL: give its Graph Store Protocol URL "
        "with --graph-store (Virtuoso: /sparql-graph-crud-auth, Fuseki: /DATASET/data, "
        "GraphDB: /repositories/REPO/rdf-graphs/service, Oxigraph: /store; see "
        "docs/triple-stores.md)"
    )
