"""Every generated client, sync and async, against every fault of the matrix: each ends in the
documented outcome (the model after retries, or an error of the package's own hierarchy) and
within its deadline; never a bare httpx, pydantic or json exception, never a hang."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import PROJECT
from tests.faults.matrix import CASES, Case, Outcome, table
from tests.faults.probes import PROBES, Probe
from tests.faults.server import FaultServer, closed_port

FaultServerFactory = Callable[[Probe], FaultServer]


def _options(case: Case) -> dict[str, Any]:
    # Retries wait at most 0.2 s each (Retry-After excepted): the matrix tests what, not how long.
    return {"timeout": case.timeout, "max_retries": 2, "retry_deadline": 10.0}


def _check(probe: Probe, outcome: Outcome, result: Any, error: BaseException | None) -> None:
    module = probe.module()
    if outcome.result == "ok":
        assert error is None, f"{type(error).__module__}.{type(error).__name__}: {error}"
        assert type(result).__name__ == probe.model
        return
    assert error is not None, f"expected {outcome.result}, got {result!r}"
    assert isinstance(error, module.errors.APIError), f"bare {type(error).__module__}: {error!r}"
    assert type(error) is getattr(module.errors, outcome.result), repr(error)
    assert str(error)  # a message a person can read


def _prepare(probe: Probe, case: Case, servers: FaultServerFactory) -> tuple[str, FaultServer]:
    server = servers(probe)
    server.expect(*case.faults)
    url = f"http://127.0.0.1:{closed_port()}" if case.refused else server.url
    return url, server


def _fast_backoff(client: Any) -> None:
    client._transport.retry.backoff_base = 0.05  # keeps the matrix quick; Retry-After still wins


def _judge(
    probe: Probe, case: Case, server: FaultServer, elapsed: float, result: Any, error: Any
) -> None:
    outcome = case.read if probe.retried else case.write
    _check(probe, outcome, result, error)
    assert elapsed <= outcome.max_seconds, f"took {elapsed:.2f} s"
    assert elapsed >= outcome.min_seconds, f"did not wait: {elapsed:.2f} s"
    if outcome.attempts is not None:
        assert len(server.probed()) == outcome.attempts


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
@pytest.mark.parametrize("probe", PROBES, ids=[probe.id for probe in PROBES])
def test_sync_client(probe: Probe, case: Case, fault_server: FaultServerFactory) -> None:
    url, server = _prepare(probe, case, fault_server)
    result, error = None, None
    with probe.client(url, **_options(case)) as client:
        _fast_backoff(client)
        started = time.monotonic()
        try:
            result = probe.call(client)
        except Exception as raised:
            error = raised
        elapsed = time.monotonic() - started
    _judge(probe, case, server, elapsed, result, error)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
@pytest.mark.parametrize("probe", PROBES, ids=[probe.id for probe in PROBES])
def test_async_client(probe: Probe, case: Case, fault_server: FaultServerFactory) -> None:
    url, server = _prepare(probe, case, fault_server)

    async def run() -> tuple[Any, Any, float]:
        result, error = None, None
        async with probe.async_client(url, **_options(case)) as client:
            _fast_backoff(client)
            started = time.monotonic()
            try:
                result = await probe.acall(client)
            except Exception as raised:
                error = raised
            return result, error, time.monotonic() - started

    result, error, elapsed = asyncio.run(run())
    _judge(probe, case, server, elapsed, result, error)


def test_the_documented_matrix_is_the_tested_matrix() -> None:
    docs = (PROJECT / "docs" / "reliability.md").read_text(encoding="utf-8")
    assert table() in docs
