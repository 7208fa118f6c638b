"""Discriminator values made explicit in the schemas they select.

``discriminator: {propertyName: type, mapping: {Age: ...FilterAge}}`` says that an object
whose ``type`` is ``Age`` is a ``FilterAge``; FOLIO's member schemas only give ``type`` a
default. Written into the member as ``enum: [Age]``, the rule is visible to every tool that
reads JSON Schema alone: validators, mock servers generating data, model generators.

Azure's descriptions give a child of a base with a discriminator (``allOf: [$ref: Base]``)
its value as ``x-ms-discriminator-value`` when it is not the child's name; it is written into
the base's ``mapping``, where OpenAPI and every tool look for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.shared import pointer as json_pointer
from generator.shared.errors import Warnings
from generator.shared.schema_walk import subschemas

_PREFIX = "#/components/schemas/"
_VALUE = "x-ms-discriminator-value"


def _discriminators(schema: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(schema, dict):
        if isinstance(schema.get("discriminator"), dict):
            found.append(schema["discriminator"])
        for container, key, _ in subschemas(schema):
            found += _discriminators(container[key])
    return found


def _parents(schema: Any) -> list[str]:
    """The components ``schema`` extends: the references among its ``allOf``."""
    members = schema.get("allOf") if isinstance(schema, dict) else None
    return [
        json_pointer.unescape(member["$ref"][len(_PREFIX) :])
        for member in (members if isinstance(members, list) else [])
        if isinstance(member, dict) and str(member.get("$ref")).startswith(_PREFIX)
    ]


def map_declared_values(schemas: dict[str, Any]) -> None:
    """Each ``x-ms-discriminator-value`` into the mapping of the base it extends.

    A base's descendants (children of children too) are all its values; once one is mapped,
    OpenAPI would still give the others their names, which are mapped alongside so that no
    tool needs that rule. A value the mapping already has is left as it is.
    """
    children: dict[str, list[str]] = {}
    for name, schema in schemas.items():
        for parent in _parents(schema):
            children.setdefault(parent, []).append(name)
    for base, schema in schemas.items():
        discriminator = schema.get("discriminator") if isinstance(schema, dict) else None
        if not isinstance(discriminator, dict) or {"oneOf", "anyOf"} & set(schema):
            continue
        descendants: list[str] = []
        pending = list(children.get(base, []))
        while pending:
            name = pending.pop(0)
            if name not in descendants and name != base:
                descendants.append(name)
                pending += children.get(name, [])
        declared = {n: schemas[n][_VALUE] for n in descendants if _declared(schemas[n])}
        if not declared:
            continue
        mapping = discriminator.get("mapping")
        mapping = dict(mapping) if isinstance(mapping, dict) else {}
        mapped = set(mapping.values())
        for name in descendants:
            target = _PREFIX + json_pointer.escape(name)
            if target not in mapped:
                mapping.setdefault(str(declared.get(name, name)), target)
        discriminator["mapping"] = mapping


def _declared(schema: Any) -> bool:
    return isinstance(schema, dict) and isinstance(schema.get(_VALUE), str)


def pin_discriminator_values(document: dict[str, Any], warnings: Warnings, source: Path) -> None:
    schemas: dict[str, Any] = document.get("components", {}).get("schemas", {})
    map_declared_values(schemas)
    values: dict[tuple[str, str], list[str]] = {}
    for schema in schemas.values():
        for discriminator in _discriminators(schema):
            name = discriminator.get("propertyName")
            for value, target in (discriminator.get("mapping") or {}).items():
                if isinstance(name, str) and str(target).startswith(_PREFIX):
                    member = json_pointer.unescape(str(target)[len(_PREFIX) :])
                    values.setdefault((member, name), []).append(str(value))
    for (member, name), pinned in values.items():
        prop = schemas.get(member, {}).get("properties", {}).get(name)
        if (
            isinstance(prop, dict)
            and "enum" not in prop
            and "const" not in prop
            and "$ref" not in prop
        ):
            prop["enum"] = sorted(set(pinned))
            if "default" in prop and prop["default"] not in prop["enum"]:
                # FOLIO's CurrentDate token defaults `type` to "Date": a value the
                # discriminator would never map to this schema.
                warnings.add(
                    f"default {prop['default']!r} is not the discriminator value "
                    f"{' or '.join(prop['enum'])}; default dropped",
                    file=source,
                    pointer=json_pointer.join("/components/schemas", member, "properties", name),
                )
                del prop["default"]
