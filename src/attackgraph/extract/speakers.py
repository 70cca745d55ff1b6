"""From the words naming a source to an actor name, with simple, documented coreference.

:class:`Speakers` is read once per document, in reading order. ``resolve`` turns the
subject words of a cue into one :class:`~attackgraph.model.ActorMention` per party
("Both MINUSMA and the United States" gives two). The mention's ``span`` is always the
exact words in the text; its ``name`` is what the resolve stage should look up:

- titles and roles go: "military spokesman Major General Asim Bajwa" -> "Asim Bajwa",
  "UN Secretary-General António Guterres" -> "António Guterres" (a title followed by
  one word keeps it: "Pope Francis", "President Kaboré" - unless that word ends the
  name of a person already quoted: "President Kenyatta" -> "Uhuru Kenyatta");
- determiners go ("the", "several", "some", "both"), as do "early"/"later";
- "X reports" / "a UN statement" name X; "Y's faction of X" names X;
- an acronym the document defines ("Somali National Alliance (SNA)") is expanded;
- a name the infobox already gives (same key: case, accents, "the" ignored) takes the
  infobox spelling, so the same actor gets the same identity.

Coreference (the only kinds made):

- "he"/"she" opening a sentence -> the person the main clause of the sentence before
  has as its subject ("In 1991 the writer Ana Moss published a book. She counted");
  else the nearest person named or the last person quoted (a one-word name is a person
  when the text writes it in full somewhere: "Col. Amos R. Tate" ... "Tate said"); "it" ->
  the organisation that opens a sentence just before, named since the last one quoted
  ("The agency published a study. It concluded"), else the last organisation quoted
  - never a plural source ("witnesses"): then the organisation named since, if any;
- "the report", "the same dispatch", "the book" -> the maker or owner the parse names
  at the nearest earlier mention of that noun ("The report, published by X",
  "X's dispatch", "X, whose book ..."; see
  :func:`~attackgraph.extract.figure_speakers.document_maker`);
- "the ministry", "the governor", ... -> the nearest earlier full name written with
  that noun ("Ministry of Health", "Governor Amos Tate" -> "Amos Tate"; see
  :mod:`~attackgraph.extract.anaphora`; a name written with the noun in lower case is
  found by the acronym after it: "the UN mission in X (UNMIX)" -> "UNMIX"), an
  organisation so found being the one "it" refers to next; "the mission's final
  figure" is what "the mission" refers to; "the organisation", "the agency", "the
  charity" -> the organisation named in the sentences just before (by the recogniser,
  by a capitalised name the parse makes a subject, or by a name quoted earlier), else
  the last organisation quoted;
- "its"/"their spokesman" and "the group", "the militants", "the jihadists",
  "the insurgents", "the rebels", "the organisation", "the movement" -> the last
  armed group named: the document's perpetrators and non-state combatants, then any
  of them (or a claimant of responsibility) named since, latest first ("their
  governments", "their families" are not a group's: the noun names the source);
  "its investigators" with no armed group named -> the organisation named just before;
- "they" as a reporting verb's subject -> the plural subject of an earlier clause of
  its sentence ("When the scouts swept the hill they counted 40"; a people, "the
  Australians", is its country), else the last plural source quoted just before, else,
  when "they" opens its sentence, the plural subject of the main clause of the sentence
  before ("The rangers searched the ridge. They reported ...").

Anything else ("the family") resolves to nothing; the caller keeps the claim without a
source and warns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

from spacy.tokens import Token

from attackgraph.extract.acronyms import ACRONYM, PARTICLES, capitalised, find_acronyms
from attackgraph.extract.anaphora import (
    ANAPHOR_NOUNS,
    KIND_NOUNS,
    PERSON_ROLES,
    Quoted,
    antecedent,
    appositive_person,
    nearest_organisation,
)
from attackgraph.extract.figure_speakers import REPORTING, document_maker
from attackgraph.extract.fragments import clean_name
from attackgraph.extract.lists import joins_inside_name
from attackgraph.extract.name_words import (
    ORG_WORDS,
    ROLE_WORDS,
    TITLES,
    is_title,
    looks_like_person,
)
from attackgraph.extract.nlp import entities, parse
from attackgraph.extract.possessors import POSSESSED, ministry_of, nearest_person, possessed_source
from attackgraph.extract.speaker_names import (
    DOCUMENT_HEADS,
    GIVEN,
    GROUP_REFERENCES,
    MADE_ANAPHORS,
    PLURAL_NOUNS,
    apposed_name,
    body_of,
    given_names,
    headed_antecedent,
    may_head_a_name,
    names_several,
    official_of,
    people_country,
    possessor,
)
from attackgraph.extract.subjects import PRONOUNS, SOURCE_NOUNS
from attackgraph.model import ActorMention, Span
from attackgraph.reference.countries import demonym_countries
from attackgraph.reference.names import name_key

__all__ = ["TITLES", "Speakers", "find_acronyms"]

_DETERMINERS: Final = re.compile(
    r"^(?:(?:several|some|many|most|all|both|each|one|two|three|four|a\s+few)\s+of\s+"
    r"(?:the\s+|his\s+|her\s+|its\s+|their\s+)?|(?:the|this|that|these|those|a|an|both|several|"
    r"some|many|most|all|other|another|early|later|initial|first|final|two|three)\s+)+",
    re.IGNORECASE,
)
_DEMONSTRATIVE: Final = re.compile(r"^(?:this|that|these|those)\s+")
"""A demonstrative that opens a source refers back to what it names, as "the" does."""
_RECORD_HEADS: Final = frozenset(
    "tally tallies list lists register registers record records statement statements".split()
)
"""Documents that only record figures: "later tallies put ..." is the document's own claim,
while accounts, counts, figures, estimates and reports are sources named by their words."""
_HEAD_FROM: Final = re.compile(
    r"(?:(?:the|a|an)\s+)?(?:[a-z]+\s+)?(?:statement|statements|report|reports|figures?|"
    r"tally|count|estimate|estimates|communiqué|communique|data)\s+(?:from|by|of|issued\s+by)\s+"
    r"(?:the\s+)?(?=\S)",
    re.IGNORECASE,
)
_SPEAKS_FOR: Final = re.compile(
    r"(?!(?:his|her|its|their)\b)(.+?)['’]s\s+(?:spokesman|spokeswoman|spokesperson|"
    r"representative|press\s+office)"
)
"""Who a spokesman speaks for: "the army's spokesman" states the army's figures."""
_DESCRIPTORS: Final = frozenset(
    "mission agency group office force company airline firm operator newspaper channel "
    "broadcaster militia organisation organization movement charity network outlet "
    "operation".split()
)
"""Common nouns that describe the named organisation after them ("the airline X")."""
_WHEN_AFTER: Final = re.compile(
    r"\s+(?:on|in|at|during|by|that|this|last)\s+(?:(?:the|of|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|morning|afternoon|evening|night|day|week|time|"
    r"\d{1,4})(?:\s+|$))+$"
)
"""A time after the speaker's words ("reports on Thursday morning", "the ministry on
Saturday night"): when it was said, not who said it."""
_MADE_AFTER: Final = re.compile(
    r"\b(figures?|reports?|statements?|counts?|estimates?|tally|tallies|data|lists?)\s+"
    r"(?:\w+ly\s+|later\s+)?(?:published|released|issued|given|compiled|provided|drawn\s+up)"
    r"\b(?!.*\bby\b).*$",
    re.IGNORECASE,
)
"""A participle after a document's head that says when or where it was made, not by
whom ("Government figures published later in July"): not part of its author's name."""
_SET_UP_UNDER: Final = re.compile(
    r"\s+(?:set\s+up|appointed|created|formed|established|convened)\s+(?:under|in|after)\b.*$"
)
"""A participle after a body's noun that says when or under what it was made, not by
whom ("a review board set up under the act"): no part of its name."""
_TRAILING_NAME: Final = re.compile(r"(?<![\w'’-])[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+$")
"""Two or more capitalised words that end a phrase ("the writer Ana Moss")."""
_ROLE_BEFORE: Final = re.compile(r"(?:^|\s)[a-z][a-z-]+\s+$")
"""A common noun right before a name, describing the person ("the writer Ana Moss")."""
_OPENING: Final = re.compile(r"\s*(?:[^,;.]{0,80},\s+)?(?:the\s+|The\s+)?")
"""What may stand before the subject that opens a sentence."""
_NOT_A_GROUP_S: Final = frozenset(
    "government governments families relatives embassy embassies".split()
)
"""What "their" victims have and an armed group does not: "according to their
governments" is not the group's word."""
_OF_GROUP: Final = re.compile(
    r"(?:^|['’]s\s+)(?:faction|wing|branch|affiliate|unit|cell|spokesman|spokeswoman|"
    r"spokesperson|commander|leader|member|official|representative)\s+(?:for|of)\s+(?:the\s+)?"
    r"(?=[A-Z0-9])(.+)$"
)


