"""Discriminator values made explicit in the schemas they select.

``discriminator: {propertyName: type, mapping: {Age: ...FilterAge}}`` says that an object
whose ``type`` is ``Age`` is a ``FilterAge``; FOLIO's member schemas only give ``type`` a
default. Written into the member as ``enum: [Age]``, the rule is visible to every tool that
reads JSON Schema alone: validators, mock servers generating data, model generators.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.shared import pointer as json_pointer
from generator.shared.errors import Warnings
from generator.shared.schema_walk import subschemas

_PREFIX = "#/components/schemas/"


def _discriminators(schema: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(schema, dict):
        if isinstance(schema.get("discriminator"), dict):
            found.append(schema["discriminator"])
        for container, key, _ in subschemas(schema):
            found += _discriminators(container[key])
    return found


def pin_discriminator_values(document: dict[str, Any], warnings: Warnings, source: Path) -> None:
    schemas: dict[str, Any] = document.get("components", {}).get("schemas", {})
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
