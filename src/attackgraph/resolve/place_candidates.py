"""The gazetteer entries a place name may stand for, and the one its context points at.

:func:`candidates` collects the entries of a name across the gazetteer layers (one per
place: the same id, or two entries closer than :data:`SAME_PLACE_KM`, are one place);
:func:`pick` chooses among them by the stated region, the entry's own name, its
feature class and, last, a population :data:`DOMINANCE`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final

from attackgraph.reference.gazetteer import Gazetteer, GeoName

DOMINANCE: Final = 5
"""How many times more populous the first of several same-named places must be."""
SAME_PLACE_KM: Final = 5.0
"""Entries of one name closer than this are one place listed twice (town and district)."""
_CLASS_ORDER: Final = {"P": 0, "S": 1, "A": 3}


def candidates(
    layers: Sequence[Gazetteer], key: str, cc: str | None, *, admin: bool
) -> list[tuple[GeoName, bool]]:
    """Entries named ``key`` (in ``cc``) in ``layers``, one per place: ids and near-twins
    merged, earlier layers first; each with whether its own name (not an alternate) matched.

    >>> from attackgraph.reference.gazetteer import packaged_index
    >>> found = candidates([packaged_index()], "mopti", "ML", admin=False)
    >>> [(record.name, record.country, own) for record, own in found]
    [('Mopti', 'ML', True)]
    """
    seen: set[int] = set()
    found: list[tuple[GeoName, bool]] = []
    for layer in layers:
        for record, primary in layer.lookup(key):
            if cc is not None and record.country != cc:
                continue
            if (record.feature_class == "A") != admin:
                continue
            if record.geonameid is not None:
                if record.geonameid in seen:
                    continue
                seen.add(record.geonameid)
            found.append((record, primary))
    merged: list[tuple[GeoName, bool]] = []
    for record, primary in found:  # earlier layers first: they win a twin pair
        twin = next((i for i, (o, _) in enumerate(merged) if same_place(o, record)), None)
        if twin is None:
            merged.append((record, primary))
        elif merged[twin][0].geonameid is None and record.geonameid is not None:
            merged[twin] = (record, primary or merged[twin][1])
    return merged


def pick(
    found: list[tuple[GeoName, bool]],
    admin1: tuple[str, str] | None,
    factor: int | None = DOMINANCE,
) -> GeoName | None:
    """The one place of ``found`` the context points at, or ``None`` when it is not clear.

    ``admin1`` is the (country, GeoNames admin1 code) of the stated region, if any;
    ``factor`` is the population dominance that settles a tie; ``None``: nothing does.

    >>> pick([], None) is None
    True
    """
    if not found:
        return None
    if admin1 is not None:
        inside = [(r, p) for r, p in found if (r.country, r.admin1) == admin1]
        found = inside or found  # outside the stated region: the gazetteer decides
    primary: list[tuple[GeoName, bool]] = [(r, p) for r, p in found if p]
    found = primary or found
    best_class = min(_CLASS_ORDER.get(r.feature_class, 2) for r, _ in found)
    records = [r for r, _ in found if _CLASS_ORDER.get(r.feature_class, 2) == best_class]
    if len(records) == 1:
        return records[0]
    records.sort(key=lambda r: -r.population)
    first, second = records[0], records[1]
    if factor and first.population > 0 and first.population >= factor * second.population:
        return first
    return None


def same_place(a: GeoName, b: GeoName) -> bool:
    """Whether two entries of one name are one place listed twice (town and district)."""
    if a.country != b.country:
        return False
    return km(a.latitude, a.longitude, b.latitude, b.longitude) < SAME_PLACE_KM


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres.

    >>> round(km(14.53, -4.10, 14.48, -4.18))
    10
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))
