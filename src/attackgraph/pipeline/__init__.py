"""Composes the stages; the only module that imports all of them.

documents --parse--> Document --extract--> Extraction --resolve--> Record --build--> quads
    --validate--> report --export--> release files

One document at a time: its quads are validated on their own and then streamed to
the exporters, so memory grows with the dump's lines, not with an rdflib graph of
the whole corpus. A document that cannot be read, or whose graph breaks the shapes,
is skipped with its reason; the others still build.

``convert`` turns one document into its quads (in workers, through the build cache),
``report`` sums up the run; this module builds a release from them.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Final

from pyoxigraph import NamedNode, Quad

from attackgraph import changes, export, publish
from attackgraph.cache import BuildCache
from attackgraph.model import AttackgraphError, Problem
from attackgraph.parse import display_path
from attackgraph.pipeline.convert import (
    BuildOptions,
    Converter,
    DocumentResult,
    build_cache,
    cached_result,
    convert_all,
    entry_meta,
    options_context,
)
from attackgraph.pipeline.report import BuildReport
from attackgraph.pipeline.union_reuse import UnionReuse, marker_name, release_name
from attackgraph.progress import Progress
from attackgraph.publish.alone import AlonePages
from attackgraph.to_rdf import NQuadsText
from attackgraph.union import Union, UnionError
from attackgraph.validate import Report

__all__ = [
    "REPORT_JSON",
    "REPORT_TEXT",
    "BuildOptions",
    "BuildReport",
    "Converter",
    "DocumentResult",
    "NoDocumentsError",
    "build",
    "cached_result",
    "convert_all",
    "discover",
    "document_ids",
    "entry_meta",
]

REPORT_TEXT = "validation-report.txt"
REPORT_JSON = "build-report.json"


class NoDocumentsError(AttackgraphError, ValueError):
    """The inputs name no document at all; nothing is built, the old release is kept."""


def discover(paths: Sequence[Path]) -> list[Path]:
    """The ``.txt`` documents named by ``paths`` (files, or folders searched recursively),
    sorted and without repeats. Raises ``FileNotFoundError`` for a path that does not exist.
    """
    return sorted(document_ids(paths))


def document_ids(paths: Sequence[Path]) -> dict[Path, str]:
    """Each document named by ``paths`` with its id: its path relative to the folder
    given, without ``.txt`` (a file given by name: its name), so ``a/x.txt`` and
    ``b/x.txt`` are two documents. Raises ``FileNotFoundError`` like :func:`discover`.

    >>> document_ids([Path("data/documents/000_6de047e5428871d9.txt")])
    {PosixPath('data/documents/000_6de047e5428871d9.txt'): '000_6de047e5428871d9'}
    """
    found: dict[Path, str] = {}
    for path in paths:
        if path.is_dir():
            for file in path.rglob("*.txt"):
                if file.is_file():
                    found.setdefault(file, display_path(file.relative_to(path).with_suffix("")))
        elif path.is_file():
            found.setdefault(path, display_path(path.stem))
        else:
            raise FileNotFoundError(f"{display_path(path)}: no such file or directory")
    return found


def page_reuse(options: BuildOptions, out_dir: Path) -> publish.PageReuse | None:
    """Where a build with the cache keeps the manifest of the pages of the release at
    ``out_dir`` (``pages/`` in the cache folder) and the store they are read from
    (``store/``), so the next build can keep the pages that did not change and update
    the store instead of loading it again; None without a cache.

    >>> page_reuse(BuildOptions(), Path("release")) is None
    True
    >>> page_reuse(BuildOptions(cache_dir=Path("c")), Path("release")).manifest.parent
    PosixPath('c/pages')
    """
    if options.cache_dir is None:
        return None
    name = release_name(out_dir)
    return publish.PageReuse(
        manifest=options.cache_dir / "pages" / f"{name}.sqlite",
        previous=out_dir,
        context=_release_context(options),
        store=options.cache_dir / "store" / name,
    )


def union_reuse(options: BuildOptions, out_dir: Path) -> UnionReuse | None:
    """Where a build with the cache notes that the union of the release at ``out_dir``
    conformed (``union/`` in the cache folder), so the next build checks only what
    changed (:mod:`.union_reuse`); None without a cache or without validation.

    >>> union_reuse(BuildOptions(cache_dir=Path("c")), Path("release")).marker.parent
    PosixPath('c/union')
    """
    if options.cache_dir is None or not options.validate:
        return None
    marker = options.cache_dir / "union" / marker_name(out_dir)
    return UnionReuse(marker, _release_context(options), Path(os.path.abspath(out_dir)))


def dump_units(options: BuildOptions, out_dir: Path) -> export.UnitCache | None:
    """Where a build with the cache keeps the gzip members of its dumps' units
    (``dumps/`` in the cache folder, one folder per release folder), so the next build
    writes again only the units that changed (:mod:`attackgraph.export.chunks`); None
    without a cache.

    >>> dump_units(BuildOptions(cache_dir=Path("c")), Path("release")).folder.parent
    PosixPath('c/dumps')
    """
    if options.cache_dir is None:
        return None
    folder = options.cache_dir / "dumps" / release_name(out_dir)
    return export.UnitCache(folder, _release_context(options))


def _release_context(options: BuildOptions) -> str:
    """What a release's bytes depend on besides its documents (code, options)."""
    context = options_context(options) + f"\0{options.version}\0{options.publish!r}"
    return hashlib.sha256(context.encode()).hexdigest()


