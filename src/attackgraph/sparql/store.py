"""Turn a release folder into the on-disk store the query workers open read-only.

The store is built once at start-up (``Store.bulk_load`` of ``attackgraph.nq``) and
closed again before any worker opens it with ``Store.read_only``: RocksDB allows many
read-only openers but no writer beside them.

The union of the documents' graphs is materialised as the store's default graph (a set
of triples, as SPARQL's RDF merge is), rather than asked for with
``use_default_graph_as_union``, whose union is a bag: a triple stated in two documents
would match twice. ``attackgraph query`` does the same, so both answer alike.

:func:`release_store` keeps the built store on disk, keyed by the release's checksum of
its dump, so a second ``serve`` of the same release opens it instead of rebuilding it; a
changed release gets a new store, built under a temporary name and renamed when complete.
"""

from __future__ import annotations

import gc
import gzip
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path
from typing import IO, Final, cast

from pyoxigraph import NamedNode, Quad, QuerySolutions, RdfFormat, Store, parse

from attackgraph.model import AttackgraphError
from attackgraph.namespaces import ONTOLOGY_GRAPH, ontology_turtle

RELEASE_DUMP: Final = "attackgraph.nq"
"""The file of a release folder the endpoint serves: N-Quads, a named graph per document."""
SUMS_FILE: Final = "SHA256SUMS"
ONTOLOGY_FILE: Final = "ontology.ttl"
LOAD_LINES: Final = 200_000
"""N-Quads lines per bulk load: the loader holds a batch in memory (~1 KiB a quad with its
indexes), so a release of any size loads in bounded memory."""
STORE_FORMAT: Final = 2
"""Bumped when the stored layout changes (part of every store's key)."""


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


def ontology_quads(release_dir: Path | str) -> list[Quad]:
    """The ontology in its own named graph (``ONTOLOGY_GRAPH``): the release's
    ``ontology.ttl``, else the packaged one.

    >>> quads = ontology_quads("/nonexistent")
    >>> {q.graph_name for q in quads} == {ONTOLOGY_GRAPH} and len(quads) > 100
    True
    """
    return [
        Quad(q.subject, q.predicate, q.object, ONTOLOGY_GRAPH)
        for q in parse(ontology_bytes(release_dir), format=RdfFormat.TURTLE)
    ]


def ontology_bytes(release_dir: Path | str) -> bytes:
    """The release's ``ontology.ttl``, else the packaged ontology."""
    path = Path(release_dir) / ONTOLOGY_FILE
    return path.read_bytes() if path.is_file() else ontology_turtle()


def load_release(store: Store, dump: Path, *, vocabulary: bool = True) -> None:
    r"""Load a release's N-Quads (``.nq``, or ``.nq.gz``) into ``store``: each document's
    named graph, and their union as the default graph, a set of triples; with
    ``vocabulary``, also the ontology in its own graph and in the union
    (:func:`ontology_quads`), so ``rdfs:subClassOf*`` paths work.

    The one loader of a release (the endpoint's store, ``attackgraph query``, the static
    pages): SPARQL's RDF merge is a set, while ``use_default_graph_as_union`` is a bag in
    which a triple stated by two documents matches twice. Raises :class:`ReleaseError`
    when the dump cannot be read or is not N-Quads.

    >>> import tempfile
    >>> from pyoxigraph import DefaultGraph
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     dump = Path(folder, RELEASE_DUMP)
    ...     _ = dump.write_text("<urn:a> <urn:b> <urn:c> <urn:g> .\n"
    ...                         "<urn:a> <urn:b> <urn:c> <urn:h> .\n")
    ...     load_release(store := Store(), dump, vocabulary=False)
    >>> len(store), len(list(store.quads_for_pattern(None, None, None, DefaultGraph())))
    (3, 1)
    """
    try:
        opened = gzip.open(dump, "rb") if dump.name.endswith(".gz") else dump.open("rb")
        with opened as stream:
            for chunk in _line_chunks(cast(IO[bytes], stream), LOAD_LINES):
                store.bulk_load(chunk, RdfFormat.N_QUADS)
                store.bulk_extend(_in_default_graph(parse(chunk, RdfFormat.N_QUADS)))
        if vocabulary:
            ontology = ontology_quads(dump.parent)
            store.bulk_extend(ontology)
            store.bulk_extend(_in_default_graph(iter(ontology)))
    except (SyntaxError, ValueError) as error:
        raise ReleaseError(f"{dump}: not valid N-Quads: {error}") from error
    except (OSError, EOFError) as error:
        raise ReleaseError(f"{dump}: cannot read: {error}") from error


