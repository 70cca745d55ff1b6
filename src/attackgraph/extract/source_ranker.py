"""Who states a figure read from the prose: the candidate sources and a learned ranker.

The prose reader (:mod:`~attackgraph.extract.prose`) chooses a figure's source by rules:
the source of the attribution cue whose content holds the figure, unless the parse
(:mod:`~attackgraph.extract.figure_speakers`) names another speaker for it, or nobody
(the document's own words) outside every cue. Here that choice is one candidate among
the others the sentence and its neighbours offer (:func:`propose`), each with who
proposes it:

- ``rule``: the rules' choice;
- ``cue``: the source of the cue whose content holds the figure;
- ``parse``: the speaker the parse gives the figure;
- ``earlier``: the source of another cue of the sentence read before the figure's;
- ``previous``: a source of a figure of one of the two sentences before;
- ``none``: nobody, the document's own words.

:func:`source_features` describes a candidate by who proposes it, the words naming it,
where they stand from the figure and what lies between (a semicolon, a contrastive link,
another reporting verb, "according to"), and, in a parsed sentence, the dependency path
from the figure to the candidate. A small learned classifier (the logistic regression
of :mod:`~attackgraph.extract.figure_model`, labels :data:`SOURCE` and ``none``) scores
each candidate; :func:`choose` keeps the most probable (ties: the rules' choice). The
reader asks it only when weights are shipped (``resources/source_model.json``) or named
by :data:`SOURCE_MODEL_ENV`; trained on the development corpora's gold by
``tools/train_source_model.py``.

>>> from attackgraph.model import ActorMention, Span
>>> army = ActorMention("army", Span(0, 8, "The army", 1))
>>> found = propose((army,), army, None, (), ())
>>> [(c.names, sorted(c.proposers)) for c in found]
[(('army',), ['cue', 'rule']), ((None,), ['none'])]
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

from spacy.tokens import Doc, Token

from attackgraph.extract.cue_words import CUE_RE
from attackgraph.extract.figure_model import Model
from attackgraph.model import ActorMention

__all__ = [
    "SOURCE",
    "SOURCE_MODEL_ENV",
    "Candidate",
    "SourceChoice",
    "choose",
    "propose",
    "shipped_source_model",
    "source_features",
]

SOURCE: Final = "source"
"""The label of the candidate that states the figure."""

SOURCE_MODEL_ENV: Final = "ATTACKGRAPH_SOURCE_MODEL"
"""Environment variable naming a weights file (leave-one-set-out evaluation); ``""``
asks for the rules alone even where weights are shipped."""

_PRONOUNS: Final = frozenset("he she it they its their his her we".split())
_CONTRAST: Final = re.compile(r",\s*(?:while|but|whereas|although)\b|;|\bwhile\b", re.I)
_ACCORDING: Final = re.compile(r"\baccording\s+to\b", re.I)
_NUMBER: Final = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)


@dataclass(frozen=True)
class Candidate:
    """One possible source of a figure: the parties (``(None,)``: the document itself)
    and who proposes them."""

    sources: tuple[ActorMention | None, ...]
    proposers: frozenset[str]
    distance: int = 0
    """Sentences back to the one that names it (``previous``)."""

    @property
    def names(self) -> tuple[str | None, ...]:
        return tuple(s.name if s is not None else None for s in self.sources)


@dataclass(frozen=True)
class SourceChoice:
    """A figure's candidates and their features, as the reader saw them (for training)."""

    begin: int
    end: int
    """The figure's words in the text."""
    numbers: frozenset[int]
    """Its value, or minimum and maximum."""
    candidates: tuple[Candidate, ...]
    features: tuple[tuple[str, ...], ...]
    """Each candidate's features, in the same order."""


def propose(
    rule: tuple[ActorMention | None, ...],
    cue: ActorMention | None,
    parsed: tuple[ActorMention, ...] | None,
    earlier: Sequence[tuple[ActorMention, ...]],
    previous: Sequence[tuple[int, tuple[ActorMention, ...]]],
) -> tuple[Candidate, ...]:
    """The candidate sources of one figure, each once (by its names), the rules' choice
    first and ``none`` always among them; ``previous`` holds (sentences back, sources)."""
    found: dict[tuple[str | None, ...], Candidate] = {}

    def add(sources: tuple[ActorMention | None, ...], by: str, distance: int = 0) -> None:
        if not sources:
            return
        key = tuple(s.name if s is not None else None for s in sources)
        had = found.get(key)
        if had is None:
            found[key] = Candidate(sources, frozenset({by}), distance)
        else:
            found[key] = Candidate(had.sources, had.proposers | {by}, had.distance)

    add(rule, "rule")
    if cue is not None:
        add((cue,), "cue")
    if parsed:
        add(parsed, "parse")
    for sources in earlier:
        add(sources, "earlier")
    for back, sources in previous:
        add(sources, "previous", back)
    add((None,), "none")
    return tuple(found.values())


