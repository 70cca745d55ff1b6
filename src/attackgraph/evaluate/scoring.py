"""Scoring one document's facts against a reference, and summing documents into an
:class:`~attackgraph.evaluate.report.Evaluation`: shared by ``evaluate`` (published facts
against gold) and ``agreement`` (one annotator's gold against another's)."""

from __future__ import annotations

from collections.abc import Sequence

from attackgraph.evaluate.checks import CHECKS
from attackgraph.evaluate.items import CATEGORIES, SCORERS, Items
from attackgraph.evaluate.match import match
from attackgraph.evaluate.report import DocumentScores, Evaluation, Miss, Scores, Unmatched

GOLD_SUFFIX = ".gold.json"
"""How a document's gold annotation is named: ``NAME.txt`` → ``NAME.gold.json``."""


def score_items(
    document: str, predicted: Items, expected: Items, checks: dict[str, int]
) -> DocumentScores:
    """Score one document's facts, category by category, by one-to-one matching.

    ``predicted`` stands where the published facts do; ``expected`` is the reference.
    """
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
    return DocumentScores(document, scores, checks, unmatched)


def summarise(
    per_document: Sequence[DocumentScores],
    missing: Sequence[str],
    errors: Sequence[str],
    checks: Sequence[str] = CHECKS,
) -> Evaluation:
    """Documents' scores summed per category (micro-averaged), the integrity ``checks``
    summed (none for gold against gold), with what was not scored."""
    return Evaluation(
        categories=CATEGORIES,
        per_document=list(per_document),
        total={c: sum((d.scores[c] for d in per_document), Scores()) for c in CATEGORIES},
        checks={c: sum(d.checks.get(c, 0) for d in per_document) for c in checks},
        missing_gold=list(missing),
        errors=list(errors),
    )
