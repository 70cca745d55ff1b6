"""Parse stage: the bytes of one document -> :class:`~attackgraph.model.Document`.

The input format (see the corpus README)::

    = Title =

    Infobox
    - Key: Value

    Lead paragraph, possibly
    over several lines.

    == Heading ==
    Paragraph.
    - a bulleted line

    === Sub-heading ===

Text: a leading UTF-8 BOM is dropped, CRLF and lone CR become LF, then the text is
NFC-normalised. Offsets are code points into ``Document.text`` (end exclusive);
``Span.line`` is the 1-based line of the input file (normalising keeps line numbers).

Reading rules:

- The first non-blank line is the title ``= Title =`` (one ``=`` each side).
- An ``Infobox`` line may follow; each line after it up to the first blank line must be
  ``- Key: Value``. A key starts with a letter and has only letters, digits, spaces and
  ``-_()/'.&`` (at most 60); its spelling is kept (the converter maps variants). An
  empty value (``- Motive:``) is kept as ``""``, with an empty ``value_span`` at the
  end of the line. Every key is single-valued, as in MediaWiki (a repeated template
  parameter is an error there too); keys are compared case-insensitively, ignoring
  spaces and underscores (``Part of`` = ``Partof`` = ``part_of``).
- Then lead blocks, then sections ``== Heading ==`` of any depth (two or more ``=``),
  each up to the next heading. A block is a paragraph (consecutive non-blank lines,
  one span from its first to its last character, ``line`` its first line) or a
  bulleted line ``- text`` (span without the ``- ``; a bare ``-`` gives no block).
- Any line starting with ``=`` is a heading, so a malformed one is an error, not prose.

Errors are :class:`~attackgraph.errors.InputError` carrying a
:class:`~attackgraph.errors.Problem` (``file:line: rule-id: message``); any bytes give a
``Document`` or one of these, never another exception.

| rule id | meaning |
| --- | --- |
| `parse/unreadable` | `parse_file` cannot read the file (missing, a folder, no permission); line 1 |
| `parse/too-large` | more bytes than `max_bytes` (default 5 MiB); line 1 |
| `parse/encoding` | not UTF-8; the line and byte offset of the first bad byte |
| `parse/control-character` | a C0 control other than tab/LF/CR (NUL, form feed ...), DEL, or a C1 control (U+0080-U+009F, a sign of mis-decoded text) |
| `parse/empty` | no bytes, or only whitespace; line 1 |
| `parse/line-too-long` | a line of more than 100,000 code points |
| `parse/missing-title` | the first non-blank line is not `= Title =`, or the title is empty |
| `parse/heading` | a heading with unbalanced `=` marks, no text, or one `=` (a second title) |
| `parse/infobox-syntax` | an infobox line that is not `- Key: Value` (no colon, empty or malformed key); `Infobox` anywhere but right after the title; the lead starting with a `- Key: Value` bullet (entries after a blank line, or without the `Infobox` line) |
| `parse/duplicate-key` | an infobox key given twice; at the second, naming the line of the first |
"""  # noqa: E501

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from pathlib import Path, PurePath
from typing import Final, NoReturn

from attackgraph.model import (
    Block,
    BlockKind,
    Document,
    InfoboxEntry,
    InputError,
    Problem,
    Section,
    Span,
)

MAX_BYTES: Final = 5 * 1024 * 1024
"""Default size limit of one input file, in bytes."""
MAX_LINE: Final = 100_000
"""Longest line accepted, in code points."""
MAX_KEY: Final = 60
"""Longest infobox key accepted, in code points."""

_BOM: Final = "\ufeff"
_CONTROL_IN_NAME: Final = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_KEY_PUNCTUATION: Final = frozenset(" -_()/'.&")
_UTF16_BOMS: Final = (b"\xff\xfe", b"\xfe\xff")
_PARAGRAPH: Final = BlockKind.PARAGRAPH


