"""Which words name an actor at all: sentence fragments cut off, generic descriptions told apart.

A source read from the prose can come with the words around it ("by nightfall the
interior minister"); :func:`~attackgraph.extract.fragments.clean_name` cuts them. A
generic description ("witnesses", "security sources", "the judge", "survivors") names
nobody in particular: :func:`is_generic` says so, and
the resolve stage gives it an identity scoped to its document instead of one shared by
every document that uses the word (in a 500-document build "army" collected a
785 KB page). A bare state body ("the army", "police", "the government") is read as
the body of the document's country: :func:`state_body_word` returns its words. A
description whose party a country or a place names ("US investigators", "Berlin police",
"Bosnian health officials") is one party of its document: :func:`is_described_party`.
"""

from __future__ import annotations

import re
from typing import Final

from attackgraph.extract.fragments import clean_name
from attackgraph.extract.name_words import is_proper_word, written_as_word
from attackgraph.extract.nlp import entities
from attackgraph.extract.number_words import SMALL_NUMBERS, TENS
from attackgraph.reference.countries import country_code, demonym_countries
from attackgraph.reference.gazetteer_db import open_packaged
from attackgraph.reference.regions import subdivision_countries
from attackgraph.resolve.actor_words import ARMED_FORCES, GOVERNMENT, POLICE
from attackgraph.resolve.variants import PARTICLES

_MINISTRY: Final = re.compile(r"^(?:[a-z]+(?: [a-z]+)? ministry|ministry of (?:the )?[a-z ]+)$")
_SENTENCE_START: Final = re.compile(r"(?:[.!?:;]\s+|\n\s*|[\"“‘(]\s*)$")
_DETERMINER: Final = re.compile(r"^(?:the|a|an|some|several|many|other|local)\s+", re.I)

GENERIC_HEADS: Final = frozenset(
    """
    witness witnesses survivor survivors resident residents local locals villager villagers
    source sources official officials investigator investigators detective detectives
    gunman gunmen attacker attackers assailant assailants militant militants fighter
    fighters insurgent insurgents rebel rebels jihadist jihadists judge judges prosecutor
    prosecutors inquiry investigation investigations family families relative relatives
    member members worker workers staff doctor doctors medic medics nurse nurses
    journalist journalists reporter reporters analyst analysts expert experts observer
    observers diplomat diplomats summary report reports spokesman spokeswoman spokesperson
    minister ministry commander governor mayor president leader leaders officer officers
    soldier soldiers troops police army military government authorities forces
    agencies agency people man woman men women teacher teachers student students
    hospital hospitals coroner commanders ministers governors mayors presidents spokesmen
    negotiators guards passengers hostages victims bombers
    """.split()
)
"""Head nouns of descriptions that name a role or a crowd, not one party."""
_ARTICLES: Final = ("al-", "el-")
FUNCTION_WORDS: Final = frozenset(
    "at by on in of during after before since until from with when while then as "
    "he she it they we you i his her its their this that these those there".split()
)
"""Words that are never a name on their own: a subject misread from its sentence."""


def named_part(name: str) -> str:
    """The name a description ends with ("Chechen warlord Shamil Basayev" -> "Shamil
    Basayev"): the capitalised words after the last lower-case word that is no name
    particle, when there are two or more; else the name as given.

    >>> named_part("Chechen warlord Shamil Basayev"), named_part("former President Ali Roba")
    ('Shamil Basayev', 'President Ali Roba')
    >>> named_part("Islamic State in the Greater Sahara"), named_part("envoy in Nairobi")
    ('Islamic State in the Greater Sahara', 'envoy in Nairobi')
    >>> named_part("al-Shabaab commander Ahmed Iman Ali"), named_part("al-Shabaab")
    ('Ahmed Iman Ali', 'al-Shabaab')
    >>> named_part("air support from the United States"), named_part("aid from Chad")
    ('United States', 'Chad')
    >>> named_part("6th Mountain Brigade")
    '6th Mountain Brigade'
    """
    words = name.split()
    last = max(
        (
            i
            for i, word in enumerate(words)
            if word[:1].islower() and word not in PARTICLES and not word.startswith(("al-", "el-"))
        ),
        default=-1,
    )
    tail = words[last + 1 :]
    if tail[:1] == ["the"]:
        tail = tail[1:]
    shortest = 1 if last >= 0 and words[last] == "from" else 2  # "support from Chad"
    if last < 0 or len(tail) < shortest or not all(word[:1].isupper() for word in tail):
        return name
    return " ".join(tail)


_NOBODYS: Final = frozenset({"officials", "troops", "soldiers", "forces"})
"""Bare words that name people of some state or other, not the document's own body."""


