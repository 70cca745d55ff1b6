"""The parts of a cue other than its own words: who told the story to whom (an
intermediary, "told AFP"), whom responsibility is laid on ("blamed X"), the agent of a
passive report ("were confirmed by the hospital") and the speaker named after the verb
(", said X, a spokesman for Y."). :mod:`attackgraph.extract.attribution` assembles
them into cues.
"""

from __future__ import annotations

import re
from typing import Final

from attackgraph.extract.cue_words import CueKind
from attackgraph.extract.parsed_subjects import subject_follows
from attackgraph.extract.subjects import inverted_subject, plausible_source, subject_after
from attackgraph.reference.countries import demonym_countries

__all__ = ["after_comma", "passive_agent", "target_of", "via_of"]


_VIA: Final = re.compile(
    r"\b(?:told|obtained\s+by|through|via|sent\s+to|given\s+to|published\s+by|"
    r"(?:statement|message|interview|video|recording)s?\s+to|broadcast\s+by|posted\s+on|"
    r"quoted\s+by)\s+(?:its\s+|the\s+|their\s+|an?\s+)?"
    r"(?P<via>[A-Z][\w'’-]*(?:\.[\w'’-]+)*"
    r"(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]*(?:\.[\w'’-]+)*)*)"
)

_TARGET: Final = re.compile(
    r"\s*(?:the\s+)?(?P<name>(?:[A-Z0-9][\w'’-]*|(?:al|el)-[A-Z][\w'’-]*)"
    r"(?:\s+(?:[A-Z0-9][\w'’-]*|(?:al|el)-[A-Z][\w'’-]*|of|the|for|wal|al|in|de))*"
    r"(?<!\sof)(?<!\sthe)(?<!\sfor)(?<!\sin)(?<!\sde))"
)

_BEHALF: Final = re.compile(r"\bon\s+behalf\s+of\b")


def via_of(text: str, begin: int, end: int) -> tuple[int, int] | None:
    """An intermediary named with the cue: "told AFP" (the cue itself), "obtained by AFP",
    "through its Amaq agency", "in a statement to Al Jazeera" - before any "that".

    >>> t = "The group said so in a statement to Al Jazeera."
    >>> b, e = via_of(t, t.index("said"), len(t)); t[b:e]
    'Al Jazeera'
    >>> t = "The minister told the House of Lords that nine had died."
    >>> b, e = via_of(t, t.index("told"), len(t)); t[b:e]
    'House of Lords'
    """
    m = _VIA.search(text, begin, end)
    if m is None or m.start() - begin > 80:
        return None
    if m.group().startswith("told") and m.start() != begin:
        return None  # "said the gunmen told Muslims ...": reported, not the cue
    if re.search(r"\bthat\b", text[begin : m.start()]):
        return None
    if demonym_countries(m.group("via")) and re.match(r"\s+[a-z]", text[m.end() :]):
        return None  # "a Mauritanian news agency": a description, not a name
    return m.span("via")


def target_of(text: str, kind: CueKind, cue: re.Match[str], end: int) -> tuple[int, int] | None:
    """Whom a responsibility cue lays the attack on ("blamed X", "on behalf of X").

    >>> t = "The army blamed the Sahel Front for the raid."
    >>> b, e = target_of(t, CueKind.RESPONSIBILITY, re.search("blamed", t), len(t)); t[b:e]
    'Sahel Front'
    """
    words = cue.group().lower()
    if kind is not CueKind.RESPONSIBILITY:
        return None
    if words.startswith(("attribut", "blam", "accus", "named")):
        m = _TARGET.match(text, cue.end(), end)
        return m.span("name") if m is not None else None
    behalf = _BEHALF.search(text, cue.end(), end)
    if behalf is not None:
        m = _TARGET.match(text, behalf.end(), end)
        return m.span("name") if m is not None else None
    return None


_AGENT_TAIL: Final = re.compile(
    r"\s+(?:on|in|at|during|after|before|late|early|last|this|yesterday|earlier|later|when|"
    r"to|as|from)\b"
)
_BY_AGENT: Final = re.compile(r"\s+by\s+(?=(?:the\s+|an?\s+)?[A-Za-z])")


_APPOSED_TAIL: Final = re.compile(
    r",\s+(?:an?|the|its|his|her|[a-z]+ing|who)\s+[^,;]{1,80}?\s*[.!?\"”’]*\s*$"
)


_NAMED_TAIL: Final = re.compile(
    r",\s+([A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|al|el|bin|de|van|von)){1,4})\s*[.!?\"”’]*\s*$"
)


def after_comma(text: str, begin: int, cue: re.Match[str], end: int) -> tuple[int, int] | None:
    """The speaker of "..., said X" (also "..., said X, a spokesman for Y."): a reporting
    verb right after a comma with a name after it and nothing else states its speaker
    after the verb, whatever the words before the comma are.

    >>> t = "The toll climbed to 31, said Ana Ruiz, a spokeswoman for the hospital."
    >>> b, e = after_comma(t, 0, re.search("said", t), len(t)); t[b:e]
    'Ana Ruiz'
    """
    if cue.group().lower() not in ("said", "says", "added") or not text[
        begin : cue.start()
    ].rstrip().endswith((",", ',"', ",”", ",'", ",’")):
        return None
    if not subject_follows(text, begin, end, cue.start()):
        return None  # "Its spokesman, Ali Noor, said the group ...": the subject is before
    named = _NAMED_TAIL.search(text, cue.end(), end)
    if named is not None and inverted_subject(text, cue.end(), named.start()) is not None:
        b, e = named.span(1)  # "..., said the police chief, Ali Noor.": the name
        return b, len(text[b:e].rstrip(".")) + b
    tail = _APPOSED_TAIL.search(text, cue.end(), end)
    return inverted_subject(text, cue.end(), tail.start() if tail is not None else end)


def passive_agent(text: str, after: int, end: int) -> tuple[int, int] | None:
    """The agent of a passive reporting verb ("were confirmed by the hospital"), when it
    can name a source.

    >>> t = "Nine deaths were confirmed by the hospital on Monday."
    >>> b, e = passive_agent(t, t.index("confirmed") + 9, len(t)); t[b:e]
    'the hospital'
    """
    m = _BY_AGENT.match(text, after, end)
    if m is None:
        return None
    found = subject_after(text, m.end(), end)
    if found is None:
        return None
    tail = _AGENT_TAIL.search(text, found[0], found[1])
    found = (found[0], tail.start()) if tail is not None else found
    if found[0] >= found[1] or not plausible_source(text[found[0] : found[1]]):
        return None
    return found
