"""Amounts in words and digits: one number, one amount phrase, every amount in a text.

Three entry points, shared by the infobox and the prose extractors:

- :func:`parse_number` reads exactly one cardinal number ("1,017", "twenty-one").
- :func:`parse_quantity` reads a whole amount phrase ("at least 27", "50–150 (est.)")
  into a :class:`~attackgraph.model.Quantity`.
- :func:`find_quantities` finds every amount phrase in a running text.

Quantity conventions (the corpus gold conventions mapped onto ``Quantity``):

=============================================  =========================================
as written                                     Quantity
=============================================  =========================================
"15", "fifteen", "1,017"                       ``value`` (exact)
"~100", "about/around/some/nearly 100",        ``value``, ``approximate=True``
"a dozen" (12), "two dozen", "100 (est.)"
"at least/more than/over 27", "21+", "N or     ``minimum`` (lower bound)
more"
"up to/no more than/fewer than/as many as 30"  ``maximum`` (upper bound)
"50–150", "50 to 150", "between 40 and 50",    ``minimum`` and ``maximum``; "(est.)" or a
"two or three", "132–160+"                     leading "about" also sets ``approximate``
"dozens", "hundreds", "several", "scores",     no numbers, ``approximate=True``
"tens of thousands", "a number of", "many"
=============================================  =========================================

Digits may group thousands with commas ("1,017"), spaces ("1 017", also no-break and
thin spaces) or dots ("12.000", only as whole three-digit groups); other decimals
("2.5") are not counts unless a scale word follows ("1.5 million"). A number above
``MAX_AMOUNT`` (ten billion, more people than live on Earth) is not read as an amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

from attackgraph.extract.number_words import (
    AFTER_EXCLUDE,
    AGE_BEFORE,
    APPROXIMATE_PREFIXES,
    APPROXIMATE_SUFFIXES,
    BEFORE_EXCLUDE,
    LOWER_BOUND_PREFIXES,
    LOWER_BOUND_SUFFIXES,
    MONTH_AFTER,
    MONTH_BEFORE,
    ONE_AFTER,
    ONE_BEFORE,
    RANGE_SEPARATORS,
    RATIO_AFTER,
    RATIO_BEFORE,
    SCALES,
    SMALL_NUMBERS,
    TENS,
    UPPER_BOUND_PREFIXES,
    UPPER_BOUND_SUFFIXES,
    VAGUE_AMOUNTS,
    YEAR_AFTER,
    YEAR_CONTEXT_WORDS,
)
from attackgraph.extract.vocabulary import SINGULAR_GROUP_WORDS
from attackgraph.model import Quantity

MAX_AMOUNT: Final = 10_000_000_000

_TOKEN_RE: Final = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,.]?\d)"
    r"|\d{1,3}(?:\.\d{3})+(?![\d.])|\d+\.\d+|\d+)(?P<ord>(?:st|nd|rd|th)(?![^\W\d_]))?"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)|(?P<punct>\S)"
)


@dataclass(frozen=True)
class _Tok:
    kind: Literal["num", "word", "punct"]
    text: str
    start: int
    end: int
    glued: bool  # no space between the previous token and this one
    ordinal: bool = False
    low: str = ""  # lower-cased text


def _tokenize(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in _TOKEN_RE.finditer(text):
        glued = bool(toks) and toks[-1].end == m.start()
        if m["num"] is not None:
            ordinal = m["ord"] is not None
            toks.append(_Tok("num", m["num"], m.start(), m.end(), glued, ordinal, m["num"]))
        else:
            kind: Literal["word", "punct"] = "word" if m["word"] is not None else "punct"
            toks.append(_Tok(kind, m.group(), m.start(), m.end(), glued, low=m.group().lower()))
    return toks


def _seqs(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Each phrase as lower-cased token texts, longest first."""
    seqs = {tuple(t.low for t in _tokenize(w)) for w in words}
    return tuple(sorted(seqs, key=lambda s: (-len(s), s)))


