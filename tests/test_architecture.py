"""The stage boundaries in pyproject.toml ([tool.importlinter]) hold, and the check bites."""

from __future__ import annotations

import os
import pkgutil
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(src: Path, config: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", str(config)],
        cwd=src.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_stages_import_only_earlier_stages() -> None:
    result = _lint(ROOT / "src", ROOT / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_stage_importing_a_later_one_breaks_the_contract(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOT / "src", src, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    extract = src / "attackgraph" / "extract" / "__init__.py"
    extract.write_text(extract.read_text() + "\nimport attackgraph.publish  # noqa\n")
    result = _lint(src, tmp_path / "pyproject.toml")
    assert result.returncode != 0
    assert "attackgraph.extract -> attackgraph.publish" in result.stdout


def test_every_module_is_in_a_layer() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = config["tool"]["importlinter"]["contracts"]
    layered = {name.strip() for layer in contract["layers"] for name in layer.split("|")}
    modules = {m.name for m in pkgutil.iter_modules([str(ROOT / "src" / "attackgraph")])}
    assert modules - {"__main__"} == layered
