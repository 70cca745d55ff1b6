"""Benchmark the export writers (and opening a release for queries) on synthetic quads.

Each synthetic document has about 150 quads in the shape of docs/data-model.md (a
document with its text, spans, events, places, actors, claims and figures), built with
the project's Minter and closed namespaces. Every size runs in its own process so that
its peak RSS is its own.

Usage::

    .venv/bin/python bench/export_bench.py                    # 1,000 and 10,000 documents
    .venv/bin/python bench/export_bench.py --docs 2000 --rdflib

Prints, per format, the write rate and the strict re-parse (verification) rate in
quads/s, the collect (serialise + sort) rate, the time to open the release for
``attackgraph query``, and the peak RSS. ``--rdflib`` also times rdflib's JSON-LD
serialiser with the same context, for comparison.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from pyoxigraph import Literal, Quad

from attackgraph.export import (
    ALL_FORMATS,
    ExportSource,
    Fingerprint,
    SortedQuads,
    embed_context,
    load_context,
)
from attackgraph.export.atomic import fingerprint_file
from attackgraph.identifiers import Minter, prefixes_for
from attackgraph.namespaces import AG, GEO, NIF, RDF, SCHEMA, XSD, concept
from attackgraph.query import open_store

CONTEXT = Path(__file__).resolve().parents[1] / "ontology" / "context.jsonld"
WORDS = "attack soldiers killed injured village région Sévaré militants claimed army".split()


def document(i: int, m: Minter) -> list[Quad]:
    """About 150 quads of one synthetic document, in its named graph."""
    rng = random.Random(i)
    doc = f"{i:06d}-{rng.getrandbits(48):012x}"
    g = m.document(doc)
    event = m.event(f"attack-{i}")
    text = " ".join(rng.choice(WORDS) for _ in range(400))

    def n(value: int) -> Literal:
        return Literal(str(value), datatype=XSD.integer)

    def words(k: int) -> Literal:
        return Literal(" ".join(rng.choice(WORDS) for _ in range(k)))

    out = [
        (g, RDF.type, AG.Document),
        (g, RDF.type, NIF.Context),
        (g, SCHEMA.name, words(4)),
        (g, AG.sourceFile, Literal(f"{doc}.txt")),
        (g, NIF.isString, Literal(text)),
        (g, NIF.beginIndex, n(0)),
        (g, NIF.endIndex, n(len(text))),
        (event, RDF.type, AG.Attack),
        (event, SCHEMA.name, words(4)),
        (
            event,
            AG.date,
            Literal(f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-15", datatype=XSD.date),
        ),
        (event, AG.eventType, concept("armed-attack")),
    ]
    for k in range(3):
        place = m.place(f"ml-place-{rng.randint(0, 500)}")
        out += [
            (event, AG.location, place),
            (place, RDF.type, AG.Place),
            (place, SCHEMA.name, words(1)),
            (place, GEO.hasGeometry, m.geometry(f"ml-place-{k}")),
        ]
    for c in range(1, 9):
        claim, figure = m.claim(doc, c), m.figure(doc, c, 1)
        begin = rng.randint(0, len(text) - 40)
        span = m.span(doc, begin, begin + 30)
        out += [
            (claim, RDF.type, AG.Claim),
            (claim, AG.about, event),
            (claim, AG.reportedIn, g),
            (claim, AG.evidence, span),
            (claim, AG.rank, concept("preferred")),
            (claim, AG.assertsFigure, figure),
            (span, RDF.type, AG.TextSpan),
            (span, NIF.referenceContext, g),
            (span, NIF.beginIndex, n(begin)),
            (span, NIF.endIndex, n(begin + 30)),
            (span, NIF.anchorOf, Literal(text[begin : begin + 30])),
            (figure, RDF.type, AG.CasualtyFigure),
            (figure, AG.ofEvent, event),
            (figure, AG.outcome, concept("killed")),
            (figure, AG.populationGroup, concept("soldiers")),
            (figure, SCHEMA.value, n(rng.randint(0, 300))),
            (figure, AG.estimateType, concept("exact")),
        ]
    return [Quad(s, p, o, g) for s, p, o in out]  # type: ignore[arg-type]


def batches(count: int) -> Iterator[list[Quad]]:
    m = Minter()
    for i in range(count):
        yield document(i, m)


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(docs: int, with_rdflib: bool) -> dict[str, object]:
    report: dict[str, object] = {"docs": docs}
    base_rss = rss_mib()
    data, collect = SortedQuads(), 0.0
    for batch in batches(docs):
        start = time.perf_counter()
        data.add(batch)
        collect += time.perf_counter() - start
    start = time.perf_counter()
    data.finish()
    collect += time.perf_counter() - start
    quads, triples = data.quad_count, data.triple_count
    report |= {"quads": quads, "triples": triples, "collect_s": collect}
    report["held_mib_per_million_quads"] = (rss_mib() - base_rss) / quads * 1e6
    report["collected_rss_mib"] = rss_mib()
    context = embed_context(load_context(CONTEXT), Minter().prefix)
    source = ExportSource(data, prefixes_for(), context)
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ALL_FORMATS:
            path = Path(tmp) / fmt.file_name()
            start = time.perf_counter()
            with open(path, "wb") as out:
                fmt.write(source, out)
            wrote = time.perf_counter() - start
            start = time.perf_counter()
            got = fingerprint_file(path, fmt.rdf_format, named_graphs=fmt.named_graphs)
            verified = time.perf_counter() - start
            lines = (t + b" " + g for t, g in data.pairs()) if fmt.named_graphs else None
            want = Fingerprint.of(lines if lines is not None else data.triple_lines())
            assert got == want, fmt.name
            statements = quads if fmt.named_graphs else triples
            report[fmt.name] = {
                "write_s": wrote,
                "write_per_s": statements / wrote,
                "verify_s": verified,
                "verify_per_s": statements / verified,
                "mib": path.stat().st_size / 2**20,
                "peak_rss_mib": rss_mib(),
            }
        report["written_rss_mib"] = rss_mib()
        start = time.perf_counter()
        open_store(Path(tmp))
        report["open_store_s"] = time.perf_counter() - start
        if with_rdflib:
            import rdflib

            graph = rdflib.Graph().parse(Path(tmp) / "attackgraph.nt", format="nt")
            start = time.perf_counter()
            graph.serialize(format="json-ld", context=context, auto_compact=True)
            report["rdflib_jsonld_per_s"] = triples / (time.perf_counter() - start)
    report["peak_rss_mib"] = rss_mib()
    return report


def show(report: dict[str, object]) -> None:
    quads, collect = float(str(report["quads"])), float(str(report["collect_s"]))
    print(
        f"\n{report['docs']:,} documents: {report['quads']:,} quads, {report['triples']:,} "
        f"triples; collect (serialise + sort) {collect:.1f} s ({quads / collect:,.0f} quads/s)"
    )
    print(
        f"{'format':<10}{'write/s':>12}{'verify/s':>12}{'write s':>9}{'verify s':>9}"
        f"{'MiB':>8}{'peak RSS':>10}"
    )
    for fmt in ALL_FORMATS:
        r = report[fmt.name]
        assert isinstance(r, dict)
        print(
            f"{fmt.name:<10}{r['write_per_s']:>12,.0f}{r['verify_per_s']:>12,.0f}"
            f"{r['write_s']:>9.1f}{r['verify_s']:>9.1f}{r['mib']:>8.0f}{r['peak_rss_mib']:>10,.0f}"
        )
    print(
        f"peak RSS after collecting {report['collected_rss_mib']:,.0f} MiB, after writing "
        f"{report['written_rss_mib']:,.0f} MiB"
    )
    print(f"open_store (bulk load + union): {report['open_store_s']:.1f} s")
    if "rdflib_jsonld_per_s" in report:
        print(f"rdflib JSON-LD (same context): {report['rdflib_jsonld_per_s']:,.0f} triples/s")
    print(
        f"peak RSS {report['peak_rss_mib']:,.0f} MiB; sorted lines held: "
        f"{report['held_mib_per_million_quads']:,.0f} MiB per million quads"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, action="append", help="documents (repeatable)")
    parser.add_argument("--rdflib", action="store_true", help="also time rdflib's JSON-LD")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = args.docs or [1000, 10000]
    if args.child:
        print(json.dumps(run(sizes[0], args.rdflib)))
        return
    for docs in sizes:
        command = [sys.executable, __file__, "--child", "--docs", str(docs)]
        if args.rdflib or docs <= 1000:
            command.append("--rdflib")
        done = subprocess.run(command, check=True, capture_output=True, text=True)
        show(json.loads(done.stdout))


if __name__ == "__main__":
    main()
