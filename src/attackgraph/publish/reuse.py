"""Pages a rebuild takes from the release it replaces instead of rendering them again.

The build that renders a page notes what it read (:mod:`attackgraph.publish.reads`) in a
*manifest* beside the build cache: per page its keys, its files with their SHA-256,
what the index shows of it and its name and types as the lists show them. The next build
compares the two releases' N-Quads dumps (both sorted: one pass, :func:`changed_keys`)
and keeps a page when

- the manifest was written for the release now being replaced (the SHA-256 of its
  ``attackgraph.nq``) with the same code, base IRI and version (``context``),
- no statement added or removed touches one of the page's keys: the manifest's index
  from keys to the pages that read them (:mod:`attackgraph.publish.readers`) names the
  pages each changed key touches, so the kept pages' keys are not looked at, and
- every file of the page in the old release still has its recorded SHA-256 (a page
  edited or damaged since is rendered again, never published).

Hashing every kept file (~63,000 at 2,000 documents) cost more than anything else a
rebuild does with a kept page, so once the release is in place (:func:`note_files`) the
manifest also records each page file's inode, size, modification and change times,
with a *stamp* (the file system's clock, read before any file is looked at), as git
records its index. A file whose recorded change time is older than the stamp and whose
status is still the same is unchanged: any write, rename onto it, ``chmod`` or
``touch`` since sets its change time (which no call sets back) to a tick of the clock
not earlier than the stamp, so its status differs. Only such a file skips its hash; a
file changed within the stamp's tick, or with no recorded status, is hashed. (A file
written into the staging folder by another program while the build runs, before it is
recorded, is not seen: nothing guards a build's own staging folder.)

A kept page's files are hard-linked (else copied) from the old release into the staging
folder. The index pages and the lists are kept the same way, as a group each, when they
are rendered from the same rows and read nothing that changed. The new manifest starts
from a copy of the old one (its kept pages' rows stay) and changes the rows of the pages
rendered again or gone. With no cache folder (``--no-cache``) every page is rendered.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from pyoxigraph import NamedNode, RdfFormat, parse

from attackgraph.publish import readers
from attackgraph.publish.manifest import MANIFEST_FORMAT, Carried, Entry
from attackgraph.publish.reads import KEY_BYTES, key
from attackgraph.validate.changed import UnsortedError, differing_lines

CHANGED_LIMIT: Final = 200_000
"""Past this many changed keys every page is rendered again (comparing costs more)."""


@dataclass(frozen=True)
class PageReuse:
    """Where the previous build's pages and their manifest are."""

    manifest: Path
    """The manifest file (read, then replaced by the one of this build)."""
    previous: Path
    """The release folder being replaced."""
    context: str
    """What else the pages depend on (code, base IRI...): another context reuses nothing."""
    store: Path | None = None
    """Where the pages' store is kept for the next build (:mod:`.kept_store`; None: a
    temporary store in the staging folder)."""


def changed_keys(
    old: Path, new: Path, *, union: bool, limit: int = CHANGED_LIMIT
) -> set[bytes] | None:
    """The keys (subject and object IRIs, with their predicate and without) of the lines
    in one sorted N-Quads or N-Triples file and not the other (``union``: the files are
    the union's N-Triples); None when there are more than ``limit`` or a file is not
    sorted.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     a, b = Path(tmp, "a.nt"), Path(tmp, "b.nt")
    ...     _ = a.write_text("<http://e/a> <http://e/p> <http://e/b> .\\n")
    ...     _ = b.write_text("<http://e/a> <http://e/p> \\"1\\" .\\n")
    ...     found = changed_keys(a, b, union=True)
    >>> key("o", "http://e/b", "http://e/p", union=True) in found, len(found)
    (True, 4)
    """
    found: set[bytes] = set()
    syntax = RdfFormat.N_TRIPLES if union else RdfFormat.N_QUADS
    for line in _differing_lines(old, new):
        if line is None:
            return None
        for quad in parse(line, format=syntax):
            predicate = quad.predicate.value
            for position, term in (("s", quad.subject), ("o", quad.object)):
                if isinstance(term, NamedNode):
                    found.add(key(position, term.value, union=union))
                    found.add(key(position, term.value, predicate, union=union))
        if len(found) > limit:
            return None
    return found


def _differing_lines(old: Path, new: Path) -> Iterator[bytes | None]:
    """Lines in only one of two sorted files (None, and stop, if one is not sorted
    where they differ: :func:`~attackgraph.validate.changed.differing_lines`)."""
    try:
        for _, line in differing_lines(old, new):
            yield line
    except UnsortedError:
        yield None


