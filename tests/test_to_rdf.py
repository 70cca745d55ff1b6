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
from attackgraph.to_rdf import quads

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
