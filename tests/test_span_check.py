"""The span constraints evaluated in Python (validate/spans.py) give pyshacl's results.

pyshacl runs the shapes file as written (the SPARQL constraints
``agsh:span-anchor-matches-text`` and ``agsh:span-within-text``); the build's validator
runs pyshacl-turbo on the shapes without them plus :class:`SpanCheck`. On every shape
fixture and on generated documents with planted span faults the span results must be
equal, violation for violation (focus, path, value, message, located line), and so must
the whole reports (less the known gap of ``test_shacl_engines``).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.namespace import SH
from test_shacl_engines import FIXTURES, _load_generator, _without_known_gap

from attackgraph.pipeline import BuildOptions, Converter
from attackgraph.validate import Report, Validator, default_shapes_path, validate_file
from attackgraph.validate.spans import ANCHOR_RULE, WITHIN_RULE, SpanCheck

RULES = {"agsh:span-anchor-matches-text", "agsh:span-within-text"}
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
AG = "https://w3id.org/attackgraph/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SUBCLASS = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
INTEGER = ox.NamedNode(XSD + "integer")


@pytest.fixture(scope="module")
def turbo() -> Validator:
    return Validator(engine="turbo")


@pytest.fixture(scope="module")
def reference() -> Validator:
    return Validator(engine="pyshacl")


def _spans(report: Report) -> list[str]:
    return [v.format_text() for v in report.violations if v.constraint in RULES]


def _assert_same(quads: list[ox.Quad], turbo: Validator, reference: Validator, label: str) -> int:
    """The span results are equal; so are the whole reports, unless an offset's lexical
    form ends in a newline (the engines' sh:datatype differ there: rdflib reads "5\\n" as
    the integer 5, pyshacl-turbo as ill-typed; not a span constraint)."""
    ours, theirs = turbo.validate_quads(quads), reference.validate_quads(quads)
    assert _spans(ours) == _spans(theirs), f"{label}\n" + "\n".join(
        ["ours:", *_spans(ours), "pyshacl:", *_spans(theirs)]
    )
    if not any(
        isinstance(q.object, ox.Literal) and q.object.value.endswith("\n")
        for q in quads
        if q.predicate.value.startswith(NIF) and q.predicate.value.endswith("Index")
    ):
        assert _without_known_gap(ours, theirs) == theirs, (
            f"{label}\n{ours.format_text()}\n---\n{theirs.format_text()}"
        )
    return len(_spans(ours))


def test_the_shipped_span_constraints_are_evaluated_in_python() -> None:
    shapes = Graph().parse(default_shapes_path(), format="turtle")
    check = SpanCheck(shapes)
    assert check.rules == {ANCHOR_RULE, WITHIN_RULE}
    left = check.engine_shapes(shapes)
    assert not {o for o in left.objects(None, SH.sparql)} & check.rules
    assert len(shapes) - len(left) == 2  # only the two sh:sparql links


def test_a_changed_query_stays_with_the_engine() -> None:
    shapes = Graph().parse(default_shapes_path(), format="turtle")
    select = shapes.value(ANCHOR_RULE, SH.select)
    shapes.set((ANCHOR_RULE, SH.select, type(select)(str(select).replace("!=", "="))))
    check = SpanCheck(shapes)
    assert check.rules == {WITHIN_RULE}
    assert (None, SH.sparql, ANCHOR_RULE) in check.engine_shapes(shapes)


@pytest.mark.parametrize("path", FIXTURES, ids=[f"{p.parent.name}/{p.stem}" for p in FIXTURES])
def test_span_results_equal_pyshacl_on_fixture(
    path: Path, turbo: Validator, reference: Validator
) -> None:
    ours, theirs = validate_file(path, turbo), validate_file(path, reference)
    assert _spans(ours) == _spans(theirs)


# -- planted span faults ---------------------------------------------------------

Quads = list[ox.Quad]


def _spans_of(quads: Quads) -> list[ox.NamedNode]:
    span = ox.NamedNode(AG + "TextSpan")
    return sorted(
        {q.subject for q in quads if q.predicate == RDF_TYPE and q.object == span},  # type: ignore[misc]
        key=str,
    )


def _set(quads: Quads, subject: object, predicate: str, value: ox.Literal | ox.NamedNode) -> Quads:
    """Replace the subject's values of ``predicate`` with ``value``."""
    p = ox.NamedNode(predicate)
    kept = [q for q in quads if not (q.subject == subject and q.predicate == p)]
    graph = quads[0].graph_name
    return [*kept, ox.Quad(subject, p, value, graph)]  # type: ignore[arg-type]


def _value(quads: Quads, subject: object, predicate: str) -> str:
    return next(
        q.object.value for q in quads if q.subject == subject and q.predicate.value == predicate
    )  # type: ignore[union-attr]


def _anchor_changed(rng: random.Random, quads: Quads, span: object) -> Quads:
    anchor = _value(quads, span, NIF + "anchorOf")
    return _set(quads, span, NIF + "anchorOf", ox.Literal(anchor[::-1] + " x"))


def _begin_shifted(rng: random.Random, quads: Quads, span: object) -> Quads:
    begin = int(_value(quads, span, NIF + "beginIndex"))
    return _set(
        quads,
        span,
        NIF + "beginIndex",
        ox.Literal(str(begin + rng.choice((-1, 1, 2))), datatype=INTEGER),
    )


