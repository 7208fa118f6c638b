"""A generated call's ``timeout``: left out, the client's; ``None``, none; a number, that one.

Before the ``NOT_GIVEN`` default, ``timeout=None`` meant the client's timeout, so no call could
go without one. Paged iterators pass their ``timeout`` on to every page they fetch.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from folio_erm_usage_harvester import AsyncClient, Client

CLIENT_TIMEOUT = 7.0
CASES = [
    pytest.param({}, CLIENT_TIMEOUT, id="left-out"),
    pytest.param({"timeout": None}, None, id="None"),
    pytest.param({"timeout": 2.5}, 2.5, id="a-number"),
]
PAGE = {"jobInfos": [], "totalRecords": 0}


def _calls(is_async: bool, options: dict[str, Any]) -> list[float | None]:
    """The read timeout of each request that ``get_jobs`` and ``iter_jobs`` sent."""
    seen: list[float | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"]["read"])
        return httpx.Response(200, json=PAGE)

    settings: dict[str, Any] = {
        "base_url": "http://folio.test",
        "tenant": "t",
        "token": "k",
        "timeout": CLIENT_TIMEOUT,
        "transport": httpx.MockTransport(handler),
    }
    if not is_async:
        with Client(**settings) as client:
            client.jobs.get_jobs(**options)
            list(client.jobs.iter_jobs(**options))
            client.jobs.with_raw_response.get_jobs(**options)
        return seen

    async def run() -> None:
        async with AsyncClient(**settings) as client:
            await client.jobs.get_jobs(**options)
            [job async for job in client.jobs.iter_jobs(**options)]
            await client.jobs.with_raw_response.get_jobs(**options)

    asyncio.run(run())
    return seen


@pytest.mark.parametrize(("options", "expected"), CASES)
@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_a_calls_timeout_is_its_own_or_the_clients(
    is_async: bool, options: dict[str, Any], expected: float | None
) -> None:
    assert _calls(is_async, options) == [expected, expected, expected]
