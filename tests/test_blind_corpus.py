"""The blind evaluation sets stay well-formed: each document has its gold, and every
sentence the gold quotes is an exact substring of its document (the scorer relies on it);
a set's second annotation (``second/``, for ``attackgraph agreement``) covers every
document of the set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from attackgraph.evaluate import agreement

CORPUS = Path(__file__).resolve().parent / "corpus"
GOLD = sorted(CORPUS.glob("blind-*/*.gold.json"))
SECOND = sorted(CORPUS.glob("blind-*/second/*.gold.json"))
SETS = {
    "blind-1": 20,
    "blind-2": 10,
    "blind-3": 20,
    "blind-4": 10,
    "blind-5": 20,
    "blind-6": 10,
    "blind-7": 20,
    "blind-8": 10,
    "blind-9": 20,
    "blind-10": 10,
    "blind-11": 20,
    "blind-12": 10,
    "blind-13": 20,
    "blind-14": 10,
    "blind-15": 20,
    "blind-16": 10,
    "blind-17": 20,
    "blind-18": 10,
    "blind-19": 20,
    "blind-20": 10,
    "blind-21": 20,
    "blind-22": 10,
    "blind-23": 20,
    "blind-24": 10,
    "blind-25": 20,
    "blind-26": 10,
    "blind-27": 20,
    "blind-28": 10,
    "blind-29": 20,
    "blind-30": 10,
    "blind-31": 20,
    "blind-32": 10,
    "blind-33": 20,
    "blind-34": 10,
    "blind-35": 20,
    "blind-36": 10,
    "blind-37": 20,
    "blind-38": 10,
}


def test_every_blind_set_is_present() -> None:
    sizes = {name: sum(path.parent.name == name for path in GOLD) for name in SETS}
    assert sizes == SETS


def _document(gold: Path) -> Path:
    """A gold file's document: beside it, or in the set above a second annotation."""
    folder = gold.parent.parent if gold.parent.name == "second" else gold.parent
    return folder / (gold.name.removesuffix(".gold.json") + ".txt")


@pytest.mark.parametrize(
    "gold", GOLD + SECOND, ids=lambda path: str(path.relative_to(CORPUS).with_suffix(""))
)
def test_gold_quotes_its_document(gold: Path) -> None:
    annotation = json.loads(gold.read_text(encoding="utf-8"))
    document = _document(gold)
    assert annotation["doc"] == document.name
    text = document.read_text(encoding="utf-8")
    for field in ("claims", "unattributed_casualties"):
        for entry in annotation[field]:
            assert entry["sentence"] in text, (field, entry["sentence"][:80])


@pytest.mark.parametrize("second", sorted({p.parent for p in SECOND}), ids=lambda p: p.parent.name)
def test_a_second_annotation_covers_its_whole_set(second: Path) -> None:
    result = agreement(second.parent, second)
    assert result.ok, (result.missing_gold, result.errors)
    assert len(result.per_document) == SETS[second.parent.name]
