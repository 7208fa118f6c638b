"""A path parameter can never change the endpoint a generated call reaches: ``""``, ``"."`` and
``".."`` are refused with the package's ``PathParameterError`` before anything is sent."""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Callable
from typing import Any

import httpx
import pytest

# (package, client credentials, the call with its one path parameter set to the value)
CALLS: list[tuple[str, dict[str, str], Callable[[Any, str], Any]]] = [
    (
        "folio_orders_storage",
        {"tenant": "diku", "token": "t"},
        lambda client, value: client.batch_tracking.delete_batch_tracking(value),
    ),
    ("alma_jobs", {"api_key": "k"}, lambda client, value: client.jobs.get_job(value)),
    (
        "alma_jobs",
        {"api_key": "k"},
        lambda client, value: client.instances.get_job_instance("M135", value),
    ),
    (
        "folio_data_export_spring",
        {"tenant": "diku", "token": "t"},
        lambda client, value: client.jobs.download_exported_file_by_job_id(value),
    ),
]
IDS = ["orders-delete", "alma-get-job", "alma-get-job-instance", "export-download"]


@pytest.mark.parametrize("value", ["", ".", ".."])
@pytest.mark.parametrize(("package", "credentials", "call"), CALLS, ids=IDS)
def test_sync_calls_refuse_before_sending(
    package: str, credentials: dict[str, str], call: Callable[[Any, str], Any], value: str
) -> None:
    module = importlib.import_module(package)
    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(500))
    with (
        module.Client(base_url="http://api.test/base", transport=transport, **credentials) as c,
        pytest.raises(module.errors.PathParameterError) as refused,
    ):
        call(c, value)
    assert isinstance(refused.value, module.errors.APIError)
    assert isinstance(refused.value, ValueError)
    assert sent == []


@pytest.mark.parametrize("value", ["", ".", ".."])
@pytest.mark.parametrize(("package", "credentials", "call"), CALLS, ids=IDS)
def test_async_calls_refuse_before_sending(
    package: str, credentials: dict[str, str], call: Callable[[Any, str], Any], value: str
) -> None:
    module = importlib.import_module(package)
    sent: list[httpx.Request] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)

    async def run() -> None:
        transport = httpx.MockTransport(handler)
        async with module.AsyncClient(
            base_url="http://api.test/base", transport=transport, **credentials
        ) as client:
            with pytest.raises(module.errors.PathParameterError):
                await call(client, value)

    asyncio.run(run())
    assert sent == []


def test_the_same_call_with_a_real_value_is_sent_to_its_own_endpoint() -> None:
    module = importlib.import_module("folio_orders_storage")
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(204)

    transport = httpx.MockTransport(handler)
    with module.Client(
        base_url="http://api.test/base", transport=transport, tenant="diku", token="t"
    ) as client:
        client.batch_tracking.delete_batch_tracking("..x")
    assert [(r.method, r.url.raw_path) for r in sent] == [
        ("DELETE", b"/base/orders-storage/batch-tracking/..x")
    ]
