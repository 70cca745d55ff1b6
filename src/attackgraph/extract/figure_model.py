"""A small learned classifier: is this number a casualty figure, and of which outcome?

Multinomial logistic regression over sparse string features
(:mod:`~attackgraph.extract.figure_features`), in pure Python: no dependency, no
randomness at run time. The labels are the ontology's outcomes plus :data:`NONE` (not a
casualty figure: a date, an age, a street number, a count of vehicles).

:func:`train` fits it by stochastic gradient descent with L2 shrinkage; the order of the
examples is shuffled by a seeded :class:`random.Random`, so the same examples, seed and
settings give the same weights, which :meth:`Model.dumps` writes with rounded numbers in
a fixed order (the same bytes). The weights shipped with the package are
``resources/figure_model.json`` (:func:`shipped_model`), trained on the gold of the
development corpora by ``tools/train_figure_model.py`` (the command and the file's
SHA-256 are in ``docs/evaluation.md``).

>>> m = train([(["bias", "w=killed"], "killed"), (["bias", "w=june"], NONE)] * 5, epochs=30)
>>> m.best(["bias", "w=killed"])[0], m.best(["bias", "w=june"])[0]
('killed', 'none')
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Final

__all__ = ["MODEL_ENV", "NONE", "Model", "packaged_weights", "shipped_model", "train"]

NONE: Final = "none"
"""The label of a number that is no casualty figure."""

MODEL_ENV: Final = "ATTACKGRAPH_FIGURE_MODEL"
"""Environment variable naming another weights file (leave-one-set-out evaluation only)."""

_DIGITS: Final = 3
"""Decimals kept in the written weights."""


@dataclass(frozen=True)
class Model:
    """Labels and, per feature, one weight per label (a feature never seen weighs 0)."""

    labels: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]

    def scores(self, features: Iterable[str]) -> list[float]:
        """The label scores (before the softmax), in the order of :attr:`labels`."""
        total = [0.0] * len(self.labels)
        for feature in features:
            row = self.weights.get(feature)
            if row is not None:
                total = [t + w for t, w in zip(total, row, strict=True)]
        return total

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        """Each label's probability for ``features``.

        >>> m = Model(("none", "killed"), {"bias": (0.0, 0.0)})
        >>> m.probabilities(["bias"])
        {'none': 0.5, 'killed': 0.5}
        """
        return dict(zip(self.labels, _softmax(self.scores(features)), strict=True))

    def best(self, features: Iterable[str]) -> tuple[str, float]:
        """The most probable label and its probability (ties: the first label).

        >>> Model(("none", "killed"), {"x": (0.0, 2.0)}).best(["x"])[0]
        'killed'
        """
        probs = self.probabilities(features)
        label = max(self.labels, key=lambda k: probs[k])
        return label, probs[label]

    def dumps(self) -> str:
        """The model as JSON: features sorted, weights rounded, all-zero rows left out.

        >>> Model(("none", "killed"), {"b": (0.123456, 0.0), "a": (0.0, 0.0)}).dumps()
        '{"labels": ["none", "killed"], "weights": {"b": [0.123, 0.0]}}\\n'
        """
        rows = {
            f: [round(w, _DIGITS) + 0.0 for w in ws]
            for f, ws in sorted(self.weights.items())
            if any(round(w, _DIGITS) for w in ws)
        }
        return json.dumps({"labels": list(self.labels), "weights": rows}) + "\n"

    @classmethod
    def loads(cls, data: str) -> Model:
        """The model :meth:`dumps` wrote.

        >>> Model.loads('{"labels": ["none"], "weights": {"a": [1.5]}}').weights
        {'a': (1.5,)}
        """
        raw = json.loads(data)
        return cls(
            tuple(raw["labels"]),
            {f: tuple(float(w) for w in ws) for f, ws in raw["weights"].items()},
        )


def _softmax(scores: Sequence[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def train(
    examples: Sequence[tuple[Sequence[str], str]],
    *,
    epochs: int = 20,
    seed: int = 8,
    rate: float = 0.1,
    l2: float = 1e-4,
    min_count: int = 2,
) -> Model:
    """Weights fitted to ``examples`` (features, label) by seeded SGD (see the module
    docstring); the labels are :data:`NONE` first, then the others sorted. Features seen
    in fewer than ``min_count`` examples are left out (they would only learn their example).

    >>> m = train([(["x"], "killed"), (["y"], "none")], epochs=50, min_count=1)
    >>> m.labels, m.best(["x"])[0]
    (('none', 'killed'), 'killed')
    """
    labels = (NONE, *sorted({label for _, label in examples} - {NONE}))
    seen = Counter(f for features, _ in examples for f in set(features))
    examples = [([f for f in fs if seen[f] >= min_count], label) for fs, label in examples]
    index = {label: k for k, label in enumerate(labels)}
    weights: dict[str, list[float]] = {}
    order = list(range(len(examples)))
    shuffle = random.Random(seed).shuffle
    for epoch in range(epochs):
        shuffle(order)
        step = rate / (1.0 + epoch)
        for i in order:
            features, label = examples[i]
            rows = [weights.setdefault(f, [0.0] * len(labels)) for f in features]
            scores = [sum(r[k] for r in rows) for k in range(len(labels))]
            probs = _softmax(scores)
            for k, p in enumerate(probs):
                gradient = p - (1.0 if k == index[label] else 0.0)
                for row in rows:
                    row[k] -= step * (gradient + l2 * row[k])
    return Model(labels, {f: tuple(ws) for f, ws in weights.items()})


@cache
def shipped_model() -> Model:
    """The weights shipped with the package (or the file :data:`MODEL_ENV` names).

    >>> "killed" in shipped_model().labels
    True
    """
    return packaged_weights(MODEL_ENV, "figure_model.json")


def packaged_weights(env: str, name: str) -> Model:
    """The weights in the file the environment variable ``env`` names, else the
    package's ``resources/NAME`` (how every shipped model is loaded)."""
    other = os.environ.get(env)
    if other:
        return Model.loads(Path(other).read_text(encoding="utf-8"))
    data = resources.files("attackgraph").joinpath(f"resources/{name}")
    return Model.loads(data.read_text(encoding="utf-8"))


