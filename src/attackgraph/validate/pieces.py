"""A big graph cut into pieces whose SHACL results, put together, are the whole graph's.

pyshacl-turbo's cost grows faster than the graph (a 1 MB document of claims: 6 CPU-s,
5 MB: 58), so :func:`pieces` cuts a graph into bounded pieces. Every node that can be a
focus (a subject, an object of an ``sh:targetObjectsOf`` predicate, an
``sh:targetNode``) is *owned* by exactly one piece, which holds all of its triples and
the incoming triples that make it a target, then, for each node ``d`` links away, its
triples of the predicates the shapes read at that distance (:class:`~.reach.Reach`:
a claim's event only by its ``rdf:type``, its span's document by its ``rdf:type``, not
its text). So the engine computes an owned node's results from the same triples as in
the whole graph; keeping each piece's results for the nodes it owns gives each result
once. A document node's text is in the one piece that owns it.

The cut is made only where that argument holds: the shapes' reach is bounded
(:func:`~.reach.reach` is not None), the data has no blank nodes (the results name a
blank focus by a label that says nothing about the piece) and no ``rdfs:subClassOf``
(SHACL's class targets and ``sh:class`` follow it in the data). Otherwise the graph is
one piece. ``tests/test_pieces.py`` requires the whole graph's results on every shape
fixture and on generated documents.

>>> s, o, p, q = (ox.NamedNode(f"http://e/{n}") for n in "sopq")
>>> reads = Reach((frozenset({p.value}), frozenset({q.value})), frozenset(), frozenset())
>>> data = [ox.Triple(s, p, o), ox.Triple(o, q, s), ox.Triple(o, p, s)]
>>> [(sorted(owned or ()), text.count("\\n")) for owned, text in pieces(data, reads, 1)]
[(['http://e/s'], 2), (['http://e/o'], 2)]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import pyoxigraph as ox

from attackgraph.namespaces import RDFS_NS
from attackgraph.validate.reach import ALL, Reach

Piece = tuple[frozenset[str] | None, str]
"""The IRIs of the nodes a piece owns (None: every node, the whole graph) and its triples
as N-Triples text."""

_SUBCLASS: Final = f"<{RDFS_NS}subClassOf>"


def pieces(quads: Sequence[ox.Quad | ox.Triple], reach: Reach | None, size: int) -> list[Piece]:
    """The pieces of the union of ``quads``' graphs, each owning nodes with about ``size``
    triples between them (at least one node), in the order the nodes first appear; one
    piece, the whole graph, when it has no more than ``size`` triples or cannot be cut.

    The triples are handled as the lines of their N-Triples text (one serialisation, then
    string operations: reading pyoxigraph's terms back costs more than the engine)."""
    triples = (q.triple if isinstance(q, ox.Quad) else q for q in quads)
    text = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
    whole: list[Piece] = [(None, text)]
    if reach is None or text.count("\n") <= size:  # no more lines, so no more triples
        return whole
    # "\n" alone ends a line: a literal may hold U+2028 or U+0085 unescaped
    lines = list(dict.fromkeys(text.split("\n")[:-1]))
    if len(lines) <= size:
        return whole
    out: dict[str, list[_Line]] = {}
    incoming: dict[str, list[_Line]] = {}
    targeting = {f"<{p}>" for p in reach.objects_targeted}
    for line in lines:
        subject, predicate, rest = line.split(" ", 2)
        if not subject.startswith("<") or rest.startswith(("_:", "<<")) or predicate == _SUBCLASS:
            return whole  # a blank node, a triple term, a subclass (see the module's notes)
        target = rest[1:-3] if rest.startswith("<") else None
        parsed = (predicate[1:-1], target, line)
        out.setdefault(subject[1:-1], []).append(parsed)
        if target is not None and predicate in targeting:
            incoming.setdefault(target, []).append(parsed)
    foci = list(out)  # subjects in order, then the other nodes that can be a focus
    foci += sorted(({*incoming} | {str(n) for n in reach.nodes_targeted}) - set(out))
    found: list[Piece] = []
    owned: list[str] = []
    weight = 0
    for node in foci:
        owned.append(node)
        weight += len(out.get(node, ())) + len(incoming.get(node, ()))
        if weight >= size:
            found.append(_piece(owned, out, incoming, reach))
            owned, weight = [], 0
    if owned:
        found.append(_piece(owned, out, incoming, reach))
    return found


_Line = tuple[str, str | None, str]
"""A triple: its predicate's IRI, its object's IRI (None: a literal), its N-Triples line."""


def _piece(
    owned: list[str],
    out: dict[str, list[_Line]],
    incoming: dict[str, list[_Line]],
    reach: Reach,
) -> Piece:
    """The owned nodes' triples, the triples targeting them, and around them the triples
    the shapes read at each distance (each triple once)."""
    kept: dict[str, None] = {}
    for node in owned:
        kept.update(dict.fromkeys(t[2] for t in out.get(node, ())))
        kept.update(dict.fromkeys(t[2] for t in incoming.get(node, ())))
    frontier = set(owned)
    for depth in range(len(reach.reads) - 1):
        follows, read = reach.follows(depth), reach.reads[depth + 1]
        every_link, every_read = ALL in follows, ALL in read
        following: set[str] = set()
        for node in frontier:
            for predicate, target, _ in out.get(node, ()):
                if target is not None and (every_link or predicate in follows):
                    following.add(target)
        for node in following:
            kept.update(
                dict.fromkeys(t[2] for t in out.get(node, ()) if every_read or t[0] in read)
            )
        frontier = following
    return frozenset(owned), "\n".join(kept) + "\n"
