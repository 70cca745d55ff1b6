"""The shapes on the published union, one document's neighbourhood at a time
(``attackgraph.validate.dataset``): the same results as the whole union in one graph,
and the hostile pairs of issue 12 caught when documents are merged without the
union's rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Quad, RdfFormat, serialize
from rdflib import Graph, URIRef

from attackgraph.pipeline import BuildOptions, Converter
from attackgraph.validate import default_shapes_path, validate_file
from attackgraph.validate.dataset import DEPTH, validate_dataset


def _doc(title: str, infobox: str, prose: str = "Gunmen attacked the town.") -> bytes:
    return f"= {title} =\n\nInfobox\n{infobox}\n\n{prose}\n".encode()


# pairs of documents that each conform but whose plain union (no merge rules) does not
PAIRS = {
    "zero-width name": (
        _doc("Raid on Tamba", "- Date: 1 May 2020\n- Perpetrator: Front Nord"),
        _doc("Raid on Tamba", "- Date: 1 May 2020\n- Perpetrator: Front\u200b Nord"),
        "sh:MaxCountConstraintComponent",
    ),
    "São Paulo / Sao Paulo": (
        _doc("Raid on Tamba", "- Date: 1 May 2020\n- Place: São Paulo district, Mali"),
        _doc("Raid on Tamba", "- Date: 1 May 2020\n- Place: Sao Paulo district, Mali"),
        "sh:MaxCountConstraintComponent",
    ),
    "date and startDate": (
        _doc("Raid on Tamba", "- Date: 1 May 2020\n- Place: Tamba, Mali"),
        _doc("Raid on Tamba", "- Date: 3–5 June 2021\n- Place: Tamba, Mali"),
        "sh:OrConstraintComponent",
    ),
    "two containedIn": (
        _doc("Raid on Tamba", "- Date: 1 May 2020\n- Place: Tamba, Mopti Region, Mali"),
        _doc("Raid on Tamba", "- Date: 1 May 2020\n- Place: Tamba, Ségou Region, Mali"),
        "sh:MaxCountConstraintComponent",
    ),
}


def _quads(data: bytes, name: str) -> list[Quad]:
    result = Converter(BuildOptions()).convert_bytes(data, Path(name))
    assert result.skipped is None, result.skipped
    return result.quads


def _write(path: Path, quads: list[Quad]) -> Path:
    path.write_bytes(serialize(quads, format=RdfFormat.N_QUADS) or b"")
    return path


@pytest.mark.parametrize("case", sorted(PAIRS))
def test_a_plain_union_of_two_conforming_documents_is_caught(tmp_path: Path, case: str) -> None:
    one, other, rule = PAIRS[case]
    first, second = _quads(one, "a.txt"), _quads(other, "b.txt")
    assert validate_dataset(_write(tmp_path / "a.nq", first)).conforms
    assert validate_dataset(_write(tmp_path / "b.nq", second)).conforms
    dump = _write(tmp_path / "union.nq", first + second)
    found = validate_dataset(dump, workdir=tmp_path)
    assert not found.conforms
    assert rule in {v.constraint for v in found.report.violations}, found.report.format_text()
    # the same results as the whole union validated as one graph
    whole = validate_file(dump)
    assert found.report.violations == whole.violations
    assert not list(tmp_path.glob(".attackgraph-union-*")), "the temporary store is left"


def test_one_document_iri_with_two_texts_is_caught(tmp_path: Path) -> None:
    first = _quads(_doc("Raid on Tamba", "- Date: 2020"), "x.txt")
    second = _quads(_doc("Raid on Kidal", "- Date: 2021"), "x.txt")
    dump = _write(tmp_path / "union.nq", first + second)
    found = validate_dataset(dump)
    paths = {v.path for v in found.report.violations if v.focus == "doc:x"}
    assert {"ag:contentHash", "nif:isString", "schema:name"} <= paths, found.report.format_text()
    assert found.report.violations == validate_file(dump).violations


SH = "http://www.w3.org/ns/shacl#"
AGSH = "https://w3id.org/attackgraph/shapes#"
# how many links from the focus node the nodes whose triples a SPARQL constraint reads are
SPARQL_REACH = {
    "claim-evidence-in-reported-document": 2,  # claim -> span -> document's rdf:type
    "span-anchor-matches-text": 1,  # span -> document's nif:isString
    "span-within-text": 1,
    "document-end-is-length": 0,
    "event-start-before-end": 0,
}


def test_the_shapes_read_no_further_than_the_neighbourhood() -> None:
    """A property shape reads the focus node's values (one link) and, through sh:class
    or a referenced node shape, the values' own triples; the SPARQL constraints' reach
    is stated above (a new one fails here until it is)."""
    shapes = Graph().parse(default_shapes_path())
    paths = list(shapes.objects(None, URIRef(SH + "path")))
    assert paths and all(isinstance(p, URIRef) for p in paths), "a path longer than one link"
    for reference in set(shapes.objects(None, URIRef(SH + "node"))):
        inner = {o for _, o in shapes.predicate_objects(reference)}
        nested = [
            n for n in inner if (None, URIRef(SH + "node"), None) in shapes.triples((n, None, None))
        ]
        assert not nested, f"{reference} refers to another node shape"
        assert (reference, URIRef(SH + "sparql"), None) not in shapes
    found = {str(c).removeprefix(AGSH) for c in shapes.objects(None, URIRef(SH + "sparql"))}
    assert found == set(SPARQL_REACH)
    assert max(SPARQL_REACH.values()) <= DEPTH


def test_the_documents_that_break_the_union_are_named(tmp_path: Path) -> None:
    """Each violation comes with the documents whose union breaks it; the first (the
    focus's owner) is kept and the other is left out, with a message naming both. A
    third document that only shares the country is not part of the break."""
    from attackgraph.union import SHAPES_RULE, Union

    one, other, _ = PAIRS["two containedIn"]
    third = _doc("Ambush near Gao", "- Date: 2 June 2021\n- Place: Gao, Mali")
    quads = _quads(one, "kidal-raid.txt") + _quads(other, "ségou-raid.txt")
    dump = _write(tmp_path / "union.nq", quads + _quads(third, "gao-ambush.txt"))
    union = Union()
    assert union.verify(dump, workdir=tmp_path)
    graphs = {g for involved in union.checked.involved for g in involved}  # type: ignore[union-attr]
    assert graphs == {
        "<https://w3id.org/attackgraph/id/doc/kidal-raid>",
        "<https://w3id.org/attackgraph/id/doc/segou-raid>",
    }
    sources = {
        "https://w3id.org/attackgraph/id/doc/kidal-raid": "kidal-raid.txt",
        "https://w3id.org/attackgraph/id/doc/segou-raid": "ségou-raid.txt",
    }
    culprits = union.culprits(sources)
    assert list(culprits) == ["https://w3id.org/attackgraph/id/doc/segou-raid"]
    problem = next(iter(culprits.values()))
    assert problem.source == "ségou-raid.txt" and problem.rule == SHAPES_RULE
    assert "with kidal-raid.txt: " in problem.message and "containedIn" in problem.message


def test_workers_give_the_same_results(tmp_path: Path) -> None:
    """Twenty documents, pairs that each break the plain union: validated in two worker
    processes, the same violations and documents as in one."""
    quads: list[Quad] = []
    for n, case in enumerate(sorted(PAIRS) * 3):
        one, other, _ = PAIRS[case]
        title = f"Raid number {n}"
        quads += _quads(one.replace(b"Raid on Tamba", title.encode()), f"a{n}.txt")
        quads += _quads(other.replace(b"Raid on Tamba", title.encode()), f"b{n}.txt")
    dump = _write(tmp_path / "union.nq", quads)
    serial, parallel = validate_dataset(dump, jobs=1), validate_dataset(dump, jobs=2)
    assert not serial.conforms and serial.graphs == 24
    assert parallel == serial


def test_blame_names_the_documents_that_give_the_conflicting_values(tmp_path: Path) -> None:
    """A place four documents describe alike and a fifth names otherwise: the break is
    blamed on the first of the four and the fifth, not on all five (each describes the
    place), and only the fifth is left out."""
    from attackgraph.union import Union

    same, other, _ = PAIRS["São Paulo / Sao Paulo"]
    quads = [q for n in range(1, 5) for q in _quads(same, f"a{n}.txt")]
    dump = _write(tmp_path / "union.nq", quads + _quads(other, "b.txt"))
    found = validate_dataset(dump, workdir=tmp_path)
    named = [
        involved
        for v, involved in zip(found.report.violations, found.involved, strict=True)
        if v.path == "schema:name" and v.focus.startswith("place:")
    ]
    doc = "<https://w3id.org/attackgraph/id/doc/{}>".format
    assert named == [(doc("a1"), doc("b"))], found.report.format_text()
    union = Union()
    union.verify(dump, workdir=tmp_path)
    sources = {doc(n)[1:-1]: f"{n}.txt" for n in ("a1", "a2", "a3", "a4", "b")}
    culprits = union.culprits(sources)
    place = [p for p in culprits.values() if "schema:name" in p.message]
    assert [p.source for p in place] == ["b.txt"]
    assert "with a1.txt: " in place[0].message and "a2.txt" not in place[0].message


def _sorted_dump(path: Path, quads: list[Quad]) -> Path:
    """The quads as the export writes them: unique N-Quads lines in codepoint order."""
    lines = (serialize(quads, format=RdfFormat.N_QUADS) or b"").splitlines(keepends=True)
    path.write_bytes(b"".join(sorted(set(lines))))
    return path


@pytest.mark.parametrize("case", sorted(PAIRS))
def test_a_check_against_a_conforming_union_finds_what_the_whole_check_finds(
    tmp_path: Path, case: str
) -> None:
    one, other, _ = PAIRS[case]
    first, second = _quads(one, "a.txt"), _quads(other, "b.txt")
    apart = _quads(_doc("Siege of Kidal", "- Date: 2019\n- Place: Kidal, Mali"), "c.txt")
    before = _sorted_dump(tmp_path / "before.nq", first + apart)
    assert validate_dataset(before).conforms
    after = _sorted_dump(tmp_path / "after.nq", first + apart + second)
    whole = validate_dataset(after)
    assert not whole.conforms
    assert validate_dataset(after, previous=before, jobs=2) == whole


def test_a_check_against_the_same_union_validates_nothing_again(tmp_path: Path) -> None:
    """Only what changed is checked: the previous union is taken to conform (the build
    passes only a release whose union did), so a break it already had is not seen."""
    one, other, _ = PAIRS["two containedIn"]
    dump = _sorted_dump(tmp_path / "d.nq", _quads(one, "a.txt") + _quads(other, "b.txt"))
    assert not validate_dataset(dump).conforms
    assert validate_dataset(dump, previous=dump).conforms


def test_a_dump_in_any_n_quads_form_gives_the_whole_unions_results(tmp_path: Path) -> None:
    """The check reads the export's lines as they are and any other line through
    pyoxigraph: unsorted lines, comments, the default graph, an escaped IRI (the same
    node as the plain one), a literal holding ``" <...> "`` and quotes, a blank node."""
    e, plain = (
        "<https://w3id.org/attackgraph/id/event/x>",
        "<https://w3id.org/attackgraph/id/event/\\u0078>",
    )
    t, n = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://schema.org/name>"
    a, ev = (
        "<https://w3id.org/attackgraph/ontology#Attack>",
        "<https://w3id.org/attackgraph/ontology#Event>",
    )
    g1, g2 = "<https://w3id.org/attackgraph/id/doc/a>", "<https://w3id.org/attackgraph/id/doc/b>"
    lines = [
        f"{e} {t} {a} {g2} .",
        "# a comment",
        f'{plain} {n} "Raid \\"at\\" <https://x> the \\u0041 gate"@en {g1} .',
        "",
        f"{e} {t} {ev} {g1} .",
        f'{e} {n} "Raid" .',
        f"{e} <https://w3id.org/attackgraph/ontology#location> _:b1 {g1} .",
        f"{e} {t} {a} {g1} .",
    ]
    dump = tmp_path / "odd.nq"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = validate_dataset(dump, workdir=tmp_path)
    whole = validate_file(dump)
    assert not whole.conforms
    assert found.report.violations == whole.violations
    assert found.subjects == 1 and found.graphs == 3
