"""Server-sent events: the WHATWG parsing rules, in any chunking, bounded, typed, closed early."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from pydantic import BaseModel
from runtime._errors import (
    APIConnectionError,
    APIError,
    ResponseTooLargeError,
    ResponseValidationError,
)
from runtime._operation import OperationSpec, ResponseSpec
from runtime._sse import AsyncEventStream, EventParser, EventStream, ServerSentEvent


class Tick(BaseModel):
    n: int


UNTYPED: OperationSpec[str] = OperationSpec("GET", "/events", (ResponseSpec(200, "events"),))
TYPED: OperationSpec[Tick] = OperationSpec("GET", "/ticks", (ResponseSpec(200, "events", Tick),))


class Chunks(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body sent in the given pieces, which remembers being closed."""

    def __init__(self, chunks: list[bytes]) -> None:
        self.chunks = chunks
        self.sent = 0
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.chunks:
            self.sent += 1
            yield chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            self.sent += 1
            yield chunk

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


def _response(stream: Chunks) -> httpx.Response:
    return httpx.Response(
        200,
        headers={"Content-Type": "text/event-stream"},
        stream=stream,
        request=httpx.Request("GET", "http://api.test/events"),
    )


def _parsed(*chunks: bytes) -> list[tuple[str, str, str, int | None]]:
    parser = EventParser()
    events = [e for chunk in chunks for e in parser.feed(chunk)] + parser.finish()
    return [(e.event, e.data, e.id, e.retry) for e in events]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"data: hello\n\n", [("message", "hello", "", None)]),
        # data lines join with LF; only one space after the colon is dropped
        (b"data: a\ndata:  b\ndata\n\n", [("message", "a\n b\n", "", None)]),
        (b"data:\n\n", [("message", "", "", None)]),  # an empty data line is an event
        # comments and unknown fields are ignored; no data line: no event
        (b": keep-alive\nfoo: bar\n\nevent: x\n\n", []),
        (
            b"event: tick\ndata: 1\n\ndata: 2\n\n",
            [("tick", "1", "", None), ("message", "2", "", None)],
        ),
        # CRLF, CR and LF all end lines, mixed
        (b"data: a\r\ndata: b\rdata: c\n\r\n", [("message", "a\nb\nc", "", None)]),
        # the id carries over; one with NUL is ignored; an empty one resets it
        (
            b"id: 7\ndata: a\n\nid: x\x00y\ndata: b\n\nid\ndata: c\n\n",
            [("message", "a", "7", None), ("message", "b", "7", None), ("message", "c", "", None)],
        ),
        # retry: ASCII digits only, and it carries over
        (
            b"retry: 1500\ndata: a\n\nretry: 2x\ndata: b\n\nretry: \xc2\xb2\ndata: c\n\n",
            [("message", "a", "", 1500), ("message", "b", "", 1500), ("message", "c", "", 1500)],
        ),
        (b"\xef\xbb\xbfdata: bom\n\n", [("message", "bom", "", None)]),  # one BOM dropped
        (b"data: \xef\xbb\xbfkept\n\n", [("message", "\ufeffkept", "", None)]),
        (b"data: \xff\n\n", [("message", "\ufffd", "", None)]),  # invalid UTF-8: U+FFFD
        (b"data: done\n\ndata: never ended\n", [("message", "done", "", None)]),
        (
            b"data: no colon in the field name\n\ndata\n\n",
            [
                ("message", "no colon in the field name", "", None),
                ("message", "", "", None),
            ],
        ),
    ],
)
def test_the_whatwg_parsing_rules(
    body: bytes, expected: list[tuple[str, str, str, int | None]]
) -> None:
    assert _parsed(body) == expected


RICH = (
    "\ufeff: hi\r\nevent: greet\r\nid: é1\r\ndata: héllo €\r\ndata:   wörld\r\n\r\n"
    "retry: 30\rdata: 𝄞\r\rdata: last\n\n"
).encode()


def test_any_split_of_the_bytes_gives_the_same_events() -> None:
    whole = _parsed(RICH)
    assert whole == [
        ("greet", "héllo €\n  wörld", "é1", None),
        ("message", "𝄞", "é1", 30),
        ("message", "last", "é1", 30),
    ]
    for cut in range(len(RICH) + 1):
        assert _parsed(RICH[:cut], RICH[cut:]) == whole, cut
    assert _parsed(*(RICH[i : i + 1] for i in range(len(RICH)))) == whole


