"""SHACL validation: graph + shapes -> report.

Checks a graph against ``shapes/attackgraph.shapes.ttl`` with pyshacl (no inference, in
place, no network) and turns the SHACL results into :class:`Violation` values that say
where in the source documents the problem was read: a span's own line, a claim's first
evidence span, a figure's claim, and for events, actors, places and sides the claims that
mention them, else the document whose named graph holds them. Literals are checked as
written: files are parsed with pyoxigraph, since rdflib normalises some ill-formed ones.

>>> report = Validator().validate(rdflib.Graph())
>>> report.conforms, report.format_text()
(True, 'conforms: 0 violations')
"""

from __future__ import annotations

import gzip
import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Final

import pyoxigraph as ox
import pyshacl
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.graph import ConjunctiveGraph, Graph
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Identifier, Node

from attackgraph.identifiers import prefixes_for
from attackgraph.model import InputError, Problem
from attackgraph.namespaces import SH_NS, XSD_NS
from attackgraph.validate.locate import Locator

SHAPES_NS: Final = "https://w3id.org/attackgraph/shapes#"
"""Namespace of the shapes and of the SPARQL constraints' rule IRIs (``agsh:``)."""

_CURIES: Final = sorted(
    {**prefixes_for(), "sh": SH_NS, "agsh": SHAPES_NS}.items(), key=lambda kv: -len(kv[1])
)
_SEVERITIES: Final = ("violation", "warning", "info")
_MAX_VALUE_TEXT: Final = 120
_ONE_LINE: Final = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t"})

# plain Namespaces: rdflib's closed SH/XSD objects warn under doctest collection
_SH, _XSD = map(rdflib.Namespace, (SH_NS, XSD_NS))

_FORMATS: Final = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
}


@dataclass(frozen=True)
class Violation:
    """One SHACL result, with the source document and line it traces back to."""

    focus: str
    path: str | None
    message: str
    severity: str
    """``violation``, ``warning`` or ``info``."""
    value: str | None
    shape: str | None
    """The named shape that reported it (``agsh:ClaimShape``)."""
    source_file: str | None
    """The document the focus node came from, when known."""
    line: int | None
    """1-based line in that document, when known."""
    constraint: str | None = None
    """The rule: a SPARQL constraint's IRI (``agsh:span-anchor-matches-text``), else the
    SHACL constraint component (``sh:MinCountConstraintComponent``)."""

    def sort_key(self) -> tuple[Any, ...]:
        return (
            self.source_file is None,
            self.source_file or "",
            self.line is None,
            self.line or 0,
            self.focus,
            self.path or "",
            self.constraint or "",
            self.value or "",
            self.message,
        )

    def format_text(self) -> str:
        """``file:line: focus ...: path ...: message (value: ...)`` and a rule line.

        >>> v = Violation("id:claim/d-1", "ag:evidence", "no evidence", "violation", None,
        ...     "agsh:ClaimShape", "d.txt", 4, "sh:MinCountConstraintComponent")
        >>> print(v.format_text())
        d.txt:4: focus id:claim/d-1: path ag:evidence: no evidence
            rule sh:MinCountConstraintComponent in agsh:ClaimShape
        """
        where = "" if self.source_file is None else f"{self.source_file}:"
        where += "" if self.line is None else f"{self.line}:"
        head = f"{where} focus {self.focus}: ".lstrip()
        head += "" if self.path is None else f"path {self.path}: "
        head += ("" if self.severity == "violation" else f"{self.severity}: ") + self.message
        if self.value is not None and self.value != self.focus:
            value = self.value
            if len(value) > _MAX_VALUE_TEXT:
                value = value[: _MAX_VALUE_TEXT - 1] + "…"
            head += f" (value: {value})"
        return (
            head
            + f"\n    rule {self.constraint or '?'}"
            + (f" in {self.shape}" if self.shape else "")
        )


@dataclass(frozen=True)
class Report:
    """Whether a graph conforms, and every result, sorted by document, line and focus."""

    conforms: bool
    violations: tuple[Violation, ...]

    def format_text(self) -> str:
        """One block per result, then a count line.

        >>> Report(True, ()).format_text()
        'conforms: 0 violations'
        """
        counts = [(sum(v.severity == s for v in self.violations), s) for s in _SEVERITIES]
        tail = ", ".join(
            f"{n} {s}{'' if n == 1 else 's'}" for n, s in counts if n or s == "violation"
        )
        verdict = "conforms: " if self.conforms else "does not conform: "
        return "\n".join([*(v.format_text() for v in self.violations), verdict + tail])

    def to_json(self) -> str:
        """The report as JSON with a stable key order (the dataclass field order).

        >>> print(Report(True, ()).to_json())
        {
          "conforms": true,
          "violations": []
        }
        """
        body = {"conforms": self.conforms, "violations": [asdict(v) for v in self.violations]}
        return json.dumps(body, indent=2, ensure_ascii=False)


