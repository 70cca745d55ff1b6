"""GeoNames dump files, the supplementary table, and how the layers combine."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from attackgraph.model import InputError, PlaceKind
from attackgraph.reference.files import reference_file
from attackgraph.reference.gazetteer import (
    packaged_index,
    read_geonames_dump,
    read_places_table,
)
from attackgraph.resolve import GEONAMES_CREDIT, Resolver

FIXTURE = Path(__file__).parent / "fixtures" / "gazetteer" / "ML.txt"


@pytest.fixture(scope="module")
def with_dump() -> Resolver:
    return Resolver(gazetteer_files=[FIXTURE])


@pytest.fixture()
def zipped(tmp_path: Path) -> Path:
    path = tmp_path / "ML.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(FIXTURE, "ML.txt")
        archive.writestr("readme.txt", "not a dump: must be skipped\tnot\tparsed\n")
    return path


def test_fixture_is_in_geonames_format() -> None:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 14
    assert all(len(line.split("\t")) == 19 for line in lines)
    rows = list(read_geonames_dump(FIXTURE))
    niono = next(r for r, _ in rows if r.geonameid == 2452655)
    assert (niono.name, niono.country, niono.admin1, niono.feature_code) == (
        "Niono",
        "ML",
        "05",
        "PPLA2",
    )
    assert niono.population == 52584
    segou = next(alts for r, alts in rows if r.geonameid == 2451478)
    assert "Segu" in segou and "Segou" in segou  # asciiname and alternates


def test_zipped_dump_reads_the_same_rows(zipped: Path) -> None:
    plain = [r for r, _ in read_geonames_dump(FIXTURE)]
    packed = [r.geonameid for r, _ in read_geonames_dump(zipped)]
    assert packed == [r.geonameid for r in plain]


def test_zipped_dump_resolves(zipped: Path) -> None:
    ref = Resolver(gazetteer_files=[zipped]).place("Sévaré", country="ML")
    assert ref.geonames_id == 90000001


def test_a_gazetteer_file_gives_sevare_its_geonames_id(with_dump: Resolver) -> None:
    # the file's row (with an id) wins over the supplementary row (without) for the
    # same place, 0 km apart
    ref = with_dump.place("Sevare", country="ML", region="Mopti region")
    assert ref.geonames_id == 90000001
    assert ref.slug == "ml-sevare"
    assert ref.container == "ml-mopti-region"


def test_a_town_wins_over_the_district_of_the_same_name(with_dump: Resolver) -> None:
    town = with_dump.place("Niono", country="ML")
    assert town.geonames_id == 2452655 and town.kind is PlaceKind.LOCALITY
    cercle = with_dump.place("Niono Cercle", country="ML")
    assert cercle.geonames_id == 90000003 and cercle.kind is PlaceKind.REGION
    assert cercle.container == "ml-segou-region"


def test_a_spot_is_an_exact_site(with_dump: Resolver) -> None:
    ref = with_dump.place("Sévaré military camp", country="ML")
    assert ref.geonames_id == 90000020
    assert ref.precision == "exact-site"
    assert ref.container == "ml-mopti-region"


def test_adm1_rows_map_admin1_codes(with_dump: Resolver) -> None:
    admin1 = with_dump.places.admin1
    assert admin1.iso("ML", "04") == "ML-5"
    assert admin1.evidence["ML-5"].startswith("adm1 ")
    region = with_dump.place("Région de Ségou", country="ML")
    assert (region.iso3166_2, region.geonames_id) == ("ML-4", 2451477)


def test_homonyms_in_one_country(with_dump: Resolver) -> None:
    # two villages called Sanga: 3,000 people in Mopti Region, 9,000 in Ségou Region
    assert not with_dump.place("Sanga", country="ML").resolved
    small = with_dump.place("Sanga", country="ML", region="Mopti Region")
    large = with_dump.place("Sanga", country="ML", region="Ségou Region")
    assert (small.geonames_id, large.geonames_id) == (90000010, 90000011)
    # the less populous one carries its id in its slug, so the two never merge
    assert (small.slug, large.slug) == ("ml-sanga-90000010", "ml-sanga")


def test_alternate_names_match(with_dump: Resolver) -> None:
    assert with_dump.place("Tombouctou", country="ML").geonames_id == 2449067


def test_malformed_dump_row_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "XX.txt"
    good = FIXTURE.read_text(encoding="utf-8").splitlines()[3]
    bad.write_text(good + "\n" + "\t".join(good.split("\t")[:18]) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(read_geonames_dump(bad))
    problem = caught.value.problem
    assert (problem.source, problem.line, problem.rule) == ("XX.txt", 2, "resolve/gazetteer-row")


def test_dump_row_with_bad_coordinates(tmp_path: Path) -> None:
    cells = FIXTURE.read_text(encoding="utf-8").splitlines()[3].split("\t")
    cells[4] = "95.0"
    bad = tmp_path / "YY.txt"
    bad.write_text("\t".join(cells) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="out of range"):
        list(read_geonames_dump(bad))


def test_missing_gazetteer_file_raises_on_first_use(tmp_path: Path) -> None:
    resolver = Resolver(gazetteer_files=[tmp_path / "absent.txt"])
    with pytest.raises(FileNotFoundError):
        resolver.place("Niono", country="ML")


def test_shipped_places_table_rows_have_sources() -> None:
    rows = list(read_places_table(reference_file("places.tsv")))
    assert rows, "the supplementary table is empty"
    for record, _ in rows:
        assert record.source and len(record.country) == 2
        assert -90 <= record.latitude <= 90 and -180 <= record.longitude <= 180
    sevare = next(r for r, _ in rows if r.name == "Sévaré")
    assert sevare.geonameid is None  # not confirmed, so not claimed


def test_places_table_with_wrong_columns(tmp_path: Path) -> None:
    bad = tmp_path / "places.tsv"
    bad.write_text("name\tlatitude\nX\t1\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(read_places_table(bad))
    assert caught.value.problem.rule == "resolve/places-row"


def test_places_table_row_without_source(tmp_path: Path) -> None:
    header = reference_file("places.tsv").read_text(encoding="utf-8").splitlines()[0]
    bad = tmp_path / "places.tsv"
    bad.write_text(header + "\n\tX\t\t1\t2\tML\t04\tPPL\t\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(read_places_table(bad))
    assert caught.value.problem.line == 2


def test_packaged_index_is_built_once() -> None:
    assert packaged_index() is packaged_index()
    assert packaged_index().size > 200_000


def test_geonames_credit_names_the_licence() -> None:
    assert "GeoNames" in GEONAMES_CREDIT and "CC BY 4.0" in GEONAMES_CREDIT
