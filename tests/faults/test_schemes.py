"""Every kind of security scheme on the wire, from a generated client to a loopback server:
each credential where its scheme says, each operation's own requirement (none, alternatives,
AND), OAuth2 client credentials' token kept, fetched again once on a 401, with the refresh
token first; sync and async."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import imported
from tests.faults.schemes import generate

BOTH = pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
CREDENTIALS = {
    "token": "bearer-SECRET",
    "api_key": "header-SECRET",
    "key_query_api_key": "q&SECRET",  # to be encoded in the URL
    "key_cookie_api_key": "cookie-SECRET",
    "raw_token": "Custom raw-SECRET",
    "code_token": "code-SECRET",
    "client_id": "me",
    "client_secret": "client-SECRET",
}


class _Server(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.seen: list[tuple[str, str, dict[str, str], dict[str, list[str]]]] = []
        self.tokens = 0
        self.current = ""
        self.refresh = ""
        self.refresh_works = True


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _answer(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _record(self, form: dict[str, list[str]]) -> None:
        headers = {k.lower(): v for k, v in self.headers.items()}
        self.server.seen.append((self.command, self.path, headers, form))

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        form = parse_qs(self.rfile.read(length).decode())
        self._record(form)
        server = self.server
        grant = form.get("grant_type", [""])[0]
        if grant == "refresh_token" and not (
            server.refresh_works and form.get("refresh_token") == [server.refresh]
        ):
            self._answer(400, {"error": "invalid_grant"})
            return
        server.tokens += 1
        server.current, server.refresh = f"T{server.tokens}", f"R{server.tokens}"
        answer = {"access_token": server.current, "refresh_token": server.refresh}
        self._answer(200, {**answer, "token_type": "bearer", "expires_in": 300})

    def do_GET(self) -> None:
        self._record({})
        if (
            self.path == "/cc"
            and self.headers.get("Authorization") != f"Bearer {self.server.current}"
        ):
            self._answer(401, {"error": "expired"})
            return
        self._answer(200, {"done": True})


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, str]]:
    folder, warnings = generate(tmp_path_factory.mktemp("schemes"))
    with imported(folder) as module:
        yield module, warnings


@pytest.fixture
def package(generated: tuple[ModuleType, str]) -> ModuleType:
    return generated[0]


@pytest.fixture
def server() -> Iterator[_Server]:
    running = _Server()
    thread = threading.Thread(target=running.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        yield running
    finally:
        running.shutdown()
        running.server_close()


def _calls(
    package: ModuleType,
    server: _Server,
    is_async: bool,
    use: Callable[[Any], list[Any]],
    **given: Any,
) -> list[Any]:
    """``use(client)``'s calls, made by a client of the loopback server with ``given``."""
    base_url = f"http://127.0.0.1:{server.server_port}"
    if not is_async:
        with package.Client(base_url=base_url, max_retries=0, **given) as client:
            return [call() for call in use(client)]

    async def run() -> list[Any]:
        async with package.AsyncClient(base_url=base_url, max_retries=0, **given) as client:
            return [await call() for call in use(client)]

    return asyncio.run(run())


