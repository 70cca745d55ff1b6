"""Files of the release: gzip copies of the dumps, checksums, the packaged resources.

Everything here writes into the staging folder, which is swapped in whole or not at all
(see ``release.py``), so files are written directly, without a temporary file each.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from importlib import resources
from pathlib import Path
from typing import Final, Protocol

from attackgraph.export import deterministic_gzip
from attackgraph.publish.release import PublishError

SUMS_FILE: Final = "SHA256SUMS"
_BLOCK: Final = 1 << 20

ONTOLOGY_TTL: Final = "ontology.ttl"
SHAPES_TTL: Final = "shapes.ttl"
CONTEXT_JSONLD: Final = "context.jsonld"

_PACKAGED: Final = {
    # release file name -> (resource inside the package, file in a source checkout)
    ONTOLOGY_TTL: ("resources/attackgraph.ttl", "ontology/attackgraph.ttl"),
    SHAPES_TTL: ("resources/attackgraph.shapes.ttl", "shapes/attackgraph.shapes.ttl"),
    CONTEXT_JSONLD: ("resources/context.jsonld", "ontology/context.jsonld"),
}


def write_bytes(path: Path, data: bytes) -> None:
    """Write a file of the staging folder, creating its folder when it is missing (the
    pages write tens of thousands of files into a few folders: asking for the folder
    first, an exception each time it exists, cost as much as writing a small file)."""
    try:
        path.write_bytes(data)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def gzip_file(source: Path) -> Path:
    """Write ``source.gz`` beside ``source``, deterministically (mtime 0, no file name in
    the header, fixed level), and check that it decompresses to the same bytes.

    Raises :class:`PublishError` if the copy does not decompress to ``source``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     src = Path(tmp) / "a.nt"
    ...     _ = src.write_bytes(b"<a> <b> <c> .\\n")
    ...     gz = gzip_file(src)
    ...     gz.name, gzip.decompress(gz.read_bytes()), gz.read_bytes()[4:8]
    ('a.nt.gz', b'<a> <b> <c> .\\n', b'\\x00\\x00\\x00\\x00')
    """
    return gzip_and_hash(source)[1]


def gzip_and_hash(source: Path) -> tuple[str, Path, str]:
    """:func:`gzip_file`, returning the SHA-256 of ``source``, the ``.gz`` file and its
    SHA-256; ``source`` is read once. Several run in parallel threads (zlib and hashlib
    release the GIL).

    Raises :class:`PublishError` if the copy does not decompress to ``source``.
    """
    target = source.with_name(source.name + ".gz")
    plain = hashlib.sha256()
    with open(source, "rb") as raw, open(target, "wb") as out:
        with deterministic_gzip(out) as packed:
            while block := raw.read(_BLOCK):
                plain.update(block)
                packed.write(block)
    with gzip.open(target, "rb") as unpacked:
        if _digest(unpacked) != plain.hexdigest():
            raise PublishError(f"{target}: does not decompress to {source.name}")
    return plain.hexdigest(), target, sha256_file(target)


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (Path(tmp) / "e").write_bytes(b"")
    ...     sha256_file(Path(tmp) / "e")[:16]
    'e3b0c44298fc1c14'
    """
    with open(path, "rb") as stream:
        return _digest(stream)


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


def _digest(stream: _Readable) -> str:
    digest = hashlib.sha256()
    while block := stream.read(_BLOCK):
        digest.update(block)
    return digest.hexdigest()


def release_files(root: Path) -> list[str]:
    """Every file under ``root`` as a relative POSIX path, in codepoint order.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_bytes(Path(tmp) / "id" / "event" / "x.html", b"")
    ...     write_bytes(Path(tmp) / "b.txt", b"")
    ...     release_files(Path(tmp))
    ['b.txt', 'id/event/x.html']
    """
    found: list[str] = []

    def walk(folder: str, prefix: str) -> None:  # os.scandir: no stat for most entries
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir():
                    walk(entry.path, f"{prefix}{entry.name}/")
                elif entry.is_file():
                    found.append(prefix + entry.name)

    walk(os.fspath(root), "")
    return sorted(found)


def write_sums(root: Path, known: dict[str, str] | None = None) -> Path:
    """Write ``SHA256SUMS`` (``sha256sum -c`` format: hex, two spaces, relative path),
    covering every file under ``root`` but itself, sorted by path. ``known`` holds
    digests already computed (path -> hex). Raises :class:`PublishError` for a file
    name ``sha256sum`` cannot read back (a newline or backslash in it).
    """
    lines = []
    for name in release_files(root):
        if name == SUMS_FILE:
            continue
        if "\n" in name or "\\" in name:
            raise PublishError(f"{root / name}: file name not usable in {SUMS_FILE}")
        digest = (known or {}).get(name) or sha256_file(root / name)
        lines.append(f"{digest}  {name}\n")
    target = root / SUMS_FILE
    target.write_text("".join(lines), encoding="utf-8")
    return target


def packaged_file(name: str) -> bytes:
    """The bytes of a file the release copies from the package (ontology, shapes,
    context): the packaged resource, else the file in a source checkout.

    Raises :class:`PublishError` when neither can be read.

    >>> packaged_file(CONTEXT_JSONLD)[:1]
    b'{'
    """
    resource, checkout = _PACKAGED[name]
    candidate = resources.files("attackgraph").joinpath(resource)
    try:
        return candidate.read_bytes()
    except OSError:
        pass
    fallback = Path(__file__).resolve().parents[3] / checkout
    try:
        return fallback.read_bytes()
    except OSError as error:
        raise PublishError(f"cannot read {resource} from the package: {error}") from error
