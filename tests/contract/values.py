"""Valid argument values for any call, made from the spec's schemas."""

from __future__ import annotations

from typing import Any

from generator.shared import pointer as json_pointer

UUID = "5f8a2f4e-1b2c-4d3e-8f90-a1b2c3d4e5f6"  # version 4: fits FOLIO's UUID patterns too

_FORMATS = {
    "date-time": "2024-01-01T12:00:00Z",
    "date": "2024-01-01",
    "uuid": UUID,
    "email": "someone@example.com",
    "uri": "https://example.com/x",
}


def example(schema: Any, document: dict[str, Any], depth: int = 0) -> Any:
    """A small value valid against ``schema`` (required properties only)."""
    while isinstance(schema, dict) and "$ref" in schema:
        schema = json_pointer.resolve(document, schema["$ref"][1:])
    if not isinstance(schema, dict) or depth > 12:
        return None
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return next(v for v in schema["enum"] if v is not None)
    if schema.get("examples"):
        return schema["examples"][0]
    if "default" in schema:
        return schema["default"]
    for union in ("oneOf", "anyOf"):
        if schema.get(union):
            return example(schema[union][0], document, depth + 1)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), None)
    if kind == "object" or "properties" in schema:
        return {
            name: example(schema["properties"][name], document, depth + 1)
            for name in schema.get("required", [])
            if name in schema.get("properties", {})
        }
    if kind == "array":
        minimum = schema.get("minItems", 0)
        return [example(schema.get("items"), document, depth + 1) for _ in range(minimum)]
    if kind in ("integer", "number"):
        low = schema.get(
            "minimum", schema.get("exclusiveMinimum", 0) + 1 if "exclusiveMinimum" in schema else 1
        )
        return int(low) if kind == "integer" else float(low)
    if kind == "boolean":
        return True
    if kind == "string":
        if schema.get("format") == "binary":
            return b"id,name\n1,example\n"
        if schema.get("format") in _FORMATS:
            return _FORMATS[schema["format"]]
        if "pattern" in schema:
            if "community" in schema["pattern"]:
                return "community=example"
            if "[0-9]" in schema["pattern"] and "-" not in schema["pattern"]:
                return "42"
            return UUID  # the patterns in our specs are UUIDs
        return "example"
    return None
