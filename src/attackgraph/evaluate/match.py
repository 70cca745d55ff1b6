"""Matching rules: when a predicted item and a gold item count as the same.

Every rule here is symmetric (``score(a, b) == score(b, a)``) and every item is
compared the same way whichever side it comes from, so swapping predicted and gold
swaps false positives with false negatives and precision with recall. Scores are
small integers: 0 means "no match", a higher score a closer match. The full rules
are in ``docs/evaluation.md``.

The name rules are written here rather than borrowed from the resolve stage, so that
the scorer does not share the bugs of the code it scores; only the country and
demonym tables (reference data) are shared.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Final

from attackgraph.identifiers import fold
from attackgraph.namespaces import SCHEMES
from attackgraph.reference.countries import country_code, demonym_countries

ARTICLES: Final = frozenset({"the", "a", "an"})
"""Words left out of every name key."""
LINKING: Final = ARTICLES | frozenset(
    {"of", "for", "in", "on", "at", "to", "and", "de", "du", "des", "la", "le", "les", "i", "e"}
)
"""Words left out of token sets (and, in one initials variant, of acronyms)."""
ACRONYM_SKIP: Final = LINKING | frozenset({"al", "el", "wal"})
AREA_WORDS: Final = frozenset(
    {"region", "province", "state", "governorate", "district", "county", "territory",
     "chiefdom", "department", "prefecture", "municipality", "division", "oblast",
     "wilaya", "cercle", "emirate", "subdistrict", "commune"}
)  # fmt: skip
"""Kinds of area written with a place name ("Mopti Region"): ignored by place keys."""
STANDARD_GROUPS: Final = frozenset(SCHEMES["population-group"]) - {"other-group"}
"""Population groups that are controlled concepts; free labels are anything else."""

_POSSESSIVE: Final = re.compile(r"(?<=\w)['’]s\b|(?<=s)['’](?!\w)")
_DROPPED: Final = re.compile(r"['’‘ʼ`´.]")
_SEPARATOR: Final = re.compile(r"[\W_]+")
_ACRONYM: Final = re.compile(r"[A-Z][A-Z0-9&]{1,9}")
_MAX_COUNTRY_WORDS: Final = 6


@cache
def words(name: str) -> tuple[str, ...]:
    """The folded words of a name: possessives, apostrophes and dots dropped.

    >>> words("Niger's defence ministry"), words("Jama'at Nasr al-Islam"), words("U.S.")
    (('niger', 'defence', 'ministry'), ('jamaat', 'nasr', 'al', 'islam'), ('us',))
    """
    text = _DROPPED.sub("", _POSSESSIVE.sub("", name))
    return tuple(w for w in _SEPARATOR.split(fold(text)) if w)


def name_key(name: str) -> str:
    """The key two spellings of one name share: folded words without articles.

    >>> name_key("The Government of Mali") == name_key("government of  MALI")
    True
    """
    return " ".join(w for w in words(name) if w not in ARTICLES)


@cache
def token_set(name: str) -> frozenset[str]:
    """Content words of a name, with countries and demonyms as ``@CODE`` tokens.

    >>> sorted(token_set("Malian government")) == sorted(token_set("Government of Mali"))
    True
    >>> sorted(token_set("United States Africa Command"))
    ['@US', 'africa', 'command']
    """
    ws = words(name)
    tokens: set[str] = set()
    i = 0
    while i < len(ws):
        found = _country_at(ws, i)
        if found is not None:
            tokens.add(f"@{found[0]}")
            i += found[1]
            continue
        if ws[i] not in LINKING:
            tokens.add(ws[i])
        i += 1
    return frozenset(tokens)


def _country_at(ws: tuple[str, ...], i: int) -> tuple[str, int] | None:
    """The country named by the longest phrase starting at word ``i``, with its length."""
    if ws[i] in LINKING:
        return None
    for n in range(min(_MAX_COUNTRY_WORDS, len(ws) - i), 0, -1):
        code = country_code(" ".join(ws[i : i + n]))
        if code is None and n == 1:
            demonym = demonym_countries(ws[i])
            code = demonym[0] if demonym else None
        if code is not None:
            return code, n
    return None


def _initials(name: str) -> frozenset[str]:
    """The initials of a name, with and without its linking words ("al", "of" ...)."""
    ws = words(name)
    return frozenset(
        {"".join(w[0] for w in ws), "".join(w[0] for w in ws if w not in ACRONYM_SKIP)}
    )


def _acronym(name: str) -> str | None:
    """The folded acronym if the name is one upper-case word ("ISGS", "U.N."), else None."""
    bare = _DROPPED.sub("", name.strip())
    bare = re.sub(r"^the\s+", "", bare, flags=re.IGNORECASE)
    return bare.casefold() if _ACRONYM.fullmatch(bare) else None


def name_score(a: str, b: str) -> int:
    """How closely two names of actors (or sources) match: 3, 2, 1, or 0 for no match.

    3: same key (case, accents, punctuation, possessives and articles do not count);
    2: same content words, countries and demonyms counted as the country
    ("Malian government" ~ "Government of Mali"), or one is the acronym of the other
    ("ISGS" ~ "Islamic State in the Greater Sahara");
    1: the content words of one are all among those of the other
    ("Shekau" ~ "Abubakar Shekau").

    >>> name_score("Sévaré", "sevare"), name_score("Malian government", "Government of Mali")
    (3, 2)
    >>> name_score("ISGS", "Islamic State in the Greater Sahara"), name_score("UN", "AU")
    (2, 0)
    >>> name_score("police", "Greater Manchester Police"), name_score("Mali", "Niger")
    (1, 0)
    """
    key_a, key_b = name_key(a), name_key(b)
    if not key_a or not key_b:
        return 0
    if key_a == key_b:
        return 3
    tokens_a, tokens_b = token_set(a), token_set(b)
    if tokens_a and tokens_a == tokens_b:
        return 2
    acronym_a, acronym_b = _acronym(a), _acronym(b)
    if (acronym_a and acronym_a in _initials(b)) or (acronym_b and acronym_b in _initials(a)):
        return 2
    if tokens_a and tokens_b and (tokens_a <= tokens_b or tokens_b <= tokens_a):
        return 1
    return 0


def place_key(name: str) -> str:
    """The key of a place name: folded words without articles and area words.

    >>> place_key("Mopti region") == place_key("Mopti Region") == place_key("Mopti")
    True
    """
    ws = [w for w in words(name) if w not in ARTICLES]
    kept = [w for w in ws if w not in AREA_WORDS]
    return " ".join(kept or ws)


def place_score(a: str, b: str) -> int:
    """2 for the same name key, 1 for the same place key (area words aside), else 0.

    >>> place_score("Tillabéri Region", "Tillaberi region"), place_score("Borno State", "Borno")
    (2, 1)
    >>> place_score("Manchester", "Manchester Arena")
    0
    """
    if not name_key(a) or not name_key(b):
        return 0
    if name_key(a) == name_key(b):
        return 2
    return 1 if place_key(a) == place_key(b) else 0


def group_labels(*labels: str | None) -> frozenset[str]:
    """Population-group labels in one spelling ("security forces" -> ``security-forces``).

    >>> sorted(group_labels("security forces", None, "other-group"))
    ['security-forces']
    """
    found = {"-".join(words(label)) for label in labels if label}
    return frozenset(found - {"", "other-group"})


def groups_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two group label sets agree: they share a label, or one has no standard concept.

    A free label ("interpreters", "fighters") is not checked against anything; two
    standard concepts must be the same.

    >>> groups_compatible(frozenset({"soldiers"}), frozenset({"security-forces"}))
    False
    >>> groups_compatible(frozenset({"interpreters"}), frozenset({"total"}))
    True
    """
    return bool(a & b) or not (a & STANDARD_GROUPS) or not (b & STANDARD_GROUPS)


