"""``attackgraph serve`` and ``attackgraph load``: hand a release to others, as an
endpoint of our own or pushed into a triple store."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command("serve")
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


@click.command("load")
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
