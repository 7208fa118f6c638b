"""The harvester's waiter reads a job by listing with CQL (x-job `language: cql`): the id is
escaped by CQL's rules, and only the job with that id ends the wait (issue #11, item 11)."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from folio_erm_usage_harvester import AsyncClient, Client, errors

JOB_ID = 'x" or id=="*\\?^'


def _job(job_id: str) -> dict[str, Any]:
    return {
        "id": job_id,
        "providerId": "p",
        "type": "provider",
        "timestamp": 1,
        "startedAt": "2024-01-01T00:00:00.000+00:00",
        "finishedAt": "2024-01-01T00:00:01.000+00:00",
        "result": "success",
    }


def _wait(is_async: bool, handler: Any, job_id: str = JOB_ID) -> Any:
    transport = httpx.MockTransport(handler)
    options: dict[str, Any] = {"base_url": "http://folio.test", "tenant": "t", "token": "k"}
    if not is_async:
        with Client(**options, transport=transport) as client:
            return client.jobs.wait_for_job(job_id, poll_interval=0.01, timeout=5)

    async def run() -> Any:
        async with AsyncClient(**options, transport=transport) as client:
            return await client.jobs.wait_for_job(job_id, poll_interval=0.01, timeout=5)

    return asyncio.run(run())


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_the_job_id_reaches_the_server_cql_escaped(is_async: bool) -> None:
    queries: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        queries.append(request.url.params["query"])
        jobs = [_job("someone-else"), _job(JOB_ID)]
        return httpx.Response(200, json={"jobInfos": jobs, "totalRecords": 2})

    job = _wait(is_async, handler)
    assert str(job.id) == JOB_ID
    # the quote cannot end the term, the masking characters match only themselves
    assert queries == ['id=="x\\" or id==\\"\\*\\\\\\?\\^"']


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_another_jobs_record_does_not_end_the_wait(is_async: bool) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"jobInfos": [_job("someone-else")], "totalRecords": 1})

    with pytest.raises(errors.NotFoundError, match="no job with id"):
        _wait(is_async, handler)