# ---------------------------------------------------------------------------
# items and one-to-one matching


Key = tuple[str | int | bool | None, ...]


@dataclass(frozen=True)
class Item:
    """One comparable fact of a category, predicted or gold.

    ``key`` must be equal for a match; ``names`` are the spellings of its actor, source
    or place (compared by the category's name rule); ``groups`` its population-group
    labels; ``label`` says what it is in reports and ``sentence`` where it was read
    (it never makes or breaks a pair: among pairings equal in number and score, the one
    pairing the most items of the same sentence is taken, so a report lists the
    figure that was really missed, not one of the same key read elsewhere).
    """

    label: str
    key: Key = ()
    names: tuple[str, ...] = ()
    groups: frozenset[str] = field(default_factory=frozenset)
    sentence: str = ""


Scorer = Callable[[Item, Item], int]


def same_key(a: Item, b: Item) -> int:
    """1 when the keys are equal."""
    return int(a.key == b.key)


def _best(a: Iterable[str], b: Sequence[str], score: Callable[[str, str], int]) -> int:
    return max((score(x, y) for x in a for y in b), default=0)


def same_key_and_name(a: Item, b: Item) -> int:
    """Equal keys and matching names (:func:`name_score` over all spellings)."""
    return _best(a.names, b.names, name_score) if a.key == b.key else 0


