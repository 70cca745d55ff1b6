"""Leave-one-set-out figures of the figure classifier, through the published graph.

For each development set: weights trained (``tools/train_figure_model.py``'s examples,
its default settings) on every other development set, the set scored by
``attackgraph evaluate SET --gold SET`` with ``ATTACKGRAPH_FIGURE_MODEL`` naming them;
TP / FP / FN of attributed claims and unattributed figures summed over the sets. Each
validation set is scored with weights trained on all the development sets, and only its
totals are printed (the lines ``evaluate`` writes without ``--misses``). A set scored with
weights trained on it is never evidence, so no set is scored that way here.

Usage (the session-9 table of docs/evaluation.md):

    .venv/bin/python tools/loso_figures.py \\
        --dev /work/shared/corpus/dev tests/corpus/blind-{1..11} \\
        --validation tests/corpus/blind-{12..14} --work /tmp/loso-base

``--work`` keeps each set's examples (``examples-SET.json``, reused while the extraction
code and this tool are unchanged: the file names the code's digest), the weights
(``without-SET.json``, ``all.json``) and each set's ``evaluate`` output (``score-SET.txt``).
``--deferred`` trains on the deferred amounts too ("the bodies of 27 miners");
``--train-only NAME ...`` trains on those development sets alone (the recipe of weights
trained on fewer sets: the set scored is still left out of its weights). The
checkout scored is the one this file belongs to (its ``src`` on ``PYTHONPATH``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "src"))

import train_figure_model  # noqa: E402

from attackgraph.extract import figure_model  # noqa: E402
from attackgraph.extract.figure_model import Example  # noqa: E402

CATEGORIES = ("attributed_claims", "unattributed_figures")


def _code_digest(deferred: bool) -> str:
    """A digest of the code that makes the examples (the extraction package, the trainer)."""
    h = hashlib.sha256(b"deferred" if deferred else b"")
    for path in sorted((ROOT / "src/attackgraph/extract").glob("*.py")):
        h.update(path.read_bytes())
    h.update((ROOT / "tools/train_figure_model.py").read_bytes())
    return h.hexdigest()[:12]


def set_examples(folder: Path, work: Path, deferred: bool) -> list[Example]:
    """The labelled examples of one set, read from ``work`` when made by the same code."""
    cached = work / f"examples-{folder.name}-{_code_digest(deferred)}.json"
    if cached.exists():
        return [(fs, label) for fs, label in json.loads(cached.read_text("utf-8"))]
    examples: list[Example] = []
    for path in sorted(folder.glob("*.txt")):
        examples += train_figure_model.document_examples(path, deferred=deferred)
    cached.write_text(json.dumps(examples), "utf-8")
    return examples


def train(examples: list[Example], out: Path, args: argparse.Namespace) -> Path:
    model = figure_model.train(
        examples, epochs=args.epochs, seed=args.seed, min_count=args.min_count, l2=args.l2
    )
    out.write_text(model.dumps(), "utf-8")
    return out


def score(folder: Path, weights: Path, out: Path) -> dict[str, tuple[int, int, int]]:
    """``attackgraph evaluate`` of ``folder`` with ``weights``: TP / FP / FN by category,
    and the whole totals table written to ``out``."""
    env = {**os.environ, "ATTACKGRAPH_FIGURE_MODEL": str(weights), "PYTHONPATH": str(ROOT / "src")}
    where = str(folder.resolve())
    run = subprocess.run(
        [sys.executable, "-m", "attackgraph", "evaluate", where, "--gold", where],
        env=env, cwd="/tmp", capture_output=True, text=True, check=True,
    )  # fmt: skip
    lines = run.stdout.splitlines()
    table = lines[next(k for k, line in enumerate(lines) if line.startswith("category")) :]
    out.write_text("\n".join(table) + "\n", "utf-8")
    found = {}
    for line in table:
        cells = line.split()
        if cells and cells[0] in CATEGORIES:
            found[cells[0]] = (int(cells[4]), int(cells[5]), int(cells[6]))
    return found


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _row(name: str, found: dict[str, tuple[int, int, int]]) -> str:
    cells = [f"{'/'.join(map(str, found[c]))} ({_f1(*found[c]):.3f})" for c in CATEGORIES]
    return f"{name:<12} " + "  ".join(f"{c:<24}" for c in cells)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", nargs="+", type=Path, required=True)
    parser.add_argument("--validation", nargs="*", type=Path, default=[])
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--deferred", action="store_true", help="train on deferred amounts")
    parser.add_argument("--train-only", nargs="*", default=None, help="names of sets to train on")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--l2", type=float, default=1e-3)
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    examples = {s.name: set_examples(s, args.work, args.deferred) for s in args.dev}
    if args.train_only is not None:
        examples = {name: ex for name, ex in examples.items() if name in args.train_only}
    print(f"{'set':<12} " + "  ".join(f"{c + ' TP/FP/FN':<24}" for c in CATEGORIES))
    sums = dict.fromkeys(CATEGORIES, (0, 0, 0))
    for s in args.dev:
        rest = [e for name, ex in examples.items() if name != s.name for e in ex]
        weights = train(rest, args.work / f"without-{s.name}.json", args)
        found = score(s, weights, args.work / f"score-{s.name}.txt")
        for c in CATEGORIES:
            tp, fp, fn = (a + b for a, b in zip(sums[c], found[c], strict=True))
            sums[c] = (tp, fp, fn)
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
