"""A hostile corpus: documents written to break a build, and the checks a build must pass.

``generate(folder, count, seed)`` writes ``count`` documents (the same bytes and names
for the same seed): other encodings, control and bidi characters, huge numbers, long
lines, many sections, odd names and file names, injection attempts aimed at Turtle,
SPARQL, HTML, JSON-LD and templates, and documents that disagree with each other.
``check(inputs, out, exit_code, output)`` states what must hold whatever the input:
no traceback, each document built or reported as ``file:line: rule``, the exit code,
every dump re-parses strictly, the published union conforms to the shapes, and no page
lets an injected tag through.

Used by ``tests/test_hostile.py`` (a sample of 240 documents) and by ``make hostile``::

    python tests/hostile_corpus.py --count 1000 --seed 12 --jobs 2
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

MARKERS = ("agx-script", "agx-img", "agx-close")
"""Strings inside the injected tags: a page holding one next to a raw ``<`` failed."""
INJECTIONS = (
    "<script>agx-script()</script>",
    '"><img src=x onerror=agx-img()>',
    "</script><script>agx-close()</script>",
    '" ; ag:evil "x" . <http://evil.example/s> <http://evil.example/p> "o',
    "> . <http://evil.example/s> <http://evil.example/p> <http://evil.example/o",
    "} ; DROP ALL ; INSERT DATA { <a:b> <a:c> <a:d> }",
    '{"@context": "http://evil.example/ctx", "@id": "x"}',
    "{{ 7*7 }} {% raw %} ${7*7} #{7*7}",
    "=cmd|' /C calc'!A0",
    "../../../../etc/passwd",
    "javascript:alert(1)",
    '\\u0022 \\" \\n \\x00',
)
NAMES = (
    "Katibat Macina",
    "Jama'at Nasr al-Islam wal Muslimin",
    "北京 Front",
    "東京 Front",
    "Армия Севера",
    "كتيبة الفرقان",
    "!!!",
    "???",
    "C++ Front",
    "C Front",
    "Front 🔥",
    "Al\u200bShabaab",
    "Al\u202eShabaab",
    "\u2066Isolated\u2069 Group",
    "Ünïón Forces",
    "Union Forces",
    "São Paulo Brigade",
    "Sao Paulo Brigade",
    "the",
    "-",
    "Ｆｕｌｌｗｉｄｔｈ Army",
    "Z̴̡a̷l̸g̵o̶ Group",
)
PLACES = (
    "Tamba, Mali",
    "Sévaré, Mopti Region, Mali",
    "Sevare, Mali",
    "北京, China",
    "Diyarbakır, Turkey",
    "Þingvellir, Iceland",
    "Ðakovo, Croatia",
    "Nowhere, Atlantis",
    ", , ,",
    "Mali, Mali, Mali",
)
DATES = (
    "24 April 2022",
    "April 2022",
    "2022",
    "31 February 2020",
    "0 January 0000",
    "99999",
    "3–5 June 2021",
    "5–3 June 2021",
    "April 2022 – March 2021",
    "yesterday",
    "",
)
NUMBERS = (
    "9" * 400,
    "1e999",
    "-5",
    "1,000,000,000,000,000",
    "12.000",
    "NaN",
    "∞",
    "٣٤",
    "twenty-one hundred thousand million",
    "0x1F",
)


def _title(rng: random.Random) -> str:
    return rng.choice(
        [
            f"{rng.choice(NAMES)} attack",
            f"Raid on {rng.choice(PLACES).split(',')[0] or 'X'}",
            f"Attack {rng.randrange(10**6)}",
            f"{rng.choice(INJECTIONS)} attack",
            "Raid on Tamba",
        ]
    )


def _infobox(rng: random.Random) -> list[str]:
    lines = [
        f"- Date: {rng.choice(DATES)}",
        f"- Place: {rng.choice(PLACES)}",
        f"- Perpetrator: {rng.choice(NAMES)}",
        f"- Fatalities: {rng.choice(NUMBERS)}",
        f"- Casualties1: {rng.choice(NUMBERS)} soldiers killed",
        f"- Combatant1: {rng.choice(NAMES)}",
        f"- Commander1: {rng.choice(NAMES)}",
        f"- Target: {rng.choice(INJECTIONS)}",
        f"- Coordinates: {rng.choice(['91°N 200°E', 'NaN', '14.5 N, 4.2 W', INJECTIONS[0]])}",
        f"- Weapons: {rng.choice(INJECTIONS)}",
    ]
    rng.shuffle(lines)
    return lines[: rng.randrange(1, len(lines) + 1)]


def _prose(rng: random.Random) -> list[str]:
    sentences = [
        f"The {rng.choice(NAMES)} stated that {rng.choice(NUMBERS)} soldiers were killed.",
        f"According to {rng.choice(NAMES)}, {rng.choice(NUMBERS)} civilians died in "
        f"{rng.choice(PLACES)}.",
        f"{rng.choice(INJECTIONS)} said the group.",
        f"At least {rng.randrange(10**4)} people were wounded on {rng.choice(DATES)}.",
        "They said it was many.",
    ]
    return [" ".join(rng.choice(sentences) for _ in range(rng.randrange(1, 6)))]


def _document(rng: random.Random) -> str:
    lines = [f"= {_title(rng)} =", "", "Infobox", *_infobox(rng), "", *_prose(rng), ""]
    for _ in range(rng.randrange(0, 4)):
        lines += [f"== {rng.choice(['Attack', 'Aftermath', rng.choice(INJECTIONS)])} ==",
                  *_prose(rng), ""]  # fmt: skip
    return "\n".join(lines)


def _twist(rng: random.Random, text: str) -> bytes:
    """One way of making a document's bytes hostile (or none)."""
    twists: list[Callable[[], bytes]] = [
        lambda: text.encode("utf-8"),
        lambda: text.encode("utf-8"),
        lambda: text.encode("utf-16"),
        lambda: text.encode("latin-1", "replace"),
        lambda: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"),
        lambda: text.replace("\n", "\r").encode("utf-8"),
        lambda: text.replace("attack", "att\x00ack").encode("utf-8"),
        lambda: text.replace(" ", "\u202e ", 3).encode("utf-8"),
        lambda: text.replace(" ", "\x0c", 2).encode("utf-8"),
        lambda: text.replace(" ", "\x85", 1).encode("utf-8"),
        lambda: (text + "A" * rng.choice([99_990, 100_001])).encode("utf-8"),
        lambda: (text + "".join("\n== Attack ==\nKilled 3.\n" for _ in range(1500))).encode(),
        lambda: (text + "".join("\n====== Deep ======\n" for _ in range(300))).encode(),
        lambda: text.replace("Infobox\n", "Infobox\n- Date: 2020\n- date: 2021\n").encode(),
        lambda: text.replace("Infobox\n", "Infobox\n" + "- Key: v\n" * 500).encode(),
        lambda: b"",
        lambda: b"   \n\t\n",
        lambda: b"\xef\xbb\xbf",
        lambda: bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400))),
        lambda: text.encode("utf-8")[: rng.randrange(1, max(2, len(text)))],
        lambda: ("= " + "x" * 5000 + " =\n\nText.\n").encode(),
        lambda: text.replace("= ", "=== ", 1).encode("utf-8"),
        lambda: ("\n" * 1000 + text).encode("utf-8"),
    ]
    return rng.choice(twists)()


