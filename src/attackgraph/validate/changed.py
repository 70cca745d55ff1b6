"""What a union check can skip: the subjects whose neighbourhood is as it was.

The shapes' result for a focus node reads the union's triples of the nodes up to
:data:`~attackgraph.validate.dataset.DEPTH` links from it (``dataset.py``). Against a
dataset that conformed to the same shapes (the previous release, built by the same code),
a focus none of whose neighbourhood's triples changed conforms still; only the subjects
from which a changed subject is reachable in at most that many links need the shapes
again, and ``dataset.py`` validates the whole part of each graph that owns one of them
(where a result is located depends on the rest of that part). :func:`changed_subjects`
diffs two sorted N-Quads dumps as unions (one pass over each); :func:`reaching` walks
the links backwards in the new union. For a rebuild that keeps the union's index,
:func:`differing_subjects` finds the subjects with a line in one dump but not the other
comparing equal stretches a block at a time, and :func:`subject_lines` reads a
subject's lines by bisecting the sorted dump: no work per line of the dataset in
Python.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Final

from attackgraph.errors import AttackgraphError

MAX_AFFECTED: Final = 200_000
"""Beyond this many subjects to check again, check them all (the set is held in memory)."""


def changed_subjects(old: Path, new: Path) -> set[str]:
    """IRIs of the subjects of the triples in one union but not the other. Both files are
    N-Quads in codepoint order, as the export writes them.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     a, b = Path(tmp, "a.nq"), Path(tmp, "b.nq")
    ...     _ = a.write_text('<s> <p> "1" <g> .\\n<t> <p> "2" <g> .\\n<t> <p> "2" <h> .\\n')
    ...     _ = b.write_text('<s> <p> "1" <h> .\\n<t> <p> "3" <g> .\\n')
    ...     sorted(changed_subjects(a, b))
    ['t']
    """
    found: set[str] = set()
    with old.open("rb") as before, new.open("rb") as after:
        mine, theirs = _triples(before), _triples(after)
        one, other = next(mine, None), next(theirs, None)
        while one is not None or other is not None:
            if other is None or (one is not None and one < other):
                found.add(_subject(one))  # type: ignore[arg-type]
                one = next(mine, None)
            elif one is None or other < one:
                found.add(_subject(other))
                other = next(theirs, None)
            else:
                one, other = next(mine, None), next(theirs, None)
    return found


def reaching(
    linking: Callable[[str], Iterable[str]], targets: set[str], depth: int
) -> set[str] | None:
    """``targets`` and every subject linking to one of them in at most ``depth`` links
    (``linking(iri)``: the subjects with a triple whose object is that IRI, not through
    ``rdf:type``, as the neighbourhoods are read); None when that exceeds
    :data:`MAX_AFFECTED` subjects.

    >>> links = {"c": ["b"], "b": ["a"], "a": []}
    >>> sorted(reaching(links.__getitem__, {"c"}, 1)), sorted(reaching(links.__getitem__, {"c"}, 2))
    (['b', 'c'], ['a', 'b', 'c'])
    """
    found = set(targets)
    frontier = sorted(targets)
    for _ in range(depth):
        following: set[str] = set()
        for iri in frontier:
            following.update(s for s in linking(iri) if s not in found)
        found |= following
        if len(found) > MAX_AFFECTED:
            return None
        frontier = sorted(following)
    return found


def _triples(lines: Iterator[bytes]) -> Iterator[bytes]:
    """The distinct triples of sorted N-Quads lines (each line less its graph)."""
    previous = None
    for line in lines:
        triple = line[: line.rindex(b" <")]
        if triple != previous:
            yield triple
            previous = triple


def _subject(triple: bytes) -> str:
    return triple[1 : triple.index(b" ") - 1].decode("utf-8")


BLOCK: Final = 1 << 20


class UnsortedError(AttackgraphError, ValueError):
    """A dump's lines are not in codepoint order."""


def differing_subjects(old: Path, new: Path) -> set[bytes]:
    """The subjects (N-Triples form) of the lines in one sorted dump but not the other.

    Equal stretches are compared a block at a time (no Python work per line); around a
    difference the lines are merged one by one until both files are in step again.
    Raises :class:`UnsortedError` when a file's lines there are out of order.
    """
    found: set[bytes] = set()
    with old.open("rb") as a, new.open("rb") as b:
        start_a = start_b = 0  # where the current line began in each file
        while True:
            x, y = a.read(BLOCK), b.read(BLOCK)
            if x == y:
                if not x:
                    return found
                end = x.rfind(b"\n")
                if end >= 0:
                    start_a, start_b = a.tell() - len(x) + end + 1, b.tell() - len(y) + end + 1
                continue
            common = _common(x, y)
            end = x.rfind(b"\n", 0, common)
            if end >= 0:
                start_a, start_b = a.tell() - len(x) + end + 1, b.tell() - len(y) + end + 1
            a.seek(start_a)
            b.seek(start_b)
            _merge(a, b, found)
            start_a, start_b = a.tell(), b.tell()


