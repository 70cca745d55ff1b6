"""The build cache: one entry per document, so a rebuild converts only what changed.

An entry holds what converting one document gave: its quads (N-Quads, in the order they
were made) and a JSON header with the rest (skip reason, warnings, shape violations) and
the SHA-256 of the quads. It is found by a key made of

- the document's bytes (SHA-256), its path as shown and its id (its IRIs come from them),
- the *context*: SHA-256 of the package's code and packaged data (ontology, shapes,
  reference tables, everything under ``attackgraph/`` with links followed), the versions
  of the libraries it depends on, the contents of every ``--gazetteer`` file, the base
  IRI and whether documents are validated.

So any change to code, ontology, shapes or reference data misses every entry. Beside an
entry (``.union``), the trace of the document's merge into the union: what it read of the
union's state and wrote, so that a rebuild replays it where every read gives the same
answer instead of merging the document again (:meth:`attackgraph.union.Union.replay`). An entry
whose quads do not match their recorded checksum, or that cannot be read, counts as
corrupt, and so does one whose checksum is valid but whose content converting never
gives (:mod:`attackgraph.pipeline.entries`): the document is converted again and the
entry rewritten; a corrupt entry is never published. Entries are written to a temporary
file and renamed, so concurrent builds sharing a folder see whole entries or none.

The folder is ``$ATTACKGRAPH_CACHE/build``, else ``$XDG_CACHE_HOME/attackgraph/build``,
else ``~/.cache/attackgraph/build`` (``attackgraph build --cache-dir``; ``--no-cache`` turns it
off). Nothing is evicted but the union check's indexes
(:mod:`attackgraph.pipeline.union_reuse`): delete the folder to reclaim the space.

>>> import tempfile
>>> q = ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("1.50"),
...             ox.NamedNode("http://e/g"))
>>> with tempfile.TemporaryDirectory() as tmp:
...     cache = BuildCache(Path(tmp), context="test")
...     key = cache.key("a.txt", "0" * 64)
...     _ = cache.put(key, [q], {"source": "a.txt"})
...     cache.get(key) == ([q], {"source": "a.txt"})
True
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

import pyoxigraph as ox

from attackgraph.reference.files import cache_root
from attackgraph.to_rdf import NQuadsText

ENTRY_FORMAT: Final = 1
"""Bumped when the entry layout changes (part of every key)."""

_CHUNK: Final = 1 << 20


def default_cache_dir() -> Path:
    """``build/`` in :func:`~attackgraph.reference.files.cache_root`.

    >>> default_cache_dir().name
    'build'
    """
    return cache_root() / "build"


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """SHA-256 over the package's files (code and packaged data, links followed) and the
    versions of the libraries it requires.

    >>> len(code_fingerprint())
    64
    """
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"entry-format {ENTRY_FORMAT}\n".encode())
    for path in sorted(_package_files(package)):
        if "__pycache__" in path.parts:
            continue
        digest.update(f"{path.relative_to(package).as_posix()}\n".encode())
        digest.update(file_sha256(path).encode())
    for name in sorted(_required_distributions()):
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name} {version}\n".encode())
    return digest.hexdigest()


def _package_files(package: Path) -> Iterable[Path]:
    for folder, _, names in os.walk(package, followlinks=True):
        for name in names:
            yield Path(folder, name)


def _required_distributions() -> set[str]:
    try:
        requirements = importlib.metadata.requires("attackgraph") or []
    except importlib.metadata.PackageNotFoundError:
        return set()
    return {
        re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0].lower() for r in requirements if "extra" not in r
    }


def build_context(
    *,
    base: str,
    validate: bool,
    gazetteer_files: Sequence[Path],
    shapes: Sequence[Path] = (),
    claims: int | None = None,
) -> str:
    """The part of every key that is the same for all documents of one build (``shapes``:
    extra shapes files; ``claims``: the claims limit, which changes what a long document
    gives).

    Raises ``OSError`` when a gazetteer or shapes file cannot be read.
    """
    parts = [code_fingerprint(), f"base {base}", f"validate {validate}"]
    parts += [f"gazetteer {file_sha256(path)}" for path in gazetteer_files]
    parts += [f"shapes {file_sha256(path)}" for path in shapes]
    parts += [f"claims {claims}"] if claims is not None else []
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


@dataclass(frozen=True)
class BuildCache:
    """Entries in ``folder`` for one build ``context`` (see :func:`build_context`)."""

    folder: Path
    context: str

    def key(self, name: str, sha256: str) -> str:
        """The entry key of a document whose bytes hash to ``sha256``; ``name`` is what else
        its output depends on (its path as shown and its id)."""
        text = f"{self.context}\0{name}\0{sha256}"
        return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.nq"

    def has(self, key: str) -> bool:
        """Whether an entry exists under ``key`` (whole: entries are renamed into place;
        :meth:`get` checks it)."""
        return self._path(key).is_file()

    def get(self, key: str) -> tuple[NQuadsText, dict[str, Any]] | None:
        """The quads and header stored under ``key``; None when there is no entry or it is
        corrupt (unreadable, or its quads fail their checksum)."""
        found = self.entry(key)
        return None if found is None else found[:2]

    def entry(self, key: str) -> tuple[NQuadsText, dict[str, Any], str] | None:
        """:meth:`get`, and the SHA-256 of the entry's quads (their N-Quads text). The
        quads are held as that text, parsed only when read (the checksum matched, so the
        text is what :meth:`put` wrote: pyoxigraph's own serialisation)."""
        try:
            raw = self._path(key).read_bytes()
        except OSError:
            return None
        head, _, body = raw.partition(b"\n")
        try:
            header = json.loads(head)
            digest = hashlib.sha256(body).hexdigest()
            if header.get("sha256") != digest:
                return None
            return NQuadsText(body), header["meta"], digest
        except (ValueError, AttributeError, KeyError, TypeError):
            return None

    def put(self, key: str, quads: Sequence[ox.Quad], meta: dict[str, Any]) -> str:
        """Store an entry (atomically); a cache that cannot be written is skipped silently:
        the build does not need it. Returns the SHA-256 of the quads' text (as
        :meth:`entry` gives it)."""
        body = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
        header = {"sha256": hashlib.sha256(body).hexdigest(), "meta": meta}
        line = json.dumps(header, ensure_ascii=True, sort_keys=True).encode() + b"\n"
        self._write(self._path(key), line + body)
        return str(header["sha256"])

    def trace(self, key: str, entry: str) -> dict[str, Any] | None:
        """What merging the document of entry ``key`` into the union read and wrote (see
        :meth:`attackgraph.union.Union.replay`), when it was recorded for the entry whose
        quads hash to ``entry``; None when there is none, or it is damaged (checksum)."""
        try:
            head, _, body = self._path(key).with_suffix(".union").read_bytes().partition(b"\n")
            if head.decode() != hashlib.sha256(body).hexdigest():
                return None
            found = json.loads(body)
        except (OSError, ValueError):
            return None
        return found if isinstance(found, dict) and found.get("entry") == entry else None

    def put_trace(self, key: str, entry: str, trace: dict[str, Any]) -> None:
        """Store a document's union trace (see :meth:`trace`), skipped when it cannot be
        written."""
        body = json.dumps({**trace, "entry": entry}, ensure_ascii=True).encode()
        self._write(self._path(key).with_suffix(".union"), _digest_line(body) + body)

    def _write(self, path: Path, data: bytes) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temporary, path)
        except OSError:
            Path(temporary).unlink(missing_ok=True)


def _digest_line(body: bytes) -> bytes:
    return hashlib.sha256(body).hexdigest().encode() + b"\n"
