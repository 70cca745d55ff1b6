"""Parse stage: the bytes of one document -> :class:`~attackgraph.model.Document`, in two
steps: :mod:`.text` (bytes -> normalised text), :mod:`.layout` (text -> structure).

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
from pathlib import Path, PurePath

from attackgraph.document import Document
from attackgraph.parse.layout import MAX_KEY as MAX_KEY
from attackgraph.parse.layout import MAX_LINE as MAX_LINE
from attackgraph.parse.layout import Parser
from attackgraph.parse.text import MAX_BYTES as MAX_BYTES
from attackgraph.parse.text import decode, fail, too_large
from attackgraph.parse.text import display_path as display_path

__all__ = ["MAX_BYTES", "display_path", "document_id", "parse", "parse_file"]


def document_id(source: str, doc_id: str | None = None) -> str:
    """The id of the document read from ``source`` (the path as shown): ``doc_id`` when
    given, else the file name without extension.

    >>> document_id("raids/tamba.txt"), document_id("raids/tamba.txt", "raids/tamba")
    ('tamba', 'raids/tamba')
    """
    return PurePath(source).stem if doc_id is None else doc_id


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
    text = decode(data, source, max_bytes)
    parser = Parser(text, source)
    title, infobox, lead, sections = parser.run()
    return Document(
        doc_id=document_id(source, doc_id),
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
        fail(source, 1, "parse/unreadable", f"cannot read the file: {err.strerror or err}")
    if len(data) > max_bytes:
        too_large(source, max(size, len(data)), max_bytes)
    return parse(data, source, doc_id=doc_id, max_bytes=max_bytes)
