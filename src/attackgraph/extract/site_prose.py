"""Sites of the main event that only the prose names: a hotel, a second site of a
coordinated attack, a street, a valley, a base.

An infobox often gives the town; the story says where in it: "gunmen burst into the
Palace cinema on Harbour Road", "a second bomb went off at the Blue Lagoon, a bar in
the Old Quarter". A name is read as a site when

- it follows a locative word ("in", "at", "inside", "into", "outside", "near", "on",
  "onto", "around", "through", "across", "towards", "below", "above" ...), "the
  hamlets of", or an attack verb ("stormed", "seized", "struck" ...), with an optional
  "the" (not "under": "under Colonel X" names a commander), or a part of a site ("the
  roof of", "the main gate of", "the steps of"), or it opens a list after places
  named in the plural ("the hamlets east of the river, among them X, Y and Z");
- it is a place: a named entity of the linguistic layer (GPE, LOC, FAC), or a
  capitalised name with a word saying what kind of site it is ("hotel", "Street",
  "district"), written before or after it;
- its sentence tells of the main event: not in a background, reactions, trial or
  legacy section, not about an earlier or follow-up incident
  (:class:`~attackgraph.extract.incidents.Aboutness`), and not where the wounded were
  treated ("taken to", "treated at", "the General Hospital in X");
- it is not an actor the document names, a country, a people or a date (a day of the
  week: "on Monday the ministry said").

A place entity of the linguistic layer (GPE, LOC, FAC) that no such word governs ("held
the foothills of X", "flew on to Y") is a candidate too, with the governing word
:data:`ENTITY_GOVERNOR`: only the classifier takes it, as a name the rules leave out.

Whether a candidate becomes a place is then asked of a small learned classifier
(:mod:`~attackgraph.extract.site_features`): it leaves out a candidate these rules accept
when it is very unlikely to be a site (a town where a van was found days later), and
takes one the rules leave out (a name the tagger reads as an organisation, "set off his
explosives at X") when it is likely; it never makes a person or a people a place.

The dependency parse decides two things the words around a name cannot: a name its
locative word hangs on a word of the attack or its toll ("the bodies were burned in
kilns at X", "two devices exploded at X and Y") is a site whatever the tagger calls it
(the small model reads many unfamiliar towns as a person or an organisation); one it
hangs on a verb of saying with a subject of its own ("In X, the minister condemned the
attack", "a columnist wrote in the Y") is where someone spoke, no site.

"X in Y", "X on Y", "X at Y", "X, a bar in Y" and, Y a place the document names, "Y's X"
state that X lies in Y: the place keeps that container, as in an infobox chain. A place
the event was only near ("near the river") is marked ``near``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Final

from spacy.tokens import Token

from attackgraph.extract.incidents import AFTERMATH_SECTIONS, BACKGROUND_SECTIONS, Aboutness
from attackgraph.extract.nlp import Entity, entities_of, parse
from attackgraph.extract.owned import owner_of
from attackgraph.extract.placelike import BODY_ON, PLACE_NOUNS, names_an_event
from attackgraph.extract.places import ADMIN_WORDS, FACILITY_WORDS, country_of
from attackgraph.extract.sentence_dates import dated_elsewhere
from attackgraph.extract.sentences import Sentence
from attackgraph.extract.site_features import (
    SITE,
    SITE_THRESHOLD,
    SITE_VETO,
    SiteContext,
    shipped_site_model,
    site_features,
)
from attackgraph.model import DateRange, PlaceKind, PlaceMention, Span
from attackgraph.reference.countries import demonym_countries
from attackgraph.reference.lexicon import MONTH_NUMBERS, WEEKDAYS
from attackgraph.reference.names import name_key

__all__ = ["prose_sites", "site_candidates"]

SITE_WORDS: Final = FACILITY_WORDS | frozenset(
    """
    restaurant bar pub café pizzeria shop store guesthouse inn nightclub cinema terminal
    terminus shrine temple synagogue pagoda mausoleum memorial embassy consulate palace
    parliament ministry headquarters compound garrison outpost checkpoint post base
    airfield airbase port harbour harbor pier jetty beach park plaza junction roundabout
    lane boulevard highway motorway village town city suburb neighbourhood neighborhood
    quarter ward valley river creek hill hills massif mountain mountains forest island
    gate tower house residence villa estate farm mine field fields rue calle avenida
    jalan via strasse straße chowk barangay kampung line
    ridge spur path trail crossroads crossing bungalow barn mill convent monastery chapel
    cemetery hut plateau pass gorge swamp marsh cove airstrip runway dam canal wharf quay
    depot warehouse factory refinery playa cerro loma colonia medina souk bazaar ballroom
    """.split()
)
"""Words that say a name is a site ("Blue Lagoon bar", "Harbour Road")."""

_SKIP_SECTIONS: Final = re.compile(
    r"^(?:background|prelude|history|context|origins?|reactions?|responses?|responsibility|"
    r"trials?|legacy|commemoration|memorials?|perpetrators|investigation|aftermath|"
    r"consequences|analysis|manhunt|pursuit|arrests?|capture|see also|references|notes|"
    r"further reading|external links)\b",
    re.IGNORECASE,
)
_KINDS: Final = "|".join(
    sorted(
        SITE_WORDS
        | {"arrondissement", "district", "province", "region", "state", "county", "ward"}
        | {"governorate", "prefecture", "municipality", "commune"},
        key=len,
        reverse=True,
    )
)
_BEFORE_NAME: Final = (
    "restaurant|café|cafe|bar|hotel|pizzeria|nightclub|cinema|theatre|mosque|church|temple|"
    "shrine|guesthouse"
)
"""Kinds of site written before a name: "the Cambodian restaurant Le Petit Cambodge"."""
_LIST_OPENER: Final = r"among\s+them|including|such\s+as"
"""Words opening a list of the places a plural names ("the villages, among them X and Y")."""
_UPPER: Final = "A-Z0-9\u00c0-\u00d6\u00d8-\u00de"
_PARTICLE: Final = r"(?:a[dlnrstz]|ash|e[dlnrs]|ul)-"
"""A lowercase article joined to a name: "al-Rawda", "el-Arish", "ash-Shifa"."""
_NAME: Final = (
    rf"(?P<name>(?:(?:{_PARTICLE})?[{_UPPER}][\w'’.-]*|St\.)"
    rf"(?:\s+(?:[{_UPPER}][\w'’.-]*|(?:de|del|de la|la|le|du|des|of|al|el|da|di|van|von|y)\b|"
    rf"&(?=\s+[{_UPPER}])))*"
    r"(?:\s+(?:" + _KINDS + r")s?\b){0,2})"
    r"(?P<kind>\s+(?!(?:the|a|an)\s)[a-z]+\s+(?:" + _KINDS + r")\b)?"
)
_LOCATIVE: Final = re.compile(
    r"\b(?P<prep>(?i:in|at|inside|into|outside|near|on|onto|around|through|across|towards?|"
    r"beside|behind|opposite|over|along|below|beneath|above)|"
    r"(?:storm|seiz|strik|attack|raid|bomb|spray|occupy|"
    r"besieg|enter|target|destroy|damag)(?:ed|ing|e|es)?|occupie[sd]|struck|hit|took|overran|"
    r"brought down|"
    r"(?:set|setting) fire to|(?:moved|marching|"
    r"marched|headed|advanced|drove|walked)\s+(?:on\s+)?to|"
    r"(?:corner|junction|roof|gate|entrance|edge|foot|slopes?|grounds|steps|lobby|courtyard|"
    r"perimeter|walls?|shores?|mouth|banks?|heart|centre|center|tower|floor|basement) of|"
    r"(?:village|hamlet|town|city|district|area|neighbourhood|neighborhood|suburb|settlement|"
    r"island|department|province|region|state|municipality|colony|county|commune|governorate|"
    r"prefecture|parish|hill|valley)s? of|"
    r"(?:(?:now|later|locally|then|since)\s+)?(?:known(?:\s+to\s+(?:the\s+)?[\w’'-]+)?\s+as|"
    r"called)|" + _BEFORE_NAME + "|" + _LIST_OPENER + ")"
    r"\s+[\"“]?(?:the\s+)?"
    + _NAME
    + r"(?P<more>(?:(?:,|,?\s+(?:and|or))\s+(?:at\s+|in\s+|on\s+)?(?:the\s+)?"
    + _NAME.replace("?P<name>", "?:").replace("?P<kind>", "?:")
    + r")*)"
)
_PLAIN_NAME: Final = _NAME.replace("?P<name>", "?:").replace("?P<kind>", "?:")
_DIRECTED: Final = re.compile(
    r"(?:^|[:;,]\s+|\b(?:and|with|from|to)\s+)(?:the\s+)?"
    rf"(?P<list>{_PLAIN_NAME}(?:(?:,\s+|,?\s+and\s+)(?:the\s+)?{_PLAIN_NAME})*)"
    r"\s+(?:(?:about|some)\s+)?(?:[\w.,]+\s+(?:km|kilometres|kilometers|miles|metres|meters)\s+)?"
    r"(?:to|in)\s+the\s+(?:far\s+)?(?:north|south)?(?:-?(?:east|west))?\b(?<=[a-z])"
)
"""A list of names placed by a compass direction ("X and Y to the north")."""
_THEN_INSIDE: Final = re.compile(
    r"(?:,\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,4}?)?\s*(?:,\s*)?\b(?:in|on|at)\s+(?:the\s+)?" + _NAME
)
_TREATED: Final = re.compile(
    r"\b(?:taken|rushed|flown|brought|admitted|treated|transferred|evacuated)\s+(?:\w+\s+){0,3}"
    r"(?:to|at|in)\s+(?:the\s+)?$"
    r"|\b(?:hospital|clinic|infirmary|morgue|mortuary)\s+(?:in|at|on)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""Where the wounded were treated: "taken to X", and the town of a hospital ("the
General Hospital in X")."""
_LISTED: Final = re.compile(r"^(?:among\s+them|including|such\s+as)$", re.IGNORECASE)
_PLURAL_PLACES: Final = re.compile(r"\b(?P<word>[a-z]+?)(?:e?s)\b")
_TO_OPENER: Final = re.compile(
    r"(?:\s+(?!(?:where|which|who|killing|killed|wounding|wounded|injuring|injured)\b)"
    r"[\w'’-]+){0,6},?\s+$"
)
"""A plural before a list opener: "the hamlets, among them", "five camps in X and Y,
including"."""
_PLACE_LABELS: Final = frozenset({"GPE", "LOC", "FAC"})
_NOT_PLACE_LABELS: Final = frozenset({"PERSON", "NORP"})
_NOT_SITES: Final = frozenset(
    """
    republic kingdom union federation capital country nation north south east west city
    europe africa asia america americas oceania antarctica middle east west bank
    """.split()
)
_NOT_SITE_ENDS: Final = frozenset(
    {"sea", "ocean", "africa", "america", "americas", "asia", "europe", "oceania"}
)
"""A sea, or a part of a continent ("Latin America", "Southeast Asia")."""
_UNIT_AFTER: Final = re.compile(
    r"\s+(?:battalion|regiment|brigade|division|company|corps|platoon|squadron|detachment|"
    r"militia|police|army|forces)s?\b"
)
"""A name that names a military or police unit ("destroyed the Kestrel battalion")."""
_CARE: Final = re.compile(r"\b(?:hospital|clinic|medical|infirmary|morgue|mortuary)\b", re.I)
_ATTACK_VERB: Final = re.compile(
    r"^(?:storm|seiz|strik|struck|attack|raid|bomb|occup|enter|hit|took|target|destroy|damag)"
)
_NAMED_AS_PLACE: Final = re.compile(rf"\bof$|^(?:{_BEFORE_NAME})$")
_APPOSED_KIND: Final = re.compile(r",\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,3}?(?:" + _KINDS + r")\b")
"""A name's apposition says what it is: "Ridgeway, a suburb of the capital"."""
_OTHER_EVENT: Final = re.compile(
    r"\b(?:after|before|since|following|than|like)\s+(?:[\w'’-]+\s+){0,3}?(?:attacks?|bombings?|"
    r"massacres?|sieges?|shootings?|raids?|ambush(?:es)?|assaults?)\s+(?:on|at|in|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""Another event named beside the main one: "three months after the attack on the X"."""
_DESCRIBES: Final = re.compile(
    r"\b(?:an?|the)\s+(?:[a-z-]+\s+)?(?:town|village|city|port|settlement)\s+on\s+(?:the\s+)?$"
)
"""A place described by what it lies on: "Konna, a town on the Niger River"."""
_FORCE: Final = re.compile(r"\b(?:Army|Police|Navy|Forces|Government|Ministry|Militia|Corps)\b")
_PLURAL_SITE: Final = re.compile(r"\s+(?P<word>[a-z]+)s$")
_EVENT_NAME: Final = re.compile(
    r"(?:(?:Battle|Siege|Massacre|Sack|Fall|Capture|Storming|Assault|Ambush|Raid|Bombing|"
    r"Relief)\s+of|Operation)\b"
)
"""The name of an event, not of a place: "the Battle of X", "Operation Y"."""
_FLIGHT: Final = re.compile(r"\bFlight\s+\d")
_STOP_WORDS: Final = frozenset(
    """
    the a an he she it they we his her their its this that these those there then when
    after before during while on in at as by for from with mr mrs ms dr about
    """.split()
)


def _site_word(name: str) -> bool:
    words = name.replace("-", " ").split()
    return any(w.lower() in SITE_WORDS or w.lower()[:-1] in SITE_WORDS for w in words) or (
        ADMIN_WORDS.search(name) is not None
    )


def _several_sites(name: str) -> bool:
    """Whether a name ends in a kind of building in the plural, which names no one site but
    several of a kind: "Hindu temples", "the Bangladesh camps", "Sunni mosques". Landforms
    are one place whatever their number ("the Nuba mountains").

    >>> [_several_sites(n) for n in ("Shia mosques", "Olinda barracks", "Kigali hills")]
    [True, False, False]
    """
    plural = _PLURAL_SITE.search(name)
    if plural is None or f"{plural.group('word')}s" in SITE_WORDS:
        return False
    word = plural.group("word")
    one = word if word in SITE_WORDS else (word[:-1] if word.endswith("e") else "")
    return one in SITE_WORDS and one not in _OWN_SITE_WORDS | {"island", "mountain"}


def _kind_only(name: str) -> bool:
    """Whether a name is only words saying what kind of site it is ("Restaurant" of
    "the Zebra Bar and Restaurant"): the end of the name before it, not a name.

    >>> _kind_only("Restaurant"), _kind_only("Tusker Restaurant")
    (True, False)
    """
    return all(w.lower() in SITE_WORDS for w in name.split())


def _clean(name: str) -> str:
    """The name without a trailing possessive or dot, cut before "of" + a country.

    >>> _clean("Ia Drang Valley of South Vietnam's Central Highlands"), _clean("Gao's")
    ('Ia Drang Valley', 'Gao')
    """
    name = re.sub(r"['’]s?$", "", name.rstrip(".,")).strip()
    name = re.sub(r"\s+(?:of|de|del|la|le|du|des|al|el|da|di|van|von|y)$", "", name)
    owner = owner_of(name)
    if owner is not None and country_of(owner[0]):
        name = name[owner[1] :]  # "Somalia's Gedo region"
    of = re.search(r"\s+of\s+(?:the\s+)?(.+)$", name)
    if of is not None and (country_of(of.group(1)) or re.search(r"['’]s\b", of.group(1))):
        name = name[: of.start()]
    return name


def _starts_with_one(key: str, names: set[str]) -> bool:
    """Whether ``key`` is one of ``names`` or starts with one and a space (each of its
    first words looked up, not each name tried: a long document gives thousands).

    >>> _starts_with_one("malian army base", {"malian army"}), _starts_with_one("mali", {"ma"})
    (True, False)
    """
    return key in names or any(key[:at] in names for at, char in enumerate(key) if char == " ")


def _is_name(name: str, avoid: set[str]) -> bool:
    """Whether ``name`` can be a place: not a country, people, date or known actor."""
    words = name.split()
    if not words or words[0].lower() in _STOP_WORDS:
        return False
    key = name_key(name)
    if _starts_with_one(key, avoid) or _FORCE.search(name):
        return False  # an actor, or its base ("the Malian Army base")
    if _EVENT_NAME.match(name) or names_an_event(name):
        return False  # "also known as the Battle of X", "in the Velmar War": an event
    if words[0].lower() in MONTH_NUMBERS or words[0] in WEEKDAYS or country_of(name) is not None:
        return False
    if len(words) > 1 and demonym_countries(name):
        return False  # a people of two words ("the Sri Lankan capital")
    if name.lower() in _NOT_SITES or words[-1].lower() in _NOT_SITE_ENDS:
        return False  # a continent or a sea
    if re.search(r"['’]s\s+[a-z]", name):
        return False  # "Kabul's airport" describes, it does not name
    if words[0][0].isdigit() and not re.match(r"\d+(?:st|nd|rd|th)\b", words[0]):
        return False  # a street number ("671 Main Street") or a time
    if _FLIGHT.search(name):
        return False  # an aircraft ("seized Skyways Flight 12"), not where it was
    if len(words) == 1 and name.endswith("s") and demonym_countries(name[:-1]):
        return False  # a people ("struck the Danes first")
    proper = [
        w
        for w in words
        if (not w[0].islower() or re.match(_PARTICLE + "[A-Z]", w)) and not demonym_countries(w)
    ]
    return bool(proper) and not (demonym_countries(words[0]) and not _site_word(name))


def _labelled(found: tuple[Entity, ...], begin: int, end: int) -> str | None:
    """The label of the entity covering ``[begin, end)`` of the sentence, if any."""
    for entity in found:
        if entity.begin <= begin and end <= entity.end + 1:
            return entity.label
    return None


def _main_candidates(
    text: str,
    sentences: Iterable[Sentence],
    main_name: str,
    main_date: DateRange | None,
    sites: tuple[str, ...],
    avoid: set[str],
) -> Iterator[tuple[Sentence, list[tuple[str, int, int, bool, bool, str]]]]:
    """The candidates of each sentence telling of the main event (see the module doc);
    what a sentence is about is asked only when it names a candidate."""
    about = Aboutness(text, "main", main_name, main_date, {s: f"site:{s}" for s in sites})
    sentences = list(sentences)
    asked = list(dict.fromkeys(s.text for s in sentences if may_name_sites(s)))
    tagged = dict(zip(asked, entities_of(asked), strict=True))
    for sentence in sentences:
        about.observe(sentence)
        if not _open(sentence):
            continue
        found = _candidates(sentence, avoid)
        found += _entity_candidates(sentence, tagged.get(sentence.text, ()), avoid, found)
        if not found or dated_elsewhere(sentence, main_date):
            continue
        key = about.about(sentence, sentence.span.begin, sentence.span.end)
        if key == "main" or key.startswith("site:"):
            yield sentence, found


def may_name_sites(sentence: Sentence) -> bool:
    """Whether the tagger is asked about ``sentence``: in a section that can tell of the
    main event's sites, with a capitalised word after its first.

    >>> from attackgraph.model import Span
    >>> text = "Gunmen stormed the Palace cinema."
    >>> may_name_sites(Sentence(Span(0, len(text), text, 1), ("Attack",), 0, False))
    True
    >>> may_name_sites(Sentence(Span(0, len(text), text, 1), ("Background",), 0, False))
    False
    """
    return _open(sentence) and _INNER_CAPITAL.search(sentence.text) is not None


def _open(sentence: Sentence) -> bool:
    """Whether a sentence's section can tell of the main event's sites."""
    top = sentence.sections[0] if sentence.sections else ""
    return not (
        BACKGROUND_SECTIONS.match(top) or AFTERMATH_SECTIONS.match(top) or _SKIP_SECTIONS.match(top)
    )


_INNER_CAPITAL: Final = re.compile(rf"\S\s+[\"“(]?(?:{_PARTICLE})?[{_UPPER}]")
"""A capitalised word after the sentence's first: only then can the tagger find a place."""
ENTITY_GOVERNOR: Final = "entity"
"""The governing word of a candidate only the tagger reads as a place (no locative word
or attack verb before it): the classifier alone decides whether it is a site."""


def _entity_candidates(
    sentence: Sentence,
    found: Sequence[Entity],
    avoid: set[str],
    taken: Sequence[tuple[str, int, int, bool, bool, str]],
) -> list[tuple[str, int, int, bool, bool, str]]:
    """The places (GPE, LOC, FAC) the tagger reads in a sentence where no locative word
    governs them ("flew on to Tripoli", "leaving Camp Speicher", "the villages of the
    valley, Alisingha among them"), beyond the candidates ``taken`` by the rules: the
    governing word :data:`ENTITY_GOVERNOR`.

    >>> from attackgraph.model import Span
    >>> text = "The gunmen left Camp Speicher and drove to Tikrit."
    >>> s = Sentence(Span(0, len(text), text, 1), (), 0, False)
    >>> tags = (Entity("FAC", 16, 29, "Camp Speicher"), Entity("GPE", 43, 49, "Tikrit"))
    >>> [c[0] for c in _entity_candidates(s, tags, set(), [])]
    ['Camp Speicher', 'Tikrit']
    """
    text = sentence.text
    spans = [(begin, end) for _, begin, end, *_ in taken]
    out = []
    for entity in found:
        if entity.label not in _PLACE_LABELS:
            continue
        begin = entity.begin
        raw = entity.text
        if raw.lower().startswith("the "):
            begin, raw = begin + 4, raw[4:]
        name = _clean(raw)
        kind = _KIND_AFTER.match(text, begin + len(name))
        if kind is not None and name == raw:
            name += kind.group(0)  # "the Tarn bridge": the tagger stops before the kind
        end = begin + len(name)
        if any(b < end and begin < e for b, e in spans):
            continue
        before = text[:begin]
        if _TREATED.search(before) or _OTHER_EVENT.search(before) or _DESCRIBES.search(before):
            continue
        if _CARE.search(name) or _UNIT_AFTER.match(text, end):
            continue
        if _is_name(name, avoid):
            out.append((name, begin, end, False, False, ENTITY_GOVERNOR))
    return out


def _candidates(sentence: Sentence, avoid: set[str]) -> list[tuple[str, int, int, bool, bool, str]]:
    """(name, begin, end, near, sited, governing word) of each locative name in the
    sentence (sentence offsets); ``sited``: the words around it say it is a place
    ("village of X", "X and Y stations", "the X concert hall")."""
    text = sentence.text
    found = []
    for m in _LOCATIVE.finditer(text):
        before = text[: m.start("name")]
        if _TREATED.search(before) or _OTHER_EVENT.search(before) or _DESCRIBES.search(before):
            continue
        prep = m.group("prep")
        if BODY_ON.search(text, 0, m.start("name")):
            continue  # "the Commission on the Truth": the body's subject
        attack = _ATTACK_VERB.match(prep.lower()) is not None
        sited = _NAMED_AS_PLACE.search(prep) is not None or m.group("kind") is not None
        if _LISTED.match(prep):
            if not _lists_places(text[: m.start("prep")]):
                continue  # "killing six, including Colonel X"
            prep, sited = "among", True
        first = m.group("name") + (m.group("kind") or "")  # "the Conoco gas plant"
        names = [(first, m.start("name"))]
        tail = m.group("more") or ""
        for extra in re.finditer(_NAME, tail):
            begin = m.start("more") + extra.start("name")
            previous, at = names[-1]
            if _kind_only(extra.group("name")) and text[at + len(previous) : begin] == " and ":
                names[-1] = (text[at : begin + len(extra.group("name"))], at)  # "X Bar and Grill"
            else:
                names.append((extra.group("name"), begin))
        plural = _PLURAL_SITE.search(names[-1][0]) if len(names) > 1 else None
        word, sharing = "", len(names)
        if plural is not None and plural.group("word") in SITE_WORDS:
            names[-1] = (names[-1][0][: plural.start()], names[-1][1])  # "X and Y stations"
            sited, word, sharing = True, " " + plural.group("word"), len(names) - 1
            while sharing > 0 and not _site_word(names[sharing - 1][0]):
                sharing -= 1  # not "the X headquarters and the Y and Z hotels"
        for k, (raw, begin) in enumerate(names):
            name = _clean(raw)
            end = begin + len(name)
            shared = word if k >= sharing else ""
            name += shared
            if _CARE.search(name) and not attack:
                continue  # where the wounded were treated, unless it was attacked
            if not shared and _several_sites(name):
                continue  # "troops guarded Hindu temples": sites of a kind, no one place
            if not shared and _UNIT_AFTER.match(text, end):
                continue  # a unit named after its home ("the Gloucestershire battalion")
            named = sited or _APPOSED_KIND.match(text, end) is not None
            named = named or (attack and text.endswith("the ", 0, begin))  # "stormed the X"
            if _is_name(name, avoid):
                found.append((name, begin, end, prep == "near", named, prep))
    return found + _directed(text, avoid, {begin for _, begin, *_ in found})


def _names_a_place(text: str, begin: int, prep: str) -> bool:
    """Whether the name at ``begin`` that ``prep`` ("known as", "called") gives is the
    name of a place: it names a kind of place written before it ("a lane known to the
    traders as the Elbow", "Harbour Road, known as the Strip") or where something
    happened ("at what became known as Simba Ford"), the naming word a clause of that
    place in the parse (not of the sentence: "they wept outside the hall, later known as
    the Mourning Photograph").

    >>> _names_a_place("They fled up a lane known as the Elbow.", 33, "known as")
    True
    >>> _names_a_place("They swam the river at what became known as Simba Ford.", 44, "known as")
    True
    >>> _names_a_place("Their leader, Omari Juma, known as Kipepeo, escaped.", 35, "known as")
    False
    """
    at = text.rfind(prep, 0, begin) if _NAMING.search(prep) else -1
    found = _A_PLACE_BEFORE.search(text, 0, at) if at > 0 else None
    if found is None:
        return False
    noun = (found.group("noun") or "").lower()
    if noun and not any(w in SITE_WORDS or w in PLACE_NOUNS for w in (noun, noun[:-1])):
        return False
    word = next((t for t in parse(text) if t.idx >= at and _NAMING.match(t.text)), None)
    return word is not None and word.dep_ in _CLAUSE_OF_A_NOUN


_NAMING: Final = re.compile(r"\b(?:known|called)\b")
_CLAUSE_OF_A_NOUN: Final = frozenset({"acl", "relcl", "pcomp"})
"""The parse's labels of a naming word describing the noun or the "what" before it."""
_A_PLACE_BEFORE: Final = re.compile(
    r"(?:\b(?P<noun>[A-Za-z]+),?|\b(?:at|in|on|into|onto|to|near)\s+what\s+"
    r"(?:is|was|were|are|became|has\s+become|had\s+become))\s+$",
    re.IGNORECASE,
)


def _lists_places(before: str) -> bool:
    """Whether the words before a list opener name places in the plural ("the old
    districts, among them", "five camps in the two provinces, including").

    >>> _lists_places("gunmen burned several hamlets, "), _lists_places("six were killed, ")
    (True, False)
    >>> _lists_places("to report to mass screening centres, ")
    True
    >>> _lists_places("five camps in X and Y, "), _lists_places("villages in what was then X, ")
    (True, True)
    """
    for m in _PLURAL_PLACES.finditer(before):
        if _TO_OPENER.fullmatch(before, m.end()) is None:
            continue
        word = m.group("word")
        for stem in (word, word + "e", word[:-1] + "y" if word.endswith("i") else word):
            if stem in SITE_WORDS or stem in _AREA_PLURALS:
                return True
    return False


_AREA_PLURALS: Final = frozenset(
    """
    district province region state county commune municipality neighbourhood neighborhood
    settlement hamlet centre center site location area quarter township
    """.split()
)


def _directed(
    text: str, avoid: set[str], taken: set[int]
) -> list[tuple[str, int, int, bool, bool, str]]:
    """The names a sentence places by a compass direction, as positions of a battlefield:
    "Kestrel and Osprey to the north, Heron five kilometres to the south", "from the Old
    Mill in the west to the Long Spur in the east" (the governing word ``compass``).

    >>> text = "Posts were built: Kestrel and Osprey to the north, and Heron 2 km to the south."
    >>> [name for name, *_ in _directed(text, set(), set())]
    ['Kestrel', 'Osprey', 'Heron']
    """
    found = []
    for m in _DIRECTED.finditer(text):
        for extra in re.finditer(_NAME, m.group("list")):
            begin = m.start("list") + extra.start("name")
            name = _clean(extra.group("name"))
            if begin not in taken and _is_name(name, avoid):
                found.append((name, begin, begin + len(name), False, True, "compass"))
    return found


class _ActorNames:
    """Actor names, indexed by the three-character pieces they hold, to tell whether a
    stretch of a sentence lies in one ("State in the Greater Sahara"): a name can cover a
    stretch only if it holds the stretch's text, so only names holding its rarest piece
    are looked for in the sentence. Asking costs the same however many names a long
    document gives (each was once looked for with its own regular expression).

    >>> names = _ActorNames(["Islamic State in the Greater Sahara", "Boko Haram"])
    >>> text = "Islamic State in the Greater Sahara fighters attacked Menaka."
    >>> names.cover(text, 21, 35), names.cover(text, 54, 60)
    (True, False)
    """

    def __init__(self, names: Iterable[str]) -> None:
        self.names = list(names)
        self.pieces: dict[str, list[str]] = {}
        for name in self.names:
            for piece in dict.fromkeys(name[k : k + 3] for k in range(len(name) - 2)):
                self.pieces.setdefault(piece, []).append(name)

    def cover(self, text: str, begin: int, end: int) -> bool:
        """Whether ``text[begin:end]`` lies in an occurrence of a name: those a scan of
        ``text`` from its start finds, one after another without overlap (as
        ``re.finditer`` of the name finds them)."""
        stretch = text[begin:end]
        if len(stretch) < 3:
            names: list[str] = self.names
        else:
            buckets = (self.pieces.get(stretch[k : k + 3], []) for k in range(len(stretch) - 2))
            names = min(buckets, key=len)
        for name in names:
            if stretch not in name:
                continue
            at = text.find(name)
            while 0 <= at <= begin:
                if end <= at + len(name):
                    return True
                at = text.find(name, at + len(name))
        return False


class _Known:
    """Known place names, as the word sequences inside them, so that :meth:`holds` asks
    one set however many names a long document gives (a name of more than
    :data:`_INDEXED_WORDS` words is read word by word instead).

    >>> known = _Known(["JW Marriott Hotel"])
    >>> known.holds("Marriott"), known.holds("Gao town"), known.holds("Mopti")
    (True, False, False)
    >>> known.add("Gao"); known.holds("Gao town")
    True
    >>> known.holds("Gao valley"), known.holds("Gao airport"), known.holds("Gao beach area")
    (False, True, True)
    >>> known.add("Église Saint-Jean Bosco"); known.holds("St. Jean Bosco")
    True
    """

    def __init__(self, names: Iterable[str] = ()) -> None:
        self.inside: set[tuple[str, ...]] = set()
        self.long: list[tuple[str, ...]] = []
        self.kinds: dict[str, set[str]] = {}
        """Each word of a known name -> the site words of the names holding it."""
        self.empty = True
        for name in names:
            self.add(name)

    def add(self, name: str) -> None:
        words = _known_words(name)
        self.empty = False
        kinds = {w for w in words if w in _OWN_SITE_WORDS}
        for word in words:
            self.kinds.setdefault(word, set()).update(kinds)
        if len(words) > _INDEXED_WORDS:
            self.long.append(words)
            return
        for k in range(len(words)):
            self.inside.update(words[k:end] for end in range(k + 1, len(words) + 1))

    def holds(self, name: str) -> bool:
        """Whether ``name`` is a known place, words of one ("Taj" of "Taj Mahal hotel",
        "Marriott" of "JW Marriott Hotel"), or one with a word saying what kind of place it
        is ("Gao town"). A known name followed by a word for a landform of its own ("Gao
        valley", "the Tana river bridge") is another place, unless a known name holding
        that name also holds the word ("Gao hills" when "Gao Hills Reserve" is known)."""
        head = re.sub(r"(?:\s+[a-zà-ÿ][\w-]*)+$", "", name) or name
        words = _known_words(head)
        if not words:
            return not self.empty
        n = len(words)
        held = words in self.inside or any(
            words == other[k : k + n] for other in self.long for k in range(len(other) - n + 1)
        )
        tail = name_key(name[len(head) :]).split()[-1:]  # "the X river bridge": a bridge
        own = {w for w in tail if w in _OWN_SITE_WORDS}
        return held and own <= self.kinds.get(words[0], set())


def _known_words(name: str) -> tuple[str, ...]:
    """The words of a name as known places are indexed, "St" before a word read as
    "Saint" ("St. Jean Bosco" is "Saint-Jean Bosco").

    >>> _known_words("St. Jean Bosco") == _known_words("Saint-Jean Bosco"), _known_words("Elm St")
    (True, ('elm', 'st'))
    """
    words = name_key(name).split()
    return tuple("saint" if w == "st" and k + 1 < len(words) else w for k, w in enumerate(words))


_INDEXED_WORDS: Final = 24
"""Names of up to this many words are indexed by every word sequence inside them."""
_OWN_SITE_WORDS: Final = frozenset(
    """
    valley hill hills ridge spur mountain mountains massif forest river creek dam bridge pass
    gorge plateau swamp marsh canal
    """.split()
)
"""Words naming a landform or a crossing of its own after a town's name ("the Tana
valley", "the Tana river bridge" are not Tana), unlike the words for the town itself or
its area ("Tana town"). A building named after its town ("the Tana school") is left out:
it is as often the event's site called by the town's name."""
_KIND_AFTER: Final = re.compile(
    r"(?:\s+(?!(?:the|an?|and|or|in|on|at|of|to|from|by|for|with|near|into|is|was|were)\s)"
    r"[a-z]+)?\s+(?:" + "|".join(sorted(_OWN_SITE_WORDS, key=len, reverse=True)) + r")\b(?!['’-])"
)
"""A lowercase word for a landform or a crossing after a place the tagger reads ("the
Tarn valley", "the Brenn river bridge"): the tagger's place ends before it, the site's
name does not (a building named after its town stays the town, as :class:`_Known` has it)."""


def site_candidates(
    text: str,
    sentences: Sequence[Sentence],
    *,
    main_name: str,
    main_date: DateRange | None,
    sites: tuple[str, ...],
    known: Iterable[str],
    actors: Iterable[str],
) -> list[SiteContext]:
    """Every name the prose reads as a possible site of the main event, beyond the
    ``known`` place names, with what is said around it (see :func:`prose_sites`)."""
    actor_names = [a for a in dict.fromkeys(actors) if len(a) > 3]
    inside_actor = _ActorNames(actor_names)
    avoid = {name_key(a) for a in actor_names}
    seen = _Known(known)
    candidates = []
    for sentence, read in _main_candidates(text, sentences, main_name, main_date, sites, avoid):
        found = [
            (name, begin, end, near, sited or _site_word(name), prep)
            for name, begin, end, near, sited, prep in read
            if not seen.holds(name) and not inside_actor.cover(sentence.text, begin, end)
        ]
        if found:
            candidates.append((sentence, found))
    texts = list(dict.fromkeys(s.text for s, _ in candidates))
    labels = dict(zip(texts, entities_of(texts), strict=True))
    first = next((s for s in sentences if not s.sections and len(s.text.split()) >= 3), None)
    title = name_key(main_name)
    named = dict.fromkeys(name for _, found in candidates for name, *_ in found)
    counts = {name: text.count(name) for name in named}  # each name's mentions counted once
    return [
        SiteContext(
            sentence=sentence,
            name=name,
            begin=begin,
            end=end,
            prep=prep,
            label=_labelled(labels[sentence.text], begin, end),
            sited=sited,
            near=near,
            first=sentence is first,
            mentions=counts[name],
            in_title=bool(name_key(name)) and f" {name_key(name)} " in f" {title} ",
        )
        for sentence, found in candidates
        for name, begin, end, near, sited, prep in found
    ]


def prose_sites(
    text: str,
    sentences: Sequence[Sentence],
    *,
    main_name: str,
    main_date: DateRange | None,
    sites: tuple[str, ...],
    known: Iterable[str],
    actors: Iterable[str],
) -> tuple[PlaceMention, ...]:
    """Places of the main event named in its prose, beyond the ``known`` place names:
    the candidates of :func:`site_candidates` the site classifier accepts.

    ``sites`` are the infobox's sites of a coordinated attack (each a sub-event);
    ``actors`` are names that are actors, never places.
    """
    known = list(known)
    stated = {name_key(k) for k in known}
    actors = list(actors)
    avoid = {name_key(a) for a in actors if len(a) > 3}
    seen = _Known(known)
    model = shipped_site_model()
    mentions: list[PlaceMention] = []
    for candidate in site_candidates(
        text,
        sentences,
        main_name=main_name,
        main_date=main_date,
        sites=sites,
        known=known,
        actors=actors,
    ):
        ruled = candidate.prep != ENTITY_GOVERNOR and (
            candidate.sited or candidate.label in _PLACE_LABELS
        )
        if _said_there(candidate):
            continue  # "In X, the minister condemned the attack": where it was said
        if not ruled and _where_it_happened(candidate):
            pass  # "the bodies were burned in kilns at X": the tagger's label aside
        elif not ruled and _names_a_place(candidate.sentence.text, candidate.begin, candidate.prep):
            pass  # "a lane known as the Elbow": the name of a place, whoever it sounds like
        elif not ruled and candidate.label in _NOT_PLACE_LABELS:
            continue  # the classifier never makes a person or a people a place
        elif model.probabilities(site_features(candidate))[SITE] < (
            SITE_VETO if ruled else SITE_THRESHOLD
        ):
            continue
        name, sentence, begin, end = (
            candidate.name,
            candidate.sentence,
            candidate.begin,
            candidate.end,
        )
        owner = owner_of(name)
        if owner is not None and name_key(owner[0]) in stated:
            name, begin = name[owner[1] :], begin + owner[1]  # "Gao's X market": X market
        if seen.holds(name):
            continue
        seen.add(name)
        kind = PlaceKind.REGION if ADMIN_WORDS.search(name) else PlaceKind.LOCALITY
        inside = _container(sentence, end, avoid)
        container = inside.text if inside is not None else None
        if container is None and begin != candidate.begin and owner is not None:
            container = owner[0]  # the known place it lies in
        span = _span(sentence, begin, end)
        mentions.append(
            PlaceMention(name, kind, span, container, None, None, candidate.near, prose=True)
        )
        if inside is not None and name_key(inside.text) not in stated:
            # the place it is stated to lie in, a link of the chain ("the X cafe in Y")
            stated.add(name_key(inside.text))
            seen.add(inside.text)
            outer_kind = PlaceKind.REGION if ADMIN_WORDS.search(inside.text) else PlaceKind.LOCALITY
            mentions.append(PlaceMention(inside.text, outer_kind, inside, prose=True))
    return tuple(mentions)


_ACT_HEAD: Final = re.compile(
    r"^(?:storm|seiz|strik|struck|attack|raid|bomb|occup|enter|hit|target|destroy|damag|"
    r"kill|dead|died|wound|injur|shot|shoot|massacr|explo|detonat|blast|fire|burn|buri|bury|"
    r"plant|land|advanc|push|fought|fight|clash|beat|thrown|throw|round|shell|strafe|abduct|"
    r"kidnap|execut|murder)",
    re.IGNORECASE,
)
"""Words of the attack or its toll, as written (the parse carries no lemmas): the
attack verbs of :data:`_LOCATIVE` but "took" ("negotiations took place at X"), the toll's
words, and the acts of a massacre or a battle ("buried", "burned", "thrown", "advanced",
"pushed")."""
_WHERE_PREPS: Final = frozenset(
    "in at near into inside outside through around towards toward across along onto".split()
)


def _where_it_happened(candidate: SiteContext) -> bool:
    """Whether the parse hangs a candidate, through its locative word, on a word of the
    attack or its toll ("the bodies were burned at X", "devices exploded at X and Y",
    "those killed at X"): the place where the event's act happened, whatever the
    tagger calls the name."""
    if candidate.prep.lower() not in _WHERE_PREPS:
        return False
    token = _name_root(candidate)
    while token is not None and token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "through X and Y": Y hangs on X
    if token is None or token.dep_ != "pobj" or token.head.text.lower() != candidate.prep.lower():
        return False
    return _ACT_HEAD.match(token.head.head.text) is not None


_SAYING: Final = re.compile(
    r"(?:say|says|said|tells?|told|writes?|wrote|speak|speaks|spoke|speaking|announc|"
    r"states?\b|stated|repl|condemn|express|vow)",
    re.IGNORECASE,
)
"""Verbs of saying or of a reaction, as written (the parse carries no lemmas); not the
tallying verbs ("At X, the commission put the dead at 3,500" tells of X)."""
_SAYING_WORD: Final = re.compile(rf"\b{_SAYING.pattern}", re.IGNORECASE)


def _said_there(candidate: SiteContext) -> bool:
    """Whether the parse hangs a candidate, through its locative word, on a verb of
    saying with a subject of its own ("In X, the minister condemned the attack", "wrote
    in the Y", "speaking at the Z"): where someone spoke, not where the event happened
    ("deaths were reported in X" tells of the event). Only a sentence with such a word
    is parsed."""
    if _SAYING_WORD.search(candidate.sentence.text) is None:
        return False
    token = _name_root(candidate)
    if token is None or token.dep_ != "pobj":
        return False
    verb = token.head.head
    if _SAYING.match(verb.text) is None:
        return False
    return verb.dep_ in ("advcl", "acl") or any(c.dep_ == "nsubj" for c in verb.children)


def _name_root(candidate: SiteContext) -> Token | None:
    """The word of a candidate's name the parse hangs the rest of the name on."""
    doc = parse(candidate.sentence.text)
    inside = (t for t in doc if candidate.begin <= t.idx < candidate.end)
    return next((t for t in inside if not candidate.begin <= t.head.idx < candidate.end), None)


def _container(sentence: Sentence, end: int, avoid: set[str]) -> Span | None:
    """The place a name is stated to lie in: "X in Y", "X, a bar in Y", "X in Mali's Y"."""
    m = _THEN_INSIDE.match(sentence.text, end)
    if m is None:
        return None
    name = _clean(m.group("name").rstrip(".'’"))
    begin = m.start("name") + m.group("name").find(name)
    return _span(sentence, begin, begin + len(name)) if _is_name(name, avoid) else None


def _span(sentence: Sentence, begin: int, end: int) -> Span:
    base = sentence.span
    line = base.line + sentence.text.count("\n", 0, begin)
    return Span(base.begin + begin, base.begin + end, sentence.text[begin:end], line)
