"""The union check alone (``validate_dataset``) on a release's N-Quads dump: CPU-s, peak PSS.

Usage::

    .venv/bin/python bench/union_bench.py bench/out/release-corpus-1000/attackgraph.nq --jobs 2
    .venv/bin/python bench/union_bench.py NEW.nq --previous OLD.nq     # a rebuild's check
    .venv/bin/python bench/union_bench.py NEW.nq --previous OLD.nq --keep /tmp/u.sqlite
    .venv/bin/python bench/union_bench.py DUMP --jobs 1 --profile /tmp/union.prof

Runs the check in a child process (so that CPU-s are its whole process tree's,
``getrusage`` ``RUSAGE_CHILDREN``, workers included) and samples the tree's summed PSS
every 0.2 s (as ``bench/run.py`` does). Prints CPU-s, wall, peak PSS, the subjects and
graphs checked and a SHA-256 of the report's text (to compare two commits' results).
``--profile`` writes a cProfile of the child (use ``--jobs 1``: workers are not
profiled). ``--keep PATH``: the union's index kept between checks, as a build with a
cache keeps it; before the measured check, an unmeasured one fills it from the
``--previous`` dump and marks it with that dump's SHA-256 (as the build does once that
release is published); without ``--previous``, the measured check fills it, as a build
with a cache does. Not run by the test suite.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import tree_cpu_seconds, tree_pids, tree_pss_kib  # noqa: E402

CHILD = """
import cProfile, hashlib, sys
from pathlib import Path
from attackgraph.validate.dataset import validate_dataset
dump, previous, jobs, profile, workdir, keep = sys.argv[1:7]
options = {"keep": Path(keep)} if keep and not previous else {}
if keep and previous:
    from attackgraph.validate.describers import Describers
    validate_dataset(Path(previous), jobs=int(jobs), keep=Path(keep))
    digest = hashlib.sha256(Path(previous).read_bytes()).hexdigest()
    Describers.mark(Path(keep), digest)
    options = {"keep": Path(keep), "previous_digest": digest}
    print("measured", file=sys.stderr, flush=True)
def run():
    return validate_dataset(Path(dump), jobs=int(jobs), workdir=Path(workdir) if workdir else None,
                            previous=Path(previous) if previous else None, **options)
if profile:
    profiler = cProfile.Profile()
    found = profiler.runcall(run)
    profiler.dump_stats(profile)
else:
    found = run()
text = found.report.format_text() + repr(found.involved) + repr(found.lines)
print(found.subjects, found.graphs, len(found.report.violations),
      hashlib.sha256(text.encode()).hexdigest()[:16])
"""


def _cpu(pid: int) -> float:
    """CPU-s this process's children used so far, less what ``pid`` (running) has used."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime + tree_cpu_seconds(tree_pids(pid))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dump", type=Path)
    parser.add_argument("--previous", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--profile", default="")
    parser.add_argument("--workdir", default="")
    parser.add_argument("--keep", default="")
    args = parser.parse_args()
    command = [sys.executable, "-c", CHILD, str(args.dump), str(args.previous or "")]
    command += [str(args.jobs), args.profile, args.workdir, args.keep]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    if args.keep and args.previous:  # wait for the unmeasured check that fills the index
        while process.stderr.readline().strip() != "measured":
            if process.poll() is not None:
                sys.exit(f"check failed ({process.returncode})")
    before = _cpu(process.pid)
    start = time.perf_counter()
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            peak[0] = max(peak[0], tree_pss_kib(tree_pids(process.pid)))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = process.communicate()
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before
    if process.returncode != 0:
        sys.exit(f"check failed ({process.returncode})")
    subjects, graphs, violations, digest = out.split()
    print(
        f"{args.dump.name}: {cpu:.1f} CPU-s, wall {time.perf_counter() - start:.1f} s, "
        f"peak PSS {peak[0] / 1024 / 1024:.2f} GiB; {subjects} subjects of {graphs} graphs, "
        f"{violations} violations, report {digest}"
    )


if __name__ == "__main__":
    main()
