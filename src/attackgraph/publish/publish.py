"""Turn a staging folder holding the dumps into a complete release."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from pyoxigraph import Literal

from attackgraph.export import ALL_FORMATS, DUMP_STEM, FORMATS, Format, Packed
from attackgraph.identifiers import Minter, prefixes_for
from attackgraph.model import OptionError
from attackgraph.namespaces import PREFIXES
from attackgraph.publish.alone import AlonePages
from attackgraph.publish.data import ReleaseData
from attackgraph.publish.files import (
    CONTEXT_JSONLD,
    ONTOLOGY_TTL,
    SHAPES_TTL,
    gzip_and_hash,
    packaged_file,
    write_bytes,
    write_sums,
)
from attackgraph.publish.kept_store import KeptStore
from attackgraph.publish.links import ONTOLOGY_HTML
from attackgraph.publish.manifest import Manifest
from attackgraph.publish.ontology import Ontology
from attackgraph.publish.readme import readme
from attackgraph.publish.release import Progress, PublishError
from attackgraph.publish.render import nav
from attackgraph.publish.reuse import PageReuse, Previous
from attackgraph.publish.site import Site
from attackgraph.publish.stats import (
    STATS_FILE,
    DataStats,
    KeptCounts,
    ReleaseStats,
    measure,
    stats_json,
)
from attackgraph.publish.void import (
    DCAT_NS,
    SOURCE_ATTRIBUTION,
    SOURCE_LICENSE,
    SPDX_NS,
    VOID_FILE,
    VOID_NS,
    DatasetInfo,
    Download,
    dataset_iri,
    void_triples,
    void_turtle,
)

DEFAULT_ENDPOINT: Final = "http://127.0.0.1:8000/sparql"
"""Where ``attackgraph serve`` answers by default."""
EXAMPLES: Final = 3
_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TITLES: Final = {
    "turtle": "Turtle dump (union of all documents)",
    "jsonld": "JSON-LD dump, compacted with the project context (union of all documents)",
    "ntriples": "N-Triples dump (union of all documents)",
    "nquads": "N-Quads dump, one named graph per source document (primary)",
    "trig": "TriG dump, one named graph per source document",
}


@dataclass(frozen=True)
class PublishOptions:
    """What the CLI can set besides base, version and issue date."""

    download_base: str | None = None
    """URL the release folder is published at (default ``{base}/release``)."""
    endpoint_url: str | None = None
    """The SPARQL endpoint serving the release (None: not announced)."""
    license: str = SOURCE_LICENSE
    attribution: str = SOURCE_ATTRIBUTION
    pages: bool = True
    """Write the static HTML pages (``index.html``, ``id/…``)."""


PREFIXES_RQ: Final = "prefixes.rq"
"""The release's SPARQL prologue: the prefixes ``query`` and ``serve`` predeclare."""


def prefixes_rq(base: str) -> bytes:
    """``PREFIX name: <namespace>`` lines for every predeclared prefix, to paste above a
    query that runs on another store.

    >>> prefixes_rq("https://w3id.org/attackgraph").decode().splitlines()[0]
    'PREFIX ag: <https://w3id.org/attackgraph/ontology#>'
    """
    lines = [f"PREFIX {name}: <{ns}>" for name, ns in prefixes_for(base).items()]
    return ("\n".join(lines) + "\n").encode()


