"""Sentences of a document's prose, each an exact code-point span of ``doc.text``.

:func:`split_text` cuts one stretch of text into sentences; :func:`sentences` applies it
to every block of a document (lead and sections, never the infobox), keeping the
heading path of the section each sentence sits in.

Where a sentence ends:

- after ``.``, ``!``, ``?`` or ``…`` (a run of them), plus any closing quotes or
  brackets right after them (``…attack." The``: the quote belongs to the first
  sentence), when whitespace follows and the next word does not start in lower case
  (nor with ``,;:``);
- never inside a token ("2.5", "3.14", "e.g.," with no space after the stop);
- never after a title or other abbreviation that is followed by a name or number
  (``Capt.``, ``Gen.``, ``Lt.``, ``Col.``, ``Dr.``, ``Mr.``, ``St.``, ``No.``,
  ``Jan.`` ...; see :data:`ABBREVIATIONS`) nor after an initial ("J. Smith");
- after a dotted abbreviation that may also end a sentence (``U.S.``, ``U.N.``,
  ``a.m.``, ``p.m.``, ``etc.``, ``Jr.``; see :data:`AMBIGUOUS`) only when the next
  word is a usual sentence opener ("The", "It", "On" ...; see :data:`OPENERS`).

A bulleted line is always one unit of its own, never cut (the corpus gold takes the
whole line as the sentence). Leading and trailing whitespace is never part of a
sentence; line breaks inside a paragraph are plain whitespace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from attackgraph.model import BlockKind, Document, Span

__all__ = ["ABBREVIATIONS", "AMBIGUOUS", "OPENERS", "Sentence", "sentences", "split_text"]

ABBREVIATIONS: Final = frozenset(
    """
    Mr Mrs Ms Mx Dr Prof Capt Cpt Gen Lt Col Maj Sgt Cpl Pvt Pte Adm Cmdr Cdr Brig Cmdt
    Gov Sen Rep Rev Fr Sr Hon Pres Supt Insp Det Gens Lts Cols Messrs Mme Mlle Mgr
    St Ste Mt Ft Pt Av Ave Blvd Rd No Nos Nr Vol Vols Art Sec Fig Figs Ch Chap pp
    vs v cf ca c approx est al Inc Ltd Co Corp Bros Dept Univ Assn Govt Intl
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thurs Fri Sat Sun
    """.split()
)
"""Abbreviations after which a sentence never ends (case-sensitive)."""

AMBIGUOUS: Final = frozenset({"etc", "Jr", "Esq", "Ph.D", "a.m", "p.m", "A.M", "P.M"})
"""Abbreviations that may end a sentence; dotted acronyms ("U.S.") count as these too."""

OPENERS: Final = frozenset(
    """
    The A An On In At It He She They We I You This That These Those There Then His Her
    Their Its Our After Before But However Later When While By As During Both Several
    Some Many Most No Other Another Each Every All Meanwhile Since Although Though If
    According Over Under Despite Following Shortly Earlier Two Three Four Five Six
    """.split()
)
"""Words that, after an ambiguous abbreviation, show a new sentence begins."""

_END: Final = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_DOTTED: Final = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_INITIAL: Final = re.compile(r"[^\W\d_]")
_OPENING: Final = "\"'“‘«([¿¡"
_WORD: Final = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@dataclass(frozen=True)
class Sentence:
    """One sentence (or one bulleted line) of the prose."""

    span: Span
    sections: tuple[str, ...]
    """Heading path of the enclosing section, outermost first; ``()`` in the lead."""
    block: int
    """Index of its block in ``doc.blocks()``."""
    bullet: bool
    """True for a bulleted line."""

    @property
    def text(self) -> str:
        return self.span.text


def _token_before(text: str, at: int, floor: int) -> str:
    """The non-space token ending at ``at`` without leading quotes or brackets."""
    start = at
    while start > floor and not text[start - 1].isspace():
        start -= 1
    return text[start:at].lstrip(_OPENING)


def _is_boundary(text: str, stop: int, after: int, end: int, floor: int) -> bool:
    """Whether a sentence ends at the terminal run ``text[stop:after]``."""
    nxt = after
    while nxt < end and text[nxt].isspace():
        nxt += 1
    if nxt >= end:
        return True
    first = text[nxt]
    if first.islower() or first in ",;:":
        return False
    if text[stop] != ".":
        return True
    token = _token_before(text, stop, floor)
    if not token or text[stop:after].startswith(".."):
        return True
    if token in ABBREVIATIONS or (_INITIAL.fullmatch(token) and token.isupper()):
        return False
    if token in AMBIGUOUS or _DOTTED.fullmatch(token):
        word = _WORD.match(text, nxt + (1 if first in _OPENING else 0))
        return word is not None and word.group() in OPENERS
    return True


def split_text(text: str, begin: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The sentences of ``text[begin:end]`` as ``(begin, end)`` offsets into ``text``.

    Sentences are trimmed of whitespace, in order, never overlap, and together cover
    every non-space character of the region. Never raises.

    >>> text = 'Capt. J. Smith said 2.5 tonnes were hit. "We will return." The U.S. Army left.'
    >>> [text[b:e] for b, e in split_text(text)]
    ['Capt. J. Smith said 2.5 tonnes were hit.', '"We will return."', 'The U.S. Army left.']
    >>> text = "It ended at 4 p.m. The toll, i.e. the dead, rose."
    >>> [text[b:e] for b, e in split_text(text)]
    ['It ended at 4 p.m.', 'The toll, i.e. the dead, rose.']
    """
    stop_at = len(text) if end is None else min(end, len(text))
    found: list[tuple[int, int]] = []
    start = begin
    for m in _END.finditer(text, begin, stop_at):
        if m.start() < start:
            continue
        if _is_boundary(text, m.start(), m.end(), stop_at, start):
            found.append((start, m.end()))
            start = m.end()
    found.append((start, stop_at))
    trimmed = []
    for b, e in found:
        while b < e and text[b].isspace():
            b += 1
        while e > b and text[e - 1].isspace():
            e -= 1
        if b < e:
            trimmed.append((b, e))
    return trimmed


