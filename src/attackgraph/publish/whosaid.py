"""The "who said what" table: one row per figure, with every source stating it.

A figure is (event, population group, outcome, side, number): the same 15 soldiers
killed from the infobox and from two sentences is one row listing three sources, each
with its rank, quoted sentence and document. A row whose number another source
contradicts for the same event, group and outcome is marked ``disagree``: two figures
disagree when their numbers differ, they come from different sources, and they are not
about two different sides. Claims without figures (responsibility, dates) are listed
below the figures, one row per claim.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final

from pyoxigraph import NamedNode

from attackgraph.html.pages import Link, Value, value_view
from attackgraph.namespaces import CONCEPT_NS, SCHEMES
from attackgraph.publish.data import Claim, Figure
from attackgraph.publish.links import StaticContext, anchor

Label = Callable[[str | None], str]
"""An IRI's display name (empty for None)."""

ROW_CAP: Final = 2000
"""At most this many rows per table; the rest are in the data (SPARQL, dumps)."""


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


def subgroup_words(figure: Figure) -> str:
    """The subgroup a qualified figure counts, in the source's words: its label, with
    the qualifier when the label does not say it ("crew (Volga-Dnepr)"); ``""`` for a
    figure without a qualifier.

    >>> f = Figure("f", None, "British nationals", None, 30, *(None,) * 6, "British")
    >>> subgroup_words(f), subgroup_words(f.__class__(**{**f.__dict__, "group_label": None}))
    ('British nationals', 'British')
    """
    q, label = figure.qualifier, figure.group_label
    if q is None:
        return ""
    if label and q.casefold() in label.casefold():
        return label
    return f"{label} ({q})" if label else q


def preferred_lines(figures: Sequence[Figure], label: Label) -> list[str]:
    """The event page's preferred figures, one line each: a whole group as "killed: 38
    total", and a subgroup (``ag:groupQualifier``) as a part of the figure it breaks
    down, in words that cannot be read as a total: "30 British among the 38 killed".

    A subgroup's head is the preferred figure of the same outcome for its population
    group, else for ``total``; without one it is "among those killed". An increment
    ("another 12", qualifier ``further``) is "12 more killed, added to another count".

    >>> def fig(group, value, qualifier=None, label=None, outcome="killed"):
    ...     return Figure("f", "c/" + group, label, "c/" + outcome, value, *(None,) * 6,
    ...                   qualifier)
    >>> name = lambda iri: (iri or "").rsplit("/", 1)[-1]
    >>> preferred_lines([fig("total", 38), fig("other-group", 30, "British", "British"),
    ...                  fig("other-group", 3, "Irish", "Irish citizens"),
    ...                  fig("civilians", 2, "German", "German tourists"),
    ...                  fig("other-group", 1, "Ana Ruiz", outcome="injured"),
    ...                  fig("soldiers", 2, "further")], name)
    ... # doctest: +NORMALIZE_WHITESPACE
    ['killed: 38 total', '30 British among the 38 killed',
     '3 Irish citizens among the 38 killed', '2 German tourists among the 38 killed',
     '1 Ana Ruiz among those injured', '2 more soldiers killed, added to another count']
    """
    heads: dict[tuple[str | None, str], Figure] = {}
    for f in figures:
        if f.qualifier is None:
            heads.setdefault((f.outcome, _local(f.group)), f)
    lines = [
        f"{label(f.outcome)}: {figure_text(f)} {label(f.group)}"
        + (f" ({f.group_label})" if f.group_label else "")
        for f in figures
        if f.qualifier is None
    ]
    lines += [_part_line(f, heads, label) for f in figures if f.qualifier is not None]
    return list(dict.fromkeys(lines))


def _part_line(f: Figure, heads: dict[tuple[str | None, str], Figure], label: Label) -> str:
    """One subgroup's line of :func:`preferred_lines`."""
    outcome, group = label(f.outcome), _local(f.group)
    if f.qualifier == "further":
        words = f.group_label or ("" if group in _NO_HEAD else label(f.group))
        more = f"{words} {outcome}" if words else outcome
        return f"{figure_text(f)} more {more}, added to another count"
    head = heads.get((f.outcome, group)) if group not in _NO_HEAD else None
    head = head or heads.get((f.outcome, "total"))
    if head is None:
        among = f"among those {outcome}"
    elif _local(head.group) == "total":
        among = f"among the {figure_text(head)} {outcome}"
    else:
        among = f"among the {figure_text(head)} {label(head.group)} {outcome}"
    return f"{figure_text(f)} {subgroup_words(f)} {among}"


