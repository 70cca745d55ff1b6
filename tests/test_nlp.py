"""The packaged English pipeline is the one we pinned, and it reads attribution."""

from __future__ import annotations

import pytest

from attackgraph.extract import nlp


def test_the_pipeline_is_explosions_en_core_web_sm_3_8_0() -> None:
    meta = nlp.pipeline().meta
    assert meta["version"] == "3.8.0"
    assert meta["author"] == "Explosion"
    assert meta["license"] == "MIT"
    # Accuracy as Explosion reports it for en_core_web_sm 3.8.0 (OntoNotes 5 dev):
    # a repackaging that changed the weights would change these.
    performance = meta["performance"]
    assert performance["ents_f"] == pytest.approx(0.8433, abs=5e-4)
    assert performance["dep_las"] == pytest.approx(0.8992, abs=5e-4)
    assert performance["tag_acc"] == pytest.approx(0.9729, abs=5e-4)


def test_the_speaker_is_the_subject_of_the_reporting_verb_not_the_first_word() -> None:
    doc = nlp.parse("At dawn the army said six soldiers were killed.")
    said = next(t for t in doc if t.lemma_ == "say")
    subjects = [t.text for t in said.children if t.dep_ == "nsubj"]
    assert subjects == ["army"]


def test_parses_are_cached_and_batched_in_order() -> None:
    texts = [
        "Police said two people died.",
        "The ministry gave a toll.",
        "Police said two people died.",
    ]
    docs = nlp.parse_all(texts)
    assert [d.text for d in docs] == texts
    assert docs[0] is docs[2] is nlp.parse(texts[0])
