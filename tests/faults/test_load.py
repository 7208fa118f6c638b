"""Load and size: 200 concurrent async calls, a sync client shared by threads, and a streamed
download far larger than the memory the test lets the client use."""

from __future__ import annotations

import asyncio
import os
import tracemalloc
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from tests.faults.probes import PROBES, Probe
from tests.faults.server import FaultServer, download

FaultServerFactory = Callable[[Probe], FaultServer]
READ = next(p for p in PROBES if p.package == "folio_data_export_spring")  # it downloads too
MIB = 1 << 20
# `make test-long` downloads 1 GiB; `make test` 100 MiB.
DOWNLOAD_BYTES = (1024 if os.environ.get("FAULTS_PROFILE") == "long" else 100) * MIB
PEAK_LIMIT = 4 * MIB  # what the client may hold while downloading (measured: 0.7 MiB), any size


def test_200_concurrent_async_calls_succeed_in_a_bounded_pool(
    fault_server: FaultServerFactory,
) -> None:
    server = fault_server(READ)
    server.expect()

    async def run() -> list[object]:
        async with READ.async_client(server.url) as client:
            return await asyncio.gather(*(READ.acall(client) for _ in range(200)))

    results = asyncio.run(run())
    assert [type(r).__name__ for r in results] == [READ.model] * 200
    assert len(server.probed()) == 200
    # httpx's default pool: at most 100 connections at once, however many calls wait.
    assert 1 < server.most_open_connections <= 100


def test_a_sync_client_is_shared_across_threads(fault_server: FaultServerFactory) -> None:
    server = fault_server(READ)
    server.expect()
    with READ.client(server.url) as client, ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: READ.call(client), range(80)))
    assert [type(r).__name__ for r in results] == [READ.model] * 80
    assert len(server.probed()) == 80
    assert server.most_open_connections > 1  # the threads really ran at once


def _download_server(fault_server: FaultServerFactory) -> FaultServer:
    server = fault_server(READ)
    server.expect(download(DOWNLOAD_BYTES))
    return server


def test_a_streamed_download_holds_one_chunk_at_a_time(fault_server: FaultServerFactory) -> None:
    server = _download_server(fault_server)
    with READ.client(server.url) as client:
        received = 0
        tracemalloc.start()
        try:
            with client.jobs.download_exported_file_by_job_id("job-1") as download_:
                assert download_.status_code == 200
                for chunk in download_.iter_bytes():
                    received += len(chunk)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert received == DOWNLOAD_BYTES
    assert peak < PEAK_LIMIT, f"peak {peak / MIB:.1f} MiB"


def test_an_async_streamed_download_too(fault_server: FaultServerFactory) -> None:
    server = _download_server(fault_server)

    async def run() -> tuple[int, int]:
        async with READ.async_client(server.url) as client:
            received = 0
            tracemalloc.start()
            try:
                download_ = await client.jobs.download_exported_file_by_job_id("job-1")
                async with download_:
                    async for chunk in download_.aiter_bytes():
                        received += len(chunk)
                _, peak = tracemalloc.get_traced_memory()
            finally:
                tracemalloc.stop()
            return received, peak

    received, peak = asyncio.run(run())
    assert received == DOWNLOAD_BYTES
    assert peak < PEAK_LIMIT, f"peak {peak / MIB:.1f} MiB"
