"""A rebuild replays each unchanged document's merge into the union from the trace the
build cache keeps beside its entry (``Union.replay``) when every read of the union's
state gives the answer it gave then, merges the others again, and publishes the release
a build from scratch publishes, byte for byte."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from release_tree import tree
from sample_edits import raid

from attackgraph import pipeline
from attackgraph.cache import BuildCache
from attackgraph.publish import PublishOptions
from attackgraph.union import Union

# Two documents that disagree on the region of one place (no other document names it):
# the second's merge writes claims of the first document, so it has no trace and is
# merged every time.
DISPUTED = "= Raid on Kona =\n\nInfobox\n- Date: 3 May 2020\n- Place: Sofara, {}, Mali\n\nA raid.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "a-raid.txt").write_text(raid("Front Nord"), encoding="utf-8")
    (folder / "b-raid.txt").write_text(raid("Front Nord"), encoding="utf-8")
    ambush = raid("Katiba Sud", title="Ambush near Gao", place="Gao")
    (folder / "c-ambush.txt").write_text(ambush, encoding="utf-8")
    (folder / "e-kona.txt").write_text(DISPUTED.format("Mopti Region"), encoding="utf-8")
    (folder / "f-kona.txt").write_text(DISPUTED.format("Ségou Region"), encoding="utf-8")
    return folder


@pytest.fixture
def merged(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents merged for real (not replayed), by file name."""
    seen: list[str] = []
    add = Union.add

    def spy(self: Union, quads: list, source: str, **kwargs: bool) -> object:
        seen.append(Path(source).name)
        return add(self, quads, source, **kwargs)

    monkeypatch.setattr(Union, "add", spy)
    return seen


def _build(corpus: Path, out: Path, cache: Path | None = None) -> None:
    options = pipeline.BuildOptions(
        cache_dir=cache, issued="2024-01-01", publish=PublishOptions(pages=False)
    )
    report = pipeline.build([corpus], out, options)
    assert report.ok, report.summary()


def _fresh(corpus: Path, tmp_path: Path) -> dict[str, bytes]:
    fresh = tmp_path / "fresh"
    _build(corpus, fresh)  # builds the same folder each time: reports the same changes
    return tree(fresh)


def test_unchanged_documents_are_replayed_and_the_release_equals_a_fresh_build(
    corpus: Path, tmp_path: Path, merged: list[str]
) -> None:
    cache, release = tmp_path / "cache", tmp_path / "release"
    _build(corpus, release, cache)
    _fresh(corpus, tmp_path)
    assert len(merged) == 5 + 5  # the first build merges all; so does the uncached one
    merged.clear()
    _build(corpus, release, cache)
    assert merged == ["f-kona.txt"]  # its merge wrote claims of e-kona: never replayed
    assert tree(release) == _fresh(corpus, tmp_path)
    merged.clear()
    ambush = raid("Katiba Sud", title="Ambush near Gao", place="Gao") + "More gunfire.\n"
    (corpus / "c-ambush.txt").write_text(ambush, encoding="utf-8")
    _build(corpus, release, cache)
    assert merged == ["c-ambush.txt", "f-kona.txt"]
    assert tree(release) == _fresh(corpus, tmp_path)


def test_a_document_whose_reads_changed_is_merged_again(
    corpus: Path, tmp_path: Path, merged: list[str]
) -> None:
    """a-raid's event takes another date: b-raid's event of the same title no longer
    merges with it (a read of the event's variants differs), so b-raid is merged again
    and its event gets its own IRI, as in a build from scratch."""
    cache, release = tmp_path / "cache", tmp_path / "release"
    _build(corpus, release, cache)
    _fresh(corpus, tmp_path)
    merged.clear()
    (corpus / "a-raid.txt").write_text(raid("Front Nord", date="2 May 2020"), encoding="utf-8")
    _build(corpus, release, cache)
    assert merged == ["a-raid.txt", "b-raid.txt", "f-kona.txt"]
    assert tree(release) == _fresh(corpus, tmp_path)
    report = (release / "validation-report.txt").read_text(encoding="utf-8")
    assert "events kept apart (same title, other date or country): 1" in report


def test_a_damaged_trace_is_not_replayed(corpus: Path, tmp_path: Path, merged: list[str]) -> None:
    cache, release = tmp_path / "cache", tmp_path / "release"
    _build(corpus, release, cache)
    _fresh(corpus, tmp_path)
    traces = sorted(cache.rglob("*.union"))
    assert len(traces) == 4  # all but f-kona's
    for trace in traces:
        data = bytearray(trace.read_bytes())
        data[-2] ^= 1  # inside the JSON: it no longer matches its checksum
        trace.write_bytes(bytes(data))
    merged.clear()
    _build(corpus, release, cache)
    assert sorted(merged) == [
        "a-raid.txt",
        "b-raid.txt",
        "c-ambush.txt",
        "e-kona.txt",
        "f-kona.txt",
    ]
    assert tree(release) == _fresh(corpus, tmp_path)


def _crafted(trace: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Traces written whole, checksum and seal valid, that no merge records."""
    table, rows = trace["writes"][0]
    return {
        "a read of a table the union has not": {"reads": [["elsewhere", [], []]]},
        "a written row a column short": {"writes": [[table, [rows[0][:-1]]]]},
        "a written row of a list": {"writes": [[table, [[[], *rows[0][1:]]]]]},
        "a stat missing": {"stats": trace["stats"][:-1]},
        "quads that are not N-Quads": {"out": "no quads here\n"},
        "a warning of the wrong shape": {"problems": [{"line": 1}]},
        "a field missing": {"writes": REMOVED},
    }


REMOVED = object()


def test_a_trace_crafted_with_a_valid_checksum_is_not_replayed(
    corpus: Path, tmp_path: Path, merged: list[str]
) -> None:
    """The document is merged again (and its trace recorded again); the build does not
    stop and publishes what a build from scratch publishes."""
    cache, release = tmp_path / "cache", tmp_path / "release"
    _build(corpus, release, cache)
    _fresh(corpus, tmp_path)
    trace = sorted(cache.rglob("*.union"))[0]
    for case, change in _crafted(json.loads(trace.read_bytes().partition(b"\n")[2])).items():
        found = json.loads(trace.read_bytes().partition(b"\n")[2])
        fields = {k: v for k, v in {**found, **change}.items() if v is not REMOVED}
        entry = fields.pop("entry")
        # Sealed with the cache's key, as a build with a bug would write it.
        BuildCache(cache, context="any").put_trace(trace.parent.name + trace.stem, entry, fields)
        merged.clear()
        _build(corpus, release, cache)
        assert len(merged) == 2 and "f-kona.txt" in merged, case
        assert tree(release) == _fresh(corpus, tmp_path), case
