"""Credentials never cross an origin, even when the caller's http client follows redirects.

Two loopback servers on two ports are two origins. The first ("home", the client's base URL)
answers the probed call, or the login or token call, with a redirect to the second ("away"),
which records what it receives: no key, token, password, client secret, tenant, cookie or
credential-carrying body may reach it. Redirects within the home origin are still followed and
still authenticated.
"""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.faults.probes import PROBES, SECRETS, Probe
from tests.faults.server import FaultServer, Request, answer

TOKEN_FROM_SERVER = "bearer-t0ken-s3cr3t"
LOGIN_TOKEN = "login-t0ken-s3cr3t"
ALL_SECRETS = (*SECRETS, TOKEN_FROM_SERVER, LOGIN_TOKEN)
LOGINS = ("/authn/login-with-expiry", "/authn/login", "/ls/api/oauth2/token")
CREDENTIAL_HEADERS = ("authorization", "cookie", "x-okapi-token", "x-okapi-tenant")


def _probe(package: str) -> Probe:
    return next(p for p in PROBES if p.package == package)


# (case id, probe, credentials, whether the client logs in first)
KINDS = [
    ("apikey", _probe("alma_jobs"), _probe("alma_jobs").credentials, False),
    (
        "folio-token",
        _probe("folio_data_export_spring"),
        {"tenant": "diku", "token": SECRETS[1]},
        False,
    ),
    (
        "folio-login",
        _probe("folio_data_export_spring"),
        {"tenant": "diku", "username": "ada", "password": SECRETS[3]},
        True,
    ),
    (
        "oauth2",
        _probe("liquid_decisions_batch"),
        _probe("liquid_decisions_batch").credentials,
        True,
    ),
]
KIND = pytest.mark.parametrize(
    ("probe", "credentials"), [k[1:3] for k in KINDS], ids=[k[0] for k in KINDS]
)
LOGIN_KIND = pytest.mark.parametrize(
    ("probe", "credentials"), [k[1:3] for k in KINDS if k[3]], ids=[k[0] for k in KINDS if k[3]]
)
BOTH = pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
STATUSES = pytest.mark.parametrize("status", [307, 308, 302, 301])


@pytest.fixture
def servers() -> Iterator[tuple[FaultServer, FaultServer]]:
    # probe_path "/": every request takes the next fault of the plan, logins included
    home, away = FaultServer("/", (200, {})), FaultServer("/", (200, {}))
    yield home, away
    home.close()
    away.close()


def _home(probe: Probe, *, redirect: int, to: str, logins_too: bool = False) -> Any:
    """Logins and token calls answered as the real servers do (or redirected, with
    ``logins_too``), the probed call redirected to ``to`` and its path; the rest succeeds."""

    def send(connection: socket.socket, request: Request, server: FaultServer) -> None:
        path = request.path.split("?")[0]
        if path in LOGINS and not logins_too:
            _login(path)(connection, request, server)
        elif path in LOGINS or path == probe.path:
            answer(redirect, b"", Location=to + request.path)(connection, request, server)
        else:
            answer(probe.success[0], json.dumps(probe.success[1]).encode())(
                connection, request, server
            )

    return send


def _login(path: str) -> Any:
    if path == "/ls/api/oauth2/token":
        return answer(200, json.dumps({"access_token": TOKEN_FROM_SERVER}).encode())
    cookie = f"folioAccessToken={LOGIN_TOKEN}; Max-Age=600; Path=/; HttpOnly"
    return answer(201, b"{}", Set_Cookie=cookie)


def _call(
    probe: Probe, credentials: dict[str, str], base_url: str, asynchronous: bool
) -> tuple[Any, BaseException | None]:
    """The probe call through a caller's http client that follows redirects."""
    module = probe.module()
    if not asynchronous:
        http = httpx.Client(follow_redirects=True)
        try:
            with module.Client(base_url=base_url, http_client=http, **credentials) as client:
                return probe.call(client), None
        except module.errors.APIError as error:
            return None, error
        finally:
            http.close()

    async def run() -> tuple[Any, BaseException | None]:
        async with httpx.AsyncClient(follow_redirects=True) as http:
            try:
                async with module.AsyncClient(
                    base_url=base_url, http_client=http, **credentials
                ) as client:
                    return await probe.acall(client), None
            except module.errors.APIError as error:
                return None, error

    return asyncio.run(run())


