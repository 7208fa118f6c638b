"""A deadline over every call made inside a block, retries and ``Retry-After`` waits included.

The job waiter's ``timeout`` must hold however its reads go; the reads are ordinary calls, so
the deadline travels in a context variable (each thread and task has its own) instead of a
parameter of every call. The transport caps each attempt's timeouts at the time left and
refuses to start one past it; ``RetryPolicy`` never sleeps past it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import httpx

_DEADLINE: ContextVar[float | None] = ContextVar("deadline", default=None)
_PHASES = ("connect", "read", "write", "pool")


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Calls made inside end ``seconds`` from now, or by an earlier deadline already set."""
    at = time.monotonic() + seconds
    outer = _DEADLINE.get()
    token = _DEADLINE.set(at if outer is None else min(at, outer))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def remaining() -> float | None:
    """Seconds left before the deadline (negative once it passed), None without one."""
    at = _DEADLINE.get()
    return None if at is None else at - time.monotonic()


def bound(request: httpx.Request) -> None:
    """Cap each of ``request``'s timeouts at the time left; past the deadline, send nothing."""
    left = remaining()
    if left is None:
        return
    if left <= 0:
        raise httpx.ConnectTimeout("the deadline passed before the call was sent", request=request)
    timeouts = dict(request.extensions.get("timeout") or {})
    for phase in _PHASES:
        value = timeouts.get(phase)
        timeouts[phase] = left if value is None else min(float(value), left)
    request.extensions["timeout"] = timeouts
