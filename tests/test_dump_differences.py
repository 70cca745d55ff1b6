"""The lines two sorted dumps differ by, found comparing equal stretches a block at a
time (validate.changed.differing_lines, used by the kept store and the pages' reuse):
the same lines as a merge of every line, at any block size, and an unsorted stretch
where the dumps differ is refused."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from attackgraph.validate import changed
from attackgraph.validate.changed import UnsortedError, differing_lines


def _expected(old: list[bytes], new: list[bytes]) -> list[tuple[bool, bytes]]:
    only = [(False, line) for line in set(old) - set(new)]
    only += [(True, line) for line in set(new) - set(old)]
    return sorted(only, key=lambda item: item[1])


@pytest.mark.parametrize("block", [1, 3, 7, 40, 1 << 20])
def test_the_same_lines_as_a_merge_of_every_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    monkeypatch.setattr(changed, "BLOCK", block)
    rng = random.Random(block)
    words = [f"<urn:x:{rng.randrange(10 ** rng.randint(1, 4))}> <urn:p> {i}\n" for i in range(60)]
    pool = sorted({w.encode() for w in words})
    old_file, new_file = tmp_path / "old.nt", tmp_path / "new.nt"
    for _ in range(40):
        old = [line for line in pool if rng.random() < 0.8]
        new = [line for line in old if rng.random() < 0.9]
        new = sorted(set(new) | {line for line in pool if rng.random() < 0.05})
        old_file.write_bytes(b"".join(old))
        new_file.write_bytes(b"".join(new))
        assert list(differing_lines(old_file, new_file)) == _expected(old, new)


@pytest.mark.parametrize("block", [1, 5, 1 << 20])
def test_an_unsorted_line_where_the_dumps_differ_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    monkeypatch.setattr(changed, "BLOCK", block)
    old, new = tmp_path / "old", tmp_path / "new"
    old.write_bytes(b"b\na\n")
    new.write_bytes(b"b\n")
    with pytest.raises(UnsortedError, match="old: not sorted"):
        list(differing_lines(old, new))
    old.write_bytes(b"a\nc\n")
    new.write_bytes(b"c\na\n")  # after a line both have, a smaller one
    with pytest.raises(UnsortedError, match="new: not sorted"):
        list(differing_lines(old, new))
    new.write_bytes(b"a\nb\nb\nc\n")  # a repeated line
    with pytest.raises(UnsortedError):
        list(differing_lines(old, new))


def test_equal_dumps_have_no_differences(tmp_path: Path) -> None:
    dump = tmp_path / "d.nt"
    dump.write_bytes(b"".join(f"<urn:x:{i:06d}> <urn:p> <urn:o> .\n".encode() for i in range(9000)))
    assert list(differing_lines(dump, dump)) == []
