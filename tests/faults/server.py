"""A real HTTP server on loopback that misbehaves on command.

Each connection is served by its own thread over a plain socket, so a fault can be anything a
broken server or network does: answer late or never, drip bytes, cut the connection halfway
(with a reset), lie about the length, or send what the spec does not promise. Requests to the
probed path take the next fault from ``plan``; every other path (a login, a token) is
answered normally. Each answer closes its connection, so open connections count the requests
in flight.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from typing import Any


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


Fault = Callable[[socket.socket, Request, "FaultServer"], None]


def _head(status: int, headers: dict[str, str], reason: str = "") -> bytes:
    lines = [f"HTTP/1.1 {status} {reason or _REASONS.get(status, 'Status')}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


_REASONS = {
    200: "OK",
    201: "Created",
    204: "No Content",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


def answer(
    status: int, body: bytes = b"", content_type: str = "application/json", **headers: str
) -> Fault:
    def send(connection: socket.socket, request: Request, server: FaultServer) -> None:
        sent = {"Content-Type": content_type, "Content-Length": str(len(body))}
        sent.update({k.replace("_", "-"): v for k, v in headers.items()})
        connection.sendall(_head(status, sent) + body)

    return send


def ok(connection: socket.socket, request: Request, server: FaultServer) -> None:
    """The answer the probe expects: its success status and a body that matches the spec."""
    status, body = server.success
    answer(status, json.dumps(body).encode())(connection, request, server)


def success_with(body: bytes, content_type: str = "application/json") -> Fault:
    """The probe's success status, with another body."""

    def send(connection: socket.socket, request: Request, server: FaultServer) -> None:
        answer(server.success[0], body, content_type)(connection, request, server)

    return send


def retry_after_date(seconds: int) -> Fault:
    def send(connection: socket.socket, request: Request, server: FaultServer) -> None:
        when = formatdate(time.time() + seconds, usegmt=True)
        answer(429, b'{"message": "slow down"}', Retry_After=when)(connection, request, server)

    return send


def reset_mid_body(connection: socket.socket, request: Request, server: FaultServer) -> None:
    """Headers promise 4096 bytes; 10 arrive, then the connection is reset (RST, not FIN)."""
    connection.sendall(_head(200, {"Content-Type": "application/json", "Content-Length": "4096"}))
    connection.sendall(b'{"items": [')
    time.sleep(0.05)
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def short_body(connection: socket.socket, request: Request, server: FaultServer) -> None:
    """Content-Length says 200; the server closes after 20 (a clean close, a short body)."""
    connection.sendall(_head(200, {"Content-Type": "application/json", "Content-Length": "200"}))
    connection.sendall(b'{"totalRecords": 1, ')


def stall(connection: socket.socket, request: Request, server: FaultServer) -> None:
    """Never answer: only the client's timeout ends the call."""
    server.stopping.wait(30)


def drip(connection: socket.socket, request: Request, server: FaultServer) -> None:
    """Headers at once, then one byte every 50 ms: each read is quick, the whole is not."""
    body = json.dumps(server.success[1]).encode().ljust(2000)
    connection.sendall(
        _head(200, {"Content-Type": "application/json", "Content-Length": str(len(body))})
    )
    for index in range(len(body)):
        if server.stopping.wait(0.05):
            return
        try:
            connection.sendall(body[index : index + 1])
        except OSError:
            return  # the client gave up: that is the point


def download(size: int, chunk: int = 1 << 16) -> Fault:
    """``size`` bytes, chunked, made as they are sent: the server holds one 64 KiB chunk at a
    time, so that memory measured in this process is the client's."""

    def send(connection: socket.socket, request: Request, server: FaultServer) -> None:
        connection.sendall(
            _head(200, {"Content-Type": "application/octet-stream", "Transfer-Encoding": "chunked"})
        )
        block = bytes(range(256)) * (chunk // 256)
        left = size
        try:
            while left:
                piece = block[: min(chunk, left)]
                connection.sendall(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                left -= len(piece)
            connection.sendall(b"0\r\n\r\n")
        except OSError:
            return

    return send


@dataclass
class FaultServer:
    probe_path: str  # requests whose path starts with this take faults from the plan
    success: tuple[int, Any]  # what `ok` answers
    routes: dict[str, tuple[int, Any]] = field(default_factory=dict)  # other paths: fixed answers
    plan: deque[Fault] = field(default_factory=deque)
    stopping: threading.Event = field(default_factory=threading.Event)
    requests: list[Request] = field(default_factory=list)
    open_connections: int = 0
    most_open_connections: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._socket = socket.create_server(("127.0.0.1", 0), backlog=512)
        self.port = self._socket.getsockname()[1]
        self._threads: list[threading.Thread] = []
        self._acceptor = threading.Thread(target=self._accept, daemon=True)
        self._acceptor.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def expect(self, *faults: Fault) -> None:
        """The next requests to the probed path get these, in order; then `ok`."""
        with self._lock:
            self.plan.clear()
            self.plan.extend(faults)
            self.requests.clear()
            self.most_open_connections = 0

    def probed(self) -> list[Request]:
        return [r for r in self.requests if r.path.startswith(self.probe_path)]

    def close(self) -> None:
        self.stopping.set()
        self._socket.close()

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(connection,), daemon=True)
            thread.start()

    def _serve(self, connection: socket.socket) -> None:
        with self._lock:
            self.open_connections += 1
            self.most_open_connections = max(self.most_open_connections, self.open_connections)
        try:
            request = _read_request(connection)
            if request is None:
                return
            with self._lock:
                self.requests.append(request)
                if request.path.startswith(self.probe_path):
                    fault = self.plan.popleft() if self.plan else ok
                else:
                    status, body = self.routes.get(
                        request.path.split("?")[0], (404, {"message": "no"})
                    )
                    fault = answer(status, json.dumps(body).encode())
            fault(connection, request, self)
        except OSError:
            pass
        finally:
            try:
                connection.close()
            finally:
                with self._lock:
                    self.open_connections -= 1


def _read_request(connection: socket.socket) -> Request | None:
    connection.settimeout(10)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, target, _ = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0") or 0)
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            break
        body += chunk
    connection.settimeout(None)
    return Request(method, target, headers, body)


def closed_port() -> int:
    """A loopback port nobody listens on: connecting is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
