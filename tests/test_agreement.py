"""``attackgraph agreement``: two annotators' gold for the same documents, scored against
each other with evaluate's matching (the ceiling of a blind set)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from attackgraph.cli import main
from attackgraph.evaluate import agreement
from attackgraph.evaluate.report import Scores

CORPUS = Path(__file__).parent / "corpus"
FIXTURES = Path(__file__).parent / "fixtures" / "evaluate"
GOLD = FIXTURES / "tamba-market-attack.gold.json"


def _annotate(folder: Path, **changes: Any) -> Path:
    """The fixture's gold, changed as a second reader might have annotated it."""
    folder.mkdir()
    data: dict[str, Any] = json.loads(GOLD.read_text(encoding="utf-8"))
    data.update(changes)
    (folder / GOLD.name).write_text(json.dumps(data), encoding="utf-8")
    return folder


def _claim(source: str, count: int) -> dict[str, Any]:
    return {
        "source": source, "kind": "casualties", "outcome": "killed", "group": "civilians",
        "side": None, "count": count, "min": None, "max": None, "approximate": False,
        "about": None, "sentence": f"{source} said {count} died.",
    }  # fmt: skip


def test_a_set_agrees_with_itself_in_every_category(tmp_path: Path) -> None:
    copy = shutil.copytree(CORPUS / "blind-1", tmp_path / "copy")
    result = agreement(CORPUS / "blind-1", copy)
    assert result.ok and len(result.per_document) == 20
    for category, scores in result.total.items():
        assert scores.fp == scores.fn == 0 and scores.tp > 0, category
    assert result.checks == {} and "checks:" not in result.format_table()


def test_each_disagreement_counts_once_on_each_side(tmp_path: Path) -> None:
    first = _annotate(
        tmp_path / "first",
        places=["Tamba", "Tamba market"],
        claims=[_claim("the governor", 12), _claim("a medical charity", 15)],
    )
    second = _annotate(
        tmp_path / "second",
        places=["Tamba"],
        claims=[_claim("the governor", 12), _claim("the army", 15)],
        country="NE",
    )
    result = agreement(first, second)
    assert result.total["attributed_claims"] == Scores(tp=1, fp=1, fn=1)
    assert result.total["places"] == Scores(tp=1, fp=0, fn=1)
    assert result.total["country"] == Scores(tp=0, fp=1, fn=1)
    swapped = agreement(second, first)
    assert swapped.total["places"] == Scores(tp=1, fp=1, fn=0)
    misses = result.format_misses()
    assert "FN killed 15 by a medical charity" in misses
    assert "FP killed 15 by the army" in misses


def test_a_document_annotated_once_or_for_another_text_is_reported(tmp_path: Path) -> None:
    first = _annotate(tmp_path / "first")
    second = _annotate(tmp_path / "second", doc="another.txt")
    (first / "lone.gold.json").write_text(GOLD.read_text(encoding="utf-8"), encoding="utf-8")
    result = agreement(first, second)
    assert not result.ok and result.per_document == []
    assert result.missing_gold == [str(first / "lone.gold.json")]
    assert result.errors == [
        f"{second / GOLD.name}: doc: names 'another.txt', not 'tamba-market-attack.txt'"
        f" as {first / GOLD.name} does"
    ]


def test_the_command_prints_json_and_fails_on_a_lone_annotation(tmp_path: Path) -> None:
    first = _annotate(tmp_path / "first", places=["Tamba", "Tamba market"])
    second = _annotate(tmp_path / "second", places=["Tamba market"])
    result = CliRunner().invoke(main, ["agreement", str(first), str(second), "--json"])
    assert result.exit_code == 0, result.output
    places = json.loads(result.output)["total"]["places"]
    assert (places["tp"], places["fp"], places["fn"], places["recall"]) == (1, 0, 1, 0.5)
    (second / "lone.gold.json").write_text(GOLD.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(main, ["agreement", str(first), str(second)])
    assert result.exit_code == 1
    assert f"annotated in one folder only: {second / 'lone.gold.json'}" in result.output
