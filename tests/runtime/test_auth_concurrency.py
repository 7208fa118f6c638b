"""One token request in flight per auth object: concurrent calls wait for it, whatever its end.

Threads share a sync client, tasks an async one; the fake token endpoint takes a while, so
every call arrives while the first login is still on the wire.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from runtime._auth import FolioAuth, OAuth2PasswordAuth
from runtime._errors import AuthenticationError

BOTH = pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
THREADS, TASKS = 16, 200
TOKEN_TAKES = 0.05


class TokenServer:
    """A token endpoint that answers ``answers`` in turn (the last for ever), slowly; the API
    accepts only the latest token issued."""

    def __init__(self, *answers: Callable[[int], httpx.Response]) -> None:
        self.answers = answers
        self.lock = threading.Lock()
        self.token_requests = 0
        self.live: str | None = None

    def _token(self) -> httpx.Response:
        with self.lock:
            self.token_requests += 1
            number = self.token_requests
        response = self.answers[min(number, len(self.answers)) - 1](number)
        if response.status_code == 200:
            with self.lock:
                self.live = response.json()["access_token"]
        return response

    def _call(self, request: httpx.Request) -> httpx.Response:
        bearer = request.headers.get("authorization", "").removeprefix("Bearer ")
        with self.lock:
            return httpx.Response(200 if bearer == self.live else 401)

    def sync(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/token":
            time.sleep(TOKEN_TAKES)
            return self._token()
        return self._call(request)

    async def asynchronous(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/token":
            await asyncio.sleep(TOKEN_TAKES)
            return self._token()
        return self._call(request)


def issue(expires_in: float | None = None) -> Callable[[int], httpx.Response]:
    def answer(number: int) -> httpx.Response:
        body: dict[str, Any] = {"access_token": f"T{number}"}
        if expires_in is not None:
            body["expires_in"] = expires_in
        return httpx.Response(200, json=body)

    return answer


def refuse(number: int) -> httpx.Response:
    return httpx.Response(400, json={"error": "invalid_grant"})


def cut(number: int) -> httpx.Response:
    raise httpx.ConnectError("connection reset by peer")


def oauth(clock: Callable[[], float] = time.monotonic) -> OAuth2PasswordAuth:
    return OAuth2PasswordAuth(
        "/token", client_id="c", client_secret="s", username="u", password="p", clock=clock
    )


def concurrently(
    auth: httpx.Auth, server: TokenServer, *, asynchronous: bool, waves: int = 1
) -> list[Any]:
    """Each wave: many concurrent GETs; their status codes, or the errors they raised."""
    results: list[Any] = []
    if not asynchronous:
        transport = httpx.MockTransport(server.sync)
        with httpx.Client(base_url="http://api.test", auth=auth, transport=transport) as client:

            def one(_: int) -> Any:
                try:
                    return client.get("/jobs").status_code
                except Exception as error:
                    return error

            for _ in range(waves):
                with ThreadPoolExecutor(max_workers=THREADS) as pool:
                    results += pool.map(one, range(THREADS))
        return results

    async def run() -> list[Any]:
        transport = httpx.MockTransport(server.asynchronous)
        async with httpx.AsyncClient(
            base_url="http://api.test", auth=auth, transport=transport
        ) as client:

            async def one() -> Any:
                try:
                    return (await client.get("/jobs")).status_code
                except Exception as error:
                    return error

            for _ in range(waves):
                results.extend(await asyncio.gather(*(one() for _ in range(TASKS))))
        return results

    return asyncio.run(run())


def _calls(asynchronous: bool) -> int:
    return TASKS if asynchronous else THREADS


@BOTH
def test_concurrent_first_calls_make_one_token_request(asynchronous: bool) -> None:
    server = TokenServer(issue())
    results = concurrently(oauth(), server, asynchronous=asynchronous)
    assert results == [200] * _calls(asynchronous)
    assert server.token_requests == 1


@BOTH
def test_a_token_due_for_refresh_is_refreshed_once(asynchronous: bool) -> None:
    now = [0.0]
    server = TokenServer(issue(expires_in=100))
    auth = oauth(clock=lambda: now[0])
    assert concurrently(auth, server, asynchronous=asynchronous) == [200] * _calls(asynchronous)
    now[0] = 95.0  # past the early refresh
    assert concurrently(auth, server, asynchronous=asynchronous) == [200] * _calls(asynchronous)
    assert server.token_requests == 2


@BOTH
def test_a_refused_login_fails_every_waiting_call_with_one_request(asynchronous: bool) -> None:
    server = TokenServer(refuse)
    results = concurrently(oauth(), server, asynchronous=asynchronous)
    assert len(results) == _calls(asynchronous)
    assert all(isinstance(result, AuthenticationError) for result in results)
    assert server.token_requests == 1


@BOTH
def test_a_login_cut_short_lets_the_next_waiting_call_log_in(asynchronous: bool) -> None:
    server = TokenServer(cut, issue())
    results = concurrently(oauth(), server, asynchronous=asynchronous)
    failed = [result for result in results if result != 200]
    assert len(failed) == 1 and isinstance(failed[0], httpx.ConnectError)  # the cut login's own
    assert server.token_requests == 2


class FolioServer(TokenServer):
    """Okapi in miniature: each login issues L1, L2, ... and only the latest one is accepted."""

    def _token(self) -> httpx.Response:
        with self.lock:
            self.token_requests += 1
            self.live = f"L{self.token_requests}"
            return httpx.Response(201, headers={"set-cookie": f"folioAccessToken={self.live}"})

    def _call(self, request: httpx.Request) -> httpx.Response:
        with self.lock:
            return httpx.Response(200 if request.headers["x-okapi-token"] == self.live else 401)

    def sync(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/authn/login-with-expiry":
            time.sleep(TOKEN_TAKES)
            return self._token()
        return self._call(request)

    async def asynchronous(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/authn/login-with-expiry":
            await asyncio.sleep(TOKEN_TAKES)
            return self._token()
        return self._call(request)


@BOTH
def test_folio_calls_that_all_meet_a_401_log_in_once(asynchronous: bool) -> None:
    """A given token the server no longer takes: every call meets a 401, one logs in."""
    server = FolioServer()
    auth = FolioAuth("diku", "old", username="admin", password="pw")
    assert concurrently(auth, server, asynchronous=asynchronous) == [200] * _calls(asynchronous)
    assert server.token_requests == 1


@BOTH
def test_folio_concurrent_first_calls_log_in_once(asynchronous: bool) -> None:
    server = FolioServer()
    auth = FolioAuth("diku", username="admin", password="pw")
    assert concurrently(auth, server, asynchronous=asynchronous) == [200] * _calls(asynchronous)
    assert server.token_requests == 1
