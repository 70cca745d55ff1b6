"""A rebuild's stats come from the counts kept of the release it replaces, changed by the
lines the two N-Triples dumps differ in (``publish.stats.KeptCounts``): the same stats
as measuring the whole new dump, and a whole measure whenever the kept counts are not
those of the old dump."""

from __future__ import annotations

import random
from pathlib import Path

from attackgraph.namespaces import RDF
from attackgraph.publish.stats import KeptCounts, measure

SPACE = "http://e/id/"


def _dump(folder: Path, lines: set[str]) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "attackgraph.nt"
    path.write_bytes(b"".join(sorted(f"{line} .\n".encode() for line in lines)))
    return path


def _random_lines(rng: random.Random) -> set[str]:
    lines = set()
    for _ in range(rng.randrange(0, 60)):
        s = rng.choice([f"<{SPACE}s{rng.randrange(8)}>", f"<http://e/other/o{rng.randrange(3)}>"])
        p = rng.choice(["<http://e/p>", "<http://e/q>", f"<{RDF.type.value}>"])
        o = rng.choice([f"<http://e/C{rng.randrange(4)}>", f'"v{rng.randrange(5)}"', s])
        lines.add(f"{s} {p} {o}")
    return lines


def test_kept_counts_follow_every_change_as_a_whole_measure_does(tmp_path: Path) -> None:
    rng = random.Random(15)
    kept = KeptCounts(tmp_path / "counts.sqlite", "ctx")
    previous = None
    for step in range(40):
        folder = tmp_path / f"release-{step}"
        lines = _random_lines(rng)
        if previous is not None and rng.random() < 0.7:  # a small change of the last one
            lines = set((previous / "attackgraph.nt").read_text().replace(" .\n", "\n").split("\n"))
            lines.discard("")
            for line in rng.sample(sorted(lines), min(len(lines), rng.randrange(3))):
                lines.discard(line)
            lines |= set(list(_random_lines(rng))[: rng.randrange(4)])
        dump = _dump(folder, lines)
        got = kept.measure(dump, SPACE, previous=previous)
        assert got == measure(dump, SPACE), step
        assert kept.updated == (previous is not None), step
        previous = folder


def test_counts_of_another_dump_or_context_or_damaged_are_not_used(tmp_path: Path) -> None:
    old = _dump(tmp_path / "old", {f"<{SPACE}a> <http://e/p> <http://e/x>"}).parent
    new = _dump(tmp_path / "new", {f"<{SPACE}b> <http://e/p> <http://e/x>"})
    kept = KeptCounts(tmp_path / "counts.sqlite", "ctx")
    kept.measure(old / "attackgraph.nt", SPACE, previous=None)
    _dump(old, {f"<{SPACE}c> <http://e/p> <http://e/x>"})  # changed since it was counted
    assert kept.measure(new, SPACE, previous=old) == measure(new, SPACE)
    assert not kept.updated

    kept.measure(old / "attackgraph.nt", SPACE, previous=None)
    other = KeptCounts(tmp_path / "counts.sqlite", "another context")
    assert other.measure(new, SPACE, previous=old) == measure(new, SPACE)
    assert not other.updated

    (tmp_path / "counts.sqlite").write_bytes(b"not a database" * 100)
    assert kept.measure(new, SPACE, previous=old) == measure(new, SPACE)
    assert not kept.updated
