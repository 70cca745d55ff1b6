"""Write a dataset, streamed one document's quads at a time, in every dump format."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from pyoxigraph import Quad, RdfFormat

from attackgraph.export.atomic import Fingerprint, write_verified
from attackgraph.export.collect import SPILL_LINES, SortedQuads
from attackgraph.export.context import embed_context, load_context
from attackgraph.export.formats import ALL_FORMATS, DUMP_STEM, ExportSource, Format
from attackgraph.export.jsonld import Compactor
from attackgraph.identifiers import Minter, prefixes_for
from attackgraph.namespaces import DEFAULT_BASE


@dataclass(frozen=True)
class ExportResult:
    """What :func:`write_dataset` wrote."""

    files: Mapping[str, Path]
    """Format name -> the file written."""
    quads: int
    """Distinct quads (N-Quads lines)."""
    triples: int
    """Distinct triples of the union of all graphs (N-Triples lines)."""
    graphs: int
    """Named graphs (documents)."""


def write_dataset(
    batches: Iterable[Sequence[Quad]],
    out_dir: Path,
    *,
    base: str = DEFAULT_BASE,
    formats: Iterable[Format] = ALL_FORMATS,
    gzip: bool = False,
    context: Path | None = None,
    stem: str = DUMP_STEM,
    spill_lines: int = SPILL_LINES,
) -> ExportResult:
    """Write ``batches`` to ``out_dir/attackgraph.{ttl,jsonld,nt,nq,trig}``.

    ``batches`` is consumed once, one batch (one document's quads, in its named graph)
    at a time. The output depends only on the set of quads: the same input gives the
    same bytes. With ``gzip``, each file is written compressed instead
    (``attackgraph.nq.gz``, deterministic: mtime 0, no name in the header). ``context``
    is the JSON-LD context file (default: the packaged project context). Beyond
    ``spill_lines`` quads held in memory, sorted runs go to a temporary folder in
    ``out_dir`` and are merged on disk (same bytes, bounded memory).

    Each file is written atomically and re-parsed strictly before it replaces the old
    one. Raises ``ExportError`` naming the file when a file cannot be written, does
    not re-parse, or re-parses to other statements (the previous file is kept), or
    when the context cannot be loaded; ``ValueError`` for a bad ``base``, a duplicate
    format, or quads the dumps cannot hold (default graph, blank nodes).

    >>> import tempfile
    >>> from pyoxigraph import Literal, NamedNode
    >>> from attackgraph.export import FORMATS
    >>> g, s = NamedNode("https://w3id.org/attackgraph/id/doc/d"), NamedNode("http://e/s")
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     result = write_dataset([[Quad(s, NamedNode("http://e/p"), Literal("x"), g)]],
    ...                            Path(tmp), formats=[FORMATS["nquads"], FORMATS["ntriples"]])
    ...     print(result.quads, sorted(p.name for p in result.files.values()))
    ...     print(result.files["nquads"].read_text(), end="")
    1 ['attackgraph.nq', 'attackgraph.nt']
    <http://e/s> <http://e/p> "x" <https://w3id.org/attackgraph/id/doc/d> .
    """
    prefixes = prefixes_for(base)
    chosen = tuple(formats)
    names = [f.name for f in chosen]
    if len(set(names)) != len(names):
        raise ValueError(f"a format is listed twice: {names}")
    embedded = None
    if any(f.rdf_format in (RdfFormat.JSON_LD, RdfFormat.STREAMING_JSON_LD) for f in chosen):
        embedded = embed_context(load_context(context), Minter(base).prefix)
        Compactor(embedded)  # an unusable context fails here, before the input is read
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out_dir, prefix=".spill-") as spill:
        data = SortedQuads(spill_dir=Path(spill), spill_lines=spill_lines)
        for batch in batches:
            data.add(batch)
        return _write_formats(data, out_dir, chosen, prefixes, embedded, stem, gzip=gzip)


def _write_formats(
    data: SortedQuads,
    out_dir: Path,
    chosen: Sequence[Format],
    prefixes: Mapping[str, str],
    embedded: Any,
    stem: str,
    *,
    gzip: bool,
) -> ExportResult:
    source = ExportSource(data, prefixes, embedded)
    expected: dict[bool, Fingerprint] = {}
    files: dict[str, Path] = {}
    for fmt in chosen:
        if fmt.named_graphs not in expected:
            expected[fmt.named_graphs] = _fingerprint(data, named_graphs=fmt.named_graphs)
        path = out_dir / fmt.file_name(stem, compressed=gzip)
        write_verified(
            path,
            partial(fmt.write, source),
            rdf_format=fmt.rdf_format,
            named_graphs=fmt.named_graphs,
            expected=expected[fmt.named_graphs],
            compressed=gzip,
        )
        files[fmt.name] = path
    return ExportResult(files, data.quad_count, data.triple_count, data.graph_count)


def _fingerprint(data: SortedQuads, *, named_graphs: bool) -> Fingerprint:
    if named_graphs:
        return Fingerprint.of(t + b" " + g for t, g in data.pairs())
    return Fingerprint.of(data.triple_lines())
