"""The calls of Liquid Decisions Batch Import and Export, grouped by tag: one class each, sync and
async.

Every call takes ``timeout``: seconds for this call, ``None`` for no timeout at all, or left out
(``NOT_GIVEN``) for the client's ``timeout``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Literal

from . import models
from ._runtime import _job_rules, _jobs, _raw, _resource
from ._runtime._bodies import FileInput, FormBody, MultipartBody
from ._runtime._job_rules import JobRules
from ._runtime._jobs import JobProgress
from ._runtime._notgiven import NOT_GIVEN, NotGiven
from ._runtime._operation import OperationSpec, ResponseSpec

_GET_TOKEN: OperationSpec[models.Token] = OperationSpec(
    method="POST",
    path="/ls/api/oauth2/token",
    responses=(ResponseSpec(200, "json", models.Token),),
    errors={},
    security=(),
)
_VALIDATE_TOKEN: OperationSpec[None] = OperationSpec(
    method="GET",
    path="/ls/api/oauth2/validate",
    responses=(ResponseSpec(200, "empty", None),),
    errors={},
)
_CANCEL_BATCH_JOB: OperationSpec[models.BatchStatus] = OperationSpec(
    method="POST",
    path="/ls/api/batch/cancel",
    responses=(ResponseSpec(200, "json", models.BatchStatus),),
    errors={},
)
_EXPORT_BATCH: OperationSpec[models.BatchStatus] = OperationSpec(
    method="POST",
    path="/ls/api/batch/export",
    responses=(ResponseSpec(200, "json", models.BatchStatus),),
    errors={},
)
_GET_BATCH_STATUS: OperationSpec[models.BatchStatus] = OperationSpec(
    method="POST",
    path="/ls/api/batch/status",
    responses=(ResponseSpec(200, "json", models.BatchStatus),),
    errors={},
)
_IMPORT_BATCH: OperationSpec[models.BatchStatus] = OperationSpec(
    method="POST",
    path="/ls/api/batch/import",
    responses=(ResponseSpec(200, "json", models.BatchStatus),),
    errors={},
)
_WAIT_FOR_BATCH_JOB_RULES = JobRules(
    status="/status",
    success=frozenset(["Completed"]),
    failure=frozenset(["Rejected", "Canceled", "Failed"]),
    finished_when_set=None,
    complete_when=None,
    percent=None,
    processed="/recordsProcessed",
    total=None,
)


class AuthResourceWithRawResponse:
    """The calls of ``AuthResource``, answering ``APIResponse`` objects."""

    def __init__(self, resource: AuthResource) -> None:
        self.get_token = _raw.raw(resource.get_token)
        self.validate_token = _raw.raw(resource.validate_token)


class AuthResource(_resource.SyncResource[AuthResourceWithRawResponse]):
    """OAuth2 access tokens for the batch calls"""

    _raw_class = AuthResourceWithRawResponse

    def get_token(
        self,
        *,
        client_id: str,
        client_secret: str,
        username: str,
        password: str,
        scope: str,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Token:
        """Get an access token

        Trades a user's name and password, and the client's id and secret, for an access token (the
        OAuth2 password grant), limited to one community.

        Sends the body field ``grant_type`` as ``'password'``: Always password.

        Args:
            client_id: The OAuth2 client id Liquid Decisions issued to this application.
            client_secret: The client secret that goes with client_id.
            username: The user to act as.
            password: That user's password.
            scope: The community to work in, written community=<community>.
        """
        _response = self._transport.request(
            _GET_TOKEN,
            body=FormBody(
                {
                    "grant_type": "password",
                    "client_id": client_id,
                    "client_secret": client_secret,
                    "username": username,
                    "password": password,
                    "scope": scope,
                }
            ),
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    def validate_token(
        self,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Check an access token

        Tells whether the bearer token sent with the call is still valid.
        """
        _response = self._transport.request(
            _VALIDATE_TOKEN,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        _response.parse()


class BatchResourceWithRawResponse:
    """The calls of ``BatchResource``, answering ``APIResponse`` objects."""

    def __init__(self, resource: BatchResource) -> None:
        self.cancel_batch_job = _raw.raw(resource.cancel_batch_job)
        self.export_batch = _raw.raw(resource.export_batch)
        self.get_batch_status = _raw.raw(resource.get_batch_status)
        self.import_batch = _raw.raw(resource.import_batch)


class BatchResource(_resource.SyncResource[BatchResourceWithRawResponse]):
    """Batch import and export jobs, and their status"""

    _raw_class = BatchResourceWithRawResponse

    def cancel_batch_job(
        self,
        *,
        job_id: str,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.BatchStatus:
        """Cancel a batch job

        Asks for a batch job to be canceled. A job that has not finished goes to Canceling and
        becomes Canceled when it is next picked up. (Used by the examples; the wiki table does not
        list this call.)

        Args:
            job_id: The id of the job to cancel.
        """
        _response = self._transport.request(
            _CANCEL_BATCH_JOB,
            body=FormBody(
                {
                    "jobId": job_id,
                }
            ),
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    def export_batch(
        self,
        *,
        job_name: str,
        item_type: str,
        content_type: Literal["application/json", "text/plain"],
        row_header: bool | None = None,
        template: str | None = None,
        sql_query: str | None = None,
        filters: str | None = None,
        notification_email: str | None = None,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.BatchStatus:
        """Export items to a file

        Starts a job that exports items of one type as JSON or CSV. Without sqlQuery and filters
        every item of the type is exported. When the job has completed, its status carries links to
        download the result, valid for one week.

        Args:
            job_name: A name for the job.
            item_type: The item type (from the Liquid Decisions schema) to export.
            content_type: The format to export to, JSON or CSV text.
            row_header: Whether a CSV export starts with a row of field names.
            template: A Velocity template that turns each item's JSON into a CSV row.
            sql_query: A SQL query whose result is what gets exported.
            filters: A JSON object, as text, of field values an item must have to be exported, for
                example {"userId": "someone@example.com"}. Ignored when sqlQuery is given.
            notification_email: Where to send mail about the job's progress.
        """
        _response = self._transport.request(
            _EXPORT_BATCH,
            body=FormBody(
                {
                    "jobName": job_name,
                    "itemType": item_type,
                    "contentType": content_type,
                    "rowHeader": row_header,
                    "template": template,
                    "sqlQuery": sql_query,
                    "filters": filters,
                    "notificationEmail": notification_email,
                }
            ),
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    def get_batch_status(
        self,
        *,
        job_id: str,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.BatchStatus:
        """Get a batch job's status

        The current status of a batch job submitted earlier.

        Args:
            job_id: The id of the job, from the answer that submitted it.
        """
        _response = self._transport.request(
            _GET_BATCH_STATUS,
            body=FormBody(
                {
                    "jobId": job_id,
                }
            ),
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    def import_batch(
        self,
        *,
        file: FileInput,
        job_name: str,
        item_type: str,
        content_type: Literal["application/json", "text/plain"],
        template: FileInput | None = None,
        merge: bool | None = None,
        notification_email: str | None = None,
        header_row: bool | None = None,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.BatchStatus:
        """Import items from a file

        Uploads a JSON or CSV file of items and starts a job that imports them. The answer comes
        once the file is stored; the job runs afterwards, and mail goes to notificationEmail when it
        ends or fails.

        Args:
            file: The file of items to import.
            template: The template that maps a CSV file to items, sent as a file part.
            job_name: A name for the job.
            item_type: The item type (from the Liquid Decisions schema) to import.
            content_type: The format of the file, JSON or CSV text.
            merge: Whether to merge the items into existing ones; false overwrites them.
            notification_email: Where to send mail about the job's progress.
            header_row: Whether a CSV file starts with a row of field names.
        """
        _response = self._transport.request(
            _IMPORT_BATCH,
            body=MultipartBody(
                fields={
                    "jobName": job_name,
                    "itemType": item_type,
                    "contentType": content_type,
                    "merge": merge,
                    "notificationEmail": notification_email,
                    "headerRow": header_row,
                },
                files={
                    "file": file,
                    "template": template,
                },
            ),
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    def wait_for_batch_job(
        self,
        job_id: str,
        *,
        timeout: float = 600.0,
        poll_interval: float = 2.0,
        on_progress: Callable[[JobProgress], None] | None = None,
    ) -> models.BatchStatus:
        """Poll until the job ends; return it when it succeeded.

        Polls ``get_batch_status`` with growing intervals (from ``poll_interval``
        seconds) and calls ``on_progress`` whenever the progress changes.

        Raises:
            JobFailedError: the job ended in failure (``error.job`` is the final object).
            JobTimeoutError: ``timeout`` seconds passed first (``error.job`` is the last read).
        """

        def _read() -> models.BatchStatus:
            _job = self.get_batch_status(
                job_id=job_id,
            )
            return _job_rules.same_job(_job, "/jobId", job_id)

        _rules = _WAIT_FOR_BATCH_JOB_RULES
        return _jobs.wait_for_job(
            _read,
            is_success=_rules.is_success,
            is_failure=_rules.is_failure,
            progress=_rules.progress,
            timeout=timeout,
            poll_interval=poll_interval,
            on_progress=on_progress,
        )


class AsyncAuthResourceWithRawResponse:
    """The calls of ``AsyncAuthResource``, answering ``APIResponse`` objects."""

    def __init__(self, resource: AsyncAuthResource) -> None:
        self.get_token = _raw.async_raw(resource.get_token)
        self.validate_token = _raw.async_raw(resource.validate_token)


class AsyncAuthResource(_resource.AsyncResource[AsyncAuthResourceWithRawResponse]):
    """OAuth2 access tokens for the batch calls"""

    _raw_class = AsyncAuthResourceWithRawResponse

    async def get_token(
        self,
        *,
        client_id: str,
        client_secret: str,
        username: str,
        password: str,
        scope: str,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Token:
        """Get an access token

        Trades a user's name and password, and the client's id and secret, for an access token (the
        OAuth2 password grant), limited to one community.

        Sends the body field ``grant_type`` as ``'password'``: Always password.

        Args:
            client_id: The OAuth2 client id Liquid Decisions issued to this application.
            client_secret: The client secret that goes with client_id.
            username: The user to act as.
            password: That user's password.
            scope: The community to work in, written community=<community>.
        """
        _response = await self._transport.request(
            _GET_TOKEN,
            body=FormBody(
                {
                    "grant_type": "password",
                    "client_id": client_id,
                    "client_secret": client_secret,
                    "username": username,
                    "password": password,
                    "scope": scope,
                }
            ),
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    async def validate_token(
        self,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Check an access token

        Tells whether the bearer token sent with the call is still valid.
        """
        _response = await self._transport.request(
            _VALIDATE_TOKEN,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        _response.parse()


class AsyncBatchResourceWithRawResponse:
    """The calls of ``AsyncBatchResource``, answering ``APIResponse`` objects."""

    def __init__(self, resource: AsyncBatchResource) -> None:
        self.cancel_batch_job = _raw.async_raw(resource.cancel_batch_job)
        self.export_batch = _raw.async_raw(resource.export_batch)
        self.get_batch_status = _raw.async_raw(resource.get_batch_status)
        self.import_batch = _raw.async_raw(resource.import_batch)


class AsyncBatchResource(_resource.AsyncResource[AsyncBatchResourceWithRawResponse]):
    """Batch import and export jobs, and their status"""

    _raw_class = AsyncBatchResourceWithRawResponse

    async def cancel_batch_job(
        self,
        *,
        job_id: str,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.BatchStatus:
        """Cancel a batch job

        Asks for a batch job to be canceled. A job that has not finished goes to Canceling and
        becomes Canceled when it is next picked up. (Used by the examples; the wiki table does not
        list this call.)

        Args:
            job_id: The id of the job to cancel.
        """
        _response = await self._transport.request(
            _CANCEL_BATCH_JOB,
            body=FormBody(
                {
                    "jobId": job_id,
                }
            ),
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    async def export_batch(
        self,
        *,
        job_name: str,
        item_type: str,
        content_type: Literal["application/json", "text/plain"],
        row_header: bool | None = None,
        template: str | None = None,
        sql_query: str | None = None,
        filters: str | None = None,
        notification_email: str | None = None,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.BatchStatus:
        """Export items to a file

        Starts a job that exports items of one type as JSON or CSV. Without sqlQuery and filters
        every item of the type is exported. When the job has completed, its status carries links to
        download the result, valid for one week.

        Args:
            job_name: A name for the job.
            item_type: The item type (from the Liquid Decisions schema) to export.
            content_type: The format to export to, JSON or CSV text.
            row_header: Whether a CSV export starts with a row of field names.
            template: A Velocity template that turns each item's JSON into a CSV row.
            sql_query: A SQL query whose result is what gets exported.
            filters: A JSON object, as text, of field values an item must have to be exported, for
                example {"userId": "someone@example.com"}. Ignored when sqlQuery is given.
            notification_email: Where to send mail about the job's progress.
        """
        _response = await self._transport.request(
            _EXPORT_BATCH,
            body=FormBody(
                {
                    "jobName": job_name,
                    "itemType": item_type,
                    "contentType": content_type,
                    "rowHeader": row_header,
                    "template": template,
                    "sqlQuery": sql_query,
                    "filters": filters,
                    "notificationEmail": notification_email,
                }
            ),
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    async def get_batch_status(
        self,
        *,
        job_id: str,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.BatchStatus:
        """Get a batch job's status

        The current status of a batch job submitted earlier.

        Args:
            job_id: The id of the job, from the answer that submitted it.
        """
        _response = await self._transport.request(
            _GET_BATCH_STATUS,
            body=FormBody(
                {
                    "jobId": job_id,
                }
            ),
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    async def import_batch(
        self,
        *,
        file: FileInput,
        job_name: str,
        item_type: str,
        content_type: Literal["application/json", "text/plain"],
        template: FileInput | None = None,
        merge: bool | None = None,
        notification_email: str | None = None,
        header_row: bool | None = None,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.BatchStatus:
        """Import items from a file

        Uploads a JSON or CSV file of items and starts a job that imports them. The answer comes
        once the file is stored; the job runs afterwards, and mail goes to notificationEmail when it
        ends or fails.

        Args:
            file: The file of items to import.
            template: The template that maps a CSV file to items, sent as a file part.
            job_name: A name for the job.
            item_type: The item type (from the Liquid Decisions schema) to import.
            content_type: The format of the file, JSON or CSV text.
            merge: Whether to merge the items into existing ones; false overwrites them.
            notification_email: Where to send mail about the job's progress.
            header_row: Whether a CSV file starts with a row of field names.
        """
        _response = await self._transport.request(
            _IMPORT_BATCH,
            body=MultipartBody(
                fields={
                    "jobName": job_name,
                    "itemType": item_type,
                    "contentType": content_type,
                    "merge": merge,
                    "notificationEmail": notification_email,
                    "headerRow": header_row,
                },
                files={
                    "file": file,
                    "template": template,
                },
            ),
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    async def wait_for_batch_job(
        self,
        job_id: str,
        *,
        timeout: float = 600.0,
        poll_interval: float = 2.0,
        on_progress: Callable[[JobProgress], None] | None = None,
    ) -> models.BatchStatus:
        """Poll until the job ends; return it when it succeeded.

        Polls ``get_batch_status`` with growing intervals (from ``poll_interval``
        seconds) and calls ``on_progress`` whenever the progress changes.

        Raises:
            JobFailedError: the job ended in failure (``error.job`` is the final object).
            JobTimeoutError: ``timeout`` seconds passed first (``error.job`` is the last read).
        """

        async def _read() -> models.BatchStatus:
            _job = await self.get_batch_status(
                job_id=job_id,
            )
            return _job_rules.same_job(_job, "/jobId", job_id)

        _rules = _WAIT_FOR_BATCH_JOB_RULES
        return await _jobs.async_wait_for_job(
            _read,
            is_success=_rules.is_success,
            is_failure=_rules.is_failure,
            progress=_rules.progress,
            timeout=timeout,
            poll_interval=poll_interval,
            on_progress=on_progress,
        )
