"""One document at a time: parse -> extract -> resolve -> build -> validate, through the
build cache, in worker processes or on a Dask cluster (:func:`convert_all`)."""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields, replace
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Any, Final

import pyoxigraph as ox
from pyoxigraph import Quad

from attackgraph import publish
from attackgraph.cache import BuildCache, build_context, file_sha256
from attackgraph.cluster import ordered_map
from attackgraph.extract import extract
from attackgraph.extract.ahead import ask_ahead
from attackgraph.guard import internal_problem
from attackgraph.identifiers import Minter, slugify
from attackgraph.limits import LimitExceeded, Limits, bounded
from attackgraph.model import Document, InputError, Problem
from attackgraph.namespaces import DEFAULT_BASE
from attackgraph.parse import display_path, document_id, parse, parse_file
from attackgraph.pipeline.entries import meta_fields, sound_quads, sound_trace
from attackgraph.publish.alone import AlonePage, PageRenderer
from attackgraph.resolve import Resolver, resolve
from attackgraph.to_rdf import GraphQuads, triple_lines
from attackgraph.to_rdf import quads as build_quads
from attackgraph.validate import Validator, Violation, shipped_validator
from attackgraph.version import VERSION


@dataclass(frozen=True)
class BuildOptions:
    base: str = DEFAULT_BASE
    gazetteer_files: tuple[Path, ...] = ()
    validate: bool = True
    jobs: int = 1
    """Worker processes converting documents (parse to validate); 1 converts in-process."""
    version: str = VERSION
    issued: str | None = None
    """Release date (ISO); default: the latest event date in the data, never the clock."""
    publish: publish.PublishOptions = field(default_factory=publish.PublishOptions)
    allow_shrink: bool = False
    """Replace a release even when more than half of its documents would be removed."""
    cache_dir: Path | None = None
    """Folder of the build cache (``cache.default_cache_dir()``); None builds uncached."""
    limits: Limits = field(default_factory=Limits)
    """CPU time, memory and claims one document may take (see :mod:`attackgraph.limits`)."""
    scheduler: str | None = None
    """Address of a Dask distributed scheduler that converts the documents (``jobs`` is
    then unused); None converts them on this machine."""
    extra_shapes: tuple[Path, ...] = ()
    """A project's own SHACL shapes files, checked with the shipped shapes on every
    document and on the published union (see :class:`~attackgraph.union.Union`)."""


