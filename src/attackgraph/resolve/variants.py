"""One actor per real party within a document: shorter spellings joined to the full name.

A document names a person in full once and by part of the name afterwards ("Mokhtar
Belmokhtar" ... "Belmokhtar said"), and an organisation with and without a prefix
("United States Africa Command" ... "Africa Command"), a person with and without a
middle name or its initial ("John M. Chivington", "John Milton Chivington"). Each
spelling resolves on its own, so without this step the document publishes two actors
for one party.
:func:`merge_variants` maps a name the resolver minted onto the one other minted name
of the document whose words contain it, in order ("Suárez Trashorras" in "Emilio Suárez
Trashorras"); a surname that also opens an organisation's name goes to the person whose
name ends with it ("Bhutto": "Benazir Bhutto", not "Bhutto's People's Party"). It never
guesses: a short name that fits two longer ones ("Johnson" beside "David Johnson" and
"Myeshia Johnson") is left alone, and names the registry or a
country gives (an identity of their own) are never joined to anything.
:func:`join_acronyms` gives an acronym the identity of the name it abbreviates in the
same document ("PLO" and "Palestine Liberation Organization" as a source and in the
prose): the one the document defines ("... Front (TPLF)"), else the one name whose
initials it is. :func:`join_known` gives a minted name the identity of the one known
name of the document that holds its words ("United Nations Interim Force" of "United
Nations Interim Force in Lebanon", "Security Council" of "UN Security Council").
:func:`join_possessors` gives what a party owns and speaks through ("Amnesty
International's researchers", "Kitchener's official dispatch") the party's identity.
:func:`join_aliases` joins a name to the other name the text says it is known by
("Tomas Rell, better known as Kestrel", "Kestrel, whose real name is Tomas Rell").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import replace
from typing import Final

from attackgraph.extract.acronyms import find_acronyms
from attackgraph.model import ActorRef
from attackgraph.reference.registry import actor_key

__all__ = [
    "PARTICLES",
    "join_acronyms",
    "join_aliases",
    "join_described",
    "join_known",
    "join_possessors",
    "merge_variants",
]

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
    holding: dict[str, list[str]] = {}  # a word -> the names holding it, in order
    for slug, held in words.items():
        for word in dict.fromkeys(held):
            holding.setdefault(word, []).append(slug)
    joined = {}
    for short, short_words in words.items():
        # a longer spelling holds the short name's first and last words (_shorter)
        ends = (holding[short_words[0]], holding[short_words[-1]]) if short_words else ()
        among = min(ends, key=len, default=list(words))
        fitting = {
            slug: words[slug]
            for slug in among
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
    ``None``; names containing it that contain each other count once (the longest). A
    name with its middle name cut or written as an initial is inside the full one
    ("Scott Anthony", "John M. Chivington" in "John Milton Chivington"); a surname that
    several names hold is inside the one that ends with it ("Bhutto" of "Benazir Bhutto",
    not of "Bhutto's People's Party").

    >>> names = {"b": ("benazir", "bhutto"), "p": ("bhutto", "s", "peoples", "party"),
    ...          "c": ("john", "milton", "chivington"), "m": ("john", "m", "chivington")}
    >>> _the_longer(("bhutto",), names), _the_longer(("john", "m", "chivington"), names)
    ('b', 'c')
    >>> _the_longer(("chivington",), names)
    'c'
    >>> _the_longer(("smith",), {"a": ("ann", "smith"), "b": ("bo", "smith")}) is None
    True
    """
    longer = [s for s, full in words.items() if _shorter(short, full)]
    for found in (longer, [s for s in longer if words[s][-len(short) :] == short]):
        tops = [s for s in found if not any(_shorter(words[s], words[o]) for o in found)]
        if len(tops) == 1:
            return tops[0]
    return None


