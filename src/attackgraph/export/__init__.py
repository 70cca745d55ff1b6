"""Stage: the graph -> Turtle, JSON-LD, N-Triples, N-Quads and TriG dumps.

Input is streamed, one document's quads at a time; the output is byte-identical for
the same set of quads; every file is written atomically and re-parsed strictly before
it replaces the previous one.

- :func:`write_dataset` writes the dumps; :data:`FORMATS` is the format registry.
- :func:`write_text` writes any other release file atomically.
- ``layout.py`` cuts each dump into units, ``chunks.py`` writes them with their gzip
  members and keeps those a rebuild can reuse (:class:`UnitCache`).
- ``collect.py`` sorts, ``formats.py`` writes, ``jsonld.py`` compacts with the
  context from ``context.py``, ``atomic.py`` replaces a file only after its
  re-parse matched.
"""

from attackgraph.export.atomic import (
    ExportError,
    Fingerprint,
    deterministic_gzip,
    write_text,
    write_verified,
)
from attackgraph.export.chunks import Packed, UnitCache
from attackgraph.export.collect import SortedQuads
from attackgraph.export.context import embed_context, load_context
from attackgraph.export.formats import (
    ALL_FORMATS,
    DUMP_STEM,
    FORMATS,
    Format,
    Writer,
    serialize_turtle,
)
from attackgraph.export.jsonld import Compactor
from attackgraph.export.layout import ExportSource
from attackgraph.export.write import ExportResult, write_dataset

__all__ = [
    "ALL_FORMATS",
    "DUMP_STEM",
    "FORMATS",
    "Compactor",
    "ExportError",
    "ExportResult",
    "ExportSource",
    "Fingerprint",
    "Format",
    "Packed",
    "SortedQuads",
    "UnitCache",
    "Writer",
    "deterministic_gzip",
    "embed_context",
    "load_context",
    "serialize_turtle",
    "write_dataset",
    "write_text",
    "write_verified",
]
