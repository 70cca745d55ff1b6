"""A rebuild checks the union only where it changed since the release it replaces.

The union check (:mod:`attackgraph.validate.dataset`) is the largest part of a rebuild
after one document changed. A release is published only when its union conforms, so
when the release being replaced was built by the same code and options (the same
context as the page manifest's) and its N-Quads dump is the one that conformed, the new
union needs the shapes only on the subjects whose neighbourhood differs from it
(:mod:`attackgraph.validate.changed`). A marker in the cache folder (``union/``, one
JSON file per release folder) records the context and the SHA-256 of the dump that
conformed; anything else (no marker, another context, a dump changed or damaged since,
``--no-cache``) checks the whole union. The report says the same either way.

Beside the marker, the union's index (:class:`~attackgraph.validate.describers.Describers`,
an SQLite file of about 160 MB per 1,000 documents) stays in the cache, marked with the
SHA-256 of the dump it indexes once that release is in place: the next build changes it
where the dumps differ instead of reading the whole dump again.

The indexes of release folders built less recently are evicted (:func:`evict`): once a
build kept its own, the others are deleted, least recently built first, until the
indexes in ``union/`` take at most :data:`KEPT_BYTES` (``$ATTACKGRAPH_UNION_KEEP_MB``
megabytes when set); the index just kept stays even when it alone is larger. A release
folder whose index was evicted has its whole union checked by its next build, as
without a cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from attackgraph.export import FORMATS
from attackgraph.publish.files import SUMS_FILE, sha256_file
from attackgraph.validate.describers import Describers

KEPT_BYTES: Final = 4 << 30
"""What the kept union indexes of all release folders may take together (bytes) before
those built least recently are evicted: about 25,000 documents' worth."""


@dataclass(frozen=True)
class UnionReuse:
    """Where the marker of the release at ``release`` is, and the build's context.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     release = Path(tmp, "release")
    ...     release.mkdir()
    ...     _ = (release / "attackgraph.nq").write_text("<s> <p> <o> <g> .\\n")
    ...     reuse = UnionReuse(Path(tmp, "union", "m.json"), "ctx", release)
    ...     before = reuse.previous_dump()
    ...     reuse.remember()
    ...     after = reuse.previous_dump().name
    ...     _ = (release / "attackgraph.nq").write_text("<s> <p> <x> <g> .\\n")
    ...     before, after, reuse.previous_dump()
    (None, 'attackgraph.nq', None)
    """

    marker: Path
    context: str
    release: Path

    @property
    def dump(self) -> Path:
        return self.release / FORMATS["nquads"].file_name()

    @property
    def index(self) -> Path:
        """Where the union's index stays between builds."""
        return self.marker.with_suffix(".sqlite")

    def previous_dump(self) -> Path | None:
        """The replaced release's N-Quads dump, when it is the one whose union conformed
        in a build of this context; None otherwise."""
        found = self.conformed()
        return found[0] if found is not None else None

    def conformed(self) -> tuple[Path, str] | None:
        """:meth:`previous_dump` and its SHA-256."""
        try:
            noted = json.loads(self.marker.read_text(encoding="utf-8"))
            if noted.get("context") != self.context:
                return None
            digest = sha256_file(self.dump)
            return (self.dump, digest) if digest == noted.get("sha256") else None
        except (OSError, ValueError):
            return None

    def remember(self) -> None:
        """Note that the release now at ``release`` has a conforming union (call it after
        the release is in place); a marker that cannot be written is skipped."""
        digest = _listed_digest(self.release, self.dump.name) or sha256_file(self.dump)
        text = json.dumps({"context": self.context, "sha256": digest}, sort_keys=True)
        try:
            self.marker.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.marker.with_name(self.marker.name + ".tmp")
            temporary.write_text(text + "\n", encoding="utf-8")
            os.replace(temporary, self.marker)
        except OSError:
            return
        Describers.mark(self.index, digest)
        evict(self.marker.parent, self.index, kept_bytes())


def kept_bytes() -> int:
    """:data:`KEPT_BYTES`, or ``$ATTACKGRAPH_UNION_KEEP_MB`` megabytes when set to a number.

    >>> kept_bytes() == KEPT_BYTES or "ATTACKGRAPH_UNION_KEEP_MB" in os.environ
    True
    """
    try:
        return max(0, int(float(os.environ["ATTACKGRAPH_UNION_KEEP_MB"]) * (1 << 20)))
    except (KeyError, ValueError):
        return KEPT_BYTES


def evict(folder: Path, index: Path, limit: int) -> list[str]:
    """Delete the kept indexes (``NAME.sqlite``) in ``folder`` other than ``index``, with
    their markers (``NAME.json``) and any other file of the same name, least recently
    written first, until the indexes left take at most ``limit`` bytes; ``index`` is never
    deleted. Returns the names deleted. A file another build deletes meanwhile is skipped;
    a build reading an index deleted here keeps reading it (the file is unlinked, not
    truncated) and its next build checks the whole union.

    >>> import tempfile, time
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     for name, size in (("old", 300), ("mid", 300), ("new", 500)):
    ...         _ = Path(tmp, name + ".sqlite").write_bytes(bytes(size))
    ...         _ = Path(tmp, name + ".json").write_text("{}")
    ...         time.sleep(0.01)
    ...     gone = evict(Path(tmp), Path(tmp, "new.sqlite"), 800)
    ...     gone, sorted(p.name for p in Path(tmp).iterdir())
    (['old'], ['mid.json', 'mid.sqlite', 'new.json', 'new.sqlite'])
    """
    found: list[tuple[float, int, str]] = []
    for path in folder.glob("*.sqlite"):
        try:
            stat = path.stat()
        except OSError:
            continue
        if path.name != index.name:
            found.append((stat.st_mtime, stat.st_size, path.stem))
    try:
        total = index.stat().st_size
    except OSError:
        total = 0
    total += sum(size for _, size, _ in found)
    gone: list[str] = []
    for _, size, name in sorted(found):
        if total <= limit:
            break
        for path in folder.glob(f"{name}.*"):
            with contextlib.suppress(OSError):
                path.unlink()
        total -= size
        gone.append(name)
    return gone


def _listed_digest(release: Path, name: str) -> str | None:
    """The SHA-256 the release's ``SHA256SUMS`` lists for ``name`` (just written by the
    build that published it), if any."""
    try:
        lines = (release / SUMS_FILE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for line in lines:
        digest, _, listed = line.partition("  ")
        if listed == name:
            return digest
    return None


def marker_name(out_dir: Path) -> str:
    """The marker's file name for the release folder ``out_dir`` (a hash of its path).

    >>> len(marker_name(Path("release")))
    37
    """
    return release_name(out_dir) + ".json"


def release_name(out_dir: Path) -> str:
    """A name for what the cache keeps of the release folder ``out_dir``: a hash of its
    absolute path.

    >>> release_name(Path("/srv/release"))[:8]
    'b93d7efc'
    """
    where = os.path.abspath(out_dir)
    return hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()[:32]
