"""Integrity checks on what a document publishes: counts of things that must never happen.

- ``evidence_mismatch``: a claim's evidence span whose ``nif:anchorOf`` is not the
  published text between its ``nif:beginIndex`` and ``nif:endIndex``;
- ``figure_outside_evidence``: a figure whose words as stated (``ag:statedAs``) are
  not in the text of any of its claim's evidence spans;
- ``span_mismatch``: the same test as ``evidence_mismatch`` for every other published
  text span;
- ``gold_sentence_not_found``: a gold ``sentence`` that is not a substring of the
  document (a gold problem, counted so that it is seen).

The target is zero for each.
"""

from __future__ import annotations

from typing import Final

from attackgraph.evaluate.gold import Gold
from attackgraph.evaluate.published import PublishedClaim, PublishedDocument, PublishedFigure
from attackgraph.model import Span

CHECKS: Final = (
    "evidence_mismatch",
    "figure_outside_evidence",
    "span_mismatch",
    "gold_sentence_not_found",
)


def span_ok(span: Span, text: str) -> bool:
    """Whether ``span`` points at its own text in ``text``.

    >>> span_ok(Span(2, 5, "ray", 1), "a raid"), span_ok(Span(2, 5, "rai", 1), "a raid")
    (False, True)
    """
    return 0 <= span.begin <= span.end <= len(text) and text[span.begin : span.end] == span.text


def figure_in_evidence(figure: PublishedFigure, claim: PublishedClaim, text: str) -> bool:
    """The figure's words as stated are in ``text`` within one of its claim's evidence spans.

    >>> from attackgraph.model import ClaimKind, Quantity
    >>> figure = PublishedFigure(Quantity(3, None, None, False, "3 killed"), "total", None,
    ...                          "killed")
    >>> claim = PublishedClaim(ClaimKind.CASUALTIES, (Span(0, 9, "3 killed.", 1),), (),
    ...                        (figure,))
    >>> figure_in_evidence(figure, claim, "3 killed."), figure_in_evidence(figure, claim, "")
    (True, False)
    """
    return any(figure.quantity.text in text[s.begin : s.end] for s in claim.evidence)


def run_checks(published: PublishedDocument, gold: Gold | None = None) -> dict[str, int]:
    """Count every integrity problem of one published document (and of its gold, if given).

    >>> import pathlib, tempfile
    >>> from attackgraph.evaluate.published import read_document
    >>> from attackgraph.pipeline import BuildOptions, Converter
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "raid.txt")
    ...     _ = path.write_text("= Raid =\\n\\nInfobox\\n- Deaths: 3\\n\\nA raid.\\n")
    ...     quads = Converter(BuildOptions()).convert(path).quads
    >>> run_checks(read_document(quads))
    {'evidence_mismatch': 0, 'figure_outside_evidence': 0, 'span_mismatch': 0, 'gold_sentence_not_found': 0}
    """  # noqa: E501
    text = published.document.text
    counts = dict.fromkeys(CHECKS, 0)
    for claim in published.claims:
        counts["evidence_mismatch"] += sum(not span_ok(s, text) for s in claim.evidence)
        counts["figure_outside_evidence"] += sum(
            not figure_in_evidence(f, claim, text) for f in claim.figures
        )
    counts["span_mismatch"] = sum(not span_ok(s, text) for s in published.other_spans)
    if gold is not None:
        sentences = [e.text for e in (*gold.claims, *gold.unattributed_casualties)]
        counts["gold_sentence_not_found"] = sum(s not in text for s in sentences)
    return counts
