"""serve opens, does not rebuild: the release's store persists, keyed by its dump's
checksum, and a changed release gets a new store."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from pyoxigraph import QuerySolutions, Store

from attackgraph.sparql.store import build_store, dump_checksum, release_store

FIXTURE_NQ = Path(__file__).parent / "fixtures" / "release" / "attackgraph.nq"


def _release(folder: Path) -> Path:
    folder.mkdir()
    shutil.copy(FIXTURE_NQ, folder / "attackgraph.nq")
    return folder


def _count(store_path: Path) -> int:
    store = Store.read_only(str(store_path))
    rows = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert isinstance(rows, QuerySolutions)
    return int(next(iter(rows))["n"].value)  # type: ignore[union-attr]


def test_second_open_reuses_the_store(tmp_path: Path) -> None:
    release, stores = _release(tmp_path / "release"), tmp_path / "stores"
    path, stats = release_store(release, stores)
    made = (path.parent / "stats.json").stat().st_mtime_ns
    again, same = release_store(release, stores)
    assert (again, same) == (path, stats)
    assert (path.parent / "stats.json").stat().st_mtime_ns == made  # not rebuilt
    assert stats == build_store(release, tmp_path / "fresh")
    assert _count(path) == sum(stats.graphs.values()) > 0
    assert [p.name for p in stores.iterdir()] == [path.parent.name]  # no leftovers


def test_a_changed_release_gets_a_new_store(tmp_path: Path) -> None:
    release, stores = _release(tmp_path / "release"), tmp_path / "stores"
    first, _ = release_store(release, stores)
    lines = FIXTURE_NQ.read_text(encoding="utf-8").splitlines(keepends=True)
    (release / "attackgraph.nq").write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    second, stats = release_store(release, stores)
    assert second != first and _count(second) == sum(stats.graphs.values())


def test_checksum_comes_from_the_sums_file_when_it_is_current(tmp_path: Path) -> None:
    release = _release(tmp_path / "release")
    real = dump_checksum(release)
    (release / "SHA256SUMS").write_text(f"{'a' * 64}  attackgraph.nq\n", encoding="utf-8")
    assert dump_checksum(release) == "a" * 64  # the sums are trusted, not recomputed
    (release / "attackgraph.nq").touch()  # newer than the sums: computed again
    later = (release / "SHA256SUMS").stat().st_mtime_ns - 1_000_000_000
    os.utime(release / "SHA256SUMS", ns=(later, later))
    assert dump_checksum(release) == real


def test_a_store_without_its_stats_is_rebuilt(tmp_path: Path) -> None:
    release, stores = _release(tmp_path / "release"), tmp_path / "stores"
    path, stats = release_store(release, stores)
    (path.parent / "stats.json").unlink()
    again, same = release_store(release, stores)
    assert again == path and same == stats and (path.parent / "stats.json").is_file()
