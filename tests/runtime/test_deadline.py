"""The deadline a block sets for its calls: timeouts capped, no retry wait or attempt past it."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest
from runtime import _deadline as deadline
from runtime._retry import RetryPolicy


def _request(**timeouts: float | None) -> httpx.Request:
    return httpx.Request("GET", "http://api.test/x", extensions={"timeout": timeouts})


def test_no_deadline_changes_nothing() -> None:
    request = _request(connect=5.0, read=None, write=5.0, pool=5.0)
    deadline.bound(request)
    assert deadline.remaining() is None
    assert request.extensions["timeout"] == {
        "connect": 5.0,
        "read": None,
        "write": 5.0,
        "pool": 5.0,
    }


def test_each_timeout_is_capped_at_the_time_left() -> None:
    request = _request(connect=0.1, read=None, write=30.0, pool=30.0)
    with deadline.within(2.0):
        deadline.bound(request)
    timeouts = request.extensions["timeout"]
    assert timeouts["connect"] == 0.1  # shorter already
    assert all(1.9 < timeouts[phase] <= 2.0 for phase in ("read", "write", "pool"))


def test_nothing_is_sent_past_the_deadline() -> None:
    with deadline.within(0.0), pytest.raises(httpx.ConnectTimeout):
        deadline.bound(_request(connect=5.0))


def test_an_inner_deadline_never_extends_the_outer_one() -> None:
    with deadline.within(1.0), deadline.within(60.0):
        left = deadline.remaining()
        assert left is not None and left <= 1.0
    assert deadline.remaining() is None


def test_no_retry_wait_runs_past_the_deadline() -> None:
    policy = RetryPolicy(max_retries=5, random=lambda low, high: high)
    answer = httpx.Response(503, headers={"Retry-After": "10"})
    assert policy.next_wait(0, time.monotonic(), answer) == 10.0
    with deadline.within(2.0):
        assert policy.next_wait(0, time.monotonic(), answer) is None  # the caller's error, now
        assert policy.next_wait(0, time.monotonic(), None) == 0.5  # backoff within the time


def test_each_task_has_its_own_deadline() -> None:
    async def left_in(seconds: float | None) -> float | None:
        if seconds is None:
            await asyncio.sleep(0)
            return deadline.remaining()
        with deadline.within(seconds):
            await asyncio.sleep(0)
            return deadline.remaining()

    async def run() -> list[float | None]:
        return list(await asyncio.gather(left_in(1.0), left_in(None)))

    short, none = asyncio.run(run())
    assert short is not None and short <= 1.0 and none is None
