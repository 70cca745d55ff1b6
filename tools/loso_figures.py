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

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "src"))

import loso  # noqa: E402
import train_figure_model  # noqa: E402

from attackgraph.extract.figure_model import Example  # noqa: E402

CATEGORIES = ("attributed_claims", "unattributed_figures")


def set_examples(folder: Path, work: Path, deferred: bool) -> list[Example]:
    """The labelled examples of one set, read from ``work`` when made by the same code."""
    salt = b"deferred" if deferred else b""
    digest = loso.code_digest(ROOT / "tools/train_figure_model.py", salt)
    return loso.cached_examples(
        folder,
        work / f"examples-{folder.name}-{digest}.json",
        lambda path: train_figure_model.document_examples(path, deferred=deferred),
    )


def score(folder: Path, weights: Path, out: Path) -> loso.Found:
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


def main(argv: list[str] | None = None) -> int:
    parser = loso.parser(__doc__.splitlines()[0])
    parser.add_argument("--deferred", action="store_true", help="train on deferred amounts")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    examples = {s.name: set_examples(s, args.work, args.deferred) for s in args.dev}
    heading = [c + " TP/FP/FN" for c in CATEGORIES]
    return loso.run(args, examples, score, CATEGORIES, heading, 24)


if __name__ == "__main__":
    sys.exit(main())