def state_body_word(name: str) -> str | None:
    """The words of a bare state body ("the army" -> "army"), or ``None``.

    >>> state_body_word("The army"), state_body_word("security forces"), state_body_word("Army")
    ('army', 'security forces', 'army')
    >>> state_body_word("Kenyan army") is None, state_body_word("the interior ministry")
    (True, 'interior ministry')
    """
    words = _DETERMINER.sub("", clean_name(name)).strip()
    words = words[:1].lower() + words[1:]
    if words != words.lower():
        return None
    if words in _NOBODYS:
        return None
    if words in ARMED_FORCES | GOVERNMENT | POLICE or _MINISTRY.match(words):
        return words
    return None


def is_common_word(name: str, text: str) -> bool:
    """Whether a one-word name is a common noun of ``text``: capitalised only where a
    sentence starts ("Passengers said ..."), and written there in lower case as well ("the
    passengers") or, a plural, never read as a named entity where it opens a sentence
    ("Critics said ..."; not "Montoneros said ..."); "Total" the company is capitalised
    mid-sentence. One word the recogniser misses ("Maersk sent a tug") stays a name.

    >>> text = "Passengers said the bus stopped. Two passengers were hurt."
    >>> is_common_word("Passengers", text), is_common_word("Oxfam", text)
    (True, False)
    >>> is_common_word("Total", "A total of 9 died at the site Total ran.")
    False
    """
    if " " in name or not name[:1].isupper() or name.isupper():
        return False
    capitalised = [found.start() for found in re.finditer(rf"\b{re.escape(name)}\b", text)]
    if not all(at == 0 or _SENTENCE_START.search(text[max(0, at - 4) : at]) for at in capitalised):
        return False
    if written_as_word(name.lower(), text):
        return True
    plural = name.endswith("s") and not name.endswith(("ss", "'s", "’s"))  # "Critics", "Maersk"
    return plural and bool(capitalised) and not any(_named_at(text, at) for at in capitalised)


_SENTENCE_END: Final = re.compile(r"[.!?](?=\s)|\n")


def _named_at(text: str, at: int) -> bool:
    """Whether the word opening a sentence at ``at`` may be a name: it stands in an
    infobox line or a heading, or the recogniser reads a named entity over it there."""
    line_start = text.rfind("\n", 0, at) + 1
    if text.startswith(("- ", "=", "Infobox"), line_start):
        return True
    end = _SENTENCE_END.search(text, at)
    sentence = text[at : end.end() if end else len(text)]
    return any(entity.begin == 0 for entity in entities(sentence))


def is_generic(name: str) -> bool:
    """Whether the words describe someone without naming them.

    All words lower case (the first may be capitalised by the sentence), or a generic
    head whose other capitalised words are only countries and demonyms.

    >>> [is_generic(n) for n in ("witnesses", "Survivors", "local security sources",
    ...  "unofficial Russian sources", "the judge", "members of Congress")]
    [True, True, True, True, True, True]
    >>> [is_generic(n) for n in ("Amaq", "Total", "Human Rights Watch", "Le Drian", "AFP")]
    [False, False, False, False, False]
    >>> is_generic("By"), is_generic("She")
    (True, True)
    >>> is_generic("envoy of the Coast Front in Oslo"), is_generic("US commanders")
    (True, True)
    >>> is_generic("al-Shabaab"), is_generic("de Mistura")
    (False, False)
    >>> is_generic("Tasmania Police"), is_generic("Kenyan Police"), is_generic("Local police")
    (False, True, True)
    """
    words = _DETERMINER.sub("", clean_name(name)).replace("’", "'").split()
    if not words:
        return True
    if words[0][:1].islower() and words[0] not in PARTICLES and words[0][:3] not in _ARTICLES:
        return True  # a description: "defence spokesman in Canberra", "caller claiming ..."
    first = words[0][:1].lower() + words[0][1:]
    if len(words) == 1:
        return words[0].islower() or first in GENERIC_HEADS | FUNCTION_WORDS
    rest = [first, *words[1:]]
    if all(w == w.lower() for w in rest):
        return True
    head = rest[-1].lower()
    named = [w for w in rest[:-1] if w != w.lower()]
    if words[-1][:1].isupper() and first != words[0]:
        named.insert(0, words[0])  # a title-case name: "Tasmania Police" names a force
    return head in GENERIC_HEADS and all(
        country_code(w) is not None or demonym_countries(w) for w in named
    )


_LINKS: Final = frozenset("for of and or to with without from by".split()) | FUNCTION_WORDS
"""Words that make a description a clause or a phrase, not a party's name."""
_DESCRIBED_WORDS: Final = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'-]*")


