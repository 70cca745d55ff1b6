"""Amounts written without a number: one person, named people, nobody.

- :func:`single_victims`: one person killed, hurt, arrested or taken, named by an
  article, a possessive or a pronoun ("a Muslim carpenter was killed", "its pilot was
  captured", "he was hanged") or blowing himself up; the person noun may be any noun
  for a killing, else a person or agent noun;
- :func:`named_amounts`: named people (:mod:`~attackgraph.extract.victims`), one per
  name, with the names as the figure's subgroup;
- :func:`none_of`: "nobody was hurt", "no American personnel were hurt", "no nurses
  were among the dead", "not a single passenger was taken hostage", "police made no
  arrests", "was rescued unharmed": 0 (the group before the verb must name people:
  group words, a nationality or a person noun; "no evidence was found" is none).

The verb forms come from the one casualty-verb lexicon,
:data:`~attackgraph.extract.vocabulary.CASUALTY_VERBS`.
"""

from __future__ import annotations

import re
from typing import Final

from attackgraph.extract.amount_record import PERSON_NOUNS, Amount
from attackgraph.extract.figure_referents import attacker_referent
from attackgraph.extract.parsed_victims import listed_in_parse
from attackgraph.extract.victims import (
    DIED_AFTER,
    listed_victims,
    named_victims,
    youngest_victims,
)
from attackgraph.extract.vocabulary import DEATH_STATES, GERUND_OUTCOMES, PASSIVE_OUTCOMES
from attackgraph.extract.word_match import alternatives, equipment_spans, group_match
from attackgraph.model import Outcome, PopulationGroup, Quantity
from attackgraph.reference.countries import demonym_countries

__all__ = ["listed_amounts", "named_amounts", "none_of", "person_noun", "single_victims"]


_SINGLE_OUTCOMES: Final[dict[str, Outcome]] = {
    **PASSIVE_OUTCOMES, **GERUND_OUTCOMES, **DEATH_STATES,
}  # fmt: skip
"""The casualty verbs' forms (the one lexicon: ``vocabulary.CASUALTY_VERBS``)."""
_ONE_ACTIVE: Final = tuple(
    w
    for w in _SINGLE_OUTCOMES
    if (" " not in w or w in ("shot dead", "gunned down")) and w not in ("hurt", "hurting", "slain")
)
"""The verbs read in the active before one person ("killed a guard", "shot dead the
driver")."""
_SINGLE: Final = re.compile(
    r"(?<![\w-])(?P<article>[Aa]n?|[Tt]he|[Oo]ne|[Hh]e|[Ss]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+"
    r"(?:(?P<words>(?:[A-Za-z][\w'’-]*\s+){0,2}?)(?P<noun>[a-z][\w-]*)"
    r"(?:\s+of\s+(?:the\s+|an?\s+)?[\w-]+(?:\s+[\w-]+)?)?(?:,\s+[A-Z][^,]{2,60},)?\s+)?"
    r"(?:was|had\s+been|has\s+been)\s+(?:(?:\w+ly|also|later|then|reportedly|reported)\s+){0,2}"
    rf"(?P<verb>{alternatives(k for k in _SINGLE_OUTCOMES if not k.endswith('ing'))})\b"
    rf"|(?<![\w-])(?P<active>{alternatives(_ONE_ACTIVE)})\s+"
    r"(?P<article2>an?|the)\s+(?:(?!of\b)[a-z][\w-]*\s+){0,2}?(?P<noun2>(?!of\b)[a-z][\w-]*)\b"
    r"(?!\s+(?:of\b|\d))"
)


_BLEW_UP: Final = re.compile(
    r"(?<![\w-])(?P<article>[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"(?P<noun>bomber|attacker|gunman|man|woman|assailant|militant|hijacker|fighter)\b"
    r"[^.;]{0,70}?\s+(?:blew|blown)\s+(?:himself|herself)\s+up\b"
)


