"""The shapes, tested with data: valid/ graphs conform, each invalid/ graph breaks its rule.

Every ``tests/shapes/invalid/<rule>.ttl`` starts with one or more lines
``# violates: <shape> <path or -> <constraint>`` and must produce exactly those results
(shape, path and constraint), nothing more and nothing less.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, RDFS, SH, URIRef
from rdflib.term import Node

from attackgraph.namespaces import CONCEPT_NS, SCHEMES
from attackgraph.validate import Validator, curie, default_shapes_path, validate_file

SHAPES_DIR = Path(__file__).parent / "shapes"
VALID = sorted((SHAPES_DIR / "valid").glob("*.ttl"))
INVALID = sorted((SHAPES_DIR / "invalid").glob("*.ttl"))
SHAPES_FILE = Path(__file__).parents[1] / "shapes" / "attackgraph.shapes.ttl"

# SHACL parameter -> the constraint component it reports (those the shapes use)
COMPONENTS = {
    SH.minCount: "MinCount",
    SH.maxCount: "MaxCount",
    SH.datatype: "Datatype",
    SH.minInclusive: "MinInclusive",
    SH["in"]: "In",
    SH.node: "Node",
    SH["class"]: "Class",
    SH.nodeKind: "NodeKind",
    SH.pattern: "Pattern",
    SH.lessThan: "LessThan",
    SH.lessThanOrEquals: "LessThanOrEquals",
    SH.hasValue: "HasValue",
    SH["or"]: "Or",
}
# property path -> the concept scheme its sh:in list must equal
SCHEME_OF_PATH = {
    "ag:rank": "rank",
    "ag:claimKind": "claim-kind",
    "ag:outcome": "outcome",
    "ag:populationGroup": "population-group",
    "ag:estimateType": "estimate-type",
    "ag:datePrecision": "date-precision",
    "ag:eventType": "event-type",
    "ag:actorType": "actor-type",
    "ag:placeType": "place-type",
    "ag:locationPrecision": "location-precision",
}

Expected = tuple[str, str | None, str]  # shape, path, constraint


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(SHAPES_FILE, format="turtle")


def expected_results(path: Path) -> set[Expected]:
    found = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# violates:"):
            shape, result_path, constraint = line.removeprefix("# violates:").split()
            found.add((shape, None if result_path == "-" else result_path, constraint))
    return found


@pytest.mark.parametrize("folder", [VALID, INVALID], ids=["valid", "invalid"])
def test_folders_are_not_empty(folder: list[Path]) -> None:
    assert folder


@pytest.mark.parametrize("path", VALID, ids=[p.stem for p in VALID])
def test_valid_graph_conforms(path: Path, validator: Validator) -> None:
    report = validate_file(path, validator)
    assert report.violations == () and report.conforms, report.format_text()


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_graph_breaks_exactly_its_rule(path: Path, validator: Validator) -> None:
    expected = expected_results(path)
    assert expected, f"{path.name} has no '# violates: <shape> <path> <constraint>' line"
    report = validate_file(path, validator)
    got = {(v.shape or "?", v.path, v.constraint or "?") for v in report.violations}
    assert not report.conforms
    assert got == expected, report.format_text()
    assert all(v.severity == "violation" and v.message for v in report.violations)


def _targeted_shapes(shapes: rdflib.Graph) -> Iterator[URIRef]:
    targets = (SH.targetClass, SH.targetObjectsOf, SH.targetSubjectsOf, SH.targetNode)
    for shape in set(shapes.subjects(RDF.type, SH.NodeShape)):
        if isinstance(shape, URIRef) and any((shape, t, None) in shapes for t in targets):
            yield shape


def _constraints(shapes: rdflib.Graph) -> Iterator[tuple[Expected, Node]]:
    """Every (shape, path, constraint) the shapes can report, with the node declaring it."""
    for shape in _targeted_shapes(shapes):
        for parameter, component in COMPONENTS.items():
            if (shape, parameter, None) in shapes:
                yield (curie(shape), None, f"sh:{component}ConstraintComponent"), shape
        for prop in shapes.objects(shape, SH.property):
            path = curie(shapes.value(prop, SH.path))
            for parameter, component in COMPONENTS.items():
                if (prop, parameter, None) in shapes:
                    yield (curie(shape), path, f"sh:{component}ConstraintComponent"), prop
        for sparql in shapes.objects(shape, SH.sparql):
            yield (curie(shape), "*", curie(sparql)), sparql


def test_every_constraint_has_an_invalid_graph(shapes: rdflib.Graph) -> None:
    tested = set().union(*(expected_results(p) for p in INVALID))
    tested |= {(shape, "*", rule) for shape, _, rule in tested if rule.startswith("agsh:")}
    untested = sorted(str(c) for c, _ in _constraints(shapes) if c not in tested)
    assert not untested, "constraints without an invalid/ graph:\n" + "\n".join(untested)


def test_every_constraint_has_a_message_and_every_shape_a_comment(shapes: rdflib.Graph) -> None:
    constraints = list(_constraints(shapes))
    assert len(constraints) > 100
    assert [c for c, node in constraints if (node, SH.message, None) not in shapes] == []
    named = [s for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)]
    named += [s for s in shapes.subjects(RDF.type, SH.SPARQLConstraint) if isinstance(s, URIRef)]
    assert [curie(s) for s in named if (s, RDFS.comment, None) not in shapes] == []


def test_concept_lists_equal_their_schemes(shapes: rdflib.Graph) -> None:
    seen = set()
    for prop, values in shapes.subject_objects(SH["in"]):
        members = list(rdflib.collection.Collection(shapes, values))
        concepts = {
            str(m).removeprefix(CONCEPT_NS) for m in members if str(m).startswith(CONCEPT_NS)
        }
        if not concepts:
            continue
        path = curie(shapes.value(prop, SH.path))
        assert len(concepts) == len(members), f"{path}: sh:in mixes concepts and other values"
        assert path in SCHEME_OF_PATH, f"{path}: sh:in of concepts on a path with no scheme"
        assert concepts == set(SCHEMES[SCHEME_OF_PATH[path]]), path
        seen.add(SCHEME_OF_PATH[path])
    assert seen == set(SCHEMES)


def test_shapes_stand_alone(shapes: rdflib.Graph) -> None:
    """No imports to fetch, and no subclass axioms: targets name every class themselves."""
    assert not list(shapes.triples((None, rdflib.OWL.imports, None)))
    assert not list(shapes.triples((None, RDFS.subClassOf, None)))


def test_package_resource_is_the_shapes_file() -> None:
    assert default_shapes_path().read_bytes() == SHAPES_FILE.read_bytes()


@pytest.mark.parametrize(
    ("text", "begin", "end", "expected"),
    [
        ("= Sévaré attack =", 2, 8, "Sévaré"),
        ("a😀b Ségou", 4, 9, "Ségou"),
        ("é\u0301x", 1, 3, "\u0301x"),
    ],
)
def test_sparql_substr_counts_code_points(text: str, begin: int, end: int, expected: str) -> None:
    """The span check relies on rdflib's SUBSTR counting code points, as our offsets do."""
    assert text[begin:end] == expected
    query = "SELECT (SUBSTR(?t, ?b + 1, ?e - ?b) AS ?s) (STRLEN(?t) AS ?n) WHERE {}"
    bindings = {"t": rdflib.Literal(text), "b": rdflib.Literal(begin), "e": rdflib.Literal(end)}
    row = next(iter(rdflib.Graph().query(query, initBindings=bindings)))
    assert (str(row[0]), int(row[1])) == (expected, len(text))  # type: ignore[index]