_NO_HEAD: Final = frozenset({"total", "other-group"})
"""Groups that name no people a subgroup could be drawn from."""


def _local(iri: str | None) -> str:
    return (iri or "").rsplit("/", 1)[-1]


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

    Subgroups are compared only with the same subgroup (qualifier and group label), as
    README query 3 does: three Irish dead do not contradict one Portuguese.

    >>> def part(by, value, qualifier):
    ...     fig = Figure("f", "c/other", None, "c/killed", value, None, None, None, None,
    ...                  None, None, qualifier)
    ...     return Row(Claim("c", "e", ("d",), by, None, None, None, (), (fig,), None), fig)
    >>> sorted(disagreements([part(None, 3, "Irish"), part("fco", 1, "Portuguese")]))
    []
    >>> sorted(disagreements([part(None, 3, "Irish"), part("fco", 4, "Irish")]))
    [0, 1]
    >>> sorted(disagreements([part(None, 30, "British"), part("fco", 38, None)]))
    []
    """
    groups: dict[tuple[str | None, ...], list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        figure = row.figure
        if figure is not None:
            key = (row.claim.about, figure.group, figure.outcome)
            groups[(*key, figure.group_label, figure.qualifier)].append(i)
    flagged: set[int] = set()
    for members in groups.values():
        flagged.update(_contradicted([rows[i] for i in members], members))
    return flagged


class _Tally:
    """Counts of rows by source, by value and by both, to test "another source says
    something else" in constant time (linear in the rows, not quadratic)."""

    def __init__(self) -> None:
        self.total = 0
        self.by_source: Counter[str] = Counter()
        self.by_value: Counter[_Value] = Counter()
        self.by_both: Counter[tuple[str, _Value]] = Counter()

    def add(self, source: str, value: _Value) -> None:
        self.total += 1
        self.by_source[source] += 1
        self.by_value[value] += 1
        self.by_both[(source, value)] += 1

    def others(self, source: str, value: _Value) -> int:
        """Rows with another source and another value."""
        return (
            self.total
            - self.by_source[source]
            - self.by_value[value]
            + self.by_both[(source, value)]
        )


_Value = tuple[int | None, int | None, int | None]


def _contradicted(rows: Sequence[Row], indexes: Sequence[int]) -> list[int]:
    """The indexes of ``rows`` (one event, group and outcome) that another source
    contradicts: another value, for the same side or with a side left open."""
    keyed = []
    for row in rows:
        figure = row.figure
        assert figure is not None
        side = figure.side or figure.actor or None
        keyed.append((source_key(row.claim), side, (figure.value, figure.low, figure.high)))
    everyone, open_side = _Tally(), _Tally()
    by_side: dict[str, _Tally] = defaultdict(_Tally)
    for source, side, value in keyed:
        everyone.add(source, value)
        (open_side if side is None else by_side[side]).add(source, value)
    flagged = []
    for index, (source, side, value) in zip(indexes, keyed, strict=True):
        if side is None:
            others = everyone.others(source, value)
        else:
            others = open_side.others(source, value) + by_side[side].others(source, value)
        if others > 0:
            flagged.append(index)
    return flagged


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


# --- what the template shows --------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    text: str
    href: str | None


@dataclass
class Source:
    """One claim behind a row: who, how, rank, the sentence, the document."""

    who: Link
    via: Link | None
    kind: Link | None
    rank: Link | None
    deprecated: bool
    quotes: list[Quote]
    docs: list[Link]
    anchors: list[str] = field(default_factory=list)
    """Element ids other pages link to (claims and figures on the document page)."""


@dataclass
class FigureRow:
    """A figure with every source stating it."""

    about: Link | None
    group: Link | None
    group_label: str
    outcome: Link | None
    figure: str
    estimate: str
    side: Link | None
    sources: list[Source]
    flagged: bool = False
    subgroup: str = ""
    """The subgroup counted (:func:`subgroup_words`), for a part of a total."""


@dataclass
class StatementRow:
    """A claim without figures."""

    source: Source
    about: Link | None
    statement: tuple[Link, Value] | None


