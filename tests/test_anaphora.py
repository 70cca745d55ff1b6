"""The antecedent found through the per-text index is the one a full rescan finds, and
the person an apposition gave a role is the one a rescan of the text before the anaphor finds."""

from __future__ import annotations

import random
import re

from attackgraph.extract.anaphora import (
    _PERSON,
    _ROLE_BEFORE,
    Quoted,
    _pattern,
    antecedent,
    appositive_person,
)

_TITLE_NOUNS = {"minister", "governor"}


def _rescan(text: str, end: int, noun: str, earlier: list[tuple[int, str]]) -> str | None:
    """The definition: the last name the noun's pattern finds in ``text[:end]``, unless
    a source of two or more words holding the noun was quoted later (before ``end``)."""
    best: tuple[int, str] | None = None
    for m in _pattern(noun).finditer(text, 0, end):
        name = m.group()
        if name.split()[0] in ("The", "A", "An") or name == noun.capitalize():
            name = name.split(None, 1)[1] if " " in name else ""
        if not name or name.lower() == noun:
            continue
        if noun in _TITLE_NOUNS:
            parts = name.split()
            titled = [k for k, p in enumerate(parts) if p.lower() == noun]
            if titled and titled[-1] + 1 < len(parts):
                name = " ".join(parts[titled[-1] + 1 :])
            elif titled:
                continue
        best = (m.start(), name)
    for at, name in earlier:
        words = name.lower().split()
        if at < end and noun in words and len(words) > 1 and (best is None or at > best[0]):
            best = (at, name)
    return best[1] if best else None


def test_the_antecedent_at_every_offset_is_the_one_a_rescan_finds() -> None:
    rng = random.Random(5)
    pieces = [
        "The Ministry of Health of Zembla gave a toll.",
        "The ministry said 40 died.",
        "Governor Amos Tate visited.",
        "The governor said six died.",
        "Interior Ministry officials said",
        "Ministry",
        "the Ministry of Defence and the Army",
        "Minister Ada Obi",
        "Police said 4 died.",
        "the health ministry of Zembla said",
    ]
    text = " ".join(rng.choice(pieces) for _ in range(60))
    earlier = [(m.start(), m.group()) for m in re.finditer(r"the \w+ ministry|Ada Obi", text)]
    rng.shuffle(earlier)
    quoted = Quoted(earlier)
    for noun in ("ministry", "governor", "minister"):
        for end in range(0, len(text) + 1, 11):
            expected = _rescan(text, end, noun, earlier)
            assert antecedent(text, end, noun, earlier) == expected, (noun, end)
            assert antecedent(text, end, noun, quoted) == expected, (noun, end)


def _appositive_rescan(text: str, end: int, words: str) -> str | None:
    """The definition: the nearest apposition of the role found in ``text[:end]``."""
    *modifiers, head = words.lower().split()
    role = rf"{_ROLE_BEFORE}(?P<role>(?:[\w-]+\s+){{0,4}}?{re.escape(head)})\b"
    found: list[tuple[int, str]] = []
    for pattern in (
        rf"{role}(?:\s+(?:of|at|for|in)\s+[^,;.]{{1,50}})?,\s+(?P<name>{_PERSON})\s*[,;.]",
        rf"(?P<name>{_PERSON}),\s+{role}",
    ):
        for m in re.finditer(pattern, text[:end]):
            if all(w in m["role"].lower().split() for w in modifiers):
                found.append((m.start(), m["name"]))
    return max(found)[1] if found else None


def test_appositive_person_matches_a_rescan_at_every_anaphor() -> None:
    rng = random.Random(11)
    pieces = [
        "The interior minister, Ada Obi, gave a first toll.",
        "Ian Lowe, a doctor at the district clinic, counted the wounded.",
        "The health minister, Kofi Mensah, disagreed.",
        "Later the minister said twelve had died.",
        "The doctor said four were still being treated.",
        "Its spokesman, Lara Diaz, declined to comment.",
        "The spokesman said nothing more.",
    ]
    text = " ".join(rng.choice(pieces) for _ in range(120))
    for words in ("minister", "interior minister", "doctor", "spokesman", "prosecutor"):
        head = words.split()[-1]
        for m in re.finditer(rf"\b[Tt]he {head}\b", text):
            assert appositive_person(text, m.start(), words) == _appositive_rescan(
                text, m.start(), words
            ), (words, m.start())


def test_a_full_stop_ends_the_name_an_anaphor_refers_to() -> None:
    """ "... said the Navy. The Fisheries Ministry ...": "the ministry" is the Fisheries
    Ministry, not "Navy. The Fisheries Ministry"; initials keep their dots."""
    text = "Six were hurt, said the Navy. The Fisheries Ministry spoke. The ministry said 4 died."
    assert antecedent(text, text.index("The ministry"), "ministry") == "Fisheries Ministry"
    text = "The U.N. Mission for Zembla gave a toll. The mission said 4 died."
    assert antecedent(text, text.index("The mission"), "mission") == "U.N. Mission for Zembla"
