"""Inheritance between component schemas: a component extends each component its ``allOf``
references (OpenAPI's way of writing a base and its children)."""

from __future__ import annotations

from typing import Any

from generator.shared import pointer as json_pointer

_PREFIX = "#/components/schemas/"


def parents(schema: Any, schemas: dict[str, Any]) -> list[str]:
    """The components of ``schemas`` that ``schema`` extends."""
    members = schema.get("allOf") if isinstance(schema, dict) else None
    found = []
    for member in members if isinstance(members, list) else []:
        reference = member.get("$ref") if isinstance(member, dict) else None
        if isinstance(reference, str) and reference.startswith(_PREFIX):
            name = json_pointer.unescape(reference[len(_PREFIX) :])
            if name in schemas:
                found.append(name)
    return found


def descendants(schemas: dict[str, Any], base: str) -> list[str]:
    """Every component extending ``base``, children of children too, nearest first; each once,
    whatever cycles the ``allOf`` references make."""
    children: dict[str, list[str]] = {}
    for name, schema in schemas.items():
        for parent in parents(schema, schemas):
            children.setdefault(parent, []).append(name)
    found: list[str] = []
    pending = list(children.get(base, []))
    while pending:
        name = pending.pop(0)
        if name not in found and name != base:
            found.append(name)
            pending += children.get(name, [])
    return found