@pytest.mark.parametrize(
    "chunks",
    [
        [b"data: "] + [b"x" * 4096] * 300,  # one endless line
        [b"data: " + b"x" * 4096 + b"\n"] * 300,  # an event of endless data lines
    ],
)
def test_an_endless_event_stops_with_the_package_error(chunks: list[bytes]) -> None:
    stream = Chunks(chunks)
    events = EventStream(_response(stream), UNTYPED, max_event_bytes=64 * 1024)
    with pytest.raises(ResponseTooLargeError) as caught:
        next(events)
    assert caught.value.limit == 64 * 1024
    assert stream.sent < 30  # stopped soon after the bound, not at the end
    assert stream.closed


def test_an_endless_event_stops_with_the_package_error_async() -> None:
    async def main() -> tuple[bool, int]:
        stream = Chunks([b"data: "] + [b"x" * 4096] * 300)
        events = AsyncEventStream(_response(stream), UNTYPED, max_event_bytes=64 * 1024)
        with pytest.raises(ResponseTooLargeError):
            await anext(events)
        return stream.closed, stream.sent

    closed, sent = asyncio.run(main())
    assert closed and sent < 30


def test_events_are_typed_by_the_spec() -> None:
    stream = Chunks([b'data: {"n": 1}\n\n', b'event: x\ndata: {"n": "many"}\n\ndata: nope\n\n'])
    with EventStream(_response(stream), TYPED) as events:
        first, second, third = list(events)
    assert first.parse() == Tick(n=1)
    assert first.json() == {"n": 1}
    for bad in (second, third):
        with pytest.raises(ResponseValidationError) as caught:
            bad.parse()
        assert "GET /ticks" in caught.value.message
        assert caught.value.body == bad.data.encode()
    with pytest.raises(ResponseValidationError):
        third.json()
    # where the spec gives no schema the data is the text
    with EventStream(_response(Chunks([b"data: plain\n\n"])), UNTYPED) as plain:
        assert [e.parse() for e in plain] == ["plain"]


def test_events_are_typed_by_the_spec_async() -> None:
    async def main() -> list[Tick]:
        stream = Chunks([b'data: {"n": 1}\n', b'\ndata: {"n": 2}\n\n'])
        async with AsyncEventStream(_response(stream), TYPED) as events:
            return [event.parse() async for event in events]

    assert asyncio.run(main()) == [Tick(n=1), Tick(n=2)]


def _many() -> Chunks:
    return Chunks([f"data: {i}\n\n".encode() for i in range(100)])


def test_leaving_early_closes_the_answer() -> None:
    stream = _many()
    with EventStream(_response(stream), UNTYPED) as events:
        for event in events:
            if event.data == "2":
                break
    assert stream.closed and stream.sent == 3
    # without a with block: dropping the stream closes it
    dropped = _many()
    for event in EventStream(_response(dropped), UNTYPED):
        if event.data == "2":
            break
    gc.collect()
    assert dropped.closed and dropped.sent == 3


def test_leaving_early_closes_the_answer_async() -> None:
    async def main() -> Chunks:
        stream = _many()
        async with AsyncEventStream(_response(stream), UNTYPED) as events:
            async for event in events:
                if event.data == "2":
                    break
        return stream

    stream = asyncio.run(main())
    assert stream.closed and stream.sent == 3


def test_reading_to_the_end_closes_the_answer_and_keeps_the_last_id() -> None:
    stream = Chunks([b"id: 1\ndata: a\n\nid: 2\ndata: b\n\n"])
    events = EventStream(_response(stream), UNTYPED)
    assert [e.data for e in events] == ["a", "b"]
    assert stream.closed and events.last_event_id == "2"


def test_a_hand_made_event_has_no_answer_to_blame() -> None:
    with pytest.raises(ValueError, match="not JSON") as caught:
        ServerSentEvent("message", "x", "", None).json()
    assert not isinstance(caught.value, APIError)


class Broken(Chunks):
    """One event, then the connection breaks."""

    def __iter__(self) -> Iterator[bytes]:
        yield b"data: one\n\n"
        raise httpx.ReadError("reset")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b"data: one\n\n"
        raise httpx.ReadError("reset")


def test_a_stream_that_breaks_off_is_the_package_error() -> None:
    stream = Broken([])
    events = EventStream(_response(stream), UNTYPED)
    assert next(events).data == "one"
    with pytest.raises(APIConnectionError):
        next(events)
    assert stream.closed


def test_a_stream_that_breaks_off_is_the_package_error_async() -> None:
    async def main() -> Broken:
        stream = Broken([])
        events = AsyncEventStream(_response(stream), UNTYPED)
        assert (await anext(events)).data == "one"
        with pytest.raises(APIConnectionError):
            await anext(events)
        return stream

    assert asyncio.run(main()).closed
