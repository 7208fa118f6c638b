"""Reading an answer's body: decoded as it arrives, and never more of it than a bound.

httpx inflates each network chunk whole, so one 64 KiB chunk of a gzip bomb is 64 MiB before
anything could count it. Here zlib is asked for at most one step of output at a time, and the
decoded total is counted as it grows: a parsed answer stops as soon as it passes the client's
``max_response_bytes``, and a streamed download holds at most one step of decoded bytes.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any, Protocol

import httpx

from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    ResponseTooLargeError,
    ResponseValidationError,
    status_error_class,
)
from ._operation import OperationSpec

DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
"""A parsed answer's bound: pages of job records are a few MiB; validated models take several
times their JSON's size, so 64 MiB of JSON is already hundreds of MiB of objects."""

ACCEPT_ENCODING = "gzip, deflate"
"""What the clients can decode within the bound; httpx would also offer br and zstd when their
packages happen to be installed, whose decoders cannot be asked for a bounded output."""

_STEP = 1 << 16


def checked_limit(limit: int | None) -> int | None:
    """``max_response_bytes`` as given: a positive number of bytes, or None for no bound."""
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise ValueError(f"max_response_bytes must be a positive int or None, not {limit!r}")
    return limit


class _Undecodable(Exception):
    """The body cannot be decoded as its Content-Encoding says."""


class _Decoder(Protocol):
    def feed(self, data: bytes) -> Iterator[bytes]: ...

    def finish(self) -> None: ...


class _Identity:
    def feed(self, data: bytes) -> Iterator[bytes]:
        if data:
            yield data

    def finish(self) -> None:
        return None


class _Inflate:
    """gzip or deflate, at most ``step`` decoded bytes at a time."""

    def __init__(self, name: str, step: int) -> None:
        self._name, self._step = name, step
        # "deflate" should be zlib-wrapped, yet servers send it raw too: httpx tries both
        self._fallback = -zlib.MAX_WBITS if name == "deflate" else None
        wbits = zlib.MAX_WBITS | 16 if name != "deflate" else zlib.MAX_WBITS
        self._inflate = zlib.decompressobj(wbits)
        self._fed = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        while not self._inflate.eof:  # what follows the end of the stream is ignored, as httpx does
            try:
                piece = self._inflate.decompress(data, self._step)
            except zlib.error as error:
                if self._fed or self._fallback is None:
                    raise _Undecodable(f"bad {self._name} data: {error}") from None
                self._inflate = zlib.decompressobj(self._fallback)
                self._fallback = None
                continue
            self._fed = True
            if piece:
                yield piece
            data = self._inflate.unconsumed_tail
            if not data and len(piece) < self._step:
                return  # all input used, and zlib had room to spare: nothing is pending

    def finish(self) -> None:
        if self._fed and not self._inflate.eof:
            raise _Undecodable(f"the {self._name} data ends early")


class _Unsupported:
    """An encoding the client did not offer (br, zstd, compress): its bytes are not the body."""

    def __init__(self, name: str) -> None:
        self._name = name

    def feed(self, data: bytes) -> Iterator[bytes]:
        return iter(())

    def finish(self) -> None:
        raise _Undecodable(f"content encoding {self._name!r} is not supported")


class _Chain:
    """Several encodings, undone in the reverse of the order they were applied."""

    def __init__(self, decoders: list[_Decoder]) -> None:
        self._decoders = decoders

    def feed(self, data: bytes) -> Iterator[bytes]:
        return self._through(self._decoders, data)

    def _through(self, decoders: list[_Decoder], data: bytes) -> Iterator[bytes]:
        first, rest = decoders[0], decoders[1:]
        for piece in first.feed(data):
            if rest:
                yield from self._through(rest, piece)
            else:
                yield piece

    def finish(self) -> None:
        for decoder in self._decoders:
            decoder.finish()


_UNSUPPORTED = frozenset({"br", "zstd", "compress", "x-compress"})


