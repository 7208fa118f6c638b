"""Secrets that cannot leak through ``repr``, ``str``, f-strings or logs."""

from __future__ import annotations

import threading
import weakref


class Secret:
    """Holds a credential; only ``get()`` reveals it.

    Every live secret is known to ``live_values()``, so that log redaction can blank the very
    values the package holds (a key, a password, the tokens of the auth flows) wherever they
    turn up; a secret that is gone (a replaced token) is forgotten with it.
    """

    __slots__ = ("__weakref__", "_value")

    def __init__(self, value: str) -> None:
        self._value = value
        if value:
            with _LOCK:
                _LIVE.add(self)

    def get(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __bool__(self) -> bool:
        return bool(self._value)


_LOCK = threading.Lock()
_LIVE: weakref.WeakSet[Secret] = weakref.WeakSet()


# Shorter values are not searched for in free text: a one-letter test token would blank every
# such letter of every record. Where they are sent (credential headers, cookies, secret query
# parameters) the redaction blanks them by name whatever their length.
SHORTEST_SEARCHED = 4


def live_values(shortest: int = SHORTEST_SEARCHED) -> list[str]:
    """The values of the secrets alive now, at least ``shortest`` long, longest first (so that
    no part of one is left)."""
    with _LOCK:
        values = {secret.get() for secret in _LIVE}
    return sorted((v for v in values if len(v) >= shortest), key=len, reverse=True)


def checked(value: str, parameter: str, *, in_header: bool) -> str:
    """``value`` if it can be sent as given; a ``ValueError`` naming ``parameter`` otherwise.

    A control character (typically the newline at the end of a key read from a file) would make
    h11 or httpx raise an error that quotes the whole header, secret and all, on the first call;
    so would a header value that is not ASCII or begins or ends with a space. The error here
    names the parameter and what is wrong, never the value. A trailing newline is refused rather
    than stripped: a credential changed behind the caller's back would fail (or, worse, work)
    for a reason nobody could see.
    """
    if not isinstance(value, str):
        raise TypeError(f"{parameter} must be a str, not {type(value).__name__}")
    if any(ord(char) < 0x20 or ord(char) == 0x7F for char in value):
        raise ValueError(
            f"{parameter} contains a control character (a newline at its end, read from a "
            "file?); its value is not shown"
        )
    if in_header and not value.isascii():
        raise ValueError(
            f"{parameter} has characters other than ASCII, which cannot be sent in an HTTP "
            "header; its value is not shown"
        )
    if in_header and value != value.strip(" \t"):
        raise ValueError(
            f"{parameter} begins or ends with a space, which an HTTP header cannot hold; its "
            "value is not shown"
        )
    return value
