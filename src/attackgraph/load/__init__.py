"""load: push a release into any triple store (SPARQL 1.1 Graph Store HTTP Protocol).

``load(release_dir, endpoint=..., graph_store=...)`` PUTs one named graph per document
(replace semantics, so re-loading is idempotent), with basic or digest authentication,
time-outs and retries with exponential back-off, then counts each graph's triples on
the server through its SPARQL endpoint and compares. The CLI prints
``report.format()`` and exits with ``report.exit_code``.
"""

from attackgraph.load.client import LoadError
from attackgraph.load.push import GraphResult, LoadReport, graph_url, load
from attackgraph.load.split import DumpError

__all__ = ["DumpError", "GraphResult", "LoadError", "LoadReport", "graph_url", "load"]
