"""The ``User-Agent`` of every call: the package and its version, then httpx's own token
(RFC 9110 product tokens, most significant first), so that a server's logs say which client
sent a request.

A ``User-Agent`` the caller chose wins: in ``headers=``, or on their own http client (anything
but httpx's default).
"""

from __future__ import annotations

import httpx

HEADER = "User-Agent"
_HTTPX = f"python-httpx/{httpx.__version__}"


def user_agent(product: str) -> str:
    """``product`` (``name/version``) followed by httpx's token."""
    return f"{product} {_HTTPX}"


def chosen_by_caller(headers: httpx.Headers) -> bool:
    """Whether an http client's headers carry a ``User-Agent`` of the caller's own."""
    return str(headers.get(HEADER, _HTTPX)) != _HTTPX
