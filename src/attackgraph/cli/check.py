"""``attackgraph validate``, ``evaluate`` and ``agreement``: check a graph against the
shapes, score what the build publishes against gold annotations, score one annotator's gold
against another's."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from attackgraph.cli.options import DOCUMENTS_ARGUMENT, GAZETTEER_OPTION

if TYPE_CHECKING:
    from attackgraph.evaluate.report import Evaluation


@click.command("validate")
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


@click.command("evaluate")
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
    _report(result, as_json=as_json, misses=misses, unscored="no gold annotation")


@click.command("agreement")
@click.argument("first", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("second", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--misses",
    is_flag=True,
    help="After the table, list each disagreement per document and category: FN only "
    "FIRST has, FP only SECOND has.",
)
def agreement_command(first: Path, second: Path, as_json: bool, misses: bool) -> None:
    """How far two annotators' gold for the same documents agree.

    Scores every NAME.gold.json of SECOND against the one of the same name in FIRST,
    with the matching `evaluate` uses: the ceiling an extraction can be expected to
    reach on gold written by one careful reader. F1 is symmetric. Exit 1 when a
    document is annotated in only one folder or a gold file is bad.

    Example:

    \b
        attackgraph agreement tests/corpus/blind-33 tests/corpus/blind-33/second
    """
    from attackgraph.evaluate import agreement

    result = agreement(first, second)
    _report(result, as_json=as_json, misses=misses, unscored="annotated in one folder only")


def _report(result: Evaluation, *, as_json: bool, misses: bool, unscored: str) -> None:
    """Print an evaluation (table or JSON, misses on request), then each document left
    unscored (``unscored: PATH``) and each error on stderr; exit 1 unless all was scored."""
    click.echo(result.to_json() if as_json else result.format_table(), nl=not as_json)
    if misses and not as_json:
        click.echo("\n" + result.format_misses())
    for missing in result.missing_gold:
        click.echo(f"{unscored}: {missing}", err=True)
    for error_ in result.errors:
        click.echo(f"error: {error_}", err=True)
    if not result.ok:
        sys.exit(1)
