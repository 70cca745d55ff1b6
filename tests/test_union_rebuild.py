"""A rebuild checks the union only where the changed documents touch it
(``pipeline/union_reuse.py``, ``validate/changed.py``), run for real through
``attackgraph build`` with a build cache: a break the changed document brings is still
found, and an unchanged union is not checked again; the union's index kept in the cache
is changed where the dumps differ, not read again from the whole dump.

The break comes from a project's own shape, which the merge rules do not mend (as in
``test_extra_shapes.py``): each document names one perpetrator of the same raid, and the
changed one another group than the others.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sample_edits import raid

from attackgraph.cli import main
from attackgraph.validate import dataset
from attackgraph.validate.describers import Describers

ONE_PERPETRATOR = """\
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ag: <https://w3id.org/attackgraph/ontology#> .

<https://example.org/our-rules#one-perpetrator> a sh:NodeShape ;
    sh:targetClass ag:Attack ;
    sh:property [ sh:path ag:perpetrator ; sh:maxCount 1 ;
        sh:message "one perpetrator an attack" ] .
"""


@pytest.fixture()
def checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The owning graphs whose neighbourhoods the union check validates, and "load" each
    time it reads a whole dump into its index."""
    seen: list[str] = []
    check, load = dataset._Checker.check, dataset._load

    def spy(self: dataset._Checker, task: tuple[str, list[str]]) -> object:
        seen.append(task[0].rsplit("/", 1)[-1].rstrip(">"))
        return check(self, task)

    def loading(dump: Path, describers: Describers, *, links: bool) -> None:
        seen.append("load")
        load(dump, describers, links=links)

    monkeypatch.setattr(dataset._Checker, "check", spy)
    monkeypatch.setattr(dataset, "_load", loading)
    return seen


def _build(folder: Path, out: Path, cache: Path, rules: Path) -> tuple[int, str]:
    result = CliRunner().invoke(
        main,
        ["build", str(folder), "--out", str(out), "-j1", "--no-pages"]
        + ["--extra-shapes", str(rules), "--issued", "2026-01-01"],
        env={"ATTACKGRAPH_CACHE": str(cache)},
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


@pytest.fixture()
def built(tmp_path: Path, checked: list[str]) -> tuple[Path, Path, Path, Path]:
    """A conforming release of three documents, built with a cache."""
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "a-raid.txt").write_text(raid("Front Nord"), encoding="utf-8")
    (folder / "b-raid.txt").write_text(raid("Front Nord"), encoding="utf-8")
    ambush = raid("Katiba Sud", title="Ambush near Gao", place="Gao")
    (folder / "d-ambush.txt").write_text(ambush, encoding="utf-8")
    rules = tmp_path / "our-rules.ttl"
    rules.write_text(ONE_PERPETRATOR, encoding="utf-8")
    out, cache = tmp_path / "release", tmp_path / "cache"
    code, output = _build(folder, out, cache, rules)
    assert code == 0, output
    assert sorted(checked) == ["a-raid", "b-raid", "d-ambush", "load"]  # all, the first time
    checked.clear()
    return folder, out, cache, rules


def test_a_break_the_changed_document_brings_is_found(
    built: tuple[Path, Path, Path, Path], checked: list[str]
) -> None:
    folder, out, cache, rules = built
    (folder / "b-raid.txt").write_text(raid("Katiba Sud"), encoding="utf-8")
    code, output = _build(folder, out, cache, rules)
    assert code == 1, output
    lines = [line for line in output.splitlines() if "union/shapes" in line]
    assert len(lines) == 1 and "b-raid.txt:" in lines[0] and "with " in lines[0], output
    assert "one perpetrator an attack" in lines[0]
    # the raid's graphs were checked again (the changed triples are theirs), not the
    # ambush, in the kept index (the union built again without b-raid is read whole)
    assert checked[0] != "load" and "a-raid" in checked and "d-ambush" not in checked, checked
    text = (out / "validation-report.txt").read_text(encoding="utf-8")
    assert "(the union was built again without them): 1" in text


def test_an_unchanged_union_is_not_checked_again(
    built: tuple[Path, Path, Path, Path], checked: list[str]
) -> None:
    folder, out, cache, rules = built
    before = (out / "validation-report.txt").read_text(encoding="utf-8")
    code, output = _build(folder, out, cache, rules)
    assert code == 0, output
    assert checked == []
    assert (out / "validation-report.txt").read_text(encoding="utf-8") == before


def test_a_change_is_checked_where_it_touches_the_union(
    built: tuple[Path, Path, Path, Path], checked: list[str]
) -> None:
    folder, out, cache, rules = built
    ambush = raid("Katiba Sud", title="Ambush near Gao", place="Gao")
    (folder / "d-ambush.txt").write_text(ambush + "\nThe army sent reinforcements.\n")
    code, output = _build(folder, out, cache, rules)
    assert code == 0, output
    assert checked == ["d-ambush"]


def test_the_index_of_a_release_built_less_recently_is_evicted(
    built: tuple[Path, Path, Path, Path],
    checked: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The kept indexes are bounded (``$ATTACKGRAPH_UNION_KEEP_MB``): building a second
    release folder evicts the first one's index and marker, never its own; the first
    release's next build checks its whole union again, with the same report."""
    folder, out, cache, rules = built
    union = cache / "build" / "union"
    (first,) = union.glob("*.sqlite")
    before = (out / "validation-report.txt").read_text(encoding="utf-8")
    monkeypatch.setenv("ATTACKGRAPH_UNION_KEEP_MB", "0")
    code, output = _build(folder, out.with_name("other"), cache, rules)
    assert code == 0, output
    (kept,) = union.glob("*.sqlite")
    assert kept != first and not list(union.glob(first.stem + ".*"))
    checked.clear()
    code, output = _build(folder, out, cache, rules)
    assert code == 0, output
    assert sorted(checked) == ["a-raid", "b-raid", "d-ambush", "load"]  # the whole union
    assert (out / "validation-report.txt").read_text(encoding="utf-8") == before
    assert [p.stem for p in union.glob("*.sqlite")] == [first.stem]  # the other one evicted
