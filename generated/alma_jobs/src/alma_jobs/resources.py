"""The calls of Ex Libris Alma Jobs, grouped by tag: one class each, sync and async.

Every call takes ``timeout``: seconds for this call, ``None`` for no timeout at all, or left out
(``NOT_GIVEN``) for the client's ``timeout``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import Literal

from . import models
from ._runtime import _access, _job_rules, _jobs, _pagination, _raw, _resource
from ._runtime._bodies import JsonBody, XmlBody
from ._runtime._job_rules import JobRules
from ._runtime._jobs import JobProgress
from ._runtime._notgiven import NOT_GIVEN, NotGiven
from ._runtime._operation import OperationSpec, ResponseSpec

_GET_JOB_INSTANCE: OperationSpec[models.JobInstance] = OperationSpec(
    method="GET",
    path="/conf/jobs/{job_id}/instances/{instance_id}",
    responses=(ResponseSpec(200, "json", models.JobInstance),),
    errors={
        400: models.AlmaError,
        401: models.AlmaError,
        403: models.AlmaError,
        404: models.AlmaError,
        429: models.AlmaError,
        500: models.AlmaError,
    },
)
_GET_JOB_INSTANCES: OperationSpec[models.JobInstances] = OperationSpec(
    method="GET",
    path="/conf/jobs/{job_id}/instances",
    responses=(ResponseSpec(200, "json", models.JobInstances),),
    errors={
        400: models.AlmaError,
        401: models.AlmaError,
        403: models.AlmaError,
        404: models.AlmaError,
        429: models.AlmaError,
        500: models.AlmaError,
    },
)
_WAIT_FOR_JOB_INSTANCE_RULES = JobRules(
    status="/status/value",
    success=frozenset(["COMPLETED_SUCCESS", "COMPLETED_NO_BULKS", "COMPLETED_WARNINGS"]),
    failure=frozenset(["COMPLETED_FAILED", "FAILED", "ABORTED"]),
    finished_when_set="/end_time",
    complete_when=None,
    percent="/progress",
    processed=None,
    total=None,
)
_GET_JOB: OperationSpec[models.Job] = OperationSpec(
    method="GET",
    path="/conf/jobs/{job_id}",
    responses=(ResponseSpec(200, "json", models.Job),),
    errors={
        400: models.AlmaError,
        401: models.AlmaError,
        403: models.AlmaError,
        404: models.AlmaError,
        429: models.AlmaError,
        500: models.AlmaError,
    },
)
_GET_JOBS: OperationSpec[models.Jobs] = OperationSpec(
    method="GET",
    path="/conf/jobs",
    responses=(ResponseSpec(200, "json", models.Jobs),),
    errors={
        400: models.AlmaError,
        401: models.AlmaError,
        403: models.AlmaError,
        404: models.AlmaError,
        429: models.AlmaError,
        500: models.AlmaError,
    },
)
_RUN_JOB: OperationSpec[models.Job] = OperationSpec(
    method="POST",
    path="/conf/jobs/{job_id}",
    responses=(ResponseSpec(200, "json", models.Job),),
    errors={
        400: models.AlmaError,
        401: models.AlmaError,
        403: models.AlmaError,
        404: models.AlmaError,
        429: models.AlmaError,
        500: models.AlmaError,
    },
)


class InstancesResourceWithRawResponse:
    """The calls of ``InstancesResource``, answering ``APIResponse`` objects."""

    def __init__(self, resource: InstancesResource) -> None:
        self.get_job_instance = _raw.raw(resource.get_job_instance)
        self.get_job_instances = _raw.raw(resource.get_job_instances)


class InstancesResource(_resource.SyncResource[InstancesResourceWithRawResponse]):
    """Runs of a job (job instances), with their status, progress and counters"""

    _raw_class = InstancesResourceWithRawResponse

    def get_job_instance(
        self,
        job_id: str,
        instance_id: str,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.JobInstance:
        """Get a run of a job

        The run's status, progress and counters. Poll this until the run has ended (see JobStatus),
        waiting between calls to spare the daily quota.

        Args:
            job_id: The job id. Alma's tools prefix it with a letter for the job type (M manual, S
                scheduled, O other), for example M135.
            instance_id: The id of one run of the job, for example 55493478870005501.
        """
        _response = self._transport.request(
            _GET_JOB_INSTANCE,
            path_params={
                "job_id": job_id,
                "instance_id": instance_id,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    def get_job_instances(
        self,
        job_id: str,
        *,
        submit_date_from: str | None = None,
        submit_date_to: str | None = None,
        status: Literal[
            "QUEUED",
            "PENDING",
            "INITIALIZING",
            "RUNNING",
            "COMPLETED_SUCCESS",
            "COMPLETED_NO_BULKS",
            "COMPLETED_WARNINGS",
            "COMPLETED_FAILED",
            "FAILED",
            "ABORTED",
        ]
        | str
        | None = None,
        limit: int | None = None,
        offset: int | None = None,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.JobInstances:
        """List runs of a job

        One page of the job's runs, optionally filtered by submit date and status.

        Args:
            job_id: The job id. Alma's tools prefix it with a letter for the job type (M manual, S
                scheduled, O other), for example M135.
            submit_date_from: Only runs submitted on or after this date.
            submit_date_to: Only runs submitted on or before this date.
            status: Only runs with this status.
            limit: How many runs to return at most.
            offset: How many runs to skip before the first one returned.
        """
        _response = self._transport.request(
            _GET_JOB_INSTANCES,
            path_params={
                "job_id": job_id,
            },
            query={
                "submit_date_from": submit_date_from,
                "submit_date_to": submit_date_to,
                "status": status,
                "limit": limit,
                "offset": offset,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    def iter_job_instances(
        self,
        job_id: str,
        *,
        submit_date_from: str | None = None,
        submit_date_to: str | None = None,
        status: Literal[
            "QUEUED",
            "PENDING",
            "INITIALIZING",
            "RUNNING",
            "COMPLETED_SUCCESS",
            "COMPLETED_NO_BULKS",
            "COMPLETED_WARNINGS",
            "COMPLETED_FAILED",
            "FAILED",
            "ABORTED",
        ]
        | str
        | None = None,
        page_size: int = 100,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[models.JobInstance]:
        """Every item of ``get_job_instances``, fetched page by page (iterator).

        Pagination by offset/limit (declared by x-pagination); drives the query parameters
        ``offset``, ``limit``. The total is ``/total_record_count`` in the body.
        Stops exactly at the end of the collection; ``page_size`` items per request.
        """

        def _page(_offset: int, _limit: int) -> models.JobInstances:
            return self.get_job_instances(
                job_id,
                submit_date_from=submit_date_from,
                submit_date_to=submit_date_to,
                status=status,
                offset=_offset,
                limit=_limit,
                timeout=timeout,
                extra_headers=extra_headers,
            )

        return _pagination.iter_offset_pages(
            _page,
            items=lambda _answer: _pagination.items_at(_answer, "/job_instance"),
            total=lambda _answer: _access.value_at(_answer, "/total_record_count"),
            limit=page_size,
        )

    def wait_for_job_instance(
        self,
        job_id: str,
        instance_id: str,
        *,
        timeout: float = 600.0,
        poll_interval: float = 2.0,
        on_progress: Callable[[JobProgress], None] | None = None,
    ) -> models.JobInstance:
        """Poll until the job ends; return it when it succeeded.

        Polls ``get_job_instance`` with growing intervals (from ``poll_interval``
        seconds) and calls ``on_progress`` whenever the progress changes.

        Raises:
            JobFailedError: the job ended in failure (``error.job`` is the final object).
            JobTimeoutError: ``timeout`` seconds passed first (``error.job`` is the last read).
        """

        def _read() -> models.JobInstance:
            _job = self.get_job_instance(
                job_id=job_id,
                instance_id=instance_id,
            )
            return _job_rules.same_job(_job, "/id", instance_id)

        _rules = _WAIT_FOR_JOB_INSTANCE_RULES
        return _jobs.wait_for_job(
            _read,
            is_success=_rules.is_success,
            is_failure=_rules.is_failure,
            progress=_rules.progress,
            timeout=timeout,
            poll_interval=poll_interval,
            on_progress=on_progress,
        )


class JobsResourceWithRawResponse:
    """The calls of ``JobsResource``, answering ``APIResponse`` objects."""

    def __init__(self, resource: JobsResource) -> None:
        self.get_job = _raw.raw(resource.get_job)
        self.get_jobs = _raw.raw(resource.get_jobs)
        self.run_job = _raw.raw(resource.run_job)


class JobsResource(_resource.SyncResource[JobsResourceWithRawResponse]):
    """Jobs defined in Alma, and starting a run of one"""

    _raw_class = JobsResourceWithRawResponse

    def get_job(
        self,
        job_id: str,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Job:
        """Get a job

        The job's definition, including the parameters it takes.

        Args:
            job_id: The job id. Alma's tools prefix it with a letter for the job type (M manual, S
                scheduled, O other), for example M135.
        """
        _response = self._transport.request(
            _GET_JOB,
            path_params={
                "job_id": job_id,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    def get_jobs(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        category: str | None = None,
        type: Literal["MANUAL", "SCHEDULED", "OTHER"] | None = None,
        profile_id: str | None = None,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Jobs:
        """List jobs

        One page of the institution's jobs, optionally only those of one type or category.

        Args:
            limit: How many jobs to return at most.
            offset: How many jobs to skip before the first one returned.
            category: Only jobs of this category (a job category code).
            type: Only jobs of this type.
            profile_id: Only jobs that use this profile.
        """
        _response = self._transport.request(
            _GET_JOBS,
            query={
                "limit": limit,
                "offset": offset,
                "category": category,
                "type": type,
                "profile_id": profile_id,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    def iter_jobs(
        self,
        *,
        category: str | None = None,
        type: Literal["MANUAL", "SCHEDULED", "OTHER"] | None = None,
        profile_id: str | None = None,
        page_size: int = 100,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[models.Job]:
        """Every item of ``get_jobs``, fetched page by page (iterator).

        Pagination by offset/limit (declared by x-pagination); drives the query parameters
        ``offset``, ``limit``. The total is ``/total_record_count`` in the body.
        Stops exactly at the end of the collection; ``page_size`` items per request.
        """

        def _page(_offset: int, _limit: int) -> models.Jobs:
            return self.get_jobs(
                category=category,
                type=type,
                profile_id=profile_id,
                offset=_offset,
                limit=_limit,
                timeout=timeout,
                extra_headers=extra_headers,
            )

        return _pagination.iter_offset_pages(
            _page,
            items=lambda _answer: _pagination.items_at(_answer, "/job"),
            total=lambda _answer: _access.value_at(_answer, "/total_record_count"),
            limit=page_size,
        )

    def run_job(
        self,
        job_id: str,
        job: models.Job,
        *,
        wire_format: Literal["json", "xml"] = "json",
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Job:
        """Run a job

        Starts a run of the job and answers at once; the run goes on in Alma. Follow it with
        getJobInstance, using the instance id at the end of additional_info.link. Alma refuses the
        call when 3 jobs started through the API are already running, or when this job has run 5
        times in the last hour.

        Sends query parameter ``op`` as ``'run'``: What to do with the job; run starts it.

        Args:
            job_id: The job id. Alma's tools prefix it with a letter for the job type (M manual, S
                scheduled, O other), for example M135.
        """
        _response = self._transport.request(
            _RUN_JOB,
            path_params={
                "job_id": job_id,
            },
            query={
                "op": "run",
            },
            headers={"Accept": "application/xml" if wire_format == "xml" else "application/json"},
            body=(XmlBody(job, root="job") if wire_format == "xml" else JsonBody(job)),
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()


class AsyncInstancesResourceWithRawResponse:
    """The calls of ``AsyncInstancesResource``, answering ``APIResponse`` objects."""

    def __init__(self, resource: AsyncInstancesResource) -> None:
        self.get_job_instance = _raw.async_raw(resource.get_job_instance)
        self.get_job_instances = _raw.async_raw(resource.get_job_instances)


class AsyncInstancesResource(_resource.AsyncResource[AsyncInstancesResourceWithRawResponse]):
    """Runs of a job (job instances), with their status, progress and counters"""

    _raw_class = AsyncInstancesResourceWithRawResponse

    async def get_job_instance(
        self,
        job_id: str,
        instance_id: str,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.JobInstance:
        """Get a run of a job

        The run's status, progress and counters. Poll this until the run has ended (see JobStatus),
        waiting between calls to spare the daily quota.

        Args:
            job_id: The job id. Alma's tools prefix it with a letter for the job type (M manual, S
                scheduled, O other), for example M135.
            instance_id: The id of one run of the job, for example 55493478870005501.
        """
        _response = await self._transport.request(
            _GET_JOB_INSTANCE,
            path_params={
                "job_id": job_id,
                "instance_id": instance_id,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    async def get_job_instances(
        self,
        job_id: str,
        *,
        submit_date_from: str | None = None,
        submit_date_to: str | None = None,
        status: Literal[
            "QUEUED",
            "PENDING",
            "INITIALIZING",
            "RUNNING",
            "COMPLETED_SUCCESS",
            "COMPLETED_NO_BULKS",
            "COMPLETED_WARNINGS",
            "COMPLETED_FAILED",
            "FAILED",
            "ABORTED",
        ]
        | str
        | None = None,
        limit: int | None = None,
        offset: int | None = None,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.JobInstances:
        """List runs of a job

        One page of the job's runs, optionally filtered by submit date and status.

        Args:
            job_id: The job id. Alma's tools prefix it with a letter for the job type (M manual, S
                scheduled, O other), for example M135.
            submit_date_from: Only runs submitted on or after this date.
            submit_date_to: Only runs submitted on or before this date.
            status: Only runs with this status.
            limit: How many runs to return at most.
            offset: How many runs to skip before the first one returned.
        """
        _response = await self._transport.request(
            _GET_JOB_INSTANCES,
            path_params={
                "job_id": job_id,
            },
            query={
                "submit_date_from": submit_date_from,
                "submit_date_to": submit_date_to,
                "status": status,
                "limit": limit,
                "offset": offset,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    def iter_job_instances(
        self,
        job_id: str,
        *,
        submit_date_from: str | None = None,
        submit_date_to: str | None = None,
        status: Literal[
            "QUEUED",
            "PENDING",
            "INITIALIZING",
            "RUNNING",
            "COMPLETED_SUCCESS",
            "COMPLETED_NO_BULKS",
            "COMPLETED_WARNINGS",
            "COMPLETED_FAILED",
            "FAILED",
            "ABORTED",
        ]
        | str
        | None = None,
        page_size: int = 100,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[models.JobInstance]:
        """Every item of ``get_job_instances``, fetched page by page (async iterator).

        Pagination by offset/limit (declared by x-pagination); drives the query parameters
        ``offset``, ``limit``. The total is ``/total_record_count`` in the body.
        Stops exactly at the end of the collection; ``page_size`` items per request.
        """

        async def _page(_offset: int, _limit: int) -> models.JobInstances:
            return await self.get_job_instances(
                job_id,
                submit_date_from=submit_date_from,
                submit_date_to=submit_date_to,
                status=status,
                offset=_offset,
                limit=_limit,
                timeout=timeout,
                extra_headers=extra_headers,
            )

        return _pagination.aiter_offset_pages(
            _page,
            items=lambda _answer: _pagination.items_at(_answer, "/job_instance"),
            total=lambda _answer: _access.value_at(_answer, "/total_record_count"),
            limit=page_size,
        )

    async def wait_for_job_instance(
        self,
        job_id: str,
        instance_id: str,
        *,
        timeout: float = 600.0,
        poll_interval: float = 2.0,
        on_progress: Callable[[JobProgress], None] | None = None,
    ) -> models.JobInstance:
        """Poll until the job ends; return it when it succeeded.

        Polls ``get_job_instance`` with growing intervals (from ``poll_interval``
        seconds) and calls ``on_progress`` whenever the progress changes.

        Raises:
            JobFailedError: the job ended in failure (``error.job`` is the final object).
            JobTimeoutError: ``timeout`` seconds passed first (``error.job`` is the last read).
        """

        async def _read() -> models.JobInstance:
            _job = await self.get_job_instance(
                job_id=job_id,
                instance_id=instance_id,
            )
            return _job_rules.same_job(_job, "/id", instance_id)

        _rules = _WAIT_FOR_JOB_INSTANCE_RULES
        return await _jobs.async_wait_for_job(
            _read,
            is_success=_rules.is_success,
            is_failure=_rules.is_failure,
            progress=_rules.progress,
            timeout=timeout,
            poll_interval=poll_interval,
            on_progress=on_progress,
        )


class AsyncJobsResourceWithRawResponse:
    """The calls of ``AsyncJobsResource``, answering ``APIResponse`` objects."""

    def __init__(self, resource: AsyncJobsResource) -> None:
        self.get_job = _raw.async_raw(resource.get_job)
        self.get_jobs = _raw.async_raw(resource.get_jobs)
        self.run_job = _raw.async_raw(resource.run_job)


class AsyncJobsResource(_resource.AsyncResource[AsyncJobsResourceWithRawResponse]):
    """Jobs defined in Alma, and starting a run of one"""

    _raw_class = AsyncJobsResourceWithRawResponse

    async def get_job(
        self,
        job_id: str,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Job:
        """Get a job

        The job's definition, including the parameters it takes.

        Args:
            job_id: The job id. Alma's tools prefix it with a letter for the job type (M manual, S
                scheduled, O other), for example M135.
        """
        _response = await self._transport.request(
            _GET_JOB,
            path_params={
                "job_id": job_id,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    async def get_jobs(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        category: str | None = None,
        type: Literal["MANUAL", "SCHEDULED", "OTHER"] | None = None,
        profile_id: str | None = None,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Jobs:
        """List jobs

        One page of the institution's jobs, optionally only those of one type or category.

        Args:
            limit: How many jobs to return at most.
            offset: How many jobs to skip before the first one returned.
            category: Only jobs of this category (a job category code).
            type: Only jobs of this type.
            profile_id: Only jobs that use this profile.
        """
        _response = await self._transport.request(
            _GET_JOBS,
            query={
                "limit": limit,
                "offset": offset,
                "category": category,
                "type": type,
                "profile_id": profile_id,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    def iter_jobs(
        self,
        *,
        category: str | None = None,
        type: Literal["MANUAL", "SCHEDULED", "OTHER"] | None = None,
        profile_id: str | None = None,
        page_size: int = 100,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[models.Job]:
        """Every item of ``get_jobs``, fetched page by page (async iterator).

        Pagination by offset/limit (declared by x-pagination); drives the query parameters
        ``offset``, ``limit``. The total is ``/total_record_count`` in the body.
        Stops exactly at the end of the collection; ``page_size`` items per request.
        """

        async def _page(_offset: int, _limit: int) -> models.Jobs:
            return await self.get_jobs(
                category=category,
                type=type,
                profile_id=profile_id,
                offset=_offset,
                limit=_limit,
                timeout=timeout,
                extra_headers=extra_headers,
            )

        return _pagination.aiter_offset_pages(
            _page,
            items=lambda _answer: _pagination.items_at(_answer, "/job"),
            total=lambda _answer: _access.value_at(_answer, "/total_record_count"),
            limit=page_size,
        )

    async def run_job(
        self,
        job_id: str,
        job: models.Job,
        *,
        wire_format: Literal["json", "xml"] = "json",
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Job:
        """Run a job

        Starts a run of the job and answers at once; the run goes on in Alma. Follow it with
        getJobInstance, using the instance id at the end of additional_info.link. Alma refuses the
        call when 3 jobs started through the API are already running, or when this job has run 5
        times in the last hour.

        Sends query parameter ``op`` as ``'run'``: What to do with the job; run starts it.

        Args:
            job_id: The job id. Alma's tools prefix it with a letter for the job type (M manual, S
                scheduled, O other), for example M135.
        """
        _response = await self._transport.request(
            _RUN_JOB,
            path_params={
                "job_id": job_id,
            },
            query={
                "op": "run",
            },
            headers={"Accept": "application/xml" if wire_format == "xml" else "application/json"},
            body=(XmlBody(job, root="job") if wire_format == "xml" else JsonBody(job)),
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()
