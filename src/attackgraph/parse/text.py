"""Parse stage, first step: the bytes of one document -> its normalised text.

A leading UTF-8 BOM is dropped, CRLF and lone CR become LF, then the text is
NFC-normalised; bytes that are not UTF-8, control characters, an empty document and a
file over the size limit are refused (rules in :mod:`attackgraph.parse`).

>>> decode(b"\\xef\\xbb\\xbf= Raid =\\r\\nA raid.\\r\\n", "raid.txt", MAX_BYTES)
'= Raid =\\nA raid.\\n'
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import PurePath
from typing import Final, NoReturn

from attackgraph.errors import InputError, Problem

__all__ = ["MAX_BYTES", "decode", "display_path", "fail", "too_large"]

MAX_BYTES: Final = 5 * 1024 * 1024
"""Default size limit of one input file, in bytes."""

_BOM: Final = "\ufeff"
_CONTROL_IN_NAME: Final = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_UTF16_BOMS: Final = (b"\xff\xfe", b"\xfe\xff")


def display_path(path: PurePath | str) -> str:
    """The path as text that is always valid Unicode and one line: bytes of a file name
    that are not UTF-8 are shown escaped (``\\xff``), never kept as lone surrogates, and
    so are control characters (a line break in a name would split ``file:line: rule``).

    >>> display_path(PurePath(os.fsdecode(b"in/caf\\xe9.txt")))
    'in/caf\\\\xe9.txt'
    >>> display_path("in/café.txt"), display_path("in/line\\nbreak.txt")
    ('in/café.txt', 'in/line\\\\nbreak.txt')
    """
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _CONTROL_IN_NAME.sub(lambda m: repr(m.group())[1:-1], text)


def fail(source: str, line: int, rule: str, message: str) -> NoReturn:
    raise InputError(Problem(source, line, rule, message))


def too_large(source: str, size: int, max_bytes: int) -> NoReturn:
    message = f"the file is {size:,} bytes, more than the limit of {max_bytes:,} bytes"
    fail(source, 1, "parse/too-large", message)


def _position(before: str) -> tuple[int, int]:
    """1-based (line, column) of the character after ``before`` (LF, CRLF, CR breaks)."""
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    column = len(before) - max(before.rfind("\n"), before.rfind("\r"))
    return line, column


def decode(data: bytes, source: str, max_bytes: int) -> str:
    if len(data) > max_bytes:
        too_large(source, len(data), max_bytes)
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line, _ = _position(data[: err.start].decode("utf-8"))
        hint = " (a UTF-16 byte-order mark)" if data.startswith(_UTF16_BOMS) else ""
        message = f"not valid UTF-8: byte 0x{data[err.start]:02X} at byte offset {err.start}"
        fail(source, line, "parse/encoding", f"{message} ({err.reason}){hint}; expected UTF-8")
    raw = raw.removeprefix(_BOM)
    bad = _CONTROL.search(raw)
    if bad is not None:
        line, column = _position(raw[: bad.start()])
        message = f"control character U+{ord(bad.group()):04X} at column {column}"
        fail(source, line, "parse/control-character", f"{message}; only tab and line breaks")
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        what = "is empty" if not data else "contains only whitespace"
        fail(source, 1, "parse/empty", f"the document {what}; expected '= Title =' first")
    return text
