"""Server-sent events (``text/event-stream``): an incremental parser and the streams a call
answers.

The parser follows the WHATWG EventSource processing model (HTML, "Parsing an event stream"):
the body is UTF-8 (invalid bytes become U+FFFD), one BOM at the start is dropped, lines end in
CRLF, LF or CR, ``data`` lines are joined with LF, a line starting with ``:`` is a comment, a
field with no colon has an empty value, ``id`` containing NUL is ignored, ``retry`` is taken
only when all ASCII digits, and an event is dispatched on a blank line (none when it had no
``data`` line; an unfinished event at the end of the body is dropped). ``id`` and ``retry``
carry over from event to event, as an EventSource keeps them for reconnecting.

Bytes arrive as the server sends them, so an event is handed out as soon as its blank line
is read, and a server that never ends a line or an event cannot fill memory: past
``max_event_bytes`` characters the stream stops with ``ResponseTooLargeError``.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import AsyncGenerator, Generator
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Generic, TypeVar

import httpx
from pydantic import ValidationError

from ._errors import ResponseTooLargeError, ResponseValidationError
from ._operation import OperationSpec
from ._reading import aiter_decoded, iter_decoded
from ._request_id import request_id
from ._response import adapter

T = TypeVar("T")

DEFAULT_MAX_EVENT_BYTES = 1024 * 1024
"""The bound on one event: its data and the line being read, in decoded characters."""

_NEWLINE = re.compile(r"\r\n|\r|\n")
_CHUNK = 65536


class _EventTooLarge(Exception):
    pass


@dataclass(frozen=True)
class ServerSentEvent(Generic[T]):
    """One event: its type (``"message"`` when the server names none), its data as sent, the
    last event id (``""`` when none was sent) and the reconnection time in milliseconds the
    server last asked for (``None`` when none); ``parse()`` is the data as the spec's type."""

    event: str
    data: str
    id: str
    retry: int | None
    _source: _Source | None = field(default=None, repr=False, compare=False)

    def json(self) -> Any:
        """The data as JSON; ``ResponseValidationError`` when it is not JSON."""
        try:
            return json.loads(self.data)
        except (ValueError, RecursionError) as error:
            raise self._error(f"is not JSON: {error}") from None

    def parse(self) -> T:
        """The data as the spec's type (the text itself where the spec gives it none);
        ``ResponseValidationError`` when it does not match."""
        model = self._source.model if self._source is not None else None
        if model is None:
            return self.data  # type: ignore[return-value]
        try:
            return adapter(model).validate_json(self.data)  # type: ignore[no-any-return]
        except ValidationError as error:
            first = error.errors()[0]
            where = "/".join(str(part) for part in first["loc"]) or "the data"
            raise self._error(f"does not match the spec at {where}: {first['msg']}") from None
        except RecursionError:
            raise self._error("is nested too deeply") from None

    def _error(self, reason: str) -> Exception:
        source = self._source
        if source is None:  # an event made by hand: there is no answer to name
            return ValueError(f"{self.event!r} event {reason}")
        return ResponseValidationError(
            f"{self.event!r} event of {source.call} {reason}",
            response=source.response,
            body=self.data.encode("utf-8"),
        )


@dataclass(frozen=True)
class _Source:
    """What the events of one answer share: the answer, the call, the data's type."""

    response: httpx.Response
    call: str
    model: Any


class EventParser:
    """Bytes in, events out, in any chunking: ``feed()`` each piece, ``finish()`` at the end."""

    def __init__(self, max_event_bytes: int = DEFAULT_MAX_EVENT_BYTES) -> None:
        self.max_event_bytes = max_event_bytes
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self._started = False  # past the place where a BOM may be
        self._after_cr = False  # the last text ended in CR: an LF next ends no line
        self._partial: list[str] = []  # the line not ended yet, in pieces
        self._partial_size = 0
        self._data: list[str] = []
        self._data_size = 0
        self._event = ""
        self.last_event_id = ""
        self.retry: int | None = None

    def feed(self, chunk: bytes) -> list[ServerSentEvent[Any]]:
        return self._text(self._decoder.decode(chunk))

    def finish(self) -> list[ServerSentEvent[Any]]:
        """The events of what the decoder still held; an event not ended is dropped."""
        return self._text(self._decoder.decode(b"", final=True))

    def _text(self, text: str) -> list[ServerSentEvent[Any]]:
        if not self._started and text:
            self._started = True
            text = text.removeprefix("\ufeff")
        if self._after_cr and text.startswith("\n"):
            text = text[1:]
        if not text:
            return []
        self._after_cr = text.endswith("\r")
        pieces = _NEWLINE.split(text)
        if len(pieces) == 1:  # no line ends here: only the bound to check
            self._partial.append(text)
            self._partial_size += len(text)
            self._check()
            return []
        events: list[ServerSentEvent[Any]] = []
        first = "".join(self._partial) + pieces[0]
        for line in (first, *pieces[1:-1]):
            event = self._line(line)
            if event is not None:
                events.append(event)
        self._partial = [pieces[-1]]
        self._partial_size = len(pieces[-1])
        self._check()
        return events

    def _check(self) -> None:
        if self._partial_size + self._data_size > self.max_event_bytes:
            raise _EventTooLarge

    def _line(self, line: str) -> ServerSentEvent[Any] | None:
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
            self._data_size += len(value) + 1
            self._check()
        elif name == "event":
            self._event = value
        elif name == "id" and "\0" not in value:
            self.last_event_id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            self.retry = int(value)
        return None

    def _dispatch(self) -> ServerSentEvent[Any] | None:
        data, event = self._data, self._event
        self._data, self._data_size, self._event = [], 0, ""
        if not data:
            return None
        return ServerSentEvent(event or "message", "\n".join(data), self.last_event_id, self.retry)


