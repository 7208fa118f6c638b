"""Secrets that cannot leak through ``repr``, ``str``, f-strings or logs."""

from __future__ import annotations


class Secret:
    """Holds a credential; only ``get()`` reveals it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __bool__(self) -> bool:
        return bool(self._value)