def is_described_party(name: str, text: str) -> bool:
    """Whether a generic description names its party by a country or a place: a generic
    head ("officials", "police", "prosecutor") after at most four words, with no linking
    word, one of them a country, a demonym or a place that ``text`` (the document) never
    writes in lower case. Such a party ("US investigators", "the Berlin police") is one
    party of the document, named, though not shared with other documents.

    >>> text = "Berlin police said one man died. Local police and health officials agreed."
    >>> [is_described_party(n, text) for n in ("US investigators", "Berlin police",
    ...  "Bosnian health officials", "Egypt's public prosecutor")]
    [True, True, True, True]
    >>> [is_described_party(n, text) for n in ("Local police", "Health officials",
    ...  "witnesses", "Defence lawyers for some of the accused", "Kode said 12 died",
    ...  "One witness")]
    [False, False, False, False, False, False]
    """
    words = _DETERMINER.sub("", clean_name(name)).replace("’", "'").split()
    if not 2 <= len(words) <= 5 or words[-1].lower() not in GENERIC_HEADS:
        return False
    if any(w.lower() in _LINKS or not _DESCRIBED_WORDS.fullmatch(w) for w in words):
        return False
    return any(_names_a_place(w, text) for w in words[:-1] if w[:1].isupper())


_PHRASE: Final = re.compile(r"[\w'’ -]+")
"""A noun phrase's characters: no comma, semicolon or bracket of a clause or a list."""
_CLAUSE_WORDS: Final = _LINKS - {"of", "in", "at", "for"} | frozenset(
    "both either himself itself themselves whose which who whom including per under "
    "against about into over est day days night morning evening week weeks month year "
    "time first last".split()
)
"""Lower-case words of a clause or a circumstance, never of a party's description."""
_ONE_PERSON: Final = frozenset(
    "spokesman spokeswoman spokesperson official doctor officer commander judge prosecutor "
    "minister governor mayor president leader witness survivor resident commissioner "
    "chairperson chairman caller man woman figure member source aide adviser".split()
)
"""Heads that describe one person: "a defence spokesman in Canberra" names nobody."""


def names_proper_party(name: str, text: str) -> bool:
    """Whether a description holds a proper name: a capitalised word that ``text`` (the
    document) writes inside a sentence and never in lower case ("Yunnan public security
    department", "the Paris prosecutor's office", "guards of the Kenya Prisons Service",
    "a Mossad review"). Such a party is named by the document, though not shared with
    other documents; a word capitalised only where a sentence starts ("Doctors said",
    "Relatives of ...") names nobody.

    >>> text = "Doctors said 3 died. Police in Yunnan agreed; police and doctors came."
    >>> [names_proper_party(n, text) for n in ("Yunnan health officials", "Doctors",
    ...  "Police investigators", "officials in Yunnan")]
    [True, False, False, True]
    >>> [names_proper_party(n, text) for n in ("man calling himself Yunnan",
    ...  "officials in Yunnan on Monday", "Yunnan officials and doctors",
    ...  "health spokesman in Yunnan", "of the Yunnan police")]
    [False, False, False, False, False]
    """
    words = _DETERMINER.sub("", clean_name(name)).replace("’", "'").split()
    if not 2 <= len(words) <= 6 or not _PHRASE.fullmatch(" ".join(words)):
        return False  # one word, a clause or a list: "Kode delivered verdicts on 123"
    if any(w in _CLAUSE_WORDS or w.endswith(("ing", "ed")) for w in words if w.islower()):
        return False  # "caller claiming to speak for ...", "officials on Saturday night"
    heads = {words[0].lower(), words[-1].lower()} | {
        words[i - 1].lower() for i, w in enumerate(words) if i and w in ("of", "in", "at", "for")
    }
    if words[0] in _LINKS or heads & _ONE_PERSON:
        return False  # "of the ... government"; one person described: "spokesman in Canberra"
    bare = (re.sub(r"'s?$", "", word) for word in words)
    return any(w.lower() not in FUNCTION_WORDS and is_proper_word(w, text) for w in bare)


def _names_a_place(word: str, text: str) -> bool:
    """Whether a capitalised word of a description is a country, a demonym or a place
    (a place's name only when the document never writes it in lower case: "Western")."""
    bare = re.sub(r"'s?$", "", word)
    if bare.lower() in SMALL_NUMBERS or bare.lower() in TENS:
        return False  # "One witness"
    if country_code(bare) is not None or demonym_countries(bare):
        return True
    key = bare.lower()
    if re.search(rf"\b{re.escape(key)}\b", text):
        return False  # a common word capitalised by its sentence: "Local", "Health"
    return bool(subdivision_countries(key) or open_packaged().lookup(key))
