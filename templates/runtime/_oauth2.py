"""OAuth2 grants the client runs itself: password and client credentials (RFC 6749 4.3, 4.4).

The token is fetched with a form POST to the token URL (an absolute URL, or a path from the
root of the server called; the client's id and secret go in the form), kept, fetched again
shortly before ``expires_in`` runs out, and fetched again once, with the call sent again, when
a call answers 401 (``_auth._TokenAuth``). When the token answer offers a ``refresh_token``, the
next token is asked for with it (RFC 6749 6); a refused refresh falls back to the grant itself,
so an expired refresh token costs one request, never a failed call. A refused token request
raises ``AuthenticationError``.
"""

from __future__ import annotations

import math
import time
from abc import abstractmethod
from collections.abc import Callable
from typing import Any

import httpx

from ._auth import (
    _error_body,
    _json_object,
    _Obtained,
    _sendable,
    _side_request,
    _TokenAuth,
    _Tokens,
)
from ._errors import AuthenticationError
from ._secret import Secret, checked


class _OAuth2Auth(_TokenAuth):
    """What both grants share: the token request, the refresh token, the ``Bearer`` header."""

    credential_headers = ("Authorization",)

    def __init__(
        self,
        token_url: str,
        *,
        client_id: str,
        client_secret: str,
        scope: str | None,
        clock: Callable[[], float],
    ) -> None:
        self.token_url = token_url
        self.client_id = client_id
        self._client_secret = Secret(checked(client_secret, "client_secret", in_header=False))
        self.scope = scope
        self._refresh: Secret | None = None
        self._tokens = _Tokens(None, clock)

    @abstractmethod
    def _grant(self) -> dict[str, str]:
        """The grant's own fields of the token request."""

    @abstractmethod
    def _who(self) -> str:
        """Whose token it is, for the error message (never a secret)."""

    def _form(self, fields: dict[str, str]) -> dict[str, str]:
        form = {**fields, "client_id": self.client_id, "client_secret": self._client_secret.get()}
        if self.scope:
            form["scope"] = self.scope
        return form

    def _obtain(self, request: httpx.Request) -> _Obtained:
        if self._refresh is not None:
            refresh, self._refresh = self._refresh, None
            form = self._form({"grant_type": "refresh_token", "refresh_token": refresh.get()})
            response = yield _side_request(request, self.token_url, data=form)
            if _token(response) is not None:
                return self._keep(response)
            # refused (expired, revoked): the grant itself gets a new one
        response = yield _side_request(request, self.token_url, data=self._form(self._grant()))
        if _token(response) is None:
            error = _json_object(response).get("error")  # an RFC 6749 code: invalid_grant, ...
            reason = f", {error}" if isinstance(error, str) else ""
            raise AuthenticationError(
                f"OAuth2 token request for {self._who()} failed "
                f"(HTTP {response.status_code}{reason})",
                response=response,
                body=_error_body(response),
            )
        return self._keep(response)

    def _keep(self, response: httpx.Response) -> tuple[Secret, int]:
        answer = _json_object(response)
        refresh = answer.get("refresh_token")
        self._refresh = Secret(refresh) if isinstance(refresh, str) and _sendable(refresh) else None
        token = _token(response)
        assert token is not None
        return self._tokens.store(token, _seconds(answer.get("expires_in")))

    def _sign(self, request: httpx.Request, token: Secret | None) -> None:
        if token:
            request.headers["Authorization"] = "Bearer " + token.get()


class OAuth2PasswordAuth(_OAuth2Auth):
    """OAuth2 password grant; the token goes in ``Authorization: Bearer <token>``.
    ``clock`` (monotonic seconds) is there for tests."""

    def __init__(
        self,
        token_url: str,
        *,
        client_id: str,
        client_secret: str,
        username: str,
        password: str,
        scope: str | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(
            token_url, client_id=client_id, client_secret=client_secret, scope=scope, clock=clock
        )
        self.username = username
        self._password = Secret(checked(password, "password", in_header=False))

    def __repr__(self) -> str:
        return (
            f"OAuth2PasswordAuth(token_url={self.token_url!r}, client_id={self.client_id!r}, "
            f"username={self.username!r})"
        )

    def _grant(self) -> dict[str, str]:
        return {
            "grant_type": "password",
            "username": self.username,
            "password": self._password.get(),
        }

    def _who(self) -> str:
        return f"user {self.username!r}"


class OAuth2ClientCredentialsAuth(_OAuth2Auth):
    """OAuth2 client credentials grant: the client's own token, no user."""

    def __init__(
        self,
        token_url: str,
        *,
        client_id: str,
        client_secret: str,
        scope: str | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(
            token_url, client_id=client_id, client_secret=client_secret, scope=scope, clock=clock
        )

    def __repr__(self) -> str:
        return (
            f"OAuth2ClientCredentialsAuth(token_url={self.token_url!r}, "
            f"client_id={self.client_id!r})"
        )

    def _grant(self) -> dict[str, str]:
        return {"grant_type": "client_credentials"}

    def _who(self) -> str:
        return f"client {self.client_id!r}"


def _token(response: httpx.Response) -> str | None:
    """The access token of a successful token answer that can be sent; None otherwise."""
    token = _json_object(response).get("access_token") if response.is_success else None
    return token if isinstance(token, str) and _sendable(token) else None


def _seconds(value: Any) -> float | None:
    """``expires_in`` as positive finite seconds; servers send a number or a numeric string.

    Anything else (a bool, NaN, ``1e400``, an integer too large for a float) is no lifetime:
    the token is kept until a call answers 401.
    """
    if isinstance(value, bool):
        return None
    try:
        seconds = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return seconds if 0 < seconds < math.inf else None
