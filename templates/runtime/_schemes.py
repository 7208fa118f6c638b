"""The credentials sent as they are, with no call of their own: an API key (in a header, the
query string or a cookie), a bearer or other ``Authorization`` value, HTTP basic.

A token may be given as a callable instead of a string (a token provider: OAuth2 authorization
code or implicit flows, OpenID Connect, anything the caller refreshes by itself): it is called
for every request (so it should return fast, from its own cache). The async client also takes
an async one (``async def token() -> str``), awaited for every request.
Every value is checked before it is sent (``_secret.checked``) and held as a ``Secret``.
"""

from __future__ import annotations

import base64
import inspect
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from typing import Literal

import httpx

from ._secret import Secret, checked

Location = Literal["header", "query", "cookie"]
TokenSource = str | Callable[[], str]
AsyncTokenSource = str | Callable[[], str | Awaitable[str]]

_Flow = Generator[httpx.Request, httpx.Response, None]


class ApiKeyAuth(httpx.Auth):
    """``prefix + key`` in the ``header``, query parameter or cookie of that name (Alma's
    ``Authorization: apikey <key>``; ``Authorization: Bearer <token>`` with ``prefix="Bearer "``).

    ``key`` is a string, or a callable that returns the current one. A key in the query string
    is blanked in the package's logs (``_redact``) and, like every credential, sent to the
    configured origin only (``_redirects``).
    """

    def __init__(
        self,
        key: AsyncTokenSource,
        *,
        header: str = "Authorization",
        prefix: str = "apikey ",
        location: Location = "header",
        parameter: str = "api_key",
    ) -> None:
        self._parameter = parameter  # the Client() argument, named in errors
        self.header = header
        self.prefix = prefix
        self.location = location
        self._fixed = None if callable(key) else Secret(self._checked(key))
        self._provider = key if callable(key) else None
        self._current: Secret | None = None
        # what never leaves the origin (a cookie never does, nor the query a Location replaces)
        self.credential_headers = (header,) if location == "header" else ()

    def __repr__(self) -> str:
        where = "" if self.location == "header" else f", location={self.location!r}"
        return f"ApiKeyAuth(header={self.header!r}, prefix={self.prefix!r}{where})"

    def _checked(self, key: str) -> str:
        # a key in the query string is percent-encoded, so it may hold any character there
        return checked(key, self._parameter, in_header=self.location != "query")

    def _value(self) -> str:
        if self._provider is None:
            assert self._fixed is not None
            return self._fixed.get()
        given = self._provider()
        if not isinstance(given, str):
            if inspect.iscoroutine(given):
                given.close()  # never awaited: no "coroutine was never awaited" warning
            raise TypeError(
                f"{self._parameter}= gave {type(given).__name__}, not str: an async token "
                "provider works with the AsyncClient only"
            )
        return self._held(given)

    async def _async_value(self) -> str:
        if self._provider is None:
            return self._value()
        given = self._provider()
        return self._held(await given if inspect.isawaitable(given) else given)

    def _held(self, value: str) -> str:
        # kept as a Secret while it is in use, so that the logs blank it too
        self._current = Secret(self._checked(value))
        return self._current.get()

    def _put(self, request: httpx.Request, value: str) -> None:
        if self.location == "header":
            request.headers[self.header] = value
        elif self.location == "query":
            request.url = request.url.copy_set_param(self.header, value)
        else:
            kept = [
                part.strip()
                for part in request.headers.get("Cookie", "").split(";")
                if part.strip() and part.partition("=")[0].strip() != self.header
            ]
            request.headers["Cookie"] = "; ".join([*kept, f"{self.header}={value}"])

    def auth_flow(self, request: httpx.Request) -> _Flow:
        self._put(request, self.prefix + self._value())
        yield request

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        self._put(request, self.prefix + await self._async_value())
        yield request


class BearerAuth(ApiKeyAuth):
    """``Authorization: <scheme> <token>`` (HTTP bearer, OAuth2 tokens the caller obtains,
    OpenID Connect); an empty ``scheme`` sends the value as given (an HTTP scheme the client
    knows no more of than its name: the caller writes the whole value)."""

    def __init__(
        self, token: AsyncTokenSource, *, scheme: str = "Bearer", parameter: str = "token"
    ) -> None:
        prefix = f"{scheme} " if scheme else ""
        super().__init__(token, header="Authorization", prefix=prefix, parameter=parameter)

    def __repr__(self) -> str:
        return f"BearerAuth(prefix={self.prefix!r})"


class BasicAuth(httpx.Auth):
    """HTTP basic: ``Authorization: Basic base64(username:password)`` on every call."""

    credential_headers = ("Authorization",)

    def __init__(self, username: str, password: str) -> None:
        checked(username, "username", in_header=False)
        if ":" in username:
            raise ValueError("username cannot hold a ':' in HTTP basic authentication")
        checked(password, "password", in_header=False)
        self.username = username
        pair = f"{username}:{password}".encode()
        self._value = Secret("Basic " + base64.b64encode(pair).decode("ascii"))
        self._password = Secret(password)

    def __repr__(self) -> str:
        return f"BasicAuth(username={self.username!r})"

    def auth_flow(self, request: httpx.Request) -> _Flow:
        request.headers["Authorization"] = self._value.get()
        yield request
