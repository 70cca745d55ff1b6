"""Train the source ranker (attackgraph.extract.source_ranker) on corpus gold.

Every figure the prose reader reads gives its candidate sources
(attackgraph.extract.source_ranker.propose, as the reader proposes them with the rules
alone) and each candidate becomes one example: its features and the label "source" when
it names the figure's gold source (the scorer's name rule,
attackgraph.evaluate.match.name_score, on any of its parties; "none", the document
itself, when the gold lists the figure among `unattributed_casualties`), else "none". A
gold figure is the figure's when its sentence holds the figure and its count, min or max
is one of the figure's numbers; a figure without one, or none of whose candidates is
right, gives no example (nothing to learn which candidate is right).

Usage (the shipped weights, if any; the command and SHA-256 are recorded in
docs/evaluation.md):

    .venv/bin/python tools/train_source_model.py \
        /work/shared/corpus/dev tests/corpus/blind-1 ... \
        --out src/attackgraph/resources/source_model.json

Deterministic: the same corpora, seed and settings write the same bytes.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from attackgraph.evaluate.match import name_score
from attackgraph.extract import extract, figure_model
from attackgraph.extract.figure_model import NONE, Example
from attackgraph.extract.source_ranker import (
    SOURCE,
    SOURCE_MODEL_ENV,
    Candidate,
    SourceChoice,
    shipped_source_model,
)
from attackgraph.parse import parse_file

Gold = tuple[int, int, frozenset[int], str | None]
"""A gold figure: its sentence's begin and end in the text, its numbers, its source
(``None``: the document's own)."""


def _gold_figures(text: str, gold: dict[str, object]) -> list[Gold]:
    """The gold figures whose sentence is found in ``text``."""
    found: list[Gold] = []
    for field in ("claims", "unattributed_casualties"):
        entries = gold.get(field) or []
        assert isinstance(entries, list)
        for entry in entries:
            if field == "claims" and entry.get("kind") not in ("casualties", "estimate"):
                continue
            sentence = entry.get("sentence") or ""
            at = text.find(sentence) if sentence else -1
            numbers = frozenset({entry.get(k) for k in ("count", "min", "max")} - {None})
            if at >= 0 and numbers:
                source = entry.get("source") if field == "claims" else None
                found.append((at, at + len(sentence), numbers, source))
    return found


def _right(candidate: Candidate, sources: list[str | None]) -> bool:
    """Whether ``candidate`` names one of the gold ``sources`` of its figure."""
    if candidate.sources == (None,):
        return None in sources
    return any(
        name is not None and gold is not None and name_score(name, gold) > 0
        for name in candidate.names
        for gold in sources
    )


def choice_examples(choice: SourceChoice, figures: list[Gold]) -> list[Example]:
    """The labelled candidates of one figure (none when no gold figure is its or no
    candidate is right)."""
    sources = [s for b, e, ns, s in figures if b <= choice.begin < e and ns & choice.numbers]
    if not sources:
        return []
    labels = [SOURCE if _right(c, sources) else NONE for c in choice.candidates]
    if SOURCE not in labels:
        return []
    return [(list(fs), label) for fs, label in zip(choice.features, labels, strict=True)]


@contextmanager
def rules_alone() -> Iterator[None]:
    """The prose reader's sources chosen by the rules alone while inside."""
    before = os.environ.get(SOURCE_MODEL_ENV)
    os.environ[SOURCE_MODEL_ENV] = ""
    shipped_source_model.cache_clear()
    try:
        yield
    finally:
        if before is None:
            del os.environ[SOURCE_MODEL_ENV]
        else:
            os.environ[SOURCE_MODEL_ENV] = before
        shipped_source_model.cache_clear()


def document_examples(path: Path) -> list[Example]:
    """The labelled candidates of one document (``NAME.txt`` with ``NAME.gold.json``)."""
    gold = json.loads(path.with_name(path.name[: -len(".txt")] + ".gold.json").read_text("utf-8"))
    doc = parse_file(path)
    choices: list[SourceChoice] = []
    with rules_alone():
        extract(doc, choices=choices)
    figures = _gold_figures(doc.text, gold)
    return [e for choice in choices for e in choice_examples(choice, figures)]


def main(argv: Sequence[str] | None = None) -> int:
    return figure_model.training_command(argv, __doc__.splitlines()[0], document_examples)


if __name__ == "__main__":
    sys.exit(main())
