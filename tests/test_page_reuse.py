"""A rebuild keeps the pages whose statements did not change, and its release is
byte-identical to one built from scratch; a damaged kept page is rendered again."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from release_tree import tree
from sample_edits import build, copy_sample, edit, raid

from attackgraph.publish import reuse
from attackgraph.publish.reads import key
from attackgraph.publish.reuse import changed_keys


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return copy_sample(tmp_path / "corpus")


def _inodes(release: Path) -> dict[str, int]:
    pages = release / "id"
    return {p.relative_to(release).as_posix(): p.stat().st_ino for p in pages.rglob("*.*")}


def _kept(before: dict[str, int], release: Path) -> set[str]:
    after = _inodes(release)
    return {name for name, inode in before.items() if after.get(name) == inode}


def test_a_rebuild_keeps_unchanged_pages_and_equals_a_fresh_build(
    corpus: Path, tmp_path: Path
) -> None:
    cache, release, fresh = tmp_path / "cache", tmp_path / "release", tmp_path / "fresh"
    build(corpus, release, cache=cache)
    build(corpus, fresh)  # so that both builds report the same changes
    before = _inodes(release)
    edit(corpus, "Casualties3: 6 civilians killed", "Casualties3: 9 civilians killed")
    build(corpus, release, cache=cache)
    build(corpus, fresh)
    assert tree(release) == tree(fresh)
    kept = _kept(before, release)
    assert kept, "no page was kept"
    assert "id/doc/000-6de047e5428871d9.html" not in kept  # its figure changed
    assert len(kept) < len(before)

    (corpus / "002_bamako-radisson-blu-attack.txt").unlink()
    before = _inodes(release)
    build(corpus, release, cache=cache)
    build(corpus, fresh)
    assert tree(release) == tree(fresh)
    assert _kept(before, release)


def test_a_damaged_page_of_the_old_release_is_rendered_again(corpus: Path, tmp_path: Path) -> None:
    cache, release = tmp_path / "cache", tmp_path / "release"
    build(corpus, release, cache=cache)
    build(corpus, release, cache=cache)  # its report says that nothing changed
    expected = tree(release)
    page = min((release / "id" / "actor").glob("*.html"))
    status = page.stat()
    page.write_bytes(page.read_bytes().replace(b"<", b"[", 1))  # the same size
    os.utime(page, ns=(status.st_atime_ns, status.st_mtime_ns))  # and modification time
    before = _inodes(release)
    build(corpus, release, cache=cache)
    assert tree(release) == expected
    stem = page.relative_to(release).as_posix()[: -len(".html")]
    rendered = {stem + ".html", stem + ".ttl", stem + ".jsonld"}
    assert set(before) - _kept(before, release) == rendered  # nothing else changed


def test_a_kept_page_unchanged_since_is_not_hashed(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files whose status the manifest recorded, still the same, skip their hash."""
    cache, release = tmp_path / "cache", tmp_path / "release"
    build(corpus, release, cache=cache)
    build(corpus, release, cache=cache)
    hashed: list[str] = []
    file_sha256 = reuse._file_sha256

    def spy(path: str) -> str:
        hashed.append(path)
        return file_sha256(path)

    monkeypatch.setattr(reuse, "_file_sha256", spy)
    expected = tree(release)
    before = _inodes(release)
    build(corpus, release, cache=cache)
    assert tree(release) == expected
    assert len(_kept(before, release)) == len(before)
    assert len(hashed) < len(before) // 2  # those changed in the clock's last tick are


def test_a_rebuild_shows_an_actor_renamed_on_another_documents_pages(tmp_path: Path) -> None:
    """The first document to name an actor gives its name; spelt otherwise there, the
    name changes on the pages of every document that names it: rendered again, the
    release equals a fresh build's."""
    corpus, cache, release, fresh = (tmp_path / n for n in ("c", "cache", "release", "fresh"))
    corpus.mkdir()
    (corpus / "a-raid.txt").write_text(raid("Front Nord"), encoding="utf-8")
    ambush = raid("Front Nord", title="Ambush near Gao", place="Gao")
    (corpus / "b-ambush.txt").write_text(ambush, encoding="utf-8")
    build(corpus, release, cache=cache)
    build(corpus, fresh)
    edit(corpus, "Front Nord", "Front-Nord", name="a-raid.txt")
    build(corpus, release, cache=cache)
    build(corpus, fresh)
    assert tree(release) == tree(fresh)
    renamed = {
        p.relative_to(release).as_posix()
        for p in (release / "id").rglob("*.html")
        if "Front-Nord" in p.read_text(encoding="utf-8")
    }
    assert any("gao" in name for name in renamed), renamed  # the ambush's pages


