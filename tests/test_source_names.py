"""How a source is named: the form a reader would give it, from the document's own
mentions (issue 8). Every sentence is our own wording, none from an evaluation corpus.
"""

from __future__ import annotations

import pytest
from test_attributed_sources import sources


def test_a_time_before_a_surname_is_no_part_of_the_speaker() -> None:
    """ "Later that evening Kane said": Kane, named in full when first quoted, not "evening
    Kane"."""
    body = (
        "The ministry's spokesman, Omar Kane, gave an early toll. Later that evening Kane "
        "said the toll had risen to 16."
    )
    assert sources(body) == [("Omar Kane", 16)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Nine refugees died, according to the UN migration agency, IOM.", [("IOM", 9)]),
        (
            "Five people died, according to a local aid group, the Red Crescent, which ran "
            "the clinic.",
            [("Red Crescent", 5)],
        ),
        (
            "Six soldiers died, according to the ministry, and the town was calm.",
            [("ministry", 6)],
        ),
    ],
)
def test_a_name_in_apposition_after_a_description_is_the_source(
    body: str, expected: list[object]
) -> None:
    """The body's name after the words describing it, not "UN migration agency"."""
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Special Tribunal for Tamba heard the case for two years. In 2015 the "
            "tribunal found that 44 villagers had been killed.",
            [("Special Tribunal for Tamba", 44)],
        ),
        (
            "Wounded people were taken to Tamba General Hospital. The hospital said 12 had died.",
            [("Tamba General Hospital", 12)],
        ),
    ],
)
def test_the_noun_heading_an_earlier_name_is_that_name(body: str, expected: list[object]) -> None:
    """ "the tribunal" is the body the text named with it, not a source named "tribunal"."""
    assert sources(body) == expected


def test_an_acronym_of_a_name_in_another_language_is_that_name() -> None:
    """ "the National Liberation Army (ELN)" defines ELN although its letters are not the
    English name's: the speaker "ELN" is the name the text gives in full."""
    body = (
        "Zembia's National Liberation Army (ELN) attacked the academy. The ELN said that "
        "21 people had been killed."
    )
    assert sources(body) == [("National Liberation Army", 21)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Truth and Reconciliation Commission of Zembia was set up in 2001. The "
            "commission said that 69 people died.",
            [("Truth and Reconciliation Commission of Zembia", 69)],
        ),
        (
            "The Truth and Reconciliation Commission of Zembia was set up in 2001. The "
            "commission established the deaths of 69 people.",
            [("Truth and Reconciliation Commission of Zembia", 69)],
        ),
        (
            "The Zembian Truth Committee was set up in 2001. In 2005 it certified 150 people "
            "as killed.",
            [("Zembian Truth Committee", 150)],
        ),
    ],
)
def test_a_body_that_establishes_or_certifies_deaths_states_them(
    body: str, expected: list[object]
) -> None:
    """ "the commission" is the whole name written with "and"; establishing the deaths of
    69 people or certifying 150 as killed states the figure."""
    assert sources(body) == expected
