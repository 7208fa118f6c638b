"""Reading a value out of a parsed response by the JSON pointer a spec extension names.

``x-pagination`` and ``x-job`` point into the wire form (``/progress/processed``); the parsed
objects are pydantic models whose attributes have Python names. Walking the models by alias
avoids dumping a whole page back to JSON just to read two fields.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel

_MISSING = object()


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _step(node: Any, token: str) -> Any:
    if isinstance(node, BaseModel):
        for name, field in type(node).model_fields.items():
            if (field.alias or name) == token:
                return getattr(node, name)
        return (node.model_extra or {}).get(token, _MISSING)
    if isinstance(node, dict):
        return node.get(token, _MISSING)
    # ASCII digits only: "²".isdigit() is True, and int("²") raises
    if isinstance(node, list) and token.isascii() and token.isdigit() and int(token) < len(node):
        return node[int(token)]
    return _MISSING


def value_at(node: Any, pointer: str) -> Any:
    """The value at ``pointer`` (wire names), or None when any step is absent."""
    if not pointer:
        return node
    for token in pointer[1:].split("/"):
        node = _step(node, _unescape(token))
        if node is _MISSING or node is None:
            return None
    # Enum members compare as their values for the callers here (status codes).
    return node.value if isinstance(node, Enum) else node
