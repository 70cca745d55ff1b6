"""Big documents at several sizes: CPU seconds of converting each, per stage.

Runs ``bench/big_document.py --json`` once per kind (repeated claim sentences, many
sections, varied prose) and size, each in its own process (so that one size's memory
and caches do not carry into the next), and prints one table row per run: CPU seconds
(``getrusage``) of parse, extract, resolve, RDF, SHACL and the whole conversion, the
claims and quads made, and the process's peak resident memory. A run past
``--max-cpu`` CPU seconds is stopped (``RLIMIT_CPU``) and shown as ``>N``.

    .venv/bin/python bench/big_sizes.py                          # 0.5 1 2 5 MB, every kind
    .venv/bin/python bench/big_sizes.py --kinds sections --sizes 0.5,1 --max-cpu 120
    PYTHONPATH=OTHER/src .venv/bin/python bench/big_sizes.py     # another checkout's code

Run it under ``setsid nice -n 19`` on a shared machine; compare CPU, never wall time.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_STAGES = ("parse", "extract", "resolve", "rdf", "validate")


def run(kind: str, mb: float, max_cpu: int) -> dict[str, object] | None:
    """One ``big_document.py`` run in a child process limited to ``max_cpu`` CPU-s;
    ``None`` when it was stopped."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (max_cpu, max_cpu + 5))

    done = subprocess.run(
        [sys.executable, str(_HERE / "big_document.py"), "--kind", kind, "--mb", str(mb), "--json"],
        capture_output=True,
        text=True,
        preexec_fn=limit,
        check=False,
    )
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-2000:])
        return None
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kinds", default="claims,sections,prose")
    parser.add_argument("--sizes", default="0.5,1,2,5", help="MB, comma-separated")
    parser.add_argument("--max-cpu", type=int, default=600, help="CPU-s a run may take")
    args = parser.parse_args(argv)
    head = " | ".join(_STAGES)
    print(f"| kind | MB | {head} | conversion | claims | quads | peak RSS MiB |")
    print("| --- | ---: |" + " ---: |" * (len(_STAGES) + 4))
    for kind in args.kinds.split(","):
        for mb in (float(size) for size in args.sizes.split(",")):
            result = run(kind, mb, args.max_cpu)
            if result is None:
                print(f"| {kind} | {mb:g} |" + " |" * len(_STAGES) + f" >{args.max_cpu} | | | |")
            else:
                cpu = result["cpu_s"]
                assert isinstance(cpu, dict)
                cells = " | ".join(f"{cpu.get(stage, 0):.2f}" for stage in _STAGES)
                print(
                    f"| {kind} | {mb:g} | {cells} | {result['convert_cpu_s']:.2f} |"
                    f" {result['claims']} | {result['quads']} | {result['max_rss_mib']} |"
                )
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
