"""The packaged English pipeline is the one we pinned, it reads attribution, and the
cheaper questions (the parse alone, the entities alone) answer as the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

from attackgraph.extract import nlp
from attackgraph.extract.sentences import sentences
from attackgraph.parse import parse_file

SAMPLE = Path(__file__).parent.parent / "data" / "documents"


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
    said = next(t for t in doc if t.text == "said")
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


def _sample_sentences() -> list[str]:
    texts = [s.text for f in sorted(SAMPLE.glob("*.txt")) for s in sentences(parse_file(f))]
    return list(dict.fromkeys(texts))


def _arcs(doc: Doc) -> list[tuple[int, int, int, str]]:
    return [(t.i, t.idx, t.head.i, t.dep_) for t in doc]


def test_the_parse_alone_and_the_entities_alone_answer_as_the_whole_pipeline() -> None:
    """Every sentence of the sample documents, read one at a time by all components,
    gets the same arcs from :func:`nlp.parse_all` and the same entities from
    :func:`nlp.entities_of`, which run fewer components over batches."""
    texts = _sample_sentences()
    assert len(texts) > 100
    whole = [nlp.pipeline()(text) for text in texts]
    assert [_arcs(d) for d in nlp.parse_all(texts)] == [_arcs(d) for d in whole]
    expected = [tuple((e.label_, e.start_char, e.end_char, e.text) for e in d.ents) for d in whole]
    found = [tuple((e.label, e.begin, e.end, e.text) for e in es) for es in nlp.entities_of(texts)]
    assert found == [tuple(e for e in es if e[0] in nlp.ENTITY_LABELS) for es in expected]


def test_entities_are_cached_and_read_once_per_distinct_sentence() -> None:
    texts = ["Kofi Annan visited Gao.", "The ministry gave a toll.", "Kofi Annan visited Gao."]
    found = nlp.entities_of(texts)
    assert found[0] is found[2] is nlp.entities(texts[0])
    assert [e.text for e in found[0]] == ["Kofi Annan", "Gao"]
