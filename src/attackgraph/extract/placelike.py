"""Whether a name the tagger read as a person or an organisation is a place (or a war, a
plan), by its context.

The small English model often tags a village, a street or a bar as PERSON or ORG
("exploded in Vile Parle", "the terrace of Le Carillon bar"). A place is not an actor;
the words around the name say which it is, the way a reader tells:

- it is the object of a locative preposition with no article ("in Leganés", "at
  Girgaum Chowpatty", "near Baalbek"; "from" only before a person-tagged name, since
  "a statement from Amnesty International" is common);
- a noun naming a kind of place follows it ("Chiyoda ward", "Casa Nostra pizzeria",
  "Manchester Victoria station") or describes it in apposition ("Leganés, a suburb",
  "Sebba, the provincial capital", "the Blue House, the presidential residence");
- it follows such a noun and "of" or a comma ("the village of Tanjung Batu", "a
  fifth hotel, the Taj Samudra"), or a point of the compass ("south Armagh");
- its own last word is such a noun ("Sambisa Forest"; not for a person-tagged name:
  "John Park"), or its first word is a street or settlement word of the local
  language ("Rue Bichat", "Calle Téllez", "Jalan Legian", "Barangay Basak");
- the tagger calls the same words a place (GPE, LOC, FAC) elsewhere in the document.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["BODY_ON", "PLACE_NOUNS", "is_place_word", "names_an_event", "reads_as_place"]

PLACE_NOUNS: Final = frozenset(
    """
    town towns city village villages suburb suburbs district neighbourhood neighborhood ward
    quarter capital province region peninsula island islands valley forest river mountain
    mountains hill hills desert lake bay coast creek reserve park port harbour harbor border
    frontier area station stations terminal airport airfield airbase base camp checkpoint
    hotel guesthouse inn motel lodge hostel restaurant bar café cafe pizzeria club nightclub
    memorial monument mausoleum residence palace building compound estate grounds site
    square street road avenue
    market mall stadium arena school university college hospital church cathedral mosque
    temple shrine synagogue pagoda theatre theater cinema museum beach resort bridge
    """.split()
)
"""Nouns that name a kind of place, as the head of a description."""

EVENT_NOUNS: Final = frozenset(
    "war wars campaign offensive plan flight raid raids incursion emergency siege expedition "
    "massacre massacres bombing bombings shooting shootings ambush".split()
)
"""Head words of the name of a war, a campaign, a plan, a flight or an attack ("Second
Chechen War", "National Action Plan", "Harwick Raid", "Siege of Oldport"): such a name
names no party either."""

CONFLICT_NOUNS: Final = frozenset(
    "conflict conflicts crisis insurgency revolution uprising rebellion intifada operation "
    "troubles".split()
)
"""Head words of the name of a conflict ("Tarnish Border Conflict", "Velmar Uprising"):
with :data:`EVENT_NOUNS`, the heads of a name that names an event, no place."""


def names_an_event(name: str) -> bool:
    """Whether a name's head is an event noun: a war, a conflict, an operation, an attack
    ("the Velmar Border War", "Operation Kestrel" is read by its own rule).

    >>> names_an_event("Second Velmar War"), names_an_event("Uprising of the Salt Marsh")
    (True, True)
    >>> names_an_event("War Memorial"), names_an_event("Crisis"), names_an_event("Ossory")
    (False, False, False)
    """
    words = name.split()
    return len(words) > 1 and _event_head(words) in EVENT_NOUNS | CONFLICT_NOUNS


BODY_ON: Final = re.compile(
    r"\b(?:Commission|Committee|Council|Conference|Convention|Tribunal|Panel|Inquiry|"
    r"Institute|Centre|Center|Office|Bureau|Agency)\s+on\s+(?:the\s+)?$"
)
"""The words before a name that a body's name goes on with, "on" and its subject: "the
Commission on the Truth", "the Committee on Missing Persons" (what the body is about, no
place)."""

_LOCAL_STREET: Final = frozenset(
    "rue calle carrera avenida avenue jalan barangay kampung kampong plaza piazza praça "
    "boulevard via".split()
)
"""First words of street and settlement names in the languages of the documents."""

_LOCATIVE: Final = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Nn]ear(?:by)?|[Oo]utside|[Ii]nside|[Ii]nto|[Tt]owards?|[Aa]cross|"
    r"[Aa]round|[Tt]hrough)\s+$"
)
_PLACE_OF: Final = re.compile(r"\b(?P<noun>[a-z]+)(?: of|,(?: the)?)\s+$")
_COMPASS: Final = re.compile(
    r"\b(?:north|south|east|west|northern|southern|eastern|western|central)(?:-?(?:east|west)"
    r"(?:ern)?)?\s+$"
)
_POSSESSIVE: Final = re.compile(r"^['’]s?\b")
_FROM: Final = re.compile(r"\b[Ff]rom\s+$")
_AFTER: Final = re.compile(r"^\s+(?:[a-z]+\s+)?(?P<noun>[a-zé]+)\b")
_NEXT_WORD: Final = re.compile(r"^\s+(?P<word>[a-z]+)\b")
_APPOSITION: Final = re.compile(r"^,\s+(?:a|an|the)\s+(?P<words>[^,.;:()]*)")
CLOSED_WORDS: Final = frozenset(
    """
    and or but nor as than then so yet of in on at to from by for with without near into
    onto over under after before during since until while when where which who whose that
    about against between among through across around outside inside along beyond off up
    down north south east west northern southern eastern western shortly later earlier
    early late soon again also still only just itself is was were are be been had has have
    said says did does
    """.split()
)
"""Words that end a description or cannot be the noun a name modifies ("Vile Parle and")."""


def is_place_word(word: str) -> bool:
    """Whether a word of a name makes it a place when it ends the name ("Forest").

    >>> is_place_word("Forest"), is_place_word("Brigade")
    (True, False)
    """
    return word.lower() in PLACE_NOUNS


def reads_as_place(text: str, begin: int, end: int, name: str, *, person: bool) -> bool:
    """Whether the name ``name``, written at ``text[begin:end]``, is a place there.

    >>> t = "Two bombs went off in Vile Parle and outside the Casa Nostra pizzeria."
    >>> reads_as_place(t, 22, 32, "Vile Parle", person=False)
    True
    >>> reads_as_place(t, 49, 60, "Casa Nostra", person=False)
    True
    >>> t = "Police raided a flat in Leganés, a suburb of Madrid."
    >>> reads_as_place(t, 24, 31, "Leganés", person=True)
    True
    >>> t = "A statement from Amnesty International said nine had died."
    >>> reads_as_place(t, 17, 38, "Amnesty International", person=False)
    False
    >>> reads_as_place("He served in the Royal Air Force.", 17, 32, "Royal Air Force", person=False)
    False
    >>> reads_as_place("During the Third Border War ...", 11, 28, "Third Border War", person=False)
    True
    """
    words = name.split()
    if not words:
        return False
    if words[0].lower() in _LOCAL_STREET or (not person and is_place_word(words[-1])):
        return True  # "John Park" is a man, "Sambisa Forest" a forest
    if len(words) > 1 and _event_head(words) in EVENT_NOUNS:
        return True  # "Second Chechen War", "Korean Air Flight", "Siege of Oldport"
    before, after = text[max(0, begin - 20) : begin], text[end : end + 60]
    if _POSSESSIVE.match(after):
        return False  # "at Kasab's trial"
    next_word = _NEXT_WORD.match(after)
    modifies = next_word is not None and next_word.group("word") not in CLOSED_WORDS
    single = len(words) == 1
    if not modifies and (_LOCATIVE.search(before) or (person and single and _FROM.search(before))):
        return True  # not "outside Popular Party offices", not "came from Nuala O'Loan"
    place_of = _PLACE_OF.search(before)  # "the village of Tanjung Batu", "a hotel, the Taj"
    if (place_of is not None and place_of.group("noun") in PLACE_NOUNS) or _COMPASS.search(before):
        return True
    found = _AFTER.match(after)
    if found is not None and found.group("noun") in PLACE_NOUNS:
        return True
    return _apposition_head(after) in PLACE_NOUNS


def _event_head(words: list[str]) -> str:
    """The word that heads a name as the name of an event: the one before "of", else the
    last one.

    >>> _event_head("Siege of Oldport".split()), _event_head("Velmar Incursion".split())
    ('siege', 'incursion')
    """
    for at, word in enumerate(words[1:], start=1):
        if word == "of":
            return words[at - 1].lower()
    return words[-1].lower()


def _apposition_head(after: str) -> str:
    """The head noun of a description set off after a name (", a commuter town east of
    Madrid" -> "town"), or ``""``.

    >>> _apposition_head(", a 29-year-old restaurant manager from Medford"), _apposition_head(".")
    ('manager', '')
    """
    found = _APPOSITION.match(after)
    if found is None:
        return ""
    head = ""
    for word in found.group("words").split():
        if word in CLOSED_WORDS or not word.islower():
            break
        head = word
    return head
