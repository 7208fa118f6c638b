from __future__ import annotations

from typing import Any

import pytest

from generator.normalize.schema_upgrade import upgrade_schema
from generator.shared.errors import Warnings


def _upgrade(schema: dict[str, Any]) -> tuple[dict[str, Any], Warnings]:
    warnings = Warnings()
    upgrade_schema(schema, "/s", warnings)
    return schema, warnings


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            {"type": "integer", "minimum": 0, "exclusiveMinimum": True},
            {"type": "integer", "exclusiveMinimum": 0},
        ),
        (
            {"type": "number", "maximum": 5, "exclusiveMaximum": True},
            {"type": "number", "exclusiveMaximum": 5},
        ),
        (
            {"type": "number", "maximum": 5, "exclusiveMaximum": False},
            {"type": "number", "maximum": 5},
        ),
        ({"type": "string", "nullable": True}, {"type": ["string", "null"]}),
        (
            {"type": "string", "enum": ["a"], "nullable": True},
            {"type": ["string", "null"], "enum": ["a", None]},
        ),
        (
            {"$ref": "#/components/schemas/A", "nullable": True, "description": "d"},
            {"anyOf": [{"$ref": "#/components/schemas/A"}, {"type": "null"}], "description": "d"},
        ),
        ({"type": "string", "x-nullable": True}, {"type": ["string", "null"]}),
        ({"type": "object", "readonly": True}, {"type": "object", "readOnly": True}),
        (
            {
                "$schema": "http://json-schema.org/draft-04/schema#",
                "id": "x.schema",
                "type": "object",
            },
            {"type": "object"},
        ),
        ({"type": "object", "javaName": "Foo", "javaType": "java.lang.Long"}, {"type": "object"}),
        ({"type": "string", "example": "x"}, {"type": "string", "examples": ["x"]}),
        (
            {"type": "array", "items": [{"type": "string"}], "additionalItems": False},
            {"type": "array", "prefixItems": [{"type": "string"}], "items": False},
        ),
        (
            {"dependencies": {"a": ["b"], "c": {"required": ["d"]}}},
            {"dependentRequired": {"a": ["b"]}, "dependentSchemas": {"c": {"required": ["d"]}}},
        ),
        (
            {
                "type": "object",
                "properties": {"a": {"type": "string", "required": True}, "b": {"required": False}},
            },
            {"type": "object", "properties": {"a": {"type": "string"}, "b": {}}, "required": ["a"]},
        ),
        ({"type": "object", "required": []}, {"type": "object"}),
        ({"type": "any"}, {}),
    ],
)
def test_draft04_and_openapi30_idioms_become_2020_12(
    before: dict[str, Any], after: dict[str, Any]
) -> None:
    assert _upgrade(before)[0] == after


def test_nested_schemas_are_upgraded_too() -> None:
    schema, _ = _upgrade(
        {
            "type": "object",
            "properties": {
                "m": {
                    "type": "object",
                    "$schema": "x",
                    "readonly": True,
                    "items": {"type": "integer", "minimum": 1, "exclusiveMinimum": True},
                }
            },
        }
    )
    assert schema["properties"]["m"] == {
        "type": "object",
        "readOnly": True,
        "items": {"type": "integer", "exclusiveMinimum": 1},
    }


def test_a_property_called_id_is_not_mistaken_for_draft04_id() -> None:
    schema, _ = _upgrade({"type": "object", "properties": {"id": {"type": "string"}}})
    assert schema["properties"] == {"id": {"type": "string"}}


def test_unknown_keywords_are_dropped_with_a_warning_but_extensions_kept() -> None:
    schema, warnings = _upgrade({"type": "string", "maxLenght": 3, "x-keep": 1})
    assert schema == {"type": "string", "x-keep": 1}
    assert [str(w) for w in warnings.items] == [
        "#/s/maxLenght: unknown schema keyword 'maxLenght' dropped"
    ]


def test_a_pattern_python_cannot_read_is_dropped_with_a_warning() -> None:
    # AWS writes ECMA Unicode classes; Python's re has none, and would refuse the whole spec.
    schema, warnings = _upgrade(
        {
            "type": "object",
            "properties": {
                "name": {"type": "string", "pattern": "[\\p{L}\\p{N}]*"},
                "code": {"type": "string", "pattern": "^[A-Z]{3}$"},
            },
        }
    )
    assert "pattern" not in schema["properties"]["name"]
    assert schema["properties"]["code"]["pattern"] == "^[A-Z]{3}$"
    [warning] = [str(w) for w in warnings.items]
    assert "#/s/properties/name/pattern" in warning and "cannot read it" in warning
