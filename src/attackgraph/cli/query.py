"""``attackgraph query``: SPARQL over a release folder, locally."""

from __future__ import annotations

import sys
from pathlib import Path

import click


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


@click.command("query", help=_query_help())
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
