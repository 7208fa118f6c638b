"""The schemas made ready for datamodel-code-generator (``models_prepare``)."""

from __future__ import annotations

from typing import Any

import pytest

from generator.emit.models_prepare import prepare
from generator.shared import schema_walk


def _holding(keyword: str, inner: dict[str, Any]) -> Any:
    """The value of ``keyword`` with ``inner`` as its one subschema."""
    if keyword in schema_walk.SINGLE:
        return inner
    if keyword in schema_walk.LISTS:
        return [inner]
    return {"a": inner}


# Every keyword the schema walker knows: a keyword added there is checked here too, so the
# models' preparation cannot miss one again (it had its own copy of the table, without
# contentSchema and dependentSchemas, whose schemas went in with their x- keys, unnamed enum
# members and credential fields shown in repr).
@pytest.mark.parametrize("keyword", sorted(schema_walk.KEYWORDS))
def test_an_inline_schema_under_every_subschema_keyword_is_prepared(keyword: str) -> None:
    inner = {
        "type": "object",
        "x-vendor": 1,
        "example": {"access_token": "t"},
        "properties": {
            "access_token": {"type": "string"},
            "kind": {"type": "string", "enum": ["31B/US-SAN", "b"]},
        },
    }
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": {"Outer": {"type": "object", keyword: _holding(keyword, inner)}}},
    }
    outer = prepare(document)["components"]["schemas"]["Outer"]
    [(container, key, _path)] = list(schema_walk.subschemas(outer))
    prepared = container[key]
    assert "x-vendor" not in prepared and "example" not in prepared
    assert prepared["properties"]["access_token"]["x-repr"] is False
    assert prepared["properties"]["kind"]["x-enum-varnames"] == ["value_31b_us_san", "b"]


def test_a_draft_04_tuple_of_items_is_prepared_member_by_member() -> None:
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {"Pair": {"type": "array", "items": [{"x-a": 1, "type": "string"}, True]}}
        },
    }
    items = prepare(document)["components"]["schemas"]["Pair"]["items"]
    assert items == [{"type": "string"}, True]
