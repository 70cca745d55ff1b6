"""The ``attackgraph`` command: a thin click layer over the library.

Exit codes: 0 success, 1 the input was bad or the graph does not conform (something
was skipped or invalid), 2 bad usage (click's own convention) or a file named on the
command line that cannot be read.

The library's errors (:class:`~attackgraph.errors.AttackgraphError`) become click errors
in one place, :class:`Commands`; any other exception is a bug and keeps its traceback.
"""

from __future__ import annotations

import click

from attackgraph.cli.build import build_command
from attackgraph.cli.check import agreement_command, evaluate_command, validate_command
from attackgraph.cli.query import query_command
from attackgraph.cli.serve import load_command, serve_command
from attackgraph.model import AttackgraphError, InputError, OptionError
from attackgraph.version import VERSION

__all__ = ["BadInput", "Commands", "main"]


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


for _command in (
    build_command,
    validate_command,
    query_command,
    evaluate_command,
    agreement_command,
    serve_command,
    load_command,
):
    main.add_command(_command)
