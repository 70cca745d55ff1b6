"""A bare "police" is the police force its document names, on documents written for
these tests (real converter, read back from the published quads)."""

from __future__ import annotations

from pathlib import Path

import pytest
from published_store import PREFIXES, convert

from attackgraph.pipeline import Converter

ACTORS = """SELECT DISTINCT ?name WHERE {
  VALUES ?class { ag:Actor ag:ArmedGroup ag:StateActor ag:Organization ag:Person }
  ?actor a ?class ; schema:name ?name }"""


def actor_names(tmp_path: Path, converter: Converter, text: str) -> set[str]:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    store = convert(converter, path)
    rows = store.query(PREFIXES + ACTORS, use_default_graph_as_union=True)
    return {row[0].value for row in rows}  # type: ignore[index]


def story(force_sentence: str) -> str:
    return f"""= Likoni ferry bombing =

Infobox
- Location: Likoni ferry terminal, Mombasa, Kenya
- Date: 2 February 2016
- Deaths: 5

On 2 February 2016 a bomb went off on the Likoni ferry, killing five passengers.
{force_sentence} Police said that five people had died and that 30 were wounded.
"""


@pytest.mark.parametrize(
    ("sentence", "force"),
    [
        ("The Coast Regional Police said the ferry was searched.", "Coast Regional Police"),
        ("The Mombasa County Police closed the ferry route for a day.", "Mombasa County Police"),
    ],
)
def test_a_bare_police_is_the_force_the_document_names(
    tmp_path: Path, converter: Converter, sentence: str, force: str
) -> None:
    names = actor_names(tmp_path, converter, story(sentence))
    assert force in names
    assert not any(name.endswith(" Police") and name != force for name in names), names


@pytest.mark.parametrize(
    "sentence",
    [
        "Two detectives of the Ugandan National Police flew in to help.",
        "The Tanzania Police Force sent divers to search the channel.",
    ],
)
def test_a_foreign_force_is_not_the_documents_police(
    tmp_path: Path, converter: Converter, sentence: str
) -> None:
    names = actor_names(tmp_path, converter, story(sentence))
    assert "Kenyan Police" in names, names
