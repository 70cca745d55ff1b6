"""Ranks of claims, as in Wikidata: preferred, normal, deprecated.

:func:`assign_ranks` applies the rule to any claims of one document (prose and infobox
alike):

- a claim of the document itself (no source) is *preferred*, unless a named source in
  the same document gives a contradicting figure for the same (event, group,
  outcome, subgroup) - then it is *normal*. A subgroup ("thirty of them British",
  ``Figure.qualifier``) is compared only with the same subgroup, so it never demotes
  the document's total. Figures contradict when the values they allow do not
  overlap: "20" and "31" do; "20" and "at least 18" do not; a vague amount
  ("dozens") contradicts nothing;
- a claim with a source is *normal*;
- a claim already *deprecated* (by another stage) stays so.

Disagreement is data: every claim is kept, whatever its rank.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from attackgraph.model import ClaimRecord, Figure, Rank

__all__ = ["assign_ranks"]


def _interval(figure: Figure) -> tuple[float, float] | None:
    """The values a figure allows; ``None`` for a vague one (it contradicts nothing)."""
    q = figure.quantity
    if q.value is not None:
        return float(q.value), float(q.value)
    if q.minimum is None and q.maximum is None:
        return None
    low = float(q.minimum) if q.minimum is not None else 0.0
    return low, float(q.maximum) if q.maximum is not None else float("inf")


def _contradicts(a: Figure, b: Figure) -> bool:
    """Whether two figures cannot both be right: their allowed values do not overlap
    ("at least 34" and "34" agree; "100" and "132" do not)."""
    x, y = _interval(a), _interval(b)
    return x is not None and y is not None and (x[1] < y[0] or y[1] < x[0])


def _key(claim: ClaimRecord, figure: Figure) -> tuple[str, str, str, str | None]:
    """What a figure counts: a subgroup ("thirty of them British") is its own count."""
    return claim.about, figure.group, figure.outcome, figure.qualifier


def assign_ranks(claims: Sequence[ClaimRecord]) -> tuple[ClaimRecord, ...]:
    """Ranks by the rule in the module docstring; works on infobox and prose claims alike.

    "A different figure" means one that contradicts it: "at least 34" and "34" agree,
    "100" and "132" do not, a vague amount ("dozens") contradicts nothing.

    >>> from attackgraph.model import ActorMention, ClaimKind, Quantity, Span
    >>> s = Span(0, 9, "six died.", 1)
    >>> fig = lambda n: Figure(Quantity(n, None, None, False, str(n)), "total", "killed", s)
    >>> doc_claim = ClaimRecord(ClaimKind.CASUALTIES, "main", (s,), figures=(fig(6),))
    >>> army = ClaimRecord(ClaimKind.CASUALTIES, "main", (s,), ActorMention("army", s),
    ...                    figures=(fig(9),))
    >>> [c.rank.value for c in assign_ranks([doc_claim])]
    ['preferred']
    >>> [c.rank.value for c in assign_ranks([doc_claim, army])]
    ['normal', 'normal']
    """
    stated: dict[tuple[str, str, str, str | None], list[Figure]] = {}
    for claim in claims:
        if claim.source is not None:
            for figure in claim.figures:
                stated.setdefault(_key(claim, figure), []).append(figure)
    ranked = []
    for claim in claims:
        rank = claim.rank
        if rank is not Rank.DEPRECATED:
            rank = Rank.NORMAL if claim.source is not None else Rank.PREFERRED
            for figure in claim.figures if claim.source is None else ():
                others = stated.get(_key(claim, figure), [])
                if any(_contradicts(figure, other) for other in others):
                    rank = Rank.NORMAL
        ranked.append(replace(claim, rank=rank))
    return tuple(ranked)
