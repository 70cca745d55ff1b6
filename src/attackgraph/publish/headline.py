"""The headline death toll of an event: the one number the index and the event page show.

It is the document's preferred total, never a subgroup nor a vague amount:

1. the killed figure of population group ``total`` of the best-ranked claim (preferred
   first; among equals the claim read first), when it has a number: no subgroup
   (``ag:groupQualifier``: "thirty of them British") and no vague amount ("many");
2. else, over the population groups, the killed figure of the first claim of the best
   rank that has any, per group, summed (per group, the sum over sides or the figure
   without a side, whichever is larger); the attackers are left out, and so are the
   militants when the event names its perpetrators or its dead include hostages (the
   hostage-takers of a siege are not counted with their victims);
3. else nothing: the index shows an empty cell, never "?".

A range ("38–40") or a bound ("175+") is shown as written; sums use the lower end.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from attackgraph.publish.data import Claim, Figure
from attackgraph.publish.whosaid import figure_text

__all__ = ["deaths_headline"]

_RANKS: Final = {"preferred": 0, "normal": 1, "deprecated": 2}


def deaths_headline(claims: Sequence[Claim], *, perpetrated: bool) -> tuple[int | None, str]:
    """(number to sort by, text to show) of the event's deaths; ``(None, "")`` if none.

    ``claims`` are the claims about the event; ``perpetrated`` says whether the event
    names perpetrators (then militants are not counted among its dead).

    >>> def fig(group, value=None, low=None, high=None, qualifier=None):
    ...     return Figure("f", "c/" + group, None, "c/killed", value, low, high, None, None,
    ...                   None, None, qualifier)
    >>> def claim(n, rank, *figures):
    ...     return Claim(f"claim/d-{n}", "e", ("d",), None, None, None, "c/" + rank, (),
    ...                  figures, None)
    >>> deaths_headline([claim(1, "preferred", fig("total", 38)),
    ...                  claim(2, "preferred", fig("total", 30, qualifier="British"))],
    ...                 perpetrated=True)
    (38, '38')
    >>> deaths_headline([claim(1, "preferred", fig("hostages", low=38, high=40)),
    ...                  claim(2, "preferred", fig("militants", 29)),
    ...                  claim(3, "preferred", fig("total"))], perpetrated=True)
    (38, '38–40')
    >>> deaths_headline([claim(1, "preferred", fig("soldiers", 11), fig("militants", 100))],
    ...                 perpetrated=False)
    (111, '111')
    """
    ordered = sorted(claims, key=lambda c: (_rank(c), _number(c.iri), c.iri))
    counted = [(_rank(c), f) for c in ordered for f in c.figures if _counts(f)]
    for _, f in counted:
        if _group(f) == "total":
            return _low(f), figure_text(f)
    top = min((rank for rank, _ in counted), default=None)
    kept = [f for rank, f in counted if rank == top]
    perpetrated = perpetrated or any(_group(f) == "hostages" for f in kept)
    best: dict[tuple[str | None, str | None], Figure] = {}
    for f in kept:
        if _group(f) != "attackers" and not (perpetrated and _group(f) == "militants"):
            best.setdefault((f.group, f.side or f.actor), f)
    if not best:
        return None, ""
    if len(best) == 1:
        (only,) = best.values()
        return _low(only), figure_text(only)
    total = _group_sum(best)
    return total, "" if total is None else str(total)


def _counts(f: Figure) -> bool:
    """A killed figure with a number that counts a whole group, not a subgroup."""
    return (f.outcome or "").endswith("/killed") and f.qualifier is None and _low(f) is not None


def _group(f: Figure) -> str:
    return (f.group or "").rsplit("/", 1)[-1]


def _group_sum(best: dict[tuple[str | None, str | None], Figure]) -> int | None:
    """Killed over all groups: per group, the sum over sides or the figure stated without
    a side, whichever is larger (the same dead are often counted both ways).

    >>> def f(v: int) -> Figure:
    ...     none = (None,) * 6
    ...     return Figure("f", "c/soldiers", None, "c/killed", v, *none)
    >>> _group_sum({("s", "1"): f(15), ("s", None): f(15), ("c", None): f(6)})
    21
    """
    by_group: dict[str | None, tuple[int, int]] = {}
    found = False
    for (group, side), figure in best.items():
        value = _low(figure)
        if value is None:
            continue
        found = True
        sided, unsided = by_group.get(group, (0, 0))
        if side is None:
            unsided = max(unsided, value)
        else:
            sided += value
        by_group[group] = (sided, unsided)
    return sum(max(pair) for pair in by_group.values()) if found else None


def _low(f: Figure) -> int | None:
    return f.value if f.value is not None else f.low if f.low is not None else f.high


def _rank(claim: Claim) -> int:
    return _RANKS.get((claim.rank or "").rsplit("/", 1)[-1], 3)


def _number(iri: str) -> int:
    tail = iri.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 0
