"""The units an infobox ``Units`` field names, each a party on its side.

Writers list units the way military style writes them, which a plain comma split
breaks: a battalion is named with its regiment after a comma ("2nd Battalion, 503rd
Infantry Regiment"), numbered units share a noun ("32nd, 33rd and 66th Regiments", "1st
and 2nd Battalions, 7th Cavalry"), sub-units stand in brackets ("Royal Malaysia Police
(VAT 69, General Operations Force)") and equipment rides along ("Royal Air Force
helicopters", "B-52 bombers of Strategic Air Command"). :func:`unit_mentions` reads
each unit's name; words that name no unit ("police special forces", "(Airmobile)") are
left to the field's text, which is published as written besides.

A ``Combatant`` field names a state's forces the same way, in brackets after the
country ("Kenya (Kenya Navy, General Service Unit, local volunteers)"):
:func:`side_parties` reads them with the same rules, each a party on the country's side,
the states a coalition's brackets list ("Lake Patrol Force (Uganda, Kenya)") and the
party a list is headed by ("Kenya: Kenya Army, Kenya Police"). Any other bracket is left
alone: it gives the group's other name ("Basque Army (Euzko Gudarostea)", "Túpac Amaru
Revolutionary Movement (MRTA)"), not a party.
"""

from __future__ import annotations

import re
from typing import Final

from attackgraph.extract.lists import split_items, sub_span
from attackgraph.extract.name_words import ORG_WORDS
from attackgraph.model import ActorMention, Span
from attackgraph.reference.countries import country_code, former_country_code

__all__ = ["side_parties", "unit_mentions"]

_ORDINAL: Final = r"\d+(?:st|nd|rd|th)"
_SHARED_NOUN: Final = re.compile(
    rf"(?P<ordinals>{_ORDINAL}(?:(?:,\s*|,?\s+and\s+){_ORDINAL})+)\s+(?P<noun>[A-Z][a-z]+?)s\b"
    rf"(?P<parent>,\s*(?:{_ORDINAL}|\d+)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?"
)
_SUBUNIT: Final = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)?|[A-Z])\s+"
    r"(?:Battalion|Squadron|Company|Platoon|Troop|Battery|Flight|Detachment|Wing)$"
)
"""A numbered or lettered sub-unit, named with its parent after a comma."""
_CARRIED_BY: Final = re.compile(r"^(?:\S+\s+){0,3}?[a-z]+s of (?:the )?(?=[A-Z])")
"""Equipment or people "of" a unit ("B-52 bombers of Strategic Air Command")."""
_BRACKETS: Final = re.compile(r"\(([^()]*)\)")
_SEPARATOR: Final = re.compile(r",\s*|\s+and\s+")
_UNIT_HEADS: Final = ORG_WORDS | frozenset(
    """
    Battalion Regiment Division Company Squadron Platoon Troop Battery Flight Detachment Wing
    Navy Marines Rangers Fleet Unit Team Constabulary Gendarmerie Bureau Rifles Cavalry
    Infantry Artillery Engineers
    """.split()
)
"""Words that end a unit's or a body's name: after one, a new name begins."""
_OF_NAME: Final = re.compile(r"\b(?:of|for)(?:\s+the)?((?:(?:,|\s+and)?\s+[A-Z][\w'’-]*)+)$")
"""A body's name ending in the capitalised words of what it is "of" ("Ministry of Justice")."""
_WORDS: Final = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
_LISTED: Final = re.compile(rf"{_WORDS}(?:,\s*{_WORDS})*\s+and\s+")
"""Capitalised words listed up to an "and": the rest of a list inside a name."""


def unit_mentions(value: Span) -> tuple[ActorMention, ...]:
    """The units named in a ``Units`` value, in order, once each.

    >>> names = lambda text: [m.name for m in unit_mentions(Span(0, len(text), text, 1))]
    >>> names("Chosen Company, 2nd Battalion, 12th Rifles (9th Mountain Brigade); Kenya Army")
    ['Chosen Company', '2nd Battalion, 12th Rifles', '9th Mountain Brigade', 'Kenya Army']
    >>> names("4th, 5th and 8th Regiments; 1st and 2nd Battalions, 3rd Lancers")[2:]
    ['8th Regiment', '1st Battalion, 3rd Lancers', '2nd Battalion, 3rd Lancers']
    >>> names("Coast Guard (Airmobile): SBU 7; F-16 jets of Eastern Air Command; police units")
    ['Coast Guard', 'SBU 7', 'Eastern Air Command']
    >>> names("Delta Unit (Navy and Air Force commandos)")
    ['Delta Unit']
    >>> names("Royal Navy helicopters, Delta Company, A Company, B Company")
    ['Royal Navy', 'Delta Company', 'A Company', 'B Company']
    """
    found: dict[str, ActorMention] = {}
    for piece in re.split(r"[;:]", value.text):  # "1st Division (Airmobile): its battalions"
        piece = _SHARED_NOUN.sub(_expanded, piece)
        inner = [part for group in _BRACKETS.findall(piece) for part in _split(group)]
        outer = _joined(_split(_BRACKETS.sub(" ", piece)))
        for words, bracketed in [*((w, False) for w in outer), *((w, True) for w in inner)]:
            name = _unit_name(words, bracketed=bracketed)
            if name:
                found.setdefault(name, ActorMention(name, value))
    return tuple(found.values())


