"""to_rdf: a record's quads depend on what its events are, never on how they are keyed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from attackgraph.extract import extract
from attackgraph.identifiers import Minter
from attackgraph.model import ClaimRecord, EventKind, EventRecord, Extraction, Record
from attackgraph.parse import parse_file
from attackgraph.resolve import Resolver, resolve
from attackgraph.to_rdf import GraphQuads, quads, triple_lines

ROOT = Path(__file__).resolve().parents[1]
MOPTI = ROOT / "data" / "documents" / "000_6de047e5428871d9.txt"


@pytest.fixture(scope="module")
def record() -> Record:
    return resolve(extract(parse_file(MOPTI)), Resolver())


def _renamed(record: Record, new: dict[str, str]) -> Record:
    """The same record with every event key replaced, wherever a key is used."""

    def event(e: EventRecord) -> EventRecord:
        return replace(
            e,
            key=new[e.key],
            part_of=tuple(new[k] for k in e.part_of),
            related=tuple((p, new[k]) for p, k in e.related),
        )

    def claim(c: ClaimRecord) -> ClaimRecord:
        st = c.statement
        if st is not None:
            subject = new[st.subject] if st.subject_kind == "event" else st.subject
            obj = new[st.obj] if st.object_kind == "event" else st.obj
            st = replace(st, subject=subject, obj=obj)
        return replace(c, about=new[c.about], statement=st)

    x = record.extraction
    extraction: Extraction = replace(
        x,
        event=event(x.event),
        events=tuple(event(e) for e in x.events),
        claims=tuple(claim(c) for c in x.claims),
    )
    return replace(record, extraction=extraction, claims=tuple(claim(c) for c in record.claims))


def test_the_sample_has_every_kind_of_event(record: Record) -> None:
    assert {e.kind for e in record.extraction.all_events()} == set(EventKind)


def test_event_iris_come_from_the_kind_not_the_key(record: Record) -> None:
    events = record.extraction.all_events()
    new = {e.key: f"event {n}" for n, e in enumerate(reversed(events))}
    minter = Minter()
    assert quads(_renamed(record, new), minter) == quads(record, minter)


def test_a_site_is_named_under_the_main_event(record: Record) -> None:
    minter = Minter()
    subjects = {q.subject.value for q in quads(record, minter)}
    site = minter.event("april-2022-mopti-region-attacks-sevare").value
    assert site in subjects


@pytest.mark.parametrize("chunk", [3, 65_536])
def test_a_graph_is_held_as_its_text_and_read_back_as_the_same_quads(
    record: Record, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The converter holds a document's graph as N-Triples lines, then text (issue 12:
    no pyoxigraph term per quad): read back, the same quads in the same order, pickled
    as text, and taking the lines empties them."""
    import pickle

    from attackgraph import to_rdf
    from attackgraph.pipeline import BuildOptions, Converter

    monkeypatch.setattr(to_rdf, "_LINES", chunk)  # lines a chunk of the text
    made = quads(record, Minter())
    graph, lines = triple_lines(record, Minter())
    assert len(lines) == len(set(lines)) == len(made)
    held = GraphQuads(graph, lines)
    assert len(held.chunks) == -(-len(made) // chunk)
    assert list(held) == made and held == made and len(held) == len(made)
    assert held[0] == made[0] and held[-1] == made[-1] and held[1:3] == made[1:3]
    assert held + made[:2] == made + made[:2] and made[:2] + held == made[:2] + made
    again = pickle.loads(pickle.dumps(held))
    assert again == held and list(again) == made
    taken = GraphQuads.taking(graph, lines)
    assert lines == [] and taken == held
    result = Converter(BuildOptions(validate=False)).convert(MOPTI)
    assert isinstance(result.quads, GraphQuads) and result.quads == made