def parse(
    data: bytes, source: str, *, doc_id: str | None = None, max_bytes: int = MAX_BYTES
) -> Document:
    """Parse one document from its bytes.

    ``source`` is the path as the user gave it (used in messages); ``doc_id``
    defaults to its file name without extension.

    Raises :class:`~attackgraph.errors.InputError` for bad input (rules in the
    module docstring), and nothing else whatever the bytes.

    >>> doc = parse(b"= Raid on Tamba =\\n\\nInfobox\\n- Date: 1 May 2020\\n\\nA raid.\\n"
    ...             b"\\n== Reactions ==\\n- Condemned.\\n", "raids/tamba.txt")
    >>> doc.doc_id, doc.title.text, [(e.key, e.value, e.line) for e in doc.infobox]
    ('tamba', 'Raid on Tamba', [('Date', '1 May 2020', 4)])
    >>> [(b.kind.value, b.span.text) for b in doc.blocks()]
    [('paragraph', 'A raid.'), ('bullet', 'Condemned.')]
    >>> parse(b"A raid.\\n", "tamba.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    attackgraph.errors.InputError: tamba.txt:1: parse/missing-title: expected the title ...
    """
    text = _decode(data, source, max_bytes)
    parser = _Parser(text, source)
    title, infobox, lead, sections = parser.run()
    return Document(
        doc_id=doc_id if doc_id is not None else PurePath(source).stem,
        source=source,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        title=title,
        infobox=infobox,
        lead=lead,
        sections=sections,
    )


