"""The one error hierarchy of a generated client.

Every failure a call can meet ends in one of these: a status error with the parsed error
body, a connection or timeout error, a response that does not match the spec or is too large,
a path parameter refused before sending, pages that do not move, or a job that failed or took
too long. Messages name the method and the path template, never the full URL, whose query
could hold a secret.
"""

from __future__ import annotations

from typing import Any

import httpx

from ._request_id import request_id


class APIError(Exception):
    """Base of every error this client raises.

    ``request_id`` is the id the server gave the request (``X-Request-Id`` or the header the
    spec declares), when an answer came; the message ends with it, for support tickets.
    """

    def __init__(
        self,
        message: str,
        *,
        request: httpx.Request | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        self.request_id = request_id(response)
        if self.request_id is not None:
            message = f"{message} (request id {self.request_id})"
        super().__init__(message)
        self.message = message
        self.request = request


class APIStatusError(APIError):
    """The server answered with a status that is not a success."""

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response | None,
        body: Any = None,
        status_code: int | None = None,
    ) -> None:
        super().__init__(
            message,
            request=response.request if response is not None else None,
            response=response,
        )
        self.response = response
        self.status_code = (
            status_code
            if status_code is not None
            else (response.status_code if response is not None else 0)
        )
        self.headers: httpx.Headers = response.headers if response is not None else httpx.Headers()
        self.body = body

    @classmethod
    def without_response(cls, message: str) -> APIStatusError:
        """For an answer judged by content rather than status (a job not listed)."""
        return cls(message, response=None, status_code=404 if cls is NotFoundError else 0)


class BadRequestError(APIStatusError):
    """400"""


class AuthenticationError(APIStatusError):
    """401, or a login that failed"""


class PermissionDeniedError(APIStatusError):
    """403"""


class NotFoundError(APIStatusError):
    """404"""


class ConflictError(APIStatusError):
    """409"""


class UnprocessableEntityError(APIStatusError):
    """422"""


class RateLimitError(APIStatusError):
    """429"""


class InternalServerError(APIStatusError):
    """5xx"""


class APIConnectionError(APIError):
    """The server could not be reached, or the connection broke."""


class APITimeoutError(APIConnectionError):
    """Connecting, sending or reading took longer than the timeout."""


class ResponseValidationError(APIError):
    """A successful answer that does not match the spec; ``body`` is the raw content."""

    def __init__(self, message: str, *, response: httpx.Response, body: bytes) -> None:
        super().__init__(message, request=response.request, response=response)
        self.response = response
        self.status_code = response.status_code
        self.body = body


class ResponseTooLargeError(APIError):
    """An answer longer than the client's ``max_response_bytes``, counted after decoding.

    Reading stopped as soon as the bound was passed, so no body is kept; ``status_code`` and
    ``headers`` are the answer's, ``limit`` the bound.
    """

    def __init__(self, message: str, *, response: httpx.Response, limit: int) -> None:
        super().__init__(message, request=response.request, response=response)
        self.response = response
        self.status_code = response.status_code
        self.headers: httpx.Headers = response.headers
        self.limit = limit


class PathParameterError(APIError, ValueError):
    """A path parameter that would change the endpoint (``""``, ``"."`` or ``".."``).

    It is the caller's argument, hence also a ``ValueError``; nothing was sent.
    """


class JobFailedError(APIError):
    """The job ended in failure; ``job`` is its final state."""

    def __init__(self, message: str, *, job: Any) -> None:
        super().__init__(message)
        self.job = job


class JobTimeoutError(APIError):
    """The job did not end before the deadline; ``job`` is the last state read."""

    def __init__(self, message: str, *, job: Any) -> None:
        super().__init__(message)
        self.job = job


class PaginationError(APIError):
    """The server's pages do not move through the collection (a page repeats the one before,
    a cursor or a next link comes again), or its next link cannot be followed (no URL, or one
    to another origin); ``offset`` is how many items came before that page."""

    def __init__(self, message: str, *, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status: int) -> type[APIStatusError]:
    if status >= 500:
        return InternalServerError
    return _BY_STATUS.get(status, APIStatusError)
