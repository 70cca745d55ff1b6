"""Seeded generator of a synthetic attackgraph input corpus, for benchmarks.

Writes N documents in the project's input format (``= Title =``, an optional ``Infobox``
block of ``- Key: Value`` lines, a lead, ``== Section ==`` / ``=== Sub ===`` headings,
paragraphs and ``- `` bullets) about invented attacks and battles. The documents look like
the real ones: both infobox families (military conflict, civilian attack) with their key
spelling variants, documents without an infobox, invented place names with accents, real
countries from pycountry, 1-3 combatants, messy casualty values (``50–150``, ``21+``,
``At least 27``, ``~100``, ``Unknown``, ``(per UN)``, ``†``, several parties on one
line, date ranges, coordinates in several notations), infobox keys the converter does not
know, and prose with attributed statements and figures in words and digits.

Usage::

    python bench/generate.py --count 10000 --seed 7 --out bench/out/corpus
    python bench/generate.py --count 500 --seed 1 --out /tmp/c --manifest /tmp/c.jsonl

``--overwrite`` replaces the ``.txt`` files of an earlier run in the same folder.

Output is deterministic: the same ``--seed`` gives the same bytes (with this file and the
same pycountry data). Document ``i`` depends only on the seed and ``i`` (each document has
its own random stream), so the first 20 documents of a 10,000-document run equal a
20-document run. Only the standard library and pycountry are used.

Everything is invented except the country names: the events, places, people and groups do
not exist, and the text is not a source of facts.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pycountry

Family = Literal["military_conflict", "civilian_attack", "none"]
Stance = Literal["claimed", "denied", "unclaimed"]

FAMILY_WEIGHTS: tuple[tuple[Family, float], ...] = (
    ("military_conflict", 0.42),
    ("civilian_attack", 0.43),
    ("none", 0.15),
)
AWKWARD_SHARE = 0.02  # infobox documents that stop after the lead paragraph

# fmt: off
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

# Countries where most synthetic events happen (ISO 3166-1 alpha-2 codes only; the names
# come from pycountry). Any other country is drawn now and then.
CONFLICT_CODES = (
    "AF", "BF", "CD", "CF", "CM", "ET", "IQ", "KE", "LY", "ML", "MZ", "NE", "NG", "PK",
    "PH", "SD", "SO", "SS", "SY", "TD", "YE", "DZ", "TN", "EG", "CO", "MX", "MM", "UA",
    "CI", "BJ", "TG", "UG",
)

ONSETS = (
    "", "b", "d", "g", "k", "m", "n", "s", "t", "z", "y", "w", "f", "h", "l", "r",
    "dj", "kh", "sh", "ts", "gh", "mb", "nd", "ng", "bou", "ka", "ti", "ma",
)
VOWELS = ("a", "a", "e", "i", "o", "u", "ou", "ai", "ia", "é", "è", "ï", "ô", "â", "a", "o")
CODAS = ("", "", "", "", "n", "m", "r", "l", "s", "k", "t", "ng")
PLACE_FORMS = (
    "{0}", "{0}", "{0}", "{0}", "{0}", "Tin-{0}", "In {0}", "{0}-Sud", "Grand-{0}",
    "{0} Koura", "Bir {0}", "Kafr {0}", "{0}ville", "San {0}", "Nouveau-{0}",
)
REGION_KINDS = (
    "Region", "Province", "Governorate", "District", "State", "Department", "County",
    "province",
)

FIRST_NAMES = (
    "Amadou", "Ibrahim", "Moussa", "Aïssata", "Fatoumata", "Oumar", "Hamadoun",
    "Mahamadou", "Boubacar", "Adama", "Issa", "Salif", "Mariam", "Abdoulaye", "Souleymane",
    "Hassan", "Yusuf", "Abdirahman", "Amina", "Halima", "Mohamed", "Ahmed", "Omar", "Khalid",
    "Joseph", "Jean-Baptiste", "Éric", "Hélène", "François", "José", "María", "Luis",
    "Grace", "Peter", "Samuel", "Chinedu", "Ngozi", "Tendai", "Kofi", "Esther", "Daniel",
    "Nadia", "Rania", "Farid", "Said", "Karim", "Anders", "Zoltán", "Renée", "Gaël",
)
LAST_NAMES = (
    "Traoré", "Diallo", "Koné", "Ouédraogo", "Haïdara", "Maïga", "Cissé", "Touré",
    "Sanogo", "Ndiaye", "Sow", "Bâ", "Keïta", "Dicko", "Sawadogo", "Abdi", "Hassan",
    "Warsame", "Mwangi", "Odhiambo", "Okafor", "Adeyemi", "Mbeki", "Moyo", "Nkurunziza",
    "Habimana", "Mensah", "Boateng", "al-Hashimi", "al-Masri", "Benali", "Bouazizi",
    "Haddad", "Khoury", "Rahimi", "Karimi", "Yousafzai", "Durrani", "García", "Muñoz",
    "Peña", "Ramírez", "Dubois", "Lefèvre", "Müller", "Nowak", "Kovač", "Petrović",
    "Santos", "Ibáñez",
)
RANKS = ("Gen.", "Maj. Gen.", "Col.", "Lt. Col.", "Maj.", "Capt.", "Lt.", "Brig.")
MILITANT_TITLES = ("Sheikh", "Emir", "", "", "", "Abu")
WORDS = (
    "Dine", "Sunna", "Tawhid", "Haqq", "Nasr", "Islam", "Sharia", "Muslimin", "Jihad",
    "Furqan", "Mujahidin", "Khilafa",
)
OPERATION_WORDS = (
    "Barracuda", "Sahel Shield", "Desert Wind", "Safe Corridor", "Harmattan", "Iron Gate",
    "Lake Guard", "Dry Season", "Green Valley", "Red Dune", "Tamarind", "Long Reach",
)
AGENCIES = (
    "Reuters", "AFP", "the Associated Press", "Al Jazeera", "the BBC", "RFI", "Anadolu",
    "Xinhua", "a local radio station",
)
NGOS = (
    "Human Rights Watch", "Amnesty International", "Médecins Sans Frontières",
    "the International Committee of the Red Cross", "ACLED", "the UN human rights office",
    "OCHA", "UNICEF",
)
WEAPONS_MIL = (
    "assault rifles", "mortars", "rocket-propelled grenades", "heavy machine guns",
    "vehicle-borne explosive devices", "drones", "artillery",
)
WEAPONS_CIV = (
    "AK-47 rifles", "assault rifles", "hand grenades", "explosive vests", "a car bomb",
    "improvised explosive devices", "machetes", "a truck", "pistols",
)
ATTACK_TYPES = (
    "Mass shooting", "Suicide bombing", "Car bombing", "Hostage-taking", "Massacre", "Arson",
    "Kidnapping", "Ambush", "Terrorism", "Siege", "Vehicle-ramming attack",
)
# (site, who was there, the victims' group label)
TARGETS = (
    ("market", "traders and shoppers at the market", "traders"),
    ("hotel", "guests and staff of the hotel", "guests"),
    ("mosque", "worshippers at the mosque", "worshippers"),
    ("church", "worshippers at the church", "worshippers"),
    ("school", "students and teachers at the school", "students"),
    ("bus station", "travellers at the bus station", "passengers"),
    ("camp", "residents of the displacement camp", "displaced people"),
    ("village", "villagers", "villagers"),
    ("wedding", "guests at a wedding", "civilians"),
    ("police station", "officers at the police station", "police officers"),
    ("restaurant", "customers of a restaurant", "civilians"),
    ("checkpoint", "soldiers and civilians at a checkpoint", "civilians"),
)
MOTIVES = (
    "Islamist extremism", "Retaliation for military operations", "Ethnic hatred",
    "Opposition to the elections", "Unknown", "Revenge for the arrest of members of the group",
    "Land dispute between communities",
)
SMALL = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
SITE_NOUNS = {"wedding": "wedding venue", "village": "village centre"}
# Country names that take "the" in running text (pycountry gives them without it).
NAMES_WITH_THE = (
    "Bahamas", "Comoros", "Congo", "Gambia", "Maldives", "Netherlands", "Philippines",
    "Seychelles",
)
# fmt: on


# --------------------------------------------------------------------------- helpers


def number_words(n: int) -> str:
    """Spell out a non-negative integer below one million in English.

    >>> number_words(21), number_words(148), number_words(1017)
    ('twenty-one', 'one hundred and forty-eight', 'one thousand and seventeen')
    """
    if n < 0 or n >= 1_000_000:
        raise ValueError(f"out of range: {n}")
    if n < 20:
        return SMALL[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return TENS[tens] + (f"-{SMALL[unit]}" if unit else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = f"{SMALL[hundreds]} hundred"
        return head + (f" and {number_words(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    head = f"{number_words(thousands)} thousand"
    if not rest:
        return head
    return head + (" and " if rest < 100 else " ") + number_words(rest)


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``11th``, ``22nd``.

    >>> [ordinal(n) for n in (1, 2, 3, 11, 22)]
    ['1st', '2nd', '3rd', '11th', '22nd']
    """
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def digits(n: int) -> str:
    """Digits with a thousands separator, as in the articles: ``1,017``."""
    return f"{n:,}"


