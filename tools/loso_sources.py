"""Leave-one-set-out figures of the source ranker, through the published graph.

For each development set: weights trained (``tools/train_source_model.py``'s examples,
its default settings) on every other development set, the set scored by
``attackgraph evaluate`` in this process with ``ATTACKGRAPH_SOURCE_MODEL`` naming them;
TP / FP / FN of attributed claims, unattributed figures and actors (the prose's sources
are actors) summed over the sets. Each validation set is scored with weights trained on
all the development sets (totals only). The rules alone are the same command's scores
with ``ATTACKGRAPH_SOURCE_MODEL=""`` (``attackgraph evaluate``, no weights shipped).

Usage (the table of docs/evaluation.md, "The learned source ranker"):

    .venv/bin/python tools/loso_sources.py \\
        --dev /work/shared/corpus/dev tests/corpus/blind-{1..26} \\
        --validation tests/corpus/blind-{27,28} --work /tmp/loso-sources

``--work`` keeps each set's examples (named by the digest of the extraction code and the
trainer), the weights (``without-SET.json``, ``all.json``) and each set's scores.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "src"))

import loso  # noqa: E402
import train_source_model  # noqa: E402

from attackgraph.extract import source_ranker  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    return loso.classifier_main(
        __doc__.splitlines()[0],
        ROOT / "tools/train_source_model.py",
        train_source_model.document_examples,
        source_ranker.SOURCE_MODEL_ENV,
        source_ranker.shipped_source_model.cache_clear,
        ("attributed_claims", "unattributed_figures", "actors"),
        argv,
    )


if __name__ == "__main__":
    sys.exit(main())
