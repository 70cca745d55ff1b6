"""Measure cross-document actor identity on gold annotations (measurement only).

Resolves every actor name of the gold files of a corpus (default: the shared dev
corpus) - ``actors[].name`` and ``actors[].part_of`` - in its document's country,
then prints:

- per registry identity (the registry row a name's spelling names directly), the
  names seen and the distinct slugs they got: more than one slug is an identity
  split;
- per normalised name, the distinct slugs across documents;
- how each name was resolved: registry, country form (state, armed forces,
  government ...), or minted, with the minted class and type.

Usage::

    .venv/bin/python bench/resolve_identity.py [CORPUS_DIR]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from attackgraph.reference.registry import actor_key
from attackgraph.resolve import Resolver

DEFAULT_CORPUS = Path("/work/shared/corpus/dev")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=DEFAULT_CORPUS)
    args = parser.parse_args()
    resolver = Resolver()
    registry = resolver.actors.registry
    by_identity: dict[str, set[tuple[str, str]]] = defaultdict(set)
    by_key: dict[str, set[str]] = defaultdict(set)
    routes: Counter[str] = Counter()
    minted: list[tuple[str, str, str, str | None, str | None]] = []
    for gold_file in sorted(args.corpus.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        country = gold.get("country")
        names = [a["name"] for a in gold.get("actors", [])]
        names += [a["part_of"] for a in gold.get("actors", []) if a.get("part_of")]
        for name in dict.fromkeys(names):
            ref = resolver.actor(name, country=country)
            by_key[actor_key(name)].add(ref.slug)
            entry = registry.find(name, country=country)
            if entry is not None:
                by_identity[entry.slug].add((name, ref.slug))
                routes["registry"] += 1
            elif ref.slug in registry.entries:
                by_identity[ref.slug].add((name, ref.slug))
                routes["country form, registry row"] += 1
            elif (
                ref.state is not None
                and ref.actor_class == "StateActor"
                and (ref.slug.startswith(f"{ref.state}-") or ref.actor_type is None)
            ):
                routes["country form"] += 1
            else:
                routes["minted"] += 1
                minted.append((name, ref.slug, ref.actor_class, ref.actor_type, ref.part_of))

    print("registry identities (name -> slug):")
    splits = 0
    for identity, seen in sorted(by_identity.items()):
        slugs = {slug for _, slug in seen}
        splits += len(slugs) > 1
        flag = "SPLIT " if len(slugs) > 1 else ""
        names = "; ".join(sorted(name for name, _ in seen))
        print(f"  {flag}{identity}: {len(slugs)} slug(s) {sorted(slugs)} <- {names}")
    key_splits = {k: v for k, v in by_key.items() if len(v) > 1}
    print()
    print("minted actors (name -> slug, class, type, part of):")
    for name, slug, actor_class, actor_type, part_of in sorted(minted):
        print(f"  {name!r} -> {slug} {actor_class} {actor_type} part_of={part_of}")
    print()
    print(f"names resolved: {sum(routes.values())} ({dict(routes)})")
    print(f"registry identities seen: {len(by_identity)}, with more than one slug: {splits}")
    print(
        f"normalised names with more than one slug across documents: {len(key_splits)} "
        f"{key_splits if key_splits else ''}"
    )


if __name__ == "__main__":
    main()
