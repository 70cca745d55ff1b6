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

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "src"))

import loso  # noqa: E402
import train_actor_model  # noqa: E402

from attackgraph.extract import actor_features  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    return loso.classifier_main(
        __doc__.splitlines()[0],
        ROOT / "tools/train_actor_model.py",
        train_actor_model.document_examples,
        actor_features.ACTOR_MODEL_ENV,
        actor_features.shipped_actor_model.cache_clear,
        ("actors", "places", "attributed_claims", "unattributed_figures"),
        argv,
    )


if __name__ == "__main__":
    sys.exit(main())
