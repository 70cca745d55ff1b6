"""People and organisations named in the prose, found with named entities.

The infobox names the sides, the claims name their sources; the prose names many more
parties: a perpetrator identified later, a unit sent in, a leader who reacts, a victim
named by the press. :func:`prose_actors` reads the PERSON and ORG entities of the
linguistic layer (:mod:`attackgraph.extract.nlp`) and keeps those that name someone:

- only sentences with a capitalised word after their first one are parsed (accented
  capitals and name particles count: "Øystein Dahl", "Karim el Hadi");
- "the", possessives and titles go ("Sergeant Dustin Wright" -> "Dustin Wright");
- countries, demonyms, the document's places and facilities ("Manchester Arena") are
  not actors here (places are read elsewhere; a country's state comes from the sides;
  the resolve stage drops a name its gazetteer knows as a town), except an
  organisation-tagged institution (a hospital, a school, a place of worship, a club:
  "Mulago Hospital"), a body as well as a building;
- a name counted with "a" or a number word ("a stolen Vauxhall Cavalier", "two Land
  Rovers") is a kind of thing, no party, unless it qualifies a noun after it;
- what someone is awarded or receives ("was awarded the Victoria Cross", "received the
  George Medal") is a decoration, no party (read from the parse);
- a month in a name makes it a date, except as a person's surname ("Theresa May"); a
  number makes it an address or a count, except in an acronym ("MI5");
- one capitalised word is kept only as an acronym ("MI5", "SNA") or a single name
  nobody longer ends with ("Belmokhtar" after "Mokhtar Belmokhtar" is the same man);
- a learned classifier (:mod:`~attackgraph.extract.actor_features`) sits on top of these
  rules: it leaves out a name they accept below ``ACTOR_VETO``, and from
  ``ACTOR_THRESHOLD`` it takes a name they leave out: one capitalised word the document
  writes as a proper name ("Interpol", "Mossad"; never a word naming a kind of body,
  "Army", "Ministry", nor a word of a longer name, "House" of "House of Commons") and
  two or more capitalised words no PERSON or ORG entity covers (a name the tagger misread
  as a place or did not read);
- an entity that is two names joined by "and" ("Ondieki and Kamau") is read as the two
  names, unless a body's head ends it ("the Truth and Reconciliation Commission") or it is
  a country ("Trinidad and Tobago");
- a name already known (a side, a source, an expanded acronym) is not repeated;
- a name that ends with a lower-case particle was cut short and is none ("Comité de
  Familiares de| las Víctimas"); a name a preposition of place opens a sentence with, or
  that follows one there, is a place's ("Near Goroni on 4 September ...", "Near Pelling
  Farm the rebels ...");
- a generic word ("Army", "Defense") or a fragment never becomes an actor, nor a name
  starting with a direction ("Northern Mali") unless a body's word heads it ("Central
  Intelligence Agency", "Greater Manchester Police", "Central Criminal Court of X"); an
  area word that opens a body's name makes no area ("State Security Department");
- a numbered unit keeps its number, which the tagger leaves out, and the unit it
  belongs to ("the 27th| Infantry Battalion", "1st Battalion, 7th Cavalry"), but not
  its commander ("... under Colonel X"); an area word makes a name an area only at
  its start or end ("Borno State", "County Down"; not "Oslo District Court");
- a nation or a place (a NORP or GPE entity) followed by the head of a body ("the
  Kenyan government", "Israeli officials", "Iran's foreign ministry") names that body
  where the parse makes it act: the subject of a clause, the agent of a passive, or
  joined to one by "and"; in passing ("help from the Kenyan government") it is none;
- a country is a place, except as the subject (or the agent) of a verb of reacting: it
  condemns, mourns, sends help, blames, protests ("Norway condemned the raid", "doctors
  sent by Sweden"; not "Denmark lost one citizen").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import lru_cache
from typing import Final

from attackgraph.extract.actor_features import (
    ACTOR,
    ACTOR_THRESHOLD,
    ACTOR_VETO,
    ActorContext,
    actor_features,
    shipped_actor_model,
)
from attackgraph.extract.fragments import clean_name
from attackgraph.extract.name_words import ORG_WORDS, is_proper_word, is_title, written_as_word
from attackgraph.extract.nlp import Entity, entities_of, parse, parse_all
from attackgraph.extract.placelike import reads_as_place
from attackgraph.extract.places import ADMIN_WORDS, FACILITY_WORDS
from attackgraph.extract.sentences import Sentence
from attackgraph.extract.speakers import TITLES, find_acronyms
from attackgraph.model import ActorMention, Span
from attackgraph.reference.countries import country_code, demonym_countries
from attackgraph.reference.gazetteer_db import open_packaged
from attackgraph.reference.lexicon import MONTH_NAMES, WEEKDAYS
from attackgraph.reference.names import name_key, region_name
from attackgraph.reference.regions import subdivision_countries

__all__ = ["INSTITUTION_NOUNS", "is_institution", "prose_actors"]

LABELS: Final = frozenset({"PERSON", "ORG"})
PLACE_LABELS: Final = frozenset({"GPE", "LOC", "FAC"})
_CONTINUED: Final = re.compile(
    r"\s+(?:wal|wa|al|el|bin|ibn|of(?:\s+the)?|de|du|des|la|le|for(?:\s+the)?|"
    r"Le|La|De|Du|Van|Von|Abu|Bin|Ibn|Al|El)(?:\s+[A-Z][\w'’-]*)+"
)
_OF_PARTY: Final = re.compile(r"\s+(?:of|for)\b")
_MORE_NAMES: Final = re.compile(r"(?:\s+[A-Z][\w'’-]*){1,2}(?=[\s,.;:)]|$)")
_INSIDE_LONGER: Final = re.compile(
    r"(?:\b[A-Z][\w'’-]*|\bal-\w+)\s+(?:in|of|for)\s+(?:the\s+)?$|"
    r"\b(?:Avenue|Street|Road|Boulevard|Square|Rue|Place|Camp|Fort|Operation)\s+$|"
    r"\b\d+(?:st|nd|rd|th)\s+[A-Z][\w'’-]*,\s+$"
)
"""Text before an entity that makes it the tail of a longer name ("al-Qaeda in the
Islamic Maghreb", "Avenue Kwame Nkrumah", "Operation Serval")."""
"""A name the tagger cut before a particle: "Jama'at Nasr al-Islam| wal Muslimin"."""
_UPPER: Final = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
"""Upper-case Latin letters, accented ones too ("Øystein", "Łukasz")."""
_RUN: Final = re.compile(
    rf"\b(?:[{_UPPER}][\w'’.-]*|al-[{_UPPER}][\w'’-]*)"
    rf"(?:\s+(?:of|for|the|de|al|el|bin|ben|wal|la|le|van|von)?\s*"
    rf"(?:[{_UPPER}][\w'’.-]*|al-[{_UPPER}][\w'’-]*))+|\b[A-Z][A-Z0-9]{{1,7}}\b"
)
"""Two or more capitalised words in a row (with particles), or an acronym."""
_POSSESSIVE: Final = re.compile(r"['’]s?$")
_TITLED: Final = re.compile(rf"\s+(?:{'|'.join(sorted(TITLES, key=len, reverse=True))})\b(?!['’-])")
"""A title after an organisation ("United Nations Secretary-General", "the Intelligence
Services Commissioner"): the organisation only says whose title."""
_NOT_ACTORS: Final = frozenset(
    "operation northern southern eastern western central north south east west upper lower "
    "greater".split()
)
ORG_HEADS: Final = frozenset(
    "police force forces agency army command alliance front council party bureau service "
    "guard corps brigade division regiment battalion ministry government court commission "
    "committee".split()
)
"""Last words that make a name a body even after a direction or "Greater" ("Central
Intelligence Agency", "Greater Manchester Police"; not "Northern Mali")."""
_MONTHS: Final = frozenset(word.lower() for word in (*MONTH_NAMES, *WEEKDAYS))
INSTITUTION_NOUNS: Final = frozenset(
    "hospital clinic infirmary school college university academy church cathedral mosque "
    "shrine temple synagogue club museum centre center hall airport".split()
)
"""Head nouns of institutions: a body that acts (treats the wounded, mourns, reports) as
well as a building. An organisation-tagged name headed by one is an actor even where it
is also the site ("Mulago Hospital", "Al Noor Mosque", "University of Innsbruck")."""
_ORDINAL: Final = re.compile(r"\d+(?:st|nd|rd|th)$")
"""A unit's number ("27th Infantry Battalion", "5th Indian Division")."""
_COMMANDED: Final = re.compile(r"\s+(?:under|led\s+by|commanded\s+by|headed\s+by)\s+.*$")
"""Who commands a unit is not part of its name ("1st Battalion under Major X")."""
_NUMBER_BEFORE: Final = re.compile(r"\b\d+(?:st|nd|rd|th)\s+$")
_PARENT_UNIT: Final = re.compile(r",\s+\d+(?:st|nd|rd|th)(?:\s+[A-Z][\w'’-]*)+")
"""The unit a numbered unit belongs to, after a comma: "1st Battalion|, 7th Cavalry"."""


BODY_HEADS: Final = (
    "government|authorities|officials|cabinet|parliament|army|"
    "security forces|embassy|ministry|intelligence|investigators|prosecutors"
)
"""Heads of a state's body or of a party a country names ("the Kenyan government",
"Israeli officials", "the US embassy")."""
_BODY_WORDS: Final = ORG_HEADS | frozenset(BODY_HEADS.split("|")) | INSTITUTION_NOUNS
"""Words that name a kind of body, never one body on their own ("Army", "Ministry")."""
_BODY_NAMES: Final = (
    _BODY_WORDS
    | {w.lower() for w in ORG_WORDS}
    | frozenset(
        "department office branch unit directorate inquiry tribunal assembly navy fleet "
        "airways airlines".split()
    )
)
"""Last words of a body's name: a title word before them is part of the name ("High
Court", "Interior Ministry", "Special Branch"), not a person's title."""
_LINKING: Final = frozenset(
    "who whom whose which that and or but nor the a an of in on at to by for with from as "
    "than then when where while his her its their this these those had has have was were "
    "is are".split()
)
"""Words that end a name's modifiers: "the Saudi| whom investigators questioned"."""
_BODY_AFTER: Final = re.compile(
    rf"(?:['’]s)?(?:\s+(?!(?:{'|'.join(sorted(_LINKING))})\b)[a-z][a-z-]+){{0,2}}?"
    rf"\s+(?:{BODY_HEADS})\b"
)
"""The words after a nation or a place that make it a body: "Kenyan| government",
"Iran|'s foreign ministry", "Buenos Aires| provincial police"."""
_CAPITALISED: Final = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}")
_BODY_RUN: Final = re.compile(rf"\b[A-Z][\w'’-]+{_BODY_AFTER.pattern}")


