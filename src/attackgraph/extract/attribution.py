"""Who says so: the attribution cues of one sentence and the words naming the source.

:func:`find_cues` reads one sentence and returns its :class:`Cue` values in order: the
reporting words, the words naming the source (``subject``), an intermediary
(``via``), whom responsibility is laid on (``target``), and the stretch of text the
source is responsible for (``content``). Turning the subject words into an actor name
(titles, acronyms, "the group", "he") is :mod:`attackgraph.extract.speakers`' job.

Forms read (X is the source, V an intermediary):

===========================================================  ===============================
form                                                         cue
===========================================================  ===============================
"X said / stated / reported / announced / confirmed /         report (content after the verb)
claimed / alleged / declared / acknowledged / told V that"   — "told AFP": via AFP
"X estimated that ..."                                       estimate
"X put / placed the death toll (number, figure) at N",       report (content from the toll
"X gave a figure of N", "X raised the toll to N"             words on)
"X found / concluded / recalled / heard / held that ..."     report
"..., X said." / "..., said X."                              report (content before it)
"according to X, ..." / "..., according to X."               report
"in a statement released by X, ..."                          report
"with X stating / estimating that ..."                       report / estimate
"X released a statement / video condemning / denying /       condemnation / denial /
claiming ...", "..., saying that ..." (same X)               responsibility / report
"X claimed (declared, took) responsibility",                 responsibility; "obtained by V",
"X claimed the attack"                                       "through its V", "to V": via V
"X attributed the attack to Y", "X blamed Y",                responsibility with target Y
"X named Y as the organiser", "on behalf of Y"
"X denied (rejected) ..."                                    denial
"X condemned / denounced / deplored ...", "expressed ...     condemnation
condemnation"
===========================================================  ===============================

The subject words are found by :mod:`attackgraph.extract.subjects`; a cue whose
subject cannot name a source ("the attack said"), a passive verb ("was reported") and
reported speech inside a claim ("denied that he had said") give no cue. "X said it
condemned ..." is one condemnation by X.

A forward cue's content runs from the cue to the next cue's subject, to a
contrastive link (", while", ", but", ", whereas", ", although", ";"), or to the end
of the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Final

from attackgraph.extract.cue_parts import after_comma, passive_agent, target_of, via_of
from attackgraph.extract.cue_words import CUE_RE, ISSUED, CueKind, cue_kind
from attackgraph.extract.parsed_subjects import needs_parse, parsed_subject
from attackgraph.extract.subjects import (
    PRONOUNS,
    coordinated_verb,
    inverted_subject,
    is_passive,
    leading_subject,
    plausible_source,
    subject_after,
    subject_before,
    trim,
)

__all__ = ["Cue", "CueKind", "find_cues"]


@dataclass(frozen=True)
class Cue:
    """One attribution in a sentence; offsets are absolute (into the text given)."""

    kind: CueKind
    begin: int
    end: int
    """The cue words ("said", "claimed responsibility", "according to")."""
    subject: tuple[int, int] | None
    """The words naming the source; ``None`` for "..., saying that" (same as before)."""
    content: tuple[int, int]
    """The stretch of text stating what the source says."""
    via: tuple[int, int] | None = None
    target: tuple[int, int] | None = None
    forward: bool = True


_PARTICIPLE: Final = re.compile(r"\w+ing$", re.IGNORECASE)


_CONTRAST: Final = re.compile(
    r",\s+(?:while|whereas|but|although|though|however)\b|;|\s(?:but|whereas)\s"
)

_TRAILING_TAIL: Final = re.compile(
    r"\s*(?:(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s*)?"
    r"(?:on\s+condition\s+of\s+anonymity|on\s+\w+|in\s+a\s+statement|later)?"
    r"\s*[.!?\"'”’]*\s*$"
)


_CLAUSE_GOES_ON: Final = re.compile(r"\s*,\s+(?:and\s+)?[a-z]")
"""After an inserted "according to X": the sentence goes on."""
_FIRST_PERSON: Final = frozenset({"i", "we"})
_TOLD_TAIL: Final = re.compile(
    r"\s*(?:(?:the\s+|a\s+|an\s+|local\s+|state\s+|foreign\s+)?(?:[A-Z][\w'’.-]*(?:\s+[A-Z]"
    r"[\w'’.-]*)*|reporters|journalists|the\s+press|media|television|radio|a\s+news\s+"
    r"conference|a\s+briefing|parliament|lawmakers|a\s+committee)\s*)?"
    r"(?:on\s+condition\s+of\s+anonymity|on\s+\w+|in\s+a\s+statement|later)?"
    r"\s*[.!?\"'”’]*\s*$"
)
"""What may follow a closing "told": the audience ("reporters", "AFP", "a news
conference") and a time - then the sentence before the speaker is what was said."""


def _raw_cues(text: str, begin: int, end: int) -> list[Cue]:
    cues: list[Cue] = []
    for m in CUE_RE.finditer(text, begin, end):
        if any(c.subject is not None and c.subject[0] <= m.start() < c.subject[1] for c in cues):
            continue  # "according to the navy's revised count": "revised" names the count
        kind = cue_kind(m)
        words = m.group().lower()
        first = words.split()[0]
        subject: tuple[int, int] | None
        forward, content_start = True, m.end()
        if words.startswith(("according to", "in a", "by")):
            subject = subject_after(text, m.end(), end)
            before = text[begin : m.start()].strip()
            forward = not before or before.endswith(("(", "—")) or words.startswith("in a")
            content_start = subject[1] if subject is not None and forward else m.end()
            if (
                not cues
                and subject is not None
                and before.endswith(",")
                and _CLAUSE_GOES_ON.match(text, subject[1], end)
            ):  # "The toll, according to X, rose to 31": X states the whole clause
                forward, content_start = True, _clause_begin(text, begin, m.start())
        elif first in ("a", "the"):  # "..., a toll confirmed by the hospital": what precedes
            agent = passive_agent(text, m.end(), end)
            if agent is not None:
                cues.append(Cue(kind, m.start(), m.end(), agent, (begin, m.start()), forward=False))
            continue
        elif _PARTICIPLE.match(first) and first not in ("putting", "placing", "taking"):
            subject = _participle_subject(text, m.start(), begin, cues)
            if subject is None:
                continue
        else:
            if first in _REDUCED_VERBS and not _FIGURE_BEFORE.search(text, begin, m.start()):
                continue  # "the hotel was used by airline crews": no statement
            if is_passive(text, begin, m.start()) or _AS_BEFORE.search(text, begin, m.start()):
                agent = passive_agent(text, m.end(), end)
                if agent is not None:  # "nine deaths were confirmed by the hospital"
                    cue = Cue(kind, m.start(), m.end(), agent, (begin, m.start()), forward=False)
                    cues.append(cue)
                continue
            agent = _REDUCED.match(text, m.start()) and passive_agent(text, m.end(), end)
            if agent:  # "the figures adopted by the court were 30 dead": the court's
                verb = _COPULA.search(text, *agent)
                agent = (agent[0], verb.start()) if verb is not None else agent
                cues.append(Cue(kind, m.start(), m.end(), agent, (agent[1], end)))
                continue
            inverted = after_comma(text, begin, m, end)
            relative = _RELATIVE_BEFORE.search(text, begin, m.start())
            at = relative.start() if relative is not None else m.start()
            subject = inverted or _without_adverbial(
                text, begin, end, at, subject_before(text, at, begin)
            )
            if subject is not None and (
                coordinated_verb(text[subject[0] : subject[1]])
                or _shared(subject, cues[-1] if cues else None)
            ):
                subject = cues[-1].subject if cues else leading_subject(text, begin, m.start())
            if subject is None and first in ("said", "says", "told", "added"):
                subject = inverted_subject(text, m.end(), end)
                forward = subject is None
            if subject is None:
                continue
            if inverted or (_TOLD_TAIL if first == "told" else _TRAILING_TAIL).fullmatch(
                text, m.end(), end
            ):
                forward = False
            elif _parenthetical(text, begin, subject[0], m.end(), end):
                content_start = begin  # "Six died, the army said, and two were hurt": both
        cue = Cue(kind, m.start(), m.end(), subject, (content_start, end), forward=forward)
        cue = replace(cue, via=via_of(text, m.start(), end), target=target_of(text, kind, m, end))
        cues.append(cue)
    return cues


_REDUCED_VERBS: Final = frozenset("adopted used compiled kept drawn prepared maintained".split())
_REDUCED: Final = re.compile(
    r"(?:adopted|used|compiled|kept|drawn\s+up|prepared|maintained)\s+by\b"
)
"""A participle after its noun ("the figures adopted by X were ..."): X states what follows."""
_FIGURE_BEFORE: Final = re.compile(
    r"\b(?:figures?|numbers?|toll|count|tally|tallies|estimates?|lists?|registers?|records?)"
    r"(?:\s+of\s+(?:the\s+)?[a-z]+)?\s+(?:\w+ly\s+)?$"
)
_COPULA: Final = re.compile(
    r"\s+(?:was|were|is|are|had|has|have|stood|lists|listed|contains|contained|includes|"
    r"included|gives|gave|puts|put|shows|showed|records|recorded|counts|counted)\b"
)
_NOT_A_NOUN: Final = re.compile(r"[a-z]+(?:s|ing|ed)\s+[a-z]")
"""Words before a verb that open with a verb form, not a noun ("monitors civilian
casualties", "speaking on condition of anonymity"): the parse knows the subject."""
_AS_BEFORE: Final = re.compile(r"\bas\s+$")
_NEW_CLAUSE: Final = re.compile(r"(?:,\s*and|;)\s*$")
"""What ends right before the subject words found when they open a coordinated clause of
their own ("..., and a review board set up under it")."""
_RELATIVE_BEFORE: Final = re.compile(
    r",\s+(?:(?:for|of|with|to|in|by|from|at)\s+)?(?:which|whom|who|whose)\b[^,;]{1,80},\s*$"
)
"""A relative clause set off by commas right before the verb ("the charity X, for which
he worked, said"): the subject is before it."""


def _clause_begin(text: str, begin: int, at: int) -> int:
    """Where the clause holding ``at`` begins: after the last semicolon before it ("The
    tally was 600; about 40, according to X, were in hospital": X states the second).

    >>> _clause_begin("A was 6; about 4, by X", 0, 17)
    9
    """
    semicolon = text.rfind(";", begin, at)
    if semicolon < 0:
        return begin
    return semicolon + 1 + (len(text[semicolon + 1 : at]) - len(text[semicolon + 1 : at].lstrip()))


def _shared(subject: tuple[int, int], previous: Cue | None) -> bool:
    """Whether a later verb's subject, found before the previous cue of the sentence,
    is that cue's subject ("the police chief, Ana Ruiz, revised the toll ... and said"):
    the parse gives the coordinated verb the head noun, the cue already has the name."""
    return (
        previous is not None
        and previous.subject is not None
        and previous.subject[0] < previous.begin
        and subject[1] <= previous.begin
        and subject[0] <= previous.subject[1]
        and subject != previous.subject
    )


def _without_adverbial(
    text: str, begin: int, end: int, verb: int, subject: tuple[int, int] | None
) -> tuple[int, int] | None:
    """The subject without an adverbial that opens the sentence before it ("At dawn
    the army said" -> "the army"): the parse's subject of the verb, when it lies inside."""
    if subject is None:
        return subject
    words = text[subject[0] : subject[1]]
    no_noun = not plausible_source(words) or _NOT_A_NOUN.match(words) is not None
    if not (no_noun or needs_parse(words)):
        return subject
    parsed = parsed_subject(text, begin, end, verb)
    if parsed is None or not (begin <= parsed[0] and parsed[1] <= verb):
        return subject
    if not no_noun and parsed[1] <= subject[0] and "," not in text[parsed[1] : subject[0]]:
        return subject  # "an investigation published by X found": X, as the words say
    if not no_noun and parsed[1] <= subject[0] and _NEW_CLAUSE.search(text, parsed[1], subject[0]):
        return subject  # "X passed a law, and a board set up under it counted": the board
    # "Ali Musa, a guard who stood there before the rebels took it, recalled": Ali Musa
    return parsed


def _participle_subject(
    text: str, at: int, floor: int, earlier: list[Cue]
) -> tuple[int, int] | None:
    """Who is stating in "with X stating", "X released a video claiming", ", saying"."""
    left = text[floor:at]
    with_ = re.search(r"\bwith\s+(.+?)\s*$", left)
    if with_ is not None and not re.search(r"[,;]", with_.group(1)):
        return floor + with_.start(1), floor + with_.end(1)
    issued = re.search(ISSUED + r"$", left, re.IGNORECASE)
    if issued is not None:
        return subject_before(text, floor + issued.start(), floor)
    if left.rstrip().endswith(",") and earlier:
        return earlier[-1].subject
    return None


_ACCORDING_TO_WHAT: Final = re.compile(
    r"(?:the|a|an)\s+(?!(?:plan|schedule|legend|tradition|custom)\b)[a-z]"
)
"""What "according to" names that names no speaker by its words is still the source of
what it says ("according to the medical evidence", "according to the most detailed
reconstruction"): a noun phrase with an article, not "plan" or "legend" ("according to
its analysis" is left to the possessive's rules)."""

_SUBORDINATE: Final = re.compile(
    r"\s*(?:When|After|As|Once|Before|Since|While|Although|Though|Because|If|Until)\b[^,]*$"
)
"""A fronted subordinate clause up to the subject: a cue in it says only that clause."""
_PARENTHETICAL_AFTER: Final = re.compile(
    r"(?:\s+[\w'’.-]+){0,4}?\s*,\s+(?!that\b|however\b|according\b)(?=[a-z])"
)


def _parenthetical(text: str, begin: int, subject: int, after: int, end: int) -> bool:
    """A reporting clause set off by commas inside the sentence ("Six soldiers died, the
    army said, and two were hurt"): the source states what comes before and after it."""
    before = text[begin:subject].rstrip()
    return (
        before.endswith(",")
        and bool(before[:-1].strip())
        and _PARENTHETICAL_AFTER.match(text, after, end) is not None
    )


def _content_end(text: str, start: int, stop: int) -> int:
    m = _CONTRAST.search(text, start, stop)
    return m.start() if m is not None else stop


def _merge_said_it(text: str, cues: list[Cue]) -> list[Cue]:
    """ "X said it condemned ...": one condemnation (denial, ...) cue with subject X."""
    merged: list[Cue] = []
    for cue in cues:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind is CueKind.REPORT
            and previous.subject is not None
            and cue.subject is not None
            and text[cue.subject[0] : cue.subject[1]].lower() in PRONOUNS
            and re.fullmatch(r"\s*(?:that\s+)?", text[previous.end : cue.subject[0]])
        ):
            merged[-1] = replace(cue, subject=previous.subject, begin=previous.begin)
            continue
        merged.append(cue)
    return merged


