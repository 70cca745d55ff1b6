"""Per-document isolation: whatever goes wrong converting one document stays with it.

A bug or an input nobody foresaw must not cost the other documents of a run: the
converter turns any exception into a :class:`~attackgraph.errors.Problem` with the rule
``internal/error`` naming the exception type, and the document is skipped.
"""

from __future__ import annotations

from typing import Final

from attackgraph.model import Problem

INTERNAL_ERROR: Final = "internal/error"
MAX_MESSAGE: Final = 300


def internal_problem(source: str, error: BaseException, line: int = 1) -> Problem:
    """The problem reported for an unexpected exception while converting ``source``.

    The message is one line, the exception type first, cut to a readable length.

    >>> str(internal_problem("a.txt", OverflowError("int too large")))
    'a.txt:1: internal/error: OverflowError: int too large'
    >>> len(internal_problem("a.txt", ValueError("x" * 10_000)).message) <= MAX_MESSAGE
    True
    """
    text = " ".join(str(error).split()) or "(no message)"
    message = f"{type(error).__name__}: {text}"
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 1] + "…"
    return Problem(source, line, INTERNAL_ERROR, message)
