"""The parse stage: bytes -> Document, and the documented errors for bad input."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attackgraph.model import BlockKind, Document, InputError, Span
from attackgraph.parse import MAX_BYTES, parse, parse_file

FIXTURES = Path(__file__).parent / "fixtures"
BROKEN = FIXTURES / "broken"
EXPECTED: dict[str, dict[str, Any] | None] = json.loads(
    (BROKEN / "expected.json").read_text(encoding="utf-8")
)
SAMPLE = Path(__file__).parents[1] / "data" / "documents" / "000_6de047e5428871d9.txt"
SHIPPED = sorted(SAMPLE.parent.glob("*.txt"))
DEV = Path("/work/shared/corpus/dev")
DEV_DOCS = sorted(DEV.glob("*.txt")) if DEV.is_dir() else []


def spans(doc: Document) -> list[Span]:
    found = [doc.title]
    for entry in doc.infobox:
        found += [entry.span, entry.value_span]
    found += [section.heading for section in doc.sections]
    found += [block.span for block in doc.blocks()]
    return found


def check_spans(doc: Document) -> None:
    """Every span is an exact slice of the text, on the line it claims."""
    for span in spans(doc):
        assert 0 <= span.begin <= span.end <= len(doc.text), span
        assert doc.text[span.begin : span.end] == span.text, span
        assert doc.text.count("\n", 0, span.begin) + 1 == span.line, span
    for entry in doc.infobox:
        assert entry.span.line == entry.value_span.line == entry.line
        assert entry.span.begin <= entry.value_span.begin <= entry.value_span.end
        assert entry.value_span.end == entry.span.end
        assert (entry.key, entry.value) == (entry.key.strip(), entry.value_span.text)


def error(data: bytes, **options: Any) -> InputError:
    with pytest.raises(InputError) as caught:
        parse(data, "doc.txt", **options)
    return caught.value


def error_of_file(path: Path, **options: Any) -> InputError:
    with pytest.raises(InputError) as caught:
        parse_file(path, **options)
    return caught.value


DOC = b"= Raid on Tamba =\n\nInfobox\n- Date: 1 May 2030\n\nA raid.\n"


# --------------------------------------------------------------------- fixtures


def test_every_broken_fixture_has_an_expectation() -> None:
    files = {path.name for path in BROKEN.glob("*.txt")}
    assert files == set(EXPECTED)
    assert sum(1 for e in EXPECTED.values() if e is not None) >= 10


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_fixture(name: str) -> None:
    path = BROKEN / name
    expected = EXPECTED[name]
    if expected is None:
        check_spans(parse_file(path))
        return
    max_bytes = expected.get("max_bytes", MAX_BYTES)
    with pytest.raises(InputError) as caught:
        parse_file(path, max_bytes=max_bytes)
    problem = caught.value.problem
    assert (problem.rule, problem.line) == (expected["rule"], expected["line"])
    assert problem.source == str(path)
    assert str(caught.value).startswith(f"{path}:{expected['line']}: {expected['rule']}: ")
    assert len(problem.message) > 10


def test_bom_crlf_and_lone_cr_keep_offsets_and_lines() -> None:
    path = BROKEN / "bom-crlf-valid.txt"
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    doc = parse_file(path)
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert "\r" not in doc.text and not doc.text.startswith("\ufeff")
    assert (doc.title.begin, doc.title.end, doc.title.text) == (2, 18, "Karvo Ridge raid")
    place = doc.infobox[2]
    assert (place.key, place.value, place.line) == ("Place", "Karvo Ridge, Ostrélia", 6)
    assert len(place.value) == 21  # the decomposed é became one code point (NFC)
    assert (place.value_span.begin, place.value_span.end) == (
        89,
        110,
    )  # bytes: 97 (BOM and five CRs before it)
    lead = doc.lead[0].span
    assert (lead.line, lead.text) == (9, "Gunmen raided the Karvo Ridge relay station at dawn.")
    # line 9 ends in a lone CR: still one line break, so the heading is on line 11
    assert (doc.sections[0].heading.line, doc.sections[0].title) == (11, "Raid")
    check_spans(doc)


def test_sample_document() -> None:
    doc = parse_file(SAMPLE)
    assert doc.doc_id == "000_6de047e5428871d9"
    assert doc.title.text == "April 2022 Mopti region attacks"
    assert (doc.title.begin, doc.title.line) == (2, 1)
    assert len(doc.infobox) == 10
    assert [e.line for e in doc.infobox] == list(range(4, 14))
    assert doc.infobox[0].key == "Conflict"
    casualties = next(e for e in doc.infobox if e.key == "Casualties1")
    assert casualties.span.text == "Casualties1: 15 soldiers killed, 20 soldiers injured"
    # code points, not bytes: the two "é" of Sévaré on line 5 make the byte offset 305
    assert (casualties.span.begin, casualties.span.end, casualties.line) == (303, 355, 11)
    assert (casualties.value_span.begin, casualties.value) == (316, casualties.value_span.text)
    assert [(s.title, s.level, len(s.blocks)) for s in doc.sections] == [
        ("Prelude", 2, 1),
        ("Attacks", 2, 1),
        ("Aftermath", 2, 1),
    ]
    assert doc.lead[0].span.text.startswith("On April 24, 2022, militants")
    check_spans(doc)


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_shipped_document_parses(path: Path) -> None:
    doc = parse_file(path)
    check_spans(doc)
    assert doc.title.text and doc.blocks()


@pytest.mark.parametrize("path", DEV_DOCS, ids=[p.name for p in DEV_DOCS])
def test_dev_corpus_document_parses(path: Path) -> None:
    doc = parse_file(path)
    check_spans(doc)
    gold_path = path.with_name(path.stem + ".gold.json")
    if gold_path.exists():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        assert doc.title.text == gold["title"]
        assert (gold["infobox_family"] == "none") == (not doc.infobox)
    assert doc.sections and all(s.blocks for s in doc.sections)


def test_awkward_but_valid_document() -> None:
    doc = parse_file(FIXTURES / "parse" / "awkward.txt")
    check_spans(doc)
    assert doc.infobox == ()
    assert len(doc.lead) == 1
    assert doc.lead[0].span.text == (
        "The Siege of Halvard Mill was a three-day standoff\n"
        "between the Ostrelian gendarmerie and an armed group\n"
        "that had occupied a grain mill."
    )
    assert doc.lead[0].span.line == 3
    outline = [(s.title, s.level, s.heading.line) for s in doc.sections]
    assert outline == [
        ("Background", 2, 7),
        ("Earlier raids", 3, 10),
        ("Local accounts", 4, 16),
        ("Reactions", 2, 18),
    ]
    raids = [(b.kind, b.span.text, b.span.line) for b in doc.sections[1].blocks]
    assert raids == [
        (BlockKind.PARAGRAPH, "Two smaller raids preceded the siege.", 11),
        (BlockKind.BULLET, "12 May: shots fired at a patrol", 12),
        (BlockKind.BULLET, "20 May: a depot was looted", 13),
        (BlockKind.PARAGRAPH, "A paragraph straight after the bullets.", 14),
    ]
    assert doc.sections[2].blocks == ()
    reactions = [(b.kind, b.span.text) for b in doc.sections[3].blocks]
    assert reactions == [
        (BlockKind.BULLET, 'The regional governor called the siege "an outrage".'),
        (BlockKind.BULLET, "Neighbouring councils offered shelter."),
    ]


# ------------------------------------------------------------------ inline cases


def test_infobox_followed_only_by_a_lead() -> None:
    doc = parse(b"= T =\nInfobox\n- Motive:\n- Time: 10:30 \xe2\x80\x93 19:56  \n\nLead.", "t.txt")
    check_spans(doc)
    motive, time = doc.infobox
    assert (motive.key, motive.value, motive.span.text) == ("Motive", "", "Motive:")
    assert motive.value_span.begin == motive.value_span.end == motive.span.end
    assert (time.value, time.span.text) == ("10:30 – 19:56", "Time: 10:30 – 19:56")
    assert [b.span.text for b in doc.lead] == ["Lead."] and doc.sections == ()


def test_title_only_and_unspaced_headings() -> None:
    assert parse(b"\n\n  = T =  \n", "t.txt").title.text == "T"
    doc = parse(b"=T=\n==Raid==\ntext\n", "t.txt")
    assert (doc.title.text, doc.sections[0].title, doc.sections[0].level) == ("T", "Raid", 2)


def test_infobox_lookalikes_that_are_prose() -> None:
    doc = parse(b"= T =\nInfoboxes list facts.\n- France: condemned it.\n", "t.txt")
    assert [b.kind for b in doc.lead] == [BlockKind.PARAGRAPH, BlockKind.BULLET]
    assert error(b"= T =\nInfobox: military conflict\n").problem.line == 2


def test_key_spelling_is_kept_and_keys_with_digits_are_distinct() -> None:
    doc = parse(b"= T =\nInfobox\n- Part of: A\n- Casualties1: 1\n- Casualties2: 2\n", "t.txt")
    assert [e.key for e in doc.infobox] == ["Part of", "Casualties1", "Casualties2"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Part of", "Partof"),
        ("Date", "date"),
        ("Casualties 1", "Casualties1"),
        ("part_of", "PartOf"),
    ],
)
def test_duplicate_keys_are_compared_loosely(first: str, second: str) -> None:
    data = f"= T =\nInfobox\n- {first}: a\n- Place: b\n- {second}: c\n".encode()
    problem = error(data).problem
    assert (problem.rule, problem.line) == ("parse/duplicate-key", 5)
    assert "line 3" in problem.message and repr(first) in problem.message


@pytest.mark.parametrize(
    ("data", "rule", "line"),
    [
        (b"= T =\nInfobox\n- : no key\n", "parse/infobox-syntax", 3),
        (b"= T =\nInfobox\n-Date: x\n", "parse/infobox-syntax", 3),
        (b"= T =\nInfobox\n- Date: x\n== Raid ==\n", "parse/infobox-syntax", 4),
        (b"= T =\nInfobox military conflict\n- Date: x\n", "parse/infobox-syntax", 2),
        (b"= T =\n\n- Date: 1 May\n- Place: X\n\nLead.\n", "parse/infobox-syntax", 3),
        (b"= T =\nLead.\n\n= Second title =\n", "parse/heading", 4),
        (b"= T =\nLead.\n\n=====\n", "parse/heading", 4),
        (b"= T =\nLead.\n=== Raid ==\n", "parse/heading", 3),
        (b"== T ==\nLead.\n", "parse/missing-title", 1),
        (b"= T\nLead.\n", "parse/missing-title", 1),
        (b"\r\n\r\n= T =\r\n\x0c\r\n", "parse/control-character", 4),
        (b"= T =\rA\x1bB\r", "parse/control-character", 2),
        (b"= T =\nA\x7f\n", "parse/control-character", 2),
        ("= T =\nmojibake \x85\n".encode(), "parse/control-character", 2),
        (b"= T =\r\nok\r\nbad \xc3(\r\n", "parse/encoding", 3),
        (b"= T =\n\xe2\x80", "parse/encoding", 2),
        (b"\xef\xbb\xbf \r\n\t", "parse/empty", 1),
    ],
)
def test_bad_input(data: bytes, rule: str, line: int) -> None:
    problem = error(data).problem
    assert (problem.rule, problem.line) == (rule, line), problem
    assert str(problem).startswith(f"doc.txt:{line}: {rule}: ")


def test_messages_say_what_and_where() -> None:
    assert "byte offset 15" in error(b"= T =\r\nok\r\nbad \xc3(").problem.message
    assert "column 5" in error(b"= T =\nabcd\x00").problem.message
    message = error(DOC, max_bytes=10).problem.message
    assert str(len(DOC)) in message and "10 bytes" in message
    assert "'== Raid ='" in error(b"= T =\n== Raid =\n").problem.message


def test_size_limit_is_inclusive() -> None:
    assert parse(DOC, "doc.txt", max_bytes=len(DOC)).title.text == "Raid on Tamba"
    assert error(DOC, max_bytes=len(DOC) - 1).problem.rule == "parse/too-large"


def test_line_length_limit() -> None:
    assert parse(b"= T =\n" + b"x" * 100_000, "t.txt").lead[0].span.end == 100_006
    assert error(b"= T =\n\n" + b"x" * 100_001).problem.line == 3


def test_tab_is_allowed_and_trimmed() -> None:
    doc = parse(b"= T =\n\tindented\tparagraph\t\n", "t.txt")
    assert doc.lead[0].span.text == "indented\tparagraph"


def test_identity_fields() -> None:
    data = b"\xef\xbb\xbf" + DOC
    doc = parse(data, "in/raid-on-tamba.txt")
    assert (doc.doc_id, doc.source) == ("raid-on-tamba", "in/raid-on-tamba.txt")
    assert doc.sha256 == hashlib.sha256(data).hexdigest() != hashlib.sha256(DOC).hexdigest()
    assert parse(DOC, "x.txt", doc_id="other").doc_id == "other"


def test_nfc_offsets_are_code_points() -> None:
    doc = parse("= Se\u0301vare\u0301 =\nIn Se\u0301vare\u0301.".encode(), "t.txt")
    assert doc.title.text == "Sévaré" and (doc.title.begin, doc.title.end) == (2, 8)
    assert doc.text == "= Sévaré =\nIn Sévaré."
    check_spans(doc)


def test_parse_file_errors_for_unreadable_paths(tmp_path: Path) -> None:
    for path in (tmp_path / "missing.txt", tmp_path):
        with pytest.raises(InputError) as caught:
            parse_file(path)
        assert caught.value.problem.rule == "parse/unreadable"
        assert caught.value.problem.source == str(path)


def test_parse_file_reports_the_real_size(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"= T =\n" + b"x" * 5000)
    assert "5,006 bytes" in error_of_file(path, max_bytes=100).problem.message


# -------------------------------------------------------------------- properties


def check_any(data: bytes) -> None:
    """Any bytes give a Document with exact spans, or an InputError on a real line."""
    lines = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
    try:
        doc = parse(data, "any.txt")
    except InputError as err:
        assert err.problem.rule.startswith("parse/")
        assert 1 <= err.problem.line <= lines
        assert str(err).startswith(f"any.txt:{err.problem.line}: {err.problem.rule}: ")
    else:
        assert doc.text.count("\n") + 1 == lines
        check_spans(doc)


@given(st.binary(max_size=400), st.sampled_from([b"", b"= T =\n", b"\xef\xbb\xbf= T =\r\n"]))
def test_any_bytes(data: bytes, prefix: bytes) -> None:
    check_any(prefix + data)


PIECES = [
    "", " ", "\t", "= T =", "= É =", "==", "= =", "== H ==", "=== H ===", "== H =", "Infobox",
    "infobox", "-", "- ", "- K: v", "- K:", "- : v", "- Partof: x", "- Part of: y", "text",
    "- bullet", "- Date: 1 May", "=\u0338", "e\u0301", "\u2028", "\ufeff",
]  # fmt: skip


@given(
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=30),
    st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=1),
)
def test_any_text_in_the_format(lines: list[str], breaks: list[str]) -> None:
    text = "".join(line + breaks[i % len(breaks)] for i, line in enumerate(lines))
    check_any(text.encode("utf-8"))


LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzéÅßж"
KEYS = st.builds(
    lambda first, rest: (first + rest).strip(),
    st.sampled_from(LETTERS),
    st.text(alphabet=LETTERS + "0123456789 ()-", max_size=12),
)
WORDS = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\n"), max_size=25
).map(lambda s: unicodedata.normalize("NFC", s).strip())
PROSE = WORDS.filter(
    lambda s: s != "" and s[0] not in "=-" and s.split()[0].rstrip(":").casefold() != "infobox"
)


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """A valid document and what parsing it must give."""
    out: list[str] = []
    want: dict[str, Any] = {"infobox": [], "lead": [], "sections": []}
    title = draw(PROSE)
    out += [""] * draw(st.integers(0, 2)) + [f"= {title} ="]
    want["title"] = (title, len(out))
    if draw(st.booleans()):
        out += [""] * draw(st.integers(0, 1)) + ["Infobox"]
        keys = draw(st.lists(KEYS, max_size=6, unique_by=lambda k: "".join(k.split()).casefold()))
        for key in keys:
            value = draw(WORDS)
            out.append(f"- {key}: {value}" + draw(st.sampled_from(["", " ", "\t"])))
            want["infobox"].append((key, value, len(out)))
    blocks = want["lead"]
    for _ in range(draw(st.integers(0, 8))):
        if draw(st.integers(0, 3)) == 0:
            level = draw(st.integers(2, 4))
            heading = draw(PROSE)
            out += ["", "=" * level + f" {heading} " + "=" * level]
            blocks = []
            want["sections"].append((heading, level, len(out), blocks))
        elif blocks and draw(st.booleans()):
            bullet = draw(PROSE)
            out.append(f"- {bullet}")
            blocks.append((BlockKind.BULLET, bullet, len(out)))
        else:
            paragraph = draw(st.lists(PROSE, min_size=1, max_size=3))
            out += [""] + paragraph
            blocks.append(
                (BlockKind.PARAGRAPH, "\n".join(paragraph), len(out) - len(paragraph) + 1)
            )
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return draw(st.sampled_from(["", "\ufeff"])) + newline.join(out) + newline, want


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_valid_documents_parse_to_what_was_written(case: tuple[str, dict[str, Any]]) -> None:
    text, want = case
    doc = parse(text.encode("utf-8"), "gen.txt")
    check_spans(doc)
    assert (doc.title.text, doc.title.line) == want["title"]
    assert [(e.key, e.value, e.line) for e in doc.infobox] == want["infobox"]

    def shape(blocks: Any) -> list[tuple[BlockKind, str, int]]:
        return [(b.kind, b.span.text, b.span.line) for b in blocks]

    assert shape(doc.lead) == want["lead"]
    got = [(s.title, s.level, s.heading.line, shape(s.blocks)) for s in doc.sections]
    assert got == want["sections"]
