"""The validate stage: reports locate problems in the source documents, every RDF format
gives the same report, literals are checked as written, and shapes are parsed once."""

from __future__ import annotations

import gzip
import json
import shutil
from dataclasses import asdict
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
import rdflib

from attackgraph.model import InputError
from attackgraph.validate import Report, Validator, Violation, default_shapes_path, validate_file

SHAPES_DIR = Path(__file__).parent / "shapes"
BASE = SHAPES_DIR / "valid" / "small-complete.ttl"
ID = "https://w3id.org/attackgraph/id/"


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


def invalid(name: str) -> Path:
    return SHAPES_DIR / "invalid" / f"{name}.ttl"


def write_quads(triples: Path, target: Path, graph: str, rdf_format: ox.RdfFormat) -> Path:
    """The Turtle file's triples, all in the named graph ``graph``, as ``target``."""
    name = ox.NamedNode(graph)
    quads = [ox.Quad(q.subject, q.predicate, q.object, name) for q in ox.parse(path=triples)]
    target.write_bytes(ox.serialize(quads, format=rdf_format))
    return target


@pytest.mark.parametrize(
    ("name", "first_line"),
    [
        (  # a span: its own line
            "span-anchor-mismatch",
            "001_sevare.txt:3: focus span:001-sevare-21-51: path nif:anchorOf: nif:anchorOf "
            'differs from the document text at [21, 51), which reads "Casualties1: 6 soldiers '
            'killed"',
        ),
        (  # a claim: its first evidence span
            "claim-two-ranks",
            "001_sevare.txt:3: focus claim:001-sevare-1: path ag:rank: claim has more than "
            "one ag:rank",
        ),
        (  # a figure: the claim asserting it
            "figure-min-greater-than-max",
            "001_sevare.txt:4: focus figure:001-sevare-2-1: path schema:minValue: "
            "schema:minValue is greater than schema:maxValue",
        ),
        (  # an event: the earliest claim about it
            "date-invalid-day",
            "001_sevare.txt:3: focus event:sevare-attack: path ag:date: ag:date is not a valid",
        ),
        (  # an actor: the claim it made
            "claim-two-vias",
            "001_sevare.txt:5: focus claim:001-sevare-3: path ag:via:",
        ),
        (  # a side: through the figure counting it
            "side-number-zero",
            "001_sevare.txt:3: focus side:sevare-attack-1: path ag:sideNumber:",
        ),
        (  # a claim without evidence: the document it is reported in, no line
            "claim-without-evidence",
            "001_sevare.txt: focus claim:001-sevare-1: path ag:evidence: claim has no ag:evidence",
        ),
        (  # mentioned by no claim: the graph's only document
            "place-iso3166-1-malformed",
            "001_sevare.txt: focus place:ml: path ag:iso3166_1: ag:iso3166_1 is not an ISO "
            '3166-1 alpha-2 code: expected two upper-case letters such as "ML" (value: "ml")',
        ),
    ],
)
def test_format_text_names_file_and_line(name: str, first_line: str, validator: Validator) -> None:
    text = validate_file(invalid(name), validator).format_text()
    assert text.splitlines()[0].startswith(first_line), text
    assert text.splitlines()[-1] == "does not conform: 1 violation"


def test_format_text_blocks_are_sorted_and_counted(validator: Validator) -> None:
    report = validate_file(invalid("document-two-texts"), validator)
    lines = report.format_text().splitlines()
    heads = [line for line in lines[:-1] if not line.startswith("    rule ")]
    assert heads[:3] == sorted(heads[:3])  # the spans, by line: 3, 4, 5
    assert [h.split(":")[1] for h in heads[:3]] == ["3", "4", "5"]
    assert lines[-1] == "does not conform: 5 violations"
    assert len(lines) == 2 * 5 + 1


def test_unlocatable_node_has_no_file(validator: Validator, tmp_path: Path) -> None:
    """Two documents in one plain graph: a node no claim mentions belongs to neither."""
    both = tmp_path / "both.ttl"
    both.write_bytes(invalid("place-iso3166-1-malformed").read_bytes() + b"\n")
    with both.open("ab") as out:
        out.write((SHAPES_DIR / "valid" / "figure-vague.ttl").read_bytes())
    (violation,) = validate_file(both, validator).violations
    assert (violation.focus, violation.source_file, violation.line) == ("place:ml", None, None)
    assert violation.format_text().startswith("focus place:ml: path ag:iso3166_1: ")


def test_named_graph_locates_what_no_claim_mentions(validator: Validator, tmp_path: Path) -> None:
    """The same two documents as named graphs: the graph names the document."""
    one = write_quads(
        invalid("place-iso3166-1-malformed"),
        tmp_path / "1.nq",
        ID + "doc/001-sevare",
        ox.RdfFormat.N_QUADS,
    )
    two = write_quads(
        SHAPES_DIR / "valid" / "figure-vague.ttl",
        tmp_path / "2.nq",
        ID + "doc/002-menaka",
        ox.RdfFormat.N_QUADS,
    )
    both = tmp_path / "both.nq"
    both.write_bytes(one.read_bytes() + two.read_bytes())
    (violation,) = validate_file(both, validator).violations
    assert (violation.focus, violation.source_file, violation.line) == (
        "place:ml",
        "001_sevare.txt",
        None,
    )


