"""Where subschemas live inside a JSON Schema (all drafts the loaders can produce).

The one table of the keywords that hold subschemas: every pass that walks a schema (bundling,
upgrading, examples, the models' preparation) goes through ``subschemas`` or
``map_subschemas``, so that a keyword added here is reached by all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

# keyword -> how its value holds subschemas
SINGLE = (
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
LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
# draft-04: a map whose values are a schema or a list of property names
_DEPENDENCIES = "dependencies"
KEYWORDS = frozenset((*SINGLE, *LISTS, *MAPS, _DEPENDENCIES))


def subschemas(schema: dict[str, Any]) -> Iterator[tuple[Any, str | int, tuple[str | int, ...]]]:
    """Yield ``(container, key, path)`` for every direct subschema of ``schema``.

    ``container[key]`` is the subschema and ``path`` its pointer tokens relative to ``schema``,
    so callers can replace a subschema in place.
    """
    for keyword in SINGLE:
        value = schema.get(keyword)
        if isinstance(value, dict):
            yield schema, keyword, (keyword,)
        elif keyword == "items" and isinstance(value, list):  # draft-04 tuple form
            for index, item in enumerate(value):
                if isinstance(item, dict):  # `true`/`false` hold nothing to walk, as in LISTS
                    yield value, index, (keyword, index)
    for keyword in LISTS:
        value = schema.get(keyword)
        if isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    yield value, index, (keyword, index)
    for keyword in (*MAPS, _DEPENDENCIES):
        value = schema.get(keyword)
        if isinstance(value, dict):
            for name, item in value.items():
                if isinstance(item, dict):
                    yield value, name, (keyword, name)


def map_subschemas(keyword: str, value: Any, function: Callable[[Any], Any]) -> Any:
    """``value`` (the value of ``keyword`` in a schema) with ``function`` applied to each
    subschema it holds; ``value`` itself when it holds none.

    For passes that build a new schema key by key (in the schema's own order) instead of
    editing one in place. Each member of a list or map goes through ``function``, schema or
    not (``true``, a draft-04 list of property names), so that a pass copying the schema
    copies those too.
    """
    if keyword not in KEYWORDS:
        return value
    if isinstance(value, dict) and keyword in SINGLE:
        return function(value)
    if isinstance(value, dict) and keyword not in LISTS:  # a map of names to schemas
        return {name: function(item) for name, item in value.items()}
    if isinstance(value, list) and (keyword in LISTS or keyword == "items"):  # items: draft-04
        return [function(item) for item in value]
    return value
