"""Integrity checks: counts of things that must never happen (the target is zero).

- ``evidence_mismatch``: a claim's evidence span whose ``text`` is not
  ``doc.text[begin:end]`` (or whose offsets fall outside the text);
- ``figure_outside_evidence``: a figure whose span is not inside one of its claim's
  evidence spans, or whose number words (``Quantity.text``) are not in that evidence;
- ``span_mismatch``: the same test as ``evidence_mismatch`` for every other span the
  extraction carries (figures, actor and place mentions, claim sources);
- ``gold_sentence_not_found``: a gold ``sentence`` that is not a substring of the
  document (a gold problem, counted so that it is seen).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from attackgraph.evaluate.gold import Gold
from attackgraph.model import ClaimRecord, Extraction, Figure, Span

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


def figure_in_evidence(figure: Figure, claim: ClaimRecord, text: str) -> bool:
    """The figure lies inside an evidence span whose text holds its number words."""
    for evidence in claim.evidence:
        if evidence.begin <= figure.span.begin and figure.span.end <= evidence.end:
            if figure.quantity.text in text[evidence.begin : evidence.end]:
                return True
    return False


def _other_spans(extraction: Extraction) -> Iterator[Span]:
    for side in extraction.sides:
        yield from (m.span for m in (*side.actors, *side.commanders))
        yield from (*side.strength, *side.units)
    for event in extraction.all_events():
        yield from (m.span for m in event.perpetrators)
        yield from (span for _, span in event.properties)
    yield from (p.span for p in extraction.places)
    yield from (r.span for r in extraction.raw)
    for claim in extraction.claims:
        yield from (f.span for f in claim.figures)
        yield from (m.span for m in (claim.source, claim.via) if m is not None)


def run_checks(extraction: Extraction, gold: Gold | None = None) -> dict[str, int]:
    """Count every integrity problem of one extraction (and of its gold, when given).

    >>> from attackgraph.parse import parse
    >>> from attackgraph.extract import extract
    >>> doc = parse(b"= Raid =\\n\\nInfobox\\n- Deaths: 3\\n\\nA raid.\\n", "raid.txt")
    >>> run_checks(extract(doc))
    {'evidence_mismatch': 0, 'figure_outside_evidence': 0, 'span_mismatch': 0, 'gold_sentence_not_found': 0}
    """  # noqa: E501
    text = extraction.document.text
    counts = dict.fromkeys(CHECKS, 0)
    for claim in extraction.claims:
        counts["evidence_mismatch"] += sum(not span_ok(s, text) for s in claim.evidence)
        counts["figure_outside_evidence"] += sum(
            not figure_in_evidence(f, claim, text) for f in claim.figures
        )
    counts["span_mismatch"] = sum(not span_ok(s, text) for s in _other_spans(extraction))
    if gold is not None:
        sentences = [e.text for e in (*gold.claims, *gold.unattributed_casualties)]
        counts["gold_sentence_not_found"] = sum(s not in text for s in sentences)
    return counts
