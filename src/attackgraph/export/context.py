"""The JSON-LD context: loaded from the package, never from the network.

The project context ships inside the package (``resources/context.jsonld``, a link to
``ontology/context.jsonld``) and is embedded in every JSON-LD dump, so that no reader
has to fetch anything. Remote contexts and ``@import`` are refused.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Final

from attackgraph.export.atomic import ExportError
from attackgraph.namespaces import DEFAULT_BASE

CONTEXT_RESOURCE: Final = "resources/context.jsonld"
"""The project context inside the package (a link to ``ontology/context.jsonld``)."""

DEFAULT_INSTANCE_NS: Final = DEFAULT_BASE + "/id/"


def load_context(path: Path | None = None) -> Any:
    """The ``@context`` value of a context file (default: the packaged project context).

    Raises :class:`ExportError` when the file is missing, is not JSON, or has no
    ``@context``.

    >>> import json, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     file = Path(tmp) / "c.jsonld"
    ...     _ = file.write_text(json.dumps({"@context": {"ag": "https://e/ag#"}}))
    ...     load_context(file)
    {'ag': 'https://e/ag#'}
    """
    source = resources.files("attackgraph").joinpath(CONTEXT_RESOURCE) if path is None else path
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ExportError(f"{source}: cannot load the JSON-LD context: {error}") from error
    if not isinstance(data, dict) or "@context" not in data:
        raise ExportError(f"{source}: not a JSON-LD context document (no '@context')")
    return data["@context"]


def embed_context(context: Any, instance_ns: str) -> Any:
    """A copy of ``context`` whose instance prefix is ``instance_ns``.

    The term mapping to the default base's ``/id/`` is pointed at ``instance_ns``;
    without one, ``id`` is added (when free) so that node ``@id``\\ s stay short.

    >>> embed_context({"id": "https://w3id.org/attackgraph/id/"}, "https://e/id/")
    {'id': 'https://e/id/'}
    >>> embed_context({"ag": "https://e/ag#"}, "https://e/id/")
    {'ag': 'https://e/ag#', 'id': 'https://e/id/'}
    """
    embedded = copy.deepcopy(context)
    items = [c for c in (embedded if isinstance(embedded, list) else [embedded]) if c]
    found = False
    for item in items:
        if not isinstance(item, dict):
            continue
        for name, value in item.items():
            if value == DEFAULT_INSTANCE_NS:
                item[name], found = instance_ns, True
            elif isinstance(value, dict) and value.get("@id") == DEFAULT_INSTANCE_NS:
                value["@id"], found = instance_ns, True
    if not found and items and isinstance(items[-1], dict):
        if not any(isinstance(item, dict) and "id" in item for item in items):
            items[-1]["id"] = instance_ns
    return embedded


def merge_context(context: Any) -> dict[str, Any]:
    """One dict from a context (a list is processed in order; ``null`` resets)."""
    if context is None:
        return {}
    if isinstance(context, str):
        raise ExportError(f"JSON-LD context {context!r} is remote: only inline contexts are used")
    if isinstance(context, list):
        merged: dict[str, Any] = {}
        for item in context:
            merged = {} if item is None else {**merged, **merge_context(item)}
        return merged
    if isinstance(context, Mapping):
        if "@import" in context:
            raise ExportError("JSON-LD context uses @import: only inline contexts are used")
        return dict(context)
    raise ExportError(f"not a JSON-LD context: {context!r}")
