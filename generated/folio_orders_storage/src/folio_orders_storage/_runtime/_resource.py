"""The base of every generated resource class: the transport, and ``with_raw_response``.

A generated resource names its raw twin as the type argument, for type checkers, and as
``_raw_class``, to make it (the twin is declared just before it, and reached through
``_resource.`` so that a tag named ``async`` may have a class named ``AsyncResource``):

    class JobsResourceWithRawResponse:
        def __init__(self, resource: JobsResource) -> None:
            self.get_job_by_id = _raw.raw(resource.get_job_by_id)

    class JobsResource(_resource.SyncResource[JobsResourceWithRawResponse]):
        _raw_class = JobsResourceWithRawResponse

``client.jobs.with_raw_response`` is then a ``JobsResourceWithRawResponse`` to a type checker,
each of its methods typed as the call it wraps, answering ``APIResponse`` of the call's type.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Any, Generic, TypeVar

from ._transport import AsyncTransport, SyncTransport

RawT = TypeVar("RawT")


class _Resource(Generic[RawT]):
    # The raw twin's class; Any: the twin takes the concrete resource class, not this base.
    _raw_class: Callable[[Any], RawT]

    @cached_property
    def with_raw_response(self) -> RawT:
        """The same calls, answering the raw response (status, headers, body) instead."""
        return self._raw_class(self)


class SyncResource(_Resource[RawT]):
    def __init__(self, transport: SyncTransport) -> None:
        self._transport = transport


class AsyncResource(_Resource[RawT]):
    def __init__(self, transport: AsyncTransport) -> None:
        self._transport = transport
