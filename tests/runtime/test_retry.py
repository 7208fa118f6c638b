"""runtime._retry.RetryPolicy on its own: backoff with full jitter, Retry-After in both forms,
a deadline never overrun, safe methods only by default, at most ``max_retries``.

How a client uses it, sync and async, against answers of every kind is tested in
test_transport.py, test_server_values.py and tests/faults; the strange Retry-After texts in
test_server_values.py; a job waiter's deadline in test_deadline.py.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
from runtime._retry import RETRY_STATUSES, SAFE_METHODS, RetryPolicy

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.time = 100.0

    def __call__(self) -> float:
        return self.time


def _policy(**settings: object) -> RetryPolicy:
    return RetryPolicy(now=lambda: NOW, **settings)  # type: ignore[arg-type]


def _asked(value: str, status: int = 503) -> httpx.Response:
    return httpx.Response(status, headers={"Retry-After": value})


def test_each_wait_is_drawn_from_zero_to_a_doubling_ceiling() -> None:
    drawn: list[tuple[float, float]] = []

    def uniform(low: float, high: float) -> float:
        drawn.append((low, high))
        return high

    policy = _policy(backoff_base=0.5, backoff_max=8.0, random=uniform)
    waits = [policy.delay(attempt, None) for attempt in range(7)]
    assert drawn == [(0.0, ceiling) for ceiling in (0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0)]
    assert waits == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]


def test_full_jitter_spreads_the_waits_over_the_whole_range() -> None:
    generator = random.Random(12)
    policy = _policy(backoff_base=1.0, backoff_max=4.0, random=generator.uniform)
    waits = [policy.delay(2, None) for _ in range(400)]
    assert all(0.0 <= wait <= 4.0 for wait in waits)
    assert min(waits) < 0.5 and max(waits) > 3.5  # not a fixed wait, not half a range


def test_retry_after_in_seconds_replaces_the_backoff() -> None:
    policy = _policy(random=lambda low, high: high)
    assert policy.delay(0, _asked("3")) == 3.0
    assert policy.delay(0, _asked("0")) == 0.0
    assert policy.delay(0, httpx.Response(503)) == 0.5  # nothing asked: the backoff


def test_retry_after_as_an_http_date_is_the_time_until_then() -> None:
    policy = _policy(random=lambda low, high: high)
    assert policy.delay(0, _asked(format_datetime(NOW + timedelta(seconds=5), usegmt=True))) == 5.0
    assert policy.delay(0, _asked(format_datetime(NOW - timedelta(hours=1), usegmt=True))) == 0.0


def test_a_long_retry_after_is_cut_to_four_backoff_ceilings() -> None:
    policy = _policy(backoff_max=2.0)
    assert policy.delay(0, _asked("3600")) == 8.0
    later = format_datetime(NOW + timedelta(days=1), usegmt=True)
    assert policy.delay(0, _asked(later)) == 8.0


def test_a_deadline_is_never_overrun_by_a_wait() -> None:
    clock = Clock()
    policy = _policy(deadline=5.0, clock=clock, random=lambda low, high: high, max_retries=9)
    started = clock.time
    assert policy.next_wait(0, started, None) == 0.5
    clock.time = started + 4.0
    assert policy.next_wait(1, started, None) == 1.0  # ends at 5.0: within
    assert policy.next_wait(2, started, None) is None  # 2 s would end at 6.0
    assert policy.next_wait(0, started, _asked("2")) is None  # nor what the server asks
    clock.time = started + 4.5
    assert policy.next_wait(0, started, _asked("0")) == 0.0


def test_without_a_deadline_waits_are_not_cut() -> None:
    clock = Clock()
    policy = _policy(clock=clock, random=lambda low, high: high, max_retries=9)
    clock.time += 10_000
    assert policy.next_wait(4, 100.0, None) == 8.0


def test_at_most_max_retries() -> None:
    policy = _policy(max_retries=2, random=lambda low, high: 0.0)
    assert [policy.next_wait(attempt, 0.0, None) for attempt in range(4)] == [0.0, 0.0, None, None]
    assert _policy(max_retries=0).next_wait(0, 0.0, None) is None


@pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS", "get", "QUERY", "query"])
def test_safe_methods_are_retried_by_default(method: str) -> None:
    assert RetryPolicy().applies_to(method)


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "post", "LINK"])
def test_other_methods_are_not_retried_by_default(method: str) -> None:
    assert not RetryPolicy().applies_to(method)


def test_the_methods_retried_can_be_chosen_and_no_retries_means_none() -> None:
    assert RetryPolicy(retry_methods=frozenset({"POST"})).applies_to("POST")
    assert not RetryPolicy(retry_methods=frozenset({"POST"})).applies_to("GET")
    assert not RetryPolicy(max_retries=0).applies_to("GET")


def test_the_defaults() -> None:
    policy = RetryPolicy()
    assert (policy.max_retries, policy.backoff_base, policy.backoff_max) == (2, 0.5, 8.0)
    assert policy.deadline is None and policy.retry_methods == SAFE_METHODS


@pytest.mark.parametrize("status", sorted(RETRY_STATUSES))
def test_statuses_worth_a_retry(status: int) -> None:
    assert RetryPolicy.should_retry_status(status)


@pytest.mark.parametrize("status", [200, 301, 400, 401, 403, 404, 409, 422, 501, 505])
def test_statuses_not_worth_a_retry(status: int) -> None:
    assert not RetryPolicy.should_retry_status(status)
