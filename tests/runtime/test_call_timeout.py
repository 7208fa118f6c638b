"""A call's ``timeout``: left out, the client's; ``None``, none at all; a number, that number."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from runtime._notgiven import NOT_GIVEN
from runtime._operation import OperationSpec, ResponseSpec
from runtime._transport import AsyncTransport, CallOptions, SyncTransport

GET: OperationSpec[None] = OperationSpec("GET", "/things", (ResponseSpec(200, "empty"),))
CLIENT_TIMEOUT = 7.0

# What each way of passing ``timeout`` gives every phase (connect, read, write, pool).
CASES = [
    pytest.param({}, CLIENT_TIMEOUT, id="left-out"),
    pytest.param({"timeout": NOT_GIVEN}, CLIENT_TIMEOUT, id="NOT_GIVEN"),
    pytest.param({"timeout": None}, None, id="None"),
    pytest.param({"timeout": 2.5}, 2.5, id="a-number"),
]


def _recorder(seen: list[dict[str, Any]]) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"])
        return httpx.Response(200)

    return handler


def _phases(value: float | None) -> dict[str, float | None]:
    return dict.fromkeys(("connect", "read", "write", "pool"), value)


@pytest.mark.parametrize(("options", "expected"), CASES)
def test_a_sync_call_takes_its_timeout_or_the_clients(
    options: CallOptions, expected: float | None
) -> None:
    seen: list[dict[str, Any]] = []
    transport = SyncTransport(
        "http://api.test",
        timeout=CLIENT_TIMEOUT,
        transport=httpx.MockTransport(_recorder(seen)),
    )
    transport.request(GET, **options).parse()
    assert seen == [_phases(expected)]


@pytest.mark.parametrize(("options", "expected"), CASES)
def test_an_async_call_takes_its_timeout_or_the_clients(
    options: CallOptions, expected: float | None
) -> None:
    seen: list[dict[str, Any]] = []

    async def run() -> None:
        transport = AsyncTransport(
            "http://api.test",
            timeout=CLIENT_TIMEOUT,
            transport=httpx.MockTransport(_recorder(seen)),
        )
        (await transport.request(GET, **options)).parse()
        await transport.aclose()

    asyncio.run(run())
    assert seen == [_phases(expected)]


@pytest.mark.parametrize(("options", "expected"), CASES)
def test_a_streamed_call_takes_its_timeout_or_the_clients(
    options: CallOptions, expected: float | None
) -> None:
    seen: list[dict[str, Any]] = []
    transport = SyncTransport(
        "http://api.test",
        timeout=CLIENT_TIMEOUT,
        transport=httpx.MockTransport(_recorder(seen)),
    )
    with transport.stream(GET, **options):
        pass
    assert seen == [_phases(expected)]


@pytest.mark.parametrize(("options", "expected"), CASES)
def test_an_async_streamed_call_takes_its_timeout_or_the_clients(
    options: CallOptions, expected: float | None
) -> None:
    seen: list[dict[str, Any]] = []

    async def run() -> None:
        transport = AsyncTransport(
            "http://api.test",
            timeout=CLIENT_TIMEOUT,
            transport=httpx.MockTransport(_recorder(seen)),
        )
        async with await transport.stream(GET, **options):
            pass
        await transport.aclose()

    asyncio.run(run())
    assert seen == [_phases(expected)]


def test_the_sentinel_says_what_it_is_in_a_signature() -> None:
    assert repr(NOT_GIVEN) == "NOT_GIVEN"
