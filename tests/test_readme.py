"""The README's quick start and example queries stay true."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import Store

from attackgraph.cli import main
from attackgraph.pipeline import BuildOptions, build
from attackgraph.query import format_result, open_store, run_query

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
QUERIES = re.findall(r"```sparql\n(.*?)```", README, flags=re.DOTALL)


def test_readme_has_at_least_five_queries() -> None:
    assert len(QUERIES) >= 5


def test_quick_start_has_exactly_two_commands() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line for line in quick_start.splitlines() if line.strip()]
    assert [c.split("#")[0].strip() for c in commands] == ["make demo", "make test"]


def test_evaluate_example_runs_from_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    (line,) = [ln for ln in README.splitlines() if ln.startswith("attackgraph evaluate ")]
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, shlex.split(line)[1:])
    assert result.exit_code == 0, result.output
    assert "tamba-market-attack" in result.output
    assert "infobox_figures" in result.output


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    out = tmp_path_factory.mktemp("release")
    build([ROOT / "data" / "documents"], out, BuildOptions(validate=False))
    return open_store(out)


def table(store: Store, query: str) -> str:
    return format_result(run_query(store, query), "csv")


@pytest.mark.parametrize("number", range(len(QUERIES)), ids=lambda n: f"query-{n + 1}")
def test_every_query_answers(store: Store, number: int) -> None:
    rows = table(store, QUERIES[number]).splitlines()
    assert len(rows) > 1, f"query {number + 1} returned no rows"


def test_disagreement_query_shows_sevare_next_to_the_whole_attack(store: Store) -> None:
    (query,) = [q for q in QUERIES if "?sourceA" in q]
    rows = table(store, query).splitlines()
    wanted = [
        r
        for r in rows
        if r.startswith("April 2022 Mopti region attacks,April 2022 Mopti region attacks — Sévaré,")
        and ",soldiers,killed," in r
    ]
    assert wanted, "\n".join(rows)
    assert all(",15,Government of Mali,6," in r for r in wanted)
    assert any("The first attack occurred in Sevare" in r for r in wanted)


def test_region_query_totals_by_source(store: Store) -> None:
    (query,) = [q for q in QUERIES if "?total_killed" in q]
    rows = table(store, query).splitlines()
    assert "Mopti Region,Government of Mali,2,28" in rows
