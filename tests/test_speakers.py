"""Speakers' search for an organisation named by a name quoted earlier (issue 12: a long
document quotes thousands of names; the search reads the sentence once instead of
looking for every name in it). Our own wording throughout."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attackgraph.extract import extract
from attackgraph.extract.speakers import Speakers
from attackgraph.parse import parse

_NAMES = ("Aid Watch", "Aid Watch Intl", "Watch Intl", "Red Cross", "Ann Lee", "Ai d")
_WORDS = (*_NAMES, "said", "the", "Aid", "Watch", ".", ",", "Cross", "Intl")


def _searched(
    text: str, quoted: list[str], persons: set[str], begin: int, end: int
) -> tuple[int, str] | None:
    """The search :class:`Speakers` made before: every name quoted, looked for in turn."""
    names = {n for n in quoted if n not in persons and " " in n}
    hits = [(text.find(n, begin, end), n) for n in names]
    hits = [hit for hit in hits if hit[0] >= 0]
    return min(hits) if hits else None


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(_WORDS), max_size=20),
    quoted=st.lists(st.sampled_from(_NAMES), max_size=5),
    persons=st.sets(st.sampled_from(_NAMES), max_size=2),
    begin=st.integers(0, 150),
    end=st.integers(0, 150),
)
def test_the_first_name_quoted_in_a_span_is_what_a_search_for_each_finds(
    words: list[str], quoted: list[str], persons: set[str], begin: int, end: int
) -> None:
    text = " ".join(words)
    speakers = Speakers(text)
    for name in quoted:
        speakers._index_quoted(name)
    speakers._persons = set(persons)
    assert speakers._first_quoted(begin, end) == _searched(text, quoted, persons, begin, end)


def test_a_name_quoted_as_a_person_is_no_organisation() -> None:
    text = "Ann Lee met Aid Watch."
    speakers = Speakers(text)
    speakers._index_quoted("Ann Lee")
    speakers._index_quoted("Aid Watch")
    assert speakers._first_quoted(0, len(text)) == (0, "Ann Lee")
    speakers._persons.add("Ann Lee")
    assert speakers._first_quoted(0, len(text)) == (12, "Aid Watch")


_EARLIER = (
    "Aid Watch Kenya counted 14 dead. The Marsabit Relief Office said 9 died. Police said 3 "
    "more died. "
)


@pytest.mark.parametrize(
    ("later", "source"),
    [
        (
            "Later, the Marsabit Relief Office thanked Aid Watch Kenya for its help. The "
            "organisation said 20 had died.",
            "Marsabit Relief Office",
        ),
        (
            "Later, Aid Watch Kenya thanked the Marsabit Relief Office for its help. The "
            "organisation said 20 had died.",
            "Aid Watch Kenya",
        ),
        (
            "Later, Aid Watch Kenya thanked the Marsabit Relief Office for its help. It said "
            "20 had died.",
            "Aid Watch Kenya",
        ),
    ],
)
def test_the_organisation_is_the_first_quoted_name_of_the_sentence_before(
    later: str, source: str
) -> None:
    """Of two names quoted earlier and written again in the sentence just before "the
    organisation" / "It", the first written (the subject)."""
    doc = parse(f"= Raid on Tamba =\n\n{_EARLIER}{later}\n".encode(), "tamba.txt")
    found = [
        (claim.source.name if claim.source else None, f.quantity.value)
        for claim in extract(doc).claims
        for f in claim.figures
    ]
    assert found[-1] == (source, 20)


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(
        st.sampled_from(("Tate", "tate", "TATE", "Tates", "O'", "-", " ", ".", "Éva", "_", "1")),
        max_size=15,
    ),
    name=st.sampled_from(("Tate", "Tate-Tate", "Éva", "Tates", "O'Tate", "Tate.")),
)
def test_a_word_is_written_where_a_search_for_it_as_a_word_finds_it(
    pieces: list[str], name: str
) -> None:
    """The index of capitalised words finds a one-word name where ``\\b{name}\\b`` does."""
    text = "".join(pieces)
    expected = [m.start() for m in re.finditer(rf"\b{re.escape(name)}\b", text)]
    assert list(Speakers(text)._written(name)) == expected


def test_a_word_written_again_inside_its_last_writing_is_not_found_twice() -> None:
    assert list(Speakers("Tate-Tate-Tate met Tate-Tate")._written("Tate-Tate")) == [0, 19]
