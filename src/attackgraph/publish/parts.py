"""Long pages in parts, so that no page grows with a document, an event or an actor.

A document's page shows its claims and its text; an event's and an actor's page their
claims; every page its incoming links. When they are long, the page holds the first part
and ``{stem}.p2.html``, ``{stem}.p3.html`` … the others (a slug never holds a dot, so no
resource's page has such a name), each linking to all of them; a document split so also
gets its whole text as ``texts/{slug}.txt``.

- **Claims** are cut between claims, in the table's order, about every
  :data:`TABLE_PART` bytes (:func:`claim_weight`: the rows a claim adds, with its quoted
  sentences), never inside a claim; sources disagreeing are marked among all the claims
  of the page, not only those of a part.
- **Text** is cut every :data:`TEXT_PART` characters; a quoted span that crosses a cut
  stays whole in the part where it begins.
- **Incoming links** (every page's generic table): the first :data:`INCOMING_FIRST` on
  the page, the others about :data:`TABLE_PART` bytes a part, in parts of their own after
  the others (an actor every claim of a news agency points at, a country every event in
  it).

Other pages link to a claim, a figure or a span on the part that shows it
(:func:`doc_layout`, computed from the same claims and text length as the page).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final

from attackgraph.html.pages import GRAPHS_SHOWN, Arc, ArcRow
from attackgraph.publish.data import Claim
from attackgraph.publish.index import PageLink
from attackgraph.publish.links import StaticContext
from attackgraph.publish.render import Marked, page, placements
from attackgraph.publish.whosaid import WhoSaid

TEXT_PART: Final = 25_000
"""Characters of a document's text per part."""
TABLE_PART: Final = 60_000
"""About this many bytes of a claims table per part."""
INCOMING_FIRST: Final = 50
"""Incoming links on a page itself; the others are on its later parts."""
EMBED_LIMIT: Final = 60_000
"""A description longer than this (characters of JSON-LD) is linked, not embedded."""
TEXTS: Final = "texts"
"""The release folder of the whole texts of the documents shown in parts."""


@dataclass(frozen=True)
class Part:
    """What a part after the first of a long page shows."""

    table: WhoSaid
    text: list[Marked]
    incoming: Sequence[ArcRow] = ()
    """Incoming links (rows of the generic table) past those of the parts before."""


def incoming_parts(
    arcs: Sequence[Arc], first: int = INCOMING_FIRST, budget: int = TABLE_PART
) -> list[Sequence[Arc]]:
    """A page's incoming links cut into parts: the first ``first`` on the page itself,
    the others about ``budget`` bytes a part (:func:`arc_weight`).

    >>> from pyoxigraph import NamedNode
    >>> arc = Arc(NamedNode("https://e/p"), NamedNode("https://e/s"), None, ("https://e/g",))
    >>> [len(p) for p in incoming_parts([arc] * 9, first=2, budget=1000)]
    [2, 3, 3, 1]
    """
    parts: list[Sequence[Arc]] = [arcs[:first]]
    rest: list[Arc] = []
    used = 0
    for arc in arcs[first:]:
        weight = arc_weight(arc)
        if rest and used + weight > budget:
            parts.append(rest)
            rest, used = [], 0
        rest.append(arc)
        used += weight
    return [*parts, rest] if rest else parts


def arc_weight(arc: Arc) -> int:
    """About the bytes an incoming link adds to a page: the linking resource, the
    property and the documents stating it (measured: ~300 bytes with one document).

    >>> from pyoxigraph import NamedNode
    >>> arc_weight(Arc(NamedNode("https://e/p"), NamedNode("https://e/s"), "S", ("g",)))
    301
    """
    return 200 + len(arc.label or "") + 100 * min(len(arc.graphs), GRAPHS_SHOWN)


def part_path(path: str, number: int) -> str:
    """The file of part ``number`` (from 1) of the page at ``path``.

    >>> part_path("id/doc/x.html", 1), part_path("id/doc/x.html", 3)
    ('id/doc/x.html', 'id/doc/x.p3.html')
    """
    return path if number == 1 else f"{path.removesuffix('.html')}.p{number}.html"


def claim_weight(claim: Claim) -> int:
    """About the bytes a claim adds to a claims table: a row per figure (or one), each
    with its source's links and quoted sentences (measured: 1.3 KB for a row quoting
    75 characters).

    >>> claim_weight(Claim("c", None, (), None, None, None, None, (), (), None))
    1000
    """
    quotes = sum(2 * len(q.anchor) + 100 for q in claim.quotes)
    return max(1, len(claim.figures)) * (1000 + quotes)


