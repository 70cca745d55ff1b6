"""Counts of people present that a named source states (``CONVENTIONS.md`` rule 7): an
estimate claim whose figure has the outcome ``present``, never a casualty; read back by
``evaluate`` as the gold's null outcome, and left out of the README's casualty query."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from attackgraph.evaluate import evaluate
from attackgraph.extract import extract
from attackgraph.model import ClaimKind, Extraction
from attackgraph.parse import parse

ROOT = Path(__file__).resolve().parents[1]


def read(body: str) -> Extraction:
    return extract(parse(f"= Harbour rally =\n\n{body}\n".encode(), "harbour.txt"))


def counted(body: str) -> list[tuple[str | None, str, str, object]]:
    """(source, claim kind, outcome, amount) of every prose figure of ``body``."""
    return [
        (
            c.source.name if c.source else None,
            c.kind.value,
            f.outcome,
            f.quantity.value
            if f.quantity.value is not None
            else (f.quantity.minimum, f.quantity.maximum),
        )
        for c in read(body).claims
        for f in c.figures
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The organisers said some 40,000 people joined the march along the quay.",
         [("organisers", "estimate", "present", 40000)]),
        ("According to the port authority, about 700 passengers were on the ferry.",
         [("port authority", "estimate", "present", 700)]),
        ("The harbour police said that the raiders had numbered about 60.",
         [("harbour police", "estimate", "present", 60)]),
    ],
)  # fmt: skip
def test_a_named_sources_headcount_is_an_estimate_of_people_present(
    body: str, expected: list[tuple[str | None, str, str, object]]
) -> None:
    assert counted(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Some 40,000 people joined the march along the quay.",  # nobody states it
        "The mayor said that 12 people were killed on the quay.",  # a casualty figure
        "The mayor said that 14 people had been taken away by boat.",  # done to them
        "The mayor said the 30 dockers stayed home.",  # counted before: "the"
    ],
)
def test_no_headcount_without_a_named_source_or_of_people_harmed(body: str) -> None:
    assert all(outcome != "present" for *_, outcome, _ in counted(body))


def test_a_casualty_and_a_headcount_in_one_statement_keep_apart() -> None:
    body = "Police said that about 300 fighters had taken part and that 12 of them were killed."
    claims = [c for c in read(body).claims if c.figures]
    by_kind = {c.kind: [(f.outcome, f.quantity.value) for f in c.figures] for c in claims}
    assert by_kind == {
        ClaimKind.ESTIMATE: [("present", 300)],
        ClaimKind.CASUALTIES: [("killed", 12)],
    }


def test_evaluate_reads_a_headcount_back_as_the_golds_null_outcome(tmp_path: Path) -> None:
    text = "= Harbour rally =\n\nThe organisers said some 40,000 people joined the march.\n"
    (tmp_path / "harbour-rally.txt").write_text(text, encoding="utf-8")
    sentence = "The organisers said some 40,000 people joined the march."
    claim = {
        "source": "organisers", "kind": "estimate", "outcome": None, "group": "marchers",
        "side": None, "count": 40000, "min": None, "max": None, "approximate": True,
        "about": "Harbour rally", "sentence": sentence,
    }  # fmt: skip
    gold = {
        "doc": "harbour-rally.txt", "title": "Harbour rally", "infobox_family": "none",
        "date_start": None, "date_end": None, "country": None, "places": [], "part_of": [],
        "actors": [], "infobox_casualties": [], "claims": [claim],
        "unattributed_casualties": [],
    }  # fmt: skip
    (tmp_path / "harbour-rally.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    score = evaluate([tmp_path], tmp_path).total["attributed_claims"]
    assert (score.tp, score.fp, score.fn) == (1, 0, 0)


def test_the_readme_query_of_casualty_figures_leaves_headcounts_out() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    query = re.search(r"\*\*2\. Who said what.*?```sparql\n(.*?)```", readme, re.S)
    assert query is not None
    assert "FILTER(?o != c:present)" in query.group(1)