class Speakers:
    """Source names for one document, read in order (see the module docstring).

    No method raises.

    >>> text = "The Sahel Front (SF) attacked. Army spokesman Colonel Issa Bako spoke. He left."
    >>> speakers = Speakers(text, armed_groups=["Sahel Front"])
    >>> [m.name for m in speakers.resolve(text.index("Army"), text.index(" spoke."), 1)]
    ['Issa Bako']
    >>> [(m.name, m.span.text) for m in speakers.resolve(text.index("He"), text.index(" left"), 1)]
    [('Issa Bako', 'He')]
    >>> speakers.canonical("SF"), speakers.last_group
    ('Sahel Front', 'Sahel Front')
    """

    def __init__(
        self,
        text: str,
        actors: Sequence[ActorMention] = (),
        armed_groups: Sequence[str] = (),
    ) -> None:
        self.text = text
        self.acronyms = find_acronyms(text)
        self.known: dict[str, str] = {}
        for actor in actors:
            self.known.setdefault(name_key(actor.name), actor.name)
        for acronym, full in self.acronyms.items():
            key = name_key(full)
            if key in self.known:
                self.known.setdefault(name_key(acronym), self.known[key])
        self.armed = [self.canonical(name) for name in armed_groups]
        self.persons: list[str] = []
        """The people quoted so far, each once, in the order first quoted."""
        self._persons: set[str] = set()
        self._surnames: dict[str, bool] = {}
        """One-word names -> whether they end a person's full name in the text."""
        self._capitalised: dict[str, list[int]] | None = None
        """Each word the text writes with a capital first -> where (see :meth:`_written`)."""
        self._person_by_surname: dict[str, str] = {}
        """The last word of each person's name -> the person quoted first last with it."""
        self._last_quoted: dict[str, int] = {}
        """Each name quoted -> where in :attr:`quoted` it was last quoted."""
        self._by_opening: dict[str, set[str]] = {}
        """The names of two words or more quoted so far, by their first two characters (a
        name holding a space is at least two long): where an earlier sentence writes one
        is found by reading that sentence once, not by a search for every name quoted."""
        self._last_person_quoted = -1
        """Where in :attr:`quoted` the last source that is a person stands (-1: none)."""
        self._groups: tuple[tuple[str, ...], set[str]] | None = None
        """The armed groups and the names that write them (see :meth:`note_mentions`)."""
        self.last_person: str | None = None
        self.last_org: str | None = None
        self.last_group: str | None = self.armed[0] if self.armed else None
        self.sentences: list[tuple[int, int]] = []
        self.last_org_at = -1
        self.quoted = Quoted()
        """(offset, name) of every source resolved so far."""

    def canonical(self, name: str) -> str:
        """The infobox spelling of ``name`` when the infobox names it, else ``name``
        with a defined acronym expanded."""
        name = self.acronyms.get(name, name)
        return self.known.get(name_key(name), name)

    def note_sentence(self, begin: int, end: int) -> None:
        """The sentence ``text[begin:end]`` is read next (the last three are kept, for
        "the organisation" before any organisation is quoted)."""
        self.sentences = [*self.sentences[-2:], (begin, end)]

    def note_mentions(self, begin: int, end: int) -> None:
        """Remember the armed groups named in ``text[begin:end]`` (latest wins)."""
        latest: tuple[int, str] | None = None
        if self._groups is None or self._groups[0] != tuple(self.armed):
            armed = set(self.armed)
            names = set(self.armed) | {
                a for a, f in self.acronyms.items() if self.canonical(f) in armed
            }
            self._groups = (tuple(self.armed), names)
        for name in self._groups[1]:
            at = self.text.rfind(name, begin, end)
            if at >= 0 and (latest is None or at > latest[0]):
                latest = (at, self.canonical(name))
        if latest is not None:
            self.last_group = latest[1]

    def claimed(self, name: str) -> None:
        """A party claimed responsibility: it is an armed group from now on."""
        if name not in self.armed:
            self.armed.append(name)
        self.last_group = name

    @staticmethod
    def is_document(words: str) -> bool:
        """Whether ``words`` name only a document, no author ("later tallies"). Reports
        that say something ("early reports said") are sources named by their words.

        >>> Speakers.is_document("Later tallies"), Speakers.is_document("police reports")
        (True, False)
        >>> Speakers.is_document("Early reports"), Speakers.is_document("the charity's list")
        (False, False)
        >>> Speakers.is_document("its later tally")
        False
        """
        tokens = _DETERMINERS.sub("", words.strip()).split()
        if tokens and tokens[-1].lower() in ("report", "reports"):
            return False
        modifiers = [t for t in tokens[:-1] if t.lower() not in ("official", "officials")]
        return (
            bool(tokens)
            and tokens[-1].lower() in _RECORD_HEADS
            and all(t.islower() or t in ("Later", "Early", "Official") for t in modifiers)
            and not any(
                t in SOURCE_NOUNS or t.endswith(("'s", "’s")) or t.lower() in ("its", "their")
                for t in modifiers
            )
        )

    def resolve(self, begin: int, end: int, line: int) -> tuple[ActorMention, ...]:
        """The parties named by ``text[begin:end]``; ``()`` when it cannot be resolved."""
        when = _WHEN_AFTER.search(self.text, begin, end)
        end = when.start() if when is not None and when.start() > begin else end
        words = self.text[begin:end]
        low = _DEMONSTRATIVE.sub("the ", words.lower())  # "that report" refers back as "the report"
        if low in ("he", "she"):
            last = self._last_person()
            nearest = self._person_subject_before(begin)  # "The writer Ana Moss ... She"
            nearest = nearest or nearest_person(self.text, begin, last, self.sentences)
            person = self.canonical(nearest) if nearest is not None else self.last_person
            return self._mention(person, begin, end, line)
        if low == "it":  # "The agency published a study. It concluded": the agency
            named = self._named_organisation(begin)
            several = self.last_org is not None and names_several(self.last_org)
            if (
                named is not None
                and named[0] > self.last_org_at
                and (
                    several  # "it" is never "witnesses": the organisation named since
                    or self._opens_sentence(named[0])
                    and not (len(self.sentences) > 1 and self.last_org_at >= self.sentences[-2][0])
                )
            ):  # named since the last quoted, as a subject, and that one not quoted just now
                return self._org(self.canonical(named[1]), begin, end, line)
            return () if several else self._org(self.last_org, begin, end, line)
        if low == "its":  # "Its bulletin ... spoke": the parse's subject is "Its"
            return self._mention(self._its(begin), begin, end, line)
        role = re.fullmatch(r"the\s+((?:[\w-]+\s+){0,3}(\w+))", low)
        if role is not None and role.group(2) in PERSON_ROLES:
            person = appositive_person(self.text, begin, role.group(1))
            while person is not None and len(person.split()) > 2 and is_title(person.split()[0]):
                person = person.split(None, 1)[1]  # "the police chief, General Ada Obi"
            if person is not None:  # "the information minister" introduced by name
                self.last_person = person
                return self._mention(person, begin, end, line)
        owned = re.fullmatch(r"(the\s+(\w+))['’]s\s+(?:[\w-]+\s+){0,3}(\w+)", low)
        if (
            owned is not None
            and owned.group(2) in ANAPHOR_NOUNS | KIND_NOUNS
            and owned.group(3) in DOCUMENT_HEADS | {"toll"}
        ):  # "the mission's final figure": what "the mission" refers to
            owner = self.resolve(begin, begin + len(owned.group(1)), line)
            if owner and owner[0].name.lower() != owned.group(2):
                return tuple(ActorMention(m.name, Span(begin, end, words, line)) for m in owner)
        made = re.fullmatch(r"the\s+(?:same\s+)?(\w+)", low)
        if made is not None and made.group(1) in MADE_ANAPHORS:  # "the report found"
            maker = self._document_maker(begin, made.group(1), line)
            if maker is not None:
                return (ActorMention(maker.name, Span(begin, end, words, line)),)
            if made.group(1) not in SOURCE_NOUNS:
                return ()  # "the book" by nobody named: no source
        the = re.fullmatch(r"the\s+(\w+)", low)
        kind = the.group(1) if the is not None else ""
        if kind in KIND_NOUNS or (kind in ("group", "movement") and self.last_group is None):
            named = self._named_organisation(begin, subjects=True)
            if named is not None and named[0] > self.last_org_at:
                return self._org(self.canonical(named[1]), begin, end, line)
        if the is not None and the.group(1) in KIND_NOUNS and self.last_org is not None:
            return self._mention(self.last_org, begin, end, line)
        if the is not None and the.group(1) in ANAPHOR_NOUNS:
            name = antecedent(self.text, begin, the.group(1), self.quoted)
            if name is not None and the.group(1) not in PERSON_ROLES:  # "the committee":
                return self._org(self.canonical(name), begin, end, line)  # "it" from now on
            if name is not None:
                return self._mention(self.canonical(name), begin, end, line)
        if the is not None and may_head_a_name(the.group(1)):  # "the tribunal"
            name = headed_antecedent(self.text, begin, the.group(1), self.quoted)
            if name is not None:  # "the Special Tribunal for Tamba", named before
                return self._org(self.canonical(name), begin, end, line)
        own = re.fullmatch(r"(?:his|her)\s+(\w+)", low)
        if own is not None and own.group(1) == "ministry":  # the ministry the minister heads
            last = self._last_person()
            ministry = ministry_of(self.text, begin, last, self.sentences)
            if ministry is not None:
                return self._mention(ministry, begin, end, line)
        if own is not None and own.group(1) in POSSESSED:
            last = self._last_person()
            return self._mention(
                possessed_source(self.text, begin, own.group(1), last, self.sentences),
                begin,
                end,
                line,
            )
        own = re.fullmatch(r"(?:its|their)\s+(?:[a-z]+\s+)*?(\w+)", low)
        if own is not None and own.group(1) in DOCUMENT_HEADS and self._its(begin):
            return self._mention(self._its(begin), begin, end, line)  # "its later tally"
        own = re.fullmatch(r"(?:its|their|the group['’]s)\s+(\w+)", low)
        if own is not None and own.group(1) in _NOT_A_GROUP_S:
            return self._mention(own.group(1), begin, end, line)  # "their governments"
        if own is not None and self.last_group is None and low.startswith("its"):
            return self._mention(self._its(begin), begin, end, line)  # no group to be its
        if own is not None:
            return self._mention(self.last_group, begin, end, line)
        if re.fullmatch(r"the\s+(\w+)", low) and low.split()[1] in GROUP_REFERENCES:
            if self.last_group is not None:  # else "the rebels" name themselves
                return self._mention(self.last_group, begin, end, line)
        if low == "they":  # "Local officials said ... They added": the last plural source
            earlier = self._plural_subject(begin)
            if earlier is None and self._plural(begin) is None:
                earlier = self._plural_subject_before(begin)  # "Investigators ... They found"
            nation = people_country(self.text[earlier[0] : earlier[1]]) if earlier else None
            if nation is not None:  # "the Australians swept ... they counted": Australia
                return self._mention(self.canonical(nation), begin, end, line)
            if earlier is not None:  # "When the scouts swept the hill they counted 40"
                plural = self._one(*earlier, line)
                return (ActorMention(plural.name, Span(begin, end, words, line)),) if plural else ()
            return self._mention(self._plural(begin), begin, end, line)
        if low in ("we", "them"):
            return ()
        apposed = apposed_name(self.text, begin, end)
        if apposed is not None:  # "the UN migration agency, IOM": IOM
            mention = self._one(*apposed, line)
            return (mention,) if mention is not None else ()
        found: list[ActorMention] = []
        for b, e in self._conjuncts(begin, end):
            mention = self._one(b, e, line)
            if mention is not None:
                found.append(mention)
        return tuple(found)

    def _document_maker(self, at: int, noun: str, line: int) -> ActorMention | None:
        """The maker of the document "the {noun}" at ``at`` refers to: of the nearest
        earlier mentions of ``noun`` (up to :data:`_MENTIONS_READ`), the first whose
        sentence's parse names its maker or owner ("The report, published by the
        rights office, found ...", "Tate's dispatch ... The same dispatch estimated")."""
        start = at
        for _ in range(_MENTIONS_READ):
            found = _word_before(self.text, noun, start)
            if found is None:
                return None
            begin = max(self.text.rfind(". ", 0, found) + 2, self.text.rfind("\n", 0, found) + 1)
            stop = self.text.find(". ", found)
            stop = len(self.text) if stop < 0 else stop + 1
            maker = document_maker(parse(self.text[begin:stop]), found - begin)
            if maker is not None:
                return self._one(begin + maker[0], begin + maker[1], line)
            start = found
        return None

    def _its(self, at: int) -> str | None:
        """Whose "its" document at ``at`` is: an organisation named in the sentences just
        before since the last one quoted ("The Ministry of Health issued numbers. Its
        bulletin ..."), else the last organisation quoted."""
        named = self._named_organisation(at)
        if named is not None and named[0] > self.last_org_at:
            return self.canonical(named[1])
        return self.last_org

    def _named_organisation(self, at: int, subjects: bool = False) -> tuple[int, str] | None:
        """(offset, name) of the organisation named last before ``at``: of the sentences
        just before (:func:`~attackgraph.extract.anaphora.nearest_organisation`), the
        latest naming one - an organisation the recogniser finds, or one quoted before
        (the recogniser misses many: "came from Human Rights Watch") - and the first
        named in it; with ``subjects``, also a capitalised name the parse makes a subject
        (for "the organisation": "X had recorded ..., the organisation said")."""
        found = nearest_organisation(self.text, self.sentences, at, subjects)
        for begin, stop in sorted(self.sentences, reverse=True):
            if begin >= at:
                continue
            hits = [] if found is None or not begin <= found[0] < stop else [found]
            quoted = self._first_quoted(begin, min(stop, at))
            if quoted is not None:
                hits.append(quoted)
            if hits:
                return min(hits)
        return found

    def _first_quoted(self, begin: int, end: int) -> tuple[int, str] | None:
        """(offset, name) of the first name of two words or more quoted so far, not a
        person's, written whole in ``text[begin:end]`` (of two at the same offset, the
        one first in alphabetical order); ``None`` when none is. Reads the span once:
        the cost does not grow with the names quoted.

        >>> speakers = Speakers("Aid Watch and Aid Watch Intl spoke. Aid Watch Intl left.")
        >>> for name in ("Aid Watch Intl", "Aid Watch", "Amos Tate", "Aid"):
        ...     speakers._index_quoted(name)
        >>> speakers._first_quoted(0, 35), speakers._first_quoted(14, 35)
        ((0, 'Aid Watch'), (14, 'Aid Watch'))
        >>> speakers._first_quoted(36, 55), speakers._first_quoted(36, 44)
        ((36, 'Aid Watch'), None)
        """
        text, openings = self.text, self._by_opening
        if not openings:
            return None
        for at in range(begin, end - 1):
            names = openings.get(text[at : at + 2])
            if names is None:
                continue
            written = [n for n in names if n not in self._persons and text.startswith(n, at, end)]
            if written:
                return at, min(written)
        return None

    def _index_quoted(self, name: str) -> None:
        """Remember the quoted ``name`` for :meth:`_first_quoted` when it has two words."""
        if " " in name:
            self._by_opening.setdefault(name[:2], set()).add(name)

    def _opens_sentence(self, at: int) -> bool:
        """Whether the name at ``at`` opens its sentence, perhaps after a phrase set off by
        a comma ("In May, the Coastal Press Agency published ..."): it is the subject."""
        start = max((b for b, _ in self.sentences if b <= at), default=0)
        return _OPENING.fullmatch(self.text, start, at) is not None

    def _last_person(self) -> tuple[int, str] | None:
        """The last source quoted that is a person (offset, name), or ``None``."""
        return self.quoted[self._last_person_quoted] if self._last_person_quoted >= 0 else None

    def _plural_subject(self, at: int) -> tuple[int, int] | None:
        """The words of the plural subject of an earlier clause of the sentence that holds
        "they" at ``at``, read from the parse ("When the scouts swept the hill they
        counted 40", "the rangers lost six, and they counted 40 dead"): the nearest, not
        one inside a clause reported or described by another; ``None`` when there is
        none, or when "they" is no reporting verb's subject or stands in a relative
        clause ("people they accused", "where they said they found")."""
        start, stop = next(((b, e) for b, e in reversed(self.sentences) if b <= at < e), (0, 0))
        if stop <= start:
            return None
        doc = parse(self.text[start:stop])
        they = next((t for t in doc if t.idx == at - start), None)
        if (
            they is None
            or they.head.lower_ not in REPORTING
            or any(a.dep_ in ("relcl", "acl") for a in they.ancestors)
        ):
            return None  # "people they accused", "where they said": no speaker of figures
        found = None
        for token in doc:
            if token.idx >= at - start:
                break
            if token.dep_ != "nsubj" or token.lower_ in PRONOUNS or not _plural_word(token):
                continue
            if any(a.dep_ in ("ccomp", "relcl", "acl") for a in token.ancestors):
                continue
            words = [t for t in token.subtree if t.i <= token.i]
            found = start + words[0].idx, start + token.idx + len(token.text)
        return found

    def _plural_subject_before(self, at: int) -> tuple[int, int] | None:
        """The words of the plural subject of the main clause of the sentence just before
        the one that "they" at ``at`` opens ("Investigators had gathered the names. They
        also found that ..."), read from the parse; ``None`` when "they" does not open
        its sentence or that subject is no plural noun phrase (a pronoun)."""
        current = next((k for k, (b, e) in enumerate(self.sentences) if b <= at < e), None)
        if not current or self.text[self.sentences[current][0] : at].strip():
            return None
        start, stop = self.sentences[current - 1]
        doc = parse(self.text[start:stop])
        for token in doc:
            if (
                token.dep_ == "nsubj"
                and token.head.dep_ == "ROOT"
                and token.lower_ not in PRONOUNS
                and _plural_word(token)
            ):
                words = [t for t in token.subtree if t.i <= token.i]
                return start + words[0].idx, start + token.idx + len(token.text)
        return None

    def _person_subject_before(self, at: int) -> str | None:
        """The person named by the subject of the main clause of the sentence just before
        the one that "he" or "she" at ``at`` opens ("In 1991 the writer Ana Moss published
        a book. She counted ..."), read from the parse: the capitalised words that end the
        subject's phrase, when they look like a person's name and the recogniser calls
        them a person or a common noun before them describes one ("the writer", "the
        historian": the small model often misses or mislabels such names); ``None`` when
        the pronoun does not open its sentence or the subject names no person."""
        current = next((k for k, (b, e) in enumerate(self.sentences) if b <= at < e), None)
        if not current or self.text[self.sentences[current][0] : at].strip():
            return None
        start, stop = self.sentences[current - 1]
        sentence = self.text[start:stop]
        doc = parse(sentence)
        subjects = [t for t in doc if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"]
        if not subjects or subjects[-1].lower_ in PRONOUNS:
            return None
        subject = subjects[-1]  # "the writer Ana Moss published": "Moss", not "writer"
        first = min(t.i for t in subjects if t.head.i == subject.head.i)
        words = sentence[doc[first].left_edge.idx : subject.idx + len(subject.text)]
        name = _TRAILING_NAME.search(words)
        if name is None or not looks_like_person(name.group()):
            return None
        person = name.group()
        while len(person.split()) > 2 and is_title(person.split()[0]):
            person = person.split(None, 1)[1]  # "spokesman Colonel Ada Obi": Ada Obi
        described = _ROLE_BEFORE.search(words[: name.start()]) is not None
        if not described and not any(
            e.label == "PERSON" and e.text in (name.group(), person) for e in entities(sentence)
        ):
            return None
        return person

    def _plural(self, at: int) -> str | None:
        """The source quoted last, within the sentence or two before ``at``, when its words
        name several people ("local officials", "security sources", "police")."""
        if not self.quoted:
            return None
        where, name = self.quoted[-1]
        last = name.split()[-1].lower() if name.split() else ""
        plural = (last.endswith("s") and not last.endswith("ss")) or last in PLURAL_NOUNS
        plural = plural and name not in self._persons
        return name if plural and at - where < 300 else None

    def _org(self, name: str | None, begin: int, end: int, line: int) -> tuple[ActorMention, ...]:
        """The organisation ``name`` referred to at ``begin``: quoted last from now on."""
        if name is not None:
            self.last_org, self.last_org_at = name, begin
        return self._mention(name, begin, end, line)

    def _mention(
        self, name: str | None, begin: int, end: int, line: int
    ) -> tuple[ActorMention, ...]:
        if name is None:
            return ()
        return (ActorMention(name, Span(begin, end, self.text[begin:end], line)),)

    def _conjuncts(self, begin: int, end: int) -> Iterable[tuple[int, int]]:
        words = self.text[begin:end]
        both = re.match(r"(?:both|the)\s+", words, re.IGNORECASE)
        start = begin + (both.end() if both and " and " in words else 0)
        pieces = re.split(r"\s+and\s+|,\s+(?:and\s+)?", self.text[start:end])
        joined = self.text[start:end]
        if (
            len(pieces) < 2
            or not all(p[:1].isupper() or p.startswith("the ") for p in pieces)
            or any(joins_inside_name(joined, 0, m.start()) for m in re.finditer(" and ", joined))
            or self._one_name(start, end, pieces[0])
        ):
            yield begin, end
            return
        at = start
        for piece in pieces:
            b = self.text.index(piece, at)
            at = b + len(piece)
            yield b, at

    def _one_name(self, begin: int, end: int, first: str) -> bool:
        """Whether the words ``begin:end``, split at "and", are one name: their first
        piece is one word the text never writes but before "and" or a comma, and the
        recogniser reads one organisation over all of them in their sentence ("the Truth
        and Reconciliation Commission"; not "Oxfam and the Red Cross")."""
        if " " in first or re.search(rf"\b{re.escape(first)}\b(?!,? and\b|,)", self.text):
            return False
        sentence = next(((b, e) for b, e in self.sentences if b <= begin < e), None)
        if sentence is None:
            return False
        at, stop = begin - sentence[0], end - sentence[0]
        return any(
            e.label == "ORG" and e.begin <= at and e.end >= stop
            for e in entities(self.text[sentence[0] : sentence[1]])
        )

    def _one(self, begin: int, end: int, line: int) -> ActorMention | None:
        text = self.text
        words = ACRONYM.sub("", text[begin:end]).strip()
        words = clean_name(re.sub(r"\s+", " ", words))  # "by nightfall the minister"
        words = _WHEN_AFTER.sub("", words)
        words = _MADE_AFTER.sub(r"\1", words)  # "Government figures published later"
        words = _SET_UP_UNDER.sub("", words)  # "a review board set up under the law"
        stripped = _DETERMINERS.sub("", words)
        tokens = stripped.split()
        if (
            len(tokens) > 1
            and tokens[0].lower() in DOCUMENT_HEADS | {"toll", "number"}
            and (
                capitalised(tokens[1])
                or tokens[1].lower() in SOURCE_NOUNS
                and (tokens[1].lower().endswith("s") or tokens[1].lower() in PLURAL_NOUNS)
            )
        ):  # not "a review committee": a singular noun ends the body's name
            tokens = tokens[1:]  # "a figure officials later lowered": the officials
            stripped = " ".join(tokens)
        if not tokens:
            return None
        person = False
        owner = possessor(tokens)
        of = _OF_GROUP.search(stripped) or _SPEAKS_FOR.fullmatch(stripped)
        heads = _HEAD_FROM.match(stripped)
        if heads is not None:  # "a statement from the ministry", "figures by the UN"
            name = stripped[heads.end() :]
        elif of is not None:
            name = of.group(1)
        elif owner is not None:  # "the army's final count": the army's
            name = owner
        elif body_of(tokens) is not None:  # "a Port Authority spokesman": Port Authority
            name = " ".join(tokens[:-1])
        elif tokens[-1].lower() in DOCUMENT_HEADS and len(tokens) == 1:
            name = re.sub(r"^(?:the|an?)\s+", "", words, flags=re.IGNORECASE)  # "early reports"
        elif official_of(tokens) is not None:
            name = f"{official_of(tokens)} authorities"  # "official Saudi figures"
        elif tokens[-1].lower() in DOCUMENT_HEADS and all(
            t.islower() and not t.endswith(("'s", "’s")) for t in tokens
        ):
            name = stripped  # "the official count": the count names itself
        elif tokens[-1].lower() in DOCUMENT_HEADS:
            name = " ".join(tokens[:-1])
        else:
            name, person = self._name(tokens)
        name = re.sub(r"['’]s$", "", name.strip(" ,"))  # "the government's (final toll)"
        if not name:
            return None
        parts = name.split()
        written = parts[-1] if parts and parts[0] in TITLES else name
        if parts and (len(parts) == 1 or parts[0] in TITLES):
            name = self._person_by_surname.get(parts[-1], name)
        name = self.canonical(name)
        person = (
            person
            or name in self._persons
            or (not of and name_key(name) not in self.known and looks_like_person(name))
            or self._surname(name)
        )
        at, found = text.find(name, begin, end), name
        if at < 0:
            at, found = text.find(written, begin, end), written
        span = (
            Span(at, at + len(found), found, line)
            if at >= 0
            else _span(text, begin, end, line, words)
        )
        self.quoted.append((begin, name))
        self._index_quoted(name)
        self._last_quoted[name] = len(self.quoted) - 1
        if name in self._persons:
            self._last_person_quoted = len(self.quoted) - 1
        if person:
            if name not in self._persons:
                self.persons.append(name)
                self._persons.add(name)
                if name.split():
                    self._person_by_surname[name.split()[-1]] = name
                self._last_person_quoted = max(self._last_person_quoted, self._last_quoted[name])
            self.last_person = name
        else:
            self.last_org, self.last_org_at = name, begin
        return ActorMention(name, span)

    def _surname(self, name: str) -> bool:
        """Whether the one word ``name`` ends a person's name written in full in the text
        ("Col. Amos R. Tate" in the infobox, then "Tate reported ..."): a person, whom
        "he" and "she" can refer to."""
        if len(name.split()) != 1 or not name[:1].isupper() or name.isupper():
            return False
        if name not in self._surnames:
            written = self._written(name)
            before = (GIVEN.search(self.text, max(0, at - 60), at) for at in written)
            self._surnames[name] = any(
                looks_like_person(" ".join([*given_names(m.group(1)), name]))
                for m in before
                if m is not None
            )
        return self._surnames[name]

    def _written(self, name: str) -> Iterable[int]:
        """Where the one capitalised word ``name`` is written as a whole word: what
        ``re.finditer(rf"\\b{name}\\b", text)`` finds, from an index of the words the text
        opens with a capital letter, built once (a search of the whole text for each name
        cost a long document time in proportion to its length times the names it quotes).

        >>> speakers = Speakers("Tate met O'Tate. Tate-Ross and Tates left; Tate.")
        >>> list(speakers._written("Tate")), list(speakers._written("Tate-Ross"))
        ([0, 11, 17, 43], [17])
        >>> list(speakers._written("Ross")), list(speakers._written("Tat"))
        ([22], [])
        """
        opening = re.match(r"\w+", name)
        if opening is None:  # not a word character first: no index of those
            return [m.start() for m in re.finditer(rf"\b{re.escape(name)}\b", self.text)]
        if self._capitalised is None:
            self._capitalised = {}
            for m in _CAPITALISED.finditer(self.text):
                if m.group()[0].isupper():
                    self._capitalised.setdefault(m.group(), []).append(m.start())
        text, found, last = self.text, [], -1
        for at in self._capitalised.get(opening.group(), []):
            end = at + len(name)
            if at >= last and text.startswith(name, at) and _word_edge(text, end):
                found.append(at)
                last = end
        return found

    @staticmethod
    def _name(tokens: list[str]) -> tuple[str, bool]:
        """(name, is a person) from the tokens of a noun phrase without determiners."""
        k = len(tokens)
        while k > 0 and (capitalised(tokens[k - 1]) or tokens[k - 1] in PARTICLES):
            k -= 1
        while k < len(tokens) and tokens[k] in PARTICLES:
            k += 1
        run = tokens[k:]
        before = [t.lower() for t in tokens[:k]]
        if not run:
            return " ".join(tokens), any(t in ROLE_WORDS for t in before)
        titled = [
            i
            for i, t in enumerate(run)
            if is_title(t) and not (i + 1 < len(run) and run[i + 1] in ORG_WORDS | _INSTITUTIONS)
        ]  # "Foreign Office", "General Hospital": no title
        if titled and titled[-1] < len(run) - 1:
            rest = run[titled[-1] + 1 :]
            if len(rest) > 2 and rest[0] in PARTICLES:
                rest = rest[1:]  # "Inspector-General of Police Ada Obi": Ada Obi
                while len(rest) > 2 and rest[0] in ORG_WORDS:
                    rest = rest[1:]
            if len(rest) >= 2:
                return " ".join(rest), True
            return " ".join(run[titled[0] :]), True
        if before and before[-1] in PARTICLES:
            return " ".join(tokens), False  # "government of Burkina Faso"
        if before and before[-1] in ROLE_WORDS and len(run) >= 2:
            return " ".join(run), True
        if before and before[-1] in _DESCRIPTORS:
            return " ".join(run), False
        return " ".join(tokens), False


_INSTITUTIONS: Final = frozenset("Hospital Assembly Staff Court Headquarters Clinic".split())
"""Words after a title word that make it part of an institution's name ("General
Hospital", "General Assembly"), not a person's title."""

_CAPITALISED: Final = re.compile(r"(?<!\w)[^\W\d_a-z]\w*")
"""A word that starts with no digit, no underscore and no small ASCII letter: the words
that may start with a capital (the caller checks that the first letter is one)."""


def _word_edge(text: str, at: int) -> bool:
    """Whether ``\\b`` matches at ``at`` in ``text``: one side a word character, not both.

    >>> _word_edge("Tate said", 4), _word_edge("Tates", 4), _word_edge("Tate", 4)
    (True, False, True)
    """
    before = at > 0 and _WORD.match(text, at - 1) is not None
    after = at < len(text) and _WORD.match(text, at) is not None
    return before != after


_WORD: Final = re.compile(r"\w")


_MENTIONS_READ: Final = 4


_WINDOW: Final = 20_000
"""How far back (characters) a document's earlier mention is looked for: a bound on the
cost of each anaphor in a long text."""


def _word_before(text: str, word: str, end: int) -> int | None:
    """Where the whole word ``word`` (any case) is last written before ``end``, within
    :data:`_WINDOW` characters.

    >>> t = "A report. The reporter said the report"
    >>> _word_before(t, "report", 30), _word_before("x", "report", 1)
    (2, None)
    """
    found = None
    pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
    for m in pattern.finditer(text, max(0, end - _WINDOW), end):
        found = m.start()
    return found


def _plural_word(token: Token) -> bool:
    """Whether a subject's head names several: a plural noun ("scouts", "the police") or
    a nationality after "the" ("the British")."""
    word = token.lower_
    if word in PLURAL_NOUNS or (word.endswith("s") and not word.endswith(("ss", "'s", "’s"))):
        return True
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    return before == "the" and token.text[:1].isupper() and bool(demonym_countries(token.text))


def _span(text: str, begin: int, end: int, line: int, words: str) -> Span:
    """The span of the subject words (trimmed), for names not written verbatim."""
    return Span(begin, end, text[begin:end], line)
