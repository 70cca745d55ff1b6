"""How far two annotators agree: their gold for the same documents, scored against each
other with the matching ``evaluate`` uses.

A blind set is only as good as its gold. When a second annotator, who has not seen the
first one's gold, annotates the same documents, scoring one gold against the other
(``agreement(first, second)``) gives the figure no extraction can be expected to beat by
much: where careful readers differ (what counts as a claim, who the source is, which
places are the event's), an extractor that agrees with one of them disagrees with the
other. F1 is symmetric; precision and recall swap with the order. In the report the
first annotator stands where gold does (its items left unmatched are "FN") and the second
where the extraction does ("FP").
"""

from __future__ import annotations

from pathlib import Path

from attackgraph.evaluate.gold import GoldError, load_gold
from attackgraph.evaluate.items import gold_items
from attackgraph.evaluate.report import DocumentScores, Evaluation
from attackgraph.evaluate.scoring import GOLD_SUFFIX, score_items, summarise

__all__ = ["agreement"]


def agreement(first: Path, second: Path) -> Evaluation:
    """Score the second folder's ``NAME.gold.json`` files against the first's.

    Every document annotated in either folder is accounted for: one annotated in only one
    folder is listed in ``missing_gold`` (the file that exists); a file that breaks the
    format, or two files that name different documents, in ``errors``. Raises
    ``FileNotFoundError`` for a folder that does not exist.

    >>> import json, pathlib, tempfile
    >>> def gold(folder, places):
    ...     folder.mkdir()
    ...     (folder / "raid.gold.json").write_text(json.dumps({"doc": "raid.txt",
    ...         "title": "Raid", "infobox_family": "none", "date_start": "2020-05-01",
    ...         "date_end": None, "country": "ML", "places": places, "part_of": [],
    ...         "actors": [], "infobox_casualties": [], "claims": [],
    ...         "unattributed_casualties": []}))
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     gold(pathlib.Path(tmp, "a"), ["Gao", "Ansongo"])
    ...     gold(pathlib.Path(tmp, "b"), ["Gao"])
    ...     result = agreement(pathlib.Path(tmp, "a"), pathlib.Path(tmp, "b"))
    >>> result.total["places"], result.total["country"]
    (Scores(tp=1, fp=0, fn=1), Scores(tp=1, fp=0, fn=0))
    """
    for folder in (first, second):
        if not folder.is_dir():
            raise FileNotFoundError(f"{folder}: gold folder not found")
    names = {p.name for p in first.glob(f"*{GOLD_SUFFIX}")}
    others = {p.name for p in second.glob(f"*{GOLD_SUFFIX}")}
    missing = [str(first / name) for name in sorted(names - others)]
    missing += [str(second / name) for name in sorted(others - names)]
    per_document: list[DocumentScores] = []
    errors: list[str] = []
    for name in sorted(names & others):
        try:
            reference, other = load_gold(first / name), load_gold(second / name)
        except GoldError as error:
            errors.append(str(error))
            continue
        if reference.doc != other.doc:
            problem = f"names {other.doc!r}, not {reference.doc!r} as {first / name} does"
            errors.append(str(GoldError(str(second / name), "doc", problem)))
            continue
        stem = name.removesuffix(GOLD_SUFFIX)
        per_document.append(score_items(stem, gold_items(other), gold_items(reference), {}))
    return summarise(per_document, missing, errors, checks=())
