"""The request id of an answer: the header a server names each request by, for the logs and
for support tickets, read off every error and raw response (``.request_id``).

The header the spec declares on the operation's answers is looked at first (the generator
passes it on the request, ``REQUEST_ID_HEADER``), then the names servers commonly use.
"""

from __future__ import annotations

import contextlib

import httpx

# The request extension holding the header the operation's answers declare.
REQUEST_ID_HEADER = "request_id_header"
_COMMON = (
    "X-Request-Id",
    "Request-Id",
    "X-Correlation-Id",
    "X-Amzn-RequestId",
    "X-Amz-Request-Id",
    "X-Ms-Request-Id",
    "X-GitHub-Request-Id",
    "X-Okapi-Request-Id",
    "X-Trace-Id",
)
_LONGEST = 200


def request_id(response: httpx.Response | None) -> str | None:
    """The id the server gave the request ``response`` answers, or None."""
    if response is None:
        return None
    declared: object = None
    with contextlib.suppress(RuntimeError):  # a response built without a request
        declared = response.request.extensions.get(REQUEST_ID_HEADER)
    names = (declared, *_COMMON) if isinstance(declared, str) else _COMMON
    for name in names:
        value = str(response.headers.get(name, "")).strip()
        # it goes into messages and logs: a server's id of sane length and visible ASCII only
        if value and len(value) <= _LONGEST and value.isascii() and value.isprintable():
            return value
    return None
