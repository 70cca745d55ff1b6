"""SHACL validation: graph + shapes -> report.

Checks a graph against ``shapes/attackgraph.shapes.ttl`` (no inference, no network) and
turns the SHACL results into :class:`Violation` values that say where in the source
documents the problem was read (see ``locate``). Two engines give the same results:
``turbo`` (pyshacl-turbo, Rust, the default: shapes compiled once per process, documents
fed as N-Triples text; the two span constraints that read a document's whole text run in
one pass in Python instead, see ``spans``) and ``pyshacl``, the reference the tests compare
it with, which runs the shapes file as written. A big graph goes to turbo in bounded
pieces whose results together are the whole graph's (``pieces``). Literals
are checked as written: files are parsed with pyoxigraph, since rdflib normalises some
ill-formed ones.

>>> report = Validator().validate(rdflib.Graph())
>>> report.conforms, report.format_text()
(True, 'conforms: 0 violations')
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Final, Literal

import pyoxigraph as ox
import pyshacl
import pyshacl_turbo
import rdflib
from pyshacl_turbo.rdf import Input as TurboInput
from rdflib import BNode, URIRef
from rdflib.graph import ConjunctiveGraph, Graph
from rdflib.namespace import SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Identifier, Node

from attackgraph.formats import JSONLD, READABLE
from attackgraph.model import AttackgraphError, InputError, OptionError, Problem
from attackgraph.validate.locate import Locator
from attackgraph.validate.pieces import Cut, Piece
from attackgraph.validate.reach import Reach, reach
from attackgraph.validate.report import Report, Violation, curie
from attackgraph.validate.spans import SpanCheck, SpanResult
from attackgraph.validate.terms import quiet_ill_typed, rdflib_term

Engine = Literal["turbo", "pyshacl"]
ENGINES: Final[tuple[Engine, ...]] = ("turbo", "pyshacl")

_ONE_LINE: Final = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t"})

_compile_turbo: Callable[..., Any] = pyshacl_turbo.compile_shapes  # untyped in the package

# a plain Namespace: rdflib's closed SH object warns under doctest collection
_SH = SH  # rdflib's closed SHACL namespace: a misspelt term raises

_FORMATS: Final = {f.extension: f.rdf for f in READABLE} | {".json": JSONLD.rdf}

PIECE_TRIPLES: Final = 20_000
"""A graph with more triples is validated in pieces owning about this many (see
``pieces``): the engine's cost grows faster than the graph."""

_Result = tuple[Graph, Node]
"""A SHACL result: the results graph and the result's node in it."""


def default_shapes_path() -> Path:
    """The shapes file shipped in the package (a symlink to ``shapes/`` in a checkout).

    >>> default_shapes_path().name
    'attackgraph.shapes.ttl'
    """
    return Path(str(files("attackgraph").joinpath("resources", "attackgraph.shapes.ttl")))


