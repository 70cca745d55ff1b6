"""Micro benchmark of the resolve stage: 10,000 mentions through one Resolver.

Prints the one-off cost of loading and indexing the reference data (paid once per
build, not per document), then the time and memory to resolve N place and actor
mentions: the names of the dev corpus gold files and of the sample documents, in
their documents' countries, each in a few spellings (so that the per-process memo
does not answer every lookup).

Usage::

    .venv/bin/python bench/resolve_bench.py [--mentions 10000] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import time
from pathlib import Path

from attackgraph.resolve import Resolver

DEFAULT_CORPUS = Path("/work/shared/corpus/dev")
SAMPLE_PLACES = [("Sévaré", "ML"), ("Niono", "ML"), ("Bapho", "ML"), ("Mopti region", "ML")]
SAMPLE_ACTORS = [("Katibat Macina", "ML"), ("Malian government", "ML"), ("Mali", "ML")]


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _spellings(name: str) -> list[str]:
    return [name, name.upper(), name.lower(), f"the {name}"]


def _inputs(corpus: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    places, actors = list(SAMPLE_PLACES), list(SAMPLE_ACTORS)
    for gold_file in sorted(corpus.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        country = gold.get("country") or ""
        places.extend((name, country) for name in gold.get("places", []))
        actors.extend((actor["name"], country) for actor in gold.get("actors", []))
    return places, actors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=10_000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    places, actors = _inputs(args.corpus)
    place_inputs = [(s, c) for name, c in places for s in _spellings(name)]
    actor_inputs = [(s, c) for name, c in actors for s in _spellings(name)]

    rss_before = _rss_mib()
    start = time.perf_counter()
    resolver = Resolver()
    resolver.place("Niono", country="ML")  # first use: loads and indexes everything
    resolver.actor("JNIM")
    load = time.perf_counter() - start
    rss_loaded = _rss_mib()

    start = time.perf_counter()
    for name, country in place_inputs[1:]:  # every distinct input once: no memo hits
        resolver.place(name, country=country or None)
    cold = time.perf_counter() - start
    resolver = Resolver()  # fresh memo; the packaged index stays loaded

    half = args.mentions // 2
    start = time.perf_counter()
    resolved = 0
    for name, country in itertools.islice(itertools.cycle(place_inputs), half):
        resolved += resolver.place(name, country=country or None).resolved
    place_time = time.perf_counter() - start
    start = time.perf_counter()
    registry_hits = 0
    for name, country in itertools.islice(itertools.cycle(actor_inputs), args.mentions - half):
        ref = resolver.actor(name, country=country or None)
        registry_hits += ref.slug in resolver.actors.registry.entries
    actor_time = time.perf_counter() - start

    total = place_time + actor_time
    print(
        f"distinct place inputs resolved first time (no memo): {len(place_inputs) - 1} in "
        f"{cold:.3f} s, {1e3 * cold / (len(place_inputs) - 1):.2f} ms each"
    )
    print(
        f"reference data: loaded and indexed once in {load:.2f} s "
        f"(max RSS {rss_before:.0f} -> {rss_loaded:.0f} MiB)"
    )
    print(
        f"{half} place mentions ({len(place_inputs)} distinct inputs): {place_time:.3f} s, "
        f"{1e6 * place_time / half:.1f} µs each, {resolved} resolved"
    )
    print(
        f"{args.mentions - half} actor mentions ({len(actor_inputs)} distinct inputs): "
        f"{actor_time:.3f} s, {1e6 * actor_time / (args.mentions - half):.1f} µs each, "
        f"{registry_hits} from the registry"
    )
    print(
        f"{args.mentions} mentions: {total:.3f} s after loading; "
        f"{load + total:.2f} s including it; max RSS {_rss_mib():.0f} MiB"
    )


if __name__ == "__main__":
    main()
