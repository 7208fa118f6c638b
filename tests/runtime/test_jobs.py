"""The job waiter on a fake clock: outcomes, backoff, the deadline and progress reports."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import pytest
from runtime._errors import JobFailedError, JobTimeoutError
from runtime._jobs import JobProgress, async_wait_for_job, wait_for_job


@dataclass
class Job:
    status: str
    processed: int | None = None
    total: int | None = None
    read: int = field(default=0, compare=False)  # which read returned it


def _running(processed: int | None = None, total: int | None = None) -> Job:
    return Job("RUNNING", processed, total)


class Clock:
    """Fake time: sleeping advances it; each read can take time too."""

    def __init__(self, deadline_check: float | None = None) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []
        self.deadline_check = deadline_check

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        if self.deadline_check is not None:
            assert self.now <= self.deadline_check, "slept past the deadline"

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


class Reader:
    """Returns copies of the given jobs in turn (the last one for ever), numbering the reads."""

    def __init__(self, jobs: Iterable[Job], clock: Clock, read_takes: float = 0.0) -> None:
        self.jobs = list(jobs)
        self.clock = clock
        self.read_takes = read_takes
        self.reads = 0

    def __call__(self) -> Job:
        self.clock.now += self.read_takes
        self.reads += 1
        # A fresh object per read, as a client parsing each answer gives.
        return replace(self.jobs[min(self.reads, len(self.jobs)) - 1], read=self.reads)

    async def aread(self) -> Job:
        return self()


def _progress(job: Job) -> JobProgress:
    return JobProgress(processed=job.processed, total=job.total)


def wait(
    jobs: Iterable[Job],
    *,
    asynchronous: bool,
    clock: Clock | None = None,
    read_takes: float = 0.0,
    **options: Any,
) -> Job:
    """Run the sync or the async waiter over ``jobs`` with a fake clock."""
    clock = clock or Clock()
    reader = Reader(jobs, clock, read_takes)
    job: Job
    if not asynchronous:
        job = wait_for_job(
            reader,
            is_success=_done,
            is_failure=_failed,
            sleep=clock.sleep,
            clock=lambda: clock.now,
            **options,
        )
        return job
    job = asyncio.run(
        async_wait_for_job(
            reader.aread,
            is_success=_done,
            is_failure=_failed,
            sleep=clock.asleep,
            clock=lambda: clock.now,
            **options,
        )
    )
    return job


def _done(job: Job) -> bool:
    return job.status == "DONE"


def _failed(job: Job) -> bool:
    return job.status == "FAILED"


BOTH = pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])


@BOTH
def test_success_returns_the_final_object(asynchronous: bool) -> None:
    clock = Clock()
    done = Job("DONE", 4, 4)
    result = wait([_running(), _running(), done], asynchronous=asynchronous, clock=clock)
    assert result == done and result.read == 3
    assert clock.sleeps == [2.0, 3.0]  # the defaults: 2 s, growing by 1.5


@BOTH
def test_a_job_done_at_once_is_returned_without_waiting(asynchronous: bool) -> None:
    clock = Clock()
    assert wait([Job("DONE")], asynchronous=asynchronous, clock=clock).status == "DONE"
    assert clock.sleeps == []


@BOTH
def test_failure_raises_with_the_object_read(asynchronous: bool) -> None:
    failed = Job("FAILED", 3, 10)
    with pytest.raises(JobFailedError) as raised:
        wait([_running(), failed], asynchronous=asynchronous)
    assert raised.value.job == failed and raised.value.job.read == 2


@BOTH
def test_intervals_grow_and_are_capped(asynchronous: bool) -> None:
    clock = Clock()
    jobs = [_running()] * 6 + [Job("DONE")]
    options = {"poll_interval": 2.0, "backoff": 2.0, "max_poll_interval": 5.0}
    wait(jobs, asynchronous=asynchronous, clock=clock, **options)
    assert clock.sleeps == [2.0, 4.0, 5.0, 5.0, 5.0, 5.0]


@BOTH
def test_timeout_never_sleeps_past_the_deadline_and_carries_the_last_read(
    asynchronous: bool,
) -> None:
    clock = Clock(deadline_check=10.0)
    with pytest.raises(JobTimeoutError) as raised:
        wait([_running()], asynchronous=asynchronous, clock=clock, timeout=10, poll_interval=1)
    # 1 + 1.5 + 2.25 + 3.375 = 8.125; the last wait is cut to the 1.875 s left.
    assert clock.sleeps == [1.0, 1.5, 2.25, 3.375, 1.875]
    assert clock.now == 10.0
    assert raised.value.job.read == 6  # the read right at the deadline
    assert "10 s" in str(raised.value)


@BOTH
def test_slow_reads_count_against_the_deadline(asynchronous: bool) -> None:
    clock = Clock(deadline_check=5.0)
    with pytest.raises(JobTimeoutError) as raised:
        wait(
            [_running()],
            asynchronous=asynchronous,
            clock=clock,
            read_takes=3.0,
            timeout=5,
            poll_interval=1,
        )
    assert clock.sleeps == [1.0]  # read to 3 s, sleep to 4 s, read to 7 s: time is up
    assert raised.value.job.read == 2


@BOTH
def test_a_zero_timeout_reads_once(asynchronous: bool) -> None:
    clock = Clock()
    with pytest.raises(JobTimeoutError) as raised:
        wait([_running()], asynchronous=asynchronous, clock=clock, timeout=0)
    assert clock.sleeps == [] and raised.value.job.read == 1


@BOTH
def test_progress_is_reported_only_when_it_changes(asynchronous: bool) -> None:
    seen: list[JobProgress] = []
    jobs = [
        _running(0, 4),
        _running(0, 4),
        _running(2, 4),
        _running(2, 4),
        Job("DONE", 4, 4),
    ]
    wait(jobs, asynchronous=asynchronous, progress=_progress, on_progress=seen.append)
    assert seen == [
        JobProgress(0.0, 0, 4),
        JobProgress(50.0, 2, 4),
        JobProgress(100.0, 4, 4),
    ]


@BOTH
def test_the_final_progress_is_reported_before_a_failure(asynchronous: bool) -> None:
    seen: list[JobProgress] = []
    with pytest.raises(JobFailedError):
        wait(
            [_running(1, 4), Job("FAILED", 3, 4)],
            asynchronous=asynchronous,
            progress=_progress,
            on_progress=seen.append,
        )
    assert [p.processed for p in seen] == [1, 3]


def test_progress_percent_comes_from_the_counts_when_the_system_has_none() -> None:
    assert JobProgress(processed=1, total=3).percent == pytest.approx(33.333, abs=0.001)
    assert JobProgress(percent=12.5, processed=1, total=3).percent == 12.5  # the system's own
    assert JobProgress(processed=5, total=4).percent == 100.0  # counts may overshoot
    assert JobProgress(processed=0, total=0).percent is None  # nothing to divide by
    assert JobProgress(processed=3).percent is None
    assert JobProgress() == JobProgress(None, None, None)
    with pytest.raises(AttributeError):
        JobProgress().percent = 1.0  # type: ignore[misc]


@pytest.mark.parametrize(
    "options",
    [
        {"timeout": -1},
        {"poll_interval": 0},
        {"max_poll_interval": 0},
        {"backoff": 0.5},
    ],
)
def test_bad_timing_options_are_refused(options: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        wait([Job("DONE")], asynchronous=False, **options)


def test_the_async_waiter_sleeps_with_asyncio_by_default() -> None:
    reads = iter([_running(), Job("DONE")])

    async def read() -> Job:
        return next(reads)

    done = asyncio.run(
        async_wait_for_job(
            read,
            is_success=_done,
            is_failure=_failed,
            poll_interval=0.001,
        )
    )
    assert done.status == "DONE"
