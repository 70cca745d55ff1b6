"""Score the infobox casualty parser against the gold annotations of a corpus.

Reads every ``NAME.txt`` with its ``NAME.gold.json`` in a folder (default: the shared
dev corpus), finds the casualty infobox lines with a plain line scan, runs
:func:`attackgraph.extract.casualties.parse_casualty_field` on each, and compares the
figures with the gold ``infobox_casualties`` on (outcome, count/min/max, approximate)
and the group when both the gold group is a standard concept and the parser named one.
``--strict-group`` also counts a missing group as a mismatch.

Usage::

    .venv/bin/python bench/score_infobox_figures.py [CORPUS_DIR] [--strict-group]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from attackgraph.extract.casualties import ParsedFigure, parse_casualty_field
from attackgraph.model import Span

DEFAULT_CORPUS = Path("/work/shared/corpus/dev")
FIELDS = {
    "deaths": ("killed", "total"),
    "fatalities": ("killed", "total"),
    "killed": ("killed", "total"),
    "injuries": ("injured", "total"),
    "injured": ("injured", "total"),
    "non-fatal injuries": ("injured", "total"),
}
CASUALTIES = re.compile(r"casualties\d*")
LINE = re.compile(r"^- (?P<key>[^:]+?)\s*:\s*(?P<value>.*\S)\s*$")
STANDARD_GROUPS = {
    "total", "civilians", "soldiers", "security-forces", "police", "militants",
    "attackers", "children", "students", "staff", "hostages",
}  # fmt: skip

Key = tuple[str | None, int | None, int | None, int | None, bool]


def casualty_values(text: str) -> Iterator[tuple[Span, str | None, str | None]]:
    """Each casualty infobox value as a document span, with the field's defaults."""
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        m = LINE.match(line)
        if m:
            key = m["key"].strip().lower()
            defaults = FIELDS.get(key, (None, None) if CASUALTIES.fullmatch(key) else None)
            if defaults is not None:
                begin = offset + m.start("value")
                span = Span(begin, offset + m.end("value"), m["value"], number)
                yield span, defaults[0], defaults[1]
        offset += len(line) + 1


def as_gold(figure: ParsedFigure) -> Key:
    """The figure in the gold conventions: (outcome, count, min, max, approximate)."""
    q = figure.quantity
    outcome = None if figure.outcome == "killed-or-injured" else figure.outcome
    count = q.value
    if count is None and q.maximum is None:
        count = q.minimum
    if count is None and q.minimum is None:
        count = q.maximum
    low = q.minimum if q.value is None else None
    high = q.maximum if q.value is None else None
    return outcome, count, low, high, q.approximate


def gold_key(entry: dict[str, object]) -> Key:
    def number(name: str) -> int | None:
        value = entry[name]
        return value if isinstance(value, int) else None

    outcome = entry["outcome"]
    return (
        outcome if isinstance(outcome, str) else None,
        number("count"),
        number("min"),
        number("max"),
        bool(entry["approximate"]),
    )


def group_ok(gold: object, found: str | None, strict: bool) -> bool:
    standard = str(gold).replace(" ", "-") if gold is not None else None
    if standard not in STANDARD_GROUPS:
        return True
    if found is None:
        return not strict
    return found == standard


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--strict-group", action="store_true")
    args = parser.parse_args(argv)
    tp = fp = fn = 0
    for path in sorted(args.corpus.glob("*.txt")):
        gold_path = path.with_name(path.stem + ".gold.json")
        if not gold_path.exists():
            continue
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        gold = json.loads(gold_path.read_text(encoding="utf-8"))["infobox_casualties"]
        found: list[ParsedFigure] = []
        for span, outcome, group in casualty_values(text):
            parsed = parse_casualty_field(span, default_outcome=outcome, default_group=group)
            for f in parsed.figures:
                assert text[f.span.begin : f.span.end] == f.span.text, f.span
            found.extend(parsed.figures)
        left = list(found)
        for entry in gold:
            match = next(
                (
                    f
                    for f in left
                    if as_gold(f) == gold_key(entry)
                    and group_ok(entry["group"], f.group, args.strict_group)
                ),
                None,
            )
            if match is None:
                fn += 1
                print(f"MISS  {path.stem}: {entry['raw']!r} gold={gold_key(entry)} "
                      f"group={entry['group']}")  # fmt: skip
            else:
                tp += 1
                left.remove(match)
        for f in left:
            fp += 1
            print(f"EXTRA {path.stem}: {f.span.text!r} got={as_gold(f)} group={f.group}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"tp={tp} fp={fp} fn={fn} precision={precision:.3f} recall={recall:.3f} f1={f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
