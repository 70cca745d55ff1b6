"""What the leave-one-set-out tools share (``loso_figures.py``, ``loso_sites.py``,
``loso_actors.py``): the examples of a set cached by the digest of the code that makes
them, the training options, the loop that leaves each development set out of its weights
and scores it, and the table it prints. Each tool brings its own examples and its own
scorer.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from attackgraph.evaluate import evaluate
from attackgraph.extract import figure_model
from attackgraph.extract.figure_model import Example
from attackgraph.pipeline import BuildOptions

ROOT = Path(__file__).resolve().parent.parent

Found = dict[str, tuple[int, int, int]]
"""TP / FP / FN by category."""


def code_digest(trainer: Path, salt: bytes = b"") -> str:
    """A digest of the code that makes the examples (the extraction package, the trainer)."""
    h = hashlib.sha256(salt)
    for path in sorted((ROOT / "src/attackgraph/extract").glob("*.py")):
        h.update(path.read_bytes())
    h.update(trainer.read_bytes())
    return h.hexdigest()[:12]


def cached_examples(
    folder: Path, cached: Path, document_examples: Callable[[Path], list[Example]]
) -> list[Example]:
    """The labelled examples of every document of ``folder``, read from ``cached`` when it
    exists (its name carries the code's digest), else made and written there."""
    if cached.exists():
        return [(fs, label) for fs, label in json.loads(cached.read_text("utf-8"))]
    examples: list[Example] = []
    for path in sorted(folder.glob("*.txt")):
        examples += document_examples(path)
    cached.write_text(json.dumps(examples), "utf-8")
    return examples


def parser(description: str) -> argparse.ArgumentParser:
    """The options every leave-one-set-out tool takes."""
    found = argparse.ArgumentParser(description=description)
    found.add_argument("--dev", nargs="+", type=Path, required=True)
    found.add_argument("--validation", nargs="*", type=Path, default=[])
    found.add_argument("--work", type=Path, required=True)
    found.add_argument("--train-only", nargs="*", default=None, help="names of sets to train on")
    found.add_argument("--seed", type=int, default=8)
    found.add_argument("--epochs", type=int, default=20)
    found.add_argument("--min-count", type=int, default=3)
    found.add_argument("--l2", type=float, default=1e-3)
    return found


def train(examples: list[Example], out: Path, args: argparse.Namespace) -> Path:
    model = figure_model.train(
        examples, epochs=args.epochs, seed=args.seed, min_count=args.min_count, l2=args.l2
    )
    out.write_text(model.dumps(), "utf-8")
    return out


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _row(name: str, found: Found, categories: Sequence[str], width: int) -> str:
    cells = [f"{'/'.join(map(str, found[c]))} ({_f1(*found[c]):.3f})" for c in categories]
    return f"{name:<12} " + "  ".join(f"{c:<{width}}" for c in cells)


def run(
    args: argparse.Namespace,
    examples: dict[str, list[Example]],
    score: Callable[[Path, Path, Path], Found],
    categories: Sequence[str],
    heading: Sequence[str],
    width: int,
) -> int:
    """Score each development set with weights trained on the others (``score(set,
    weights, out)``), print a row per set and their sum, then each validation set scored
    with weights trained on all of them."""
    if args.train_only is not None:
        examples = {name: ex for name, ex in examples.items() if name in args.train_only}
    print(f"{'set':<12} " + "  ".join(f"{h:<{width}}" for h in heading))
    sums = dict.fromkeys(categories, (0, 0, 0))
    for s in args.dev:
        rest = [e for name, ex in examples.items() if name != s.name for e in ex]
        weights = train(rest, args.work / f"without-{s.name}.json", args)
        found = score(s, weights, args.work / f"score-{s.name}.txt")
        for c in categories:
            tp, fp, fn = (a + b for a, b in zip(sums[c], found[c], strict=True))
            sums[c] = (tp, fp, fn)
        print(_row(s.name, found, categories, width), flush=True)
    print(_row("LOSO sum", sums, categories, width), flush=True)
    if args.validation:
        weights = train([e for ex in examples.values() for e in ex], args.work / "all.json", args)
        for s in args.validation:
            found = score(s, weights, args.work / f"score-{s.name}.txt")
            print(_row(s.name, found, categories, width), flush=True)
    return 0


def classifier_main(
    description: str,
    trainer: Path,
    document_examples: Callable[[Path], list[Example]],
    model_env: str,
    clear_model: Callable[[], None],
    categories: Sequence[str],
    argv: list[str] | None = None,
) -> int:
    """A leave-one-set-out tool for a classifier whose weights the build reads from the
    file ``model_env`` names (the prose-site and prose-actor classifiers): each set's
    examples made by ``trainer``'s ``document_examples`` (cached by the digest of
    ``trainer``), each set scored by ``attackgraph evaluate SET --gold SET`` in this
    process, without the shapes check (which changes no score unless a document breaks a
    shape), with the weights trained without it; ``categories`` printed, the first the
    classifier's own."""

    def set_examples(folder: Path, work: Path) -> list[Example]:
        out = work / f"examples-{folder.name}-{code_digest(trainer)}.json"
        return cached_examples(folder, out, document_examples)

    def score(folder: Path, weights: Path, out: Path) -> Found:
        os.environ[model_env] = str(weights)
        clear_model()
        result = evaluate([folder], folder, options=BuildOptions(validate=False))
        found = {c: (t.tp, t.fp, t.fn) for c, t in result.total.items()}
        out.write_text(json.dumps(found, sort_keys=True) + "\n", "utf-8")
        return {c: found[c] for c in categories}

    args = parser(description).parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    examples = {s.name: set_examples(s, args.work) for s in args.dev}
    return run(args, examples, score, categories, categories, 22)