def build(
    paths: Sequence[Path],
    out_dir: Path,
    options: BuildOptions | None = None,
    *,
    progress: Callable[[DocumentResult], None] | None = None,
    stages: Progress | None = None,
) -> BuildReport:
    """Build every document into a release folder ``out_dir``.

    The release is written into a staging folder beside ``out_dir`` and swapped in
    only when complete, so an interrupted build leaves the previous release intact.
    Raises ``FileNotFoundError`` for a missing input path, :class:`NoDocumentsError`
    when the inputs hold no document, :class:`changes.ShrinkError` when the build
    would remove more than half of the previous release's documents (unless
    ``options.allow_shrink``), ``export.ExportError``
    when an output file fails its strict re-parse, and ``publish.PublishError`` when
    ``out_dir`` is a folder that is not a release or another build holds it.
    When the merged documents break a shape that each document keeps on its own, the
    documents that break it are left out (``file:line: union/shapes`` naming the
    documents kept, in ``skipped``), the others are merged again and published;
    :class:`UnionError` when that does not mend it.
    ``progress`` is told each document's result (first pass), ``stages`` each stage and
    document.

    >>> import tempfile
    >>> from attackgraph.publish import PublishOptions
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     doc = Path(folder, "raid.txt")
    ...     _ = doc.write_text("= Raid =\\n\\nInfobox\\n- Deaths: 3\\n\\nA raid.\\n")
    ...     options = BuildOptions(publish=PublishOptions(pages=False))
    ...     report = build([doc], Path(folder, "release"), options)
    >>> report.built, report.ok
    (1, True)
    """
    started = time.monotonic()
    options = options or BuildOptions()
    ids = document_ids(paths)
    documents = sorted(ids)
    if not documents:
        shown = ", ".join(display_path(p) for p in paths) or "(no path given)"
        raise NoDocumentsError(f"{shown}: no documents (.txt files) found; nothing was built")

    def stage(name: str) -> None:
        if stages is not None:
            stages.stage(name)

    previous = changes.previous_documents(out_dir)
    checked = union_reuse(options, out_dir)
    conformed = checked.conformed() if checked is not None else None
    left_out: dict[str, Problem] = {}  # graph IRI -> why its document was left out
    excluded: set[Path] = set()
    reused = page_reuse(options, out_dir)
    with publish.staged_release(out_dir, progress=stage) as staging:
        alone = _alone_pages(options, staging)
        for attempt in range(1, MAX_UNION_ATTEMPTS + 1):
            todo = [p for p in documents if p not in excluded]
            report, merged, written, sources = _convert_and_write(
                todo,
                ids,
                options,
                staging,
                progress=progress if attempt == 1 else None,
                stages=stages,
                units=dump_units(options, out_dir),
                alone=alone,
            )
            report.documents = len(documents)
            if not options.validate:
                break
            stage("validating the union")
            failures = merged.verify(
                written.files["nquads"],
                workdir=staging.parent,
                jobs=options.jobs,
                previous=conformed[0] if conformed is not None else None,
                keep=checked.index if checked is not None else None,
                previous_digest=conformed[1] if conformed is not None else None,
            )
            if not failures:
                break
            culprits = merged.culprits({iri: source for iri, (source, _) in sources.items()})
            if attempt == MAX_UNION_ATTEMPTS or not culprits.keys() - left_out.keys():
                shown = "\n  ".join(failures[:5])
                raise UnionError(f"the merged dataset breaks the shapes:\n  {shown}")
            left_out.update(culprits)
            excluded.update(sources[iri][1] for iri in culprits if iri in sources)
        merged.left_out = sorted(left_out.values(), key=str)
        report.skipped.extend(merged.left_out)
        report.changes = changes.compare(previous, report.document_hashes)
        changes.check_shrink(report.changes, allow=options.allow_shrink)
        report.quads, report.triples = written.quads, written.triples
        report.files = {fmt: path.name for fmt, path in sorted(written.files.items())}
        validation = Report(conforms=not report.violations, violations=tuple(report.violations))
        export.write_text(
            staging / REPORT_TEXT, validation.format_text() + "\n" + merged.report_text() + "\n"
        )
        export.write_text(staging / REPORT_JSON, report.to_json())
        publish.publish(
            staging,
            stats=report.release_stats(),
            base=options.base,
            version=options.version,
            issued=options.issued,
            options=options.publish,
            progress=stage,
            reuse=reused,
            jobs=options.jobs,
            packed=written.packed,
            alone=alone,
        )
    if reused is not None and options.publish.pages:
        publish.note_files(reused.manifest, out_dir)  # the release in place: see its docs
    if checked is not None:
        checked.remember()
    report.seconds = time.monotonic() - started
    return report


