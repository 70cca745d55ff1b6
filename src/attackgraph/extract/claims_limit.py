"""The claims limit: how many of a document's claims are kept, and the warning when it cuts.

Converting is linear in the figures the claims hold (each becomes a node with its count,
group and outcome, validated and published), so the limit counts a claim once per figure,
at least once: an infobox line of 3,000 figures with no source is one claim, but 3,000
towards the limit. A claim fits whole or is left out whole: it is never published with
only some of its figures.

Both readers use it: the infobox's casualty lines
(:func:`~attackgraph.extract.infobox.read_infobox`) and then the prose
(:func:`~attackgraph.extract.prose.read_prose`), with what the infobox left of the limit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

from attackgraph.model import ClaimRecord, Problem

RULE: Final = "limit/claims"
"""The warning of a document whose claims went past the claims limit."""


def weight(claims: Iterable[ClaimRecord]) -> int:
    """What ``claims`` count towards the limit: each once per figure, at least once.

    >>> from attackgraph.model import ClaimKind
    >>> weight([ClaimRecord(kind=ClaimKind.RESPONSIBILITY, about="main", evidence=())])
    1
    """
    return sum(max(1, len(claim.figures)) for claim in claims)


def kept(claims: Sequence[ClaimRecord], limit: int) -> int:
    """How many of ``claims``, from the first, fit within ``limit``.

    >>> from attackgraph.model import ClaimKind
    >>> one = ClaimRecord(kind=ClaimKind.RESPONSIBILITY, about="main", evidence=())
    >>> kept([one] * 5, 3), kept([one] * 2, 3)
    (3, 2)
    """
    used = 0
    for k, claim in enumerate(claims):
        used += weight((claim,))
        if used > limit:
            return k
    return len(claims)


def reached(source: str, line: int, limit: int) -> Problem:
    """The warning of a document whose claims went past ``limit`` at ``line``.

    >>> str(reached("a.txt", 9, 5000))
    'a.txt:9: limit/claims: more than 5,000 claims (a claim counts once per figure): the \
claims within the limit are kept and the text from this line on is not read \
(--claims-limit changes the limit)'
    """
    return Problem(
        source,
        line,
        RULE,
        f"more than {limit:,} claims (a claim counts once per figure): the claims within "
        "the limit are kept and the text from this line on is not read (--claims-limit "
        "changes the limit)",
    )
