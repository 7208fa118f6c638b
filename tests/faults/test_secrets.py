"""Secrets stay secret: API keys, tokens and passwords never appear in the repr or str of a
client, its resources, transport or auth, in any error text (with its whole chain), or in any
log record, even when the server echoes the request's headers back."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import traceback
from collections.abc import Callable
from typing import Any

import pytest

from tests.faults.probes import PROBES, SECRETS, Probe
from tests.faults.server import FaultServer, Request, answer, closed_port, stall, success_with

FaultServerFactory = Callable[[Probe], FaultServer]
TOKEN_FROM_SERVER = "bearer-t0ken-s3cr3t"  # what liquid_decisions_batch's token route returns
LOGIN_TOKEN = "login-t0ken-s3cr3t"


def _echo_headers(status: int) -> Any:
    """An error answer that repeats every request header, credentials included."""

    def send(connection: socket.socket, request: Request, server: FaultServer) -> None:
        answer(status, json.dumps(request.headers).encode())(connection, request, server)

    return send


def _texts(error: BaseException) -> list[str]:
    texts = [str(error), repr(error), *map(str, error.args)]
    texts.append("".join(traceback.format_exception(error)))
    for name in ("request", "response"):
        if getattr(error, name, None) is not None:
            texts.append(repr(getattr(error, name)))
    return texts


def _objects(client: Any) -> list[str]:
    transport = client._transport
    found = [repr(client), str(client), repr(transport), repr(transport._auth)]
    found += [repr(value) for value in vars(client).values()]
    return found


def _scan(texts: list[str], records: list[logging.LogRecord]) -> None:
    logged = [record.getMessage() for record in records]
    for text in [*texts, *logged]:
        for secret in (*SECRETS, TOKEN_FROM_SERVER, LOGIN_TOKEN):
            assert secret not in text, f"{secret!r} leaked in: {text[:300]}"


def _faults() -> list[tuple[Any, ...]]:
    return [
        (),
        (_echo_headers(401),),
        (_echo_headers(500),) * 3,
        (success_with(b"[1]"),),
        (stall,) * 3,
    ]


@pytest.mark.parametrize("probe", PROBES, ids=[probe.id for probe in PROBES])
def test_no_secret_in_reprs_errors_or_logs(
    probe: Probe, fault_server: FaultServerFactory, caplog: pytest.LogCaptureFixture
) -> None:
    server = fault_server(probe)
    texts: list[str] = []
    caplog.set_level(logging.DEBUG)
    for faults in _faults():
        server.expect(*faults)
        with probe.client(server.url, timeout=0.5) as client:
            client._transport.retry.backoff_base = 0.01
            texts += _objects(client)
            try:
                probe.call(client)
            except Exception as error:
                assert isinstance(error, probe.module().errors.APIError)
                texts += _texts(error)
    with probe.client(f"http://127.0.0.1:{closed_port()}") as client:
        client._transport.retry.backoff_base = 0.01
        with pytest.raises(probe.module().errors.APIConnectionError) as refused:
            probe.call(client)
        texts += _texts(refused.value)

    async def run_async() -> None:
        server.expect(_echo_headers(401), _echo_headers(401))  # OAuth2 fetches a token again once
        async with probe.async_client(server.url) as client:
            texts.extend(_objects(client))
            with pytest.raises(probe.module().errors.APIError) as raised:
                await probe.acall(client)
            texts.extend(_texts(raised.value))

    asyncio.run(run_async())
    _scan(texts, caplog.records)
    # The secrets were sent (the echo proves it), so the scan looked where they could be.
    sent = " ".join(json.dumps(r.headers) + r.body.decode("latin-1") for r in server.requests)
    assert any(secret in sent for secret in (*SECRETS, TOKEN_FROM_SERVER))
    # The client logs each call at DEBUG: method, URL and status.
    package = probe.module().__name__
    assert any(
        r.name == package and r.levelno == logging.DEBUG and probe.path in r.getMessage()
        for r in caplog.records
    )


def test_a_folio_login_keeps_password_and_token_out_of_sight(
    fault_server: FaultServerFactory, caplog: pytest.LogCaptureFixture
) -> None:
    probe = next(p for p in PROBES if p.package == "folio_data_export_spring")
    server = fault_server(probe)
    server.routes["/authn/login"] = (201, {"okapiToken": LOGIN_TOKEN})
    caplog.set_level(logging.DEBUG)
    server.expect(_echo_headers(500), _echo_headers(500), _echo_headers(500))
    module = probe.module()
    with module.Client(
        base_url=server.url, tenant="diku", username="ada", password=SECRETS[3]
    ) as client:
        client._transport.retry.backoff_base = 0.01
        with pytest.raises(module.errors.InternalServerError) as raised:
            probe.call(client)
        texts = [*_objects(client), *_texts(raised.value)]
    login = [r for r in server.requests if r.path == "/authn/login"]
    assert login and SECRETS[3] in login[0].body.decode()  # the password went to the login only
    assert LOGIN_TOKEN in server.probed()[0].headers.get("x-okapi-token", "")
    _scan(texts, caplog.records)
