"""Train the prose-site classifier (attackgraph.extract.site_features) on corpus gold.

Every name attackgraph.extract.site_prose.site_candidates reads as a possible site of a
document's main event becomes one example: its features
(attackgraph.extract.site_features.site_features) and the label "site" when the name
matches one of the document's gold `places` (the scorer's place-name rule,
attackgraph.evaluate.match.place_score, on each name the resolver publishes it by:
"the Bataclan concert hall" is also "Bataclan"), else "none". The candidates are read from the
extraction the converter makes (infobox, lead and prose places known before), so the
examples are the ones the classifier is asked about.

Usage (the shipped weights; the command and SHA-256 are recorded in docs/evaluation.md):

    .venv/bin/python tools/train_site_model.py \
        /work/shared/corpus/dev tests/corpus/blind-1 ... \
        --out src/attackgraph/resources/site_model.json

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
from unittest import mock

from attackgraph.evaluate.match import place_score
from attackgraph.extract import extract, site_prose
from attackgraph.extract.figure_model import NONE, Model, train
from attackgraph.extract.site_features import SITE, SiteContext, site_features
from attackgraph.parse import parse_file
from attackgraph.resolve.chain import written_forms

Example = tuple[list[str], str]


def document_examples(path: Path) -> list[Example]:
    """The labelled candidates of one document (``NAME.txt`` with ``NAME.gold.json``)."""
    gold = json.loads(path.with_name(path.name[: -len(".txt")] + ".gold.json").read_text("utf-8"))
    places = [str(p) for p in gold.get("places") or []]
    asked: list[SiteContext] = []
    original = site_prose.site_candidates

    def recording(*args: object, **kwargs: object) -> list[SiteContext]:
        found = original(*args, **kwargs)  # type: ignore[arg-type]
        asked.extend(found)
        return found

    with mock.patch.object(site_prose, "site_candidates", recording):
        extract(parse_file(path))
    return [
        (
            site_features(c),
            SITE if any(place_score(f, g) for f in written_forms(c.name) for g in places) else NONE,
        )
        for c in asked
    ]


def corpus_examples(folders: Iterable[Path]) -> list[Example]:
    """The labelled candidates of every document of ``folders``, in file-name order."""
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
