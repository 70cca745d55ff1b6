"""The span constraints in one pass over the data, not one walk of the text per span.

Two SHACL-SPARQL constraints of ``agsh:TextSpanShape`` read a span's whole document
text: ``agsh:span-anchor-matches-text`` (``SUBSTR(?text, ?begin + 1, ?end - ?begin)``)
and ``agsh:span-within-text`` (``STRLEN(?text)``). An engine runs them once per span, and
each call walks the text from its start to count code points, so a document of n
characters with m spans costs n·m (a 5 MB document: 261 of its 268 CPU seconds in
pyshacl-turbo). :class:`SpanCheck` answers both queries itself, with the semantics
pyshacl (rdflib's SPARQL) gives them, from one index of the data: a Python string is
indexed by code point, so each span costs its own length. The engine gets the shapes
without them (:meth:`SpanCheck.engine_shapes`).

A constraint is taken over only when the shapes state the query this module implements
(:data:`QUERIES`: the SHA-256 of each query, whitespace collapsed) on a shape that
targets classes only; any other query stays with the engine. ``tests/test_span_check.py``
requires the same results as pyshacl running the original constraints, on the shape
fixtures and on documents with planted span errors.

>>> from attackgraph.validate import curie, default_shapes_path
>>> check = SpanCheck(Graph().parse(default_shapes_path(), format="turtle"))
>>> sorted(curie(rule) for rule in check.rules)
['agsh:span-anchor-matches-text', 'agsh:span-within-text']
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.graph import Graph
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from attackgraph.namespaces import NIF_NS, RDF_NS, XSD_NS
from attackgraph.validate.report import SHAPES_NS

ANCHOR_RULE: Final = URIRef(SHAPES_NS + "span-anchor-matches-text")
WITHIN_RULE: Final = URIRef(SHAPES_NS + "span-within-text")
QUERIES: Final = {
    ANCHOR_RULE: "e795ce8d38417f544628173509ad21fe37116ba574adf74feaba81b66cbcfd1c",
    WITHIN_RULE: "aaf21be76bf47498f30a6033450d7656741b14704d7dda4b57a267b0768e0f1e",
}
"""SHA-256 of the ``sh:select`` each rule implements (whitespace collapsed to one space)."""

_INTEGER: Final = re.compile("^[+-]?[0-9]+$")  # the queries' REGEX, as rdflib runs it
_XSD_STRING, _XSD_INTEGER = XSD_NS + "string", XSD_NS + "integer"
_LANG_STRING: Final = RDF_NS + "langString"
_CONTEXT, _BEGIN, _END = (NIF_NS + n for n in ("referenceContext", "beginIndex", "endIndex"))
_ANCHOR, _TEXT = NIF_NS + "anchorOf", NIF_NS + "isString"
_TYPE, _SUBCLASS = str(RDF.type), str(RDFS.subClassOf)
_READ: Final = frozenset((_CONTEXT, _BEGIN, _END, _ANCHOR, _TEXT, _TYPE, _SUBCLASS))
_READ_LINES: Final = re.compile(
    "^[^ \n]+ <(?:" + "|".join(re.escape(p) for p in sorted(_READ)) + ")> .*$", re.MULTILINE
)
"""The N-Triples lines of the predicates the queries read."""
_TARGETS: Final = frozenset(
    (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target, SH.path)
)

Term = tuple[str, ...]
"""A term as plain values: ``("I", iri)``, ``("B", label)`` or
``("L", lexical, datatype, language)``, whichever library it came from."""


@dataclass(frozen=True)
class SpanResult:
    """One result of a span constraint, as the engine would report it."""

    rule: URIRef
    shape: URIRef
    severity: URIRef
    focus: Node
    path: URIRef
    value: Node
    messages: tuple[str, ...]


@dataclass(frozen=True)
class _Rule:
    iri: URIRef
    shape: URIRef
    severity: URIRef
    classes: tuple[str, ...]
    messages: tuple[str, ...]


class SpanCheck:
    """The span constraints of a shapes graph, evaluated on the data in one pass."""

    def __init__(self, shapes: Graph) -> None:
        self._rules = tuple(_rules(shapes))
        self.rules = frozenset(rule.iri for rule in self._rules)

    def engine_shapes(self, shapes: Graph) -> Graph:
        """``shapes`` less the constraints this check evaluates (a copy)."""
        kept = Graph()
        for prefix, namespace in shapes.namespaces():
            kept.bind(prefix, namespace)
        for triple in shapes:
            if not (triple[1] == SH.sparql and triple[2] in self.rules):
                kept.add(triple)
        return kept

    def check_quads(self, quads: Iterable[ox.Quad | ox.Triple]) -> list[SpanResult]:
        """The results on pyoxigraph triples or quads (their graphs merged)."""
        if not self._rules:
            return []
        index = _Index()
        for quad in quads:
            predicate = quad.predicate.value
            if predicate in _READ:
                index.add(_ox(quad.subject), predicate, _ox(quad.object))
        return self._check(index)

    def check_ntriples(self, text: str) -> list[SpanResult]:
        """The results on N-Triples ``text`` (no triple terms): only its lines of the
        predicates the queries read are parsed."""
        if not self._rules:
            return []
        lines = _READ_LINES.findall(text)
        data = "\n".join(lines) + "\n" if lines else ""
        return self.check_quads(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))

    def check_lines(self, lines: Iterable[str]) -> list[SpanResult]:
        """:meth:`check_ntriples` of the text of N-Triples ``lines`` (without their line
        ends): the lines of the predicates the queries read, parsed a chunk at a time.

        >>> s = "<http://e/s>"
        >>> SpanCheck(Graph()).check_lines([f"{s} <http://e/p> {s} ."])
        []
        """
        if not self._rules:
            return []
        index = _Index()
        read = [line for line in lines if line.split(" ", 2)[1][1:-1] in _READ]
        for start in range(0, len(read), 65_536):
            data = "\n".join(read[start : start + 65_536]) + "\n"
            for quad in ox.parse(data.encode(), format=ox.RdfFormat.N_TRIPLES):
                predicate = quad.predicate.value
                index.add(_ox(quad.subject), predicate, _ox(quad.object))
        return self._check(index)

    def check_graph(self, graph: Graph) -> list[SpanResult]:
        """The results on an rdflib graph."""
        if not self._rules:
            return []
        index = _Index()
        for predicate in _READ:
            for s, _, o in graph.triples((None, URIRef(predicate), None)):
                index.add(_rdflib(s), predicate, _rdflib(o))
        return self._check(index)

    def _check(self, index: _Index) -> list[SpanResult]:
        found: list[SpanResult] = []
        for rule in self._rules:
            evaluate = _anchor_rows if rule.iri == ANCHOR_RULE else _within_rows
            for focus in sorted(index.instances(rule.classes)):
                rows = set(evaluate(index, focus))
                for path, value, bindings in sorted(rows):
                    messages = tuple(
                        _format(m, (*bindings, ("this", focus), ("path", path), ("value", value)))
                        for m in rule.messages
                    )
                    found.append(
                        SpanResult(
                            rule.iri,
                            rule.shape,
                            rule.severity,
                            _node(focus),
                            URIRef(path[1]),
                            _node(value),
                            messages,
                        )
                    )
        return found


_Row = tuple[Term, Term, tuple[tuple[str, Term], ...]]


class _Index:
    """The data's triples of the predicates the queries read: subject -> predicate ->
    objects (a set: the data is a graph)."""

    def __init__(self) -> None:
        self.out: dict[Term, dict[str, set[Term]]] = {}

    def add(self, subject: Term, predicate: str, obj: Term) -> None:
        self.out.setdefault(subject, {}).setdefault(predicate, set()).add(obj)

    def objects(self, subject: Term, predicate: str) -> set[Term]:
        return self.out.get(subject, {}).get(predicate, set())

    def instances(self, classes: Iterable[str]) -> set[Term]:
        """SHACL's class targets: nodes typed a class or, transitively, a subclass."""
        wanted: set[Term] = {("I", c) for c in classes}
        changed = True
        while changed:  # rdfs:subClassOf* in the data graph
            subclasses = {
                s for s, ps in self.out.items() if ps.get(_SUBCLASS, set()) & wanted
            } - wanted
            wanted |= subclasses
            changed = bool(subclasses)
        return {s for s, ps in self.out.items() if ps.get(_TYPE, set()) & wanted}


