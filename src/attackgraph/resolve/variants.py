"""One actor per real party within a document: shorter spellings joined to the full name.

A document names a person in full once and by part of the name afterwards ("Mokhtar
Belmokhtar" ... "Belmokhtar said"), and an organisation with and without a prefix
("United States Africa Command" ... "Africa Command"). Each spelling resolves on its
own, so without this step the document publishes two actors for one party.
:func:`merge_variants` maps a name the resolver minted onto the one other minted name
of the document whose words contain it, in order ("Suárez Trashorras" in "Emilio Suárez
Trashorras"). It never guesses: a short name that fits two longer ones ("Johnson" beside
"David Johnson" and "Myeshia Johnson") is left alone, and names the registry or a
country gives (an identity of their own) are never joined to anything.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace
from typing import Final

from attackgraph.model import ActorRef
from attackgraph.reference.registry import actor_key

__all__ = ["PARTICLES", "merge_variants"]

PARTICLES: Final = frozenset(
    "of the and for in on de del della di da do dos das du des la le les van von der den "
    "al el bin ibn wal wa y e i".split()
)
"""Lower-case words that stand inside proper names ("Cathedral of the Sea", "Juan del Olmo")."""


_OWNER_WORDS: Final = frozenset("of for to from against".split())
"""Words before a full name that make it another party than the name it ends: the leader
of a congress ("Congress of Robert Sobukwe"), the state of an embassy ("Embassy of Kenya").
One word is too little to tell ("Chechen" of "Battalion of Chechen
Martyrs" is no party of its own)."""


def merge_variants(actors: Mapping[str, ActorRef], minted: Collection[str]) -> dict[str, ActorRef]:
    """``actors`` (written name -> identity) with each minted short spelling given the
    identity of the one longer minted name that contains it.

    ``minted`` are the written names whose identity was minted (not found in the
    registry or derived from a country). Only names of the same class join, or a name
    of no class (``Actor``) with any; the longer name's identity becomes a person when
    either spelling was read as one.

    >>> from attackgraph.model import ActorRef
    >>> refs = {"Mokhtar Belmokhtar": ActorRef("mokhtar-belmokhtar", "Mokhtar Belmokhtar",
    ...                                        "Person", None),
    ...         "Belmokhtar": ActorRef("belmokhtar", "Belmokhtar", "Actor", None)}
    >>> merge_variants(refs, refs)["Belmokhtar"].slug
    'mokhtar-belmokhtar'
    >>> refs["Amina Belmokhtar"] = ActorRef("amina-belmokhtar", "Amina Belmokhtar", "Person", None)
    >>> merge_variants(refs, refs)["Belmokhtar"].slug  # two people fit: no guess
    'belmokhtar'
    """
    words = {
        ref.slug: tuple(actor_key(ref.name).split())
        for name, ref in actors.items()
        if name in minted and ref.actor_type != "unnamed-party" and _is_proper(ref.name)
    }
    classes = {ref.slug: ref.actor_class for name, ref in actors.items() if name in minted}
    joined = {}
    for short, short_words in words.items():
        fitting = {
            slug: full
            for slug, full in words.items()
            if "Actor" in (classes[short], classes[slug]) or classes[short] == classes[slug]
        }
        full = _the_longer(short_words, fitting)
        if full is not None:
            joined[short] = full
    persons = {
        joined.get(ref.slug, ref.slug) for ref in actors.values() if ref.actor_class == "Person"
    }
    targets = {ref.slug: ref for name, ref in actors.items() if name in minted}
    merged = {}
    for name, ref in actors.items():
        if ref.slug in joined and name in minted:
            ref = targets[joined[ref.slug]]
        if ref.slug in persons and ref.actor_class == "Actor" and name in minted:
            ref = replace(ref, actor_class="Person")
        merged[name] = ref
    return merged


def _the_longer(short: tuple[str, ...], words: Mapping[str, tuple[str, ...]]) -> str | None:
    """The slug of the one longer name among ``words`` containing the words ``short``, or
    ``None``; names containing it that contain each other count once (the longest)."""
    longer = [s for s, full in words.items() if len(full) > len(short) and _inside(short, full)]
    longest = max(longer, key=lambda s: (len(words[s]), s), default=None)
    if longest is None or not all(_inside(words[s], words[longest]) for s in longer):
        return None
    return longest


def _is_proper(name: str) -> bool:
    """Whether every word of ``name`` is capitalised, a number or a name particle: a
    proper name, not a description that holds one ("Pentagon review released in 2022").

    >>> _is_proper("Jama'at Nasr al-Islam wal Muslimin"), _is_proper("Cathedral of the Sea")
    (True, True)
    >>> _is_proper("led by Abubakar Shekau"), _is_proper("Pentagon review")
    (False, False)
    """
    return all(
        word[:1].isupper() or word[:1].isdigit() or word in PARTICLES or word[:3] in ("al-", "el-")
        for word in name.split()
    )


def _inside(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether the words ``short`` occur in ``full``, next to each other and in order.

    >>> _inside(("suarez", "trashorras"), ("emilio", "suarez", "trashorras"))
    True
    >>> _inside(("emilio", "trashorras"), ("emilio", "suarez", "trashorras"))
    False
    >>> _inside(("robert", "sobukwe"), ("pan", "africanist", "congress", "of", "robert", "sobukwe"))
    False
    """
    size = len(short)
    return any(
        full[i : i + size] == short and (size < 2 or not _owned(full[:i]))
        for i in range(len(full) - size + 1)
    )


def _owned(before: tuple[str, ...]) -> bool:
    """Whether the words before a name end in an owner word ("of", not "of the": "1st
    Battalion of the Assam Regiment" is of the regiment's own)."""
    return bool(before) and before[-1] in _OWNER_WORDS
