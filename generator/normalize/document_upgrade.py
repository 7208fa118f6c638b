"""A bundled OpenAPI 3.0, 3.1 or 3.2 document brought to its canonical version.

3.0 and 3.1 become 3.1 (JSON Schema 2020-12); 3.2 stays 3.2, the one version that can say
what it adds (the QUERY method, other methods, ``in: querystring``, ``itemSchema``, nested
tags, the device authorization flow): docs/openapi-versions.md says why.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.normalize.bundle import source_of
from generator.normalize.openapi_walk import walk
from generator.normalize.schema_upgrade import upgrade_schema
from generator.shared.errors import Warnings

OPENAPI_VERSION = "3.1.0"
OPENAPI_32_VERSION = "3.2.0"


def canonical_version(version: object) -> str:
    """The version a document of OpenAPI ``version`` is normalized to."""
    return OPENAPI_32_VERSION if str(version).startswith("3.2.") else OPENAPI_VERSION


def upgrade_document(
    document: dict[str, Any],
    warnings: Warnings,
    origins: dict[str, tuple[Path, str]],
    source: Path,
) -> None:
    """Upgrade ``document`` in place. ``origins`` names the file each component came from."""
    document["openapi"] = canonical_version(document.get("openapi"))

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
