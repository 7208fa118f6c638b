"""One schema, any draft the loaders produce, rewritten in JSON Schema 2020-12 (OpenAPI 3.1).

Covers the idioms of draft-04 (as FOLIO writes it) and of OpenAPI 3.0: boolean
``exclusiveMinimum``/``exclusiveMaximum``, ``nullable``, ``x-nullable``, ``readonly``, nested
``$schema`` and ``id``, tuple ``items``, ``dependencies``, draft-03 ``required: true`` on a
property, ``example``, and code-generator hints such as ``javaName``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.shared import pointer as json_pointer
from generator.shared.errors import Warnings
from generator.shared.schema_walk import subschemas

# JSON Schema 2020-12 keywords plus the ones OpenAPI 3.1 adds; anything else is dropped.
KNOWN_KEYWORDS = frozenset(
    [
        "$schema",
        "$id",
        "$ref",
        "$anchor",
        "$dynamicRef",
        "$dynamicAnchor",
        "$vocabulary",
        "$comment",
        "$defs",
        "type",
        "enum",
        "const",
        "multipleOf",
        "maximum",
        "exclusiveMaximum",
        "minimum",
        "exclusiveMinimum",
        "maxLength",
        "minLength",
        "pattern",
        "maxItems",
        "minItems",
        "uniqueItems",
        "maxContains",
        "minContains",
        "maxProperties",
        "minProperties",
        "required",
        "dependentRequired",
        "allOf",
        "anyOf",
        "oneOf",
        "not",
        "if",
        "then",
        "else",
        "dependentSchemas",
        "prefixItems",
        "items",
        "contains",
        "properties",
        "patternProperties",
        "additionalProperties",
        "propertyNames",
        "unevaluatedItems",
        "unevaluatedProperties",
        "format",
        "title",
        "description",
        "default",
        "deprecated",
        "readOnly",
        "writeOnly",
        "examples",
        "contentEncoding",
        "contentMediaType",
        "contentSchema",
        "discriminator",
        "xml",
        "externalDocs",
        "example",
    ]
)

# Hints for jsonschema2pojo and RAML Module Builder: meaningless to the wire format.
CODEGEN_HINTS = frozenset(
    [
        "javaName",
        "javaType",
        "javaEnumNames",
        "javaInterfaces",
        "javaJsonView",
        "existingJavaType",
        "extendsJavaClass",
        "customDateTimePattern",
        "customTimezone",
        "excludedFromEqualsAndHashCode",
        "extends",
    ]
)

_RENAMED = {"readonly": "readOnly", "writeonly": "writeOnly"}


def upgrade_schema(
    schema: dict[str, Any], pointer: str, warnings: Warnings, source: Path | None = None
) -> None:
    """Rewrite ``schema`` and all its subschemas in place."""
    _upgrade_one(schema, pointer, warnings, source)


def _upgrade_one(
    schema: dict[str, Any], pointer: str, warnings: Warnings, source: Path | None
) -> None:
    if "$ref" in schema:
        # Under draft-04 siblings of $ref were ignored; a sibling `$schema`/`id` would now
        # change the base URI, so only annotations survive next to a reference.
        for key in ("$schema", "id", "$id"):
            schema.pop(key, None)
    for old, new in _RENAMED.items():
        if old in schema:
            value = schema.pop(old)
            schema.setdefault(new, value)
    _drop_identity(schema)
    _exclusive_bounds(schema)
    _nullable(schema)
    _tuple_items(schema)
    _dependencies(schema)
    _property_required_flags(schema)
    if isinstance(schema.get("required"), bool) or schema.get("required") == []:
        del schema["required"]  # a draft-03 flag outside `properties`, or nothing required
    if "example" in schema:
        example = schema.pop("example")
        schema.setdefault("examples", [example])
    if schema.get("type") == "any":
        del schema["type"]
    _readable_pattern(schema, pointer, warnings, source)
    # Every reference into `definitions`/`$defs` was turned into a component by the bundler.
    schema.pop("definitions", None)
    schema.pop("$defs", None)
    for key in list(schema):
        if key in KNOWN_KEYWORDS or key.startswith("x-"):
            continue
        del schema[key]
        if key not in CODEGEN_HINTS:
            warnings.add(
                f"unknown schema keyword {key!r} dropped",
                file=source,
                pointer=json_pointer.join(pointer, key),
            )
    for container, slot, path in subschemas(schema):
        _upgrade_one(container[slot], json_pointer.join(pointer, *path), warnings, source)


def _readable_pattern(
    schema: dict[str, Any], pointer: str, warnings: Warnings, source: Path | None
) -> None:
    """Drop a ``pattern`` Python cannot read, with a warning, rather than refuse the spec.

    Patterns are ECMA-262 regular expressions; validators and clients here read them with
    Python's ``re``, which lacks some ECMA syntax (``\\p{L}`` Unicode classes, for one).
    """
    pattern = schema.get("pattern")
    if not isinstance(pattern, str):
        return
    try:
        re.compile(pattern)
    except re.error as error:
        del schema["pattern"]
        warnings.add(
            f"pattern {pattern!r} dropped: Python's re cannot read it ({error})",
            file=source,
            pointer=json_pointer.join(pointer, "pattern"),
        )


def _drop_identity(schema: dict[str, Any]) -> None:
    schema.pop("$schema", None)
    # draft-04 `id` names the file ("metadata.schema"); after bundling it would only
    # redirect relative references. A property called `id` lives under `properties`.
    if isinstance(schema.get("id"), str):
        del schema["id"]
    schema.pop("$id", None)


def _exclusive_bounds(schema: dict[str, Any]) -> None:
    for exclusive, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        flag = schema.get(exclusive)
        if flag is True and bound in schema:
            schema[exclusive] = schema.pop(bound)
        elif isinstance(flag, bool):
            del schema[exclusive]


def _nullable(schema: dict[str, Any]) -> None:
    nullable = schema.pop("nullable", None)
    if schema.pop("x-nullable", None) is True:
        nullable = True
    if nullable is not True:
        return
    kind = schema.get("type")
    if isinstance(kind, str):
        schema["type"] = [kind, "null"]
    elif isinstance(kind, list) and "null" not in kind:
        kind.append("null")
    elif kind is None:
        inner = {key: schema.pop(key) for key in list(schema) if key not in _ANNOTATIONS}
        schema["anyOf"] = [inner, {"type": "null"}]
        return
    if isinstance(schema.get("enum"), list) and None not in schema["enum"]:
        schema["enum"].append(None)


_ANNOTATIONS = frozenset(
    ("title", "description", "default", "deprecated", "readOnly", "writeOnly", "examples")
)


def _tuple_items(schema: dict[str, Any]) -> None:
    if isinstance(schema.get("items"), list):
        schema["prefixItems"] = schema.pop("items")
        if "additionalItems" in schema:
            schema["items"] = schema.pop("additionalItems")
    else:
        schema.pop("additionalItems", None)


def _dependencies(schema: dict[str, Any]) -> None:
    dependencies = schema.pop("dependencies", None)
    if not isinstance(dependencies, dict):
        return
    for name, value in dependencies.items():
        target = "dependentRequired" if isinstance(value, list) else "dependentSchemas"
        schema.setdefault(target, {})[name] = value


def _property_required_flags(schema: dict[str, Any]) -> None:
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return
    required = list(schema.get("required", [])) if isinstance(schema.get("required"), list) else []
    for name, prop in properties.items():
        flag = prop.pop("required", None) if isinstance(prop, dict) else None
        if flag is True and name not in required:
            required.append(name)
    if required:
        schema["required"] = required
    elif "required" in schema and not isinstance(schema["required"], list):
        del schema["required"]
