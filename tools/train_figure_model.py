"""Train the figure classifier (attackgraph.extract.figure_model) on corpus gold.

Every amount that attackgraph.extract.amounts.find_amounts finds in a sentence of a
document, and every person a casualty verb acts on without a number
(attackgraph.extract.figure_guess.unnumbered_spans, value 1, in sentences naming an
outcome), becomes one example: its features (attackgraph.extract.figure_features, from the
sentence's parse) and a label from the document's gold (NAME.gold.json beside NAME.txt):
the outcome of a gold casualty figure (`unattributed_casualties`, and `claims` of kind
`casualties` or `estimate`) whose sentence holds the amount and whose count, min or max is
the amount's number ("killed-or-injured" where the gold writes null), else "none". A claim
of another kind (defendants sentenced, rounds fired) and an estimate with a null outcome
(a strength or a crowd a source states: CONVENTIONS rule 7) count no casualties: "none".

Usage (the shipped weights; the command and SHA-256 are recorded in docs/evaluation.md):

    .venv/bin/python tools/train_figure_model.py \
        /work/shared/corpus/dev tests/corpus/blind-1 ... \
        --out src/attackgraph/resources/figure_model.json

Deterministic: the same corpora, seed and settings write the same bytes.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from attackgraph.extract import figure_model
from attackgraph.extract.amounts import find_amounts
from attackgraph.extract.figure_features import names_an_outcome, number_features
from attackgraph.extract.figure_guess import UNNUMBERED, unnumbered_spans
from attackgraph.extract.figure_model import NONE, Example
from attackgraph.extract.nlp import parse_all
from attackgraph.extract.sentences import sentences
from attackgraph.extract.vocabulary import KILLED_OR_INJURED
from attackgraph.parse import parse_file


def _gold_figures(text: str, gold: dict[str, object]) -> list[tuple[int, int, set[int], str]]:
    """(begin, end, numbers, outcome) of each gold figure whose sentence is in ``text``."""
    found = []
    for field in ("claims", "unattributed_casualties"):
        entries = gold.get(field) or []
        assert isinstance(entries, list)
        for entry in entries:
            if field == "claims" and not _casualty_claim(entry):
                continue
            sentence = entry.get("sentence") or ""
            at = text.find(sentence) if sentence else -1
            numbers = {entry.get(k) for k in ("count", "min", "max")} - {None}
            if at >= 0 and numbers:
                found.append(
                    (at, at + len(sentence), numbers, entry.get("outcome") or KILLED_OR_INJURED)
                )
    return found


def _casualty_claim(entry: dict[str, object]) -> bool:
    """A gold claim that counts casualties: kind ``casualties``, or an ``estimate`` with an
    outcome (an estimate without one is a headcount: a strength, a crowd)."""
    kind = entry.get("kind")
    return kind == "casualties" or (kind == "estimate" and entry.get("outcome") is not None)


def document_examples(path: Path, deferred: bool = False) -> list[Example]:
    """The labelled amounts of one document (``NAME.txt`` with ``NAME.gold.json``);
    ``deferred`` amounts ("the bodies of 27 miners") only when asked for."""
    gold = json.loads(path.with_name(path.name[: -len(".txt")] + ".gold.json").read_text("utf-8"))
    doc = parse_file(path)
    text = doc.text
    figures = _gold_figures(text, gold)
    units = list(sentences(doc))
    examples: list[Example] = []
    for unit, parsed in zip(units, parse_all(u.text for u in units), strict=True):
        b, e = unit.span.begin, unit.span.end
        amounts = find_amounts(text, b, e)
        for amount in amounts:
            if amount.deferred and not deferred:
                continue  # the shipped weights never saw "the bodies of 27" (see docs)
            q = amount.quantity
            value = q.value if q.value is not None else q.minimum
            features = number_features(parsed, amount.begin - b, amount.end - b, value)
            numbers = {q.value, q.minimum, q.maximum} - {None}
            if features:
                examples.append((features, _label(figures, amount.begin, numbers)))
        if not names_an_outcome(unit.text):
            continue  # the prose reader asks about unnumbered people only here
        for ub, ue in unnumbered_spans(parsed, b, [(a.begin, a.end) for a in amounts]):
            features = number_features(parsed, ub - b, ue - b, 1)
            if features:
                examples.append(([*features, UNNUMBERED], _label(figures, ub, {1})))
    return examples


def _label(figures: list[tuple[int, int, set[int], str]], at: int, numbers: set[int]) -> str:
    """The outcome of a gold figure of the sentence at ``at`` with one of ``numbers``."""
    outcomes = sorted(o for fb, fe, ns, o in figures if fb <= at < fe and ns & numbers)
    return outcomes[0] if outcomes else NONE


def corpus_examples(folders: Iterable[Path]) -> list[Example]:
    """The labelled amounts of every document of ``folders``, in file-name order."""
    return figure_model.corpus_examples(folders, document_examples)


def main(argv: Sequence[str] | None = None) -> int:
    return figure_model.training_command(argv, __doc__.splitlines()[0], document_examples)


if __name__ == "__main__":
    sys.exit(main())
