"""Train the prose-actor classifier (attackgraph.extract.actor_features) on corpus gold.

Every name attackgraph.extract.named.prose_actors asks about (a PERSON or ORG entity the
rules accept; one capitalised word they leave out that the document writes as a proper name;
two or more capitalised words no PERSON or ORG entity covers) becomes one example: its
features (attackgraph.extract.actor_features.actor_features) and the label "actor" when the
name matches one of the document's gold `actors` (the scorer's name rule,
attackgraph.evaluate.match.name_score), else "none". A name the rules leave out is labelled
"actor" only when it matches a gold actor the names known before (sides, sources) and the
names the rules accept leave unmatched (the scorer's one-to-one matching): a variant of a
found name adds nothing; a one-word name that is a word of one of those names is no example.
The candidates are read from the extraction the converter makes; while they are read the
rules alone decide, so no weights shape the examples.

Usage (the shipped weights; the command and SHA-256 are recorded in docs/evaluation.md):

    .venv/bin/python tools/train_actor_model.py \
        /work/shared/corpus/dev tests/corpus/blind-1 ... \
        --out src/attackgraph/resources/actor_model.json

Deterministic: the same corpora, seed and settings write the same bytes.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from unittest import mock

import attackgraph.extract as extract_package
from attackgraph.evaluate.match import Item, match, name_score, same_key_and_name
from attackgraph.extract import figure_model, named
from attackgraph.extract.actor_features import ACTOR, ActorContext, actor_features
from attackgraph.extract.figure_model import NONE, Example
from attackgraph.parse import parse_file
from attackgraph.reference.names import name_key


def document_contexts(path: Path) -> tuple[list[ActorContext], list[str], list[str]]:
    """The candidates of one document (``NAME.txt``), the actor names the extraction knows
    before them (sides, sources) and the document's gold actors' names."""
    gold = json.loads(path.with_name(path.name[: -len(".txt")] + ".gold.json").read_text("utf-8"))
    actors = [str(a["name"]) for a in gold.get("actors") or [] if a.get("name")]
    asked: list[ActorContext] = []
    known: list[str] = []
    reads = extract_package.prose_actors

    def recording(context: ActorContext) -> bool:
        asked.append(context)
        return context.ruled  # the rules alone: the examples do not depend on any weights

    def reading(text: str, sentences: Any, names: Iterable[str], places: Any) -> Any:
        known.extend(names := list(names))
        return reads(text, sentences, names, places)

    with (
        mock.patch.object(named, "_accepts", recording),
        mock.patch.object(extract_package, "prose_actors", reading),
    ):
        extract_package.extract(parse_file(path))
    return asked, known, actors


def label(context: ActorContext, others: Sequence[str], actors: Sequence[str]) -> str | None:
    """:data:`ACTOR` when the candidate's name matches a gold actor's (``name_score``);
    a name the rules leave out only when no name of ``others`` (known before, or accepted
    by the rules) matches that gold actor already: a variant of a found name adds nothing.
    ``None`` (no example) for a one-word name that is a word of one of ``others``: the
    reader merges it into that name or leaves it out whatever the classifier says.
    """
    key = name_key(context.name)
    if not context.ruled and " " not in key:
        longer = [name_key(o).split() for o in others if " " in name_key(o)]
        if any(key in words for words in longer):
            return None
    if not context.ruled:
        actors = _open(others, actors)
    return ACTOR if any(name_score(context.name, g) for g in actors) else NONE


def _open(others: Sequence[str], actors: Sequence[str]) -> list[str]:
    """The gold actors the scorer's one-to-one matching leaves unmatched by ``others``."""
    found = [Item(o, (), (o,)) for o in others]
    wanted = [Item(g, (), (g,)) for g in actors]
    return [actors[i] for i in match(found, wanted, same_key_and_name).gold_only]


def document_examples(path: Path) -> list[Example]:
    """The labelled candidates of one document (``NAME.txt`` with ``NAME.gold.json``)."""
    asked, known, actors = document_contexts(path)
    others = [*known, *(c.name for c in asked if c.ruled)]
    labelled = [(actor_features(c), label(c, others, actors)) for c in asked]
    return [(features, found) for features, found in labelled if found is not None]


def corpus_examples(folders: Iterable[Path]) -> list[Example]:
    """The labelled candidates of every document of ``folders``, in file-name order."""
    return figure_model.corpus_examples(folders, document_examples)


def main(argv: Sequence[str] | None = None) -> int:
    return figure_model.training_command(argv, __doc__.splitlines()[0], document_examples)


if __name__ == "__main__":
    sys.exit(main())
