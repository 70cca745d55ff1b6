"""Score the pipeline's reading of documents against gold annotations.

``evaluate(documents, gold_dir)`` pairs each ``NAME.txt`` with ``GOLD_DIR/NAME.gold.json``,
runs parse -> extract (-> resolve, when that stage is importable and works), and
scores each category of facts by one-to-one matching (``match.py``; rules in
``docs/evaluation.md``). A document without gold, with a bad gold file or that
cannot be read is reported in the result, never fatal to the others.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import cast

from attackgraph.evaluate.checks import CHECKS, run_checks
from attackgraph.evaluate.gold import Gold, GoldError, load_gold
from attackgraph.evaluate.items import CATEGORIES, SCORERS, gold_items, predicted_items
from attackgraph.evaluate.match import match
from attackgraph.evaluate.report import DocumentScores, Evaluation, Scores, Unmatched
from attackgraph.extract import extract
from attackgraph.model import Extraction, InputError, Record
from attackgraph.parse import parse_file

__all__ = [
    "CATEGORIES",
    "DocumentScores",
    "Evaluation",
    "GoldError",
    "Scores",
    "evaluate",
    "load_gold",
    "score_document",
]

GOLD_SUFFIX = ".gold.json"
ResolveFunction = Callable[[Extraction, object], object]


def score_document(
    extraction: Extraction, gold: Gold, record: Record | None = None
) -> DocumentScores:
    """Score one extraction (and its resolved record, if any) against its gold.

    >>> from attackgraph.parse import parse
    >>> from attackgraph.evaluate.gold import parse_gold
    >>> doc = parse(b"= Raid =\\n\\nInfobox\\n- Date: 1 May 2020\\n\\nA raid.\\n", "raid.txt")
    >>> gold = parse_gold({"doc": "raid.txt", "title": "Raid", "infobox_family": "none",
    ...     "date_start": "2020-05-01", "date_end": "2020-05-02", "country": None,
    ...     "places": [], "part_of": [], "actors": [], "infobox_casualties": [],
    ...     "claims": [], "unattributed_casualties": []}, "raid.gold.json")
    >>> score_document(extract(doc), gold).scores["dates"]
    Scores(tp=1, fp=0, fn=1)
    """
    predicted, expected = predicted_items(extraction, record), gold_items(gold)
    scores: dict[str, Scores] = {}
    unmatched: dict[str, Unmatched] = {}
    for category in CATEGORIES:
        found, wanted = predicted[category], expected[category]
        result = match(found, wanted, SCORERS[category])
        scores[category] = Scores(
            len(result.pairs), len(result.predicted_only), len(result.gold_only)
        )
        unmatched[category] = Unmatched(
            tuple(found[i].label for i in result.predicted_only),
            tuple(wanted[i].label for i in result.gold_only),
        )
    return DocumentScores(
        extraction.document.doc_id, scores, run_checks(extraction, gold), unmatched
    )


def evaluate(
    documents: Sequence[Path],
    gold_dir: Path,
    *,
    resolver_factory: Callable[[], object] | None = None,
    use_resolve: bool = True,
) -> Evaluation:
    """Score every document (a folder stands for its ``*.txt``) against ``gold_dir``.

    ``resolver_factory`` makes the resolver handed to ``attackgraph.resolve.resolve``
    (default: ``attackgraph.resolve.Resolver()``); ``use_resolve=False`` scores the
    extraction alone. Raises ``FileNotFoundError`` for a document path or gold folder
    that does not exist; everything wrong with one document is reported instead.

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     doc = pathlib.Path(folder, "raid.txt")
    ...     _ = doc.write_text("= Raid =\\n\\nA raid.\\n", encoding="utf-8")
    ...     result = evaluate([doc], pathlib.Path(folder), use_resolve=False)
    >>> [pathlib.Path(p).name for p in result.missing_gold], result.per_document
    (['raid.txt'], [])
    """
    if not gold_dir.is_dir():
        raise FileNotFoundError(f"{gold_dir}: gold folder not found")
    paths = _expand(documents)
    if use_resolve:
        resolver, resolve_fn, status = _resolve_stage(resolver_factory)
    else:
        resolver, resolve_fn, status = None, None, "not used (disabled)"
    per_document: list[DocumentScores] = []
    missing: list[str] = []
    errors: list[str] = []
    resolve_failures: list[str] = []
    for path in paths:
        gold_path = gold_dir / f"{path.stem}{GOLD_SUFFIX}"
        if not gold_path.is_file():
            missing.append(str(path))
            continue
        try:
            gold = load_gold(gold_path)
            if gold.doc != path.name:
                raise GoldError(str(gold_path), "doc", f"names {gold.doc!r}, not {path.name!r}")
            extraction = extract(parse_file(path))
        except (GoldError, InputError) as err:
            errors.append(str(err))
            continue
        except Exception as err:  # a stage under construction must not stop the run
            errors.append(f"{path}: extract failed: {type(err).__name__}: {err}")
            continue
        record: Record | None = None
        if resolve_fn is not None:
            try:
                result = resolve_fn(extraction, resolver)
                if not isinstance(result, Record):
                    raise TypeError(f"resolve returned {type(result).__name__}, not Record")
                record = result
            except Exception as err:  # scored unresolved; said in ``resolve``
                resolve_failures.append(f"{path.name}: {type(err).__name__}: {err}")
        per_document.append(score_document(extraction, gold, record))
    if resolve_failures:
        status += f"; failed on {len(resolve_failures)} document(s), first: {resolve_failures[0]}"
    return Evaluation(
        categories=CATEGORIES,
        per_document=per_document,
        total={c: sum((d.scores[c] for d in per_document), Scores()) for c in CATEGORIES},
        checks={c: sum(d.checks[c] for d in per_document) for c in CHECKS},
        missing_gold=missing,
        errors=errors,
        resolve=status,
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


def _resolve_stage(
    factory: Callable[[], object] | None,
) -> tuple[object, ResolveFunction | None, str]:
    """The resolver and ``resolve`` function if the stage imports and starts, with a status."""
    try:
        module = importlib.import_module("attackgraph.resolve")
    except Exception as err:  # a half-written stage may fail to import
        return None, None, f"not available ({type(err).__name__}: {err})"
    resolve_fn = getattr(module, "resolve", None)
    make = factory if factory is not None else getattr(module, "Resolver", None)
    if not callable(resolve_fn) or not callable(make):
        return None, None, "not available (attackgraph.resolve has no Resolver/resolve yet)"
    try:
        resolver = make()
    except Exception as err:
        return None, None, f"not available (making the resolver failed: {err})"
    return resolver, cast(ResolveFunction, resolve_fn), "used"
