"""The library API: the entry points load, carry examples, and docs/api.md names every module."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest

import attackgraph
from attackgraph.model import InputError

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "attackgraph"
API_DOC = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
SAMPLE = ROOT / "data" / "documents" / "009_sousse-hotel-attack.txt"


@pytest.mark.parametrize("name", attackgraph.__all__)
def test_every_entry_point_loads_and_is_documented(name: str) -> None:
    value = getattr(attackgraph, name)
    assert f"`{name}" in API_DOC, f"{name} is not in docs/api.md"
    if inspect.isfunction(value):
        assert ">>>" in (value.__doc__ or ""), f"{name} has no example"


def test_the_package_exports_what_the_api_module_defines() -> None:
    # The package lists its names literally (so importing it loads no stage) and
    # re-exports them from attackgraph.api: the two lists must not drift apart.
    from attackgraph import api

    assert sorted(attackgraph.__all__) == sorted([*api.__all__, "__version__"])


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        attackgraph.nothing  # noqa: B018


def test_docs_name_every_module() -> None:
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative == Path("__init__.py"):
            continue
        name = f"{relative.parent}/" if path.name == "__init__.py" else path.name
        if f"`{name}`" not in API_DOC:
            missing.append(str(relative))
    assert not missing, f"add these modules to docs/api.md: {missing}"


def test_importing_the_package_loads_no_stage() -> None:
    code = "import sys, attackgraph; print(sorted(m for m in sys.modules if 'attackgraph.' in m))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "['attackgraph.version']", result.stderr


def test_python_m_attackgraph_is_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "attackgraph", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "Usage: attackgraph" in result.stdout
    assert "evaluate" in result.stdout


def test_convert_gives_the_same_quads_from_a_path_or_its_text() -> None:
    from_path = attackgraph.convert(SAMPLE)
    from_text = attackgraph.convert(SAMPLE.read_text(encoding="utf-8"), name=SAMPLE.name)
    from_bytes = attackgraph.convert(SAMPLE.read_bytes(), name=SAMPLE.name)
    assert from_path == from_text == from_bytes
    assert len(from_path) > 100


def test_convert_raises_the_documents_problem() -> None:
    with pytest.raises(InputError) as caught:
        attackgraph.convert(b"", name="empty.txt")
    assert caught.value.problem.rule == "parse/empty"
    assert str(caught.value).startswith("empty.txt:1: parse/empty")


def test_build_release_takes_one_path_or_many(tmp_path: Path) -> None:
    report = attackgraph.build_release(str(SAMPLE), tmp_path / "one")
    assert (report.documents, report.built) == (1, 1)
    report = attackgraph.build_release(
        [SAMPLE, SAMPLE.with_name("008_bardo-museum-attack.txt")], tmp_path / "two"
    )
    assert report.built == 2
    assert (tmp_path / "two" / "attackgraph.nq").is_file()
