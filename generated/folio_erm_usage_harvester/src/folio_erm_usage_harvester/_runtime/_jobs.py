"""Waiting for a job: poll with growing intervals until it ends, never past the deadline."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Generic, TypeVar

from . import _deadline as deadline
from ._errors import APITimeoutError, JobFailedError, JobTimeoutError

JobT = TypeVar("JobT")

# The read at the deadline (the wait's last look at the job) still gets this long to answer.
_LAST_READ_SECONDS = 0.5


@dataclass(frozen=True)
class JobProgress:
    """How far a job is: percent (0-100), records processed and records in all, where known.

    When the system reports no percent, it is computed from ``processed`` and ``total``.
    """

    percent: float | None = None
    processed: int | None = None
    total: int | None = None

    def __post_init__(self) -> None:
        if self.percent is None and self.processed is not None and self.total:
            # Counts may overshoot the announced total; progress never passes 100.
            percent = min(100.0, 100.0 * self.processed / self.total)
            object.__setattr__(self, "percent", percent)


class _Poll(Generic[JobT]):
    """What the sync and async waiters share: judging each read and timing the next one."""

    def __init__(
        self,
        *,
        is_success: Callable[[JobT], bool],
        is_failure: Callable[[JobT], bool],
        progress: Callable[[JobT], JobProgress] | None,
        on_progress: Callable[[JobProgress], None] | None,
        timeout: float,
        poll_interval: float,
        max_poll_interval: float,
        backoff: float,
        clock: Callable[[], float],
    ) -> None:
        if timeout < 0:
            raise ValueError(f"timeout must not be negative, not {timeout}")
        if poll_interval <= 0 or max_poll_interval <= 0:
            raise ValueError("poll intervals must be positive")
        if backoff < 1:
            raise ValueError(f"backoff must be at least 1, not {backoff}")
        self._is_success = is_success
        self._is_failure = is_failure
        self._progress = progress
        self._on_progress = on_progress
        self._timeout = timeout
        self._interval = min(poll_interval, max_poll_interval)
        self._max_interval = max_poll_interval
        self._backoff = backoff
        self._clock = clock
        self._deadline = clock() + timeout
        self._reported: JobProgress | None = None
        self._last: JobT | None = None

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Around one read: its calls, their retries and waits end by the wait's deadline.

        A read cut short by that deadline ends the wait as the deadline does, with
        ``JobTimeoutError`` (``job`` is the last object read, None before the first).
        """
        left = max(self._deadline - self._clock(), _LAST_READ_SECONDS)
        try:
            with deadline.within(left):
                yield
        except APITimeoutError as error:
            if self._clock() < self._deadline:
                raise  # the call's own timeout, well before the wait's
            raise self._timed_out(self._last) from error

    def _timed_out(self, job: JobT | None) -> JobTimeoutError:
        return JobTimeoutError(f"the job did not end within {self._timeout:g} s", job=job)

    def finished(self, job: JobT) -> bool:
        """Report progress when it changed; True on success; raise on failure."""
        self._last = job
        if self._progress is not None and self._on_progress is not None:
            current = self._progress(job)
            if current != self._reported:
                self._reported = current
                self._on_progress(current)
        if self._is_failure(job):
            raise JobFailedError("the job ended in failure", job=job)
        return self._is_success(job)

    def next_sleep(self, job: JobT) -> float:
        """Seconds to wait before the next read; raise when the deadline has come.

        The wait never runs past the deadline, so the last read happens right at it.
        """
        remaining = self._deadline - self._clock()
        if remaining <= 0:
            raise self._timed_out(job)
        wait = min(self._interval, remaining)
        self._interval = min(self._interval * self._backoff, self._max_interval)
        return wait


def wait_for_job(
    read: Callable[[], JobT],
    *,
    is_success: Callable[[JobT], bool],
    is_failure: Callable[[JobT], bool],
    progress: Callable[[JobT], JobProgress] | None = None,
    timeout: float = 600.0,
    poll_interval: float = 2.0,
    max_poll_interval: float = 30.0,
    backoff: float = 1.5,
    on_progress: Callable[[JobProgress], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> JobT:
    """Read the job until it ends; return it when it succeeded.

    The first wait is ``poll_interval`` seconds, each next one ``backoff`` times longer, up to
    ``max_poll_interval``; none runs past ``timeout``, and neither do the reads: their calls,
    retries and ``Retry-After`` waits included, end by it (the read at the deadline gets
    half a second). ``on_progress`` gets ``progress(job)`` whenever it differs from the last one
    reported.

    Raises:
        JobFailedError: ``is_failure`` held (``error.job`` is the object read).
        JobTimeoutError: the deadline came first (``error.job`` is the last object read, None
            when the first read did not end by then).
        ValueError: a negative timeout, a non-positive interval or a backoff below 1.
    """
    poll = _Poll(
        is_success=is_success,
        is_failure=is_failure,
        progress=progress,
        on_progress=on_progress,
        timeout=timeout,
        poll_interval=poll_interval,
        max_poll_interval=max_poll_interval,
        backoff=backoff,
        clock=clock,
    )
    while True:
        with poll.reading():
            job = read()
        if poll.finished(job):
            return job
        sleep(poll.next_sleep(job))


async def async_wait_for_job(
    read: Callable[[], Awaitable[JobT]],
    *,
    is_success: Callable[[JobT], bool],
    is_failure: Callable[[JobT], bool],
    progress: Callable[[JobT], JobProgress] | None = None,
    timeout: float = 600.0,
    poll_interval: float = 2.0,
    max_poll_interval: float = 30.0,
    backoff: float = 1.5,
    on_progress: Callable[[JobProgress], None] | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> JobT:
    """``wait_for_job`` with an awaitable ``read``, waiting with ``asyncio.sleep``."""
    poll = _Poll(
        is_success=is_success,
        is_failure=is_failure,
        progress=progress,
        on_progress=on_progress,
        timeout=timeout,
        poll_interval=poll_interval,
        max_poll_interval=max_poll_interval,
        backoff=backoff,
        clock=clock,
    )
    while True:
        with poll.reading():
            job = await read()
        if poll.finished(job):
            return job
        await sleep(poll.next_sleep(job))