def _source(response: httpx.Response, spec: OperationSpec[Any]) -> _Source:
    expected = spec.response_for(response.status_code)
    model = expected.model if expected is not None and expected.kind == "events" else None
    return _Source(response, f"{spec.method} {spec.path}", model)


def _too_large(source: _Source, limit: int) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"{source.response.status_code} answer to {source.call} has an event longer than "
        f"{limit} characters (max_event_bytes)",
        response=source.response,
        limit=limit,
    )


class _StreamBase(Generic[T]):
    def __init__(
        self,
        response: httpx.Response,
        spec: OperationSpec[T],
        *,
        max_event_bytes: int = DEFAULT_MAX_EVENT_BYTES,
    ) -> None:
        self.http_response = response
        self._source = _source(response, spec)
        self._parser = EventParser(max_event_bytes)

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

    @property
    def last_event_id(self) -> str:
        """The id to send as ``Last-Event-ID`` when reconnecting (``""``: none yet)."""
        return self._parser.last_event_id

    def _typed(self, events: list[ServerSentEvent[Any]]) -> list[ServerSentEvent[T]]:
        return [ServerSentEvent(e.event, e.data, e.id, e.retry, self._source) for e in events]

    def _feed(self, chunk: bytes | None) -> list[ServerSentEvent[T]]:
        try:
            found = self._parser.finish() if chunk is None else self._parser.feed(chunk)
        except _EventTooLarge:
            raise _too_large(self._source, self._parser.max_event_bytes) from None
        return self._typed(found)


class EventStream(_StreamBase[T]):
    """The events of a ``text/event-stream`` answer, each as soon as it arrives.

    An iterator and a context manager: use it in a ``with`` block (or read it to the end) so
    the connection is released; leaving the block, or ``close()``, ends the stream early.
    """

    def __init__(
        self,
        response: httpx.Response,
        spec: OperationSpec[T],
        *,
        max_event_bytes: int = DEFAULT_MAX_EVENT_BYTES,
    ) -> None:
        super().__init__(response, spec, max_event_bytes=max_event_bytes)
        self._events = self._read()

    def _read(self) -> Generator[ServerSentEvent[T]]:
        # The response is closed however this ends: read out, failed, closed, or collected.
        try:
            for chunk in iter_decoded(self.http_response, _CHUNK, as_received=True):
                yield from self._feed(chunk)
            yield from self._feed(None)
        finally:
            self.http_response.close()

    def __iter__(self) -> EventStream[T]:
        return self

    def __next__(self) -> ServerSentEvent[T]:
        return next(self._events)

    def close(self) -> None:
        self._events.close()
        self.http_response.close()

    def __enter__(self) -> EventStream[T]:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncEventStream(_StreamBase[T]):
    """The async twin of ``EventStream``: ``async for`` and ``async with``."""

    def __init__(
        self,
        response: httpx.Response,
        spec: OperationSpec[T],
        *,
        max_event_bytes: int = DEFAULT_MAX_EVENT_BYTES,
    ) -> None:
        super().__init__(response, spec, max_event_bytes=max_event_bytes)
        self._events = self._read()

    async def _read(self) -> AsyncGenerator[ServerSentEvent[T]]:
        try:
            async for chunk in aiter_decoded(self.http_response, _CHUNK, as_received=True):
                for event in self._feed(chunk):
                    yield event
            for event in self._feed(None):
                yield event
        finally:
            await self.http_response.aclose()

    def __aiter__(self) -> AsyncEventStream[T]:
        return self

    async def __anext__(self) -> ServerSentEvent[T]:
        return await anext(self._events)

    async def aclose(self) -> None:
        await self._events.aclose()
        await self.http_response.aclose()

    async def __aenter__(self) -> AsyncEventStream[T]:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
