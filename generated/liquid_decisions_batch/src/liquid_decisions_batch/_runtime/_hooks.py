"""Request and response hooks a client runs on every attempt it sends (``client.hooks``).

They are the package's own, not the http client's event hooks: a caller's ``http_client`` is
used as it is and never changed, and these run whichever http client carries the call. Both
clients, sync and async, run plain functions (they run in the event loop: keep them quick,
as a log line or a header is).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

import httpx

RequestHook = Callable[[httpx.Request], None]
ResponseHook = Callable[[httpx.Response], None]


class Hooks:
    """``request``: called with each request before it is sent (it may change its headers);
    ``response``: called with each answer as it arrives, before its body is read (status and
    headers), failures and retried attempts included. Append to the lists."""

    def __init__(self) -> None:
        self.request: list[RequestHook] = []
        self.response: list[ResponseHook] = []

    def before(self, request: httpx.Request) -> None:
        for hook in self.request:
            _plain(hook(request), hook)

    def after(self, response: httpx.Response) -> None:
        for hook in self.response:
            _plain(hook(response), hook)


def _plain(result: object, hook: object) -> None:
    """An ``async def`` hook would never run (its coroutine is dropped): say so, loudly."""
    if inspect.iscoroutine(result):
        result.close()
        raise TypeError(f"{hook!r} is async: hooks are plain functions (see client.hooks)")
