"""attackgraph: encyclopedia articles about armed attacks in, a validated knowledge graph out.

The entry points (``docs/api.md``) load on first use, so importing one stage does not
load them all:

>>> import attackgraph
>>> quads = attackgraph.convert("= Raid =\\n\\nA raid.\\n", name="raid.txt")
>>> sorted(attackgraph.__all__)[:4]
['AttackgraphError', 'BuildOptions', 'BuildReport', 'Converter']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from attackgraph.version import VERSION

__version__ = VERSION

__all__ = [
    "AttackgraphError",
    "BuildOptions",
    "BuildReport",
    "Converter",
    "DocumentResult",
    "InputError",
    "OptionError",
    "__version__",
    "build_release",
    "convert",
    "evaluate",
    "open_store",
    "run_query",
    "validate_file",
]

if TYPE_CHECKING:
    from attackgraph.api import (
        AttackgraphError,
        BuildOptions,
        BuildReport,
        Converter,
        DocumentResult,
        InputError,
        OptionError,
        build_release,
        convert,
        evaluate,
        open_store,
        run_query,
        validate_file,
    )


def __getattr__(name: str) -> object:
    """Load an entry point from :mod:`attackgraph.api` when it is first used."""
    if name not in __all__:
        raise AttributeError(f"module 'attackgraph' has no attribute {name!r}")
    from attackgraph import api

    value: object = getattr(api, name)
    globals()[name] = value
    return value
