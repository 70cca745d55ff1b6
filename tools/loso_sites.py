"""Leave-one-set-out places of the prose-site classifier, through the published graph.

For each development set: site weights trained (``tools/train_site_model.py``'s examples,
its default settings) on the other development sets, or only on those named by
``--train-only`` (the recipe of weights trained on fewer sets), the set scored by
``attackgraph evaluate SET --gold SET`` with ``ATTACKGRAPH_SITE_MODEL`` naming them (in
this process, without the shapes check);
TP / FP / FN of places (and of the other categories, which must not move) summed over
the sets. Each validation set is scored with weights trained on all the development sets
of the recipe, and only its totals are printed. No set is scored with weights trained
on it.

Usage (the session-10 table of docs/evaluation.md):

    .venv/bin/python tools/loso_sites.py \\
        --dev /work/shared/corpus/dev tests/corpus/blind-{1..14} \\
        --validation tests/corpus/blind-{15,16} --work /tmp/loso-sites

``--work`` keeps each set's examples (reused while the extraction code and the trainer
are unchanged: the file names their digest), the weights and each set's ``evaluate``
totals. The checkout scored is the one this file belongs to.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "src"))

import train_site_model  # noqa: E402

from attackgraph.evaluate import evaluate  # noqa: E402
from attackgraph.extract import figure_model, site_features  # noqa: E402
from attackgraph.extract.figure_model import Example  # noqa: E402
from attackgraph.pipeline import BuildOptions  # noqa: E402

CATEGORIES = ("places", "actors", "attributed_claims", "unattributed_figures")


def _code_digest() -> str:
    h = hashlib.sha256()
    for path in sorted((ROOT / "src/attackgraph/extract").glob("*.py")):
        h.update(path.read_bytes())
    h.update((ROOT / "tools/train_site_model.py").read_bytes())
    return h.hexdigest()[:12]


def set_examples(folder: Path, work: Path) -> list[Example]:
    """The labelled candidates of one set, read from ``work`` when made by the same code."""
    cached = work / f"examples-{folder.name}-{_code_digest()}.json"
    if cached.exists():
        return [(fs, label) for fs, label in json.loads(cached.read_text("utf-8"))]
    examples: list[Example] = []
    for path in sorted(folder.glob("*.txt")):
        examples += train_site_model.document_examples(path)
    cached.write_text(json.dumps(examples), "utf-8")
    return examples


def train(examples: list[Example], out: Path, args: argparse.Namespace) -> Path:
    model = figure_model.train(
        examples, epochs=args.epochs, seed=args.seed, min_count=args.min_count, l2=args.l2
    )
    out.write_text(model.dumps(), "utf-8")
    return out


def score(folder: Path, weights: Path, out: Path) -> dict[str, tuple[int, int, int]]:
    """The published graph of ``folder`` scored with ``weights`` (``attackgraph evaluate``
    in this process, without the shapes check, which changes no score unless a document
    breaks a shape): TP / FP / FN by category, the totals also written to ``out``."""
    os.environ[site_features.SITE_MODEL_ENV] = str(weights)
    site_features.shipped_site_model.cache_clear()
    result = evaluate([folder], folder, options=BuildOptions(validate=False))
    found = {c: (t.tp, t.fp, t.fn) for c, t in result.total.items()}
    out.write_text(json.dumps(found, sort_keys=True) + "\n", "utf-8")
    return {c: found[c] for c in CATEGORIES}


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _row(name: str, found: dict[str, tuple[int, int, int]]) -> str:
    cells = [f"{'/'.join(map(str, found[c]))} ({_f1(*found[c]):.3f})" for c in CATEGORIES]
    return f"{name:<12} " + "  ".join(f"{c:<22}" for c in cells)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", nargs="+", type=Path, required=True)
    parser.add_argument("--validation", nargs="*", type=Path, default=[])
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--train-only", nargs="*", default=None, help="names of sets to train on")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--l2", type=float, default=1e-3)
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    examples = {s.name: set_examples(s, args.work) for s in args.dev}
    if args.train_only is not None:
        examples = {name: ex for name, ex in examples.items() if name in args.train_only}
    print(f"{'set':<12} " + "  ".join(f"{c:<22}" for c in CATEGORIES))
    sums = dict.fromkeys(CATEGORIES, (0, 0, 0))
    for s in args.dev:
        rest = [e for name, ex in examples.items() if name != s.name for e in ex]
        weights = train(rest, args.work / f"without-{s.name}.json", args)
        found = score(s, weights, args.work / f"score-{s.name}.txt")
        for c in CATEGORIES:
            sums[c] = tuple(a + b for a, b in zip(sums[c], found[c], strict=True))  # type: ignore[assignment]
        print(_row(s.name, found), flush=True)
    print(_row("LOSO sum", sums), flush=True)
    if args.validation:
        weights = train([e for ex in examples.values() for e in ex], args.work / "all.json", args)
        for s in args.validation:
            found = score(s, weights, args.work / f"score-{s.name}.txt")
            print(_row(s.name, found), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
