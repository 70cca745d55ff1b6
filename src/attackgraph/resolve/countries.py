"""Country names to ISO 3166-1 alpha-2 codes, from pycountry (reference data, offline)."""

from __future__ import annotations

import unicodedata
from functools import cache

import pycountry


def _key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in folded if not unicodedata.combining(c)).split())


@cache
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                index.setdefault(_key(value), country.alpha_2)
    return index


def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country named exactly, or ``None``.

    >>> country_code("Mali"), country_code("Syria"), country_code("Mopti Region")
    ('ML', 'SY', None)
    """
    key = _key(name)
    if key.startswith("the "):
        key = key[4:]
    return _index().get(key)


def country_name(code: str) -> str:
    """The short English name of a country code.

    >>> country_name("ML")
    'Mali'
    """
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise KeyError(code)
    return str(getattr(country, "common_name", None) or country.name)
