"""The words actor names are typed and parsed with.

Closed, reviewed lists: what follows a country or demonym to name its armed forces,
government or police ("Malian army", "Kenyan authorities"), ministry topics, and the
words that type an actor the registry does not know ("… Brigade" is an armed group,
"… Command" a state force, "… News" a medium).
"""

from __future__ import annotations

from typing import Final

from attackgraph.model import ActorType

ARMED_FORCES: Final = frozenset(
    {
        "armed forces",
        "army",
        "military",
        "forces",
        "troops",
        "soldiers",
        "defence forces",
        "defense forces",
        "defence force",
        "defense force",
        "security forces",
        "defence and security forces",
        "defense and security forces",
        "national army",
        "national armed forces",
        "military forces",
        "armed defence forces",
        "armed defense forces",
        "government forces",
        "army forces",
    }
)

GOVERNMENT: Final = frozenset(
    {
        "government",
        "authorities",
        "administration",
        "officials",
        "cabinet",
        "presidency",
        "junta",
        "regime",
        "federal government",
        "national government",
        "transitional government",
        "state",
    }
)

POLICE: Final = frozenset(
    {
        "police",
        "national police",
        "police force",
        "police service",
        "gendarmerie",
        "national gendarmerie",
    }
)

# Words that type a minted actor, tested on whole words of its key, in this order.
TYPE_WORDS: Final[tuple[tuple[ActorType, tuple[str, ...]], ...]] = (
    (
        "state-forces",
        (
            "special forces",
            "special operations",
            "armed forces",
            "defence forces",
            "defense forces",
            "police",
            "gendarmerie",
            "navy",
            "air force",
            "coast guard",
            "marines",
            "command",
            "division",
            "regiment",
            "rifles",
            "task force",
            "corps",
            "military",
            "army",
            "troops",
        ),
    ),
    (
        "government",
        (
            "ministry",
            "government",
            "authorities",
            "department of",
            "presidency",
            "parliament",
            "senate",
            "governor",
        ),
    ),
    (
        "media",
        (
            "news",
            "news agency",
            "press agency",
            "press",
            "tv",
            "television",
            "radio",
            "times",
            "post",
            "herald",
            "tribune",
            "gazette",
            "broadcasting",
            "newspaper",
        ),
    ),
    (
        "non-governmental-organization",
        (
            "watch",
            "amnesty",
            "red cross",
            "red crescent",
            "observatory",
            "human rights",
            "foundation",
            "ngo",
            "charity",
            "aid agencies",
            "relief",
            "doctors",
        ),
    ),
    (
        "armed-group",
        (
            "brigade",
            "brigades",
            "front",
            "movement",
            "militia",
            "militias",
            "faction",
            "rebels",
            "insurgents",
            "jihadists",
            "militants",
            "mujahideen",
            "jihad",
            "liberation",
            "katiba",
            "katibat",
            "battalion",
            "fighters",
        ),
    ),
)

# Words that name a building or institution, not a party to the fighting.
FACILITIES: Final = frozenset(
    {
        "school",
        "college",
        "university",
        "hospital",
        "cathedral",
        "church",
        "mosque",
        "hotel",
        "mall",
        "market",
        "airport",
        "stadium",
        "arena",
        "museum",
        "camp",
        "base",
        "barracks",
    }
)

# Words that mark a non-state group even beside a country name ("Free Syrian Army").
NON_STATE: Final = frozenset(
    {
        "free",
        "liberation",
        "islamic",
        "revolutionary",
        "resistance",
        "rebel",
        "jihad",
        "democratic",
        "popular",
        "people",
        "movement",
        "front",
        "mujahideen",
        "patriotic",
    }
)

MINISTRY_TOPICS: Final = {
    "defence": "defence",
    "defense": "defence",
    "foreign": "foreign-affairs",
    "foreign affairs": "foreign-affairs",
    "external affairs": "foreign-affairs",
    "state": "foreign-affairs",
    "interior": "interior",
    "home": "interior",
    "home affairs": "interior",
    "internal affairs": "interior",
    "security": "security",
    "public security": "security",
    "information": "information",
    "health": "health",
    "justice": "justice",
}
