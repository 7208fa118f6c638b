"""Every generated client, sync and async, against every fault of the matrix: each ends in the
documented outcome (the model after retries, or an error of the package's own hierarchy) and
within its deadline; never a bare httpx, pydantic or json exception, never a hang."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import PROJECT
from tests.faults.matrix import CASES, Case, Outcome, table
from tests.faults.probes import PROBES, Probe
from tests.faults.server import FaultServer, closed_port

FaultServerFactory = Callable[[Probe], FaultServer]


def _waits(case: Case) -> bool:
    """A case whose retried call takes seconds by design: a Retry-After to honour, or a short
    timeout to run out on each of its attempts."""
    return case.read.min_seconds > 0 or case.timeout < 1.0


# `make test` runs each case that waits for every call that is not retried (it fails at once)
# and for one that is: the waiting is the shared runtime's, the same in every package. The
# long profile (`make test-long`) runs every case for every client.
_FIRST_RETRIED = next(probe for probe in PROBES if probe.retried)
PAIRS = [
    (probe, case)
    for probe in PROBES
    for case in CASES
    if os.environ.get("FAULTS_PROFILE") == "long"
    or not _waits(case)
    or not probe.retried
    or probe is _FIRST_RETRIED
]
IDS = [f"{probe.id}-{case.id}" for probe, case in PAIRS]


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


@pytest.mark.parametrize(("probe", "case"), PAIRS, ids=IDS)
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


@pytest.mark.parametrize(("probe", "case"), PAIRS, ids=IDS)
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


def test_every_case_runs_for_every_kind_of_call() -> None:
    """Whatever the profile leaves out, each case runs for a retried call and for one that is
    not (their outcomes differ), sync and async."""
    for case in CASES:
        kinds = {probe.retried for probe, paired in PAIRS if paired is case}
        assert kinds == {True, False}, case.id


def test_the_documented_matrix_is_the_tested_matrix() -> None:
    docs = (PROJECT / "docs" / "reliability.md").read_text(encoding="utf-8")
    assert table() in docs
