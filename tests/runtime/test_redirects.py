"""Redirects followed by the transport: how far, and what counts as another origin."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from runtime._errors import APIStatusError
from runtime._operation import OperationSpec, ResponseSpec
from runtime._schemes import ApiKeyAuth
from runtime._transport import AsyncTransport, SyncTransport

GET = OperationSpec("GET", "/things", (ResponseSpec(200, "json", None),))
BOTH = pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
KEY = "k3y-s3cr3t"


def _call(asynchronous: bool, handler: httpx.MockTransport, **client: object) -> None:
    options = {"transport": handler, "follow_redirects": True, **client}
    if not asynchronous:
        with httpx.Client(**options) as http:  # type: ignore[arg-type]
            SyncTransport("http://api.test", auth=ApiKeyAuth(KEY), http_client=http).request(GET)
        return

    async def run() -> None:
        async with httpx.AsyncClient(**options) as http:  # type: ignore[arg-type]
            transport = AsyncTransport("http://api.test", auth=ApiKeyAuth(KEY), http_client=http)
            await transport.request(GET)

    asyncio.run(run())


@BOTH
def test_redirects_stop_at_the_http_clients_max_redirects(asynchronous: bool) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(307, headers={"Location": f"/things?hop={len(seen)}"})

    with pytest.raises(APIStatusError) as raised:
        _call(asynchronous, httpx.MockTransport(handler), max_redirects=3)
    assert raised.value.status_code == 307  # the last redirect is the answer
    assert len(seen) == 4
    assert all(r.headers["Authorization"] == f"apikey {KEY}" for r in seen)  # all same origin


@BOTH
@pytest.mark.parametrize(
    "target",
    ["https://api.test/things", "http://api.test:8080/things", "http://other.test/things"],
    ids=["http-to-https", "another-port", "another-host"],
)
def test_scheme_port_and_host_each_make_another_origin(asynchronous: bool, target: str) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if len(seen) == 1:
            return httpx.Response(
                302, headers={"Location": target, "Set-Cookie": "session=s3ss-s3cr3t; Path=/"}
            )
        return httpx.Response(200, json={})

    _call(asynchronous, httpx.MockTransport(handler))
    hop = seen[1]
    assert str(hop.url) == target
    assert "Authorization" not in hop.headers and "Cookie" not in hop.headers
