"""A release folder as its files' bytes, for tests that require two releases to be identical."""

from __future__ import annotations

from pathlib import Path


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by its relative POSIX path, in sorted order."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