def _decoder(headers: httpx.Headers, step: int) -> tuple[_Decoder, bool]:
    """The decoder of ``Content-Encoding``, and whether the body is encoded at all."""
    decoders: list[_Decoder] = []
    for value in headers.get_list("content-encoding", split_commas=True):
        name = value.strip().lower()
        if name in ("gzip", "x-gzip", "deflate"):
            decoders.append(_Inflate("gzip" if name == "x-gzip" else name, step))
        elif name in _UNSUPPORTED:
            decoders.append(_Unsupported(name))
        # anything else ("identity", or a server's nonsense) is ignored, as httpx does
    if not decoders:
        return _Identity(), False
    return (decoders[0] if len(decoders) == 1 else _Chain(decoders[::-1])), True


def buffered(response: httpx.Response, content: bytes) -> httpx.Response:
    """``response`` with its body ``content`` (decoded already), headers as the server sent."""
    # Read while it has no headers, so that httpx decodes nothing again; a stream rather than
    # content=, which would also work out content headers only to have them replaced.
    complete = httpx.Response(
        response.status_code,
        stream=httpx.ByteStream(content),
        request=response.request,
        extensions=response.extensions,
    )
    complete.read()
    complete.headers = response.headers
    return complete


def _undecodable(
    spec: OperationSpec[Any], response: httpx.Response, raw: bytes, error: _Undecodable
) -> APIError:
    """A body that cannot be decoded: the status error a failed call raises anyway, or, for a
    success, a ``ResponseValidationError``; either way with the raw bytes as ``body``."""
    complete = buffered(response, raw)
    what = _call(spec)
    if not response.is_success:
        message = f"{response.status_code} {response.reason_phrase or 'Error'}: {what} ({error})"
        return status_error_class(response.status_code)(message, response=complete, body=raw)
    return ResponseValidationError(
        f"{response.status_code} answer to {what} could not be decoded: {error}",
        response=complete,
        body=raw,
    )


class BodyReader:
    """One answer's body, read into the response itself by httpx, through the bound: decoded and
    counted chunk by chunk as received, within the deadline ``due`` (of ``clock``).

    Both the bytes received and the bytes decoded are held to ``limit``; the raw bytes of an
    encoded body are kept too, for the error that says it could not be decoded.
    """

    def __init__(
        self,
        spec: OperationSpec[Any],
        response: httpx.Response,
        limit: int | None,
        due: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._spec, self._response, self._limit = spec, response, limit
        self._due, self._clock = due, clock
        self._decoder, self._encoded = _decoder(response.headers, _STEP)
        self._raw: list[bytes] = []
        self._received = self._decoded = 0
        declared = response.headers.get("content-length", "")
        if limit is not None and declared.isdigit() and int(declared) > limit:
            raise _too_large(_call(spec), response, limit, int(declared), "its Content-Length says")

    def pieces(self, chunk: bytes) -> Iterator[bytes]:
        """The decoded pieces of one chunk received; raises ``_Undecodable`` (see ``read``)."""
        self._received += len(chunk)
        if self._limit is not None and self._received > self._limit:
            raise self._over(self._received, "received")
        if not self._encoded:
            if chunk:
                yield chunk
        else:
            self._raw.append(chunk)
            for piece in self._decoder.feed(chunk):
                self._decoded += len(piece)
                if self._limit is not None and self._decoded > self._limit:
                    raise self._over(self._decoded, "decoded")
                yield piece
        if self._due is not None and self._clock() > self._due:
            raise _too_slow(self._response.request)

    def finish(self) -> None:
        self._decoder.finish()
        self._raw.clear()

    def read(self) -> httpx.Response:
        """The answer, its whole decoded body read (``content``), headers as the server sent."""
        headers = self._attach()
        try:
            try:
                self._response.read()
            finally:
                self._response.headers = headers  # before any error takes the response
        except _Undecodable as error:
            raise self._undecodable(error) from None
        return self._response

    async def aread(self) -> httpx.Response:
        """The async twin of ``read``."""
        headers = self._attach()
        try:
            try:
                await self._response.aread()
            finally:
                self._response.headers = headers  # before any error takes the response
        except _Undecodable as error:
            raise self._undecodable(error) from None
        return self._response

    def _attach(self) -> httpx.Headers:
        """Put this reader between the response and its stream, so that httpx's own read (which
        joins the pieces into ``content``, with no copy made here) goes through it; the headers
        to put back once read."""
        response = self._response
        headers = response.headers
        response.stream = _BoundedStream(response.stream, self)
        if self._encoded:  # decoded here, within the bound: httpx must not decode it again
            response.headers = headers.copy()
            del response.headers["content-encoding"]
        return headers

    def _undecodable(self, error: _Undecodable) -> APIError:
        return _undecodable(self._spec, self._response, b"".join(self._raw), error)

    def _over(self, size: int, how: str) -> ResponseTooLargeError:
        return _too_large(_call(self._spec), self._response, self._limit or 0, size, how)


def _too_slow(request: httpx.Request) -> httpx.ReadTimeout:
    return httpx.ReadTimeout("the answer took longer than the timeout", request=request)


def _call(spec: OperationSpec[Any]) -> str:
    """How messages name a call: its method and path template."""
    return f"{spec.method} {spec.path}"


def _sent(response: httpx.Response) -> str:
    """How messages name a call known only by its request: method and path, never the query."""
    return f"{response.request.method} {response.request.url.path}"


def _too_large(
    call: str,
    response: httpx.Response,
    limit: int,
    size: int,
    how: str,
    bound: str = "max_response_bytes",
) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"{response.status_code} answer to {call} is larger than {bound}={limit} "
        f"({how}: {size} bytes); reading stopped",
        response=response,
        limit=limit,
    )


