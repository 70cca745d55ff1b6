"""Options several commands share."""

from __future__ import annotations

from pathlib import Path

import click

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