@dataclass(frozen=True)
class DocumentResult:
    """What happened to one document."""

    path: Path
    quads: Sequence[Quad] = field(default_factory=list)
    """The document's quads: a converted document's are a :class:`~attackgraph.to_rdf.
    GraphQuads` (its N-Triples text, read as quads when iterated)."""
    skipped: Problem | None = None
    source: str = ""
    """The path as shown in messages (undecodable bytes escaped)."""
    sha256: str = ""
    """SHA-256 of the document's bytes, when it was read."""
    warnings: tuple[Problem, ...] = ()
    violations: tuple[Violation, ...] = ()
    cached: bool = False
    """Read from the build cache instead of converted."""
    key: str = ""
    """Its build-cache key, when it has an entry (read or just written)."""
    entry: str = ""
    """The SHA-256 of that entry's quads (its N-Quads text): what the union's trace of
    the document is recorded for (:meth:`~attackgraph.cache.BuildCache.trace`)."""
    trace: Mapping[str, Any] | None = None
    """That trace, when the result was read from the cache and one was kept for it."""
    distrusted: str = ""
    """Why the document's entry in the build cache was not used (it was converted
    again), when it had one that failed its checks (a phrase: "its quads fail their
    checksum")."""
    page: AlonePage | None = None
    """Its page, rendered from its quads alone when it was converted for a build that
    writes pages (:mod:`attackgraph.publish.alone`); not kept in the build cache."""

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with its quads as N-Quads text (a worker sends its results to the
        build process): a third of the CPU of pickling pyoxigraph terms one by one, and
        the same quads in the same order come back.

        >>> import pickle
        >>> raid = b"= Raid =\\n\\nA raid.\\n"
        >>> result = Converter(BuildOptions()).convert_bytes(raid, Path("r.txt"))
        >>> pickle.loads(pickle.dumps(result)) == result
        True
        """
        rest = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "quads"}
        if isinstance(self.quads, GraphQuads):  # already text
            return _unpickled, (self.quads, rest)
        body = ox.serialize(self.quads, format=ox.RdfFormat.N_QUADS) or b""
        return _unpickled, (body, rest)


def _unpickled(body: bytes | GraphQuads, rest: dict[str, Any]) -> DocumentResult:
    """A :class:`DocumentResult` from its pickled parts (see its ``__reduce__``)."""
    if isinstance(body, GraphQuads):
        return DocumentResult(quads=body, **rest)
    return DocumentResult(quads=list(ox.parse(body, format=ox.RdfFormat.N_QUADS)), **rest)


class Converter:
    """parse -> extract -> resolve -> build -> validate for one document at a time,
    through the build ``cache`` when given."""

    def __init__(
        self, options: BuildOptions, cache: BuildCache | None = None, *, pages: bool = False
    ) -> None:
        """``pages``: render each converted document's own page from its quads
        (:attr:`DocumentResult.page`)."""
        self.options = options
        self.cache = cache
        self.minter = Minter(options.base)
        self.pages = PageRenderer(self.minter.base) if pages else None
        self.resolver = Resolver(gazetteer_files=options.gazetteer_files)
        self.validator = _validator(options.extra_shapes) if options.validate else None
        self._warm = False

    def warm_up(self) -> None:
        """Load what every stage loads on first use (reference data, language models,
        compiled shapes) by converting a small built-in document, so that the
        per-document limits measure documents, not start-up. Runs once."""
        if not self._warm:
            self._warm = True
            document = parse(_WARM_UP, "warm-up.txt")
            record = resolve(extract(document), self.resolver)
            quads = build_quads(record, self.minter)
            if self.validator is not None:
                self.validator.validate_quads(quads)

    def convert(self, path: Path, doc_id: str | None = None) -> DocumentResult:
        """Convert one document (``doc_id``: see :func:`document_ids`, default the file's
        name), or read it from the cache; never raises: a failure skips the document with
        its problem.

        >>> result = Converter(BuildOptions()).convert(Path("data/documents/missing.txt"))
        >>> result.quads, result.skipped.rule
        ([], 'parse/unreadable')
        """
        found = self._cache_key(path, doc_id)
        if self.cache is None or found is None:
            return self._with_page(self._convert_safely(path, doc_id))
        key, sha256 = found
        cached = self._cached(path, doc_id, key, sha256)
        if isinstance(cached, DocumentResult):
            return cached
        result = self._convert_safely(path, doc_id)
        if _cacheable(result, sha256):
            digest = self.cache.put(key, result.quads, entry_meta(result))
            result = replace(result, key=key, entry=digest)
        result = self._with_page(result)
        return result if cached is None else replace(result, distrusted=cached)

    def _with_page(self, result: DocumentResult) -> DocumentResult:
        """``result`` with its document's page rendered from its quads alone, when this
        converter renders pages; a failure leaves it to the pages stage, which renders
        the page from the release (and reports what fails there)."""
        if self.pages is None or result.skipped is not None or not result.quads:
            return result
        try:
            with collector_paused():
                page = self.pages.render(result.quads)
        except Exception:  # noqa: BLE001 - the pages stage renders it from the release
            return result
        return replace(result, page=page)

    def _cached(
        self, path: Path, doc_id: str | None, key: str, sha256: str
    ) -> DocumentResult | str | None:
        """The result kept in the cache under ``key`` for the document whose bytes hash
        to ``sha256``, with the union trace kept for it; None when there is none, why
        (a phrase) when it is corrupt (:mod:`.entries`: its checksum and seal, its
        header, then its quads unless a sound trace vouches for them)."""
        assert self.cache is not None
        found = self.cache.entry(key)
        if not isinstance(found, tuple):
            return found
        quads, meta, digest = found
        try:
            result = cached_result(path, quads, meta, key=key, entry=digest)
        except ValueError as error:
            return f"its header is not what a build writes: {error}"
        if not _cacheable(result, sha256):
            return "its header names other bytes or a failure the build does not keep"
        if (result.skipped is None) != bool(quads.text):
            return "its quads disagree with its header"
        if not quads.text:
            return result
        graph = self.minter.document(slugify(document_id(display_path(path), doc_id)))
        trace = self.cache.trace(key, digest)
        if trace is not None and not sound_trace(trace, graph):
            trace = None
        if trace is None and not sound_quads(quads, graph):
            return "its quads are not what converting the document gives"
        return replace(result, trace=trace)

    def convert_batch(self, items: Sequence[tuple[Path, str | None]]) -> list[DocumentResult]:
        """Convert documents (``(path, doc_id)`` pairs) in order, as :meth:`convert` does
        one, having first asked the linguistic layer, in one batch, what the readers of
        those not in the cache will ask (:mod:`~attackgraph.extract.ahead`: the same
        answers, fewer calls).

        >>> [r.skipped.rule for r in Converter(BuildOptions()).convert_batch(
        ...     [(Path("data/documents/missing.txt"), None)])]
        ['parse/unreadable']
        """
        self._ask_ahead([item for item in items if not self.in_cache(*item)])
        return [self.convert(*item) for item in items]

    def _ask_ahead(self, items: Sequence[tuple[Path, str | None]]) -> None:
        """Ask the linguistic layer what converting ``items`` will ask of it. A document
        that cannot be read, or over :data:`AHEAD_BYTES`, is left to its own reading,
        which reports it; so is any failure here: asking ahead decides nothing."""
        documents = []
        for path, doc_id in items:
            try:
                documents.append(parse_file(path, doc_id=doc_id, max_bytes=AHEAD_BYTES))
            except InputError:
                continue
        if documents:
            try:
                self.warm_up()
                ask_ahead(documents)
            except Exception:  # noqa: BLE001 - only a cache is filled; reading decides
                pass

    def in_cache(self, path: Path, doc_id: str | None = None) -> bool:
        """Whether the cache has an entry for the document (read, and checked, by
        :meth:`convert`)."""
        found = self._cache_key(path, doc_id)
        return self.cache is not None and found is not None and self.cache.has(found[0])

    def _cache_key(self, path: Path, doc_id: str | None) -> tuple[str, str] | None:
        """The document's cache key and SHA-256; None without a cache or readable file."""
        if self.cache is None:
            return None
        try:
            sha256 = file_sha256(path)
        except OSError:
            return None
        return self.cache.key(f"{display_path(path)}\0{doc_id}", sha256), sha256

    def _convert_safely(self, path: Path, doc_id: str | None) -> DocumentResult:
        try:
            self.warm_up()
            with bounded(self.options.limits), collector_paused():
                return self._convert(path, doc_id)
        except InputError as error:
            return DocumentResult(path, skipped=error.problem)
        except LimitExceeded as error:
            problem = Problem(display_path(path), 1, error.rule, error.message)
            return DocumentResult(path, skipped=problem)
        except Exception as error:  # noqa: BLE001 - one document must not stop the run
            return DocumentResult(path, skipped=internal_problem(display_path(path), error))

    def convert_bytes(self, data: bytes, path: Path) -> DocumentResult:
        """Convert a document's bytes as if read from the file ``path`` (its name gives
        the document IRI), without the cache. A document that cannot be read or breaks
        the shapes is skipped with its problem; a bug raises.

        >>> converter = Converter(BuildOptions())
        >>> result = converter.convert_bytes(b"= Raid =\\n\\nA raid.\\n", Path("raid.txt"))
        >>> result.skipped is None, str(result.quads[0].graph_name)
        (True, '<https://w3id.org/attackgraph/id/doc/raid>')
        >>> print(converter.convert_bytes(b"", Path("empty.txt")).skipped)
        empty.txt:1: parse/empty: the document is empty; expected '= Title =' first
        """
        try:
            with collector_paused():
                return self._convert_document(path, parse(data, str(path)))
        except InputError as error:
            return DocumentResult(path, skipped=error.problem)

    def _convert(self, path: Path, doc_id: str | None) -> DocumentResult:
        return self._convert_document(path, parse_file(path, doc_id=doc_id))

    def _convert_document(self, path: Path, document: Document) -> DocumentResult:
        extraction = extract(document, max_claims=self.options.limits.claims or None)
        record = resolve(extraction, self.resolver)
        graph, lines = triple_lines(record, self.minter)  # text: no term objects held
        report = self.validator.validate_lines(lines) if self.validator else None
        if report is None or report.conforms:
            quads = GraphQuads.taking(graph, lines)
            return DocumentResult(
                path,
                quads,
                warnings=record.extraction.warnings,
                source=document.source,
                sha256=document.sha256,
            )
        first = report.violations[0]
        problem = Problem(
            document.source,
            first.line or 1,
            "validate/shapes",
            f"{len(report.violations)} shape violation(s); first: {first.message}",
        )
        return DocumentResult(
            path, skipped=problem, warnings=record.extraction.warnings, violations=report.violations
        )


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block without Python's cyclic garbage collector (as it was after).

    Converting one document makes objects that live until it ends (claims, spans, the
    RDF, the SHACL pieces) and almost no cyclic garbage (a 1 MB document: about 750
    objects). The collector would walk all of them again and again as they pile up (a
    sixth of the CPU time of a 1 MB document, more the bigger it is); reference
    counting still frees everything else at once. Process-wide: a thread converting
    while another ends its block loses the pause, not its memory.

    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _validator(extra: tuple[Path, ...]) -> Validator:
    """A validator of the shipped shapes and ``extra`` ones: with none, the process's one
    (:func:`~attackgraph.validate.shipped_validator`: forked workers inherit it and the
    union check uses it too), else a new one (the files may change between builds)."""
    return shipped_validator() if not extra else Validator(extra=extra)


