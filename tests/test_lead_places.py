"""The places of a lead's first sentence when the document has no infobox place
(extract/lead.py), on sentences written for these tests."""

from __future__ import annotations

import pytest

from attackgraph.extract.lead import lead_places
from attackgraph.extract.sentences import Sentence
from attackgraph.model import Span


def names(text: str) -> list[str]:
    return [p.name for p in lead_places(Sentence(Span(0, len(text), text, 3), (), 0, False))]


@pytest.mark.parametrize(
    ("text", "site"),
    [
        (
            "A bomb tore through the Kestrel cafe in Belvane on Friday, killing 12 people.",
            "Kestrel cafe",
        ),
        ("Gunmen attacked the Osterby market in Karlin, Denmark, killing nine.", "Osterby market"),
    ],
)
def test_a_lowercase_word_saying_what_a_named_place_is_belongs_to_its_name(
    text: str, site: str
) -> None:
    assert site in names(text)
