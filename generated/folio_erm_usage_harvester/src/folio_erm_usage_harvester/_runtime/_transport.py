"""Sending a call: URL, headers and body built from the operation, retries, error mapping.

``SyncTransport`` and ``AsyncTransport`` differ only in how they wait and send; everything
they decide is in the shared functions above them, so both behave the same.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
import uuid
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from enum import Enum
from pathlib import Path
from types import TracebackType
from typing import Any, Generic, TypedDict, TypeVar, Unpack
from urllib.parse import quote

import httpx

from . import _deadline as deadline
from ._bodies import Body
from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    PathParameterError,
    status_error_class,
)
from ._hooks import Hooks
from ._notgiven import NOT_GIVEN, NotGiven, given_or
from ._operation import OperationSpec
from ._raw import record
from ._reading import (
    ACCEPT_ENCODING,
    DEFAULT_MAX_RESPONSE_BYTES,
    BodyReader,
    aiter_decoded,
    check_read,
    checked_limit,
    iter_decoded,
)
from ._redact import install, own_call, redacted_url
from ._redirects import Redirects
from ._request_id import REQUEST_ID_HEADER, request_id
from ._response import APIResponse, adapter, decode
from ._retry import RetryPolicy
from ._security import REQUIREMENT
from ._user_agent import HEADER as USER_AGENT
from ._user_agent import chosen_by_caller

logger = logging.getLogger(__name__.rsplit(".", 2)[0])

T = TypeVar("T")

_ACCEPT = {
    "json": "application/json",
    "xml": "application/xml",
    "text": "text/plain",
    "binary": "application/octet-stream",
    "events": "text/event-stream",
}


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


# Segments a URL resolves away (RFC 3986 5.2.4) or leaves empty: each would reach another
# endpoint ("/orders/{id}" with ".." is "/"). Encoding cannot save them: servers decode "%2E".
_MOVING_SEGMENTS = frozenset({"", ".", ".."})


def build_path(spec: OperationSpec[Any], path_params: Mapping[str, Any] | None) -> str:
    """The path with every parameter percent-encoded: ``../x`` and ``a/b`` stay one segment;
    a value that would be a segment of its own making (``""``, ``"."``, ``".."``) is refused."""
    path = spec.path
    for name, value in (path_params or {}).items():
        text = _text(value)
        if text in _MOVING_SEGMENTS:
            raise PathParameterError(
                f"path parameter {name!r} of {spec.method} {spec.path} cannot be {text!r}: "
                "it would change the endpoint; nothing was sent"
            )
        path = path.replace("{" + name + "}", quote(text, safe=""))
    return path


def build_query(
    query: Mapping[str, Any] | None,
) -> list[tuple[str, str | int | float | bool | None]]:
    pairs: list[tuple[str, str | int | float | bool | None]] = []
    for name, value in (query or {}).items():
        if value is None:
            continue
        for item in value if isinstance(value, list | tuple) else [value]:
            pairs.append((name, _text(item)))
    return pairs


class CallOptions(TypedDict, total=False):
    """What a generated call passes besides its operation."""

    path_params: Mapping[str, Any] | None
    query: Mapping[str, Any] | None
    headers: Mapping[str, Any] | None
    body: Body | None
    timeout: float | NotGiven | None  # None: no timeout; NOT_GIVEN: the client's
    extra_headers: Mapping[str, str] | None
    # a whole URL instead of the path and query: a next link of the same origin (_pagination)
    url: str | None


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    spec: OperationSpec[Any],
    opened: contextlib.ExitStack,
    *,
    base_url: str,
    default_headers: Mapping[str, str],
    default_timeout: float | httpx.Timeout,
    **options: Unpack[CallOptions],
) -> httpx.Request:
    """The request of one call; files it opens for the body are registered in ``opened``.

    The URL, the client's default headers and its timeout go on the request itself, so that a
    caller's http client is used as it is, never changed (its own headers and cookies still
    come with every call, under ours).
    """
    headers, body = options.get("headers"), options.get("body")
    timeout, extra_headers = options.get("timeout", NOT_GIVEN), options.get("extra_headers")
    sent: dict[str, str] = {k: _text(v) for k, v in (headers or {}).items() if v is not None}
    if "accept" not in {k.lower() for k in sent} and spec.responses:
        kinds = [r.kind for r in spec.responses if r.kind != "empty"]
        if kinds:
            sent["Accept"] = _ACCEPT[kinds[0]]
    arguments: dict[str, Any] = {}
    if body is not None:
        arguments, content_type = body.encode(opened)
        if content_type:
            sent["Content-Type"] = content_type
    sent.update(extra_headers or {})
    # What Headers(default_headers).update(sent) would hold, without building two Headers:
    # the defaults ``sent`` does not name (in any case), then ``sent``.
    named = {name.lower() for name in sent}
    merged = [(k, v) for k, v in default_headers.items() if k.lower() not in named]
    merged.extend(sent.items())
    key_header = spec.idempotency_header
    if key_header is not None and key_header.lower() not in {k.lower() for k, _ in merged}:
        merged.append((key_header, str(uuid.uuid4())))
    chosen = given_or(timeout, default_timeout)
    extensions: dict[str, Any] = {"timeout": httpx.Timeout(chosen).as_dict()}
    if spec.security is not None:
        extensions[REQUIREMENT] = spec.security
    if spec.request_id_header is not None:
        extensions[REQUEST_ID_HEADER] = spec.request_id_header
    url: str | httpx.URL | None = options.get("url")
    params: list[tuple[str, str | int | float | bool | None]] | None = None
    if not url:
        url = base_url + build_path(spec, options.get("path_params"))
        params = build_query(options.get("query"))
        if not client.params:
            # httpx parses a URL string, then parses it again to set the query: one parse here.
            # A caller's http client with params of its own has httpx merge them with ours.
            url, params = httpx.URL(url, params=params), None
    return client.build_request(
        spec.method, url, params=params, headers=merged, extensions=extensions, **arguments
    )


def status_error(spec: OperationSpec[Any], response: httpx.Response) -> APIStatusError:
    """The error for a non-success answer, with its body typed when the spec declares it."""
    body: Any = None
    try:
        body = decode(response, None) if response.content else None
    except Exception:  # an unreadable error body is still an error: keep the text
        body = response.text
    model = spec.error_model(response.status_code)
    if model is not None and body is not None and not isinstance(body, str):
        # the raw JSON is more useful than a second error
        with contextlib.suppress(ValueError, RecursionError):
            body = adapter(model).validate_python(body)
    reason = response.reason_phrase or "Error"
    message = f"{response.status_code} {reason}: {spec.method} {spec.path}"
    return status_error_class(response.status_code)(message, response=response, body=body)


def connection_error(spec: OperationSpec[Any], error: httpx.TransportError) -> APIConnectionError:
    what = f"{spec.method} {spec.path}"
    if isinstance(error, httpx.TimeoutException):
        return APITimeoutError(f"timed out: {what}", request=_request_of(error))
    return APIConnectionError(
        f"connection failed ({type(error).__name__}): {what}", request=_request_of(error)
    )


def _request_of(error: httpx.TransportError) -> httpx.Request | None:
    try:
        return error.request
    except RuntimeError:
        return None


def _log(response: httpx.Response) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        request = response.request
        logger.debug("%s %s -> %s", request.method, redacted_url(request.url), response.status_code)


def _retryable(spec: OperationSpec[Any], retry: RetryPolicy) -> bool:
    # a call carrying an idempotency key is safe to send again, whatever its method
    return retry.applies_to(spec.method, idempotent=spec.idempotency_header is not None)


def _body_deadline(request: httpx.Request, clock: Callable[[], float]) -> float | None:
    """When reading an answer's body must be over: the read timeout, for the whole body.

    httpx's read timeout bounds each read, so a server that sends one byte a second would
    hold a call forever; this bounds the sum. Streamed downloads are not bounded this way.
    """
    timeouts = request.extensions.get("timeout") or {}
    limit = timeouts.get("read")
    return None if limit is None else clock() + float(limit)


_HttpClient = TypeVar("_HttpClient", httpx.Client, httpx.AsyncClient)


class _TransportBase(Generic[_HttpClient]):
    _client: _HttpClient
    _owns_client: bool

    def __init__(
        self,
        base_url: str,
        *,
        auth: httpx.Auth | None,
        timeout: float | httpx.Timeout,
        retry: RetryPolicy | None,
        default_headers: Mapping[str, str] | None,
        max_response_bytes: int | None,
        user_agent: str | None,
        http_client: httpx.Client | httpx.AsyncClient | None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._auth = auth
        self._timeout = timeout
        self.retry = retry or RetryPolicy()
        self.max_response_bytes = checked_limit(max_response_bytes)
        identity = {}
        if user_agent is not None and not (
            http_client is not None and chosen_by_caller(http_client.headers)
        ):
            identity[USER_AGENT] = user_agent
        self._headers = {"Accept-Encoding": ACCEPT_ENCODING, **identity, **(default_headers or {})}
        self._redirects = Redirects(self.base_url, getattr(auth, "credential_headers", ()))
        self.hooks = Hooks()
        install()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"

    def _build(
        self, spec: OperationSpec[Any], opened: contextlib.ExitStack, **options: Unpack[CallOptions]
    ) -> httpx.Request:
        return build_request(
            self._client,
            spec,
            opened,
            base_url=self.base_url,
            # an http client of ours has them as its own headers already (see __init__)
            default_headers={} if self._owns_client else self._headers,
            default_timeout=self._timeout,
            **options,
        )

    def _auth_for(self, trusted: bool) -> Any:
        """The auth of one hop: ours, or else the http client's own; none off the origin."""
        if not trusted:
            return None
        return httpx.USE_CLIENT_DEFAULT if self._auth is None else self._auth