def _cacheable(result: DocumentResult, sha256: str) -> bool:
    """Not an internal error nor a limit (they may not happen again, and limits are
    options), and the bytes converted are the bytes the key was made from (the file did
    not change in between)."""
    if result.skipped is not None:
        return not result.skipped.rule.startswith(("internal/", "limit/"))
    return result.sha256 == sha256


def entry_meta(result: DocumentResult) -> dict[str, Any]:
    """A result, less its path and quads, as JSON values (for the build cache)."""
    return {
        "skipped": None if result.skipped is None else asdict(result.skipped),
        "source": result.source,
        "sha256": result.sha256,
        "warnings": [asdict(w) for w in result.warnings],
        "violations": [asdict(v) for v in result.violations],
    }


def cached_result(
    path: Path, quads: Sequence[Quad], meta: dict[str, Any], *, key: str = "", entry: str = ""
) -> DocumentResult:
    """The result an entry of the build cache holds (see :func:`entry_meta`); ``key`` and
    ``entry``: see :class:`DocumentResult`. Raises ``ValueError`` when ``meta`` is not
    what :func:`entry_meta` gives (:func:`~.entries.meta_fields`)."""
    return DocumentResult(path, quads, **meta_fields(meta), cached=True, key=key, entry=entry)


_WARM_UP: Final = (
    b"= Raid on Tamba =\n\nInfobox\n- Date: 1 May 2020\n- Place: Tamba, Mali\n"
    b"- Casualties1: 3 soldiers killed\n\nOn 1 May 2020, gunmen attacked an army post in "
    b"Tamba, Mali. The Malian government stated that three soldiers were killed.\n"
)
_WORKER: Converter | None = None
BATCH: Final = 8
"""Documents a worker converts as one task, the linguistic layer asked ahead for them
together (a call costs about as much again as one document's few sentences)."""
AHEAD_BYTES: Final = 65_536
"""A document file over this many bytes is not asked ahead (its readers ask as they
read, within the document's limits): a long document's sentences make batches of their
own, and a claims limit may stop its reading early."""


