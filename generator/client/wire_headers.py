"""The headers of an operation the runtime treats specially: the one its answers name the
request by (a request id), and the idempotency key it takes.

Both are read from what the spec declares, by name: a response header such as
``X-Request-Id``, ``X-Okapi-Request-Id`` or ``X-Correlation-Id``; a header parameter such as
``Idempotency-Key`` on a call that is not idempotent by its method.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

_REQUEST_ID = re.compile(r"(?:^|[-_])(?:request|correlation|trace)[-_]?id$", re.IGNORECASE)
_IDEMPOTENCY = re.compile(r"^(?:x-)?idempotency(?:[-_]?(?:key|token))?$", re.IGNORECASE)
# Methods whose repetition RFC 9110 already makes harmless: a key adds nothing to them.
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE", "QUERY"})


def request_id_header(responses: dict[str, Any], resolve: Callable[[Any], Any]) -> str | None:
    """The first header named like a request id that any of ``responses`` declares."""
    for status in sorted(responses):
        response = resolve(responses[status])
        headers = response.get("headers") if isinstance(response, dict) else None
        for name in headers or {}:
            if isinstance(name, str) and _REQUEST_ID.search(name):
                return name
    return None


def idempotency_header(method: str, parameters: Iterable[dict[str, Any]]) -> str | None:
    """The header parameter that carries an idempotency key, on a method that needs one."""
    if method.upper() in _IDEMPOTENT_METHODS:
        return None
    for parameter in parameters:
        name = parameter.get("name")
        if parameter.get("in") == "header" and isinstance(name, str) and _IDEMPOTENCY.match(name):
            return name
    return None
