"""Deadlines that hold and paginators that stop, through a generated client and a real socket.

A waiter's ``timeout`` bounds everything it does: each read's retries, the ``Retry-After``
waits between them and each attempt's own timeout. A paginator facing a server that answers
the same page whatever the offset stops with ``PaginationError`` after the second page.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.faults.probes import PROBES, Probe
from tests.faults.server import FaultServer, answer, stall

ALMA = next(p for p in PROBES if p.package == "alma_jobs")
TIMEOUT = 0.5  # the class is the same at 2 s (the example), only slower
SLACK = 0.75  # what a deadline may be overrun by: the last read's grace, scheduling
BOTH = pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])


@pytest.fixture
def server() -> Iterator[Callable[[str, Any], FaultServer]]:
    started: list[FaultServer] = []

    def start(path: str, body: Any) -> FaultServer:
        started.append(FaultServer(path, (200, body)))
        return started[-1]

    yield start
    for running in started:
        running.close()


def _unavailable() -> Callable[..., None]:
    return answer(503, b'{"message": "busy"}', Retry_After="10")


def _wait(probe: Probe, url: str, *, asynchronous: bool) -> tuple[BaseException, float]:
    """Wait for an Alma job instance with ``timeout=0.5``; the error it ends in, and how long."""
    started = time.monotonic()
    try:
        if not asynchronous:
            with probe.client(url) as client:
                client.instances.wait_for_job_instance(
                    "M1", "7", timeout=TIMEOUT, poll_interval=0.2
                )
        else:

            async def run() -> None:
                async with probe.async_client(url) as client:
                    await client.instances.wait_for_job_instance(
                        "M1", "7", timeout=TIMEOUT, poll_interval=0.2
                    )

            asyncio.run(run())
    except Exception as error:
        return error, time.monotonic() - started
    raise AssertionError("the wait ended without an error")


@BOTH
def test_a_wait_never_outlasts_its_timeout_behind_retry_after(
    asynchronous: bool, server: Callable[[str, Any], FaultServer]
) -> None:
    """503 with ``Retry-After: 10`` on every read: the retries would take 20 s a read."""
    running = server("/conf/jobs/M1/instances/7", {"id": "7"})
    running.expect(*[_unavailable()] * 50)
    module = ALMA.module()
    error, took = _wait(ALMA, running.url, asynchronous=asynchronous)
    assert took < TIMEOUT + SLACK
    assert isinstance(error, module.errors.InternalServerError | module.errors.JobTimeoutError)


@BOTH
def test_a_wait_never_outlasts_its_timeout_when_a_read_stalls(
    asynchronous: bool, server: Callable[[str, Any], FaultServer]
) -> None:
    """The client's own timeout is 30 s; the wait's deadline cuts the read at the timeout."""
    running = server("/conf/jobs/M1/instances/7", {"id": "7"})
    running.expect(stall)
    module = ALMA.module()
    error, took = _wait(ALMA, running.url, asynchronous=asynchronous)
    assert TIMEOUT - 0.1 < took < TIMEOUT + SLACK
    assert isinstance(error, module.errors.JobTimeoutError)
    assert error.job is None  # no read ended


@BOTH
def test_a_wait_polls_until_its_timeout_when_the_job_runs_on(
    asynchronous: bool, server: Callable[[str, Any], FaultServer]
) -> None:
    running = server("/conf/jobs/M1/instances/7", {"id": "7"})
    running.expect()
    module = ALMA.module()
    error, took = _wait(ALMA, running.url, asynchronous=asynchronous)
    assert TIMEOUT - 0.1 < took < TIMEOUT + SLACK
    assert isinstance(error, module.errors.JobTimeoutError) and error.job.id == "7"


@BOTH
def test_a_paginator_stops_when_the_server_repeats_its_page(
    asynchronous: bool, server: Callable[[str, Any], FaultServer]
) -> None:
    """Every generated paginator's system reports a total (tests/runtime has pages without)."""
    page = {"job": [{"id": "1"}, {"id": "2"}], "total_record_count": 1000}
    running = server("/conf/jobs", page)
    running.expect()  # the same page, whatever the offset
    module = ALMA.module()
    seen: list[str] = []
    with pytest.raises(module.errors.PaginationError):
        if not asynchronous:
            with ALMA.client(running.url) as client:
                seen.extend(job.id for job in client.jobs.iter_jobs(page_size=2))
        else:

            async def run() -> None:
                async with ALMA.async_client(running.url) as client:
                    seen.extend([job.id async for job in client.jobs.iter_jobs(page_size=2)])

            asyncio.run(run())
    assert len(running.probed()) == 2
