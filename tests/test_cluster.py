"""--scheduler: the per-document map on a Dask distributed cluster gives the same release
bytes as a serial, local build. The cluster is a LocalCluster: worker processes on
loopback."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from release_tree import tree

from attackgraph import pipeline
from attackgraph.cli import main
from attackgraph.limits import Limits

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = ROOT / "data" / "documents"
BROKEN = ROOT / "tests" / "fixtures" / "broken" / "duplicate-key.txt"


def _cluster() -> Iterator[str]:
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    yield from _cluster()


@pytest.fixture
def fresh_scheduler() -> Iterator[str]:
    """A cluster of its own: a worker that converted the same text before has its
    caches and freed memory warm, so the document would not grow it past a memory limit."""
    yield from _cluster()


def test_cluster_build_equals_serial_build(scheduler: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for document in DOCUMENTS.glob("*.txt"):
        shutil.copy(document, corpus / document.name)
    shutil.copy(BROKEN, corpus / "broken.txt")
    local = pipeline.BuildOptions(jobs=1, issued="2024-01-01")
    reference = pipeline.build([corpus], tmp_path / "local", local)
    on_cluster = pipeline.BuildOptions(jobs=1, issued="2024-01-01", scheduler=scheduler)
    report = pipeline.build([corpus], tmp_path / "cluster", on_cluster)
    assert report.skipped == reference.skipped and report.built == reference.built > 0
    assert tree(tmp_path / "cluster") == tree(tmp_path / "local")


def test_cli_names_an_unreachable_scheduler(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["build", str(DOCUMENTS), "--out", str(tmp_path / "out"), "--no-cache", "-q"]
        + ["--scheduler", "tcp://127.0.0.1:1"],
    )
    assert result.exit_code == 1, result.output
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:1" in result.output


def _claims(size: int) -> str:
    sentence = "The Malian government stated that six soldiers were killed in the attack. "
    line = sentence * 20 + "\n"
    return "= Raid on Tamba =\n\nInfobox\n- Date: 2020\n\n" + line * (size // len(line))


@pytest.mark.parametrize(
    ("limits", "rule"),
    [
        (Limits(seconds=0.5, memory=None), "limit/time"),
        (Limits(seconds=None, memory=8 << 20), "limit/memory"),
    ],
)
def test_limits_hold_in_the_cluster_workers_threads(
    fresh_scheduler: str, tmp_path: Path, limits: Limits, rule: str
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(DOCUMENTS / "000_6de047e5428871d9.txt", corpus)
    (corpus / "big.txt").write_text(_claims(400_000), encoding="utf-8")
    options = pipeline.BuildOptions(scheduler=fresh_scheduler, limits=limits, validate=False)
    report = pipeline.build([corpus], tmp_path / "out", options)
    assert [(p.source, p.rule) for p in report.skipped] == [(str(corpus / "big.txt"), rule)]
    assert report.built == 1
