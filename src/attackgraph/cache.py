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

A checksum proves that an entry is whole, not that a build wrote it: an entry (and its
trace) written by another program, by hand, or copied from another document's key, with
checksums that agree, would be published as it is. So every entry and trace is sealed
with an HMAC-SHA256 (:data:`KEY_FILE`: a random key the folder's first build makes,
readable by its owner only) over its cache key and content; one whose seal does not
verify is not used (:meth:`BuildCache.entry` names why). Only a program holding the
key can write an entry a build trusts.

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
import hmac
import importlib.metadata
import json
import os
import re
import secrets
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Final

import pyoxigraph as ox

from attackgraph.reference.files import cache_root
from attackgraph.to_rdf import NQuadsText

ENTRY_FORMAT: Final = 2
"""Bumped when the entry layout changes (part of every key)."""
KEY_FILE: Final = "entries.key"
"""The folder's secret key (hex, made by its first build): seals entries and traces."""

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
        corrupt (unreadable, its quads fail their checksum, or its seal)."""
        found = self.entry(key)
        return found[:2] if isinstance(found, tuple) else None

    def entry(self, key: str) -> tuple[NQuadsText, dict[str, Any], str] | str | None:
        """:meth:`get`, and the SHA-256 of the entry's quads (their N-Quads text); None
        when there is no entry, else, when it cannot be used, why (a phrase). The quads
        are held as that text, parsed only when read (checksum and seal hold, so the text
        is what :meth:`put` wrote: pyoxigraph's own serialisation)."""
        try:
            raw = self._path(key).read_bytes()
        except FileNotFoundError:
            return None
        except OSError:
            return "it cannot be read"
        head, _, body = raw.partition(b"\n")
        try:
            header = json.loads(head)
            digest = hashlib.sha256(body).hexdigest()
            if header.get("sha256") != digest:
                return "its quads fail their checksum"
            meta = header["meta"]
            if not self._sealed(header.get("seal"), key, digest, _meta_text(meta)):
                return "no build sealed it with this cache's key"
            return NQuadsText(body), meta, digest
        except (ValueError, AttributeError, KeyError, TypeError):
            return "its header cannot be read"

    def put(self, key: str, quads: Sequence[ox.Quad], meta: dict[str, Any]) -> str:
        """Store an entry (atomically, sealed); a cache that cannot be written is skipped
        silently: the build does not need it. Returns the SHA-256 of the quads' text (as
        :meth:`entry` gives it). Quads held as text (:class:`NQuadsText`) are stored as
        that text."""
        if isinstance(quads, NQuadsText):
            body = quads.text
        else:
            body = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
        digest = hashlib.sha256(body).hexdigest()
        seal = self._seal(key, digest, _meta_text(meta))
        if seal is None:
            return digest
        header = {"sha256": digest, "meta": meta, "seal": seal}
        line = json.dumps(header, ensure_ascii=True, sort_keys=True).encode() + b"\n"
        self._write(self._path(key), line + body)
        return digest

    def trace(self, key: str, entry: str) -> dict[str, Any] | None:
        """What merging the document of entry ``key`` into the union read and wrote (see
        :meth:`attackgraph.union.Union.replay`), when it was recorded for the entry whose
        quads hash to ``entry``; None when there is none, or it is damaged or not sealed
        with this cache's key."""
        try:
            head, _, body = self._path(key).with_suffix(".union").read_bytes().partition(b"\n")
            if not self._sealed(head.decode(), key, "trace", body.decode()):
                return None
            found = json.loads(body)
        except (OSError, ValueError):
            return None
        return found if isinstance(found, dict) and found.get("entry") == entry else None

    def put_trace(self, key: str, entry: str, trace: dict[str, Any]) -> None:
        """Store a document's union trace (see :meth:`trace`), sealed; skipped when it
        cannot be written."""
        body = json.dumps({**trace, "entry": entry}, ensure_ascii=True)
        seal = self._seal(key, "trace", body)
        if seal is not None:
            self._write(self._path(key).with_suffix(".union"), f"{seal}\n{body}".encode())

    def _seal(self, key: str, *parts: str) -> str | None:
        """HMAC-SHA256 of ``parts`` under entry ``key`` with the folder's secret (None
        when the folder has none and cannot get one)."""
        if self._secret is None:
            return None
        message = "\0".join((key, *parts)).encode("utf-8", "surrogatepass")
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def _sealed(self, seal: object, key: str, *parts: str) -> bool:
        expected = self._seal(key, *parts)
        return (
            isinstance(seal, str) and expected is not None and hmac.compare_digest(seal, expected)
        )

    @cached_property
    def _secret(self) -> bytes | None:
        """The folder's key (:data:`KEY_FILE`), made on first use; None when it can be
        neither read nor made (then nothing is kept nor trusted)."""
        path = self.folder / KEY_FILE
        for _ in range(2):
            try:
                found = bytes.fromhex(path.read_text(encoding="ascii").strip())
                return found if len(found) >= 32 else None
            except FileNotFoundError:
                _make_key(path)
            except (OSError, ValueError):
                return None
        return None

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


def _meta_text(meta: object) -> str:
    """An entry's header fields as one text (what its seal covers)."""
    return json.dumps(meta, ensure_ascii=True, sort_keys=True)


def _make_key(path: Path) -> None:
    """Write a new random key to ``path`` unless one is there (two builds starting at
    once keep the first: the key is linked into place, never replaced)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")  # mode 0600
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(32) + "\n")
        os.link(temporary, path)
    except OSError:  # FileExistsError: another build made it first
        pass
    finally:
        Path(temporary).unlink(missing_ok=True)
