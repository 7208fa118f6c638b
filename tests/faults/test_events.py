"""Server-sent events over a real socket: each event as it comes, the connection closed early.

The server sends one event, then waits until the client has it before sending the next: a
client that read the whole body first would never see the first. Then it keeps the stream
open and watches for the client hanging up, which breaking out of the loop must do.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from folio_orders_storage._runtime._errors import NotFoundError
from folio_orders_storage._runtime._operation import OperationSpec, ResponseSpec
from folio_orders_storage._runtime._sse import AsyncEventStream, EventStream
from folio_orders_storage._runtime._transport import AsyncTransport, SyncTransport

from tests.faults.server import FaultServer, Request, _head, answer

SPEC: OperationSpec[Any] = OperationSpec("GET", "/events", (ResponseSpec(200, "events"),))
BOTH = pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])


class Slow:
    """A fault: the first event, then (once the client has it) the second, then silence
    until the client hangs up."""

    def __init__(self) -> None:
        self.first_read = threading.Event()
        self.second_sent_after_first_read = False
        self.hung_up = threading.Event()

    def __call__(self, connection: socket.socket, request: Request, server: FaultServer) -> None:
        connection.sendall(_head(200, {"Content-Type": "text/event-stream"}))
        connection.sendall(b"id: 1\ndata: first\n\n")
        self.second_sent_after_first_read = self.first_read.wait(5)
        connection.sendall(b": ping\r\ndata: sec")
        connection.sendall(b"ond\r\n\r\n")
        connection.settimeout(5)
        try:
            while connection.recv(4096):
                pass
        except OSError:
            return
        self.hung_up.set()


@pytest.fixture
def server() -> Iterator[FaultServer]:
    running = FaultServer("/events", (200, {}))
    yield running
    running.close()


def _read_two(server: FaultServer, slow: Slow, asynchronous: bool) -> list[str]:
    seen: list[str] = []
    if not asynchronous:
        transport = SyncTransport(server.url, timeout=5)
        with EventStream(transport.stream(SPEC).http_response, SPEC) as events:
            for event in events:
                seen.append(event.data)
                slow.first_read.set()
                if len(seen) == 2:
                    break
        transport.close()
        return seen

    async def main() -> None:
        transport = AsyncTransport(server.url, timeout=5)
        streamed = await transport.stream(SPEC)
        async with AsyncEventStream(streamed.http_response, SPEC) as events:
            async for event in events:
                seen.append(event.data)
                slow.first_read.set()
                if len(seen) == 2:
                    break
        await transport.aclose()

    asyncio.run(main())
    return seen


@BOTH
def test_each_event_arrives_before_the_next_is_sent_and_leaving_hangs_up(
    server: FaultServer, asynchronous: bool
) -> None:
    slow = Slow()
    server.expect(slow)
    assert _read_two(server, slow, asynchronous) == ["first", "second"]
    assert slow.second_sent_after_first_read  # incremental: not the whole body first
    assert slow.hung_up.wait(5)  # the connection was closed when the loop was left
    assert server.probed()[0].headers["accept"] == "text/event-stream"


@BOTH
def test_a_status_error_before_the_stream_is_the_package_error(
    server: FaultServer, asynchronous: bool
) -> None:
    server.expect(answer(404, b'{"message": "no such stream"}'))
    with pytest.raises(NotFoundError) as caught:
        if asynchronous:

            async def main() -> None:
                transport = AsyncTransport(server.url, timeout=5)
                try:
                    await transport.stream(SPEC)
                finally:
                    await transport.aclose()

            asyncio.run(main())
        else:
            transport = SyncTransport(server.url, timeout=5)
            try:
                transport.stream(SPEC)
            finally:
                transport.close()
    assert caught.value.body == {"message": "no such stream"}