def differing_lines(old: Path, new: Path) -> Iterator[tuple[bool, bytes]]:
    """The lines of two sorted, unique dumps that only one has, in order: ``(True,
    line)`` for a line only ``new`` has, ``(False, line)`` for one only ``old`` has.

    As :func:`differing_subjects`, equal stretches are compared a block at a time (no
    Python work per line there: a rebuild after one change compares two dumps of the
    whole release); around a difference the lines are merged one by one, checked to
    increase from the line before. Raises :class:`UnsortedError` (a ``ValueError``)
    naming the file when a line there is not after the one before it (not sorted and
    unique); equal stretches are the same bytes in both files and are not checked again.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     a, b = Path(tmp, "a"), Path(tmp, "b")
    ...     _ = a.write_bytes(b"1\\n2\\n4\\n")
    ...     _ = b.write_bytes(b"2\\n3\\n4\\n5\\n")
    ...     list(differing_lines(a, b))
    [(False, b'1\\n'), (True, b'3\\n'), (True, b'5\\n')]
    """
    with old.open("rb") as a, new.open("rb") as b:
        start_a = start_b = 0  # where the current line began in each file
        last_a = last_b = b""  # the line before it
        head = b""  # the current line's bytes read before this block (equal in both)
        while True:
            x, y = a.read(BLOCK), b.read(BLOCK)
            same = len(x) if x == y else _common(x, y)
            if x == y and not x:
                return
            end = x.rfind(b"\n", 0, same)
            if end >= 0:
                start_a, start_b = a.tell() - len(x) + end + 1, b.tell() - len(y) + end + 1
                begin = x.rfind(b"\n", 0, end) + 1
                last_a = last_b = (b"" if begin else head) + x[begin : end + 1]
                head = x[end + 1 : same]
            else:
                head += x[:same]
            if x == y:
                continue
            head = b""
            a.seek(start_a)
            b.seek(start_b)
            one, other = a.readline(), b.readline()
            while one or other:
                for line, last, path in ((one, last_a, old), (other, last_b, new)):
                    if line and line <= last:
                        raise UnsortedError(f"{path}: not sorted and unique at {line[:80]!r}")
                if one == other:
                    last_a = last_b = one
                    break
                if not other or (one and one < other):
                    yield False, one
                    last_a, one = one, a.readline()
                else:
                    yield True, other
                    last_b, other = other, b.readline()
            start_a, start_b = a.tell(), b.tell()


def _common(x: bytes, y: bytes) -> int:
    """The length of the common prefix of two byte strings."""
    low, high = 0, min(len(x), len(y))
    while low < high:
        middle = (low + high + 1) // 2
        if x[:middle] == y[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _merge(a: BinaryIO, b: BinaryIO, found: set[bytes]) -> None:
    """Merge the lines of ``a`` and ``b`` from their positions, noting the subjects of
    lines in one only, until a line is in both (read) or both files end."""
    one, other = a.readline(), b.readline()
    last_one = last_other = b""
    while one or other:
        if one and one < last_one or other and other < last_other:
            raise UnsortedError("lines out of order")
        if one == other:
            return
        if not other or (one and one < other):
            found.add(one[: one.index(b" ")])
            last_one, one = one, a.readline()
        else:
            found.add(other[: other.index(b" ")])
            last_other, other = other, b.readline()


def subject_lines(stream: BinaryIO, size: int, subject: bytes) -> list[bytes]:
    """The lines of a sorted dump whose subject is ``subject`` (N-Triples form), found
    by bisecting the file."""
    key = subject + b" "
    low, high = 0, size
    while low < high:  # the first line start p whose line is >= key
        middle = (low + high) // 2
        at = _line_start(stream, middle)
        stream.seek(at)
        line = stream.readline()
        if line and line < key:
            low = at + len(line)
        else:
            high = middle
    stream.seek(_line_start(stream, low))
    lines = []
    for line in stream:
        if not line.startswith(key):
            break
        lines.append(line)
    return lines


def _line_start(stream: BinaryIO, position: int) -> int:
    """The start of the first line that starts at or after ``position``."""
    if position == 0:
        return 0
    stream.seek(position - 1)
    stream.readline()
    return stream.tell()