def _file_name(rng: random.Random, n: int) -> bytes:
    stem = rng.choice(
        [
            f"doc-{n}",
            f"doc-{n}",
            f"Ünï-{n}",
            f"uni-{n}",
            f"e\u0301-{n}",
            f"é-{n}",
            f"with space {n}",
            f"-dash-{n}",
            f".hidden-{n}",
            f"semi;colon'quote\"{n}",
            f"line\nbreak-{n}",
            f"tab\there-{n}",
            f"北京-{n}",
            f"{'x' * 200}-{n}",
            f"<script>-{n}",
        ]
    )
    name = os.fsencode(stem)
    if rng.random() < 0.05:
        name += b"-\xff\xfe"
    return name + b".txt"


def generate(folder: Path, count: int, seed: int) -> list[Path]:
    """Write ``count`` hostile documents into ``folder`` (some in sub-folders, some with
    names that collide once folded); the same seed gives the same files.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     first = [p.read_bytes() for p in generate(Path(tmp, "a"), 20, seed=1)]
    ...     again = [p.read_bytes() for p in generate(Path(tmp, "b"), 20, seed=1)]
    >>> first == again and len(first) == 20
    True
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for n in range(count):
        sub = rng.choice([b"", b"", b"", b"a", b"b", b"a/b", b"\xe9t\xe9"])
        directory = os.path.join(os.fsencode(folder), sub)
        os.makedirs(directory, exist_ok=True)
        path = os.path.join(directory, _file_name(rng, n))
        with open(path, "wb") as handle:
            handle.write(_twist(rng, _document(rng)))
        written.append(Path(os.fsdecode(path)))
    return written


# ---------------------------------------------------------------------------
# the checks


@dataclass
class Figures:
    """What one hostile build gave."""

    documents: int = 0
    built: int = 0
    skipped: int = 0
    rules: dict[str, int] = field(default_factory=dict)
    warnings: int = 0
    triples: int = 0
    pages: int = 0
    dumps_reparsed: int = 0
    union_conforms: bool = False
    cpu_seconds: float = 0.0

    def text(self) -> str:
        rules = ", ".join(f"{rule} {n}" for rule, n in sorted(self.rules.items()))
        return (
            f"documents {self.documents}: built {self.built}, skipped {self.skipped} "
            f"({rules}); warnings {self.warnings}; triples {self.triples}; "
            f"dumps re-parsed strictly {self.dumps_reparsed}; pages checked {self.pages}; "
            f"union conforms: {self.union_conforms}; CPU seconds {self.cpu_seconds:.1f}"
        )


_RULE = re.compile(r"^[a-z]+/[a-z0-9-]+$")
_RAW_TAG = re.compile(r"<(?:script|img)[^>]*agx-|agx-close\(\)</script")


def check(inputs: list[Path], out: Path, exit_code: int, output: str) -> Figures:
    """Assert what must hold for any input; return the figures of the build."""
    from pyoxigraph import RdfFormat, parse

    from attackgraph.validate import validate_file

    assert "Traceback" not in output, output[-3000:]
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    figures = Figures(documents=report["documents"], built=report["built"])
    figures.skipped = len(report["skipped"])
    figures.warnings = len(report["warnings"])
    figures.triples = report["triples"]
    assert figures.documents == len(inputs), (figures.documents, len(inputs))
    assert figures.built + figures.skipped == figures.documents
    for problem in report["skipped"]:
        assert _RULE.match(problem["rule"]), problem
        assert problem["line"] >= 1 and problem["file"], problem
        assert f"{problem['file']}:{problem['line']}: {problem['rule']}:" in output, problem
        assert "\n" not in problem["file"] and "\udcff" not in problem["file"], problem
        figures.rules[problem["rule"]] = figures.rules.get(problem["rule"], 0) + 1
    assert "internal/error" not in figures.rules, [
        p for p in report["skipped"] if p["rule"] == "internal/error"
    ]
    assert exit_code == (1 if figures.skipped or report["violations"] else 0), exit_code
    formats = {
        "attackgraph.nq": RdfFormat.N_QUADS,
        "attackgraph.nt": RdfFormat.N_TRIPLES,
        "attackgraph.ttl": RdfFormat.TURTLE,
        "attackgraph.trig": RdfFormat.TRIG,
        "attackgraph.jsonld": RdfFormat.JSON_LD,
    }
    for name, rdf_format in formats.items():
        with (out / name).open("rb") as handle:
            count = sum(1 for _ in parse(handle, rdf_format))
        assert count >= figures.triples, (name, count)
        figures.dumps_reparsed += 1
    union = validate_file(out / "attackgraph.nq")
    assert union.conforms, union.format_text()[:3000]
    figures.union_conforms = True
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not _RAW_TAG.search(text), (page, _RAW_TAG.search(text))
        figures.pages += 1
    return figures


def build(inputs_dir: Path, out: Path, jobs: int) -> tuple[int, str, float]:
    """Run ``attackgraph build`` as a user would; exit code, output and CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("attackgraph")),
            "build",
            str(inputs_dir),
            "--out",
            str(out),
            "--jobs",
            str(jobs),
            "--quiet",
            "--no-cache",
        ],  # fmt: skip
        capture_output=True,
        text=True,
        errors="backslashreplace",
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result.returncode, result.stdout + result.stderr, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="attackgraph-hostile-") as tmp:
        inputs = generate(Path(tmp, "in"), args.count, args.seed)
        started = time.monotonic()
        code, output, cpu = build(Path(tmp, "in"), Path(tmp, "out"), args.jobs)
        figures = check(inputs, Path(tmp, "out"), code, output)
        figures.cpu_seconds = cpu
        print(figures.text())
        print(f"exit code {code}; wall {time.monotonic() - started:.0f} s; seed {args.seed}")


if __name__ == "__main__":
    main()
