"""Where subschemas live inside a JSON Schema (all drafts the loaders can produce)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# keyword -> how its value holds subschemas
_SINGLE = (
    "items",
    "additionalItems",
    "additionalProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
    "contentSchema",
)
_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")


def subschemas(schema: dict[str, Any]) -> Iterator[tuple[Any, str | int, tuple[str | int, ...]]]:
    """Yield ``(container, key, path)`` for every direct subschema of ``schema``.

    ``container[key]`` is the subschema and ``path`` its pointer tokens relative to ``schema``,
    so callers can replace a subschema in place.
    """
    for keyword in _SINGLE:
        value = schema.get(keyword)
        if isinstance(value, dict):
            yield schema, keyword, (keyword,)
        elif keyword == "items" and isinstance(value, list):  # draft-04 tuple form
            for index in range(len(value)):
                yield value, index, (keyword, index)
    for keyword in _LISTS:
        value = schema.get(keyword)
        if isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    yield value, index, (keyword, index)
    for keyword in _MAPS:
        value = schema.get(keyword)
        if isinstance(value, dict):
            for name, item in value.items():
                if isinstance(item, dict):
                    yield value, name, (keyword, name)
    dependencies = schema.get("dependencies")  # draft-04: schema or list of names
    if isinstance(dependencies, dict):
        for name, item in dependencies.items():
            if isinstance(item, dict):
                yield dependencies, name, ("dependencies", name)
