"""A town the event's name holds is a place of the event (extract/title_places.py), on
documents written for these tests: the site reader takes no name from a sentence that
tells of what came after, the title reader does."""

from __future__ import annotations

from pathlib import Path

from published_store import convert
from test_site_prose import event_places

from attackgraph.pipeline import Converter

MARKET = """= 2011 Kerevan market massacre =

Infobox
- Location: Central market, Lakeland Province
- Date: 4 May 2011
- Deaths: 23

On 4 May 2011 militiamen killed 23 traders at the central market of a lakeside town.

== Aftermath ==
The next day thousands of mourners gathered in Kerevan, a market town on the lake.
"""


def test_the_town_the_title_names_is_a_place_of_the_event(
    tmp_path: Path, converter: Converter
) -> None:
    path = tmp_path / "market.txt"
    path.write_text(MARKET, encoding="utf-8")
    assert "Kerevan" in event_places(convert(converter, path), "2011 Kerevan market massacre")


def test_a_company_the_title_names_is_no_place(tmp_path: Path, converter: Converter) -> None:
    text = MARKET.replace("Kerevan market massacre", "Orion Freight massacre").replace(
        "gathered in Kerevan, a market town", "gathered outside Orion Freight, a company"
    )
    path = tmp_path / "company.txt"
    path.write_text(text, encoding="utf-8")
    assert "Orion Freight" not in event_places(
        convert(converter, path), "2011 Orion Freight massacre"
    )