def side_parties(value: Span) -> tuple[ActorMention, ...]:
    """The parties a ``Combatant`` value names besides its items: the heading of a list,
    the units of a state in brackets after a country, the states of a coalition in
    brackets after anything else.

    >>> names = lambda text: [m.name for m in side_parties(Span(0, len(text), text, 1))]
    >>> names("Kenya (Kenya Navy, General Service Unit, local volunteers), Somalia")
    ['Kenya Navy', 'General Service Unit']
    >>> names("Lake Patrol Force (Uganda, Kenya and allied militias)")
    ['Uganda', 'Kenya']
    >>> names("Lake Patrol Force: Ugandan Army, Kenya Navy; local militias")
    ['Lake Patrol Force']
    >>> names("Ndoro River Brigade (Ndoro Raiders), Kenya")
    []
    """
    found: list[ActorMention] = []
    for item in split_items(value):
        if item.heading is not None and item.heading.text[:1].isupper():
            found.append(ActorMention(item.heading.text, item.heading))
        if item.note is None:
            continue
        at = value.text.find(f"({item.note}", item.span.end - value.begin) + 1
        if at <= 0:
            continue
        note = sub_span(value, at, at + len(item.note))
        if _is_country(item.name):
            found.extend(unit_mentions(note))
        else:
            states = (i for i in split_items(note) if _is_country(i.name))
            found.extend(ActorMention(state.name, state.span) for state in states)
    return tuple(dict.fromkeys(found))


def _is_country(name: str) -> bool:
    return bool(country_code(name) or former_country_code(name))


def _split(text: str) -> list[str]:
    """The names a list of units gives, split at commas and "and", except inside a name
    whose "of" lists what it is of ("Ministry of Justice and Public Security", "Bureau of
    Alcohol, Tobacco and Firearms"): a part that continues such a name is no unit.

    >>> _split("Ministry of Justice and Public Security, Kenya Army and Navy")
    ['Ministry of Justice and Public Security', 'Kenya Army', 'Navy']
    >>> _split("Bureau of Alcohol, Tobacco and Firearms, Texas Rangers")
    ['Bureau of Alcohol, Tobacco and Firearms', 'Texas Rangers']
    """
    parts: list[str] = []
    joint, at = "", 0
    for separator in [*_SEPARATOR.finditer(text), None]:
        part = " ".join(text[at : separator.start() if separator else len(text)].split())
        listed = joint == " and " or _LISTED.match(text, at) is not None
        if part and parts and listed and _continues(parts[-1], part):
            parts[-1] += joint + part
        elif part:
            parts.append(part)
        joint = " and " if separator and "and" in separator.group() else ", "
        at = separator.end() if separator else len(text)
    return parts


def _continues(name: str, part: str) -> bool:
    """Whether ``part`` can go on listing what ``name`` is "of": capitalised words, no
    acronym, no word that ends a unit's name (the caller checks that "and" closes the
    list)."""
    of = _OF_NAME.search(name)
    if of is None or any(word in _UNIT_HEADS for word in of.group(1).split()):
        return False
    words = part.split()
    if not all(w[:1].isupper() and not w.isupper() for w in words):
        return False
    return not any(word in _UNIT_HEADS for word in words)


def _joined(parts: list[str]) -> list[str]:
    """Parts with each numbered sub-unit joined to the parent after it."""
    out: list[str] = []
    for part in parts:
        if out and _SUBUNIT.match(out[-1]) and not _SUBUNIT.match(part):
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return out


def _expanded(shared: re.Match[str]) -> str:
    """ "1st and 2nd Battalions, 3rd Lancers" -> "1st Battalion, 3rd Lancers, 2nd Battalion,
    3rd Lancers": one name per ordinal, each with the parent."""
    ordinals = re.findall(_ORDINAL, shared.group("ordinals"))
    noun, parent = shared.group("noun"), shared.group("parent") or ""
    return ", ".join(f"{ordinal} {noun}{parent}" for ordinal in ordinals)


def _unit_name(words: str, *, bracketed: bool) -> str:
    """A unit's name from its words, or ``""`` when they name none."""
    words = _CARRIED_BY.sub("", words.strip(" .†"))
    tokens = words.split()
    if bracketed and tokens and tokens[-1].islower():
        return ""  # a description in brackets: "(Army and Navy special forces)"
    while len(tokens) > 1 and tokens[-1].islower() and tokens[-1].endswith("s"):
        if tokens[-1] == "forces":
            break
        tokens.pop()  # "Royal Navy helicopters"
    if not tokens or not (tokens[0][:1].isupper() or tokens[0][:1].isdigit()):
        return ""  # "police special units"
    if bracketed and len(tokens) == 1 and sum(c.isupper() for c in tokens[0]) < 2:
        return ""  # a qualifier in brackets: "(Airmobile)"
    return " ".join(tokens)