def _request(server: _Server, path: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """The headers and the query of the last request to ``path``."""
    for _, sent, headers, _ in reversed(server.seen):
        url = urlsplit(sent)
        if url.path == path:
            return headers, parse_qs(url.query)
    raise AssertionError(f"nothing was sent to {path}")


_CREDENTIAL_HEADERS = ("authorization", "x-key", "cookie")


@BOTH
def test_each_scheme_sends_its_credential_where_the_spec_says(
    package: ModuleType, server: _Server, is_async: bool
) -> None:
    provided = iter(["oidc-1", "oidc-2"])
    _calls(
        package, server, is_async,
        lambda c: [c.calls.by_default, c.calls.either, c.calls.both, c.calls.raw,
                   c.calls.authorization_code, c.calls.open_id_connect, c.calls.open_id_connect],
        oidc_token=lambda: next(provided), username="user", password="pw-SECRET", **CREDENTIALS,
    )  # fmt: skip
    assert _request(server, "/default")[0]["authorization"] == "Bearer bearer-SECRET"
    # alternatives: the first whose credentials were given, and only that one
    either = _request(server, "/either")[0]
    assert either["x-key"] == "header-SECRET" and "authorization" not in either
    # AND: both the query key and the cookie, on the same request, and nothing else
    both, query = _request(server, "/both")
    assert query == {"appid": ["q&SECRET"]} and both["cookie"] == "sid=cookie-SECRET"
    assert "authorization" not in both and "x-key" not in both
    assert _request(server, "/raw")[0]["authorization"] == "Custom raw-SECRET"
    assert _request(server, "/code")[0]["authorization"] == "Bearer code-SECRET"
    # a token provider is asked for every request
    oidc = [h["authorization"] for _, p, h, _ in server.seen if p == "/oidc"]
    assert oidc == ["Bearer oidc-1", "Bearer oidc-2"]


def test_the_async_client_takes_an_async_token_provider(
    package: ModuleType, server: _Server
) -> None:
    provided = iter(["oidc-1", "oidc-2"])

    async def token() -> str:
        await asyncio.sleep(0)  # as a provider refreshing over the network would
        return next(provided)

    _calls(
        package, server, True, lambda c: [c.calls.open_id_connect, c.calls.open_id_connect],
        oidc_token=token,
    )  # fmt: skip
    oidc = [h["authorization"] for _, p, h, _ in server.seen if p == "/oidc"]
    assert oidc == ["Bearer oidc-1", "Bearer oidc-2"]


@BOTH
def test_an_operation_with_empty_security_sends_no_credentials(
    package: ModuleType, server: _Server, is_async: bool
) -> None:
    _calls(
        package,
        server,
        is_async,
        lambda c: [c.calls.open],
        username="u",
        password="p",
        **CREDENTIALS,
    )
    headers, query = _request(server, "/open")
    assert not [h for h in _CREDENTIAL_HEADERS if h in headers] and not query


@BOTH
def test_an_alternative_is_taken_when_only_its_credentials_are_given(
    package: ModuleType, server: _Server, is_async: bool
) -> None:
    _calls(package, server, is_async, lambda c: [c.calls.either], username="user", password="pw")
    headers = _request(server, "/either")[0]
    assert headers["authorization"] == "Basic " + base64.b64encode(b"user:pw").decode()
    assert "x-key" not in headers


@BOTH
def test_without_the_credentials_an_operation_needs_the_servers_401_is_authentication_error(
    package: ModuleType, server: _Server, is_async: bool
) -> None:
    with pytest.raises(package.errors.AuthenticationError):
        _calls(package, server, is_async, lambda c: [c.calls.client_credentials], token="t")
    assert "authorization" not in _request(server, "/cc")[0]


def _token_requests(server: _Server) -> list[str]:
    return [form["grant_type"][0] for method, _, _, form in server.seen if method == "POST"]


@BOTH
def test_client_credentials_token_is_kept_and_refreshed_once_on_401_with_the_refresh_token(
    package: ModuleType, server: _Server, is_async: bool
) -> None:
    def use(client: Any) -> list[Any]:
        def expire() -> Any:
            server.current = "revoked"  # the server forgets the token: the next call is a 401
            return client.calls.client_credentials()

        return [client.calls.client_credentials, client.calls.client_credentials, expire]

    _calls(package, server, is_async, use, client_id="me", client_secret="client-SECRET")
    assert _token_requests(server) == ["client_credentials", "refresh_token"]
    first = next(form for method, _, _, form in server.seen if method == "POST")
    assert first["client_id"] == ["me"] and first["client_secret"] == ["client-SECRET"]
    refresh = [form for method, _, _, form in server.seen if method == "POST"][1]
    assert refresh["refresh_token"] == ["R1"]
    assert [p for m, p, _, _ in server.seen if m == "GET"] == [
        "/cc"
    ] * 4  # one retry, after the 401


@BOTH
def test_a_refused_refresh_token_falls_back_to_the_grant(
    package: ModuleType, server: _Server, is_async: bool
) -> None:
    def use(client: Any) -> list[Any]:
        def expire() -> Any:
            server.current, server.refresh_works = "revoked", False
            return client.calls.client_credentials()

        return [client.calls.client_credentials, expire]

    _calls(package, server, is_async, use, client_id="me", client_secret="client-SECRET")
    assert _token_requests(server) == ["client_credentials", "refresh_token", "client_credentials"]


@BOTH
def test_a_second_401_after_a_new_token_is_authentication_error(
    package: ModuleType, server: _Server, is_async: bool
) -> None:
    def use(client: Any) -> list[Any]:
        def always_expired() -> Any:
            server.refresh_works = False
            server.RequestHandlerClass = _Refusing
            return client.calls.client_credentials()

        return [always_expired]

    with pytest.raises(package.errors.AuthenticationError):
        _calls(package, server, is_async, use, client_id="me", client_secret="client-SECRET")
    # the refresh token is tried first, refused, then the grant itself: one new token, one retry
    assert _token_requests(server) == ["client_credentials", "refresh_token", "client_credentials"]
    assert [p for m, p, _, _ in server.seen if m == "GET"] == ["/cc", "/cc"]


class _Refusing(_Handler):
    def do_GET(self) -> None:
        self._record({})
        self._answer(401, {"error": "expired"})


@BOTH
def test_a_query_api_key_is_blanked_in_logged_urls(
    package: ModuleType, server: _Server, is_async: bool, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        _calls(package, server, is_async, lambda c: [c.calls.both], key_query_api_key="abc",
               key_cookie_api_key="cookie-SECRET")  # fmt: skip
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "/both?appid=***" in logged
    assert "appid=abc" not in logged and "cookie-SECRET" not in logged


def test_a_scheme_the_client_cannot_send_is_a_warning_naming_its_pointer(
    generated: tuple[ModuleType, str],
) -> None:
    warnings = generated[1]
    assert "#/components/securitySchemes/tls: security scheme 'tls' (type 'mutualTLS')" in warnings
    assert "#/paths/~1tls/get/security/0" in warnings


def test_some_credentials_of_a_scheme_without_the_others_are_refused(package: ModuleType) -> None:
    for client in (package.Client, package.AsyncClient):
        with pytest.raises(ValueError, match="'basic' credentials also need password"):
            client(username="user")


def test_the_package_of_every_scheme_kind_type_checks(
    generated: tuple[ModuleType, str], mypy_cache: Path
) -> None:
    package = Path(generated[0].__file__ or "").parent
    typed = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache), package.name],
        cwd=package.parent, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert typed.returncode == 0, typed.stdout