def parse_file(path: Path, *, doc_id: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Read and parse one document file; ``doc_id`` defaults to the file name without
    extension.

    Reads at most ``max_bytes + 1`` bytes, so a huge file is refused without loading it.
    Raises :class:`~attackgraph.errors.InputError` for bad input and for a file that
    cannot be read (``parse/unreadable``).

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "raid-on-tamba.txt")
    ...     _ = path.write_bytes(b"= Raid on Tamba =\\r\\nA raid.\\r\\n")
    ...     doc = parse_file(path)
    >>> doc.doc_id, doc.text
    ('raid-on-tamba', '= Raid on Tamba =\\nA raid.\\n')
    """
    source = display_path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(max(max_bytes, 0) + 1)
            size = os.fstat(handle.fileno()).st_size
    except OSError as err:
        _fail(source, 1, "parse/unreadable", f"cannot read the file: {err.strerror or err}")
    if len(data) > max_bytes:
        _too_large(source, max(size, len(data)), max_bytes)
    doc_id = PurePath(source).stem if doc_id is None else doc_id
    return parse(data, source, doc_id=doc_id, max_bytes=max_bytes)


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


# ---------------------------------------------------------------------------
# bytes -> text


def _fail(source: str, line: int, rule: str, message: str) -> NoReturn:
    raise InputError(Problem(source, line, rule, message))


def _too_large(source: str, size: int, max_bytes: int) -> NoReturn:
    message = f"the file is {size:,} bytes, more than the limit of {max_bytes:,} bytes"
    _fail(source, 1, "parse/too-large", message)


def _position(before: str) -> tuple[int, int]:
    """1-based (line, column) of the character after ``before`` (LF, CRLF, CR breaks)."""
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    column = len(before) - max(before.rfind("\n"), before.rfind("\r"))
    return line, column


def _decode(data: bytes, source: str, max_bytes: int) -> str:
    if len(data) > max_bytes:
        _too_large(source, len(data), max_bytes)
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line, _ = _position(data[: err.start].decode("utf-8"))
        hint = " (a UTF-16 byte-order mark)" if data.startswith(_UTF16_BOMS) else ""
        message = f"not valid UTF-8: byte 0x{data[err.start]:02X} at byte offset {err.start}"
        _fail(source, line, "parse/encoding", f"{message} ({err.reason}){hint}; expected UTF-8")
    raw = raw.removeprefix(_BOM)
    bad = _CONTROL.search(raw)
    if bad is not None:
        line, column = _position(raw[: bad.start()])
        message = f"control character U+{ord(bad.group()):04X} at column {column}"
        _fail(source, line, "parse/control-character", f"{message}; only tab and line breaks")
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        what = "is empty" if not data else "contains only whitespace"
        _fail(source, 1, "parse/empty", f"the document {what}; expected '= Title =' first")
    return text


# ---------------------------------------------------------------------------
# text -> structure


def _show(text: str) -> str:
    """``text`` quoted for a message, shortened if long."""
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _is_bullet(line: str) -> bool:
    return line == "-" or line.startswith(("- ", "-\t"))


def _is_key(key: str) -> bool:
    return (
        0 < len(key) <= MAX_KEY
        and key[0].isalpha()
        and all(c.isalnum() or c in _KEY_PUNCTUATION for c in key)
    )


def _key_identity(key: str) -> str:
    return "".join(key.replace("_", " ").split()).casefold()


def _marks(text: str) -> tuple[int, int]:
    """Number of ``=`` at the start and at the end of ``text`` (stripped)."""
    before = len(text) - len(text.lstrip("="))
    if before == len(text):
        return before, 0
    return before, len(text) - len(text.rstrip("="))


class _Parser:
    """One pass over the lines of a normalised text."""

    def __init__(self, text: str, source: str) -> None:
        self.text = text
        self.source = source
        self.lines = text.split("\n")
        self.starts: list[int] = []
        offset = 0
        for number, line in enumerate(self.lines, 1):
            if len(line) > MAX_LINE:
                message = f"the line is {len(line):,} characters long, more than {MAX_LINE:,}"
                self.fail(number, "parse/line-too-long", message)
            self.starts.append(offset)
            offset += len(line) + 1

    def fail(self, line: int, rule: str, message: str) -> NoReturn:
        _fail(self.source, line, rule, message)

    def span(self, begin: int, end: int, line: int) -> Span:
        return Span(begin, end, self.text[begin:end], line)

    def trimmed(self, index: int, skip: int = 0) -> tuple[int, int]:
        """(begin, end) of line ``index`` without its first ``skip`` characters and
        without surrounding whitespace."""
        line = self.lines[index]
        rest = line[skip:]
        begin = self.starts[index] + skip + len(rest) - len(rest.lstrip())
        return begin, max(begin, self.starts[index] + len(line.rstrip()))

    def run(
        self,
    ) -> tuple[Span, tuple[InfoboxEntry, ...], tuple[Block, ...], tuple[Section, ...]]:
        index = 0
        while not self.lines[index].strip():  # the text is not blank: this stops
            index += 1
        title = self.heading(index, title=True)[1]
        index += 1
        while index < len(self.lines) and not self.lines[index].strip():
            index += 1
        infobox: tuple[InfoboxEntry, ...] = ()
        infobox_end = 0  # line number of the blank line ending the infobox, 0 when none
        if index < len(self.lines):
            line = self.lines[index].strip()
            if line.casefold() == "infobox":
                infobox, index = self.infobox(index + 1)
                infobox_end = index + 1
            elif line.split(maxsplit=1)[0].rstrip(":").casefold() == "infobox":
                message = f"expected a line reading just 'Infobox', found {_show(line)}"
                self.fail(index + 1, "parse/infobox-syntax", message)
        lead, sections = self.body(index)
        if lead and lead[0].kind is BlockKind.BULLET:
            key, colon, _ = lead[0].span.text.partition(":")
            if colon and _is_key(key.strip()):
                where = (
                    f"after the blank line that ends the infobox (line {infobox_end});"
                    " remove the blank line"
                    if infobox_end
                    else "without an 'Infobox' line before it; add one after the title"
                )
                message = f"infobox entry {_show(lead[0].span.text)} {where}"
                self.fail(lead[0].span.line, "parse/infobox-syntax", message)
        return title, infobox, lead, sections

    def heading(self, index: int, *, title: bool = False) -> tuple[int, Span]:
        """Level and text of the heading (with ``title``: the title) on line ``index``."""
        line, number = self.lines[index], index + 1
        shown, what = _show(line.strip()), "title" if title else "heading"
        before, after = _marks(line.strip())
        begin, end = self.trimmed(index, len(line) - len(line.lstrip()) + before)
        end = max(begin, end - after)
        while end > begin and self.text[end - 1].isspace():
            end -= 1
        if not before:
            problem = f"expected the title line '= Title =' first, found {shown}"
        elif end == begin:
            problem = f"the {what} {shown} has no text"
        elif before != after:
            problem = f"unbalanced {what} {shown}: {before} '=' before the text, {after} after"
        elif (before == 1) != title:
            problem = f"{shown} has {before} '=' each side" + (
                "; expected one ('= Title =')"
                if title
                else "; only the title has one, headings two or more ('== Heading ==')"
            )
        else:
            return before, self.span(begin, end, number)
        self.fail(number, "parse/missing-title" if title else "parse/heading", problem)

    def infobox(self, index: int) -> tuple[tuple[InfoboxEntry, ...], int]:
        entries: list[InfoboxEntry] = []
        first_seen: dict[str, InfoboxEntry] = {}
        while index < len(self.lines) and self.lines[index].strip():
            entry = self.entry(index)
            identity = _key_identity(entry.key)
            first = first_seen.setdefault(identity, entry)
            if first is not entry:
                message = f"infobox key {_show(entry.key)} is given twice (first on line"
                message += f" {first.line} as {_show(first.key)}); each key may appear once"
                self.fail(entry.line, "parse/duplicate-key", message)
            entries.append(entry)
            index += 1
        return tuple(entries), index

    def entry(self, index: int) -> InfoboxEntry:
        line, number = self.lines[index], index + 1
        key, colon, value = line[2:].partition(":")
        key = key.strip()
        if not line.startswith("- "):
            problem = "expected '- Key: Value' or a blank line ending the infobox, found"
            problem += f" {_show(line.strip())}"
        elif not colon:
            problem = f"no ':' after the key in {_show(line.strip())}; expected '- Key: Value'"
        elif not _is_key(key):
            problem = f"{_show(key)} is not an infobox key: expected a letter, then letters,"
            problem += f" digits, spaces or -_()/'.& (at most {MAX_KEY} characters)"
        else:
            begin, end = self.trimmed(index, 2)
            value_begin, value_end = self.trimmed(index, len(line) - len(value))
            if value_begin >= end:  # empty value: an empty span at the end of the line
                value_begin = value_end = end
            return InfoboxEntry(
                key=key,
                value=value.strip(),
                line=number,
                span=self.span(begin, end, number),
                value_span=self.span(value_begin, value_end, number),
            )
        self.fail(number, "parse/infobox-syntax", problem)

    def body(self, index: int) -> tuple[tuple[Block, ...], tuple[Section, ...]]:
        lead: list[Block] = []
        sections: list[Section] = []
        blocks = lead
        heading: tuple[int, Span] | None = None
        para_line = 0  # first line of the paragraph being read, 0 when none
        para_begin = para_end = 0
        for current in range(index, len(self.lines)):
            line = self.lines[current]
            stripped = line.strip()
            starts_block = not stripped or stripped.startswith("=") or _is_bullet(line)
            if para_line and starts_block:
                blocks.append(Block(_PARAGRAPH, self.span(para_begin, para_end, para_line)))
                para_line = 0
            if not stripped:
                continue
            if stripped.startswith("="):
                if heading is not None:
                    sections.append(self.section(heading, blocks))
                heading = self.heading(current)
                blocks = []
            elif _is_bullet(line):
                begin, end = self.trimmed(current, 1)
                if end > begin:
                    blocks.append(Block(BlockKind.BULLET, self.span(begin, end, current + 1)))
            elif stripped.casefold() == "infobox":
                self.fail(
                    current + 1,
                    "parse/infobox-syntax",
                    "an 'Infobox' line must come right after the title",
                )
            elif para_line:
                para_end = self.trimmed(current)[1]
            else:
                para_begin, para_end = self.trimmed(current)
                para_line = current + 1
        if para_line:
            blocks.append(Block(_PARAGRAPH, self.span(para_begin, para_end, para_line)))
        if heading is not None:
            sections.append(self.section(heading, blocks))
        return tuple(lead), tuple(sections)

    @staticmethod
    def section(heading: tuple[int, Span], blocks: list[Block]) -> Section:
        level, span = heading
        return Section(title=span.text, level=level, heading=span, blocks=tuple(blocks))