_UNIT_WORDS: Final = (
    "Division|Battalion|Brigade|Regiment|Company|Squadron|Battery|Wing|Cavalry|Infantry|"
    "Lancers|Commando|Rifles|Front|Corps|Army|Fleet|Group|Troop|Platoon|Column|Detachment"
)
_UNIT: Final = re.compile(
    rf"(?<![\w,.-])(?:(?:\d+(?:st|nd|rd|th)?|No\.\s?\d+)\s+(?:[A-Z][\w'’-]*\s+){{0,3}}"
    rf"(?:{_UNIT_WORDS})|[A-Z]\s+(?:Company|Squadron|Troop|Platoon|Battery))\b"
    rf"(?:,\s+\d+(?:st|nd|rd|th)?(?:\s+[A-Z][\w'’-]*)+)?"
)
"""A unit named by its number or letter ("21st Lancers", "45 Commando", "No. 9
Squadron", "B Company", "1st Battalion, 20th Infantry"), which the tagger often reads as
a number and a word, not an organisation."""


def _units(sentence: str) -> Iterable[tuple[str, int]]:
    """The units :data:`_UNIT` finds in a sentence (name, offset); not from a sentence's
    opening "A" or "I", which reads as a word there ("A Company officer said").

    >>> list(_units("Then the 21st Lancers and No. 9 Squadron came; B Company held."))
    [('21st Lancers', 9), ('No. 9 Squadron', 26), ('B Company', 47)]
    >>> list(_units("Men of the 1st Battalion, 20th Infantry, under Captain Ola Ek."))
    [('1st Battalion, 20th Infantry', 11)]
    """
    for found in _UNIT.finditer(sentence):
        name = found.group()
        if found.start() == 0 and name.startswith(("A ", "I ")):
            continue
        if re.match(r"\d{4}\s", name):
            continue  # a year before a name ("1916 Army ...")
        yield name, found.start()


