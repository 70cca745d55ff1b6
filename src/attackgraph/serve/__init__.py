"""serve: a read-only SPARQL endpoint and linked-data pages over a release folder.

``serve(release_dir, ...)`` runs until interrupted (the body of ``attackgraph serve``);
:class:`Endpoint` runs one in the background (tests, benchmarks, notebooks).

Layout: ``sparql`` checks queries before evaluation, ``pool`` and ``worker`` evaluate
them in killable processes under a deadline, ``results`` and ``formats`` write and
negotiate the formats, ``http`` answers requests (werkzeug) and serves the release's
pages, ``server`` runs waitress with the connection guards, ``app`` wires
it together. See ``docs/triple-stores.md`` and the module docstrings for the rules.
"""

from attackgraph.serve.app import Endpoint, ServeOptions, serve
from attackgraph.serve.pool import PoolError
from attackgraph.sparql.analysis import QueryRefusedError, analyse
from attackgraph.sparql.store import ReleaseError

__all__ = [
    "Endpoint",
    "PoolError",
    "QueryRefusedError",
    "ReleaseError",
    "ServeOptions",
    "analyse",
    "serve",
]