def _blew_up(text: str, begin: int, end: int, taken: list[tuple[int, int]]) -> list[Amount]:
    """ "A bomber who had failed to get in blew himself up": one dead."""
    found: list[Amount] = []
    for m in _BLEW_UP.finditer(text, begin, end):
        if any(b <= m.start() < e for b, e in taken):
            continue
        a = Amount(Quantity(1, None, None, False, m["article"]), *m.span("article"), m.end())
        a.outcome, a.own, a.group = "killed", True, _person_group(m["noun"])
        found.append(a)
    return found


def single_victims(text: str, begin: int, end: int, amounts: list[Amount]) -> list[Amount]:
    """One person killed, hurt, arrested or taken, written without a number: "a commander
    was killed", "he was shot dead", "police arrested the driver" (1; the article or
    pronoun is the amount's words), unless one of ``amounts`` already counts them.

    >>> t = "A Muslim carpenter was killed and he was hanged."
    >>> [(a.quantity.value, t[a.begin : a.extent], a.outcome) for a in single_victims(t, 0, 47, [])]
    [(1, 'A Muslim carpenter was killed', 'killed'), (1, 'he was hanged', 'killed')]
    """
    found: list[Amount] = []
    taken = [(a.begin, a.extent) for a in amounts]
    for m in _SINGLE.finditer(text, begin, end):
        article = "article" if m["article"] else "article2"
        noun = m["noun"] or m["noun2"]
        pronoun = m[article].lower() in ("he", "she")
        outcome = _SINGLE_OUTCOMES[" ".join((m["verb"] or m["active"]).split())]
        if outcome == "injured" and m["verb"] and DIED_AFTER.match(text, m.end(), end):
            outcome = "killed"  # "was badly wounded and died in hospital"
        if pronoun != (noun is None) or (noun is not None and not _person(noun, outcome)):
            continue
        if any(b <= m.start() < e or m.start() <= b < m.end() for b, e in taken):
            continue
        if (noun is not None and _plural(noun)) or _NOT_ONE_BEFORE.search(
            text, max(begin, m.start() - 30), m.start()
        ):
            continue  # "its soldiers were killed", "none of the players was hurt"
        one = Quantity(1, None, None, False, m[article])
        a = Amount(one, m.start(article), m.end(article), m.end())
        a.outcome, a.own = outcome, True
        a.group = _with_others(text, m.end(), end) or (
            ("attackers", None)
            if pronoun and attacker_referent(text, m.start(article))
            else _person_group(noun)
        )
        if m["active"]:
            a.lead = m.start("active")
        found.append(a)
    return found + _blew_up(text, begin, end, [*taken, *((a.begin, a.end) for a in found)])


_NOT_ONE_BEFORE: Final = re.compile(
    r"(?:\b(?:of|in|at|on|to|from|with|by|for|near|inside|outside|into|among|than|not|never|"
    r"could|would|might|may|cannot|can)|n['’]t)\s+(?:(?:\w+\s+){0,2}have\s+)?$"
)
"""Words before a singular victim phrase that make it no count of one: a preposition
("the last gunmen in the hotel had been killed"), a negation or a modal ("could not
have killed a healthy person")."""


def _plural(noun: str) -> bool:
    """Whether an English noun is plural ("soldiers", "men", "police")."""
    if noun in ("men", "women", "people", "children", "police", "staff", "dead", "personnel"):
        return True
    return noun.endswith("s") and not noun.endswith(("ss", "us", "is"))