_NEVER_NAMES: Final = frozenset({"un", "us", "uk", "eu"})
"""Keys no run of capitals names someone new by ("UN", "US" as a word)."""


def can_name_anyone(text: str) -> bool:
    """Whether a sentence can name someone new whatever names its document knows: the
    sentences :func:`prose_actors` can ask the tagger about.

    >>> can_name_anyone("Gunmen attacked the depot at dawn."), can_name_anyone("Ali Roba came.")
    (False, True)
    """
    return _can_name(text, _NEVER_NAMES)


def _can_name(text: str, avoid: Collection[str]) -> bool:
    """Whether a sentence can name someone new: an acronym, or two capitalised words in a
    row that are not a name already known. Only those sentences are read by the tagger.

    >>> _can_name("Gunmen attacked the depot at dawn.", set()), _can_name("Ali Roba came.", set())
    (False, True)
    >>> _can_name("Later, Ali Roba came.", {"ali roba"})
    False
    """
    if _BODY_RUN.search(text) or _UNIT.search(text):
        return True  # "the Kenyan government", "the 21st Lancers"
    for run in _CAPITALISED.finditer(text):
        if country_code(run.group()) and (
            _REACTING_AFTER.match(text, run.end()) or text[: run.start()].endswith("by ")
        ):
            return True  # "France condemned the attack", "doctors sent by Sweden"
    for run in _RUN.finditer(text):
        words = run.group()
        if name_key(words) not in avoid and not all(
            name_key(w) in avoid or w in TITLES for w in words.split()
        ):
            return True
    return False


_AND_BEFORE: Final = re.compile(rf"((?:[{_UPPER}][\w'’-]*\s+)*[{_UPPER}][\w'’-]*)\s+and\s+$")
_AND_AFTER: Final = re.compile(rf"\s+and\s+((?:[{_UPPER}][\w'’-]*\s+)*[{_UPPER}][\w'’-]*)")


def _only_before_and(word: str, text: str) -> bool:
    """Whether the document writes ``word`` only right before "and": the first half of
    one name ("Truth" of "Truth and Reconciliation Commission"), not a name of its own.

    >>> _only_before_and("Truth", "The Truth and Reconciliation Commission met in May.")
    True
    >>> _only_before_and("Oxfam", "Oxfam and the Red Cross came. Oxfam left.")
    False
    """
    found = list(re.finditer(rf"\b{re.escape(word)}\b", text))
    return bool(found) and all(text.startswith(" and ", m.end()) for m in found)


_TWO_NAMES: Final = re.compile(
    rf"^(?:the\s+)?(?P<first>[{_UPPER}][\w'’-]*(?:\s+[{_UPPER}][\w'’-]*)*)\s+and\s+"
    rf"(?P<second>[{_UPPER}][\w'’-]*(?:\s+[{_UPPER}][\w'’-]*)*)$"
)


