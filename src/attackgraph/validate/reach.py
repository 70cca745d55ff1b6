"""How far the shapes read from each focus node: the bound that makes pieces exact.

A SHACL result is about one focus node, and the engine computes it from the triples the
shapes read around that node: the focus's own triples, then, through ``sh:class``,
``sh:node`` and the other shape-valued parameters of a property shape, some triples of
its values, and so on. :func:`reach` reads a shapes graph and says which predicates are
read on nodes *d* outgoing links away from the focus (:attr:`Reach.reads`), so that a
piece of a graph holding a node's triples and those triples around it gives that node
the results the whole graph gives it (``pieces``).

It understands SHACL Core with predicate paths and SHACL-SPARQL constraints on node
shapes whose queries reach their nodes from ``$this`` through outgoing links
(``?value nif:referenceContext ?doc``); anything else it cannot bound (a path
expression, an incoming link, a SPARQL target, a recursive shape, an unknown ``sh:``
parameter) makes it answer None, and the graph is then validated whole.

>>> from attackgraph.validate.shacl import default_shapes_path
>>> found = reach(Graph().parse(default_shapes_path()))
>>> len(found.reads), sorted(p.rsplit("#", 1)[-1] for p in found.reads[2])
(3, ['type'])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Final

from rdflib import Literal, URIRef, Variable
from rdflib.collection import Collection
from rdflib.graph import Graph
from rdflib.namespace import RDF, RDFS, SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from attackgraph.model import AttackgraphError

ALL: Final = "*"
"""In :attr:`Reach.reads`: every predicate (``sh:closed`` reads them all)."""
MAX_DEPTH: Final = 4
"""Deeper reads (or recursive shapes) are not bounded: the graph is validated whole."""

_VALUE_SHAPES: Final = (SH.node, SH["not"], SH.qualifiedValueShape, SH.property)
_LISTS: Final = (SH["or"], SH["and"], SH.xone)
_COMPARED: Final = (SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals)
_TARGETS: Final = (SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf)
_PLAIN: Final = frozenset(
    SH[name]
    for name in (
        "minCount maxCount datatype nodeKind pattern flags in hasValue minInclusive "
        "maxInclusive minExclusive maxExclusive minLength maxLength languageIn uniqueLang "
        "message severity deactivated name description order group defaultValue "
        "ignoredProperties qualifiedMinCount qualifiedMaxCount qualifiedValueShapesDisjoint "
        "closed class path sparql"
    ).split()
)
"""Parameters that read nothing beyond the nodes they are given (or are handled below)."""
_KNOWN: Final = _PLAIN | frozenset((*_VALUE_SHAPES, *_LISTS, *_COMPARED, *_TARGETS))


class _UnboundedError(AttackgraphError):
    """The shapes read something this analysis does not bound."""


@dataclass(frozen=True)
class Reach:
    """What the shapes read around a focus node, and what makes a node a focus."""

    reads: tuple[frozenset[str], ...]
    """``reads[d]``: IRIs of the predicates read on nodes ``d`` links away from a focus
    node (may hold :data:`ALL`); the last entry is the farthest read."""
    objects_targeted: frozenset[str]
    """Predicates of ``sh:targetObjectsOf``: their objects are focus nodes."""
    nodes_targeted: frozenset[Node]
    """The ``sh:targetNode`` values."""
    lexical: frozenset[str] | None = None
    """Predicates whose values the shapes may read as text or compare by order (a
    pattern, a length, ``sh:lessThan``, a bound, a SPARQL expression): renaming such a
    value could change a result. None when the shapes may read a focus node's own IRI
    as text, or it was not worked out: no renaming is safe (see :func:`lexical`)."""
    named: frozenset[str] = frozenset()
    """Every IRI the shapes graph names (classes, concepts of ``sh:in``, target nodes)."""

    def follows(self, depth: int) -> frozenset[str]:
        """The predicates whose objects are read ``depth + 1`` links away (none past the
        farthest read).

        >>> Reach((frozenset({"p"}), frozenset({"q"})), frozenset(), frozenset()).follows(0)
        frozenset({'p'})
        """
        return self.reads[depth] if depth + 1 < len(self.reads) else frozenset()


def reach(shapes: Graph) -> Reach | None:
    """The predicates the shapes read at each distance from a focus node, or None when
    they read something the analysis cannot bound (see the module's notes)."""
    reads: dict[int, set[str]] = {}
    try:
        if any(shapes.subjects(SH.target, None)):
            raise _UnboundedError("a SPARQL-based target")
        targeted = {s for p in _TARGETS for s in shapes.subjects(p, None)}
        seen: set[tuple[Node, int]] = set()
        for shape in sorted(targeted, key=str):
            _shape(shapes, shape, 0, reads, seen)
        nodes = frozenset(shapes.objects(None, SH.targetNode))
        if any(not isinstance(n, URIRef) for n in nodes):
            raise _UnboundedError("a target node that is not an IRI")
        objects = frozenset(str(_iri(p)) for p in shapes.objects(None, SH.targetObjectsOf))
    except _UnboundedError:
        return None
    farthest = max(reads, default=0)
    found = tuple(frozenset(reads.get(d, ())) for d in range(farthest + 1))
    named = frozenset(str(t) for triple in shapes for t in triple if isinstance(t, URIRef))
    return Reach(found, objects, nodes, lexical(shapes), named)


_LEXICAL: Final = tuple(
    SH[name]
    for name in (
        "pattern minLength maxLength languageIn uniqueLang lessThan lessThanOrEquals "
        "minInclusive maxInclusive minExclusive maxExclusive"
    ).split()
)
"""Parameters that read a value's text or order, not only which node it is."""


def lexical(shapes: Graph) -> frozenset[str] | None:
    """The predicates whose values some shape may read as text or compare by order, or
    None when a shape may read a focus node itself that way (or the query of a SPARQL
    constraint reads a node other than as the object of a triple pattern that way).

    Every other constraint the analysis bounds (counts, ``sh:in``, ``sh:hasValue``,
    ``sh:class``, ``sh:nodeKind``, ``sh:datatype``, ``sh:equals``, ``sh:disjoint``,
    ``sh:closed``, value shapes, and SPARQL patterns joined on their nodes) sees only
    which nodes are equal, which are IRIs, and the IRIs the shapes name: its results do
    not change when the data's other IRIs are renamed one-to-one. ``pieces`` validates
    one node of each class of nodes whose neighbourhoods are equal up to such a
    renaming, keeping the values of these predicates as they are.

    >>> from attackgraph.validate.shacl import default_shapes_path
    >>> found = lexical(Graph().parse(default_shapes_path()))
    >>> sorted(p.rsplit("#", 1)[-1] for p in found if "nif-core" in p)
    ['anchorOf', 'beginIndex', 'endIndex', 'isString']
    """
    found: set[str] = set()
    try:
        for parameter in _LEXICAL:
            for shape in set(shapes.subjects(parameter, None)):
                found.update(_valued_by(shapes, shape, set()))
                if parameter in (SH.lessThan, SH.lessThanOrEquals):
                    found.update(str(_iri(o)) for o in shapes.objects(shape, parameter))
        for constraint in set(shapes.objects(None, SH.sparql)):
            found.update(_sparql_lexical(shapes, constraint))
    except _UnboundedError:
        return None
    return frozenset(found)


def _valued_by(shapes: Graph, shape: Node, seen: set[Node]) -> Iterator[str]:
    """The predicates whose values ``shape`` applies to; raises when it may apply to a
    focus node (a targeted shape, or one nested in it without a path between)."""
    if shape in seen:
        return
    seen.add(shape)
    path = shapes.value(shape, SH.path)
    if path is not None:
        yield str(_iri(path))
        return
    targeted = any(True for p in _TARGETS for _ in shapes.objects(shape, p))
    if targeted or (shape, RDF.type, RDFS.Class) in shapes:  # an implicit class target
        raise _UnboundedError(f"{shape} reads its focus node's text")
    parents = [s for p in _VALUE_SHAPES for s in shapes.subjects(p, shape)]
    for listed in _LISTS:
        for head, parent in ((h, s) for s, h in shapes.subject_objects(listed)):
            if shape in Collection(shapes, head):
                parents.append(parent)
    if not parents:
        raise _UnboundedError(f"{shape} may be a focus node's shape")
    for parent in parents:
        yield from _valued_by(shapes, parent, seen)


def _select_query(shapes: Graph, constraint: Node) -> Query:
    """A SPARQL-based constraint's one ``sh:select``, parsed with the shapes' prefix
    declarations; raises when there is not exactly one or it does not parse."""
    selects = list(shapes.objects(constraint, SH.select))
    if len(selects) != 1:
        raise _UnboundedError(f"{constraint}: not one sh:select")
    prefixes = {
        str(shapes.value(d, SH.prefix)): str(shapes.value(d, SH.namespace))
        for d in shapes.objects(None, SH.declare)
    }
    try:
        return prepareQuery(str(selects[0]), initNs=prefixes)
    except Exception as error:  # noqa: BLE001 - any parse failure: not bounded
        raise _UnboundedError(f"{constraint}: {error}") from error


def _sparql_lexical(shapes: Graph, constraint: Node) -> Iterator[str]:
    """The predicates whose objects a constraint's query uses in an expression (a
    FILTER, a BIND: anything but joining on them); raises when it so uses ``$this`` or
    a variable bound as a subject or predicate."""
    query = _select_query(shapes, constraint)
    triples = list(_patterns(query.algebra))
    for variable in set(_expression_variables(query.algebra)):
        if variable == Variable("this"):
            raise _UnboundedError(f"{constraint}: $this in an expression")
        for s, p, o in triples:
            if variable in (s, p):
                raise _UnboundedError(f"{constraint}: {variable} in an expression")
            if o == variable:
                yield str(_iri(p))


_NOT_EXPRESSIONS: Final = frozenset({"triples", "_vars", "PV", "var"})
"""Keys of rdflib's query algebra whose variables are patterns or names, not values used."""


def _expression_variables(algebra: Any) -> Iterator[Variable]:
    """Every variable of a parsed query outside its triple patterns and projections."""
    if isinstance(algebra, Variable):
        yield algebra
    elif isinstance(algebra, CompValue):
        for key, value in algebra.items():
            if key not in _NOT_EXPRESSIONS:
                yield from _expression_variables(value)
    elif isinstance(algebra, Iterable) and not isinstance(algebra, str | Node):
        for item in algebra:
            yield from _expression_variables(item)


def _shape(
    shapes: Graph, shape: Node, depth: int, reads: dict[int, set[str]], seen: set[tuple[Node, int]]
) -> None:
    """Note what ``shape`` reads when applied to nodes ``depth`` links from the focus."""
    if (shape, depth) in seen:
        return
    if depth > MAX_DEPTH:
        raise _UnboundedError(f"{shape} reads deeper than {MAX_DEPTH} links")
    seen.add((shape, depth))
    for parameter in shapes.predicates(shape):
        if str(parameter).startswith(str(SH)) and parameter not in _KNOWN:
            raise _UnboundedError(f"{shape} uses {parameter}")
    here = reads.setdefault(depth, set())
    values = depth  # a node shape's parameters apply to the focus itself
    path = shapes.value(shape, SH.path)
    if path is not None:
        here.add(str(_iri(path)))
        here.update(str(_iri(other)) for p in _COMPARED for other in shapes.objects(shape, p))
        values = depth + 1
    elif any(True for p in _COMPARED for _ in shapes.objects(shape, p)):
        raise _UnboundedError(f"{shape}: a comparison without a path")
    if any(shapes.objects(shape, SH["class"])):
        reads.setdefault(values, set()).add(str(RDF.type))
    if any(o == Literal(True) for o in shapes.objects(shape, SH.closed)):
        reads.setdefault(values, set()).add(ALL)
    for value_shape in _VALUE_SHAPES:
        for inner in shapes.objects(shape, value_shape):
            _shape(shapes, inner, values, reads, seen)
    for listed in _LISTS:
        for head in shapes.objects(shape, listed):
            for inner in Collection(shapes, head):
                _shape(shapes, inner, values, reads, seen)
    for constraint in shapes.objects(shape, SH.sparql):
        if path is not None:
            raise _UnboundedError(f"{shape}: a SPARQL constraint on a property shape")
        for distance, predicate in _sparql_reads(shapes, constraint):
            reads.setdefault(depth + distance, set()).add(predicate)


def _iri(term: Node) -> URIRef:
    if not isinstance(term, URIRef):
        raise _UnboundedError(f"{term!r} is not an IRI (a path expression?)")
    return term


def _sparql_reads(shapes: Graph, constraint: Node) -> Iterator[tuple[int, str]]:
    """(links from ``$this``, predicate) of each triple pattern of a constraint's query."""
    if any(shapes.objects(constraint, SH.ask)):
        raise _UnboundedError(f"{constraint}: not one sh:select")
    query = _select_query(shapes, constraint)
    triples = list(_patterns(query.algebra))
    # every distance a variable is reached at from $this by outgoing links: its binding
    # comes through one such chain of the positive patterns, but a shorter chain may lie
    # in a NOT EXISTS or OPTIONAL that does not hold (?doc of agsh:claim-evidence-...)
    distances: dict[Node, set[int]] = {Variable("this"): {0}}
    frontier = [(Variable("this"), 0)]
    while frontier:
        node, depth = frontier.pop()
        for s, _, o in triples:
            if s == node and isinstance(o, Variable) and depth + 1 not in distances.get(o, ()):
                if depth + 1 > MAX_DEPTH:
                    raise _UnboundedError(f"{constraint}: reads deeper than {MAX_DEPTH} links")
                distances.setdefault(o, set()).add(depth + 1)
                frontier.append((o, depth + 1))
    for s, p, _ in triples:
        if s not in distances:
            raise _UnboundedError(f"{constraint}: a pattern not reached from $this: {s} {p}")
        for depth in sorted(distances[s]):
            yield depth, str(_iri(p))


def _patterns(algebra: Any) -> Iterator[tuple[Node, Node, Node]]:
    """Every triple pattern of a parsed query, in EXISTS filters too."""
    if isinstance(algebra, CompValue):
        if algebra.name in ("Graph", "GraphGraphPattern", "ServiceGraphPattern"):
            raise _UnboundedError(f"a {algebra.name} pattern")
        for key, value in algebra.items():
            if key == "triples":
                for triple in value:
                    s, p, o = triple
                    yield s, p, o
            else:
                yield from _patterns(value)
    elif isinstance(algebra, Iterable) and not isinstance(algebra, str | Node):
        for item in algebra:
            yield from _patterns(item)
