"""Keep the containment a document states: "Westgate shopping mall, Westlands, Nairobi".

The gazetteer knows towns and regions, rarely malls, suburbs or roads. A place it
cannot confirm used to hang straight off the country, and the chain the document
wrote (mall in Westlands, Westlands in Nairobi) was lost. Here each place mention's
stated container becomes a link of its resolved place, unless

- the gazetteer contradicts it (a deprecated claim keeps the statement instead, see
  :func:`attackgraph.resolve.containment_conflicts`);
- the gazetteer's own chain already reaches it ("Sévaré" in "Mopti region");
- it would close a loop.

A place has one next enclosing place (the shapes ask for one ``ag:containedIn``), and
the document's statement is it. The gazetteer's own container then moves one step out:
it becomes the container of the stated place when that place has none but its country
("Old Town" in GeoNames' city, stated "in the Harbour District": Old Town in the
district, the district in the city). Where the stated place already has another
container, the document's chain stands and the gazetteer's link is not published:
reference data adds links, it never replaces the document's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import replace
from typing import Final

from attackgraph.extract.name_words import ORG_WORDS, ROLE_WORDS
from attackgraph.model import PlaceKind, PlaceMention, PlaceRef
from attackgraph.reference.names import REGION_WORDS, name_key, region_name, strip_the
from attackgraph.resolve.short_names import short_names

Chain = Callable[[PlaceRef], tuple[PlaceRef, ...]]


def keep_stated_chain(
    mentions: tuple[PlaceMention, ...],
    places: dict[str, PlaceRef],
    conflicts: Collection[tuple[str, str]],
    chain: Chain,
) -> None:
    """Link each mentioned place to the container its document states (in place).

    ``places`` maps mention names (and slugs) to refs, as in ``Record.places``;
    ``chain(ref)`` is the gazetteer's chain of ``ref``, innermost first.

    >>> from attackgraph.model import PlaceKind, Span
    >>> span = Span(0, 0, "", 1)
    >>> mall = PlaceRef("ke-mall", "Mall", PlaceKind.LOCALITY, container="ke", country="KE")
    >>> suburb = PlaceRef("ke-suburb", "Suburb", PlaceKind.LOCALITY, container="ke")
    >>> places = {"Mall": mall, "Suburb": suburb}
    >>> stated = (PlaceMention("Mall", PlaceKind.LOCALITY, span, container="Suburb"),)
    >>> keep_stated_chain(stated, places, (), lambda ref: (ref,))
    >>> places["Mall"].container
    'ke-suburb'
    """
    for mention in mentions:
        if mention.container is None or (mention.name, mention.container) in conflicts:
            continue
        ref, outer = places.get(mention.name), places.get(mention.container)
        if ref is None or outer is None or outer.slug == ref.slug:
            continue
        if outer.slug in _reach(ref, places, chain) or ref.slug in _reach(outer, places, chain):
            continue
        gazetteer_container = None if _says_little(ref) else ref.container
        _set(places, replace(ref, container=outer.slug))
        if gazetteer_container is not None and gazetteer_container != outer.slug:
            if _says_little(outer):
                _set(places, replace(outer, container=gazetteer_container))


def keep_written_containers(
    mentions: tuple[PlaceMention, ...],
    places: dict[str, PlaceRef],
    text: str,
    contradicted: Collection[str] = (),
) -> None:
    """Leave out the gazetteer's containers the document never names (in place).

    The places of an event are the ones its document names (the corpus' gold: sites,
    settlements, districts, regions): a reader of a story set in "Kabul" learns nothing
    of "Kābul Province", nor of "Île-de-France" from one set in Paris. A container
    the gazetteer adds is kept when ``text`` writes it (its name, or its bare name
    with an area word: "Baghdad province" for "Baghdād Governorate"), or when the
    document names an area by its bare name that the gazetteer read as another of its
    places ("Quebec City, Quebec": both the city of Québec); else the place inside it
    is linked to the next container that is kept, or to its country. The container of
    a place named in ``contradicted`` (whose stated container the gazetteer contradicts,
    kept as a deprecated claim) stays too: it is what the graph says instead.
    Countries and the mentioned places themselves always stay. A region bearing the
    bare name of a mentioned place inside it (GeoNames' "Chalatenango Department" over
    the document's "Chalatenango") stays only where the text writes the region's own
    name ("Chalatenango Department"): "the department of Chalatenango" says what kind of
    place the document's one "Chalatenango" is, and each named place is published once.

    >>> from attackgraph.model import PlaceKind, Span
    >>> af = PlaceRef("af", "Afghanistan", PlaceKind.COUNTRY, country="AF")
    >>> region = PlaceRef("af-kabul", "Kābul Province", PlaceKind.REGION, container="af")
    >>> town = PlaceRef("af-kabul-town", "Kabul", PlaceKind.LOCALITY, container="af-kabul")
    >>> said = (PlaceMention("Kabul", PlaceKind.LOCALITY, Span(0, 5, "Kabul", 1)),)
    >>> places = {"Kabul": town, "af-kabul": region, "af": af}
    >>> keep_written_containers(said, places, "A bomb went off in Kabul.")
    >>> places["Kabul"].container, sorted(places)
    ('af', ['Kabul', 'af'])
    >>> places = {"Kabul": town, "af-kabul": region, "af": af}
    >>> keep_written_containers(said, places, "Kabul, in Kabul province.")
    >>> places["Kabul"].container
    'af-kabul'
    """
    stated = {places[m.name].slug for m in mentions if m.name in places}
    stated |= {places[name].container or "" for name in contradicted if name in places}
    named: dict[str, set[str]] = {}
    for m in mentions:
        if m.name in places:
            named.setdefault(places[m.name].slug, set()).add(m.name)
    areas = {
        region_name(m.name).key
        for m in mentions
        if m.kind is PlaceKind.REGION and m.name in places and len(named[places[m.name].slug]) > 1
    }
    by_slug = {ref.slug: ref for ref in places.values()}
    written = _Written(text)
    namesakes = _namesakes(mentions, places, by_slug)
    dropped = {
        slug: ref
        for slug, ref in by_slug.items()
        if slug not in stated
        and ref.kind is not PlaceKind.COUNTRY
        and not written.names(
            ref, taken=_names_of(stated - {slug}, by_slug), bare=slug not in namesakes
        )
        and not any(region_name(form).key in areas for form in (ref.name, *ref.aliases))
    }
    if not dropped:
        return

    def kept(slug: str | None) -> str | None:
        seen: set[str] = set()
        while slug in dropped and slug not in seen:
            seen.add(slug)
            slug = dropped[slug].container
        return slug

    for key, ref in list(places.items()):
        if ref.slug in dropped:
            del places[key]
            continue
        also_in = tuple(s for s in (kept(s) for s in ref.also_in) if s is not None)
        container = kept(ref.container)
        if container != ref.container or also_in != ref.also_in:
            also = tuple(dict.fromkeys(s for s in also_in if s != container))
            places[key] = replace(ref, container=container, also_in=also)


_WORD: Final = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class _Written:
    """The words of a text as matching keys, to ask whether it names a place."""

    def __init__(self, text: str) -> None:
        self.keys: list[str] = []
        self.capital: list[bool] = []
        self.joined: list[bool] = []
        """Whether the next word follows with nothing but spaces between."""
        matches = list(_WORD.finditer(text))
        for n, match in enumerate(matches):
            parts = name_key(match.group()).split()
            gap = text[match.end() : matches[n + 1].start()] if n + 1 < len(matches) else "."
            for k, part in enumerate(parts):
                self.keys.append(part)
                self.capital.append(match.group()[:1].isupper())
                self.joined.append(k + 1 < len(parts) or gap.strip(" ") == "")
        self.at: dict[str, list[int]] = {}
        for i, key in enumerate(self.keys):
            self.at.setdefault(key, []).append(i)

    def names(self, ref: PlaceRef, *, taken: Collection[str] = (), bare: bool = True) -> bool:
        """Whether the text writes ``ref`` by one of its names, capitalised and not the
        start of a longer name ("the New York State Special Commission" names a body),
        or by its bare name beside an area word ("Kabul province", "the province of
        Kabul"). A name in ``taken`` (keys of names another place of the document is
        written by) counts only beside an area word: "Lima" writes the city, not GeoNames'
        "Lima Region", whose alias it also is. With ``bare`` false only the names
        themselves count ("Kabul province", not "the province of Kabul").

        >>> state = PlaceRef("us-ny", "New York State", PlaceKind.REGION)
        >>> [_Written(t).names(state) for t in ("a New York State Special Commission",
        ...  "upstate, in New York State.", "in the state of New York", "New York State",
        ...  "the Transit Police of New York State")]
        [False, True, True, True, False]
        >>> _Written("in Baghdad Province").names(PlaceRef("b", "Baghdād Governorate",
        ...  PlaceKind.REGION))
        True
        >>> region = PlaceRef("pe-lima", "Lima Region", PlaceKind.REGION, aliases=("Lima",))
        >>> [_Written(t).names(region, taken={"lima"}) for t in ("in Lima", "Lima region")]
        [False, True]
        >>> [_Written(t).names(replace(region, aliases=())) for t in (
        ...  "the Surco district of Lima", "the region of Lima")]
        [False, True]
        """
        for form in (ref.name, *ref.aliases):
            key = name_key(form)
            if key not in taken and self._find(key.split()):
                return True
            plain = region_name(form)
            if bare and plain.word is not None:
                if self._beside_area_word(plain.key.split(), plain.word):
                    return True
        return False

    def _find(self, words: list[str], *, whole: bool = True) -> list[int]:
        if not words:
            return []
        n = len(words)
        return [
            i
            for i in self.at.get(words[0], ())
            if self.keys[i : i + n] == words
            and self.capital[i]
            and not (whole and (self._goes_on(i + n - 1) or self._ends_a_name(i)))
            and not (whole and self._modifies(i + n - 1))
        ]

    def _modifies(self, last: int) -> bool:
        """Whether word ``last``, an area word written in lower case, describes an office
        or a body of the area after it ("the Tamaulipas state prosecutor", "Kabul province
        police"), which does not name the area itself.

        >>> written = _Written("the Velmar state prosecutor said; in Velmar state put")
        >>> [written._modifies(i) for i in (2, 7)]
        [True, False]
        """
        if last + 1 >= len(self.keys) or self.capital[last] or not self.joined[last]:
            return False
        after = self.keys[last + 1]
        return (
            self.keys[last] in REGION_WORDS
            and not self.capital[last + 1]
            and (after in _OFFICES or after.rstrip("s") in _OFFICES)
        )

    def _ends_a_name(self, first: int) -> bool:
        """Whether word ``first`` follows a capitalised word and "of" as the end of one
        name ("the Civil Police of X State" names a body, not the state)."""
        return (
            first >= 2
            and self.keys[first - 1] == "of"
            and self.capital[first - 2]
            and self.keys[first - 2] not in REGION_WORDS  # "the State of X" names X
        )

    def _goes_on(self, last: int) -> bool:
        """Whether a capitalised word follows word ``last`` as part of one name."""
        return last + 1 < len(self.keys) and self.joined[last] and self.capital[last + 1]

    def _beside_area_word(self, words: list[str], level: str) -> bool:
        """Whether ``words`` are written beside an area word of the level of ``level``
        ("Kabul province" for a province, not "the Surco district of Lima" for a region)."""

        def area(word: str) -> bool:
            return word in REGION_WORDS and _same_level(word, level)

        for i in self._find(words, whole=False):
            if self._ends_a_name(i):
                continue
            after = self.keys[i + len(words) : i + len(words) + 1]
            before = self.keys[max(0, i - 3) : i]
            end = i + len(words)
            if after and area(after[0]) and not (self._goes_on(end) or self._modifies(end)):
                return True
            if self._goes_on(i + len(words) - 1):
                continue
            if before[-2:-1] and area(before[-2]) and before[-1] == "of":
                if not (len(before) == 3 and self.capital[i - 3]):
                    return True
            if len(before) == 3 and area(before[0]) and before[1:] == ["of", "the"]:
                return True
        return False


_OFFICES: Final = (
    ROLE_WORDS
    | {word.lower() for word in ORG_WORDS}
    | {"court", "parliament", "assembly", "legislature", "media", "television", "radio"}
)
"""Offices and bodies an area word written before them describes ("state prosecutor",
"province police", "state media"): a role, an organisation's word, a court or an assembly."""

_SUBDIVISION_WORDS: Final = frozenset({"district", "county", "division", "municipality", "cercle"})
"""Area words of the divisions of a region or a city, not of a first-level region."""


def _same_level(written: str, own: str) -> bool:
    """Whether the area word ``written`` can name an area whose own word is ``own``: the
    same word, or two words of first-level regions ("Baghdad province", a governorate)."""
    return written == own or not {written, own} & _SUBDIVISION_WORDS


def _namesakes(
    mentions: tuple[PlaceMention, ...], places: dict[str, PlaceRef], by_slug: dict[str, PlaceRef]
) -> set[str]:
    """Slugs of the regions the gazetteer puts a stated place in that bear that place's
    own name as their bare name ("Chalatenango Department" over the document's
    "Chalatenango"): the document names one place, which the graph already publishes.

    >>> from attackgraph.model import PlaceKind, Span
    >>> region = PlaceRef("sv-ch-dep", "Chalatenango Department", PlaceKind.REGION)
    >>> town = PlaceRef("sv-ch", "Chalatenango", PlaceKind.LOCALITY, container="sv-ch-dep")
    >>> said = (PlaceMention("Chalatenango", PlaceKind.LOCALITY, Span(0, 12, "Chalatenango", 1)),)
    >>> places = {"Chalatenango": town, "sv-ch-dep": region}
    >>> _namesakes(said, places, {r.slug: r for r in places.values()})
    {'sv-ch-dep'}
    """
    found: set[str] = set()
    for mention in mentions:
        ref = places.get(mention.name)
        outer = by_slug.get(ref.container or "") if ref is not None else None
        if ref is None or outer is None or outer.kind is not PlaceKind.REGION:
            continue
        own = {name_key(name) for name in (mention.name, ref.name)}
        bare = region_name(outer.name)
        if bare.word is not None and bare.key in own:
            found.add(outer.slug)
    return found


def _names_of(slugs: Collection[str], by_slug: dict[str, PlaceRef]) -> set[str]:
    """The name keys the places ``slugs`` are written by."""
    refs = [by_slug[slug] for slug in slugs if slug in by_slug]
    return {name_key(name) for ref in refs for name in (ref.name, *ref.aliases)}


def _says_little(ref: PlaceRef) -> bool:
    """Whether ``ref``'s container is nothing or only its country."""
    return ref.container is None or ref.container == (ref.country or "").lower()


def _set(places: dict[str, PlaceRef], linked: PlaceRef) -> None:
    for key, value in list(places.items()):
        if value.slug == linked.slug:
            places[key] = linked


def _reach(ref: PlaceRef, places: dict[str, PlaceRef], chain: Chain) -> set[str]:
    """Slugs of every place ``ref`` is in, through the record's links and the gazetteer."""
    by_slug = {value.slug: value for value in places.values()}
    seen: set[str] = set()
    todo = [ref]
    while todo:
        current = todo.pop()
        for outer in chain(current)[1:]:
            seen.add(outer.slug)
        for slug in (current.container, *current.also_in):
            if slug is not None and slug not in seen:
                seen.add(slug)
                if slug in by_slug:
                    todo.append(by_slug[slug])
    return seen


_DESCRIPTOR: Final = re.compile(
    r"^(?P<name>.*[A-Z\u00c0-\u00de][^ ]*)(?:\s+[a-zà-ÿ][a-zà-ÿ-]*){1,3}$"
)
_INNER_NOTE: Final = re.compile(r"^(?P<a>.+?)\s*\((?P<note>[^()]+)\)\s*(?P<b>.*)$")


def written_forms(name: str) -> tuple[str, ...]:
    """The names a written place name gives: as written, without a lowercase word saying
    what kind of site it is, and a bracketed second name apart.

    >>> written_forms("the Blue Lagoon restaurant")
    ('Blue Lagoon restaurant', 'Blue Lagoon')
    >>> written_forms("Sydney central business district")
    ('Sydney central business district', 'Sydney')
    >>> written_forms("Tarbush (K7) roundabout")
    ('Tarbush roundabout', 'Tarbush', 'K7')
    """
    text = " ".join(strip_the(name).split())
    forms = [text]
    inner = _INNER_NOTE.match(text)
    if inner is not None:
        forms = [f"{inner.group('a')} {inner.group('b')}".strip(), inner.group("note").strip()]
    plain = _DESCRIPTOR.match(forms[0])
    if plain is not None:
        forms.insert(1, plain.group("name"))
    return tuple(dict.fromkeys(form for form in forms if name_key(form)))


def add_spellings(
    mentions: tuple[PlaceMention, ...], places: dict[str, PlaceRef], text: str = ""
) -> None:
    """Give each place the names its document writes it by as aliases (in place), so that
    a reader finds GeoNames' "Marawi City" by the document's "Marawi": the mention's
    written forms and the shorter names ``text`` writes it by
    (:func:`~attackgraph.resolve.short_names.short_names`).

    >>> from attackgraph.model import PlaceKind, Span
    >>> city = PlaceRef("ph-marawi-city", "Marawi City", PlaceKind.LOCALITY)
    >>> places = {"Marawi": city}
    >>> written = PlaceMention("Marawi", PlaceKind.LOCALITY, Span(0, 6, "Marawi", 1))
    >>> add_spellings((written,), places)
    >>> places["Marawi"].aliases
    ('Marawi',)
    """
    found: dict[str, list[str]] = {}
    for mention in mentions:
        ref = places.get(mention.name)
        if ref is None:
            continue
        known = found.setdefault(ref.slug, [])
        keys = {name_key(n) for n in (ref.name, *ref.aliases, *known)}
        for form in (*written_forms(mention.name), *short_names(mention.name, text)):
            if name_key(form) not in keys:
                keys.add(name_key(form))
                known.append(form)
    for slug, names in found.items():
        if names:
            ref = next(r for r in places.values() if r.slug == slug)
            _set(places, replace(ref, aliases=(*ref.aliases, *names)))
