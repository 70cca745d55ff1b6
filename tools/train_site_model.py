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

import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from unittest import mock

from attackgraph.evaluate.match import place_score
from attackgraph.extract import extract, figure_model, site_prose
from attackgraph.extract.figure_model import NONE, Example
from attackgraph.extract.site_features import SITE, SiteContext, site_features
from attackgraph.parse import parse_file
from attackgraph.resolve.chain import written_forms


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
    return figure_model.corpus_examples(folders, document_examples)


def main(argv: Sequence[str] | None = None) -> int:
    return figure_model.training_command(argv, __doc__.splitlines()[0], document_examples)


if __name__ == "__main__":
    sys.exit(main())
