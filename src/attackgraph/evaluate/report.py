"""Scores and how they are shown: a table for people, stable JSON for machines."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Final

SHORT: Final = {
    "infobox_figures": "ibx",
    "infobox_figures_strict": "ibx+",
    "attributed_claims": "attr",
    "claims_any_kind": "kind",
    "unattributed_figures": "unatt",
    "dates": "date",
    "places": "place",
    "actors": "actor",
    "country": "ctry",
}
"""Column headings of the per-document table."""


@dataclass(frozen=True)
class Scores:
    """Counts of one category, with precision, recall and F1 (``None`` when undefined).

    >>> s = Scores(tp=2, fp=1, fn=1)
    >>> round(s.precision or 0, 3), round(s.recall or 0, 3), round(s.f1 or 0, 3)
    (0.667, 0.667, 0.667)
    >>> Scores(0, 0, 0).f1 is None, Scores(0, 0, 3).precision is None, Scores(0, 0, 3).f1
    (True, True, 0.0)
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Scores) -> Scores:
        return Scores(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """2·TP / (2·TP + FP + FN): defined whenever there is anything to count."""
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else None

    def as_dict(self) -> dict[str, int | float | None]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
        }


@dataclass(frozen=True)
class Miss:
    """One fact left unmatched: what it is, and the sentence it was read from (or ``""``)."""

    fact: str
    sentence: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"fact": self.fact, "sentence": self.sentence}


@dataclass(frozen=True)
class Unmatched:
    """The facts left unmatched in one category: the errors to look at.

    ``predicted`` are false positives (published, not in gold), ``gold`` false negatives.
    """

    predicted: tuple[Miss, ...] = ()
    gold: tuple[Miss, ...] = ()


@dataclass(frozen=True)
class DocumentScores:
    """One document's scores per category, its integrity counts, and what did not match."""

    document: str
    scores: dict[str, Scores]
    checks: dict[str, int]
    unmatched: dict[str, Unmatched] = field(default_factory=dict)


@dataclass(frozen=True)
class Evaluation:
    """The result of one evaluation run (see :func:`attackgraph.evaluate.evaluate`)."""

    categories: tuple[str, ...]
    per_document: list[DocumentScores]
    total: dict[str, Scores]
    """Micro-averaged: counts summed over documents, then P/R/F1."""
    checks: dict[str, int]
    missing_gold: list[str] = field(default_factory=list)
    """Documents without a ``NAME.gold.json``: not scored."""
    errors: list[str] = field(default_factory=list)
    """Gold files that could not be read and documents the converter skipped: not scored."""

    @property
    def ok(self) -> bool:
        """Every document scored and every integrity count zero."""
        return not self.missing_gold and not self.errors and not any(self.checks.values())

    def format_table(self) -> str:
        """A document × category F1 table, the totals with P/R/F1/TP/FP/FN, then checks.

        >>> e = Evaluation(("dates",), [DocumentScores("a", {"dates": Scores(1, 1, 0)}, {})],
        ...                {"dates": Scores(1, 1, 0)}, {"span_mismatch": 0})
        >>> print(e.format_table())
        document  date
        a         0.67
        <BLANKLINE>
        category  P     R     F1    TP  FP  FN
        dates     0.50  1.00  0.67   1   1   0
        <BLANKLINE>
        checks: span_mismatch=0
        """
        heads = [SHORT.get(c, c) for c in self.categories]
        rows = [
            [d.document, *(_show(d.scores[c].f1) for c in self.categories)]
            for d in self.per_document
        ]
        lines = _grid(["document", *heads], rows)
        lines.append("")
        totals = [
            [
                c,
                _show(s.precision),
                _show(s.recall),
                _show(s.f1),
                str(s.tp),
                str(s.fp),
                str(s.fn),
            ]
            for c, s in ((c, self.total[c]) for c in self.categories)
        ]
        lines += _grid(["category", "P", "R", "F1", "TP", "FP", "FN"], totals, frozenset({4, 5, 6}))
        if self.checks:
            lines += ["", "checks: " + " ".join(f"{k}={v}" for k, v in self.checks.items())]
        lines += [f"missing gold: {name}" for name in self.missing_gold]
        lines += [f"error: {message}" for message in self.errors]
        return "\n".join(lines)

    def format_misses(self, categories: tuple[str, ...] | None = None) -> str:
        """Per document and category, each false negative and false positive with its sentence.

        ``categories`` limits the report (default: every category); documents and
        categories without a miss are left out.

        >>> miss = Miss("killed 4 by police", "Police said four died.")
        >>> e = Evaluation(("attributed_claims",), [DocumentScores("a",
        ...     {"attributed_claims": Scores(0, 0, 1)}, {},
        ...     {"attributed_claims": Unmatched(gold=(miss,))})], {}, {})
        >>> print(e.format_misses())
        == a
        attributed_claims
          FN killed 4 by police
             | Police said four died.
        """
        wanted = self.categories if categories is None else categories
        lines: list[str] = []
        for doc in self.per_document:
            body: list[str] = []
            for category in wanted:
                unmatched = doc.unmatched.get(category, Unmatched())
                if not unmatched.gold and not unmatched.predicted:
                    continue
                body.append(category)
                for tag, misses in (("FN", unmatched.gold), ("FP", unmatched.predicted)):
                    for miss in misses:
                        body.append(f"  {tag} {miss.fact}")
                        body += [f"     | {miss.sentence}"] if miss.sentence else []
            if body:
                lines += [f"== {doc.document}", *body]
        return "\n".join(lines)

    def to_json(self) -> str:
        """The whole evaluation as JSON: sorted keys, rounded floats, same bytes each run.

        >>> e = Evaluation(("country",), [], {"country": Scores(1, 0, 0)}, {})
        >>> print(e.to_json())  # doctest: +ELLIPSIS
        {
          "categories": [
            "country"
          ],
          "checks": {},
          "documents": [],
          ...
        """
        data = {
            "categories": list(self.categories),
            "total": {c: self.total[c].as_dict() for c in self.categories},
            "checks": self.checks,
            "documents": [
                {
                    "document": d.document,
                    "scores": {c: d.scores[c].as_dict() for c in self.categories},
                    "checks": d.checks,
                    "unmatched": {
                        c: {
                            "predicted": [m.as_dict() for m in u.predicted],
                            "gold": [m.as_dict() for m in u.gold],
                        }
                        for c, u in d.unmatched.items()
                        if u.predicted or u.gold
                    },
                }
                for d in self.per_document
            ],
            "missing_gold": self.missing_gold,
            "errors": self.errors,
        }
        return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _show(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _grid(head: list[str], rows: list[list[str]], right: frozenset[int] = frozenset()) -> list[str]:
    """Columns padded to their widest cell; the columns in ``right`` right-aligned."""
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]

    def line(cells: list[str]) -> str:
        padded = (
            cell.rjust(width) if i in right else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        )
        return "  ".join(padded).rstrip()

    return [line(head), *(line(r) for r in rows)]
