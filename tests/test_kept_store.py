"""The pages' store kept between builds (publish/kept_store.py): a rebuild updates it from
the differences of the dumps, and its release is byte-identical to a fresh build; a store
it cannot trust (another old dump, no marker, unsorted dumps) is loaded afresh."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import DefaultGraph, Store
from release_tree import tree
from sample_edits import build, copy_sample, edit

from attackgraph.publish.files import sha256_file
from attackgraph.publish.kept_store import KeptStore
from attackgraph.validate.changed import differing_lines

SENTINEL = "not-rocksdb.txt"
"""A file put into the kept store's folder: it survives an update, not a fresh load."""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return copy_sample(tmp_path / "corpus")


def _store_folder(cache: Path) -> Path:
    (folder,) = [p for p in (cache / "store").iterdir() if p.is_dir()]
    return folder


def test_a_rebuild_updates_the_kept_store_and_equals_a_fresh_build(
    corpus: Path, tmp_path: Path
) -> None:
    cache, release, fresh = tmp_path / "cache", tmp_path / "release", tmp_path / "fresh"
    build(corpus, release, cache=cache)
    build(corpus, fresh)
    (_store_folder(cache) / SENTINEL).write_text("kept")
    edit(corpus, "Casualties3: 6 civilians", "Casualties3: 9 civilians")
    build(corpus, release, cache=cache)
    build(corpus, fresh)
    assert tree(release) == tree(fresh)
    assert (_store_folder(cache) / SENTINEL).exists(), "the store was loaded again"

    # the old release's dump no longer the one the store holds: loaded afresh
    dump = release / "attackgraph.nq"
    dump.write_bytes(dump.read_bytes().replace(b"9 civilians", b"8 civilians", 1))
    edit(corpus, "Casualties3: 9 civilians", "Casualties3: 7 civilians")
    build(corpus, release, cache=cache)
    build(corpus, fresh)
    assert tree(release) == tree(fresh)
    assert not (_store_folder(cache) / SENTINEL).exists(), "an untrusted store was updated"


def _dumps(folder: Path, lines: list[str]) -> tuple[Path, Path]:
    folder.mkdir()
    nquads, ntriples = folder / "attackgraph.nq", folder / "attackgraph.nt"
    nquads.write_text("".join(f"{t} <urn:g> .\n" for t in lines))
    ntriples.write_text("".join(f"{t} .\n" for t in lines))
    return nquads, ntriples


def _contents(store: Store) -> set[str]:
    return {str(q) for q in store} | {str(g) for g in store.named_graphs()}


def test_an_update_gives_the_store_a_fresh_load_gives(tmp_path: Path) -> None:
    before = [f"<urn:s{i:02d}> <urn:p> <urn:o{i % 3}>" for i in range(30)]
    after = [t for t in before if "s1" not in t] + ["<urn:s99> <urn:p> <urn:o1>"]
    old = _dumps(tmp_path / "old", sorted(before))
    new = _dumps(tmp_path / "new", sorted(after))
    with old[0].open("a") as quads, old[1].open("a") as triples:  # a graph that goes
        quads.write("<urn:z> <urn:p> <urn:o> <urn:h> .\n")
        triples.write("<urn:z> <urn:p> <urn:o> .\n")
    kept = KeptStore(tmp_path / "store" / "r", "ctx")
    store = kept.open(*old, previous=None)
    store.flush()
    kept.remember(sha256_file(old[0]))
    del store
    updated = kept.open(*new, previous=tmp_path / "old")
    assert kept.updated
    fresh = KeptStore(tmp_path / "store" / "f", "ctx").open(*new, previous=None)
    assert _contents(updated) == _contents(fresh)
    assert len(list(updated.quads_for_pattern(None, None, None, DefaultGraph()))) == len(after)


def test_an_unsorted_dump_is_loaded_afresh(tmp_path: Path) -> None:
    lines = ["<urn:b> <urn:p> <urn:o>", "<urn:a> <urn:p> <urn:o>"]  # not sorted
    old = _dumps(tmp_path / "old", lines)
    new = _dumps(tmp_path / "new", lines[:1])
    with pytest.raises(ValueError, match="not sorted"):
        list(differing_lines(old[0], new[0]))
    kept = KeptStore(tmp_path / "store" / "r", "ctx")
    store = kept.open(*old, previous=None)
    store.flush()
    kept.remember(sha256_file(old[0]))
    del store
    store = kept.open(*new, previous=tmp_path / "old")
    assert not kept.updated
    assert len(store) == 2  # one quad in its graph, one in the default graph


def test_another_context_loads_afresh(tmp_path: Path) -> None:
    old = _dumps(tmp_path / "old", ["<urn:a> <urn:p> <urn:o>"])
    kept = KeptStore(tmp_path / "store" / "r", "one")
    kept.open(*old, previous=None).flush()
    kept.remember(sha256_file(old[0]))
    other = KeptStore(tmp_path / "store" / "r", "two")
    other.open(*old, previous=tmp_path / "old").flush()
    assert not other.updated
    assert not other.marker.exists()  # until remembered
