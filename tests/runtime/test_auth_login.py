"""LoginAuth is FOLIO's login made generic: the header, the endpoints and where each answers
the token are parameters, and a tenant is optional (FOLIO's flow: tests/runtime/test_auth.py)."""

from __future__ import annotations

import json

import httpx
import pytest
from runtime._auth import LoginAuth, LoginEndpoint
from runtime._errors import AuthenticationError

from tests.runtime.test_auth import BOTH, PASSWORD, call

ENDPOINTS = (
    LoginEndpoint("/v2/session", token_cookie="sid"),
    LoginEndpoint("/v1/session", token_field="token"),
)


def _login(**options: str) -> LoginAuth:
    return LoginAuth(
        username="ada", password=PASSWORD, header="X-Token", endpoints=ENDPOINTS, **options
    )


@BOTH
def test_a_login_without_a_tenant_sends_only_credentials_and_token(asynchronous: bool) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/v2/session":
            return httpx.Response(404)  # an older server: the next endpoint answers
        if request.url.path == "/v1/session":
            return httpx.Response(200, json={"token": "T1"})
        return httpx.Response(200 if request.headers.get("X-Token") == "T1" else 401)

    auth = _login()
    (response,) = call(auth, handler, asynchronous=asynchronous)
    assert response.status_code == 200
    assert [r.url.path for r in seen] == ["/v2/session", "/v1/session", "/jobs"]
    assert json.loads(seen[1].content) == {"username": "ada", "password": PASSWORD}
    assert auth.credential_headers == ("X-Token",)
    assert not any(name.lower().startswith("x-") for name in seen[1].headers)


@BOTH
def test_a_tenant_goes_with_the_login_and_every_call(asynchronous: bool) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/v2/session":
            return httpx.Response(200, headers={"set-cookie": "sid=T1; Path=/"})
        return httpx.Response(200)

    auth = _login(tenant="acme", tenant_header="X-Org")
    call(auth, handler, asynchronous=asynchronous)
    assert [r.headers.get("X-Org") for r in seen] == ["acme", "acme"]
    assert seen[1].headers["X-Token"] == "T1" and "sid" not in seen[1].headers.get("cookie", "")
    assert auth.credential_headers == ("X-Org", "X-Token")


@BOTH
def test_a_refused_login_without_a_tenant_names_the_user(asynchronous: bool) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(403, json={"error": "no"})

    with pytest.raises(AuthenticationError, match=r"login of user 'ada' failed \(HTTP 403\)"):
        call(_login(), handler, asynchronous=asynchronous)


def test_a_tenant_needs_its_header_and_a_login_an_endpoint() -> None:
    with pytest.raises(ValueError, match="tenant"):
        _login(tenant="acme")
    with pytest.raises(ValueError, match="endpoint"):
        LoginAuth("T", header="X-Token", endpoints=())
