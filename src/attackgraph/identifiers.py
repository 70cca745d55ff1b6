"""The one place IRIs are minted.

Instances live one level under their kind: ``{base}/id/{kind}/{slug}`` (flat, so that
CURIEs stay valid and Turtle writers stay fast). Slugs are ``[a-z0-9-]`` made from the
NFC text transliterated and with accents folded, so "Sévaré" and "Sevare" give the same
slug, and with a hash of the name when something could not be spelt ("C++ Front" and
"C Front" do not).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Final

from anyascii import anyascii
from pyoxigraph import NamedNode

from attackgraph.model import OptionError
from attackgraph.namespaces import DEFAULT_BASE, PREFIXES, RAW_NS

_NOT_SLUG: Final = re.compile(r"[^a-z0-9]+")
_SLUG: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SAFE_IRI: Final = re.compile(r"https?://[A-Za-z0-9._~:/#%@!$&'()*+,;=?-]+")
_KEPT: Final = re.compile(r"[^\x00-\x7f]|[+<=>|~$]")
"""Characters :func:`fold` keeps as they are because they cannot be spelt in a slug."""
_APOSTROPHES: Final = frozenset("’‘ʼʻ´`")
MAX_SLUG: Final = 80
KINDS: Final = ("event", "side", "actor", "place", "geometry", "doc", "claim", "figure", "span")
"""The kinds of minted instances, each a folder under ``{base}/id/``."""


def fold(text: str) -> str:
    """The one folding of names for slugs and matching keys: NFC, case-folded, every
    letter and digit transliterated to ASCII (anyascii), accents and invisible format
    characters (zero-width, bidi marks) removed, other punctuation ASCII.

    What cannot be spelt in ASCII letters is kept as it is: symbols (``+``, ``$``,
    ``€``, emoji), and letters with no transliteration, so that "C++ Front" and
    "C Front" stay apart.

    >>> fold("Sévaré"), fold("Diyarbakır"), fold("Ðakovo"), fold("Þingvellir")
    ('sevare', 'diyarbakir', 'dakovo', 'thingvellir')
    >>> fold("北京"), fold("N’Débougou"), fold("C++ Front"), fold("Al\u200bShabaab")
    ('beijing', "n'debougou", 'c++ front', 'alshabaab')
    """
    nfc = unicodedata.normalize("NFC", text).casefold()
    if nfc.isascii():
        return nfc
    return "".join(_fold_char(c) for c in nfc)


def _fold_char(char: str) -> str:
    if char.isascii():
        return char
    if char in _APOSTROPHES:
        return "'"
    category = unicodedata.category(char)
    if category[0] in "LN":
        ascii_ = anyascii(char).lower()
        return ascii_ if ascii_.isalnum() and ascii_.isascii() else char
    if category[0] == "M" or category in ("Cf", "Cc", "Sk"):
        return ""
    if category[0] == "Z":
        return " "
    if category == "Pd":
        return "-"
    if category[0] == "P":
        return " "
    return char  # symbols, private use, unassigned: no ASCII spelling


def slugify(text: str) -> str:
    """A stable ``[a-z0-9-]`` slug for a name, one per name.

    The name is folded (:func:`fold`: transliterated, accents dropped) and punctuation
    collapses to one hyphen. When something with meaning could not be spelt, a short
    hash of the NFC name is added (or, with nothing spellable at all, is the slug), so
    different names never share a slug. Raises ``ValueError`` for a blank name.

    >>> slugify("Sévaré"), slugify("Diyarbakır"), slugify("北京 attack")
    ('sevare', 'diyarbakir', 'beijing-attack')
    >>> slugify("  Jama'at Nasr al-Islam wal Muslimin ")
    'jama-at-nasr-al-islam-wal-muslimin'
    >>> slugify("000_6de047e5428871d9")
    '000-6de047e5428871d9'
    >>> slugify("C++ Front"), slugify("C Front"), slugify("!!!")
    ('c-front-a5463a29', 'c-front', 'u-e84c538e7f')
    """
    if not text.strip():
        raise ValueError(f"a blank name has no slug: {text!r}")
    nfc = unicodedata.normalize("NFC", text)
    folded = fold(nfc)
    slug = _NOT_SLUG.sub("-", folded).strip("-")
    digest = hashlib.sha256(nfc.encode("utf-8", "backslashreplace")).hexdigest()
    if not slug:
        return "u-" + digest[:10]
    if _KEPT.search(folded) or len(slug) > MAX_SLUG:
        slug = slug[: MAX_SLUG - 9].rstrip("-") + "-" + digest[:8]
    return slug


def check_slug(slug: str) -> str:
    """Return ``slug`` if it is a valid slug, else raise ``ValueError``.

    >>> check_slug("mali-war")
    'mali-war'
    >>> check_slug("Mali War")
    Traceback (most recent call last):
    ValueError: not a slug: 'Mali War'
    """
    if not _SLUG.fullmatch(slug):
        raise ValueError(f"not a slug: {slug!r}")
    return slug


class Minter:
    """Mints every instance IRI under one base.

    >>> m = Minter("https://example.org/ag")
    >>> m.event("mali-war").value
    'https://example.org/ag/id/event/mali-war'
    >>> m.claim("doc-1", 3).value
    'https://example.org/ag/id/claim/doc-1-3'
    """

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        base = base.rstrip("/")
        if not _SAFE_IRI.fullmatch(base) or "#" in base or "?" in base:
            raise OptionError(f"not a usable base IRI: {base!r}")
        self.base = base
        self.prefix = base + "/id/"

    def _iri(self, kind: str, slug: str) -> NamedNode:
        return NamedNode(f"{self.prefix}{kind}/{check_slug(slug)}")

    def event(self, slug: str) -> NamedNode:
        return self._iri("event", slug)

    def side(self, event_slug: str, number: int) -> NamedNode:
        return self._iri("side", f"{event_slug}-{number}")

    def actor(self, slug: str) -> NamedNode:
        return self._iri("actor", slug)

    def place(self, slug: str) -> NamedNode:
        return self._iri("place", slug)

    def geometry(self, place_slug: str) -> NamedNode:
        return self._iri("geometry", place_slug)

    def document(self, doc_slug: str) -> NamedNode:
        return self._iri("doc", doc_slug)

    def claim(self, doc_slug: str, number: int) -> NamedNode:
        return self._iri("claim", f"{doc_slug}-{number}")

    def figure(self, doc_slug: str, claim_number: int, number: int) -> NamedNode:
        return self._iri("figure", f"{doc_slug}-{claim_number}-{number}")

    def span(self, doc_slug: str, begin: int, end: int) -> NamedNode:
        """A text span: RFC 5147-style begin/end code-point offsets in the slug."""
        return self._iri("span", f"{doc_slug}-{begin}-{end}")


def raw_property(key: str) -> NamedNode:
    """The raw-layer property for an infobox key the mapping does not cover.

    >>> raw_property("Numparticipants").value
    'https://w3id.org/attackgraph/raw#numparticipants'
    """
    return NamedNode(RAW_NS + slugify(key))


def prefixes_for(base: str = DEFAULT_BASE) -> dict[str, str]:
    """Every prefix used in outputs and queries: the vocabularies plus one per instance kind.

    Instance prefixes are per kind (``event:``, ``place:`` ...), so CURIEs such as
    ``event:mali-war`` need no escaping (``id:event/mali-war`` would need ``\\/``).

    >>> prefixes_for("https://example.org/ag")["event"]
    'https://example.org/ag/id/event/'
    >>> "id" in prefixes_for()
    False
    """
    prefix = Minter(base).prefix
    instances = {kind: f"{prefix}{kind}/" for kind in KINDS}
    return {**PREFIXES, **instances}
