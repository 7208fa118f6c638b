"""One login at a time: many first calls, threads or tasks, share one login per client.

The loopback server keeps ONE live token per user, as FOLIO and many OAuth2 servers do: each
login replaces the token before it, and a call carrying an older one answers 401. A client that
logs in once per concurrent call therefore fails some of its calls, besides flooding the login.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from tests.faults.probes import SECRETS
from tests.runtime.folio import folio_auth

LOGIN_TAKES = 0.05  # long enough for every concurrent first call to arrive during the login


@dataclass(frozen=True)
class System:
    """A generated client whose calls need a token, and how its server hands one out."""

    package: str
    login_path: str
    credentials: dict[str, str]
    call_path: str
    answer: dict[str, Any]
    call: Callable[[Any], Any]

    def client(self, base_url: str) -> Any:
        return importlib.import_module(self.package).Client(base_url=base_url, **self.credentials)

    def async_client(self, base_url: str) -> Any:
        return importlib.import_module(self.package).AsyncClient(
            base_url=base_url, **self.credentials
        )


FOLIO = System(
    "folio_data_export_spring",
    "/authn/login-with-expiry",
    {"tenant": "diku", "username": "admin", "password": SECRETS[3]},
    "/data-export-spring/jobs",
    {"jobRecords": [], "totalRecords": 0},
    lambda client: client.jobs.get_jobs(limit=5),
)
OAUTH2 = System(
    "liquid_decisions_batch",
    "/ls/api/oauth2/token",
    {
        "client_id": "toolkit",
        "client_secret": SECRETS[2],
        "username": "ada",
        "password": SECRETS[3],
        "community": "lib",
    },
    "/ls/api/batch/status",
    {"jobId": "job-1", "status": "Processing"},
    lambda client: client.batch.get_batch_status(job_id="job-1"),
)
SYSTEMS = pytest.mark.parametrize("system", [FOLIO, OAUTH2], ids=["folio", "oauth2"])


class LoginServer(ThreadingHTTPServer):
    """Counts logins; only the token of the latest login is accepted."""

    daemon_threads = True
    request_queue_size = 512

    def __init__(self, system: System) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.system = system
        self.lock = threading.Lock()
        self.logins = 0
        self.live: str | None = None
        self.refused = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def log_in(self) -> str:
        time.sleep(LOGIN_TAKES)
        with self.lock:
            self.logins += 1
            self.live = f"token-{self.logins}"
            return self.live

    def expire(self) -> None:
        """The server forgets the live token, as when it runs out: the next calls answer 401."""
        with self.lock:
            self.live = None

    def accepts(self, token: str | None) -> bool:
        with self.lock:
            if token is not None and token == self.live:
                return True
            self.refused += 1
            return False


class _Handler(BaseHTTPRequestHandler):
    server: LoginServer
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def _send(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path != self.server.system.login_path:
            self.do_GET()  # a call that posts (Liquid's status read)
            return
        token = self.server.log_in()
        if self.server.system is FOLIO:
            self._send(201, {}, {"Set-Cookie": f"folioAccessToken={token}; Path=/"})
        else:
            self._send(200, {"access_token": token, "expires_in": 3600})

    def do_GET(self) -> None:
        if not self.path.startswith(self.server.system.call_path):
            self._send(404, {"message": "no"})
            return
        if self.server.system is FOLIO:
            token = self.headers.get("X-Okapi-Token")
        else:
            token = (self.headers.get("Authorization") or "").removeprefix("Bearer ") or None
        if self.server.accepts(token):
            self._send(200, self.server.system.answer)
        else:
            self._send(401, {"message": "invalid token"})


@pytest.fixture
def login_server(request: pytest.FixtureRequest) -> Iterator[Callable[[System], LoginServer]]:
    started: list[LoginServer] = []

    def start(system: System) -> LoginServer:
        server = LoginServer(system)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.shutdown()
        server.server_close()


def _threads(client: Any, system: System, calls: int) -> list[Any]:
    with ThreadPoolExecutor(max_workers=calls) as pool:
        return list(pool.map(lambda _: system.call(client), range(calls)))


async def _tasks(client: Any, system: System, calls: int) -> list[Any]:
    return await asyncio.gather(*(system.call(client) for _ in range(calls)))


@SYSTEMS
def test_concurrent_first_calls_from_threads_share_one_login(
    system: System, login_server: Callable[[System], LoginServer]
) -> None:
    server = login_server(system)
    with system.client(server.url) as client:
        assert len(_threads(client, system, 32)) == 32  # none raised AuthenticationError
        assert server.logins == 1
        assert server.refused == 0
        server.expire()  # every call now meets a 401: one new login serves them all
        assert len(_threads(client, system, 16)) == 16
        assert server.logins == 2


@SYSTEMS
def test_concurrent_first_calls_from_tasks_share_one_login(
    system: System, login_server: Callable[[System], LoginServer]
) -> None:
    server = login_server(system)

    async def run() -> None:
        async with system.async_client(server.url) as client:
            assert len(await _tasks(client, system, 200)) == 200
            assert server.logins == 1
            assert server.refused == 0
            server.expire()
            assert len(await _tasks(client, system, 50)) == 50
            assert server.logins == 2

    asyncio.run(run())


def test_one_auth_object_serves_threads_and_two_event_loops_at_once(
    login_server: Callable[[System], LoginServer],
) -> None:
    """A login run by a thread wakes tasks of other loops, and the other way round."""
    server = login_server(FOLIO)
    runtime = importlib.import_module("folio_data_export_spring._runtime._auth")
    auth = folio_auth("diku", runtime_auth=runtime, username="admin", password=SECRETS[3])
    path = FOLIO.call_path

    def sync_calls() -> list[int]:
        with (
            httpx.Client(base_url=server.url, auth=auth) as client,
            ThreadPoolExecutor(max_workers=8) as pool,
        ):
            return list(pool.map(lambda _: client.get(path).status_code, range(8)))

    def async_calls() -> list[int]:
        async def run() -> list[int]:
            async with httpx.AsyncClient(base_url=server.url, auth=auth) as client:
                answers = await asyncio.gather(*(client.get(path) for _ in range(50)))
                return [answer.status_code for answer in answers]

        return asyncio.run(run())

    with ThreadPoolExecutor(max_workers=3) as pool:
        runs = [pool.submit(sync_calls), pool.submit(async_calls), pool.submit(async_calls)]
        statuses = [status for run in runs for status in run.result(timeout=10)]
    assert statuses == [200] * 108
    assert server.logins == 1
