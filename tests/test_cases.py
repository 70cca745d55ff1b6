"""Golden cases: each folder in tests/cases/ holds a document and the graph it must give.

`tests/cases/<name>/<doc>.txt` is converted on its own (parse, extract, resolve, build)
and compared by isomorphism with `tests/cases/<name>/expected.ttl`; a failure prints the
triples only in one side. After a deliberate change, regenerate with
`UPDATE_GOLDEN=1 pytest tests/test_cases.py` and review the diff line by line.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import graph_diff, to_isomorphic

from attackgraph.identifiers import prefixes_for
from attackgraph.pipeline import BuildOptions, Converter
from attackgraph.validate import rdflib_graph

CASES = Path(__file__).parent / "cases"
CASE_DIRS = sorted(p for p in CASES.iterdir() if p.is_dir())


def test_there_are_cases() -> None:
    assert CASE_DIRS, "tests/cases/ must not be empty"


def _turtle(graph: rdflib.Graph) -> str:
    for prefix, namespace in prefixes_for().items():
        graph.bind(prefix, namespace, override=True)
    return graph.serialize(format="turtle")


def _dump(graph: rdflib.Graph) -> str:
    return "\n".join(sorted(line for line in graph.serialize(format="nt").splitlines() if line))


@pytest.mark.parametrize("case", CASE_DIRS, ids=lambda p: p.name)
def test_case(case: Path, converter: Converter) -> None:
    (document,) = sorted(case.glob("*.txt"))
    result = converter.convert(document)
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


@pytest.fixture(scope="module")
def converter() -> Converter:
    return Converter(BuildOptions())
