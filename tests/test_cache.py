"""The build cache: a cached, parallel build is byte-identical to a serial, uncached one;
a rebuild converts only what changed; a corrupt entry is detected and rebuilt."""

from __future__ import annotations

import hashlib
import json
import pickle
import shutil
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from release_tree import tree

from attackgraph import pipeline
from attackgraph.cache import BuildCache, build_context
from attackgraph.model import Problem
from attackgraph.pipeline import DocumentResult
from attackgraph.publish import PublishOptions
from attackgraph.to_rdf import NQuadsText

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = ROOT / "data" / "documents"
BROKEN = ROOT / "tests" / "fixtures" / "broken" / "duplicate-key.txt"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The sample documents twice (enough for worker processes) and one broken document."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for copy in range(2):
        for document in DOCUMENTS.glob("*.txt"):
            shutil.copy(document, folder / f"{copy}{document.name}")
    shutil.copy(BROKEN, folder / "broken.txt")
    return folder


def _build(
    corpus: Path, out: Path, *, jobs: int, cache: Path | None, pages: bool = True
) -> pipeline.BuildReport:
    options = pipeline.BuildOptions(
        jobs=jobs, cache_dir=cache, issued="2024-01-01", publish=PublishOptions(pages=pages)
    )
    return pipeline.build([corpus], out, options)


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.nq"))


