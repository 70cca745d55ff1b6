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
from collections.abc import Iterator
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
    ...     key = cache.key("salt", [b"<a> <b> <c>"], first=True)
    ...     cache.put(key, member(b"<a> <b> <c> .\\n"))
    ...     cache.get(key)[0], cache.get("0" * 40)
    (b'<a> <b> <c> .\\n', None)
    """

    folder: Path
    context: str
    used: set[str] = field(default_factory=set)
    hits: int = 0
    misses: int = 0

    def key(self, salt: str, lines: list[bytes], *, first: bool) -> str:
        """The key of a unit of ``lines``; ``salt`` names the format and what its
        rendering reads besides the lines (prefixes, JSON-LD context)."""
        digest = hashlib.blake2b(digest_size=20)
        digest.update(f"{self.context}\0{salt}\0{first}\0".encode())
        digest.update(b"\n".join(lines))
        return digest.hexdigest()

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


def write_packed(
    fmt: Format, source: ExportSource, path: Path, cache: UnitCache | None = None
) -> Packed:
    """Write ``path`` and ``path.gz`` unit by unit, each file atomically (temporary file,
    fsync, rename); units found in ``cache`` are taken from it.

    Raises :class:`ExportError` naming ``path`` when a unit does not re-parse to the
    statements it was rendered from or a file cannot be written; ``ValueError`` for a
    format without a layout.
    """
    layout = fmt.layout
    if layout is None:
        raise ValueError(f"{fmt.name}: no layout, so it cannot be written in units")
    gz_path = path.with_name(path.name + _SUFFIX)
    salt = _salt(fmt, source)
    tmp = [p.with_name(f".{p.name}.{secrets.token_hex(6)}.tmp") for p in (path, gz_path)]
    try:
        with open(tmp[0], "xb") as plain_out, open(tmp[1], "xb") as gz_out:
            sums = _Sums(plain_out, gz_out)
            for data, packed in _pieces(fmt, layout, source, path, salt, cache):
                sums.write(data, packed)
            if not sums.any:
                sums.write(b"", member(b""))  # an empty dump still has a valid .gz
            for stream in (plain_out, gz_out):
                stream.flush()
                os.fsync(stream.fileno())
        os.replace(tmp[0], path)
        os.replace(tmp[1], gz_path)
    except OSError as error:
        raise ExportError(f"{path}: cannot write: {error}") from error
    finally:
        for leftover in tmp:
            with contextlib.suppress(OSError):
                leftover.unlink()
    fsync_directory(path.parent)
    return Packed(path, sums.plain.hexdigest(), gz_path, sums.packed.hexdigest())


class _Sums:
    """Writes each piece to both files and hashes what each receives."""

    def __init__(self, plain_out: BinaryIO, gz_out: BinaryIO) -> None:
        self._out = (plain_out, gz_out)
        self.plain, self.packed = hashlib.sha256(), hashlib.sha256()
        self.any = False

    def write(self, data: bytes, packed: bytes) -> None:
        self._out[0].write(data)
        self._out[1].write(packed)
        self.plain.update(data)
        self.packed.update(packed)
        self.any = True


def _pieces(
    fmt: Format,
    layout: Layout,
    source: ExportSource,
    path: Path,
    salt: str,
    cache: UnitCache | None,
) -> Iterator[tuple[bytes, bytes]]:
    """``(bytes, gzip member)`` of the head, each unit and the tail (empty ones left out)."""
    if head := layout.head(source):
        yield head, member(head)
    first = True
    for lines in layout.units(source):
        key = cache.key(salt, lines, first=first) if cache is not None else ""
        found = cache.get(key) if cache is not None else None
        if found is None:
            data = layout.render(source, lines, first)
            _check(fmt, layout, source, path, data, lines, first=first)
            packed = member(data)
            if cache is not None:
                cache.put(key, packed)
            found = data, packed
        yield found
        first = False
    if tail := layout.tail(source):
        yield tail, member(tail)


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
