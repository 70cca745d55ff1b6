"""How names are compared: one matching key for every spelling of a name.

A *key* is what two spellings of the same name have in common: case, accents,
apostrophes, hyphens and runs of spaces do not count, so "Sévaré", "SEVARE" and
"Sevare" share the key ``sevare``, and "al-Shabaab" and "Al Shabaab" share
``al shabaab``; names in other scripts are transliterated ("北京" -> ``beijing``).
Keys are for lookups only; slugs are minted by
:func:`attackgraph.identifiers.slugify` from the canonical name.

This module also reads the words around a region name ("Mopti region",
"Région de Mopti", "Borno State") so that the place resolver can look the bare
name up among ISO 3166-2 subdivisions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from attackgraph.identifiers import fold

_APOSTROPHES: Final = re.compile(r"['`]")
_LATIN: Final = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_NOT_WORD: Final = re.compile(r"[^0-9a-z+<=>|~$\u0080-\U0010ffff]+")
"""Separators in a folded name: everything but letters, digits and what fold() keeps."""
_LEADING_THE: Final = re.compile(r"^\s*the\s+", re.IGNORECASE)
_POSSESSIVE_END: Final = re.compile(r"(?:['’]s|s['’])\s*$")

# Words naming a kind of administrative area, as they follow a name ("Mopti Region").
REGION_WORDS: Final = frozenset(
    {
        "region",
        "province",
        "state",
        "governorate",
        "county",
        "district",
        "division",
        "department",
        "prefecture",
        "oblast",
        "territory",
        "cercle",
        "chiefdom",
        "municipality",
        "wilaya",
        "emirate",
        "departement",
        "provincia",
        "regione",
        "estado",
    }
)
_AREA_SYNONYMS: Final = {
    "departement": "department",
    "provincia": "province",
    "regione": "region",
    "estado": "state",
}
_REGION_PREFIX: Final = re.compile(
    r"^(?P<word>[a-z]+) (?:of the |of |de la |de l |du |des |de |d |di |del )(?P<name>.+)$"
)


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The matching key of a name: folded (:func:`~attackgraph.identifiers.fold`, the
    same folding as slugs), apostrophes dropped, other punctuation a space. Remembered
    for the most recent 65,536 texts (a pure function of them; a few hundred lookups a
    document, mostly the same gazetteer and registry names).

    >>> name_key("Sévaré") == name_key("SEVARE") == name_key("  Sevare ")
    True
    >>> name_key("Jama'at Nasr al-Islam wal Muslimin")
    'jamaat nasr al islam wal muslimin'
    >>> name_key("N’Débougou"), name_key("Diyarbakır"), name_key("北京")
    ('ndebougou', 'diyarbakir', 'beijing')
    >>> name_key("C++ Front") == name_key("C Front"), name_key("Al\u200bShabaab")
    (False, 'alshabaab')
    """
    return _NOT_WORD.sub(" ", _APOSTROPHES.sub("", fold(text))).strip()


def has_latin_letter(text: str) -> bool:
    """Whether ``text`` has a Latin letter, i.e. whether it can have a non-empty key.

    >>> has_latin_letter("Ségou"), has_latin_letter("Сегу"), has_latin_letter("1990")
    (True, False, False)
    """
    return _LATIN.search(text) is not None


def strip_the(text: str) -> str:
    """The name without a leading "the" and surrounding space.

    >>> strip_the("the Malian government"), strip_the("Theresa May")
    ('Malian government', 'Theresa May')
    """
    return _LEADING_THE.sub("", text).strip()


def strip_possessive(text: str) -> str:
    """The name without a trailing possessive ("Mali's" -> "Mali").

    >>> strip_possessive("Mali's"), strip_possessive("Niger’s"), strip_possessive("Wales")
    ('Mali', 'Niger', 'Wales')
    """
    match = _POSSESSIVE_END.search(text)
    if match is None:
        return text
    trimmed = text[: match.start()]
    return trimmed + ("s" if match.group(0).lower().startswith("s") else "")


@dataclass(frozen=True)
class RegionName:
    """A place name read as ``name`` plus an optional administrative word.

    ``word`` is the folded area word ("region", "province" ...) when the text has
    one, else ``None``; ``key`` is the matching key of the bare name.
    """

    key: str
    word: str | None


def region_name(text: str) -> RegionName:
    """Split "Mopti region" / "Région de Mopti" / "Borno State" into name and area word.

    >>> region_name("Mopti Region")
    RegionName(key='mopti', word='region')
    >>> region_name("Région de Mopti")
    RegionName(key='mopti', word='region')
    >>> region_name("Province of Sulu")
    RegionName(key='sulu', word='province')
    >>> region_name("Niono")
    RegionName(key='niono', word=None)
    """
    key = name_key(strip_the(text))
    # "region de mopti" / "province of sulu"
    match = _REGION_PREFIX.match(key)
    if match and _area_word(match.group("word")):
        return RegionName(match.group("name"), _area_word(match.group("word")))
    head, _, last = key.rpartition(" ")
    if head and _area_word(last):
        return RegionName(head, _area_word(last))
    return RegionName(key, None)


def _area_word(word: str) -> str | None:
    if word in REGION_WORDS:
        return _AREA_SYNONYMS.get(word, word)
    return None
