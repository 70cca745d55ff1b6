"""The words of a source's name: titles and roles that are not part of a person's
name ("Colonel", "spokesman"), and words that make a name an organisation's ("Ministry",
"Front"). :mod:`attackgraph.extract.speakers` uses them to turn subject words into a name.
"""

from __future__ import annotations

import re
from typing import Final

from attackgraph.reference.countries import country_code

__all__ = ["ORG_WORDS", "ROLE_WORDS", "TITLES", "is_proper_word", "is_title", "looks_like_person"]

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
    if re.search(rf"\b{re.escape(word.lower())}\b", text):
        return False  # a common word
    return any(
        not _SENTENCE_START.search(text[max(0, found.start() - 4) : found.start()])
        for found in re.finditer(rf"\b{re.escape(word)}\b", text)
    )
