"""People a negated casualty verb names: a count of 0, never of 1.

"The mayor was not hurt", "Sani and Bello were never arrested", "neither the driver nor
his son was hurt", "the second bomb killed no one": nobody met the outcome.

- the readers of single and listed victims (:mod:`~attackgraph.extract.patients`,
  :mod:`~attackgraph.extract.parsed_victims`) skip the arguments of a negated verb
  (:func:`attackgraph.extract.nlp.negated`);
- :func:`unharmed`: the 0 such a sentence states, for
  :func:`~attackgraph.extract.amounts.find_amounts`: "X was not hurt" (one person and a
  bare verb: "not badly hurt" says nothing of none, "the guards were not hurt" is left
  out as before), "X was never arrested" (or captured, charged,
  prosecuted), "neither X nor Y was hurt", "neither of them was hit", "killed no one".
  X must name people: a name, a pronoun or a person noun ("the building was not hit" is
  no figure).
"""

from __future__ import annotations

import re
from typing import Final

from attackgraph.extract.amount_record import Amount
from attackgraph.extract.one_person import person_noun
from attackgraph.model import Outcome, Quantity

__all__ = ["unharmed"]


_ZERO: Final[dict[str, Outcome]] = {
    "hurt": "injured", "harmed": "injured", "injured": "injured", "wounded": "injured",
    "hit": "injured", "killed": "killed", "killing": "killed", "arrested": "arrested",
    "charged": "arrested", "prosecuted": "arrested", "captured": "captured",
    "injuring": "injured", "wounding": "injured", "hurting": "injured",
}  # fmt: skip
_NOT_HURT: Final = re.compile(
    r"(?<![\w'’-])(?P<who>[\w'’-]+)(?:,[^,;.]{1,80},)?\s+was\s+(?P<no>not)\s+"
    r"(?P<verb>hurt|harmed|injured|wounded)(?=\s*[,;.)]|\s*$|\s+(?:and|but|in|during|by)\b)"
    r"|(?<![\w'’-])(?P<who2>[\w'’-]+)\s+(?:was|were|has|have|had)\s+(?P<no2>never)\s+"
    r"(?:been\s+)?(?P<verb2>arrested|captured|charged|prosecuted)\b(?!\s+until\b)"
    r"|(?<![\w-])(?P<no3>[Nn]either)\s+(?:of\s+(?:them|whom|the\s+[\w-]+)|[^,;.]{1,60}?\s+nor"
    r"\s+[^,;.]{1,60}?)\s+(?:was|were)\s+(?P<verb3>hurt|harmed|injured|wounded|hit|killed|"
    r"arrested|captured)\b"
    r"|\b(?P<verb4>killing|killed|injuring|injured|wounding|wounded|hurting|hurt)\s+"
    r"(?P<no4>no\s+one|nobody|no-one)\b"
)
_PEOPLE: Final = frozenset({"he", "she", "they", "men", "women", "children", "people"})
_NOT_NAMES: Final = frozenset({"It", "This", "That", "There", "What", "Which", "Nothing"})


def unharmed(text: str, begin: int, end: int) -> list[Amount]:
    """The zeros of negated casualty verbs in ``text[begin:end]`` (see the module
    docstring), each with its outcome; the negation is the amount's words.

    >>> t = "Ada was not hurt. The car was not hit. The bomb killed no one."
    >>> [(a.quantity.value, a.outcome, a.quantity.text) for a in unharmed(t, 0, len(t))]
    [(0, 'injured', 'not'), (0, 'killed', 'no one')]
    """
    found: list[Amount] = []
    for m in _NOT_HURT.finditer(text, begin, end):
        k = next(k for k in ("", "2", "3", "4") if m["no" + k])
        who = m["who" + k] if k in ("", "2") else None
        if who is not None and not _people(who):
            continue
        no = "no" + k
        zero = Amount(Quantity(0, None, None, False, m[no]), m.start(no), m.end(no), m.end())
        zero.outcome, zero.own = _ZERO[m["verb" + k].lower()], True
        zero.group = ("total", None)
        found.append(zero)
    return found


def _people(word: str) -> bool:
    """Whether the word before the verb names people: a name, a pronoun, a person noun."""
    if word[:1].isupper():
        return word not in _NOT_NAMES and word.lower() not in ("the", "a", "an")
    lower = word.lower()
    return lower in _PEOPLE or person_noun(lower) or person_noun(lower.removesuffix("s"))
