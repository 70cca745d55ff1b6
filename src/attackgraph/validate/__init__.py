"""Stage: graph + shapes -> report.

:class:`Validator` checks a graph against the shipped shapes and returns a
:class:`Report` of :class:`Violation` values located in the source documents;
:func:`validate_file` does the same for any RDF file. ``shacl`` runs the shapes,
``locate`` finds the document line each result came from.
"""

from attackgraph.validate.shacl import (
    Report,
    Validator,
    Violation,
    curie,
    default_shapes_path,
    rdflib_graph,
    rdflib_term,
    validate_file,
)

__all__ = [
    "Report",
    "Validator",
    "Violation",
    "curie",
    "default_shapes_path",
    "rdflib_graph",
    "rdflib_term",
    "validate_file",
]
