"""The town an event's name holds, as a place of the event ("the Varna bombing": Varna).

An encyclopedia names an attack after where it happened: "2009 Tarvik bombings",
"Ostrava massacre", "Siege of Oldport". The story then names the town in passing or
in a longer name the document already gives ("Tarvik", and "South Tarvik" in the
infobox), so the site reader, which takes each name once and only where a sentence
tells of the attack, never reads it. The event's name is the witness. A name of the
title is a place of the event when

- the title is an event's name: its last word names an attack ("massacre",
  "bombings", "siege"), or it opens with one and "of", "on", "at" or "for"
  ("Battle of X", "Air raid on X"); a headline ("Gunmen kill 12 in X") is no name;
- it is a run of capitalised words of the title, besides a year, a month and the
  event's words ("Sukma–Bijapur ambush" names two), and no country ("2011 Norway
  attacks" is the country's, which the event has anyway);
- the story writes it too, and there the tagger reads it as a town or a state (GPE)
  and the words around it as a place (:func:`~attackgraph.extract.placelike.reads_as_place`:
  "in X", "the village of X", "X, a town"). A company, a ship, a festival or an
  embassy the title names ("Kyoto Animation", "USS Panay", "Oktoberfest") is neither;
- the document does not name it already, alone or with its kind ("Pazigyi village",
  "Lahad Datu District"): the graph would hold the place twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

from attackgraph.extract.nlp import Entity, entities_of
from attackgraph.extract.placelike import reads_as_place
from attackgraph.extract.places import country_of
from attackgraph.extract.sentences import Sentence
from attackgraph.model import PlaceKind, PlaceMention, Span
from attackgraph.reference.lexicon import MONTH_NAMES
from attackgraph.reference.names import name_key

__all__ = ["title_place_names", "title_places"]

ATTACK_WORDS: Final = frozenset(
    """
    massacre massacres bombing bombings attack attacks shooting shootings siege ambush raid
    raids incident kidnapping kidnappings hijacking airstrike strike conflict clashes
    standoff fire crisis uprising incursion seizure killings assault battle
    """.split()
)
"""Words that end the name of an attack ("Ostrava massacre", "Tarvik bombings")."""

_OPENING: Final = re.compile(
    r"^(?:battle|siege|bombing|sack|assault|massacre|raid|attack|air\s+raid|capture)"
    r"\s+(?:of|on|at|for|in)\s+(?:the\s+)?",
    re.IGNORECASE,
)
"""An attack's word opening its name before the place ("Siege of Oldport")."""

_PARTICLES: Final = frozenset("de del di dos da das do la le du sur al el".split())
"""Lowercase words inside a place's name ("Sant'Anna di Stazzema", "Nahr al-Bared")."""

_MONTHS: Final = frozenset(MONTH_NAMES)
_NUMBER: Final = re.compile(r"\d+(?:st|nd|rd|th)?")


def title_place_names(title: str) -> tuple[str, ...]:
    """The names an event's ``title`` may hold a place in (see the module doc).

    >>> title_place_names("2009 Tarvik bombings"), title_place_names("Siege of Oldport")
    (('Tarvik',), ('Oldport',))
    >>> title_place_names("Sukma–Bijapur ambush"), title_place_names("Nahr al-Bared conflict")
    (('Sukma', 'Bijapur'), ('Nahr al-Bared',))
    >>> title_place_names("Gunmen kill 12 in Tarvik"), title_place_names("Varna market bombing")
    ((), ('Varna',))
    """
    plain = re.sub(r"\s*\([^()]*\)", "", title).split(":")[0].strip()
    opening = _OPENING.match(plain)
    words = plain.split()
    if opening is not None:
        rest = plain[opening.end() :]
    elif len(words) > 1 and words[-1].lower() in ATTACK_WORDS:
        rest = plain
    else:
        return ()
    names: list[str] = []
    for part in re.split(r"\s+and\s+|\s*[–—]\s*|\s+-\s+|,\s+", rest):
        run: list[str] = []
        for word in [*part.split(), ""]:
            if _in_name(word, bool(run)):
                run.append(word)
                continue
            while run and run[-1].lower() in _PARTICLES:
                run.pop()
            if run:
                names.append(" ".join(run))
            run = []
    return tuple(dict.fromkeys(n for n in names if country_of(n) is None))


def _in_name(word: str, inside: bool) -> bool:
    """Whether ``word`` belongs to a capitalised name (a particle only inside one)."""
    if not word or _NUMBER.fullmatch(word) or word in _MONTHS:
        return False
    if word[0].isupper():
        return word.lower() not in ATTACK_WORDS
    head = re.split(r"[-'’]", word)[0]
    return inside and head in _PARTICLES


_PLACE_LABELS: Final = frozenset({"GPE"})


def title_places(
    title: str, sentences: Sequence[Sentence], known: Iterable[str]
) -> tuple[PlaceMention, ...]:
    """The places of the event its ``title`` names, beyond the ``known`` place names,
    each at the first sentence that reads it as a town (see the module doc). A known
    name that is the title's name and one word more is that place with its kind
    ("Pazigyi village", "Geochang County", "Isandlwana hill"): nothing to add.

    >>> from attackgraph.model import Span
    >>> text = "Gunmen opened fire in Kerevan, a market town. Kyoto Animation said nothing."
    >>> s = [Sentence(Span(0, 45, text[:45], 3), (), 0, False),
    ...      Sentence(Span(46, 76, text[46:], 3), (), 0, False)]
    >>> [(m.name, m.span.begin) for m in title_places("2009 Kerevan shooting", s, ())]
    [('Kerevan', 22)]
    >>> title_places("Kyoto Animation arson attack", s, ())
    ()
    >>> title_places("2009 Kerevan shooting", s, ("Kerevan township",))
    ()
    """
    stated = {name_key(k) for k in known}
    kinds = {key.rsplit(" ", 1)[0] for key in stated if " " in key}  # "Pazigyi village"
    wanted = [n for n in title_place_names(title) if name_key(n) not in stated | kinds]
    if not wanted:
        return ()
    holding = [s for s in sentences if any(_at(s.text, n) for n in wanted)]
    tags = dict(zip([s.text for s in holding], entities_of(s.text for s in holding), strict=True))
    found: list[PlaceMention] = []
    for name in wanted:
        for sentence in holding:
            at = next(
                (
                    begin
                    for begin in _at(sentence.text, name)
                    if _reads_as_town(sentence.text, begin, name, tags[sentence.text])
                ),
                None,
            )
            if at is not None:
                found.append(
                    PlaceMention(name, PlaceKind.LOCALITY, _span(sentence, at, name), prose=True)
                )
                break
    return tuple(found)


def _at(text: str, name: str) -> list[int]:
    """Where ``name`` stands in ``text`` as whole words."""
    return [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)]


def _reads_as_town(text: str, begin: int, name: str, tags: Iterable[Entity]) -> bool:
    """Whether the tagger calls ``name`` at ``begin`` a town and its words a place."""
    end = begin + len(name)
    tagged = any(e.label in _PLACE_LABELS and e.begin <= begin and end <= e.end for e in tags)
    return tagged and reads_as_place(text, begin, end, name, person=False)


def _span(sentence: Sentence, begin: int, name: str) -> Span:
    base = sentence.span
    line = base.line + sentence.text.count("\n", 0, begin)
    return Span(base.begin + begin, base.begin + begin + len(name), name, line)
