"""Casualty figures in running prose: amount, group and outcome, with exact spans.

:func:`read_figures` reads one stretch of a sentence (what one source says). Amounts
come from :func:`attackgraph.extract.numbers.find_quantities`; outcome and group words
from the vocabulary in :mod:`attackgraph.extract.vocabulary`, plus the verb forms
prose uses ("killing", "wounding", "lost", "bodies", "death toll"; see
:data:`~attackgraph.extract.prose_outcomes.PROSE_OUTCOMES`; rules 1-3 are in
:mod:`~attackgraph.extract.prose_outcomes`).

How an amount gets its outcome, first rule that applies:

1. its own words after it: "six soldiers were killed", "27 dead", "three others
   arrested" - unless the outcome verb is active and has an object of its own
   ("four gunmen killed 20 people": the four are not the victims);
2. an outcome verb just before it: "killed 14 people", "wounding four",
   "killed all six attackers", "lost one soldier", "seized 20 hostages";
3. a toll named before it and joined by linking words only: "put the death toll at
   20", "the number of injured at 1,017", "the Somali dead numbered in the hundreds";
   a bare "toll"/"figure" takes the outcome read last in the text (else killed);
4. "N of them" / "including N" / "among them N": the outcome of the figure it
   divides ("315 killed, 133 of them militiamen");
5. the outcome of the next amount when only list words come between
   ("132 children and nine staff members had been killed"), unless that amount is a
   part of this one ("20 hostages, of whom 8 were killed");
6. the outcome of the previous amount when no verb or clause break comes between
   ("killed fifteen soldiers and six civilians", "wounding four in Niono and one in
   Bapho").

The amounts are those of :func:`attackgraph.extract.amounts.find_amounts`, with "most of
them" and "some"/"others"/"most" as the subject of a casualty verb
(:mod:`~attackgraph.extract.vague_subjects`) and the youngest or oldest of the dead,
named (:func:`~attackgraph.extract.one_person.youngest_amounts`), read after them (no
candidates of the classifier). An amount with no outcome is no figure ("500 students had
been rescued"). The group is
the group words after the amount (``group_match``, also after "were": "142 were
students"); a nationality ("315 Somalis") gives ``total`` with the word as label; no
words ("fifteen were injured", "two others") carry the previous figure's group, else
the group of the last amount before the stretch, else ``total``; a toll takes the
group words before it ("the Somali dead"). Other nouns give ``other-group`` with
their words as label, except with a toll's outcome (rule 3): "the dead ... in three
mass graves" is no figure. A figure that counts a subgroup (a nationality, an
organisation's members, named people) is never ``total``: :func:`subgroup_group`,
applied by the caller once the subgroup is known. Vague amounts ("dozens") are
figures only with an outcome of their own. A toll's figure with an unknown noun is
kept when a plural person noun heads it ("among the dead were seven elderly men") or
the classifier reads the same outcome ("among the dead were 31 magistrates"); a
``deferred`` amount ("the bodies of 27 miners") gets its outcome from the classifier
alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from attackgraph.extract.amounts import Amount, clear_between, find_amounts, most_of
from attackgraph.extract.figure_guess import FigureGuess
from attackgraph.extract.figure_referents import PRONOUNS, attacker_referent
from attackgraph.extract.numbers import find_quantities
from attackgraph.extract.one_person import person_noun, youngest_amounts
from attackgraph.extract.prose_outcomes import (
    FREED_BEFORE,
    LINK_ADVERBS,
    OUTCOME_RE,
    outcome_after,
    outcome_before,
    toll_before,
)
from attackgraph.extract.vague_subjects import vague_subjects
from attackgraph.extract.vocabulary import (
    GERUND_OUTCOMES,
    INCLUSION_WORDS,
    LABEL_STOPWORDS,
    PASSIVE_OUTCOMES,
)
from attackgraph.extract.word_match import group_match, party_and_label
from attackgraph.model import Outcome, PopulationGroup, Quantity
from attackgraph.reference.countries import demonym_countries

__all__ = ["ProseFigure", "last_group", "nationality", "read_figures"]

_PARTITIVE_AFTER: Final = re.compile(r"\s+of\s+(?:them|whom|those|which)\b")

_OWNER_AFTER: Final = re.compile(r"\s+of\s+(?:its|their)\s+(?=[a-z])")

_ALONG_WITH: Final = ("together with", "along with", "as well as")

_OF_THE_DEAD: Final = re.compile(
    r"\s+of\s+(?:the|those)\s+(?P<word>dead|killed|victims|wounded|injured|hostages)\s+"
    r"(?:were|was)\s+(?:all\s+)?(?=\w)"
)
_OF_COUNTED: Final = re.compile(
    r"\s+(?:more\s+)?of\s+(?:the|those)\s+(?:(?:badly|seriously|critically|gravely|"
    r"severely|slightly|lightly)\s+)?(?:dead|victims|wounded|injured|hurt|bodies|hostages|killed|"
    r"captives)\b"
)
"""A part of those counted ("several of the injured", "three of the badly wounded"): its outcome
is its own verb's ("later died"), the noun's only when it has no verb ("five of the
wounded" is injured; a vague part or none with no verb of its own is no figure)."""
_ADVERBS: Final = re.compile(r"(?:(?:\w+ly|later|also|then|soon|all)\s+)*")

_OF_THE_DEAD_OUTCOMES: Final[dict[str, Outcome]] = {
    "dead": "killed", "killed": "killed", "victims": "killed", "wounded": "injured",
    "injured": "injured", "hostages": "captured",
}  # fmt: skip

_INCLUSION_BEFORE: Final = re.compile(
    rf"(?:{'|'.join(re.escape(w) for w in (*INCLUSION_WORDS, *_ALONG_WITH))})\s+"
    r"(?:(?:the|their|its|his|her)\s+)?$",
    re.IGNORECASE,
)
"""Words that make the next amount a part of the figure before, or counted with it:
"including 3 teachers", "together with the three bombers" (their outcome is the figure's:
rule 4)."""

_CLAUSE_BREAK: Final = re.compile(
    r"[;:]|,\s+(?:while|whereas|but|although|though|before|after|when|as|since|because|"
    r"which|who|he|she|it|they)\b|\s(?:before|after|when|because|while)\s"
    r"|\sand\s+(?:had|has|have|was|were|is|are)\b|,\s+and\s+(?:in|on|at|the|a|an|his|her|"
    r"their|its|[A-Z])"
)

_WINDOW: Final = 10

_COPULA_GROUP: Final = re.compile(r"\s+(?:were|was)\s+(?:all\s+)?(?=\w)")

_STOP_GROUP: Final = re.compile(
    r"[,;:.()]|\s(?:were|was|had|have|has|are|is|in|at|on|during|by|from|with|and|or|who|"
    r"when|while|among|including|after|before|once|as|until|because|since)\b"
)
"""Where the group words after an amount end: punctuation, a verb, a preposition or a
conjunction opening a clause ("the toll rose to 73 once rescuers arrived": no group)."""

_NOT_LABEL: Final = LABEL_STOPWORDS | {"people", "persons"}

_ELIDED: Final = frozenset({"others", "other", "more", "further", "additional"})


_INCREMENT: Final = re.compile(
    r"\b(?:a\s+further|an\s+additional|another|(?:\S+\s+)?(?:further|more|additional))\s*$"
    r"|^\S+\s+(?:further|more(?!\s+than)|additional)\b"
    r"|^(?:\w+\s+)?(?:a\s+further|an\s+additional|another)\b",
    re.IGNORECASE,
)


def increment(text: str, begin: int, end: int) -> str | None:
    """``"further"`` when the figure at ``text[begin:end]`` counts people beyond those of
    another count ("a further victim died", "another 12", "two more soldiers"): a part
    added to a total, never a total of its own.

    >>> increment("and a further victim died", 4, 25)
    'further'
    >>> increment("another 12 were hurt", 8, 20)
    'further'
    >>> increment("two more soldiers died", 0, 22)
    'further'
    >>> increment("killed another 12", 0, 17)
    'further'
    >>> increment("21 people were killed", 0, 21) is None
    True
    >>> increment("no more than 9 were hurt", 0, 14) is None  # a bound, not an increment
    True
    """
    before = text[max(0, begin - 16) : begin]
    return "further" if _INCREMENT.search(before) or _INCREMENT.match(text[begin:end]) else None


@dataclass(frozen=True)
class ProseFigure:
    """One figure read from prose; offsets are absolute, like the text given."""

    quantity: Quantity
    group: PopulationGroup
    group_label: str | None
    outcome: Outcome
    begin: int
    end: int
    """The words stating the figure (amount, group and outcome words)."""
    qualifier: str | None = None
    """A nationality that makes the figure a subgroup ("thirty of them British")."""
    owner: bool = False
    """A part of whoever "its"/"their" names ("six of its crew"): the caller knows who."""
    head: PopulationGroup | None = None
    """The group of the people a part is drawn from ("38 tourists, thirty of them
    British": ``civilians``), for a part only (see :func:`subgroup_group`)."""


_PLACE_PP: Final = r"\s+(?:at|in|on|near|inside|outside)\s+"
_GAPPED_BEFORE: Final = re.compile(rf"{_PLACE_PP}[^,;]{{1,40}}?(?:,\s+(?:and\s+)?|\s+and\s+)")
_GAPPED_AFTER: Final = re.compile(_PLACE_PP)


def _gapped(text: str, previous: Amount, a: Amount) -> bool:
    """Rule 0: "41 had died at X, seven at Y and one in hospital": an amount with only a
    place after it, listed after an amount with its own outcome and a place, shares it."""
    return (
        previous.own
        and previous.outcome is not None
        and _GAPPED_BEFORE.fullmatch(text, previous.extent, a.begin) is not None
        and _GAPPED_AFTER.match(text, a.end) is not None
    )


def _group(
    text: str, begin: int, stop: int
) -> tuple[tuple[PopulationGroup, str | None] | None, bool, bool, int]:
    """(group, unknown noun, elided, end) from the words after an amount."""
    m = _STOP_GROUP.search(text, begin, stop)
    window_end = m.start() if m is not None else stop
    outcome = OUTCOME_RE.search(text, begin, window_end)
    if outcome is not None:
        window_end = outcome.start()
    window = text[begin:window_end]
    if not window.strip() and (copula := _COPULA_GROUP.match(text, begin, stop)):
        more = _group(text, copula.end(), stop)
        if more[0] is not None and not more[1]:
            return more
    found = group_match(window)
    if found is not None:
        concept, keep, gb, ge = found
        label = window[:ge].strip() if keep else None
        return (concept, label), False, False, begin + ge
    words = window.split()
    if not words or words[0].lower() in _ELIDED or words[0].lower().strip(".,") in _NOT_LABEL:
        return None, False, True, begin + (len(window.rstrip()) if words else 0)
    party, label = party_and_label(window, 0, len(window), [])
    first = (party or "").split()[0] if party else ""
    if (
        label is None
        and party is not None
        and (demonym_countries(first) or demonym_countries(first.rstrip("s")))
    ):
        return ("total", party), False, False, begin + window.find(party) + len(party)
    if label is None or label.split()[0].lower() in _NOT_LABEL:
        return None, False, True, begin
    return ("other-group", label), True, False, begin + window.find(label) + len(label)


def _group_before(text: str, floor: int, at: int) -> tuple[PopulationGroup, str | None]:
    """The group a toll before an amount names ("the Somali dead", "hostages killed")."""
    window = text[floor:at]
    found = group_match(window)
    if found is not None:
        concept, keep, gb, ge = found
        return concept, window[gb:ge] if keep else None
    for word in re.findall(r"\b[A-Z][a-z]+\b", window):
        if demonym_countries(word) or demonym_countries(word.rstrip("s")):
            return "total", word
    return "total", None


def read_figures(
    text: str,
    begin: int = 0,
    end: int | None = None,
    *,
    last_outcome: Outcome | None = None,
    count_outcome: Outcome | None = None,
    earlier_group: tuple[PopulationGroup, str | None] | None = None,
    guess: FigureGuess | None = None,
    earlier: Sequence[tuple[int, Outcome]] = (),
) -> list[ProseFigure]:
    """The casualty figures in ``text[begin:end]`` (see the module docstring).

    ``last_outcome`` is the outcome read last before this stretch (for a bare "the
    figure rose to 132"); ``earlier`` the values and outcomes of the figures read before
    it, oldest first (a toll "raised to 34" was a smaller figure's:
    :func:`changed_from`); ``count_outcome`` is given to amounts with no outcome at all,
    for stretches that state a count ("a count by X identified 80"). ``guess`` (the
    classifier, :class:`~attackgraph.extract.figure_guess.FigureGuess`) gives an outcome
    to amounts still without one and adds one person for each a casualty verb acts on
    without a number ("he was hanged"), when it is confident. Never raises.

    >>> t = "The army said six soldiers were killed and fifteen were injured."
    >>> [(f.quantity.value, f.group, f.outcome, t[f.begin:f.end]) for f in read_figures(t)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [(6, 'soldiers', 'killed', 'six soldiers were killed'),
     (15, 'soldiers', 'injured', 'fifteen were injured')]
    >>> t = "Gunmen killed 14 people, and the toll later rose to 20."
    >>> [(f.quantity.value, f.group, f.outcome) for f in read_figures(t)]
    [(14, 'total', 'killed'), (20, 'total', 'killed')]
    """
    stop = len(text) if end is None else end
    amounts = [
        a
        for a in find_amounts(text, begin, stop)
        if not _asked(text, begin, a) and not _age(text, a)
    ]
    freed: list[Amount] = []
    for k, a in enumerate(amounts):
        nxt = amounts[k + 1].begin if k + 1 < len(amounts) else stop
        floor = amounts[k - 1].end if k else begin
        after = a.end if a.words_at < 0 else a.words_at
        part = _PARTITIVE_AFTER.match(text, after)
        dead = _OF_THE_DEAD.match(text, after)
        owner = _OWNER_AFTER.match(text, after)
        if dead is not None and OUTCOME_RE.match(text, _after_adverbs(text, dead.end())):
            dead = None  # "many of the wounded were killed": the verb's outcome
        if dead is not None:  # "thirty of the dead were British"
            a.partitive, a.own, a.outcome = True, True, _OF_THE_DEAD_OUTCOMES[dead["word"]]
            a.group, a.unknown_noun, a.elided, group_end = _group(text, dead.end(), nxt)
            a.extent = max(a.end, group_end)
            continue
        if part is not None:
            a.partitive, a.relative, after = True, True, part.end()
        elif owner is not None:
            a.partitive, a.owner, after = True, True, owner.end()
        elif _INCLUSION_BEFORE.search(text, floor, a.begin) or _listed_part(text, amounts, k):
            a.partitive = True  # "among them 167 women and 298 children": both parts
        if a.own:
            continue  # a named person "died": read with its outcome
        a.group, a.unknown_noun, a.elided, group_end = _group(text, after, nxt)
        a.extent = max(a.end, group_end)
        if a.deferred:
            named = _named_deed(text, floor, a.begin)
            if named is not None:  # "the killing of 24 villagers": the noun's outcome
                a.outcome, a.own, a.lead = named[0], True, named[1]
            continue  # "the remains of 143 people": only the classifier reads an outcome
        if k and _gapped(text, amounts[k - 1], a):
            a.outcome, a.own = amounts[k - 1].outcome, True  # "41 died at X, seven at Y"
            continue
        active = outcome_before(text, floor, a.begin) or _held(text, floor, a)
        if active is not None:
            a.outcome, a.own, a.lead = active[0], True, active[1]
            continue
        clause = _CLAUSE_BREAK.search(text, after, nxt)
        limit = clause.start() if clause else nxt
        words = list(re.finditer(r"\S+", text[after:limit]))
        if len(words) > _WINDOW:
            limit = after + words[_WINDOW - 1].end()
        vague = a.quantity.value is None and a.quantity.minimum is None
        of_counted = _OF_COUNTED.match(text, after, limit)  # "none of the captives was hurt"
        found = outcome_after(text, of_counted.end() if of_counted else after, limit)
        if found is None and of_counted is not None and not vague and a.quantity.value != 0:
            found = outcome_after(text, after, limit)  # "five of the wounded": injured
        let_go = FREED_BEFORE.search(text, floor, a.begin)
        if found is not None and found[0] == "captured" and let_go is not None:
            freed.append(a)  # "released 1,150 prisoners": let go, no captives of the attack
            continue
        before = [*earlier, *((p.quantity.value, p.outcome) for p in amounts[:k] if p.outcome)]
        last = changed_from(text, floor, a, before) or last_outcome
        toll = toll_before(text, floor, a.begin, last) or _toll_again(text, amounts, k)
        if found is not None and not _named_toll_disagrees(text, toll, a.begin, found[0]):
            a.outcome, a.own, a.extent = found[0], True, max(a.extent, found[1])
            continue
        if toll is not None:
            a.outcome, a.toll = toll[0], True
            if a.group is None or a.elided:
                clause_at = max(text.rfind(c, floor, toll[1]) for c in ",;:(")
                start = max(floor, clause_at + 1, text.rfind(" and ", floor, toll[1]) + 1)
                a.group, a.elided = _group_before(text, start, a.begin), False
    amounts = [a for a in amounts if not any(a is f for f in freed)]
    for most in most_of(text, begin, stop):
        of = _PARTITIVE_AFTER.match(text, most.end)
        most.extent = of.end() if of is not None else most.end
        most.group, most.unknown_noun, most.elided, group_end = _group(
            text, most.extent, _next_begin(amounts, most.end, stop)
        )
        most.extent = max(most.extent, group_end)
        amounts.append(most)
    amounts += vague_subjects(text, begin, stop, amounts)  # "some of them were killed"
    amounts += youngest_amounts(text, begin, stop, amounts)  # "the youngest victim, A B,"
    amounts.sort(key=lambda a: a.begin)
    _carry(text, amounts, [a for a in amounts if _whole(text, begin, stop, a)])
    if count_outcome is not None:
        for a in amounts:
            if a.outcome is None and not a.unknown_noun and not a.deferred:
                a.outcome = count_outcome
    if guess is not None:
        for a in amounts:
            if a.outcome is None:
                a.outcome = guess(a)
            elif a.toll and a.unknown_noun and (_people(a) or guess(a) == a.outcome):
                a.unknown_noun = False  # "among the dead were 55 lawyers": people
        for one in guess.unnumbered(amounts, begin, stop):
            who = text[one.begin : one.end]
            one.group = (
                ("attackers", None)
                if who.lower() in PRONOUNS and attacker_referent(text, one.begin)
                else _person_group(who)
            )
            amounts.append(one)
        amounts.sort(key=lambda a: a.begin)
    return _finish(amounts, earlier_group)


_AGAIN: Final = re.compile(
    rf"(?:,|\band|\bthen)\s+(?:(?:{'|'.join(sorted(LINK_ADVERBS))}|by\s+\w+)\s+)*(?:to|at)\s+$"
    rf"|\b(?:it|this|that)\s+(?:(?:had|has|was|{'|'.join(sorted(LINK_ADVERBS))})\s+)*"
    r"(?:reached|(?:rose|risen|climbed|grew|grown|increased|fell|dropped|"
    r"jumped)\s+to|stood\s+at)\s+$"
)
"""A toll's later value, named without the toll: "the toll rose to 50 on Monday, and to 51
when a man died in hospital", "the toll had risen to 15 and, as two more died, it reached
17" ("it passed 110" is a bound, not the value: left out)."""


_RAISED: Final = re.compile(
    r"\b(?:raised|rose|risen|increased|climbed|grew|revised\s+up(?:wards?)?)\b", re.IGNORECASE
)
_LOWERED: Final = re.compile(
    r"\b(?:lowered|reduced|fell|fallen|revised\s+down(?:wards?)?)\b", re.IGNORECASE
)


def changed_from(
    text: str, floor: int, a: Amount, before: Sequence[tuple[int | None, Outcome | None]]
) -> Outcome | None:
    """The outcome of the figure that a toll raised or lowered to amount ``a`` had: the
    latest of ``before`` (value, outcome pairs, oldest first) below the new value when the
    words from ``floor`` say it was raised, above it when lowered. "Eight were killed and
    30 wounded; the figure was later raised to 12" raised the eight, never the 30.
    ``None`` when no such words or figure.

    >>> t = "Eight were killed and 30 wounded; the figure was later raised to 12."
    >>> a = find_amounts(t, 0, len(t))[-1]
    >>> changed_from(t, t.index(";"), a, [(8, "killed"), (30, "injured")])
    'killed'
    """
    value = a.quantity.value
    words = text[floor : a.begin]
    up, down = _RAISED.search(words), _LOWERED.search(words)
    if value is None or (up is None) == (down is None):
        return None
    for old, outcome in reversed(before):
        if old is not None and outcome is not None and (old < value if up else old > value):
            return outcome
    return None


def _toll_again(text: str, amounts: list[Amount], k: int) -> tuple[Outcome, int] | None:
    """Rule 3 for a toll's later value (:data:`_AGAIN`): the outcome of the last toll read
    before amount ``k``, when the words right before the amount go on from it."""
    toll = next((p for p in reversed(amounts[:k]) if p.toll and p.outcome is not None), None)
    a = amounts[k]
    if toll is None or toll.outcome is None or _AGAIN.search(text, toll.end, a.begin) is None:
        return None
    return toll.outcome, toll.begin


_LISTED: Final = re.compile(r"\s*,?\s*(?:and\s+)?")
"""What joins the items of one list of parts ("167 women and 298 children")."""


def _listed_part(text: str, amounts: list[Amount], k: int) -> bool:
    """Whether amount ``k`` is listed right after a part ("among them 167 women and 298")."""
    before = amounts[k - 1] if k else None
    return (
        before is not None
        and before.partitive
        and _LISTED.fullmatch(text, before.extent, amounts[k].begin) is not None
    )


_PLURALS: Final = {"men": "man", "women": "woman", "children": "child", "people": "person"}


def _people(a: Amount, names: bool = False) -> bool:
    """Whether the unknown noun after ``a`` names people ("75 members of the guard", "four
    deaf men"): a plural person noun heads it, or with ``names`` a capitalised word ("two
    Poles", "three Ghanaians": people of a nation, a people or a party)."""
    label = a.group[1] if a.group is not None else None
    words = re.split(r"\s+of\s+", label or "", maxsplit=1)[0].split()
    if not words:
        return False
    head = words[-1].lower()
    if names and words[-1][:1].isupper():
        return True
    singular = re.sub(r"men$", "man", head) if head.endswith("men") else head.removesuffix("s")
    return person_noun(_PLURALS.get(head) or singular)


_DEED_NOUNS: Final[dict[str, Outcome]] = {
    **{w: o for w, o in GERUND_OUTCOMES.items() if " " not in w},
    "shooting dead": "killed",
    **dict.fromkeys(
        "killings murder murders massacre execution executions assassination slaughter".split(),
        "killed",
    ),
    **dict.fromkeys("abduction abductions kidnappings capture".split(), "captured"),
    "arrest": "arrested", "arrests": "arrested",
}  # fmt: skip
"""Nouns for what was done to people, whose "of" names them: "the killing of 24
villagers", "the execution of some 22,000 prisoners", "the abduction of 30 workers"."""
_DEED_OF: Final = re.compile(
    rf"\b(?P<noun>{'|'.join(sorted(map(re.escape, _DEED_NOUNS), key=len, reverse=True))})"
    r"\s+of\s+$",
    re.IGNORECASE,
)


def _named_deed(text: str, floor: int, at: int) -> tuple[Outcome, int] | None:
    """(outcome, where the noun starts) when the amount at ``at`` follows "N of" for a
    noun that names what was done to those counted ("the killing of 24 villagers": they
    were killed); else ``None`` ("the release of 13", "the remains of 143").

    >>> t = "The massacre was the killing of 24 villagers by a patrol."
    >>> _named_deed(t, 0, t.index("24"))
    ('killed', 21)
    >>> _named_deed("the release of 13 hostages", 0, 15) is None
    True
    """
    m = _DEED_OF.search(text, floor, at)
    return (_DEED_NOUNS[m["noun"].lower()], m.start()) if m is not None else None


def _thing(a: Amount) -> bool:
    """Whether ``a`` counts things, not people: a number before a noun the group
    vocabulary does not know, headed by no person noun or name ("six jump jets", "two
    coaches"); one person a list names with "a" is a person ("and a Fijian cook")."""
    article = a.quantity.text.lower() in ("a", "an")
    return a.unknown_noun and not article and not _people(a, names=True)


_HOW: Final = re.compile(r"\bhow\s+$", re.IGNORECASE)


def _asked(text: str, begin: int, a: Amount) -> bool:
    """Whether ``a`` is the "many" of a question ("how many died is not known"): no amount."""
    return a.quantity.text.lower() == "many" and _HOW.search(text, begin, a.begin) is not None


_AGE_BEFORE: Final = re.compile(r"(?:\b[A-Z][\w'’.-]*,|\bwho\s+(?:was|is))\s+$")
_AGE_AFTER: Final = re.compile(r"[,.)]")
_OLDEST: Final = 120


def _age(text: str, a: Amount) -> bool:
    """Whether ``a`` is bare digits (no more than :data:`_OLDEST`) set off after a name or
    after "who was": a person's age, no count ("Ana Ruiz, 26, was shot", "the officer,
    Tom Bell, 41.", "his aunt, who was 83, died").

    >>> t = "Gunmen shot Ana Ruiz, 26, and two guards."
    >>> [_age(t, a) for a in find_amounts(t, 0, len(t))]
    [True, False]
    """
    words = a.quantity.text
    return (
        words.isdigit()
        and int(words) <= _OLDEST
        and _AGE_BEFORE.search(text, max(0, a.begin - 40), a.begin) is not None
        and _AGE_AFTER.match(text, a.end) is not None
    )


_HOLDING: Final = re.compile(
    r"\b(?:hold|holds|holding|held|take|takes|taking|took|keep|keeps|keeping|kept)\s+"
    r"(?:(?:about|around|some|nearly|almost|at\s+least|more\s+than|over|up\s+to|all|the)\s+)*$",
    re.IGNORECASE,
)


def _named_toll_disagrees(
    text: str, toll: tuple[Outcome, int] | None, at: int, after: Outcome
) -> bool:
    """Whether a toll right before the amount at ``at`` names an outcome word of its own,
    with no comma between, other than the outcome word after the amount: "put the number
    killed at 243 and the wounded at 300" (243 killed: "wounded" is the next toll's word).
    A bare "toll" or "figure" does not count, nor an item of a list before ("55 as
    wounded, a total of 218 victims")."""
    if toll is None or toll[0] == after:
        return False
    word = OUTCOME_RE.match(text, toll[1])
    return word is not None and "," not in text[word.end() : at]


def _person_group(words: str) -> tuple[PopulationGroup, str | None]:
    """The group of one person's words ("the driver", "a policeman"), else total."""
    found = group_match(words)
    if found is None:
        return "total", None
    return found[0], words[found[2] : found[3]] if found[1] else None


def _held(text: str, floor: int, a: Amount) -> tuple[Outcome, int] | None:
    """ "holding about 20 hostages", "took 14 hostages": captured, the verb before says."""
    if a.group is None or a.group[0] != "hostages":
        return None
    m = _HOLDING.search(text, floor, a.begin)
    return ("captured", m.start()) if m is not None else None


def _after_adverbs(text: str, at: int) -> int:
    m = _ADVERBS.match(text, at)
    return m.end() if m is not None else at


def _next_begin(amounts: list[Amount], at: int, stop: int) -> int:
    return min((a.begin for a in amounts if a.begin > at), default=stop)


def last_group(text: str, begin: int, end: int) -> tuple[PopulationGroup, str | None] | None:
    """The group of the last amount in ``text[begin:end]`` followed by group words within
    two words ("four gunmen", "five Kenyan soldiers").

    >>> last_group("Only four gunmen took part, and officials said", 0, 46)
    ('attackers', None)
    """
    for _, _, qe in reversed(find_quantities(text[begin:end], begin)):
        window = text[qe : min(end, qe + 40)]
        group = group_match(window)
        if group is not None and len(window[: group[2]].split()) <= 1:
            concept, keep, gb, ge = group
            return concept, window[gb:ge] if keep else None
    return None


_WHOLE_BEFORE: Final = re.compile(r"(?:^|[,;:]\s+)[Oo]f\s+(?:the\s+)?$")
_TAKEN: Final = frozenset(
    {"taken", "held", "seized", *(w for w in PASSIVE_OUTCOMES if " " not in w)}
)


def _whole(text: str, begin: int, stop: int, a: Amount) -> bool:
    """Whether ``a`` opens a clause with "Of" and names those a later amount is drawn
    from ("Of the 56 people on board, 38 died"), who met no outcome of their own; not
    when its words name one ("Of the 80 pupils taken, 61 ...": captured).

    >>> t = "Of the 56 people on board, 38 died."
    >>> [_whole(t, 0, len(t), a) for a in find_amounts(t, 0, len(t))]
    [True, False]
    """
    if not _WHOLE_BEFORE.search(text[begin : a.begin]):
        return False
    comma = text.find(",", a.end, stop)
    words = re.findall(r"[a-z]+", text[a.end : comma if comma >= 0 else stop].lower())
    return not any(w in _TAKEN for w in words)


def _carry(text: str, amounts: list[Amount], wholes: list[Amount]) -> None:
    """Rules 4-6: outcomes for amounts without one; rules 5 and 6 never for an amount
    whose noun the group vocabulary does not know and no person noun heads ("two
    buses", "six jump jets"); never for ``wholes``, the amounts a
    clause opens with "Of": "Of roughly 400 men in the column, 155 were killed" says
    nothing of what befell the 400 (an outcome of their own stays: "Of the 91 dead, 41
    were Arabs")."""
    for k, a in enumerate(amounts):
        if a.outcome is not None or a.deferred or any(w is a for w in wholes):
            continue
        if a.partitive and k > 0 and amounts[k - 1].outcome:
            whole = amounts[k - 1].quantity
            named = a.relative and a.group is not None and not a.elided and whole.value != 1
            if (a.quantity.estimate_type != "vague" or named) and clear_between(
                text, amounts[k - 1].extent, a.begin
            ):
                a.outcome = amounts[k - 1].outcome  # "202 people, most of them foreigners"
            continue
        if a.quantity.estimate_type == "vague" or _thing(a):
            continue  # "killed two Marines and destroyed six jets": the jets are no people
        j = k
        while j + 1 < len(amounts) and clear_between(text, amounts[j].extent, amounts[j + 1].begin):
            j += 1
            if amounts[j].relative:
                break  # "20 hostages, of whom 8 were killed": the part tells nothing of the whole
            if amounts[j].own:
                a.outcome = amounts[j].outcome
                break
        if a.outcome is None and k > 0 and amounts[k - 1].outcome is not None:
            if clear_between(text, amounts[k - 1].extent, a.begin):
                a.outcome = amounts[k - 1].outcome


def _finish(
    amounts: list[Amount], earlier_group: tuple[PopulationGroup, str | None] | None
) -> list[ProseFigure]:
    """The figures of the amounts with an outcome. A part ("thirty of them British",
    and every part listed after it: "..., three Irish and two Germans") keeps the group
    of the people it is drawn from as ``head``, and is not the group a later amount
    without group words takes ("and wounded 15")."""
    figures: list[ProseFigure] = []
    previous = earlier_group
    for a in amounts:
        if a.outcome is None or (a.unknown_noun and a.toll):
            continue
        group = a.group if a.group is not None else previous or ("total", None)
        head = previous[0] if a.partitive and previous is not None else None
        if not a.partitive:
            previous = group
        begin = a.lead if a.lead >= 0 else a.begin
        figures.append(
            ProseFigure(
                a.quantity, group[0], group[1], a.outcome, begin, a.extent,
                a.qualifier or nationality(group[1]), a.owner, head,
            )
        )  # fmt: skip
    return figures


_NO_CONCEPT: Final = frozenset({"total", "other-group"})


def subgroup_group(
    group: PopulationGroup, qualifier: str | None, head: PopulationGroup | None
) -> PopulationGroup:
    """The population group of a figure that counts a subgroup (``qualifier``: a
    nationality, an organisation, named people, "further"), never ``total``: the group
    its own words give ("nine German tourists": civilians), else the group of the people
    it is drawn from when the text gives one ("38 tourists, thirty of them British":
    civilians), else ``other-group``. Every nationality of one breakdown is treated
    alike ("two Germans" and "three Irish citizens" are both ``other-group``). A figure
    without a qualifier keeps its group.

    >>> subgroup_group("total", "British", "civilians")
    'civilians'
    >>> subgroup_group("total", "Germans", None), subgroup_group("other-group", "Irish", None)
    ('other-group', 'other-group')
    >>> subgroup_group("soldiers", "French", "total"), subgroup_group("total", None, None)
    ('soldiers', 'total')
    """
    if qualifier is None or group not in _NO_CONCEPT:
        return group
    return head if head is not None and head not in _NO_CONCEPT else "other-group"


def nationality(label: str | None) -> str | None:
    """The nationality word that opens a group label ("Irish citizens" -> "Irish").

    >>> nationality("Germans"), nationality("Irish citizens"), nationality("crew members")
    ('Germans', 'Irish', None)
    """
    first = label.split()[0] if label else ""
    if first and (demonym_countries(first) or demonym_countries(first.removesuffix("s"))):
        return first
    return None
