"""Atomic, verified file writes: temp file, fsync, strict re-parse, rename.

A file is written to a hidden temporary file in the target directory, flushed and
fsynced, re-parsed strictly by pyoxigraph and compared with what was meant to be
written, and only then renamed over the target (``os.replace``, atomic on POSIX),
after which the directory is fsynced. On any failure the temporary file is removed
and the previous file, if any, is left untouched.

The comparison is a :class:`Fingerprint`: the number of statements and an
order-independent sum of 64-bit hashes of their canonical N-Triples/N-Quads lines, so
it catches a statement that was lost, added or changed (a literal escaped wrongly, a
JSON-LD term expanded to the wrong IRI), not only a wrong count.
"""

from __future__ import annotations

import contextlib
import gzip as gzip_module
import os
import secrets
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO, Final, cast

from pyoxigraph import RdfFormat, parse, serialize

from attackgraph.model import AttackgraphError

_MASK: Final = (1 << 64) - 1
_END: Final = b" .\n"
GZIP_LEVEL: Final = 6
"""zlib level for ``.gz`` variants: the same bytes for the same input and zlib build."""


class ExportError(AttackgraphError):
    """An output file could not be written or failed its re-parse; names the file."""


@dataclass(frozen=True)
class Fingerprint:
    """How many statements, and a hash of the multiset of their canonical lines.

    ``lines`` are N-Triples / N-Quads lines without the final `` .``.

    >>> Fingerprint.of([b"<a> <b> <c>", b"<d> <e> <f>"]) == Fingerprint.of(
    ...     [b"<d> <e> <f>", b"<a> <b> <c>"])
    True
    >>> Fingerprint.of([b"<a> <b> <c>"]).count
    1
    """

    count: int
    digest: int

    @classmethod
    def of(cls, lines: Iterable[bytes]) -> Fingerprint:
        sink = _FingerprintSink()
        for line in lines:
            sink.add(line)
        return sink.result()


class _FingerprintSink:
    """A binary sink for pyoxigraph's canonical N-Triples/N-Quads output."""

    def __init__(self) -> None:
        self.count = 0
        self.digest = 0
        self._rest = b""

    def add(self, line: bytes) -> None:
        self.count += 1
        self.digest = (self.digest + hash(line)) & _MASK

    def write(self, data: bytes) -> int:
        # A raw newline only ends a statement (terms escape it), so " .\n" splits them.
        lines = (self._rest + data).split(_END)
        self._rest = lines.pop()
        self.count += len(lines)
        self.digest = (self.digest + sum(map(hash, lines))) & _MASK
        return len(data)

    def flush(self) -> None:
        pass

    def result(self) -> Fingerprint:
        if self._rest:
            raise ValueError(f"unterminated statement: {self._rest[:80]!r}")
        return Fingerprint(self.count, self.digest)


def fingerprint_file(
    path: Path, rdf_format: RdfFormat, *, named_graphs: bool, compressed: bool = False
) -> Fingerprint:
    """Re-parse ``path`` strictly with pyoxigraph and fingerprint what it holds.

    Raises ``SyntaxError`` (with the parser's position) for invalid content,
    ``OSError`` / ``EOFError`` / ``zlib.error`` for unreadable or truncated files.
    """
    with open(path, "rb") as raw:
        stream = cast(IO[bytes], gzip_module.GzipFile(fileobj=raw) if compressed else raw)
        return fingerprint_stream(stream, rdf_format, named_graphs=named_graphs)


def fingerprint_stream(
    stream: IO[bytes] | bytes, rdf_format: RdfFormat, *, named_graphs: bool
) -> Fingerprint:
    """:func:`fingerprint_file` of a stream or of bytes.

    >>> fingerprint_stream(b"<http://e/a> <http://e/b> <http://e/c> .\\n", RdfFormat.N_TRIPLES,
    ...                    named_graphs=False) == Fingerprint.of([b"<http://e/a> <http://e/b> <http://e/c>"])
    True
    """
    sink = _FingerprintSink()
    out_format = RdfFormat.N_QUADS if named_graphs else RdfFormat.N_TRIPLES
    quads = parse(stream, rdf_format, without_named_graphs=not named_graphs)
    serialize(quads, cast(IO[bytes], sink), out_format)
    return sink.result()


def deterministic_gzip(stream: BinaryIO) -> gzip_module.GzipFile:
    r"""A gzip writer on ``stream`` whose bytes depend only on the data: mtime 0, no file
    name in the header, a fixed level. Every ``.gz`` of a release is written with it.

    >>> import io
    >>> out = io.BytesIO()
    >>> with deterministic_gzip(out) as packed:
    ...     _ = packed.write(b"<a> <b> <c> .\n")
    >>> out.getvalue()[4:8], gzip_module.decompress(out.getvalue())
    (b'\x00\x00\x00\x00', b'<a> <b> <c> .\n')
    """
    return gzip_module.GzipFile(
        filename="", mode="wb", fileobj=stream, mtime=0, compresslevel=GZIP_LEVEL
    )


def write_verified(
    path: Path,
    write: Callable[[BinaryIO], None],
    *,
    rdf_format: RdfFormat,
    named_graphs: bool,
    expected: Fingerprint,
    compressed: bool = False,
) -> None:
    """Write ``path`` atomically with ``write(stream)`` and check it re-parses to ``expected``.

    With ``compressed``, ``stream`` is a deterministic gzip stream (mtime 0, no file
    name in the header). Raises :class:`ExportError` naming ``path`` when the file
    cannot be written or its re-parse fails or differs; the previous file is kept.
    Exceptions raised by ``write`` itself propagate after the temporary file is removed.
    """

    def check(tmp: Path) -> None:
        try:
            got = fingerprint_file(
                tmp, rdf_format, named_graphs=named_graphs, compressed=compressed
            )
        except (SyntaxError, ValueError, EOFError, zlib.error, gzip_module.BadGzipFile) as error:
            raise ExportError(f"{path}: written file does not re-parse: {error}") from error
        if got.count != expected.count:
            raise ExportError(
                f"{path}: re-parse found {got.count} statements, expected {expected.count}"
            )
        if got != expected:
            raise ExportError(f"{path}: re-parse differs from the data written")

    def body(stream: BinaryIO) -> None:
        if not compressed:
            write(stream)
            return
        with deterministic_gzip(stream) as packed:
            write(packed)  # type: ignore[arg-type]  # GzipFile is a binary stream

    _replace_atomically(path, body, check)


def write_text(path: Path, text: str) -> None:
    """Write a UTF-8 text file atomically (temp file, fsync, rename).

    Raises :class:`ExportError` naming ``path`` when it cannot be written.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_text(Path(tmp) / "a.txt", "Sévaré\\n")
    ...     (Path(tmp) / "a.txt").read_text(encoding="utf-8")
    'Sévaré\\n'
    """
    data = text.encode("utf-8")

    def body(stream: BinaryIO) -> None:
        stream.write(data)

    _replace_atomically(path, body, lambda _: None)


def _replace_atomically(
    path: Path, body: Callable[[BinaryIO], None], check: Callable[[Path], None]
) -> None:
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            with os.fdopen(fd, "wb") as stream:
                body(stream)
                stream.flush()
                os.fsync(stream.fileno())
        except OSError as error:
            raise ExportError(f"{path}: cannot write: {error}") from error
        check(tmp)
        try:
            os.replace(tmp, path)
        except OSError as error:
            raise ExportError(f"{path}: cannot replace: {error}") from error
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_directory(path.parent)


def fsync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - some platforms cannot open directories
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - nor fsync them
        pass
    finally:
        os.close(fd)
