"""``attackgraph build --extra-shapes``: a project's own rules, checked on every document
and on the published union, and the union loop that leaves out the documents whose
union breaks one (``pipeline.build``, up to three unions), run for real.

Each document below names one perpetrator of the same raid, so each conforms to the
rule "an attack has at most one perpetrator"; two of them name the same group and one
another group, so their union breaks it. The merge rules do not mend an extra shape: the
build leaves out the document that disagrees (blamed with the first one that gives the
other value, not with every document that describes the raid), publishes the rest, and
exits 1.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from sample_edits import raid

from attackgraph.cli import main
from attackgraph.validate import ShapesError, Validator, validate_file
from attackgraph.validate.dataset import validate_dataset

ONE_PERPETRATOR = """\
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ag: <https://w3id.org/attackgraph/ontology#> .
@prefix our: <https://example.org/our-rules#> .

our:one-perpetrator a sh:NodeShape ;
    sh:targetClass ag:Attack ;
    sh:property [ sh:path ag:perpetrator ; sh:maxCount 1 ;
        sh:message "our collection names one perpetrator an attack: keep the one agreed on" ] .
"""


@pytest.fixture()
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "a-raid.txt").write_text(raid("Front Nord"), encoding="utf-8")
    (folder / "b-raid.txt").write_text(raid("Front Nord"), encoding="utf-8")
    (folder / "c-raid.txt").write_text(raid("Katiba Sud"), encoding="utf-8")
    other = raid("Katiba Sud", title="Ambush near Gao", date="2 June 2021")
    (folder / "d-ambush.txt").write_text(other.replace("Tamba", "Gao"), encoding="utf-8")
    rules = tmp_path / "our-rules.ttl"
    rules.write_text(ONE_PERPETRATOR, encoding="utf-8")
    return folder, rules


def _build(folder: Path, out: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main, ["build", str(folder), "--out", str(out), "-j1", "--no-cache", "--no-pages", *args]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def test_a_union_that_breaks_an_extra_shape_leaves_out_the_document_that_disagrees(
    tmp_path: Path, inputs: tuple[Path, Path]
) -> None:
    folder, rules = inputs
    out = tmp_path / "release"
    code, output = _build(folder, out, "--extra-shapes", str(rules))
    assert code == 1, output
    lines = [line.strip() for line in output.splitlines() if "union/shapes" in line]
    assert len(lines) == 1, output
    # at the line of c-raid.txt that names its perpetrator (the union's own locator
    # found the event in a-raid.txt)
    stated = raid("Katiba Sud").splitlines().index("- Perpetrator: Katiba Sud") + 1
    assert re.fullmatch(
        rf"\S*/c-raid\.txt:{stated}: union/shapes: with \S*/a-raid\.txt: "
        r".*focus event:raid-on-tamba: "
        r"path ag:perpetrator: our collection names one perpetrator an attack.*",
        lines[0],
    ), lines[0]
    assert "b-raid" not in lines[0]  # it agrees with a-raid: not part of the break
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    assert report["built"] == 3 and [p["rule"] for p in report["skipped"]] == ["union/shapes"]
    dump = out / "attackgraph.nq"
    graphs = {line.rsplit(" ", 2)[-2] for line in dump.read_text(encoding="utf-8").splitlines()}
    assert {g.rsplit("/", 1)[-1] for g in graphs} == {"a-raid>", "b-raid>", "d-ambush>"}
    # the release conforms, to the shipped shapes and to the extra ones
    assert validate_file(dump).conforms
    assert validate_file(dump, Validator(extra=(rules,))).conforms
    text = (out / "validation-report.txt").read_text(encoding="utf-8")
    assert "extra shapes, checked but not mended: our-rules.ttl" in text
    assert "(the union was built again without them): 1" in text and "c-raid.txt:" in text
    assert CliRunner().invoke(main, ["validate", str(dump)]).exit_code == 0


def test_without_the_extra_shapes_the_same_documents_build(
    tmp_path: Path, inputs: tuple[Path, Path]
) -> None:
    folder, _ = inputs
    code, output = _build(folder, tmp_path / "release")
    assert code == 0, output
    assert "documents built: 4" in output


def test_a_document_that_breaks_an_extra_shape_alone_is_skipped(
    tmp_path: Path, inputs: tuple[Path, Path]
) -> None:
    folder, rules = inputs
    two = raid("Front Nord, Katiba Sud", title="Raid on Kidal")
    (folder / "b-raid.txt").write_text(two, encoding="utf-8")
    (folder / "c-raid.txt").unlink()
    code, output = _build(folder, tmp_path / "release", "--extra-shapes", str(rules))
    assert code == 1, output
    assert re.search(r"b-raid\.txt:\d+: validate/shapes: ", output), output


def test_shapes_that_read_too_far_for_the_union_check_are_refused(tmp_path: Path) -> None:
    far = tmp_path / "far.ttl"
    far.write_text(
        ONE_PERPETRATOR.replace(
            "sh:maxCount 1 ;",
            "sh:maxCount 1 ; sh:node [ sh:property [ sh:path ag:state ; "
            "sh:node [ sh:property [ sh:path ag:containedIn ; sh:class ag:Place ] ] ] ] ;",
        ),
        encoding="utf-8",
    )
    dump = tmp_path / "empty.nq"
    dump.write_text("", encoding="utf-8")
    with pytest.raises(ShapesError, match="further than 2 links"):
        validate_dataset(dump, Validator(extra=(far,)))


def test_an_unreadable_extra_shapes_file_is_a_clear_error(
    tmp_path: Path, inputs: tuple[Path, Path]
) -> None:
    folder, rules = inputs
    rules.write_text("this is not turtle", encoding="utf-8")
    code, output = _build(folder, tmp_path / "release", "--extra-shapes", str(rules))
    assert code == 1 and "our-rules.ttl: cannot read the shapes" in output, output
    assert "Traceback" not in output
