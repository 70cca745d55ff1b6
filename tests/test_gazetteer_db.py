"""Gazetteer indexes on disk answer exactly as the in-memory ones, are built once per
source, and are opened (not rebuilt) by later runs and worker processes."""

from __future__ import annotations

import multiprocessing
import shutil
from pathlib import Path

import pytest

from attackgraph.model import InputError
from attackgraph.reference.gazetteer import (
    Gazetteer,
    GazetteerIndex,
    dump_index,
    dump_rows,
    packaged_index,
)
from attackgraph.reference.gazetteer_db import (
    DiskGazetteerIndex,
    disk_index,
    open_dumps,
    open_packaged,
    source_hash,
)

FIXTURE = Path(__file__).parent / "fixtures" / "gazetteer" / "ML.txt"


def _keys(index: GazetteerIndex) -> list[str]:
    return sorted({*index._primary, *index._alternate})


def _assert_same(disk: Gazetteer, memory: GazetteerIndex, step: int = 1) -> None:
    assert (disk.label, disk.size) == (memory.label, memory.size)
    keys = _keys(memory)[::step]
    assert keys
    assert [disk.lookup(k) for k in keys] == [memory.lookup(k) for k in keys]
    assert disk.lookup("no such place at all") == []
    assert disk.admin_areas() == memory.admin_areas()
    areas = {(r.country, r.admin1) for r in memory.admin_areas()} | set(memory._largest)
    assert [disk.largest_population(*a) for a in sorted(areas)] == [
        memory.largest_population(*a) for a in sorted(areas)
    ]


def test_dump_on_disk_answers_as_in_memory() -> None:
    disk = open_dumps([FIXTURE])
    assert isinstance(disk, DiskGazetteerIndex)
    _assert_same(disk, dump_index([FIXTURE]))


def test_packaged_subset_on_disk_answers_as_in_memory() -> None:
    disk = open_packaged()
    assert isinstance(disk, DiskGazetteerIndex) and open_packaged() is disk
    _assert_same(disk, packaged_index(), step=37)


def test_built_once_per_source(tmp_path: Path) -> None:
    source = tmp_path / "ML.txt"
    shutil.copy(FIXTURE, source)

    def build() -> DiskGazetteerIndex:
        rows = lambda: dump_rows([source])  # noqa: E731
        return disk_index("dump", source_hash([source]), rows, folder=tmp_path / "index")

    first = build()
    made = first.path.stat().st_mtime_ns
    assert build().path == first.path and first.path.stat().st_mtime_ns == made
    source.write_text(FIXTURE.read_text(encoding="utf-8").splitlines()[3] + "\n")
    changed = build()
    assert changed.path != first.path and changed.size == 1


def test_bad_source_leaves_no_index(tmp_path: Path) -> None:
    bad = tmp_path / "XX.txt"
    bad.write_text("not\ta\tgeonames\trow\n", encoding="utf-8")
    folder = tmp_path / "index"
    with pytest.raises(InputError):
        disk_index("dump", source_hash([bad]), lambda: dump_rows([bad]), folder=folder)
    assert list(folder.iterdir()) == []


def _lookup_in_child(index: DiskGazetteerIndex, queue: multiprocessing.Queue[int]) -> None:
    queue.put(len(index.lookup("sevare")))


def test_a_forked_worker_opens_its_own_connection() -> None:
    index = open_dumps([FIXTURE])
    assert isinstance(index, DiskGazetteerIndex)
    expected = len(index.lookup("sevare"))  # the parent's connection is open
    context = multiprocessing.get_context("fork")
    queue: multiprocessing.Queue[int] = context.Queue()
    child = context.Process(target=_lookup_in_child, args=(index, queue))
    child.start()
    child.join(60)
    assert child.exitcode == 0 and queue.get(timeout=5) == expected > 0
