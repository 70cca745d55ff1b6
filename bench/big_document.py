"""One large document through the converter: CPU seconds per stage.

Issue 12 asks that a document under the size limit (5 MiB) converts in seconds; the
hostile corpus's worst case was megabytes of repeated claim sentences. This script
writes such a document (an infobox, then paragraphs cycling through a few attributed
and unattributed claim sentences, with sections) and times parse, extract, resolve,
RDF and SHACL on it, the spaCy pipeline and the reference data loaded before.

    .venv/bin/python bench/big_document.py                      # 5 MB, repeated sentences
    .venv/bin/python bench/big_document.py --mb 1 --vary --json # numbers differ per copy
    .venv/bin/python bench/big_document.py --write /tmp/big.txt # only write the document
    .venv/bin/python bench/big_document.py --kind sections --mb 1
    .venv/bin/python bench/big_document.py --kind prose --mb 2 --profile /tmp/p.prof

``--kind infobox`` is an infobox of casualty lines of 3,000 figures each, every one with
its own source (the claims of a hostile infobox, which the claims limit also bounds);
``--kind unsourced`` the same lines without sources, each line one claim of 3,000 figures.
``--vary`` puts a different number in every copy of a sentence, so that no two
sentences are equal (the cost without deduplication). ``--kind sections`` is the
hostile corpus's other worst case: a heading and one short line, again and again
(``== Attack ==`` / ``Killed 3.``). ``--kind prose`` is varied, realistic text: the
bodies (lead and sections, no title or infobox) of the development corpus's documents
(``/work/shared/corpus/dev`` when present, ``tests/corpus/blind-1`` ... ``blind-11``),
then the bodies of ``bench/generate.py`` documents once those are used up, so that no
paragraph repeats. ``bench/big_sizes.py`` runs every kind at several sizes. CPU time
(``getrusage``), never wall time: the machine is shared. Compare checkouts with
``PYTHONPATH=OTHER/src``.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import resource
import sys
from collections.abc import Iterator
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


def sections_document(size: int) -> str:
    """A document of at most ``size`` bytes: the head, then a heading and one short
    line again and again (the hostile corpus's ``== Attack ==`` / ``Killed 3.``).

    >>> text = sections_document(300)
    >>> text.count("\n== Attack ==\n") > 3 and len(text) <= 300
    True
    """
    parts = [_HEAD]
    used = len(_HEAD)
    block = "\n== Attack ==\nKilled 3.\n"
    while True:
        if used + len(block) > size:
            break
        parts.append(block)
        used += len(block)
    return "".join(parts)


def _agency(n: int) -> str:
    """A source name of letters only, one per ``n`` ("Agency Bcd"): a name with a digit is
    read as a note, not a source."""
    letters = ""
    while True:
        n, k = divmod(n, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[k]
        if not n:
            return "Agency " + letters.capitalize()


def infobox_document(size: int, *, sourced: bool = True) -> str:
    """A document of at most ``size`` bytes whose infobox has casualty lines of a few
    thousand figures each, every one with its own source (``Casualties1: 91 killed (per
    Agency Gkd), ...``, each line under the parser's 100,000 characters), then the
    lead: the claims of a hostile infobox. Not ``sourced``: each figure has a note with a
    digit (``91 killed (per unit 3000)``), which names no source, so a line is one claim
    of 3,000 figures.

    >>> text = infobox_document(200_000)
    >>> text.count("- Casualties") >= 2 and len(text) <= 200_000
    True
    >>> "killed (per unit 3000)" in infobox_document(200_000, sourced=False)
    True
    """

    def note(n: int) -> str:
        return f"per {_agency(n)}" if sourced else f"per unit {n}"

    head, lead = _HEAD.split("\n\nOn 4 May")
    lead = "\n\nOn 4 May" + lead
    parts, used = [head], len(head) + len(lead)
    for key in count(1):
        line = f"\n- Casualties{key}: " + ", ".join(
            f"{n % 97 + 1} killed ({note(n)})" for n in range(key * 3000, key * 3000 + 3000)
        )
        if used + len(line) > size:
            break
        parts.append(line)
        used += len(line)
    return "".join(parts) + lead


_ROOT = Path(__file__).resolve().parent.parent
_PROSE_SETS = (
    Path("/work/shared/corpus/dev"),
    *(_ROOT / "tests" / "corpus" / f"blind-{n}" for n in range(1, 12)),
)


def _body(text: str) -> str:
    """A document's lead and sections: its title line and infobox block dropped."""
    lines = text.split("\n")
    keep: list[str] = []
    in_infobox = False
    for k, line in enumerate(lines):
        if (k == 0 and line.startswith("= ")) or (not keep and not line.strip()):
            continue
        if line.strip() == "Infobox" and not keep:
            in_infobox = True
            continue
        if in_infobox and (line.startswith("- ") or not line.strip()):
            if not line.strip():
                in_infobox = False
            continue
        in_infobox = False
        keep.append(line)
    return "\n".join(keep).strip() + "\n"


def _bodies() -> Iterator[str]:
    for folder in _PROSE_SETS:
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else ():
            yield _body(path.read_text(encoding="utf-8"))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generate import generate_document

    for index in count():
        yield _body(generate_document(7, index).text)


def prose_document(size: int) -> str:
    """A document of at most ``size`` bytes: the head, then real and generated bodies.

    >>> text = prose_document(20_000)
    >>> text.startswith("= 2031 Tessalit depot attack =") and 5_000 < len(text) <= 20_000
    True
    """
    parts = [_HEAD]
    used = len(_HEAD)
    for body in _bodies():
        block = "\n" + body
        if used + len(block.encode()) > size:
            break
        parts.append(block)
        used += len(block.encode())
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
    parser.add_argument(
        "--kind", choices=("claims", "sections", "prose", "infobox", "unsourced"),
        default="claims",
        help="repeated claim sentences (default), many sections, varied prose, an "
        "infobox of long casualty lines of sourced figures, or of figures without sources",
    )  # fmt: skip
    parser.add_argument("--profile", type=Path, help="write a cProfile of the stages there")
    parser.add_argument(
        "--claims-limit", type=int, default=None,
        help="claims read from the document, as build's --claims-limit (default: the "
        "build's default; 0: none; a checkout without the limit reads all)",
    )  # fmt: skip
    parser.add_argument(
        "--digest", action="store_true",
        help="also print the SHA-256 of the graph's N-Triples and the validation report",
    )  # fmt: skip
    args = parser.parse_args(argv)
    size = int(args.mb * 1_000_000)
    if args.kind == "sections":
        text = sections_document(size)
    elif args.kind == "prose":
        text = prose_document(size)
    elif args.kind in ("infobox", "unsourced"):
        text = infobox_document(size, sourced=args.kind == "infobox")
    else:
        text = document(size, vary=args.vary)
    data = text.encode()
    if args.write is not None:
        args.write.write_bytes(data)
        return 0

    from attackgraph.extract import extract
    from attackgraph.identifiers import Minter
    from attackgraph.limits import Limits
    from attackgraph.parse import parse
    from attackgraph.pipeline import BuildOptions, Converter
    from attackgraph.pipeline.convert import collector_paused
    from attackgraph.resolve import resolve
    from attackgraph.to_rdf import GraphQuads, triple_lines

    converter = Converter(BuildOptions())
    start = _cpu()
    converter.warm_up()
    stages = {"warm_up": _cpu() - start}
    validator = converter.validator
    minter = Minter(BuildOptions().base)

    profile = cProfile.Profile() if args.profile is not None else None

    def timed(name: str, step, *args):  # type: ignore[no-untyped-def]
        start = _cpu()
        if profile is not None:
            profile.enable()
        result = step(*args)
        if profile is not None:
            profile.disable()
        stages[name] = _cpu() - start
        return result

    with collector_paused():  # as the build converts a document
        doc = timed("parse", parse, data, "big.txt")
        cap = getattr(Limits(), "claims", None) if args.claims_limit is None else args.claims_limit
        if cap:  # as the converter extracts
            extraction = timed("extract", lambda d: extract(d, max_claims=cap), doc)
        else:
            extraction = timed("extract", extract, doc)
        record = timed("resolve", resolve, extraction, converter.resolver)
        graph, lines = timed("rdf", triple_lines, record, minter)  # as the converter does
        count = len(lines)
        if validator is not None:
            report = timed("validate", validator.validate_lines, lines)
            conforms = report.conforms
        quads = timed("hold", GraphQuads.taking, graph, lines)
        digest = None
        if args.digest:
            digest = hashlib.sha256()
            for chunk in quads.chunks:
                digest.update(chunk)
            digest.update(report.format_text().encode() if validator is not None else b"")
    if profile is not None:
        profile.dump_stats(args.profile)
    result = {
        "kind": args.kind,
        "bytes": len(data),
        "vary": args.vary,
        "cpu_s": {k: round(v, 2) for k, v in stages.items()},
        "convert_cpu_s": round(sum(v for k, v in stages.items() if k != "warm_up"), 2),
        "claims": len(extraction.claims),
        "claims_limit": cap or None,
        "quads": count,
        "conforms": conforms if validator is not None else None,
        "max_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10,
    }
    if digest is not None:
        result["sha256"] = digest.hexdigest()
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:14} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