@pytest.mark.parametrize(
    "name", ["span-anchor-mismatch", "document-two-texts", "figure-blank-node", "date-with-time"]
)
@pytest.mark.parametrize(
    ("suffix", "rdf_format"),
    [
        (".nq", ox.RdfFormat.N_QUADS),
        (".trig", ox.RdfFormat.TRIG),
        (".jsonld", ox.RdfFormat.JSON_LD),
    ],
)
def test_every_format_gives_the_same_report(
    name: str, suffix: str, rdf_format: ox.RdfFormat, validator: Validator, tmp_path: Path
) -> None:
    turtle = validate_file(invalid(name), validator)
    quads = write_quads(invalid(name), tmp_path / f"g{suffix}", ID + "doc/001-sevare", rdf_format)
    assert validate_file(quads, validator) == turtle
    gz = tmp_path / f"g{suffix}.gz"
    gz.write_bytes(gzip.compress(quads.read_bytes()))
    assert validate_file(gz, validator).to_json() == turtle.to_json()
    assert not turtle.conforms


def test_rdflib_dataset_is_validated_as_the_union(validator: Validator, tmp_path: Path) -> None:
    """A Dataset is validated as the union of its graphs (pyshacl alone would check each
    named graph on its own), and its graph names locate results like N-Quads do."""
    nq = write_quads(
        invalid("span-anchor-mismatch"),
        tmp_path / "g.nq",
        ID + "doc/001-sevare",
        ox.RdfFormat.N_QUADS,
    )
    dataset = rdflib.Dataset()
    dataset.parse(nq, format="nquads")
    assert validator.validate(dataset) == validate_file(nq, validator)


def test_literals_are_checked_as_written(validator: Validator) -> None:
    """rdflib's Turtle parser normalises "2022-04-24T00:00:00"^^xsd:date to a valid date;
    validate_file parses with pyoxigraph, which keeps the literal as written."""
    path = invalid("date-with-time")
    normalised = rdflib.Graph().parse(path, format="turtle")
    assert validator.validate(normalised).conforms
    (violation,) = validate_file(path, validator).violations
    assert violation.value == '"2022-04-24T00:00:00"^^xsd:date'


def test_report_json_is_stable(validator: Validator) -> None:
    report = validate_file(invalid("span-anchor-mismatch"), validator)
    body = json.loads(report.to_json())
    assert list(body) == ["conforms", "violations"]
    assert list(body["violations"][0]) == list(asdict(report.violations[0]))
    assert body["violations"][0]["line"] == 3
    assert Report(False, tuple(Violation(**v) for v in body["violations"])) == report


def test_validator_parses_the_shapes_once(validator: Validator, tmp_path: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shutil.copyfile(default_shapes_path(), shapes)
    reused = Validator(shapes)
    shapes.unlink()  # validating again must not read it
    first = validate_file(invalid("span-anchor-mismatch"), reused)
    assert validate_file(invalid("span-anchor-mismatch"), reused) == first
    assert validate_file(invalid("span-anchor-mismatch"), validator) == first


def _expand(curie_: str) -> str:
    kind, slug = curie_.split(":", 1)
    return f"{ID}{kind}/{slug}"


@pytest.mark.parametrize(
    "name",
    [
        "span-anchor-mismatch",
        "claim-evidence-outside-reported-document",
        "event-start-after-end",
        "document-end-not-length",
    ],
)
def test_parsed_query_cache_changes_no_result(name: str, validator: Validator) -> None:
    """Plain pyshacl (which re-parses every SPARQL query) finds the same results."""
    graph = rdflib.Graph().parse(invalid(name), format="turtle")
    size = len(graph)
    ours = validator.validate(graph)
    assert len(graph) == size  # validated in place, and left as it was
    shapes = rdflib.Graph().parse(default_shapes_path(), format="turtle")
    conforms, results, _ = pyshacl.validate(
        graph, shacl_graph=shapes, inference="none", advanced=True
    )
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    theirs = {
        (str(results.value(r, sh.focusNode)), str(results.value(r, sh.sourceConstraint)))
        for r in results.objects(None, sh.result)
    }
    expected = {(_expand(v.focus), v.constraint) for v in ours.violations}
    assert not conforms and not ours.conforms
    assert {(f, "agsh:" + c.rsplit("#", 1)[1]) for f, c in theirs} == expected


def test_remote_json_ld_context_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "remote.jsonld"
    path.write_text('{"@context": "https://example.org/context.jsonld", "@id": "urn:x"}')
    with pytest.raises(InputError) as raised:
        validate_file(path)
    assert raised.value.problem.rule == "validate/bad-rdf"
    assert "remote context" in raised.value.problem.message


def test_bad_input_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text("<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> .\n")
    with pytest.raises(InputError) as raised:
        validate_file(path)
    assert (raised.value.problem.source, raised.value.problem.line) == (str(path), 2)
    with pytest.raises(ValueError, match="unknown RDF file extension"):
        validate_file(tmp_path / "graph.rdf")