def _line_chunks(stream: IO[bytes], lines: int) -> Iterator[bytes]:
    """The stream's bytes, ``lines`` whole lines at a time."""
    while True:
        chunk = b"".join(islice(stream, lines))
        if not chunk:
            return
        yield chunk


def _in_default_graph(quads: Iterator[Quad]) -> Iterator[Quad]:
    return (Quad(q.subject, q.predicate, q.object) for q in quads)


def build_store(release_dir: Path | str, store_dir: Path) -> DatasetStats:
    """Bulk-load the release's N-Quads into a new store at ``store_dir`` and close it.

    Raises :class:`ReleaseError` when the dump is missing or does not parse.
    """
    dump = release_dump(release_dir)
    store = Store(str(store_dir))
    load_release(store, dump)
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


def dump_checksum(release_dir: Path | str) -> str:
    """The SHA-256 of the release's dump: as ``SHA256SUMS`` lists it when the dump's size
    and time are those the sums were written with (the sums file is not older), else
    computed from the file. Raises :class:`ReleaseError` when the dump is missing.
    """
    dump = release_dump(release_dir)
    sums = Path(release_dir) / SUMS_FILE
    try:
        if sums.stat().st_mtime_ns >= dump.stat().st_mtime_ns:
            for line in sums.read_text(encoding="utf-8").splitlines():
                digest, _, name = line.partition("  ")
                if name == RELEASE_DUMP and len(digest) == 64:
                    return digest
    except OSError:
        pass
    with dump.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def release_store(release_dir: Path | str, folder: Path) -> tuple[Path, DatasetStats]:
    """The store of a release, built into ``folder`` unless a store of the same dump
    (same checksum) is already there; returns the store's path and what it holds.

    The store is built under a temporary name and renamed, so a second server never
    opens a half-built one. Stores of other releases are left in ``folder`` (a running
    server may be reading them): delete the folder to reclaim the space.
    Raises :class:`ReleaseError` for a missing or unreadable dump and ``OSError`` when
    ``folder`` cannot be written.
    """
    vocabulary = hashlib.sha256(ontology_bytes(release_dir)).hexdigest()
    key = f"{STORE_FORMAT} {dump_checksum(release_dir)} {vocabulary}"
    key = hashlib.sha256(key.encode()).hexdigest()
    home = folder / key[:32]
    found = _stored(home)
    if found is not None:
        return home / "store", found
    folder.mkdir(parents=True, exist_ok=True)
    building = folder / f".{key[:32]}.{os.getpid()}.tmp"
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir()
    try:
        stats = build_store(release_dir, building / "store")
        (building / "stats.json").write_text(json.dumps(asdict(stats)), encoding="utf-8")
        found = _stored(home)  # another server may have finished first: use its store
        if found is not None:
            return home / "store", found
        shutil.rmtree(home, ignore_errors=True)  # a leftover without its stats
        try:
            os.replace(building, home)
        except OSError:
            found = _stored(home)
            if found is None:
                raise
            return home / "store", found
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return home / "store", stats


def _stored(home: Path) -> DatasetStats | None:
    """The stats of a complete store in ``home`` (written last), else None."""
    try:
        return DatasetStats(**json.loads((home / "stats.json").read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None
