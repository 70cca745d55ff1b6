"""What a union check can skip: the subjects whose neighbourhood is as it was.

The shapes' result for a focus node reads the union's triples of the nodes up to
:data:`~attackgraph.validate.dataset.DEPTH` links from it (``dataset.py``). Against a
dataset that conformed to the same shapes (the previous release, built by the same code),
a focus none of whose neighbourhood's triples changed conforms still; only the subjects
from which a changed subject is reachable in at most that many links need the shapes
again, and ``dataset.py`` validates the whole part of each graph that owns one of them
(where a result is located depends on the rest of that part). :func:`changed_subjects`
diffs two sorted N-Quads dumps as unions (one pass over each); :func:`reaching` walks
the links backwards in the new union's store.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Final

import pyoxigraph as ox

from attackgraph.namespaces import RDF

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


def reaching(store: ox.Store, targets: set[str], depth: int) -> set[str] | None:
    """``targets`` and every subject of ``store``'s default graph linking to one of them in
    at most ``depth`` links (not through ``rdf:type``, as the neighbourhoods are read);
    None when that exceeds :data:`MAX_AFFECTED` subjects."""
    found = set(targets)
    frontier = sorted(targets)
    for _ in range(depth):
        following: set[str] = set()
        for iri in frontier:
            node = ox.NamedNode(iri)
            for quad in store.quads_for_pattern(None, None, node, ox.DefaultGraph()):
                subject = quad.subject
                if quad.predicate != RDF.type and isinstance(subject, ox.NamedNode):
                    if subject.value not in found:
                        following.add(subject.value)
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
