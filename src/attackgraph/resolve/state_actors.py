"""A country and the bodies that belong to it, as actors: the same in every document.

Built from pycountry/countryinfo names and demonyms: "Mali" is the state (slug
``mali``); "Malian Army", "Armed Forces of Mali" its armed forces
(``ml-armed-forces``); "Malian government", "Kenyan authorities" its government
(``ml-government``); "Malian police" its police (``ml-police``); "Russian defence
ministry" a ministry (``ru-ministry-of-defence``). Each carries ``state`` = the
country's place slug. :mod:`attackgraph.resolve.actors` asks here after the registry.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

import pycountry

from attackgraph.identifiers import slugify
from attackgraph.model import ActorRef
from attackgraph.reference.countries import (
    country_code,
    country_name,
    demonym,
    demonym_countries,
)
from attackgraph.resolve.actor_words import ARMED_FORCES, GOVERNMENT, MINISTRY_TOPICS, POLICE

_MINISTRY: Final = re.compile(
    r"^(?:(?P<a>[a-z ]+?) (?:ministry|department)"
    r"|(?:ministry|department) of (?:the )?(?P<b>[a-z ]+))$"
)
_TOPIC_TITLES: Final = {"foreign-affairs": "Foreign Affairs", "defence": "Defence"}
_POSSESSIVES: Final = frozenset("my your his her its our their".split())
_OF_COUNTRY: Final = re.compile(r"^(?P<head>.+?) of (?:the )?(?P<country>.+)$")


def country_or_body(key: str, cc: str | None) -> ActorRef | None:
    """A country or one of its bodies named by ``key`` (an actor key), or ``None``;
    ``cc`` decides a demonym several countries share.

    >>> country_or_body("malian army", None).slug, country_or_body("government of mali", None).slug
    ('ml-armed-forces', 'ml-government')
    >>> country_or_body("ansar dine", "ML") is None
    True
    """
    code = _country_of(key, cc)
    if code is not None:
        return state_ref(code, "state")
    words = key.split()
    for cut in range(len(words) - 1, 0, -1):
        code = _country_of(" ".join(words[:cut]), cc)
        if code is not None:
            return state_body_of(" ".join(words[cut:]), code)
    match = _OF_COUNTRY.match(key)
    if match is not None:
        code = _country_of(match.group("country"), cc)
        if code is not None:
            return state_body_of(match.group("head"), code)
    return None


def state_body_of(rest: str, code: str) -> ActorRef | None:
    """The body of country ``code`` that the words ``rest`` name, or ``None`` (a unit).

    >>> state_body_of("army", "KE").slug, state_body_of("interior ministry", "NG").slug
    ('ke-armed-forces', 'ng-ministry-of-interior')
    >>> state_body_of("his ministry", "MA") is None
    True
    """
    if rest in ARMED_FORCES:
        return state_ref(code, "armed-forces")
    if rest in GOVERNMENT:
        return state_ref(code, "government")
    if rest in POLICE:
        return state_ref(code, "police")
    ministry = _MINISTRY.match(rest)
    if ministry is not None:
        topic = (ministry.group("a") or ministry.group("b") or "").strip()
        if topic.split()[0] in _POSSESSIVES:
            return None  # "his ministry": whose, the words do not say here
        return state_ref(code, "ministry", MINISTRY_TOPICS.get(topic, slugify(topic)))
    return None  # a unit ("US Central Command") is minted, typed by its words


def _country_of(key: str, cc: str | None) -> str | None:
    code = country_code(key)
    if code is not None:
        return code
    codes = demonym_countries(key)
    if not codes:
        return None
    return cc if cc in codes else codes[0]


@cache
def state_slugs() -> dict[str, str]:
    """Slug of each country's state actor -> its ISO code ("mali" -> "ML").

    >>> state_slugs()["mali"]
    'ML'
    """
    return {slugify(country_name(c.alpha_2)): c.alpha_2 for c in pycountry.countries}


def state_ref(code: str, role: str, topic: str = "") -> ActorRef:
    """The actor of country ``code`` in ``role`` ("state", "armed-forces", "government",
    "police", "ministry" of ``topic``).

    >>> state_ref("US", "police").name, state_ref("ML", "ministry", "defence").name
    ('American Police', 'Ministry of Defence of Mali')
    >>> state_ref("NL", "government").name  # a country named with its article
    'Government of the Netherlands'
    """
    lower, country = code.lower(), country_name(code)
    adjective = demonym(code)
    if country.startswith("The "):
        country_after_of = f"the {country[4:]}"
    else:
        country_after_of = f"the {country}" if _takes_the(country) else country
    if role == "state":
        return ActorRef(slugify(country), country, "StateActor", None, state=lower)
    if role == "armed-forces":
        label = f"{adjective} Armed Forces" if adjective else f"Armed Forces of {country_after_of}"
        return ActorRef(f"{lower}-armed-forces", label, "StateActor", "state-forces", state=lower)
    if role == "government":
        return ActorRef(
            f"{lower}-government",
            f"Government of {country_after_of}",
            "StateActor",
            "government",
            state=lower,
        )
    if role == "police":
        label = f"{adjective} Police" if adjective else f"Police of {country_after_of}"
        return ActorRef(f"{lower}-police", label, "StateActor", "state-forces", state=lower)
    title = _TOPIC_TITLES.get(topic, topic.replace("-", " ").title())
    return ActorRef(
        f"{lower}-ministry-of-{topic}",
        f"Ministry of {title} of {country_after_of}",
        "StateActor",
        "government",
        part_of=f"{lower}-government",
        state=lower,
    )


def _takes_the(country: str) -> bool:
    """Whether English puts "the" before a country name ("the United States").

    >>> _takes_the("United States"), _takes_the("Mali"), _takes_the("Philippines")
    (True, False, True)
    """
    return country.startswith(("United ", "Republic ", "Democratic ", "Central African")) or (
        country.endswith(
            (
                "Islands",
                "Republic",
                "Emirates",
                "Netherlands",
                "Philippines",
                "Bahamas",
                "Gambia",
                "Maldives",
                "Comoros",
                "Seychelles",
            )
        )
    )


def state_body_slug(state: str | None, actor_type: str | None) -> str | None:
    """The slug every spelling of a country's forces or government gets.

    >>> state_body_slug("ml", "state-forces"), state_body_slug(None, "government")
    ('ml-armed-forces', None)
    """
    if state is None:
        return None
    return {"state-forces": f"{state}-armed-forces", "government": f"{state}-government"}.get(
        actor_type or ""
    )


def country_actor(code: str) -> ActorRef:
    """The state actor of a country code ("ML" -> slug ``mali``); ``KeyError`` if unknown.

    >>> country_actor("ML").slug, country_actor("ML").state
    ('mali', 'ml')
    """
    return state_ref(code.upper(), "state")