class StreamedResponse:
    """A binary answer read in chunks: ``iter_bytes()`` or ``write_to(path)``."""

    def __init__(self, response: httpx.Response) -> None:
        self.http_response = response

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The id the server gave this request (``X-Request-Id`` or the spec's header)."""
        return request_id(self.http_response)

    def iter_bytes(self, chunk_size: int = 65536) -> Iterator[bytes]:
        return iter_decoded(self.http_response, chunk_size)

    def write_to(self, path: str | Path, chunk_size: int = 65536) -> Path:
        """Write the body to ``path`` (all or nothing) and return it."""
        target = Path(path)
        handle, temporary = tempfile.mkstemp(dir=target.parent or ".", suffix=".part")
        try:
            with os.fdopen(handle, "wb") as stream:
                for chunk in iter_decoded(self.http_response, chunk_size):
                    stream.write(chunk)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return target

    def close(self) -> None:
        self.http_response.close()

    def __enter__(self) -> StreamedResponse:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncStreamedResponse:
    """The async twin of ``StreamedResponse``."""

    def __init__(self, response: httpx.Response) -> None:
        self.http_response = response

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The id the server gave this request (``X-Request-Id`` or the spec's header)."""
        return request_id(self.http_response)

    def aiter_bytes(self, chunk_size: int = 65536) -> AsyncIterator[bytes]:
        return aiter_decoded(self.http_response, chunk_size)

    async def write_to(self, path: str | Path, chunk_size: int = 65536) -> Path:
        target = Path(path)
        handle, temporary = tempfile.mkstemp(dir=target.parent or ".", suffix=".part")
        try:
            with os.fdopen(handle, "wb") as stream:
                async for chunk in aiter_decoded(self.http_response, chunk_size):
                    stream.write(chunk)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return target

    async def aclose(self) -> None:
        await self.http_response.aclose()

    async def __aenter__(self) -> AsyncStreamedResponse:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


class SyncTransport(_TransportBase[httpx.Client]):
    def __init__(
        self,
        base_url: str,
        *,
        auth: httpx.Auth | None = None,
        timeout: float | httpx.Timeout = 30.0,
        retry: RetryPolicy | None = None,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        max_response_bytes: int | None = DEFAULT_MAX_RESPONSE_BYTES,
        user_agent: str | None = None,
    ) -> None:
        super().__init__(
            base_url,
            auth=auth,
            timeout=timeout,
            retry=retry,
            default_headers=default_headers,
            max_response_bytes=max_response_bytes,
            user_agent=user_agent,
            http_client=http_client,
        )
        # A caller's http client is theirs: used as it is, never changed, and not closed. Ours
        # has the default headers as its own: httpx merges them with its own defaults once, here,
        # instead of on every call.
        self._owns_client = http_client is None
        self._client = http_client or httpx.Client(
            transport=transport, timeout=timeout, headers=self._headers
        )

    def close(self) -> None:
        if self._owns_client:
            self._client.close()

    def _deliver(self, request: httpx.Request) -> httpx.Response:
        """One attempt, with the redirects the http client follows (see ``_redirects``)."""
        self.hooks.before(request)
        with own_call():
            response = self._client.send(
                request, stream=True, follow_redirects=False, auth=self._auth_for(True)
            )
            for _ in range(self._client.max_redirects if self._client.follow_redirects else 0):
                hop = self._redirects.next_hop(response.request, response, self._client.cookies)
                if hop is None:
                    break
                response.close()
                response = self._client.send(
                    hop.request,
                    stream=True,
                    follow_redirects=False,
                    auth=self._auth_for(hop.trusted),
                )
            self.hooks.after(response)
            return response

    def _send(
        self, spec: OperationSpec[Any], request: httpx.Request, stream: bool
    ) -> httpx.Response:
        retry = self.retry
        started = retry.clock()
        attempt = 0
        while True:
            try:
                deadline.bound(request)
                response = self._deliver(request)
                if not stream:
                    response = self._read(spec, response)
            except httpx.TransportError as error:
                wait = retry.next_wait(attempt, started, None) if _retryable(spec, retry) else None
                if wait is None:
                    raise connection_error(spec, error) from None
            else:
                _log(response)
                if response.is_success:
                    return response
                wait = None
                if _retryable(spec, retry) and retry.should_retry_status(response.status_code):
                    wait = retry.next_wait(attempt, started, response)
                if wait is None:
                    if stream:  # the error's body is read within the bound too
                        response = self._read(spec, response)
                    raise status_error(spec, response)
                response.close()
            retry.sleep(wait)
            attempt += 1

    def _read(self, spec: OperationSpec[Any], response: httpx.Response) -> httpx.Response:
        if response.is_stream_consumed:  # read already, by a transport that reads eagerly
            check_read(spec, response, self.max_response_bytes)
            return response
        due = _body_deadline(response.request, self.retry.clock)
        try:
            return BodyReader(spec, response, self.max_response_bytes, due, self.retry.clock).read()
        finally:
            response.close()

    def request(self, spec: OperationSpec[T], **options: Unpack[CallOptions]) -> APIResponse[T]:
        with contextlib.ExitStack() as opened:
            request = self._build(spec, opened, **options)
            try:
                response = self._send(spec, request, stream=False)
            except httpx.TransportError as error:  # raised while reading the body
                raise connection_error(spec, error) from None
            answer = APIResponse(response, spec)
            record(answer)
            return answer

    def stream(self, spec: OperationSpec[Any], **options: Unpack[CallOptions]) -> StreamedResponse:
        with contextlib.ExitStack() as opened:
            request = self._build(spec, opened, **options)
            try:
                response = self._send(spec, request, stream=True)
            except httpx.TransportError as error:  # raised while reading an error's body
                raise connection_error(spec, error) from None
            return StreamedResponse(response)


class AsyncTransport(_TransportBase[httpx.AsyncClient]):
    def __init__(
        self,
        base_url: str,
        *,
        auth: httpx.Auth | None = None,
        timeout: float | httpx.Timeout = 30.0,
        retry: RetryPolicy | None = None,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        max_response_bytes: int | None = DEFAULT_MAX_RESPONSE_BYTES,
        user_agent: str | None = None,
    ) -> None:
        super().__init__(
            base_url,
            auth=auth,
            timeout=timeout,
            retry=retry,
            default_headers=default_headers,
            max_response_bytes=max_response_bytes,
            user_agent=user_agent,
            http_client=http_client,
        )
        # A caller's http client is theirs: used as it is, never changed, and not closed. Ours
        # has the default headers as its own (see SyncTransport).
        self._owns_client = http_client is None
        self._client = http_client or httpx.AsyncClient(
            transport=transport, timeout=timeout, headers=self._headers
        )

    async def aclose(self) -> None:
        if self._owns_client:
            await self._client.aclose()

    async def _deliver(self, request: httpx.Request) -> httpx.Response:
        self.hooks.before(request)
        with own_call():
            response = await self._client.send(
                request, stream=True, follow_redirects=False, auth=self._auth_for(True)
            )
            for _ in range(self._client.max_redirects if self._client.follow_redirects else 0):
                hop = self._redirects.next_hop(response.request, response, self._client.cookies)
                if hop is None:
                    break
                await response.aclose()
                response = await self._client.send(
                    hop.request,
                    stream=True,
                    follow_redirects=False,
                    auth=self._auth_for(hop.trusted),
                )
            self.hooks.after(response)
            return response

    async def _send(
        self, spec: OperationSpec[Any], request: httpx.Request, stream: bool
    ) -> httpx.Response:
        retry = self.retry
        started = retry.clock()
        attempt = 0
        while True:
            try:
                deadline.bound(request)
                response = await self._deliver(request)
                if not stream:
                    response = await self._read(spec, response)
            except httpx.TransportError as error:
                wait = retry.next_wait(attempt, started, None) if _retryable(spec, retry) else None
                if wait is None:
                    raise connection_error(spec, error) from None
            else:
                _log(response)
                if response.is_success:
                    return response
                wait = None
                if _retryable(spec, retry) and retry.should_retry_status(response.status_code):
                    wait = retry.next_wait(attempt, started, response)
                if wait is None:
                    if stream:  # the error's body is read within the bound too
                        response = await self._read(spec, response)
                    raise status_error(spec, response)
                await response.aclose()
            await retry.async_sleep(wait)
            attempt += 1

    async def _read(self, spec: OperationSpec[Any], response: httpx.Response) -> httpx.Response:
        if response.is_stream_consumed:  # read already, by a transport that reads eagerly
            check_read(spec, response, self.max_response_bytes)
            return response
        due = _body_deadline(response.request, self.retry.clock)
        try:
            reader = BodyReader(spec, response, self.max_response_bytes, due, self.retry.clock)
            return await reader.aread()
        finally:
            await response.aclose()

    async def request(
        self, spec: OperationSpec[T], **options: Unpack[CallOptions]
    ) -> APIResponse[T]:
        with contextlib.ExitStack() as opened:
            request = self._build(spec, opened, **options)
            try:
                response = await self._send(spec, request, stream=False)
            except httpx.TransportError as error:
                raise connection_error(spec, error) from None
            answer = APIResponse(response, spec)
            record(answer)
            return answer

    async def stream(
        self, spec: OperationSpec[Any], **options: Unpack[CallOptions]
    ) -> AsyncStreamedResponse:
        with contextlib.ExitStack() as opened:
            request = self._build(spec, opened, **options)
            try:
                response = await self._send(spec, request, stream=True)
            except httpx.TransportError as error:  # raised while reading an error's body
                raise connection_error(spec, error) from None
            return AsyncStreamedResponse(response)
