"""Shared test settings and session fixtures.

``sample_release`` and ``converter`` are built once per test session; the modules that
read the sample release use this one instead of building their own. Treat them as
read-only: a test that changes a release copies it first.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from attackgraph.pipeline import BuildOptions, Converter, build

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DOCUMENTS = ROOT / "data" / "documents"


@pytest.fixture(autouse=True, scope="session")
def _build_cache_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Builds and resolvers use the default build cache and gazetteer indexes: keep them
    out of the user's home folder."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ATTACKGRAPH_CACHE", str(tmp_path_factory.mktemp("build-cache")))
        yield


@pytest.fixture(scope="session")
def sample_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample documents (``data/documents``) built once, validated, with pages."""
    out = tmp_path_factory.mktemp("sample") / "release"
    report = build([SAMPLE_DOCUMENTS], out, BuildOptions())
    assert report.ok, report.summary()
    return out


@pytest.fixture(scope="session")
def converter() -> Converter:
    """The build's per-document converter with the default options (validation on)."""
    return Converter(BuildOptions())
