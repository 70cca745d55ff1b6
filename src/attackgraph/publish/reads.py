"""What a page read from the release, so that a rebuild re-renders only the pages whose
statements changed.

Every lookup of the pages (:mod:`attackgraph.publish.data`) asks the store for the
statements of one IRI as subject or as object, with one predicate or any, in the union
of the documents' graphs (a set of triples) or in the graphs themselves; :class:`Reads`
notes each such *key* (position ``s`` or ``o``, IRI, predicate or ``""``, union or not)
in the frames open at the time (a page's rendering is one frame). A cached lookup keeps
the keys its first computation read and notes them again on every hit, so a page's keys
do not depend on which page asked first. A page whose keys are all untouched by the
statements added or removed since the previous release
(:func:`attackgraph.publish.reuse.changed_keys`) would be rendered to the same bytes: a
rebuild keeps it.

Keys are 8-byte BLAKE2b digests: a collision can only make a page re-rendered for
nothing, never kept when it changed (a changed statement's key is always looked for).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Final, TypeVar

K = TypeVar("K")
V = TypeVar("V")

KEY_BYTES: Final = 8


def key(position: str, iri: str, predicate: str = "", *, union: bool = False) -> bytes:
    """The key of the statements whose ``position`` (``s`` or ``o``) is ``iri``, whose
    predicate is ``predicate`` (``""``: any), in the union or in the documents' graphs.

    >>> len(key("s", "https://e/id/event/x")), key("s", "x") == key("o", "x")
    (8, False)
    >>> key("s", "x", union=True) == key("s", "x")
    False
    """
    where = "u" if union else "g"
    text = f"{where}{position} {iri} {predicate}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=KEY_BYTES).digest()


class Frame:
    """The keys read while a frame was open, as blobs of joined keys (a cache hit adds
    its whole blob at once: nothing is split until the frame is read)."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def joined(self) -> bytes:
        """The distinct keys, sorted and joined (:data:`KEY_BYTES` bytes each).

        >>> frame = Frame()
        >>> frame.parts += [key("s", "b") + key("s", "a"), key("s", "a")]
        >>> frame.joined() == b"".join(sorted([key("s", "a"), key("s", "b")]))
        True
        """
        found: set[bytes] = set()
        for part in set(self.parts):  # a cached lookup hit many times adds one blob each time
            if len(part) == KEY_BYTES:
                found.add(part)
            else:
                found.update(part[i : i + KEY_BYTES] for i in range(0, len(part), KEY_BYTES))
        return b"".join(sorted(found))


class Reads:
    """The keys read inside each open frame (a nested frame adds its keys to the
    enclosing one when it closes).

    >>> reads = Reads()
    >>> with reads.frame() as outer:
    ...     with reads.frame() as inner:
    ...         reads.note("s", "https://e/a")
    ...     reads.note("o", "https://e/b")
    >>> len(inner.joined()) // KEY_BYTES, len(outer.joined()) // KEY_BYTES
    (1, 2)
    """

    def __init__(self) -> None:
        self._frames: list[Frame] = []

    def note(self, position: str, iri: str, predicate: str = "", *, union: bool = False) -> None:
        """A lookup read the statements with ``iri`` at ``position`` (and ``predicate``)
        in the union or in the documents' graphs."""
        if self._frames:
            self._frames[-1].parts.append(key(position, iri, predicate, union=union))

    def add(self, keys: bytes) -> None:
        """Keys (joined) read earlier on behalf of the current frame (a cache hit)."""
        if self._frames and keys:
            self._frames[-1].parts.append(keys)

    @contextmanager
    def frame(self) -> Iterator[Frame]:
        """Collect the keys read until the block ends."""
        found = Frame()
        self._frames.append(found)
        try:
            yield found
        finally:
            self._frames.pop()
            if self._frames:
                self._frames[-1].parts.extend(found.parts)

    @contextmanager
    def instead(self, position: str, iri: str, *, union: bool = False) -> Iterator[None]:
        """Note one key (``iri`` at ``position``, any predicate) for what the block reads,
        instead of every key it reads: for a value that follows from few statements
        through many lookups (the parts of a long document's page follow from its text).

        >>> reads = Reads()
        >>> with reads.frame() as keys:
        ...     with reads.instead("s", "https://e/doc"):
        ...         reads.note("o", "https://e/doc", "https://e/p")
        >>> keys.joined() == key("s", "https://e/doc")
        True
        """
        self.note(position, iri, union=union)
        frames, self._frames = self._frames, []
        try:
            yield
        finally:
            self._frames = frames

    def cached(self, find: Callable[[K], V], size: int) -> Callable[[K], V]:
        """``find`` behind a bounded cache that notes, on every call, the keys ``find``
        read when it computed the value (kept joined: 8 bytes a key).

        >>> reads = Reads()
        >>> def name(iri: str) -> str:
        ...     reads.note("s", iri)
        ...     return iri.upper()
        >>> lookup = reads.cached(name, 16)
        >>> _ = lookup("a")
        >>> with reads.frame() as keys:
        ...     lookup("a")
        'A'
        >>> keys.joined() == key("s", "a")
        True
        """

        def compute(k: K) -> tuple[V, bytes]:
            frames, self._frames = self._frames, []
            try:
                with self.frame() as found:
                    value = find(k)
            finally:
                self._frames = frames
            return value, found.joined()

        remembered = lru_cache(maxsize=size)(compute)

        def get(k: K) -> V:
            value, keys = remembered(k)
            self.add(keys)
            return value

        return get
