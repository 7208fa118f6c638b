"""The calls of FOLIO Orders Storage Batch Tracking, grouped by tag: one class each, sync and async.

Every call takes ``timeout``: seconds for this call, ``None`` for no timeout at all, or left out
(``NOT_GIVEN``) for the client's ``timeout``.
"""

from __future__ import annotations

from collections.abc import Mapping

from . import models
from ._runtime import _raw, _resource
from ._runtime._bodies import JsonBody
from ._runtime._notgiven import NOT_GIVEN, NotGiven
from ._runtime._operation import OperationSpec, ResponseSpec

_CLEANUP_BATCH_TRACKING: OperationSpec[str] = OperationSpec(
    method="POST",
    path="/orders-storage/batch-tracking/cleanup",
    responses=(ResponseSpec(200, "text", None),),
    errors={},
)
_CREATE_BATCH_TRACKING: OperationSpec[models.BatchTracking] = OperationSpec(
    method="POST",
    path="/orders-storage/batch-tracking",
    responses=(ResponseSpec(201, "json", models.BatchTracking),),
    errors={
        422: models.Errors,
    },
)
_DELETE_BATCH_TRACKING: OperationSpec[None] = OperationSpec(
    method="DELETE",
    path="/orders-storage/batch-tracking/{id}",
    responses=(ResponseSpec(204, "empty", None),),
    errors={},
)


class BatchTrackingResourceWithRawResponse:
    """The calls of ``BatchTrackingResource``, answering ``APIResponse`` objects."""

    def __init__(self, resource: BatchTrackingResource) -> None:
        self.cleanup_batch_tracking = _raw.raw(resource.cleanup_batch_tracking)
        self.create_batch_tracking = _raw.raw(resource.create_batch_tracking)
        self.delete_batch_tracking = _raw.raw(resource.delete_batch_tracking)


class BatchTrackingResource(_resource.SyncResource[BatchTrackingResourceWithRawResponse]):
    """Batch tracking records"""

    _raw_class = BatchTrackingResourceWithRawResponse

    def cleanup_batch_tracking(
        self,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> str:
        """Clean up old batch tracking records

        Deletes batch tracking records older than 24 hours. Upstream runs it from a timer.
        """
        _response = self._transport.request(
            _CLEANUP_BATCH_TRACKING,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    def create_batch_tracking(
        self,
        batch_tracking: models.BatchTracking,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.BatchTracking:
        """Create a batch tracking record

        Starts tracking a batch of totalRecords records.
        """
        _response = self._transport.request(
            _CREATE_BATCH_TRACKING,
            body=JsonBody(batch_tracking),
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    def delete_batch_tracking(
        self,
        id: str,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Delete a batch tracking record

        Args:
            id: Id of the batch tracking record (a UUID)
        """
        _response = self._transport.request(
            _DELETE_BATCH_TRACKING,
            path_params={
                "id": id,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        _response.parse()


class AsyncBatchTrackingResourceWithRawResponse:
    """The calls of ``AsyncBatchTrackingResource``, answering ``APIResponse`` objects."""

    def __init__(self, resource: AsyncBatchTrackingResource) -> None:
        self.cleanup_batch_tracking = _raw.async_raw(resource.cleanup_batch_tracking)
        self.create_batch_tracking = _raw.async_raw(resource.create_batch_tracking)
        self.delete_batch_tracking = _raw.async_raw(resource.delete_batch_tracking)


class AsyncBatchTrackingResource(
    _resource.AsyncResource[AsyncBatchTrackingResourceWithRawResponse]
):
    """Batch tracking records"""

    _raw_class = AsyncBatchTrackingResourceWithRawResponse

    async def cleanup_batch_tracking(
        self,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> str:
        """Clean up old batch tracking records

        Deletes batch tracking records older than 24 hours. Upstream runs it from a timer.
        """
        _response = await self._transport.request(
            _CLEANUP_BATCH_TRACKING,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    async def create_batch_tracking(
        self,
        batch_tracking: models.BatchTracking,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.BatchTracking:
        """Create a batch tracking record

        Starts tracking a batch of totalRecords records.
        """
        _response = await self._transport.request(
            _CREATE_BATCH_TRACKING,
            body=JsonBody(batch_tracking),
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return _response.parse()

    async def delete_batch_tracking(
        self,
        id: str,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Delete a batch tracking record

        Args:
            id: Id of the batch tracking record (a UUID)
        """
        _response = await self._transport.request(
            _DELETE_BATCH_TRACKING,
            path_params={
                "id": id,
            },
            timeout=timeout,
            extra_headers=extra_headers,
        )
        _response.parse()