def _anchor_rows(index: _Index, span: Term) -> Iterable[_Row]:
    """``agsh:span-anchor-matches-text``: SUBSTR of the text differs from the anchor."""
    for doc in index.objects(span, _CONTEXT):
        for text in index.objects(doc, _TEXT):
            if not _is_string(text):
                continue  # STRLEN raises: the filter fails
            for begin in index.objects(span, _BEGIN):
                b = _offset(begin)
                for end in index.objects(span, _END):
                    e = _offset(end)
                    if b is None or e is None or not 0 <= b < e <= len(text[1]):
                        continue
                    found = ("L", text[1][b:e], text[2], text[3])
                    for value in index.objects(span, _ANCHOR):
                        if _str(value) != found[1]:
                            bindings = (("begin", begin), ("end", end), ("found", found))
                            yield ("I", _ANCHOR), value, bindings


def _within_rows(index: _Index, span: Term) -> Iterable[_Row]:
    """``agsh:span-within-text``: the end offset is past the text's length."""
    for doc in index.objects(span, _CONTEXT):
        for text in index.objects(doc, _TEXT):
            if not _is_string(text):
                continue  # STRLEN raises: ?length is unbound and the filter fails
            length = len(text[1])
            for end in index.objects(span, _END):
                e = _offset(end)
                if e is not None and e > length:
                    bound = ("L", str(length), _XSD_INTEGER, "")
                    yield ("I", _END), end, (("length", bound),)


