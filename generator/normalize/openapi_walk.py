"""The shape of an OpenAPI 3.x document: which object sits under which key.

Bundling and normalizing both need to know whether a value is a schema, a parameter, an
example value and so on; ``walk`` visits every object of the document with its kind, so each
of them states only what it does to each kind.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.shared import pointer as json_pointer

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

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
    ),
    "path_item": (
        ("parameters", "parameter", "list"),
        *((method, "operation", "one") for method in METHODS),
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
