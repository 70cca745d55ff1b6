"""Place resolution: a name, read in its document's context, to a :class:`PlaceRef`.

Rules (issue 5):

- a place is looked up *inside* the country the document names, and inside the
  stated region when that narrows it; "Moura" in a Mali article is never a Moura
  of Australia or Portugal;
- when several places share the name and the context does not decide, the most
  populous wins only if it has at least
  :data:`~attackgraph.resolve.place_candidates.DOMINANCE` times the population of
  the next; without a country only a name borne by one place resolves ("Palma" may
  be Mallorca's or Mozambique's); otherwise the name stays unresolved - never a
  wrong coordinate;
- the document's own coordinates win over the gazetteer's for that site
  (precision ``exact-site``);
- containment comes from the gazetteer (admin1 -> ISO 3166-2 region -> country);
  an unresolved place keeps the containment the text gives;
- slugs: ``{cc}`` for a country, ``{cc}-{slug of the canonical name}`` otherwise,
  ``{slug}`` alone when the country is unknown. A resolved place whose name another,
  more populous place of the same country also bears gets ``-{geonameid}`` added.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cached_property

import pycountry

from attackgraph.identifiers import slugify
from attackgraph.model import LocationPrecision, PlaceKind, PlaceRef
from attackgraph.reference.countries import (
    country_code,
    country_geonameid,
    country_name,
    is_country,
    shared_country_name,
)
from attackgraph.reference.gazetteer import Gazetteer, GeoName
from attackgraph.reference.names import name_key, region_name, strip_the
from attackgraph.reference.regions import (
    Admin1Map,
    Subdivision,
    find_subdivisions,
    map_admin1,
    subdivision,
    subdivisions,
    top_level,
)
from attackgraph.resolve.place_candidates import DOMINANCE, candidates, pick, same_place


class PlaceResolver:
    """Resolves place names against layered gazetteers (first layer wins on equal ids).

    ``layers`` are the user's dump files, then the supplementary table, then the
    packaged subset; the packaged layer must come last (it names the admin1 areas).
    """

    def __init__(self, layers: Sequence[Gazetteer]) -> None:
        if not layers:
            raise ValueError("at least one gazetteer layer is needed")
        self.layers = tuple(layers)
        self._regions: dict[str, Subdivision] = {}
        self._known: dict[str, PlaceRef] = {}
        self._memo: dict[tuple[object, ...], PlaceRef] = {}

    @cached_property
    def admin1(self) -> Admin1Map:
        """GeoNames admin1 -> ISO 3166-2, computed once for every country."""
        packaged = self.layers[-1]
        areas = [record for layer in self.layers for record in layer.admin_areas()]
        countries = [c.alpha_2 for c in pycountry.countries]
        return map_admin1(areas, packaged.lookup, packaged.largest_population, countries)

    # -- public ---------------------------------------------------------------

    def place(
        self,
        name: str,
        *,
        country: str | None = None,
        region: str | None = None,
        kind: PlaceKind | None = None,
        coordinates: tuple[float, float] | None = None,
    ) -> PlaceRef:
        """Resolve one place name; see the module doc for the rules."""
        memo_key = (name, country, region, kind, coordinates)
        found = self._memo.get(memo_key)
        if found is None:
            found = self._place(name, country, region, kind, coordinates)
            if len(self._memo) < 1_000_000:
                self._memo[memo_key] = found
            if found.resolved:
                self._known.setdefault(found.slug, found)
        return found

    def _place(
        self,
        name: str,
        country: str | None,
        region: str | None,
        kind: PlaceKind | None,
        coordinates: tuple[float, float] | None,
    ) -> PlaceRef:
        text = " ".join(strip_the(name).split())
        cc = _country(country)
        point = _valid_point(coordinates)
        if kind in (None, PlaceKind.COUNTRY) and not shared_country_name(text):
            code = country_code(text)
            if code is None and kind is PlaceKind.COUNTRY and len(text) == 2 and is_country(text):
                code = text.upper()  # "ML" names a country only where a country is expected
            if code is not None:
                return self.country(code)
        if kind is PlaceKind.COUNTRY or not name_key(text):
            return self._unresolved(text, kind or PlaceKind.LOCALITY, cc, None, point)
        shared = shared_country_name(text)  # "Korea": both Koreas' name, never a town abroad
        if shared:  # the country, when the document's places have decided which
            if cc in shared:
                return self.country(cc)
            return self._unresolved(text, PlaceKind.REGION, cc, None, point)
        hint = self._hint(region, cc) if region else None
        parsed = region_name(text)
        if parsed.word:  # "Mopti Region", "Province of Sulu": an area, never a town
            found = self._region(parsed.key, parsed.word, cc, hint, point)
            return found or self._unresolved(text, PlaceKind.REGION, cc, hint, point)
        record, primary = self._locality(text, cc, hint)
        area = self._region(parsed.key, None, cc, hint, point)
        if record is not None and area is not None and area.kind is PlaceKind.REGION:
            # a town and an area share the name: the town if the area is named after
            # it ("Mopti", "Garissa", "Tombouctou"), or if the town bears the name
            # itself and the converter did not call it a region
            namesake = self._is_namesake(area, record)
            if namesake or (primary and kind is not PlaceKind.REGION):
                return self._from_record(record, point)
            return area
        found = self._from_record(record, point) if record is not None else area
        if found is not None:
            return found
        return self._unresolved(text, PlaceKind.LOCALITY, cc, hint, point)

    def unresolved(self, name: str, *, country: str | None, kind: PlaceKind) -> PlaceRef:
        """The place ``name`` as the document alone knows it, in ``country``: what a name
        the gazetteer cannot tell from another place of the document becomes.

        >>> from attackgraph.resolve import Resolver
        >>> Resolver().places.unresolved("Bojayá", country="CO", kind=PlaceKind.REGION).slug
        'co-bojaya'
        """
        text = " ".join(strip_the(name).split())
        return self._unresolved(text, kind, _country(country), None, None)

    def country(self, code: str) -> PlaceRef:
        """The place of a country (ISO 3166-1 alpha-2 code); raises ``KeyError`` if unknown."""
        code = code.upper()
        return PlaceRef(
            slug=code.lower(),
            name=country_name(code),
            kind=PlaceKind.COUNTRY,
            country=code,
            geonames_id=country_geonameid(code),
            precision="within-country",
            resolved=True,
        )

    def region(self, item: Subdivision) -> PlaceRef:
        """The place of an ISO 3166-2 subdivision, with its GeoNames entry when known."""
        self._regions[item.slug] = item
        record = self.admin1.admin_records.get(item.code)
        container = subdivision(item.parent) if item.parent else None
        if container is not None:
            self._regions[container.slug] = container
        return PlaceRef(
            slug=item.slug,
            name=item.canonical_name,
            kind=PlaceKind.REGION,
            container=container.slug if container else item.country.lower(),
            country=item.country,
            point=(record.latitude, record.longitude) if record else None,
            iso3166_2=item.code,
            geonames_id=record.geonameid if record else None,
            precision="within-region",
            resolved=True,
        )

    def container(self, ref: PlaceRef) -> PlaceRef | None:
        """The place that directly contains ``ref`` (its region or country), if known."""
        if ref.container is None:
            return None
        if is_country(ref.container) and len(ref.container) == 2:
            return self.country(ref.container)
        item = self._regions.get(ref.container)
        if item is not None:
            return self.region(item)
        return self._known.get(ref.container)

    def chain(self, ref: PlaceRef) -> tuple[PlaceRef, ...]:
        """``ref`` and every place containing it, innermost first."""
        found = [ref]
        while (outer := self.container(found[-1])) is not None and len(found) < 8:
            found.append(outer)
        return tuple(found)

    # -- lookups --------------------------------------------------------------

    def _is_namesake(self, area: PlaceRef, town: GeoName) -> bool:
        """Whether a first-level ``area`` contains ``town`` and is named like it."""
        item = subdivision(area.iso3166_2) if area.iso3166_2 else None
        if item is None or item.parent is not None:
            return False
        return self.admin1.iso(town.country, town.admin1) == item.code

    def _locality(
        self, text: str, cc: str | None, hint: PlaceRef | None
    ) -> tuple[GeoName | None, bool]:
        """The town or site named ``text``, and whether its own name (not an alternate) matched."""
        found = candidates(self.layers, name_key(text), cc, admin=False)
        record = pick(found, self._hint_admin1(hint), DOMINANCE if cc else None)
        return record, any(r is record and primary for r, primary in found)

    def _region(
        self,
        key: str,
        word: str | None,
        cc: str | None,
        hint: PlaceRef | None,
        point: tuple[float, float] | None,
    ) -> PlaceRef | None:
        if cc is None:
            return None
        found = find_subdivisions(cc, key, word)
        if not found:  # "Deir ez-Zor Governorate": named like its capital
            found = [s for s in subdivisions(cc) if self.admin1.capital_keys.get(s.code) == key]
        if len(found) == 1:
            return self.region(found[0])
        record = pick(candidates(self.layers, key, cc, admin=True), self._hint_admin1(hint))
        if record is not None:
            return self._from_record(record, point)
        return None

    def _hint(self, region: str, cc: str | None) -> PlaceRef | None:
        """The stated container ("Mopti region", "ML-5", "Peshawar"), resolved, or ``None``."""
        item = subdivision(region) if "-" in region and region[:2].isalpha() else None
        if item is not None and (cc is None or item.country == cc):
            return self.region(item)
        if country_code(" ".join(strip_the(region).split())) is not None:
            return None  # "Colombia" stated as the container is the country, not its namesake town
        # read as the converter reads containers: an area first, else a town
        ref = self.place(region, country=cc, kind=PlaceKind.REGION)
        return ref if ref.resolved and ref.kind is not PlaceKind.COUNTRY else None

    def _hint_admin1(self, hint: PlaceRef | None) -> tuple[str, str] | None:
        if hint is None or hint.country is None:
            return None
        if hint.kind is PlaceKind.REGION and hint.iso3166_2:
            item = subdivision(hint.iso3166_2)
            code = self.admin1.admin1(top_level(item).code) if item else None
            return (hint.country, code) if code else None
        if hint.kind is PlaceKind.LOCALITY and hint.container:
            item = self._regions.get(hint.container)
            code = self.admin1.admin1(top_level(item).code) if item else None
            return (hint.country, code) if code else None
        return None

    # -- building references --------------------------------------------------

    def _from_record(self, record: GeoName, point: tuple[float, float] | None) -> PlaceRef:
        cc = record.country
        iso = self.admin1.iso(cc, record.admin1)
        item = subdivision(iso) if iso else None
        if record.feature_code == "ADM1" and item is not None:
            return self.region(item)
        region_ref = self.region(item) if item is not None else None
        is_area = record.feature_class == "A"
        precision: LocationPrecision
        if point is not None or record.feature_class not in ("P", "A"):
            precision = "exact-site"
        else:
            precision = "within-region" if is_area else "settlement"
        return PlaceRef(
            slug=self._slug(record),
            name=record.name,
            kind=PlaceKind.REGION if is_area else PlaceKind.LOCALITY,
            container=region_ref.slug if region_ref else cc.lower(),
            country=cc,
            point=point or (record.latitude, record.longitude),
            geonames_id=record.geonameid,
            precision=precision,
            resolved=True,
        )

    def _slug(self, record: GeoName) -> str:
        base = f"{record.country.lower()}-{slugify(record.name)}"
        rivals = [
            r
            for r, primary in candidates(
                self.layers, name_key(record.name), record.country, admin=False
            )
            if primary and not same_place(r, record)
        ]
        if record.feature_class != "A" and any(r.population > record.population for r in rivals):
            return f"{base}-{record.geonameid}" if record.geonameid else base
        return base

    def _unresolved(
        self,
        text: str,
        kind: PlaceKind,
        cc: str | None,
        hint: PlaceRef | None,
        point: tuple[float, float] | None,
    ) -> PlaceRef:
        slug = slugify(text)
        inside = hint if hint is not None and (cc is None or hint.country == cc) else None
        if point is not None:
            precision: LocationPrecision | None = "exact-site"
        elif inside is not None:
            precision = "within-region"
        else:
            precision = "within-country" if cc else None
        return PlaceRef(
            slug=f"{cc.lower()}-{slug}" if cc else slug,
            name=text,
            kind=kind,
            container=inside.slug if inside else (cc.lower() if cc else None),
            country=cc,
            point=point,
            precision=precision,
            resolved=False,
        )


def _country(value: str | None) -> str | None:
    if not value:
        return None
    if len(value) == 2 and is_country(value):
        return value.upper()
    return country_code(value)


def _valid_point(point: tuple[float, float] | None) -> tuple[float, float] | None:
    if point is None:
        return None
    lat, lon = point
    if math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180:
        return (float(lat), float(lon))
    return None
