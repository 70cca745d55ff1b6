"""Train the figure classifier (attackgraph.extract.figure_model) on corpus gold.

Every amount that attackgraph.extract.amounts.find_amounts finds in a sentence of a
document, and every person a casualty verb acts on without a number
(attackgraph.extract.figure_guess.unnumbered_spans, value 1, in sentences naming an
outcome), becomes one example: its features (attackgraph.extract.figure_features, from the
sentence's parse) and a label from the document's gold (NAME.gold.json beside NAME.txt):
the outcome of a gold figure (`claims` or `unattributed_casualties`) whose sentence holds
the amount and whose count, min or max is the amount's number ("killed-or-injured" where
the gold writes null), else "none".

Usage (the shipped weights; the command and SHA-256 are recorded in docs/evaluation.md):

    .venv/bin/python tools/train_figure_model.py \
        /work/shared/corpus/dev tests/corpus/blind-1 ... \
        --out src/attackgraph/resources/figure_model.json

Deterministic: the same corpora, seed and settings write the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from attackgraph.extract.amounts import find_amounts
from attackgraph.extract.figure_features import names_an_outcome, number_features
from attackgraph.extract.figure_guess import UNNUMBERED, unnumbered_spans
from attackgraph.extract.figure_model import NONE, Model, train
from attackgraph.extract.nlp import parse_all
from attackgraph.extract.sentences import sentences
from attackgraph.extract.vocabulary import KILLED_OR_INJURED
from attackgraph.parse import parse_file

Example = tuple[list[str], str]


def _gold_figures(text: str, gold: dict[str, object]) -> list[tuple[int, int, set[int], str]]:
    """(begin, end, numbers, outcome) of each gold figure whose sentence is in ``text``."""
    found = []
    for field in ("claims", "unattributed_casualties"):
        entries = gold.get(field) or []
        assert isinstance(entries, list)
        for entry in entries:
            sentence = entry.get("sentence") or ""
            at = text.find(sentence) if sentence else -1
            numbers = {entry.get(k) for k in ("count", "min", "max")} - {None}
            if at >= 0 and numbers:
                found.append(
                    (at, at + len(sentence), numbers, entry.get("outcome") or KILLED_OR_INJURED)
                )
    return found


def document_examples(path: Path) -> list[Example]:
    """The labelled amounts of one document (``NAME.txt`` with ``NAME.gold.json``)."""
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
    examples: list[Example] = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            examples += document_examples(path)
    return examples


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+", type=Path, help="folders of NAME.txt + NAME.gold.json")
    parser.add_argument("--out", type=Path, required=True, help="weights file to write")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--min-count", type=int, default=3, help="rarer features are left out")
    parser.add_argument("--l2", type=float, default=1e-3)
    args = parser.parse_args(argv)
    examples = corpus_examples(args.corpus)
    model: Model = train(
        examples, epochs=args.epochs, seed=args.seed, min_count=args.min_count, l2=args.l2
    )
    data = model.dumps().encode("utf-8")
    args.out.write_bytes(data)
    counts = Counter(label for _, label in examples)
    print(f"{len(examples)} examples {dict(sorted(counts.items()))}", file=sys.stderr)
    print(f"{hashlib.sha256(data).hexdigest()}  {args.out} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
