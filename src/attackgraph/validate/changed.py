"""What a union check can skip: the subjects whose neighbourhood is as it was.

The shapes' result for a focus node reads the union's triples of the nodes up to
:data:`~attackgraph.validate.dataset.DEPTH` links from it (``dataset.py``). Against a
dataset that conformed to the same shapes (the previous release, built by the same code),
a focus none of whose neighbourhood's triples changed conforms still; only the subjects
from which a changed subject is reachable in at most that many links need the shapes
again, and ``dataset.py`` validates the whole part of each graph that owns one of them
(where a result is located depends on the rest of that part). :func:`changed_subjects`
diffs two sorted N-Quads dumps as unions (one pass over each); :func:`reaching` walks
the links backwards in the new union.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Final

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
