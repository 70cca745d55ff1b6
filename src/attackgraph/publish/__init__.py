"""Stage: the dumps -> a complete, atomically replaced release folder.

The build writes the dumps into a staging folder and :func:`publish` adds everything
else; :func:`staged_release` swaps the folder in only when all of it is written::

    with staged_release(out_dir) as staging:
        export.write_dataset(batches, staging, base=base)
        export.write_text(staging / "validation-report.txt", report)
        publish(staging, stats=stats, base=base, version=version, issued=None)

A release holds the dumps (N-Quads primary; N-Triples, Turtle, JSON-LD, TriG), each
also gzipped; the ontology (Turtle, JSON-LD, HTML), shapes and JSON-LD context;
``void.ttl`` (VoID + DCAT), ``stats.json``, ``README.md``; static linked-data pages
(``index.html``, ``id/{kind}/{slug}.html`` with ``.ttl`` / ``.jsonld`` twins); and
``SHA256SUMS`` over every other file. The same input gives the same bytes.

Layout: ``release`` swaps folders, ``files`` gzips and checksums, ``stats`` counts,
``void`` describes, ``ontology`` documents the vocabulary, ``data`` queries the dump,
``links`` / ``render`` / ``views`` / ``whosaid`` / ``index`` / ``describe`` / ``site`` write pages,
``reads`` / ``reuse`` let a rebuild keep the pages whose statements did not change,
``alone`` renders a document's own page from its quads while it is converted.
"""

from attackgraph.publish.publish import DEFAULT_ENDPOINT, PublishOptions, latest_date, publish
from attackgraph.publish.release import PublishError, recover, staged_release
from attackgraph.publish.reuse import PageReuse, note_files
from attackgraph.publish.stats import ReleaseStats

__all__ = [
    "DEFAULT_ENDPOINT",
    "PageReuse",
    "PublishError",
    "PublishOptions",
    "ReleaseStats",
    "latest_date",
    "note_files",
    "publish",
    "recover",
    "staged_release",
]
