"""A caller's http client is used as it is: the transport changes nothing on it.

Each call carries the base URL, the default headers, the timeout and the credentials itself;
the http client's own headers, cookies and event hooks still apply, and it is not closed.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from runtime._operation import OperationSpec, ResponseSpec
from runtime._schemes import ApiKeyAuth
from runtime._transport import AsyncTransport, SyncTransport

GET = OperationSpec("GET", "/things/{id}", (ResponseSpec(200, "json", None),))
BOTH = pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])


def _state(client: httpx.Client | httpx.AsyncClient) -> dict[str, Any]:
    return {
        "base_url": str(client.base_url),
        "headers": list(client.headers.multi_items()),
        "auth": client.auth,
        "timeout": client.timeout,
        "follow_redirects": client.follow_redirects,
        "max_redirects": client.max_redirects,
        "closed": client.is_closed,
    }


class Recorder:
    def __init__(self) -> None:
        self.seen: list[httpx.Request] = []
        self.hooks: list[str] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        return httpx.Response(200, json={"id": "1"})


def _use(asynchronous: bool, recorder: Recorder, **options: Any) -> dict[str, Any]:
    """Build a transport on a caller's client, make two calls, close it; the client's state
    before and after."""
    caller_auth = httpx.BasicAuth("caller", "theirs")
    config: dict[str, Any] = {
        "base_url": "http://caller.test/prefix",
        "headers": {"X-Caller": "kept", "User-Agent": "caller/1"},
        "auth": caller_auth,
        "timeout": 99.0,
        "follow_redirects": True,
        "max_redirects": 3,
    }
    arguments: dict[str, Any] = {
        "auth": ApiKeyAuth("k-1"),
        "timeout": 2.5,
        "default_headers": {"X-Ours": "ours"},
        **options,
    }
    if not asynchronous:
        hooks = {
            "request": [lambda r: recorder.hooks.append("request")],
            "response": [lambda r: recorder.hooks.append("response")],
        }
        sync_client = httpx.Client(
            transport=httpx.MockTransport(recorder.handler), event_hooks=hooks, **config
        )
        before = _state(sync_client)
        transport = SyncTransport("http://api.test/base", http_client=sync_client, **arguments)
        transport.request(GET, path_params={"id": "1"})
        transport.request(GET, path_params={"id": "2"}, timeout=7.0)
        transport.close()
        return {"before": before, "after": _state(sync_client)}

    async def request_hook(request: httpx.Request) -> None:
        recorder.hooks.append("request")

    async def response_hook(response: httpx.Response) -> None:
        recorder.hooks.append("response")

    async def run() -> dict[str, Any]:
        async_client = httpx.AsyncClient(
            transport=httpx.MockTransport(recorder.handler),
            event_hooks={"request": [request_hook], "response": [response_hook]},
            **config,
        )
        before = _state(async_client)
        transport = AsyncTransport("http://api.test/base", http_client=async_client, **arguments)
        await transport.request(GET, path_params={"id": "1"})
        await transport.request(GET, path_params={"id": "2"}, timeout=7.0)
        await transport.aclose()
        after = _state(async_client)
        await async_client.aclose()
        return {"before": before, "after": after}

    return asyncio.run(run())


@BOTH
def test_the_callers_client_is_left_as_it_was(asynchronous: bool) -> None:
    recorder = Recorder()
    states = _use(asynchronous, recorder)
    assert states["after"] == states["before"]
    assert not states["after"]["closed"]  # theirs to close


@BOTH
def test_each_call_carries_our_url_headers_timeout_and_credentials(asynchronous: bool) -> None:
    recorder = Recorder()
    _use(asynchronous, recorder)
    first, second = recorder.seen
    assert str(first.url) == "http://api.test/base/things/1"
    assert first.headers["X-Ours"] == "ours"
    assert first.headers["X-Caller"] == "kept"  # the caller's own headers still go
    assert first.headers["Authorization"] == "apikey k-1"  # ours, not the caller's basic auth
    assert first.extensions["timeout"] == httpx.Timeout(2.5).as_dict()  # not the client's 99
    assert second.extensions["timeout"] == httpx.Timeout(7.0).as_dict()  # a call's own wins


@BOTH
def test_the_callers_event_hooks_still_run(asynchronous: bool) -> None:
    recorder = Recorder()
    _use(asynchronous, recorder)
    assert recorder.hooks == ["request", "response"] * 2


@BOTH
def test_without_credentials_of_ours_the_callers_auth_applies(asynchronous: bool) -> None:
    recorder = Recorder()
    _use(asynchronous, recorder, auth=None)
    assert recorder.seen[0].headers["Authorization"].startswith("Basic ")


@BOTH
def test_the_callers_query_parameters_go_with_the_calls_own(asynchronous: bool) -> None:
    recorder = Recorder()
    config: dict[str, Any] = {"params": {"api": "v2", "limit": "1"}}
    spec = OperationSpec("GET", "/things", (ResponseSpec(200, "json", None),))
    query = {"limit": 10, "tag": ["a", "b"]}
    if not asynchronous:
        with httpx.Client(transport=httpx.MockTransport(recorder.handler), **config) as http:
            transport = SyncTransport("http://api.test/base", http_client=http)
            transport.request(spec, query=query)
            transport.request(spec)
    else:

        async def run() -> None:
            mock = httpx.MockTransport(recorder.handler)
            async with httpx.AsyncClient(transport=mock, **config) as http:
                transport = AsyncTransport("http://api.test/base", http_client=http)
                await transport.request(spec, query=query)
                await transport.request(spec)

        asyncio.run(run())
    first, second = (request.url for request in recorder.seen)
    assert first.path == "/base/things"
    assert first.params.multi_items() == [
        ("api", "v2"),
        ("limit", "10"),
        ("tag", "a"),
        ("tag", "b"),
    ]
    assert str(second) == "http://api.test/base/things?api=v2&limit=1"