def curie(term: Node) -> str:
    """A compact, deterministic name for a term, with the project's fixed prefixes.

    >>> curie(URIRef("https://w3id.org/attackgraph/id/claim/doc-1"))
    'claim:doc-1'
    >>> curie(Literal("2022-02-30", datatype=_XSD.date))
    '"2022-02-30"^^xsd:date'
    >>> curie(Literal(15)), curie(URIRef("urn:x"))
    ('15', '<urn:x>')
    """
    if isinstance(term, Literal):
        text = json.dumps(str(term), ensure_ascii=False)
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is None or term.datatype == _XSD.string:
            return text
        if term.datatype == _XSD.integer and not term.ill_typed:
            return str(term)
        return f"{text}^^{curie(term.datatype)}"
    if isinstance(term, BNode):
        return "[]"  # labels differ from parse to parse; the graph should have none
    iri = str(term)
    for prefix, namespace in _CURIES:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"


def default_shapes_path() -> Path:
    """The shapes file shipped in the package (a symlink to ``shapes/`` in a checkout).

    >>> default_shapes_path().name
    'attackgraph.shapes.ttl'
    """
    return Path(str(files("attackgraph").joinpath("resources", "attackgraph.shapes.ttl")))


class _QueryCachingGraph(Graph):
    """A view of a store whose ``query`` reuses parsed SPARQL.

    pyshacl hands every SPARQL constraint to ``Graph.query`` as text once per focus node,
    and rdflib parses it every time (~17 ms each, most of the validation time); the text
    is the same for every focus node, only the bindings change, so parse it once.
    """

    def __init__(
        self, cache: dict[str, Query], store: Any = "default", identifier: Any = None
    ) -> None:
        super().__init__(store=store, identifier=identifier)
        self._cache = cache

    def query(
        self,
        query_object: str | Query,
        processor: Any = "sparql",
        result: Any = "sparql",
        initNs: Mapping[str, Any] | None = None,  # noqa: N803 (rdflib's name)
        initBindings: Mapping[str, Identifier] | None = None,  # noqa: N803
        use_store_provided: bool = True,
        **kwargs: Any,
    ) -> rdflib.query.Result:
        if isinstance(query_object, str):
            prepared = self._cache.get(query_object)
            if prepared is None:
                prepared = self._cache[query_object] = prepareQuery(query_object)
            query_object = prepared
        return super().query(
            query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs
        )


class Validator:
    """SHACL validation with the shapes (and their SPARQL) parsed once, reused per graph.

    Not thread-safe: use one per thread or process.

    Raises ``OSError`` when the shapes file cannot be read and rdflib's parser errors
    when it is not Turtle.
    """

    def __init__(self, shapes_path: Path | None = None) -> None:
        self.shapes_path = shapes_path or default_shapes_path()
        self._shapes = Graph().parse(data=self.shapes_path.read_bytes(), format="turtle")
        self._queries: dict[str, Query] = {}
        self._owner = {
            prop: shape
            for shape, prop in self._shapes.subject_objects(_SH.property)
            if isinstance(shape, URIRef)
        }

    def validate(self, data: Graph) -> Report:
        """Validate a graph, or the union of a dataset's graphs; ``data`` is not modified.

        Build literals with ``normalize=False`` (or use :meth:`validate_quads`): rdflib's
        default normalisation rewrites ``"2022-04-24T00:00:00"^^xsd:date`` into a valid
        date and so hides the error from the shapes.

        Raises ``RuntimeError`` when pyshacl cannot evaluate the shapes.
        """
        if not isinstance(data, ConjunctiveGraph):
            return self._run(_QueryCachingGraph(self._queries, data.store, data.identifier), {})
        view, graph_names = _QueryCachingGraph(self._queries), defaultdict[Node, set[Node]](set)
        for s, p, o, g in data.quads((None, None, None, None)):
            view.add((s, p, o))
            name = g.identifier if isinstance(g, Graph) else g
            if name is not None:
                graph_names[s].add(name)
        return self._run(view, graph_names)

    def validate_quads(self, quads: Iterable[ox.Quad | ox.Triple]) -> Report:
        """Validate pyoxigraph triples or quads (the union of their graphs), literals as written.

        Raises ``ValueError`` for RDF 1.2 triple terms, which pyshacl cannot check, and
        ``RuntimeError`` when pyshacl cannot evaluate the shapes.

        >>> ex = ox.NamedNode("https://w3id.org/attackgraph/id/event/x")
        >>> a = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
        >>> attack = ox.NamedNode("https://w3id.org/attackgraph/ontology#Attack")
        >>> print(Validator().validate_quads([ox.Quad(ex, a, attack)]).format_text())
        focus event:x: path schema:name: event has no schema:name: give its name (exactly one)
            rule sh:MinCountConstraintComponent in agsh:EventShape
        does not conform: 1 violation
        """
        view, graph_names = _QueryCachingGraph(self._queries), defaultdict[Node, set[Node]](set)
        rdflib_term_log = logging.getLogger("rdflib.term")
        rdflib_term_log.addFilter(_quiet_ill_typed)  # the report says it, with file:line
        try:
            for quad in quads:
                subject = rdflib_term(quad.subject)
                view.add((subject, rdflib_term(quad.predicate), rdflib_term(quad.object)))
                if isinstance(quad, ox.Quad) and isinstance(quad.graph_name, ox.NamedNode):
                    graph_names[subject].add(URIRef(quad.graph_name.value))
        finally:
            rdflib_term_log.removeFilter(_quiet_ill_typed)
        return self._run(view, graph_names)

    def _run(self, view: Graph, graph_names: Mapping[Node, set[Node]]) -> Report:
        conforms, results, text = pyshacl.validate(
            view,
            shacl_graph=self._shapes,
            inference="none",
            inplace=True,
            advanced=True,
            allow_infos=True,
            allow_warnings=True,
        )
        if not isinstance(results, Graph):
            raise RuntimeError(f"{self.shapes_path}: shapes cannot be evaluated: {text}")
        locator = Locator(view, graph_names)
        found = [self._violation(results, r, locator) for r in results.objects(None, _SH.result)]
        return Report(bool(conforms), tuple(sorted(found, key=Violation.sort_key)))

    def _violation(self, results: Graph, result: Node, locator: Locator) -> Violation:
        def one(predicate: URIRef) -> Node | None:
            return min(results.objects(result, predicate), default=None, key=str)

        focus, path, value = one(_SH.focusNode), one(_SH.resultPath), one(_SH["value"])
        shape = one(_SH.sourceShape)
        if isinstance(shape, BNode):
            shape = self._owner.get(shape)
        rule = one(_SH.sourceConstraint)
        if not isinstance(rule, URIRef):
            rule = one(_SH.sourceConstraintComponent)
        severity = one(_SH.resultSeverity)
        messages = sorted(str(m) for m in results.objects(result, _SH.resultMessage))
        source_file, line = locator.locate(focus) if focus is not None else (None, None)
        return Violation(
            focus=curie(focus) if focus is not None else "?",
            path=curie(path) if path is not None else None,
            message="; ".join(messages).translate(_ONE_LINE) or "(no message)",
            severity=str(severity).rsplit("#", 1)[-1].lower() if severity else "violation",
            value=curie(value) if value is not None else None,
            shape=curie(shape) if shape is not None else None,
            source_file=source_file,
            line=line,
            constraint=curie(rule) if rule is not None else None,
        )


