"""Authentication as httpx auth flows: one generator serves the sync and the async client.

A flow may yield extra requests (a login, a token call) before the real one; httpx sends them
with the same client, so logging in needs no second HTTP stack and works for both clients.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Generator
from typing import Any

import httpx

from ._errors import AuthenticationError
from ._secret import Secret


def _origin(request: httpx.Request) -> str:
    return f"{request.url.scheme}://{request.url.netloc.decode('ascii')}"


def _under_base(request: httpx.Request, path: str) -> str:
    """``path`` below the base URL the request went to (the gateway may live under a prefix)."""
    return _origin(request) + path


class FolioAuth(httpx.Auth):
    """FOLIO: ``X-Okapi-Tenant`` and ``X-Okapi-Token`` on every call.

    Give a ready ``token``, or ``username`` and ``password``: then the flow logs in before the
    first call and again, once, when a call answers 401 (access tokens expire after minutes).
    """

    requires_response_body = True

    def __init__(
        self,
        tenant: str,
        token: str | None = None,
        *,
        username: str | None = None,
        password: str | None = None,
        login_path: str = "/authn/login-with-expiry",
        legacy_login_path: str = "/authn/login",
    ) -> None:
        if token is None and (username is None or password is None):
            raise ValueError("FolioAuth needs a token, or a username and a password")
        self.tenant = tenant
        self._token = Secret(token) if token else None
        self._username = username
        self._password = Secret(password) if password is not None else None
        self._login_path = login_path
        self._legacy_login_path = legacy_login_path
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"FolioAuth(tenant={self.tenant!r}, username={self._username!r})"

    def _login_request(self, request: httpx.Request, path: str) -> httpx.Request:
        assert self._password is not None
        return httpx.Request(
            "POST",
            _under_base(request, path),
            json={"username": self._username, "password": self._password.get()},
            headers={"X-Okapi-Tenant": self.tenant, "Accept": "application/json"},
        )

    def _login(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        response = yield self._login_request(request, self._login_path)
        if response.status_code == 404:  # an older FOLIO without login-with-expiry
            response = yield self._login_request(request, self._legacy_login_path)
        token = response.cookies.get("folioAccessToken") or response.headers.get("x-okapi-token")
        if not token and response.is_success:
            try:
                token = response.json().get("okapiToken")
            except ValueError:
                token = None
        if not response.is_success or not token:
            raise AuthenticationError(
                f"FOLIO login failed for user {self._username!r} ({response.status_code})",
                response=response,
            )
        self._token = Secret(str(token))

    def _sign(self, request: httpx.Request) -> None:
        request.headers["X-Okapi-Tenant"] = self.tenant
        if self._token:
            request.headers["X-Okapi-Token"] = self._token.get()

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        can_login = self._username is not None and self._password is not None
        if self._token is None and can_login:
            yield from self._login(request)
        self._sign(request)
        response = yield request
        if response.status_code == 401 and can_login:
            yield from self._login(request)
            self._sign(request)
            yield request


class ApiKeyAuth(httpx.Auth):
    """An API key in a header (Alma: ``Authorization: apikey <key>``), never in the URL."""

    def __init__(self, key: str, *, header: str = "Authorization", prefix: str = "") -> None:
        self._key = Secret(key)
        self.header = header
        self.prefix = prefix

    def __repr__(self) -> str:
        return f"ApiKeyAuth(header={self.header!r})"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers[self.header] = self.prefix + self._key.get()
        yield request


class OAuth2PasswordAuth(httpx.Auth):
    """OAuth2 password grant: a token fetched once, kept, fetched again once on 401."""

    requires_response_body = True

    def __init__(
        self,
        token_url: str,
        *,
        client_id: str,
        client_secret: str,
        username: str,
        password: str,
        scope: str | None = None,
    ) -> None:
        self.token_url = token_url
        self.client_id = client_id
        self._client_secret = Secret(client_secret)
        self.username = username
        self._password = Secret(password)
        self.scope = scope
        self._token: Secret | None = None
        self._expires_at: float | None = None

    def __repr__(self) -> str:
        return f"OAuth2PasswordAuth(token_url={self.token_url!r}, username={self.username!r})"

    def _token_request(self, request: httpx.Request) -> httpx.Request:
        url = self.token_url if "://" in self.token_url else _under_base(request, self.token_url)
        form: dict[str, Any] = {
            "grant_type": "password",
            "client_id": self.client_id,
            "client_secret": self._client_secret.get(),
            "username": self.username,
            "password": self._password.get(),
        }
        if self.scope:
            form["scope"] = self.scope
        return httpx.Request("POST", url, data=form, headers={"Accept": "application/json"})

    def _fetch(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        response = yield self._token_request(request)
        token: Any = None
        expires_in: Any = None
        if response.is_success:
            try:
                answer = response.json()
                token, expires_in = answer.get("access_token"), answer.get("expires_in")
            except (ValueError, AttributeError):
                token = None
        if not token:
            raise AuthenticationError(
                f"OAuth2 token request failed for user {self.username!r} ({response.status_code})",
                response=response,
            )
        self._token = Secret(str(token))
        # Refresh a little early so that a call never leaves with a token about to expire.
        self._expires_at = (
            time.monotonic() + float(expires_in) * 0.9
            if isinstance(expires_in, int | float)
            else None
        )

    def _fresh(self) -> bool:
        return self._token is not None and (
            self._expires_at is None or time.monotonic() < self._expires_at
        )

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if not self._fresh():
            yield from self._fetch(request)
        assert self._token is not None
        request.headers["Authorization"] = "Bearer " + self._token.get()
        response = yield request
        if response.status_code == 401:
            yield from self._fetch(request)
            request.headers["Authorization"] = "Bearer " + self._token.get()
            yield request
