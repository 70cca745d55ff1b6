"""The ``attackgraph`` command: a thin click layer over the library.

Exit codes: 0 success, 1 the input was bad or the graph does not conform (something
was skipped or invalid), 2 bad usage (click's own convention) or a file named on the
command line that cannot be read.

The library's errors (:class:`~attackgraph.errors.AttackgraphError`) become click errors
in one place, :class:`Commands`; any other exception is a bug and keeps its traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from attackgraph.limits import DEFAULT_MEMORY, DEFAULT_SECONDS, Limits
from attackgraph.model import AttackgraphError, InputError, OptionError
from attackgraph.version import VERSION

DOCUMENTS_ARGUMENT = click.argument(
    "documents", nargs=-1, required=True, type=click.Path(path_type=Path)
)
GAZETTEER_OPTION = click.option(
    "--gazetteer",
    "gazetteers",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="GeoNames dump (allCountries.txt, ML.txt or a .zip of one) used to resolve "
    "places; repeatable.",
)


class BadInput(click.ClickException):
    """An option that cannot be used, or a file named on the command line that cannot be
    read: exit code 2, as for click's own usage errors."""

    exit_code = 2


class Commands(click.Group):
    """The command group; the one place where library errors become click errors.

    :class:`~attackgraph.errors.OptionError` and :class:`~attackgraph.errors.InputError`
    exit 2, any other :class:`~attackgraph.errors.AttackgraphError` or an ``OSError`` (a
    file, a port) exit 1, each with its message; anything else is a bug and is not
    turned into a one-line message.
    """

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (OptionError, InputError) as error:
            raise BadInput(str(error)) from error
        except (AttackgraphError, OSError) as error:
            raise click.ClickException(str(error)) from error


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(VERSION, prog_name="attackgraph")
def main() -> None:
    """Turn encyclopedia articles about armed attacks into a validated knowledge graph."""


@main.command("build")
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
        limits=Limits(seconds=time_limit or None, memory=(memory_limit << 20) or None),
        scheduler=scheduler,
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


@main.command("validate")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--shapes",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Shapes graph to use instead of the project's own.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def validate_command(file: Path, shapes: Path | None, as_json: bool) -> None:
    """Validate an RDF file (Turtle, N-Triples, N-Quads, TriG, JSON-LD) against the shapes.

    Prints each violation with its focus node, property, message and, when known,
    the document and line it came from. Exit code 0: conforms; 1: violations;
    2: bad usage or unreadable file.

    Example:

    
        attackgraph validate release/attackgraph.ttl
    """
    from attackgraph.validate import Validator, validate_file

    report = validate_file(file, Validator(shapes) if shapes else None)
    click.echo(report.to_json() if as_json else report.format_text())
    sys.exit(0 if report.conforms else 1)


def _looks_like_a_file(text: str) -> bool:
    """A query argument that names an existing file (and has no braces)."""
    if "{" in text or "\n" in text or len(text) > 4096:
        return False
    try:
        return Path(text).is_file()
    except OSError:
        return False


def _query_help() -> str:
    from attackgraph.identifiers import prefixes_for

    names = ", ".join(f"{name}:" for name in prefixes_for())
    return f"""Run a SPARQL query over a built folder (read-only, local, no network).

    SPARQL is the query text, @FILE to read it from a file, or - for standard input.
    Predeclared prefixes (the release's prefixes.rq declares them for other stores):
    {names}. The default graph is the union of all documents' graphs and the ontology's.

    Example:

    \b
        attackgraph query release/ 'SELECT ?event ?name WHERE {{
            ?event a ag:Attack ; schema:name ?name }}'
    """


@main.command("query", help=_query_help())
@click.argument("release", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("sparql")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default="table",
    show_default=True,
    help="Result format.",
)
def query_command(release: Path, sparql: str, fmt: str) -> None:
    from attackgraph.query import format_result, open_store, run_query

    if sparql == "-":
        sparql = sys.stdin.read()
    elif not sparql.startswith("@") and _looks_like_a_file(sparql):
        raise click.BadParameter(
            f"{sparql!r} is a file, not a query: did you mean @{sparql}?", param_hint="SPARQL"
        )
    elif sparql.startswith("@"):
        try:
            sparql = Path(sparql[1:]).read_text(encoding="utf-8")
        except OSError as error:
            raise click.BadParameter(str(error), param_hint="SPARQL") from error
    store = open_store(release)
    result = run_query(store, sparql)
    click.echo(format_result(result, fmt), nl=False)  # type: ignore[arg-type]


