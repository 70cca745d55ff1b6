"""The controlled values: each SKOS concept scheme of the ontology as a type, listed once.

The model's fields take these types, so a misspelt outcome or group fails the type
check; :data:`SCHEMES` is read from them, and ``tests/test_ontology.py`` checks that
each scheme here has exactly the concepts ``ontology/attackgraph.ttl`` gives it.
Closed sets that code branches on are enums; the others are ``Literal`` types.

>>> SCHEMES["estimate-type"][:2]
('exact', 'approximate')
>>> Rank("preferred") is Rank.PREFERRED
True
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final, Literal, get_args

EventType = Literal[
    "armed-attack",
    "armed-assault",
    "bombing",
    "suicide-bombing",
    "vehicle-bombing",
    "shooting",
    "massacre",
    "ambush",
    "hostage-taking",
    "kidnapping",
    "airstrike",
    "battle",
    "coordinated-attack",
    "arson",
    "stabbing",
    "siege",
    "raid",
]
ActorType = Literal[
    "armed-group",
    "state-forces",
    "government",
    "international-organization",
    "non-governmental-organization",
    "media",
    "unnamed-party",
]
Outcome = Literal[
    "killed", "injured", "captured", "missing", "arrested", "killed-or-injured", "present"
]
PopulationGroup = Literal[
    "total",
    "civilians",
    "soldiers",
    "security-forces",
    "police",
    "militants",
    "attackers",
    "children",
    "students",
    "staff",
    "hostages",
    "other-group",
]
EstimateType = Literal["exact", "approximate", "at-least", "at-most", "range", "vague"]
LocationPrecision = Literal["exact-site", "settlement", "within-region", "within-country"]


class Rank(StrEnum):
    PREFERRED = "preferred"
    NORMAL = "normal"
    DEPRECATED = "deprecated"


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class PlaceKind(StrEnum):
    """Place-type concept local names."""

    COUNTRY = "country"
    REGION = "region"
    LOCALITY = "locality"


class ClaimKind(StrEnum):
    CASUALTIES = "casualties"
    RESPONSIBILITY = "responsibility"
    DENIAL = "denial"
    CONDEMNATION = "condemnation"
    ATTACK = "attack"
    ESTIMATE = "estimate"
    OTHER = "other-statement"


SCHEMES: Final[dict[str, tuple[str, ...]]] = {
    "event-type": get_args(EventType),
    "actor-type": get_args(ActorType),
    "outcome": get_args(Outcome),
    "population-group": get_args(PopulationGroup),
    "estimate-type": get_args(EstimateType),
    "rank": tuple(v.value for v in Rank),
    "date-precision": tuple(v.value for v in DatePrecision),
    "location-precision": get_args(LocationPrecision),
    "place-type": tuple(v.value for v in PlaceKind),
    "claim-kind": tuple(v.value for v in ClaimKind),
}
"""SKOS concept schemes and their concepts' local names (unique across schemes), in the
order the ontology lists them."""
