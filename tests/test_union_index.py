"""The union's index kept between builds (``validate/describers.py``) and changed where
two sorted dumps differ (``validate/changed.py``): the same results as a check that
reads the whole dump, without reading it."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest
from pyoxigraph import Quad, RdfFormat, serialize

from attackgraph.pipeline import BuildOptions, Converter
from attackgraph.validate import changed, dataset
from attackgraph.validate.changed import differing_subjects, subject_lines
from attackgraph.validate.dataset import validate_dataset
from attackgraph.validate.describers import Describers


def _lines(rng: random.Random, count: int) -> set[str]:
    return {
        f'<s{rng.randint(0, 40):02d}> <p> "{rng.randint(0, 9)}" <g{rng.randint(0, 3)}> .\n'
        for _ in range(count)
    }


@pytest.mark.parametrize("block", [8, 64, 1 << 20])
def test_differing_subjects_and_subject_lines_agree_with_a_plain_reading(
    tmp_path: Path, block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(changed, "BLOCK", block)
    rng = random.Random(block)
    old, new = tmp_path / "old.nq", tmp_path / "new.nq"
    for _ in range(60):
        before = _lines(rng, rng.randint(0, 150))
        after = before - set(rng.sample(sorted(before), min(len(before), rng.randint(0, 4))))
        after |= _lines(rng, rng.randint(0, 4))
        old.write_text("".join(sorted(before)))
        new.write_text("".join(sorted(after)))
        expected = {line.split(" ")[0].encode() for line in before ^ after}
        assert differing_subjects(old, new) == expected
        with new.open("rb") as stream:
            for n in range(42):
                subject = f"<s{n:02d}>"
                found = subject_lines(stream, new.stat().st_size, subject.encode())
                assert found == [
                    line.encode() for line in sorted(after) if line.startswith(subject + " ")
                ]


def _doc(title: str, infobox: str) -> bytes:
    return f"= {title} =\n\nInfobox\n{infobox}\n\nGunmen attacked the town.\n".encode()


def _quads(data: bytes, name: str) -> list[Quad]:
    result = Converter(BuildOptions()).convert_bytes(data, Path(name))
    assert result.skipped is None, result.skipped
    return result.quads


def _sorted_dump(path: Path, quads: list[Quad]) -> Path:
    lines = (serialize(quads, format=RdfFormat.N_QUADS) or b"").splitlines(keepends=True)
    path.write_bytes(b"".join(sorted(set(lines))))
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The dumps read whole into an index."""
    seen: list[Path] = []
    load = dataset._load

    def spy(dump: Path, describers: Describers, *, links: bool) -> None:
        seen.append(dump)
        load(dump, describers, links=links)

    monkeypatch.setattr(dataset, "_load", spy)
    return seen


def test_a_kept_index_is_changed_not_read_again_with_the_same_results(
    tmp_path: Path, loads: list[Path]
) -> None:
    first = _quads(
        _doc("Raid on Tamba", "- Date: 1 May 2020\n- Place: Tamba, Mopti Region, Mali"), "a.txt"
    )
    apart = _quads(_doc("Siege of Kidal", "- Date: 2019\n- Place: Kidal, Mali"), "c.txt")
    second = _quads(
        _doc("Raid on Tamba", "- Date: 1 May 2020\n- Place: Tamba, Ségou Region, Mali"), "b.txt"
    )
    before = _sorted_dump(tmp_path / "before.nq", first + apart)
    after = _sorted_dump(tmp_path / "after.nq", first + apart + second)
    index = tmp_path / "cache" / "union.sqlite"
    index.parent.mkdir()
    assert validate_dataset(before, keep=index).conforms
    assert loads == [before]
    Describers.mark(index, _digest(before))  # the build does this once it is published
    found = validate_dataset(after, previous=before, keep=index, previous_digest=_digest(before))
    assert loads == [before], "the whole dump was read again"
    whole = validate_dataset(after)
    assert not whole.conforms and found == whole
    # the index now holds the new union, unmarked: the next check reads the whole dump
    again = validate_dataset(after, previous=before, keep=index, previous_digest=_digest(before))
    assert again == whole and loads[-1] == after


def test_an_index_of_another_dump_or_damaged_is_read_again(
    tmp_path: Path, loads: list[Path]
) -> None:
    one = _quads(_doc("Raid on Tamba", "- Date: 1 May 2020\n- Place: Tamba, Mali"), "a.txt")
    dump = _sorted_dump(tmp_path / "d.nq", one)
    index = tmp_path / "union.sqlite"
    validate_dataset(dump, keep=index)
    Describers.mark(index, "0" * 64)
    assert validate_dataset(dump, previous=dump, keep=index, previous_digest=_digest(dump)).conforms
    assert len(loads) == 2
    index.write_bytes(b"not a database")
    assert validate_dataset(dump, previous=dump, keep=index, previous_digest=_digest(dump)).conforms
    assert len(loads) == 3
