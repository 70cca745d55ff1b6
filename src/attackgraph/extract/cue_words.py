"""The words that mark an attribution: reporting verbs, "according to", claims of
responsibility, denials, condemnations, estimates and tolls given or put at a number.

:data:`CUE_RE` finds them all in one pass; :func:`cue_kind` says which kind a match
is. Which words around a cue name the source and what it says is
:mod:`attackgraph.extract.attribution`'s job. The verbs are a standard list of English
reporting verbs; a noun for a written account of figures (:data:`DOCUMENTS`: "count",
"estimates", "accounts", "list") is itself a subject that states figures ("a widely used
count lists 43 dead", "by one count, ...").
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Final

__all__ = ["CUE_RE", "DOCUMENTS", "ISSUED", "CueKind", "cue_kind"]


class CueKind(StrEnum):
    """What an attribution does: reports, estimates, claims or lays responsibility, denies,
    condemns."""

    REPORT = "report"
    ESTIMATE = "estimate"
    RESPONSIBILITY = "responsibility"
    DENIAL = "denial"
    CONDEMNATION = "condemnation"


def _words(*alternatives: str) -> str:
    return "|".join(sorted(alternatives, key=len, reverse=True))


_TOLL: Final = r"(?:death\s+toll|toll|figure|figures|number|count|tally|losses|casualties|dead)"

_EVENT_NOUNS: Final = (
    r"(?:attacks?|killings?|bombings?|massacre|assault|ambush|raid|operation|"
    r"explosions?|blasts?|shooting|siege|abductions?|kidnappings?)"
)

ISSUED: Final = (
    r"(?:released|issued|published|posted|put\s+out|sent|broadcast)\s+(?:a\s+|an\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:statements?|videos?|messages?|recordings?|communiqués?|"
    r"communiques?|posts?)\s+"
)

_REPORT: Final = _words(
    "said", "says", "say", "stated", "reported", "announced", "confirmed", "claimed", "alleged",
    "added", "told", "acknowledged", "admitted", "asserted", "insisted", "noted",
    "explained", "wrote", "tweeted", "revealed", "disclosed", "indicated", "declared",
    "promised", "vowed", "urged", "maintained",
)  # fmt: skip

_REPORT_ING: Final = _words(
    "stating", "saying", "claiming", "reporting", "announcing", "confirming", "alleging",
    "declaring", "adding", "acknowledging", "telling",
)  # fmt: skip

DOCUMENTS: Final = (
    "count counts tally tallies figures estimate estimates account accounts report reports "
    "list lists register records toll".split()
)
"""Nouns for a written account of figures; one can be the subject of a reporting verb."""
_AFTER_DOCUMENT: Final = "|".join(rf"(?<=\b{noun}\s)" for noun in DOCUMENTS)

_PATTERNS: Final[tuple[tuple[CueKind, str], ...]] = (
    (CueKind.RESPONSIBILITY,
     r"\b(?:claimed|claims|claim|claiming|declared|declaring|took|takes|taking|admitted)"
     r"\s+(?:full\s+|the\s+)?responsibility\b"),
    (CueKind.RESPONSIBILITY,
     rf"\b(?:claimed|claims|claiming)\s+(?:the|this|these)\s+{_EVENT_NOUNS}"),
    (CueKind.RESPONSIBILITY, rf"\b(?:attributed|attributes|attributing)\s+(?:the|this|these)\s+"
     rf"{_EVENT_NOUNS}\s+to\b"),
    (CueKind.RESPONSIBILITY,
     rf"\b(?:blamed|blames|blaming)\b(?:\s+(?:the|this)\s+{_EVENT_NOUNS}\s+on\b)?"),
    (CueKind.RESPONSIBILITY, r"\b(?:accused|accuses|accusing)\b"),
    (CueKind.RESPONSIBILITY,
     r"\bnamed\b(?=[^.;]{1,80}?\bas\s+(?:the\s+)?(?:suspected\s+|alleged\s+)?"
     r"(?:organi[sz]er|mastermind|perpetrator|leader|planner|attacker|bomber)s?\b)"),
    (CueKind.DENIAL,
     r"\b(?:denied|denies|deny|denying|disowned|rejected|rejects|rejecting)\b"),
    (CueKind.CONDEMNATION,
     r"\b(?:condemned|condemns|condemning|denounced|denounces|denouncing|deplored|deplores)\b"
     r"|\bexpressed\s+(?:(?:his|her|its|their|the|a)\s+)?(?:\w+\s+)?condemnation\b"),
    (CueKind.ESTIMATE, r"\b(?:estimated|estimating)\b(?!\s+(?:at|to)\b)"),
    (CueKind.REPORT, rf"\b(?:put|puts|putting|placed|places|placing)\b(?=\s+(?:[\w'’-]+\s+){{0,4}}?"
     rf"{_TOLL}\b[^.;]{{0,40}}?\bat\b)"),
    (CueKind.REPORT, rf"\b(?:gave|give|given|gives|giving|raised|raises|revised|lowered|updated|"
     rf"cut|reduced|increased)\b"
     rf"(?=\s+(?:[\w'’-]+\s+){{0,3}}?{_TOLL}\b)"),
    (CueKind.REPORT, r"\b(?:found|concluded|established|determined|written|ruled|testified|"
     r"argued|contended|recalled|recounted|heard|held)\b(?=\s+that\b)"),
    (CueKind.REPORT, r"(?<=['’]s\s)(?:[a-z]+\s+){0,2}?(?:toll|count|tally|figures?)\s+"
     r"(?:listed|lists|included|includes|stood\s+at)\b"),
    (CueKind.REPORT, rf"(?:{_AFTER_DOCUMENT})(?:listed|lists|list|included|includes|include|"
     r"shows?|showed|gives?|gave|puts?)\b"),
    (CueKind.REPORT, r"\b[Bb]y\s+(?=(?:the\s+|one\s+|some\s+|other\s+|most\s+|an?\s+)?"
     r"(?:[\w'’-]+\s+){0,3}?(?:count|counts|tally|estimates?|accounts?|figures|reckoning)\b"
     r"[^.;]{0,40},)"),
    (CueKind.REPORT, r"(?<=,\s)(?:a|the)\s+(?:toll|figure|number|count|tally)\s+(?:\w+ly\s+|"
     r"later\s+)?(?:confirmed|given|reported|cited|announced|released|provided)(?=\s+by\b)"),
    (CueKind.REPORT, r"\b(?:described|describing)\b(?=\s+(?:[\w'’-]+\s+){1,4}?as\b)"),
    (CueKind.REPORT, r"\b(?:identified|counted|recorded|documented|verified|recogni[sz]ed|listed|"
     r"certified|registered|registers)\b"
     r"(?=\s+(?:that\b|at\s+least|more\s+than|about|around|some|nearly|over|\d))"),
    (CueKind.REPORT, r"\b(?:established|confirmed|recorded|documented|verified|certified)\b"
     r"(?=\s+(?:the\s+)?deaths?\s+of\b)"),
    (CueKind.REPORT, r"\b(?:given|provided|released|published|issued|adopted|used|compiled|kept|"
     r"drawn\s+up|prepared|maintained)\b"
     r"(?=\s+by\b)"),
    (CueKind.REPORT, r"\b[Aa]ccording\s+to\b"),
    (CueKind.REPORT, r"\bsp(?:oke|eaks|eaking)\s+(?:(?:\w+ly|more|less|only)\s+){0,3}of\b"),
    (CueKind.REPORT, r"\b[Ii]n\s+a\s+(?:[\w-]+\s+)?(?:statement|report|communiqué|communique)\s+"
     r"(?:released|issued|published|posted|sent)\s+by\b"),
    (CueKind.REPORT, rf"\b(?:{_REPORT})\b"),
    (CueKind.REPORT, rf"\b(?:{_REPORT_ING})\b"),
)  # fmt: skip

CUE_RE: Final = re.compile(
    "|".join(f"(?P<k{i}>{pattern})" for i, (_, pattern) in enumerate(_PATTERNS))
)


def cue_kind(m: re.Match[str]) -> CueKind:
    """The kind of cue a match of :data:`CUE_RE` is.

    >>> cue_kind(CUE_RE.search("The group claimed responsibility.")).value
    'responsibility'
    >>> cue_kind(CUE_RE.search("By one count, 40 died.")).value
    'report'
    """
    index = int(next(k for k, v in m.groupdict().items() if v is not None)[1:])
    return _PATTERNS[index][0]
