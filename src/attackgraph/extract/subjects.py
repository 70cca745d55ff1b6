"""Who a verb's subject is: the words before a reporting verb that name the source.

Read within the verb's clause (after the last ``;``, ``:``, "that", "while", "but",
"said" ...), skipping adverbs and auxiliaries ("later", "initially", "had"). The
clause's comma-separated parts are read as appositions: "Babakura Kolo, a local
militia member, told" -> "Babakura Kolo"; "Its spokesman, Lawrence Kanyuka, said" ->
"Lawrence Kanyuka"; "On 5 May, the army said" -> "the army". A relative clause is
dropped ("sources who went to the scene said" -> "sources"), an object relative read
("..., which members of Congress said" -> "members of Congress"), and "witnesses
interviewed by X" or "an investigation by X" give X. A passive verb ("was reported"),
a negated subject ("No group claimed"), a relative pronoun ("those who said") or words
that cannot name a source (:func:`plausible_source`) give no subject.
"""

from __future__ import annotations

import re
from typing import Final

from attackgraph.extract.amounts import PERSON_NOUNS
from attackgraph.extract.cue_words import DOCUMENTS
from attackgraph.extract.number_words import SMALL_NUMBERS
from attackgraph.reference.lexicon import MONTH_NAMES, WEEKDAYS

__all__ = [
    "PRONOUNS",
    "SOURCE_NOUNS",
    "coordinated_verb",
    "inverted_subject",
    "is_passive",
    "leading_subject",
    "plausible_source",
    "subject_after",
    "subject_before",
    "trim",
]

SOURCE_NOUNS: Final = frozenset(
    """
    official officials source sources authority authorities government governments ministry navy
    ministries military army police forces witness witnesses resident residents survivor
    survivors investigator investigators investigation investigations inquiry officer
    officers spokesman spokeswoman spokesperson spokesmen commander commanders governor
    minister ministers president doctor doctors hospital hospitals medic medics rescuers
    mission agency agencies group militants insurgents rebels jihadists media report
    reports statement statements count counts tally tallies estimate estimates account
    accounts observer observers monitor monitors analyst analysts expert experts locals
    villagers relatives family families leader leaders chief coroner prosecutor prosecutors
    court judge office command department secretary senator representative ambassador
    embassy newspaper agency channel organisation organization movement coalition council
    administration presidency spokespeople detectives journalists reporters summary
    committee commission tribunal mayor staff operator airline company prefect prefecture
    opposition union unions association federation clinic morgue mortuary paramedics
    firefighters municipality church diocese charity monitor observatory parents campaigners
    activists lawyers prosecutors historians scholars researchers team laboratory lab panel
    institute foundation service network broadcaster station bureau unit inspectorate
    watchdog judiciary prosecution inquest histories centre center jury juries examiner
    commissioner commissioners superintendent inspector envoy director surgeon colonel captain
    """.split()
)
"""Common nouns that can name a source ("local security sources", "the ministry")."""

PRONOUNS: Final = frozenset({"he", "she", "it", "they", "we"})


_SKIP_BACK: Final = re.compile(
    r"(?:\s*,)?\s+(?:later|initially|first|also|then|subsequently|previously|earlier|officially|"
    r"separately|publicly|quickly|soon|eventually|finally|again|itself|himself|herself|"
    r"reportedly|repeatedly|immediately|still|now|had|has|have|would|could|did|does|do|"
    r"once|at\s+first|more\s+cautiously|too|however,?|meanwhile,?|"
    r"(?:went\s+on|goes\s+on|go\s+on|began|begins|continued|continues|started|starts|came|"
    r"appeared|decided|moved)\s+to|"  # "X went on to put the toll at": X
    r"(?!(?:family|assembly|supply|rally|ally|anomaly|"
    r"monopoly|homily|jelly|belly|bully)\b)[a-z]{3,}ly)\s*$"
)

