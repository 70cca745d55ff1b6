"""Stage: mentions -> identities (places via gazetteers, actors via the registry).

Entry points: :class:`Resolver` (reference data, loaded once per build) and
:func:`resolve` (one :class:`~attackgraph.model.Extraction` to one
:class:`~attackgraph.model.Record`); :func:`containment_conflicts` and
:func:`place_nodes` help the builder. Datasets built with GeoNames data must carry
:data:`GEONAMES_CREDIT`.
"""

from attackgraph.reference.gazetteer import GEONAMES_CREDIT
from attackgraph.resolve.country import document_country
from attackgraph.resolve.resolver import (
    Resolver,
    containment_conflicts,
    place_nodes,
    resolve,
)

__all__ = [
    "GEONAMES_CREDIT",
    "Resolver",
    "containment_conflicts",
    "document_country",
    "place_nodes",
    "resolve",
]