def publish(
    staging: Path,
    *,
    stats: ReleaseStats,
    base: str,
    version: str,
    issued: str | None,
    options: PublishOptions | None = None,
    progress: Progress | None = None,
    reuse: PageReuse | None = None,
    jobs: int = 1,
    packed: Mapping[str, Packed] | None = None,
    alone: AlonePages | None = None,
) -> None:
    """Add everything else to a staging folder that holds the dumps written by
    ``export.write_dataset`` (at least ``attackgraph.nq`` and ``attackgraph.nt``) and the
    validation report: gzipped dumps, ontology (Turtle, JSON-LD, HTML), shapes, context,
    the static pages, ``void.ttl``, ``stats.json``, ``README.md`` and, last,
    ``SHA256SUMS``.

    ``issued`` (``YYYY-MM-DD``) becomes ``dcterms:issued``; None takes the latest
    ``xsd:date`` of an event in the data (never the clock: the same input gives the same
    bytes). ``progress`` is told each step (``gzip``, ``ontology``, ``data``, ``pages``,
    ``void``, ``sums``). ``reuse`` names the release being replaced and the manifest of
    its pages: the pages whose statements did not change are taken from it (see
    :mod:`attackgraph.publish.reuse`), and the manifest is replaced by this release's.
    ``jobs`` processes render the pages (the same bytes whatever their number).
    ``packed`` (format name -> dump with its gzip copy, from ``write_dataset(packed=True)``)
    names the dumps whose ``.gz`` and checksums the export already wrote; the others are
    gzipped here. ``alone`` holds the document pages rendered from their documents'
    graphs alone while converting: each is taken where the release reads the same
    (:mod:`attackgraph.publish.alone`); its folder is deleted once the pages are written.

    Raises :class:`PublishError` when a dump is missing or disagrees with ``stats``,
    ``ValueError`` for a bad ``base`` or ``issued``, ``SyntaxError`` / ``OSError`` when a
    dump cannot be read, ``export.ExportError`` when the JSON-LD context cannot be loaded.
    """
    options = options or PublishOptions()
    step = progress or (lambda _: None)
    minter = Minter(base)
    base = minter.base
    if issued is not None and not _DATE.fullmatch(issued):
        raise OptionError(f"issued must be a date YYYY-MM-DD, not {issued!r}")
    nquads, ntriples = (staging / FORMATS[n].file_name() for n in ("nquads", "ntriples"))
    for dump in (nquads, ntriples):
        if not dump.is_file():
            raise PublishError(f"{dump}: missing; write the dumps before publishing")
    download_base = (options.download_base or f"{base}/release").rstrip("/")

    step("gzip")
    digests: dict[str, str] = {}
    downloads: list[Download] = []
    dumps = [f for f in ALL_FORMATS if (staging / f.file_name(DUMP_STEM)).is_file()]
    for fmt, (plain_digest, gz, gz_digest) in zip(dumps, _gzipped(staging, dumps, packed),
                                                  strict=True):  # fmt: skip
        plain = staging / fmt.file_name(DUMP_STEM)
        digests[plain.name], digests[gz.name] = plain_digest, gz_digest
        for path, compressed in ((plain, False), (gz, True)):
            title = _TITLES.get(fmt.name, fmt.name) + (", gzip" if compressed else "")
            downloads.append(
                Download(path.name, title, fmt.media_type, path.stat().st_size,
                         digests[path.name], compressed)
            )  # fmt: skip

    step("ontology")
    ontology = Ontology(packaged_file(ONTOLOGY_TTL))
    for name in (ONTOLOGY_TTL, SHAPES_TTL, CONTEXT_JSONLD):
        write_bytes(staging / name, packaged_file(name))
    write_bytes(staging / "ontology.jsonld", ontology.jsonld())
    write_bytes(staging / PREFIXES_RQ, prefixes_rq(base))

    step("data")
    with _release_data(staging, reuse, sha256=digests[nquads.name]) as data:
        measured = _measure(ntriples, minter.prefix, reuse, sha256=digests[ntriples.name])
        if stats.triples and stats.triples != measured.triples:
            raise PublishError(
                f"{ntriples}: holds {measured.triples} triples, the build reported {stats.triples}"
            )
        issued = issued or latest_date(data)

        step("pages")
        site = Site(data, ontology, base=base)
        site.alone = alone
        write_bytes(staging / ONTOLOGY_HTML, ontology.html(nav(site.context(""))))
        site.write_assets(staging)
        pages = {}
        if options.pages:
            pages = _write_pages(
                site, staging, version=version, reuse=reuse, jobs=jobs, digests=digests
            )
            digests.update(site.digests)
        if alone is not None:
            alone.close()
        if options.pages:
            downloads.append(Download("index.html", "Linked-data pages (HTML)", "text/html", 0, ""))

        step("void")
        info = DatasetInfo(
            base=base,
            version=version,
            issued=issued,
            download_base=download_base,
            endpoint_url=options.endpoint_url,
            license=options.license,
            attribution=options.attribution,
        )
        prefixes = {"void": VOID_NS, "dcat": DCAT_NS, "spdx": SPDX_NS}
        prefixes |= {**prefixes_for(base), "ds": dataset_iri(base) + "#"}
        curie = site.context("").curie
        used = [*measured.classes, *measured.properties]
        vocabularies = [ns for name, ns in PREFIXES.items() if any(i.startswith(ns) for i in used)]
        examples = sorted(e.iri for e in site.events)[:EXAMPLES]
        triples = void_triples(
            info, measured, downloads, examples=examples, vocabularies=vocabularies, curie=curie
        )
        write_bytes(staging / VOID_FILE, void_turtle(triples, prefixes))
        graphs = sum(1 for _ in data.store.named_graphs())
        text = stats_json(
            stats, measured, curie=curie, graphs=graphs, pages=pages, version=version, issued=issued
        )
        write_bytes(staging / STATS_FILE, text.encode())
        write_bytes(
            staging / "README.md",
            readme(base=base, version=version, download_base=download_base, downloads=downloads,
                   endpoint_url=options.endpoint_url).encode(),
        )  # fmt: skip

    step("sums")
    write_sums(staging, digests)
    if reuse is not None and options.pages:
        _manifest_path(reuse).replace(reuse.manifest)


