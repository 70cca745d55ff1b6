"""Sentence splitting: exact spans, abbreviations, quotes, bullets, sections."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attackgraph.extract.sentences import sentences, split_text
from attackgraph.parse import parse, parse_file

SAMPLES = sorted((Path(__file__).parents[1] / "data" / "documents").glob("*.txt"))


def split(text: str) -> list[str]:
    return [text[b:e] for b, e in split_text(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Capt. Ali Musa led the patrol.",
        "Gen. Sani and Lt. Col. Dauda arrived.",
        "Maj. Bello, Sgt. Okoro and Dr. Fofana were wounded.",
        "Mr. and Mrs. Diallo were among the dead.",
        "It happened on St. Anne's Street near No. 5 Avenue.",
        "The raid began on Jan. 12 and ended on Feb. 3.",
        "Witnesses, e.g. shopkeepers, fled.",
        "Residents, i.e. farmers and herders, fled.",
        "Police named J. R. Okafor as the driver.",
        "About 2.5 tonnes of explosives were used.",
        "The U.S. Army and the U.N. Mission sent teams.",
        "Firing began at 10 a.m. near the gate.",
    ],
)
def test_abbreviations_do_not_end_a_sentence(text: str) -> None:
    assert split(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The shooting stopped at 9 p.m. The next morning troops entered.",
            ["The shooting stopped at 9 p.m.", "The next morning troops entered."],
        ),
        (
            "The aid came from the U.S. It arrived late.",
            ["The aid came from the U.S.", "It arrived late."],
        ),
        (
            'He said: "We will come back." The group left.',
            ['He said: "We will come back."', "The group left."],
        ),
        (
            "“Nobody was spared.” Survivors fled the town.",
            ["“Nobody was spared.”", "Survivors fled the town."],
        ),
        (
            '"It is over," he said. "We won." Then silence.',
            ['"It is over," he said.', '"We won."', "Then silence."],
        ),
        (
            "Was it planned? Nobody knows! Police said so.",
            ["Was it planned?", "Nobody knows!", "Police said so."],
        ),
        (
            "Ten died (three of them children). Others fled.",
            ["Ten died (three of them children).", "Others fled."],
        ),
        ("The toll was 38. Thirty were British.", ["The toll was 38.", "Thirty were British."]),
        ("It ended... Then it began again.", ["It ended...", "Then it began again."]),
        ('"Leave now." he shouted.', ['"Leave now." he shouted.']),
    ],
)
def test_sentence_ends(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_line_breaks_inside_a_paragraph_are_whitespace() -> None:
    assert split("Six died.\nTen were\nwounded.") == ["Six died.", "Ten were\nwounded."]


def test_region_offsets_point_into_the_whole_text() -> None:
    text = "XXXX One died. Two fled. YYYY"
    assert split_text(text, 5, 24) == [(5, 14), (15, 24)]


def test_bullets_are_one_unit_and_sections_are_kept() -> None:
    doc = parse(
        b"= Raid on Tamba =\n\nInfobox\n- Deaths: 5. Six. Seven.\n\n"
        b"Gunmen killed five. Police said so.\n\n"
        b"== Background ==\n=== Earlier raids ===\nA raid in 2019 killed two.\n\n"
        b"== Reactions ==\n- Mali condemned it. So did Niger.\n- Chad too.\n",
        "tamba.txt",
    )
    found = [(s.text, s.sections, s.bullet, s.span.line) for s in sentences(doc)]
    assert found == [
        ("Gunmen killed five.", (), False, 6),
        ("Police said so.", (), False, 6),
        ("A raid in 2019 killed two.", ("Background", "Earlier raids"), False, 10),
        ("Mali condemned it. So did Niger.", ("Reactions",), True, 13),
        ("Chad too.", ("Reactions",), True, 14),
    ]
    assert all("Deaths" not in s.text for s in sentences(doc))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_documents_split_into_exact_spans(path: Path) -> None:
    doc = parse_file(path)
    found = sentences(doc)
    assert found
    for sentence in found:
        span = sentence.span
        assert doc.text[span.begin : span.end] == span.text
        assert doc.text.count("\n", 0, span.begin) + 1 == span.line


def test_sample_sentence_with_quotes_and_sites() -> None:
    doc = parse_file(SAMPLES[0])
    texts = [s.text for s in sentences(doc)]
    assert (
        "The first attack occurred in Sevare, with the Malian government stating that six"
        " soldiers were killed and fifteen were injured in the attack." in texts
    )


PROSE = st.lists(
    st.sampled_from(list("ab AB.?!\"'”’)(;,\n\t2é") + ["Capt.", "U.S.", " e.g. ", "J.", "…"]),
    max_size=40,
).map("".join)


@given(PROSE)
@settings(max_examples=300, deadline=None)
def test_spans_are_exact_ordered_and_cover_the_text(text: str) -> None:
    pieces = split_text(text)
    last = 0
    for b, e in pieces:
        assert last <= b < e <= len(text)
        chunk = text[b:e]
        assert chunk == chunk.strip()
        assert not text[last:b].strip()
        last = e
    assert not text[last:].strip()


@given(st.lists(PROSE.filter(lambda t: t.strip() and "=" not in t), min_size=1, max_size=4))
@settings(max_examples=100, deadline=None)
def test_document_sentence_spans_are_exact(paragraphs: list[str]) -> None:
    body = "\n\n".join(p.replace("\n", " ").strip() for p in paragraphs if p.strip())
    doc = parse(f"= Title =\n\n{body}\n".encode(), "t.txt")
    for sentence in sentences(doc):
        assert doc.text[sentence.span.begin : sentence.span.end] == sentence.span.text