def _start_worker(options: BuildOptions, cache: BuildCache | None, pages: bool) -> None:
    global _WORKER
    _WORKER = Converter(options, cache, pages=pages)


def _convert_batch_in_worker(items: Sequence[tuple[Path, str | None]]) -> list[DocumentResult]:
    assert _WORKER is not None, "worker not started"
    return _WORKER.convert_batch(items)


_CLUSTER_WORKER: dict[tuple[BuildOptions, BuildCache | None], Converter] = {}


def _convert_batch_on_cluster(
    items: Sequence[tuple[Path, str | None]], *, options: BuildOptions, cache: BuildCache | None
) -> list[DocumentResult]:
    """A batch of documents (see :meth:`Converter.convert_batch`), on a Dask worker: its
    converter is made once per worker process."""
    converter = _CLUSTER_WORKER.get((options, cache))
    if converter is None:
        converter = _CLUSTER_WORKER[options, cache] = Converter(options, cache)
    return converter.convert_batch(items)


def build_cache(options: BuildOptions) -> BuildCache | None:
    """The build cache of ``options`` (None without one).

    >>> build_cache(BuildOptions()) is None
    True
    """
    if options.cache_dir is None:
        return None
    return BuildCache(options.cache_dir, options_context(options))


def options_context(options: BuildOptions) -> str:
    """What a document's quads depend on besides its bytes, under ``options``: the code,
    ontology, shapes and reference data versions, validation and the claims limit
    (:func:`attackgraph.cache.build_context`)."""
    return build_context(
        base=options.base,
        validate=options.validate,
        gazetteer_files=options.gazetteer_files,
        shapes=options.extra_shapes,
        claims=options.limits.claims or None,
    )