class Previous:
    """The old release's pages that this build may keep (see the module docstring)."""

    def __init__(self, reuse: PageReuse, nquads: Path, ntriples: Path) -> None:
        """``nquads`` and ``ntriples``: this build's dumps, compared with the old ones."""
        self.folder = reuse.previous
        self.changed: set[bytes] | None = None
        self.carried: Carried | None = None
        """The manifest the next one starts from (None: it starts empty)."""
        self._db: sqlite3.Connection | None = None
        self._made: set[str] = set()
        self._stale: set[int] = set()
        """The ids of the pages that read a changed key."""
        old_nq, old_nt = (reuse.previous / dump.name for dump in (nquads, ntriples))
        if not all(p.is_file() for p in (reuse.manifest, old_nq, old_nt)):
            return
        try:
            db = sqlite3.connect(f"file:{reuse.manifest}?mode=ro", uri=True)
            meta = dict(db.execute("SELECT name, value FROM meta").fetchall())
        except sqlite3.Error:
            return
        expected = {"format": str(MANIFEST_FORMAT), "context": reuse.context}
        if any(meta.get(k) != v for k, v in expected.items()) or (
            meta.get("dumps") != _dumps_sha256(old_nq, old_nt)
        ):
            db.close()
            return
        tally = readers.trusted(db, meta)
        in_graphs = changed_keys(old_nq, nquads, union=False)
        in_union = changed_keys(old_nt, ntriples, union=True)
        if tally is None or in_graphs is None or in_union is None:
            db.close()
            return
        self.changed = in_graphs | in_union
        self._stale = readers.pages_reading(db, self.changed)
        self.carried = Carried(reuse.manifest, tally)
        self._db = db
        self._status: dict[str, tuple[int, int, int, int]] = {}
        """Release path -> the status :func:`note_files` recorded (none: hashed)."""
        if "stamp" in meta:
            rows = db.execute("SELECT path, ino, size, mtime, ctime FROM status")
            self._status = {path: tuple(rest) for path, *rest in rows}

    def keep(self, iri: str, staging: Path) -> Entry | None:
        """The page's entry when it can be kept, its files then linked into ``staging``
        (its ``keys`` left empty: the manifest carried to the next build holds them)."""
        if self._db is None:
            return None
        query = "SELECT id, files, idx, name, types, layout FROM pages WHERE iri = ?"
        row = self._db.execute(query, (iri,)).fetchone()
        if row is None or row[0] in self._stale:
            return None
        _, files_json, index_json, name, types, layout = row
        files: dict[str, str] = json.loads(files_json)
        if not self._link(files, staging):
            return None
        found = None if layout is None else json.loads(layout)
        return Entry(files, b"", json.loads(index_json), name, types, found)

    def keep_group(self, name: str, inputs: str, staging: Path) -> dict[str, str] | None:
        """The files of the pages ``name`` (:meth:`Manifest.group`), linked into
        ``staging``, when they were rendered from the same ``inputs`` and read nothing
        that changed; None otherwise."""
        if self._db is None or self.changed is None:
            return None
        query = "SELECT inputs, keys, files FROM groups WHERE name = ?"
        row = self._db.execute(query, (name,)).fetchone()
        if row is None or row[0] != inputs:
            return None
        keys, changed = row[1], self.changed
        if any(keys[i : i + KEY_BYTES] in changed for i in range(0, len(keys), KEY_BYTES)):
            return None
        files: dict[str, str] = json.loads(row[2])
        return files if self._link(files, staging) else None

    def _link(self, files: dict[str, str], staging: Path) -> bool:
        """Link ``files`` (release path -> SHA-256) from the old release into
        ``staging`` when each is still what it was; False (nothing linked) otherwise."""
        # Plain strings, not Path objects: a rebuild asks this for every page and file.
        folder, target = os.fspath(self.folder), os.fspath(staging)
        for path, digest in files.items():
            full = os.path.join(folder, path)
            try:
                if _status(full) != self._status.get(path) and _file_sha256(full) != digest:
                    return False
            except OSError:
                return False
        for path in files:
            _link(os.path.join(folder, path), os.path.join(target, path), self._made)
        return True

    def close(self) -> None:
        if self._db is not None:
            self._db.close()


def note_files(manifest: Path, release: Path) -> None:
    """Record in ``manifest`` the status of each page file of ``release``, now in place
    (renamed, the replaced release deleted: both change the status of a kept file), so
    that the next build need not hash them (see the module docstring). Nothing is
    recorded when the manifest or a file cannot be read."""
    try:
        fd, name = tempfile.mkstemp(dir=release.parent, prefix=".stamp-")
        try:
            stamp = os.fstat(fd).st_ctime_ns  # the file system's clock, as a change sets it
        finally:
            os.close(fd)
            os.unlink(name)
        db = sqlite3.connect(manifest)
    except (OSError, sqlite3.Error):
        return
    try:
        rows = []
        query = "SELECT files FROM pages UNION ALL SELECT files FROM groups"
        for (files,) in db.execute(query):
            for path in json.loads(files):
                status = _status(os.path.join(release, path))
                if status[3] < stamp:
                    rows.append((path, *status))
        with db:
            db.execute("DELETE FROM status")
            db.executemany("INSERT OR REPLACE INTO status VALUES (?, ?, ?, ?, ?)", rows)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (str(stamp),))
    except (OSError, sqlite3.Error):
        return
    finally:
        db.close()


def _status(path: str) -> tuple[int, int, int, int]:
    """A file's inode, size, modification and change times (ns). Raises ``OSError``."""
    found = os.lstat(path)
    return found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns


def _dumps_sha256(nquads: Path, ntriples: Path) -> str:
    return f"{_sha256(nquads)} {_sha256(ntriples)}"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _file_sha256(path: str) -> str:
    with open(path, "rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def _link(source: str, target: str, made: set[str]) -> None:
    """Hard-link (else copy) ``source`` to ``target``, making its folder unless ``made``
    holds it (the folders made so far)."""
    parent = os.path.dirname(target)
    if parent not in made:
        os.makedirs(parent, exist_ok=True)
        made.add(parent)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
