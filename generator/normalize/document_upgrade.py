"""A bundled OpenAPI 3.0 or 3.1 document brought to OpenAPI 3.1 / JSON Schema 2020-12."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.normalize.bundle import source_of
from generator.normalize.openapi_walk import walk
from generator.normalize.schema_upgrade import upgrade_schema
from generator.shared.errors import Warnings

OPENAPI_VERSION = "3.1.0"


def upgrade_document(
    document: dict[str, Any],
    warnings: Warnings,
    origins: dict[str, tuple[Path, str]],
    source: Path,
) -> None:
    """Upgrade ``document`` in place. ``origins`` names the file each component came from."""
    document["openapi"] = OPENAPI_VERSION

    def hook(container: Any, key: Any, kind: str, pointer: str) -> bool:
        node = container[key]
        if kind == "schema":
            if isinstance(node, dict):
                file, where = source_of(pointer, origins)
                upgrade_schema(node, where, warnings, file or source)
            return False
        if kind in ("parameter", "header") and isinstance(node, dict):
            _upgrade_parameter(node)
        return kind != "example_value"

    walk(document, hook)


def _upgrade_parameter(parameter: dict[str, Any]) -> None:
    # 3.0 allowed `allowEmptyValue` and `nullable`-style hints on parameters; 3.1 keeps the
    # former (deprecated) and has no place for the latter outside the schema.
    parameter.pop("nullable", None)
