"""``attackgraph build``: documents to a release folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from attackgraph.cli.options import DOCUMENTS_ARGUMENT, GAZETTEER_OPTION
from attackgraph.limits import DEFAULT_CLAIMS, DEFAULT_MEMORY, DEFAULT_SECONDS, Limits
from attackgraph.version import VERSION


@click.command("build")
@DOCUMENTS_ARGUMENT
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder the dumps and reports are written into.",
)
@click.option("--base", default=None, help="Base IRI of minted resources.")
@GAZETTEER_OPTION
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation (faster, unchecked).")
@click.option(
    "--extra-shapes",
    "extra_shapes",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A SHACL shapes file (Turtle) of your own rules, checked with the shipped shapes "
    "on every document and on the published union (a document that breaks one is "
    "skipped; documents whose union breaks one are left out, file:line: union/shapes); "
    "repeatable.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes converting documents [default: the number of CPUs].",
)
@click.option(
    "--issued", help="Release date YYYY-MM-DD (default: the latest event date in the data)."
)
@click.option("--release-version", help="Version recorded in the dataset description.")
@click.option(
    "--download-base", help="URL the release folder is published at (default: BASE/release)."
)
@click.option(
    "--endpoint-url",
    default=None,
    help="Public SPARQL endpoint to name in void.ttl (default: none is named).",
)
@click.option("--no-endpoint", is_flag=True, help="Name no SPARQL endpoint (the default).")
@click.option("--no-pages", is_flag=True, help="Skip the static HTML pages.")
@click.option(
    "--allow-shrink",
    is_flag=True,
    help="Replace the release in --out even when more than half of its documents "
    "would be removed (otherwise the build stops and keeps it).",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Build cache folder: unchanged documents are read from it instead of converted "
    "[default: $ATTACKGRAPH_CACHE/build, else $XDG_CACHE_HOME/attackgraph/build, else "
    "~/.cache/attackgraph/build].",
)
@click.option("--no-cache", is_flag=True, help="Convert every document; use no build cache.")
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0),
    default=DEFAULT_SECONDS,
    show_default=True,
    help="CPU seconds one document may take to convert (0: no limit; a hang is cut at "
    "ten times as many seconds of wall time); past it the document "
    "is skipped with limit/time.",
)
@click.option(
    "--memory-limit",
    type=click.IntRange(min=0),
    default=DEFAULT_MEMORY >> 20,
    show_default=True,
    help="MiB of memory one document may add while it converts (0: no limit); past it "
    "the document is skipped with limit/memory.",
)
@click.option(
    "--claims-limit",
    type=click.IntRange(min=0),
    default=DEFAULT_CLAIMS,
    show_default=True,
    help="Claims one document may give, a claim counting once per figure (0: no limit); "
    "past it the rest of its text is not read and the document builds with a limit/claims "
    "warning naming the line.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Convert the documents on a Dask distributed cluster (tcp://host:8786; needs "
    "attackgraph[dask] and the input files at the same paths on the workers).",
)
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary.")
def build_command(
    documents: tuple[Path, ...],
    out_dir: Path,
    base: str | None,
    gazetteers: tuple[Path, ...],
    no_validate: bool,
    extra_shapes: tuple[Path, ...],
    jobs: int | None,
    issued: str | None,
    release_version: str | None,
    download_base: str | None,
    endpoint_url: str | None,
    no_endpoint: bool,
    no_pages: bool,
    allow_shrink: bool,
    cache_dir: Path | None,
    no_cache: bool,
    time_limit: float,
    memory_limit: int,
    claims_limit: int,
    scheduler: str | None,
    quiet: bool,
) -> None:
    """Build documents (files or folders of .txt) into a release folder --out.

    Writes the dumps attackgraph.{nq,nt,ttl,jsonld,trig} (and .gz), the ontology,
    shapes and JSON-LD context, void.ttl (VoID + DCAT), stats.json, SHA256SUMS,
    validation-report.txt, build-report.json and one HTML page (with .ttl and
    .jsonld) per event, actor, place and document. The release is swapped in only
    when complete. Exits 1 when any document was skipped or invalid. The summary
    counts documents added, removed and changed against the release replaced; with
    no document found, or when more than half of that release's documents would be
    removed (without --allow-shrink), nothing is replaced and the exit code is 1.
    Each document's result is kept in a build cache (see --cache-dir), so a rebuild
    converts only the documents, code or reference data that changed.

    Example:

    
        attackgraph build data/documents --out release/
    """
    if not quiet and sys.stderr.isatty():  # before the libraries load: a terminal shows life
        sources = ", ".join(str(d) for d in documents)
        click.echo(f"building {sources} into {out_dir}/ (loading the libraries)…", err=True)
    from attackgraph import pipeline
    from attackgraph.cache import default_cache_dir
    from attackgraph.namespaces import DEFAULT_BASE
    from attackgraph.publish import PublishOptions

    options = pipeline.BuildOptions(
        base=base or DEFAULT_BASE,
        gazetteer_files=gazetteers,
        validate=not no_validate,
        jobs=jobs or os.cpu_count() or 1,
        version=release_version or VERSION,
        issued=issued,
        publish=PublishOptions(
            download_base=download_base,
            endpoint_url=None if no_endpoint else endpoint_url,
            pages=not no_pages,
        ),
        allow_shrink=allow_shrink,
        cache_dir=None if no_cache else (cache_dir or default_cache_dir()),
        limits=Limits(
            seconds=time_limit or None,
            memory=(memory_limit << 20) or None,
            claims=claims_limit or None,
        ),
        scheduler=scheduler,
        extra_shapes=extra_shapes,
    )
    try:
        total = len(pipeline.discover(documents))
    except FileNotFoundError as error:
        raise click.BadParameter(str(error), param_hint="DOCUMENTS") from error
    from attackgraph.progress import Progress

    def progress(result: pipeline.DocumentResult) -> None:
        if result.skipped is not None and not quiet:
            click.echo(f"skipped: {result.skipped}", err=True)

    stages = None if quiet or total < 50 else Progress(sys.stderr)
    report = pipeline.build(documents, out_dir, options, progress=progress, stages=stages)
    if not quiet:
        for warning in report.warnings:
            click.echo(f"warning: {warning}", err=True)
    click.echo(report.summary())
    click.echo(f"written to {out_dir}/")
    if not report.ok:
        sys.exit(1)
