"""Write a dataset, streamed one document's quads at a time, in every dump format."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from types import MappingProxyType

from pyoxigraph import Quad, RdfFormat

from attackgraph.export.atomic import Fingerprint, write_verified
from attackgraph.export.chunks import Packed, UnitCache, write_packed
from attackgraph.export.collect import SPILL_LINES, SortedQuads
from attackgraph.export.context import embed_context, load_context
from attackgraph.export.formats import ALL_FORMATS, DUMP_STEM, Format
from attackgraph.export.jsonld import Compactor
from attackgraph.export.layout import ExportSource
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
    packed: Mapping[str, Packed] = field(default_factory=lambda: MappingProxyType({}))
    """Format name -> the file with its gzip copy and their SHA-256 (``packed=True``)."""


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
    packed: bool = False,
    units: UnitCache | None = None,
) -> ExportResult:
    """Write ``batches`` to ``out_dir/attackgraph.{ttl,jsonld,nt,nq,trig}``.

    ``batches`` is consumed once, one batch (one document's quads, in its named graph)
    at a time. The output depends only on the set of quads: the same input gives the
    same bytes. With ``gzip``, each file is written compressed instead
    (``attackgraph.nq.gz``, deterministic: mtime 0, no name in the header). ``context``
    is the JSON-LD context file (default: the packaged project context). Beyond
    ``spill_lines`` quads held in memory, sorted runs go to a temporary folder in
    ``out_dir`` and are merged on disk (same bytes, bounded memory).

    With ``packed``, each file is written with its gzip copy beside it (``.gz``, one gzip
    member per unit of :mod:`.layout`), each unit re-parsed on its own, and the units
    found in ``units`` (the cache of an earlier build) taken from it instead of being
    rendered again (:mod:`.chunks`); the plain files are the same bytes as without.

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
    if packed and gzip:
        raise ValueError("packed writes each file and its gzip copy: gzip=True is not needed")
    embedded = compactor = None
    if any(f.rdf_format in (RdfFormat.JSON_LD, RdfFormat.STREAMING_JSON_LD) for f in chosen):
        embedded = embed_context(load_context(context), Minter(base).prefix)
        compactor = Compactor(embedded)  # an unusable context fails here, before the input
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out_dir, prefix=".spill-") as spill:
        data = SortedQuads(spill_dir=Path(spill), spill_lines=spill_lines)
        for batch in batches:
            data.add(batch)
        source = ExportSource(data, prefixes, embedded, compactor)
        if not packed:
            return _write_formats(source, out_dir, chosen, stem, gzip=gzip)
        written: dict[str, Packed] = {}
        for group in _by_units(chosen):
            paths = [out_dir / f.file_name(stem) for f in group]
            for fmt, done in zip(group, write_packed(group, source, paths, units), strict=True):
                written[fmt.name] = done
        written = {f.name: written[f.name] for f in chosen}
        if units is not None:
            units.prune()
        files = {name: p.path for name, p in written.items()}
        return ExportResult(files, data.quad_count, data.triple_count, data.graph_count, written)


def _write_formats(
    source: ExportSource, out_dir: Path, chosen: Sequence[Format], stem: str, *, gzip: bool
) -> ExportResult:
    data = source.data
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


def _by_units(formats: Sequence[Format]) -> list[list[Format]]:
    """The formats grouped by how their units are cut, so each group reads its input once.

    >>> from attackgraph.export.formats import ALL_FORMATS
    >>> [[f.name for f in group] for group in _by_units(ALL_FORMATS)]
    [['turtle', 'jsonld', 'ntriples'], ['nquads'], ['trig']]
    """
    groups: dict[object, list[Format]] = {}
    for fmt in formats:
        if fmt.layout is None:
            raise ValueError(f"{fmt.name}: no layout, so it cannot be written in units")
        groups.setdefault(fmt.layout.units, []).append(fmt)
    return list(groups.values())


def _fingerprint(data: SortedQuads, *, named_graphs: bool) -> Fingerprint:
    if named_graphs:
        return Fingerprint.of(t + b" " + g for t, g in data.pairs())
    return Fingerprint.of(data.triple_lines())
