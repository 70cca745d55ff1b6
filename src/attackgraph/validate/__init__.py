"""Stage: graph + shapes -> report.

:class:`Validator` checks a graph against the shipped shapes and returns a
:class:`Report` of :class:`Violation` values located in the source documents;
:func:`validate_file` does the same for any RDF file. ``shacl`` runs the shapes,
``locate`` finds the document line each result came from, ``report`` holds the result
types and ``terms`` the pyoxigraph-to-rdflib conversions.
"""

from attackgraph.validate.report import Report, Violation, curie
from attackgraph.validate.shacl import (
    ENGINES,
    Engine,
    ShapesError,
    Validator,
    default_shapes_path,
    shipped_validator,
    validate_file,
)
from attackgraph.validate.terms import rdflib_graph, rdflib_term

__all__ = [
    "ENGINES",
    "Engine",
    "Report",
    "ShapesError",
    "Validator",
    "Violation",
    "curie",
    "default_shapes_path",
    "rdflib_graph",
    "rdflib_term",
    "shipped_validator",
    "validate_file",
]
