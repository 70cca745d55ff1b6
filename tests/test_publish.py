"""The publish stage: release folder contents, VoID/DCAT, checksums, stats, determinism,
and the atomic swap tested by killing real builds.

The sample corpus (data/documents) is built once per module with ``pipeline.build`` into
a staging folder and published. The golden ``void.ttl`` lives in tests/golden/publish/;
after an intended change regenerate it with
``UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_publish.py`` and review the diff by eye.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from release_tree import tree

from attackgraph import pipeline
from attackgraph.publish import (
    DEFAULT_ENDPOINT,
    PublishError,
    PublishOptions,
    ReleaseStats,
    publish,
    recover,
    staged_release,
)
from attackgraph.publish.release import previous_path, staging_path
from attackgraph.resolve import GEONAMES_CREDIT

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = ROOT / "data" / "documents"
FIXTURE_NQ = ROOT / "tests" / "fixtures" / "release" / "attackgraph.nq"
GOLDEN = ROOT / "tests" / "golden" / "publish"
UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))
BASE = "https://w3id.org/attackgraph"
DOWNLOAD = "https://example.org/attackgraph/release"
SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
RDF = rdflib.Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
XSD = rdflib.Namespace("http://www.w3.org/2001/XMLSchema#")
DUMPS = ("attackgraph.nq", "attackgraph.nt", "attackgraph.ttl", "attackgraph.jsonld")
PREFIXES = """PREFIX ag: <https://w3id.org/attackgraph/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def stats_of(report: pipeline.BuildReport) -> ReleaseStats:
    """What the lead's pipeline.build will pass to publish."""
    return ReleaseStats(
        documents_read=report.documents,
        documents_built=report.built,
        skipped=tuple(report.skipped),
        warnings=len(report.warnings),
        violations=len(report.violations),
        quads=report.quads,
        triples=report.triples,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ReleaseStats]:
    """The sample corpus built and published into a release folder."""
    out = tmp_path_factory.mktemp("sample") / "release"
    with staged_release(out) as staging:
        report = pipeline.build([DOCUMENTS], staging)
        stats = stats_of(report)
        options = PublishOptions(download_base=DOWNLOAD, endpoint_url=DEFAULT_ENDPOINT)
        publish(staging, stats=stats, base=BASE, version="0.1.0", issued=None, options=options)
    return out, stats


@pytest.fixture(scope="module")
def release(built: tuple[Path, ReleaseStats]) -> Path:
    return built[0]


@pytest.fixture(scope="module")
def store(release: Path) -> ox.Store:
    s = ox.Store()
    s.bulk_load(path=str(release / "attackgraph.nq"), format=ox.RdfFormat.N_QUADS)
    return s


