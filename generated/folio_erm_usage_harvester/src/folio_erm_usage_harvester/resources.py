"""The calls of FOLIO eUsage Harvester, grouped by tag: one class each, sync and async.

Every call takes ``timeout``: seconds for this call, ``None`` for no timeout at all, or left out
(``NOT_GIVEN``) for the client's ``timeout``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator, Mapping

from pydantic import JsonValue

from . import models
from ._runtime import _access, _job_rules, _jobs, _pagination, _query, _raw, _resource
from ._runtime._job_rules import JobRules
from ._runtime._jobs import JobProgress
from ._runtime._notgiven import NOT_GIVEN, NotGiven
from ._runtime._operation import OperationSpec, ResponseSpec

_START_HARVESTING: OperationSpec[JsonValue] = OperationSpec(
    method="GET",
    path="/erm-usage-harvester/start",
    responses=(ResponseSpec(200, "json", JsonValue),),
    errors={},
)
_START_HARVESTING_FOR_PROVIDER: OperationSpec[JsonValue] = OperationSpec(
    method="GET",
    path="/erm-usage-harvester/start/{id}",
    responses=(ResponseSpec(200, "json", JsonValue),),
    errors={},
)
_GET_IMPLEMENTATIONS: OperationSpec[models.ServiceImplementations] = OperationSpec(
    method="GET",
    path="/erm-usage-harvester/impl",
    responses=(ResponseSpec(200, "json", models.ServiceImplementations),),
    errors={},
)
_CLEANUP_JOBS: OperationSpec[None] = OperationSpec(
    method="POST",
    path="/erm-usage-harvester/jobs/cleanup",
    responses=(ResponseSpec(204, "empty", None),),
    errors={},
)
_GET_JOBS: OperationSpec[models.JobInfos] = OperationSpec(
    method="GET",
    path="/erm-usage-harvester/jobs",
    responses=(ResponseSpec(200, "json", models.JobInfos),),
    errors={},
)
_PURGE_FINISHED_JOBS: OperationSpec[None] = OperationSpec(
    method="POST",
    path="/erm-usage-harvester/jobs/purgefinished",
    responses=(ResponseSpec(204, "empty", None),),
    errors={},
)
_PURGE_STALE_JOBS: OperationSpec[None] = OperationSpec(
    method="POST",
    path="/erm-usage-harvester/jobs/purgestale",
    responses=(ResponseSpec(204, "empty", None),),
    errors={},
)
_WAIT_FOR_JOB_RULES = JobRules(
    status="/result",
    success=frozenset(["success"]),
    failure=frozenset(["failure"]),
    finished_when_set="/finishedAt",
    complete_when=None,
    percent=None,
    processed=None,
    total=None,
)


class HarvestingResourceWithRawResponse:
    """The calls of ``HarvestingResource``, answering ``APIResponse`` objects."""

    def __init__(self, resource: HarvestingResource) -> None:
        self.start_harvesting = _raw.raw(resource.start_harvesting)
        self.start_harvesting_for_provider = _raw.raw(resource.start_harvesting_for_provider)


class HarvestingResource(_resource.SyncResource[HarvestingResourceWithRawResponse]):
    """Starting harvests"""

    _raw_class = HarvestingResourceWithRawResponse

    def start_harvesting(
        self,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> JsonValue:
        """Start harvesting for the tenant

        Starts harvesting for every usage data provider of the tenant.
        """
        _response = self._transport.request(
            _START_HARVESTING,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    def start_harvesting_for_provider(
        self,
        id: str,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> JsonValue:
        """Start harvesting for one provider

        Starts harvesting for one usage data provider of the tenant only.

        Args:
            id: Id of the usage data provider
        """
        _response = self._transport.request(
            _START_HARVESTING_FOR_PROVIDER,
            path_params={
                "id": id,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()


class ImplementationsResourceWithRawResponse:
    """The calls of ``ImplementationsResource``, answering ``APIResponse`` objects."""

    def __init__(self, resource: ImplementationsResource) -> None:
        self.get_implementations = _raw.raw(resource.get_implementations)


class ImplementationsResource(_resource.SyncResource[ImplementationsResourceWithRawResponse]):
    """The service implementations the harvester offers"""

    _raw_class = ImplementationsResourceWithRawResponse

    def get_implementations(
        self,
        *,
        aggregator: str | None = None,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.ServiceImplementations:
        """List service implementations

        Lists the service implementations the harvester offers.

        Args:
            aggregator: Only implementations whose isAggregator is this value ("true" or "false")
        """
        _response = self._transport.request(
            _GET_IMPLEMENTATIONS,
            query={
                "aggregator": aggregator,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()


class JobsResourceWithRawResponse:
    """The calls of ``JobsResource``, answering ``APIResponse`` objects."""

    def __init__(self, resource: JobsResource) -> None:
        self.cleanup_jobs = _raw.raw(resource.cleanup_jobs)
        self.get_jobs = _raw.raw(resource.get_jobs)
        self.purge_finished_jobs = _raw.raw(resource.purge_finished_jobs)
        self.purge_stale_jobs = _raw.raw(resource.purge_stale_jobs)


class JobsResource(_resource.SyncResource[JobsResourceWithRawResponse]):
    """Harvesting jobs"""

    _raw_class = JobsResourceWithRawResponse

    def cleanup_jobs(
        self,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Clean up jobs

        Runs the clean-up tasks on harvesting jobs (marks jobs of dead processes as failed).
        """
        _response = self._transport.request(
            _CLEANUP_JOBS,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        _response.parse()

    def get_jobs(
        self,
        *,
        timestamp: float | None = None,
        provider_id: str | None = None,
        query: str | None = None,
        total_records: str | None = None,
        offset: int | None = None,
        limit: int | None = None,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.JobInfos:
        """List harvesting jobs

        Lists harvesting jobs, newest first, filtered by CQL, timestamp or provider.

        Args:
            timestamp: Only jobs created at or before this time (milliseconds since the epoch)
            provider_id: Only jobs of this usage data provider
            query: A CQL query (see https://dev.folio.org/reference/glossary#cql) over the
                searchable
                fields. e.g. type==provider
            total_records: How to count totalRecords: "exact", "estimated", "auto" (exact or
                estimated, as the
                server sees fit) or "none" (leave it out).
            offset: How many records to skip
            limit: How many records to return at most
        """
        _response = self._transport.request(
            _GET_JOBS,
            query={
                "timestamp": timestamp,
                "providerId": provider_id,
                "query": query,
                "totalRecords": total_records,
                "offset": offset,
                "limit": limit,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    def iter_jobs(
        self,
        *,
        timestamp: float | None = None,
        provider_id: str | None = None,
        query: str | None = None,
        total_records: str | None = None,
        page_size: int = 100,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[models.JobInfo]:
        """Every item of ``get_jobs``, fetched page by page (iterator).

        Pagination by offset/limit (declared by x-pagination); drives the query parameters
        ``offset``, ``limit``. The total is ``/totalRecords`` in the body.
        Stops exactly at the end of the collection; ``page_size`` items per request.
        """

        def _page(_offset: int, _limit: int) -> models.JobInfos:
            return self.get_jobs(
                timestamp=timestamp,
                provider_id=provider_id,
                query=query,
                total_records=total_records,
                offset=_offset,
                limit=_limit,
                timeout=timeout,
                extra_headers=extra_headers,
            )

        return _pagination.iter_offset_pages(
            _page,
            items=lambda _answer: _pagination.items_at(_answer, "/jobInfos"),
            total=lambda _answer: _access.value_at(_answer, "/totalRecords"),
            limit=page_size,
        )

    def purge_finished_jobs(
        self,
        *,
        timestamp: float,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Purge finished jobs

        Deletes the finished jobs created at or before the given time.

        Args:
            timestamp: Purge jobs whose timestamp is at or before this time (milliseconds since the
                epoch)
        """
        _response = self._transport.request(
            _PURGE_FINISHED_JOBS,
            query={
                "timestamp": timestamp,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        _response.parse()

    def purge_stale_jobs(
        self,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Purge stale jobs

        Deletes jobs that started but never finished.
        """
        _response = self._transport.request(
            _PURGE_STALE_JOBS,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        _response.parse()

    def wait_for_job(
        self,
        id_: str,
        *,
        timeout: float = 600.0,
        poll_interval: float = 2.0,
        on_progress: Callable[[JobProgress], None] | None = None,
    ) -> models.JobInfo:
        """Poll until the job ends; return it when it succeeded.

        Polls ``get_jobs`` with growing intervals (from ``poll_interval``
        seconds) and calls ``on_progress`` whenever the progress changes.

        Raises:
            JobFailedError: the job ended in failure (``error.job`` is the final object).
            JobTimeoutError: ``timeout`` seconds passed first (``error.job`` is the last read).
        """

        def _read() -> models.JobInfo:
            _page = self.get_jobs(
                query='id=="' + _query.cql_string(id_) + '"',
            )
            _job: models.JobInfo = _job_rules.find_job(_page, "/jobInfos", "/id", id_)
            return _job

        _rules = _WAIT_FOR_JOB_RULES
        return _jobs.wait_for_job(
            _read,
            is_success=_rules.is_success,
            is_failure=_rules.is_failure,
            progress=_rules.progress,
            timeout=timeout,
            poll_interval=poll_interval,
            on_progress=on_progress,
        )


class AsyncHarvestingResourceWithRawResponse:
    """The calls of ``AsyncHarvestingResource``, answering ``APIResponse`` objects."""

    def __init__(self, resource: AsyncHarvestingResource) -> None:
        self.start_harvesting = _raw.async_raw(resource.start_harvesting)
        self.start_harvesting_for_provider = _raw.async_raw(resource.start_harvesting_for_provider)


class AsyncHarvestingResource(_resource.AsyncResource[AsyncHarvestingResourceWithRawResponse]):
    """Starting harvests"""

    _raw_class = AsyncHarvestingResourceWithRawResponse

    async def start_harvesting(
        self,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> JsonValue:
        """Start harvesting for the tenant

        Starts harvesting for every usage data provider of the tenant.
        """
        _response = await self._transport.request(
            _START_HARVESTING,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    async def start_harvesting_for_provider(
        self,
        id: str,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> JsonValue:
        """Start harvesting for one provider

        Starts harvesting for one usage data provider of the tenant only.

        Args:
            id: Id of the usage data provider
        """
        _response = await self._transport.request(
            _START_HARVESTING_FOR_PROVIDER,
            path_params={
                "id": id,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()


class AsyncImplementationsResourceWithRawResponse:
    """The calls of ``AsyncImplementationsResource``, answering ``APIResponse`` objects."""

    def __init__(self, resource: AsyncImplementationsResource) -> None:
        self.get_implementations = _raw.async_raw(resource.get_implementations)


class AsyncImplementationsResource(
    _resource.AsyncResource[AsyncImplementationsResourceWithRawResponse]
):
    """The service implementations the harvester offers"""

    _raw_class = AsyncImplementationsResourceWithRawResponse

    async def get_implementations(
        self,
        *,
        aggregator: str | None = None,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.ServiceImplementations:
        """List service implementations

        Lists the service implementations the harvester offers.

        Args:
            aggregator: Only implementations whose isAggregator is this value ("true" or "false")
        """
        _response = await self._transport.request(
            _GET_IMPLEMENTATIONS,
            query={
                "aggregator": aggregator,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()


class AsyncJobsResourceWithRawResponse:
    """The calls of ``AsyncJobsResource``, answering ``APIResponse`` objects."""

    def __init__(self, resource: AsyncJobsResource) -> None:
        self.cleanup_jobs = _raw.async_raw(resource.cleanup_jobs)
        self.get_jobs = _raw.async_raw(resource.get_jobs)
        self.purge_finished_jobs = _raw.async_raw(resource.purge_finished_jobs)
        self.purge_stale_jobs = _raw.async_raw(resource.purge_stale_jobs)


class AsyncJobsResource(_resource.AsyncResource[AsyncJobsResourceWithRawResponse]):
    """Harvesting jobs"""

    _raw_class = AsyncJobsResourceWithRawResponse

    async def cleanup_jobs(
        self,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Clean up jobs

        Runs the clean-up tasks on harvesting jobs (marks jobs of dead processes as failed).
        """
        _response = await self._transport.request(
            _CLEANUP_JOBS,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        _response.parse()

    async def get_jobs(
        self,
        *,
        timestamp: float | None = None,
        provider_id: str | None = None,
        query: str | None = None,
        total_records: str | None = None,
        offset: int | None = None,
        limit: int | None = None,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.JobInfos:
        """List harvesting jobs

        Lists harvesting jobs, newest first, filtered by CQL, timestamp or provider.

        Args:
            timestamp: Only jobs created at or before this time (milliseconds since the epoch)
            provider_id: Only jobs of this usage data provider
            query: A CQL query (see https://dev.folio.org/reference/glossary#cql) over the
                searchable
                fields. e.g. type==provider
            total_records: How to count totalRecords: "exact", "estimated", "auto" (exact or
                estimated, as the
                server sees fit) or "none" (leave it out).
            offset: How many records to skip
            limit: How many records to return at most
        """
        _response = await self._transport.request(
            _GET_JOBS,
            query={
                "timestamp": timestamp,
                "providerId": provider_id,
                "query": query,
                "totalRecords": total_records,
                "offset": offset,
                "limit": limit,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    def iter_jobs(
        self,
        *,
        timestamp: float | None = None,
        provider_id: str | None = None,
        query: str | None = None,
        total_records: str | None = None,
        page_size: int = 100,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[models.JobInfo]:
        """Every item of ``get_jobs``, fetched page by page (async iterator).

        Pagination by offset/limit (declared by x-pagination); drives the query parameters
        ``offset``, ``limit``. The total is ``/totalRecords`` in the body.
        Stops exactly at the end of the collection; ``page_size`` items per request.
        """

        async def _page(_offset: int, _limit: int) -> models.JobInfos:
            return await self.get_jobs(
                timestamp=timestamp,
                provider_id=provider_id,
                query=query,
                total_records=total_records,
                offset=_offset,
                limit=_limit,
                timeout=timeout,
                extra_headers=extra_headers,
            )

        return _pagination.aiter_offset_pages(
            _page,
            items=lambda _answer: _pagination.items_at(_answer, "/jobInfos"),
            total=lambda _answer: _access.value_at(_answer, "/totalRecords"),
            limit=page_size,
        )

    async def purge_finished_jobs(
        self,
        *,
        timestamp: float,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Purge finished jobs

        Deletes the finished jobs created at or before the given time.

        Args:
            timestamp: Purge jobs whose timestamp is at or before this time (milliseconds since the
                epoch)
        """
        _response = await self._transport.request(
            _PURGE_FINISHED_JOBS,
            query={
                "timestamp": timestamp,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        _response.parse()

    async def purge_stale_jobs(
        self,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Purge stale jobs

        Deletes jobs that started but never finished.
        """
        _response = await self._transport.request(
            _PURGE_STALE_JOBS,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        _response.parse()

    async def wait_for_job(
        self,
        id_: str,
        *,
        timeout: float = 600.0,
        poll_interval: float = 2.0,
        on_progress: Callable[[JobProgress], None] | None = None,
    ) -> models.JobInfo:
        """Poll until the job ends; return it when it succeeded.

        Polls ``get_jobs`` with growing intervals (from ``poll_interval``
        seconds) and calls ``on_progress`` whenever the progress changes.

        Raises:
            JobFailedError: the job ended in failure (``error.job`` is the final object).
            JobTimeoutError: ``timeout`` seconds passed first (``error.job`` is the last read).
        """

        async def _read() -> models.JobInfo:
            _page = await self.get_jobs(
                query='id=="' + _query.cql_string(id_) + '"',
            )
            _job: models.JobInfo = _job_rules.find_job(_page, "/jobInfos", "/id", id_)
            return _job

        _rules = _WAIT_FOR_JOB_RULES
        return await _jobs.async_wait_for_job(
            _read,
            is_success=_rules.is_success,
            is_failure=_rules.is_failure,
            progress=_rules.progress,
            timeout=timeout,
            poll_interval=poll_interval,
            on_progress=on_progress,
        )