def sentences(doc: Document) -> tuple[Sentence, ...]:
    """Every sentence of the lead and the sections, in reading order.

    A bulleted line is one sentence. ``Span.line`` is the file line the sentence
    starts on. Never raises. The stages of one extraction each ask for the same
    document's sentences: the last document's are kept (a document is immutable).

    >>> from attackgraph.parse import parse
    >>> doc = parse(b"= Raid =\\n\\nGen. Ali said six died.\\nIt was\\nnight.\\n"
    ...             b"\\n== Reactions ==\\n- Mali condemned it. So did Niger.\\n", "raid.txt")
    >>> [(s.text, s.span.line, s.sections, s.bullet) for s in sentences(doc)]
    [('Gen. Ali said six died.', 3, (), False), ('It was\\nnight.', 4, (), False), \
('Mali condemned it. So did Niger.', 8, ('Reactions',), True)]
    """
    global _LAST
    last = _LAST  # read once: another thread may replace it
    if last is not None and last[0] is doc:
        return last[1]
    found = _sentences(doc)
    _LAST = (doc, found)
    return found


_LAST: tuple[Document, tuple[Sentence, ...]] | None = None
"""The last document :func:`sentences` read, and its sentences."""


def _sentences(doc: Document) -> tuple[Sentence, ...]:
    text = doc.text
    located: list[tuple[tuple[str, ...], BlockKind, Span]] = [
        ((), block.kind, block.span) for block in doc.lead
    ]
    path: list[tuple[int, str]] = []
    for section in doc.sections:
        while path and path[-1][0] >= section.level:
            path.pop()
        path.append((section.level, section.title))
        titles = tuple(title for _, title in path)
        located.extend((titles, block.kind, block.span) for block in section.blocks)
    found: list[Sentence] = []
    for index, (titles, kind, span) in enumerate(located):
        bullet = kind is BlockKind.BULLET
        pieces = [(span.begin, span.end)] if bullet else split_text(text, span.begin, span.end)
        line, at = span.line, span.begin  # counted on from the last sentence: linear
        for b, e in pieces:
            line, at = line + text.count("\n", at, b), b
            found.append(Sentence(Span(b, e, text[b:e], line), titles, index, bullet))
    return tuple(found)
