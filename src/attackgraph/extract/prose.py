"""Claims from the prose: who said what about which event, with exact text spans.

:func:`read_prose` reads every sentence of the lead and the sections
(:mod:`~attackgraph.extract.sentences`), finds who is speaking
(:mod:`~attackgraph.extract.attribution`, :mod:`~attackgraph.extract.speakers`), reads
the figures each source states (:mod:`~attackgraph.extract.prose_figures`) and decides
what they are about (:mod:`~attackgraph.extract.incidents`).

Claims made:

- **casualties** / **estimate** ("X estimated"): one claim per (source, event) with
  one figure per amount; a stretch with no named source is a claim of the document
  itself (``source=None``);
- **responsibility**: "X claimed responsibility" with the statement
  (event, ``perpetrator``, X); "X blamed Y" / "attributed the attack to Y" with (event,
  ``perpetrator``, Y);
- **denial**: "X denied ..."; when it denies involvement, the statement it denies is
  (event, ``perpetrator``, X);
- **condemnation**: "X condemned ...", one claim per party ("Both A and B");
- **attack**: an attributed statement of what happened; "X alleged it also attacked
  Ségou" carries (event, ``location``, Ségou);
- **other**: any other attributed statement (mourning, promises, accountability).

A document subject ("later tallies put the number at ...") makes a claim of the
document itself.

What a claim is about (:mod:`~attackgraph.extract.incidents`): the main event; a
sub-event when its sentence (or the words right after a figure: "four in Niono")
names one of the sites; a separate background or follow-up incident - an earlier
siege, a retaliatory air strike - so that its figures never count for the main event.
A statement without figures stays with the main event unless it names the incident.

Every claim's evidence is its sentence (a bulleted line is one sentence); every
figure's span lies inside it and holds the figure's number words; every source, via
and place mention is an exact span of the text (its ``name`` may be fuller: "The SNA"
-> "Somali National Alliance", "He" -> "Asim Bajwa"). A claim whose speaker cannot be
resolved ("they said") is left out with a warning (``prose/unresolved-source``).

Ranks are assigned by :func:`~attackgraph.extract.ranks.assign_ranks` (re-exported
here); the rule is stated once, in ``ranks.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Final

from attackgraph.extract import claims_limit
from attackgraph.extract.attribution import Cue, CueKind, find_cues
from attackgraph.extract.count_sources import only_a_count
from attackgraph.extract.figure_guess import CONFIDENCE, UNATTRIBUTED_CONFIDENCE, FigureGuess
from attackgraph.extract.figure_speakers import SpeakerFinder
from attackgraph.extract.headcounts import headcounts
from attackgraph.extract.incidents import Aboutness, IncidentRelation
from attackgraph.extract.parsed_victims import AMONG_NOUNS
from attackgraph.extract.prose_figures import (
    ProseFigure,
    increment,
    last_group,
    read_figures,
    subgroup_group,
)
from attackgraph.extract.ranks import assign_ranks
from attackgraph.extract.sentences import Sentence, sentences
from attackgraph.extract.source_ranker import (
    SourceChoice,
    choose,
    propose,
    shipped_source_model,
    source_features,
)
from attackgraph.extract.speakers import Speakers
from attackgraph.extract.word_match import overlaps
from attackgraph.model import (
    ActorMention,
    ClaimKind,
    ClaimRecord,
    DateRange,
    Document,
    EventRecord,
    Figure,
    Outcome,
    PlaceKind,
    PlaceMention,
    Problem,
    Rank,
    Span,
    Statement,
)
from attackgraph.reference.countries import country_code

__all__ = [
    "ProseContext",
    "ProseFacts",
    "assign_ranks",
    "read_prose",
]

_ATTACK_WORDS: Final = re.compile(
    r"\b(?:attacked|attacking|struck|fired|shot|killed|executions?|executed|bombed|exploded|"
    r"hostage|ambushed|raided|stormed|set\s+off|detonated|massacred|abducted|burned|burnt|"
    r"looted|shelled|separated|went\s+from\s+house|concealed|planted|used)\b",
    re.IGNORECASE,
)
_INVOLVEMENT: Final = re.compile(
    r"\b(?:involve\w*|responsib\w*|taking\s+part|took\s+part|carr(?:y|ied)\s+out|behind|"
    r"massacred|attacked|killed|killings?|attacks?)\b",
    re.IGNORECASE,
)
_ATTACKED_PLACE: Final = re.compile(
    r"\b(?:attacked|struck|targeted|hit|raided|stormed)\s+(?:also\s+)?"
    r"(?:the\s+(?:town|city|village|base|camp)\s+(?:of|in|at)\s+)?"
    r"(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
)
_PERPETRATORS: Final = re.compile(
    r"\b(?:the\s+)?(?:bombers?|attackers?|gunmen|gunman|perpetrators?|assailants?|"
    r"(?:group|people|those)\s+(?:behind|responsible))\s+(?:had\s+been|were|was)\s+"
    r"(?!(?:killed|wounded|injured|shot|arrested|captured)\b)",
    re.IGNORECASE,
)
_BLAME: Final = re.compile(
    r"\b(?:affiliated\s+with|linked\s+to|belonged\s+to|members?\s+of|loyal\s+to)\s+"
    r"(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
)
_MOTIVE: Final = re.compile(
    r"\b(?:revenge|retaliation|reprisal|in\s+response\s+to|punishment)\b", re.I
)
_COUNTING: Final = re.compile(r"identified|counted|recorded|documented|verified")
_BARE_AMOUNT: Final = re.compile(
    r"\s*(?:(?:(?:at\s+least|about|around|nearly|more\s+than|some)\s+)?[\d,]+|[a-z]+(?:-[a-z]+)?)"
    r"\s*[.;]?\s*"
)
_COUNTED: Final = r"the\s+(?:dead|victims|wounded|injured)|those\s+(?:killed|wounded|injured)"
_AMONG_WERE: Final = re.compile(
    rf"\s*(?:(?:[Aa]mong|[Ii]ncluded\s+among)\s+(?:them|{_COUNTED})"
    r"(?:\s+(?:were|was)\b|[\s,]+(?=\w))"
    rf"|[Oo]f\s+(?:them|those|these|{_COUNTED})\s*,)"
)
"""A sentence that opens by breaking down the people counted before: "Among them were
four children", "Among them 22 children" (no verb), "Of those, 12 were soldiers", "Of the
dead, nine were police officers", "Among the wounded, 14 were ..."; its amounts without an
outcome take the outcome the counted people's word names ("the dead", "those wounded"),
else the outcome read last."""
_COUNTED_WORD: Final = re.compile(r"\b(?:dead|victims|killed|wounded|injured)\b")
_NARRATED: Final = re.compile(
    r",?\s+(?:which|that|in\s+which|during\s+which|where)\s+(?=(?:\w+\s+){0,3}?"
    r"(?:killed|killing|left|wounded|injured|claimed\s+the\s+lives|died|were\s+killed))"
)
"""A relative clause that tells what an attack did ("claimed responsibility for the
bombing, which killed 21", "blamed the group for the raid that left 12 dead"): inside a
cue that only blames, claims, denies or condemns, its figures are the document's own."""
_SITE_AFTER: Final = re.compile(r"\s*(?:of\s+them\s+)?(?:in|at|near)\s+(?:the\s+)?")
_PREPARED: Final = 512
"""Sentences whose parses are asked for in one batch before they are read: a stretch well
within the parse cache (:data:`~attackgraph.extract.nlp.CACHE_SIZE`), so that a long
document's first parses are not pushed out of it before they are used (which made every
sentence of a document with more than the cache holds parsed twice) and the parses held
at once stay bounded. A parse does not depend on its batch, so no result changes."""


@dataclass(frozen=True)
class ProseContext:
    """What the prose reader needs to know from the infobox."""

    main_key: str
    main_name: str
    sites: dict[str, str]
    """Site name as in the infobox -> sub-event key (matched accent/case-insensitively)."""
    actors: tuple[ActorMention, ...]
    """Actors the infobox names (combatants, perpetrators): their spelling is reused."""
    main_date: DateRange | None = None
    """The main event's date: prose dated before it is about an earlier incident."""
    perpetrators: tuple[ActorMention, ...] = ()
    """The perpetrators ("the group" refers to the last armed group named)."""


@dataclass(frozen=True)
class ProseFacts:
    """Everything read from the prose."""

    claims: tuple[ClaimRecord, ...]
    events: tuple[EventRecord, ...]
    """Background, separate and follow-up incidents some claim is about."""
    warnings: tuple[Problem, ...]
    places: tuple[PlaceMention, ...] = ()
    """Places named as objects of statements ("also attacked Ségou")."""
    relations: tuple[tuple[str, IncidentRelation, str], ...] = ()
    """(incident key, how it stands to the main event, main key)."""
    read: int | None = None
    """How many of the document's sentences were read when a claims limit stopped the
    reading (see :func:`read_prose`); ``None``: all of them."""


def _span(doc: Document, sentence: Sentence, begin: int, end: int) -> Span:
    line = sentence.span.line + doc.text.count("\n", sentence.span.begin, begin)
    return Span(begin, end, doc.text[begin:end], line)


def _armed_groups(context: ProseContext) -> list[str]:
    names = [a.name for a in context.perpetrators]
    for actor in context.actors:
        if country_code(actor.name) is None and "government" not in actor.name.lower():
            names.append(actor.name)
    return list(dict.fromkeys(names))


class _Reader:
    def __init__(
        self, doc: Document, context: ProseContext, choices: list[SourceChoice] | None = None
    ) -> None:
        self.doc = doc
        self.choices = choices
        """Where each figure's candidate sources are recorded (training), if anywhere."""
        self.ranker = shipped_source_model()
        self.context = context
        self.speakers = Speakers(
            doc.text, context.actors + context.perpetrators, _armed_groups(context)
        )
        avoid = tuple(a.name for a in context.actors) + tuple(self.speakers.acronyms)
        self.about = Aboutness(
            doc.text, context.main_key, context.main_name, context.main_date, context.sites, avoid
        )
        self.site_keys = frozenset(context.sites.values())
        self.claims: list[ClaimRecord] = []
        self.places: list[PlaceMention] = []
        self.warnings: list[Problem] = []
        self.last_outcome: Outcome | None = None
        self.last_figures: list[tuple[int, Outcome]] = []
        """Values and outcomes of the last figures read, oldest first."""
        self.finder = SpeakerFinder("", 0, 0)
        self.spoken: dict[tuple[int, int], tuple[ActorMention, ...]] = {}
        """The parse's speakers resolved in the current sentence, by their span."""
        self.stated: set[tuple[int, int, str, str | None]] = set()
        """(figure span, source name) read in the current sentence: each once."""
        self.read = 0
        """Sentences read so far."""
        self.cue_sources: list[tuple[ActorMention, ...]] = []
        """The sources of the current sentence's cues resolved so far."""
        self.figure_sources: list[tuple[int, tuple[ActorMention, ...]]] = []
        """(sentence number, sources) of the figures of the last sentences."""

    def run(self, max_claims: int | None = None, before: int = 0) -> ProseFacts:
        units = list(sentences(self.doc))
        read = None
        used = seen = 0  # what the claims read so far count towards the limit
        for k, sentence in enumerate(units):
            used, seen = used + claims_limit.weight(self.claims[seen:]), len(self.claims)
            if max_claims is not None and used >= max_claims:
                read = k
                break
            if k % _PREPARED == 0:  # parsed a stretch ahead, not the whole document at once
                ahead = units[k : k + _PREPARED]
                FigureGuess.prepare(self.doc.text[u.span.begin : u.span.end] for u in ahead)
            self.sentence(sentence)
        used += claims_limit.weight(self.claims[seen:])
        if max_claims is not None and (read is not None or used > max_claims):
            self.stop(
                units[read] if read is not None else units[-1], max_claims, max_claims + before
            )
            read = len(units) if read is None else read
        return ProseFacts(
            claims=assign_ranks(self.claims),
            events=self.about.events(),
            warnings=tuple(self.warnings),
            places=tuple(dict.fromkeys(self.places)),
            relations=self.about.relations(),
            read=read,
        )

    def stop(self, unread: Sentence, max_claims: int, limit: int) -> None:
        """Keep the claims within ``max_claims`` and say where the reading stopped: at the
        first claim left out, else at the sentence ``unread``, the first not read."""
        keep = claims_limit.kept(self.claims, max_claims)
        left = self.claims[keep:]
        line = left[0].evidence[0].line if left and left[0].evidence else unread.span.line
        del self.claims[keep:]
        self.warnings.append(claims_limit.reached(self.doc.source, line, limit))

    def sentence(self, sentence: Sentence) -> None:
        text, span = self.doc.text, sentence.span
        self.about.observe(sentence)
        self.speakers.note_sentence(span.begin, span.end)
        self.finder = SpeakerFinder(text, span.begin, span.end)
        self.spoken, self.stated, self.cue_sources = {}, set(), []
        self.read += 1
        self.figure_sources = [(n, s) for n, s in self.figure_sources if n >= self.read - 2]
        first = len(self.claims)
        covered: list[tuple[int, int]] = []
        sources: tuple[ActorMention, ...] = ()
        narrated: list[tuple[int, int]] = []
        for cue in find_cues(text, span.begin, span.end):
            self.speakers.note_mentions(span.begin, cue.begin)
            if cue.kind not in (CueKind.REPORT, CueKind.ESTIMATE):
                clause = _NARRATED.search(text, *cue.content)
                if clause is not None:  # "claimed the bombing, which killed 21"
                    narrated.append((clause.start(), cue.content[1]))
            if cue.subject is not None and self.only_a_count(sentence, cue.subject):
                continue  # "later tallies put ...": the document's own claim
            if cue.subject is not None:
                sources = self.speakers.resolve(
                    *cue.subject, _span(self.doc, sentence, *cue.subject).line
                )
                covered.append(cue.subject)
                if sources and cue.kind in (CueKind.REPORT, CueKind.ESTIMATE):
                    self.cue_sources.append(sources)
            covered += [(cue.begin, cue.end), cue.content]
            if not sources:
                words = (
                    text[cue.subject[0] : cue.subject[1]]
                    if cue.subject
                    else text[cue.begin : cue.end]
                )
                self.warn(
                    sentence,
                    "prose/unresolved-source",
                    f"cannot tell who {words!r} is; claim left out",
                )
                continue
            self.cue(sentence, cue, sources)
        self.speakers.note_mentions(span.begin, span.end)
        for begin, end in _uncovered(text, span.begin, span.end, covered) + narrated:
            self.figures(sentence, begin, end, None, None, ClaimKind.CASUALTIES)
        self.claims[first:] = _casualties_first(self.claims[first:])

    def cue(self, sentence: Sentence, cue: Cue, sources: tuple[ActorMention, ...]) -> None:
        text = self.doc.text
        via = None
        if cue.via is not None:
            words = text[cue.via[0] : cue.via[1]]
            via = ActorMention(self.speakers.canonical(words), _span(self.doc, sentence, *cue.via))
        content = text[cue.content[0] : cue.content[1]]
        where = cue.content if content.strip() else (sentence.span.begin, sentence.span.end)
        about = self.about.about(sentence, *where, figures=False)
        if cue.kind in (CueKind.REPORT, CueKind.ESTIMATE):
            kind = ClaimKind.ESTIMATE if cue.kind is CueKind.ESTIMATE else ClaimKind.CASUALTIES
            counting = (
                _COUNTING.match(text, cue.begin) is not None
                or _BARE_AMOUNT.fullmatch(content) is not None
            )  # "police said 12 died; the hospital said 15"
            for source in sources:
                if self.figures(sentence, *cue.content, source, via, kind, counting, cue):
                    continue
                if len(content.split()) >= 3:
                    self.statement_claim(sentence, cue, source, via, about, content)
            return
        for source in sources:
            statement = None
            if cue.kind is CueKind.RESPONSIBILITY:
                target = source.name
                if cue.target is not None:
                    target = self.speakers.canonical(text[cue.target[0] : cue.target[1]])
                else:
                    self.speakers.claimed(source.name)
                statement = Statement(about, "perpetrator", target, "actor")
            elif cue.kind is CueKind.DENIAL and _INVOLVEMENT.search(content):
                statement = Statement(about, "perpetrator", source.name, "actor")
            kind = ClaimKind(cue.kind.value)
            self.add(
                ClaimRecord(kind, about, (sentence.span,), source, via, (), statement, Rank.NORMAL)
            )

    def statement_claim(
        self,
        sentence: Sentence,
        cue: Cue,
        source: ActorMention,
        via: ActorMention | None,
        about: str,
        content: str,
    ) -> None:
        statement = None
        kind = ClaimKind.ATTACK if _ATTACK_WORDS.search(content) else ClaimKind.OTHER
        if cue.kind is CueKind.ESTIMATE:
            kind = ClaimKind.ESTIMATE
        m = _ATTACKED_PLACE.search(self.doc.text, *cue.content)
        blame = _BLAME.search(content)
        if _PERPETRATORS.search(content) or blame is not None:
            kind = ClaimKind.RESPONSIBILITY  # "the bombers had been ...", "affiliated with X"
            if blame is not None:
                target = self.speakers.canonical(blame.group("name"))
                statement = Statement(about, "perpetrator", target, "actor")
        elif _MOTIVE.search(content) and source.name in self.speakers.armed:
            kind = ClaimKind.RESPONSIBILITY  # the group calls the attack revenge
            statement = Statement(about, "perpetrator", source.name, "actor")
        elif m is not None and self.speakers.canonical(m.group("place")) not in self.speakers.armed:
            place = m.group("place")
            kind = ClaimKind.ATTACK
            statement = Statement(self.context.main_key, "location", place, "place")
            span = _span(self.doc, sentence, m.start("place"), m.end("place"))
            self.places.append(PlaceMention(place, PlaceKind.LOCALITY, span))
        self.add(
            ClaimRecord(kind, about, (sentence.span,), source, via, (), statement, Rank.NORMAL)
        )

    def figures(
        self,
        sentence: Sentence,
        begin: int,
        end: int,
        source: ActorMention | None,
        via: ActorMention | None,
        kind: ClaimKind,
        counting: bool = False,
        cue: Cue | None = None,
    ) -> bool:
        """Claims for the figures in ``text[begin:end]``; whether there were any."""
        among = _AMONG_WERE.match(self.doc.text, begin)
        word = _COUNTED_WORD.search(among.group()) if among else None
        named = AMONG_NOUNS[word.group()] if word else None
        counted = named or (self.last_outcome if among else None)
        found = read_figures(
            self.doc.text,
            begin,
            end,
            last_outcome=self.last_outcome,
            earlier=self.last_figures,
            count_outcome=counted or ((self.last_outcome or "killed") if counting else None),
            earlier_group=last_group(self.doc.text, sentence.span.begin, begin),
            guess=FigureGuess(
                self.doc.text,
                sentence.span.begin,
                sentence.span.end,
                CONFIDENCE if source is not None else UNATTRIBUTED_CONFIDENCE,
            ),
        )
        present = self.headcounts(sentence, begin, end, found, source)
        if not found and not present:
            return False
        region_about = self.about.about(sentence, begin, end)
        by_claim: dict[tuple[str, ActorMention | None, ClaimKind], list[Figure]] = {}
        for k, fig in enumerate(found):
            limit = found[k + 1].begin if k + 1 < len(found) else end
            about = self.figure_about(region_about, fig, limit)
            span = _span(self.doc, sentence, fig.begin, fig.end)
            for who in self.speakers_of(sentence, fig, source, cue):
                said = (fig.begin, fig.end, fig.outcome, who.name if who is not None else None)
                if said in self.stated:
                    continue  # "Both A and B said ...": read once per source and outcome
                self.stated.add(said)
                qualifier = fig.qualifier or increment(self.doc.text, fig.begin, fig.end)
                if fig.owner:  # "six of its crew": its = the source, else the words
                    qualifier = who.name if who is not None else fig.group_label
                group = subgroup_group(fig.group, qualifier, fig.head)
                figure = Figure(
                    fig.quantity, group, fig.outcome, span, fig.group_label, qualifier=qualifier
                )
                by_claim.setdefault((about, who, kind), []).append(figure)
            self.last_outcome = fig.outcome
            if fig.quantity.value is not None:
                self.last_figures = [*self.last_figures[-7:], (fig.quantity.value, fig.outcome)]
        for fig in present:
            span = _span(self.doc, sentence, fig.begin, fig.end)
            for who in self.speakers_of(sentence, fig, source, cue):
                said = (fig.begin, fig.end, fig.outcome, who.name if who is not None else None)
                if who is None or said in self.stated:
                    continue  # a headcount is published only as a named source's estimate
                self.stated.add(said)
                figure = Figure(fig.quantity, fig.group, fig.outcome, span, fig.group_label)
                by_claim.setdefault((region_about, who, ClaimKind.ESTIMATE), []).append(figure)
        for (about, who, claim_kind), figures in by_claim.items():
            rank = Rank.PREFERRED if who is None else Rank.NORMAL
            self.add(
                ClaimRecord(
                    claim_kind, about, (sentence.span,), who, via, tuple(figures), None, rank
                )
            )
        return bool(found) or bool(by_claim)

    def headcounts(
        self,
        sentence: Sentence,
        begin: int,
        end: int,
        found: list[ProseFigure],
        source: ActorMention | None,
    ) -> list[ProseFigure]:
        """The counts of people present in ``text[begin:end]`` that no casualty figure of
        ``found`` took (:mod:`~attackgraph.extract.headcounts`), when a named source can
        state them: the cue's, or one the parse can find (the sentence has a reporting
        word)."""
        if source is None and not self.finder.worth:
            return []
        span = sentence.span
        return headcounts(self.doc.text, begin, end, (span.begin, span.end), found)

    def speakers_of(
        self, sentence: Sentence, fig: ProseFigure, source: ActorMention | None, cue: Cue | None
    ) -> tuple[ActorMention | None, ...]:
        """Who states ``fig``: the speaker the parse gives it (:mod:`~attackgraph.extract.
        figure_speakers`) when it names another party than ``source`` (the speaker of the
        ``cue`` whose content holds it), else ``source`` - or nobody, when the parse finds
        no speaker and a semicolon parts the figure from the cue."""
        rule, parsed = self.rule_speakers(sentence, fig, source, cue)
        if self.ranker is None and self.choices is None:
            return rule
        earlier = [s for s in self.cue_sources if source is None or s != (source,)]
        candidates = propose(rule, source, parsed, earlier, self.previous_sources())
        situation = f"cue={cue.kind.value}" if cue is not None else "uncovered"
        features = [
            source_features(
                self.doc.text,
                (fig.begin, fig.end),
                (sentence.span.begin, sentence.span.end),
                candidate,
                len(candidates),
                situation,
                self.finder.parsed,
            )
            for candidate in candidates
        ]
        chosen = rule
        if self.ranker is not None and len(candidates) > 1:
            chosen = candidates[choose(self.ranker, features)].sources
        if self.choices is not None:
            q = fig.quantity
            numbers = frozenset(n for n in (q.value, q.minimum, q.maximum) if n is not None)
            self.choices.append(
                SourceChoice(fig.begin, fig.end, numbers, candidates, tuple(map(tuple, features)))
            )
        named = tuple(s for s in chosen if s is not None)
        if named:
            self.figure_sources.append((self.read, named))
        return chosen

    def previous_sources(self) -> list[tuple[int, tuple[ActorMention, ...]]]:
        """(sentences back, sources) of the figures of the two sentences before, latest
        first."""
        return [(self.read - n, s) for n, s in reversed(self.figure_sources) if n < self.read]

    def rule_speakers(
        self, sentence: Sentence, fig: ProseFigure, source: ActorMention | None, cue: Cue | None
    ) -> tuple[tuple[ActorMention | None, ...], tuple[ActorMention, ...] | None]:
        """The rules' speakers of ``fig`` (see :meth:`speakers_of`) and the parse's, when
        the rules resolved it."""
        named = (source.span.begin, source.span.end) if source is not None else None
        subject = cue.subject if cue is not None else None
        found = self.finder.other(fig.begin, fig.end, named, subject)
        if found is None and cue is not None and self.finder.parted(fig.begin, fig.end, cue.begin):
            return (None,), None
        if found is None or self.only_a_count(sentence, found):
            return (source,), None
        if found not in self.spoken:
            line = _span(self.doc, sentence, *found).line
            self.spoken[found] = self.speakers.resolve(*found, line)
        return self.spoken[found] or (source,), self.spoken[found] or None

    def only_a_count(self, sentence: Sentence, words: tuple[int, int]) -> bool:
        """Whether ``words`` of ``sentence`` name only a document or a count, nobody who
        made it ("later tallies", "other accounts": CONVENTIONS rule 2)."""
        text, span = self.doc.text, sentence.span
        return Speakers.is_document(text[slice(*words)]) or only_a_count(
            text, (span.begin, span.end), words
        )

    def figure_about(self, region_about: str, fig: ProseFigure, limit: int) -> str:
        """A site named right after the figure ("four in Niono") refines the event."""
        if region_about != self.context.main_key and region_about not in self.site_keys:
            return region_about
        m = _SITE_AFTER.match(self.doc.text, fig.end, limit)
        if m is not None:
            site = self.about.site(m.end(), min(limit, m.end() + 40))
            if site is not None:
                return site
        return region_about

    def add(self, claim: ClaimRecord) -> None:
        self.claims.append(claim)

    def warn(self, sentence: Sentence, rule: str, message: str) -> None:
        self.warnings.append(Problem(self.doc.source, sentence.span.line, rule, message))


def _casualties_first(claims: list[ClaimRecord]) -> list[ClaimRecord]:
    """The claims of one sentence without the headcounts (outcome ``present``) whose
    number a casualty figure of the sentence states: a number another stretch of the
    sentence reads with an outcome ("his unit shot about 1,200 men") counts casualties.
    A claim left without figures is dropped."""
    harmed = [
        (f.span.begin, f.span.end) for c in claims for f in c.figures if f.outcome != "present"
    ]
    kept: list[ClaimRecord] = []
    for claim in claims:
        figures = tuple(
            f
            for f in claim.figures
            if f.outcome != "present" or not overlaps(f.span.begin, f.span.end, harmed)
        )
        if figures or not claim.figures:
            kept.append(claim if figures == claim.figures else replace(claim, figures=figures))
    return kept


def _uncovered(
    text: str, begin: int, end: int, covered: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The stretches of ``text[begin:end]`` outside every covered span."""
    out, at = [], begin
    for b, e in sorted(covered):
        if b > at and text[at:b].strip():
            out.append((at, b))
        at = max(at, e)
    if at < end and text[at:end].strip():
        out.append((at, end))
    return out


def read_prose(
    doc: Document,
    context: ProseContext,
    max_claims: int | None = None,
    before: int = 0,
    choices: list[SourceChoice] | None = None,
) -> ProseFacts:
    """Claims, incidents and warnings from the prose of ``doc`` (see the module docstring).

    Pure and deterministic. Never raises for a parsed document. With ``max_claims``, the
    reading stops once the claims reach it (:mod:`~attackgraph.extract.claims_limit`: a
    claim counts once per figure): those within it are kept, the rest of the text is not
    read (nor by the later stages: :attr:`ProseFacts.read`), and a ``limit/claims``
    warning names the line where it stopped (and the document's limit: ``max_claims``
    and the ``before`` its infobox used). Each figure's candidate sources
    (:mod:`~attackgraph.extract.source_ranker`) are appended to ``choices`` when given.

    >>> from attackgraph.parse import parse
    >>> doc = parse(b"= Raid on Tamba =\\n\\nGunmen attacked Tamba, killing six soldiers. "
    ...             b"The army said that nine soldiers died.\\n", "tamba.txt")
    >>> facts = read_prose(doc, ProseContext("main", "Raid on Tamba", {}, ()))
    >>> [(c.source and c.source.name, c.rank.value, [(f.quantity.value, f.group, f.outcome)
    ...   for f in c.figures]) for c in facts.claims]
    [(None, 'normal', [(6, 'soldiers', 'killed')]), ('army', 'normal', [(9, 'soldiers', 'killed')])]
    >>> capped = read_prose(doc, ProseContext("main", "Raid on Tamba", {}, ()), max_claims=1)
    >>> len(capped.claims), capped.read, [str(w) for w in capped.warnings]
    (1, 1, ['tamba.txt:3: limit/claims: more than 1 claims (a claim counts once per figure): \
the claims within the limit are kept and the text from this line on is not read \
(--claims-limit changes the limit)'])
    """
    return _Reader(doc, context, choices).run(max_claims, before)