def _unjoined(named: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """The recogniser's entities, each person or organisation that is two names joined by
    "and" ("Calò and Cercola", "Hadassah and Shaare Zedek") read as the two names. One
    body's name ends with a body's head ("the Truth and Reconciliation Commission"), and a
    country is one name ("Trinidad and Tobago"); names with "of" never match.

    >>> joined = Entity("ORG", 4, 24, "Ruvia and Tessa Mole")
    >>> [(e.begin, e.end, e.text) for e in _unjoined((joined,))]
    [(4, 9, 'Ruvia'), (14, 24, 'Tessa Mole')]
    >>> one = Entity("ORG", 0, 37, "the Ruvia and Tessa Defence Commission")
    >>> _unjoined((one,)) == (one,)
    True
    """
    out: list[Entity] = []
    for entity in named:
        two = _TWO_NAMES.match(entity.text) if entity.label in LABELS else None
        if (
            two is None
            or two.group("second").split()[-1].lower() in _BODY_NAMES
            or country_code(entity.text) is not None
        ):
            out.append(entity)
            continue
        for part in ("first", "second"):
            begin, end = entity.begin + two.start(part), entity.begin + two.end(part)
            out.append(Entity(entity.label, begin, end, two.group(part)))
    return tuple(out)


def _joined_before(sentence: str, begin: int, text: str) -> int | None:
    """Where the name starts that "and" joins to the organisation written from ``begin``:
    the capitalised words before "and" end with a word the document writes only there
    ("the Ruvia and| Tessa Defence Force"); ``None`` when no such words stand there.

    >>> s = "The Ruvia and Tessa Defence Force came."
    >>> _joined_before(s, s.index("Tessa"), s)
    4
    """
    found = _AND_BEFORE.search(sentence, 0, begin)
    if found is None:
        return None
    word = found.group(1).split()[-1]
    if word.isupper() or word.lower() in ORG_HEADS:
        return None  # "the KGB and ...", "the Royal Ulster Constabulary and ...": a body
    if not _only_before_and(word, text):
        return None
    first = found.group(1).split()[0]
    return found.start(1) + (len(first) + 1 if first in ("The", "A", "An") else 0)


def _joins_next(sentence: str, end: int, text: str) -> bool:
    """Whether the name that ends at ``end`` opens a body's name "and" continues: its last
    word is written only before "and", and a body's head ends what follows ("the Portlen
    Truth| and Reconciliation Commission"; not "Amnesty International| and Oxfam")."""
    after = _AND_AFTER.match(sentence, end)
    words = sentence[:end].split()
    return (
        after is not None
        and bool(words)
        and not words[-1].isupper()
        and words[-1].lower() not in ORG_HEADS
        and _only_before_and(words[-1], text)
        and after.group(1).split()[-1].lower() in ORG_HEADS
    )


def _tail_of_longer(sentence: str, begin: int, text: str) -> bool:
    """Whether the name written from ``begin`` in ``sentence`` ends a longer name
    (:data:`_INSIDE_LONGER`: "al-Qaeda in the Islamic Maghreb"). A month, a title or a
    sentence's first word the document also writes in lower case opens no name: "on 14
    May of Ali Musa", "the Sirdar of the Egyptian Army" (``text`` is the document).

    >>> text = "Police of the Tactical Unit came. The police left."
    >>> [_tail_of_longer(s, s.index("T"), text) for s in ("Police of the Tactical Unit came.",
    ...     "Commander of the Tactical Unit", "Ansar of the Tactical Unit")]
    [False, False, True]
    """
    window = sentence[max(0, begin - 40) : begin]
    found = _INSIDE_LONGER.search(window)
    if found is None:
        return False
    word, *rest = found.group().split()
    if word[:1].isupper() and rest[:1] in (["in"], ["of"], ["for"]):
        start = begin - len(window) + found.start()
        opening = start == 0 and written_as_word(word.lower(), text)
        return not (word.lower() in _MONTHS or is_title(word) or opening)
    return True


def _cleaned(text: str) -> str:
    """A name as written, without its article, possessive and a person's title; a title
    word that opens a body's name is part of it ("High Court", "Justice Department",
    "Special Air Service"; "Sergeant Dustin Wright" is Dustin Wright).

    >>> _cleaned("the High Court's"), _cleaned("Special Air Service"), _cleaned("Sergeant Ann Wu")
    ('High Court', 'Special Air Service', 'Ann Wu')
    >>> _cleaned("Secretary of State")  # a title, not a body
    'of State'
    """
    words = _POSSESSIVE.sub("", clean_name(text.strip(" ,.;:\"'“”"))).split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    body = len(words) > 1 and words[1][:1].isupper() and _head(words).lower() in _BODY_NAMES
    while len(words) > 1 and words[0].rstrip(".") in TITLES and not body:
        words = words[1:]
    return _COMMANDED.sub("", " ".join(words))


def is_institution(name: str, label: str) -> bool:
    """Whether an organisation-tagged name is headed by an institution noun: its last
    word, or its first before "of" ("University of Innsbruck").

    >>> is_institution("Mulago Hospital", "ORG"), is_institution("University of Oslo", "ORG")
    (True, True)
    >>> is_institution("Safari Hotel", "ORG"), is_institution("Gaddafi Stadium", "PERSON")
    (False, False)
    """
    return label == "ORG" and _institution_head(name)


def _institution_head(name: str) -> bool:
    words = name.lower().split()
    if len(words) < 2:
        return False
    return words[-1] in INSTITUTION_NOUNS or _head(words) in INSTITUTION_NOUNS


def _is_name(name: str, label: str, avoid: set[str], *, one_word: bool = False) -> bool:
    """Whether the rules read ``name`` as a party's name; with ``one_word``, one
    capitalised word that is no acronym is not left out for that alone."""
    words = name.split()
    if not words or name_key(name) in avoid:
        return False
    if words[-1] in _CUT_AFTER:
        return False  # "Comité de Familiares de| las Víctimas": cut short
    dated = [w for w in words if w.lower() in _MONTHS]
    if dated and not (label == "PERSON" and len(words) > 1 and dated == words[-1:]):
        return False  # a date, not "Theresa May"
    unit = len(words) > 1 and _ORDINAL.match(words[0]) and words[1][:1].isupper()
    if not words[0][:1].isupper() and not words[0].startswith(("al-", "el-")) and not unit:
        return False
    if country_code(name) is not None or demonym_countries(name):
        return False
    if name.endswith("s") and demonym_countries(name[:-1]):
        return False  # "Sri Lankans": people of a country
    head = _head(words).lower()
    body = (words[-1].lower() in ORG_HEADS or head in _DIRECTED_BODIES) and (
        words[0].lower() != "operation"
    )
    tail_country = label != "PERSON" and country_code(" ".join(words[1:]))  # "Paul Burma"
    if (words[0].lower() in _NOT_ACTORS and not body) or tail_country:
        return False  # "Operation Serval", "Northern Mali"
    if re.search(r" (?:in|at) ", name):
        return False
    if _head(words).lower() in _NOT_PARTIES or all(_RANK.fullmatch(w) for w in words):
        return False  # "Fort Laramie Treaty", "Dhofar Rebellion"; "Second Lieutenant"
    if any(w.lower() in FACILITY_WORDS for w in words) and not is_institution(name, label):
        return False
    area = ADMIN_WORDS.fullmatch(words[-1]) or ADMIN_WORDS.fullmatch(words[0])
    opens_body = ADMIN_WORDS.fullmatch(words[0]) and words[-1].lower() in _BODY_NAMES
    if not unit and area and not opens_body and _names_an_area(name):
        return False  # "Borno State", "County Down"; not "Oslo District Court", "5th Division"
    coded = label == "ORG" and len(words) == 1 and re.fullmatch(r"[A-Z]{2,}-?\d{1,2}", name)
    if any(c.isdigit() for c in name) and not (re.match(r"\d+(?:st|nd|rd|th)\b", name) or coded):
        return False  # a number, a street address; not "MI5"
    if len(words) == 1 and not one_word:
        acronym = sum(c.isupper() for c in name) >= 2 and len(name) <= 8
        return acronym or (label == "PERSON" and len(name) > 3)
    return True


_CUT_AFTER: Final = frozenset(
    "of the and or for in on at to by de del della di da do dos das du des la las los le les "
    "van von der den y e al el bin ibn wal wa".split()
)
"""Lower-case words a name never ends with: a name that does was cut before the rest of
it ("Comité de Familiares de| las Víctimas")."""
_DIRECTED_BODIES: Final = ORG_HEADS | frozenset(
    "association squad department office institute union society league federation".split()
)
"""Head words of a body's name that a direction or a place's name may open ("Central
Criminal Court of Iraq", "West Midlands Serious Crime Squad", "Northern Ireland Civil
Rights Association"; not "Northern Mali")."""
_NOT_PARTIES: Final = frozenset(
    "treaty convention accord accords agreement pact charter act law decree decrees declaration "
    "protocol crisis rebellion uprising revolution exposition exhibition festival mass list "
    "medal".split()
)
"""Heads of the names of a text, a law, an event or an award: no party ("Fort Laramie
Treaty", "Armed Forces Special Powers Act", "Legislative Decrees", "Congo Crisis", "Pentecost
Mass")."""
_RANK: Final = re.compile(
    rf"(?:{'|'.join(sorted(TITLES, key=len, reverse=True))}|First|Second|Third|Private|Class|"
    r"Rear|Lance|Corporal|Staff|Warrant|Officer|Majesty|Highness|Excellency|Taoiseach)\.?"
)
"""Words of a rank or a form of address: a name of nothing but these names nobody."""


def _head(words: list[str]) -> str:
    """The head word of a name: its last, or the one before "of", "on" or "for"
    ("American Convention| on Human Rights").

    >>> _head("Treaty of Paris".split()), _head("Red Cross".split())
    ('Treaty', 'Cross')
    """
    for at, word in enumerate(words[1:], start=1):
        if word in ("of", "on", "for"):
            return words[at - 1]
    return words[-1]


def _names_an_area(name: str) -> bool:
    """Whether a name with an area word can be an area: the name without the word is a
    place the gazetteer or ISO 3166-2 knows ("Borno State"), or the word is not read as
    an area's ("County Down"). "Islamic State" names no area: an organisation.

    >>> [_names_an_area(n) for n in ("Borno State", "County Down", "Islamic State")]
    [True, True, False]
    """
    parsed = region_name(name)
    if parsed.word is None:
        return True
    return bool(subdivision_countries(parsed.key) or open_packaged().lookup(parsed.key))


def prose_actors(
    text: str, sentences: Iterable[Sentence], known: Iterable[str], places: Iterable[str]
) -> tuple[ActorMention, ...]:
    """Actors the prose names beyond ``known`` names, in reading order (see module doc).

    ``text`` is the document text the sentences' spans index; ``places`` are the names
    of the document's places.

    >>> from attackgraph.parse import parse
    >>> from attackgraph.extract.sentences import sentences
    >>> doc = parse(b"= Raid =\\n\\nGunmen attacked the Kisumu depot. Prime Minister Raila "
    ...             b"Odinga visited the wounded.\\n", "raid.txt")
    >>> [m.name for m in prose_actors(doc.text, sentences(doc), (), ("Kisumu",))]
    ['Raila Odinga']
    """
    acronyms = find_acronyms(text)
    sites = (n for n in places if not _institution_head(n))  # a hospital is also a body
    avoid = {name_key(n) for n in (*known, *sites)} | _NEVER_NAMES
    avoid |= {name_key(a) for a, full in acronyms.items() if name_key(full) in avoid}
    found: dict[str, ActorMention] = {}
    seen: set[str] = set()
    candidates = []
    sentences = list(sentences)
    for sentence in sentences:
        if sentence.text not in seen and (_can_name(sentence.text, avoid)):
            candidates.append(sentence)  # a repeated sentence names no one new
        seen.add(sentence.text)
    opening = sentences[0].span.begin if sentences else -1
    title = f" {name_key(text.split(chr(10), 1)[0])} "
    counts: dict[str, int] = {}  # each name's mentions and gazetteer entry looked up once
    gazetteer: dict[str, bool] = {}

    def asking(sentence: Sentence, name: str, at: int, label: str, ruled: bool) -> ActorContext:
        if name not in counts:
            counts[name] = text.count(name)
            gazetteer[name] = bool(open_packaged().lookup(name_key(name)))
        return ActorContext(
            sentence,
            name,
            at,
            at + len(name),
            label,
            ruled,
            sentence.span.begin == opening,
            counts[name],
            f" {name_key(name)} " in title,
            gazetteer[name],
        )

    placelike: set[str] = set()
    institutions: set[str] = set()
    states: set[str] = set()
    learned: set[str] = set()  # names of no PERSON or ORG entity the classifier took
    asked: set[str] = set()  # every name the classifier took that the rules left out
    found_entities = (_unjoined(named) for named in entities_of(s.text for s in candidates))
    tagged = list(zip(candidates, found_entities, strict=True))
    inside = {  # the words of longer names the tagger reads ("House" of "House of Commons")
        word
        for _, named in tagged
        for entity in named
        if entity.label in LABELS
        for word in name_key(entity.text).split()[1:] + name_key(entity.text).split()[:-1]
    }
    for k, (sentence, named) in enumerate(tagged):
        if k % _AHEAD == 0:  # the parses _body and _state will ask for, in one batch
            ahead = tagged[k : k + _AHEAD]
            parse_all(s.text for s, found in ahead if any(_acts_asked(s, e, avoid) for e in found))
        for entity in named:
            if entity.label in PLACE_LABELS:
                placelike.add(name_key(_cleaned(entity.text)))
            if entity.label in ("NORP", "GPE"):
                body = _body(text, sentence, entity, avoid)
                if body is None:
                    body = _state(text, sentence, entity, avoid)
                    if body is not None:
                        states.add(name_key(body.name))  # a place as well, acting as a state
                if body is not None:
                    found.setdefault(name_key(body.name), body)
            if entity.label not in LABELS:
                continue
            if _placed_by_opening(sentence.text, entity):
                place = _cleaned(entity.text).split()
                if place[0].lower() in LOCATIVES:
                    place = place[1:]
                placelike.add(name_key(" ".join(place)))
                continue  # "Near Goroni on 4 September ...": a place, read as a name
            if _tail_of_longer(sentence.text, entity.begin, text):
                continue
            if entity.label == "ORG" and _TITLED.match(sentence.text, entity.end):
                continue  # "United Nations Secretary-General Ban Ki-moon": the man is named
            more = _CONTINUED.match(sentence.text, entity.end)
            if more is not None and entity.label == "PERSON" and _OF_PARTY.match(more.group()):
                more = None  # "Juan Ortiz of the National Court" is Juan Ortiz
            if more is None and entity.label == "PERSON":  # "Roch Marc| Christian Kaboré"
                more = _MORE_NAMES.match(sentence.text, entity.end)
            if _joins_next(sentence.text, entity.end, text):
                continue  # "the Portlen Truth| and Reconciliation Commission": its first words
            start = entity.begin
            number = _NUMBER_BEFORE.search(sentence.text, 0, start)
            if number is not None and entity.label == "ORG":
                start = number.start()  # the tagger leaves out the unit's number
            joined = None
            if entity.label == "ORG" and not entity.text.lower().startswith("the "):
                joined = _joined_before(sentence.text, start, text)  # not "X and the Y"
            if joined is not None and _head(entity.text.split()).lower() in ORG_HEADS:
                start = joined  # "the Ruvia and| Tessa Defence Force": one body's name
            first = _cleaned(sentence.text[start : entity.end]).split(" ", 1)[0]
            if more is None and _ORDINAL.match(first):
                more = _PARENT_UNIT.match(sentence.text, entity.end)
            end = more.end() if more else entity.end
            name = _cleaned(sentence.text[start:end].split(" (")[0])
            ruled = _is_name(name, entity.label, avoid)
            if not ruled and not (
                " " not in name
                and name.lower() not in _BODY_WORDS
                and _is_name(name, entity.label, avoid, one_word=True)
                and is_proper_word(name, text)
            ):
                continue  # a one-word name the text writes as a proper name is asked about
            if _honour(sentence.text, end):
                continue
            if _an_instance(sentence.text, start, end) or _a_make(name, text):
                continue
            begin = sentence.span.begin + start + sentence.text[start:end].find(name.split()[0])
            at = text.find(name, begin, sentence.span.end)
            if at < 0:
                continue
            person = entity.label == "PERSON"
            institution = is_institution(name, entity.label)
            if institution:
                institutions.add(name_key(name))
            elif reads_as_place(text, at, at + len(name), name, person=person):
                placelike.add(name_key(name))
                continue
            if name_key(name) in found:
                continue
            offset = at - sentence.span.begin
            if not _accepts(asking(sentence, name, offset, entity.label, ruled)):
                continue
            if not ruled:
                if _LISTED_BEFORE.search(sentence.text, 0, offset) or _LISTED_AFTER.match(
                    sentence.text, offset + len(name)
                ):
                    continue  # a piece of a list of names: "Alcohol, Tobacco, Firearms"
                asked.add(name_key(name))
            line = sentence.span.line + text.count("\n", sentence.span.begin, at)
            span = Span(at, at + len(name), name, line)
            found.setdefault(name_key(name), ActorMention(name, span, person=person))
        for name, offset, label in _runs(text, sentence, named, avoid):
            key = name_key(name)
            mention = _mention_from(text, sentence, offset, name)
            if (
                mention is not None
                and key not in found
                and _accepts(asking(sentence, name, offset, label, False))
            ):
                found[key] = mention
                learned.add(key)
                asked.add(key)
        for name, offset in _units(sentence.text):
            key = name_key(name)
            if key in found or key in avoid:
                continue
            mention = _mention_from(text, sentence, offset, name)
            if mention is not None and _accepts(asking(sentence, name, offset, "ORG", True)):
                found[key] = mention
    placed = (placelike - institutions - states) - learned
    words = {w for key in (*found, *avoid) if " " in key for w in key.split()}
    placed |= {key for key in asked if key in words | inside}  # "Posada" of "Luis Posada Carriles"
    actors = tuple(m for key, m in found.items() if key not in placed)
    return _merge_variants(actors, avoid, acronyms)


LOCATIVES: Final = frozenset(
    "near outside inside beyond across along around behind beside between towards toward "
    "within through throughout opposite off past".split()
)
"""Prepositions of place: a capitalised one that opens a sentence before a name makes
the name a place ("Near Goroni", "Outside Kessel")."""
_OPENERS: Final = (
    _LINKING
    | LOCATIVES
    | frozenset(
        "during after before since until from under over among following despite later then "
        "there here also however meanwhile on at".split()
    )
)
"""Words that open a sentence before a name ("During Operation X", "On Monday", "Near
Goroni")."""


def _placed_by_opening(sentence: str, entity: Entity) -> bool:
    """Whether a preposition of place opens ``sentence`` before ``entity`` or as its first
    word, which the tagger read as part of the name ("Near Goroni on 4 September ...",
    "Near Pelling Farm the rebels ..."): the name is a place's.

    >>> from attackgraph.extract.nlp import Entity
    >>> near = Entity("PERSON", 0, 11, "Near Goroni")
    >>> _placed_by_opening("Near Goroni the guns fell silent.", near)
    True
    >>> _placed_by_opening("Near Pelling Farm it ended.", Entity("ORG", 5, 17, "Pelling Farm"))
    True
    >>> _placed_by_opening("Nearly all of them fled.", Entity("PERSON", 0, 6, "Nearly"))
    False
    """
    before = sentence[: entity.begin].strip(" \"“‘'").split()
    if not before:
        words = entity.text.split()
        return len(words) > 1 and words[0].lower() in LOCATIVES
    return len(before) == 1 and before[0].lower() in LOCATIVES


_LISTED_BEFORE: Final = re.compile(r"[A-Z][\w'’-]*(?:,|\s+(?:and|or))\s+$")
_LISTED_AFTER: Final = re.compile(r",\s+[A-Z]|\s+(?:and|or|&)\s+[A-Z]")
"""One capitalised word in a list of them ("Alcohol, Tobacco, Firearms and Explosives"):
a piece of a longer name or a list of first names, never taken on the classifier's word."""
_LONGER_AFTER: Final = re.compile(r"\s+(?:in|of|de|del|for)\s+(?:the\s+)?[A-Z]")
_LONGER_BEFORE: Final = re.compile(r"[A-Z][\w'’-]*\s+[–—-]\s+$")


def _runs(
    text: str, sentence: Sentence, named: tuple[Entity, ...], avoid: set[str]
) -> Iterable[tuple[str, int, str]]:
    """Names of two or more capitalised words that no PERSON or ORG entity covers ("Aum
    Shinrikyo" read as a building, "Hugo Anzorreguy" read as nothing), as candidates the
    rules leave out (name, offset in the sentence, entity label or ``NONE``): the
    classifier decides. A sentence's first word is left out when it is
    a linking word ("During Operation X"); a unit's number is kept ("13th Cavalry
    Regiment")."""
    people = [e for e in named if e.label in LABELS]
    for run in _RUN.finditer(sentence.text):
        begin, end = run.start(), run.end()
        words = run.group().split()
        if begin == 0 and len(words) > 1 and words[0].lower() in _OPENERS:
            begin = sentence.text.index(words[1], len(words[0]))
        number = _NUMBER_BEFORE.search(sentence.text, 0, begin)
        if number is not None:
            begin = number.start()  # "the 13th| Cavalry Regiment"
        if " " not in sentence.text[begin:end] or run.group().isupper():
            continue  # one word (asked about as an entity), or a dateline's "NEW DELHI"
        if _LONGER_AFTER.match(sentence.text, end) or _LONGER_BEFORE.search(
            sentence.text[max(0, begin - 40) : begin]
        ):
            continue  # "Islamic State| in the Greater Sahara", "Party of Peru – |Shining Path"
        if any(e.begin < end and e.end > begin for e in people):
            continue
        if _tail_of_longer(sentence.text, begin, text):
            continue
        name = _cleaned(sentence.text[begin:end])
        if " " not in name or not _is_name(name, "ORG", avoid):
            continue
        if _honour(sentence.text, end) or _an_instance(sentence.text, begin, end):
            continue
        if _a_make(_cleaned(sentence.text[begin:end]), text):
            continue
        at = sentence.text.find(name, begin)
        where = sentence.span.begin + at
        if at < 0 or reads_as_place(text, where, where + len(name), name, person=False):
            continue
        label = next((e.label for e in named if e.begin < end and e.end > begin), "NONE")
        yield name, at, label


def _accepts(context: ActorContext) -> bool:
    """Whether a candidate is an actor: the classifier of
    :mod:`~attackgraph.extract.actor_features` keeps a name the rules accept from
    :data:`ACTOR_VETO` and takes one they leave out from :data:`ACTOR_THRESHOLD`."""
    if context.ruled and ACTOR_VETO <= 0:
        return True  # nothing to ask
    chance = shipped_actor_model().probabilities(actor_features(context))[ACTOR]
    return chance >= (ACTOR_VETO if context.ruled else ACTOR_THRESHOLD)


_AHEAD: Final = 512
"""Candidate sentences whose parses are asked for in one batch before they are read
(well within the parse cache, :data:`~attackgraph.extract.nlp.CACHE_SIZE`)."""


def _acts_asked(sentence: Sentence, entity: Entity, avoid: set[str]) -> bool:
    """Whether :func:`_body` or, when it finds none, :func:`_state` parses the sentence
    for ``entity`` (:func:`_acts`): the same tests they make before asking, so that a
    document's such sentences are parsed in one batch, not one at a time (a parse does
    not depend on its batch; one at a time costs about three times as much a sentence).

    >>> from attackgraph.extract.nlp import entities
    >>> from attackgraph.extract.sentences import sentences
    >>> from attackgraph.parse import parse
    >>> raid = b"= Raid =\\n\\nThe Kenyan government and France condemned a raid in Lamu.\\n"
    >>> [sentence] = sentences(parse(raid, "raid.txt"))
    >>> [(e.text, _acts_asked(sentence, e, set())) for e in entities(sentence.text)]
    [('Kenyan', True), ('France', True), ('Lamu', False)]
    """
    if entity.label not in ("NORP", "GPE"):
        return False
    more = _BODY_AFTER.match(sentence.text, entity.end)
    if more is not None and _is_name(
        _cleaned(sentence.text[entity.begin : more.end()]), "ORG", avoid
    ):
        return True  # _body asks
    if entity.label != "GPE":
        return False
    name = _cleaned(entity.text)
    return country_code(name) is not None and name_key(name) not in avoid  # _state asks


def _body(text: str, sentence: Sentence, entity: Entity, avoid: set[str]) -> ActorMention | None:
    """The body a nation or place entity heads ("the Kenyan government", "Israeli
    officials"), or ``None``."""
    more = _BODY_AFTER.match(sentence.text, entity.end)
    if more is None:
        return None
    name = _cleaned(sentence.text[entity.begin : more.end()])
    if not _is_name(name, "ORG", avoid) or not _acts(sentence.text, more.end()):
        return None
    return _mention_from(text, sentence, entity.begin, name)


_ACTING: Final = frozenset({"nsubj", "nsubjpass"})


_REACTING: Final = re.compile(
    r"(?:condemn|denounc|deplor|mourn|express|offer|send|sent|pledg|promis|vow|urg|call|"
    r"demand|protest|warn|respond|react|issu|announc|declar|blam|accus|deni|deny|recall|"
    r"suspend|evacuat|deploy|dispatch|ask|appeal)",
    re.IGNORECASE,
)
"""Verbs of a party that reacts: it condemns, mourns, sends help, blames, protests."""


_HONOURING: Final = re.compile(r"\b(?:award|receiv|won\b|win\b|earn|decorat)", re.IGNORECASE)
"""Verbs that give a decoration: what they give is no party."""


def _honour(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is what someone was awarded or received ("was
    awarded the Victoria Cross", "received the George Medal"): a decoration, not a party.
    """
    if _HONOURING.search(text) is None:
        return False  # no such verb: no parse needed
    token = next((t for t in parse(text) if t.idx + len(t.text) == end), None)
    while token is not None and token.dep_ in ("conj", "compound", "appos"):
        token = token.head
    if token is None or token.dep_ not in ("dobj", "dative"):
        return False
    return _HONOURING.match(token.head.text) is not None


_COUNTED: Final = re.compile(
    r"\b(?:a|an|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[a-z-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _an_instance(text: str, begin: int, end: int) -> bool:
    """Whether the name from ``begin`` to ``end`` heads a phrase counted with "a" or a
    number word ("a stolen Vauxhall Cavalier", "two Land Rovers"): a kind of thing, a
    vehicle or a weapon, not a party; a name before its own head ("a Lufthansa
    airliner") is not counted itself, nor a unit's number ("3 Commando Brigade")."""
    if _COUNTED.search(text[max(0, begin - 30) : begin]) is None:
        return False  # nothing counts it: no parse needed
    token = next((t for t in parse(text) if t.idx + len(t.text) == end), None)
    if token is None or token.dep_ == "compound" or token.head.i > token.i:
        return False  # the name qualifies a noun after it: "a Lufthansa airliner"
    return any(
        (c.dep_ == "det" and c.lower_ in ("a", "an"))
        or (c.dep_ == "nummod" and c.is_alpha and c.idx < begin)
        for c in token.children
    )


_MADE: Final = re.compile(
    r"(?:['’]s)?\s+(?:[a-z-]+\s+)?(?:vans?|trucks?|lorry|lorries|cars?|jets?|aircraft|planes?|"
    r"airliners?|helicopters?|tanks?|rifles?|guns?|pistols?|missiles?|rockets?|launchers?|"
    r"vehicles?|bombers?|fighters?|destroyers?|frigates?|grenades?|explosives?|mortars?)\b"
)
"""Kinds of vehicle and weapon after a name: the name is their make or model ("a white
Renault Kangoo van", "Sherman tanks", "Kalashnikov rifles")."""
_MEASURED: Final = re.compile(
    r"\b(?:kilograms?|kilos?|kg|pounds?|lbs?|tonnes?|tons?|grams?)\s+of\s+$"
)
"""A measure before a name: the name is a substance ("40 kilograms of TNT")."""


def _a_make(name: str, text: str) -> bool:
    """Whether ``text`` writes ``name`` only as the make or model of a vehicle or a weapon,
    or as a substance measured out: every time a kind of vehicle or weapon follows it
    (:data:`_MADE`) or a measure and "of" come before it (:data:`_MEASURED`). A body's
    name is never one ("Royal Air Force jets", "US Navy destroyers").

    >>> text = "A Fouga Magister jet bombed the camp. Later a Fouga Magister jet came back."
    >>> _a_make("Fouga Magister", text), _a_make("Fouga Magister", text + " Fouga Magister sold.")
    (True, False)
    >>> _a_make("TNT", "It held 9 kg of TNT."), _a_make("Royal Air Force", "Royal Air Force jets")
    (True, False)
    """
    if not name or name.split()[-1].lower() in _BODY_NAMES:
        return False
    made = _words(text).made  # a long document writes its names many times: each once
    if name not in made:
        writings = _written(name, text)
        made[name] = bool(writings) and all(
            _MADE.match(text, at + len(name)) or _MEASURED.search(text[max(0, at - 24) : at])
            for at in writings
        )
    return made[name]


def _written(name: str, text: str) -> list[int]:
    r"""Where ``text`` writes ``name`` as whole words: the starts that
    ``re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)`` finds, looked up in
    an index of the text's words built once: the places of the name's rarest word in the
    text (a search of the whole text for each name, or a walk of its commonest word, made
    a long document's cost its length times the names it writes).

    >>> text = "Tate met O-Tate. Tate Ross and Tates left; Tate Ross Tate Ross."
    >>> _written("Tate", text), _written("Tate Ross", text), _written("Ross Tate", text)
    ([0, 17, 43, 53], [17, 43, 53], [48])
    """
    words = [(m.start(), m.group()) for m in re.finditer(r"[\w-]+", name)]
    if not words:  # no word in the name: not in the index
        return [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)]
    starts = _words(text).starts
    offset, rarest = min(words, key=lambda word: len(starts.get(word[1], ())))
    found: list[int] = []
    last = 0
    for at in (where - offset for where in starts.get(rarest, ())):
        end = at + len(name)
        if (
            at >= last
            and text.startswith(name, at)
            and not (at and _WORD_GOES_ON.match(text, at - 1))
            and not _WORD_GOES_ON.match(text, end)
        ):
            found.append(at)
            last = end
    return found


_WORD_GOES_ON: Final = re.compile(r"[\w-]")


class _Words:
    """A text's index of its words, and what :func:`_a_make` found of its names."""

    def __init__(self, text: str) -> None:
        self.starts: dict[str, list[int]] = {}
        """Each run of word characters and hyphens (not inside a longer one), with where
        it starts."""
        for m in re.finditer(r"[\w-]+", text):
            self.starts.setdefault(m.group(), []).append(m.start())
        self.made: dict[str, bool] = {}
        """Name -> whether the text writes it only as a make (:func:`_a_make`)."""


@lru_cache(maxsize=2)  # the document being read (the same text object every call); two
def _words(text: str) -> _Words:  # so that no earlier document's text is kept alive
    return _Words(text)


_REACTING_AFTER: Final = re.compile(rf"(?:\s+[a-z]+){{0,3}}?\s+{_REACTING.pattern}", re.IGNORECASE)
"""A verb of reacting within a few words after a name: "Norway| quickly condemned"."""


def _acts(text: str, end: int, verbs: re.Pattern[str] | None = None) -> bool:
    """Whether the noun ending at ``end`` is the subject of a clause, the agent of a
    passive ("by the Kenyan government"), or joined to one of them by "and"; with
    ``verbs``, of a verb that starts with one of them."""
    token = next((t for t in parse(text) if t.idx + len(t.text) == end), None)
    while token is not None and token.dep_ == "conj":
        token = token.head
    if token is None:
        return False
    if token.dep_ in _ACTING:
        verb = token.head
    elif token.dep_ == "pobj" and token.head.dep_ == "agent":
        verb = token.head.head
    else:
        return False
    return verbs is None or verbs.match(verb.text) is not None


def _state(text: str, sentence: Sentence, entity: Entity, avoid: set[str]) -> ActorMention | None:
    """A country that acts as a state ("France condemned the attack", "aid sent by Japan"),
    or ``None``."""
    if entity.label != "GPE":
        return None
    name = _cleaned(entity.text)
    if country_code(name) is None or name_key(name) in avoid:
        return None
    if not _acts(sentence.text, entity.end, _REACTING):
        return None
    return _mention_from(text, sentence, entity.begin, name)


def _merge_variants(
    mentions: tuple[ActorMention, ...], avoid: set[str], acronyms: dict[str, str]
) -> tuple[ActorMention, ...]:
    """Drop a variant of a longer or known name: its last word ("Belmokhtar"), its first
    words ("Roch Marc" of "Roch Marc Christian Kaboré"), or its defined acronym."""
    keys = {name_key(m.name) for m in mentions} | avoid
    longer = [key for key in keys if " " in key]
    last_words = {other.rsplit(" ", 1)[1] for other in longer}  # what "... {key}" ends
    starts: dict[str, bool] = {}  # first words of a longer name -> whether one is avoided
    for other in longer:
        for at, char in enumerate(other):
            if char == " ":
                starts[other[:at]] = starts.get(other[:at], False) or other in avoid
    kept = []
    for mention in mentions:
        key = name_key(mention.name)
        full = acronyms.get(mention.name)
        if full is not None and name_key(full) in keys:
            continue
        if " " not in key and key in last_words:
            continue
        if key in starts and (mention.person or starts[key]):
            continue  # "Roch Marc" of "Roch Marc Christian Kaboré"
        kept.append(mention)
    return tuple(kept)


def _mention_from(text: str, sentence: Sentence, begin: int, name: str) -> ActorMention | None:
    """The mention of ``name`` written from ``begin`` (an offset in the sentence) on, with
    its document offsets and line; ``None`` when the sentence does not hold it there."""
    at = text.find(name, sentence.span.begin + begin, sentence.span.end)
    if at < 0:
        return None
    line = sentence.span.line + text.count("\n", sentence.span.begin, at)
    return ActorMention(name, Span(at, at + len(name), name, line))
