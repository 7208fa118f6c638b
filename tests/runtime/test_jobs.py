from __future__ import annotations

import asyncio
from typing import Any

import pytest
from pydantic import BaseModel
from runtime._errors import JobFailedError, JobTimeoutError
from runtime._job_rules import JobRules
from runtime._jobs import JobProgress, async_wait_for_job, wait_for_job


class Job(BaseModel):
    status: str | None = None
    end_time: str | None = None
    processed: int | None = None
    total: int | None = None


RULES = JobRules(
    status="/status",
    success=frozenset({"DONE"}),
    failure=frozenset({"FAILED"}),
    finished_when_set="/end_time",
    processed="/processed",
    total="/total",
)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def _wait(states: list[Job], clock: Clock, **options: Any) -> Job:
    reads = iter(states)
    return wait_for_job(
        lambda: next(reads),
        is_success=RULES.is_success,
        is_failure=RULES.is_failure,
        progress=RULES.progress,
        sleep=clock.sleep,
        clock=lambda: clock.now,
        **options,
    )


def test_success_returns_the_job_and_reports_progress_only_on_change() -> None:
    clock = Clock()
    seen: list[JobProgress] = []
    states = [Job(status="RUNNING", processed=0, total=4)] * 2 + [
        Job(status="RUNNING", processed=2, total=4),
        Job(status="DONE", processed=4, total=4),
    ]
    done = _wait(states, clock, poll_interval=1, on_progress=seen.append)
    assert done.status == "DONE"
    assert [p.percent for p in seen] == [0.0, 50.0, 100.0]
    assert clock.sleeps == [1, 1.5, 2.25]  # growing intervals


def test_failure_raises_with_the_final_object() -> None:
    with pytest.raises(JobFailedError) as raised:
        _wait([Job(status="RUNNING"), Job(status="FAILED")], Clock())
    assert raised.value.job == Job(status="FAILED")


def test_timeout_never_sleeps_past_the_deadline_and_carries_the_last_read() -> None:
    clock = Clock()
    with pytest.raises(JobTimeoutError) as raised:
        _wait([Job(status="RUNNING", processed=n) for n in range(100)], clock, timeout=10)
    assert clock.now == 10
    assert raised.value.job.status == "RUNNING"


def test_an_unknown_status_with_an_end_time_ends_the_wait() -> None:
    done = _wait([Job(status="SOMETHING_NEW", end_time="2026-01-01T00:00:00Z")], Clock())
    assert done.status == "SOMETHING_NEW"


def test_complete_when_processed_reaches_total() -> None:
    rules = JobRules(complete_when=("/processed", "/total"))
    assert rules.is_success(Job(processed=5, total=5))
    assert not rules.is_success(Job(processed=4, total=5))


def test_async_waiter() -> None:
    states = iter([Job(status="RUNNING"), Job(status="DONE")])
    slept: list[float] = []

    async def read() -> Job:
        return next(states)

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    done = asyncio.run(
        async_wait_for_job(
            read, is_success=RULES.is_success, is_failure=RULES.is_failure, sleep=sleep
        )
    )
    assert done.status == "DONE" and slept == [2.0]
