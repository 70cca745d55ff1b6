"""What is compared: the facts of each category, read from an extraction and from gold.

Both sides are turned into :class:`~attackgraph.evaluate.match.Item` lists by rules
that mirror each other (same value convention, same filters), so the scores are
symmetric. Predicted facts come from what the document publishes
(:class:`~attackgraph.evaluate.published.PublishedDocument`, read from its quads),
never from a stage's internals.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final

from attackgraph.evaluate.gold import Gold, GoldFigure
from attackgraph.evaluate.match import (
    Item,
    Key,
    Scorer,
    group_labels,
    name_key,
    same_figure_strict,
    same_key,
    same_key_and_name,
    same_place,
)
from attackgraph.evaluate.published import PublishedClaim, PublishedDocument, PublishedFigure
from attackgraph.extract.sentences import sentences
from attackgraph.model import ClaimKind, Document, Quantity, Span

SCORERS: Final[dict[str, Scorer]] = {
    "infobox_figures": same_key,
    "infobox_figures_strict": same_figure_strict,
    "attributed_claims": same_key_and_name,
    "claims_any_kind": same_key_and_name,
    "unattributed_figures": same_key,
    "dates": same_key,
    "places": same_place,
    "actors": same_key_and_name,
    "country": same_key,
}
"""Each category and its matching rule, in report order."""
CATEGORIES: Final = tuple(SCORERS)
FIGURE_KINDS: Final = frozenset({"casualties", "estimate"})
"""Claim kinds scored as ``attributed_claims`` (when they carry a number)."""
NULL_OUTCOMES: Final = ("killed-or-injured", "present")
"""The model's outcomes the gold writes as ``null`` (its schema: "no casualty outcome, or a
combined 'killed or wounded' / 'casualties' figure"): the combined count, and a count of
people present that a source states (a strength, a crowd: CONVENTIONS rule 7)."""

Items = dict[str, list[Item]]
Value = tuple[str | int, ...]


def value_key(count: int | None, low: int | None, high: int | None) -> Value:
    """A stated amount in one canonical form, from gold (count, min, max) conventions.

    >>> value_key(21, 21, None), value_key(None, 43, 110), value_key(4, None, None)
    (('>=', 21), ('range', 43, 110), ('=', 4))
    >>> value_key(None, None, None)
    ('vague',)
    """
    if low is not None and high is not None:
        return ("range", low, high)
    if low is not None:
        return (">=", low)
    if high is not None:
        return ("<=", high)
    return ("=", count) if count is not None else ("vague",)


def figure_value(quantity: Quantity) -> Value:
    """:func:`value_key` of a predicted amount (an exact value wins over bounds).

    >>> figure_value(Quantity(None, 21, None, False, "21+"))
    ('>=', 21)
    """
    if quantity.value is not None:
        return ("=", quantity.value)
    return value_key(None, quantity.minimum, quantity.maximum)


def show_value(value: Value) -> str:
    """A value key as people write it.

    >>> show_value((">=", 21)), show_value(("range", 43, 110)), show_value(("vague",))
    ('21+', '43-110', 'vague')
    """
    if value[0] == "range":
        return f"{value[1]}-{value[2]}"
    if value[0] == "vague":
        return "vague"
    return f"{value[1]}+" if value[0] == ">=" else f"{'<=' if value[0] == '<=' else ''}{value[1]}"


def _outcome(outcome: str | None) -> str | None:
    """The gold's name of a published outcome.

    >>> _outcome("present"), _outcome("killed-or-injured"), _outcome("killed")
    (None, None, 'killed')
    """
    return None if outcome in NULL_OUTCOMES else outcome


def _figure_label(outcome: str | None, value: Value, source: str | None, text: str = "") -> str:
    by = f" by {source}" if source else ""
    stated = f": {text}" if text else ""
    return f"{outcome or 'casualties'} {show_value(value)}{by}{stated}"


def context(doc: Document, units: Sequence[Span], spans: Sequence[Span]) -> str:
    """The sentence (of ``units``) or else the line holding the first span; reports only.

    >>> from attackgraph.parse import parse
    >>> doc = parse(b"= Raid =\\n\\nTwo died. Police said four were hurt.\\n", "raid.txt")
    >>> at = doc.text.index("four")
    >>> units = [s.span for s in sentences(doc)]
    >>> context(doc, units, [Span(at, at + 4, "four", 3)])
    'Police said four were hurt.'
    """
    if not spans:
        return ""
    at = spans[0].begin
    for unit in units:
        if unit.begin <= at < unit.end:
            return unit.text
    start = doc.text.rfind("\n", 0, at) + 1
    end = doc.text.find("\n", at)
    return doc.text[start : end if end >= 0 else len(doc.text)].strip()


def claim_kind(kind: ClaimKind) -> str:
    """A claim kind in the gold vocabulary: the enum member's name, lower case.

    The model's values are concept local names (``other-statement``); the gold writes
    ``other``. Member names are the same in both.

    >>> claim_kind(ClaimKind.OTHER)
    'other'
    """
    return kind.name.lower()


def in_infobox(claim: PublishedClaim, doc: Document) -> bool:
    """An infobox claim: every evidence span lies within one infobox entry line."""
    entries = [(e.span.begin, e.span.end) for e in doc.infobox]
    return bool(claim.evidence) and all(
        any(begin <= s.begin and s.end <= end for begin, end in entries) for s in claim.evidence
    )


def _figure_items(
    figure: PublishedFigure, source: tuple[str, ...], kind: str, sentence: str
) -> dict[str, Item]:
    outcome, q = _outcome(figure.outcome), figure.quantity
    value = figure_value(q)
    by = source[0] if source else None
    label = _figure_label(outcome, value, by, q.text)
    groups = group_labels(figure.group, figure.group_label)
    return {
        "plain": Item(label, (outcome, *value), sentence=sentence),
        "strict": Item(label, (outcome, *value, q.approximate), source, groups, sentence),
        "claim": Item(label, (outcome, *value), source, sentence=sentence),
        "kind": Item(f"{kind} by {by}: {q.text}", (kind,), source, sentence=sentence),
    }


def predicted_items(published: PublishedDocument) -> Items:
    """Every category's facts as one document publishes them."""
    found: Items = {category: [] for category in CATEGORIES}
    units = [s.span for s in sentences(published.document)]
    for claim in published.claims:
        source, kind = claim.source, claim_kind(claim.kind)
        sentence = context(published.document, units, claim.evidence)
        figures = [_figure_items(f, source, kind, sentence) for f in claim.figures]
        if in_infobox(claim, published.document):
            found["infobox_figures"] += [f["plain"] for f in figures]
            found["infobox_figures_strict"] += [f["strict"] for f in figures]
        elif not source:
            found["unattributed_figures"] += [f["plain"] for f in figures]
        else:
            numbered = [
                f
                for f, fig in zip(figures, claim.figures, strict=True)
                if figure_value(fig.quantity) != ("vague",)
            ]
            if kind in FIGURE_KINDS:
                found["attributed_claims"] += [f["claim"] for f in numbered]
            evidence = claim.evidence[0].text if claim.evidence else ""
            found["claims_any_kind"] += [f["kind"] for f in figures] or [
                Item(f"{kind} by {source[0]}: {evidence}", (kind,), source, sentence=sentence)
            ]
    found["dates"] = _dates(published.start, published.end)
    found["places"] = _named(published.places)
    found["actors"] = _named(published.actors)
    country = published.country
    found["country"] = [Item(country, (country,))] if country else []
    return found