class ShapesError(AttackgraphError, RuntimeError):
    """A shapes graph the SHACL engine cannot evaluate (names the shapes file)."""


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
    """SHACL validation with the shapes parsed (and compiled) once, reused per graph.

    ``engine="turbo"`` (pyshacl-turbo) is the fast one; ``engine="pyshacl"`` is the
    reference implementation, kept to check the other against. ``extra`` shapes files
    are checked with ``shapes_path``'s (a project's own rules). With turbo, a graph of
    more than ``piece_triples`` triples is validated in pieces with the same results
    (see ``pieces``). Not thread-safe: use one per thread or process.

    Raises ``OSError`` when the shapes file cannot be read and rdflib's parser errors
    when it is not Turtle; :class:`ShapesError` for an ``extra`` file that cannot be read
    or parsed.
    """

    def __init__(
        self,
        shapes_path: Path | None = None,
        *,
        engine: Engine = "turbo",
        piece_triples: int = PIECE_TRIPLES,
        extra: tuple[Path, ...] = (),
    ) -> None:
        if engine not in ENGINES:
            raise ValueError(f"unknown SHACL engine {engine!r} (expected one of {ENGINES})")
        self.shapes_path = shapes_path or default_shapes_path()
        self.engine = engine
        self.extra = extra
        self._shapes = Graph().parse(data=self.shapes_path.read_bytes(), format="turtle")
        for path in extra:
            _add_shapes(self._shapes, path)
        bounded = reach(self._shapes)
        self.depth = len(bounded.reads) - 1 if bounded is not None else None
        """The most links the shapes read from a focus node; None: not bounded."""
        self._queries: dict[str, Query] = {}
        self._owner = {
            prop: shape
            for shape, prop in self._shapes.subject_objects(_SH.property)
            if isinstance(shape, URIRef)
        }
        self._compiled: Any = None
        self._spans: SpanCheck | None = None
        self._reach: Reach | None = None
        self.piece_triples = piece_triples
        if engine == "turbo":  # the span constraints in Python (linear), the rest compiled
            self._spans = SpanCheck(self._shapes)
            engine_shapes = self._spans.engine_shapes(self._shapes)
            self._compiled = _compile_turbo(engine_shapes, advanced=True)
            self._reach = reach(engine_shapes)

    def validate(self, data: Graph) -> Report:
        """Validate a graph, or the union of a dataset's graphs; ``data`` is not modified.

        Build literals with ``normalize=False`` (or use :meth:`validate_quads`): rdflib's
        default normalisation rewrites ``"2022-04-24T00:00:00"^^xsd:date`` into a valid
        date and so hides the error from the shapes.

        Raises :class:`ShapesError` when the engine cannot evaluate the shapes.
        """
        if not isinstance(data, ConjunctiveGraph):
            view = _QueryCachingGraph(self._queries, data.store, data.identifier)
            return self._run_rdflib(view, {})
        view, graph_names = _QueryCachingGraph(self._queries), defaultdict[Node, set[Node]](set)
        for s, p, o, g in data.quads((None, None, None, None)):
            view.add((s, p, o))
            name = g.identifier if isinstance(g, Graph) else g
            if name is not None:
                graph_names[s].add(name)
        return self._run_rdflib(view, graph_names)

    def validate_quads(self, quads: Iterable[ox.Quad | ox.Triple]) -> Report:
        """Validate pyoxigraph triples or quads (the union of their graphs), literals as written.

        Raises ``ValueError`` for RDF 1.2 triple terms, which SHACL cannot check, and
        :class:`ShapesError` when the engine cannot evaluate the shapes.

        >>> ex = ox.NamedNode("https://w3id.org/attackgraph/id/event/x")
        >>> a = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
        >>> attack = ox.NamedNode("https://w3id.org/attackgraph/ontology#Attack")
        >>> event = ox.NamedNode("https://w3id.org/attackgraph/ontology#Event")
        >>> quads = [ox.Quad(ex, a, attack), ox.Quad(ex, a, event)]
        >>> print(Validator().validate_quads(quads).format_text())
        focus event:x: path schema:name: event has no schema:name: give its name (exactly one)
            rule sh:MinCountConstraintComponent in agsh:EventShape
        does not conform: 1 violation
        """
        quads = list(quads)
        if self.engine == "pyshacl":
            view, graph_names = self._rdflib_view(quads)
            return self._run_rdflib(view, graph_names)
        for quad in quads:
            if isinstance(quad.subject, ox.Triple) or isinstance(quad.object, ox.Triple):
                raise ValueError(f"cannot validate {quad}: SHACL has no RDF 1.2 triple terms")
        # the span check first: what it builds is gone before the cut is made
        spans = self._spans.check_quads(quads) if self._spans is not None else []
        cut = Cut(quads, self._reach, self.piece_triples)
        return self._validate_cut(cut, spans, lambda: quads)

    def validate_lines(self, lines: Sequence[str]) -> Report:
        """:meth:`validate_quads` of the triples written as ``lines``: N-Triples lines
        without their line ends, each a different triple, no triple terms (what
        :func:`attackgraph.to_rdf.triple_lines` gives). The lines are cut into pieces as
        they are: no pyoxigraph term is made unless the graph breaks a shape (a long
        document's quads as objects took ~470 bytes each, issue 12).

        >>> e = "<https://w3id.org/attackgraph/id/event/x>"
        >>> t = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
        >>> line = f"{e} {t} <https://w3id.org/attackgraph/ontology#Attack> ."
        >>> print(Validator().validate_lines([line]).format_text().splitlines()[0])
        focus event:x: path rdf:type: attack or armed conflict is not also typed ag:Event: ...
        """
        if self.engine == "pyshacl":
            return self.validate_quads(_parsed_lines(lines))
        spans = self._spans.check_lines(lines) if self._spans is not None else []
        cut = Cut((), self._reach, self.piece_triples, lines=lines)
        return self._validate_cut(cut, spans, lambda: list(_parsed_lines(lines)))

    def _validate_cut(
        self,
        cut: Cut,
        spans: list[SpanResult],
        quads: Callable[[], Sequence[ox.Quad | ox.Triple]],
    ) -> Report:
        """The report of a graph cut into ``cut`` with the span check's ``spans``;
        ``quads`` gives its triples when a report has to be made of them."""
        if cut.whole is not None:
            if not spans and self._conforms(cut.whole[1]):
                return Report(True, ())  # most documents: no results graph to decode
            conforms, results = self._turbo(TurboInput(cut.whole[1], "nt", None, {}))
            found = _results(results)
        else:
            # one focus of each class of alike ones (Cut.alike), then the others of the
            # classes whose first focus has results
            classes = cut.alike()
            conforms, found = self._pieces(cut.pieces(classes))
            flagged = {str(_focus(r)) for r in found}
            rest = [n for first in classes if first in flagged for n in classes[first][1:]]
            if rest:
                more_conform, more = self._pieces(cut.pieces(rest))
                conforms, found = conforms and more_conform, found + more
        del cut
        if conforms and not spans:
            return Report(True, ())
        view, graph_names = self._rdflib_view(quads())
        return self._report(conforms, found, Locator(view, graph_names), spans)

    def _pieces(self, cut: list[Piece]) -> tuple[bool, list[_Result]]:
        """Whether the nodes the pieces own conform, and their results (a piece of
        several holds its owned nodes' neighbours without their own triples, so the
        engine finds results for them: those are dropped, and the native call is not
        asked first, which would validate such a piece twice)."""
        conforms, found = True, list[_Result]()
        for owned, text in cut:
            # pyshacl-turbo's own input value: plain text or bytes would go through rdflib
            # first (16.7 instead of 4.2 ms a document)
            piece_conforms, results = self._turbo(TurboInput(text, "nt", None, {}))
            if not piece_conforms or (None, _SH.result, None) in results:
                mine = [r for r in _results(results) if str(_focus(r)) in (owned or ())]
                conforms = conforms and not any(_is_violation(r) for r in mine)
                found += mine
        return conforms, found

    def validate_ntriples(self, text: str, foci: list[str] | None = None) -> Report:
        """:meth:`validate_quads` of the triples of N-Triples ``text``, each line a
        different triple; the engine reads the text as it is when the graph conforms (the
        common case: no terms parsed into Python objects) and ``SyntaxError`` when it is
        not N-Triples. With ``foci`` (IRIs), the caller keeps only the results about
        those nodes: the graph's other nodes (a neighbourhood's edge, whose own values
        are not in it) may break a shape without the whole graph's report being made.

        >>> e = "<https://w3id.org/attackgraph/id/event/x>"
        >>> t = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
        >>> text = f"{e} {t} <https://w3id.org/attackgraph/ontology#Attack> .\\n"
        >>> print(Validator().validate_ntriples(text).format_text().splitlines()[0])
        focus event:x: path rdf:type: attack or armed conflict is not also typed ag:Event: ...
        """
        if self._spans is not None and "<<" not in text and text.count("\n") <= self.piece_triples:
            if not self._spans.check_ntriples(text) and self._conforms(text, foci):
                return Report(True, ())
        return self.validate_quads(ox.parse(text, format=ox.RdfFormat.N_TRIPLES))

    def _rdflib_view(
        self, quads: Sequence[ox.Quad | ox.Triple]
    ) -> tuple[Graph, Mapping[Node, set[Node]]]:
        view, graph_names = _QueryCachingGraph(self._queries), defaultdict[Node, set[Node]](set)
        with quiet_ill_typed():
            for quad in quads:
                subject = rdflib_term(quad.subject)
                view.add((subject, rdflib_term(quad.predicate), rdflib_term(quad.object)))
                if isinstance(quad, ox.Quad) and isinstance(quad.graph_name, ox.NamedNode):
                    graph_names[subject].add(URIRef(quad.graph_name.value))
        return view, graph_names

    def _run_rdflib(self, view: Graph, graph_names: Mapping[Node, set[Node]]) -> Report:
        spans: list[SpanResult] = []
        if self.engine == "turbo":
            with quiet_ill_typed():
                conforms, results = self._turbo(view)
            spans = self._spans.check_graph(view) if self._spans is not None else []
        else:
            conforms, results = self._pyshacl(view)
        return self._report(conforms, _results(results), Locator(view, graph_names), spans)

    def _conforms(self, text: str, foci: list[str] | None = None) -> bool:
        """Whether N-Triples ``text`` conforms (results of any severity other than
        sh:Violation allowed, as in :meth:`_turbo`), from the compiled shapes' native call
        alone: the public one also decodes its results into an rdflib graph and binds the
        shapes' prefixes to it, a quarter of the engine's time on a document that
        conforms. With ``foci`` (IRIs), only whether those nodes conform to the shapes
        that target them (the engine's ``focus_nodes``). False when unsure (a recursion
        warning, or an installed pyshacl-turbo without that call): the caller then takes
        the public way."""
        native = getattr(self._compiled, "_native", None)
        if native is None:
            return False
        try:  # the arguments CompiledShapes.validate passes for _turbo's options
            found = native.validate(
                text, "nt", None, False, 100, 15, False, True, True, False, foci or [], [], []
            )
        except (RuntimeError, ValueError, TypeError):
            return False
        conforms, recursion_warnings = found[0], found[-1]
        return conforms is True and not recursion_warnings

    def _turbo(self, data: Any) -> tuple[bool, Graph]:
        try:
            conforms, results, text = self._compiled.validate(
                data, allow_infos=True, allow_warnings=True
            )
        except (RuntimeError, ValueError) as error:
            raise ShapesError(f"{self.shapes_path}: shapes cannot be evaluated: {error}") from error
        if not isinstance(results, Graph):
            raise ShapesError(f"{self.shapes_path}: shapes cannot be evaluated: {text}")
        return bool(conforms), results

    def _pyshacl(self, view: Graph) -> tuple[bool, Graph]:
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
            raise ShapesError(f"{self.shapes_path}: shapes cannot be evaluated: {text}")
        return bool(conforms), results

    def _report(
        self,
        conforms: bool,
        results: Iterable[_Result],
        locator: Locator,
        spans: Iterable[SpanResult] = (),
    ) -> Report:
        found = [self._violation(graph, r, locator) for graph, r in results]
        for r in spans:
            conforms = conforms and r.severity != _SH.Violation
            messages = sorted(r.messages)
            found.append(
                _located(r.focus, r.path, r.value, r.shape, r.rule, r.severity, messages, locator)
            )
        return Report(conforms, tuple(sorted(found, key=Violation.sort_key)))

    def _violation(self, results: Graph, result: Node, locator: Locator) -> Violation:
        def one(predicate: URIRef) -> Node | None:
            return min(results.objects(result, predicate), default=None, key=str)

        shape = one(_SH.sourceShape)
        if isinstance(shape, BNode):
            shape = self._owner.get(shape)
        rule = one(_SH.sourceConstraint)
        if not isinstance(rule, URIRef):
            rule = one(_SH.sourceConstraintComponent)
        messages = sorted(str(m) for m in results.objects(result, _SH.resultMessage))
        return _located(
            one(_SH.focusNode),
            one(_SH.resultPath),
            one(_SH.value),
            shape,
            rule,
            one(_SH.resultSeverity),
            messages,
            locator,
        )


