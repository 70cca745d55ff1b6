"""A worker asks the linguistic layer ahead, for a batch of documents, what their readers
will ask (extract/ahead.py): the readers then find their batches answered, and the
quads are the same as when each document is read alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from attackgraph.extract import extract, nlp
from attackgraph.extract.ahead import MAX_SENTENCES, ask_ahead, questions
from attackgraph.parse import parse
from attackgraph.pipeline.convert import BuildOptions, Converter

RAID = (
    b"= Raid on Orlen Quay =\n\n"
    b"On 3 March 2021 gunmen from the Varnel Brigade attacked the Orlen Quay depot in "
    b"Kessa. Doctors at Saint Brin Clinic said a watchman was shot dead.\n\n"
    b"== Attack ==\n"
    b"The gunmen crossed the Tamsin Bridge before dawn and set fire to the Harbour "
    b"Office. A ferry pilot was wounded near the Grey Lock.\n\n"
    b"== Reactions ==\n"
    b"- Governor Ama Lusk called the raid cowardly.\n"
    b"- The Union of Dock Workers said its members would strike.\n"
)
FERRY = (
    b"= Kessa ferry bombing =\n\n"
    b"A bomb went off aboard the Kessa ferry on 9 May 2021, and a deckhand was killed. "
    b"Inspector Tomas Vell of the Harbour Police said two men were arrested.\n"
)


def _new_texts(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Each call's texts the layer had not answered before, recorded from now on."""
    calls: list[list[str]] = []
    answers = nlp._answers

    def counted(store, pipes, answer, texts):  # type: ignore[no-untyped-def]
        texts = list(texts)
        new = [t for t in dict.fromkeys(texts) if t not in store]
        if new:
            calls.append(new)
        return answers(store, pipes, answer, texts)

    monkeypatch.setattr(nlp, "_answers", counted)
    return calls


def _clear() -> None:
    nlp._PARSED.clear()
    nlp._ENTITIES.clear()


def test_the_readers_batches_are_answered_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read alone, the document's readers ask the layer batches of several sentences;
    asked ahead, they find every batch answered and ask at most one sentence at a time
    (those the rules choose as they read), and the extraction is the same."""
    document = parse(RAID, "raid.txt")
    calls = _new_texts(monkeypatch)
    _clear()
    alone = extract(document)
    assert max(len(c) for c in calls) > 1
    _clear()
    ask_ahead([document])
    calls.clear()
    ahead = extract(document)
    assert all(len(c) == 1 for c in calls), calls
    assert ahead == alone


def test_a_long_document_is_not_asked_ahead() -> None:
    """A document of more sentences than MAX_SENTENCES is read as it comes (its readers
    ask within the document's limits), so nothing is asked for it ahead."""
    lines = b"".join(b"Colonel Ama Lusk said a guard was shot dead in Kessa.\n" for _ in range(3))
    short = parse(b"= Raid =\n\n" + lines, "short.txt")
    long = parse(b"= Raid =\n\n" + lines * (MAX_SENTENCES // 3 + 1), "long.txt")
    assert questions(short) != ([], [])
    assert questions(long) == ([], [])


def test_a_batch_converts_as_each_document_alone(tmp_path: Path) -> None:
    """Converting a batch gives each document's result as converting it alone, a file
    that cannot be read and an empty one skipped with their problems."""
    for name, text in (("raid.txt", RAID), ("ferry.txt", FERRY), ("empty.txt", b"")):
        (tmp_path / name).write_bytes(text)
    items = [(tmp_path / n, None) for n in ("raid.txt", "missing.txt", "empty.txt", "ferry.txt")]
    _clear()
    batch = Converter(BuildOptions()).convert_batch(items)
    _clear()
    alone = [Converter(BuildOptions()).convert(*item) for item in items]
    assert batch == alone
    assert [r.skipped.rule if r.skipped else None for r in batch] == [
        None,
        "parse/unreadable",
        "parse/empty",
        None,
    ]