def source_features(
    text: str,
    figure: tuple[int, int],
    sentence: tuple[int, int],
    candidate: Candidate,
    count: int,
    situation: str,
    parsed: Doc | None,
) -> tuple[str, ...]:
    """The features of ``candidate`` for the figure at ``text[figure[0]:figure[1]]`` of
    the sentence ``text[sentence[0]:sentence[1]]``; ``count`` candidates in all,
    ``situation`` says how the rules read the figure (``cue=report``, ``uncovered`` ...),
    ``parsed`` is the sentence's parse when it was made.

    >>> from attackgraph.model import ActorMention, Span
    >>> text = "The army said 6 died."
    >>> c = Candidate((ActorMention("army", Span(0, 8, "The army", 1)),), frozenset({"rule"}))
    >>> source_features(text, (14, 15), (0, 21), c, 2, "cue=report", None)[:4]
    ('bias', 'by=rule', 'set=rule', 'set=rule&cue=report')
    """
    proposers = "+".join(sorted(candidate.proposers))
    out = ["bias", *(f"by={p}" for p in sorted(candidate.proposers)), f"set={proposers}"]
    out += [f"set={proposers}&{situation}", f"n={min(count, 4)}", situation]
    if candidate.sources == (None,):
        return (*out, *_figure_context(text, figure, sentence, "none"))
    out += [f"k={len(candidate.sources)}", f"back={candidate.distance}"]
    mention = next(s for s in candidate.sources if s is not None)
    words = mention.span.text
    out.append(f"shape={_shape(words)}")
    out.append(f"shape={_shape(words)}&{proposers}")
    out.append(f"named={'same' if mention.name == words else 'resolved'}")
    begin, end = mention.span.begin, mention.span.end
    if not (sentence[0] <= begin and end <= sentence[1]):
        out.append("outside")
        return (*out, *_figure_context(text, figure, sentence, "far"))
    where = "before" if end <= figure[0] else "after" if begin >= figure[1] else "over"
    low, high = (end, figure[0]) if where == "before" else (figure[1], begin)
    between = text[low:high] if low < high else ""
    gap = len(between)
    out.append(f"at={where}")
    out.append(f"gap={where}:{0 if gap < 15 else 1 if gap < 50 else 2 if gap < 120 else 3}")
    cues = len(CUE_RE.findall(between))
    out.append(f"cues={where}:{min(cues, 2)}")
    if _CONTRAST.search(between):
        out.append(f"contrast={where}")
    if _ACCORDING.search(between):
        out.append(f"according={where}")
    if _NUMBER.search(between):
        out.append(f"number={where}")
    if parsed is not None:
        out += _path(parsed, figure[0] - sentence[0], begin - sentence[0], end - sentence[0])
    return tuple(out)


def _figure_context(
    text: str, figure: tuple[int, int], sentence: tuple[int, int], tag: str
) -> list[str]:
    """Features of the figure's place in its sentence, tagged with the candidate's kind."""
    before = text[sentence[0] : figure[0]]
    after = text[figure[1] : sentence[1]]
    out = [f"{tag}&cue_before={min(len(CUE_RE.findall(before)), 2)}"]
    out.append(f"{tag}&cue_after={min(len(CUE_RE.findall(after)), 2)}")
    if _CONTRAST.search(before):
        out.append(f"{tag}&contrast_before")
    if _ACCORDING.search(text, sentence[0], sentence[1]):
        out.append(f"{tag}&according")
    return out


def _shape(words: str) -> str:
    """What kind of words name a source: a pronoun, "the ..." noun, a capitalised name."""
    low = words.lower()
    if low in _PRONOUNS or low.split()[0] in _PRONOUNS:
        return "pronoun"
    if low.startswith("the ") and words[4:5].islower():
        return "the-noun"
    if words[:1].isupper():
        return "name"
    return "noun"


def _path(doc: Doc, figure: int, begin: int, end: int) -> list[str]:
    """The dependency path from the figure's token to the candidate's head: the
    relations going up from each to their lowest common ancestor, and that word."""
    at = next((t for t in doc if t.idx >= figure), None)
    inside = [t for t in doc if begin <= t.idx < end]
    head = next((t for t in inside if not begin <= t.head.idx < end or t.head is t), None)
    if at is None or head is None:
        return ["path=none"]
    up = _ancestors(at)
    mine = _ancestors(head)
    common = next((t for t in up if t in mine), None)
    if common is None:
        return ["path=none"]
    rise = [t.dep_ for t in up[: up.index(common)]][-3:]
    fall = [t.dep_ for t in mine[: mine.index(common)]][:3]
    return [
        f"path={'>'.join(rise)}^{'<'.join(fall)}",
        f"down={'<'.join(fall)}",
        f"top={common.lower_}",
        f"dep={head.dep_}",
    ]


def _ancestors(token: Token) -> list[Token]:
    """``token`` and the words above it, up to the root."""
    out = [token]
    while out[-1].head is not out[-1] and len(out) < 40:
        out.append(out[-1].head)
    return out


def choose(model: Model, features: Sequence[Sequence[str]]) -> int:
    """The index of the candidate most probably the source (ties: the first, the rules').

    >>> m = Model(("none", "source"), {"by=rule": (0.0, 1.0), "by=none": (0.0, -1.0)})
    >>> choose(m, [["by=none"], ["by=rule"]])
    1
    """
    best, chosen = -1.0, 0
    for k, fs in enumerate(features):
        p = model.probabilities(fs)[SOURCE]
        if p > best:
            best, chosen = p, k
    return chosen


@cache
def shipped_source_model() -> Model | None:
    """The weights the reader asks (the file :data:`SOURCE_MODEL_ENV` names, else the
    package's ``resources/source_model.json``), or ``None``: the rules alone."""
    other = os.environ.get(SOURCE_MODEL_ENV)
    if other is not None:
        return Model.loads(open(other, encoding="utf-8").read()) if other else None
    data = resources.files("attackgraph").joinpath("resources/source_model.json")
    if not data.is_file():
        return None
    return Model.loads(data.read_text(encoding="utf-8"))