def cap(text: str) -> str:
    """Upper-case the first character only."""
    return text[:1].upper() + text[1:]


def slugify(text: str) -> str:
    """ASCII file-name slug.

    >>> slugify("Battle of Tïn-Kaoura (2019)")
    'battle-of-tin-kaoura-2019'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out: list[str] = []
    for ch in ascii_text.lower():
        if ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out)[:60].strip("-") or "document"


def in_text(country: str) -> str:
    """A country name as it reads inside a sentence (``the Philippines``)."""
    if (
        country in NAMES_WITH_THE
        or country.startswith("United ")
        or country.endswith((" Republic", " Islands", " Emirates"))
        or country.startswith(("Democratic Republic", "Republic of"))
    ):
        return f"the {country}"
    return country


def _readable_name(name: str) -> str | None:
    """pycountry names with a comma reordered (``Congo, The Democratic Republic of the``
    becomes ``Democratic Republic of the Congo``); unusable ones give None."""
    if "(" in name:
        return None
    if "," not in name:
        return name
    head, _, tail = name.partition(", ")
    if tail.startswith("The "):
        tail = tail[4:]
    if tail.endswith((" of", " of the")):
        return f"{tail} {head}"
    return None


_COUNTRIES: list[tuple[str, str]] = []
_CONFLICT_COUNTRIES: list[tuple[str, str]] = []


def countries() -> list[tuple[str, str]]:
    """(name, alpha-2) of the pycountry countries, sorted by code."""
    if not _COUNTRIES:
        found: list[tuple[str, str]] = []
        for country in pycountry.countries:
            raw = str(getattr(country, "common_name", None) or country.name)
            name = _readable_name(raw)
            if name is not None:
                found.append((name, str(country.alpha_2)))
        found.sort(key=lambda item: item[1])
        _COUNTRIES.extend(found)
    return _COUNTRIES


def conflict_countries() -> list[tuple[str, str]]:
    """(name, alpha-2) for :data:`CONFLICT_CODES`, names from pycountry."""
    if not _CONFLICT_COUNTRIES:
        by_code = {code: name for name, code in countries()}
        _CONFLICT_COUNTRIES.extend((by_code[c], c) for c in CONFLICT_CODES if c in by_code)
    return _CONFLICT_COUNTRIES


# --------------------------------------------------------------------------- scenario


@dataclass
class Scenario:
    """The invented facts one document is written from."""

    family: Family
    military: bool  # battle-style text (always for military_conflict, sometimes for none)
    place: str
    place2: str
    region: str
    country: str
    country_code: str
    year: int
    month: int
    day: int
    end_day: int | None  # end of the date range
    end_month: int | None  # set when the range crosses into the next month
    group: str  # armed group: side 2 / perpetrator
    group_short: str
    target_kind: str
    target_phrase: str
    victims: str
    state_won: bool
    stance: Stance
    mission: str  # peacekeeping mission acronym
    mission_desc: str  # "the UN mission"
    president: str
    spokesman: str
    official: str
    leader: str
    allies: list[str] = field(default_factory=list)
    killed_side1: int = 0
    wounded_side1: int = 0
    killed_side2: int = 0
    killed_civ: int = 0
    wounded_civ: int = 0
    attackers: int = 0
    title: str = ""

    @property
    def base(self) -> str:
        """The region's name without its kind (``Tiwara`` for ``Tiwara Region``)."""
        return self.region.rsplit(" ", 1)[0]


