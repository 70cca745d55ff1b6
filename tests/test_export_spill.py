"""Bounded-memory export: spilled, merged on disk, the dumps are byte-identical."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

import pyoxigraph as ox
import pytest

from attackgraph.export import write_dataset
from attackgraph.export.collect import SortedQuads

FIXTURE_NQ = Path(__file__).parent / "fixtures" / "release" / "attackgraph.nq"


def _batches() -> list[list[ox.Quad]]:
    quads = list(ox.parse(path=str(FIXTURE_NQ), format=ox.RdfFormat.N_QUADS))
    by_graph = [list(g) for _, g in groupby(quads, key=lambda q: str(q.graph_name))]
    repeated = by_graph[0][:5]  # a document given twice: the repeats are dropped
    mixed = [q for batch in by_graph[:3] for q in batch[:4]]  # one batch, several graphs
    return [*by_graph[::-1], repeated, mixed]


@pytest.mark.parametrize("spill_lines", [1, 97, 5_000])
def test_spilled_export_is_byte_identical(tmp_path: Path, spill_lines: int) -> None:
    reference = write_dataset(_batches(), tmp_path / "memory")
    spilled = write_dataset(_batches(), tmp_path / "disk", spill_lines=spill_lines)
    assert (spilled.quads, spilled.triples, spilled.graphs) == (
        reference.quads,
        reference.triples,
        reference.graphs,
    )
    for name, path in reference.files.items():
        assert spilled.files[name].read_bytes() == path.read_bytes(), name
    assert sorted(p.name for p in (tmp_path / "disk").iterdir()) == sorted(
        p.name for p in (tmp_path / "memory").iterdir()
    )  # no spill folder left behind


def test_spill_holds_at_most_the_limit(tmp_path: Path) -> None:
    data = SortedQuads(spill_dir=tmp_path, spill_lines=50)
    for batch in _batches():
        data.add(batch)
        assert data._held < 50
    assert data.quad_count > 50 and data.graph_count > 1
    assert not list(tmp_path.glob("run-*"))  # merged into one file, runs removed
