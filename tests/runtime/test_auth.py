from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from runtime._auth import ApiKeyAuth, FolioAuth, OAuth2PasswordAuth
from runtime._errors import AuthenticationError


def _client(auth: httpx.Auth, handler: Any) -> httpx.Client:
    return httpx.Client(
        base_url="http://api.test", auth=auth, transport=httpx.MockTransport(handler)
    )


def test_folio_sends_tenant_and_token() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200)

    _client(FolioAuth("diku", "TOKEN"), handler).get("/jobs")
    assert seen[0].headers["x-okapi-tenant"] == "diku"
    assert seen[0].headers["x-okapi-token"] == "TOKEN"


def _folio_server(tokens: list[str], legacy: bool = False) -> tuple[Any, list[str]]:
    log: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        log.append(f"{request.method} {request.url.path} {request.headers.get('x-okapi-token')}")
        if request.url.path == "/authn/login-with-expiry":
            if legacy:
                return httpx.Response(404)
            return httpx.Response(201, headers={"set-cookie": f"folioAccessToken={tokens.pop(0)}"})
        if request.url.path == "/authn/login":
            return httpx.Response(201, headers={"x-okapi-token": tokens.pop(0)})
        valid = request.headers.get("x-okapi-token") == "FRESH"
        return httpx.Response(200 if valid else 401)

    return handler, log


def test_folio_logs_in_and_logs_in_again_once_on_401() -> None:
    handler, log = _folio_server(["STALE", "FRESH"])
    response = _client(FolioAuth("diku", username="admin", password="PASSWORD"), handler).get(
        "/jobs"
    )
    assert response.status_code == 200
    assert log == [
        "POST /authn/login-with-expiry None",
        "GET /jobs STALE",
        "POST /authn/login-with-expiry None",
        "GET /jobs FRESH",
    ]


def test_folio_falls_back_to_the_legacy_login() -> None:
    handler, log = _folio_server(["FRESH"], legacy=True)
    client = _client(FolioAuth("diku", username="admin", password="PASSWORD"), handler)
    assert client.get("/jobs").status_code == 200
    assert log[1] == "POST /authn/login None"


def test_folio_login_failure_is_typed_and_keeps_the_password_out() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(422, json={"errors": [{"message": "bad credentials"}]})

    auth = FolioAuth("diku", username="admin", password="PASSWORD")
    with pytest.raises(AuthenticationError) as raised:
        _client(auth, handler).get("/jobs")
    assert "PASSWORD" not in str(raised.value) and "PASSWORD" not in repr(auth)


def test_alma_key_goes_in_the_authorization_header() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200)

    auth = ApiKeyAuth("KEY", header="Authorization", prefix="apikey ")
    _client(auth, handler).get("/conf/jobs")
    assert seen[0].headers["authorization"] == "apikey KEY"
    assert "KEY" not in repr(auth).replace("ApiKeyAuth", "")
    assert "apikey" not in str(seen[0].url)


def _oauth_server() -> tuple[Any, list[str]]:
    log: list[str] = []
    issued = iter(["T1", "T2", "T3"])
    valid: set[str] = set()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/ls/api/oauth2/token":
            assert b"grant_type=password" in request.content
            token = next(issued)
            log.append(f"token {token}")
            return httpx.Response(200, json={"access_token": token})
        bearer = request.headers["authorization"].removeprefix("Bearer ")
        log.append(f"call {bearer}")
        if bearer == "T1" and len(log) > 3:  # the first token expires after two calls
            return httpx.Response(401)
        valid.add(bearer)
        return httpx.Response(200)

    return handler, log


def test_oauth2_token_is_cached_and_fetched_again_once_on_401() -> None:
    handler, log = _oauth_server()
    auth = OAuth2PasswordAuth(
        "/ls/api/oauth2/token",
        client_id="c",
        client_secret="SECRET",
        username="u",
        password="PASSWORD",
        scope="community=x",
    )
    client = _client(auth, handler)
    for _ in range(3):
        assert client.post("/ls/api/batch/status").status_code == 200
    assert log == ["token T1", "call T1", "call T1", "call T1", "token T2", "call T2"]
    assert "SECRET" not in repr(auth) and "PASSWORD" not in repr(auth)


def test_the_same_flows_serve_the_async_client() -> None:
    handler, log = _oauth_server()
    auth = OAuth2PasswordAuth(
        "/ls/api/oauth2/token", client_id="c", client_secret="s", username="u", password="p"
    )

    async def run() -> int:
        async with httpx.AsyncClient(
            base_url="http://api.test", auth=auth, transport=httpx.MockTransport(handler)
        ) as client:
            return (await client.post("/ls/api/batch/status")).status_code

    assert asyncio.run(run()) == 200
    assert log == ["token T1", "call T1"]
