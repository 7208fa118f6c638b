"""The calls of Ex Libris Alma Jobs, grouped by tag: one class each, sync and async."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import Literal, cast

from . import models
from ._runtime._access import value_at
from ._runtime._bodies import JsonBody, XmlBody
from ._runtime._job_rules import JobRules
from ._runtime._jobs import JobProgress, async_wait_for_job, wait_for_job
from ._runtime._operation import OperationSpec, ResponseSpec
from ._runtime._pagination import aiter_offset_pages, iter_offset_pages
from ._runtime._raw import async_raw, raw
from ._runtime._transport import (
    AsyncTransport,
    SyncTransport,
)

_GET_JOB_INSTANCE = OperationSpec(
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
_GET_JOB_INSTANCES = OperationSpec(
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
_GET_JOB = OperationSpec(
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
_GET_JOBS = OperationSpec(
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
_RUN_JOB = OperationSpec(
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


class InstancesResource:
    """Runs of a job (job instances), with their status, progress and counters"""

    def __init__(self, transport: SyncTransport) -> None:
        self._transport = transport

    @property
    def with_raw_response(self) -> InstancesResourceWithRawResponse:
        """The same calls, answering the raw response (status, headers, body) instead."""
        return InstancesResourceWithRawResponse(self)

    def get_job_instance(
        self,
        job_id: str,
        instance_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.JobInstance:
        """Get a run of a job

        The run's status, progress and counters. Poll this until the run has ended (see JobStatus), waiting between calls to spare the daily quota.

                Args:
                    job_id: The job id. Alma's tools prefix it with a letter for the job type (M manual, S scheduled, O other), for example M135.
                    instance_id: The id of one run of the job, for example 55493478870005501.
        """
        response = self._transport.request(
            _GET_JOB_INSTANCE,
            path_params={
                "job_id": job_id,
                "instance_id": instance_id,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("models.JobInstance", response.parse())

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
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.JobInstances:
        """List runs of a job

        One page of the job's runs, optionally filtered by submit date and status.

                Args:
                    job_id: The job id. Alma's tools prefix it with a letter for the job type (M manual, S scheduled, O other), for example M135.
                    submit_date_from: Only runs submitted on or after this date.
                    submit_date_to: Only runs submitted on or before this date.
                    status: Only runs with this status.
                    limit: How many runs to return at most.
                    offset: How many runs to skip before the first one returned.
        """
        response = self._transport.request(
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
        return cast("models.JobInstances", response.parse())

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
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[models.JobInstance]:
        """Every item of ``get_job_instances``, fetched page by page (iterator).

        Stops exactly at the end of the collection; ``page_size`` items per request.
        """

        def page(offset: int, limit: int) -> models.JobInstances:
            return self.get_job_instances(
                job_id,
                submit_date_from=submit_date_from,
                submit_date_to=submit_date_to,
                status=status,
                offset=offset,
                limit=limit,
                timeout=timeout,
                extra_headers=extra_headers,
            )

        return iter_offset_pages(
            page,
            items=lambda answer: cast(
                "list[models.JobInstance]", value_at(answer, "/job_instance") or []
            ),
            total=lambda answer: cast("int | None", value_at(answer, "/total_record_count")),
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

        def read() -> models.JobInstance:
            return self.get_job_instance(
                job_id=job_id,
                instance_id=instance_id,
            )

        rules = _WAIT_FOR_JOB_INSTANCE_RULES
        return wait_for_job(
            read,
            is_success=rules.is_success,
            is_failure=rules.is_failure,
            progress=rules.progress,
            timeout=timeout,
            poll_interval=poll_interval,
            on_progress=on_progress,
        )


class InstancesResourceWithRawResponse:
    """The calls of ``InstancesResource``, answering ``APIResponse`` objects."""

    def __init__(self, resource: InstancesResource) -> None:
        self.get_job_instance = raw(resource.get_job_instance)
        self.get_job_instances = raw(resource.get_job_instances)


class JobsResource:
    """Jobs defined in Alma, and starting a run of one"""

    def __init__(self, transport: SyncTransport) -> None:
        self._transport = transport

    @property
    def with_raw_response(self) -> JobsResourceWithRawResponse:
        """The same calls, answering the raw response (status, headers, body) instead."""
        return JobsResourceWithRawResponse(self)

    def get_job(
        self,
        job_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Job:
        """Get a job

        The job's definition, including the parameters it takes.

                Args:
                    job_id: The job id. Alma's tools prefix it with a letter for the job type (M manual, S scheduled, O other), for example M135.
        """
        response = self._transport.request(
            _GET_JOB,
            path_params={
                "job_id": job_id,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("models.Job", response.parse())

    def get_jobs(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        category: str | None = None,
        type: Literal["MANUAL", "SCHEDULED", "OTHER"] | None = None,
        profile_id: str | None = None,
        timeout: float | None = None,
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
        response = self._transport.request(
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
        return cast("models.Jobs", response.parse())

    def iter_jobs(
        self,
        *,
        category: str | None = None,
        type: Literal["MANUAL", "SCHEDULED", "OTHER"] | None = None,
        profile_id: str | None = None,
        page_size: int = 100,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[models.Job]:
        """Every item of ``get_jobs``, fetched page by page (iterator).

        Stops exactly at the end of the collection; ``page_size`` items per request.
        """

        def page(offset: int, limit: int) -> models.Jobs:
            return self.get_jobs(
                category=category,
                type=type,
                profile_id=profile_id,
                offset=offset,
                limit=limit,
                timeout=timeout,
                extra_headers=extra_headers,
            )

        return iter_offset_pages(
            page,
            items=lambda answer: cast("list[models.Job]", value_at(answer, "/job") or []),
            total=lambda answer: cast("int | None", value_at(answer, "/total_record_count")),
            limit=page_size,
        )

    def run_job(
        self,
        job_id: str,
        job: models.Job,
        *,
        op: Literal["run"],
        wire_format: Literal["json", "xml"] = "json",
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Job:
        """Run a job

        Starts a run of the job and answers at once; the run goes on in Alma. Follow it with getJobInstance, using the instance id at the end of additional_info.link. Alma refuses the call when 3 jobs started through the API are already running, or when this job has run 5 times in the last hour.

                Args:
                    job_id: The job id. Alma's tools prefix it with a letter for the job type (M manual, S scheduled, O other), for example M135.
                    op: What to do with the job; run starts it.
        """
        response = self._transport.request(
            _RUN_JOB,
            path_params={
                "job_id": job_id,
            },
            query={
                "op": op,
            },
            headers={"Accept": "application/xml" if wire_format == "xml" else "application/json"},
            body=(XmlBody(job, root="job") if wire_format == "xml" else JsonBody(job)),
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("models.Job", response.parse())


class JobsResourceWithRawResponse:
    """The calls of ``JobsResource``, answering ``APIResponse`` objects."""

    def __init__(self, resource: JobsResource) -> None:
        self.get_job = raw(resource.get_job)
        self.get_jobs = raw(resource.get_jobs)
        self.run_job = raw(resource.run_job)


class AsyncInstancesResource:
    """Runs of a job (job instances), with their status, progress and counters"""

    def __init__(self, transport: AsyncTransport) -> None:
        self._transport = transport

    @property
    def with_raw_response(self) -> AsyncInstancesResourceWithRawResponse:
        """The same calls, answering the raw response (status, headers, body) instead."""
        return AsyncInstancesResourceWithRawResponse(self)

    async def get_job_instance(
        self,
        job_id: str,
        instance_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.JobInstance:
        """Get a run of a job

        The run's status, progress and counters. Poll this until the run has ended (see JobStatus), waiting between calls to spare the daily quota.

                Args:
                    job_id: The job id. Alma's tools prefix it with a letter for the job type (M manual, S scheduled, O other), for example M135.
                    instance_id: The id of one run of the job, for example 55493478870005501.
        """
        response = await self._transport.request(
            _GET_JOB_INSTANCE,
            path_params={
                "job_id": job_id,
                "instance_id": instance_id,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("models.JobInstance", response.parse())

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
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.JobInstances:
        """List runs of a job

        One page of the job's runs, optionally filtered by submit date and status.

                Args:
                    job_id: The job id. Alma's tools prefix it with a letter for the job type (M manual, S scheduled, O other), for example M135.
                    submit_date_from: Only runs submitted on or after this date.
                    submit_date_to: Only runs submitted on or before this date.
                    status: Only runs with this status.
                    limit: How many runs to return at most.
                    offset: How many runs to skip before the first one returned.
        """
        response = await self._transport.request(
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
        return cast("models.JobInstances", response.parse())

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
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[models.JobInstance]:
        """Every item of ``get_job_instances``, fetched page by page (async iterator).

        Stops exactly at the end of the collection; ``page_size`` items per request.
        """

        async def page(offset: int, limit: int) -> models.JobInstances:
            return await self.get_job_instances(
                job_id,
                submit_date_from=submit_date_from,
                submit_date_to=submit_date_to,
                status=status,
                offset=offset,
                limit=limit,
                timeout=timeout,
                extra_headers=extra_headers,
            )

        return aiter_offset_pages(
            page,
            items=lambda answer: cast(
                "list[models.JobInstance]", value_at(answer, "/job_instance") or []
            ),
            total=lambda answer: cast("int | None", value_at(answer, "/total_record_count")),
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

        async def read() -> models.JobInstance:
            return await self.get_job_instance(
                job_id=job_id,
                instance_id=instance_id,
            )

        rules = _WAIT_FOR_JOB_INSTANCE_RULES
        return await async_wait_for_job(
            read,
            is_success=rules.is_success,
            is_failure=rules.is_failure,
            progress=rules.progress,
            timeout=timeout,
            poll_interval=poll_interval,
            on_progress=on_progress,
        )


class AsyncInstancesResourceWithRawResponse:
    """The calls of ``AsyncInstancesResource``, answering ``APIResponse`` objects."""

    def __init__(self, resource: AsyncInstancesResource) -> None:
        self.get_job_instance = async_raw(resource.get_job_instance)
        self.get_job_instances = async_raw(resource.get_job_instances)


class AsyncJobsResource:
    """Jobs defined in Alma, and starting a run of one"""

    def __init__(self, transport: AsyncTransport) -> None:
        self._transport = transport

    @property
    def with_raw_response(self) -> AsyncJobsResourceWithRawResponse:
        """The same calls, answering the raw response (status, headers, body) instead."""
        return AsyncJobsResourceWithRawResponse(self)

    async def get_job(
        self,
        job_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Job:
        """Get a job

        The job's definition, including the parameters it takes.

                Args:
                    job_id: The job id. Alma's tools prefix it with a letter for the job type (M manual, S scheduled, O other), for example M135.
        """
        response = await self._transport.request(
            _GET_JOB,
            path_params={
                "job_id": job_id,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("models.Job", response.parse())

    async def get_jobs(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        category: str | None = None,
        type: Literal["MANUAL", "SCHEDULED", "OTHER"] | None = None,
        profile_id: str | None = None,
        timeout: float | None = None,
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
        response = await self._transport.request(
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
        return cast("models.Jobs", response.parse())

    def iter_jobs(
        self,
        *,
        category: str | None = None,
        type: Literal["MANUAL", "SCHEDULED", "OTHER"] | None = None,
        profile_id: str | None = None,
        page_size: int = 100,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[models.Job]:
        """Every item of ``get_jobs``, fetched page by page (async iterator).

        Stops exactly at the end of the collection; ``page_size`` items per request.
        """

        async def page(offset: int, limit: int) -> models.Jobs:
            return await self.get_jobs(
                category=category,
                type=type,
                profile_id=profile_id,
                offset=offset,
                limit=limit,
                timeout=timeout,
                extra_headers=extra_headers,
            )

        return aiter_offset_pages(
            page,
            items=lambda answer: cast("list[models.Job]", value_at(answer, "/job") or []),
            total=lambda answer: cast("int | None", value_at(answer, "/total_record_count")),
            limit=page_size,
        )

    async def run_job(
        self,
        job_id: str,
        job: models.Job,
        *,
        op: Literal["run"],
        wire_format: Literal["json", "xml"] = "json",
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Job:
        """Run a job

        Starts a run of the job and answers at once; the run goes on in Alma. Follow it with getJobInstance, using the instance id at the end of additional_info.link. Alma refuses the call when 3 jobs started through the API are already running, or when this job has run 5 times in the last hour.

                Args:
                    job_id: The job id. Alma's tools prefix it with a letter for the job type (M manual, S scheduled, O other), for example M135.
                    op: What to do with the job; run starts it.
        """
        response = await self._transport.request(
            _RUN_JOB,
            path_params={
                "job_id": job_id,
            },
            query={
                "op": op,
            },
            headers={"Accept": "application/xml" if wire_format == "xml" else "application/json"},
            body=(XmlBody(job, root="job") if wire_format == "xml" else JsonBody(job)),
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("models.Job", response.parse())


class AsyncJobsResourceWithRawResponse:
    """The calls of ``AsyncJobsResource``, answering ``APIResponse`` objects."""

    def __init__(self, resource: AsyncJobsResource) -> None:
        self.get_job = async_raw(resource.get_job)
        self.get_jobs = async_raw(resource.get_jobs)
        self.run_job = async_raw(resource.run_job)
