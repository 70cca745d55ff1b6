"""Turn a release folder into the on-disk store the query workers open read-only.

The store is built once at start-up (``Store.bulk_load`` of ``attackgraph.nq``) and
closed again before any worker opens it with ``Store.read_only``: RocksDB allows many
read-only openers but no writer beside them.

The union of the documents' graphs is materialised as the store's default graph (a set
of triples, as SPARQL's RDF merge is), rather than asked for with
``use_default_graph_as_union``, whose union is a bag: a triple stated in two documents
would match twice. ``attackgraph query`` does the same, so both answer alike.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from pyoxigraph import NamedNode, Quad, QuerySolutions, RdfFormat, Store, parse

from attackgraph.model import AttackgraphError

RELEASE_DUMP: Final = "attackgraph.nq"
"""The file of a release folder the endpoint serves: N-Quads, a named graph per document."""


class ReleaseError(AttackgraphError):
    """The release folder cannot be served (missing or unreadable dump)."""


@dataclass(frozen=True)
class DatasetStats:
    """What the store holds: triples per named graph, and in their union."""

    graphs: dict[str, int]
    union_triples: int

    @property
    def graph_names(self) -> frozenset[str]:
        """The named graphs' IRIs."""
        return frozenset(self.graphs)


def release_dump(release_dir: Path | str) -> Path:
    """The N-Quads dump of a release folder; raises :class:`ReleaseError` if absent.

    >>> release_dump("/nonexistent")
    Traceback (most recent call last):
    attackgraph.sparql.store.ReleaseError: no attackgraph.nq in /nonexistent
    """
    path = Path(release_dir) / RELEASE_DUMP
    if not path.is_file():
        raise ReleaseError(f"no {RELEASE_DUMP} in {release_dir}")
    return path


def build_store(release_dir: Path | str, store_dir: Path) -> DatasetStats:
    """Bulk-load the release's N-Quads into a new store at ``store_dir`` and close it.

    Raises :class:`ReleaseError` when the dump is missing or does not parse.
    """
    dump = release_dump(release_dir)
    store = Store(str(store_dir))
    try:
        store.bulk_load(path=str(dump), format=RdfFormat.N_QUADS)
        store.bulk_extend(
            Quad(q.subject, q.predicate, q.object)
            for q in parse(path=str(dump), format=RdfFormat.N_QUADS)
        )
    except (SyntaxError, ValueError, OSError) as error:
        raise ReleaseError(f"{dump}: {error}") from error
    stats = dataset_stats(store)
    store.flush()
    del store
    gc.collect()  # the Rust store closes RocksDB when the object is freed
    return stats


def dataset_stats(store: Store) -> DatasetStats:
    """Count triples per named graph and in the default graph (the union).

    >>> from pyoxigraph import Literal
    >>> s = Store()
    >>> t = (NamedNode("http://e/a"), NamedNode("http://e/p"), Literal("x"))
    >>> s.extend([Quad(*t, NamedNode("http://e/g")), Quad(*t, NamedNode("http://e/h")), Quad(*t)])
    >>> dataset_stats(s)
    DatasetStats(graphs={'http://e/g': 1, 'http://e/h': 1}, union_triples=1)
    """
    graphs: dict[str, int] = {}
    rows = store.query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    )
    assert isinstance(rows, QuerySolutions)
    for row in rows:
        graph, count = row["g"], row["n"]
        if isinstance(graph, NamedNode) and count is not None:
            graphs[graph.value] = int(count.value)
    union = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert isinstance(union, QuerySolutions)
    total = next(iter(union))["n"]
    return DatasetStats(graphs, int(total.value) if total is not None else 0)
