"""Following redirects without taking credentials to another origin.

httpx follows redirects inside ``Client.send``: it copies every header but ``Authorization``
(``X-Okapi-Token`` and API-key headers too) and, on a 307 or 308, the body, to wherever the
server points, and does so for an auth flow's own login and token calls as well. So the
transport always sends with ``follow_redirects=False`` (which also keeps logins and token calls
from being redirected at all: a login answered with a redirect is a failed login) and follows
redirects itself, when the caller's http client asks for it, with ``Redirects``:

- a hop to the configured origin (scheme, host and port of the base URL) is signed again by the
  auth flow, with the client's cookies, as the first call was;
- a hop to any other origin (``http`` to ``https`` on the same host included) carries no
  credentials at all: no auth, no cookies, no header whose name is a credential's (see
  ``_redact.is_secret_name``) or that the auth flow sets (``X-Okapi-Tenant`` too);
- a body is never replayed to another origin: a 307 or 308 there is not followed, and the
  redirect answer is the call's answer (an ``APIStatusError``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import httpx

from ._redact import is_secret_name

_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port or _DEFAULT_PORTS.get(url.scheme)


@dataclass(frozen=True)
class Hop:
    request: httpx.Request
    trusted: bool  # to the configured origin: sign it


class Redirects:
    """Where the credentials of a transport may go, and the request each redirect makes."""

    def __init__(self, base_url: str, credential_headers: Iterable[str] = ()) -> None:
        self.origin = origin(httpx.URL(base_url))
        self._credential_headers = frozenset(name.lower() for name in credential_headers)

    def next_hop(
        self, request: httpx.Request, response: httpx.Response, cookies: httpx.Cookies
    ) -> Hop | None:
        """The request that follows ``response``; None when it is not a redirect to follow."""
        if not response.has_redirect_location:
            return None
        try:
            url = request.url.join(response.headers["Location"])
        except httpx.InvalidURL:
            return None  # the redirect answer goes back to the caller as it is
        method = _method(request.method, response.status_code)
        trusted = origin(url) == self.origin
        keeps_body = method == request.method
        if keeps_body and not trusted and _has_body(request):
            return None
        headers = httpx.Headers(request.headers)
        headers.pop("Cookie", None)
        headers["Host"] = url.netloc.decode("ascii")
        if not keeps_body:
            for name in ("Content-Length", "Transfer-Encoding", "Content-Type"):
                headers.pop(name, None)
        if not trusted:
            for name in list(headers.keys()):
                if is_secret_name(name) or name.lower() in self._credential_headers:
                    del headers[name]
        hop = httpx.Request(
            method,
            url,
            headers=headers,
            stream=request.stream if keeps_body else None,
            extensions=request.extensions,
        )
        if trusted:
            cookies.set_cookie_header(hop)
        return Hop(hop, trusted)


def _method(method: str, status: int) -> str:
    """The method of the next request, as httpx and browsers choose it."""
    if status in (302, 303) and method != "HEAD":
        return "GET"
    if status == 301 and method == "POST":
        return "GET"
    return method


def _has_body(request: httpx.Request) -> bool:
    length = request.headers.get("Content-Length")
    return "Transfer-Encoding" in request.headers or (length is not None and length != "0")