def select(store: ox.Store, query: str) -> list[ox.QuerySolution]:
    result = store.query(PREFIXES + query, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    return list(result)


def count(store: ox.Store, query: str) -> int:
    [row] = select(store, query)
    value = row["n"]
    assert value is not None
    return int(value.value)


# --- contents ---------------------------------------------------------------------------


def test_release_has_every_file(release: Path) -> None:
    names = {p.name for p in release.iterdir()}
    expected = {*DUMPS, "attackgraph.trig", "validation-report.txt", "build-report.json"}
    expected |= {f"{d}.gz" for d in (*DUMPS, "attackgraph.trig")}
    expected |= {"ontology.ttl", "ontology.jsonld", "ontology.html", "shapes.ttl"}
    expected |= {"context.jsonld", "void.ttl", "stats.json", "SHA256SUMS", "README.md"}
    expected |= {"prefixes.rq", "assets"}
    expected |= {"index.html", "documents.html", "actors.html", "places.html", "id"}
    assert expected <= names, expected - names
    assert not [n for n in names if n.startswith(".")]  # no temporary files left
    assert not staging_path(release).exists() and not previous_path(release).exists()


@pytest.mark.parametrize("dump", [*DUMPS, "attackgraph.trig"])
def test_gzip_copies_are_deterministic(release: Path, dump: str) -> None:
    packed = (release / f"{dump}.gz").read_bytes()
    assert gzip.decompress(packed) == (release / dump).read_bytes()
    assert packed[3] & 0x08 == 0, "no file name in the gzip header"
    assert packed[4:8] == b"\0\0\0\0", "mtime is 0"


def test_sha256sum_accepts_the_checksums(release: Path) -> None:
    sums = (release / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    listed = [line.split("  ", 1)[1] for line in sums]
    every = sorted(p.relative_to(release).as_posix() for p in release.rglob("*") if p.is_file())
    assert listed == sorted(listed) == [n for n in every if n != "SHA256SUMS"]
    done = subprocess.run(
        ["sha256sum", "--check", "--strict", "--quiet", "SHA256SUMS"],
        cwd=release,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_shipped_vocabulary_files_parse(release: Path) -> None:
    ontology = rdflib.Graph().parse(release / "ontology.ttl", format="turtle")
    as_jsonld = list(ox.parse(path=str(release / "ontology.jsonld"), format=ox.RdfFormat.JSON_LD))
    assert len(as_jsonld) == len(ontology) > 900
    assert len(rdflib.Graph().parse(release / "shapes.ttl", format="turtle")) > 100
    assert (release / "context.jsonld").read_bytes() == (
        ROOT / "ontology/context.jsonld"
    ).read_bytes()


# --- VoID and DCAT ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def void(release: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(release / "void.ttl", format="turtle")


def test_void_describes_the_dataset(void: rdflib.Graph, store: ox.Store) -> None:
    ds = rdflib.URIRef(BASE + "/dataset")
    assert (ds, RDF.type, VOID.Dataset) in void and (ds, RDF.type, DCAT.Dataset) in void
    for prop in (DCTERMS.title, DCTERMS.description, DCAT.version, DCTERMS.issued):
        assert void.value(ds, prop) is not None, prop
    latest = select(store, "SELECT (MAX(?d) AS ?n) { ?e ag:date|ag:startDate|ag:endDate ?d "
                           "FILTER(DATATYPE(?d) = xsd:date) }")[0]["n"]  # fmt: skip
    assert latest is not None
    assert void.value(ds, DCTERMS.issued) == rdflib.Literal(latest.value, datatype=XSD.date)
    cc = rdflib.URIRef("https://creativecommons.org/licenses/by-sa/4.0/")
    assert void.value(ds, DCTERMS.license) == cc
    rights = {str(r) for r in void.objects(ds, DCTERMS.rights)}
    assert GEONAMES_CREDIT in rights and any("CC BY-SA 4.0" in r for r in rights)
    assert void.value(ds, VOID.sparqlEndpoint) == rdflib.URIRef("http://127.0.0.1:8000/sparql")
    assert str(void.value(ds, VOID.uriSpace)) == BASE + "/id/"
    vocabularies = set(void.objects(ds, VOID.vocabulary))
    assert rdflib.URIRef("https://w3id.org/attackgraph/ontology#") in vocabularies
    examples = list(void.objects(ds, VOID.exampleResource))
    assert examples
    for example in examples:
        ask = store.query(
            PREFIXES + f"ASK {{ <{example}> a ag:Attack }}", use_default_graph_as_union=True
        )
        assert bool(ask), example


def test_void_distributions_have_true_sizes_and_checksums(
    void: rdflib.Graph, release: Path
) -> None:
    ds = rdflib.URIRef(BASE + "/dataset")
    distributions = list(void.objects(ds, DCAT.distribution))
    downloads = {}
    for dist in distributions:
        assert (dist, RDF.type, DCAT.Distribution) in void
        assert void.value(dist, DCAT.mediaType) is not None
        url = void.value(dist, DCAT.downloadURL)
        if url is None:  # the HTML pages: an access URL only
            assert str(void.value(dist, DCAT.accessURL)) == DOWNLOAD + "/index.html"
            continue
        assert str(url).startswith(DOWNLOAD + "/")
        path = release / str(url)[len(DOWNLOAD) + 1 :]
        size = void.value(dist, DCAT.byteSize)
        assert isinstance(size, rdflib.Literal) and size.toPython() == path.stat().st_size
        checksum = void.value(dist, SPDX.checksum)
        assert void.value(checksum, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert str(void.value(checksum, SPDX.checksumValue)) == digest
        assert (ds, VOID.dataDump, url) in void
        downloads[path.name] = str(void.value(dist, DCAT.mediaType))
    assert set(downloads) >= {*DUMPS, *(f"{d}.gz" for d in DUMPS)}
    assert downloads["attackgraph.nq"].endswith("/application/n-quads")
    assert downloads["attackgraph.nq.gz"].endswith("/application/n-quads")


def test_void_statistics_equal_sparql_counts(void: rdflib.Graph, store: ox.Store) -> None:
    ds = rdflib.URIRef(BASE + "/dataset")

    def stat(node: rdflib.term.Node, prop: rdflib.URIRef) -> int:
        value = void.value(node, prop)
        assert isinstance(value, rdflib.Literal), (node, prop)
        return int(value)

    triples = "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }"
    assert stat(ds, VOID.triples) == count(store, triples)
    subjects = "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }"
    assert stat(ds, VOID.distinctSubjects) == count(store, subjects)
    assert stat(ds, VOID.distinctObjects) == count(
        store, "SELECT (COUNT(DISTINCT ?o) AS ?n) { ?s ?p ?o }"
    )
    entities = (
        f'SELECT (COUNT(DISTINCT ?s) AS ?n) {{ ?s ?p ?o FILTER STRSTARTS(STR(?s), "{BASE}/id/") }}'
    )
    assert stat(ds, VOID.entities) == count(store, entities)
    partitions = list(void.objects(ds, VOID.classPartition))
    assert len(partitions) == stat(ds, VOID.classes) > 10
    for part in partitions:
        cls = void.value(part, VOID["class"])
        assert stat(part, VOID.entities) == count(
            store, f"SELECT (COUNT(DISTINCT ?s) AS ?n) {{ ?s a <{cls}> }}"
        )
    properties = list(void.objects(ds, VOID.propertyPartition))
    assert len(properties) == stat(ds, VOID.properties) > 40
    for part in properties:
        prop = void.value(part, VOID.property)
        query = f"SELECT (COUNT(*) AS ?n) {{ SELECT DISTINCT ?s ?o {{ ?s <{prop}> ?o }} }}"
        assert stat(part, VOID.triples) == count(store, query), prop


def test_void_golden(release: Path) -> None:
    """The sample corpus' void.ttl, reviewed by eye (sizes and digests change with the data)."""
    golden = GOLDEN / "void.ttl"
    got = (release / "void.ttl").read_text(encoding="utf-8")
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8"), (
        "void.ttl changed: if intended, regenerate with UPDATE_GOLDEN=1 and review the diff"
    )


# --- stats.json -------------------------------------------------------------------------


def test_stats_json_equals_sparql_counts(built: tuple[Path, ReleaseStats], store: ox.Store) -> None:
    import json

    release, given = built
    stats = json.loads((release / "stats.json").read_text(encoding="utf-8"))
    assert list(stats) == sorted(stats)
    assert stats["documents"]["read"] == given.documents_read == 10
    assert stats["documents"]["built"] == given.documents_built
    assert stats["documents"]["skipped"] == len(stats["documents"]["skipped_documents"]) == 0
    assert stats["warnings"] == given.warnings
    assert stats["quads"] == count(store, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
    assert stats["triples"] == count(
        store, "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }"
    )
    assert stats["graphs"] == count(
        store, "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?s ?p ?o } }"
    )
    rows = select(store, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c } GROUP BY ?c")
    classes = {_curie(r["c"].value): int(r["n"].value) for r in rows}  # type: ignore[union-attr]
    assert stats["classes"] == classes
    rows = select(
        store,
        "SELECT ?p (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } } GROUP BY ?p",
    )
    assert stats["properties"] == {_curie(r["p"].value): int(r["n"].value) for r in rows}  # type: ignore[union-attr]
    events = "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o FILTER STRSTARTS(STR(?s), " \
             f'"{BASE}/id/event/") }}'  # fmt: skip
    assert stats["pages"]["event"] == count(store, events)


def _curie(iri: str) -> str:
    from attackgraph.identifiers import prefixes_for

    best = max(
        ((p, ns) for p, ns in prefixes_for(BASE).items() if iri.startswith(ns)),
        key=lambda item: len(item[1]),
    )
    return f"{best[0]}:{iri[len(best[1]) :]}"


# --- determinism and options ------------------------------------------------------------


def _staged_dumps(target: Path, source: Path) -> None:
    target.mkdir()
    for name in (*DUMPS, "attackgraph.trig", "validation-report.txt"):
        shutil.copyfile(source / name, target / name)


def test_two_publishes_are_byte_identical(built: tuple[Path, ReleaseStats], tmp_path: Path) -> None:
    """Same dumps in, same bytes out, also in another process with another hash seed."""
    release, stats = built
    first = tmp_path / "first"
    _staged_dumps(first, release)
    options = PublishOptions(download_base=DOWNLOAD, endpoint_url=DEFAULT_ENDPOINT)
    publish(first, stats=stats, base=BASE, version="0.1.0", issued=None, options=options)
    second = tmp_path / "second"
    _staged_dumps(second, release)
    script = f"""
from pathlib import Path
from attackgraph.publish import PublishOptions, ReleaseStats, publish
stats = ReleaseStats({stats.documents_read}, {stats.documents_built}, warnings={stats.warnings},
                     quads={stats.quads}, triples={stats.triples})
publish(Path({str(second)!r}), stats=stats, base={BASE!r}, version="0.1.0", issued=None,
        options=PublishOptions(download_base={DOWNLOAD!r}, endpoint_url={DEFAULT_ENDPOINT!r}))
"""
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", script], check=True, env=env)
    a, b = tree(first), tree(second)
    assert a.keys() == b.keys()
    assert [n for n in a if a[n] != b[n]] == []
    ours = tree(release)
    assert [n for n in a if n not in ("SHA256SUMS", "build-report.json") and a[n] != ours[n]] == []


def test_issued_option_and_bad_input(built: tuple[Path, ReleaseStats], tmp_path: Path) -> None:
    release, stats = built
    folder = tmp_path / "staging"
    _staged_dumps(folder, release)
    assert PublishOptions().endpoint_url is None  # no loopback address unless asked for
    options = PublishOptions(pages=False)
    publish(folder, stats=stats, base=BASE, version="9", issued="2030-01-02", options=options)
    void = rdflib.Graph().parse(folder / "void.ttl", format="turtle")
    ds = rdflib.URIRef(BASE + "/dataset")
    assert void.value(ds, DCTERMS.issued) == rdflib.Literal("2030-01-02", datatype=XSD.date)
    assert void.value(ds, VOID.sparqlEndpoint) is None
    assert not (folder / "index.html").exists() and not (folder / "id").exists()
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        publish(folder, stats=stats, base=BASE, version="9", issued="yesterday")
    wrong = ReleaseStats(10, 10, triples=stats.triples + 1)
    with pytest.raises(PublishError, match="the build reported"):
        publish(folder, stats=wrong, base=BASE, version="9", issued=None, options=options)
    (folder / "attackgraph.nt").unlink()
    with pytest.raises(PublishError, match="attackgraph.nt: missing"):
        publish(folder, stats=stats, base=BASE, version="9", issued=None)


# --- the staged release -----------------------------------------------------------------


def _fake_release(folder: Path, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "attackgraph.nq").write_text(text)
    digest = hashlib.sha256(text.encode()).hexdigest()
    (folder / "SHA256SUMS").write_text(f"{digest}  attackgraph.nq\n")


@pytest.mark.parametrize("exchange", [True, False])
def test_staged_release_swaps_and_cleans_up(tmp_path: Path, exchange: bool) -> None:
    out = tmp_path / "release"
    _fake_release(out, "old\n")
    with staged_release(out, exchange=exchange) as staging:
        assert staging.parent == out.parent and staging != out
        _fake_release(staging, "new\n")
        assert (out / "attackgraph.nq").read_text() == "old\n"  # not yet
    assert (out / "attackgraph.nq").read_text() == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".release.lock", "release"]


def test_failed_build_leaves_previous_release(tmp_path: Path) -> None:
    out = tmp_path / "release"
    _fake_release(out, "old\n")
    with pytest.raises(RuntimeError, match="boom"), staged_release(out) as staging:
        _fake_release(staging, "half\n")
        raise RuntimeError("boom")
    assert (out / "attackgraph.nq").read_text() == "old\n"
    assert not staging_path(out).exists()


def test_refuses_to_replace_a_folder_that_is_not_a_release(tmp_path: Path) -> None:
    out = tmp_path / "home"
    out.mkdir()
    (out / "thesis.tex").write_text("precious")
    with pytest.raises(PublishError, match="not an attackgraph release"):
        with staged_release(out):
            pass
    assert (out / "thesis.tex").read_text() == "precious"


def test_a_second_build_of_the_same_release_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "release"
    with staged_release(out) as staging:
        _fake_release(staging, "one\n")
        with pytest.raises(PublishError, match="another build"):
            with staged_release(out):
                pass
    assert (out / "attackgraph.nq").read_text() == "one\n"


def test_recover_restores_or_removes_leftovers(tmp_path: Path) -> None:
    out = tmp_path / "release"
    _fake_release(previous_path(out), "old\n")  # killed between the two renames
    assert recover(out) == ["restored the previous release"]
    assert (out / "attackgraph.nq").read_text() == "old\n"
    _fake_release(previous_path(out), "older\n")  # killed while deleting the old one
    _fake_release(staging_path(out), "half\n")
    assert recover(out) == ["removed the replaced release", "removed a leftover staging folder"]
    assert (out / "attackgraph.nq").read_text() == "old\n"
    assert recover(out) == []


# --- killing real builds ----------------------------------------------------------------

BUILD_SCRIPT = textwrap.dedent(
    """
    import os, signal, sys, time
    from itertools import groupby
    from pathlib import Path
    import pyoxigraph as ox
    from attackgraph import export
    from attackgraph.publish import ReleaseStats, publish, staged_release

    source, out, version = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    pause_at, exchange = os.environ.get("PAUSE_AT"), os.environ.get("EXCHANGE", "1") == "1"
    kill_at, calls = int(os.environ.get("KILL_AT_CALL", "0")), 0

    def count(frame, event, arg):  # KILL_AT_CALL=n: SIGKILL itself at its n-th call
        global calls
        if event in ("call", "c_call"):
            calls += 1
            if calls == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)

    if "KILL_AT_CALL" in os.environ:
        sys.setprofile(count)

    def step(name):
        print("step", name, calls, flush=True)
        if name == pause_at:
            print("paused", flush=True)
            time.sleep(600)

    by_graph = lambda q: str(q.graph_name)
    quads = sorted(ox.parse(path=str(source), format=ox.RdfFormat.N_QUADS), key=by_graph)
    batches = [list(g) for _, g in groupby(quads, key=by_graph)]
    with staged_release(out, exchange=exchange, progress=step) as staging:
        step("export")
        written = export.write_dataset(batches, staging)
        export.write_text(staging / "validation-report.txt", "Conforms.\\n")
        n = len(batches)
        stats = ReleaseStats(n, n, quads=written.quads, triples=written.triples)
        publish(staging, stats=stats, base="https://w3id.org/attackgraph", version=version,
                issued=None, progress=step)
    print("done", flush=True)
    """
)


def _run_build(script: Path, out: Path, version: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(script), str(FIXTURE_NQ), str(out), version],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **env},
    )


def _verifies(folder: Path) -> bool:
    done = subprocess.run(
        ["sha256sum", "--check", "--strict", "--quiet", "SHA256SUMS"],
        cwd=folder,
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def _version(folder: Path) -> str:
    import json

    return str(json.loads((folder / "stats.json").read_text())["version"])


@pytest.fixture(scope="module")
def killing(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, bytes]]:
    """A build script and a complete release of version 1 to copy before each kill."""
    folder = tmp_path_factory.mktemp("kill")
    script = folder / "build.py"
    script.write_text(BUILD_SCRIPT)
    first = folder / "v1" / "release"
    done = _run_build(script, first, "1")
    output, _ = done.communicate(timeout=120)
    assert done.returncode == 0, output
    return script, first, tree(first)


STEPS = ["staged", "export", "gzip", "ontology", "data", "pages", "void", "sums", "swap"]


@pytest.mark.parametrize(
    ("step", "exchange"),
    [(s, "1") for s in STEPS] + [("swap-moved-old", "0"), ("swapped", "1"), ("swapped", "0")],
)
def test_killed_build_leaves_a_complete_release(
    killing: tuple[Path, Path, dict[str, bytes]], tmp_path: Path, step: str, exchange: str
) -> None:
    script, first, v1 = killing
    out = tmp_path / "release"
    shutil.copytree(first, out)
    build = _run_build(script, out, "2", PAUSE_AT=step, EXCHANGE=exchange)
    assert build.stdout is not None
    for line in build.stdout:
        if line.strip() == "paused":
            break
    else:
        pytest.fail(f"the build never reached step {step!r}")
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=30)
    if step == "swap-moved-old":  # the one moment the portable swap has no release at out
        assert not out.exists() and tree(previous_path(out)) == v1
    elif step == "swapped":  # after the commit point: the new release is whole
        assert _verifies(out) and _version(out) == "2"
    else:
        assert tree(out) == v1 and _verifies(out)
    again = _run_build(script, out, "3", EXCHANGE=exchange)
    output, _ = again.communicate(timeout=120)
    assert again.returncode == 0, output
    assert _verifies(out) and _version(out) == "3"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".release.lock", "release"]


