"""Infobox casualty values ("US: 18 killed, 73 wounded; Malaysia: 1 killed") into figures.

:func:`parse_casualty_field` reads one infobox value. The word tables it reads with
(outcomes, population groups, equipment, notes, ...) and the functions that match them
are in :mod:`attackgraph.extract.vocabulary`, shared with the prose extractor.

How a value is read:

1. It is cut into *segments* at ``;`` (also ``|`` and ``•``), then into *fragments* at
   commas and at "and"/"&"/"plus" when an amount follows ("4 soldiers and
   1 interpreter killed"). A fragment may open with a ``Party:`` or ``Group:`` prefix
   ("US: 18 killed"), which holds for the fragments after it in the segment.
2. Parentheses are read by what they hold: figures inside the figure
   ("149 (including 132 children)", "148 (+4 attackers)", "20 (14 civilians, 5
   soldiers)") become figures of their own; "(est.)" makes the amount approximate;
   other notes in lower case ("(alleged)") are ignored; anything else is the stated
   source ("(per UNAMA)" -> "UNAMA", "(US estimate)" -> "US", "(per 2020 review)"); a
   bracket holding only an amount gives a fragment without one its amount ("Entire
   garrison killed (c. 7,000)"). A dash after a sourced amount, or a spaced slash before
   an amount, starts an alternative figure ("702 (per prosecutors) – 1,000+").
3. Each fragment gives one figure: the amount (:func:`numbers.find_quantities`, or
   "the attacker" = 1), the outcome words, the group words, and a party named in
   capitals ("4 Nigerien soldiers" -> "Nigerien"). Unknown nouns between the amount
   and the outcome make an ``other-group`` with their label ("1 interpreter killed").
4. Missing parts are carried within a segment: the outcome backwards across "and"
   ("4 soldiers and 1 interpreter killed"), else the field's default outcome, else the
   outcome of a neighbouring fragment, else, for a bare amount ("~300 (per HRW)",
   "hundreds more"), the outcome an earlier segment of the field named first, else
   ``killed-or-injured`` (a combined or unstated outcome; the corpus gold writes ``null``).
   How badly without an outcome ("(~100 seriously)") is an injury. The group of the first figure
   and the party carry forwards to elided fragments ("4 US soldiers killed, 2 wounded");
   a source carries backwards ("315 killed, 812 wounded (per SNA)").
5. Fragments that are no casualty figure ("Unknown", "2 helicopters destroyed",
   "tens of thousands displaced") are returned in ``unparsed``, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Final

from attackgraph.extract.amount_record import PERSON_NOUNS
from attackgraph.extract.number_words import MONTHS
from attackgraph.extract.numbers import find_quantities
from attackgraph.extract.vocabulary import (
    ESTIMATE_NOTES,
    INCLUSION_WORDS,
    KILLED_OR_INJURED,
    OUTCOME_WORDS,
    SOURCE_INTROS,
    SOURCE_TAILS,
)
from attackgraph.extract.word_match import (
    LIST_SPLIT,
    SEVERITY_RE,
    equipment_spans,
    group_match,
    implied_count,
    non_casualty_match,
    outcome_match,
    overlaps,
    party_and_label,
)
from attackgraph.model import Outcome, PopulationGroup, Quantity, Span


@dataclass(frozen=True)
class ParsedFigure:
    """One casualty figure read from an infobox value (see the module docstring)."""

    quantity: Quantity
    outcome: Outcome
    """Outcome concept local name; ``killed-or-injured`` when combined or unstated."""
    group: PopulationGroup | None
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
    group: tuple[PopulationGroup, str | None] | None = None
    outcome: Outcome | None = None


@dataclass
class _Fragment:
    begin: int  # span start (after "including"), relative to the value text
    body: int  # where the figure's words start (after a prefix)
    end: int  # span end (trailing inner-figure parentheses left out)
    scope: _Scope
    joined_and: bool  # joined to the next fragment by "and"
    quantity: Quantity | None = None
    outcome: Outcome | None = None
    group: PopulationGroup | None = None
    label: str | None = None
    party: str | None = None
    source: str | None = None
    estimate: bool = False
    noted: bool = False  # has a parenthetical of its own
    skip: bool = False  # equipment, displacement, ...: not a casualty figure
    held: bool = False  # the outcome is a noun of who they were ("prisoners of war")
    bare: bool = False  # an amount with no words of what or who ("~300", "hundreds more")
    included: bool = False  # opened by "including": a part of the figure before it
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
_LISTED_OUTCOME: Final = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in OUTCOME_WORDS if "," in w) + r")\b", re.I
)
_DEATH_NOUNS: Final = re.compile(r"\b(?:bod(?:y|ies)|corpses|(?:death\s+)?toll)\b", re.I)
"""In a casualty field, bodies and a toll are the dead ("245 bodies found")."""
_BARE: Final = re.compile(
    r"(?:(?:more|further|others?|additional|est\.?|estimated|at|in|near|[A-Z][\w'’.-]*|"
    r"[\"“”'‘’])\s*)*"
)
"""What may stand beside an amount that says nothing of what happened or to whom: "more",
"est.", "at Albany"; the parentheses are read apart."""
_NO_CASUALTY: Final = re.compile(r"\b(?:escaped|got\s+away)\b", re.I)
"""Who got away is no casualty of the side ("29 killed, 1 captured, 1 escaped")."""
_MANNER: Final = re.compile(
    r"\s*(?:many|most|some|all|mostly|several|others?)\s+(?:by|from|through|during|in)\b", re.I
)
"""A note on how or where some of the figure's people died, not a figure of its own
("231 killed (many by suicide)", "(most in the first hour)")."""
_THEN_KILLED: Final = re.compile(
    r"\s+and\s+(?:later\s+|then\s+|subsequently\s+)?(?:killed|died|executed|murdered)\b", re.I
)
"""A second outcome that ends the first: "abducted and killed" is a death."""
_KIN: Final = frozenset(
    ("mother", "father", "wife", "husband", "son", "daughter", "brother", "sister", "child",
     "victim", "grandmother", "grandfather", "uncle", "aunt", "cousin", "nephew", "niece",
     "fiancée", "fiancé", "teacher", "student", "bodyguard", "colleague", "friend")
)  # fmt: skip
"""Singular nouns of one person besides :data:`PERSON_NOUNS`: who a victim was to someone."""
_NAME_PARTICLES: Final = frozenset(
    ("de", "da", "del", "van", "von", "bin", "ibn", "al", "el", "la")
)
_NAME_WORD: Final = re.compile(r"[A-ZÀ-Ý][\w'’.-]+")
_HELD_NOUNS: Final = re.compile(r"\b(?:prisoners?(?:\s+of\s+war)?|pows?|hostages?|captives)$", re.I)
"""Who the dead of a ``Deaths`` field were, not what happened to them ("84 prisoners of
war")."""


def _trim(text: str, begin: int, end: int) -> tuple[int, int]:
    while begin < end and text[begin] in _TRIM:
        begin += 1
    while end > begin and text[end - 1] in _TRIM:
        end -= 1
    return begin, end


def _cuts(text: str, begin: int, end: int, chars: str) -> list[tuple[int, int, str]]:
    """Separators outside parentheses in ``text[begin:end]``: (start, end, kind); never
    the commas of one listed outcome ("1,091 killed, wounded or captured")."""
    cuts, depth = [], 0
    listed = [m.span() for m in _LISTED_OUTCOME.finditer(text, begin, end)]
    for i in range(begin, end):
        c = text[i]
        depth = depth + 1 if c == "(" else max(depth - 1, 0) if c == ")" else depth
        if depth == 0 and c in chars:
            if c == "," and text[i - 1 : i].isdigit() and re.match(r"\d{3}(?!\d)", text[i + 1 :]):
                continue  # 1,017
            if c == "," and overlaps(i, i + 1, listed):
                continue
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
        if overlaps(at, at + 1, amounts + parens):
            continue
        if any(b == after for b, _ in amounts) or implied_count(text[after:end]) is not None:
            cuts.append((at, after, "and"))
    return cuts


def _dash_cuts(text: str, begin: int, end: int) -> list[tuple[int, int, str]]:
    """A dash after a sourced amount ("~150 (army) – 2,000+ (local officials)", "90 hurt
    (per police) – 300+"), or a slash between two amounts ("29 (per court) / 22"): two
    figures, each its source's, not one range."""
    cuts = []
    for m in re.finditer(r"\)\s*[–—-]\s*|\s/\s", text[begin:end]):
        at, after = begin + m.start() + (m.group().startswith(")")), begin + m.end()
        found = find_quantities(text[after:end])
        if found and (found[0][1] == 0 or _PAREN.search(text, after, end)):
            cuts.append((at, after, ","))
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


def _words(
    text: str,
) -> tuple[str | None, tuple[PopulationGroup, str | None] | None, Outcome | None]:
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
    elif _MANNER.match(note) and not _amounts(re.sub(r"^\s*\w+", "", note)):
        pass  # "(many by suicide)": how, not how many
    elif _INNER_INTRO.match(note) or implied_count(note) or _amounts(note):
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


def _amounts(note: str) -> bool:
    """Whether a note holds an amount, not only the year of a source ("per 2020 review")."""
    found = find_quantities(note)
    sourced = _SOURCE_INTRO.match(note.strip()) is not None
    return any(not (sourced and re.fullmatch(r"(?:19|20)\d\d", q.text)) for q, _, _ in found)


def _source(note: str) -> str | None:
    """The source named in a parenthetical note, or ``None`` for other notes."""
    words = note.strip(" .")
    intro = _SOURCE_INTRO.match(words)
    if intro is None and not _SOURCE_TAIL.search(words) and not any(c.isupper() for c in words):
        return None
    return _SOURCE_TAIL.sub("", words[intro.end() if intro else 0 :]).strip() or None


def _people(text: str) -> tuple[int, int, int] | None:
    """(count, begin, end) of the people a list without numbers names, one a person:
    "his mother and wife" two, "a 12-year-old girl" one, "Patrick Argüello" one; ``None``
    when a part names no single person ("women and children", "Boko Haram fighters").

    >>> _people("his mother and wife"), _people("1st victim Kasi"), _people("women and children")
    ((2, 0, 19), (1, 0, 15), None)
    """
    begin, end = _trim(text, 0, len(text))
    parts = LIST_SPLIT.split(text[begin:end]) if begin < end else []
    if not parts or len(parts) > 8:
        return None
    for part in parts:
        words = re.findall(r"[\w'’.-]+", part)
        lower = {w.lower().removesuffix("'s").removesuffix("’s") for w in words if w.islower()}
        named = len(_NAME_WORD.findall(part)) >= 2 and lower <= _NAME_PARTICLES
        if not named and not lower & (PERSON_NOUNS | _KIN):
            return None
    return len(parts), begin, end


def _same_people(note: str, frag: _Fragment) -> bool:
    """Whether a bracket without "including" or "+" names who the figure's people were,
    as many as the figure ("1 (hijacker Patrick Argüello)"): then it is no figure of its
    own, and gives the figure its group when the figure names none."""
    value = frag.quantity.value if frag.quantity is not None else None
    if value is None or _INNER_INTRO.match(note) or note.lstrip().startswith("+"):
        return False
    implied = implied_count(note)
    if implied is None or implied[0] != value or _amounts(note) or outcome_match(note):
        return False
    if frag.group is None and (group := _words(note)[1]) is not None:
        frag.group, frag.label = group
    return True


def _read(region: str, frag: _Fragment) -> None:
    """Fill quantity, outcome, group, label and party from the fragment's own words
    (``region``: its text from ``frag.body`` to ``frag.end``, brackets blanked)."""
    found, listed = find_quantities(region), False
    if found:
        frag.quantity, q_begin, q_end = found[0]
    elif (implied := implied_count(region)) is not None:
        count, q_begin, q_end = implied
        frag.quantity = Quantity(count, None, None, False, region[q_begin:q_end])
    elif frag.included and (people := _people(region)) is not None:
        count, q_begin, q_end = people  # "(including his mother and wife)"
        frag.quantity, listed = Quantity(count, None, None, False, region[q_begin:q_end]), True
    else:
        return
    frag.bare = _BARE.fullmatch(f"{region[:q_begin]} {region[q_end:]}".strip()) is not None
    outcome = outcome_match(region)
    if outcome and (then := _THEN_KILLED.match(region, outcome[2])) is not None:
        outcome = ("killed", outcome[1], then.end())  # "abducted and killed"
    elif outcome and (other := _other_outcome(region, outcome)) is not None:
        outcome = (KILLED_OR_INJURED, outcome[1], other)  # "killed or missing": which, unsaid
    equipment = equipment_spans(region)
    taken = equipment + ([(outcome[1], outcome[2])] if outcome else [])
    stop = outcome[1] if outcome and outcome[1] >= q_end else len(region)
    group = group_match(region, taken, stop) or group_match(region, taken)
    g_span = (group[2], group[3]) if group else None
    if group is not None:
        frag.group, frag.label = group[0], region[group[2] : group[3]] if group[1] else None
    named = frag.group is not None
    party, label = party_and_label(region, q_end, stop, taken, g_span)
    frag.party = frag.party or party
    if frag.group is None and label is not None:
        frag.group, frag.label = "other-group", label
    if frag.group is None and listed:  # the people listed, a part: never the total
        frag.group, frag.label = "other-group", region[q_begin:q_end]
    frag.outcome = outcome[0] if outcome else None
    frag.held = outcome is not None and _HELD_NOUNS.search(region[: outcome[2]]) is not None
    if outcome is None and _DEATH_NOUNS.search(region):
        frag.outcome = "killed"
    elif outcome is None and SEVERITY_RE.search(region) is not None:
        frag.outcome = "injured"  # "413 (~100 seriously)": how badly they were hurt
    frag.skip = (not named and bool(equipment)) or (
        outcome is None and (non_casualty_match(region) or _NO_CASUALTY.search(region) is not None)
    )


_OR: Final = re.compile(r"\s*/\s*|\s+(?:and/)?or\s+", re.I)


def _other_outcome(region: str, outcome: tuple[Outcome, int, int]) -> int | None:
    """Where a second, different outcome ends that "or" (or a slash) joins to ``outcome``
    ("312 killed or captured", "40 dead/missing"): the figure counts people of either
    outcome, not of the first; ``None`` when no other outcome follows so.

    >>> region = "312 killed or taken prisoner (per the army)"
    >>> _other_outcome(region, ("killed", 4, 10))
    28
    >>> _other_outcome("9 killed or dead", ("killed", 2, 8)) is None
    True
    """
    joint = _OR.match(region, outcome[2])
    other = outcome_match(region[joint.end() :]) if joint is not None else None
    if joint is None or other is None or other[1] != 0 or other[0] == outcome[0]:
        return None
    return joint.end() + other[2]


def _fragments(text: str, begin: int, end: int) -> list[_Fragment]:
    """Cut one segment into fragments and read each one's own words."""
    frags: list[_Fragment] = []
    cuts = sorted(_cuts(text, begin, end, ",") + _and_cuts(text, begin, end))
    cuts = sorted(cuts + _dash_cuts(text, begin, end))
    scope = _Scope()
    for b, e, after in _pieces(text, begin, end, cuts):
        body, intro = b, None
        prefix = _PREFIX.match(text, b, e)
        if prefix is not None and not find_quantities(prefix.group(1)):
            party, group, outcome = _words(prefix.group(1))
            scope, body = _Scope(party, group, outcome), prefix.end()
        elif (intro := _INNER_INTRO.match(text, b, e)) is not None:
            b = body = intro.end()
        frag = _Fragment(b, body, e, scope, after == "and", included=intro is not None)
        mask = list(text[body:e])  # the fragment's own words, not the whole value's
        for m in _PAREN.finditer(text, body, e):
            mask[m.start() - body : m.end() - body] = " " * len(m.group())
            if not _note(frag, m.group()[1:-1]):
                frag.inner.append((m.start() + 1, m.end() - 1))
        if len(frag.inner) == 1 and not find_quantities("".join(mask)):
            inner_begin, inner_end = frag.inner[0]  # "Whole garrison killed (c. 900)"
            amount = find_quantities(text[inner_begin:inner_end])
            rest = text[inner_begin + amount[0][2] : inner_end].strip() if amount else ""
            if amount and amount[0][1] == 0 and _BARE.fullmatch(rest):
                at = inner_begin - 1 - body
                mask[at : inner_end + 1 - body] = text[inner_begin - 1 : inner_end + 1]
                frag.inner = []
        for inner_begin, inner_end in reversed(frag.inner):  # "19 (16 civilians) (+3 gunmen)"
            if not text[inner_end + 1 : frag.end].strip(_TRIM):
                frag.end = _trim(text, b, inner_begin - 1)[1]
        _read("".join(mask)[: frag.end - body], frag)
        frag.inner = [(ib, ie) for ib, ie in frag.inner if not _same_people(text[ib:ie], frag)]
        if frag.group is None and frag.party is None and scope.group is not None:
            frag.group, frag.label = scope.group
        frags.append(frag)
    return frags


def _resolve(
    frags: list[_Fragment],
    default_outcome: Outcome | None,
    default_group: PopulationGroup | None,
    field_outcome: Outcome | None = None,
) -> None:
    """Carry outcome, group, party and source between the fragments of one segment; a
    segment that names no outcome takes ``field_outcome``, the outcome an earlier segment
    of the field named first ("634 killed (US count); hundreds more (per villagers)")."""
    own_outcome = [f.outcome for f in frags]
    own_group = [f.group for f in frags]
    for k, frag in enumerate(frags):  # a Deaths field's "84 prisoners of war" died
        if frag.held and default_outcome in ("killed", "injured"):
            frag.outcome = own_outcome[k] = default_outcome
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
            fallback = (field_outcome if frag.bare else None) or KILLED_OR_INJURED
            frag.outcome = before[-1] if before else after[0] if after else fallback
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
    defaults: tuple[Outcome | None, PopulationGroup | None],
    inherited: tuple[str | None, str | None],
) -> tuple[list[ParsedFigure], list[Span]]:
    text, (begin, end) = value.text, region
    figures: list[ParsedFigure] = []
    unparsed: list[Span] = []

    def span(b: int, e: int) -> Span:
        return Span(value.begin + b, value.begin + e, text[b:e], value.line)

    field_outcome: Outcome | None = None  # the first outcome a segment names
    for seg_begin, seg_end, _ in _pieces(text, begin, end, _cuts(text, begin, end, ";|•")):
        frags = _fragments(text, seg_begin, seg_end)
        named = [f.outcome for f in frags if f.quantity is not None and not f.skip]
        _resolve(frags, *defaults, field_outcome)
        field_outcome = field_outcome or next((o for o in named if o), None)
        last: tuple[Outcome | None, str | None, str | None] | None = None
        for frag in frags:
            if frag.quantity is None or frag.skip or frag.outcome is None:
                unparsed.append(span(frag.begin, frag.end))
                if frag.quantity is None and last is not None:  # "most of them X (incl. 3 Y)"
                    for inner in _parts_of(text, frag.inner):
                        more, rest = _parse(value, inner, (last[0], None), last[1:])
                        figures.extend(more)
                        unparsed.extend(rest)
                continue
            quantity = frag.quantity
            if frag.estimate:
                quantity = replace(quantity, approximate=True)
            party, source = frag.party or inherited[0], frag.source or inherited[1]
            last = (frag.outcome, party, source)
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


def _parts_of(text: str, inner: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The brackets of ``inner`` that open with an inclusion word ("incl.", "including"):
    parts of a figure, written after words that describe its people without an amount
    ("103 killed, most of them farmers (incl. 32 children)")."""
    return [(b, e) for b, e in inner if _INNER_INTRO.match(text, b, e) is not None]


def parse_casualty_field(
    value: Span, *, default_outcome: Outcome | None, default_group: PopulationGroup | None
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
