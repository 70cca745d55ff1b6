"""A place written as another's: "Cairo's Nasr City district", "Gao's Central market".

The possessive states containment: the place after it lies in its owner, the place before
it. The lead reads it between two places it found one after the other
(:func:`owned_by`), the prose between the owner and the rest of one candidate name
(:func:`owner_of`: a place the document names, or a country, owning a prose site); all
read the same words, stated here once.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["owned_by", "owner_of"]

_OWNS: Final = re.compile(r"['’]s\s+(?:the\s+)?")
"""The possessive between an owner and what it owns, with an optional "the"."""
_OWNER: Final = re.compile(r".+?(?=['’]s\s)")
"""An owner opening a name: the words before its first possessive."""
_OWNED: Final = re.compile(r"[A-Z0-9]")
"""What a place's name starts with: a capital or a digit ("Gao's Central market")."""


def owned_by(text: str, owner_end: int, begin: int) -> bool:
    """Whether the place starting at ``begin`` is written as the owner's that ends at
    ``owner_end`` (only the possessive between them).

    >>> text = "A bomb went off in Cairo's Nasr City district."
    >>> owned_by(text, 24, 27), owned_by("the Nasr City district of Cairo", 22, 26)
    (True, False)
    """
    owns = _OWNS.match(text, owner_end)
    return owns is not None and owns.end() == begin


def owner_of(name: str) -> tuple[str, int] | None:
    """The owner a name opens with, and where the owned place's name begins in it; None
    when the name does not open with a possessive followed by a place's name.

    >>> owner_of("Gao's Central market"), owner_of("Cairo's the Old Souk")
    (('Gao', 6), ('Cairo', 12))
    >>> owner_of("Côte d'Ivoire's Plateau district")
    ("Côte d'Ivoire", 16)
    >>> owner_of("Rorke's drift") is None, owner_of("Central market") is None
    (True, True)
    """
    owner = _OWNER.match(name)
    if owner is None:
        return None
    owns = _OWNS.match(name, owner.end())
    if owns is None or not _OWNED.match(name, owns.end()):
        return None
    return owner.group(), owns.end()