def _add_shapes(shapes: Graph, path: Path) -> None:
    """Parse a Turtle shapes file into ``shapes``; :class:`ShapesError` names the file."""
    try:
        shapes.parse(data=path.read_bytes(), format="turtle")
    except Exception as error:  # noqa: BLE001 - OSError and rdflib's parser errors
        raise ShapesError(f"{path}: cannot read the shapes: {error}") from error


def _results(results: Graph) -> list[_Result]:
    return [(results, r) for r in results.objects(None, _SH.result)]


def _focus(result: _Result) -> Node | None:
    return min(result[0].objects(result[1], _SH.focusNode), default=None, key=str)


def _is_violation(result: _Result) -> bool:
    """Whether a result makes the graph not conform (severity sh:Violation, the default)."""
    severity = min(result[0].objects(result[1], _SH.resultSeverity), default=None, key=str)
    return severity is None or severity == _SH.Violation


def _located(
    focus: Node | None,
    path: Node | None,
    value: Node | None,
    shape: Node | None,
    rule: Node | None,
    severity: Node | None,
    messages: list[str],
    locator: Locator,
) -> Violation:
    """A result as a :class:`Violation`, with the file and line its focus was read from."""
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


@lru_cache(maxsize=1)
def _default_validator() -> Validator:
    return Validator()