_CLAUSE_START: Final = re.compile(
    r"[;:]|\b(?:that|while|whereas|but|although|though|because|since|if|when|where|after|"
    r"before|as|so|however|and\s+that|said|says|stated|told|announced|reported|added|"
    r"claimed)\b"
)

_APPOSITIVE: Final = re.compile(
    r"(?:a|an|the|who|which|whose|its|his|her|their|one|citing|quoting|chief|head|leader|member|"
    r"director|"
    r"commander|spokesman|spokeswoman|spokesperson)\b"
    r"|[A-Z][\w-]*['’]s\s+[a-z]"  # "Australia's deputy ambassador": a possessive description
)

_RELATIVE: Final = re.compile(r"\s(?:who|which|whose|that)\s")

_MADE_BY: Final = re.compile(
    r"\s+(?:set\s+up|appointed|created|formed|established|chaired|headed|commissioned|named)\s*$"
)
_BY: Final = re.compile(r"\bby\s+(?=(?:the\s+)?[A-Z])")
_UNDER: Final = re.compile(r"(\w+)\s+under\s+(?=(?:the\s+)?[A-Z])")
"""A body and who leads it ("a Special Commission under Judge X"); a body without a name
("an inquiry under Judge X") is known by its leader's."""

_ACRONYM_AFTER: Final = re.compile(r"\s+\([A-Z][A-Za-z0-9]{1,9}\)$")
"""An acronym in brackets that ends a name ("... Board (LRB)")."""
_NAME_TOKEN: Final = re.compile(
    r"(?:[A-Z0-9][\w'’.-]*|(?:al|el|ad|ash|as|an|ar|at|bin|ibn)-[A-Z][\w'’-]*|of|for|the|de|du|"
    r"des|da|do|dos|van|von|der|la|le|wal|al|bin|ibn|y|and|&)"
)

_NAME_THEN_VP: Final = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+)+)([a-z]+)\b(?=.*\b(?:a|an|the|his|her|its|their)\b)"
)

_WORD: Final = r"[\w'’-]+(?:\.[\w'’-]+)*"
_INVERTED: Final = re.compile(
    rf"\s+((?:[A-Z]{_WORD}|the|a|an|[a-z]+man|spokesperson)(?:\s+{_WORD}){{0,6}}?)"
    r"\s*[.!?\"”’]*\s*$"
)
_LINKS: Final = frozenset("and or of for the in de du des da wal al bin ibn".split())
_NOT_NAME_START: Final = frozenset(
    "On In At By During After Before Within Since From For Over Under Days Hours Weeks "
    "Months Early Late However Then Later Earlier Meanwhile When While Following".split()
)

_QUANTIFIERS: Final = frozenset(
    "Some Most Many Several Other Others Both All Few Early Later Initial First".split()
)
"""Capitalised words opening a noun phrase that are no name ("Some press accounts")."""

_MONTH_WORDS: Final = frozenset(MONTH_NAMES)

_DAY_WORDS: Final = _MONTH_WORDS | frozenset(WEEKDAYS)

_VERBISH: Final = re.compile(
    r"\b(?:is|was|were|are|had|has|have|been|be|did|do|does|[a-z]{3,}ed)\b"
)


def _strip_back(text: str, floor: int, end: int) -> int:
    """``end`` moved back over spaces, adverbs and auxiliaries before a verb."""
    while True:
        m = _SKIP_BACK.search(text, floor, end)
        if m is None or m.start() < floor:
            break
        end = m.start()
    while end > floor and text[end - 1].isspace():
        end -= 1
    return end


def _is_name(words: str) -> bool:
    """Whether ``words`` read as a proper name ("Babakura Kolo", "The UN", "The Lake
    Review Board (LRB)": an acronym in brackets after the name is part of its writing)."""
    tokens = _ACRONYM_AFTER.sub("", words).split()
    return (
        bool(tokens)
        and tokens[0][:1].isupper()
        and tokens[0] not in _NOT_NAME_START
        and all(_NAME_TOKEN.fullmatch(t) and t not in _MONTH_WORDS for t in tokens)
        and not all(t[0].isdigit() for t in tokens)
    )


