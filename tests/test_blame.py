"""validate/blame.py: the line of a document that states a union violation's focus and
path, found in that document's own converted graph (real conversions, no fixtures)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from attackgraph.namespaces import AG_NS
from attackgraph.pipeline import BuildOptions, Converter
from attackgraph.validate.blame import statement_line

TEXT = """= Raid on Tamba =

Infobox
- Date: 1 May 2020
- Location: Tamba, Mali

Gunmen attacked the army post in Tamba at dawn.

The toll was not known.

Katiba Sud claimed responsibility for the attack in a statement.
"""
DOC = "https://w3id.org/attackgraph/id/doc/raid"
EVENT = "https://w3id.org/attackgraph/id/event/raid-on-tamba"
TAMBA = "https://w3id.org/attackgraph/id/place/ml-tamba"


@pytest.fixture(scope="module")
def quads() -> list[ox.Quad]:
    result = Converter(BuildOptions()).convert_bytes(TEXT.encode(), Path("raid.txt"))
    assert result.skipped is None, result.skipped
    return list(result.quads)


def _line(text: str) -> int:
    return TEXT.splitlines().index(text) + 1


def test_a_fact_stated_in_prose_is_blamed_on_its_sentence(quads: list[ox.Quad]) -> None:
    line = statement_line(quads, DOC, EVENT, AG_NS + "perpetrator")
    assert line == _line("Katiba Sud claimed responsibility for the attack in a statement.")


def test_a_date_is_blamed_on_the_infobox_line(quads: list[ox.Quad]) -> None:
    line = statement_line(quads, DOC, EVENT, AG_NS + "date")
    assert line == _line("- Date: 1 May 2020")


def test_a_place_is_blamed_on_the_line_naming_its_container(quads: list[ox.Quad]) -> None:
    line = statement_line(quads, DOC, TAMBA, AG_NS + "containedIn")
    assert line == _line("- Location: Tamba, Mali")


def test_a_node_the_document_does_not_describe_has_no_line(quads: list[ox.Quad]) -> None:
    elsewhere = "https://w3id.org/attackgraph/id/event/other"
    assert statement_line(quads, DOC, elsewhere, AG_NS + "date") is None
