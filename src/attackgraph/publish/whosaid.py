"""The "who said what" table: every claim with its source, figures, rank and quote.

One row per casualty figure (a claim without figures, e.g. a claim of responsibility,
has one row with its statement). Rows whose figure contradicts another source's figure
for the same event, population group and outcome are marked ``disagree`` and flagged,
so that disagreements show at a glance: two figures disagree when their values differ,
they come from different sources, and they are not about two different sides.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from pyoxigraph import NamedNode

from attackgraph.html.pages import iri_html, value_html
from attackgraph.namespaces import CONCEPT_NS, SCHEMES
from attackgraph.publish.data import Claim, Figure
from attackgraph.publish.links import StaticContext, anchor

Label = Callable[[str | None], str]
"""An IRI's display name (empty for None)."""

NUM: Final = ' class="num"'
ROW_CAP: Final = 2000
"""At most this many rows per table; the rest are in the data (SPARQL, dumps)."""

WHO_SAID_STYLE: Final = """
tr.disagree td{background:#fff3cd}tr.dep td{color:#888}
.flag{color:#a15c00;font-weight:600}.num{text-align:right;white-space:nowrap}
blockquote{margin:0;font-style:italic}mark{background:#fff3cd}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.facts dt{font-weight:600}dl.facts dd{margin:0}
"""


@dataclass(frozen=True)
class Row:
    claim: Claim
    figure: Figure | None


def figure_text(figure: Figure) -> str:
    """The number as a reader expects it: ``15``, ``38–40``, ``175+``, ``~170``.

    >>> f = Figure("f", None, None, None, None, 38, 40, None, None, None, None)
    >>> figure_text(f), figure_text(f.__class__(**{**f.__dict__, "high": None}))
    ('38–40', '38+')
    """
    approx = "~" if (figure.estimate or "").endswith("/approximate") else ""
    if figure.value is not None:
        return f"{approx}{figure.value}"
    if figure.low is not None and figure.high is not None:
        return f"{figure.low}–{figure.high}"
    if figure.low is not None:
        return f"{figure.low}+"
    if figure.high is not None:
        return f"≤ {figure.high}"
    return "?"


def source_key(claim: Claim) -> str:
    """Who stands behind a claim: its party, else the document itself."""
    return claim.by or "doc:" + ",".join(claim.docs)


