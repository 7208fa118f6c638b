"""What a server sees of who calls and can quote back: the User-Agent naming the package and
its version, on every generated client; the request id of an answer on its errors."""

from __future__ import annotations

import asyncio
import importlib
import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.faults.probes import PROBES, Probe
from tests.faults.server import FaultServer, answer

FaultServerFactory = Callable[[Probe], FaultServer]


def _call(probe: Probe, server: FaultServer, is_async: bool, **options: Any) -> Any:
    if not is_async:
        with probe.client(server.url, max_retries=0, **options) as client:
            return probe.call(client)

    async def run() -> Any:
        async with probe.async_client(server.url, max_retries=0, **options) as client:
            return await probe.acall(client)

    return asyncio.run(run())


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("probe", PROBES, ids=lambda p: p.id)
def test_every_call_names_the_package_and_its_version(
    probe: Probe, is_async: bool, fault_server: FaultServerFactory
) -> None:
    server = fault_server(probe)
    server.expect()
    _call(probe, server, is_async)
    package = probe.module()
    distribution = probe.package.replace("_", "-")
    [sent] = server.probed()
    product, _, rest = sent.headers["user-agent"].partition(" ")
    assert product == f"{distribution}/{package.__version__}"
    assert rest.startswith("python-httpx/")
    # the caller's own User-Agent wins
    server.expect()
    _call(probe, server, is_async, headers={"User-Agent": "nightly-export/2"})
    assert server.probed()[0].headers["user-agent"] == "nightly-export/2"


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_an_error_names_the_request_id_the_server_gave(
    is_async: bool, fault_server: FaultServerFactory
) -> None:
    probe = PROBES[0]
    server = fault_server(probe)

    body = json.dumps({"errorList": {"error": []}}).encode()
    server.expect(answer(404, body, X_Request_Id="req-7f3a"))
    errors = importlib.import_module(f"{probe.package}.errors")
    with pytest.raises(errors.NotFoundError) as raised:
        _call(probe, server, is_async)
    assert raised.value.request_id == "req-7f3a"
    assert str(raised.value).endswith("(request id req-7f3a)")
