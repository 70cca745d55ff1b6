r"""The library's entry points, re-exported by the ``attackgraph`` package (docs/api.md).

- :func:`convert` — one document (a file, or its text) to its quads, in one call;
- :func:`build_release` — documents to a release folder, as ``attackgraph build`` does;
- :func:`~attackgraph.query.open_store` / :func:`~attackgraph.query.run_query` — SPARQL
  over a release; :func:`~attackgraph.validate.validate_file` — SHACL on any RDF file;
  :func:`~attackgraph.evaluate.evaluate` — scores against gold annotations.

>>> import attackgraph
>>> quads = attackgraph.convert("= Raid on Tamba =\n\nInfobox\n- Deaths: 3\n\nA raid.\n")
>>> [q.object.value for q in quads if q.predicate.value == "https://schema.org/value"]
['3']
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from pyoxigraph import Quad

from attackgraph.evaluate import evaluate
from attackgraph.model import AttackgraphError, InputError, OptionError
from attackgraph.pipeline import BuildOptions, BuildReport, Converter, DocumentResult, build
from attackgraph.query import open_store, run_query
from attackgraph.validate import validate_file

__all__ = [
    "AttackgraphError",
    "BuildOptions",
    "BuildReport",
    "Converter",
    "DocumentResult",
    "InputError",
    "OptionError",
    "build_release",
    "convert",
    "evaluate",
    "open_store",
    "run_query",
    "validate_file",
]

PathLike = str | os.PathLike[str]


@lru_cache(maxsize=4)
def _converter(options: BuildOptions) -> Converter:
    """One converter per options: its reference data and shapes load once per process."""
    return Converter(options)


def convert(
    document: str | bytes | os.PathLike[str],
    *,
    name: str = "document.txt",
    options: BuildOptions | None = None,
) -> list[Quad]:
    r"""One document's quads in its named graph, validated: the build's converter in one call.

    ``document`` is a path (:class:`pathlib.Path` or any ``os.PathLike``), or the
    document's text in the input format (``str`` or UTF-8 ``bytes``); for a text,
    ``name`` is the file name it stands for, which gives the document IRI.

    Raises :class:`~attackgraph.errors.InputError` carrying the
    :class:`~attackgraph.errors.Problem` (``file:line: rule: message``) when the
    document cannot be read or its graph breaks the shapes.

    >>> quads = convert("= Raid =\n\nA raid on 1 May 2020.\n", name="raid.txt")
    >>> str(quads[0].graph_name)
    '<https://w3id.org/attackgraph/id/doc/raid>'
    >>> try:
    ...     convert("no title\n")
    ... except InputError as error:
    ...     print(error.problem.source, error.problem.rule)
    document.txt parse/missing-title
    """
    converter = _converter(options or BuildOptions())
    if isinstance(document, os.PathLike):
        result = converter.convert(Path(document))
    else:
        data = document.encode("utf-8") if isinstance(document, str) else document
        result = converter.convert_bytes(data, Path(name))
    if result.skipped is not None:
        raise InputError(result.skipped)
    return list(result.quads)


def build_release(
    documents: PathLike | Iterable[PathLike],
    out: PathLike,
    options: BuildOptions | None = None,
    *,
    progress: Callable[[DocumentResult], None] | None = None,
) -> BuildReport:
    r"""Build documents (files, or folders of ``.txt`` files) into the release folder ``out``.

    The same as ``attackgraph build DOCUMENTS --out OUT``: every dump, the validation
    report, VoID/DCAT, checksums and pages, swapped in only when complete. A document
    that cannot be converted is skipped and listed in the report; raises what
    :func:`attackgraph.pipeline.build` raises (no documents at all, a release that
    would shrink by more than half, an output that fails its re-parse).

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     doc = pathlib.Path(folder, "raid.txt")
    ...     _ = doc.write_text("= Raid =\n\nInfobox\n- Deaths: 3\n\nA raid.\n")
    ...     report = build_release(doc, pathlib.Path(folder, "release"))
    ...     written = sorted(p.name for p in pathlib.Path(folder, "release").iterdir())
    >>> report.built, report.ok, "attackgraph.nq" in written
    (1, True, True)
    """
    paths = [documents] if isinstance(documents, str | os.PathLike) else list(documents)
    return build([Path(p) for p in paths], Path(out), options, progress=progress)
