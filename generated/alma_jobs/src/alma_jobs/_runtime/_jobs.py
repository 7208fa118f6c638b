"""Waiting for a job: poll with growing intervals until it ends, never past the deadline."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from ._errors import JobFailedError, JobTimeoutError

T = TypeVar("T")


@dataclass(frozen=True)
class JobProgress:
    """How far a job is: percent (0-100), records processed and in all, where known."""

    percent: float | None = None
    processed: int | None = None
    total: int | None = None


@dataclass
class _Poll:
    timeout: float
    poll_interval: float
    max_poll_interval: float
    backoff: float
    clock: Callable[[], float]

    def __post_init__(self) -> None:
        self.deadline = self.clock() + self.timeout
        self.interval = self.poll_interval

    def next_sleep(self) -> float | None:
        """Seconds to sleep before the next read, or None when the deadline has come."""
        remaining = self.deadline - self.clock()
        if remaining <= 0:
            return None
        wait = min(self.interval, remaining)
        self.interval = min(self.interval * self.backoff, self.max_poll_interval)
        return wait


def _judge(
    job: T,
    is_success: Callable[[T], bool],
    is_failure: Callable[[T], bool],
    progress: Callable[[T], JobProgress] | None,
    on_progress: Callable[[JobProgress], None] | None,
    last: list[JobProgress | None],
) -> bool:
    """Report progress; True when the job succeeded; raise when it failed."""
    if progress is not None and on_progress is not None:
        current = progress(job)
        if current != last[0]:
            last[0] = current
            on_progress(current)
    if is_failure(job):
        raise JobFailedError("the job failed", job=job)
    return is_success(job)


def wait_for_job(
    read: Callable[[], T],
    *,
    is_success: Callable[[T], bool],
    is_failure: Callable[[T], bool],
    progress: Callable[[T], JobProgress] | None = None,
    timeout: float = 600.0,
    poll_interval: float = 2.0,
    max_poll_interval: float = 30.0,
    backoff: float = 1.5,
    on_progress: Callable[[JobProgress], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> T:
    poll = _Poll(timeout, poll_interval, max_poll_interval, backoff, clock)
    last: list[JobProgress | None] = [None]
    while True:
        job = read()
        if _judge(job, is_success, is_failure, progress, on_progress, last):
            return job
        wait = poll.next_sleep()
        if wait is None:
            raise JobTimeoutError(f"the job did not end within {timeout:g} s", job=job)
        sleep(wait)


async def async_wait_for_job(
    read: Callable[[], Awaitable[T]],
    *,
    is_success: Callable[[T], bool],
    is_failure: Callable[[T], bool],
    progress: Callable[[T], JobProgress] | None = None,
    timeout: float = 600.0,
    poll_interval: float = 2.0,
    max_poll_interval: float = 30.0,
    backoff: float = 1.5,
    on_progress: Callable[[JobProgress], None] | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> T:
    poll = _Poll(timeout, poll_interval, max_poll_interval, backoff, clock)
    last: list[JobProgress | None] = [None]
    while True:
        job = await read()
        if _judge(job, is_success, is_failure, progress, on_progress, last):
            return job
        wait = poll.next_sleep()
        if wait is None:
            raise JobTimeoutError(f"the job did not end within {timeout:g} s", job=job)
        await sleep(wait)
