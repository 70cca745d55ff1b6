"""One amount of a stretch of prose, as the figure readers fill it in.

:mod:`~attackgraph.extract.amounts` and :mod:`~attackgraph.extract.one_person` find
amounts; :mod:`~attackgraph.extract.prose_figures` gives them a group and an outcome.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from attackgraph.extract.vocabulary import SINGULAR_GROUP_WORDS
from attackgraph.model import Outcome, PopulationGroup, Quantity

__all__ = ["PERSON_NOUNS", "Amount"]

PERSON_NOUNS: Final = frozenset(
    (*SINGULAR_GROUP_WORDS, "member", "interpreter", "contractor", "pilot", "driver",
     "worker", "journalist", "doctor", "nurse", "tourist", "employee", "volunteer", "resident",
     "villager", "farmer", "woman", "man", "girl", "boy", "policewoman", "peacekeeper",
     "commander", "official", "guest", "passenger", "worshipper", "pupil", "baby", "infant",
     "nurse", "witness", "survivor", "medic", "priest", "imam", "pastor", "elder", "relative",
     "neighbour", "neighbor", "shopkeeper", "trader", "miner", "herder", "fisherman", "local",
     "passer-by", "bystander", "passerby")
)  # fmt: skip
"""Singular nouns for one person: "five soldiers and a policeman" counts the policeman."""


@dataclass
class Amount:
    """A candidate figure: its quantity, where it is, and what the readers found about it.

    >>> from attackgraph.model import Quantity
    >>> Amount(Quantity(3, None, None, False, "three"), 0, 5, 5).outcome is None
    True
    """

    quantity: Quantity
    begin: int
    end: int
    extent: int  # end of the amount's own words (group, outcome after)
    group: tuple[PopulationGroup, str | None] | None = None
    unknown_noun: bool = False
    elided: bool = False
    partitive: bool = False  # a part of the amount before ("including 4", "4 of them")
    relative: bool = False  # a part with a clause of its own ("of whom 4 were killed")
    outcome: Outcome | None = None
    own: bool = False  # the outcome is in its own words (rules 1 and 2)
    toll: bool = False  # the outcome comes from a toll named before it (rule 3)
    lead: int = -1  # start of an outcome verb before it
    owner: bool = False  # "six of its crew": a part of whoever "its" is
    words_at: int = -1  # where its group and outcome words start, when not right after it
    qualifier: str | None = None  # the one person counted ("Bencheneb"): a subgroup
    deferred: bool = False  # after "the remains of", "the release of": no rule reads it
