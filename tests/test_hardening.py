"""Hardening: no input crashes a build, merges two things into one, or empties a release."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from attackgraph import pipeline
from attackgraph.cli import main
from attackgraph.extract.numbers import parse_quantity

ROOT = Path(__file__).parents[1]
SAMPLE = ROOT / "data" / "documents" / "000_6de047e5428871d9.txt"


def _doc(title: str, infobox: str = "- Date: 24 April 2022", prose: str = "A raid.") -> str:
    return f"= {title} =\n\nInfobox\n{infobox}\n\n{prose}\n"


def _build(inputs: Path, out: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", str(inputs), "--out", str(out), "-j1", *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def test_a_number_of_400_digits_is_not_an_amount() -> None:
    assert parse_quantity("9" * 400) is None
    assert parse_quantity("1e400") is None
    assert parse_quantity("10,000,000,000,000 killed") is None


class _Broken(pipeline.Converter):
    """A converter with a bug in one stage, standing in for the bugs we do not know of."""

    def _convert(self, path: Path) -> pipeline.DocumentResult:
        if path.name == "bug.txt":
            raise KeyError("no ref for 'x'")
        return super()._convert(path)


def test_an_exception_in_one_document_skips_it_with_file_line_rule(tmp_path: Path) -> None:
    shutil.copy(SAMPLE, tmp_path / "bug.txt")
    converter = _Broken(pipeline.BuildOptions(validate=False))
    skipped = converter.convert(tmp_path / "bug.txt").skipped
    assert str(skipped) == f"{tmp_path / 'bug.txt'}:1: internal/error: KeyError: \"no ref for 'x'\""
    assert converter.convert(SAMPLE).skipped is None


def test_a_huge_number_skips_nothing_and_the_others_build(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SAMPLE, inputs)
    (inputs / "huge.txt").write_text(
        _doc("Huge raid", "- Date: 2020\n- Fatalities: " + "9" * 400), encoding="utf-8"
    )
    code, output = _build(inputs, tmp_path / "out")
    assert code == 0, output
    assert "documents built: 2" in output


@pytest.mark.skipif(os.name != "posix", reason="needs byte file names")
def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SAMPLE, inputs)
    name = os.fsdecode(b"caf\xe9 raid.txt")
    (inputs / name).write_text(_doc("Cafe raid"), encoding="utf-8")
    code, output = _build(inputs, tmp_path / "out")
    assert code == 0, output
    assert "documents built: 2" in output
    nq = (tmp_path / "out" / "attackgraph.nq").read_text(encoding="utf-8")
    assert "caf\\\\xe9 raid.txt" in nq  # the escaped name, itself escaped by N-Quads
    report = (tmp_path / "out" / "build-report.json").read_text(encoding="utf-8")
    json.loads(report)
