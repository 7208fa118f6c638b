"""Small OpenAPI 3.1 documents to compare, and what differs between them."""

from __future__ import annotations

import copy
from typing import Any

from generator.changes.documents import compare_documents


def document(
    *,
    parameter: Any = None,
    request: Any = None,
    response: Any = None,
    header: Any = None,
    schemas: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """POST /items/{id}: query parameter q, a JSON body, a 200 JSON answer with header X-Rate."""
    operation: dict[str, Any] = {
        "operationId": "createItem",
        "tags": ["items"],
        "parameters": [
            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
            {"name": "q", "in": "query", "schema": parameter or {"type": "string"}},
        ],
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": request or {"type": "object"}}},
        },
        "responses": {
            "200": {
                "description": "the item",
                "headers": {"X-Rate": {"schema": header or {"type": "integer"}}},
                "content": {"application/json": {"schema": response or {"type": "object"}}},
            },
            "404": {"description": "no such item"},
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Items", "version": "1"},
        "servers": [{"url": "https://api.example.org"}],
        "paths": {"/items/{id}": {"post": operation}},
        "components": {"schemas": copy.deepcopy(schemas or {})},
    }


def fired(old: dict[str, Any], new: dict[str, Any]) -> set[str]:
    return {change.rule for change in compare_documents(old, new)}


def placed(subject: str, schema: Any) -> dict[str, Any]:
    """A document with ``schema`` at the place the rule subject names."""
    where = {
        "request-parameter": lambda s: document(parameter=s),
        "request-body": lambda s: document(request=s),
        "request-property": lambda s: document(request=_wrapped(s)),
        "response-header": lambda s: document(header=s),
        "response-body": lambda s: document(response=_wrapped(s)),
        "response-property": lambda s: document(response=_wrapped(s)),
    }
    if subject == "response-body":
        return document(response=copy.deepcopy(schema))
    return where[subject](copy.deepcopy(schema))


def _wrapped(schema: Any) -> dict[str, Any]:
    return {"type": "object", "properties": {"p": schema}}
