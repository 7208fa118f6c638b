from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.normalize.discriminators import pin_discriminator_values
from generator.shared.errors import Warnings


def _document(default: str | None) -> dict[str, Any]:
    member: dict[str, Any] = {"type": "string"}
    if default is not None:
        member["default"] = default
    return {
        "components": {
            "schemas": {
                "Filter": {
                    "oneOf": [{"$ref": "#/components/schemas/Age"}],
                    "discriminator": {
                        "propertyName": "type",
                        "mapping": {"Age": "#/components/schemas/Age"},
                    },
                },
                "Age": {"type": "object", "properties": {"type": member}},
            }
        }
    }


def test_the_mapped_value_is_pinned_in_the_member() -> None:
    document = _document("Age")
    pin_discriminator_values(document, Warnings(), Path("api.yaml"))
    assert document["components"]["schemas"]["Age"]["properties"]["type"] == {
        "type": "string",
        "enum": ["Age"],
        "default": "Age",
    }


def test_a_default_the_discriminator_never_maps_is_dropped_with_a_warning() -> None:
    document, warnings = _document("Date"), Warnings()
    pin_discriminator_values(document, warnings, Path("api.yaml"))
    assert "default" not in document["components"]["schemas"]["Age"]["properties"]["type"]
    assert "default 'Date' is not the discriminator value Age" in str(warnings.items[0])
