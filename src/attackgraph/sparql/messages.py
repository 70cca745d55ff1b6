"""SPARQL syntax errors as people read them: the line, a caret, and for an unknown
prefix its name and the prefixes that are predeclared.

pyoxigraph reports ``error at LINE:COLUMN: expected …`` with the column in UTF-8 bytes
and, for an undeclared prefix, a list of Unicode ranges with the position after the
prefixed name; both are turned into one line a user can act on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

_POSITION: Final = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
_PREFIXED: Final = re.compile(r"(?<![\w<?$:])([A-Za-z][\w.-]*)?:(?=[\w\\%]|\s|$)")
_DECLARED: Final = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)


def syntax_message(sparql: str, message: str, prefixes: Mapping[str, str] = {}) -> str:  # noqa: B006 - read only
    """pyoxigraph's message with the offending line and a caret under the column.

    >>> print(syntax_message("SELECT * WHERE {\\n  \\"é\\" ?p }", "error at 2:11: expected X"))
    SPARQL syntax error at line 2, column 10: expected X
      "é" ?p }
             ^
    >>> text = syntax_message("SELECT * { ?s dbo:x ?o }", "error at 1:20: Prefix not found",
    ...                       {"ag": "https://e/ag#", "schema": "https://schema.org/"})
    >>> print(text.replace(" — ", "\\n"))
    SPARQL syntax error at line 1, column 15: unknown prefix dbo:
    predeclared: ag:, schema: (or declare it: PREFIX dbo: <…>)
    SELECT * { ?s dbo:x ?o }
                  ^
    """
    match = _POSITION.match(message)
    if match is None:
        return f"SPARQL syntax error: {message}"
    line_no, byte_col, detail = int(match[1]), int(match[2]), match[3]
    lines = sparql.split("\n")
    if not 1 <= line_no <= len(lines):
        return f"SPARQL syntax error at line {line_no}: {detail}"
    line = lines[line_no - 1].rstrip("\r")
    # pyoxigraph counts columns in UTF-8 bytes
    before = line.encode("utf-8")[: byte_col - 1].decode("utf-8", errors="ignore")
    column = len(before)
    if "Prefix not found" in detail:
        unknown = _unknown_prefix(sparql, line, column, prefixes)
        if unknown is not None:
            name, column = unknown
            known = ", ".join(f"{p}:" for p in prefixes) or "none"
            detail = (
                f"unknown prefix {name}: — predeclared: {known} (or declare it: PREFIX {name}: <…>)"
            )
            before = line[:column]
    caret = "".join("\t" if ch == "\t" else " " for ch in before) + "^"
    return f"SPARQL syntax error at line {line_no}, column {column + 1}: {detail}\n{line}\n{caret}"


def _unknown_prefix(
    sparql: str, line: str, column: int, prefixes: Mapping[str, str]
) -> tuple[str, int] | None:
    """The undeclared prefix nearest before ``column`` on ``line``, with its start."""
    declared = {m[1] or "" for m in _DECLARED.finditer(sparql)} | set(prefixes)
    found = None
    for match in _PREFIXED.finditer(line):
        if match.start() > column:
            break
        name = match[1] or ""
        if name not in declared:
            found = (name, match.start())
    return found
