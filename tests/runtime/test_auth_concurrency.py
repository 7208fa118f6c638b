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
from runtime import _deadline as deadline
from runtime._errors import AuthenticationError
from runtime._oauth2 import OAuth2PasswordAuth

from tests.runtime.folio import folio_auth

BOTH = pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
THREADS, TASKS = 16, 200
TOKEN_TAKES = 0.05


class TokenServer:
    """A token endpoint that answers ``answers`` in turn (the last for ever), slowly; the API
    accepts only the latest token issued."""

    def __init__(
        self, *answers: Callable[[int], httpx.Response], takes: float = TOKEN_TAKES
    ) -> None:
        self.answers = answers
        self.takes = takes
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
            time.sleep(self.takes)
            return self._token()
        return self._call(request)

    async def asynchronous(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/token":
            await asyncio.sleep(self.takes)
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

            def one(start: threading.Barrier) -> Any:
                start.wait()  # every thread is running before any call: none comes late
                try:
                    return client.get("/jobs").status_code
                except Exception as error:
                    return error

            for _ in range(waves):
                start = threading.Barrier(THREADS, timeout=30)
                with ThreadPoolExecutor(max_workers=THREADS) as pool:
                    results += pool.map(one, [start] * THREADS)
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
    # A call that comes after the refusal asks again, as it should; on a loaded machine a
    # thread can start that late unless the refusal takes a while.
    server = TokenServer(refuse, takes=0.5)
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
    auth = folio_auth("diku", "old", username="admin", password="pw")
    assert concurrently(auth, server, asynchronous=asynchronous) == [200] * _calls(asynchronous)
    assert server.token_requests == 1


@BOTH
def test_folio_concurrent_first_calls_log_in_once(asynchronous: bool) -> None:
    server = FolioServer()
    auth = folio_auth("diku", username="admin", password="pw")
    assert concurrently(auth, server, asynchronous=asynchronous) == [200] * _calls(asynchronous)
    assert server.token_requests == 1


@BOTH
def test_a_call_waiting_for_another_calls_login_keeps_its_own_deadline(
    asynchronous: bool,
) -> None:
    """A job wait's deadline holds while its read waits for a slow login another call made."""
    released = threading.Event()  # the token endpoint answers once this is set

    def slow_login(number: int) -> httpx.Response:
        released.wait(5)
        return issue()(number)

    server = TokenServer(slow_login)
    auth = OAuth2PasswordAuth(
        "/token", client_id="c", client_secret="s3cr3t", username="u", password="p4ss"
    )
    waited: list[float] = []

    def second_call(get: Callable[[], Any]) -> Any:
        started = time.monotonic()
        try:
            with deadline.within(0.2), pytest.raises(httpx.TimeoutException):
                return get()
        finally:
            waited.append(time.monotonic() - started)
            released.set()

    if not asynchronous:
        transport = httpx.MockTransport(server.sync)
        with httpx.Client(base_url="http://api.test", auth=auth, transport=transport) as client:
            first = threading.Thread(target=client.get, args=("/jobs",))
            first.start()
            time.sleep(0.05)  # the first call's login is on the wire
            second_call(lambda: client.get("/jobs"))
            first.join()
    else:

        async def login_in_a_thread(request: httpx.Request) -> httpx.Response:
            return await asyncio.to_thread(server.sync, request)

        async def run() -> None:
            transport = httpx.MockTransport(login_in_a_thread)
            async with httpx.AsyncClient(
                base_url="http://api.test", auth=auth, transport=transport
            ) as client:
                first = asyncio.create_task(client.get("/jobs"))
                await asyncio.sleep(0.05)
                started = time.monotonic()
                try:
                    with deadline.within(0.2), pytest.raises(httpx.TimeoutException):
                        await client.get("/jobs")
                finally:
                    waited.append(time.monotonic() - started)
                    released.set()
                await first

        asyncio.run(run())
    assert waited[0] < 1.0, f"waited {waited[0]:.2f} s for the other call's login"
    assert server.token_requests == 1  # the waiting call did not log in itself
