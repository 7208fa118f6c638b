"""``client.hooks``: functions the transport calls with every attempt's request and answer
(``_hooks``), whichever http client carries the call."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import httpx
import pytest
from runtime._errors import InternalServerError
from runtime._hooks import Hooks
from runtime._operation import OperationSpec, ResponseSpec
from runtime._retry import RetryPolicy
from runtime._transport import AsyncTransport, SyncTransport

BOTH = pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
_SPEC: OperationSpec[object] = OperationSpec("GET", "/jobs", (ResponseSpec(200, "json", None),))


def _call(asynchronous: bool, statuses: list[int], hooks: Any, retries: int = 0) -> Any:
    """One call answered by ``statuses`` in turn; ``hooks(transport.hooks)`` sets them up."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(statuses[len(seen) - 1], json={})

    retry = RetryPolicy(max_retries=retries, random=lambda low, high: 0.0, sleep=lambda s: None)
    mock = httpx.MockTransport(handler)
    if not asynchronous:
        sync = SyncTransport("http://api.test", transport=mock, retry=retry)
        hooks(sync.hooks)
        with contextlib.closing(sync):
            sync.request(_SPEC)
        return seen

    async def run() -> None:
        transport = AsyncTransport("http://api.test", transport=mock, retry=retry)
        hooks(transport.hooks)
        try:
            await transport.request(_SPEC)
        finally:
            await transport.aclose()

    asyncio.run(run())
    return seen


@BOTH
def test_request_hooks_may_change_the_request_before_it_is_sent(asynchronous: bool) -> None:
    def tag(request: httpx.Request) -> None:
        request.headers["X-Caller"] = "my-app"

    seen = _call(asynchronous, [200], lambda hooks: hooks.request.append(tag))
    assert [r.headers["X-Caller"] for r in seen] == ["my-app"]


@BOTH
def test_response_hooks_see_every_attempt_failures_and_retries_included(
    asynchronous: bool,
) -> None:
    answered: list[int] = []
    requests: list[str] = []

    def setup(hooks: Hooks) -> None:
        hooks.request.append(lambda request: requests.append(request.url.path))
        hooks.response.append(lambda response: answered.append(response.status_code))

    _call(asynchronous, [503, 200], setup, retries=1)
    assert answered == [503, 200]
    assert requests == ["/jobs", "/jobs"]
    answered.clear()
    with pytest.raises(InternalServerError):
        _call(asynchronous, [500], setup)
    assert answered == [500]  # the hook ran before the call raised


@BOTH
def test_an_async_hook_is_refused_rather_than_never_run(asynchronous: bool) -> None:
    async def tag(request: httpx.Request) -> None:
        request.headers["X-Caller"] = "my-app"

    with pytest.raises(TypeError, match="is async: hooks are plain functions"):
        _call(asynchronous, [200], lambda hooks: hooks.request.append(tag))