def test_changed_keys_gives_up_on_an_unsorted_dump(tmp_path: Path) -> None:
    line = "<http://e/{}> <http://e/p> <http://e/o> <http://e/g> .\n"
    old, new = tmp_path / "old.nq", tmp_path / "new.nq"
    old.write_text(line.format("a") + line.format("c"))
    new.write_text(line.format("a") + line.format("b") + line.format("c"))
    expected = {key("s", "http://e/b"), key("o", "http://e/o")}
    expected |= {key("s", "http://e/b", "http://e/p"), key("o", "http://e/o", "http://e/p")}
    assert changed_keys(old, new, union=False) == expected
    new.write_text(line.format("c") + line.format("a"))
    assert changed_keys(old, new, union=False) is None
    assert changed_keys(old, old, union=False) == set()


def _manifest(cache: Path) -> Path:
    (found,) = (cache / "pages").glob("*.sqlite")
    return found


def test_a_rebuild_keeps_the_index_and_lists_until_their_rows_change(tmp_path: Path) -> None:
    """The index pages and the lists are kept while what they list is the same; an
    actor renamed renders the lists again, and the release equals a fresh build's."""
    corpus, cache, release, fresh = (tmp_path / n for n in ("c", "cache", "release", "fresh"))
    corpus.mkdir()
    (corpus / "a-raid.txt").write_text(raid("Front Nord"), encoding="utf-8")
    (corpus / "b-ambush.txt").write_text(raid("Front Nord", title="Ambush near Gao", place="Gao"))
    build(corpus, release, cache=cache)
    build(corpus, fresh)  # so that both builds report the same changes
    build(corpus, release, cache=cache)  # its report says that nothing changed
    lists = {"index.html", "actors.html", "documents.html"}
    before = {name: (release / name).stat().st_ino for name in lists}
    build(corpus, release, cache=cache)
    assert {n for n in lists if (release / n).stat().st_ino == before[n]} == lists
    edit(corpus, "Front Nord", "Front-Nord", name="a-raid.txt")
    build(corpus, release, cache=cache)
    build(corpus, fresh)
    assert tree(release) == tree(fresh)
    assert (release / "actors.html").stat().st_ino != before["actors.html"]
    assert "Front-Nord" in (release / "actors.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("damage", ["rows of the changed page", "the whole index"])
def test_an_index_of_readers_that_does_not_add_up_is_not_trusted(
    corpus: Path, tmp_path: Path, damage: str
) -> None:
    """The manifest's index from keys to pages, damaged, keeps nothing: every page is
    rendered again, the release equals a fresh build's, and the index is written anew
    (the next rebuild keeps pages again)."""
    cache, release, fresh = tmp_path / "cache", tmp_path / "release", tmp_path / "fresh"
    build(corpus, release, cache=cache)
    build(corpus, fresh)
    changed = "id/doc/000-6de047e5428871d9.html"
    db = sqlite3.connect(_manifest(cache))
    with db:
        if damage == "the whole index":
            db.execute("DROP TABLE readers")
        else:  # the page whose figure changes below no longer reads anything
            db.execute(
                "DELETE FROM readers WHERE page = (SELECT id FROM pages WHERE files LIKE ?)",
                (f'%"{changed}"%',),
            )
    db.close()
    before = _inodes(release)
    edit(corpus, "Casualties3: 6 civilians killed", "Casualties3: 9 civilians killed")
    build(corpus, release, cache=cache)
    build(corpus, fresh)
    assert tree(release) == tree(fresh)
    assert not _kept(before, release)
    before = _inodes(release)
    build(corpus, release, cache=cache)
    assert len(_kept(before, release)) == len(before)
