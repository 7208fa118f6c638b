"""Reading answers: the bound on a parsed answer's decoded size, Content-Encoding errors, and
streamed downloads decoded in bounded steps; sync and async, through httpx's MockTransport.

The handlers answer with a ``stream=``: a response made with ``content=`` is read, and decoded,
by httpx as it is made, before the transport could count anything."""

from __future__ import annotations

import asyncio
import gzip
import tracemalloc
import zlib
from functools import cache
from typing import Any

import httpx
import pytest
from pydantic import BaseModel
from runtime._errors import (
    APIConnectionError,
    APITimeoutError,
    InternalServerError,
    ResponseTooLargeError,
    ResponseValidationError,
)
from runtime._operation import OperationSpec, ResponseSpec
from runtime._retry import RetryPolicy
from runtime._transport import AsyncTransport, SyncTransport

KIB, MIB = 1 << 10, 1 << 20
LIMIT = 1 * MIB


class Thing(BaseModel):
    id: str


GET = OperationSpec("GET", "/things/{id}", (ResponseSpec(200, "json", Thing),))
DOWNLOAD = OperationSpec("GET", "/files/{id}", (ResponseSpec(200, "binary", None),))
THING = b'{"id": "x"}'


@cache
def _bomb(size: int) -> bytes:
    """gzip of ``size`` zero bytes: about a thousandth of it."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = bytes(MIB)
    parts = [deflate.compress(block) for _ in range(size // MIB)]
    return b"".join([*parts, deflate.flush()])


def _handler(status: int, content: bytes, **headers: str) -> Any:
    def handle(request: httpx.Request) -> httpx.Response:
        sent = {"Content-Type": "application/json"} | {
            k.replace("_", "-"): v for k, v in headers.items()
        }
        return httpx.Response(status, headers=sent, stream=httpx.ByteStream(content))

    return handle


def _sync(handler: Any, **options: Any) -> SyncTransport:
    return SyncTransport(
        "http://api.test",
        retry=RetryPolicy(max_retries=0),
        transport=httpx.MockTransport(handler),
        **options,
    )


def _async(handler: Any, **options: Any) -> AsyncTransport:
    return AsyncTransport(
        "http://api.test",
        retry=RetryPolicy(max_retries=0),
        transport=httpx.MockTransport(handler),
        **options,
    )


def _call_both(handler: Any, spec: OperationSpec = GET, **options: Any) -> list[Any]:
    """What the sync and the async transport each end in: the parsed value or the error."""
    outcomes: list[Any] = []
    try:
        outcomes.append(_sync(handler, **options).request(spec, path_params={"id": "1"}).parse())
    except Exception as error:
        outcomes.append(error)

    async def run() -> Any:
        try:
            answer = await _async(handler, **options).request(spec, path_params={"id": "1"})
            return answer.parse()
        except Exception as error:
            return error

    outcomes.append(asyncio.run(run()))
    return outcomes


@pytest.mark.parametrize(
    "encoding", ["gzip", "deflate", "raw-deflate", "gzip, gzip", "x-gzip", "identity"]
)
def test_encoded_answers_are_decoded_as_httpx_would(encoding: str) -> None:
    content = {
        "gzip": gzip.compress(THING),
        "x-gzip": gzip.compress(THING),
        "deflate": zlib.compress(THING),
        "raw-deflate": zlib.compress(THING)[2:-4],  # servers that send deflate unwrapped
        "gzip, gzip": gzip.compress(gzip.compress(THING)),
        "identity": THING,
    }[encoding]
    name = "deflate" if encoding == "raw-deflate" else encoding
    for outcome in _call_both(_handler(200, content, Content_Encoding=name)):
        assert outcome == Thing(id="x")


def test_the_encoded_answer_keeps_its_headers_and_decoded_content() -> None:
    handler = _handler(200, gzip.compress(THING), Content_Encoding="gzip")
    answer = _sync(handler).request(GET, path_params={"id": "1"})
    assert answer.content == THING
    assert answer.headers["content-encoding"] == "gzip"


def test_a_gzip_bomb_stops_at_the_bound_in_bounded_memory() -> None:
    bomb = _bomb(100 * MIB)  # about 100 KiB
    handler = _handler(200, bomb, Content_Encoding="gzip")
    tracemalloc.start()
    try:
        sync_error, async_error = _call_both(handler, max_response_bytes=LIMIT)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    for error in (sync_error, async_error):
        assert isinstance(error, ResponseTooLargeError), repr(error)
        assert error.limit == LIMIT and error.status_code == 200
        assert "GET /things/{id}" in str(error) and "max_response_bytes=1048576" in str(error)
    assert peak < LIMIT + 2 * MIB, f"peak {peak / MIB:.1f} MiB"  # far from 100 MiB


def test_a_plain_answer_twice_the_bound_stops_at_the_bound() -> None:
    declared = _handler(200, b" " * (2 * LIMIT), Content_Length=str(2 * LIMIT))

    for error in _call_both(declared, max_response_bytes=LIMIT):
        assert isinstance(error, ResponseTooLargeError), repr(error)
        assert "its Content-Length says" in str(error)  # refused before reading it


def test_a_plain_answer_without_a_length_is_counted_as_it_arrives() -> None:
    def chunked(request: httpx.Request) -> httpx.Response:
        pieces = (b" " * (64 * KIB) for _ in range(2 * LIMIT // (64 * KIB)))
        return httpx.Response(200, content=pieces)

    with pytest.raises(ResponseTooLargeError, match="received"):
        _sync(chunked, max_response_bytes=LIMIT).request(GET, path_params={"id": "1"})


def test_an_async_plain_answer_is_counted_as_it_arrives() -> None:
    async def pieces() -> Any:
        for _ in range(2 * LIMIT // (64 * KIB)):
            yield b" " * (64 * KIB)

    def chunked(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=pieces())

    async def run() -> None:
        with pytest.raises(ResponseTooLargeError, match="received"):
            await _async(chunked, max_response_bytes=LIMIT).request(GET, path_params={"id": "1"})

    asyncio.run(run())


def test_an_answer_at_the_bound_is_read_and_none_means_no_bound() -> None:
    body = b'{"id": "' + b"x" * (LIMIT - 10) + b'"}'
    assert len(body) == LIMIT
    for outcome in _call_both(_handler(200, body), max_response_bytes=LIMIT):
        assert isinstance(outcome, Thing)
    bomb = _handler(200, _bomb(2 * MIB), Content_Encoding="gzip")
    for outcome in _call_both(bomb, max_response_bytes=None):
        assert isinstance(outcome, ResponseValidationError)  # read whole: zeros are not JSON
        assert outcome.body == bytes(2 * MIB)


def test_error_bodies_are_bounded_too() -> None:
    handler = _handler(500, _bomb(8 * MIB), Content_Encoding="gzip")
    for error in _call_both(handler, max_response_bytes=LIMIT):
        assert isinstance(error, ResponseTooLargeError), repr(error)
        assert error.status_code == 500


@pytest.mark.parametrize("value", [0, -1, True, 1.5, "1"])
def test_the_bound_must_be_a_positive_int_or_none(value: Any) -> None:
    with pytest.raises(ValueError, match="max_response_bytes"):
        _sync(_handler(200, THING), max_response_bytes=value)
    with pytest.raises(ValueError, match="max_response_bytes"):
        _async(_handler(200, THING), max_response_bytes=value)


@pytest.mark.parametrize(
    ("encoding", "content", "reason"),
    [
        ("gzip", b"this is not gzip", "bad gzip data"),
        ("gzip", gzip.compress(THING, mtime=0)[:-12], "ends early"),
        ("deflate", b"\xff\xfe not deflate either", "bad deflate data"),
        ("br", b"\x0b\x02\x80{}\x03", "'br' is not supported"),
        ("zstd", b"(\xb5/\xfd", "'zstd' is not supported"),
    ],
    # test ids are the same in every pytest-xdist worker only if they hold no gzip time stamp
    ids=["not-gzip", "gzip-cut-short", "not-deflate", "br", "zstd"],
)
def test_a_body_that_is_not_its_content_encoding_is_a_typed_error(
    encoding: str, content: bytes, reason: str
) -> None:
    for error in _call_both(_handler(200, content, Content_Encoding=encoding)):
        assert isinstance(error, ResponseValidationError), repr(error)
        assert reason in str(error)
        assert error.body == content  # the bytes as they came
        assert error.response.headers["content-encoding"] == encoding  # the headers as they came
    for error in _call_both(_handler(500, content, Content_Encoding=encoding)):
        assert isinstance(error, InternalServerError), repr(error)
        assert reason in str(error) and error.body == content
        assert error.response.headers["content-encoding"] == encoding


def test_the_clients_offer_only_the_encodings_they_can_bound() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"id": "x"})

    _call_both(handler)
    assert [r.headers["accept-encoding"] for r in seen] == ["gzip, deflate"] * 2


def test_an_eagerly_read_answer_is_held_to_the_bound_too() -> None:
    class Eager(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            response = httpx.Response(200, content=b" " * (2 * LIMIT), request=request)
            response.read()
            return response

    transport = SyncTransport("http://api.test", transport=Eager(), max_response_bytes=LIMIT)
    with pytest.raises(ResponseTooLargeError):
        transport.request(GET, path_params={"id": "1"})


def _download(content: bytes, **headers: str) -> Any:
    def handle(request: httpx.Request) -> httpx.Response:
        sent = {"Content-Type": "application/octet-stream"} | {
            k.replace("_", "-"): v for k, v in headers.items()
        }
        return httpx.Response(200, headers=sent, stream=httpx.ByteStream(content))

    return handle


def test_a_gzip_encoded_download_streams_in_bounded_steps() -> None:
    size = 32 * MIB
    handler = _download(_bomb(size), Content_Encoding="gzip")
    tracemalloc.start()
    try:
        with _sync(handler, max_response_bytes=LIMIT).stream(
            DOWNLOAD, path_params={"id": "1"}
        ) as download:
            sizes = [len(chunk) for chunk in download.iter_bytes()]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert sum(sizes) == size  # a download is not held to the bound
    assert max(sizes) <= 65536
    assert peak < 2 * MIB, f"peak {peak / MIB:.1f} MiB"  # httpx alone: one 32 MiB chunk


def test_an_async_gzip_encoded_download_streams_in_bounded_steps(tmp_path: Any) -> None:
    size = 32 * MIB
    handler = _download(_bomb(size), Content_Encoding="gzip")

    async def run() -> tuple[int, int]:
        transport = _async(handler, max_response_bytes=LIMIT)
        tracemalloc.start()
        try:
            download = await transport.stream(DOWNLOAD, path_params={"id": "1"})
            async with download:
                written = await download.write_to(tmp_path / "file.bin")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        return written.stat().st_size, peak

    written, peak = asyncio.run(run())
    assert written == size
    assert peak < 2 * MIB, f"peak {peak / MIB:.1f} MiB"


def test_a_corrupt_download_is_a_typed_error(tmp_path: Any) -> None:
    handler = _download(b"not gzip at all", Content_Encoding="gzip")
    with (
        _sync(handler).stream(DOWNLOAD, path_params={"id": "1"}) as download,
        pytest.raises(ResponseValidationError, match="bad gzip data"),
    ):
        download.write_to(tmp_path / "file.bin")
    assert not list(tmp_path.iterdir())  # all or nothing

    async def run() -> None:
        download = await _async(handler).stream(DOWNLOAD, path_params={"id": "1"})
        async with download:
            with pytest.raises(ResponseValidationError, match="bad gzip data"):
                async for _ in download.aiter_bytes():
                    pass

    asyncio.run(run())


class _Dropped(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body the connection drops after its first chunk."""

    def __init__(self, error: httpx.TransportError) -> None:
        self._error = error

    def __iter__(self) -> Any:
        yield b"x" * 1024
        raise self._error

    async def __aiter__(self) -> Any:
        yield b"x" * 1024
        raise self._error


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (httpx.RemoteProtocolError("peer closed connection"), APIConnectionError),
        (httpx.ReadError("connection reset"), APIConnectionError),
        (httpx.ReadTimeout("stalled"), APITimeoutError),
    ],
    ids=["closed", "reset", "stalled"],
)
def test_a_download_that_breaks_off_is_a_typed_error_and_writes_nothing(
    tmp_path: Any, error: httpx.TransportError, expected: type[Exception]
) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=_Dropped(error))

    with (
        _sync(handle).stream(DOWNLOAD, path_params={"id": "1"}) as download,
        pytest.raises(expected, match="download"),
    ):
        download.write_to(tmp_path / "file.bin")
    assert not list(tmp_path.iterdir())  # all or nothing

    async def run() -> None:
        transport = _async(handle)
        download = await transport.stream(DOWNLOAD, path_params={"id": "1"})
        async with download:
            with pytest.raises(expected, match="download"):
                async for _ in download.aiter_bytes():
                    pass
        download = await transport.stream(DOWNLOAD, path_params={"id": "1"})
        async with download:
            with pytest.raises(expected, match="download"):
                await download.write_to(tmp_path / "again.bin")
        assert not list(tmp_path.iterdir())

    asyncio.run(run())
