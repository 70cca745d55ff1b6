"""Names of speakers read from their words: which body, country, person or earlier name
the words of a source stand for.

:class:`~attackgraph.extract.speakers.Speakers` resolves a claim's source in reading
order; these helpers read one phrase each, with no state: the country a people's name
stands for ("the Australians"), the owner of a document ("the army's final count"), the
body a spokesman speaks for ("Port Authority spokesman"), the name set off by commas
after a description ("the UN migration agency, IOM"), the earlier name "the {noun}"
refers back to ("the tribunal").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from attackgraph.extract.acronyms import PARTICLES, capitalised
from attackgraph.extract.anaphora import ANAPHOR_NOUNS, KIND_NOUNS, PERSON_ROLES, antecedent
from attackgraph.extract.name_words import ORG_WORDS, is_title
from attackgraph.reference.countries import country_name, demonym_countries

__all__ = [
    "DOCUMENT_HEADS",
    "GIVEN",
    "GROUP_REFERENCES",
    "BACK_DETERMINERS",
    "MADE_ANAPHORS",
    "PLURAL_NOUNS",
    "SPOKESPEOPLE",
    "apposed_name",
    "body_of",
    "given_names",
    "headed_antecedent",
    "may_head_a_name",
    "names_several",
    "official_of",
    "people_country",
    "possessor",
]

GROUP_REFERENCES: Final = frozenset(
    "group militants jihadists insurgents rebels organisation organization movement "
    "attackers fighters".split()
)

PLURAL_NOUNS: Final = frozenset("police people staff military personnel".split())
"""Nouns without a plural ending that "they" can refer to."""

SPOKESPEOPLE: Final = frozenset(
    "spokesman spokeswoman spokesperson official commander commanders".split()
)

MADE_ANAPHORS: Final = frozenset(
    "report dispatch book study review inquiry investigation findings memo note".split()
)
"""Documents that "the {noun}" refers back to, speaking for whoever made them."""

BACK_DETERMINERS: Final = frozenset({"the", "this", "that"})
"""Determiners of a singular document that refer back to one named before ("the report",
"that report")."""

DOCUMENT_HEADS: Final = frozenset(
    "report reports statement statements estimate estimates tally tallies count counts "
    "account accounts figure figures review reviews bulletin bulletins list lists".split()
)


def people_country(words: str) -> str | None:
    """The country a people's name stands for ("the Australians", "the British"), else
    ``None``.

    >>> [people_country(w) for w in ("the Australians", "the British", "the scouts")]
    ['Australia', 'United Kingdom', None]
    """
    people = re.fullmatch(r"(?:[Tt]he\s+)?([A-Z][\w-]+)", words.strip())
    if people is None:
        return None
    name = people.group(1)
    codes = demonym_countries(name) or demonym_countries(name.removesuffix("s"))
    return country_name(codes[0]) if len(codes) == 1 else None


def names_several(name: str) -> bool:
    """Whether the source ``name`` is a common plural noun phrase ("witnesses", "local
    officials"), which "it" cannot refer to; a name ("United Nations") can.

    >>> names_several("local officials"), names_several("United Nations")
    (True, False)
    >>> names_several("Witnesses"), names_several("staff")
    (True, True)
    >>> names_several("Ministry of Health"), names_several("the press")
    (False, False)
    """
    words = name.split()
    last = words[-1] if words else ""
    common = (name[:1].lower() + name[1:]).islower()  # "Witnesses" opening a sentence
    return common and (
        (last.endswith("s") and not last.endswith(("ss", "'s", "’s")))
        or last in ("people", "staff", "personnel")
    )


GIVEN: Final = re.compile(r"(?<![\w'’.-])((?:[A-Z][\w'’.-]*\s+){1,3})$")
"""Capitalised words right before a surname ("Col. John M. " before "Chivington")."""


def given_names(words: str) -> list[str]:
    """The words before a surname without titles and initials ("Col. John M." -> John)."""
    return [w for w in words.split() if not is_title(w) and not re.fullmatch(r"[A-Z]\.", w)]


def official_of(tokens: list[str]) -> str | None:
    """The nationality of "official Saudi figures" / "the Saudi official toll": figures
    that are official for a country are its authorities' figures."""
    if len(tokens) != 3 or tokens[-1].lower() not in DOCUMENT_HEADS | {"toll"}:
        return None
    first, second = tokens[0], tokens[1]
    nation = second if first.lower() == "official" else first if second == "official" else None
    return nation if nation is not None and demonym_countries(nation) else None


def possessor(tokens: list[str]) -> str | None:
    """Whose document the words name, when a possessive stands before its head noun and
    only lower-case modifiers after it: "army's final count" -> "army", "the special
    prosecutor's draft report" -> "special prosecutor".

    >>> possessor("army's final count".split()), possessor("Amnesty's report".split())
    ('army', 'Amnesty')
    >>> possessor("official count".split()) is None, possessor(["count"]) is None
    (True, True)
    """
    if len(tokens) < 2 or tokens[-1].lower() not in DOCUMENT_HEADS:
        return None
    for i in range(len(tokens) - 2, -1, -1):
        if re.search(r"['’]s$", tokens[i]):
            owner = re.sub(r"['’]s$", "", " ".join(tokens[: i + 1]))
            return owner if owner.lower() not in ("it", "its") else None
        if not tokens[i].islower():
            return None
    return None


def body_of(tokens: list[str]) -> str | None:
    """The body a spokesman or an official speaks for, named before the role by its
    proper name: "Port Authority spokesman" -> "Port Authority", "PPP official" -> "PPP";
    ``None`` for a common noun, a nationality or a person ("military spokesman", "army
    spokesman": the spokesman is the source, as the text names him; "Palestinian
    official", "Colonel Bako").

    >>> body_of("Port Authority spokesman".split()), body_of("military spokesman".split())
    ('Port Authority', None)
    >>> body_of("Palestinian official".split()) is None, body_of(["spokesman"]) is None
    (True, True)
    """
    if len(tokens) < 2 or tokens[-1].lower() not in SPOKESPEOPLE:
        return None
    body = tokens[:-1]
    proper = all(capitalised(t) or t in PARTICLES for t in body) and capitalised(body[0])
    organisation = any(t in ORG_WORDS for t in body) or (
        len(body) == 1 and body[0].isupper() and len(body[0]) > 1
    )
    return " ".join(body) if proper and organisation else None


_NAME_WORD: Final = r"[A-Z](?:[\w'’&-]|\.(?=[\w'’-]))*(?:(?<![\w'’-]{2})\.)?"
"""A capitalised word, with a dot after an initial ("A.", "U.S.") but not a full stop."""
_APPOSED: Final = re.compile(
    rf",\s+(?:the\s+)?({_NAME_WORD}(?:\s+(?:(?:of|for|the|de|del|du|des|la)\s+)*{_NAME_WORD})*)"
    r"(?=\s*(?:[.;)]|,(?!\s+(?:and|or)\b)|$))"
)
"""A proper name set off by commas after a source's words, closing the phrase: ", IOM."."""


def apposed_name(text: str, begin: int, end: int) -> tuple[int, int] | None:
    """Where the name in apposition after the common noun phrase ``text[begin:end]``
    stands ("according to the UN migration agency, IOM." -> "IOM"): the reader's name of
    the body the words describe; ``None`` when the words end in a proper name, or no
    name closes the phrase after them ("according to the ministry, Tamba was calm").

    >>> t = "Nine died, according to the UN migration agency, IOM. Later, ..."
    >>> b = t.index("the UN"); e = t.index(", IOM")
    >>> t[slice(*apposed_name(t, b, e))]
    'IOM'
    >>> t = "Nine died, according to the ministry, Tamba officials said."
    >>> apposed_name(t, t.index("the ministry"), t.index(", Tamba")) is None
    True
    """
    words = text[begin:end].split()
    if not words or not words[-1].islower() or not words[-1].isalpha():
        return None
    found = _APPOSED.match(text, end)
    if found is None or found.group(1).lower() in ("he", "she", "it", "they"):
        return None
    return found.start(1), found.end(1)


def may_head_a_name(noun: str) -> bool:
    """Whether "the {noun}" may refer back to a name the noun heads ("the tribunal", "the
    airline"): a singular common noun none of the other rules reads (an office, a kind
    of organisation, an armed group, a person's role)."""
    return (
        noun.isalpha()
        and noun.islower()
        and not noun.endswith("s")
        and noun not in ANAPHOR_NOUNS | KIND_NOUNS | PERSON_ROLES | GROUP_REFERENCES
        and noun not in PLURAL_NOUNS | MADE_ANAPHORS | {"army", "navy"}
    )  # "the army said": a source the text names by its kind (measured: gold says "army")


def headed_antecedent(
    text: str, end: int, noun: str, quoted: Sequence[tuple[int, str]]
) -> str | None:
    """The nearest earlier name before ``end`` that ``noun`` heads: its last word, or the
    word before "of"/"for" ("Special Tribunal for Tamba" for "the tribunal"); ``None``
    when the nearest name holding the noun is no such name ("Tribunal Street").

    >>> t = "The Special Tribunal for Tamba sat. The tribunal found 9 dead."
    >>> headed_antecedent(t, t.index("The tribunal"), "tribunal", ())
    'Special Tribunal for Tamba'
    >>> t = "Flight 2 of Tamba Airlines left. The airline said 9 died."
    >>> headed_antecedent(t, t.index("The airline"), "airline", ())
    'Tamba Airlines'
    >>> t = "They met on Chamber Street. The chamber found 9 dead."
    >>> headed_antecedent(t, t.index("The chamber"), "chamber", ()) is None
    True
    """
    name = antecedent(text, end, noun, quoted)
    at = text.rfind(name, 0, end) if name is not None else -1
    if name is None or at < 0:
        return None
    whole = re.match(r"\w*", text[at + len(name) :])  # "Tamba Airline|s"
    name += whole.group() if whole is not None else ""
    words = name.split()
    heads = [
        k
        for k, w in enumerate(words)
        if w.lower() in (noun, f"{noun}s")
        and (k + 1 == len(words) or words[k + 1] in ("of", "for"))
    ]
    return name if heads and len(words) > 1 else None
