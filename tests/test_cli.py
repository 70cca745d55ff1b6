"""The command line, in-process with click's CliRunner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from attackgraph.cli import main

ROOT = Path(__file__).parents[1]
DOCUMENTS = ROOT / "data" / "documents"
BROKEN = ROOT / "tests" / "fixtures" / "broken"
INVALID_GRAPHS = ROOT / "tests" / "shapes" / "invalid"
DUMPS = (
    "attackgraph.ttl",
    "attackgraph.jsonld",
    "attackgraph.nt",
    "attackgraph.nq",
    "attackgraph.trig",
)


@pytest.fixture(scope="module")
def release(sample_release: Path) -> Path:
    return sample_release


def test_every_command_has_help_with_an_example() -> None:
    for name, command in main.commands.items():  # type: ignore[attr-defined]
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0, result.output
        assert command.help and "Example:" in command.help, f"{name} lacks an Example block"


def test_build_writes_every_dump_and_a_summary(release: Path) -> None:
    for name in DUMPS:
        assert (release / name).stat().st_size > 0, name
    report = json.loads((release / "build-report.json").read_text(encoding="utf-8"))
    documents = len(list(DOCUMENTS.glob("*.txt")))
    assert report["documents"] == report["built"] == documents
    assert report["skipped"] == [] and report["violations"] == 0
    assert report["triples"] > 1000


def test_build_is_byte_identical_when_repeated(release: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(DOCUMENTS), "--out", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    for name in (*DUMPS, "build-report.json", "validation-report.txt"):
        assert (tmp_path / name).read_bytes() == (release / name).read_bytes(), name


def test_broken_documents_are_reported_and_the_others_still_build(tmp_path: Path) -> None:
    expected = json.loads((BROKEN / "expected.json").read_text(encoding="utf-8"))
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name, problem in expected.items():
        if problem is not None and "max_bytes" not in problem:
            shutil.copy(BROKEN / name, inputs / name)
    shutil.copy(DOCUMENTS / "000_6de047e5428871d9.txt", inputs)
    result = CliRunner().invoke(main, ["build", str(inputs), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    copied = [n for n, p in expected.items() if p is not None and "max_bytes" not in p]
    assert f"documents skipped: {len(copied)}" in result.output
    assert "documents built: 1" in result.output
    for name in copied:
        problem = expected[name]
        assert f"{inputs / name}:{problem['line']}: {problem['rule']}:" in result.output, name
    report = json.loads((tmp_path / "out" / "build-report.json").read_text(encoding="utf-8"))
    assert sorted(Path(p["file"]).name for p in report["skipped"]) == sorted(copied)
    assert "Mopti" in (tmp_path / "out" / "attackgraph.ttl").read_text(encoding="utf-8")


def test_build_of_a_missing_path_is_bad_usage(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(tmp_path / "nope"), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "no such file or directory" in result.output


def test_validate_conforming_release(release: Path) -> None:
    for name in ("attackgraph.ttl", "attackgraph.nq", "attackgraph.jsonld"):
        result = CliRunner().invoke(main, ["validate", str(release / name)])
        assert result.exit_code == 0, result.output


def test_validate_reports_violations_with_their_source(tmp_path: Path) -> None:
    graph = INVALID_GRAPHS / "span-anchor-mismatch.ttl"
    assert graph.exists()
    result = CliRunner().invoke(main, ["validate", str(graph)])
    assert result.exit_code == 1, result.output
    assert "anchorOf" in result.output or "anchor" in result.output
    as_json = CliRunner().invoke(main, ["validate", "--json", str(graph)])
    assert as_json.exit_code == 1
    assert json.loads(as_json.output)["conforms"] is False


@pytest.mark.parametrize(("name", "text"), [("bad.ttl", "this is not turtle"), ("x.csv", "a,b")])
def test_validate_unreadable_input_is_exit_2(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


QUERY = (
    "SELECT ?name WHERE { ?e a ag:Attack ; schema:name ?name ; ag:date ?d } ORDER BY ?name LIMIT 3"
)


def test_query_table_csv_tsv_json(release: Path) -> None:
    table = CliRunner().invoke(main, ["query", str(release), QUERY])
    assert table.exit_code == 0, table.output
    assert "2015 Bamako hotel attack" in table.output
    assert "(3 rows)" in table.output
    csv = CliRunner().invoke(main, ["query", str(release), QUERY, "--format", "csv"])
    assert csv.output.splitlines()[0] == "name"
    tsv = CliRunner().invoke(main, ["query", str(release), QUERY, "--format", "tsv"])
    assert tsv.output.splitlines()[0] == "?name"
    data = json.loads(
        CliRunner().invoke(main, ["query", str(release), QUERY, "--format", "json"]).output
    )
    assert len(data["results"]["bindings"]) == 3


def test_query_from_a_file_and_from_stdin(release: Path, tmp_path: Path) -> None:
    path = tmp_path / "q.rq"
    path.write_text(QUERY, encoding="utf-8")
    from_file = CliRunner().invoke(main, ["query", str(release), f"@{path}", "--format", "csv"])
    from_stdin = CliRunner().invoke(
        main, ["query", str(release), "-", "--format", "csv"], input=QUERY
    )
    assert from_file.exit_code == from_stdin.exit_code == 0
    assert from_file.output == from_stdin.output


def test_bad_sparql_is_a_clear_error(release: Path) -> None:
    result = CliRunner().invoke(main, ["query", str(release), "SELECT ?x WHERE { ?x"])
    assert result.exit_code != 0
    assert "Error" in result.output and "Traceback" not in result.output


def test_parallel_build_gives_the_same_bytes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for copy in range(2):
        for document in DOCUMENTS.glob("*.txt"):
            shutil.copy(document, corpus / f"{copy}{document.name}")
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        result = CliRunner().invoke(
            main, ["build", str(corpus), "--out", str(out), "-q", "--no-pages", "-j", jobs]
        )
        assert result.exit_code == 0, result.output
        outputs.append(out)
    for name in (*DUMPS, "void.ttl", "build-report.json", "SHA256SUMS"):
        assert (outputs[0] / name).read_bytes() == (outputs[1] / name).read_bytes(), name


def test_query_help_lists_the_prefixes_that_work_and_keeps_examples_whole() -> None:
    from attackgraph.identifiers import prefixes_for

    text = CliRunner().invoke(main, ["query", "--help"], terminal_width=200).output
    for name in prefixes_for():
        assert f"{name}:" in text, name
    assert " id:" not in text
    assert "attackgraph query release/ 'SELECT ?event ?name WHERE {\n" in text
    load = CliRunner().invoke(main, ["load", "--help"]).output
    assert "/sparql \\\n          --graph-store" in load  # the continuation line stays


def test_a_query_argument_that_is_a_file_asks_for_at(release: Path, tmp_path: Path) -> None:
    path = tmp_path / "q.rq"
    path.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    result = CliRunner().invoke(main, ["query", str(release), str(path)])
    assert result.exit_code == 2 and f"did you mean @{path}?" in result.output
