"""Score what the pipeline publishes for each document against gold annotations.

``evaluate(documents, gold_dir)`` pairs each ``NAME.txt`` with ``GOLD_DIR/NAME.gold.json``,
converts the document with the converter ``build`` uses
(:class:`attackgraph.pipeline.Converter`: parse, extract, resolve, to_rdf, validate),
reads the facts back from the document's quads (``published.py``) and scores each
category by one-to-one matching (``match.py``; rules in ``docs/evaluation.md``). A
document without gold, with a bad gold file, or that the converter skips is reported
in the result, never fatal to the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from attackgraph.evaluate.checks import CHECKS, run_checks
from attackgraph.evaluate.gold import Gold, GoldError, load_gold
from attackgraph.evaluate.items import CATEGORIES, SCORERS, gold_items, predicted_items
from attackgraph.evaluate.match import match
from attackgraph.evaluate.published import PublishedDocument, read_document
from attackgraph.evaluate.report import DocumentScores, Evaluation, Miss, Scores, Unmatched
from attackgraph.pipeline import BuildOptions, Converter

__all__ = [
    "CATEGORIES",
    "DocumentScores",
    "Evaluation",
    "GoldError",
    "Miss",
    "PublishedDocument",
    "Scores",
    "evaluate",
    "load_gold",
    "read_document",
    "score_document",
]

GOLD_SUFFIX = ".gold.json"


def score_document(published: PublishedDocument, gold: Gold) -> DocumentScores:
    """Score one document's published facts against its gold.

    >>> import pathlib, tempfile
    >>> from attackgraph.evaluate.gold import parse_gold
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "raid.txt")
    ...     _ = path.write_text("= Raid =\\n\\nInfobox\\n- Date: 1 May 2020\\n\\nA raid.\\n")
    ...     quads = Converter(BuildOptions()).convert(path).quads
    >>> gold = parse_gold({"doc": "raid.txt", "title": "Raid", "infobox_family": "none",
    ...     "date_start": "2020-05-01", "date_end": "2020-05-02", "country": None,
    ...     "places": [], "part_of": [], "actors": [], "infobox_casualties": [],
    ...     "claims": [], "unattributed_casualties": []}, "raid.gold.json")
    >>> score_document(read_document(quads), gold).scores["dates"]
    Scores(tp=1, fp=0, fn=1)
    """
    predicted, expected = predicted_items(published), gold_items(gold)
    scores: dict[str, Scores] = {}
    unmatched: dict[str, Unmatched] = {}
    for category in CATEGORIES:
        found, wanted = predicted[category], expected[category]
        result = match(found, wanted, SCORERS[category])
        scores[category] = Scores(
            len(result.pairs), len(result.predicted_only), len(result.gold_only)
        )
        unmatched[category] = Unmatched(
            tuple(Miss(found[i].label, found[i].sentence) for i in result.predicted_only),
            tuple(Miss(wanted[i].label, wanted[i].sentence) for i in result.gold_only),
        )
    return DocumentScores(published.document.doc_id, scores, run_checks(published, gold), unmatched)


def evaluate(
    documents: Sequence[Path], gold_dir: Path, *, options: BuildOptions | None = None
) -> Evaluation:
    """Score every document (a folder stands for its ``*.txt``) against ``gold_dir``.

    Each document goes through ``Converter(options)``, the converter ``build`` uses
    (default options: the build's defaults, validation on). Raises
    ``FileNotFoundError`` for a document path or gold folder that does not exist;
    everything wrong with one document is reported instead.

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     doc = pathlib.Path(folder, "raid.txt")
    ...     _ = doc.write_text("= Raid =\\n\\nA raid.\\n", encoding="utf-8")
    ...     result = evaluate([doc], pathlib.Path(folder))
    >>> [pathlib.Path(p).name for p in result.missing_gold], result.per_document
    (['raid.txt'], [])
    """
    if not gold_dir.is_dir():
        raise FileNotFoundError(f"{gold_dir}: gold folder not found")
    paths = _expand(documents)
    converter: Converter | None = None
    per_document: list[DocumentScores] = []
    missing: list[str] = []
    errors: list[str] = []
    for path in paths:
        gold_path = gold_dir / f"{path.stem}{GOLD_SUFFIX}"
        if not gold_path.is_file():
            missing.append(str(path))
            continue
        try:
            gold = load_gold(gold_path)
        except GoldError as error:
            errors.append(str(error))
            continue
        if gold.doc != path.name:
            errors.append(
                str(GoldError(str(gold_path), "doc", f"names {gold.doc!r}, not {path.name!r}"))
            )
            continue
        converter = converter or Converter(options or BuildOptions())
        result = converter.convert(path)
        if result.skipped is not None:
            errors.append(str(result.skipped))
            continue
        per_document.append(score_document(read_document(result.quads), gold))
    return Evaluation(
        categories=CATEGORIES,
        per_document=per_document,
        total={c: sum((d.scores[c] for d in per_document), Scores()) for c in CATEGORIES},
        checks={c: sum(d.checks[c] for d in per_document) for c in CHECKS},
        missing_gold=missing,
        errors=errors,
    )


def _expand(documents: Sequence[Path]) -> list[Path]:
    """Files as given, folders as their ``*.txt`` in name order; each path once."""
    paths: list[Path] = []
    for item in documents:
        if item.is_dir():
            paths += sorted(item.glob("*.txt"))
        elif item.exists():
            paths.append(item)
        else:
            raise FileNotFoundError(f"{item}: document not found")
    return list(dict.fromkeys(paths))
