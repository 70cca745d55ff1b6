"""Two documents that disagree on a single value of one place: the union keeps one value
on the place and publishes each document's value as a claim of that document."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from attackgraph.disputes import word_at
from attackgraph.identifiers import Minter
from attackgraph.namespaces import AG, NIF, RDF, SCHEMA, concept
from attackgraph.pipeline import Converter
from attackgraph.union import CONFLICT_RULE, Union
from attackgraph.validate import Validator

MINTER = Minter()
TAMBA = MINTER.place("ml-tamba")


def _doc(place: str, prose: str = "Gunmen attacked the market.") -> bytes:
    infobox = f"- Date: 1 May 2020\n- Place: {place}"
    return f"= Raid on Tamba =\n\nInfobox\n{infobox}\n\n{prose}\n".encode()


@pytest.fixture(scope="module")
def merged(converter: Converter) -> tuple[list[ox.Quad], Union, list[str]]:
    union, quads, warnings = Union(), [], []
    for name, place in [("a", "Tamba, Mopti Region, Mali"), ("b", "Tamba, Ségou Region, Mali")]:
        result = converter.convert_bytes(_doc(place), Path(f"{name}.txt"))
        assert result.skipped is None, result.skipped
        added, problems = union.add(result.quads, f"{name}.txt")
        quads += added
        warnings += [str(p) for p in problems]
    return quads, union, warnings


def _claims(quads: list[ox.Quad]) -> dict[str, dict[str, str]]:
    """Triple-shaped claims about Tamba's ag:containedIn: claim -> property -> value."""
    found: dict[str, dict[str, str]] = {}
    for q in quads:
        found.setdefault(q.subject.value, {})[q.predicate.value] = q.object.value
    return {
        claim: props
        for claim, props in found.items()
        if props.get(RDF.subject.value) == TAMBA.value
        and props.get(RDF.predicate.value) == AG.containedIn.value
    }


def test_the_place_keeps_the_first_documents_value(
    merged: tuple[list[ox.Quad], Union, list[str]],
) -> None:
    quads, _, warnings = merged
    values = {q.object.value for q in quads if q.subject == TAMBA and q.predicate == AG.containedIn}
    assert values == {MINTER.place("ml-mopti-region").value}
    assert not [w for w in warnings if CONFLICT_RULE in w]


def test_each_documents_value_is_a_claim_of_that_document(
    merged: tuple[list[ox.Quad], Union, list[str]],
) -> None:
    quads, union, _ = merged
    claims = _claims(quads)
    by_document = {
        props[AG.reportedIn.value].rsplit("/", 1)[1]: (
            props[RDF.object.value].rsplit("/", 1)[1],
            props[AG.rank.value],
        )
        for props in claims.values()
    }
    assert by_document == {
        "a": ("ml-mopti-region", concept("preferred").value),
        "b": ("ml-segou-region", concept("normal").value),
    }
    graphs = {q.subject.value: q.graph_name.value for q in quads if q.subject.value in claims}
    assert all(graphs[c] == props[AG.reportedIn.value] for c, props in claims.items())
    assert union.stats.disputed == 1 and union.disputes.claims == 2


def test_the_evidence_is_where_the_document_names_the_place(
    merged: tuple[list[ox.Quad], Union, list[str]],
) -> None:
    quads, _, _ = merged
    text = {q.subject.value: q.object.value for q in quads if q.predicate == NIF.isString}
    spans: dict[str, dict[str, str]] = {}
    for q in quads:
        spans.setdefault(q.subject.value, {})[q.predicate.value] = q.object.value
    for props in _claims(quads).values():
        span = spans[props[AG.evidence.value]]
        doc = text[span[NIF.referenceContext.value]]
        begin, end = int(span[NIF.beginIndex.value]), int(span[NIF.endIndex.value])
        assert doc[begin:end] == span[NIF.anchorOf.value] == "Tamba"


def test_the_union_with_the_claims_conforms(
    merged: tuple[list[ox.Quad], Union, list[str]],
) -> None:
    quads, _, _ = merged
    report = Validator().validate_quads(quads)
    assert report.conforms, report.format_text()


def test_a_document_that_never_names_the_thing_is_left_out_with_a_warning() -> None:
    union, place = Union(), MINTER.place("ml-doro")

    def doc(n: int, container: str) -> list[ox.Quad]:
        g = MINTER.document(f"d{n}")
        return [
            ox.Quad(g, NIF.isString, ox.Literal("= Raid =\n\nA raid."), g),
            ox.Quad(place, RDF.type, AG.Place, g),
            ox.Quad(place, SCHEMA.name, ox.Literal("Doro"), g),
            ox.Quad(place, AG.containedIn, MINTER.place(container), g),
        ]

    union.add(doc(1, "ml-gao-region"), "d1.txt")
    quads, problems = union.add(doc(2, "ml-mopti-region"), "d2.txt")
    assert [p.rule for p in problems] == [CONFLICT_RULE]
    assert not [q for q in quads if q.predicate == AG.containedIn]
    assert union.disputes.claims == 0


def test_word_at_answers_as_the_pattern_did() -> None:
    """``word_at`` replaced ``re.search(rf"(?<!\\w){re.escape(name)}(?!\\w)", text)``
    (compiled once per name): the same first position on texts of word characters
    (accented, digits, ``_``), spaces and punctuation, names at edges and inside words."""
    rng = random.Random(7)
    letters = "ab_1é Ü.-(),ß٣"
    for _ in range(3000):
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 30)))
        name = "".join(rng.choice(letters) for _ in range(rng.randint(1, 4)))
        if rng.random() < 0.5 and text:
            begin = rng.randrange(len(text))
            name = text[begin : begin + rng.randint(1, 5)]
        found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)
        assert word_at(text, name) == (found.start() if found else -1), (text, name)