MAX_UNION_ATTEMPTS: Final = 3
"""Unions built at most: each leaves out the documents whose union broke a shape."""


PAGES_IN_WORKERS = False
"""Whether the converting workers render each document's page from its quads alone, for
the pages stage to take (:mod:`attackgraph.publish.alone`). Off: measured at 200
documents (bench/README.md, "Session 20: the whole build at 200 documents"), it costs
converting ~22 ms of CPU a document and 0.09 GiB PSS and saves the pages stage nothing
yet, because taking a page still asks the whole release's store every read the page
made; it pays once those reads are answered from a small shared index instead."""


def _alone_pages(options: BuildOptions, staging: Path) -> AlonePages | None:
    """Where a build that writes pages puts aside the document pages its workers
    render while converting (:mod:`attackgraph.publish.alone`): a folder in
    ``staging``, deleted once the pages are written; None unless
    :data:`PAGES_IN_WORKERS`."""
    if not PAGES_IN_WORKERS or not options.publish.pages or options.scheduler is not None:
        return None
    return AlonePages(Path(tempfile.mkdtemp(dir=staging, prefix=".pages-alone-")))


def _convert_and_write(
    documents: list[Path],
    ids: dict[Path, str],
    options: BuildOptions,
    staging: Path,
    *,
    progress: Callable[[DocumentResult], None] | None,
    stages: Progress | None,
    units: export.UnitCache | None,
    alone: AlonePages | None = None,
) -> tuple[BuildReport, Union, export.ExportResult, dict[str, tuple[str, Path]]]:
    """Convert ``documents``, merge them into a union and write its dumps into
    ``staging`` with their gzip copies, taking unchanged units from ``units``: the run's
    report, the union, the files written, and each graph IRI's source (as shown in
    messages, and its path). The document pages rendered while converting are put
    aside in ``alone``."""
    report = BuildReport(documents=len(documents))
    if options.cache_dir is not None:
        report.cached = 0
    sources: dict[str, tuple[str, Path]] = {}  # graph IRI -> the file that gave it
    merged = Union(options.base, extra_shapes=options.extra_shapes)
    cache = build_cache(options)

    def accept(result: DocumentResult) -> DocumentResult:
        if result.skipped is None and result.quads:
            graph = _graph(result.quads)
            iri = graph.value if isinstance(graph, NamedNode) else str(graph)
            if iri in sources:
                problem = changes.duplicate_problem(result.source, sources[iri][0], iri)
                return DocumentResult(result.path, skipped=problem, warnings=result.warnings)
            sources[iri] = (result.source, result.path)
            report.document_hashes[iri] = result.sha256
            if alone is not None and result.page is not None:
                alone.put(result.page)
            quads, conflicts = _merge(merged, result, cache)
            return replace(result, quads=quads, warnings=(*result.warnings, *conflicts))
        return result

    def batches() -> Iterator[Sequence[Quad]]:
        if stages is not None:
            stages.stage("converting", total=len(documents))
        for converted in convert_all(documents, options, ids, pages=alone is not None):
            result = accept(converted)
            report.warnings.extend(result.warnings)
            report.violations.extend(result.violations)
            if result.skipped is not None:
                report.skipped.append(result.skipped)
            else:
                report.built += 1
                yield result.quads if isinstance(result.quads, NQuadsText) else list(result.quads)
            if result.cached:
                report.cached = (report.cached or 0) + 1
            if converted.distrusted:
                report.distrusted.append((converted.source, converted.distrusted))
            if progress is not None:
                progress(result)
            if stages is not None:
                stages.advance()
        if stages is not None:
            stages.stage("writing dumps")

    written = export.write_dataset(batches(), staging, base=options.base, packed=True, units=units)
    return report, merged, written, sources


def _graph(quads: Sequence[Quad]) -> object:
    """The graph of a document's first quad (of a cache entry's text: its first line)."""
    return quads.graph if isinstance(quads, NQuadsText) else quads[0].graph_name


def _merge(
    union: Union, result: DocumentResult, cache: BuildCache | None
) -> tuple[Sequence[Quad], list[Problem]]:
    """The document's quads as they go into ``union``, and its warnings: with a cache,
    replayed from the trace of the document's last merge when every read gives the same
    answer (:meth:`Union.replay`: its quads, a cache entry's text, are then never
    parsed), else merged and the trace kept for the next build."""
    if cache is None or not result.key:
        out, problems = union.add(list(result.quads), result.source)
        return out, problems
    replayed = union.replay(result.trace) if result.trace is not None else None
    if replayed is not None:
        text, problems = replayed
        return (result.quads if text is None else NQuadsText(text)), problems
    out, problems = union.add(list(result.quads), result.source, record=True)
    if union.trace is not None:
        cache.put_trace(result.key, result.entry, union.trace)
    return out, problems
