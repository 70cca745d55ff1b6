"""The learned source ranker: the candidates the prose reader proposes for a figure's
source, reproducible training on them, and the ranker's choice in the constructions the
rules were written for (a coordinated second speaker, an anaphor to an earlier speaker,
"according to"). No weights are shipped (the ranker did not beat the rules left out one
set at a time: docs/evaluation.md, "The learned source ranker"), so the reader asks it
only when ``ATTACKGRAPH_SOURCE_MODEL`` names weights."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from attackgraph.extract import extract
from attackgraph.extract.figure_model import NONE, Model
from attackgraph.extract.prose import ProseContext, read_prose
from attackgraph.extract.source_ranker import (
    SOURCE,
    SOURCE_MODEL_ENV,
    SourceChoice,
    shipped_source_model,
)
from attackgraph.parse import parse as parse_document
from attackgraph.parse import parse_file

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "source_corpus"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "train_source_model", ROOT / "tools" / "train_source_model.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_training_on_the_same_corpus_writes_the_same_bytes(tmp_path: Path) -> None:
    tool = _tool()
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for out in (first, second):
        assert tool.main([str(FIXTURES), "--out", str(out), "--min-count", "1"]) == 0
    assert first.read_bytes() == second.read_bytes()
    model = Model.loads(first.read_text(encoding="utf-8"))
    assert model.labels == (NONE, SOURCE)
    assert model.weights


def test_check_tells_whether_the_file_holds_the_weights_the_command_trains(
    tmp_path: Path,
) -> None:
    tool = _tool()
    out = tmp_path / "w.json"
    args = [str(FIXTURES), "--out", str(out), "--min-count", "1"]
    assert tool.main([*args, "--check"]) == 1  # no file yet
    assert not out.exists()  # --check writes nothing
    assert tool.main(args) == 0
    assert tool.main([*args, "--check"]) == 0
    assert tool.main([*args, "--check", "--seed", "2"]) == 1  # other weights
    assert tool.main([*args, "--check"]) == 0


def test_each_candidate_is_labelled_from_the_gold() -> None:
    tool = _tool()
    path = FIXTURES / "siege-of-brenn.txt"
    choices: list[SourceChoice] = []
    with tool.rules_alone():
        extract(parse_file(path), choices=choices)
    by_number = {min(c.numbers): c for c in choices}
    # "A relief agency said 19 villagers ...": the agency (the rules' choice and the cue's),
    # the army command of the sentence before, or nobody
    relief = by_number[19]
    assert [c.names for c in relief.candidates] == [("relief agency",), ("army command",), (None,)]
    assert [sorted(c.proposers) for c in relief.candidates] == [
        ["cue", "rule"],
        ["previous"],
        ["none"],
    ]
    labels = [label for _, label in tool.document_examples(path)]
    # one right candidate for each of 40, 65, 38, 19, 2 and 7; "44 dead" is the league's,
    # whom nothing proposes: no example
    assert labels.count(SOURCE) == 6
    assert len(labels) == 13


def test_recording_the_candidates_changes_no_claim() -> None:
    doc = parse_file(FIXTURES / "ambush-at-ostra.txt")
    choices: list[SourceChoice] = []
    assert extract(doc, choices=choices).claims == extract(doc).claims
    assert choices


@pytest.fixture
def fixture_weights(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    out = tmp_path / "source_model.json"
    assert _tool().main([str(FIXTURES), "--out", str(out), "--min-count", "1"]) == 0
    monkeypatch.setenv(SOURCE_MODEL_ENV, str(out))
    shipped_source_model.cache_clear()
    yield out
    shipped_source_model.cache_clear()


HARBOUR = "= Bombing at Keel Harbour =\n\nA bomb went off on the quay at Keel Harbour at dawn.\n\n"


@pytest.mark.parametrize(
    ("prose", "expected"),
    [
        (
            "The port police said 12 sailors had died, while a dockers' union put the toll at 15.",
            [("port police", 12), ("dockers' union", 15)],
        ),
        (
            "The harbour master, Ilse Marr, said 20 people were hurt. She added that four "
            "guards had died.",
            [("Ilse Marr", 20), ("Ilse Marr", 4)],
        ),
        (
            "Eleven guards were wounded, according to the shipping company.",
            [("shipping company", 11)],
        ),
        (
            "The port police said 12 sailors had died. Three divers drowned in the search.",
            [("port police", 12), (None, 3)],
        ),
    ],
)
def test_the_ranker_picks_the_speaker(
    fixture_weights: Path, prose: str, expected: list[tuple[str | None, int]]
) -> None:
    assert shipped_source_model() is not None
    doc = parse_document((HARBOUR + prose + "\n").encode(), "keel.txt")
    facts = read_prose(doc, ProseContext("main", "Bombing at Keel Harbour", {}, ()))
    found = [
        (c.source and c.source.name, f.quantity.value) for c in facts.claims for f in c.figures
    ]
    assert found == expected


def test_without_weights_the_reader_asks_no_ranker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SOURCE_MODEL_ENV, "")
    shipped_source_model.cache_clear()
    try:
        assert shipped_source_model() is None
    finally:
        shipped_source_model.cache_clear()
    assert not (ROOT / "src" / "attackgraph" / "resources" / "source_model.json").exists()