def convert_all(
    paths: Sequence[Path],
    options: BuildOptions,
    ids: Mapping[Path, str] | None = None,
    *,
    pages: bool = False,
) -> Iterator[DocumentResult]:
    """Convert documents in input order, in ``options.jobs`` worker processes.

    Each worker loads its own reference data once; results come back in the order of
    ``paths``, so the output does not depend on the number of workers. With
    ``options.scheduler``, the workers are those of a Dask cluster (see ``cluster``).
    Documents found in the build cache are read in this process, the others converted
    by the workers. ``ids`` gives the documents' ids (see :func:`document_ids`; default:
    their file names). ``pages``: each document converted (not read from the cache) comes
    with its page rendered from its quads alone (:attr:`DocumentResult.page`; not on a
    cluster).
    """
    ids = ids or {}
    items = [(path, ids.get(path)) for path in paths]
    cache = build_cache(options)
    converter = Converter(options, cache, pages=pages)
    # Documents in the cache are read here; only the others go to the workers.
    cached = [converter.in_cache(*item) for item in items]
    misses = [item for item, hit in zip(items, cached, strict=True) if not hit]
    if options.scheduler is not None:
        task = partial(_convert_batch_on_cluster, options=options, cache=cache)
        batches = ordered_map(options.scheduler, task, _batches(misses))
        yield from _in_order(items, cached, converter, chain.from_iterable(batches))
        return
    if options.jobs <= 1 or len(misses) < 8 * options.jobs:
        for batch in _batches(items):
            yield from converter.convert_batch(batch)
        return
    # The first document converted loads the reference data; forked workers inherit it.
    first = converter.convert(*misses[0])
    methods = multiprocessing.get_all_start_methods()
    start = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    started = (options, cache, pages)
    with start.Pool(options.jobs, initializer=_start_worker, initargs=started) as pool:
        batches = pool.imap(_convert_batch_in_worker, _batches(misses[1:]))
        converted = chain([first], chain.from_iterable(batches))
        yield from _in_order(items, cached, converter, converted)


def _batches(
    items: Sequence[tuple[Path, str | None]],
) -> Iterator[Sequence[tuple[Path, str | None]]]:
    """``items`` in runs of :data:`BATCH` (a worker's task: see :meth:`Converter.convert_batch`).

    >>> [len(b) for b in _batches([(Path(f"{n}.txt"), None) for n in range(19)])]
    [8, 8, 3]
    """
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


def _in_order(
    items: Sequence[tuple[Path, str | None]],
    cached: Sequence[bool],
    converter: Converter,
    converted: Iterator[DocumentResult],
) -> Iterator[DocumentResult]:
    """Results in input order: cached documents read by ``converter`` (a corrupt entry is
    converted there), the others taken in turn from ``converted``."""
    for item, hit in zip(items, cached, strict=True):
        yield converter.convert(*item) if hit else next(converted)