@lru_cache(maxsize=1)
def shipped_validator() -> Validator:
    """The shipped shapes compiled once per process (about a CPU-second each time):
    the build's documents and its union check share it, and forked workers inherit it.

    >>> shipped_validator() is shipped_validator()
    True
    """
    return Validator()


def validate_file(path: Path, validator: Validator | None = None) -> Report:
    """Parse an RDF file (format by extension, ``.gz`` allowed) and validate it.

    Turtle, N-Triples, N-Quads, TriG and JSON-LD are parsed by pyoxigraph, which keeps
    every literal as written (rdflib's parsers normalise some) and never fetches a remote
    JSON-LD context. The union of all graphs is validated; named graphs (one per
    document) help locate results.

    Raises :class:`~attackgraph.errors.OptionError` for an unknown extension and
    :class:`~attackgraph.errors.InputError` when the file cannot be read (rule
    ``validate/unreadable``) or parsed (``validate/bad-rdf``).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = Path(tmp, "bad.ttl")
    ...     _ = p.write_text("<a> <b> .")
    ...     validate_file(p)
    Traceback (most recent call last):
    attackgraph.errors.InputError: ...bad.ttl:1: validate/bad-rdf: ...
    """
    name = path.name.removesuffix(".gz")
    rdf_format = _FORMATS.get(Path(name).suffix.lower())
    if rdf_format is None:
        raise OptionError(f"{path}: unknown RDF file extension (expected {', '.join(_FORMATS)})")
    try:
        raw = path.read_bytes()
        if name != path.name:
            raw = gzip.decompress(raw)
    except (OSError, EOFError) as error:
        raise InputError(Problem(str(path), 1, "validate/unreadable", str(error))) from error
    try:
        quads = list(ox.parse(raw, rdf_format, base_iri=path.resolve().as_uri()))
    except SyntaxError as e:
        message = f"cannot parse as {rdf_format.name}: {e.msg}"
        raise InputError(Problem(str(path), e.lineno or 0, "validate/bad-rdf", message)) from e
    return (validator or _default_validator()).validate_quads(quads)


def _parsed_lines(lines: Iterable[str], chunk: int = 65_536) -> Iterator[ox.Quad]:
    """The triples of N-Triples ``lines`` (without their line ends), parsed a chunk at a
    time."""
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) >= chunk:
            yield from ox.parse(("\n".join(batch) + "\n").encode(), format=ox.RdfFormat.N_TRIPLES)
            batch = []
    if batch:
        yield from ox.parse(("\n".join(batch) + "\n").encode(), format=ox.RdfFormat.N_TRIPLES)