def _release_data(
    staging: Path, reuse: PageReuse | None, *, sha256: str
) -> AbstractContextManager[ReleaseData]:
    """The staged release's data in a store: the one kept between builds when ``reuse``
    names it, else a temporary one in ``staging``."""
    nquads, ntriples = (staging / FORMATS[n].file_name() for n in ("nquads", "ntriples"))
    if reuse is None or reuse.store is None:
        return ReleaseData.on_disk(nquads, staging)
    kept = KeptStore(reuse.store, reuse.context)
    return ReleaseData.kept(nquads, ntriples, kept, previous=reuse.previous, sha256=sha256)


def _measure(ntriples: Path, uri_space: str, reuse: PageReuse | None, *, sha256: str) -> DataStats:
    """:func:`~attackgraph.publish.stats.measure` of the staged N-Triples dump: through
    the counts kept beside the pages' store when ``reuse`` keeps one (a rebuild changes
    them where the dumps differ: :class:`~attackgraph.publish.stats.KeptCounts`)."""
    if reuse is None or reuse.store is None:
        return measure(ntriples, uri_space)
    kept = KeptCounts(reuse.store.with_name(reuse.store.name + ".counts.sqlite"), reuse.context)
    return kept.measure(ntriples, uri_space, previous=reuse.previous, sha256=sha256)


def _gzipped(
    staging: Path, dumps: list[Format], packed: Mapping[str, Packed] | None
) -> list[tuple[str, Path, str]]:
    """Each dump's SHA-256, its ``.gz`` and that file's SHA-256: from ``packed`` where the
    export wrote them for this staging folder, else gzipped here (in threads)."""
    ready = {name: p for name, p in (packed or {}).items() if p.path.parent == staging}
    todo = [staging / f.file_name(DUMP_STEM) for f in dumps if f.name not in ready]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as threads:
        done = dict(zip(todo, threads.map(gzip_and_hash, todo), strict=True))
    out = []
    for fmt in dumps:
        if fmt.name in ready:
            p = ready[fmt.name]
            out.append((p.sha256, p.gz, p.gz_sha256))
        else:
            out.append(done[staging / fmt.file_name(DUMP_STEM)])
    return out


def _manifest_path(reuse: PageReuse) -> Path:
    """Where this build writes its manifest until the release is complete."""
    return reuse.manifest.with_name(reuse.manifest.name + ".new")


def _write_pages(
    site: Site,
    staging: Path,
    *,
    version: str,
    reuse: PageReuse | None,
    jobs: int,
    digests: Mapping[str, str],
) -> dict[str, int]:
    """The pages, those of the replaced release kept where nothing they show changed
    (``digests``: the SHA-256 of the staged dumps, by file name)."""
    if reuse is None:
        return site.write(staging, version=version, jobs=jobs)
    nquads, ntriples = (staging / FORMATS[n].file_name() for n in ("nquads", "ntriples"))
    previous = Previous(reuse, nquads, ntriples)
    manifest = Manifest(_manifest_path(reuse), context=reuse.context, carried=previous.carried)
    try:
        pages = site.write(
            staging, version=version, previous=previous, manifest=manifest, jobs=jobs
        )
    finally:
        previous.close()
    manifest.finish(f"{digests[nquads.name]} {digests[ntriples.name]}")
    return pages


def latest_date(data: ReleaseData) -> str | None:
    """The latest ``xsd:date`` an event has (date, start or end), if any."""
    rows = data.select(
        "SELECT (MAX(?d) AS ?latest) WHERE { ?e ag:date|ag:startDate|ag:endDate ?d "
        "FILTER(DATATYPE(?d) = xsd:date) }"
    )
    for row in rows:
        latest = row["latest"]
        if isinstance(latest, Literal):
            return latest.value
    return None
