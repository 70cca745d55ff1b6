"""Golden cases: each folder in tests/cases/ names a document and holds the graph it must give.

`tests/cases/<name>/expected.ttl` is the graph of the document `tests/cases/<name>/*.txt`,
or, when the folder holds none, of the sample document `data/documents/<name>.txt`
(every sample document has its case). The document is converted on its own by the
build's converter (parse, extract, resolve, to_rdf, validate) and compared by
isomorphism; a failure prints the triples only in one side. After a deliberate change,
regenerate with `UPDATE_GOLDEN=1 pytest tests/test_cases.py` and review the diff line by
line.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import graph_diff, to_isomorphic

from attackgraph.identifiers import prefixes_for
from attackgraph.pipeline import Converter
from attackgraph.validate import rdflib_graph

CASES = Path(__file__).parent / "cases"
CASE_DIRS = sorted(p for p in CASES.iterdir() if p.is_dir())
SAMPLE_DOCUMENTS = Path(__file__).parents[1] / "data" / "documents"


def test_there_are_cases() -> None:
    assert CASE_DIRS, "tests/cases/ must not be empty"


def test_every_sample_document_has_a_case() -> None:
    names = {case.name for case in CASE_DIRS}
    assert {doc.stem for doc in SAMPLE_DOCUMENTS.glob("*.txt")} <= names


def _document(case: Path) -> Path:
    own = sorted(case.glob("*.txt"))
    return own[0] if own else SAMPLE_DOCUMENTS / f"{case.name}.txt"


def _turtle(graph: rdflib.Graph) -> str:
    for prefix, namespace in prefixes_for().items():
        graph.bind(prefix, namespace, override=True)
    return graph.serialize(format="turtle")


def _dump(graph: rdflib.Graph) -> str:
    return "\n".join(sorted(line for line in graph.serialize(format="nt").splitlines() if line))


@pytest.mark.parametrize("case", CASE_DIRS, ids=lambda p: p.name)
def test_case(case: Path, converter: Converter) -> None:
    result = converter.convert(_document(case))
    assert result.skipped is None, str(result.skipped)
    actual = rdflib_graph(result.quads)
    expected_path = case / "expected.ttl"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_path.write_text(_turtle(actual), encoding="utf-8")
    expected = rdflib.Graph().parse(expected_path, format="turtle")
    iso_actual, iso_expected = to_isomorphic(actual), to_isomorphic(expected)
    if iso_actual != iso_expected:
        _, only_actual, only_expected = graph_diff(iso_actual, iso_expected)
        pytest.fail(
            f"graph differs from {expected_path}\n"
            f"--- only in the output:\n{_dump(only_actual)}\n"
            f"--- only in expected.ttl:\n{_dump(only_expected)}"
        )