def check_read(spec: OperationSpec[Any], response: httpx.Response, limit: int | None) -> None:
    """The bound, for an answer a transport has read already (its content is decoded)."""
    _check_read(_call(spec), response, limit, "max_response_bytes")


def _check_read(call: str, response: httpx.Response, limit: int | None, bound: str) -> None:
    size = len(response.content)
    if limit is not None and size > limit:
        raise _too_large(call, response, limit, size, "decoded", bound)


def _stream_error(
    response: httpx.Response, error: _Undecodable, what: str = "download from"
) -> ResponseValidationError:
    return ResponseValidationError(
        f"{response.status_code} {what} {_sent(response)} could not be decoded: {error}",
        response=response,
        body=b"",  # what was decoded before has been handed out already
    )


def _broken_off(response: httpx.Response, error: httpx.TransportError) -> APIConnectionError:
    """A download the connection dropped, or that stalled, halfway: the server's doing."""
    request = response.request
    what = _sent(response)
    if isinstance(error, httpx.TimeoutException):
        return APITimeoutError(f"the download timed out: {what}", request=request)
    return APIConnectionError(
        f"the download broke off ({type(error).__name__}): {what}", request=request
    )


def iter_decoded(
    response: httpx.Response, chunk_size: int, *, as_received: bool = False
) -> Iterator[bytes]:
    """A streamed body, decoded, in pieces of at most ``chunk_size`` bytes when encoded.

    ``as_received``: each read as it arrives, where httpx would gather ``chunk_size`` bytes
    first; for a stream whose pieces matter when they come (events)."""
    if response.is_stream_consumed:  # read already, and decoded, by a transport that reads eagerly
        yield from response.iter_bytes(chunk_size)
        return
    decoder, _ = _decoder(response.headers, chunk_size)
    try:
        for chunk in response.iter_raw(None if as_received else chunk_size):
            yield from decoder.feed(chunk)
        decoder.finish()
    except _Undecodable as error:
        raise _stream_error(response, error) from None
    except httpx.TransportError as error:
        raise _broken_off(response, error) from None