_DATELINE: Final = re.compile(
    r"\s*[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+)*(?:,\s+[^—–\n]{1,40}?)?\s+[—–]\s+(?=\S)"
)
"""A wire-copy dateline ("LONDON, July 14 — "): where the story was filed, no clause."""


def find_cues(text: str, begin: int = 0, end: int | None = None) -> tuple[Cue, ...]:
    """The attribution cues of the sentence ``text[begin:end]``, in order.

    Never raises.

    >>> t = "The army put the death toll at 20, while local sources said 31 died."
    >>> [(c.kind.value, t[slice(*c.subject)], t[slice(*c.content)]) for c in find_cues(t)]
    [('report', 'The army', 'the death toll at 20'), ('report', 'local sources', '31 died.')]
    >>> t = "Katibat Macina declared responsibility in an audio recording obtained by AFP."
    >>> [(c.kind.value, t[slice(*c.subject)], t[slice(*c.via)]) for c in find_cues(t)]
    [('responsibility', 'Katibat Macina', 'AFP')]
    >>> t = "Ten soldiers were killed, according to the army."
    >>> [(t[slice(*c.subject)], t[slice(*c.content)], c.forward) for c in find_cues(t)]
    [('the army', 'Ten soldiers were killed', False)]
    >>> t = "Four guards died, the agency said, and a fifth was hurt."
    >>> [(t[slice(*c.subject)], t[slice(*c.content)]) for c in find_cues(t)]
    [('the agency', 'Four guards died, the agency said, and a fifth was hurt.')]
    """
    stop = len(text) if end is None else end
    dateline = _DATELINE.match(text, begin, stop)
    begin = dateline.end() if dateline is not None else begin
    cues: list[Cue] = []
    for cue in _raw_cues(text, begin, stop):
        if cue.subject is not None:
            words = text[cue.subject[0] : cue.subject[1]]
            according = text.startswith("ccording", cue.begin + 1) and cue.kind is CueKind.REPORT
            if (
                not (plausible_source(words) or (according and _ACCORDING_TO_WHAT.match(words)))
                or words.lower() in _FIRST_PERSON
            ):
                continue  # '"We counted 12 bodies," said X': the quote's speaker says it
            nested = (
                cues
                and cue.subject[0] > cues[-1].end
                and re.search(r"(?:\bthat\s*|^\s*)$", text[cues[-1].end : cue.subject[0]])
            )  # "X said (that) staff had recorded 258 deaths": X's claim
            if nested and not (cue.kind is not CueKind.REPORT and words.lower() in PRONOUNS):
                continue  # "denied that he had said": reported speech inside a claim
        cues.append(cue)
    cues = _merge_said_it(text, cues)
    out: list[Cue] = []
    for k, cue in enumerate(cues):
        if cue.forward:
            nxt = cues[k + 1] if k + 1 < len(cues) else None
            limit = stop
            if nxt is not None:
                limit = nxt.begin
                if nxt.subject is not None and nxt.subject[0] > cue.end:
                    limit = min(nxt.subject[0], nxt.begin)  # else the same subject, before
                limit = max(limit, cue.end)
            if cue.subject and _SUBORDINATE.match(text, begin, cue.subject[0]):
                comma = text.find(",", cue.end, limit)  # "When the army said so, ..."
                limit = comma if comma >= 0 else limit
            start = cue.content[0]
            if start < cue.begin:  # a parenthetical cue: from the previous content on
                start = max(start, out[-1].content[1] if out else begin)
                if nxt is not None and not nxt.forward:
                    limit = cue.end  # what follows belongs to the trailing cue
            content = trim(text, start, _content_end(text, start, max(limit, start)))
        else:
            floor = out[-1].content[1] if out else begin
            left = cue.subject[0] if cue.subject and cue.subject[0] < cue.begin else cue.begin
            if text[begin : cue.begin].rstrip().endswith(("according to",)):
                left = cue.begin
            content = trim(text, floor, trim(text, floor, left)[1])
            content = (content[0], content[1])
        out.append(replace(cue, content=content))
    return tuple(out)
