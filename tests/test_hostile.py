"""A seeded hostile corpus of 240 documents through the real CLI: whatever the input, no
traceback, every document built or reported as ``file:line: rule``, the right exit code,
strict re-parse of every dump, a union that conforms, and pages that escape everything.
``make hostile`` runs the same checks on 1,000 documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_corpus import build, check, generate

SAMPLE = 240


@pytest.mark.parametrize("seed", [7])
def test_a_hostile_corpus_builds_without_harm(tmp_path: Path, seed: int) -> None:
    inputs = generate(tmp_path / "in", SAMPLE, seed)
    code, output, _ = build(tmp_path / "in", tmp_path / "out", jobs=2)
    figures = check(inputs, tmp_path / "out", code, output)
    assert figures.built > SAMPLE // 4, figures.text()  # hostile, not all broken
    assert figures.skipped > 0 and code == 1, figures.text()
    assert figures.pages > figures.built, figures.text()
