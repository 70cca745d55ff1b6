"""The errors attackgraph raises on purpose, all under :class:`AttackgraphError`, and the
:class:`Problem` (``file:line: rule: message``) an input error carries.

``cli.Commands`` turns them into click errors in one place; anything else that escapes the
library is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, rendered as ``file:line: rule-id: message``.

    >>> str(Problem("a.txt", 3, "parse/duplicate-key", "key 'Date' appears twice"))
    "a.txt:3: parse/duplicate-key: key 'Date' appears twice"
    """

    source: str
    line: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.rule}: {self.message}"


class AttackgraphError(Exception):
    """The root of every error attackgraph raises on purpose, with a message for people.

    Catch this one to handle them all; ``cli.Commands`` turns it into a click error in one
    place. Anything else that escapes the library is a bug and keeps its traceback.
    Errors that used to be a ``ValueError`` or ``RuntimeError`` still are one too.

    >>> issubclass(InputError, AttackgraphError), issubclass(OptionError, ValueError)
    (True, True)
    """


class OptionError(AttackgraphError, ValueError):
    """An option the caller gave that cannot be used: a base IRI, a date, a file type.

    >>> str(OptionError("not a usable base IRI: 'x'"))
    "not a usable base IRI: 'x'"
    """


class InputError(AttackgraphError):
    """A document (or file) that cannot be processed; carries the :class:`Problem`."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem
