"""Tests for the synthetic corpus generator in bench/generate.py.

The parser is written separately, so these tests check the format with plain string
handling only.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

GENERATOR = Path(__file__).resolve().parents[1] / "bench" / "generate.py"
TITLE_LINE = re.compile(r"^= (?!=).*\S =$")
ENTRY_LINE = re.compile(r"^- [A-Za-z][A-Za-z0-9 -]*: \S")


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("attackgraph_bench_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while executing it
    spec.loader.exec_module(module)
    return module


gen = _load()


def _tree_bytes(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_same_seed_gives_identical_bytes(tmp_path: Path) -> None:
    first = [(d.name, d.text) for d in gen.generate_corpus(20, 7)]
    second = [(d.name, d.text) for d in gen.generate_corpus(20, 7)]
    assert first == second

    for run in ("a", "b"):
        assert gen.main(["--count", "20", "--seed", "7", "--out", str(tmp_path / run)]) == 0
    files_a = _tree_bytes(tmp_path / "a")
    assert len(files_a) == 20
    assert files_a == _tree_bytes(tmp_path / "b")


def test_documents_do_not_depend_on_corpus_size() -> None:
    small = gen.generate_corpus(5, 3)
    large = gen.generate_corpus(40, 3)
    assert [d.text for d in small] == [d.text for d in large[:5]]


def test_different_seeds_differ() -> None:
    seven = [d.text for d in gen.generate_corpus(20, 7)]
    eight = [d.text for d in gen.generate_corpus(20, 8)]
    assert seven != eight
    assert sum(a != b for a, b in zip(seven, eight, strict=True)) >= 18


def test_title_line_and_infobox_as_intended() -> None:
    docs = gen.generate_corpus(200, 11)
    assert {d.family for d in docs} == {"military_conflict", "civilian_attack", "none"}
    for doc in docs:
        lines = doc.text.split("\n")
        assert TITLE_LINE.match(lines[0]), (doc.name, lines[0])
        assert lines[0] == f"= {doc.title} ="
        assert lines[1] == ""
        assert doc.text.endswith("\n") and not doc.text.endswith("\n\n")
        if doc.family == "none":
            assert "Infobox" not in lines, doc.name
            assert lines[2] and not lines[2].startswith(("- ", "="))
            continue
        assert lines[2] == "Infobox", doc.name
        end = lines.index("", 3)
        entries = lines[3:end]
        assert len(entries) >= 6
        assert all(ENTRY_LINE.match(line) for line in entries), doc.name
        keys = {line[2:].split(":", 1)[0] for line in entries}
        if doc.family == "military_conflict":
            assert {"Conflict", "Date", "Place", "Combatant1", "Combatant2"} <= keys
            assert keys & {"Partof", "Part of"}
        else:
            assert {"Title", "Location", "Date", "Target"} <= keys
            assert keys & {"Deaths", "Fatalities"}
            assert keys & {"Injuries", "Injured", "Non-fatal injuries"}
            assert keys & {"Perpetrator", "Perpetrators"}


def test_sections_and_names() -> None:
    docs = gen.generate_corpus(100, 5)
    assert len({d.name for d in docs}) == 100
    for doc in docs:
        assert re.fullmatch(r"\d{6}_[a-z0-9-]+\.txt", doc.name), doc.name
        for line in doc.text.split("\n"):
            if line.startswith("="):
                assert re.fullmatch(r"(={1,3}) \S.*\S \1", line), (doc.name, line)
    with_sections = [d for d in docs if "\n== " in d.text]
    assert len(with_sections) >= 90


def test_messy_patterns_all_occur() -> None:
    corpus = "".join(d.text for d in gen.generate_corpus(400, 1))
    patterns = {
        "range": r"\d–\d",
        "open bound": r"\d\+ ",
        "at least": r"[Aa]t least \d",
        "approximate": r"~\d",
        "unknown": r": Unknown$",
        "source": r"\(per [^)]+\)",
        "dagger": r" †",
        "several parties": r"^- Combatant1: [^,\n]+, ",
        "date range": r"^- Date: \d+–\d+ [A-Z][a-z]+ \d{4}$",
        "cross-month range": r"^- Date: \d+ [A-Z][a-z]+ – \d+ [A-Z][a-z]+ \d{4}$",
        "degrees": r"^- Coordinates: \d+\.\d+°[NS] \d+\.\d+°[EW]$",
        "decimal": r"^- Coordinates: -?\d+\.\d+, -?\d+\.\d+$",
        "unknown key": r"^- (Motive|Numparticipants|Timezone|Hostages|Territory): ",
        "several types": r"^- (Type|Attack type): [^,\n]+, ",
        "subsection": r"^=== .+ ===$",
        "bullet": r"^- (President|The UN) ",
        "attributed": r"(told|according to|According to|said that)",
        "number words": r"\b(twenty|thirty|forty|fifty)-(one|two|three|four|five)\b",
        "non-ascii": r"[éèïôâ]",
    }
    missing = [k for k, p in patterns.items() if not re.search(p, corpus, flags=re.M)]
    assert not missing


def test_refuses_to_mix_with_an_earlier_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "corpus"
    assert gen.main(["--count", "3", "--seed", "1", "--out", str(out)]) == 0
    assert gen.main(["--count", "2", "--seed", "2", "--out", str(out)]) == 2
    assert "--overwrite" in capsys.readouterr().err
    assert gen.main(["--count", "2", "--seed", "2", "--out", str(out), "--overwrite"]) == 0
    assert len(list(out.glob("*.txt"))) == 2
    assert not list(out.glob(".*.tmp"))


def test_number_words() -> None:
    assert gen.number_words(0) == "zero"
    assert gen.number_words(15) == "fifteen"
    assert gen.number_words(40) == "forty"
    assert gen.number_words(300) == "three hundred"
    assert gen.number_words(2500) == "two thousand five hundred"
