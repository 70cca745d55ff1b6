"""Measure ``attackgraph build`` on generated corpora: CPU seconds, wall, peak PSS, per stage.

Usage::

    .venv/bin/python bench/run.py                        # 1,000 and 10,000 documents
    .venv/bin/python bench/run.py --counts 1000 --jobs 2 --no-pages
    .venv/bin/python bench/run.py --counts 1000 --rebuild   # also: rebuild after one change

Each corpus comes from ``bench/generate.py`` (seed 7) into ``bench/out/corpus-N``; the
build runs as its own process (``attackgraph build``), so the figures include start-up and
the reference data, as a user would see them.

- **CPU-s**: ``getrusage`` of the build's whole process tree (``RUSAGE_CHILDREN`` of this
  process after the build exits: the build waits for its workers, so theirs is included).
  The machine is shared, so CPU seconds, not wall time, are the figure to compare.
- **Peak PSS**: the build's process tree is sampled every 0.2 s and the proportional set
  sizes (``/proc/PID/smaps_rollup`` ``Pss``) of all its processes are summed; the largest
  sum is reported. PSS splits shared pages between the processes that share them, so
  the sum is the memory the build really holds.
- **Per stage**: the build prints ``stage: NAME`` lines on stderr (plain lines when stderr
  is not a terminal); at each one the tree's CPU so far (``/proc/PID/stat`` utime + stime
  of the live processes plus the children they reaped) is read, so each stage gets the CPU
  seconds spent between its line and the next, and the peak PSS sampled while it ran.

- **Cache**: builds use ``bench/out/cache`` (``ATTACKGRAPH_CACHE``); its ``build/`` part is
  emptied before the first build of each corpus, so that build converts every document
  (the gazetteer index, built once per machine, is kept). ``--rebuild`` then changes one
  document and builds again: the rebuild converts one document and reads the rest from
  the cache.
- **Log**: ``--log PATH`` appends, while the build runs, each of its stderr lines (stages,
  progress counters) and every 30 s a sample (wall, CPU-s of the tree, PSS now and peak),
  so that a build stopped before its end still leaves figures.
- **Serve**: ``--serve`` times the release store for ``serve``: first start (built from
  the dump) and second start (opened), CPU-s of this process.

The commit measured (``git describe --always --dirty``) is printed with the table. Not
run by the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
CACHE = OUT / "cache"
TICKS = os.sysconf("SC_CLK_TCK")
STAGE_PREFIX = "stage: "


def generate(count: int) -> Path:
    corpus = OUT / f"corpus-{count}"
    if not corpus.exists() or len(list(corpus.glob("*.txt"))) != count:
        command = [sys.executable, str(HERE / "generate.py"), "--count", str(count)]
        command += ["--seed", "7", "--out", str(corpus), "--overwrite"]
        subprocess.run(command, check=True, capture_output=True)
    return corpus


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _stat(int(entry))
            if stat is not None:
                tree.setdefault(int(stat[1]), []).append(int(entry))
    return tree


def _stat(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat from the state on (index 0 is the state, 1 the parent)."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()


def tree_pids(root: int) -> list[int]:
    tree, pids, todo = _children(), [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        todo.extend(tree.get(pid, ()))
    return pids


def tree_pss_kib(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
        except OSError:
            continue
    return total


def tree_cpu_seconds(pids: list[int]) -> float:
    """utime + stime of the live processes, plus what they reaped (cutime + cstime)."""
    ticks = 0
    for pid in pids:
        stat = _stat(pid)
        if stat is not None:
            ticks += sum(int(stat[i]) for i in (11, 12, 13, 14))
    return ticks / TICKS


@dataclass
class Run:
    """One build's figures."""

    cpu: float = 0.0
    wall: float = 0.0
    peak_pss_kib: int = 0
    stages: list[tuple[str, float, float]] = field(default_factory=list)
    """(stage, CPU-s so far, wall so far) at each ``stage:`` line."""
    stage_pss_kib: dict[str, int] = field(default_factory=dict)
    """Stage name -> the largest PSS sum sampled while it ran."""
    report: dict[str, object] = field(default_factory=dict)


