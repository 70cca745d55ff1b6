"""Shared test settings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _build_cache_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Builds and resolvers use the default build cache and gazetteer indexes: keep them
    out of the user's home folder."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ATTACKGRAPH_CACHE", str(tmp_path_factory.mktemp("build-cache")))
        yield
