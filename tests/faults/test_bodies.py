"""Answers as untrusted input, against every generated client over a real socket, sync and
async: a parsed answer stops at ``max_response_bytes`` (counted after decoding) in memory near
that bound, a gzip-encoded download streams in bounded memory, and a body that cannot be
decoded is a typed error that keeps the bytes the server sent."""

from __future__ import annotations

import asyncio
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import pytest

from tests.faults.bodies import (
    DEEP_JSON,
    DEEP_XML,
    INVALID_UTF8,
    MIB,
    NOT_GZIP,
    XML_UNKNOWN_ENCODING,
    encoded,
    endless,
    gzip_of_zeros,
)
from tests.faults.probes import PROBES, Probe
from tests.faults.server import Fault, FaultServer, success_with

FaultServerFactory = Callable[[Probe], FaultServer]
LIMIT = 1 * MIB
HELD = LIMIT + 2 * MIB  # the bound, one decoding step, and the sockets' buffers
READ = next(p for p in PROBES if p.package == "folio_data_export_spring")  # it downloads too
OVERSIZED = {
    "gzip-bomb-100-mib": lambda: encoded(gzip_of_zeros(100 * MIB), "gzip"),
    "plain-twice-the-bound": lambda: endless(2 * LIMIT),
}


def _sync_outcome(probe: Probe, server: FaultServer, **options: Any) -> Any:
    with probe.client(server.url, max_retries=0, **options) as client:
        try:
            return probe.call(client)
        except Exception as error:
            return error


def _async_outcome(probe: Probe, server: FaultServer, **options: Any) -> Any:
    async def run() -> Any:
        async with probe.async_client(server.url, max_retries=0, **options) as client:
            try:
                return await probe.acall(client)
            except Exception as error:
                return error

    return asyncio.run(run())


def _measured(outcome: Callable[[], Any]) -> tuple[Any, int, float]:
    tracemalloc.start()
    started = time.monotonic()
    try:
        result = outcome()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak, time.monotonic() - started


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize("fault", list(OVERSIZED))
@pytest.mark.parametrize("probe", PROBES, ids=[probe.id for probe in PROBES])
def test_an_oversized_answer_stops_at_the_bound_in_bounded_memory(
    probe: Probe, fault: str, kind: str, fault_server: FaultServerFactory
) -> None:
    server = fault_server(probe)
    server.expect(OVERSIZED[fault]())  # made before measuring: the server's bytes are not ours
    probe.client(server.url).close()  # the package's imports are not the call's memory either
    outcome = _sync_outcome if kind == "sync" else _async_outcome
    error, peak, elapsed = _measured(lambda: outcome(probe, server, max_response_bytes=LIMIT))
    assert isinstance(error, probe.module().errors.ResponseTooLargeError), repr(error)
    assert f"max_response_bytes={LIMIT}" in str(error)
    assert peak < HELD, f"peak {peak / MIB:.1f} MiB"
    assert elapsed < 1.0, f"took {elapsed:.2f} s"


def _gzip_download(fault_server: FaultServerFactory, size: int) -> FaultServer:
    server = fault_server(READ)
    server.expect(encoded(gzip_of_zeros(size), "gzip", content_type="application/octet-stream"))
    return server


def test_a_gzip_encoded_download_streams_in_bounded_memory(
    fault_server: FaultServerFactory,
) -> None:
    size = 100 * MIB
    server = _gzip_download(fault_server, size)

    def download() -> int:
        received = 0
        with (
            READ.client(server.url, max_response_bytes=LIMIT) as client,
            client.jobs.download_exported_file_by_job_id("job-1") as stream,
        ):
            for chunk in stream.iter_bytes():
                received += len(chunk)
        return received

    received, peak, _ = _measured(download)
    assert received == size  # downloads are not held to the bound, only to bounded memory
    assert peak < 4 * MIB, f"peak {peak / MIB:.1f} MiB"  # httpx alone: 64 MiB per chunk


def test_an_async_gzip_encoded_download_streams_in_bounded_memory(
    fault_server: FaultServerFactory,
) -> None:
    size = 100 * MIB
    server = _gzip_download(fault_server, size)

    def download() -> int:
        async def run() -> int:
            received = 0
            async with READ.async_client(server.url, max_response_bytes=LIMIT) as client:
                stream = await client.jobs.download_exported_file_by_job_id("job-1")
                async with stream:
                    async for chunk in stream.aiter_bytes():
                        received += len(chunk)
            return received

        return asyncio.run(run())

    received, peak, _ = _measured(download)
    assert received == size
    assert peak < 4 * MIB, f"peak {peak / MIB:.1f} MiB"


UNREADABLE: dict[str, tuple[bytes, Callable[[bytes], Fault]]] = {
    "deep-json": (DEEP_JSON, success_with),
    "deep-xml": (DEEP_XML, lambda body: success_with(body, "application/xml")),
    "xml-unknown-encoding": (
        XML_UNKNOWN_ENCODING,
        lambda body: success_with(body, "application/xml"),
    ),
    "invalid-utf8": (INVALID_UTF8, success_with),
    "bad-gzip": (NOT_GZIP, lambda body: encoded(body, "gzip")),
}


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize("probe", PROBES, ids=[probe.id for probe in PROBES])
def test_an_unreadable_body_is_a_typed_error_holding_what_was_sent(
    probe: Probe, kind: str, fault_server: FaultServerFactory
) -> None:
    server = fault_server(probe)
    outcome = _sync_outcome if kind == "sync" else _async_outcome
    for name, (body, fault) in UNREADABLE.items():
        server.expect(fault(body))
        error = outcome(probe, server)
        assert isinstance(error, probe.module().errors.ResponseValidationError), (name, error)
        assert error.body == body, name


def test_with_raw_response_is_held_to_the_bound_and_its_parse_typed(
    fault_server: FaultServerFactory,
) -> None:
    server = fault_server(READ)
    errors = READ.module().errors

    def raw(client: Any) -> Any:
        return client.jobs.with_raw_response.get_jobs(limit=5)

    with READ.client(server.url, max_retries=0, max_response_bytes=LIMIT) as client:
        server.expect(encoded(gzip_of_zeros(100 * MIB), "gzip"))
        with pytest.raises(errors.ResponseTooLargeError):
            raw(client)
        server.expect(success_with(DEEP_XML, "application/xml"))
        answer = raw(client)
        with pytest.raises(errors.ResponseValidationError):
            answer.parse()

    async def run() -> None:
        async with READ.async_client(server.url, max_retries=0, max_response_bytes=LIMIT) as c:
            server.expect(encoded(gzip_of_zeros(100 * MIB), "gzip"))
            with pytest.raises(errors.ResponseTooLargeError):
                await raw(c)
            server.expect(success_with(DEEP_XML, "application/xml"))
            answer = await raw(c)
            with pytest.raises(errors.ResponseValidationError):
                answer.parse()

    asyncio.run(run())
