"""Score the prose claim reader against the gold annotations of a corpus (measure only).

For every ``NAME.txt`` with its ``NAME.gold.json`` in a folder (default: the shared dev
corpus) it parses the document, runs :func:`attackgraph.extract.extract` for the
infobox context, builds the :class:`~attackgraph.extract.prose.ProseContext` from the
extraction (sites = sub-event keys, actors = the sides' actors and the perpetrators)
and runs :func:`~attackgraph.extract.prose.read_prose`. Then it compares:

- **attributed casualty figures**: gold ``claims`` of kind casualties/estimate with an
  outcome, against each figure of a claim with a source, on (normalised source,
  outcome, value); value is the count, or (min, max) for a range, "vague" for none.
  Sources match when their words, lower-cased and without accents, "the" and "(via
  X)", are equal or one's words include the other's, or one is the other's acronym;
  a gold source "A and B" matches either. ``strict`` also needs the same sentence.
- **unattributed figures**: gold ``unattributed_casualties`` against figures of claims
  without a source, on (outcome, value).
- **all attributed claims**: every gold claim against every attributed claim, on
  (normalised source, kind).

Matching is one-to-one per document (same sentence first). It also checks that every
figure span lies inside its claim's evidence and is an exact slice of the text, and
prints the misses (``-``) and extras (``+``) with ``--misses``.

Usage::

    .venv/bin/python bench/score_prose.py [CORPUS_DIR] [--misses]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from attackgraph.extract import extract
from attackgraph.extract.prose import ProseContext, ProseFacts, read_prose
from attackgraph.model import ClaimRecord, Document, Extraction, Quantity
from attackgraph.parse import parse_file

DEFAULT_CORPUS = Path("/work/shared/corpus/dev")
STOP = {"the", "of", "and", "for", "in", "s"}
Value = int | tuple[int | None, int | None] | str


@dataclass(frozen=True)
class Item:
    key: tuple[Any, ...]
    source: str | None
    sentence: str
    show: str


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def source_words(name: str) -> list[str]:
    name = re.sub(r"\(via [^)]*\)", "", fold(name))
    return [w for w in re.findall(r"[a-z0-9]+", name.replace("'s", "")) if w not in STOP]


def same_source(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    parts = [p for p in re.split(r"\s+and\s+", b) if p] or [b]
    for part in parts:
        x, y = set(source_words(a)), set(source_words(part))
        if x and y and (x <= y or y <= x):
            return True
        initials = lambda words: "".join(w[0] for w in words)  # noqa: E731
        if len(x) == 1 and next(iter(x)) == initials(source_words(part)):
            return True
        if len(y) == 1 and next(iter(y)) == initials(source_words(a)):
            return True
    return False


def gold_value(entry: dict[str, Any]) -> Value:
    if entry["count"] is not None:
        return int(entry["count"])
    if entry["min"] is not None or entry["max"] is not None:
        return (entry["min"], entry["max"])
    return "vague"


def our_value(q: Quantity) -> Value:
    if q.value is not None:
        return q.value
    if q.minimum is not None and q.maximum is not None:
        return (q.minimum, q.maximum)
    if q.minimum is not None or q.maximum is not None:
        return q.minimum if q.minimum is not None else q.maximum  # type: ignore[return-value]
    return "vague"


def outcome(name: str | None) -> str | None:
    return None if name in (None, "killed-or-injured") else name


def context(x: Extraction) -> ProseContext:
    sites = {e.places[0]: e.key for e in x.events if e.key.startswith("site:") and e.places}
    actors = tuple(a for side in x.sides for a in side.actors) + x.event.perpetrators
    return ProseContext(
        main_key=x.event.key,
        main_name=x.event.name,
        sites=sites,
        actors=actors,
        main_date=x.event.date,
        perpetrators=x.event.perpetrators,
    )


def check_spans(doc: Document, facts: ProseFacts) -> list[str]:
    bad = []
    for claim in facts.claims:
        for span in claim.evidence:
            if doc.text[span.begin : span.end] != span.text:
                bad.append(f"evidence not exact: {span}")
        for figure in claim.figures:
            s = figure.span
            inside = any(e.begin <= s.begin and s.end <= e.end for e in claim.evidence)
            if not inside or doc.text[s.begin : s.end] != s.text:
                bad.append(f"figure span outside evidence: {s.text!r}")
            if figure.quantity.text not in s.text:
                bad.append(f"number words outside the figure span: {figure.quantity.text!r}")
        if (
            claim.source is not None
            and doc.text[claim.source.span.begin : claim.source.span.end] != claim.source.span.text
        ):
            bad.append(f"source span not exact: {claim.source}")
    return bad


def match(
    pred: list[Item], gold: list[Item], same: Callable[[Item, Item], bool]
) -> tuple[int, list[Item], list[Item]]:
    """One-to-one matching (same sentence first): (matches, missed gold, extra predictions)."""
    left = list(gold)
    extra: list[Item] = []
    unmatched: list[Item] = []
    tp = 0
    for p in pred:
        hit = next((g for g in left if same(p, g) and g.sentence in p.sentence), None)
        if hit is None:
            unmatched.append(p)
        else:
            left.remove(hit)
            tp += 1
    for p in unmatched:
        hit = next((g for g in left if same(p, g)), None)
        if hit is not None:
            left.remove(hit)
            tp += 1
        elif not any(same(p, g) and " and " in (g.source or "") for g in gold):
            extra.append(p)  # a second party of a joint gold source ("A and B") is no extra
    return tp, left, extra


def strict_match(pred: list[Item], gold: list[Item], same: Callable[[Item, Item], bool]) -> int:
    return match(pred, gold, lambda p, g: same(p, g) and g.sentence in p.sentence)[0]


def figure_items(claims: list[ClaimRecord], attributed: bool) -> list[Item]:
    items = []
    for claim in claims:
        if (claim.source is not None) != attributed:
            continue
        sentence = claim.evidence[0].text
        for f in claim.figures:
            if attributed and outcome(f.outcome) is None:
                continue  # the gold target has no combined ("killed or wounded") outcome
            key = (outcome(f.outcome), our_value(f.quantity))
            name = claim.source.name if claim.source else None
            value = our_value(f.quantity)
            show = f"{name} | {f.outcome} {f.group} {value} | {claim.about} | {f.span.text}"
            items.append(Item(key, name, sentence, show))
    return items


class Score:
    def __init__(self, name: str) -> None:
        self.name, self.tp, self.strict, self.pred, self.gold = name, 0, 0, 0, 0

    def add(self, tp: int, strict: int, pred: int, gold: int) -> None:
        self.tp, self.strict = self.tp + tp, self.strict + strict
        self.pred, self.gold = self.pred + pred, self.gold + gold

    def line(self) -> str:
        def prf(tp: int) -> str:
            p = tp / self.pred if self.pred else 0.0
            r = tp / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return f"P {p:.3f} R {r:.3f} F1 {f:.3f}"

        return (
            f"{self.name:<38} pred {self.pred:>3} gold {self.gold:>3}  {prf(self.tp)}"
            f"   strict(same sentence): {prf(self.strict)}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--misses", action="store_true", help="print misses and extras")
    args = parser.parse_args(argv)
    scores = [
        Score("attributed casualty figures"),
        Score("unattributed casualty figures"),
        Score("attributed claims (source, kind)"),
    ]
    bad_spans: list[str] = []
    figures_checked = 0
    for path in sorted(args.corpus.glob("*.txt")):
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        doc = parse_file(path)
        facts = read_prose(doc, context(extract(doc)))
        bad_spans += [f"{path.name}: {b}" for b in check_spans(doc, facts)]
        figures_checked += sum(len(c.figures) for c in facts.claims)
        claims = list(facts.claims)

        g_attr = [
            Item((outcome(c["outcome"]), gold_value(c)), c["source"], c["sentence"],
                 f"{c['source']} | {c['outcome']} {c['group']} {gold_value(c)} | {c['about']}")
            for c in gold["claims"] if c["kind"] in ("casualties", "estimate") and c["outcome"]
        ]  # fmt: skip
        g_unattr = [
            Item((outcome(c["outcome"]), gold_value(c)), None, c["sentence"],
                 f"{c['outcome']} {c['group']} {gold_value(c)} | {c['about']}")
            for c in gold["unattributed_casualties"]
        ]  # fmt: skip
        g_claims = list(
            {
                (c["source"], c["kind"], c["sentence"]): Item(
                    (c["kind"],),
                    c["source"],
                    c["sentence"],
                    f"{c['source']} | {c['kind']} | {c['about']}",
                )
                for c in gold["claims"]
            }.values()
        )  # one per (source, kind, sentence): gold lists one claim per figure
        p_attr = figure_items(claims, attributed=True)
        p_unattr = figure_items(claims, attributed=False)
        p_claims = [
            Item(("other" if c.kind.value.startswith("other") else c.kind.value,),
                 c.source.name, c.evidence[0].text, f"{c.source.name} | {c.kind.value} | {c.about}")
            for c in claims if c.source is not None
        ]  # fmt: skip

        def by_source(p: Item, g: Item) -> bool:
            return p.key == g.key and same_source(p.source, g.source)

        def by_kind(p: Item, g: Item) -> bool:
            kinds = {p.key[0], g.key[0]}
            related = kinds <= {"casualties", "estimate"} or kinds <= {"attack", "other"}
            return (p.key == g.key or related) and same_source(p.source, g.source)

        report = []
        for score, pred, gl, same in (
            (scores[0], p_attr, g_attr, by_source),
            (scores[1], p_unattr, g_unattr, by_source),
            (scores[2], p_claims, g_claims, by_kind),
        ):
            tp, missed, extra = match(pred, gl, same)
            score.add(tp, strict_match(pred, gl, same), tp + len(extra), len(gl))
            report.append((score.name, missed, extra))
        if args.misses:
            print(f"== {path.name}")
            for name, missed, extra in report:
                for g in missed:
                    print(f"  - [{name}] {g.show} :: {g.sentence[:90]}")
                for p in extra:
                    print(f"  + [{name}] {p.show} :: {p.sentence[:90]}")
    for score in scores:
        print(score.line())
    print(
        f"figures checked: {figures_checked};"
        f" figure spans outside evidence or not exact: {len(bad_spans)}"
    )
    for bad in bad_spans:
        print("  ", bad)
    return 1 if bad_spans else 0


if __name__ == "__main__":
    sys.exit(main())
