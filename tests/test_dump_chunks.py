"""Dumps in units (export/layout.py, export/chunks.py): the units give the bytes of one
whole serialisation, the ``.gz`` copies are their concatenated gzip members, a rebuild
takes unchanged units from the cache and writes the bytes of a fresh build, a damaged
cache entry is rendered again, and a unit that does not re-parse is refused."""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import io
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Triple, parse

from attackgraph.export import ALL_FORMATS, FORMATS, ExportError, UnitCache, write_dataset
from attackgraph.export.chunks import write_packed
from attackgraph.export.collect import SortedQuads
from attackgraph.export.context import embed_context, load_context
from attackgraph.export.formats import _serialize, _types_first, serialize_turtle
from attackgraph.export.jsonld import Compactor, json_nodes, jsonld_head, jsonld_tail
from attackgraph.export.layout import UNIT_SUBJECTS, ExportSource, subject_units
from attackgraph.identifiers import Minter, prefixes_for
from attackgraph.namespaces import DEFAULT_BASE, RDF_NS

ID = f"{DEFAULT_BASE}/id/"
AG = f"{DEFAULT_BASE}/ontology#"


def batches(documents: int = 40, events: int = 30, *, note: str = "") -> list[list[Quad]]:
    """``documents`` graphs of ``events`` events each: enough subjects for many units."""
    out = []
    for d in range(documents):
        graph = NamedNode(f"{ID}doc/d{d:03d}")
        quads = []
        for e in range(events):
            event = NamedNode(f"{ID}event/e{d:03d}-{e:02d}")
            quads.append(Quad(event, NamedNode(RDF_NS + "type"), NamedNode(AG + "Attack"), graph))
            quads.append(Quad(event, NamedNode(AG + "label"), Literal(f'é{d} "{e}"\n'), graph))
            quads.append(Quad(event, NamedNode(AG + "count"), Literal(str(e * d)), graph))
            title = NamedNode("http://purl.org/dc/terms/title")  # sorts before rdf:type
            quads.append(Quad(event, title, Literal(f"Event {e}", language="en"), graph))
            shared = NamedNode(f"{ID}actor/a{e % 7}")
            quads.append(Quad(event, NamedNode(AG + "actor"), shared, graph))
            quads.append(Quad(shared, NamedNode(AG + "name"), Literal(f"Actor {e % 7}"), graph))
        if note and d == documents // 2:
            quads.append(Quad(graph, NamedNode(AG + "note"), Literal(note), graph))
        out.append(quads)
    return out


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_there_are_many_units() -> None:
    data = SortedQuads()
    for batch in batches():
        data.add(batch)
    units = list(subject_units(data.triple_lines()))
    assert len(units) > 3, f"raise the corpus: {len(units)} units of {UNIT_SUBJECTS} subjects"
    assert b"".join(b"".join(u) for u in units) == b"".join(data.triple_lines())


def test_units_give_the_bytes_of_one_whole_serialisation(tmp_path: Path) -> None:
    result = write_dataset(batches(), tmp_path)
    data = SortedQuads()
    for batch in batches():
        data.add(batch)
    prefixes = prefixes_for(DEFAULT_BASE)
    union = b"".join(line + b" .\n" for line in _types_first(data.triple_lines()))
    triples = [Triple(q.subject, q.predicate, q.object) for q in parse(union, RdfFormat.N_TRIPLES)]
    assert result.files["turtle"].read_bytes() == serialize_turtle(triples, prefixes)
    graphs = b"".join(
        line + b" " + graph + b" .\n"
        for graph, lines in data.graphs()
        for line in _types_first(lines)
    )
    whole = io.BytesIO()
    _serialize(parse(graphs, RdfFormat.N_QUADS), whole, RdfFormat.TRIG, prefixes)
    assert result.files["trig"].read_bytes() == whole.getvalue()
    context = embed_context(load_context(None), Minter(DEFAULT_BASE).prefix)
    nodes = json_nodes(data.triple_lines(), Compactor(context), first=True)
    jsonld = jsonld_head(context) + nodes + jsonld_tail()
    assert result.files["jsonld"].read_bytes() == jsonld


