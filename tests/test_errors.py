"""One error root: every project error is an AttackgraphError, and the command line turns
them into click errors in one place, ``cli.Commands`` (a bug keeps its traceback)."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import attackgraph
from attackgraph.changes import ShrinkError
from attackgraph.cli import Commands, main
from attackgraph.model import AttackgraphError, OptionError

CLI = sorted(Path(attackgraph.__file__).with_name("cli").glob("*.py"))


def _project_exceptions() -> list[type[BaseException]]:
    found: dict[str, type[BaseException]] = {}
    for info in pkgutil.walk_packages(attackgraph.__path__, "attackgraph."):
        module = importlib.import_module(info.name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, BaseException) and value.__module__.startswith("attackgraph"):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


def test_every_project_exception_derives_from_the_root() -> None:
    exceptions = _project_exceptions()
    assert len(exceptions) >= 12
    strays = [
        e.__qualname__
        for e in exceptions
        if issubclass(e, Exception)  # not the BaseException signals (limits.LimitExceeded)
        and not issubclass(e, AttackgraphError | click.ClickException)  # click's: cli/ only
    ]
    assert strays == []


def _group() -> click.Group:
    group = Commands(name="demo")

    @group.command()
    def refused() -> None:
        raise ShrinkError("would remove 6 of 10 documents")

    @group.command()
    def usage() -> None:
        raise OptionError("not a usable base IRI: 'x'")

    @group.command()
    def bug() -> None:
        raise ValueError("a bug, not a message")

    return group


def test_library_errors_become_click_errors_and_bugs_do_not() -> None:
    group = _group()
    refused = CliRunner().invoke(group, ["refused"])
    assert (refused.exit_code, refused.output) == (1, "Error: would remove 6 of 10 documents\n")
    usage = CliRunner().invoke(group, ["usage"])
    assert (usage.exit_code, usage.output) == (2, "Error: not a usable base IRI: 'x'\n")
    bug = CliRunner().invoke(group, ["bug"])
    assert isinstance(bug.exception, ValueError)


def test_the_command_line_uses_the_one_place(tmp_path: Path) -> None:
    assert isinstance(main, Commands)
    result = CliRunner().invoke(main, ["query", str(tmp_path), "ASK {}"])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {tmp_path}: no attackgraph.nq here")


def test_cli_catches_no_broad_exception() -> None:
    broad = {"Exception", "BaseException", "ValueError", "RuntimeError", "TypeError"}
    caught: list[str] = []
    assert len(CLI) > 1
    for module in CLI:
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                types = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
                caught += [t.id for t in types if isinstance(t, ast.Name) and t.id in broad]
    assert caught == []


@pytest.mark.parametrize("options", [["--base", "not an iri"], ["--issued", "yesterday"]])
def test_an_unusable_build_option_is_bad_usage(tmp_path: Path, options: list[str]) -> None:
    document = tmp_path / "raid.txt"
    document.write_text("= Raid =\n\nA raid.\n", encoding="utf-8")
    args = ["build", str(document), "--out", str(tmp_path / "out"), "--no-cache", *options]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Error: ")