def _offset(term: Term) -> int | None:
    """An offset the queries compare: a well-formed ``xsd:integer`` (their inner FILTER)."""
    if term[0] != "L" or term[2] != _XSD_INTEGER or not _INTEGER.search(term[1]):
        return None
    try:
        return int(term[1])
    except ValueError:  # more digits than Python converts
        return None


def _is_string(term: Term) -> bool:
    """What SPARQL's string functions accept: a plain or language-tagged literal."""
    return term[0] == "L" and term[2] in (_XSD_STRING, _LANG_STRING)


def _str(term: Term) -> str:
    """SPARQL ``STR`` as rdflib runs it (a blank node gives its label)."""
    return term[1]


def _format(template: str, bindings: Iterable[tuple[str, Term]]) -> str:
    """pyshacl's ``{?name}`` substitution, in its order (the query's variables, then
    this, path, value), each value inserted as text."""
    for name, term in bindings:
        literal = _str(term).replace("\\", "\\\\")  # inserted as is, no escapes
        template = re.sub("{[?$]" + name + "}", literal, template)
    return template


def _ox(term: Any) -> Term:
    if isinstance(term, ox.NamedNode):
        return ("I", term.value)
    if isinstance(term, ox.BlankNode):
        return ("B", term.value)
    if isinstance(term, ox.Literal):
        return ("L", term.value, term.datatype.value, (term.language or "").lower())
    return ("T", str(term))  # an RDF 1.2 triple term: matches nothing


def _rdflib(term: Node) -> Term:
    if isinstance(term, Literal):
        if term.language:
            return ("L", str(term), _LANG_STRING, term.language.lower())
        return ("L", str(term), str(term.datatype or _XSD_STRING), "")
    if isinstance(term, BNode):
        return ("B", str(term))
    return ("I", str(term))


def _node(term: Term) -> Node:
    if term[0] == "I":
        return URIRef(term[1])
    if term[0] == "B":
        return BNode(term[1])
    if term[3]:
        return Literal(term[1], lang=term[3], normalize=False)
    if term[2] == _XSD_STRING:
        return Literal(term[1], normalize=False)
    return Literal(term[1], datatype=URIRef(term[2]), normalize=False)


def _rules(shapes: Graph) -> Iterable[_Rule]:
    """The implemented constraints the shapes state, on shapes that target classes only."""
    for shape, _, iri in sorted(shapes.triples((None, SH.sparql, None))):
        if not isinstance(iri, URIRef) or iri not in QUERIES or not isinstance(shape, URIRef):
            continue
        selects = [str(q) for q in shapes.objects(iri, SH.select)]
        if len(selects) != 1 or _digest(selects[0]) != QUERIES[iri]:
            continue
        if any(shapes.objects(iri, SH.deactivated)) or any(shapes.objects(shape, SH.deactivated)):
            continue
        targets = {p for p in shapes.predicates(shape) if p in _TARGETS}
        if targets != {SH.targetClass} or (shape, RDF.type, RDFS.Class) in shapes:
            continue  # other targets, or a property shape: left to the engine
        classes = sorted(str(c) for c in shapes.objects(shape, SH.targetClass))
        severity = next(shapes.objects(shape, SH.severity), SH.Violation)
        messages = {str(m) for m in shapes.objects(iri, SH.message)}
        messages |= {str(m) for m in shapes.objects(shape, SH.message)}
        yield _Rule(iri, shape, URIRef(str(severity)), tuple(classes), tuple(sorted(messages)))


def _digest(query: str) -> str:
    return hashlib.sha256(" ".join(query.split()).encode("utf-8")).hexdigest()