@main.command("evaluate")
@DOCUMENTS_ARGUMENT
@click.option(
    "--gold",
    "gold_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of NAME.gold.json annotations (format: shared corpus README).",
)
@GAZETTEER_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--misses",
    is_flag=True,
    help="After the table, list each false negative (FN) and false positive (FP) "
    "per document and category, with its sentence.",
)
def evaluate_command(
    documents: tuple[Path, ...],
    gold_dir: Path,
    gazetteers: tuple[Path, ...],
    as_json: bool,
    misses: bool,
) -> None:
    """Score what the build publishes for DOCUMENTS against gold annotations.

    Each document goes through the build's converter and is scored on its
    quads. Precision, recall and F1 per document and in total for infobox figures,
    attributed claims (source + outcome + value), unattributed figures, dates,
    places, actors and country, plus integrity checks (figures outside their
    evidence, spans that do not re-check). Matching rules: docs/evaluation.md.
    Exit 1 when a document could not be scored or an integrity check fails.

    Example:

    
        attackgraph evaluate corpus/dev --gold corpus/dev --misses
    """
    from attackgraph.evaluate import evaluate
    from attackgraph.pipeline import BuildOptions

    try:
        result = evaluate(documents, gold_dir, options=BuildOptions(gazetteer_files=gazetteers))
    except FileNotFoundError as error:
        raise click.BadParameter(str(error), param_hint="DOCUMENTS") from error
    click.echo(result.to_json() if as_json else result.format_table(), nl=not as_json)
    if misses and not as_json:
        click.echo("\n" + result.format_misses())
    for missing in result.missing_gold:
        click.echo(f"no gold annotation: {missing}", err=True)
    for error_ in result.errors:
        click.echo(f"error: {error_}", err=True)
    if not result.ok:
        sys.exit(1)


@main.command("serve")
@click.argument("release", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to bind.")
@click.option(
    "--deadline",
    default=10.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds a query may run before it is cancelled (answered 503).",
)
@click.option(
    "--row-cap",
    default=10_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Most rows (or triples) in one answer; more are cut and flagged.",
)
@click.option("--base", default=None, help="Base IRI the release was built with.")
@click.option("--workers", type=click.IntRange(min=1), help="Query worker processes.")
def serve_command(
    release: Path,
    host: str,
    port: int,
    deadline: float,
    row_cap: int,
    base: str | None,
    workers: int | None,
) -> None:
    """Serve a release: read-only SPARQL endpoint, linked-data pages, query page.

    SPARQL 1.1 Protocol at /sparql (GET, form POST, direct POST; JSON, XML, CSV,
    TSV, Turtle, N-Triples, JSON-LD). Updates, LOAD, SERVICE and remote FROM are
    refused with 400; a query past the deadline is cancelled and answered 503.
    Resource IRIs under /id/ answer HTML or RDF by content negotiation. Binds
    127.0.0.1 unless --host says otherwise. Stop with Ctrl-C.

    Example:

    
        attackgraph serve release/ --port 8000
    """
    import logging

    from attackgraph.namespaces import DEFAULT_BASE
    from attackgraph.serve import serve

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    serve(
        release,
        host=host,
        port=port,
        deadline=deadline,
        row_cap=row_cap,
        base=base or DEFAULT_BASE,
        workers=workers,
    )


@main.command("load")
@click.argument("release", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--endpoint", required=True, help="The store's SPARQL query URL (for checks).")
@click.option(
    "--graph-store", help="The store's Graph Store Protocol URL (default: derived from --endpoint)."
)
@click.option("--user", help="User name for authentication.")
@click.option(
    "--password",
    envvar="ATTACKGRAPH_PASSWORD",
    help="Password (or set ATTACKGRAPH_PASSWORD).",
)
@click.option(
    "--auth",
    type=click.Choice(["digest", "basic", "none"]),
    default="digest",
    show_default=True,
    help="HTTP authentication scheme when --user is given.",
)
@click.option(
    "--timeout",
    default=30.0,
    show_default=True,
    help="Deadline in seconds for each request, the whole answer included.",
)
@click.option("--retries", default=3, show_default=True, help="Retries per graph (back-off).")
def load_command(
    release: Path,
    endpoint: str,
    graph_store: str | None,
    user: str | None,
    password: str | None,
    auth: str,
    timeout: float,
    retries: int,
) -> None:
    """Push a release into a triple store, one named graph per document, and verify.

    Each document's graph is PUT through the SPARQL 1.1 Graph Store HTTP Protocol
    (replace semantics: loading twice gives the same store), then the triples of
    every graph are counted on the server and compared. Exit 1 on any mismatch.

    Example:

    
        attackgraph load release/ --endpoint http://127.0.0.1:8890/sparql \\
            --graph-store http://127.0.0.1:8890/sparql-graph-crud-auth --user dba
    """
    from attackgraph.load import load

    report = load(
        release,
        endpoint=endpoint,
        graph_store=graph_store,
        user=user,
        password=password,
        auth=None if auth == "none" else auth,  # type: ignore[arg-type]
        timeout=timeout,
        retries=retries,
    )
    click.echo(report.format())
    sys.exit(report.exit_code)
