"""serve: a read-only SPARQL endpoint and linked-data pages over a release folder.

``serve(release_dir, ...)`` runs until interrupted (the body of ``attackgraph serve``);
:class:`Endpoint` runs one in the background (tests, benchmarks, notebooks).

Layout: ``sparql`` checks queries before evaluation, ``pool`` and ``worker`` evaluate
them in killable processes under a deadline, ``results`` and ``formats`` write and
negotiate the formats, ``http`` answers requests (werkzeug) and serves the release's
pages, ``server`` runs waitress with the connection guards, ``app`` wires
it together. See ``docs/triple-stores.md`` and the module docstrings for the rules.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from attackgraph.serve.app import Endpoint, ServeOptions, serve
    from attackgraph.serve.pool import PoolError
    from attackgraph.sparql.analysis import QueryRefusedError, analyse
    from attackgraph.sparql.store import ReleaseError

_HOMES = {
    "Endpoint": "attackgraph.serve.app",
    "ServeOptions": "attackgraph.serve.app",
    "serve": "attackgraph.serve.app",
    "PoolError": "attackgraph.serve.pool",
    "QueryRefusedError": "attackgraph.sparql.analysis",
    "analyse": "attackgraph.sparql.analysis",
    "ReleaseError": "attackgraph.sparql.store",
}


def __getattr__(name: str) -> Any:
    """The package's names, imported on first use: a query worker imports
    ``serve.worker`` only, not the HTTP stack, so a killed worker is replaced quickly."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(home), name)


__all__ = [
    "Endpoint",
    "PoolError",
    "QueryRefusedError",
    "ReleaseError",
    "ServeOptions",
    "analyse",
    "serve",
]
