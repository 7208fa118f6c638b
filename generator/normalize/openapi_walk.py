"""The shape of an OpenAPI 3.x document: which object sits under which key.

Bundling and normalizing both need to know whether a value is a schema, a parameter, an
example value and so on; ``walk`` visits every object of the document with its kind, so each
of them states only what it does to each kind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from generator.shared import pointer as json_pointer

# The operations a path item names by a fixed field; OpenAPI 3.2 adds `query` (HTTP QUERY: a
# safe call with a body) and, under `additionalOperations`, any other method by its name as sent
# (see operations()).
# The kinds of reusable object under ``components``, in the order the specification lists them.
COMPONENT_KINDS = (
    "schemas",
    "responses",
    "parameters",
    "examples",
    "requestBodies",
    "headers",
    "securitySchemes",
    "links",
    "callbacks",
    "pathItems",
)
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace", "query")
ADDITIONAL = "additionalOperations"

# kind -> (key, child kind, shape); shape "one": container[key]; "map": each value of the
# mapping at key; "list": each item of the list at key; key None: each value of the object itself.
_STRUCTURE: dict[str, tuple[tuple[str | None, str, str], ...]] = {
    "document": (
        ("paths", "path_item", "map"),
        ("webhooks", "path_item", "map"),
        ("components", "components", "one"),
    ),
    "components": (
        ("schemas", "schema", "map"),
        ("responses", "response", "map"),
        ("parameters", "parameter", "map"),
        ("examples", "example", "map"),
        ("requestBodies", "request_body", "map"),
        ("headers", "header", "map"),
        ("callbacks", "callback", "map"),
        ("pathItems", "path_item", "map"),
        ("mediaTypes", "media_type", "map"),  # 3.2
    ),
    "path_item": (
        ("parameters", "parameter", "list"),
        *((method, "operation", "one") for method in METHODS),
        (ADDITIONAL, "operation", "map"),
    ),
    "operation": (
        ("parameters", "parameter", "list"),
        ("requestBody", "request_body", "one"),
        ("responses", "response", "map"),
        ("callbacks", "callback", "map"),
    ),
    "callback": ((None, "path_item", "map"),),
    "parameter": (
        ("schema", "schema", "one"),
        ("content", "media_type", "map"),
        ("example", "example_value", "one"),
        ("examples", "example", "map"),
    ),
    "header": (
        ("schema", "schema", "one"),
        ("content", "media_type", "map"),
        ("example", "example_value", "one"),
        ("examples", "example", "map"),
    ),
    "request_body": (("content", "media_type", "map"),),
    "response": (
        ("headers", "header", "map"),
        ("content", "media_type", "map"),
    ),
    "media_type": (
        ("schema", "schema", "one"),
        # 3.2: the schema of each item of a sequence (text/event-stream, JSON Lines, ...)
        ("itemSchema", "schema", "one"),
        ("example", "example_value", "one"),
        ("examples", "example", "map"),
        ("encoding", "encoding", "map"),
    ),
    "encoding": (("headers", "header", "map"),),
    "example": (("value", "example_value", "one"),),
    # Leaves: the walk reports them but does not look inside.
    "schema": (),
    "example_value": (),
}

# hook(container, key, kind, pointer) -> whether to descend into container[key]. The hook may
# replace container[key] before returning.
Hook = Callable[[Any, Any, str, str], bool]


def operations(item: Any) -> Iterator[tuple[str, tuple[str, ...], dict[str, Any]]]:
    """(HTTP method as sent, keys from the path item to it, operation) of each operation of a
    path item: its fixed fields (``get`` -> ``GET``), then ``additionalOperations`` (3.2), whose
    keys are the methods themselves (``LINK``)."""
    if not isinstance(item, dict):
        return
    for method in METHODS:
        if isinstance(item.get(method), dict):
            yield method.upper(), (method,), item[method]
    additional = item.get(ADDITIONAL)
    for method, operation in additional.items() if isinstance(additional, dict) else ():
        if isinstance(method, str) and not method.startswith("x-") and isinstance(operation, dict):
            yield method, (ADDITIONAL, method), operation


def walk(document: dict[str, Any], hook: Hook) -> None:
    """Visit every object of ``document`` (not the document itself), parents first."""
    walk_children(document, "document", "", hook)


def walk_object(container: Any, key: Any, kind: str, pointer: str, hook: Hook) -> None:
    if hook(container, key, kind, pointer):
        walk_children(container[key], kind, pointer, hook)


def walk_children(node: Any, kind: str, pointer: str, hook: Hook) -> None:
    if not isinstance(node, dict):
        return
    for key, child_kind, shape in _STRUCTURE[kind]:
        if key is None:
            for name in list(node):
                walk_object(node, name, child_kind, json_pointer.join(pointer, name), hook)
            continue
        if key not in node:
            continue
        child = node[key]
        child_pointer = json_pointer.join(pointer, key)
        if shape == "one":
            walk_object(node, key, child_kind, child_pointer, hook)
        elif shape == "map" and isinstance(child, dict):
            for name in list(child):
                if isinstance(name, str) and name.startswith("x-") and kind != "components":
                    continue
                walk_object(child, name, child_kind, json_pointer.join(child_pointer, name), hook)
        elif shape == "list" and isinstance(child, list):
            for index in range(len(child)):
                walk_object(child, index, child_kind, json_pointer.join(child_pointer, index), hook)