def disagreements(rows: Sequence[Row]) -> set[int]:
    """Indexes of the rows whose figure another source contradicts.

    >>> def row(by, value, side=None):
    ...     fig = Figure("f", "c/soldiers", None, "c/killed", value, None, None, None, side,
    ...                  None, None)
    ...     return Row(Claim("c", "e", ("d",), by, None, None, None, (), (fig,), None), fig)
    >>> sorted(disagreements([row(None, 15), row("gov", 6), row("gov", 6), row(None, 15)]))
    [0, 1, 2, 3]
    >>> sorted(disagreements([row(None, 11, "s1"), row("gov", 1, "s2")]))
    []
    """
    groups: dict[tuple[str | None, str | None, str | None], list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        if row.figure is not None:
            groups[(row.claim.about, row.figure.group, row.figure.outcome)].append(i)
    flagged: set[int] = set()
    for members in groups.values():
        for a in members:
            for b in members:
                if a < b and _contradict(rows[a], rows[b]):
                    flagged |= {a, b}
    return flagged


def _contradict(a: Row, b: Row) -> bool:
    fa, fb = a.figure, b.figure
    assert fa is not None and fb is not None
    if source_key(a.claim) == source_key(b.claim):
        return False
    side_a, side_b = fa.side or fa.actor, fb.side or fb.actor
    if side_a and side_b and side_a != side_b:
        return False
    return (fa.value, fa.low, fa.high) != (fb.value, fb.low, fb.high)


def rows_of(claims: Sequence[Claim]) -> list[Row]:
    """One row per figure, claims in a stable order (rank, source, claim IRI)."""
    rows = []
    for claim in claims:
        if claim.figures:
            rows += [Row(claim, f) for f in sorted(claim.figures, key=figure_order)]
        else:
            rows.append(Row(claim, None))
    return rows


_ORDER: Final = {
    CONCEPT_NS + name: i
    for scheme in ("outcome", "population-group")
    for i, name in enumerate(SCHEMES[scheme])
}


def figure_order(figure: Figure) -> tuple[int, int, str]:
    """Outcomes and groups in the order of their schemes (killed first, total first)."""
    return (_ORDER.get(figure.outcome or "", 99), _ORDER.get(figure.group or "", 99), figure.iri)


def claims_table(
    claims: Sequence[Claim],
    ctx: StaticContext,
    label: Label,
    *,
    event_column: bool,
    anchors: bool = False,
) -> str:
    """The table (HTML). ``anchors`` gives rows the ids other pages link to (the
    document page, where claims, figures and spans live)."""
    if not claims:
        return '<p class="m">No claims.</p>'
    rows = rows_of(claims)
    flagged = disagreements(rows)
    head = ["source", "kind"] + (["about"] if event_column else []) + ["group", "outcome"]
    head += ["figure", "side", "rank", "quoted sentence", "document"]
    out = [
        '<table class="claims"><thead><tr>'
        + "".join(f"<th>{h}</th>" for h in head)
        + "</tr></thead><tbody>"
    ]
    seen: set[str] = set()
    for i, row in enumerate(rows[:ROW_CAP]):
        out.append(_row(row, i in flagged, ctx, label, event_column, anchors, seen))
    out.append("</tbody></table>")
    if len(rows) > ROW_CAP:
        out.append(
            f'<p class="m">First {ROW_CAP} of {len(rows)} rows; the rest are in the data.</p>'
        )
    if flagged:
        out.append(
            '<p class="m"><span class="flag">≠</span> highlighted rows: another source gives '
            "a different figure for the same event, group and outcome.</p>"
        )
    return "".join(out)


def _row(
    row: Row,
    flagged: bool,
    ctx: StaticContext,
    label: Label,
    event_column: bool,
    anchors: bool,
    seen: set[str],
) -> str:
    claim, figure = row.claim, row.figure
    classes = (["disagree"] if flagged else []) + (
        ["dep"] if (claim.rank or "").endswith("/deprecated") else []
    )
    ids = ""
    if anchors:
        own = anchor(figure.iri) if figure else anchor(claim.iri)
        ids = f' id="{html.escape(own)}"'
    first_cell = ""
    if anchors and claim.iri not in seen and figure is not None:
        first_cell = f' id="{html.escape(anchor(claim.iri))}"'
    seen.add(claim.iri)
    docs = claim.docs[:1]
    if claim.by:
        source = iri_html(claim.by, ctx, label(claim.by))
    elif docs:
        source = iri_html(docs[0], ctx, "the document")
    else:
        source = "the document"
    if claim.via:
        source += f' <span class="m">via</span> {iri_html(claim.via, ctx, label(claim.via))}'
    cells = [source, _concept(claim.kind, ctx, label)]
    if event_column:
        cells.append(iri_html(claim.about, ctx, label(claim.about)) if claim.about else "")
    if figure is not None:
        group = _concept(figure.group, ctx, label)
        if figure.group_label:
            group += f' <span class="m">({html.escape(figure.group_label)})</span>'
        flag = '<span class="flag" title="sources disagree">≠</span> ' if flagged else ""
        number = f"{flag}{html.escape(figure_text(figure))}"
        if figure.estimate:
            number += f' <span class="m">{html.escape(label(figure.estimate))}</span>'
        who = figure.side or figure.actor
        cells += [group, _concept(figure.outcome, ctx, label), number]
        cells.append(iri_html(who, ctx, label(who)) if who else "")
    else:
        statement = ""
        if claim.statement is not None:
            predicate, obj = claim.statement
            name = label(obj.value) if isinstance(obj, NamedNode) else None
            statement = f"{iri_html(predicate, ctx, label(predicate))}: "
            statement += value_html(obj, ctx, name or None)
        cells += ["", "", statement, ""]
    cells.append(_concept(claim.rank, ctx, label))
    quotes = []
    for quote in claim.quotes:
        text = html.escape(f"“{quote.anchor}”")
        href = ctx.local_path(quote.iri)
        quotes.append(
            f'<blockquote><a href="{html.escape(href, quote=True)}">{text}</a></blockquote>'
            if href
            else f"<blockquote>{text}</blockquote>"
        )
    cells.append("".join(quotes))
    cells.append(" ".join(iri_html(d, ctx, label(d)) for d in docs))
    number_at = len(cells) - 5 if figure is not None else -1
    tds = "".join(
        f"<td{first_cell if n == 0 else ''}{NUM if n == number_at else ''}>{c}</td>"
        for n, c in enumerate(cells)
    )
    attr = f' class="{" ".join(classes)}"' if classes else ""
    return f"<tr{ids}{attr}>{tds}</tr>"


def _concept(iri: str | None, ctx: StaticContext, label: Label) -> str:
    return iri_html(iri, ctx, label(iri)) if iri else ""
