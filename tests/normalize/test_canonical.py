"""The canonical form of a spec: one key order, so equal documents are equal bytes."""

from __future__ import annotations

from typing import Any

import pytest

from generator.normalize.canonical import _schema
from generator.shared import schema_walk


@pytest.mark.parametrize("keyword", sorted(schema_walk.KEYWORDS))
def test_a_schema_under_every_subschema_keyword_is_put_in_order(keyword: str) -> None:
    # canonical.py had its own list of subschema keywords, without $defs, definitions,
    # additionalItems and dependencies: schemas there kept the order they came in.
    inner = {"x-b": 1, "type": "string", "x-a": 2, "description": "d"}
    if keyword in schema_walk.SINGLE:
        held: Any = inner
    elif keyword in schema_walk.LISTS:
        held = [inner]
    else:
        held = {"b": inner, "a": {"type": "string"}}
    ordered = _schema({keyword: held})
    [(container, key, _path), *_] = list(schema_walk.subschemas(ordered))
    assert list(container[key]) == ["description", "type", "x-a", "x-b"]
    if isinstance(held, dict) and keyword not in schema_walk.SINGLE:
        assert list(ordered[keyword]) == ["b", "a"]  # a map keeps its own order
