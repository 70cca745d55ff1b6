"""Pages rendered in worker processes are the pages one process renders, byte for byte,
and a rebuild in workers still keeps the pages whose statements did not change."""

from __future__ import annotations

import json
import multiprocessing
import shutil
import sqlite3
import time
from contextlib import closing
from multiprocessing import Queue
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store
from release_tree import tree
from sample_edits import SAMPLE, build, copy_sample, edit

from attackgraph.publish.data import ReleaseData
from attackgraph.publish.kept_store import KeptStore
from attackgraph.publish.reads import KEY_BYTES
from attackgraph.publish.reuse import changed_keys


def _inodes(release: Path) -> dict[str, int]:
    return {p.relative_to(release).as_posix(): p.stat().st_ino for p in release.rglob("id/*/*")}


def test_two_workers_write_the_pages_one_process_writes(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    build(SAMPLE, one, jobs=1)
    build(SAMPLE, two, jobs=2)
    files = tree(two)
    assert sum(name.startswith("id/") for name in files) > 40  # enough pages for 2 workers
    assert files == tree(one)


def test_a_rebuild_in_workers_keeps_pages_and_equals_a_serialbuild(tmp_path: Path) -> None:
    corpus = copy_sample(tmp_path / "corpus")
    cache, release, fresh = tmp_path / "cache", tmp_path / "release", tmp_path / "fresh"
    build(corpus, release, jobs=2, cache=cache)
    build(corpus, fresh, jobs=1)  # so that both builds report the same changes
    before = _inodes(release)
    edit(corpus, "Casualties3: 6 civilians", "Casualties3: 9 civilians")
    build(corpus, release, jobs=2, cache=cache)
    build(corpus, fresh, jobs=1)
    assert tree(release) == tree(fresh)
    after = _inodes(release)
    kept = {name for name, inode in before.items() if after.get(name) == inode}
    assert kept, "no page was kept"
    assert "id/doc/000-6de047e5428871d9.html" not in kept


def test_a_rebuild_in_workers_renders_only_the_pages_that_read_a_changed_statement(
    tmp_path: Path,
) -> None:
    corpus = copy_sample(tmp_path / "corpus")
    cache, release, old = tmp_path / "cache", tmp_path / "release", tmp_path / "old"
    build(corpus, release, jobs=2, cache=cache)
    (manifest,) = (cache / "pages").glob("*.sqlite")
    old.mkdir()
    for name in (manifest, release / "attackgraph.nq", release / "attackgraph.nt"):
        shutil.copy(name, old / name.name)
    before = _inodes(release)
    edit(corpus, "Casualties3: 6 civilians", "Casualties3: 9 civilians")
    build(corpus, release, jobs=2, cache=cache)
    changed = changed_keys(old / "attackgraph.nq", release / "attackgraph.nq", union=False)
    in_union = changed_keys(old / "attackgraph.nt", release / "attackgraph.nt", union=True)
    assert changed is not None and in_union is not None
    changed |= in_union
    expected: set[str] = set()  # the files of the pages that read a changed statement
    with closing(sqlite3.connect(old / manifest.name)) as db:
        for keys, files in db.execute("SELECT keys, files FROM pages"):
            digests = {keys[i : i + KEY_BYTES] for i in range(0, len(keys), KEY_BYTES)}
            if digests & changed:
                expected.update(json.loads(files))
    after = _inodes(release)
    rendered = {name for name, inode in before.items() if after.get(name) != inode}
    assert "id/doc/000-6de047e5428871d9.html" in rendered
    assert rendered == expected & set(before)  # every other page is a link to the old one
    assert len(rendered) < len(before) // 4


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.suffix == ".sst"}


def _open_read_only(folder: str, times: int, failures: Queue[str]) -> None:
    for _ in range(times):
        try:
            Store.read_only(folder)
        except (OSError, RuntimeError) as error:  # "No such file ... .sst"
            failures.put(str(error))
            return
    failures.put("")


def test_a_settled_store_is_not_compacting_when_the_workers_open_it(tmp_path: Path) -> None:
    """Regression: a page worker failed at start now and then, its ``Store.read_only``
    finding an ``.sst`` file gone: the parent's writable store was still compacting (its
    background threads deleting the files they merged) when the workers opened it."""
    store = Store(str(tmp_path))
    for batch in range(12):  # twelve flushed files: compactions follow in the background
        p = NamedNode(f"urn:p{batch}")
        store.extend(Quad(NamedNode(f"urn:s{i}"), p, Literal(str(i))) for i in range(5000))
        store.flush()
    data = ReleaseData(None, tmp_path, store=store)
    del store
    data.settle()
    seen = _files(tmp_path)
    start = multiprocessing.get_context("fork")
    failures: Queue[str] = start.Queue()
    opener = start.Process(target=_open_read_only, args=(str(tmp_path), 20, failures))
    opener.start()
    time.sleep(0.5)
    assert failures.get(timeout=60) == ""
    opener.join()
    assert _files(tmp_path) == seen  # nothing compacts the folder any more
    with pytest.raises(RuntimeError, match="read-write"):
        data.store.add(Quad(NamedNode("urn:s"), NamedNode("urn:p"), NamedNode("urn:o")))
    assert len(data.store) == 60_000


def test_the_pages_read_a_settled_store(tmp_path: Path) -> None:
    release = tmp_path / "release"
    release.mkdir()
    nquads, ntriples = release / "attackgraph.nq", release / "attackgraph.nt"
    lines = [f'<urn:e{i}> <urn:name> "event {i}"' for i in range(100)]
    nquads.write_text("".join(f"{line} <urn:doc{i % 7}> .\n" for i, line in enumerate(lines)))
    ntriples.write_text("".join(f"{line} .\n" for line in lines))
    quad = Quad(NamedNode("urn:s"), NamedNode("urn:p"), NamedNode("urn:o"))
    with ReleaseData.on_disk(nquads, tmp_path) as data:
        with pytest.raises(RuntimeError, match="read-write"):
            data.store.add(quad)
    kept = KeptStore(tmp_path / "kept", "context")
    with ReleaseData.kept(nquads, ntriples, kept, previous=release, sha256="0") as data:
        with pytest.raises(RuntimeError, match="read-write"):
            data.store.add(quad)
