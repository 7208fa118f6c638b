"""Secrets stay secret: API keys, tokens and passwords never appear in the repr or str of a
client, its resources, transport or auth, in any error text (with its whole chain), or in any
log record, even when the server echoes the request's headers back."""

from __future__ import annotations

import asyncio
import importlib
import json
import logging
import socket
import traceback
from collections.abc import Callable
from typing import Any

import pytest

from tests.faults.probes import PROBES, SECRETS, Probe
from tests.faults.server import (
    FaultServer,
    Request,
    answer,
    closed_port,
    ok,
    stall,
    success_with,
)

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


REFRESH_TOKEN = "refresh-t0ken-s3cr3t"
QUERY_KEY = "query-k3y-s3cr3t"  # a key the caller puts in the query string, held nowhere else
LOGIN_ROUTES = ("/authn/login-with-expiry", "/authn/login", "/ls/api/oauth2/token")


def _chain(error: BaseException) -> list[str]:
    """str, repr and args of the error and of every error in its cause and context chain,
    shown in a traceback or not (``from None`` only hides the context)."""
    texts: list[str] = []
    seen: set[int] = set()
    todo: list[BaseException | None] = [error]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        texts += [str(current), repr(current), repr(current.args)]
        todo += [current.__cause__, current.__context__]
    # Not ``repr(error.request)``: httpx shows the URL the caller built, query string and all.
    texts.append("".join(traceback.format_exception(error)))
    return [*texts, repr(getattr(error, "response", None))]


def _login_answers(probe: Probe, login: str, call: Any) -> Any:
    """Logins answer with the token in a cookie (``login="cookie"``) or, after a 404 from the
    new endpoint, in an ``x-okapi-token`` header (``"legacy"``); the token endpoint with access
    and refresh tokens; the probed call with ``call``."""

    def send(connection: socket.socket, request: Request, server: FaultServer) -> None:
        path = request.path.split("?")[0]
        if path == "/authn/login-with-expiry" and login == "cookie":
            cookie = f"folioAccessToken={LOGIN_TOKEN}; Max-Age=600; Path=/; HttpOnly"
            fault = answer(201, b"{}", Set_Cookie=cookie)
        elif path == "/authn/login-with-expiry":
            fault = answer(404, b"No suitable module found", "text/plain")
        elif path == "/authn/login":
            fault = answer(201, b"{}", x_okapi_token=LOGIN_TOKEN)
        elif path == "/ls/api/oauth2/token":
            tokens = {"access_token": TOKEN_FROM_SERVER, "refresh_token": REFRESH_TOKEN}
            fault = answer(200, json.dumps({**tokens, "token_type": "bearer"}).encode())
        else:
            fault = call
        fault(connection, request, server)

    return send


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_login_answers_keys_and_query_keys_reach_no_record_and_no_error(
    asynchronous: bool, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # the root logger: httpx and httpcore log at DEBUG too
    for name in ("httpx", "httpcore"):
        caplog.set_level(logging.DEBUG, logger=name)
    folio = next(p for p in PROBES if p.package == "folio_data_export_spring")
    oauth = next(p for p in PROBES if p.package == "liquid_decisions_batch")
    alma = next(p for p in PROBES if p.package == "alma_jobs")
    folio_login = {"tenant": "diku", "username": "ada", "password": SECRETS[3]}
    texts: list[str] = []
    # (probe, credentials, how logins answer, the probed call's answer, what the call does)
    cases: list[tuple[Probe, dict[str, str], str, Any, Callable[[Any], Any]]] = [
        (folio, folio_login, "cookie", ok, folio.acall if asynchronous else folio.call),
        (
            folio,
            folio_login,
            "legacy",
            _echo_headers(401),
            folio.acall if asynchronous else folio.call,
        ),
        (oauth, oauth.credentials, "cookie", ok, oauth.acall if asynchronous else oauth.call),
        (alma, alma.credentials, "cookie", _echo_headers(500), _query_key_call(alma)),
    ]
    for probe, credentials, login, call, make_call in cases:
        server = FaultServer("/", probe.success)
        server.expect(*[_login_answers(probe, login, call)] * 10)
        try:
            texts += _run(probe, credentials, server.url, make_call, asynchronous)
        finally:
            server.close()
        sent = " ".join(
            r.path + json.dumps(r.headers) + r.body.decode("latin-1") for r in server.requests
        )
        # the call used what the server handed out (or the query key): the scan is not empty
        assert any(token in sent for token in (LOGIN_TOKEN, TOKEN_FROM_SERVER, QUERY_KEY))
    for probe in (alma, folio):  # a key or token read from a file, newline and all
        credentials = {**probe.credentials}
        name = "api_key" if "api_key" in credentials else "token"
        credentials[name] += "\n"
        with pytest.raises(ValueError) as refused:
            probe.module().Client(base_url="http://127.0.0.1:1", **credentials)
        assert name in str(refused.value)
        texts += _chain(refused.value)
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    formatted = [formatter.format(record) for record in caplog.records]
    for text in [*texts, *formatted]:
        for secret in (*SECRETS, TOKEN_FROM_SERVER, LOGIN_TOKEN, REFRESH_TOKEN, QUERY_KEY):
            assert secret not in text, f"{secret!r} leaked in: {text[:300]}"
    # httpcore did log the answers' headers (the scan looked where the tokens were), blanked
    headers = [m for m in formatted if "receive_response_headers.complete" in m]
    assert any("b'Set-Cookie', b'***'" in m for m in headers)
    assert any("b'x-okapi-token', b'***'" in m for m in headers)
    assert any(m.startswith("httpx INFO") and "apikey=***" in m for m in formatted)


def _query_key_call(probe: Probe) -> Callable[[Any], Any]:
    """The probe's operation with an API key in the query string, as Alma also accepts it."""

    def call(client: Any) -> Any:
        spec = importlib.import_module(f"{probe.package}.resources")._GET_JOBS
        return client._transport.request(spec, query={"limit": 5, "apikey": QUERY_KEY})

    return call


def _run(
    probe: Probe,
    credentials: dict[str, str],
    url: str,
    call: Callable[[Any], Any],
    asynchronous: bool,
) -> list[str]:
    """The texts of the client, its answer and its error, from one call."""
    module = probe.module()
    texts: list[str] = []

    async def run_async() -> Any:
        async with module.AsyncClient(base_url=url, **credentials) as client:
            texts.extend(_objects(client))
            return await call(client)

    try:
        if asynchronous:
            result = asyncio.run(run_async())
        else:
            with module.Client(base_url=url, **credentials) as client:
                client._transport.retry.backoff_base = 0.01
                texts += _objects(client)
                result = call(client)
        texts += [repr(result), str(result)]
    except module.errors.APIError as error:
        texts += _chain(error)
    return texts
