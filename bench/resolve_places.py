"""Measure place resolution on gold annotations: how many places get coordinates.

For every ``NAME.gold.json`` of a corpus (default: the shared dev corpus), resolves
the ``country`` and each name of ``places`` inside that country, as the pipeline
would without the document's own coordinates, and prints one line per place (slug,
resolved or not, point, GeoNames id, container) and the shares. Countries are
counted apart: a country place is resolved but carries no point by design.

Usage::

    .venv/bin/python bench/resolve_places.py [CORPUS_DIR] [--gazetteer FILE ...]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from attackgraph.model import PlaceKind
from attackgraph.resolve import Resolver

DEFAULT_CORPUS = Path("/work/shared/corpus/dev")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=DEFAULT_CORPUS)
    parser.add_argument("--gazetteer", type=Path, action="append", default=[])
    args = parser.parse_args()
    resolver = Resolver(gazetteer_files=args.gazetteer)
    places = with_point = resolved = 0
    countries = countries_resolved = 0
    for gold_file in sorted(args.corpus.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        country = gold.get("country")
        print(f"== {gold_file.name.removesuffix('.gold.json')} ({country})")
        if country:
            countries += 1
            ref = resolver.place(country, kind=PlaceKind.COUNTRY)
            countries_resolved += ref.resolved
            print(f"   {country!r:42} -> {ref.slug} {ref.name} geonames={ref.geonames_id}")
        for name in gold.get("places", []):
            ref = resolver.place(name, country=country)
            places += 1
            resolved += ref.resolved
            with_point += ref.point is not None
            point = f"({ref.point[0]:.4f}, {ref.point[1]:.4f})" if ref.point else "-"
            print(
                f"   {name!r:42} -> {ref.slug:36} {'yes' if ref.resolved else 'NO ':3} "
                f"{ref.kind.value:8} {point:22} geonames={ref.geonames_id} in={ref.container} "
                f"iso={ref.iso3166_2}"
            )
    total = places + countries
    print()
    print(
        f"places:    {places} named, {resolved} resolved, {with_point} with coordinates "
        f"({100 * with_point / max(places, 1):.0f} %)"
    )
    print(f"countries: {countries} named, {countries_resolved} resolved (no point by design)")
    print(
        f"all:       {total}, with coordinates {with_point} "
        f"({100 * with_point / max(total, 1):.0f} %), resolved {resolved + countries_resolved} "
        f"({100 * (resolved + countries_resolved) / max(total, 1):.0f} %)"
    )


if __name__ == "__main__":
    main()