def _shorter(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether ``short`` is a shorter spelling of ``full``: inside it, or its first and
    last words with fewer middle words, each the same or its initial."""
    if len(short) < len(full) and _inside(short, full):
        return True
    if len(short) < 2 or len(full) < 3 or short[0] != full[0] or short[-1] != full[-1]:
        return False
    middle = iter(full[1:-1])  # consumed in order: each short word after the one before
    fits = all(
        any(w == m or (len(w) == 1 and m.startswith(w)) for m in middle) for w in short[1:-1]
    )
    return fits and (len(short), sum(map(len, short))) < (len(full), sum(map(len, full)))


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


_ACRONYM: Final = re.compile(r"[A-Z][A-Z0-9]{1,7}")
"""A name written as one upper-case word: an acronym ("TPLF", "M23")."""


def join_acronyms(
    actors: Mapping[str, ActorRef], minted: Collection[str], text: str
) -> dict[str, ActorRef]:
    """``actors`` (written name -> identity) with each acronym given the identity of the
    name it abbreviates in the document ``text``: the full name the text defines it for
    ("Tigray People's Liberation Front (TPLF)"), else the one other name of the document
    whose initials it is (with or without "of", "and", "des": "Truth and Reconciliation
    Commission" for "TRC"). A minted acronym takes the full name's identity; a minted
    full name the text defines the acronym for takes the identity the registry gives the
    acronym; two identities of the registry, or a person's name, stay apart.

    >>> from attackgraph.model import ActorRef
    >>> refs = {"PLO": ActorRef("plo", "PLO", "Actor", None),
    ...         "Palestine Liberation Organization": ActorRef(
    ...             "palestine-liberation-organization", "Palestine Liberation Organization",
    ...             "ArmedGroup", None)}
    >>> join_acronyms(refs, refs, "The PLO denied it.")["PLO"].slug
    'palestine-liberation-organization'
    >>> refs["Popular Liberation Office"] = ActorRef("plo2", "Popular Liberation Office",
    ...                                              "Actor", None)
    >>> join_acronyms(refs, refs, "The PLO denied it.")["PLO"].slug  # two fit: no guess
    'plo'
    """
    defined = {short: actor_key(full) for short, full in find_acronyms(text).items()}
    by_key: dict[str, list[str]] = {}
    for name, ref in actors.items():
        if ref.actor_class != "Person" and ref.actor_type != "unnamed-party":
            by_key.setdefault(actor_key(name), []).append(name)
    joined = dict(actors)
    for name, ref in actors.items():
        short = name.strip()
        if _ACRONYM.fullmatch(short) is None or ref.actor_type == "unnamed-party":
            continue
        fulls = by_key.get(defined.get(short, ""), []) or [
            other for key, names in by_key.items() for other in names if _abbreviates(short, key)
        ]
        slugs = {actors[other].slug for other in fulls} - {ref.slug}
        if len(slugs) != 1:
            continue
        full = next(other for other in fulls if actors[other].slug in slugs)
        if name in minted:
            joined[name] = actors[full]
        elif full in minted and defined.get(short) == actor_key(full):
            for other, other_ref in actors.items():
                if other_ref.slug == actors[full].slug and other in minted:
                    joined[other] = ref
    return _join_spelled_out(joined, minted, defined, by_key)


def _join_spelled_out(
    actors: dict[str, ActorRef],
    minted: Collection[str],
    defined: Mapping[str, str],
    by_key: Mapping[str, list[str]],
) -> dict[str, ActorRef]:
    """``actors`` with a name that holds an acronym the text defines, beside other words,
    given the identity of the name it spells out ("Provisional NLA" is the "Provisional
    National Liberation Army" of a text that defines "National Liberation Army (NLA)"):
    the minted one of the two takes the other's identity.

    >>> from attackgraph.model import ActorRef
    >>> refs = {"Provisional NLA": ActorRef("p-nla", "Provisional NLA", "Actor", None),
    ...         "Provisional National Liberation Army": ActorRef(
    ...             "pnla", "Provisional National Liberation Army", "Actor", None)}
    >>> keys = {"provisional national liberation army": ["Provisional National Liberation Army"]}
    >>> _join_spelled_out(refs, {"Provisional NLA"}, {"NLA": "national liberation army"},
    ...                   keys)["Provisional NLA"].slug
    'pnla'
    """
    joined = dict(actors)
    for name, ref in actors.items():
        words = name.split()
        if len(words) < 2 or ref.actor_type == "unnamed-party" or ref.actor_class == "Person":
            continue
        if not any(word in defined for word in words):
            continue
        key = " ".join(defined[w] if w in defined else actor_key(w) for w in words).strip()
        others = {actors[o].slug: o for o in by_key.get(" ".join(key.split()), [])}
        others.pop(ref.slug, None)
        if len(others) != 1:
            continue
        other = next(iter(others.values()))
        if name in minted:
            joined[name] = joined[other]
        elif other in minted:
            joined[other] = joined[name]
    return joined


def _abbreviates(acronym: str, key: str) -> bool:
    """Whether ``acronym`` is the initials of the name whose key is ``key`` (a hyphen
    parts words), with or without its particles.

    >>> _abbreviates("TRC", "truth and reconciliation commission")
    True
    >>> _abbreviates("TTP", "tehrik i taliban pakistan"), _abbreviates("UN", "un")
    (True, False)
    """
    words = key.split()
    if len(words) < 2:
        return False
    content = [w for w in words if w not in PARTICLES]
    return acronym.lower() in {"".join(w[0] for w in words), "".join(w[0] for w in content)}


_POSSESSED: Final = re.compile(r"(?P<owner>.+?)(?:['’]s?)?\s+(?P<words>[a-z][a-z -]*)")
"""A party's name and lower-case words it owns: "Memorial's researchers", "Fatah fighters"."""
_OWN_PARTIES: Final = frozenset(
    "office offices family families government administration ministry department "
    "authority authorities service services police army military forces court council "
    "commission committee agency embassy command intelligence radio television newspaper "
    "newspapers".split()
)
"""What a party owns that is a party of its own: "the Prosecutor General's office", "the
victim's family", "Moscow's health department"."""


def join_possessors(actors: Mapping[str, ActorRef], minted: Collection[str]) -> dict[str, ActorRef]:
    """``actors`` (written name -> identity) with each minted name of what another actor
    of the document owns and speaks through ("Amnesty International's research", "the
    minister's spokesman", "Kitchener's official dispatch", "Fatah fighters", "NATO
    officials") given that actor's identity: the document's party said it (as the
    resolver reads "UN officials" for a party it knows). An office, a family, a body or a
    medium is a party of its own ("Prosecutor General's office", "Kenya's military",
    "UNITA radio"), and a country's people are not the state ("Lithuanian doctors").

    >>> from attackgraph.model import ActorRef
    >>> refs = {"Memorial": ActorRef("memorial", "Memorial", "Organization", None),
    ...         "Memorial's researchers": ActorRef("m-r", "Memorial's researchers", "Actor", None),
    ...         "Memorial's office": ActorRef("m-o", "Memorial's office", "Actor", None)}
    >>> {name: ref.slug for name, ref in join_possessors(refs, refs).items()}
    {'Memorial': 'memorial', "Memorial's researchers": 'memorial', "Memorial's office": 'm-o'}
    """
    owners: dict[str, ActorRef] = {}
    for name, ref in actors.items():
        if ref.actor_type != "unnamed-party" and ref.state is None:
            for key in map(actor_key, (name, ref.name, *ref.aliases)):
                owners.setdefault(key, ref)
    joined = dict(actors)
    for name, ref in actors.items():
        found = _POSSESSED.fullmatch(name.strip())
        if found is None or name not in minted or _OWN_PARTIES & set(found.group("words").split()):
            continue
        owner = owners.get(actor_key(found.group("owner")))
        if owner is not None and owner.slug != ref.slug:
            joined[name] = owner
    return joined


def join_known(actors: Mapping[str, ActorRef], minted: Collection[str]) -> dict[str, ActorRef]:
    """``actors`` (written name -> identity) with each minted name of two or more words
    given the identity of the one known name (the registry's or a country's) of the
    document whose words hold it, in order and next to each other, not after "of" or
    "for" ("United Nations Interim Force" of "United Nations Interim Force in Lebanon";
    not "Republika Srpska" of "Army of Republika Srpska"): the tagger or a source cut
    the name short. Two known names that fit: no guess.

    >>> from attackgraph.model import ActorRef
    >>> refs = {"UNIFIL": ActorRef("unifil", "United Nations Interim Force in Lebanon",
    ...                            "Organization", None),
    ...         "United Nations Interim Force": ActorRef("unif", "United Nations Interim Force",
    ...                                                  "Actor", None)}
    >>> join_known(refs, {"United Nations Interim Force"})["United Nations Interim Force"].slug
    'unifil'
    """
    known: dict[str, set[tuple[str, ...]]] = {}
    refs: dict[str, ActorRef] = {}
    for name, ref in actors.items():
        if name not in minted and ref.actor_type != "unnamed-party":
            for spelling in (name, ref.name, *ref.aliases):
                known.setdefault(ref.slug, set()).add(tuple(actor_key(spelling).split()))
            refs.setdefault(ref.slug, ref)
    joined = dict(actors)
    for name, ref in actors.items():
        short = tuple(actor_key(ref.name).split())
        if name not in minted or len(short) < 2 or not _is_proper(ref.name):
            continue
        if ref.actor_type == "unnamed-party" or ref.actor_class == "Person":
            continue
        fits = {
            slug
            for slug, spellings in known.items()
            if slug != ref.slug and any(_inside(short, full) for full in spellings)
        }
        if len(fits) == 1:
            joined[name] = refs[fits.pop()]
    return joined


def join_described(actors: Mapping[str, ActorRef], minted: Collection[str]) -> dict[str, ActorRef]:
    """``actors`` (written name -> identity) with each minted name that ends with the full
    name of a person of the document, a description before it ("Kenyan President Daniel
    arap Moi", "the artist Yvonne Bezerra de Mello"), given that person's identity; not
    after "of" or "for" ("Friends of Amadou Keita" is another party).

    >>> from attackgraph.model import ActorRef
    >>> refs = {"Ines Varga": ActorRef("ines-varga", "Ines Varga", "Person", None),
    ...         "Ruvian President Ines Varga": ActorRef("rpiv", "Ruvian President Ines Varga",
    ...                                                 "Person", None),
    ...         "Friends of Ines Varga": ActorRef("fiv", "Friends of Ines Varga", "Actor", None)}
    >>> [r.slug for r in join_described(refs, set(refs) - {"Ines Varga"}).values()]
    ['ines-varga', 'ines-varga', 'fiv']
    """
    people: dict[tuple[str, ...], set[str]] = {}
    refs: dict[str, ActorRef] = {}
    for name, ref in actors.items():
        if ref.actor_class == "Person" and ref.actor_type != "unnamed-party":
            for spelling in (name, ref.name, *ref.aliases):
                held = tuple(actor_key(spelling).split())
                if len(held) >= 2:
                    people.setdefault(held, set()).add(ref.slug)
                    refs.setdefault(ref.slug, ref)
    joined = dict(actors)
    for name, ref in actors.items():
        if name not in minted or ref.actor_type == "unnamed-party":
            continue
        words = tuple(actor_key(ref.name).split())
        fits = {
            slug
            for person, slugs in people.items()
            if len(person) < len(words)
            and words[-len(person) :] == person
            and not _owned(words[: -len(person)])
            for slug in slugs
        } - {ref.slug}
        if len(fits) == 1:
            joined[name] = refs[fits.pop()]
    return joined


_KNOWN_AS: Final = re.compile(
    r"[”\"']?,?\s+(?:(?:an?|the)\s+(?:(?!(?:of|for|from|in|with|by|and|or)\s)[^\s,.;:()\"“”]+\s+){1,5}?)?"
    r"(?:(?:better|also|popularly|commonly|widely|locally|later)\s+)?"
    r"(?:known\s+as|nicknamed|alias|aka|whose\s+real\s+name\s+(?:is|was))"
    r"\s+(?:the\s+)?[\"“']?"
)
"""What the text writes between a name and another name of the same party: "Tomas Rell,
better known as Kestrel", "Tomas Rell, a cleric known as Kestrel", "Kestrel, whose real
name is Tomas Rell", "Tomas Rell alias Kestrel". A description between them names no
other party: "of", "for", "from", "in", "with", "by", "and", "or" stay out of it ("X, the
head of a cell known as Y" is no Y)."""


def join_aliases(
    actors: Mapping[str, ActorRef], minted: Collection[str], text: str
) -> dict[str, ActorRef]:
    """``actors`` (written name -> identity) with a minted name the text gives as another
    name of an actor of the document (:data:`_KNOWN_AS`: "Tomas Rell, better known as
    Kestrel") given that actor's identity: the later name joins the earlier one unless
    only the earlier one is minted. Two identities the registry or a country gives stay
    apart, and so do unnamed parties.

    >>> from attackgraph.model import ActorRef
    >>> refs = {"Tomas Rell": ActorRef("tomas-rell", "Tomas Rell", "Person", None),
    ...         "Kestrel": ActorRef("kestrel", "Kestrel", "Actor", None)}
    >>> text = "The plan was made by Tomas Rell, a cleric better known as Kestrel."
    >>> join_aliases(refs, refs, text)["Kestrel"].slug
    'tomas-rell'
    >>> join_aliases(refs, refs, "Tomas Rell met Kestrel.")["Kestrel"].slug
    'kestrel'
    """
    named = {
        name: ref
        for name, ref in actors.items()
        if ref.actor_type != "unnamed-party" and len(name.strip()) > 2
    }
    if not named or _KNOWN_AS.search(text) is None:
        return dict(actors)
    by_start: dict[str, list[str]] = {}
    for name in named:
        by_start.setdefault(name.strip()[:2], []).append(name.strip())
    joined = dict(actors)
    for name, ref in named.items():
        written = name.strip()
        for found in re.finditer(rf"(?<![\w-]){re.escape(written)}(?![\w-])", text):
            after = _KNOWN_AS.match(text, found.end())
            if after is None:
                continue
            rest = text[after.end() : after.end() + 120]
            other = max(
                (
                    o
                    for o in by_start.get(rest[:2], ())
                    if o != written and re.match(rf"{re.escape(o)}(?![\w-])", rest)
                ),
                key=len,
                default=None,
            )
            if other is None or named[other].slug == ref.slug:
                continue
            if other in minted:
                moving, target = named[other].slug, joined[name]
            elif name in minted:
                moving, target = ref.slug, joined[other]
            else:
                continue
            for spelling in actors:
                if spelling in minted and joined[spelling].slug == moving:
                    joined[spelling] = target
    return joined