_OR_VERB: Final = r"(?:\s+or\s+(?P<verb2>killed|hurt|injured|wounded|harmed|captured))?"
"""A second outcome nobody met: "none of the staff was killed or injured" is two zeros."""
_NO_GROUP: Final = re.compile(
    r"(?<![\w-])(?P<no>[Nn]o|[Nn]ot\s+a\s+single)\s+"
    r"(?P<words>(?:[a-z]+\s+of\s+(?:the|its|their)\s+)?(?:[A-Z][\w-]*\s+)?(?:[a-z][\w-]*\s+){0,2}?)"
    r"(?:(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:(?:known|reported|said|thought|"
    r"believed)\s+(?:to\s+have\s+been\s+)?)?(?:(?P<verb>killed|hurt|injured|wounded|harmed|"
    rf"arrested|detained|taken\s+hostage|abducted|kidnapped|captured|found\s+dead){_OR_VERB}"
    r"|(?:among|one\s+of)\s+the\s+(?P<counted>dead|victims|killed|wounded|injured))"
    r"|(?P<died>died))\b"
)
"""A group none of whom met an outcome: "no Danish tourists were killed", "no nurses were
among the dead", "no Canadians died", "not a single passenger had been taken hostage"."""
_NO_ARRESTS: Final = re.compile(
    r"\b(?:made|make|making)\s+(?P<no>no)\s+arrests?\b"
    r"|(?<![\w-])(?P<no2>[Nn]o)\s+arrests?\s+(?:had|have|has|were|was)\s+(?:yet\s+)?"
    r"(?:been\s+)?made\b"
)
"""Nobody arrested: "police had made no arrests", "no arrests were made"."""
_UNHURT: Final = re.compile(
    r"\b(?:escaped|survived|emerged|was|were|came\s+out|walked\s+away|freed|rescued|released)"
    r"\s+(?P<no>unhurt|unharmed|uninjured|unscathed|without\s+(?:any\s+|serious\s+)?(?:injury|"
    r"injuries|a\s+scratch))\b"
    r"|\bwithout\s+(?P<no2>any)\s+of\s+(?:its|their|his|her|the)\s+[\w\s-]{1,40}?\s+being\s+"
    r"(?:hurt|injured|harmed|wounded)\b"
    r"|(?<![\w-])(?P<no3>[Nn]one)\s+of\s+(?:the|its|their|his|her)\s+[^,;.]{1,40}?"
    r"(?:,[^;.]{1,80}?,)?\s+(?:was|were|had\s+been)\s+"
    rf"(?P<verb>hurt|injured|harmed|wounded|killed|captured|arrested|detained){_OR_VERB}\b"
)
"""Nobody of a group or one person hurt, without "no": "escaped unhurt", "rescued unharmed",
"without any of its players being hurt", "none of the runners, who had finished, was
hurt": 0 injured."""


_NOBODY: Final = re.compile(
    r"(?<![\w-])(?P<no>[Nn]obody|[Nn]o\s+one)(?:\s+else)?"
    r"(?:\s+(?:on|in|at|aboard|inside)\s+[^,;.]{1,30}?)?"
    r"\s+(?:(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?(?P<verb>killed|hurt|injured|"
    r"wounded|harmed|arrested|detained|in\s+custody|hit)|(?P<died>died))\b"
)
_ZERO_OUTCOMES: Final[dict[str, Outcome]] = {
    "killed": "killed", "hurt": "injured", "injured": "injured", "wounded": "injured",
    "harmed": "injured", "arrested": "arrested", "detained": "arrested", "in": "arrested",
    "hit": "injured", "taken": "captured", "abducted": "captured", "kidnapped": "captured",
    "found": "killed", "dead": "killed", "victims": "killed", "captured": "captured",
    "died": "killed",
}  # fmt: skip


def none_of(text: str, begin: int, end: int) -> list[Amount]:
    """ "No American personnel were hurt": a count of 0 for a named group; "nobody was
    hurt", "no one on the train died": 0 of everyone (a negated verb, "did not die", is no
    figure); "escaped unhurt", "none of the runners, who ..., was hurt": 0 injured.

    >>> t = "Nobody was hurt."
    >>> [(a.quantity.value, a.outcome) for a in none_of(t, 0, len(t))]
    [(0, 'injured')]
    """
    found: list[Amount] = []
    for m in _NOBODY.finditer(text, begin, end):
        outcome = _ZERO_OUTCOMES[m["verb"].split()[0]] if m["verb"] else "killed"
        zero = Amount(Quantity(0, None, None, False, m["no"]), m.start("no"), m.end("no"), m.end())
        zero.outcome, zero.own, zero.group = outcome, True, ("total", None)
        found.append(zero)
    for m in _UNHURT.finditer(text, begin, end):
        no = next(g for g in ("no", "no2", "no3") if m[g])
        zero = Amount(Quantity(0, None, None, False, m[no]), m.start(no), m.end(no), m.end())
        group = group_match(text[m.end(no) : m.start("verb")]) if m["verb"] else None
        zero.outcome, zero.own = _ZERO_OUTCOMES.get(m["verb"] or "hurt", "injured"), True
        zero.group = (group[0], None) if group is not None else ("total", None)
        found += [zero, *_or_zero(zero, m["verb2"])]
    for m in _NO_GROUP.finditer(text, begin, end):
        named = _zero_group(m["words"], singular=m["no"].lower().startswith("not"))
        if named is None:
            continue
        word = m["verb"].split()[0] if m["verb"] else m["counted"] or m["died"]
        zero = Amount(Quantity(0, None, None, False, m["no"]), m.start("no"), m.end("no"), m.end())
        zero.outcome = _ZERO_OUTCOMES.get(word, "injured")
        zero.own, zero.group = True, named
        found += [zero, *_or_zero(zero, m["verb2"])]
    for m in _NO_ARRESTS.finditer(text, begin, end):
        no = "no" if m["no"] else "no2"
        zero = Amount(Quantity(0, None, None, False, m[no]), m.start(no), m.end(no), m.end())
        zero.outcome, zero.own, zero.group = "arrested", True, ("total", None)
        found.append(zero)
    return found


