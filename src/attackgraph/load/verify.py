"""Count the triples of each graph on the server through its SPARQL query endpoint."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable, Sequence
from typing import Final
from urllib.parse import urlencode

from pyoxigraph import NamedNode

from attackgraph.load.client import LoadError, Response

BATCH: Final = 200
"""Graphs counted per query (a VALUES block), so a big release needs few requests."""


def count_query(graphs: Sequence[str]) -> str:
    """One query counting the triples of each of ``graphs``.

    >>> count_query(["http://e/g"]).split(" WHERE ")  # doctest: +NORMALIZE_WHITESPACE
    ['SELECT ?g (COUNT(*) AS ?n)',
     '{ VALUES ?g { <http://e/g> } GRAPH ?g { ?s ?p ?o } } GROUP BY ?g']
    """
    values = " ".join(str(NamedNode(g)) for g in graphs)
    return (
        f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} "
        "GROUP BY ?g"
    )


def parse_counts(body: bytes) -> dict[str, int]:
    """``?g`` → ``?n`` from SPARQL JSON results; raises :class:`LoadError` if malformed.

    Virtuoso's older ``typed-literal`` binding type is accepted too.

    >>> parse_counts(b'{"head":{"vars":["g","n"]},"results":{"bindings":[{"g":{"type":"uri",'
    ...              b'"value":"http://e/g"},"n":{"type":"typed-literal","value":"3"}}]}}')
    {'http://e/g': 3}
    """
    try:
        rows = json.loads(body)["results"]["bindings"]
        return {row["g"]["value"]: int(row["n"]["value"]) for row in rows}
    except (ValueError, KeyError, TypeError) as error:
        raise LoadError(f"unexpected SPARQL results: {body[:300]!r}") from error


def remote_counts(
    endpoint: str,
    graphs: Sequence[str],
    send: Callable[[Callable[[], urllib.request.Request]], Response],
) -> dict[str, int]:
    """Triples per graph on the server (0 for a graph it does not have).

    Queries are sent as form POSTs (a direct ``application/sparql-query`` POST hangs on
    some Virtuoso versions). Raises :class:`LoadError` when the endpoint fails.
    """
    counts: dict[str, int] = {}
    for start in range(0, len(graphs), BATCH):
        batch = graphs[start : start + BATCH]
        form = urlencode({"query": count_query(batch)}).encode("ascii")

        def request(form: bytes = form) -> urllib.request.Request:
            return urllib.request.Request(
                endpoint,
                data=form,
                method="POST",
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Accept": "application/sparql-results+json",
                },
            )

        found = parse_counts(send(request).body)
        counts.update({g: found.get(g, 0) for g in batch})
    return counts
