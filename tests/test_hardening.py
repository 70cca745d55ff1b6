"""Hardening: no input crashes a build, merges two things into one, or empties a release."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from attackgraph import pipeline
from attackgraph.cli import main
from attackgraph.extract.numbers import parse_quantity
from attackgraph.identifiers import slugify
from attackgraph.reference.names import name_key

ROOT = Path(__file__).parents[1]
SAMPLE = ROOT / "data" / "documents" / "000_6de047e5428871d9.txt"


def _doc(title: str, infobox: str = "- Date: 24 April 2022", prose: str = "A raid.") -> str:
    return f"= {title} =\n\nInfobox\n{infobox}\n\n{prose}\n"


def _build(inputs: Path, out: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", str(inputs), "--out", str(out), "-j1", *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def test_a_number_of_400_digits_is_not_an_amount() -> None:
    assert parse_quantity("9" * 400) is None
    assert parse_quantity("1e400") is None
    assert parse_quantity("10,000,000,000,000 killed") is None


class _Broken(pipeline.Converter):
    """A converter with a bug in one stage, standing in for the bugs we do not know of."""

    def _convert(self, path: Path, doc_id: str | None) -> pipeline.DocumentResult:
        if path.name == "bug.txt":
            raise KeyError("no ref for 'x'")
        return super()._convert(path, doc_id)


def test_an_exception_in_one_document_skips_it_with_file_line_rule(tmp_path: Path) -> None:
    shutil.copy(SAMPLE, tmp_path / "bug.txt")
    converter = _Broken(pipeline.BuildOptions(validate=False))
    skipped = converter.convert(tmp_path / "bug.txt").skipped
    assert str(skipped) == f"{tmp_path / 'bug.txt'}:1: internal/error: KeyError: \"no ref for 'x'\""
    assert converter.convert(SAMPLE).skipped is None


def test_a_huge_number_skips_nothing_and_the_others_build(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SAMPLE, inputs)
    (inputs / "huge.txt").write_text(
        _doc("Huge raid", "- Date: 2020\n- Fatalities: " + "9" * 400), encoding="utf-8"
    )
    code, output = _build(inputs, tmp_path / "out")
    assert code == 0, output
    assert "documents built: 2" in output


@pytest.mark.skipif(os.name != "posix", reason="needs byte file names")
def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SAMPLE, inputs)
    name = os.fsdecode(b"caf\xe9 raid.txt")
    (inputs / name).write_text(_doc("Cafe raid"), encoding="utf-8")
    code, output = _build(inputs, tmp_path / "out")
    assert code == 0, output
    assert "documents built: 2" in output
    nq = (tmp_path / "out" / "attackgraph.nq").read_text(encoding="utf-8")
    assert "caf\\\\xe9 raid.txt" in nq  # the escaped name, itself escaped by N-Quads
    report = (tmp_path / "out" / "build-report.json").read_text(encoding="utf-8")
    json.loads(report)


def _corpus(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"raid-{n}.txt").write_text(
            _doc(f"Raid on Tamba {n}", f"- Date: {n + 1} May 2020"), encoding="utf-8"
        )
    return folder


def test_an_empty_input_folder_is_an_error_and_keeps_the_release(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, output = _build(_corpus(tmp_path / "in", 2), out)
    assert code == 0, output
    before = (out / "attackgraph.nq").read_bytes()
    (tmp_path / "empty").mkdir()
    code, output = _build(tmp_path / "empty", out)
    assert code == 1 and "no documents" in output, output
    assert (out / "attackgraph.nq").read_bytes() == before


def test_the_summary_counts_documents_added_removed_and_changed(tmp_path: Path) -> None:
    inputs, out = _corpus(tmp_path / "in", 4), tmp_path / "out"
    code, output = _build(inputs, out)
    assert "changes against the previous release: none (first release)" in output
    (inputs / "raid-0.txt").unlink()
    (inputs / "raid-1.txt").write_text(_doc("Raid on Tamba 1", "- Date: 2021"), encoding="utf-8")
    (inputs / "raid-9.txt").write_text(_doc("Raid on Tamba 9"), encoding="utf-8")
    code, output = _build(inputs, out)
    assert code == 0, output
    assert "1 added, 1 removed, 1 changed, 2 unchanged" in output
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    assert [iri.rsplit("/", 1)[1] for iri in report["changes"]["removed"]] == ["raid-0"]


def test_removing_more_than_half_of_a_release_needs_allow_shrink(tmp_path: Path) -> None:
    inputs, out = _corpus(tmp_path / "in", 5), tmp_path / "out"
    assert _build(inputs, out)[0] == 0
    before = (out / "attackgraph.nq").read_bytes()
    for n in range(3):
        (inputs / f"raid-{n}.txt").unlink()
    code, output = _build(inputs, out)
    assert code == 1 and "would remove 3 of the previous release's 5 documents" in output
    assert (out / "attackgraph.nq").read_bytes() == before
    code, output = _build(inputs, out, "--allow-shrink")
    assert code == 0, output
    assert "0 added, 3 removed" in output


def test_two_files_giving_one_document_iri_is_an_error_naming_both(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "x.txt").write_text(_doc(f"Raid {folder}"), "utf-8")
    (tmp_path / "in" / "a-x.txt").write_text(_doc("Raid c"), "utf-8")
    code, output = _build(tmp_path / "in", tmp_path / "out")
    assert code == 1, output
    assert "identity/duplicate-document" in output
    assert "documents built: 2" in output
    problem = next(line for line in output.splitlines() if "duplicate-document" in line)
    assert f"{tmp_path / 'in' / 'a-x.txt'}:1:" in problem and "a/x.txt" in problem, problem


def test_files_of_one_name_in_two_folders_are_two_documents(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "x.txt").write_text(_doc(f"Raid {folder}"), "utf-8")
    code, output = _build(tmp_path / "in", tmp_path / "out")
    assert code == 0, output
    nq = (tmp_path / "out" / "attackgraph.nq").read_text(encoding="utf-8")
    assert "/id/doc/a-x>" in nq and "/id/doc/b-x>" in nq


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Diyarbakır", "diyarbakir"), ("Ðakovo", "dakovo"), ("Þingvellir", "thingvellir")],
)
def test_slugs_transliterate(name: str, slug: str) -> None:
    assert slugify(name) == slug
    assert name_key(name) == slug


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("北京 attack", "東京 attack"),
        ("C++ Front", "C Front"),
        ("北京", "東京"),
        ("!!!", "???"),
        ("Front 🔥", "Front"),
    ],
)
def test_different_names_get_different_slugs(one: str, other: str) -> None:
    assert slugify(one) != slugify(other)
    empty_hash = "u-" + hashlib.sha256(b"").hexdigest()[:10]
    assert empty_hash not in (slugify(one), slugify(other))
    assert not slugify(one).startswith("-")


def test_invisible_characters_do_not_make_another_name() -> None:
    assert slugify("Al\u200bShabaab\u200f") == slugify("AlShabaab")
    assert name_key("Al\u200bShabaab") == name_key("alshabaab")


def test_names_in_other_scripts_are_different_events_and_actors(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n, (place, group) in enumerate([("北京", "!!!"), ("東京", "???")]):
        (inputs / f"d{n}.txt").write_text(
            _doc(f"{place} attack", f"- Date: {n + 1} May 2020\n- Perpetrator: {group}"),
            encoding="utf-8",
        )
    code, output = _build(inputs, tmp_path / "out")
    assert code == 0, output
    nq = (tmp_path / "out" / "attackgraph.nq").read_text(encoding="utf-8")
    assert "/id/event/beijing-attack>" in nq and "/id/event/dongjing-attack>" in nq
    assert hashlib.sha256(b"").hexdigest()[:10] not in nq


def _claims(size: int) -> str:
    sentence = "The Malian government stated that six soldiers were killed in the attack. "
    line = sentence * 20 + "\n"
    return _doc("Raid on Tamba", prose=line * (size // len(line)))


def test_a_document_past_the_time_limit_is_skipped_with_limit_time(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SAMPLE, inputs)
    (inputs / "slow.txt").write_text(_claims(400_000), encoding="utf-8")
    code, output = _build(inputs, tmp_path / "out", "--time-limit", "0.5")
    assert code == 1, output
    # CPU time, or wall time when a loaded machine starves the worker first
    assert re.search(
        re.escape(f"{inputs / 'slow.txt'}:1: limit/time: converting took more than ")
        + r"(0\.5 s of CPU time|[0-9.]+ s of wall time)",
        output,
    ), output


def test_a_document_past_the_memory_limit_is_skipped_with_limit_memory(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SAMPLE, inputs)
    (inputs / "big.txt").write_text(_claims(400_000), encoding="utf-8")
    no_claims_limit = ("--claims-limit", "0")  # else 1,000 claims stay under 8 MiB
    # A process of its own, as a user's build runs: the limit is on the growth of resident
    # memory, and the test process, after hundreds of tests, reuses memory freed earlier.
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "attackgraph",
            "build",
            str(inputs),
            "--out",
            str(tmp_path / "out"),
            "-j1",
            "--memory-limit",
            "8",
            "--no-validate",
            *no_claims_limit,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    output = done.stdout + done.stderr
    assert f"{inputs / 'big.txt'}:1: limit/memory:" in output, output
    assert "Traceback" not in output
    assert done.returncode == 1


def _tallies(count: int) -> str:
    return "\n\n".join(
        f"On day {n} of the siege the district office reported that {n + 2} guards had died."
        for n in range(1, count + 1)
    )


def test_the_claims_limit_keeps_the_first_claims_and_names_the_line_where_it_stopped() -> None:
    from attackgraph.extract import extract
    from attackgraph.parse import parse

    data = _doc("Siege of Ovrin", prose=_tallies(8)).encode()
    assert len(extract(parse(data, "ovrin.txt")).claims) == 8
    capped = extract(parse(data, "ovrin.txt"), max_claims=3)
    assert [c.figures[0].quantity.value for c in capped.claims] == [3, 4, 5]
    [warning] = [w for w in capped.warnings if w.rule == "limit/claims"]
    fourth = data.decode().splitlines().index(_tallies(8).split("\n\n")[3]) + 1
    assert (warning.source, warning.line) == ("ovrin.txt", fourth)
    assert "more than 3 claims" in warning.message


def test_the_infoboxs_claims_count_towards_the_limit_and_stop_the_reading() -> None:
    from attackgraph.extract import extract
    from attackgraph.parse import parse

    lines = "- Date: 2 June 2021\n- Casualties1: 4 killed (per Ovrin police), 5 killed (per Red "
    lines += "Crescent)"
    data = _doc("Siege of Ovrin", lines + "\n- Casualties2: 7 wounded", _tallies(4)).encode()
    assert len(extract(parse(data, "ovrin.txt")).claims) == 7
    mixed = extract(parse(data, "ovrin.txt"), max_claims=5)  # 3 in the infobox, 2 in the prose
    assert len(mixed.claims) == 5
    [warning] = [w for w in mixed.warnings if w.rule == "limit/claims"]
    assert "more than 5 claims" in warning.message  # the document's limit, not what was left
    boxed = extract(parse(data, "ovrin.txt"), max_claims=1)
    assert [(c.source and c.source.name) for c in boxed.claims] == ["Ovrin police"]
    [warning] = [w for w in boxed.warnings if w.rule == "limit/claims"]
    assert warning.line == 5 and "more than 1 claims" in warning.message  # the Casualties1 line
    assert boxed.read == boxed.text() and "siege the district office" not in boxed.text()


def test_a_claim_counts_once_per_figure_and_is_kept_whole_or_left_out() -> None:
    from attackgraph.extract import extract
    from attackgraph.parse import parse

    many = ", ".join(f"{n} killed" for n in range(2, 40))  # one claim: no source
    lines = f"- Date: 2 June 2021\n- Deaths: 3\n- Casualties1: {many}\n- Injuries: 9"
    data = _doc("Siege of Ovrin", lines, _tallies(2)).encode()
    whole = extract(parse(data, "ovrin.txt"))
    assert [len(c.figures) for c in whole.claims][:3] == [1, 38, 1]
    capped = extract(parse(data, "ovrin.txt"), max_claims=20)  # 1 + 38 is past 20
    assert [len(c.figures) for c in capped.claims] == [1]  # no claim cut to some figures
    [warning] = [w for w in capped.warnings if w.rule == "limit/claims"]
    assert warning.line == 6 and "once per figure" in warning.message  # the Casualties1 line
    assert capped.read == capped.text() and "district office" not in capped.text()
    fits = extract(parse(data, "ovrin.txt"), max_claims=41)  # 1 + 38 + 1, one left for prose
    assert [len(c.figures) for c in fits.claims] == [1, 38, 1, 1]


def test_the_text_after_the_claims_limit_is_read_by_no_stage() -> None:
    from attackgraph.extract import extract
    from attackgraph.parse import parse

    later = "\n\nPrime Minister Ada Obiora visited the wounded in Ovrin."
    data = _doc("Siege of Ovrin", prose=_tallies(6) + later).encode()
    whole = extract(parse(data, "ovrin.txt"))
    assert whole.read is None and whole.text() == whole.document.text
    assert "Ada Obiora" in {a.name for a in whole.actors}
    capped = extract(parse(data, "ovrin.txt"), max_claims=3)
    assert capped.text() == capped.document.text[: len(capped.read or "")]
    assert capped.text().rstrip().endswith("5 guards had died.")
    assert "Ada Obiora" not in {a.name for a in capped.actors}


def test_a_long_texts_anaphora_scan_only_as_far_as_the_reading_reached() -> None:
    from attackgraph.extract import anaphora

    filler = "The convoy moved on and the road was quiet. " * 8_000  # 352,000 characters
    text = filler + "The interior minister, Ada Obiora, spoke for the Ministry of Health of "
    text += "Zembla. Later the minister said 9 died and the ministry gave a toll. "
    text += filler + "The health minister, Ian Lowe, spoke for the Zembla Ministry of Aid."
    at, end = text.index("the minister said"), len(text)
    assert len(text) > anaphora._WHOLE and anaphora._horizon(text, at) < end
    assert anaphora.appositive_person(text, at, "minister") == "Ada Obiora"
    assert anaphora.antecedent(text, at, "ministry") == "Ministry of Health of Zembla"
    assert anaphora.appositive_person(text, end, "minister") == "Ian Lowe"  # scanned further
    assert anaphora.antecedent(text, end, "ministry") == "Zembla Ministry of Aid"


def test_a_document_past_the_claims_limit_builds_with_a_limit_claims_warning(
    tmp_path: Path,
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "ovrin.txt").write_text(_doc("Siege of Ovrin", prose=_tallies(8)), encoding="utf-8")
    code, output = _build(inputs, tmp_path / "out", "--claims-limit", "3", "--no-cache")
    assert code == 0, output
    assert re.search(
        re.escape(f"warning: {inputs / 'ovrin.txt'}:") + r"\d+: limit/claims: more than 3", output
    ), output
    code, output = _build(inputs, tmp_path / "out2", "--claims-limit", "0", "--no-cache")
    assert code == 0 and "limit/claims" not in output, output


UNION = {
    "a.txt": _doc(
        "Raid on Tamba",
        "- Date: 1 May 2020\n- Place: Tamba, Mopti Region, Mali\n- Perpetrator: Katibat Macina\n"
        "- Commander1: Amadou Koufa",
        "Gunmen attacked Tamba in São Paulo district.",
    ),
    "b.txt": _doc(
        "Raid on Tamba",
        "- Date: 1 May 2020\n- Place: Tamba, Ségou Region, Mali\n"
        "- Perpetrator: Katibat\u200b Macina\n- Commander1: Amadou Kouffa",
        "Gunmen attacked Tamba in Sao Paulo district.",
    ),
    "c.txt": _doc("Raid on Tamba", "- Date: 3–5 June 2021\n- Place: Tamba, Mali"),
    "d.txt": _doc("Raid on Tamba", "- Date: 2019\n- Place: Tamba, Mali"),
    "e.txt": _doc("Raid on Tamba", "- Place: Tamba, Mali"),
    "f.txt": _doc("Raid on Tamba", "- Date: 1 May 2020\n- Place: Ouagadougou, Burkina Faso"),
}


@pytest.fixture(scope="module")
def union_release(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    inputs = tmp_path_factory.mktemp("union")
    for name, text in UNION.items():
        (inputs / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("union-out") / "release"
    code, output = _build(inputs, out)
    assert code == 0, output
    return out, output


@pytest.mark.parametrize("dump", ["attackgraph.nq", "attackgraph.ttl", "attackgraph.jsonld"])
def test_the_published_union_conforms(union_release: tuple[Path, str], dump: str) -> None:
    out, _ = union_release
    result = CliRunner().invoke(main, ["validate", str(out / dump)])
    assert result.exit_code == 0, result.output


def test_events_of_one_title_merge_only_with_compatible_dates(
    union_release: tuple[Path, str],
) -> None:
    out, _ = union_release
    query = """SELECT DISTINCT ?e ?d ?s ?c WHERE { ?e a ag:Attack ; schema:name "Raid on Tamba" .
               OPTIONAL { ?e ag:date ?d } OPTIONAL { ?e ag:startDate ?s }
               OPTIONAL { ?e ag:country ?c } } ORDER BY ?e"""
    result = CliRunner().invoke(main, ["query", str(out), query, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = result.output.strip().splitlines()[1:]
    # a+b+e (1 May 2020 in Mali, e states no date), c (a range), d (2019), f (Burkina Faso)
    assert len(rows) == 4, rows
    facts = sorted(",".join(row.split(",")[1:3] + [row.rsplit("/", 1)[-1]]) for row in rows)
    assert facts == [",2021-06-03,ml", "2019,,ml", "2020-05-01,,bf", "2020-05-01,,ml"], facts


def test_validation_report_says_what_was_checked_across_documents(
    union_release: tuple[Path, str],
) -> None:
    out, output = union_release
    text = (out / "validation-report.txt").read_text(encoding="utf-8")
    assert "cross-document checks (the union of 6 documents' graphs)" in text
    assert "events kept apart (same title, other date or country): 3" in text
    assert "other names kept as schema:alternateName: " in text
    assert "the shapes on the published union (" in text
    assert "each with its neighbourhood): conforms" in text


@pytest.mark.parametrize("name", ["-", "the", "!!!", "????? ???????", "\u200b", "Front \u202e"])
def test_actor_names_without_letters_build(tmp_path: Path, name: str) -> None:
    doc = _doc(
        "Raid on Tamba",
        f"- Date: 2020\n- Perpetrator: {name}\n- Combatant1: {name}",
        f"The {name} stated that 5 soldiers were killed. Witnesses said {name} fled.",
    )
    (tmp_path / "raid.txt").write_text(doc, encoding="utf-8")
    result = pipeline.Converter(pipeline.BuildOptions()).convert(tmp_path / "raid.txt")
    assert result.skipped is None or not result.skipped.rule.startswith("internal/"), result


@pytest.mark.parametrize(
    ("infobox", "member"),
    [
        # a registry armed group in the commander field (26 skips of `make hostile`)
        ("- Commander1: Jama'at Nasr al-Islam wal Muslimin", "/id/actor/jnim>"),
        # the commander's name is the side's own combatant (one node, an armed group)
        ("- Combatant1: C Front\n- Commander1: C Front", "/id/actor/c-front>"),
        ("- Commander1: C Front\n- Combatant1: C Front", "/id/actor/c-front>"),
    ],
)
def test_a_commander_that_is_no_person_is_kept_as_a_member(infobox: str, member: str) -> None:
    doc = _doc("Raid on Tamba", f"- Date: 2020\n{infobox}")
    converter = pipeline.Converter(pipeline.BuildOptions())
    result = converter.convert_bytes(doc.encode(), Path("raid.txt"))
    assert result.skipped is None, result.skipped
    lines = {f"{q.predicate} {q.object}" for q in result.quads}
    assert any(line.startswith("<https://w3id.org/attackgraph/ontology#member>") and
               line.endswith(member) for line in lines), lines  # fmt: skip
    assert not any("ontology#commander>" in line for line in lines), lines
    assert [w.rule for w in result.warnings].count("resolve/commander-not-person") == 1