def _quiet_ill_typed(record: logging.LogRecord) -> bool:
    """Drop rdflib's warning-with-traceback for each ill-typed literal it is given."""
    return not record.getMessage().startswith("Failed to convert Literal lexical form")


def rdflib_term(term: Any) -> Node:
    """A pyoxigraph term as an rdflib one, literals kept exactly as written."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language, normalize=False)
        if term.datatype.value == str(_XSD.string):
            return Literal(term.value, normalize=False)
        return Literal(term.value, datatype=URIRef(term.datatype.value), normalize=False)
    raise ValueError(f"cannot validate {term}: pyshacl has no RDF 1.2 triple terms")


def rdflib_graph(quads: Iterable[ox.Quad | ox.Triple]) -> Graph:
    """The triples of ``quads`` (all graphs merged) as an rdflib graph, literals as written.

    >>> g = rdflib_graph([ox.Triple(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"),
    ...                             ox.Literal("x"))])
    >>> len(g), next(iter(g))[2] == Literal("x")
    (1, True)
    """
    graph = Graph()
    for quad in quads:
        graph.add(
            (rdflib_term(quad.subject), rdflib_term(quad.predicate), rdflib_term(quad.object))
        )
    return graph


@lru_cache(maxsize=1)
def _default_validator() -> Validator:
    return Validator()


def validate_file(path: Path, validator: Validator | None = None) -> Report:
    """Parse an RDF file (format by extension, ``.gz`` allowed) and validate it.

    Turtle, N-Triples, N-Quads, TriG and JSON-LD are parsed by pyoxigraph, which keeps
    every literal as written (rdflib's parsers normalise some) and never fetches a remote
    JSON-LD context. The union of all graphs is validated; named graphs (one per
    document) help locate results.

    Raises ``OSError`` when the file cannot be read, ``ValueError`` for an unknown
    extension, and :class:`~attackgraph.model.InputError` (rule ``validate/bad-rdf``)
    when it cannot be parsed.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = Path(tmp, "bad.ttl")
    ...     _ = p.write_text("<a> <b> .")
    ...     validate_file(p)
    Traceback (most recent call last):
    attackgraph.model.InputError: ...bad.ttl:1: validate/bad-rdf: ...
    """
    name = path.name.removesuffix(".gz")
    rdf_format = _FORMATS.get(Path(name).suffix.lower())
    if rdf_format is None:
        raise ValueError(f"{path}: unknown RDF file extension (expected {', '.join(_FORMATS)})")
    raw = path.read_bytes()
    if name != path.name:
        raw = gzip.decompress(raw)
    try:
        quads = list(ox.parse(raw, rdf_format, base_iri=path.resolve().as_uri()))
    except SyntaxError as e:
        message = f"cannot parse as {rdf_format.name}: {e.msg}"
        raise InputError(Problem(str(path), e.lineno or 0, "validate/bad-rdf", message)) from e
    return (validator or _default_validator()).validate_quads(quads)
