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

from attackgraph.evaluate.agreement import agreement
from attackgraph.evaluate.checks import run_checks
from attackgraph.evaluate.gold import Gold, GoldError, load_gold
from attackgraph.evaluate.items import CATEGORIES, gold_items, predicted_items
from attackgraph.evaluate.published import PublishedDocument, read_document
from attackgraph.evaluate.report import DocumentScores, Evaluation, Miss, Scores
from attackgraph.evaluate.scoring import GOLD_SUFFIX, score_items, summarise
from attackgraph.pipeline import BuildOptions, Converter

__all__ = [
    "CATEGORIES",
    "DocumentScores",
    "Evaluation",
    "GoldError",
    "Miss",
    "PublishedDocument",
    "Scores",
    "agreement",
    "evaluate",
    "load_gold",
    "read_document",
    "score_document",
]


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
    found, expected = predicted_items(published), gold_items(gold)
    return score_items(published.document.doc_id, found, expected, run_checks(published, gold))


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
    return summarise(per_document, missing, errors)


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