def _or_zero(zero: Amount, verb: str | None) -> list[Amount]:
    """The second zero of "none ... was killed or injured" (the same words, another
    outcome)."""
    outcome = _ZERO_OUTCOMES.get(verb or "", None)
    if outcome is None or outcome == zero.outcome:
        return []
    other = Amount(zero.quantity, zero.begin, zero.end, zero.extent)
    other.outcome, other.own, other.group = outcome, True, zero.group
    return [other]


def _zero_group(words: str, *, singular: bool) -> tuple[PopulationGroup, str | None] | None:
    """The group "no ..." names before its verb: group words ("no American personnel"),
    a nationality ("no New Zealanders") or a person noun ("no nurses", "no police
    officer"); ``None`` for anything else ("no evidence was found")."""
    group = group_match(words)
    if group is not None:
        return group[0], None
    phrase = words.strip()
    if re.match(r"members?\s+of\s", phrase):  # "no member of the crew"
        return "other-group", phrase
    last = phrase.split()[-1] if phrase else ""
    if demonym_countries(last) or demonym_countries(last.removesuffix("s")):
        return "total", phrase
    noun = last.lower() if singular else last.lower().removesuffix("s")
    if last and (_person(noun) and noun not in _NOT_VICTIM):
        return "other-group", phrase
    return None


_AGENT_NOUN: Final = re.compile(r"[a-z]{2,}(?:er|or|ist|ian|ant|ent|man|woman|ee|ive|ic)")
"""How English names a person by what they do ("carpenter", "operator", "journalist",
"guardian", "sergeant", "resident", "fireman", "employee", "operative", "medic")."""


def _person(noun: str, outcome: Outcome = "injured") -> bool:
    """Whether ``noun`` names one person: a person noun, an agent noun, or, as the
    victim of a killing, any noun that is not equipment ("a Muslim carpenter", "a
    passer-by")."""
    if person_noun(noun):
        return True
    return outcome == "killed" and not equipment_spans(noun) and noun not in _NOT_VICTIM


def person_noun(noun: str) -> bool:
    """Whether the lower-case ``noun`` names a person: a person noun or an agent noun
    that is no equipment.

    >>> person_noun("carpenter"), person_noun("medic"), person_noun("truck")
    (True, True, False)
    """
    if noun in PERSON_NOUNS or noun in ("driver", "suspect", "leader", "chief", "owner"):
        return True
    return _AGENT_NOUN.fullmatch(noun) is not None and not equipment_spans(noun)


_NOT_VICTIM: Final = frozenset(
    "attack attacks bombing explosion blast plan plot operation raid siege assault fire "
    "shooting massacre fighting battle clash offensive".split()
)
"""Nouns a killing verb can follow that name no victim ("the attack killed", "the other")."""


def _person_group(noun: str | None) -> tuple[PopulationGroup, str | None]:
    found = group_match(noun) if noun else None
    if found is not None:
        return found[0], noun if found[1] else None
    return ("total", noun)


