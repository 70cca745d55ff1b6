"""A parsed input document (the parse stage's output): text, title, infobox, sections.

Offsets are Unicode code points into ``Document.text`` (NFC, LF line ends), end
exclusive, so ``doc.text[span.begin:span.end] == span.text`` always holds.
Lines are 1-based line numbers of the input file.

>>> span = Span(2, 6, "Raid", 1)
>>> "= Raid =\\n"[span.begin : span.end] == span.text
True
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class Span:
    """A stretch of the document text: ``text == doc.text[begin:end]``."""

    begin: int
    end: int
    text: str
    line: int


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    BULLET = "bullet"


@dataclass(frozen=True)
class Block:
    """A paragraph, or one bulleted line (its span excludes the leading ``- ``)."""

    kind: BlockKind
    span: Span


@dataclass(frozen=True)
class InfoboxEntry:
    """One ``- Key: Value`` line; ``span`` covers ``Key: Value`` (no ``- ``)."""

    key: str
    value: str
    line: int
    span: Span
    value_span: Span


@dataclass(frozen=True)
class Section:
    """A ``== Heading ==`` section (any depth) and the blocks up to the next heading."""

    title: str
    level: int
    heading: Span
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Document:
    """A parsed input document."""

    doc_id: str
    """File name without extension, as given (the slug is minted elsewhere)."""
    source: str
    """The path as the user gave it, for messages."""
    text: str
    """The whole text, NFC-normalised, LF line ends, without a BOM."""
    sha256: str
    """Hex SHA-256 of the input bytes (checkable with ``sha256sum``)."""
    title: Span
    infobox: tuple[InfoboxEntry, ...]
    lead: tuple[Block, ...]
    sections: tuple[Section, ...]

    def blocks(self) -> tuple[Block, ...]:
        """Every paragraph and bullet in reading order (lead, then sections)."""
        return self.lead + tuple(b for s in self.sections for b in s.blocks)
