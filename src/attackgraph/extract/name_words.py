"""The words of a source's name: titles and roles that are not part of a person's
name ("Colonel", "spokesman"), and words that make a name an organisation's ("Ministry",
"Front"). :mod:`attackgraph.extract.speakers` uses them to turn subject words into a name.
"""

from __future__ import annotations

import re
from typing import Final

from attackgraph.reference.countries import country_code

__all__ = [
    "ORG_WORDS",
    "ROLE_WORDS",
    "TITLES",
    "inside_sentences",
    "is_proper_word",
    "is_title",
    "looks_like_person",
    "text_words",
    "written_as_word",
]

TITLES: Final = frozenset(
    """
    President Premier Vice Prime Minister Secretary Secretary-General Undersecretary General Major
    Lieutenant Lt Colonel Col Captain Capt Sergeant Sgt Admiral Commander Brigadier
    Marshal Field Senator Sen Representative Rep Congressman Congresswoman Governor Gov
    Mayor Chief Interior Defence Defense Foreign Home Justice Information Deputy Acting
    King Queen Prince Emir Chancellor Ambassador Envoy Special Dr Mr Mrs Ms Gen Maj
    Superintendent Inspector Commissioner High Attorney Spokesman Spokeswoman Director
    """.split()
)
"""Capitalised words that are a title, not part of a person's name."""
ROLE_WORDS: Final = frozenset(
    """
    spokesman spokeswoman spokesperson minister president general commander chief head
    leader official director governor secretary senator officer constable coordinator
    envoy ambassador member militiaman colonel captain mayor prosecutor commissioner
    historian scholar researcher journalist reporter analyst broadcaster diplomat writer
    doctor surgeon nurse lawyer activist
    """.split()
)
"""Lower-case nouns for a person's role: a name after one is a person's."""

ORG_WORDS: Final = frozenset(
    """
    Ministry Army Forces Force Command Council Movement Front State Group Office
    Observatory Department Government Agency Police Party Brigade Alliance Nations Union
    Organisation Organization Committee Cross Crescent Watch International Institute
    Mission Taliban Shabaab Al-Shabaab Haram Qaeda Jihad Military Authority Authorities
    Coalition Commission Network Guard Corps Service Services News Agency Times Post
    """.split()
)
"""Words that make a capitalised name an organisation's, not a person's."""


def is_title(token: str) -> bool:
    """A title word, also hyphenated ("Inspector-General", "Director-General").

    >>> is_title("Inspector-General"), is_title("Colonel"), is_title("Kenyatta")
    (True, True, False)
    """
    word = token.rstrip(".")
    return word in TITLES or ("-" in word and word.split("-")[0] in TITLES)


def looks_like_person(name: str) -> bool:
    """Two to five capitalised words with no organisation word, particle or country.

    >>> looks_like_person("Ada Obi"), looks_like_person("Sahel Front"), looks_like_person("Mali")
    (True, False, False)
    """
    tokens = name.split()
    return (
        2 <= len(tokens) <= 5
        and all(t[:1].isupper() and not t.isupper() for t in tokens)
        and not any(w in t for t in tokens for w in ORG_WORDS)
        and country_code(name) is None
    )


_SENTENCE_START: Final = re.compile(r"(?:[.!?:;]\s+|\n\s*|[\"“‘(]\s*|^\s*)$")


_WORD: Final = re.compile(r"\w+")
_WORDS: dict[str, frozenset[str]] = {}
"""The words (runs of word characters) of the last text asked about (one at a time)."""


def text_words(text: str) -> frozenset[str]:
    """The distinct runs of word characters of ``text``, found once per text (the last
    text's are kept): a word of word characters only is written in ``text`` between word
    boundaries exactly when it is one of them, so a long document's thousands of names
    are looked up, not each searched for over the whole text.

    >>> sorted(text_words("Al-Amin's men, 2 of them."))
    ['2', 'Al', 'Amin', 'men', 'of', 's', 'them']
    """
    found = _WORDS.get(text)
    if found is None:
        _WORDS.clear()
        found = _WORDS[text] = frozenset(_WORD.findall(text))
    return found


def written_as_word(word: str, text: str) -> bool:
    """Whether ``text`` writes ``word`` with a word boundary on both sides (what
    ``re.search(rf"\\b{re.escape(word)}\\b", text)`` finds), looked up in
    :func:`text_words` when ``word`` is made of word characters only.

    >>> written_as_word("health", "The health ministry"), written_as_word("heal", "health")
    (True, False)
    >>> written_as_word("al-amin", "Al-Amin and al-amin")
    True
    """
    if _WORD.fullmatch(word) is not None:
        return word in text_words(text)
    return re.search(rf"\b{re.escape(word)}\b", text) is not None


def is_proper_word(word: str, text: str) -> bool:
    """Whether ``text`` writes a capitalised word as a proper name: inside a sentence at
    least once, and never in lower case ("Mossad", "Yunnan"; not "Doctors", which only
    starts sentences, nor "Health" where the text also says "health").

    >>> text = "Doctors said Mossad knew. Health workers agreed; the health ministry too."
    >>> [is_proper_word(w, text) for w in ("Mossad", "Doctors", "Health", "mossad")]
    [True, False, False, False]
    """
    if len(word) < 2 or not word[:1].isupper():
        return False
    if written_as_word(word.lower(), text):
        return False  # a common word
    if _WORD.fullmatch(word) is not None:
        # its occurrences are the runs of word characters equal to it: read once per text
        return word in inside_sentences(text)
    return any(
        not _SENTENCE_START.search(text[max(0, found.start() - 4) : found.start()])
        for found in re.finditer(rf"\b{re.escape(word)}\b", text)
    )


def inside_sentences(text: str) -> frozenset[str]:
    """The capitalised words (runs of word characters) that ``text`` writes at least once
    not at the start of a sentence (the test of :func:`is_proper_word`), found in one
    pass and kept for the last text asked about: a pattern searched over the whole text
    per word made a long document's names cost the square of its length (issue 12).

    >>> sorted(inside_sentences("Doctors said Mossad knew. Health workers agreed."))
    ['Mossad']
    """
    found = _INSIDE.get(text)
    if found is None:
        _INSIDE.clear()
        found = _INSIDE[text] = frozenset(
            match.group()
            for match in _WORD.finditer(text)
            if match.group()[:1].isupper()
            and not _SENTENCE_START.search(text[max(0, match.start() - 4) : match.start()])
        )
    return found


_INSIDE: dict[str, frozenset[str]] = {}
""":func:`inside_sentences` of the last text asked about."""