class Gen:
    """Draws names, dates and figures from one document's random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def word(self, syllables: int | None = None) -> str:
        rng = self.rng
        n = syllables if syllables is not None else rng.choice((2, 2, 2, 3, 3, 1))
        text = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(n))
        text += rng.choice(CODAS)
        if len(text) < 3:
            text += rng.choice(("ra", "na", "lo", "ké"))
        return cap(text)

    def place(self) -> str:
        return self.rng.choice(PLACE_FORMS).format(self.word())

    def region(self) -> str:
        return f"{self.word()} {self.rng.choice(REGION_KINDS)}"

    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def officer(self) -> str:
        return f"{self.rng.choice(RANKS)} {self.person()}"

    def militant_leader(self) -> str:
        title = self.rng.choice(MILITANT_TITLES)
        if title == "Abu":
            return f"Abu {self.rng.choice(FIRST_NAMES)} al-{self.word()}"
        name = self.person()
        return f"{title} {name}" if title else name

    def armed_group(self, place: str, base: str) -> tuple[str, str]:
        """(full name, short name) of an invented armed group."""
        rng = self.rng
        form = rng.randrange(10)
        if form == 0:
            name = f"{place} Liberation Front"
        elif form == 1:
            name = f"Movement for the Liberation of {base}"
        elif form == 2:
            name = f"Katibat {self.word()}"
        elif form == 3:
            name = f"Ansar al-{rng.choice(WORDS)}"
        elif form == 4:
            name = f"Islamic State in {base}"
        elif form == 5:
            name = f"Jama'at {rng.choice(WORDS)} wal-{rng.choice(WORDS)}"
        elif form == 6:
            name = f"{base} Self-Defence Militia"
        elif form == 7:
            name = f"Popular Front of {base}"
        elif form == 8:
            name = f"{self.word()} Brigade"
        else:
            name = f"Coalition of Patriots for {base}"
        initials = "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper())
        initials = unicodedata.normalize("NFKD", initials).encode("ascii", "ignore").decode()
        short = initials if len(initials) >= 3 and rng.random() < 0.5 else name
        return name, short

    def mission(self) -> tuple[str, str]:
        """(acronym, description) of a peacekeeping mission."""
        letters = slugify(self.word(2)).replace("-", "").upper() + "XX"
        if self.rng.random() < 0.6:
            return f"MINUS{letters[:2]}", "the UN mission"
        return f"AMI{letters[:2]}", "the African Union mission"

    def dates(self) -> tuple[int, int, int, int | None, int | None]:
        rng = self.rng
        year = rng.randint(1994, 2024)
        month = rng.randint(1, 12)
        last = DAYS_IN_MONTH[month - 1]
        roll = rng.random()
        if roll < 0.68 or (roll >= 0.92 and month == 12):
            return year, month, rng.randint(1, last), None, None
        if roll < 0.92:
            day = rng.randint(1, last - 1)
            return year, month, day, rng.randint(day + 1, min(last, day + 4)), None
        day = rng.randint(last - 3, last)
        return year, month, day, rng.randint(1, 3), month + 1

    def num(self, n: int) -> str:
        """A figure inside a sentence: words or digits (``a dozen`` now and then)."""
        rng = self.rng
        if n == 12 and rng.random() < 0.3:
            return "a dozen"
        if n < 100 and rng.random() < 0.5:
            return number_words(n)
        return digits(n)

    def num_start(self, n: int) -> str:
        """A figure opening a sentence: always in words."""
        if n < 1000:
            return cap(number_words(n))
        return f"A total of {digits(n)}"


def build_scenario(g: Gen, family: Family) -> Scenario:
    rng = g.rng
    if rng.random() < 0.8:
        country, code = rng.choice(conflict_countries())
    else:
        country, code = rng.choice(countries())
    place = g.place()
    region = g.region()
    base = region.rsplit(" ", 1)[0]
    year, month, day, end_day, end_month = g.dates()
    group, short = g.armed_group(place, base)
    kind, phrase, victims = rng.choice(TARGETS)
    mission, mission_desc = g.mission()
    military = family == "military_conflict" or (family == "none" and rng.random() < 0.5)
    stance: Stance = rng.choice(("claimed", "claimed", "denied", "unclaimed"))
    s = Scenario(
        family=family,
        military=military,
        place=place,
        place2=g.place(),
        region=region,
        country=country,
        country_code=code,
        year=year,
        month=month,
        day=day,
        end_day=end_day,
        end_month=end_month,
        group=group,
        group_short=short,
        target_kind=kind,
        target_phrase=phrase,
        victims=victims,
        state_won=rng.random() < 0.5,
        stance=stance,
        mission=mission,
        mission_desc=mission_desc,
        president=g.person(),
        spokesman=g.officer(),
        official=g.person(),
        leader=g.militant_leader(),
    )
    if rng.random() < 0.3:
        s.allies.append(rng.choice(countries())[0])
    big = rng.random() < 0.15
    s.killed_side1 = rng.randint(2, 40) * (5 if big else 1)
    s.wounded_side1 = rng.randint(2, 60)
    s.killed_side2 = rng.randint(2, 120)
    s.killed_civ = rng.randint(2, 90) * (4 if big else 1)
    s.wounded_civ = rng.randint(2, 200)
    s.attackers = rng.choice((1, 2, 3, 4, 5, 8, 10, 30, 100, 200))
    s.title = make_title(g, s)
    return s


def make_title(g: Gen, s: Scenario) -> str:
    month = MONTHS[s.month - 1]
    forms: tuple[str, ...]
    if s.military:
        forms = (
            f"Battle of {s.place}",
            f"Battle of {s.place}",
            f"Second Battle of {s.place}",
            f"{s.place} ambush",
            f"Siege of {s.place}",
            f"{month} {s.year} {s.place} offensive",
            f"{s.place} military base attack",
            f"{s.year} {s.place} attack",
            f"{s.place} raid",
        )
    else:
        forms = (
            f"{s.year} {s.place} {s.target_kind} attack",
            f"{s.place} massacre",
            f"{s.year} {s.place} bombing",
            f"{s.place} {s.target_kind} attack",
            f"{month} {s.year} {s.region} attacks",
            f"{s.year} {s.place} shooting",
            f"{s.place} {s.target_kind} bombing",
        )
    return g.rng.choice(forms)


# --------------------------------------------------------------------------- infobox


def date_value(g: Gen, s: Scenario) -> str:
    """The infobox ``Date`` value, in one of the spellings real articles use."""
    rng = g.rng
    month = MONTHS[s.month - 1]
    if s.end_month is not None and s.end_day is not None:
        return f"{s.day} {month} – {s.end_day} {MONTHS[s.end_month - 1]} {s.year}"
    if s.end_day is not None:
        if rng.random() < 0.85:
            return f"{s.day}–{s.end_day} {month} {s.year}"
        return f"{month} {s.day}–{s.end_day}, {s.year}"
    roll = rng.random()
    if roll < 0.6:
        return f"{s.day} {month} {s.year}"
    if roll < 0.85:
        return f"{month} {s.day}, {s.year}"
    return f"{s.year}-{s.month:02d}-{s.day:02d}"


def date_prose(s: Scenario) -> str:
    """``on 4 May 2017`` / ``from 4 to 6 May 2017`` / ``between 30 May and 2 June 2017``."""
    month = MONTHS[s.month - 1]
    if s.end_month is not None and s.end_day is not None:
        return f"between {s.day} {month} and {s.end_day} {MONTHS[s.end_month - 1]} {s.year}"
    if s.end_day is not None:
        return f"from {s.day} to {s.end_day} {month} {s.year}"
    return f"on {s.day} {month} {s.year}"


def coordinates(g: Gen) -> str:
    rng = g.rng
    lat = rng.uniform(-30.0, 37.0)
    lon = rng.uniform(-17.0, 70.0)
    ns = "N" if lat >= 0 else "S"
    ew = "E" if lon >= 0 else "W"
    roll = rng.random()
    if roll < 0.55:
        return f"{abs(lat):.2f}°{ns} {abs(lon):.2f}°{ew}"
    if roll < 0.8:
        return f"{lat:.2f}, {lon:.2f}"
    if roll < 0.93:
        lat_m = int(abs(lat) * 60)
        lon_m = int(abs(lon) * 60)
        return f"{lat_m // 60}°{lat_m % 60}′{ns} {lon_m // 60}°{lon_m % 60}′{ew}"
    return f"{abs(lat):.4f}°{ns} {abs(lon):.4f}°{ew}"


def source_tag(g: Gen, s: Scenario) -> str:
    tags = (
        "(per UN)",
        f"(per {s.country} government)",
        "(per the army)",
        f"(per {s.group_short})",
        "(per ACLED)",
        "(per local officials)",
        "(est.)",
        "(per OCHA)",
        "(claimed)",
    )
    return tags[g.rng.randrange(len(tags))]


def messy_count(g: Gen, n: int, noun: str, outcome: str, s: Scenario) -> str:
    """One casualty fragment for ``n`` in one of the messy notations."""
    rng = g.rng
    roll = rng.random()
    if roll < 0.34:
        amount = digits(n)
    elif roll < 0.46:
        low = max(0, n - rng.randint(1, n // 2 + 1))
        high = n + rng.randint(1, max(2, n))
        amount = f"{digits(low)}–{digits(high)}"
    elif roll < 0.56:
        amount = f"{digits(n)}+"
    elif roll < 0.68:
        amount = f"{rng.choice(('At least', 'at least'))} {digits(n)}"
    elif roll < 0.78:
        amount = f"~{digits(max(10, round(n, -1)))}"
    elif roll < 0.82:
        amount = rng.choice(("Dozens", "Several", "Hundreds")) + (" of" if noun else "")
    elif roll < 0.86:
        return "Unknown"
    else:
        amount = digits(n)
    parts = [amount, noun, outcome]
    if rng.random() < 0.25:
        parts.append(source_tag(g, s))
    return " ".join(p for p in parts if p)


def side_casualties(g: Gen, s: Scenario, killed: int, wounded: int, noun: str) -> str:
    rng = g.rng
    first = messy_count(g, killed, noun, "killed", s)
    if first == "Unknown":
        return first
    parts = [first]
    if wounded and rng.random() < 0.7:
        parts.append(messy_count(g, wounded, "", "wounded", s))
    if rng.random() < 0.15:
        parts.append(f"{rng.randint(2, 30)} captured")
    if rng.random() < 0.12:
        parts.append(f"{rng.randint(2, 20)} missing")
    if rng.random() < 0.1:
        parts.append(f"{rng.randint(2, 6)} vehicles destroyed")
    sep = "; " if rng.random() < 0.3 else ", "
    return sep.join(p for p in parts if p != "Unknown")


def infobox_military(g: Gen, s: Scenario) -> list[tuple[str, str]]:
    rng = g.rng
    roll = rng.randrange(5)
    if roll == 0:
        war = f"the {s.base} insurgency"
    elif roll == 1:
        war = f"the {s.country} civil war"
    elif roll == 2:
        war = f"the Insurgency in {in_text(s.country)} ({s.year - rng.randint(1, 12)}–present)"
    elif roll == 3:
        war = f"Operation {rng.choice(OPERATION_WORDS)}"
    else:
        war = f"the {s.group_short} insurgency and Operation {rng.choice(OPERATION_WORDS)}"
    side1 = ", ".join([s.country, *s.allies])
    if rng.random() < 0.2:  # peacekeepers: "Kenya (AMISOM), Somalia"
        if s.allies:
            side1 = f"{s.allies[0]} ({s.mission}), {s.country}"
        else:
            side1 = f"{s.country}, {s.mission}"
    winner = s.country if s.state_won else rng.choice((s.group, s.group_short))
    roll = rng.randrange(4)
    if roll == 0:
        result = f"{winner} victory"
    elif roll == 1:
        result = f"Decisive {winner} victory"
    elif roll == 2:
        result = (
            f"{s.country} victory; attackers repelled"
            if s.state_won
            else f"{s.group_short} victory; {s.place} overrun"
        )
    else:
        result = (
            f"Tactical {s.group_short} victory, strategic {s.country} victory"
            if s.state_won
            else "Inconclusive"
        )
    entries: list[tuple[str, str]] = [
        ("Conflict", s.title),
        (rng.choice(("Partof", "Part of")), war),
        ("Date", date_value(g, s)),
        ("Place", f"{s.place}, {s.region}, {s.country}"),
    ]
    if rng.random() < 0.6:
        entries.append(("Coordinates", coordinates(g)))
    entries.append(("Result", result))
    entries.append(("Combatant1", side1))
    entries.append(("Combatant2", s.group))
    third = rng.random() < 0.15
    if third:
        entries.append(("Combatant3", f"{g.word()} militia"))
    if rng.random() < 0.8:
        commanders = [g.officer() for _ in range(rng.choice((1, 1, 2)))]
        if rng.random() < 0.15:
            commanders[0] += " (WIA)"
        entries.append(("Commander1", ", ".join(commanders)))
        entries.append(("Commander2", s.leader + (" †" if rng.random() < 0.25 else "")))
    if rng.random() < 0.3:
        entries.append(("Units1", f"{ordinal(rng.randint(1, 12))} {g.word()} Battalion"))
    roll = rng.randrange(4)
    if roll == 0:
        strength1 = f"{rng.randint(20, 400)} soldiers"
    elif roll == 1:
        strength1 = f"~{rng.randint(2, 30) * 10} soldiers"
    elif roll == 2:
        strength1 = "Unknown"
    else:
        strength1 = f"{rng.randint(2, 5)} companies"
    entries.append(("Strength1", strength1))
    low = rng.randint(5, 30) * 10
    roll = rng.randrange(5)
    if roll == 0:
        strength2 = f"{low}–{low + rng.randint(5, 20) * 10} fighters"
    elif roll == 1:
        strength2 = f"{rng.randint(20, 300)}+ militants"
    elif roll == 2:
        strength2 = f"~{low} fighters, ~{rng.randint(5, 30)} technicals"
    elif roll == 3:
        strength2 = "Unknown"
    else:
        strength2 = f"Several hundred {source_tag(g, s)}"
    entries.append(("Strength2", strength2))
    entries.append(
        ("Casualties1", side_casualties(g, s, s.killed_side1, s.wounded_side1, "soldiers"))
    )
    entries.append(("Casualties2", side_casualties(g, s, s.killed_side2, 0, "militants")))
    if third or rng.random() < 0.45:
        entries.append(("Casualties3", messy_count(g, s.killed_civ, "civilians", "killed", s)))
    if rng.random() < 0.08:
        entries.append(("Territory", f"{s.group_short} withdraws from {s.place}"))
    if rng.random() < 0.05:
        entries.append(("Notes", "Casualty figures disputed"))
    return entries


def infobox_civilian(g: Gen, s: Scenario) -> list[tuple[str, str]]:
    rng = g.rng
    n_att = s.attackers if s.attackers <= 10 else 1
    roll = rng.randrange(5)
    if roll == 0:
        deaths = digits(s.killed_civ)
    elif roll == 1:
        deaths = f"{digits(s.killed_civ)} (+{n_att} attacker{'s' if n_att > 1 else ''})"
    elif roll == 2:
        deaths = f"{digits(s.killed_civ + 1)} (including the attacker)"
    elif roll == 3:
        deaths = messy_count(g, s.killed_civ, "", "", s)
    else:
        deaths = f"{digits(s.killed_civ)} {source_tag(g, s)}"
    roll = rng.randrange(6)
    if roll == 0:
        injuries = digits(s.wounded_civ)
    elif roll == 1:
        injuries = f"{digits(s.wounded_civ)}+"
    elif roll == 2:
        injuries = f"At least {digits(s.wounded_civ)}"
    elif roll == 3:
        injuries = f"~{digits(max(10, round(s.wounded_civ, -1)))}"
    elif roll == 4:
        injuries = "Unknown"
    else:
        injuries = rng.choice(("Dozens", f"{digits(s.wounded_civ)} {source_tag(g, s)}"))
    entries: list[tuple[str, str]] = [
        ("Title", s.title),
        ("Location", f"{s.place}, {s.region}, {s.country}"),
    ]
    if rng.random() < 0.6:
        entries.append(("Coordinates", coordinates(g)))
    entries.append(("Date", date_value(g, s)))
    if rng.random() < 0.3:
        entries.append(("Time", f"{rng.randint(0, 23):02d}:{rng.choice((0, 15, 30, 45)):02d}"))
    if rng.random() < 0.25:
        entries.append(("Timezone", f"UTC+{rng.randint(0, 5):02d}:00"))
    entries.append(("Target", cap(s.target_phrase)))
    types = rng.sample(ATTACK_TYPES, rng.choice((1, 1, 2, 3)))
    entries.append((rng.choice(("Type", "Type", "Attack type")), ", ".join(types)))
    entries.append(("Weapons", cap(", ".join(rng.sample(WEAPONS_CIV, rng.randint(1, 3))))))
    entries.append((rng.choice(("Deaths", "Fatalities")), deaths))
    entries.append((rng.choice(("Injuries", "Injured", "Non-fatal injuries")), injuries))
    perpetrators = s.group
    roll_p = rng.random()
    if roll_p < 0.25:
        perpetrators = f"{s.group}, {g.armed_group(s.place2, s.base)[0]}"
    elif roll_p < 0.35 and s.stance == "unclaimed":
        perpetrators = "Unknown"
    entries.append((rng.choice(("Perpetrator", "Perpetrators")), perpetrators))
    if rng.random() < 0.3:
        entries.append(("Motive", rng.choice(MOTIVES)))
    if rng.random() < 0.25:
        entries.append(("Numparticipants", str(s.attackers)))
    if rng.random() < 0.12:
        entries.append(("Partof", f"the {s.base} insurgency"))
    if rng.random() < 0.06:
        entries.append(("Hostages", f"~{rng.randint(2, 30) * 10}"))
    if rng.random() < 0.05:
        entries.append(("Accused", g.person()))
    return entries


# --------------------------------------------------------------------------- prose

Maker = Callable[[], str]


def sentence_pool(g: Gen, s: Scenario) -> dict[str, list[Maker]]:
    """Sentence makers per section; each call draws fresh figures and names."""
    rng = g.rng
    n, n0 = g.num, g.num_start
    kc, k1, k2 = s.killed_civ, s.killed_side1, s.killed_side2
    country = in_text(s.country)
    site = "base" if s.military else SITE_NOUNS.get(s.target_kind, s.target_kind)

    def agency() -> str:
        return rng.choice(AGENCIES)

    def ngo() -> str:
        return rng.choice(NGOS)

    def low_high(x: int) -> tuple[int, int]:
        return max(1, x - rng.randint(1, max(2, x // 2))), x + rng.randint(1, max(2, x // 2))

    background: list[Maker] = [
        lambda: (
            f"The {s.group} has been active in the {s.region} since "
            f"{s.year - rng.randint(1, 9)}, and its fighters control much of the countryside "
            f"around {s.place}."
        ),
        lambda: (
            f"In {MONTHS[rng.randrange(12)]} {s.year - 1}, the government of {country} sent "
            f"{digits(rng.randint(2, 40) * 50)} additional troops to the region."
        ),
        lambda: (
            f"According to {ngo()}, more than {digits(rng.randint(2, 90) * 1000)} people had "
            f"fled the {s.region} in the year before the attack."
        ),
        lambda: (
            f"{s.place} lies about {rng.randint(5, 300)} kilometres from {s.place2}, on the "
            f"main road to the border."
        ),
        lambda: (
            f"Local leaders had warned for months that the small garrison of "
            f"{n(rng.randint(10, 60))} soldiers in {s.place} could not protect its residents."
        ),
        lambda: (
            f"An earlier attack on {s.place2} in {s.year - 1} killed {n(rng.randint(3, 40))} "
            f"people, according to {agency()}."
        ),
    ]
    event: list[Maker] = [
        lambda: (
            f"The attackers arrived on motorcycles and pick-up trucks at around "
            f"{rng.randint(4, 11)} in the morning, according to witnesses."
        ),
        lambda: (
            f"A resident told {agency()} that the shooting lasted for {n(rng.randint(2, 9))} "
            f"hours and that houses were set on fire."
        ),
        lambda: (
            f"{s.spokesman}, a spokesman for the army, said that the attackers had used "
            + " and ".join(rng.sample(WEAPONS_MIL, 2))
            + "."
        ),
        lambda: (
            f"Witnesses said that between {n(rng.randint(20, 60))} and "
            f"{n(rng.randint(70, 150))} gunmen took part in the assault."
        ),
        lambda: (
            f"Reinforcements from {s.place2} reached the area only after "
            f"{n(rng.randint(2, 12))} hours."
        ),
        lambda: (
            f"The assault began with a car bomb at the entrance to the {site}, followed by gunfire."
        ),
    ]
    if s.military:
        event.append(
            lambda: (
                f"According to the army, the soldiers held their positions for "
                f"{n(rng.randint(2, 9))} hours before "
                + ("the attackers withdrew." if s.state_won else f"falling back to {s.place2}.")
            )
        )
    else:
        event.append(
            lambda: (
                f"Officials said that {n(rng.randint(5, 120))} hostages were freed when "
                f"security forces stormed the {site}."
            )
        )
    casualties: list[Maker] = [
        lambda: f"{n0(kc)} {s.victims} were killed in the attack.",
        lambda: f"According to {ngo()}, at least {digits(kc)} {s.victims} died.",
        lambda: "Local officials estimated that between {} and {} people had been killed.".format(
            *map(digits, low_high(kc))
        ),
        lambda: (
            f"Hospital staff in {s.place2} said they had received about "
            f"{digits(s.wounded_civ + rng.randint(1, 30))} wounded people."
        ),
        lambda: (
            f"{s.official}, the governor of the {s.region}, put the death toll at "
            f"{digits(kc)}, including {n(rng.randint(2, max(2, kc // 3)))} children."
        ),
        lambda: f"Dozens of people were reported missing in {s.place} after the attack.",
        lambda: (
            f"{cap(s.mission_desc)}, {s.mission}, said that {digits(kc + rng.randint(0, 20))} "
            f"civilians had been killed and {digits(s.wounded_civ)} injured."
        ),
    ]
    if s.military:
        casualties += [
            lambda: (
                f"The government of {country} said that {n(k1)} soldiers had been killed and "
                f"{n(s.wounded_side1)} wounded."
            ),
            lambda: (
                f"A spokesman for the {s.group_short} told {agency()} that its fighters had "
                f"killed more than {digits(k1 * 2 + 10)} soldiers."
            ),
            lambda: (
                f"The army said that {n(k2)} militants had been killed and "
                f"{n(rng.randint(2, 20))} arrested in the counter-attack."
            ),
        ]
    responsibility: list[Maker]
    if s.stance == "claimed":
        responsibility = [
            lambda: (
                f"The {s.group} claimed responsibility for the attack in a statement released "
                f"by its media outlet."
            ),
            lambda: (
                f"{s.leader}, a commander of the {s.group}, said in an audio message that the "
                f"attack was revenge for military operations in the {s.region}."
            ),
        ]
    elif s.stance == "denied":
        responsibility = [
            lambda: (
                f"{s.spokesman} accused the {s.group} of carrying out the attack and said "
                f"{n(rng.randint(2, 15))} suspects had been arrested."
            ),
            lambda: f"The {s.group} denied any involvement in the killings.",
        ]
    else:
        responsibility = [
            lambda: f"No group claimed responsibility, but the authorities blamed the {s.group}.",
            lambda: (
                f"Investigators told {agency()} that they were examining the "
                f"{s.group}'s links to the attackers."
            ),
        ]
    aftermath: list[Maker] = [
        lambda: (
            f"{n0(rng.randint(2, 6))} days later, an air strike near {s.place2} killed "
            f"{n(rng.randint(3, 60))} militants, according to the army."
        ),
        lambda: (
            f"According to {ngo()}, about {digits(rng.randint(1, 60) * 1000)} people fled "
            f"{s.place} in the following week."
        ),
        lambda: (
            f"The government announced an inquiry and suspended the commander of the "
            f"{s.region} garrison."
        ),
        lambda: (
            f"In {s.year + 1}, a court in the capital sentenced {n(rng.randint(2, 9))} people "
            f"for their part in the attack."
        ),
    ]
    reactions: list[Maker] = [
        lambda: (
            f"President {s.president} condemned the attack and declared "
            f"{number_words(rng.randint(2, 3))} days of national mourning."
        ),
        lambda: "The UN Secretary-General condemned the attack and called for an investigation.",
        lambda: (
            f"The African Union said it condemned the killings in {s.place} in the strongest terms."
        ),
        lambda: (
            f"The foreign ministry of {in_text(rng.choice(countries())[0])} expressed its "
            f"condolences to the families of the victims."
        ),
        lambda: f"{cap(ngo())} called on the authorities to protect civilians in the {s.region}.",
    ]
    return {
        "background": background,
        "event": event,
        "casualties": casualties,
        "responsibility": responsibility,
        "aftermath": aftermath,
        "reactions": reactions,
    }


def paragraph(g: Gen, makers: Sequence[Maker], low: int, high: int) -> str:
    count = min(len(makers), g.rng.randint(low, high))
    return " ".join(makers[i]() for i in g.rng.sample(range(len(makers)), count))


def lead(g: Gen, s: Scenario) -> str:
    rng = g.rng
    when = date_prose(s)
    country = in_text(s.country)
    if s.military:
        first = (
            f"The {s.title} took place {when} near {s.place}, in the {s.region} of {country}, "
            f"between the armed forces of {country} and fighters of the {s.group}."
        )
        roll = rng.randrange(3)
        if roll == 0:
            second = (
                f"{g.num_start(s.killed_side1)} soldiers and {g.num(s.killed_side2)} militants "
                f"were killed, according to official figures."
            )
        elif roll == 1:
            second = f"The fighting left {digits(s.killed_side1)} soldiers dead."
        elif s.state_won:
            second = f"The army said it had repelled the attack on {s.place}."
        else:
            second = f"The {s.group_short} took control of {s.place} after several hours."
    else:
        first = (
            f"{cap(when)}, gunmen attacked {s.target_phrase} in {s.place}, a town in the "
            f"{s.region} of {country}."
        )
        roll = rng.randrange(3)
        if roll == 0:
            second = (
                f"{g.num_start(s.killed_civ)} people were killed and {digits(s.wounded_civ)} "
                f"injured."
            )
        elif roll == 1:
            second = f"At least {digits(s.killed_civ)} people died."
        else:
            second = f"The attack killed {g.num(s.killed_civ)} people, most of them {s.victims}."
    return f"{first} {second}"


def sections(g: Gen, s: Scenario) -> list[tuple[str, list[str]]]:
    """(heading, items) pairs; a heading starting with '=' is a subsection; an item
    starting with '- ' is a bullet."""
    rng = g.rng
    pool = sentence_pool(g, s)
    if s.military:
        event_heading = rng.choice(("Battle", "Attack", "Assault", "Fighting"))
    else:
        event_heading = rng.choice(("Attack", "Attack", "Events", "Massacre"))
    out: list[tuple[str, list[str]]] = []
    if rng.random() < 0.8:
        out.append(("Background", [paragraph(g, pool["background"], 1, 3)]))
    if rng.random() < 0.2:
        out.append((event_heading, []))
        out.append(("=First assault", [paragraph(g, pool["event"], 2, 3)]))
        out.append(("=Counter-attack", [paragraph(g, pool["event"], 1, 2)]))
    else:
        paras = [paragraph(g, pool["event"], 2, 4)]
        if rng.random() < 0.3:
            paras.append(paragraph(g, pool["event"], 1, 2))
        out.append((event_heading, paras))
    heading = rng.choice(("Casualties", "Casualties", "Victims"))
    out.append((heading, [paragraph(g, pool["casualties"], 2, 4)]))
    if rng.random() < 0.75:
        heading = rng.choice(("Responsibility", "Claim of responsibility", "Perpetrators"))
        out.append((heading, [paragraph(g, pool["responsibility"], 1, 2)]))
    if rng.random() < 0.6:
        out.append(("Aftermath", [paragraph(g, pool["aftermath"], 1, 3)]))
    if rng.random() < 0.7:
        makers = pool["reactions"]
        picks = rng.sample(range(len(makers)), rng.randint(2, 4))
        bullets = ["- " + makers[i]() for i in picks]
        if rng.random() < 0.4:
            bullets.insert(0, paragraph(g, makers, 1, 2))
        out.append(("Reactions", bullets))
    return out


def render(g: Gen, s: Scenario, awkward: bool) -> str:
    lines = [f"= {s.title} =", ""]
    if s.family != "none":
        if s.family == "military_conflict":
            entries = infobox_military(g, s)
        else:
            entries = infobox_civilian(g, s)
        lines.append("Infobox")
        lines.extend(f"- {key}: {value}" for key, value in entries)
        lines.append("")
    lines.append(lead(g, s))
    if not awkward:
        for heading, items in sections(g, s):
            lines.append("")
            if heading.startswith("="):
                lines.append(f"=== {heading[1:]} ===")
            else:
                lines.append(f"== {heading} ==")
            for position, item in enumerate(items):
                if (
                    position
                    and not item.startswith("- ")
                    and not items[position - 1].startswith("- ")
                ):
                    lines.append("")  # a blank line between two paragraphs
                lines.append(item)
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- public API


@dataclass(frozen=True)
class GeneratedDoc:
    """One generated document and what it was meant to contain."""

    name: str
    title: str
    family: Family
    country_code: str
    text: str


def generate_document(seed: int, index: int) -> GeneratedDoc:
    """Document ``index`` of the corpus for ``seed`` (independent of the corpus size)."""
    rng = random.Random(f"attackgraph-bench:{seed}:{index}")
    g = Gen(rng)
    roll = rng.random()
    family: Family = FAMILY_WEIGHTS[-1][0]
    total = 0.0
    for candidate, weight in FAMILY_WEIGHTS:
        total += weight
        if roll < total:
            family = candidate
            break
    scenario = build_scenario(g, family)
    awkward = family != "none" and rng.random() < AWKWARD_SHARE
    text = render(g, scenario, awkward)
    name = f"{index:06d}_{slugify(scenario.title)}.txt"
    return GeneratedDoc(name, scenario.title, family, scenario.country_code, text)


def generate_corpus(count: int, seed: int) -> list[GeneratedDoc]:
    """The first ``count`` documents for ``seed``."""
    return [generate_document(seed, i) for i in range(count)]


def write_corpus(docs: Sequence[GeneratedDoc], out: Path, *, overwrite: bool = False) -> list[Path]:
    """Write the documents into ``out`` (each to a temporary name, then renamed)."""
    out.mkdir(parents=True, exist_ok=True)
    existing = sorted(out.glob("*.txt"))
    if existing:
        if not overwrite:
            raise FileExistsError(
                f"{out} already holds {len(existing)} .txt files; use --overwrite to replace them"
            )
        for path in existing:
            path.unlink()
    written: list[Path] = []
    for doc in docs:
        path = out / doc.name
        tmp = out / f".{doc.name}.tmp"
        tmp.write_bytes(doc.text.encode("utf-8"))
        os.replace(tmp, path)
        written.append(path)
    return written


def write_manifest(docs: Sequence[GeneratedDoc], path: Path) -> None:
    """One JSON object a line: file name, title, intended infobox family, country code."""
    rows = [
        json.dumps(
            {
                "doc": d.name,
                "title": d.title,
                "infobox_family": d.family,
                "country": d.country_code,
            },
            ensure_ascii=False,
        )
        for d in docs
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text("".join(row + "\n" for row in rows), encoding="utf-8")
    os.replace(tmp, path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Generate a seeded synthetic corpus in attackgraph's input format."
    )
    parser.add_argument("--count", type=int, default=1000, help="number of documents")
    parser.add_argument("--seed", type=int, default=7, help="random seed (same seed, same bytes)")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument(
        "--manifest", type=Path, default=None, help="also write a JSONL manifest to this path"
    )
    parser.add_argument(
        "--overwrite", action="store_true", help="delete existing .txt files in --out first"
    )
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("--count must be >= 0")
    started = time.perf_counter()
    docs = generate_corpus(args.count, args.seed)
    try:
        write_corpus(docs, args.out, overwrite=args.overwrite)
    except FileExistsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.manifest is not None:
        write_manifest(docs, args.manifest)
    elapsed = time.perf_counter() - started
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    print(
        f"wrote {len(docs)} documents ({size / 1e6:.1f} MB) to {args.out} in {elapsed:.2f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
