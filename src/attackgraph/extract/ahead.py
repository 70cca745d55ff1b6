"""What a document's readers will ask the linguistic layer, known before they read it,
so that a worker asks it for several documents in one batch.

Three readers ask spaCy about sentences chosen by gates of the sentence's own words: the
figure guesser parses the sentences that can name a casualty without a number
(:meth:`~attackgraph.extract.figure_guess.FigureGuess.prepare`), the site reader tags the
sentences of the sections that can tell of the event with a capital inside
(:mod:`~attackgraph.extract.site_prose`), and the actor reader tags the sentences that
can name someone new (:func:`~attackgraph.extract.named.prose_actors`, asked here without
the names the document already knows, a wider gate). Each answer depends on the
sentence's text alone and is cached by it (:mod:`~attackgraph.extract.nlp`), so
answering these first changes no result: the readers find them in the cache. What it
saves is the cost of each call to the layer (a call of one document's few sentences
costs about as much again as the sentences themselves).

>>> from attackgraph.parse import parse
>>> doc = parse(b"= Raid =\\n\\nGunmen shot a guard dead in Tamba. Ali Roba said so.\\n", "r.txt")
>>> parse, tag = questions(doc)
>>> parse
['Gunmen shot a guard dead in Tamba.']
>>> tag
['Gunmen shot a guard dead in Tamba.', 'Ali Roba said so.']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from attackgraph.extract.figure_features import names_an_outcome
from attackgraph.extract.named import can_name_anyone
from attackgraph.extract.nlp import entities_of, parse_all
from attackgraph.extract.patients import may_name_patients
from attackgraph.extract.sentences import sentences
from attackgraph.extract.site_prose import may_name_sites
from attackgraph.model import Document

__all__ = ["MAX_SENTENCES", "ask_ahead", "questions"]

MAX_SENTENCES: Final = 128
"""A longer document is not asked ahead: its readers ask as they read, within the
document's limits (a claims limit may stop them early)."""


def questions(doc: Document) -> tuple[list[str], list[str]]:
    """The sentences of ``doc`` its readers will ask to parse and to tag: (parse, tag),
    each in reading order, none when the document has more than :data:`MAX_SENTENCES`
    sentences."""
    units = sentences(doc)
    if len(units) > MAX_SENTENCES:
        return [], []
    parse = [s.text for s in units if names_an_outcome(s.text) and may_name_patients(s.text)]
    tag = [s.text for s in units if may_name_sites(s) or can_name_anyone(s.text)]
    return parse, tag


def ask_ahead(docs: Iterable[Document]) -> None:
    """Ask the linguistic layer, in one batch of each kind, what the readers of ``docs``
    will ask (see :func:`questions`); the answers wait in its caches."""
    parse: list[str] = []
    tag: list[str] = []
    for doc in docs:
        more_parse, more_tag = questions(doc)
        parse += more_parse
        tag += more_tag
    if parse:
        parse_all(parse)
    if tag:
        entities_of(tag)