def _nothing_secret_reached(away: FaultServer) -> None:
    for request in away.requests:
        sent = json.dumps(request.headers) + request.body.decode("latin-1")
        for secret in ALL_SECRETS:
            assert secret not in sent, f"{secret!r} reached another origin: {sent[:300]}"
        for name in CREDENTIAL_HEADERS:
            assert name not in request.headers, f"{name} reached another origin"


@BOTH
@STATUSES
@KIND
def test_a_redirected_call_takes_no_credential_to_another_origin(
    probe: Probe,
    credentials: dict[str, str],
    status: int,
    asynchronous: bool,
    servers: tuple[FaultServer, FaultServer],
) -> None:
    home, away = servers
    home.expect(*[_home(probe, redirect=status, to=away.url)] * 4)
    _, error = _call(probe, credentials, home.url, asynchronous)
    _nothing_secret_reached(away)
    keeps_body = status in (307, 308) and not probe.retried  # the POST probes send a body
    if keeps_body:
        # a body is never replayed to another origin: the redirect is the answer
        assert not away.requests
        assert isinstance(error, probe.module().errors.APIStatusError)
        assert error.status_code == status
    else:
        # the hop was made (so the scan above saw it), without credentials
        assert [r.method for r in away.requests] == ["GET"]
        assert error is None or isinstance(error, probe.module().errors.APIError)


@BOTH
@STATUSES
@LOGIN_KIND
def test_a_redirected_login_is_a_failed_login_and_goes_nowhere(
    probe: Probe,
    credentials: dict[str, str],
    status: int,
    asynchronous: bool,
    servers: tuple[FaultServer, FaultServer],
) -> None:
    home, away = servers
    home.expect(*[_home(probe, redirect=status, to=away.url, logins_too=True)] * 4)
    _, error = _call(probe, credentials, home.url, asynchronous)
    assert isinstance(error, probe.module().errors.AuthenticationError)
    assert not away.requests  # the password and client secret never followed the Location
    assert all(r.path.split("?")[0] in LOGINS for r in home.requests)  # no call without a token


@BOTH
@STATUSES
@KIND
def test_a_redirect_within_the_origin_is_followed_and_still_signed(
    probe: Probe,
    credentials: dict[str, str],
    status: int,
    asynchronous: bool,
    servers: tuple[FaultServer, FaultServer],
) -> None:
    home, _ = servers
    home.expect(*[_home(probe, redirect=status, to=home.url + "/moved")] * 4)
    result, error = _call(probe, credentials, home.url, asynchronous)
    assert error is None, error
    assert isinstance(result, getattr(probe.module().models, probe.model))
    moved = [r for r in home.requests if r.path.startswith("/moved")]
    assert len(moved) == 1
    headers = moved[0].headers
    signed = headers.get("x-okapi-token") or headers.get("authorization", "")
    assert any(secret in signed for secret in ALL_SECRETS)  # the hop carried the credential


@BOTH
@KIND
def test_redirects_are_not_followed_unless_the_http_client_asks(
    probe: Probe,
    credentials: dict[str, str],
    asynchronous: bool,
    servers: tuple[FaultServer, FaultServer],
) -> None:
    home, away = servers
    home.expect(*[_home(probe, redirect=307, to=away.url)] * 4)
    module = probe.module()

    async def run() -> None:
        async with module.AsyncClient(base_url=home.url, **credentials) as client:
            await probe.acall(client)

    with pytest.raises(module.errors.APIStatusError) as raised:
        if asynchronous:
            asyncio.run(run())
        else:
            with module.Client(base_url=home.url, **credentials) as client:
                probe.call(client)
    assert raised.value.status_code == 307
    assert not away.requests
