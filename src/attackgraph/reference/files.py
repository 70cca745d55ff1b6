"""Where the reference tables that ship with attackgraph live.

The tables (supplementary places, the actor registry, country forms) are kept in
``data/reference/`` of the source tree, beside their README with sources and
licences. An installed wheel carries them as package data in
``attackgraph/resources/reference/``; that copy is used when it exists.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

_PACKAGED: Final = Path(__file__).resolve().parent.parent / "resources" / "reference"
_SOURCE_TREE: Final = Path(__file__).resolve().parents[3] / "data" / "reference"


def reference_file(name: str) -> Path:
    """Path of a shipped reference table; raises ``FileNotFoundError`` if absent.

    >>> reference_file("actors.tsv").name
    'actors.tsv'
    """
    for folder in (_PACKAGED, _SOURCE_TREE):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"reference table {name!r} not found in {_PACKAGED} or {_SOURCE_TREE}")


def cache_root() -> Path:
    """Where attackgraph keeps what it can rebuild (the build cache, gazetteer indexes):
    ``$ATTACKGRAPH_CACHE``, else ``$XDG_CACHE_HOME/attackgraph``, else
    ``~/.cache/attackgraph``.

    >>> cache_root().is_absolute() or "ATTACKGRAPH_CACHE" in os.environ
    True
    """
    if os.environ.get("ATTACKGRAPH_CACHE"):
        return Path(os.environ["ATTACKGRAPH_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "attackgraph")
