"""What the prose says around a name that may be an actor of the document.

The prose reader of named parties (:mod:`~attackgraph.extract.named`) reads the PERSON
and ORG entities of the linguistic layer; its rules accept many and leave out some (one
capitalised word that is no acronym: "Mossad", "Interpol", "Fatah"; a name the tagger reads
as a place or not at all: "Aum Shinrikyo", "Hugo Anzorreguy"). Whether such a name is an
actor, and whether a name the rules accept is one after all, is asked of a small
learned classifier (the logistic regression of :mod:`~attackgraph.extract.figure_model`,
labels :data:`ACTOR` and ``none``) over the string features written here: the entity
label, what the rules said, the shape of the name and its first and last words, the
words around it, a title before it, how often the document writes it and where, whether
the gazetteer knows it as a place's name. No feature reads the dependency parse: it
costs a parse of every sentence with a candidate, and the parse's role of the name (the
subject of which verb, the object of which preposition) made the candidates the rules
leave out no better told apart (docs/evaluation.md). The weights shipped with the
package are ``resources/actor_model.json``, trained on the development corpora's gold by
``tools/train_actor_model.py`` (command and SHA-256 in ``docs/evaluation.md``).

>>> "actor" in shipped_actor_model().labels
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from attackgraph.extract.figure_model import Model, packaged_weights
from attackgraph.extract.name_words import is_title
from attackgraph.extract.sentences import Sentence

__all__ = [
    "ACTOR",
    "ACTOR_MODEL_ENV",
    "ACTOR_THRESHOLD",
    "ACTOR_VETO",
    "ActorContext",
    "actor_features",
    "shipped_actor_model",
]

ACTOR: Final = "actor"
"""The label of a name that is an actor of the document."""

ACTOR_MODEL_ENV: Final = "ATTACKGRAPH_ACTOR_MODEL"
"""Environment variable naming another weights file (leave-one-set-out evaluation only)."""

ACTOR_THRESHOLD: Final = 0.6
"""The probability of :data:`ACTOR` from which a name the rules leave out (one word that
is no acronym) becomes an actor."""

ACTOR_VETO: Final = 0.4
"""The probability of :data:`ACTOR` below which a name the rules accept is left out."""

_WORD: Final = re.compile(r"[\w'’-]+|[^\w\s]")


@dataclass(frozen=True)
class ActorContext:
    """What the document says around one candidate name (see :func:`actor_features`)."""

    sentence: Sentence
    name: str
    begin: int
    """Offset of the name in the sentence."""
    end: int
    label: str
    """The named-entity label the linguistic layer gives it."""
    ruled: bool
    """The rules accept it."""
    first: bool
    """Its sentence is the lead's first."""
    mentions: int
    """How often the document writes the name."""
    in_title: bool
    place: bool = False
    """The gazetteer knows the name as a place's."""


def actor_features(context: ActorContext) -> list[str]:
    """The classifier's features of one candidate.

    >>> from attackgraph.model import Span
    >>> text = "Officials said Interpol had issued notices."
    >>> s = Sentence(Span(0, len(text), text, 1), (), 0, False)
    >>> c = ActorContext(s, "Interpol", 15, 23, "ORG", False, True, 2, False)
    >>> actor_features(c)[:6]
    ['bias', 'ent=ORG', 'left-out', 'ent=ORG&left-out', 'words=1', 'ent=ORG&words=1']
    >>> [f for f in actor_features(c) if f.startswith(("prev=", "next="))]
    ['prev=said', 'next=had']
    """
    text = context.sentence.text
    words = context.name.split()
    ruled = "ruled" if context.ruled else "left-out"
    found = ["bias", f"ent={context.label}", ruled, f"ent={context.label}&{ruled}"]
    size = f"words={min(len(words), 3)}"
    found += [size, f"ent={context.label}&{size}"]
    if context.name.isupper() or sum(c.isupper() for c in context.name) >= 2 == len(words):
        found.append("upper")
    if any(c.isdigit() for c in context.name):
        found.append("digit")
    if "-" in context.name:
        found.append("hyphen")
    found.append(f"last={words[-1].lower()}")
    if len(words) > 1:
        found.append(f"first={words[0].lower()}")
    before = _WORD.findall(text[max(0, context.begin - 30) : context.begin])
    after = _WORD.findall(text[context.end : context.end + 30])
    if not before:
        found.append("starts")
    else:
        prev = before[-1]
        found.append(f"prev={prev.lower()}" if not prev[:1].isupper() else "prev=Cap")
        if is_title(prev):
            found.append("title-before")
    if after:
        nxt = after[0]
        found.append(f"next={nxt.lower()}" if not nxt[:1].isupper() else "next=Cap")
    sections = context.sentence.sections
    found.append("first" if context.first else ("lead" if not sections else "section"))
    found.append(f"mentions={min(context.mentions, 4)}")
    found.append(f"ent={context.label}&mentions={min(context.mentions, 4)}")
    if context.in_title:
        found.append("in-title")
    if context.place:
        found += ["gazetteer", f"gazetteer&words={min(len(words), 3)}"]
    return found


@cache
def shipped_actor_model() -> Model:
    """The weights shipped with the package (or the file :data:`ACTOR_MODEL_ENV` names)."""
    return packaged_weights(ACTOR_MODEL_ENV, "actor_model.json")