Example = tuple[list[str], str]
"""One training example: its features and its label."""


def corpus_examples(
    folders: Iterable[Path], document_examples: Callable[[Path], list[Example]]
) -> list[Example]:
    """The labelled examples of every document of ``folders``, in file-name order."""
    examples: list[Example] = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            examples += document_examples(path)
    return examples


def training_command(
    argv: Sequence[str] | None,
    description: str,
    document_examples: Callable[[Path], list[Example]],
) -> int:
    """The command line of a training tool (``tools/train_*_model.py``): folders of
    ``NAME.txt`` + ``NAME.gold.json`` in, a weights file out, its SHA-256 printed; with
    ``--check``, whether the file already holds the weights the command trains (the
    shipped weights still come from their recorded command)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("corpus", nargs="+", type=Path, help="folders of NAME.txt + NAME.gold.json")
    parser.add_argument("--out", type=Path, required=True, help="weights file to write")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--min-count", type=int, default=3, help="rarer features are left out")
    parser.add_argument("--l2", type=float, default=1e-3)
    parser.add_argument(
        "--check", action="store_true", help="write nothing: exit 1 unless --out holds these bytes"
    )
    args = parser.parse_args(argv)
    for folder in args.corpus:
        if not any(folder.glob("*.txt")):
            parser.error(f"{folder}: no NAME.txt documents (a folder missing or empty)")
    examples = corpus_examples(args.corpus, document_examples)
    model = train(
        examples, epochs=args.epochs, seed=args.seed, min_count=args.min_count, l2=args.l2
    )
    data = model.dumps().encode("utf-8")
    counts = Counter(label for _, label in examples)
    print(f"{len(examples)} examples {dict(sorted(counts.items()))}", file=sys.stderr)
    digest = hashlib.sha256(data).hexdigest()
    if args.check:
        same = args.out.exists() and args.out.read_bytes() == data
        print(f"{digest}  {'the same bytes as' if same else 'NOT the bytes of'} {args.out}")
        return 0 if same else 1
    args.out.write_bytes(data)
    print(f"{digest}  {args.out} ({len(data)} bytes)")
    return 0
