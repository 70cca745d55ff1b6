"""Dumps written unit by unit with their gzip copies; a rebuild reuses unchanged units.

A dump is ``head + units + tail`` (:mod:`.layout`). Here each piece is written to the
plain file and, as a gzip member of its own, to the ``.gz`` copy: a concatenation of gzip
members is one valid gzip file that decompresses to the concatenated data (RFC 1952 §2.2,
read by ``gzip -d``, ``zcat`` and Python's ``gzip``). Each new unit is re-parsed strictly
on its own (with the head and tail around it) and compared with the statements it was
rendered from, as a whole file was before; the sum of the units is the whole.

With a :class:`UnitCache`, a unit whose input lines, format, first-ness and build
context were seen before is not rendered, re-parsed nor compressed again: its gzip
member is read from the cache and decompressed (gzip's CRC-32 and length catch a damaged
entry, which is then rendered again). The bytes are the same either way, so a rebuild
gives the files of a fresh build. After a build, the cache keeps only the units it used.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import secrets
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Final

from attackgraph.export.atomic import (
    GZIP_LEVEL,
    ExportError,
    Fingerprint,
    fingerprint_stream,
    fsync_directory,
)
from attackgraph.export.formats import Format
from attackgraph.export.layout import ExportSource, Layout

_SUFFIX: Final = ".gz"


@dataclass(frozen=True)
class Packed:
    """A dump written with its gzip copy, and the SHA-256 (hex) of each."""

    path: Path
    sha256: str
    gz: Path
    gz_sha256: str


@dataclass
class UnitCache:
    """The gzip members of the dumps' units, one file each, named by a key of what the
    unit's bytes depend on; ``context`` is the build's (code, options).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     cache = UnitCache(Path(folder), "ctx")
    ...     key = cache.key("salt", unit_digest([b"<a> <b> <c>"]), first=True)
    ...     cache.put(key, member(b"<a> <b> <c> .\\n"))
    ...     cache.get(key)[0], cache.get("0" * 40)
    (b'<a> <b> <c> .\\n', None)
    """

    folder: Path
    context: str
    used: set[str] = field(default_factory=set)
    hits: int = 0
    misses: int = 0

    def key(self, salt: str, unit: bytes, *, first: bool) -> str:
        """The key of a unit whose lines hash to ``unit`` (:func:`unit_digest`); ``salt``
        names the format and what its rendering reads besides the lines (prefixes,
        JSON-LD context)."""
        text = f"{self.context}\0{salt}\0{first}\0{unit.hex()}"
        return hashlib.blake2b(text.encode(), digest_size=20).hexdigest()

    def get(self, key: str) -> tuple[bytes, bytes] | None:
        """``(bytes, gzip member)`` of the unit, or None when absent or damaged."""
        try:
            packed = (self.folder / (key + _SUFFIX)).read_bytes()
            data = gzip.decompress(packed)
        except (OSError, EOFError, zlib.error):  # gzip.BadGzipFile is an OSError
            self.misses += 1
            return None
        self.used.add(key)
        self.hits += 1
        return data, packed

    def put(self, key: str, packed: bytes) -> None:
        """Keep a unit's gzip member (written to a temporary file, then renamed)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / (key + _SUFFIX)
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            tmp.write_bytes(packed)
            os.replace(tmp, target)
        except OSError:  # a cache that cannot be written only costs the next build time
            with contextlib.suppress(OSError):
                tmp.unlink()
            return
        self.used.add(key)

    def prune(self) -> None:
        """Remove every entry this build did not use (and temporary files left over)."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.name.removesuffix(_SUFFIX) not in self.used:
                with contextlib.suppress(OSError):
                    path.unlink()


def member(data: bytes) -> bytes:
    """One deterministic gzip member of ``data`` (mtime 0, no file name, level
    :data:`~attackgraph.export.atomic.GZIP_LEVEL`).

    >>> packed = member(b"x")
    >>> packed[3], packed[4:8], gzip.decompress(packed + member(b"y"))
    (0, b'\\x00\\x00\\x00\\x00', b'xy')
    """
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


def unit_digest(lines: list[bytes]) -> bytes:
    """A hash of a unit's input lines (part of its key in :class:`UnitCache`).

    >>> len(unit_digest([b"<a> <b> <c>"])), unit_digest([b"x"]) == unit_digest([b"y"])
    (20, False)
    """
    return hashlib.blake2b(b"\n".join(lines), digest_size=20).digest()


def write_packed(
    formats: Sequence[Format],
    source: ExportSource,
    paths: Sequence[Path],
    cache: UnitCache | None = None,
) -> list[Packed]:
    """Write each format to its path and ``path.gz``, unit by unit, every file atomically
    (temporary file, fsync, rename); units found in ``cache`` are taken from it. The
    formats share their units (:attr:`Layout.units`), so the input is read once for all.

    Raises :class:`ExportError` naming the path when a unit does not re-parse to the
    statements it was rendered from or a file cannot be written; ``ValueError`` for a
    format without a layout or formats that cut their units differently.

    >>> import tempfile
    >>> from pyoxigraph import Literal, NamedNode, Quad
    >>> from attackgraph.export.collect import SortedQuads
    >>> from attackgraph.export.formats import FORMATS
    >>> data = SortedQuads()
    >>> data.add([Quad(NamedNode("http://e/s"), NamedNode("http://e/p"), Literal("x"),
    ...                NamedNode("http://e/g"))])
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     (dump,) = write_packed([FORMATS["ntriples"]], ExportSource(data, {}),
    ...                            [Path(tmp, "d.nt")])
    ...     gzip.decompress(dump.gz.read_bytes()) == dump.path.read_bytes()
    True
    """
    layouts = [f.layout for f in formats]
    if any(layout is None for layout in layouts):
        raise ValueError(f"{[f.name for f in formats]}: a format without a layout")
    writers = [
        _Writer(f, layout, source, path, cache)
        for f, layout, path in zip(formats, layouts, paths, strict=True)
        if layout is not None
    ]
    if len({id(w.layout.units) for w in writers}) > 1:
        raise ValueError(f"{[f.name for f in formats]}: cut into different units")
    try:
        for writer in writers:
            writer.open()
        first = True
        for lines in writers[0].layout.units(source) if writers else ():
            digest = unit_digest(lines) if cache is not None else b""
            for writer in writers:
                writer.unit(lines, digest, first=first)
            first = False
        return [writer.close() for writer in writers]
    except OSError as error:
        raise ExportError(f"{paths[0]}: cannot write: {error}") from error
    finally:
        for writer in writers:
            writer.discard()


class _Writer:
    """One format's plain file and gzip copy, written piece by piece, hashed as written."""

    def __init__(
        self,
        fmt: Format,
        layout: Layout,
        source: ExportSource,
        path: Path,
        cache: UnitCache | None,
    ) -> None:
        self.fmt, self.layout, self.source, self.path, self.cache = fmt, layout, source, path, cache
        self.gz_path = path.with_name(path.name + _SUFFIX)
        self.salt = _salt(fmt, source)
        self.tmp = [p.with_name(f".{p.name}.{secrets.token_hex(6)}.tmp")
                    for p in (path, self.gz_path)]  # fmt: skip
        self.out: list[BinaryIO] = []
        self.plain, self.packed = hashlib.sha256(), hashlib.sha256()
        self.any = False

    def open(self) -> None:
        self.out = [open(tmp, "xb") for tmp in self.tmp]  # closed in close() or discard()
        if head := self.layout.head(self.source):
            self._write(head, member(head))

    def unit(self, lines: list[bytes], digest: bytes, *, first: bool) -> None:
        key = self.cache.key(self.salt, digest, first=first) if self.cache is not None else ""
        found = self.cache.get(key) if self.cache is not None else None
        if found is None:
            data = self.layout.render(self.source, lines, first)
            _check(self.fmt, self.layout, self.source, self.path, data, lines, first=first)
            packed = member(data)
            if self.cache is not None:
                self.cache.put(key, packed)
            found = data, packed
        self._write(*found)

    def close(self) -> Packed:
        if tail := self.layout.tail(self.source):
            self._write(tail, member(tail))
        if not self.any:
            self._write(b"", member(b""))  # an empty dump still has a valid .gz
        for stream in self.out:
            stream.flush()
            os.fsync(stream.fileno())
            stream.close()
        os.replace(self.tmp[0], self.path)
        os.replace(self.tmp[1], self.gz_path)
        fsync_directory(self.path.parent)
        return Packed(self.path, self.plain.hexdigest(), self.gz_path, self.packed.hexdigest())

    def discard(self) -> None:
        """Close and remove what is left of the temporary files (after an error)."""
        for stream in self.out:
            stream.close()
        for tmp in self.tmp:
            with contextlib.suppress(OSError):
                tmp.unlink()

    def _write(self, data: bytes, packed: bytes) -> None:
        self.out[0].write(data)
        self.out[1].write(packed)
        self.plain.update(data)
        self.packed.update(packed)
        self.any = True


def _check(
    fmt: Format,
    layout: Layout,
    source: ExportSource,
    path: Path,
    data: bytes,
    lines: list[bytes],
    *,
    first: bool,
) -> None:
    """Re-parse one rendered unit strictly and compare it with its lines."""
    alone = layout.alone(source, data, first=first)
    where = f"{path}: the unit from {lines[0][:100].decode(errors='replace')}"
    try:
        got = fingerprint_stream(alone, fmt.rdf_format, named_graphs=fmt.named_graphs)
    except (SyntaxError, ValueError) as error:
        raise ExportError(f"{where}: written bytes do not re-parse: {error}") from error
    expected = Fingerprint.of(lines)
    if got.count != expected.count:
        raise ExportError(f"{where}: re-parse found {got.count} statements, expected "
                          f"{expected.count}")  # fmt: skip
    if got != expected:
        raise ExportError(f"{where}: re-parse differs from the data written")


def _salt(fmt: Format, source: ExportSource) -> str:
    """What a unit's bytes depend on besides its lines and the build's context."""
    parts = [fmt.name, sorted(source.prefixes.items()), source.context]
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()
