"""What callers of an API depend on, without the prose: for comparing two descriptions.

Two descriptions of the same API agree when their surfaces are equal: the same operations
(method and path, parameters, request and response media types, status codes) and the same
schemas once descriptions, titles and examples are set aside.
"""

from __future__ import annotations

import copy
from typing import Any

from generator import pointer as json_pointer
from generator.changes.schemas import without_prose
from generator.manifest import Correction
from generator.openapi_walk import METHODS


def _resolve(document: dict[str, Any], node: Any) -> Any:
    while (
        isinstance(node, dict)
        and isinstance(node.get("$ref"), str)
        and not node["$ref"].startswith("#/components/schemas/")
    ):
        node = json_pointer.resolve(document, node["$ref"][1:])
    return node


def operation_surface(document: dict[str, Any]) -> dict[str, Any]:
    surface: dict[str, Any] = {}
    for path, item in (document.get("paths") or {}).items():
        shared = [_resolve(document, p) for p in item.get("parameters", [])]
        for method in METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            parameters = shared + [_resolve(document, p) for p in operation.get("parameters", [])]
            body = _resolve(document, operation.get("requestBody"))
            surface[f"{method.upper()} {path}"] = {
                "parameters": {
                    f"{p['in']}:{p['name']}": {
                        "required": bool(p.get("required", False)),
                        "schema": without_prose(p.get("schema")),
                    }
                    for p in parameters
                },
                "requestBody": None
                if body is None
                else {
                    "required": bool(body.get("required", False)),
                    "content": without_prose(body.get("content", {})),
                },
                "responses": {
                    str(status): sorted(_resolve(document, response).get("content") or {})
                    for status, response in operation.get("responses", {}).items()
                },
            }
    return surface


def schema_surface(document: dict[str, Any]) -> dict[str, Any]:
    schemas = document.get("components", {}).get("schemas", {})
    return {name: without_prose(schema) for name, schema in schemas.items()}


def apply_corrections(document: dict[str, Any], corrections: list[Correction]) -> dict[str, Any]:
    """A copy of an upstream ``document`` with our deliberate corrections made to it."""
    corrected = copy.deepcopy(document)
    for correction in corrections:
        *parents, last = json_pointer.split(correction.pointer)
        holder = json_pointer.resolve(corrected, json_pointer.join("", *parents))
        if correction.ours is None:
            holder.pop(last, None)
        else:
            holder[last] = copy.deepcopy(correction.ours)
    return corrected