@dataclass
class WhoSaid:
    figures: list[FigureRow]
    statements: list[StatementRow]
    total: int
    cap: int = ROW_CAP
    about_column: bool = False

    @property
    def flagged(self) -> bool:
        return any(r.flagged for r in self.figures)

    @property
    def subgroups(self) -> bool:
        return any(r.subgroup for r in self.figures)


def who_said(
    claims: Sequence[Claim],
    ctx: StaticContext,
    label: Label,
    *,
    page_iri: str | None,
    anchors: bool = False,
    cap: int = ROW_CAP,
    among: Sequence[Claim] | None = None,
) -> WhoSaid:
    """The table's rows. ``page_iri``: the page's own event, not repeated in an "about"
    column; ``anchors`` gives sources the ids other pages link to (document pages);
    ``cap``: rows of each kind shown; ``among``: the claims disagreements are looked for
    in (default ``claims``; all the page's claims when ``claims`` are one part)."""
    rows = rows_of(claims)
    flagged = disagreements(rows)
    if among is not None and among is not claims:
        everywhere = rows_of(among)
        marked = {_row_id(everywhere[i]) for i in disagreements(everywhere)}
        flagged = {i for i, row in enumerate(rows) if _row_id(row) in marked}
    grouped: dict[tuple[object, ...], FigureRow] = {}
    statements: list[StatementRow] = []
    seen: set[str] = set()

    def link(iri: str | None) -> Link | None:
        return ctx.link(iri, label(iri)) if iri else None

    for i, row in enumerate(rows):
        claim, figure = row.claim, row.figure
        source = _source(claim, figure, ctx, label, anchors=anchors, seen=seen)
        about = link(claim.about) if claim.about != page_iri else None
        if figure is None:
            statement = None
            if claim.statement is not None:
                predicate, obj = claim.statement
                name = label(obj.value) if isinstance(obj, NamedNode) else None
                statement = (ctx.link(predicate, label(predicate)), value_view(obj, ctx, name))
            statements.append(StatementRow(source, about, statement))
            continue
        who = figure.side or figure.actor
        key = (claim.about, figure.group, figure.group_label, figure.qualifier, figure.outcome,
               who, figure.value, figure.low, figure.high, figure.estimate)  # fmt: skip
        found = grouped.get(key)
        if found is None:
            found = grouped[key] = FigureRow(
                about=about,
                group=link(figure.group),
                group_label=figure.group_label or "",
                outcome=link(figure.outcome),
                figure=figure_text(figure),
                estimate=label(figure.estimate) if figure.estimate else "",
                side=link(who),
                sources=[],
                subgroup=subgroup_words(figure),
            )
        found.sources.append(source)
        found.flagged = found.flagged or i in flagged
    figures = list(grouped.values())
    about_column = any(r.about for r in figures) or any(s.about for s in statements)
    return WhoSaid(
        figures[:cap], statements[:cap], len(figures) + len(statements), cap=cap,
        about_column=about_column,
    )  # fmt: skip


def _row_id(row: Row) -> tuple[str, str | None]:
    return row.claim.iri, row.figure.iri if row.figure else None


def _source(
    claim: Claim,
    figure: Figure | None,
    ctx: StaticContext,
    label: Label,
    *,
    anchors: bool,
    seen: set[str],
) -> Source:
    docs = claim.docs[:1]
    if claim.by:
        who = ctx.link(claim.by, label(claim.by))
    elif docs:
        who = ctx.link(docs[0], "the document")
    else:
        who = Link("the document")
    ids = []
    if anchors:
        if claim.iri not in seen:
            ids.append(anchor(claim.iri))
        if figure is not None:
            ids.append(anchor(figure.iri))
    seen.add(claim.iri)
    return Source(
        who=who,
        via=ctx.link(claim.via, label(claim.via)) if claim.via else None,
        kind=ctx.link(claim.kind, label(claim.kind)) if claim.kind else None,
        rank=ctx.link(claim.rank, label(claim.rank)) if claim.rank else None,
        deprecated=(claim.rank or "").endswith("/deprecated"),
        quotes=[Quote(f"“{q.anchor}”", ctx.local_path(q.iri)) for q in claim.quotes],
        docs=[ctx.link(d, label(d)) for d in docs],
        anchors=ids,
    )
