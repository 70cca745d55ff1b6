"""Infobox casualty values ("US: 18 killed, 73 wounded; Malaysia: 1 killed") into figures.

:func:`parse_casualty_field` reads one infobox value. The word tables it reads with
(outcomes, population groups, equipment, notes, ...) are the module constants below;
:func:`outcome_match`, :func:`group_match`, :func:`implied_count`,
:func:`party_and_label`, :func:`equipment_spans` and :func:`non_casualty_match` let
the prose extractor read words the same way.

How a value is read:

1. It is cut into *segments* at ``;`` (also ``|`` and ``•``), then into *fragments* at
   commas and at "and"/"&"/"plus" when an amount follows ("4 soldiers and
   1 interpreter killed"). A fragment may open with a ``Party:`` or ``Group:`` prefix
   ("US: 18 killed"), which holds for the fragments after it in the segment.
2. Parentheses are read by what they hold: figures inside the figure
   ("149 (including 132 children)", "148 (+4 attackers)", "20 (14 civilians, 5
   soldiers)") become figures of their own; "(est.)" makes the amount approximate;
   other notes in lower case ("(alleged)") are ignored; anything else is the stated
   source ("(per UNAMA)" -> "UNAMA", "(US estimate)" -> "US").
3. Each fragment gives one figure: the amount (:func:`numbers.find_quantities`, or
   "the attacker" = 1), the outcome words, the group words, and a party named in
   capitals ("4 Nigerien soldiers" -> "Nigerien"). Unknown nouns between the amount
   and the outcome make an ``other-group`` with their label ("1 interpreter killed").
4. Missing parts are carried within a segment: the outcome backwards across "and"
   ("4 soldiers and 1 interpreter killed"), else the field's default outcome, else the
   outcome of a neighbouring fragment, else ``killed-or-injured`` (a combined or
   unstated outcome; the corpus gold writes ``null``). The group of the first figure
   and the party carry forwards to elided fragments ("4 US soldiers killed, 2 wounded");
   a source carries backwards ("315 killed, 812 wounded (per SNA)").
5. Fragments that are no casualty figure ("Unknown", "2 helicopters destroyed",
   "tens of thousands displaced") are returned in ``unparsed``, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Final

from attackgraph.extract.numbers import MONTHS, find_quantities
from attackgraph.model import Quantity, Span

# ---------------------------------------------------------------------------
# vocabulary (shared with the prose extractor)

KILLED_OR_INJURED: Final = "killed-or-injured"

OUTCOME_WORDS: Final[dict[str, str]] = {
    **dict.fromkeys(
        ("killed", "dead", "died", "deaths", "death", "fatalities", "fatality", "kia",
         "killed in action", "slain", "executed", "murdered", "massacred", "perished",
         "lost their lives", "†"),
        "killed",
    ),
    **dict.fromkeys(
        ("wounded", "injured", "hurt", "injuries", "injury", "wia", "wounded in action",
         "non-fatal injuries"),
        "injured",
    ),
    **dict.fromkeys(
        ("captured", "taken prisoner", "prisoners", "prisoner", "prisoners of war", "pows",
         "pow", "abducted", "kidnapped", "taken hostage", "hostages taken", "held hostage",
         "taken captive", "captives"),
        "captured",
    ),
    **dict.fromkeys(
        ("missing", "missing in action", "mia", "unaccounted for", "disappeared"), "missing"
    ),
    **dict.fromkeys(
        ("arrested", "detained", "taken into custody", "apprehended"), "arrested"
    ),
    **dict.fromkeys(
        ("casualties", "killed or wounded", "killed or injured", "dead or wounded",
         "dead or injured", "killed and wounded", "killed and injured", "dead and wounded",
         "dead and injured", "killed/wounded", "killed/injured", "dead/wounded"),
        KILLED_OR_INJURED,
    ),
}  # fmt: skip
"""Outcome words -> outcome concept local name."""

GROUP_WORDS: Final[dict[str, tuple[str, bool]]] = {
    # word: (population-group concept, keep the words as the group label)
    **dict.fromkeys(("soldiers", "soldier", "troops", "servicemen", "serviceman",
        "service members", "servicemembers", "military personnel", "personnel", "military",
        "army"), ("soldiers", False)),
    **dict.fromkeys(("marines", "marine", "paratroopers", "sailors", "airmen", "peacekeepers",
        "peacekeeper", "commandos", "special forces", "troopers", "rangers"),
        ("soldiers", True)),
    **dict.fromkeys(("security forces", "security personnel", "security force members"),
        ("security-forces", False)),
    **dict.fromkeys(("gendarmes", "gendarme", "gendarmerie", "coast guard", "coast guards",
        "coastguard", "coastguards", "guards", "guard", "security guards", "border guards",
        "national guard", "guardsmen", "national guardsmen"), ("security-forces", True)),
    **dict.fromkeys(("police", "policemen", "policeman", "police officers", "police officer",
        "officers", "officer", "policewomen", "cops"), ("police", False)),
    **dict.fromkeys(("militants", "militant", "jihadists", "jihadist", "insurgents",
        "insurgent", "rebels", "rebel", "terrorists", "terrorist", "extremists", "islamists"),
        ("militants", False)),
    **dict.fromkeys(("fighters", "fighter", "guerrillas", "guerrilla", "mujahideen",
        "combatants", "militiamen", "militia"), ("militants", True)),
    **dict.fromkeys(("attackers", "attacker", "gunmen", "gunman", "perpetrators",
        "perpetrator", "assailants", "assailant", "bombers", "bomber", "suicide bombers",
        "suicide bomber", "shooters", "shooter", "hijackers", "hijacker", "hostage-takers"),
        ("attackers", False)),
    **dict.fromkeys(("civilians", "civilian"), ("civilians", False)),
    **dict.fromkeys(("villagers", "worshippers", "worshipers", "residents", "passengers",
        "bystanders", "pilgrims", "shoppers", "tourists", "spectators", "concertgoers",
        "guests", "patients", "refugees", "farmers", "fishermen", "herders", "displaced people"),
        ("civilians", True)),
    **dict.fromkeys(("people", "persons", "person", "individuals", "victims", "total"),
        ("total", False)),
    **dict.fromkeys(("children", "child", "kids", "minors"), ("children", False)),
    **dict.fromkeys(("schoolchildren", "infants", "babies", "boys", "girls"),
        ("children", True)),
    **dict.fromkeys(("students", "student"), ("students", False)),
    **dict.fromkeys(("pupils", "schoolboys", "schoolgirls", "cadets"), ("students", True)),
    **dict.fromkeys(("staff", "staff members", "staff member"), ("staff", False)),
    **dict.fromkeys(("teachers", "teacher", "employees", "employee", "school staff"),
        ("staff", True)),
    **dict.fromkeys(("hostages", "hostage"), ("hostages", False)),
}  # fmt: skip
"""Group words -> (population-group concept local name, keep the words as label)."""
SINGULAR_GROUP_WORDS: Final = (
    "attacker", "gunman", "perpetrator", "assailant", "bomber", "suicide bomber", "shooter",
    "hijacker", "soldier", "serviceman", "officer", "policeman", "police officer", "guard",
    "gendarme", "civilian", "child", "student", "teacher", "hostage", "militant", "fighter",
    "jihadist", "insurgent", "rebel", "person", "suspect",
)  # fmt: skip
"""Group words that make a group of one ("23 (including the attacker)")."""
EQUIPMENT_WORDS: Final = (
    "helicopter", "helicopters", "aircraft", "airplane", "airplanes", "plane", "planes",
    "jet", "jets", "fighter jet", "fighter jets", "drone", "drones", "uav", "uavs", "tank",
    "tanks", "vehicle", "vehicles", "armoured vehicles", "armored vehicles", "truck",
    "trucks", "apc", "apcs", "ifv", "ifvs", "humvee", "humvees", "mrap", "mraps",
    "technical", "technicals", "boat", "boats", "ship", "ships", "vessel", "vessels",
    "artillery", "artillery pieces", "howitzer", "howitzers", "gun", "guns", "mortar",
    "mortars", "rocket launcher", "rocket launchers", "weapon", "weapons", "rifles",
    "ammunition", "equipment", "car", "cars", "motorcycle", "motorcycles", "building",
    "buildings", "house", "houses", "homes", "base", "bases", "outpost", "outposts",
)  # fmt: skip
"""Equipment and property: a fragment about these alone is no casualty figure."""
NON_CASUALTY_WORDS: Final = (
    "destroyed", "damaged", "shot down", "downed", "sunk", "disabled", "displaced",
    "evacuated", "rescued", "freed", "released", "surrendered", "defected", "deserted",
    "fled", "homeless", "burned", "burnt", "looted", "seized",
)  # fmt: skip
"""Outcomes that are no casualty outcome: without an outcome word, no figure."""
ESTIMATE_NOTES: Final = (
    "est", "est.", "estimated", "estimate", "estimates", "approx", "approx.",
    "approximately", "approximate", "c.", "ca.", "circa",
)  # fmt: skip
"""Parenthesised notes that make the amount approximate ("(est.)"); never a source."""
INCLUSION_WORDS: Final = (
    "including", "incl.", "incl", "inc.", "among them", "among whom", "of whom", "of which",
    "of them", "plus", "excluding", "not including", "besides", "in addition to",
)  # fmt: skip
"""Words that open figures inside a figure ("149 (including 132 children)")."""
SOURCE_INTROS: Final = (
    "per", "according to", "source:", "sources:", "reported by", "claimed by", "by", "via",
    "as reported by", "as claimed by",
)  # fmt: skip
SOURCE_TAILS: Final = (
    "estimate", "estimates", "claim", "claims", "figure", "figures", "count", "tally",
    "report", "reports", "data", "statement", "estimation",
)  # fmt: skip
"""Words stripped around a stated source: "(per UN)", "(US estimate)" -> "UN", "US"."""
SEVERITY_WORDS: Final = (
    "critically", "critical", "seriously", "serious", "severely", "severe", "lightly",
    "slightly", "minor", "hospitalized", "hospitalised",
)  # fmt: skip
"""How badly: "413 (100 critically)" is no figure of a group unless an outcome is named."""
LABEL_STOPWORDS: Final = frozenset(
    "of the a an in at on by from to were was been being also reportedly allegedly "
    "confirmed unconfirmed all other others more with and or as during after before "
    "later including some many mostly mainly both sides side each per est estimated "
    "approximately about around than least over up not no who which that their its his "
    "her them they it action further additional another own respectively overall "
    "reported official critically critical seriously serious severely severe lightly "
    "slightly minor major condition hospitalized hospitalised treated".split()
)
"""Lower-case words that are neither a group nor a label ("killed in action")."""
NOT_PARTY_WORDS: Final = frozenset(
    "Unknown None Total Including Est Approx Per According Unconfirmed Confirmed Reported "
    "Official Estimated Killed Wounded Dead Injured Missing Captured At Over About Some "
    "Around Up Between".split()
)
"""Capitalised words that never name a party."""


def _phrases(words: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern for whole words or phrases, longest first."""
    alts = []
    for word in sorted(words, key=len, reverse=True):
        left = r"(?<![\w-])" if word[0].isalnum() else ""
        right = r"(?![\w-])" if word[-1].isalnum() else ""
        alts.append(left + re.escape(word) + right)
    return re.compile("|".join(alts), re.IGNORECASE)