def measure(command: list[str], release: Path, log: Path | None = None) -> Run:
    run = Run()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    environment = {**os.environ, "ATTACKGRAPH_CACHE": str(CACHE)}
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=environment
    )
    done = threading.Event()
    logged = [0.0]

    def note(text: str) -> None:
        if log is not None:
            with log.open("a", encoding="utf-8") as stream:
                stream.write(f"{time.strftime('%H:%M:%S')} {text}\n")

    def sample() -> None:
        while not done.wait(0.2):
            pids = tree_pids(process.pid)
            pss = tree_pss_kib(pids)
            run.peak_pss_kib = max(run.peak_pss_kib, pss)
            name = run.stages[-1][0] if run.stages else "start"
            run.stage_pss_kib[name] = max(run.stage_pss_kib.get(name, 0), pss)
            wall = time.perf_counter() - start
            if wall - logged[0] >= 30:
                logged[0] = wall
                note(
                    f"sample {name}: wall {wall:.0f} s, CPU {tree_cpu_seconds(pids):.1f} s,"
                    f" PSS {pss / 1024 / 1024:.2f} GiB (peak {run.peak_pss_kib / 1024 / 1024:.2f})"
                )

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert process.stderr is not None
    errors = []
    for line in process.stderr:
        if line.startswith(STAGE_PREFIX):
            name = line.removeprefix(STAGE_PREFIX).split("(")[0].strip()
            cpu = tree_cpu_seconds(tree_pids(process.pid))
            run.stages.append((name, cpu, time.perf_counter() - start))
            note(f"CPU {cpu:.1f} s {line.rstrip()}")
        else:
            note(line.rstrip())
        errors.append(line)
    status = process.wait()
    done.set()
    sampler.join()
    run.wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    run.cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if status not in (0, 1):
        sys.exit(f"build failed ({status}):\n{''.join(errors[-30:])}")
    run.report = json.loads((release / "build-report.json").read_text(encoding="utf-8"))
    return run


def build_command(corpus: Path, release: Path, args: argparse.Namespace) -> list[str]:
    command = [str(Path(sys.executable).parent / "attackgraph"), "build", str(corpus)]
    command += ["--out", str(release), "--jobs", str(args.jobs)]
    if args.no_validate:
        command.append("--no-validate")
    if args.no_pages:
        command.append("--no-pages")
    return command


def print_run(label: str, count: int, run: Run) -> None:
    triples = int(str(run.report.get("triples", 0)))
    print(
        f"{label:<9} {count:>7,}  {run.cpu:>8.1f}  {run.cpu / count * 1000:>7.1f}"
        f"  {run.wall:>7.1f}  {triples / max(run.cpu, 1e-9):>10,.0f}"
        f"  {run.peak_pss_kib / 1024 / 1024:>6.2f}",
        flush=True,
    )
    marks = [*run.stages, ("end", run.cpu, run.wall)]
    for (name, cpu, wall), (_, next_cpu, next_wall) in zip(marks, marks[1:], strict=False):
        print(
            f"    {name:<24} {next_cpu - cpu:>8.1f} CPU-s  {(next_cpu - cpu) / count * 1000:>6.1f}"
            f" ms/doc  {next_wall - wall:>7.1f} s wall"
            f"  {run.stage_pss_kib.get(name, 0) / 1024 / 1024:>5.2f} GiB PSS"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-validate", action="store_true")
    parser.add_argument("--no-pages", action="store_true")
    parser.add_argument(
        "--rebuild", action="store_true", help="also rebuild after changing one document"
    )
    parser.add_argument("--serve", action="store_true", help="also time serve's store")
    parser.add_argument("--log", type=Path, help="append the build's progress and samples here")
    parser.add_argument(
        "--keep-cache",
        action="store_true",
        help="keep the build cache's entries for the first build (see bench/cache_rekey.py)",
    )
    args = parser.parse_args()
    commit = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=HERE, capture_output=True, text=True
    ).stdout.strip()
    print(f"commit {commit}, --jobs {args.jobs}, CPU-s = whole process tree (getrusage)")
    print("run           docs     CPU-s  ms/doc   wall-s  triples/CPU-s  PSS GiB")
    for count in args.counts:
        corpus = generate(count)
        release = OUT / f"release-{corpus.name}"
        command = build_command(corpus, release, args)
        if not args.keep_cache:
            shutil.rmtree(CACHE / "build", ignore_errors=True)
        print_run("build", count, measure(command, release, args.log))
        if args.rebuild:
            changed = sorted(corpus.glob("*.txt"))[count // 2]
            original = changed.read_bytes()
            changed.write_bytes(original + b"\nOne more sentence for the rebuild.\n")
            try:
                print_run("rebuild-1", count, measure(command, release, args.log))
            finally:
                changed.write_bytes(original)
        if args.serve:
            time_serve_store(release)


def time_serve_store(release: Path) -> None:
    """CPU-s of the first (build) and second (open) start of serve's release store."""
    from attackgraph.sparql.store import release_store

    folder = OUT / "stores"
    shutil.rmtree(folder, ignore_errors=True)
    for label in ("first start", "second start"):
        start = resource.getrusage(resource.RUSAGE_SELF)
        _, stats = release_store(release, folder)
        end = resource.getrusage(resource.RUSAGE_SELF)
        cpu = (end.ru_utime + end.ru_stime) - (start.ru_utime + start.ru_stime)
        print(f"    serve store, {label}: {cpu:.2f} CPU-s ({stats.union_triples:,} triples)")


if __name__ == "__main__":
    main()