def _counted_steps(build: subprocess.Popen[str]) -> dict[str, int]:
    """How many Python calls the build had made when each step started."""
    output, _ = build.communicate(timeout=300)
    assert build.returncode == 0, output
    return {
        words[1]: int(words[2])
        for words in (line.split() for line in output.splitlines())
        if words and words[0] == "step"
    }


def test_killed_at_random_moments(
    killing: tuple[Path, Path, dict[str, bytes]], tmp_path: Path
) -> None:
    """SIGKILL at ten points spread over a build's Python calls, wherever it is (inside a
    step, between two writes): the release is old or new, always whole, and the next
    build recovers. The kills must land in several steps. The build kills itself at its
    n-th call (``KILL_AT_CALL``), counted on a first run with the same hash seed: the
    points do not depend on the machine's load."""
    script, first, v1 = killing
    calibration = tmp_path / "calibration" / "release"
    shutil.copytree(first, calibration)
    same = {"PYTHONHASHSEED": "0"}  # the same calls in every run
    seen = _counted_steps(_run_build(script, calibration, "2", KILL_AT_CALL="-1", **same))
    begin, end = seen["staged"], seen["swapped"]
    points = [begin + (end - begin) * i // 9 for i in range(10)]
    reached = []
    for n, point in enumerate(points):
        out = tmp_path / str(n) / "release"
        shutil.copytree(first, out)
        build = _run_build(script, out, "2", KILL_AT_CALL=str(point + 1), **same)
        output, _ = build.communicate(timeout=300)
        assert build.returncode == -signal.SIGKILL, (point, output)  # killed, not finished
        steps = [line.split()[1] for line in output.splitlines() if line.startswith("step ")]
        reached.append(steps[-1] if steps else "start")
        assert _verifies(out), (point, reached[-1])
        assert tree(out) == v1 or _version(out) == "2"
        again = _run_build(script, out, "3")
        output, _ = again.communicate(timeout=120)
        assert again.returncode == 0, output
        assert _verifies(out) and _version(out) == "3"
        assert not staging_path(out).exists() and not previous_path(out).exists()
    assert len(set(reached)) >= 3, reached
