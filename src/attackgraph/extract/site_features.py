"""What the prose says around a name that may be a site of the main event.

The prose reader (:mod:`~attackgraph.extract.site_prose`) finds names after a locative
word or an attack verb in sentences about the main event; whether such a name is a site
of the event is asked of a small learned classifier (the logistic regression of
:mod:`~attackgraph.extract.figure_model`, labels :data:`SITE` and ``none``) over the
string features written here: the word that governs the name, the named entity the
linguistic layer reads there, whether the name or its context says what kind of place it
is, where in the document the sentence is and what else it says. The weights shipped
with the package are ``resources/site_model.json``, trained on the development corpora's
gold by ``tools/train_site_model.py`` (command and SHA-256 in ``docs/evaluation.md``).

>>> "site" in shipped_site_model().labels
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from attackgraph.extract.figure_model import Model, packaged_weights
from attackgraph.extract.sentences import Sentence

__all__ = [
    "SITE",
    "SITE_MODEL_ENV",
    "SITE_THRESHOLD",
    "SITE_VETO",
    "SiteContext",
    "site_features",
    "shipped_site_model",
]

SITE: Final = "site"
"""The label of a name that is a place of the main event."""

SITE_MODEL_ENV: Final = "ATTACKGRAPH_SITE_MODEL"
"""Environment variable naming another weights file (leave-one-set-out evaluation only)."""

SITE_THRESHOLD: Final = 0.6
"""The probability of :data:`SITE` from which a candidate the rules leave out (no word
saying what kind of place it is, no place entity) becomes a place."""

SITE_VETO: Final = 0.1
"""The probability of :data:`SITE` below which a candidate the rules accept is left out."""

_ATTACK: Final = re.compile(
    r"^(?:storm|seiz|strik|struck|attack|raid|bomb|spray|occup|besieg|enter|hit|took|target|"
    r"destroy|damag|overran|brought|set|setting)"
)
_MOVE: Final = re.compile(r"^(?:moved|marching|marched|headed|advanced|drove|walked)\b")
_PART: Final = re.compile(
    r"^(?:corner|junction|intersection|roof|gate|entrance|edge|foot|slope|grounds|steps|lobby|"
    r"courtyard|perimeter|wall|shore|mouth|bank|heart|centre|center|tower|floor|basement)"
)
_NAMING: Final = re.compile(r"\b(?:known|called)\b")
_AREA: Final = re.compile(r"^(?:village|hamlet|town|city|district|area|neighbo|suburb)")
_CASUALTY: Final = re.compile(
    r"\b(?:kill|dead|died|wound|injur|shot|massacr|explo|detonat|blast|gunmen|opened fire|"
    r"hostage|bomb)",
    re.IGNORECASE,
)
_WORD: Final = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class SiteContext:
    """What the document says around one candidate name (see :func:`site_features`)."""

    sentence: Sentence
    name: str
    begin: int
    """Offset of the name in the sentence."""
    end: int
    prep: str
    """The word or phrase that governs it ("at", "stormed", "village of")."""
    label: str | None
    """The named-entity label the linguistic layer gives it, if any."""
    sited: bool
    """The name or the words around it say what kind of place it is."""
    near: bool
    first: bool
    """Its sentence is the lead's first."""
    mentions: int
    """How often the document writes the name."""
    in_title: bool


def _governor(prep: str) -> str:
    """The governing word, its attack verbs, parts and areas each taken as one.

    >>> _governor("stormed"), _governor("roof of"), _governor("At"), _governor("now known as")
    ('attack', 'part', 'at', 'named')
    """
    word = prep.lower()
    if _ATTACK.match(word):
        return "attack"
    if _MOVE.match(word):
        return "move"
    if _NAMING.search(word):
        return "named"
    if word.endswith(" of"):
        return "part" if _PART.match(word) else ("area" if _AREA.match(word) else "of")
    return word if " " not in word and len(word) <= 8 else "kind"


def site_features(context: SiteContext) -> list[str]:
    """The classifier's features of one candidate.

    >>> from attackgraph.model import Span
    >>> text = "Gunmen stormed the Palace Hotel in Dunmore."
    >>> s = Sentence(Span(0, len(text), text, 1), (), 0, False)
    >>> c = SiteContext(s, "Palace Hotel", 19, 31, "stormed", "FAC", True, False, True, 2, False)
    >>> site_features(c)[:5]
    ['bias', 'gov=attack', 'ent=FAC', 'sited', 'ent=FAC&gov=attack']
    """
    text = context.sentence.text
    gov = _governor(context.prep)
    ent = context.label or "none"
    found = ["bias", f"gov={gov}", f"ent={ent}"]
    found.append("sited" if context.sited else "unsited")
    found.append(f"ent={ent}&gov={gov}")
    found.append(f"ent={ent}&{'sited' if context.sited else 'unsited'}")
    if context.near:
        found.append("near")
    if gov == "entity":  # no locative word: the word before the name, lowercase ("to")
        previous = re.search(r"([a-z]+)\W*$", text[: context.begin])
        found.append(f"prev={previous.group(1) if previous else 'none'}")
    sections = context.sentence.sections
    found.append("first" if context.first else ("lead" if not sections else "section"))
    if sections:
        found += [f"heading={w}" for w in dict.fromkeys(_WORD.findall(sections[0].lower()))]
    found.append(f"mentions={min(context.mentions, 4)}")
    if context.in_title:
        found.append("in-title")
    words = context.name.split()
    found.append(f"words={min(len(words), 3)}")
    if any(c.isdigit() for c in context.name):
        found.append("digit")
    if context.name.isupper():
        found.append("upper")
    if text.endswith("the ", 0, context.begin):
        found.append("the-before")
    after = text[context.end : context.end + 12].lstrip()
    nxt = re.match(r"[\w']+|[^\w\s]", after)
    if nxt is not None and not nxt.group(0)[0].isupper():
        found.append(f"next={nxt.group(0).lower()}")
    if _CASUALTY.search(text):
        found.append("casualty-sentence")
    if re.search(r"\b(?:1[0-9]|20)\d\d\b", text):
        found.append("year-sentence")
    return found


@cache
def shipped_site_model() -> Model:
    """The weights shipped with the package (or the file :data:`SITE_MODEL_ENV` names)."""
    return packaged_weights(SITE_MODEL_ENV, "site_model.json")