def named_amounts(text: str, begin: int, end: int, amounts: list[Amount]) -> list[Amount]:
    """Named people killed, hurt, arrested or taken (:mod:`~attackgraph.extract.victims`),
    unless an amount before already counts them ("One pilot, Ari Sen, was killed").

    >>> t = "Tomas Varga and Ada Obi were killed."
    >>> [(a.quantity.value, a.qualifier) for a in named_amounts(t, 0, len(t), [])]
    [(2, 'Tomas Varga and Ada Obi')]
    """
    found: list[Amount] = []
    taken = [(a.begin, a.end) for a in amounts]
    for v in [*named_victims(text, begin, end), *listed_victims(text, begin, end)]:
        if any(b <= v.begin <= e + 1 or v.begin <= b < v.end for b, e in taken):
            continue
        if any(_apposition(text, e, v.begin) for _, e in taken):
            continue  # "One pilot, Ari Sen, was killed": the pilot is counted already
        name = text[v.begin : v.end]
        words = group_match(text[v.end : v.extent]) if v.lead < 0 else None
        group = _with_others(text, v.extent, end) or (
            (words[0], None) if words else ("total", None)
        )
        named = Amount(Quantity(v.count, None, None, False, name), v.begin, v.end, v.extent)
        named.group, named.qualifier = group, name
        named.outcome, named.own, named.lead = v.outcome, True, v.lead
        found.append(named)
    return found


def youngest_amounts(text: str, begin: int, end: int, amounts: list[Amount]) -> list[Amount]:
    """The youngest or oldest of the dead, named
    (:func:`~attackgraph.extract.victims.youngest_victims`): 1 killed, the name its words
    and its subgroup, unless one of ``amounts`` reads the name already.

    >>> t = "The youngest victim, Lena Dorsch, was four."
    >>> [(a.quantity.value, a.outcome, a.qualifier) for a in youngest_amounts(t, 0, len(t), [])]
    [(1, 'killed', 'Lena Dorsch')]
    """
    found: list[Amount] = []
    for v in youngest_victims(text, begin, end):
        if any(a.begin < v.end and v.begin < max(a.end, a.extent) for a in amounts):
            continue
        name = text[v.begin : v.end]
        one = Amount(Quantity(1, None, None, False, name), v.begin, v.end, v.extent)
        one.outcome, one.own, one.group, one.qualifier = "killed", True, ("total", None), name
        found.append(one)
    return found


def _apposition(text: str, end: int, name: int) -> bool:
    """Whether the name at ``name`` restates the counted words ending at ``end``."""
    return (
        end <= name
        and re.fullmatch(r"[^,;]{0,40},\s+(?:[A-Z][\w.]*\s+){0,2}", text[end:name]) is not None
    )


_WITH_OTHERS: Final = re.compile(
    r"\s+(?:along\s+)?with\s+(?:several\s+|\w+\s+)?(?:other|fellow)\s+"
)


def _with_others(text: str, at: int, end: int) -> tuple[PopulationGroup, str | None] | None:
    """The group a named person belongs to when killed "with other militants"."""
    m = _WITH_OTHERS.match(text, at, end)
    if m is None:
        return None
    found = group_match(text[m.end() : min(end, m.end() + 30)])
    if found is None or found[2] != 0:
        return None
    return found[0], None


def listed_amounts(text: str, begin: int, end: int, amounts: list[Amount]) -> list[Amount]:
    """Two or more people listed as the victims of one verb, counted from the parse
    (:mod:`~attackgraph.extract.parsed_victims`), unless one of ``amounts`` is among them.

    >>> t = "Ana Ruiz, his driver, Tom Bell, and Judge Okafor were killed."
    >>> [(a.quantity.value, a.outcome) for a in listed_amounts(t, 0, len(t), [])]
    [(3, 'killed')]
    """
    found: list[Amount] = []
    for v in listed_in_parse(text, begin, end):
        if any(v.begin <= a.begin < v.extent for a in amounts):
            continue  # "Lt Barry and two other soldiers": the number reads them
        words = text[v.begin : v.end]
        listed = Amount(Quantity(v.count, None, None, False, words), v.begin, v.extent, v.extent)
        listed.outcome, listed.own, listed.group, listed.qualifier = (
            v.outcome,
            True,
            ("total", None),
            words,
        )
        found.append(listed)
    return found