_APPROX_PRE, _LOWER_PRE, _UPPER_PRE = map(
    _seqs, (APPROXIMATE_PREFIXES, LOWER_BOUND_PREFIXES, UPPER_BOUND_PREFIXES)
)
_LOWER_SUF, _UPPER_SUF, _APPROX_SUF = map(
    _seqs, (LOWER_BOUND_SUFFIXES, UPPER_BOUND_SUFFIXES, APPROXIMATE_SUFFIXES)
)
_VAGUE, _RANGE_SEP = _seqs(VAGUE_AMOUNTS), _seqs(RANGE_SEPARATORS)


def _match(toks: list[_Tok], i: int, seqs: tuple[tuple[str, ...], ...]) -> int | None:
    """Index after the longest phrase of ``seqs`` starting at token ``i``."""
    if i >= len(toks):
        return None
    first = toks[i].low
    for seq in seqs:
        if seq[0] != first or i + len(seq) > len(toks):
            continue
        if all(toks[i + k].low == w for k, w in enumerate(seq[1:], start=1)):
            return i + len(seq)
    return None


def _digits(text: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return float(text.replace(".", ""))
    return float(re.sub(r"[,\s\u00a0\u2009\u202f]", "", text))


def _words(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """A cardinal in words ("one hundred and twelve", "twenty-one") from token ``i``."""
    total, current, last, j = 0, 0, "", i
    while j < len(toks):
        t, w = toks[j], toks[j].low
        nxt = toks[j + 1].low if j + 1 < len(toks) else ""
        if t.kind == "punct" and t.text == "-" and last == "tens" and t.glued:
            if SMALL_NUMBERS.get(nxt, 0) in range(1, 10) and toks[j + 1].glued:
                j += 1
                continue
            break
        if t.kind != "word":
            break
        if w in ("a", "an") and not last and nxt in ("hundred", "thousand", "million", "dozen"):
            current, last = 1, "unit"
        elif w in SMALL_NUMBERS and (last in ("", "hundred", "scale") or last == "tens"):
            if last == "tens" and SMALL_NUMBERS[w] >= 10:
                break
            current, last = current + SMALL_NUMBERS[w], "unit"
        elif w in TENS and last in ("", "hundred", "scale"):
            current, last = current + TENS[w], "tens"
        elif w == "hundred" and last == "unit" and 0 < current < 20:
            current, last = current * 100, "hundred"
        elif w in SCALES and last in ("unit", "tens", "hundred") and current > 0:
            total, current, last = total + current * SCALES[w], 0, "scale"
        elif w == "and" and last in ("hundred", "scale") and (nxt in SMALL_NUMBERS or nxt in TENS):
            pass
        else:
            break
        j += 1
    if not last:
        return None
    return total + current, j


def _number(toks: list[_Tok], i: int) -> tuple[int, int, bool] | None:
    """(value, next index, approximate) of one number at token ``i``."""
    if i >= len(toks):
        return None
    t, approx = toks[i], False
    if t.kind == "num":
        if t.ordinal:
            return None
        number, j = _digits(t.text), i + 1
        if j < len(toks) and toks[j].low in SCALES:
            number, j = number * SCALES[toks[j].low], j + 1
        elif "." in t.text and not re.fullmatch(r"\d{1,3}(?:\.\d{3})+", t.text):
            return None
        if not number <= MAX_AMOUNT:  # also inf and nan: "9" * 400 is not a count
            return None
        value = round(number)
    elif _match(toks, i, (("half", "a", "dozen"),)):
        return 6, i + 3, True
    else:
        found = _words(toks, i)
        if found is None:
            return None
        value, j = found
    if j < len(toks) and toks[j].low == "dozen":
        value, j, approx = value * 12, j + 1, True
    return value, j, approx


@dataclass(frozen=True)
class _Found:
    quantity: Quantity
    end: int  # token index after the phrase
    first: int  # token index of the first number (-1 for vague amounts)
    last: int  # token index after the last number
    prefixed: bool


def _alternative(toks: list[_Tok], i: int) -> bool:
    """Whether token ``i`` ("none") is one of two alternatives joined by "or" ("few or
    none", "none or very few"): a guess of how many, not a count of zero."""
    return (i > 0 and toks[i - 1].low == "or") or (i + 1 < len(toks) and toks[i + 1].low == "or")


def _quantity(text: str, toks: list[_Tok], i: int) -> _Found | None:
    """The longest amount phrase starting at token ``i``."""

    def done(j: int, v: int | None, lo: int | None, hi: int | None, approx: bool) -> Quantity:
        return Quantity(v, lo, hi, approx, text[toks[i].start : toks[j - 1].end])

    j = _match(toks, i, _VAGUE)
    if j is not None:
        k = _match(toks, j, (("to",), ("or",)))
        k = _match(toks, k, _VAGUE) if k is not None else None
        j = k if k is not None else j
        return _Found(done(j, None, None, None, True), j, -1, j, False)
    if i < len(toks) and toks[i].low == "none" and not _alternative(toks, i):
        return _Found(done(i + 1, 0, None, None, False), i + 1, i, i + 1, False)
    mode, approx, k = "exact", False, i
    if i < len(toks) and toks[i].low in ("between", "from"):
        k, mode = i + 1, toks[i].low
    else:
        for name, seqs in (("approx", _APPROX_PRE), ("lower", _LOWER_PRE), ("upper", _UPPER_PRE)):
            found = _match(toks, i, seqs)
            if found is not None and _number(toks, found) is not None:
                mode, k = name, found
                break
    prefixed = mode in ("approx", "lower", "upper")
    first = _number(toks, k)
    if first is None:
        return None
    low, j, approx = first
    high: int | None = None
    sep = _match(toks, j, (("and",),) if mode == "between" else _RANGE_SEP)
    if sep is not None:  # "43 to more than 110", "about 50 to about 60"
        sep = _match(toks, sep, _LOWER_PRE + _APPROX_PRE) or sep
    second = _number(toks, sep) if sep is not None else None
    if second is not None and second[0] > low:
        high, j, approx = second[0], second[1], approx or second[2]
    elif mode in ("between", "from"):
        return None
    last = j
    approx = approx or mode == "approx"
    if j < len(toks) and toks[j].text == "+" and toks[j].glued:
        j, mode = j + 1, "lower" if high is None else mode
    elif (k2 := _match(toks, j, _LOWER_SUF)) is not None and toks[j].text != "+":
        j, mode = k2, "lower" if high is None else mode
    elif (k2 := _match(toks, j, _UPPER_SUF)) is not None:
        j, mode = k2, "upper" if high is None else mode
    if (k2 := _match(toks, j, _APPROX_SUF)) is not None:
        j, approx = k2, True
    if high is not None:
        q = done(j, None, low, high, approx)
    elif mode == "lower":
        q = done(j, None, low, None, False)
    elif mode == "upper":
        q = done(j, None, None, low, False)
    else:
        q = done(j, low, None, None, approx)
    return _Found(q, j, k, last, prefixed)


def _all_consumed(text: str, toks: list[_Tok], end: int) -> bool:
    rest = text[toks[end - 1].end :] if end else text
    return end == len(toks) or not rest.strip(" \t.,;:")


def parse_number(text: str) -> int | None:
    """One cardinal number written in digits or words; ``None`` if ``text`` is not one.

    Ordinals ("third", "9th") and decimals ("2.5") are not cardinals. Never raises.

    >>> [parse_number(t) for t in ("1,017", "1 017", "12.000", "fifteen", "twenty-one")]
    [1017, 1017, 12000, 15, 21]
    >>> [parse_number(t) for t in ("one hundred and twelve", "a dozen", "a hundred")]
    [112, 12, 100]
    >>> [parse_number(t) for t in ("third", "9th", "2.5", "dozens", "")]
    [None, None, None, None, None]
    """
    toks = _tokenize(text)
    found = _number(toks, 0)
    if found is None or not _all_consumed(text, toks, found[1]):
        return None
    return found[0]


def parse_quantity(text: str) -> Quantity | None:
    """A whole amount phrase as a :class:`Quantity`; ``None`` if ``text`` is not one.

    Surrounding spaces and a final ``.``, ``,`` or ``;`` are ignored; any other word
    left over makes it not an amount. No context rules apply: "2014" is 2014 here.
    Never raises.

    >>> parse_quantity("between 40 and 50")
    Quantity(value=None, minimum=40, maximum=50, approximate=False, text='between 40 and 50')
    >>> q = parse_quantity("132–160+"); (q.minimum, q.maximum, q.estimate_type)
    (132, 160, 'range')
    >>> [parse_quantity(t).estimate_type for t in ("21+", "up to 30", "~100", "dozens")]
    ['at-least', 'at-most', 'approximate', 'vague']
    >>> q = parse_quantity("150–400 (est.)"); (q.minimum, q.maximum, q.approximate)
    (150, 400, True)
    >>> parse_quantity("15 soldiers") is None
    True
    """
    text = text.strip()
    toks = _tokenize(text)
    found = _quantity(text, toks, 0) if toks else None
    if found is None or not _all_consumed(text, toks, found.end):
        return None
    return found.quantity


def _is_year(text: str, toks: list[_Tok], f: _Found) -> bool:
    """A bare four-digit number that reads as a year rather than a count."""
    nums = [toks[k] for k in range(f.first, f.last) if toks[k].kind == "num"]
    if not nums or f.prefixed:
        return False
    if not all(re.fullmatch(r"1[89]\d\d|20\d\d|2100", t.text) for t in nums):
        return False
    prev = toks[f.first - 1] if f.first > 0 else None
    nxt = toks[f.end] if f.end < len(toks) else None
    counted = (
        prev is not None
        and prev.kind == "word"
        and prev.text.islower()
        and prev.low not in YEAR_CONTEXT_WORDS
        and nxt is not None
        and nxt.kind == "word"
        and nxt.text.islower()
    )
    return not counted


def _excluded(text: str, toks: list[_Tok], f: _Found) -> bool:
    """True when context shows the amount is a date, time, year, label, measure, ..."""
    if f.first < 0:  # vague: only "several hours", "many years" are no amounts of people
        return bool(AFTER_EXCLUDE.match(text, toks[f.end - 1].end))
    first, last = toks[f.first], toks[f.last - 1]
    window = max(0, first.start - 40)  # context within reach, not the whole text
    before, after = text[window : first.start], text[last.end : last.end + 40]
    prev = toks[f.first - 1] if f.first > 0 else None
    if prev is not None and first.glued:
        prev2 = toks[f.first - 2] if f.first > 1 else None
        if prev.kind == "word":  # Casualties1, G5
            return True
        if prev.text in "-–−" and prev2 is not None and prev.glued and prev2.kind != "punct":
            return True  # MH-60, COVID-19, and the "94" of "1993–94"
    if f.last < len(toks) and toks[f.last].glued and toks[f.last].kind == "word":
        return f.end <= f.last  # 10km, 6pm (but "40-odd", "100plus" are suffixes)
    if f.end + 1 < len(toks) and toks[f.end].text == "-" and toks[f.end].glued:
        if toks[f.end + 1].glued and toks[f.end + 1].kind == "word":
            return True  # three-day, two-thirds, Six-One
    if first.kind == "word" and first.text[0].isupper() and prev is not None:
        if prev.kind == "word":
            return True  # a name: "Super Six", "headline One Love"
    if AFTER_EXCLUDE.match(after) or BEFORE_EXCLUDE.search(before):
        return True
    if AGE_BEFORE.search(before):
        return True
    if RATIO_AFTER.match(after) and f.last == f.first + 1:
        return True  # three to one
    if first.low in ("one", "1") and RATIO_BEFORE.search(before):
        return True  # the "one" of "three to one"
    if _is_year(text, toks, f):
        return True
    if first.kind == "num" and (_digits(first.text) <= 31 or len(first.text) == 4):
        if MONTH_BEFORE.search(before) or MONTH_AFTER.match(after):
            return True  # 24 April, April 24, 4–5 June, March 2022
        if _digits(first.text) <= 31 and YEAR_AFTER.match(after):
            return True
    if first.low == "one" and f.last == f.first + 1 and not f.prefixed:
        if _THAT_ONE_PERSON.search(before) and _ONE_PERSON.match(after):
            return False  # "said that one guard had been hurt"
        return bool(ONE_AFTER.match(after) or ONE_BEFORE.search(before))
    return False


_THAT_ONE_PERSON: Final = re.compile(r"\bthat\s+$")
_ONE_PERSON: Final = re.compile(
    rf"\s+(?:[A-Za-z]+\s+)?(?:{'|'.join(sorted(SINGULAR_GROUP_WORDS, key=len, reverse=True))})\b"
)


def find_quantities(text: str, offset: int = 0) -> list[tuple[Quantity, int, int]]:
    """Every amount phrase in ``text`` as ``(quantity, begin, end)``; offsets + ``offset``.

    Phrases do not overlap; at each position the longest phrase wins. Vague amounts
    ("dozens", "many") are returned too (all numbers ``None``), and so is "none" (0).
    Numbers that context shows are not amounts are left out, not returned, so callers
    need no filtering for them:

    - ordinals ("9th Kenya Rifles"; "third" is never a number);
    - dates and times: day numbers beside a month ("24 April", "April 24", "3 and
      4 May", "October 3 and 4, 1993"), "6:30", "10 p.m.", "UTC+5", and bare
      four-digit years 1800–2100 ("in 2014", "2012–2014", "1993–94") unless a bound or
      approximation precedes them ("about 2000") or they sit between a verb and a noun
      ("killed 1500 people");
    - numbers glued to letters or hyphenated words ("Casualties1", "MH-60", "10km",
      "three-day", "two-thirds"), measures, spans of time and ages ("5 km", "3 days",
      "several hours", "14-year-old", "aged 9 to 13", "40%"), money ("$5",
      "20 million shillings"), ratios ("three to one"), labels ("Flight 17",
      "Resolution 2334"), names ("Super Six"), footnote marks ("[3]");
    - "one" as a pronoun ("one of the", "no one", "one another").

    What remains is an amount of *something*: the caller still checks the noun
    ("17 vehicles", "22 counts of murder" are amounts, not casualties). Never raises.

    >>> text = "On 24 April 2022, at least 15 soldiers and two dozen civilians died."
    >>> [(q.text, b, e) for q, b, e in find_quantities(text, offset=100)]
    [('at least 15', 118, 129), ('two dozen', 143, 152)]
    >>> [q.text for q, _, _ in find_quantities("One of the 9th Rifles lost 3 of 12 men.")]
    ['3', '12']
    """
    return [(quantity, b + offset, e + offset) for quantity, b, e in _quantities(text)]


@lru_cache(maxsize=4096)
def _quantities(text: str) -> tuple[tuple[Quantity, int, int], ...]:
    """:func:`find_quantities` at offset 0, remembered: a pure function of the text, and
    documents repeat clauses (a 1 MB document of claims read each one about 3 times)."""
    toks = _tokenize(text)
    found: list[tuple[Quantity, int, int]] = []
    i = 0
    while i < len(toks):
        f = _quantity(text, toks, i)
        if f is None:
            i += 1
            continue
        if not _excluded(text, toks, f):
            found.append((f.quantity, toks[i].start, toks[f.end - 1].end))
        i = max(f.end, i + 1)
    return tuple(found)