def test_packed_dumps_and_their_gzip_members(tmp_path: Path) -> None:
    plain = write_dataset(batches(), tmp_path / "plain")
    packed = write_dataset(batches(), tmp_path / "packed", packed=True)
    assert set(packed.packed) == {f.name for f in ALL_FORMATS}
    for name, dump in packed.packed.items():
        assert dump.path.read_bytes() == plain.files[name].read_bytes(), name
        raw = dump.gz.read_bytes()
        assert gzip.decompress(raw) == dump.path.read_bytes(), name
        assert raw.count(b"\x1f\x8b\x08\x00\x00\x00\x00\x00") > 2, "one member per unit"
        assert hashlib.sha256(dump.path.read_bytes()).hexdigest() == dump.sha256
        assert hashlib.sha256(raw).hexdigest() == dump.gz_sha256


def test_an_empty_dataset_gives_valid_packed_dumps(tmp_path: Path) -> None:
    result = write_dataset([], tmp_path, packed=True)
    for dump in result.packed.values():
        assert gzip.decompress(dump.gz.read_bytes()) == dump.path.read_bytes()
    assert (tmp_path / "attackgraph.nq").read_bytes() == b""


def test_a_rebuild_reuses_unchanged_units_and_writes_the_bytes_of_a_fresh_build(
    tmp_path: Path,
) -> None:
    cache = tmp_path / "cache"
    first = UnitCache(cache, "ctx")
    write_dataset(batches(), tmp_path / "first", packed=True, units=first)
    assert first.hits == 0 and first.used
    again = UnitCache(cache, "ctx")
    write_dataset(batches(note="changed"), tmp_path / "again", packed=True, units=again)
    write_dataset(batches(note="changed"), tmp_path / "fresh", packed=True)
    assert _files(tmp_path / "again") == _files(tmp_path / "fresh")
    assert _files(tmp_path / "again") != _files(tmp_path / "first")
    assert again.hits > 4 * again.misses, (again.hits, again.misses)
    assert {p.name.removesuffix(".gz") for p in cache.iterdir()} == again.used  # pruned


def test_another_context_misses_every_unit(tmp_path: Path) -> None:
    write_dataset(batches(), tmp_path / "a", packed=True, units=UnitCache(tmp_path / "c", "x"))
    other = UnitCache(tmp_path / "c", "y")
    write_dataset(batches(), tmp_path / "b", packed=True, units=other)
    assert other.hits == 0
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_a_damaged_unit_in_the_cache_is_rendered_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    write_dataset(batches(), tmp_path / "first", packed=True, units=UnitCache(cache, "ctx"))
    entries = sorted(cache.iterdir(), key=lambda p: p.stat().st_size)
    damaged = entries[-1]
    raw = bytearray(damaged.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    damaged.write_bytes(bytes(raw))
    entries[0].unlink()
    again = UnitCache(cache, "ctx")
    write_dataset(batches(), tmp_path / "again", packed=True, units=again)
    assert again.misses == 2
    assert _files(tmp_path / "again") == _files(tmp_path / "first")
    assert gzip.decompress(damaged.read_bytes())  # written again


def test_a_unit_that_does_not_reparse_is_refused_and_the_old_files_kept(
    tmp_path: Path,
) -> None:
    write_dataset(batches(), tmp_path, packed=True, formats=[FORMATS["ntriples"]])
    before = _files(tmp_path)
    fmt = FORMATS["ntriples"]
    assert fmt.layout is not None

    def drop_one(source: ExportSource, lines: list[bytes], first: bool) -> bytes:
        return b"".join(line + b" .\n" for line in lines[1:])

    broken = dataclasses.replace(fmt, layout=dataclasses.replace(fmt.layout, render=drop_one))
    data = SortedQuads()
    for batch in batches():
        data.add(batch)
    source = ExportSource(data, prefixes_for(DEFAULT_BASE))
    with pytest.raises(ExportError, match=r"attackgraph\.nt: the unit from <.*re-parse found"):
        write_packed([broken], source, [tmp_path / "attackgraph.nt"])
    assert _files(tmp_path) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
