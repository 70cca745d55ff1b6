"""One large document through the converter: CPU seconds per stage.

Issue 12 asks that a document under the size limit (5 MiB) converts in seconds; the
hostile corpus's worst case was megabytes of repeated claim sentences. This script
writes such a document (an infobox, then paragraphs cycling through a few attributed
and unattributed claim sentences, with sections) and times parse, extract, resolve,
RDF and SHACL on it, the spaCy pipeline and the reference data loaded before.

    .venv/bin/python bench/big_document.py                      # 5 MB, repeated sentences
    .venv/bin/python bench/big_document.py --mb 1 --vary --json # numbers differ per copy
    .venv/bin/python bench/big_document.py --write /tmp/big.txt # only write the document

``--vary`` puts a different number in every copy of a sentence, so that no two
sentences are equal (the cost without deduplication). CPU time (``getrusage``), never
wall time: the machine is shared. Compare checkouts with ``PYTHONPATH=OTHER/src``.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
from itertools import count
from pathlib import Path

_HEAD = """= 2031 Tessalit depot attack =

Infobox
- Date: 4 May 2031
- Location: Tessalit, Kidal Region, Mali
- Deaths: 14 (per the army)
- Non-fatal injuries: 20
- Perpetrator: Front for the Liberation of Azawad (FLA)

On 4 May 2031, gunmen attacked the army depot in Tessalit, in the Kidal Region of Mali.
"""

_SENTENCES = (
    "The army said that {n} soldiers were killed and {m} were wounded in the attack.",
    "According to Human Rights Watch, at least {n} civilians died in Tessalit.",
    "Governor Amadou Traoré told Reuters that {n} attackers had been arrested.",
    "At dawn the ministry said {n} people were still being treated in hospital.",
    "Local officials put the toll at {n} dead, while a union said {m} had died.",
    "The Front for the Liberation of Azawad claimed the attack in a statement.",
    "Residents said the gunmen left the town before nightfall.",
)
_SECTIONS = ("Attack", "Casualties", "Aftermath", "Reactions")


def document(size: int, *, vary: bool) -> str:
    """A document of at most ``size`` bytes (UTF-8, ASCII text): the head, then
    paragraphs of the claim sentences in turn, a section heading every 40 paragraphs.

    >>> text = document(2000, vary=False)
    >>> text.startswith("= 2031 Tessalit depot attack =") and 1300 < len(text) <= 2000
    True
    """
    parts = [_HEAD]
    used = len(_HEAD)
    numbers = count(3)
    for k in count():
        if k % 40 == 0:
            heading = f"\n== {_SECTIONS[(k // 40) % len(_SECTIONS)]} ==\n"
            parts.append(heading)
            used += len(heading)
        n = next(numbers) if vary else 12
        line = " ".join(s.format(n=n, m=n + 5) for s in _SENTENCES) + "\n\n"
        if used + len(line) > size:
            break
        parts.append(line)
        used += len(line)
    return "".join(parts)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size in MB (default 5)")
    parser.add_argument("--vary", action="store_true", help="a new number in every copy")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--write", type=Path, help="write the document there and stop")
    args = parser.parse_args(argv)
    text = document(int(args.mb * 1_000_000), vary=args.vary)
    data = text.encode()
    if args.write is not None:
        args.write.write_bytes(data)
        return 0

    from attackgraph.extract import extract
    from attackgraph.identifiers import Minter
    from attackgraph.parse import parse
    from attackgraph.pipeline import BuildOptions, Converter
    from attackgraph.pipeline.convert import collector_paused
    from attackgraph.resolve import resolve
    from attackgraph.to_rdf import quads as build_quads

    converter = Converter(BuildOptions())
    start = _cpu()
    converter.warm_up()
    stages = {"warm_up": _cpu() - start}
    validator = converter.validator
    minter = Minter(BuildOptions().base)

    def timed(name: str, step, *args):  # type: ignore[no-untyped-def]
        start = _cpu()
        result = step(*args)
        stages[name] = _cpu() - start
        return result

    with collector_paused():  # as the build converts a document
        doc = timed("parse", parse, data, "big.txt")
        extraction = timed("extract", extract, doc)
        record = timed("resolve", resolve, extraction, converter.resolver)
        quads = timed("rdf", build_quads, record, minter)
        if validator is not None:
            report = timed("validate", validator.validate_quads, quads)
            conforms = report.conforms
    result = {
        "bytes": len(data),
        "vary": args.vary,
        "cpu_s": {k: round(v, 2) for k, v in stages.items()},
        "convert_cpu_s": round(sum(v for k, v in stages.items() if k != "warm_up"), 2),
        "claims": len(extraction.claims),
        "quads": len(quads),
        "conforms": conforms if validator is not None else None,
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:14} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
