"""Who states a figure, read from the dependency parse of its sentence.

The word rules of :mod:`~attackgraph.extract.attribution` give each reporting cue a
stretch of content, and every figure inside it the cue's speaker. Sentences with
several speakers defeat them: a relative clause inside the subject ("The court, which
took charge because it concerned a foreign mission, put the toll at 29"), a second
speaker in a coordinated or semicolon clause ("...; officials spoke of 22 dead, and
press reports put the toll above 30"), an "according to X" that closes only the last
clause. The parse (:mod:`~attackgraph.extract.nlp`) knows which verb governs a number.

:func:`figure_speaker` walks from the figure's token up its heads to the first clause
that names a speaker:

- a reporting or tallying verb (:data:`REPORTING`: "said", "put", "gave", "counted",
  "spoke", "estimated", ...) used as a verb: its nominal subject, or the subject of the
  verb it is coordinated with ("counted nine and said that 15 were hurt"), or the agent
  of a passive ("was put at 40 by the ministry"); a relative pronoun ("which put")
  stands for the noun it describes;
- an "according to X" or an "as compiled by X" attached to the clause: X;
- a number in a breakdown after a colon ("a list of 96 dead: 41 men and 55 women"):
  the speaker of the number it breaks down, wherever the parse hangs the breakdown.

The speaker is the subject's noun phrase without relative clauses, appositions,
participles and adjuncts ("press reports at the time" -> "press reports"); a subject
that only names a document made by someone ("Figures released by the ministry") gives
its maker, a document a possessive names its owner ("the board's statement, carried by
a radio station": the board), a common noun with a "by" phrase that holds a name that
name ("later work by the X Institute"). Only sentences with a reporting word
(:func:`worth_parsing`) are parsed.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import Final

from spacy.tokens import Doc, Token

from attackgraph.extract.anaphora import PERSON_ROLES
from attackgraph.extract.nlp import CACHE_SIZE, parse
from attackgraph.extract.parsed_subjects import TIMES, without_set_off
from attackgraph.extract.speaker_names import BACK_DETERMINERS, MADE_ANAPHORS
from attackgraph.extract.subjects import SOURCE_NOUNS, plausible_source

__all__ = ["REPORTING", "SpeakerFinder", "document_maker", "figure_speaker", "worth_parsing"]

REPORTING: Final = frozenset(
    """
    say says said saying tell tells told report reports reported state states stated
    announce announces announced confirm confirms confirmed estimate estimates estimated
    put puts putting place places placed placing give gives gave given giving count counts
    counted list
    lists listed record records recorded register registered document documented
    speak speaks spoke write writes wrote note notes noted claim claims claimed
    maintain maintains maintained compile compiled publish published
    cite cites cited quote quoted quoting revise revised raise raised lower lowered
    believe believes believed argue argues argued conclude concluded identify identified
    show shows showed suggest suggests suggested mention mentions mentioned
    reply replies replied refer refers referred settle settles settled
    """.split()
)
"""Reporting and tallying verbs, as written (the parse carries no lemmas)."""

_VERB_DEPS: Final = frozenset({"ROOT", "ccomp", "conj", "advcl", "xcomp", "parataxis", "relcl"})
"""Dependency labels under which a reporting word is a verb, not a noun ("reports")."""

_DOCUMENTS: Final = frozenset(
    "figure figures report reports statement statements count counts tally tallies data "
    "estimate estimates list lists account accounts toll communique communiqué".split()
)
"""Heads of subjects that name a document; its maker ("released by X") is the speaker."""

_MADE: Final = _DOCUMENTS | frozenset(
    "review reviews note notes study studies survey surveys investigation investigations "
    "inquiry inquiries examination examinations analysis audit dispatch findings numbers totals "
    "memo memorandum book books".split()
)
"""Heads of noun phrases naming something made by someone, whose maker a "by" or a
clause of making names ("a review by the prosecutor", "a note prepared by X",
"the figures the ministry released"): the maker speaks for it."""

_RELATIVES: Final = frozenset({"which", "who", "that"})

_KEEP_PREPS: Final = frozenset({"of", "for"})
"""Prepositions inside a name ("Ministry of Health", "Office for Statistics"); other
prepositional phrases after the head are adjuncts ("officials in the first days")."""

_FINDING: Final = frozenset(
    "find finds found rule rules ruled accept accepts accepted testify testifies testified "
    "certify certifies certified".split()
)
"""Verbs of a finding that state what their clause says ("the jury found that 21 had been
killed", "the court ruled, in an inquest, that 78 had died"), not what they act on
("rescuers found 12 bodies")."""


_CUE_WORDS: Final = re.compile(
    r"\b(?:" + "|".join(sorted(REPORTING | _FINDING)) + r"|according)\b", re.IGNORECASE
)


_MADE_BY: Final = re.compile(
    r"\b(?:established|released|issued|prepared|produced|kept|drawn|compiled|published|"
    r"gathered|provided|given)\b[^.;]{0,60}?\bby\b",
    re.IGNORECASE,
)
"""A document made by someone ("The official figure established by X is 26 killed")."""


def worth_parsing(sentence: str) -> bool:
    """Whether ``sentence`` has a word that can introduce a speaker, or names a document
    made by someone (whose maker states its figures whatever the verb).

    >>> worth_parsing("Police said six died."), worth_parsing("Six died in the blast.")
    (True, False)
    >>> worth_parsing("The figure established by the court is 26 dead.")
    True
    """
    return _CUE_WORDS.search(sentence) is not None or _MADE_BY.search(sentence) is not None


def figure_speaker(doc: Doc, begin: int, end: int) -> tuple[int, int] | None:
    """The speaker of the figure written at characters ``begin:end`` of the parsed
    sentence ``doc`` (the walk starts from its number), as offsets into it; ``None``
    when no clause above it names one.

    >>> t = "The court, which sat because it was asked, put the toll at 29; officials spoke of 22."
    >>> d = parse(t)
    >>> [t[slice(*figure_speaker(d, t.index(n), t.index(n) + 2))] for n in ("29", "22")]
    ['The court', 'officials']
    >>> t = "The army said 18 died, and five were killed, according to local officials."
    >>> d = parse(t)
    >>> [t[slice(*figure_speaker(d, t.index(n), t.index(n) + 2))] for n in ("18", "five")]
    ['The army', 'local officials']
    >>> figure_speaker(parse("Six people died in the blast."), 0, 3) is None
    True
    """
    inside = [t for t in doc if begin <= t.idx < end]
    token = next((t for t in inside if t.like_num), inside[0] if inside else None)
    if token is None:
        return None
    low, high = _segment(doc, token)
    total = _broken_down(doc, token, low)
    if total is not None:  # "a list of 96 dead: 41 men and 55 women": the list's speaker
        return figure_speaker(doc, total.idx, total.idx + len(total.text))
    seen, came_from = 0, None
    while seen < 40:
        seen += 1
        found = None
        if low <= token.i < high:
            found = _named_by_modifier(token)
            if found is None and _drew_up(token, came_from):  # "X drew up a list of 163 dead"
                found = _subject_of(token)
            if found is None and (_is_reporting_verb(token) or _finding(token, came_from)):
                found = _subject_of(token)
                if found is not None and _reports_a_tally(token, found):
                    found = _outer_speaker(token, low, high) or found
            if found is None:  # "X, the report noted, put ...": X's own verb first
                found = _inserted_speaker(token)
            if found is None and _issued(token):  # "X issued a statement saying ..."
                found = _subject_of(token.head.head)
            if found is None and token.dep_ in _VERB_DEPS:
                found = _document_subject(token)
            if found is not None and not low <= found.i < high:
                found = None
        if found is not None:
            return _speaker_span(_maker(found))
        if found is None and _drew_up(token, came_from) and low <= token.i < high:
            break  # the list's maker gives no name: nobody above speaks for it
        if token.head is token or _closed(token):
            break
        token, came_from = token.head, token
    return _according_in(doc, low, high)


def document_maker(doc: Doc, at: int) -> tuple[int, int] | None:
    """Who made the document named by the word at character ``at`` of the parsed
    sentence ``doc``, as offsets into it: the maker the parse names ("the report,
    published by X", "X released a report", "the figures X released"), or its owner
    ("X's official dispatch", "X, whose book ..."); ``None`` when it names none.

    >>> t = "The Harbour Trust's final report, issued in May, gave a toll of 12."
    >>> t[slice(*document_maker(parse(t), t.index("report")))]
    'The Harbour Trust'
    >>> t = "The writer Ana Moss, whose book appeared in 1990, counted 40 dead."
    >>> t[slice(*document_maker(parse(t), t.index("book")))]
    'Ana Moss'
    >>> document_maker(parse("The report said 12 died."), 4) is None
    True
    """
    token = next((t for t in doc if t.idx == at), None)
    if token is None:
        return None
    maker = _maker(token)
    if maker is token:
        owner = _owner(token)
        whose = next((c for c in token.children if c.dep_ == "poss" and c.lower_ == "whose"), None)
        if whose is not None and token.head.dep_ == "relcl":
            owner = token.head.head  # "X, whose book ...": X
        if owner is None:
            return None
        maker = owner
    return _speaker_span(maker)


def _broken_down(doc: Doc, token: Token, low: int) -> Token | None:
    """The number a breakdown after a colon holding ``token`` breaks down ("a list of 96
    dead: 41 men and 55 women" -> 96): the last number before the colon, in the same
    part of the sentence (a colon before a clause of its own parts the sentence instead,
    :func:`_segment`)."""
    colon = next((t for t in reversed(doc[low : token.i]) if t.text == ":"), None)
    if colon is None:
        return None
    return next((t for t in reversed(doc[low : colon.i]) if t.like_num), None)


def _drew_up(verb: Token, came_from: Token | None) -> bool:
    """Whether the walk reached ``verb`` from its direct object naming a document ("drew
    up a list of 163 dead", "published a count of 40"): the verb's subject made it."""
    return (
        came_from is not None
        and came_from.dep_ == "dobj"
        and came_from.lower_ in _DOCUMENTS
        and came_from.lower_ not in ("toll", "figure", "figures")
        and verb.dep_ in _VERB_DEPS
        and verb.lower_ in _MAKING
    )


_MAKING: Final = frozenset(
    "draw draws drew drawn compile compiles compiled publish publishes published release "
    "releases released issue issues issued prepare prepares prepared produce produces "
    "produced keep keeps kept circulate circulated".split()
)
"""Verbs of making a document ("drew up a list"), not of finding one ("found a list")."""


def _according_in(doc: Doc, low: int, high: int) -> tuple[int, int] | None:
    """X of an "according to X" in the part ``doc[low:high]`` that the small model hung on
    a verb of another part: it is said of this one. (One hung on another clause of this
    part is that clause's: "Five were hurt, officials said, and three died, according
    to medics.") X of an "in the figures given by X" anywhere in the part, when no verb
    above the figure names a speaker (the small model hangs it on a comma as often as on
    the verb)."""
    for token in doc[low:high]:
        if token.lower_ == "in" and token.dep_ == "prep":  # "in the figures given by X"
            obj = next((c for c in token.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lower_ in _DOCUMENTS and _maker(obj) is not obj:
                return _speaker_span(_maker(obj))
            owner = _owner(obj) if obj is not None and obj.lower_ in _DOCUMENTS else None
            if owner is not None:  # "in the commission's count": the commission
                return _speaker_span(owner)
        if token.lower_ == "according" and token.dep_ == "prep" and not low <= token.head.i < high:
            to = next((c for c in token.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            if obj is not None and obj.i < high:
                return _speaker_span(obj)
    return None


_SPOKEN: Final[OrderedDict[tuple[str, int, int], tuple[int, int] | None]] = OrderedDict()
"""Recent answers of :func:`figure_speaker` by (sentence, begin, end)."""


def _speaker_in(doc: Doc, begin: int, end: int) -> tuple[int, int] | None:
    """:func:`figure_speaker` of a parse made by :func:`~attackgraph.extract.nlp.parse`,
    remembered by the sentence's text: such a parse depends only on the text, and the
    walk only on the parse, so a sentence repeated in a long document is walked once
    (the most recent :data:`~attackgraph.extract.nlp.CACHE_SIZE` answers are kept)."""
    key = (doc.text, begin, end)
    if key in _SPOKEN:
        _SPOKEN.move_to_end(key)
        return _SPOKEN[key]
    found = _SPOKEN[key] = figure_speaker(doc, begin, end)
    if len(_SPOKEN) > CACHE_SIZE:
        _SPOKEN.popitem(last=False)
    return found


class SpeakerFinder:
    """The speakers of the figures of one sentence ``text[begin:end]`` (parsed once,
    on the first question, and only when :func:`worth_parsing` says so).

    >>> text = "Police said four people died; the mayor said six."
    >>> finder = SpeakerFinder(text, 0, len(text))
    >>> [text[slice(*finder(text.index(n), text.index(n) + 3))] for n in ("four", "six")]
    ['Police', 'the mayor']
    """

    def __init__(self, text: str, begin: int, end: int) -> None:
        self.text, self.begin, self.end = text, begin, end
        self.worth = worth_parsing(text[begin:end])
        self._doc: Doc | None = None

    def __call__(self, begin: int, end: int) -> tuple[int, int] | None:
        """The speaker of the figure written at ``text[begin:end]``, as absolute offsets."""
        if not self.worth or not self.begin <= begin < end <= self.end:
            return None
        if self._doc is None:
            self._doc = parse(self.text[self.begin : self.end])
        found = _speaker_in(self._doc, begin - self.begin, end - self.begin)
        return None if found is None else (self.begin + found[0], self.begin + found[1])

    @property
    def parsed(self) -> Doc | None:
        """The sentence's parse, if a question made it."""
        return self._doc

    def other(
        self,
        begin: int,
        end: int,
        named: tuple[int, int] | None,
        subject: tuple[int, int] | None = None,
    ) -> tuple[int, int] | None:
        """The speaker of the figure at ``text[begin:end]`` when it names another party
        than the words ``named`` (the source's name) and the cue's ``subject`` words (it
        overlaps neither, and its noun phrase outside its clauses holds neither), and
        can name one
        (:func:`~attackgraph.extract.subjects.plausible_source`); else ``None``.

        >>> text = "The mayor said 4 died, and 6 were hurt, according to the police."
        >>> finder = SpeakerFinder(text, 0, len(text))
        >>> finder.other(text.index("4"), text.index("4") + 1, (0, 9)) is None
        True
        >>> text[slice(*finder.other(text.index("6"), text.index("6") + 1, (0, 9)))]
        'the police'
        """
        found = self(begin, end)
        if found is not None and self.made(found):
            return found  # "Figures given by X put ...": X, though the cue's subject holds it
        if found is None or any(
            w is not None and found[0] < w[1] and w[0] < found[1] for w in (named, subject)
        ):
            return None
        described = (
            subject is not None
            and self.text[found[1] : subject[0]].strip() == ","
            and re.match(r"an?\s", self.text[subject[0] : subject[1]], re.IGNORECASE) is not None
        )  # "X, an exile group based in Oslo, put ...": the cue's words describe X
        if not described and any(w is not None and self.holds(found, w) for w in (named, subject)):
            return None  # the cue named the same party ("the minister, Ali Noor")
        words = self.text[found[0] : found[1]]
        return found if plausible_source(words) or _made_thing(words) else None

    def parted(self, begin: int, end: int, cue: int) -> bool:
        """Whether the parse finds no speaker for the figure at ``text[begin:end]`` while
        a semicolon stands between it and the cue words at ``cue`` ("The final tally was
        1,400; a hundred, according to the ministry, ...": the tally is nobody's).

        >>> text = "The tally was 1,400; a hundred, according to the ministry, were hurt."
        >>> finder = SpeakerFinder(text, 0, len(text))
        >>> finder.parted(14, 19, text.index("according"))
        True
        """
        if not self.worth or self(begin, end) is not None:
            return False
        low, high = sorted((begin, cue))
        return ";" in self.text[low:high]

    def made(self, speaker: tuple[int, int]) -> bool:
        """Whether ``speaker`` (a speaker this finder gave) is the maker the parse names
        of a document ("Figures released by the army", "a review by the prosecutor", "the
        figures his ministry released").

        >>> text = "Figures released by the army put the toll at 31."
        >>> finder = SpeakerFinder(text, 0, len(text))
        >>> army = finder(text.index("31"), text.index("31") + 2)
        >>> text[slice(*army)], finder.made(army)
        ('the army', True)
        """
        if self._doc is None:
            return False
        b, e = speaker[0] - self.begin, speaker[1] - self.begin
        inside = [t for t in self._doc if b <= t.idx < e]
        head = next((t for t in inside if not b <= t.head.idx < e or t.head is t), None)
        while head is not None and head.dep_ == "appos" and head.head is not head:
            head = head.head  # "the KGB chairman, Ali Noor": the chairman's
        if head is None or head.head is head:
            return False
        after = self._doc[head.i + 1] if head.i + 1 < len(self._doc) else None
        if after is not None and after.dep_ == "nsubj" and _name_goes_on(head, [after]):
            return False  # "by the UN mission MIRA found": the parse split the name
        above = head.head
        if head.dep_ == "nsubj" and above.dep_ == "relcl":
            return above.lower_ in _MAKING and above.head.lower_ in _MADE
        if head.dep_ != "pobj" or above.lower_ != "by":
            return False
        made = above.head.head if above.dep_ == "agent" else above.head
        return made.lower_ in _MADE or above.head.lower_ in _MADE

    def holds(self, speaker: tuple[int, int], words: tuple[int, int]) -> bool:
        """Whether ``words`` lie in the noun phrase of ``speaker`` (a speaker this finder
        gave), outside its clauses: "a nurse at the hospital, Ahmed Ali" holds "Ahmed Ali",
        "The court, which sat because it was asked," does not hold "it was asked".

        >>> text = "The court, which sat because it was asked, put the toll at 29."
        >>> finder = SpeakerFinder(text, 0, len(text))
        >>> court = finder(text.index("29"), text.index("29") + 2)
        >>> finder.holds(court, (0, 9)), finder.holds(court, (text.index("it was"), 40))
        (True, False)
        """
        if self._doc is None:
            return False
        b, e = speaker[0] - self.begin, speaker[1] - self.begin
        inside = [t for t in self._doc if b <= t.idx < e]
        head = next((t for t in inside if not b <= t.head.idx < e or t.head is t), None)
        if head is None:
            return False
        while head.dep_ in ("appos", "pobj", "prep", "agent") and head.head is not head:
            head = head.head
        clauses = [c for t in head.subtree for c in t.children if c.dep_ in _CLAUSES]
        left = {t.i for c in clauses for t in c.subtree}
        phrase = [t for t in head.subtree if t.i not in left]
        wb, we = words[0] - self.begin, words[1] - self.begin
        return any(t.idx <= wb < t.idx + len(t.text) for t in phrase) and any(
            t.idx < we <= t.idx + len(t.text) for t in phrase
        )


_CLAUSES: Final = frozenset({"relcl", "acl", "advcl"})


_OWN_SUBJECT: Final = frozenset({"nsubj", "nsubjpass", "expl"})


def _closed(clause: Token) -> bool:
    """Whether the speaker of ``clause`` cannot be found above it: a clause inside a noun
    phrase ("Human Rights Watch, which interviewed 240 victims, reported"), or a clause
    with its own subject coordinated with or adjoined to the reporting clause ("the
    police identified suspects, but none was arrested"; "the government announced 1,654,
    while later research produced figures ..."). Clauses coordinated inside what is
    reported ("said that 1,654 had died and 889 had been wounded") are not closed."""
    if clause.dep_ == "relcl" or _lost_subject(clause):
        return True
    own = any(c.dep_ in _OWN_SUBJECT for c in clause.children)
    return own and clause.dep_ in ("conj", "advcl") and _is_reporting_verb(clause.head)


def _made_thing(words: str) -> bool:
    """Whether ``words`` name a document by a noun of :data:`_MADE` after "the" ("the
    book", "the same study"): its maker speaks through it
    (:mod:`~attackgraph.extract.speakers` finds the maker named before).

    >>> _made_thing("The same study"), _made_thing("the book"), _made_thing("the attack")
    (True, True, False)
    """
    made = re.fullmatch(r"the\s+(?:same\s+)?(\w+)", words.strip(), re.IGNORECASE)
    return made is not None and made.group(1).lower() in _MADE


def _lost_subject(verb: Token) -> bool:
    """Whether the parse coordinated ``verb`` with the clause before it and gave it no
    subject, though words stand between them that are no conjunction, adverb or
    auxiliary: the small model hung the verb's own subject on the clause before ("X
    gave a total of 146 dead, and staff at the clinic said ...": "staff" read as part
    of the total). Such a verb's subject is not the first clause's."""
    if verb.dep_ != "conj" or verb.i == 0 or not _is_reporting_verb(verb):
        return False  # "15 women and 20 children": no verb
    if any(c.dep_ in _OWN_SUBJECT for c in verb.children):
        return False
    before = verb.doc[verb.i - 1]
    return before.dep_ not in _BEFORE_A_VERB and before.lower_ not in ("and", "or", "but")


_BEFORE_A_VERB: Final = frozenset({"cc", "punct", "advmod", "aux", "auxpass", "neg", "preconj"})


def _speaker_span(head: Token) -> tuple[int, int] | None:
    """The words naming the speaker headed by ``head``; ``None`` for a gerund ("Writing
    for the paper, Rodda reported") or a document without author ("later accounts")."""
    tokens = _core(head)
    if head.lower_.endswith("ing") and not any(t.dep_ == "det" for t in head.children):
        return None
    before = [t for child in head.lefts for t in child.subtree]  # not "estimates of X losses"
    if head.lower_ in _DOCUMENTS and not any(_names_author(t) for t in before):
        return _span(tokens) if _refers_back(head, before) else None
    return _span(tokens)


def _refers_back(head: Token, before: list[Token]) -> bool:
    """Whether a document without author is one named before ("the report", "that
    report"): its maker, when the text names one, speaks through it (rule 1 of
    ``tests/corpus/CONVENTIONS.md``; :mod:`~attackgraph.extract.speakers` resolves it)."""
    return (
        head.lower_ in MADE_ANAPHORS
        and len(before) == 1
        and before[0].dep_ == "det"
        and before[0].lower_ in BACK_DETERMINERS
    )


_NOT_AUTHORS: Final = frozenset(
    "the a an some most many several all other later early earlier initial first final "
    "new revised preliminary subsequent further this that these those its their".split()
)


def _names_author(token: Token) -> bool:
    """Whether a word in a document's name says whose it is ("Italian", "government")."""
    low = token.lower_
    return low not in _NOT_AUTHORS and (
        token.text[:1].isupper() or low in SOURCE_NOUNS or low in ("press", "news")
    )


_TALLYING: Final = frozenset(
    "count counts counted list lists listed record records recorded register registered "
    "document documented identify identified compile compiled".split()
)
"""Verbs of keeping a count, which a speaker may report others doing."""


def _reports_a_tally(verb: Token, subject: Token) -> bool:
    """Whether ``verb`` is a count that an outer speaker reports someone unnamed keeping
    ("Nur said staff there had recorded 258 deaths"): then the figure is the outer
    speaker's. A speech verb ("X said that the government said ...") or a named counter
    keeps its own speaker."""
    return verb.lower_ in _TALLYING and not subject.text[:1].isupper()


def _outer_speaker(verb: Token, low: int, high: int) -> Token | None:
    """The speaker of a reporting verb whose reported clause holds ``verb``: "Nur said
    staff had recorded 258 deaths" is Nur's figure (a named inner speaker keeps it:
    "the Kremlin said Bortnikov reported 11 arrests" is Bortnikov's)."""
    found = None
    while verb.dep_ == "ccomp" and verb.head is not verb and low <= verb.head.i < high:
        verb = verb.head
        subject = _subject_of(verb) if _is_reporting_verb(verb) else None
        if subject is not None and low <= subject.i < high:
            found = subject
    return found


def _inserted_speaker(clause: Token) -> Token | None:
    """The subject of a reporting verb inserted in ``clause`` ("Five were hurt, officials
    said, and ...": the parse makes "said" a parataxis of "hurt")."""
    for child in clause.children:
        if child.dep_ == "parataxis" and _is_reporting_verb(child):
            return _subject_of(child)
    return None


def _issued(token: Token) -> bool:
    """A reporting participle describing a document someone issued ("a statement saying")."""
    return (
        token.lower_ in REPORTING
        and token.dep_ == "acl"
        and token.head.lower_ in _DOCUMENTS
        and token.head.head.dep_ in _VERB_DEPS
    )


def _document_subject(verb: Token) -> Token | None:
    """The subject of any verb when it names a document ("Croatian estimates ranged from
    2,000 to 8,000"); only a document that says whose it is makes a speaker
    (:func:`_speaker_span`: "later accounts counted" is the document's own voice)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return next((c for c in subjects if c.lower_ in _DOCUMENTS and c.lower_ != "toll"), None)


def _owner(document: Token) -> Token | None:
    """Who owns ``document`` by a possessive that is no pronoun ("the commission's
    count"), else ``None``."""
    return next(
        (c for c in document.children if c.dep_ == "poss" and c.lower_ not in _POSSESSIVE),
        None,
    )


_POSSESSIVE: Final = frozenset("its their his her our my your whose".split())


def _clause_after(colon: Token) -> bool:
    """Whether a clause with its own subject follows ``colon`` ("...: the army later
    confirmed 18"), not a breakdown of what precedes it ("at 379: 337 men, 41 boys")."""
    after = colon.doc[colon.i + 1 :]
    stop = next((t.i for t in after if t.text in (";", ":", "—")), len(colon.doc))
    return any(t.dep_ in _OWN_SUBJECT and t.i < stop for t in after)


def _segment(doc: Doc, token: Token) -> tuple[int, int]:
    """The token indices of the part holding ``token`` between semicolons, dashes and
    colons before a clause: the small model often hangs one part's clause on the next
    part's verb, or reads a dateline ("LONDON, July 14 —") as the subject."""
    stops = [t.i for t in doc if t.text in (";", "—") or (t.text == ":" and _clause_after(t))]
    low = max((i for i in stops if i < token.i), default=-1) + 1
    high = min((i for i in stops if i > token.i), default=len(doc))
    return low, high


_SPEAK: Final = frozenset({"speak", "speaks", "spoke"})


def _finding(verb: Token, came_from: Token | None) -> bool:
    """Whether the walk reached a verb of finding from the clause it states (``ccomp``):
    one before the verb ("..., survivors testified") or one after it with "that" or an
    auxiliary ("found that 21 had died", "found all eleven had been shot"), not a small
    clause of what was found in what state ("officers found the gunman and his mother
    dead": a discovery, no finding)."""
    return (
        came_from is not None
        and came_from.dep_ == "ccomp"
        and verb.lower_ in _FINDING
        and verb.dep_ in _VERB_DEPS
        and (came_from.i < verb.i or any(c.dep_ in _FINITE for c in came_from.children))
    )  # "X killed 20, survivors testified": the clause before the verb is what it states


_FINITE: Final = frozenset({"mark", "aux", "auxpass"})


def _is_reporting_verb(token: Token) -> bool:
    """A reporting word used as a verb; "spoke" only when it speaks of something ("spoke
    of 22 dead", not "spoke to 60 survivors")."""
    if token.lower_ in _SPEAK:
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
    return token.lower_ in REPORTING and token.dep_ in _VERB_DEPS


def _named_by_modifier(token: Token) -> Token | None:
    """X of an "according to X" or an "as compiled by X" attached to ``token`` or to its
    subject ("Losses, as compiled by X, came to ...")."""
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    for child in [*token.children, *(c for s in subjects for c in s.children)]:
        if child.lower_ == "according" and child.dep_ == "prep":
            to = next((c for c in child.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            if obj is not None:
                return obj
        if child.dep_ in ("advcl", "acl") and child.lower_ in REPORTING:
            agent = _agent(child)
            if agent is not None:
                return agent
    return None


def _agent(verb: Token) -> Token | None:
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by else None


def _subject_of(verb: Token) -> Token | None:
    """The nominal subject of ``verb`` or of the verb it is coordinated with; the agent
    of a passive; for a relative pronoun, the noun the relative clause describes."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]  # nearest: not a dateline
        subject = min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None
        made = [c for c in subjects if _maker(c) is not c]
        rest = [c for c in subjects if c not in made]
        if len(subjects) > 1 and made and not _name_goes_on(_maker(made[0]), rest):
            subject = made[0]  # "Figures released by X after the war gave": the parse's
            # second subject ("the war") is a misread clause
        if subject is None and any(c.dep_ == "nsubjpass" for c in verb.children):
            return _agent(verb)
        if subject is not None:
            if subject.lower_ in _RELATIVES and verb.dep_ == "relcl":
                return verb.head
            if subject.like_num or subject.lower_ == "none":
                return None  # victims ("11 had died and [claimed]"): a misread coordination
            return subject
        if (verb.dep_ != "conj" and not _raised(verb)) or verb.head is verb:
            return None
        if _lost_subject(verb):
            return None
        verb = _coordinated_with(verb)
    return None


def _coordinated_with(verb: Token) -> Token:
    """The verb whose subject a coordinated ``verb`` without its own shares: the verb it
    is coordinated with, but for a reporting verb the parse coordinates with an act
    inside what another reporting verb reports ("X announced that troops had found the
    graves and claimed that 300 lay there"): that reporting verb (X claimed it, not the
    troops)."""
    head = verb.head
    reports = any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" for m in c.children) for c in verb.children
    )  # "claimed that ..."
    if (
        reports
        and verb.dep_ == "conj"
        and _is_reporting_verb(verb)
        and not _is_reporting_verb(head)
        and head.dep_ == "ccomp"
        and _is_reporting_verb(head.head)
    ):
        return head.head
    return head


def _name_goes_on(maker: Token, subjects: list[Token]) -> bool:
    """Whether one of ``subjects`` starts right after the phrase of ``maker``: the parse
    split the maker's name ("published by the UN mission MIRA found": "MIRA" is no
    second subject but the end of the maker's name).

    >>> d = parse("An inquiry published by the UN mission MIRA found that 20 villagers were "
    ...           "killed.")
    >>> _name_goes_on(d[6], [d[7]]), _name_goes_on(d[6], [d[1]])
    (True, False)
    """
    end = maker.right_edge.i
    return any(s.left_edge.i == end + 1 for s in subjects)


def _raised(verb: Token) -> bool:
    """Whether ``verb`` is an infinitive whose subject is that of the verb above it
    ("X began to speak of 58 dead", "X went on to put the toll at 45")."""
    return verb.dep_ == "xcomp" or (
        verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _maker(head: Token) -> Token:
    """The maker of a document named as the subject ("Figures released by the ministry"),
    or of one a relative clause describes ("X published its own inquiry, which found");
    the owner of a document a possessive names ("the board's statement, carried by a
    radio station": whoever passes it on is not its maker); the name a "by" phrase gives
    after any common noun that speaks ("later work by the X Institute gave")."""
    if head.dep_ == "dobj" and head.head.lower_ in _MAKING:
        maker = _subject_of(head.head)
        if maker is not None and maker.lower_ not in _RELATIVES:
            return maker
    if head.lower_ not in _MADE:
        return _named_by(head) or head
    owner = _owner(head)
    if owner is not None:
        return owner
    for child in head.children:
        if child.dep_ == "acl":
            agent = _agent(child)
            if agent is not None:
                return agent
        if child.dep_ == "relcl" and child.lower_ in _MAKING:  # "the figures X released"
            maker = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if maker is not None and maker.lower_ not in _RELATIVES:
                return maker
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return head


def _named_by(head: Token) -> Token | None:
    """The object of a "by" phrase after ``head``, a common noun, when it is a name or
    holds one ("later research by the X Group", "an analysis by the X Centre"); else
    ``None``."""
    if not head.text[:1].islower():
        return None
    by = next((c for c in head.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"), None)
    obj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if obj is None or not (obj.text[:1].isupper() or any(t.text[:1].isupper() for t in obj.lefts)):
        return None
    return obj


def _core(head: Token) -> list[Token]:
    """The head's noun phrase without relative clauses, appositions, participles and
    adjuncts after it."""
    named = next((c for c in head.rights if c.dep_ == "appos" and _is_name(c)), None)
    if named is None and head.lower_ in PERSON_ROLES:  # "the mayor of X, Ali Noor,": the
        of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        place = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        rights = list(place.rights) if place is not None else []  # the small model hangs
        named = next(  # the name on X
            (c for c in rights if c.dep_ == "appos" and _is_name(c) and c.i > c.head.i + 1),
            None,
        )
    if named is not None and not _is_name(head):  # "the minister, Ali Noor,": Ali Noor
        head = named
    tokens = [t for child in head.lefts for t in child.subtree] + [head]
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in _KEEP_PREPS:
            tokens += without_set_off(child)  # "X of the OSCE, which was refused entry"
        elif child.dep_ in ("compound", "flat", "nmod") or (
            child.dep_ == "appos" and child.left_edge.i == head.i + 1
        ):
            tokens += list(child.subtree)
        else:
            break
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (
        tokens[0].dep_ in ("punct", "cc", "prep") or tokens[0].like_num or tokens[0].lower_ in TIMES
    ):  # "by nightfall officials were giving": the officials
        tokens = tokens[1:]
    while tokens and tokens[-1].dep_ in ("punct", "cc"):
        tokens = tokens[:-1]
    return tokens or [head]


def _is_name(token: Token) -> bool:
    """Whether the phrase headed by ``token`` is a capitalised name without determiner."""
    words = [t for t in token.subtree if t.dep_ != "punct"]
    return bool(words) and all(t.text[:1].isupper() for t in words if t.i <= token.i)


def _span(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