def _end_past_text(rng: random.Random, quads: Quads, span: object) -> Quads:
    end = int(_value(quads, span, NIF + "endIndex"))
    return _set(
        quads,
        span,
        NIF + "endIndex",
        ox.Literal(str(end + rng.choice((1, 10**6))), datatype=INTEGER),
    )


def _end_before_begin(rng: random.Random, quads: Quads, span: object) -> Quads:
    begin = _value(quads, span, NIF + "beginIndex")
    return _set(quads, span, NIF + "endIndex", ox.Literal(begin, datatype=INTEGER))


def _odd_lexical(rng: random.Random, quads: Quads, span: object) -> Quads:
    begin = _value(quads, span, NIF + "beginIndex")
    lexical = rng.choice((f"+{begin}", f"00{begin}", f"{begin}.0", f"{begin}\n", "-1", "x"))
    return _set(quads, span, NIF + "beginIndex", ox.Literal(lexical, datatype=INTEGER))


def _plain_offset(rng: random.Random, quads: Quads, span: object) -> Quads:
    end = _value(quads, span, NIF + "endIndex")
    return _set(quads, span, NIF + "endIndex", ox.Literal(str(int(end) + 1)))


def _anchor_not_literal(rng: random.Random, quads: Quads, span: object) -> Quads:
    target = ox.NamedNode("https://w3id.org/attackgraph/id/doc/elsewhere")
    anchor = rng.choice((target, ox.Literal("at dawn", language="en")))
    return _set(quads, span, NIF + "anchorOf", anchor)


def _two_anchors(rng: random.Random, quads: Quads, span: object) -> Quads:
    p = ox.NamedNode(NIF + "anchorOf")
    return [*quads, ox.Quad(span, p, ox.Literal("a second anchor"), quads[0].graph_name)]  # type: ignore[arg-type]


def _second_document(rng: random.Random, quads: Quads, span: object) -> Quads:
    """The span also points into another document, with another text (or a text that is
    not a string)."""
    other = ox.NamedNode("https://w3id.org/attackgraph/id/doc/other-text")
    g = quads[0].graph_name
    text = rng.choice(
        (
            ox.Literal("Unrelated words 𝔘𝔫𝔦 é\u0301 and more. " * 3),
            ox.Literal("12", datatype=INTEGER),
        )
    )
    return [
        *quads,
        ox.Quad(span, ox.NamedNode(NIF + "referenceContext"), other, g),  # type: ignore[arg-type]
        ox.Quad(other, RDF_TYPE, ox.NamedNode(AG + "Document"), g),
        ox.Quad(other, ox.NamedNode(NIF + "isString"), text, g),
    ]


def _subclass_typed(rng: random.Random, quads: Quads, span: object) -> Quads:
    """A span typed only with a subclass of ag:TextSpan (SHACL's class targets follow
    rdfs:subClassOf in the data), with a wrong anchor."""
    local = ox.NamedNode("https://example.org/QuoteSpan")
    g = quads[0].graph_name
    kept = [q for q in quads if not (q.subject == span and q.predicate == RDF_TYPE)]
    kept += [
        ox.Quad(span, RDF_TYPE, local, g),  # type: ignore[arg-type]
        ox.Quad(local, SUBCLASS, ox.NamedNode(AG + "TextSpan"), g),
    ]
    return _anchor_changed(rng, kept, span)


def _placeholder_text(rng: random.Random, quads: Quads, span: object) -> Quads:
    """The anchor and the text hold what looks like the message's placeholders."""
    return _set(quads, span, NIF + "anchorOf", ox.Literal("{?begin} {$found} {?this}"))


FAULTS: tuple[Callable[[random.Random, Quads, object], Quads], ...] = (
    _anchor_changed,
    _begin_shifted,
    _end_past_text,
    _end_before_begin,
    _odd_lexical,
    _plain_offset,
    _anchor_not_literal,
    _two_anchors,
    _second_document,
    _subclass_typed,
    _placeholder_text,
)


def test_span_results_equal_pyshacl_on_generated_documents(
    tmp_path: Path, turbo: Validator, reference: Validator
) -> None:
    generator = _load_generator()
    converter = Converter(BuildOptions(validate=False))
    rng = random.Random(12)
    found = compared = 0
    for n, document in enumerate(generator.generate_corpus(33, 5)):
        path = tmp_path / document.name
        # astral and combining characters before the spans: offsets count code points
        path.write_text(document.text.replace("\n\n", "\n\n𝔄 é\u0301 ", 2), encoding="utf-8")
        quads = list(converter.convert(path).quads)
        spans = _spans_of(quads)
        assert spans, document.name
        for _ in range(2):  # two faults a document, on different spans
            fault = FAULTS[(n + _) % len(FAULTS)]
            quads = fault(rng, quads, rng.choice(spans))
        found += _assert_same(quads, turbo, reference, document.name)
        compared += 1
    assert compared == 33 and found >= 30  # the faults were found, not just agreed on


def test_a_valid_document_has_no_span_results(turbo: Validator) -> None:
    sample = Path(__file__).resolve().parents[1] / "data" / "documents"
    path = sorted(sample.glob("*.txt"))[0]
    quads = Converter(BuildOptions(validate=False)).convert(path).quads
    assert not SpanCheck(Graph().parse(default_shapes_path(), format="turtle")).check_quads(quads)
    assert turbo.validate_quads(quads).conforms
