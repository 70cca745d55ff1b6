"""A resource's JSON-LD twin is the text ``json.dumps(..., indent=1)`` would write: the
publisher's own encoder (``describe.dumps``, faster) must give the same bytes for every
JSON value, and leave anything else to ``json``."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from attackgraph.publish.describe import dumps

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    max_leaves=40,
)


@given(_JSON)
def test_dumps_writes_what_json_writes(value: Any) -> None:
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=1) + "\n"


def test_values_json_converts_are_left_to_json() -> None:
    value = {"@graph": [{1: "a", "b": (1, float("nan"))}]}
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=1) + "\n"