def _named(identities: tuple[tuple[str, ...], ...]) -> list[Item]:
    """One item per identity with a name (a name without words is left out, as in gold)."""
    return [Item(names[0], (), names) for names in identities if names and name_key(names[0])]


def _dates(start: str | None, end: str | None) -> list[Item]:
    """Start and end as items; an end equal to the start is no end (a one-day event)."""
    items = [Item(f"start {start}", ("start", start))] if start else []
    if end and end != start:
        items.append(Item(f"end {end}", ("end", end)))
    return items


def gold_items(gold: Gold) -> Items:
    """Every category's gold facts, by the same conventions as :func:`predicted_items`."""
    found: Items = {category: [] for category in CATEGORIES}
    for entry in gold.infobox_casualties:
        value = _gold_value(entry)
        label = _figure_label(entry.outcome, value, entry.source, entry.text)
        names = (entry.source,) if entry.source else ()
        found["infobox_figures"].append(Item(label, (entry.outcome, *value)))
        strict_key: Key = (entry.outcome, *value, entry.approximate)
        found["infobox_figures_strict"].append(
            Item(label, strict_key, names, group_labels(entry.group))
        )
    for entry in gold.claims:
        value, source = _gold_value(entry), entry.source or ""
        if entry.kind in FIGURE_KINDS and entry.has_number:
            label = _figure_label(entry.outcome, value, source)
            found["attributed_claims"].append(
                Item(label, (entry.outcome, *value), (source,), sentence=entry.text)
            )
        found["claims_any_kind"].append(
            Item(f"{entry.kind} by {source}", (entry.kind,), (source,), sentence=entry.text)
        )
    for entry in gold.unattributed_casualties:
        value = _gold_value(entry)
        label = _figure_label(entry.outcome, value, None)
        found["unattributed_figures"].append(
            Item(label, (entry.outcome, *value), sentence=entry.text)
        )
    found["dates"] = _dates(gold.date_start, gold.date_end)
    found["places"] = _distinct(gold.places)
    found["actors"] = _distinct(actor.name for actor in gold.actors)
    found["country"] = [Item(gold.country, (gold.country,))] if gold.country else []
    return found


def _gold_value(entry: GoldFigure) -> Value:
    return value_key(entry.count, entry.minimum, entry.maximum)


def _distinct(names: Iterator[str] | tuple[str, ...]) -> list[Item]:
    items: dict[str, Item] = {}
    for name in names:
        items.setdefault(name_key(name), Item(name, (), (name,)))
    return [item for key, item in items.items() if key]