_OUTCOME_RE: Final = _phrases(OUTCOME_WORDS)
_GROUP_RE: Final = _phrases(GROUP_WORDS)
_EQUIPMENT_RE: Final = _phrases(EQUIPMENT_WORDS)
_NON_CASUALTY_RE: Final = _phrases(NON_CASUALTY_WORDS)
_SEVERITY_RE: Final = _phrases(SEVERITY_WORDS)
_IMPLIED_RE: Final = re.compile(
    rf"\s*\+?\s*(?:(?P<both>both\s+(?:{_GROUP_RE.pattern}))"
    rf"|(?:(?:the|a|an|one)\s+)?(?:{_phrases(SINGULAR_GROUP_WORDS).pattern}))",
    re.IGNORECASE,
)
_WORD_RE: Final = re.compile(r"(?<![\w'’.-])(?:\d+(?:st|nd|rd|th)\b|[^\W\d_][\w'’.-]*)")


def _overlaps(begin: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(b < end and begin < e for b, e in spans)


def outcome_match(text: str) -> tuple[str, int, int] | None:
    """The first outcome words in ``text``: (outcome concept, begin, end).

    >>> outcome_match("4 soldiers killed in action")
    ('killed', 11, 27)
    >>> outcome_match("2 taken hostage")[0], outcome_match("no outcome here")
    ('captured', None)
    """
    m = _OUTCOME_RE.search(text)
    return (OUTCOME_WORDS[m.group().lower()], m.start(), m.end()) if m else None


def group_match(
    text: str, taken: Iterable[tuple[int, int]] = (), end: int | None = None
) -> tuple[str, bool, int, int] | None:
    """The head group words of ``text[:end]`` outside ``taken``: the last ones, as in
    "Free Syrian Army fighters". Returns (concept, keep as label, begin, end).

    >>> group_match("1 Philippine coast guard killed")
    ('security-forces', True, 13, 24)
    >>> group_match("3 police officers")[:2], group_match("12 wounded")
    (('police', False), None)
    """
    spans = list(taken)
    found = [
        m for m in _GROUP_RE.finditer(text, 0, len(text) if end is None else end)
        if not _overlaps(m.start(), m.end(), spans)
    ]  # fmt: skip
    if not found:
        return None
    concept, keep = GROUP_WORDS[found[-1].group().lower()]
    return concept, keep, found[-1].start(), found[-1].end()


def equipment_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names equipment or property ("2 MH-60 helicopters").

    >>> equipment_spans("1 helicopter damaged")
    [(2, 12)]
    """
    return [(m.start(), m.end()) for m in _EQUIPMENT_RE.finditer(text)]


def non_casualty_match(text: str) -> bool:
    """Whether ``text`` states an outcome that is no casualty ("displaced", "destroyed").

    >>> non_casualty_match("tens of thousands displaced"), non_casualty_match("5 killed")
    (True, False)
    """
    return _NON_CASUALTY_RE.search(text) is not None


def implied_count(text: str) -> tuple[int, int, int] | None:
    """(count, begin, end) of a group named without a number at the start of ``text``:
    "the attacker", "a gunman", "perpetrator" are one, "both attackers" two.

    >>> implied_count("the attacker"), implied_count("both gunmen")
    ((1, 0, 12), (2, 0, 11))
    >>> implied_count("the attackers") is None
    True
    """
    m = _IMPLIED_RE.match(text)
    if m is None:
        return None
    return (2 if m["both"] else 1), m.start() + len(m.group()) - len(m.group().lstrip()), m.end()


def party_and_label(
    text: str,
    begin: int,
    end: int,
    taken: Iterable[tuple[int, int]],
    group: tuple[int, int] | None = None,
) -> tuple[str | None, str | None]:
    """(party, label) in ``text[begin:end]`` outside ``taken`` and the ``group`` words.

    The party is the first run of capitalised words ("US", "Nigerien"); capitalised
    group words join it ("Afghan National Army") but never make one alone
    ("Civilians"). The label is the first run of other lower-case words
    ("interpreter", "aid workers"), with a capitalised word just before it
    ("Russian contractors").

    >>> party_and_label("80 Russian contractors killed", 3, 22, [])
    ('Russian', 'Russian contractors')
    >>> party_and_label("4 Afghan Army soldiers killed", 2, 22, [], (14, 22))
    ('Afghan Army', None)
    """
    spans = list(taken)
    soft = [group] if group else []
    words = [
        m for m in _WORD_RE.finditer(text, begin, end)
        if not _overlaps(m.start(), m.end(), spans)
        and not (_overlaps(m.start(), m.end(), soft) and m.group().islower())
    ]  # fmt: skip
    party: list[tuple[int, int, bool]] = []
    label: list[tuple[int, int]] = []
    for k, m in enumerate(words):
        word = m.group().rstrip(".")
        joined = k > 0 and not text[words[k - 1].end() : m.start()].strip()
        grouped = _overlaps(m.start(), m.end(), soft)
        if (word[0].isupper() or word[0].isdigit()) and word not in NOT_PARTY_WORDS:
            if not party or (party[-1][1] == words[k - 1].end() and joined):
                party.append((m.start(), m.end(), grouped))
        elif word.lower() not in LABEL_STOPWORDS and not word[0].isupper() and not grouped:
            if not label:
                before = party and joined and party[-1][1] == words[k - 1].end()
                label.append((party[0][0] if before else m.start(), m.end()))
            elif label[-1][1] == words[k - 1].end() and joined:
                label.append((m.start(), m.end()))
    if party and all(p[2] for p in party):
        party = []
    party_text = text[party[0][0] : party[-1][1]] if party else None
    label_text = text[label[0][0] : label[-1][1]] if label else None
    if label_text is not None and len(label_text.split()) > 4:
        label_text = None
    return party_text, label_text


# ---------------------------------------------------------------------------
# infobox values


@dataclass(frozen=True)
class ParsedFigure:
    """One casualty figure read from an infobox value (see the module docstring)."""

    quantity: Quantity
    outcome: str
    """Outcome concept local name; ``killed-or-injured`` when combined or unstated."""
    group: str | None
    """Population-group concept local name; ``None`` when the text names no group."""
    group_label: str | None
    """The group words as written when narrower than the concept ("coast guard")."""
    party: str | None
    """A party named in the fragment ("US: 18 killed" -> "US")."""
    source: str | None
    """The stated source ("(per UNAMA)" -> "UNAMA"); never "est."."""
    span: Span
    """The fragment of the value the figure was read from."""


@dataclass(frozen=True)
class ParsedField:
    """All figures of one infobox value, plus the fragments that are no figure."""

    figures: tuple[ParsedFigure, ...]
    unparsed: tuple[Span, ...]


@dataclass
class _Scope:
    """What a "Party:" / "Group:" / "Killed:" prefix says for the fragments after it."""

    party: str | None = None
    group: tuple[str, str | None] | None = None
    outcome: str | None = None


@dataclass
class _Fragment:
    begin: int  # span start (after "including"), relative to the value text
    body: int  # where the figure's words start (after a prefix)
    end: int  # span end (trailing inner-figure parentheses left out)
    scope: _Scope
    joined_and: bool  # joined to the next fragment by "and"
    quantity: Quantity | None = None
    outcome: str | None = None
    group: str | None = None
    label: str | None = None
    party: str | None = None
    source: str | None = None
    estimate: bool = False
    noted: bool = False  # has a parenthetical of its own
    skip: bool = False  # equipment, displacement, ...: not a casualty figure
    inner: list[tuple[int, int]] = field(default_factory=list)


_PAREN: Final = re.compile(r"\([^()]*\)")
_PREFIX: Final = re.compile(r"([^:()]{1,60}?)\s*:\s*(?=\S)")
_INNER_INTRO: Final = re.compile(
    rf"\s*(?:{'|'.join(map(re.escape, INCLUSION_WORDS))})(?!\w)\s*", re.IGNORECASE
)
_SOURCE_INTRO: Final = re.compile(
    rf"(?:{'|'.join(map(re.escape, SOURCE_INTROS))})\s+(?:the\s+)?", re.IGNORECASE
)
_SOURCE_TAIL: Final = re.compile(rf"(?:['’]s)?\s+(?:{'|'.join(SOURCE_TAILS)})$", re.I)
_MONTH: Final = re.compile(rf"\b(?:{'|'.join(MONTHS)})\b")
_TRIM: Final = " \t,;.:"


def _trim(text: str, begin: int, end: int) -> tuple[int, int]:
    while begin < end and text[begin] in _TRIM:
        begin += 1
    while end > begin and text[end - 1] in _TRIM:
        end -= 1
    return begin, end


def _cuts(text: str, begin: int, end: int, chars: str) -> list[tuple[int, int, str]]:
    """Separators outside parentheses in ``text[begin:end]``: (start, end, kind)."""
    cuts, depth = [], 0
    for i in range(begin, end):
        c = text[i]
        depth = depth + 1 if c == "(" else max(depth - 1, 0) if c == ")" else depth
        if depth == 0 and c in chars:
            if c == "," and text[i - 1 : i].isdigit() and re.match(r"\d{3}(?!\d)", text[i + 1 :]):
                continue  # 1,017
            cuts.append((i, i + 1, c))
    return cuts


def _and_cuts(text: str, begin: int, end: int) -> list[tuple[int, int, str]]:
    """ "and", "&", "plus", "+" outside parentheses and amounts, before an amount."""
    region = text[begin:end]
    amounts = [(b, e) for _, b, e in find_quantities(region, begin)]
    parens = [(begin + m.start(), begin + m.end()) for m in _PAREN.finditer(region)]
    cuts = []
    for m in re.finditer(r"\s(?:and|&|plus|\+)\s", region):
        at, after = begin + m.start(), begin + m.end()
        if _overlaps(at, at + 1, amounts + parens):
            continue
        if any(b == after for b, _ in amounts) or implied_count(text[after:end]) is not None:
            cuts.append((at, after, "and"))
    return cuts


def _pieces(
    text: str, begin: int, end: int, cuts: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The trimmed, non-empty pieces between cuts, each with the kind of cut after it."""
    starts = [begin] + [e for _, e, _ in cuts]
    ends = [(s, k) for s, _, k in cuts] + [(end, "")]
    pieces = []
    for s, (e, after) in zip(starts, ends, strict=True):
        s, e = _trim(text, s, e)
        if s < e:
            pieces.append((s, e, after))
    return pieces


def _words(text: str) -> tuple[str | None, tuple[str, str | None] | None, str | None]:
    """(party, (group, label), outcome) named by words without a number."""
    outcome = outcome_match(text)
    taken = [(outcome[1], outcome[2])] if outcome else []
    group = group_match(text, taken)
    g_span = (group[2], group[3]) if group else None
    party = party_and_label(text, 0, len(text), taken, g_span)[0]
    labelled = (group[0], text[group[2] : group[3]] if group[1] else None) if group else None
    return party, labelled, outcome[0] if outcome else None


def _note(frag: _Fragment, note: str) -> bool:
    """Read a parenthetical that holds no figure; False if it may hold figures."""
    frag.noted = True
    if note.strip(" .").lower() in ESTIMATE_NOTES:
        frag.estimate = True
    elif _INNER_INTRO.match(note) or find_quantities(note) or implied_count(note):
        return False
    elif _SOURCE_INTRO.match(note.strip()) or _SOURCE_TAIL.search(note.strip(" .")):
        frag.source = _source(note) or frag.source
    elif group_match(note) is not None:  # "(Kenyan soldiers)": who, not a source
        party, group, _ = _words(note)
        frag.party = frag.party or party
        if frag.group is None and group is not None:
            frag.group, frag.label = group
    elif not _MONTH.search(note):
        frag.source = _source(note) or frag.source
    return True


def _source(note: str) -> str | None:
    """The source named in a parenthetical note, or ``None`` for other notes."""
    words = note.strip(" .")
    intro = _SOURCE_INTRO.match(words)
    if intro is None and not _SOURCE_TAIL.search(words) and not any(c.isupper() for c in words):
        return None
    return _SOURCE_TAIL.sub("", words[intro.end() if intro else 0 :]).strip() or None


def _read(mask: str, frag: _Fragment) -> None:
    """Fill quantity, outcome, group, label and party from the fragment's own words."""
    region = mask[frag.body : frag.end]
    found = find_quantities(region)
    if found:
        frag.quantity, _, q_end = found[0]
    elif (implied := implied_count(region)) is not None:
        count, b, q_end = implied
        frag.quantity = Quantity(count, None, None, False, region[b:q_end])
    else:
        return
    outcome = outcome_match(region)
    equipment = equipment_spans(region)
    taken = equipment + ([(outcome[1], outcome[2])] if outcome else [])
    stop = outcome[1] if outcome and outcome[1] >= q_end else len(region)
    group = group_match(region, taken, stop) or group_match(region, taken)
    g_span = (group[2], group[3]) if group else None
    if group is not None:
        frag.group, frag.label = group[0], region[group[2] : group[3]] if group[1] else None
    party, label = party_and_label(region, q_end, stop, taken, g_span)
    frag.party = frag.party or party
    if frag.group is None and label is not None:
        frag.group, frag.label = "other-group", label
    frag.outcome = outcome[0] if outcome else None
    frag.skip = (frag.group is None and bool(equipment)) or (
        outcome is None
        and (
            non_casualty_match(region)
            or (frag.group is None and _SEVERITY_RE.search(region) is not None)
        )
    )


def _fragments(text: str, begin: int, end: int) -> list[_Fragment]:
    """Cut one segment into fragments and read each one's own words."""
    frags: list[_Fragment] = []
    cuts = sorted(_cuts(text, begin, end, ",") + _and_cuts(text, begin, end))
    scope = _Scope()
    for b, e, after in _pieces(text, begin, end, cuts):
        body = b
        prefix = _PREFIX.match(text, b, e)
        if prefix is not None and not find_quantities(prefix.group(1)):
            party, group, outcome = _words(prefix.group(1))
            scope, body = _Scope(party, group, outcome), prefix.end()
        elif (intro := _INNER_INTRO.match(text, b, e)) is not None:
            b = body = intro.end()
        frag = _Fragment(b, body, e, scope, after == "and")
        mask = list(text)
        for m in _PAREN.finditer(text, body, e):
            mask[m.start() : m.end()] = " " * len(m.group())
            if not _note(frag, m.group()[1:-1]):
                frag.inner.append((m.start() + 1, m.end() - 1))
        for inner_begin, inner_end in reversed(frag.inner):  # "19 (16 civilians) (+3 gunmen)"
            if not text[inner_end + 1 : frag.end].strip(_TRIM):
                frag.end = _trim(text, b, inner_begin - 1)[1]
        _read("".join(mask), frag)
        if frag.group is None and frag.party is None and scope.group is not None:
            frag.group, frag.label = scope.group
        frags.append(frag)
    return frags


def _resolve(
    frags: list[_Fragment], default_outcome: str | None, default_group: str | None
) -> None:
    """Carry outcome, group, party and source between the fragments of one segment."""
    own_outcome = [f.outcome for f in frags]
    own_group = [f.group for f in frags]
    for k, frag in enumerate(frags):
        if frag.outcome is not None:
            continue
        j = k  # "6 soldiers and 2 police killed": the outcome of the last one
        while frags[j].joined_and and j + 1 < len(frags):
            j += 1
            if own_outcome[j] is not None or frags[j].skip:
                break
        frag.skip = frag.skip or frags[j].skip
        frag.outcome = own_outcome[j] or frag.scope.outcome or default_outcome
        if frag.outcome is None and frag.group == "hostages":
            frag.outcome = "captured"
        if frag.outcome is None:
            before = [f.outcome for f in frags[:k] if f.scope is frag.scope and f.outcome]
            after = [o for o in own_outcome[k + 1 :] if o]
            frag.outcome = before[-1] if before else after[0] if after else KILLED_OR_INJURED
    for k, frag in enumerate(frags):
        earlier = [f for f in frags[:k] if f.scope is frag.scope and f.quantity is not None]
        elided = own_group[k] is None and frag.party is None and own_outcome[k] is not None
        head = next((f for f in earlier if f.group is not None), None)
        if elided and head is not None:
            frag.group, frag.label = head.group, head.label
        carry = earlier and (earlier[-1].joined_and or own_group[k] is None)
        frag.party = frag.party or frag.scope.party or (earlier[-1].party if carry else None)
        frag.group = frag.group or default_group
    source = None
    for frag in reversed(frags):  # "315 killed, 812 wounded (per SNA)"
        noted = frag.source is not None or frag.estimate or frag.noted
        source = frag.source = frag.source or (None if noted else source)


def _parse(
    value: Span,
    region: tuple[int, int],
    defaults: tuple[str | None, str | None],
    inherited: tuple[str | None, str | None],
) -> tuple[list[ParsedFigure], list[Span]]:
    text, (begin, end) = value.text, region
    figures: list[ParsedFigure] = []
    unparsed: list[Span] = []

    def span(b: int, e: int) -> Span:
        return Span(value.begin + b, value.begin + e, text[b:e], value.line)

    for seg_begin, seg_end, _ in _pieces(text, begin, end, _cuts(text, begin, end, ";|•")):
        frags = _fragments(text, seg_begin, seg_end)
        _resolve(frags, *defaults)
        for frag in frags:
            if frag.quantity is None or frag.skip or frag.outcome is None:
                unparsed.append(span(frag.begin, frag.end))
                continue
            quantity = frag.quantity
            if frag.estimate:
                quantity = replace(quantity, approximate=True)
            party, source = frag.party or inherited[0], frag.source or inherited[1]
            figures.append(
                ParsedFigure(
                    quantity, frag.outcome, frag.group, frag.label, party, source,
                    span(frag.begin, frag.end),
                )
            )  # fmt: skip
            for inner in frag.inner:
                more, rest = _parse(value, inner, (frag.outcome, None), (party, source))
                figures.extend(more)
                unparsed.extend(rest)
    return figures, unparsed


def parse_casualty_field(
    value: Span, *, default_outcome: str | None, default_group: str | None
) -> ParsedField:
    """The casualty figures of one infobox value (see the module docstring).

    ``default_outcome``/``default_group`` hold for fragments that name none: pass
    ``"killed"``/``"total"`` for ``Deaths``, ``"injured"``/``"total"`` for
    ``Injuries``, ``None``/``None`` for ``Casualties1..3``. Every returned span is a
    substring of ``value`` on its line. Never raises.

    >>> v = Span(100, 145, "US: 18 killed, 73 wounded; Malaysia: 1 killed", 9)
    >>> parsed = parse_casualty_field(v, default_outcome=None, default_group=None)
    >>> for f in parsed.figures:
    ...     print(f.quantity.value, f.outcome, f.party, repr(f.span.text), f.span.begin)
    18 killed US 'US: 18 killed' 100
    73 injured US '73 wounded' 115
    1 killed Malaysia 'Malaysia: 1 killed' 127
    >>> v = Span(0, 37, "149 (including 132 children); Unknown", 1)
    >>> parsed = parse_casualty_field(v, default_outcome="killed", default_group="total")
    >>> [(f.quantity.value, f.group, f.span.text) for f in parsed.figures]
    [(149, 'total', '149'), (132, 'children', '132 children')]
    >>> [s.text for s in parsed.unparsed]
    ['Unknown']
    """
    figures, unparsed = _parse(
        value, (0, len(value.text)), (default_outcome, default_group), (None, None)
    )
    return ParsedField(tuple(figures), tuple(unparsed))
