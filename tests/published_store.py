"""Read one converted document back as its published quads, for tests that query them."""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import Store

from attackgraph.identifiers import prefixes_for
from attackgraph.pipeline import Converter

PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes_for().items())
"""The project's prefixes as SPARQL PREFIX lines."""


def convert(converter: Converter, path: Path) -> Store:
    """The quads ``converter`` publishes for ``path``, in a store (the document must build)."""
    result = converter.convert(path)
    assert result.skipped is None, result.skipped
    store = Store()
    store.extend(result.quads)
    return store
