"""Parse stage, second step: the normalised text -> title, infobox, lead and sections
(rules in :mod:`attackgraph.parse`)."""

from __future__ import annotations

from typing import Final, NoReturn

from attackgraph.document import Block, BlockKind, InfoboxEntry, Section, Span
from attackgraph.parse.text import fail

__all__ = ["MAX_KEY", "MAX_LINE", "Parser"]

MAX_LINE: Final = 100_000
"""Longest line accepted, in code points."""
MAX_KEY: Final = 60
"""Longest infobox key accepted, in code points."""

_KEY_PUNCTUATION: Final = frozenset(" -_()/'.&")
_PARAGRAPH: Final = BlockKind.PARAGRAPH


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


class Parser:
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
        fail(self.source, line, rule, message)

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