def _comma_parts(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    parts, depth, start = [], 0, begin
    for i in range(begin, end):
        c = text[i]
        depth += 1 if c == "(" else -1 if c == ")" and depth else 0
        if c == "," and depth == 0:
            parts.append((start, i))
            start = i + 1
    parts.append((start, end))
    return [trim(text, b, e) for b, e in parts]


def trim(text: str, begin: int, end: int) -> tuple[int, int]:
    """``(begin, end)`` moved inwards past spaces and ``,;:``. Never raises.

    >>> trim(" , the army ;", 0, 13)
    (3, 11)
    """
    while begin < end and (text[begin].isspace() or text[begin] in ",;:"):
        begin += 1
    while end > begin and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return begin, end


def _noun_phrase(text: str, begin: int, end: int) -> tuple[int, int] | None:
    """The source words of one comma part: relative clauses and "X by Y" read."""
    m = _RELATIVE.search(text, begin, end)
    if m is not None:
        end = m.start()
    under = _UNDER.search(text, begin, end)
    if under is not None and under.group(1).lower() in SOURCE_NOUNS:
        if under.group(1).istitle():  # "a Special Commission under Judge X": the commission
            end = under.end(1)
        else:  # "an inquiry under Judge X": the judge
            begin = under.end()
    by = _BY.search(text, begin, end)
    made = _MADE_BY.search(text, begin, by.start()) if by is not None else None
    if made is not None:  # "a committee set up by the president": the committee
        end = made.start()
    elif by is not None and not _is_name(text[begin : by.start()].strip()):
        begin = by.end()
    vp = _NAME_THEN_VP.match(text, begin, end)
    if vp is not None and (_common_noun(vp.group(1)) or vp.group(1).strip() in _QUANTIFIERS):
        vp = None  # "Figures from the Red Cross gave", "Some press accounts": no name
    if vp is not None and vp.group(2) not in SOURCE_NOUNS | _LINKS:
        end = begin + len(vp.group(1).rstrip())  # "President X cut short a visit, declared"
    chunk = text[begin:end]
    if " and " in chunk:
        pieces = chunk.split(" and ")
        if any(_VERBISH.search(p) for p in pieces):
            begin = end - len(pieces[-1])
    begin, end = trim(text, begin, end)
    if re.match(r"(?:and|or)\s", text[begin:end]):
        begin, end = trim(text, begin + 3, end)
    return (begin, end) if begin < end else None


def _common_noun(words: str) -> bool:
    """Whether capitalised ``words`` are one noun for a written account of figures that
    opens a sentence ("Figures", "Estimates"), not a name."""
    word = words.strip().lower()
    return word in DOCUMENTS or word in ("figure", "data")


def subject_before(text: str, verb: int, floor: int) -> tuple[int, int] | None:
    """The words naming who does ``text[verb:]``, between ``floor`` and ``verb``.

    ``None`` when the verb is passive ("was reported"), the subject is negated ("No
    group"), or nothing precedes it. Never raises.

    >>> t = "On 5 May, Babakura Kolo, a local militia member, told AFP that six died."
    >>> b, e = subject_before(t, t.index("told"), 0); t[b:e]
    'Babakura Kolo'
    >>> t = "Its spokesman, Lawrence Kanyuka, later said so."
    >>> b, e = subject_before(t, t.index("said"), 0); t[b:e]
    'Lawrence Kanyuka'
    >>> t = "Several security sources who went to the scene said that 160 died."
    >>> b, e = subject_before(t, t.index("said"), 0); t[b:e]
    'Several security sources'
    """
    end = _strip_back(text, floor, verb)
    if is_passive(text, floor, verb):
        return None
    start = floor
    for m in _CLAUSE_START.finditer(text, floor, end):
        start = m.end()
    parts = [p for p in _comma_parts(text, start, end) if p[0] < p[1]]
    last = text[parts[-1][0] : parts[-1][1]] if parts else ""
    if re.search(r"\S\s+(?:who|which|that)$", last):
        return None  # "those who said": the subject is not named here
    rel = re.match(r"(?:which|whom)\s+(?!(?:had|has|have|was|were|is|are|[a-z]+ed)\b)(?=\S)", last)
    if rel:
        parts = [(parts[-1][0] + rel.end(), parts[-1][1])]  # "..., which many members said"
    closed = (bool(parts) and "," in text[parts[-1][1] : verb]) or (
        bool(parts) and re.match(r"(?:who|which|whose)\b", text[parts[-1][0] : parts[-1][1]])
    )  # else the words right before the verb are its subject, not an apposition
    chosen = _choose_part(text, parts if closed else parts[-1:])
    if chosen is None:
        return None
    chosen = _cited(text, chosen, parts) or chosen
    found = _noun_phrase(text, *chosen)
    if found is None or re.match(r"(?:no|neither|nobody|none)\b", text[found[0] : found[1]], re.I):
        return None
    return found


_CITING: Final = re.compile(r"(?:citing|quoting)\s+(?=\S)")
_MEDIA_WORDS: Final = frozenset({*DOCUMENTS, "media", "television", "radio", "press"})
"""Heads of subjects that only relay: "reports on state media, citing X, put" are X's."""


def _cited(
    text: str, chosen: tuple[int, int], parts: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The words after "citing" or "quoting" in the part chosen as the subject, or in the
    part right after it, when the part before names only reports or media ("Initial
    reports on state radio, citing the fire chief, put the dead at 30": the fire chief);
    ``None`` otherwise (a body that cites, "X, citing hospital records, said", stays the
    speaker).

    >>> t = "Initial reports on state radio, citing the fire chief, put the dead at 30."
    >>> b, e = _cited(t, (0, 30), [(0, 30), (32, 53)]); t[b:e]
    'the fire chief'
    >>> b, e = _cited(t, (32, 53), [(0, 30), (32, 53)]); t[b:e]
    'the fire chief'
    >>> _cited("Amnesty, citing records, said", (0, 7), [(0, 7), (9, 23)]) is None
    True
    """
    k = parts.index(chosen) if chosen in parts else -1
    if k < 0:
        return None
    if _CITING.match(text, *chosen) is not None:
        cited, before = chosen, parts[k - 1] if k > 0 else None
    elif k + 1 < len(parts) and _CITING.match(text, *parts[k + 1]) is not None:
        cited, before = parts[k + 1], chosen
    else:
        return None
    words = text[before[0] : before[1]].lower().split() if before is not None else []
    if not any(w in _MEDIA_WORDS for w in words[:2] + words[-1:]):
        return None
    found = _CITING.match(text, *cited)
    return (found.end(), cited[1]) if found is not None else None


def is_passive(text: str, floor: int, verb: int) -> bool:
    """Whether the verb at ``verb`` is passive ("was reported", "had been told").
    Never raises.

    >>> t = "The raid was widely reported."
    >>> is_passive(t, 0, t.index("reported")), is_passive("Police reported it.", 0, 7)
    (True, False)
    """
    end = _strip_back(text, floor, verb)
    return re.search(r"\b(?:was|were|been|being|be|is|are)$", text[floor:end]) is not None


def _choose_part(text: str, parts: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Of the comma parts before a verb, the one naming the subject (see module doc)."""
    for k in range(len(parts) - 1, -1, -1):
        b, e = parts[k]
        appositives = all(_APPOSITIVE.match(text, pb) for pb, _ in parts[k + 1 :])
        if not _is_name(_drop_and(text[b:e])):
            named = _trailing_name(text, b, e)
            if named is not None and k + 1 < len(parts) and appositives:
                return named  # "On 3 May Ada Obi, a spokeswoman for X, said": Ada Obi
            continue
        if appositives:
            return parts[k]
        break
    for k in range(len(parts) - 1, -1, -1):
        b, e = parts[k]
        if k > 0 and _DESCRIBES_PLACE.match(text, b, e) and _AT_NAME.search(text, *parts[k - 1]):
            return parts[k - 1]  # "A doctor at X Hospital, the city's main hospital, said"
        inserted = k > 0 and _PREPOSITION.match(text, b, e) is not None
        if not re.match(r"(?:who|which|whose)\b", text[b:e]) and not inserted:
            return b, e
    return None


_PREPOSITION: Final = re.compile(r"(?:in|to|with|for|from|by|after|during|despite)\s")
_AT_NAME: Final = re.compile(
    r"\s(?:at|in|of|from)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*$"
)
"""A part ending in a place or body named after a preposition ("A doctor at X Hospital")."""
_DESCRIBES_PLACE: Final = re.compile(r"the\s+(?:[\w-]+['’]s\s+)?(?:[a-z-]+\s+){0,3}[a-z]+$")
"""A description with "the" and no name ("the city's main public hospital", "the state
capital"): after a part ending in a name, it describes that name, not the speaker."""
"""An inserted part opened by a preposition ("X, in a message to Y, said") is no subject."""


def _trailing_name(text: str, begin: int, end: int) -> tuple[int, int] | None:
    """The name of two or more capitalised words that ends a part opened by an adverbial
    ("On the evening of 3 May Ada Obi" -> "Ada Obi"); ``None`` otherwise."""
    words = list(re.finditer(r"\S+", text[begin:end]))
    if len(words) < 3 or words[0].group() not in _NOT_NAME_START:
        return None
    k = len(words)
    while k > 1 and _is_name(words[k - 1].group()) and words[k - 1].group() not in _DAY_WORDS:
        k -= 1
    if len(words) - k < 2:
        return None
    return begin + words[k].start(), end


def _drop_and(words: str) -> str:
    return words[4:] if words.startswith("and ") else words


_COUNT_OPENS: Final = re.compile(
    r"\s(?=(?:(?:"
    + "|".join(sorted(set(SMALL_NUMBERS) - {"zero", "one"}, key=len, reverse=True))
    + r"|dozens|hundreds|"
    r"thousands)|\d{1,3}(?:,\d{3})*(?<!\d{4}))\s+[a-z])",
    re.IGNORECASE,
)
_BEFORE_A_COUNT: Final = frozenset("the a an its their his her these those all of some".split())
"""A count opening the clause that a source named without a comma states ("according to
X nineteen militants died"); a year in the name ("the 2010 census") opens none."""


def subject_after(text: str, begin: int, end: int) -> tuple[int, int] | None:
    """The source named after a cue ("according to X, ...", "..., said X."): up to a
    comma, "that"/"who"/"which" or the end of the sentence. Never raises.

    >>> t = "According to the army, six died."
    >>> b, e = subject_after(t, 12, len(t)); t[b:e]
    'the army'
    >>> t = "According to the army nine rebels and 12 soldiers died in the 2010 raid."
    >>> b, e = subject_after(t, 12, len(t)); t[b:e]
    'the army'
    >>> [t[slice(*subject_after(t, 12, len(t)))] for t in (
    ...     "According to the two medics 9 died.", "According to one official, 9 died.",
    ...     "According to the 2010 census data, 9 live there.")]
    ['the two medics', 'one official', 'the 2010 census data']
    """
    stop = end
    m = re.search(r",|\s(?:that|who|which)\s|[.;:!?](?:\s|$)", text[begin:end])
    if m is not None:
        stop = begin + m.start()
    first = begin + len(text[begin:stop]) - len(text[begin:stop].lstrip())
    for count in _COUNT_OPENS.finditer(text, first, stop):
        before = text[first : count.start()].split()
        if before and before[-1].lower() not in _BEFORE_A_COUNT:
            stop = count.start()  # "according to the ministry nineteen militants died"
            break
    b, e = trim(text, begin, stop)
    return (b, e) if b < e else None


def plausible_source(words: str) -> bool:
    """Whether ``words`` can name who says something: a name, a pronoun, a source noun.

    >>> [plausible_source(w) for w in ("The SNA", "it", "local sources", "a nurse", "the attack")]
    [True, True, True, True, False]
    """
    tokens = [t.strip("'’,.()") for t in words.split()]
    if len(tokens) == 1 and tokens[0].lower() in PRONOUNS:
        return True
    return any(
        t[:1].isupper() and t not in ("The", "A", "An") for t in tokens[1:] + tokens[:1]
    ) or any(_source_noun(t.lower().removesuffix("'s")) for t in tokens)


def _source_noun(word: str) -> bool:
    """A noun that can name a speaker: a source noun, a person ("a nurse", "witnesses"),
    or people named by what they do ("organisers", "participants", "refugees").

    >>> [_source_noun(w) for w in ("witnesses", "organisers", "refugees", "numbers", "attack")]
    [True, True, True, False, False]
    """
    singular = word[:-2] + "an" if word.endswith("men") else word.removesuffix("s")
    return (
        word in SOURCE_NOUNS
        or singular in SOURCE_NOUNS
        or word in PERSON_NOUNS
        or singular in PERSON_NOUNS
        or _agents(word)
    )


_AGENT_ENDINGS: Final = ("ers", "ors", "ists", "ants", "ents", "ees", "ians", "eers")
_NOT_AGENTS: Final = frozenset(
    "numbers orders others figures papers letters matters quarters headquarters "
    "centers corners borders waters powers towers chapters errors sectors factors events "
    "comments documents contents incidents elements percents moments "
    "payments settlements statements governments departments treatments".split()
)
"""Words with an agent's ending that name things (or are read by other rules)."""


def _agents(word: str) -> bool:
    """Whether the plural ``word`` names people by an agent's ending: "-ers", "-ors",
    "-ists", "-ants", "-ents", "-ees", "-ians" ("writers", "organisers", "lawmakers",
    "participants", "refugees", "historians")."""
    return len(word) > 5 and word.endswith(_AGENT_ENDINGS) and word not in _NOT_AGENTS


def coordinated_verb(words: str) -> bool:
    """Whether the words found before a verb end a coordinated verb phrase ("X
    condemned the attack and [said]"): then the subject is the first verb's. Never raises.

    >>> coordinated_verb("condemned the killings and"), coordinated_verb("the army")
    (True, False)
    """
    first = words.split()[0] if words.split() else ""
    return (
        words == "and"
        or words.endswith(" and")
        or (first.islower() and _VERBISH.fullmatch(first) is not None)
    )


def leading_subject(text: str, begin: int, end: int) -> tuple[int, int] | None:
    """The subject of the sentence's first verb ("US Central Command described the
    assault as unprovoked and said ..."). Never raises.

    >>> t = "The Red Cross visited the camp and said that 9 died."
    >>> b, e = leading_subject(t, 0, t.index("said")); t[b:e]
    'The Red Cross'
    """
    for m in _VERBISH.finditer(text, begin, end):
        before = text[begin : m.start()].split()
        if before and before[-1].lower() not in ("the", "a", "an") and text[m.start()].islower():
            found = subject_before(text, m.start(), begin)
            if found is not None and not coordinated_verb(text[found[0] : found[1]]):
                return found
            return None
    return None


def inverted_subject(text: str, after: int, end: int) -> tuple[int, int] | None:
    """The source after the verb at the end of a sentence ("..., said Colonel Bako.").
    Never raises.

    >>> t = "Nine soldiers died, said Colonel Issa Bako."
    >>> b, e = inverted_subject(t, t.index("said") + 4, len(t)); t[b:e]
    'Colonel Issa Bako'
    """
    m = _INVERTED.match(text[after:end])
    if m is None:
        return None
    return after + m.start(1), after + m.end(1)