def same_place(a: Item, b: Item) -> int:
    """Matching place names (:func:`place_score` over all spellings)."""
    return _best(a.names, b.names, place_score) if a.key == b.key else 0


def same_figure_strict(a: Item, b: Item) -> int:
    """Equal keys, compatible groups, and the same source: none on both, or matching names."""
    if a.key != b.key or not groups_compatible(a.groups, b.groups):
        return 0
    if not a.names and not b.names:
        return 1
    return _best(a.names, b.names, name_score)


@dataclass(frozen=True)
class Matching:
    """A one-to-one matching: index pairs (predicted, gold) and what is left over."""

    pairs: tuple[tuple[int, int], ...]
    predicted_only: tuple[int, ...]
    gold_only: tuple[int, ...]


def match(predicted: Sequence[Item], gold: Sequence[Item], scorer: Scorer) -> Matching:
    """The one-to-one matching with the most pairs, among those the best total score,
    and among those the most pairs read from the same sentence.

    Optimal (Hungarian algorithm), so the number of pairs does not depend on the order
    of the items nor on which side is called predicted. The sentence only chooses
    between pairings that score alike, so that what is left over is what was missed:

    >>> items = [Item("a", ("x",)), Item("b", ("y",))]
    >>> match(items, [Item("c", ("y",)), Item("d", ("z",))], same_key)
    Matching(pairs=((1, 0),), predicted_only=(0,), gold_only=(1,))
    >>> one = Item("1 killed", ("killed", 1), sentence="B. Then one died.")
    >>> gold = [Item("1", ("killed", 1), sentence="A. X was shot."), Item("1", ("killed", 1),
    ...     sentence="B.  Then one  died.")]
    >>> match([one], gold, same_key).gold_only
    (0,)
    """
    scores = [[scorer(p, g) for g in gold] for p in predicted]
    pairs_at_most = min(len(predicted), len(gold))
    step = pairs_at_most + 1  # one unit of score outweighs every same-sentence tie
    top = max((s for row in scores for s in row), default=0)
    bonus = (top * step + 1) * pairs_at_most + 1  # any extra pair outweighs all the rest
    weights = [
        [
            bonus + s * step + _same_sentence(p, g) if s > 0 else 0
            for s, g in zip(row, gold, strict=True)
        ]
        for row, p in zip(scores, predicted, strict=True)
    ]
    pairs = tuple(assign(weights))
    return Matching(
        pairs=pairs,
        predicted_only=tuple(sorted(set(range(len(predicted))) - {p for p, _ in pairs})),
        gold_only=tuple(sorted(set(range(len(gold))) - {g for _, g in pairs})),
    )


def _same_sentence(a: Item, b: Item) -> int:
    """1 when both items were read from the same sentence (spacing aside)."""
    return int(bool(a.sentence) and a.sentence.split() == b.sentence.split())


def assign(weights: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """Row-column pairs of positive weight that together weigh the most (Hungarian).

    Deterministic; O(n²m) for n ≤ m, which is plenty for the facts of one document.

    >>> assign([[0, 5], [4, 3]])
    [(0, 1), (1, 0)]
    >>> assign([[1], [2]]), assign([])
    ([(1, 0)], [])
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if rows == 0 or cols == 0:
        return []
    flipped = rows > cols
    w = [list(col) for col in zip(*weights, strict=True)] if flipped else [list(r) for r in weights]
    n, m = len(w), len(w[0])
    inf = sys.maxsize
    u, v = [0] * (n + 1), [0] * (m + 1)
    owner, way = [0] * (m + 1), [0] * (m + 1)  # owner[j]: row assigned to column j (1-based)
    for i in range(1, n + 1):
        owner[0], j0 = i, 0
        least, used = [inf] * (m + 1), [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cost = -w[i0 - 1][j - 1] - u[i0] - v[j]
                    if cost < least[j]:
                        least[j], way[j] = cost, j0
                    if least[j] < delta:
                        delta, j1 = least[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    pairs = [(owner[j] - 1, j - 1) for j in range(1, m + 1) if owner[j]]
    pairs = [(r, c) for r, c in pairs if w[r][c] > 0]
    return sorted((c, r) for r, c in pairs) if flipped else sorted(pairs)