async def aiter_decoded(
    response: httpx.Response, chunk_size: int, *, as_received: bool = False
) -> AsyncIterator[bytes]:
    """The async twin of ``iter_decoded``."""
    if response.is_stream_consumed:
        async for piece in response.aiter_bytes(chunk_size):
            yield piece
        return
    decoder, _ = _decoder(response.headers, chunk_size)
    try:
        async for chunk in response.aiter_raw(None if as_received else chunk_size):
            for piece in decoder.feed(chunk):
                yield piece
        decoder.finish()
    except _Undecodable as error:
        raise _stream_error(response, error) from None
    except httpx.TransportError as error:
        raise _broken_off(response, error) from None


SIDE_ANSWER_LIMIT = 1024 * 1024
"""The bound on the answers an auth flow reads itself (a login, a token, the 401 it retries):
they are a few hundred bytes; httpx would read them whole, and inflate them whole."""
_SIDE_BOUND = "SIDE_ANSWER_LIMIT"


class _Bounded:
    """A response's body stream, decoded by ``_decoder`` and cut off past ``limit`` bytes."""

    def __init__(self, response: httpx.Response, limit: int) -> None:
        self._response, self._limit = response, limit
        self._decoder, _ = _decoder(response.headers, _STEP)
        self._size = 0

    def pieces(self, chunk: bytes) -> Iterator[bytes]:
        try:
            for piece in self._decoder.feed(chunk):
                self._size += len(piece)
                if self._size > self._limit:
                    raise _too_large(
                        _sent(self._response),
                        self._response,
                        self._limit,
                        self._size,
                        "decoded",
                        _SIDE_BOUND,
                    )
                yield piece
        except _Undecodable as error:
            raise _stream_error(self._response, error, "answer to") from None

    def finish(self) -> None:
        try:
            self._decoder.finish()
        except _Undecodable as error:
            raise _stream_error(self._response, error, "answer to") from None


class _Pieces(Protocol):
    def pieces(self, chunk: bytes) -> Iterator[bytes]: ...

    def finish(self) -> None: ...


class _BoundedStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """``stream`` read through ``bounded`` (a ``_Bounded`` or a ``BodyReader``); sync or async,
    as the stream it wraps."""

    def __init__(
        self, stream: httpx.SyncByteStream | httpx.AsyncByteStream, bounded: _Pieces
    ) -> None:
        self._stream, self._bounded = stream, bounded

    def __iter__(self) -> Iterator[bytes]:
        assert isinstance(self._stream, httpx.SyncByteStream)
        for chunk in self._stream:
            yield from self._bounded.pieces(chunk)
        self._bounded.finish()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        assert isinstance(self._stream, httpx.AsyncByteStream)
        async for chunk in self._stream:
            for piece in self._bounded.pieces(chunk):
                yield piece
        self._bounded.finish()

    def close(self) -> None:
        if isinstance(self._stream, httpx.SyncByteStream):
            self._stream.close()

    async def aclose(self) -> None:
        if isinstance(self._stream, httpx.AsyncByteStream):
            await self._stream.aclose()


def bound_unread(response: httpx.Response, limit: int = SIDE_ANSWER_LIMIT) -> None:
    """Make httpx's own ``read()``/``aread()`` of ``response`` decode through the bound.

    For answers httpx reads itself, inside an auth flow: their stream is replaced by one that
    decodes as ``BodyReader`` does and raises ``ResponseTooLargeError`` past ``limit``, and the
    ``Content-Encoding`` it undoes is taken off the headers so that httpx does not undo it again.
    """
    if response.is_stream_consumed:  # read already, by a transport that reads eagerly
        _check_read(_sent(response), response, limit, _SIDE_BOUND)
        return
    if isinstance(response.stream, _BoundedStream):
        return
    response.stream = _BoundedStream(response.stream, _Bounded(response, limit))
    if "content-encoding" in response.headers:
        del response.headers["content-encoding"]