def claim_parts(claims: Sequence[Claim], budget: int = TABLE_PART) -> list[list[Claim]]:
    """``claims`` in order, cut into parts of about ``budget`` bytes (one part, perhaps
    empty, at least).

    >>> c = Claim("c", None, (), None, None, None, None, (), (), None)
    >>> [len(p) for p in claim_parts([c] * 5, budget=2000)], claim_parts([])
    ([2, 2, 1], [[]])
    """
    parts: list[list[Claim]] = [[]]
    used = 0
    for claim in claims:
        weight = claim_weight(claim)
        if parts[-1] and used + weight > budget:
            parts.append([])
            used = 0
        parts[-1].append(claim)
        used += weight
    return parts


def _count(length: int, size: int) -> int:
    return max(1, -(-length // size))


def text_parts(pieces: Sequence[Marked], size: int = TEXT_PART) -> list[list[Marked]]:
    """A document's marked text (:func:`attackgraph.publish.render.marked_text`) cut
    every ``size`` characters; a marked span stays whole in the part where it begins.

    >>> parts = text_parts([Marked("abcde"), Marked("fg", mark="m"), Marked("h")], size=3)
    >>> [[p.text for p in part] for part in parts]
    [['abc'], ['de', 'fg'], ['h']]
    """
    count = _count(sum(len(p.text) for p in pieces), size)
    parts: list[list[Marked]] = [[] for _ in range(count)]
    at = 0
    for piece in pieces:
        if piece.mark or piece.anchor or not piece.text:
            parts[min(at // size, count - 1)].append(piece)
            at += len(piece.text)
            continue
        text = piece.text
        while text:
            room = (at // size + 1) * size - at
            parts[min(at // size, count - 1)].append(Marked(text[:room]))
            at += len(text[:room])
            text = text[room:]
    return parts


def doc_layout(length: int, claims: Sequence[Claim]) -> dict[str, int]:
    """The part (from 2) showing each claim, figure and quoted span of a document page
    whose text has ``length`` characters and whose table lists ``claims`` in order;
    what the first part shows is left out.

    >>> from attackgraph.publish.data import Quote
    >>> q = Quote("span", "x", None, 35_000, 35_001)
    >>> doc_layout(40_000, [Claim("c", None, (), None, None, None, None, (q,), (), None)])
    {'span': 2}
    """
    found: dict[str, int] = {}
    for number, part in enumerate(claim_parts(claims), 1):
        if number > 1:
            for claim in part:
                found[claim.iri] = number
                found.update((f.iri, number) for f in claim.figures)
    count = _count(length, TEXT_PART)
    for quote, at, _ in placements(length, claims):
        number = min(at // TEXT_PART, count - 1) + 1
        if number > 1:
            found[quote.iri] = number
    return found


def with_incoming(more: Sequence[Part], incoming: Sequence[Sequence[ArcRow]]) -> list[Part]:
    """The parts after the first of a page, then one part for each list of incoming
    links past the first part's (``incoming``): a part of claims or text never grows.

    >>> from attackgraph.html.pages import Link, Value
    >>> empty = WhoSaid([], [], 0)
    >>> rows = [[ArcRow(Link("p"), Value("s"), ())]] * 2
    >>> [len(p.incoming) for p in with_incoming([Part(empty, [])], rows)]
    [0, 1, 1]
    """
    return [*more, *(Part(WhoSaid([], [], 0), [], rows) for rows in incoming)]


def pager(path: str, count: int, current: int) -> list[PageLink]:
    """The links between the parts of the page at ``path`` (none for one part).

    >>> [(p.href, p.current, p.rel) for p in pager("id/doc/x.html", 2, 2)]
    [('x.html', False, 'prev'), ('x.p2.html', True, '')]
    """
    if count <= 1:
        return []
    name = path.rsplit("/", 1)[-1]
    rels = {current - 1: "prev", current + 1: "next"}
    return [
        PageLink(n, part_path(name, n), n == current, rels.get(n, "")) for n in range(1, count + 1)
    ]


def part_pages(
    ctx: StaticContext,
    path: str,
    *,
    title: str,
    iri: str,
    table_title: str,
    more: Sequence[Part],
    text_file: str,
) -> Iterator[tuple[str, bytes]]:
    """The files of the parts after the first of the page at ``path``."""
    count = len(more) + 1
    for number, part in enumerate(more, 2):
        yield (
            part_path(path, number),
            page(
                ctx,
                "part.html",
                title,
                iri=iri,
                number=number,
                pager=pager(path, count, number),
                text_file=text_file,
                table_title=table_title,
                table=part.table,
                text=part.text,
                incoming=part.incoming,
            ),
        )
