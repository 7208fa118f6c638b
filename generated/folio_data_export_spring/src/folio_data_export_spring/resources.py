"""The calls of FOLIO Data Export Spring, grouped by tag: one class each, sync and async.

Every call takes ``timeout``: seconds for this call, ``None`` for no timeout at all, or left out
(``NOT_GIVEN``) for the client's ``timeout``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator, Mapping

from . import models
from ._runtime import _access, _job_rules, _jobs, _pagination, _raw, _resource
from ._runtime._bodies import JsonBody
from ._runtime._job_rules import JobRules
from ._runtime._jobs import JobProgress
from ._runtime._notgiven import NOT_GIVEN, NotGiven
from ._runtime._operation import OperationSpec, ResponseSpec
from ._runtime._transport import AsyncStreamedResponse, StreamedResponse

_DOWNLOAD_EXPORTED_FILE_BY_JOB_ID: OperationSpec[bytes] = OperationSpec(
    method="GET",
    path="/data-export-spring/jobs/{id}/download",
    responses=(ResponseSpec(200, "binary", None),),
    errors={},
)
_GET_JOB_BY_ID: OperationSpec[models.Job] = OperationSpec(
    method="GET",
    path="/data-export-spring/jobs/{id}",
    responses=(ResponseSpec(200, "json", models.Job),),
    errors={
        400: models.Errors,
        404: models.Errors,
        500: models.Errors,
    },
)
_GET_JOBS: OperationSpec[models.JobCollection] = OperationSpec(
    method="GET",
    path="/data-export-spring/jobs",
    responses=(ResponseSpec(200, "json", models.JobCollection),),
    errors={
        400: models.Errors,
        500: models.Errors,
    },
)
_RESEND_EXPORTED_FILE: OperationSpec[None] = OperationSpec(
    method="POST",
    path="/data-export-spring/jobs/{id}/resend",
    responses=(ResponseSpec(201, "empty", None),),
    errors={
        400: models.Errors,
        404: models.Errors,
        500: models.Errors,
    },
)
_SEND_JOB: OperationSpec[None] = OperationSpec(
    method="POST",
    path="/data-export-spring/jobs/send",
    responses=(ResponseSpec(200, "empty", None),),
    errors={
        400: models.Errors,
        500: models.Errors,
    },
)
_UPSERT_JOB: OperationSpec[models.Job] = OperationSpec(
    method="POST",
    path="/data-export-spring/jobs",
    responses=(
        ResponseSpec(200, "json", models.Job),
        ResponseSpec(201, "json", models.Job),
    ),
    errors={
        400: models.Errors,
        500: models.Errors,
    },
)
_WAIT_FOR_JOB_RULES = JobRules(
    status="/status",
    success=frozenset(["SUCCESSFUL"]),
    failure=frozenset(["FAILED"]),
    finished_when_set=None,
    complete_when=None,
    percent="/progress/progress",
    processed="/progress/processed",
    total="/progress/total",
)


class JobsResourceWithRawResponse:
    """The calls of ``JobsResource``, answering ``APIResponse`` objects."""

    def __init__(self, resource: JobsResource) -> None:
        self.get_job_by_id = _raw.raw(resource.get_job_by_id)
        self.get_jobs = _raw.raw(resource.get_jobs)
        self.resend_exported_file = _raw.raw(resource.resend_exported_file)
        self.send_job = _raw.raw(resource.send_job)
        self.upsert_job = _raw.raw(resource.upsert_job)


class JobsResource(_resource.SyncResource[JobsResourceWithRawResponse]):
    """Export jobs and their files"""

    _raw_class = JobsResourceWithRawResponse

    def download_exported_file_by_job_id(
        self,
        id: str,
        *,
        key: str | None = None,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> StreamedResponse:
        """Download the exported file

        Downloads the file exported by the job with the given ID, as bytes. `key` selects one file
        in storage when the job produced several.

        Args:
            id: UUID of the job
            key: Key of the file in storage to be downloaded

        Returns:
            A streamed download: ``iter_bytes()`` or ``write_to(path)``; use it in a
            ``with`` block so the connection is released.
        """
        return self._transport.stream(
            _DOWNLOAD_EXPORTED_FILE_BY_JOB_ID,
            path_params={
                "id": id,
            },
            query={
                "key": key,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def get_job_by_id(
        self,
        id: str,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Job:
        """Get a job

        Returns the job with the given ID, including its status and progress.

        Args:
            id: UUID of the job
        """
        _response = self._transport.request(
            _GET_JOB_BY_ID,
            path_params={
                "id": id,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    def get_jobs(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        query: str | None = None,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.JobCollection:
        """List jobs

        Returns a page of jobs, optionally filtered by a CQL query; paged with offset and limit.

        Args:
            offset: Skip over a number of elements by specifying an offset value for the query
            limit: Limit the number of elements returned in the response
            query: A CQL query string to filter jobs based on matching criteria in fields.
        """
        _response = self._transport.request(
            _GET_JOBS,
            query={
                "offset": offset,
                "limit": limit,
                "query": query,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    def iter_jobs(
        self,
        *,
        query: str | None = None,
        page_size: int = 100,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[models.Job]:
        """Every item of ``get_jobs``, fetched page by page (iterator).

        Pagination by offset/limit (declared by x-pagination); drives the query parameters
        ``offset``, ``limit``. The total is ``/totalRecords`` in the body.
        Stops exactly at the end of the collection; ``page_size`` items per request.
        """

        def _page(_offset: int, _limit: int) -> models.JobCollection:
            return self.get_jobs(
                query=query,
                offset=_offset,
                limit=_limit,
                timeout=timeout,
                extra_headers=extra_headers,
            )

        return _pagination.iter_offset_pages(
            _page,
            items=lambda _answer: _pagination.items_at(_answer, "/jobRecords"),
            total=lambda _answer: _access.value_at(_answer, "/totalRecords"),
            limit=page_size,
        )

    def resend_exported_file(
        self,
        id: str,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Resend the exported file

        Resends the file exported by the job with the given ID; answers 201 without a body.

        Args:
            id: UUID of the job
        """
        _response = self._transport.request(
            _RESEND_EXPORTED_FILE,
            path_params={
                "id": id,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        _response.parse()

    def send_job(
        self,
        job: models.Job,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Send a job via Kafka

        Sends the given job to the module's Kafka topic instead of storing it; answers 200 without a
        body.
        """
        _response = self._transport.request(
            _SEND_JOB,
            body=JsonBody(job),
            timeout=timeout,
            extra_headers=extra_headers,
        )
        _response.parse()

    def upsert_job(
        self,
        job: models.Job,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Job:
        """Create or update a job

        Creates a job (201) or, when a job with the given id exists, updates it (200). The job runs
        asynchronously; poll it with getJobById until its status is SUCCESSFUL or FAILED.
        """
        _response = self._transport.request(
            _UPSERT_JOB,
            body=JsonBody(job),
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    def wait_for_job(
        self,
        id: str,
        *,
        timeout: float = 600.0,
        poll_interval: float = 2.0,
        on_progress: Callable[[JobProgress], None] | None = None,
    ) -> models.Job:
        """Poll until the job ends; return it when it succeeded.

        Polls ``get_job_by_id`` with growing intervals (from ``poll_interval``
        seconds) and calls ``on_progress`` whenever the progress changes.

        Raises:
            JobFailedError: the job ended in failure (``error.job`` is the final object).
            JobTimeoutError: ``timeout`` seconds passed first (``error.job`` is the last read).
        """

        def _read() -> models.Job:
            _job = self.get_job_by_id(
                id=id,
            )
            return _job_rules.same_job(_job, "/id", id)

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


class AsyncJobsResourceWithRawResponse:
    """The calls of ``AsyncJobsResource``, answering ``APIResponse`` objects."""

    def __init__(self, resource: AsyncJobsResource) -> None:
        self.get_job_by_id = _raw.async_raw(resource.get_job_by_id)
        self.get_jobs = _raw.async_raw(resource.get_jobs)
        self.resend_exported_file = _raw.async_raw(resource.resend_exported_file)
        self.send_job = _raw.async_raw(resource.send_job)
        self.upsert_job = _raw.async_raw(resource.upsert_job)


class AsyncJobsResource(_resource.AsyncResource[AsyncJobsResourceWithRawResponse]):
    """Export jobs and their files"""

    _raw_class = AsyncJobsResourceWithRawResponse

    async def download_exported_file_by_job_id(
        self,
        id: str,
        *,
        key: str | None = None,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncStreamedResponse:
        """Download the exported file

        Downloads the file exported by the job with the given ID, as bytes. `key` selects one file
        in storage when the job produced several.

        Args:
            id: UUID of the job
            key: Key of the file in storage to be downloaded

        Returns:
            A streamed download: ``iter_bytes()`` or ``write_to(path)``; use it in a
            ``with`` block so the connection is released.
        """
        return await self._transport.stream(
            _DOWNLOAD_EXPORTED_FILE_BY_JOB_ID,
            path_params={
                "id": id,
            },
            query={
                "key": key,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def get_job_by_id(
        self,
        id: str,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Job:
        """Get a job

        Returns the job with the given ID, including its status and progress.

        Args:
            id: UUID of the job
        """
        _response = await self._transport.request(
            _GET_JOB_BY_ID,
            path_params={
                "id": id,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    async def get_jobs(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        query: str | None = None,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.JobCollection:
        """List jobs

        Returns a page of jobs, optionally filtered by a CQL query; paged with offset and limit.

        Args:
            offset: Skip over a number of elements by specifying an offset value for the query
            limit: Limit the number of elements returned in the response
            query: A CQL query string to filter jobs based on matching criteria in fields.
        """
        _response = await self._transport.request(
            _GET_JOBS,
            query={
                "offset": offset,
                "limit": limit,
                "query": query,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    def iter_jobs(
        self,
        *,
        query: str | None = None,
        page_size: int = 100,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[models.Job]:
        """Every item of ``get_jobs``, fetched page by page (async iterator).

        Pagination by offset/limit (declared by x-pagination); drives the query parameters
        ``offset``, ``limit``. The total is ``/totalRecords`` in the body.
        Stops exactly at the end of the collection; ``page_size`` items per request.
        """

        async def _page(_offset: int, _limit: int) -> models.JobCollection:
            return await self.get_jobs(
                query=query,
                offset=_offset,
                limit=_limit,
                timeout=timeout,
                extra_headers=extra_headers,
            )

        return _pagination.aiter_offset_pages(
            _page,
            items=lambda _answer: _pagination.items_at(_answer, "/jobRecords"),
            total=lambda _answer: _access.value_at(_answer, "/totalRecords"),
            limit=page_size,
        )

    async def resend_exported_file(
        self,
        id: str,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Resend the exported file

        Resends the file exported by the job with the given ID; answers 201 without a body.

        Args:
            id: UUID of the job
        """
        _response = await self._transport.request(
            _RESEND_EXPORTED_FILE,
            path_params={
                "id": id,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        _response.parse()

    async def send_job(
        self,
        job: models.Job,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Send a job via Kafka

        Sends the given job to the module's Kafka topic instead of storing it; answers 200 without a
        body.
        """
        _response = await self._transport.request(
            _SEND_JOB,
            body=JsonBody(job),
            timeout=timeout,
            extra_headers=extra_headers,
        )
        _response.parse()

    async def upsert_job(
        self,
        job: models.Job,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Job:
        """Create or update a job

        Creates a job (201) or, when a job with the given id exists, updates it (200). The job runs
        asynchronously; poll it with getJobById until its status is SUCCESSFUL or FAILED.
        """
        _response = await self._transport.request(
            _UPSERT_JOB,
            body=JsonBody(job),
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    async def wait_for_job(
        self,
        id: str,
        *,
        timeout: float = 600.0,
        poll_interval: float = 2.0,
        on_progress: Callable[[JobProgress], None] | None = None,
    ) -> models.Job:
        """Poll until the job ends; return it when it succeeded.

        Polls ``get_job_by_id`` with growing intervals (from ``poll_interval``
        seconds) and calls ``on_progress`` whenever the progress changes.

        Raises:
            JobFailedError: the job ended in failure (``error.job`` is the final object).
            JobTimeoutError: ``timeout`` seconds passed first (``error.job`` is the last read).
        """

        async def _read() -> models.Job:
            _job = await self.get_job_by_id(
                id=id,
            )
            return _job_rules.same_job(_job, "/id", id)

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
