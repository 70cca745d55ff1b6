"""Which properties the shapes allow at most once, class by class (``sh:maxCount 1``).

The union (:mod:`attackgraph.union`) reads them from the shapes themselves, so that where
a later document gives another value of such a property, it knows to keep one (a name
becomes an alternate name, a date sets an event apart, any other value becomes a claim)
instead of publishing a union the shapes refuse.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import pyoxigraph as ox

from attackgraph.validate.shacl import default_shapes_path

SH: Final = "http://www.w3.org/ns/shacl#"


def single_valued(shapes: Path | None = None) -> dict[str, frozenset[str]]:
    """Class IRI -> the properties its shape allows at most once (``sh:maxCount 1``).

    >>> from attackgraph.namespaces import AG, SCHEMA
    >>> SCHEMA.name.value in single_valued()[AG.Place.value]
    True
    """
    graph = ox.Store()
    graph.bulk_load(path=str(shapes or default_shapes_path()), format=ox.RdfFormat.TURTLE)
    target, prop, path, max_count = (
        ox.NamedNode(SH + name) for name in ("targetClass", "property", "path", "maxCount")
    )
    found: dict[str, set[str]] = {}
    for shape_quad in graph.quads_for_pattern(None, target, None, None):
        shape, cls = shape_quad.subject, shape_quad.object
        for property_quad in graph.quads_for_pattern(shape, prop, None, None):
            node = property_quad.object
            if not isinstance(node, ox.BlankNode | ox.NamedNode):
                continue
            counts = [q.object for q in graph.quads_for_pattern(node, max_count, None, None)]
            paths = [q.object for q in graph.quads_for_pattern(node, path, None, None)]
            once = any(isinstance(c, ox.Literal) and c.value == "1" for c in counts)
            if once and paths and isinstance(paths[0], ox.NamedNode):
                found.setdefault(getattr(cls, "value", str(cls)), set()).add(paths[0].value)
    return {cls: frozenset(props) for cls, props in found.items()}
