"""``name_words.is_proper_word`` reads a text's words once (issue 12): the same answers
as searching the text for each word, on random texts of capitalised and lower-case
words, sentence starts, quotes, brackets and hyphens."""

from __future__ import annotations

import random
import re

import pytest

from attackgraph.extract.name_words import _SENTENCE_START, is_proper_word, written_as_word


def _searched(word: str, text: str) -> bool:
    """The answer of searching the whole text for the word (what was done per word)."""
    if len(word) < 2 or not word[:1].isupper() or written_as_word(word.lower(), text):
        return False
    return any(
        not _SENTENCE_START.search(text[max(0, found.start() - 4) : found.start()])
        for found in re.finditer(rf"\b{re.escape(word)}\b", text)
    )


def test_the_words_read_once_give_the_searched_answers() -> None:
    rng = random.Random(12)
    vocabulary = ["Varn", "varn", "Kelo", "Tessa", "tessa", "Ölmo", "Al", "Bo-Ka", "X", "Dun2"]
    glue = [" ", ". ", "; ", "\n", ' "', " (", "-", ", ", "! ", ":  ", "“"]
    for _ in range(3000):
        text = "".join(rng.choice(vocabulary) + rng.choice(glue) for _ in range(rng.randint(0, 9)))
        for word in [*vocabulary, "Nope"]:
            assert is_proper_word(word, text) == _searched(word, text), (word, text)


def test_a_long_text_is_not_searched_per_word(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long document asks about thousands of names: none is searched for over the
    whole text (that made the names cost the square of the document's length)."""
    text = " ".join(f"Then Kel{n} met Var{n}." for n in range(2000))
    searched = []
    finditer = re.finditer

    def counted(pattern: str, string: str, flags: int = 0) -> object:
        searched.append(pattern)
        return finditer(pattern, string, flags)

    monkeypatch.setattr(re, "finditer", counted)
    assert all(is_proper_word(f"Var{n}", text) for n in range(0, 2000, 7))
    assert not is_proper_word("Then", text)
    assert searched == []
