"""Leave-one-set-out actors of the prose-actor classifier, through the published graph.

For each development set: actor weights trained (``tools/train_actor_model.py``'s
examples, its default settings) on the other development sets, or only on those named by
``--train-only`` (the recipe of weights trained on fewer sets), the set scored by
``attackgraph evaluate SET --gold SET`` with ``ATTACKGRAPH_ACTOR_MODEL`` naming them (in
this process, without the shapes check); TP / FP / FN of actors (and of the other
categories, which must not move) summed over the sets. Each validation set is scored with
weights trained on all the development sets of the recipe, and only its totals are
printed. No set is scored with weights trained on it.

Usage (the session-12 table of docs/evaluation.md):

    .venv/bin/python tools/loso_actors.py \\
        --dev /work/shared/corpus/dev tests/corpus/blind-{1..18} \\
        --validation tests/corpus/blind-{19,20} --work /tmp/loso-actors

``--work`` keeps each set's examples (reused while the extraction code and the trainer
are unchanged: the file names their digest), the weights and each set's ``evaluate``
totals. The checkout scored is the one this file belongs to.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "src"))

import loso  # noqa: E402
import train_actor_model  # noqa: E402

from attackgraph.evaluate import evaluate  # noqa: E402
from attackgraph.extract import actor_features  # noqa: E402
from attackgraph.extract.figure_model import Example  # noqa: E402
from attackgraph.pipeline import BuildOptions  # noqa: E402

CATEGORIES = ("actors", "places", "attributed_claims", "unattributed_figures")


def set_examples(folder: Path, work: Path) -> list[Example]:
    """The labelled candidates of one set, read from ``work`` when made by the same code."""
    digest = loso.code_digest(ROOT / "tools/train_actor_model.py")
    return loso.cached_examples(
        folder, work / f"examples-{folder.name}-{digest}.json", train_actor_model.document_examples
    )


def score(folder: Path, weights: Path, out: Path) -> loso.Found:
    """The published graph of ``folder`` scored with ``weights`` (``attackgraph evaluate``
    in this process, without the shapes check, which changes no score unless a document
    breaks a shape): TP / FP / FN by category, the totals also written to ``out``."""
    os.environ[actor_features.ACTOR_MODEL_ENV] = str(weights)
    actor_features.shipped_actor_model.cache_clear()
    result = evaluate([folder], folder, options=BuildOptions(validate=False))
    found = {c: (t.tp, t.fp, t.fn) for c, t in result.total.items()}
    out.write_text(json.dumps(found, sort_keys=True) + "\n", "utf-8")
    return {c: found[c] for c in CATEGORIES}


def main(argv: list[str] | None = None) -> int:
    args = loso.parser(__doc__.splitlines()[0]).parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    examples = {s.name: set_examples(s, args.work) for s in args.dev}
    return loso.run(args, examples, score, CATEGORIES, CATEGORIES, 22)


if __name__ == "__main__":
    sys.exit(main())