def test_cached_parallel_build_equals_serial_uncached_build(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    reference = _build(corpus, tmp_path / "serial", jobs=1, cache=None)
    assert reference.cached is None and reference.skipped  # the broken document
    cold = _build(corpus, tmp_path / "cold", jobs=2, cache=cache)
    warm = _build(corpus, tmp_path / "warm", jobs=2, cache=cache)
    assert cold.cached == 0 and warm.cached == reference.documents
    assert len(_entries(cache)) == reference.documents  # skipped documents are kept too
    expected = tree(tmp_path / "serial")
    assert tree(tmp_path / "cold") == expected
    assert tree(tmp_path / "warm") == expected
    assert warm.skipped == reference.skipped and warm.warnings == reference.warnings


def test_rebuild_converts_only_the_changed_document(corpus: Path, tmp_path: Path) -> None:
    cache, cached, uncached = tmp_path / "cache", tmp_path / "cached", tmp_path / "uncached"
    first = _build(corpus, cached, jobs=1, cache=cache)
    _build(corpus, uncached, jobs=1, cache=None)
    changed = sorted(corpus.glob("0*.txt"))[0]
    changed.write_bytes(changed.read_bytes() + b"\nOne more sentence.\n")
    again = _build(corpus, cached, jobs=1, cache=cache)
    _build(corpus, uncached, jobs=1, cache=None)
    assert again.cached == first.documents - 1
    assert len(again.changes.changed) == 1
    assert tree(cached) == tree(uncached)


def test_corrupt_entry_is_rebuilt_never_published(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _build(corpus, tmp_path / "first", jobs=1, cache=cache)
    entry = max(_entries(cache), key=lambda p: p.stat().st_size)
    raw = bytearray(entry.read_bytes())
    at = raw.index(b"\n") + 40
    raw[at] = ord("X") if raw[at] != ord("X") else ord("Y")  # a quad changes, not its hash
    entry.write_bytes(bytes(raw))
    again = _build(corpus, tmp_path / "again", jobs=1, cache=cache)
    assert again.cached == again.documents - 1
    assert tree(tmp_path / "again") == tree(tmp_path / "first")
    assert entry.read_bytes() != bytes(raw)  # rewritten


REMOVED = object()


def _rewrite(entry: Path, body: bytes | None = None, **meta: object) -> None:
    """Rewrite a cache entry whole, checksum and seal valid (as a build with a bug would
    write it): ``body`` for its quads, ``meta`` fields changed in its header (a field
    given as ``REMOVED`` is left out)."""
    head, _, old = entry.read_bytes().partition(b"\n")
    header = json.loads(head)
    body = old if body is None else body
    header["meta"].update(meta)
    fields = {k: v for k, v in header["meta"].items() if v is not REMOVED}
    cache = BuildCache(entry.parent.parent, context="any")  # the key names the entry
    cache.put(entry.parent.name + entry.stem, NQuadsText(body), fields)


def _forge(entry: Path, body: bytes, trace: Path | None = None) -> None:
    """Write a cache entry whole with a valid checksum but without the cache's key, and
    (``trace``) a union trace beside it with a valid checksum, recorded for those quads."""
    header = json.loads(entry.read_bytes().partition(b"\n")[0])
    digest = hashlib.sha256(body).hexdigest()
    forged = {"sha256": digest, "meta": header["meta"], "seal": "0" * 64}
    entry.write_bytes(json.dumps(forged).encode() + b"\n" + body)
    if trace is not None:
        recorded = json.loads(trace.read_bytes().partition(b"\n")[2])
        text = json.dumps({**recorded, "entry": digest}).encode()
        trace.write_bytes(hashlib.sha256(text).hexdigest().encode() + b"\n" + text)


def _crafted(body: bytes) -> dict[str, dict[str, Any]]:
    """Entries written whole, checksum and all, whose content converting never gives."""
    first = body[: body.index(b"\n") + 1]
    graph = first[first.rindex(b" <") + 1 : -3]
    return {
        "text that is not N-Quads": {"body": b"no quads in this entry\n"},
        "a line cut short": {"body": body[: len(body) // 2] + b"\n"},
        "the last newline missing": {"body": body[:-1]},
        "quads of another graph": {"body": body.replace(graph, b"<https://e/id/doc/other>")},
        "quads not written as pyoxigraph writes them": {"body": body.replace(b" .\n", b"  .\n")},
        "no quads for a built document": {"body": b""},
        "a header field missing": {"source": REMOVED},
        "a header field of another type": {"warnings": "none"},
        "a warning of the wrong shape": {"warnings": [{"line": "one"}]},
        "the header of other bytes": {"sha256": "0" * 64},
        "a skipped document with quads": {
            "skipped": {"source": "a.txt", "line": 1, "rule": "parse/empty", "message": "m"}
        },
    }


def test_an_entry_crafted_with_a_valid_checksum_is_rebuilt_never_published(
    tmp_path: Path,
) -> None:
    """Each crafted entry is converted again and rewritten; the build does not stop and
    publishes what it published from the genuine entry."""
    corpus, cache, release = tmp_path / "corpus", tmp_path / "cache", tmp_path / "release"
    corpus.mkdir()
    for document in sorted(DOCUMENTS.glob("*.txt"))[:2]:
        shutil.copy(document, corpus / document.name)
    for _ in range(2):  # the second build reports no change, as every later one
        _build(corpus, release, jobs=1, cache=cache, pages=False)
    expected = tree(release)
    entry = max(_entries(cache), key=lambda p: p.stat().st_size)
    genuine = entry.read_bytes()
    for case, change in _crafted(genuine.partition(b"\n")[2]).items():
        _rewrite(entry, **change)
        again = _build(corpus, release, jobs=1, cache=cache, pages=False)
        assert again.cached == again.documents - 1, case
        assert tree(release) == expected, case
        assert entry.read_bytes() == genuine, case  # rewritten


def test_an_entry_no_build_sealed_is_rebuilt_and_named(tmp_path: Path) -> None:
    """An entry written whole by another program, checksum and all (quads of its own
    graph as pyoxigraph writes them, with a union trace made to agree; another
    document's entry copied under its key), is converted again and rewritten, the
    summary names the document, and the release is what the genuine entry gave."""
    corpus, cache, release = tmp_path / "corpus", tmp_path / "cache", tmp_path / "release"
    corpus.mkdir()
    for document in sorted(DOCUMENTS.glob("*.txt"))[:2]:
        shutil.copy(document, corpus / document.name)
    for _ in range(2):
        _build(corpus, release, jobs=1, cache=cache, pages=False)
    expected = tree(release)
    other, entry = sorted(_entries(cache), key=lambda p: p.stat().st_size)
    genuine = entry.read_bytes()
    source = json.loads(genuine.partition(b"\n")[0])["meta"]["source"]
    lines = genuine.partition(b"\n")[2].splitlines(keepends=True)
    for case, body in {
        "half of its own quads": b"".join(lines[: len(lines) // 2]),
        "its own quads": b"".join(lines),
    }.items():
        _forge(entry, body, entry.with_suffix(".union"))
        again = _build(corpus, release, jobs=1, cache=cache, pages=False)
        assert again.cached == again.documents - 1, case
        assert not (again.changes.added or again.changes.removed or again.changes.changed)
        why = "no build sealed it with this cache's key"
        assert f"build cache: entry of {source} not used ({why}); converted again" in (
            again.summary()
        ), case
        assert tree(release) == expected, case
        assert entry.read_bytes() == genuine, case  # rewritten, sealed again
    for suffix in (".nq", ".union"):  # another document's entry and trace, both sealed
        entry.with_suffix(suffix).write_bytes(other.with_suffix(suffix).read_bytes())
    again = _build(corpus, release, jobs=1, cache=cache, pages=False)
    assert again.cached == again.documents - 1 and len(again.distrusted) == 1
    assert tree(release) == expected
    assert entry.read_bytes() == genuine


def test_a_code_or_data_change_misses_every_entry(tmp_path: Path) -> None:
    contexts = {
        build_context(base="https://e/a", validate=True, gazetteer_files=()),
        build_context(base="https://e/b", validate=True, gazetteer_files=()),
        build_context(base="https://e/a", validate=False, gazetteer_files=()),
    }
    assert len(contexts) == 3
    keys = {BuildCache(tmp_path, c).key("a.txt", "0" * 64) for c in contexts}
    assert len(keys) == 3
    same = BuildCache(tmp_path, "x")
    assert same.key("a.txt", "0" * 64) != same.key("b.txt", "0" * 64)
    assert same.key("a.txt", "0" * 64) != same.key("a.txt", "1" * 64)


def test_cached_documents_between_converted_ones_keep_their_order(
    corpus: Path, tmp_path: Path
) -> None:
    """With enough misses for the workers, the hits are read here, in input order."""
    cache = tmp_path / "cache"
    _build(corpus, tmp_path / "first", jobs=1, cache=cache)
    documents = sorted(corpus.glob("*.txt"))
    for document in documents[::6]:  # a few hits stay between the misses
        document.write_bytes(document.read_bytes() + b"\nOne more sentence.\n")
    for document in documents:
        if document not in documents[::6] and document.name != "broken.txt":
            copy = document.with_name("x" + document.name)
            copy.write_bytes(document.read_bytes())  # new documents: misses
    mixed = _build(corpus, tmp_path / "mixed", jobs=2, cache=cache)
    assert mixed.cached and 0 < mixed.cached < mixed.documents - 16
    _build(corpus, tmp_path / "uncached", jobs=1, cache=None)
    assert tree(tmp_path / "mixed") == tree(tmp_path / "uncached")


def test_a_result_sent_by_a_worker_comes_back_the_same() -> None:
    """Workers send their results pickled with the quads as N-Quads text: every term comes
    back as it was (ill-typed, language-tagged, escaped, non-NFC literals), in order."""
    g, s, p = (ox.NamedNode(f"http://e/{n}") for n in "gsp")
    xsd = "http://www.w3.org/2001/XMLSchema#"
    objects = [
        ox.Literal("2022-04-24T00:00:00", datatype=ox.NamedNode(f"{xsd}date")),
        ox.Literal("1.50", datatype=ox.NamedNode(f"{xsd}decimal")),
        ox.Literal("Bamako", language="fr"),
        ox.Literal('a "quoted"\nline\ttab \\ back'),
        ox.Literal("Se\u0301vare\u0301 \u200b \U0001f600"),
        ox.NamedNode("http://e/o%20x"),
    ]
    quads = [ox.Quad(s, p, o, g) for o in objects + objects[:1]]  # a repeat is kept
    problem = Problem("a.txt", 3, "extract/x", "a warning")
    result = DocumentResult(
        Path("a.txt"), quads, source="a.txt", sha256="0" * 64, warnings=(problem,)
    )
    back = pickle.loads(pickle.dumps(result))
    assert back == result
    assert [str(q) for q in back.quads] == [str(q) for q in quads]
