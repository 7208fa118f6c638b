"""Credentials are refused at construction when they cannot be sent, and blanked in the records
httpx and httpcore make of the package's own calls."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import httpx
import pytest
from runtime._oauth2 import OAuth2ClientCredentialsAuth, OAuth2PasswordAuth
from runtime._operation import OperationSpec, ResponseSpec
from runtime._redact import own_call, scrubbed
from runtime._schemes import ApiKeyAuth, BasicAuth, BearerAuth
from runtime._secret import Secret
from runtime._transport import AsyncTransport, SyncTransport

from tests.runtime.folio import folio_auth

VALUE = "v4lue-s3cr3t"
BAD = {
    "a trailing newline": VALUE + "\n",
    "a carriage return": VALUE + "\r\n",
    "a NUL": VALUE + "\x00",
    "a tab": "\t" + VALUE,
}
BAD_IN_HEADERS = {**BAD, "non-ASCII": VALUE + "é", "a trailing space": VALUE + " "}


def _oauth(client_secret: str = "cs", password: str = "pw") -> OAuth2PasswordAuth:
    return OAuth2PasswordAuth(
        "/token", client_id="c", client_secret=client_secret, username="u", password=password
    )


BUILDERS: list[tuple[str, Callable[[str], object], bool]] = [
    ("api_key", lambda v: ApiKeyAuth(v), True),
    ("token", lambda v: folio_auth("diku", v), True),
    ("tenant", lambda v: folio_auth(v, "t"), True),
    ("password", lambda v: folio_auth("diku", username="u", password=v), False),
    ("client_secret", lambda v: _oauth(client_secret=v), False),
    ("password", lambda v: _oauth(password=v), False),
    ("api_key", lambda v: ApiKeyAuth(v, location="cookie"), True),
    ("api_key", lambda v: ApiKeyAuth(v, location="query"), False),  # percent-encoded there
    ("token", lambda v: BearerAuth(v), True),
    ("username", lambda v: BasicAuth(v, "p"), False),
    ("password", lambda v: BasicAuth("u", v), False),
    (
        "client_secret",
        lambda v: OAuth2ClientCredentialsAuth("/t", client_id="c", client_secret=v),
        False,
    ),
]


@pytest.mark.parametrize(("parameter", "build", "in_header"), BUILDERS)
def test_a_credential_that_cannot_be_sent_is_refused_without_showing_it(
    parameter: str, build: Callable[[str], object], in_header: bool
) -> None:
    for problem, value in (BAD_IN_HEADERS if in_header else BAD).items():
        with pytest.raises(ValueError) as raised:
            build(value)
        message = str(raised.value)
        assert parameter in message, problem
        assert VALUE not in message and VALUE not in repr(raised.value.args), problem


def test_a_password_may_hold_any_printable_character() -> None:
    _oauth(password=" pässwörd ")  # it goes in a form body, not a header
    folio_auth("diku", username="u", password="pässwörd ")


GET = OperationSpec("GET", "/things", (ResponseSpec(200, "json", None),))
BOTH = pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
TOKEN = "answer-t0ken-s3cr3t"


def _answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200,
        headers=[
            ("Set-Cookie", f"folioAccessToken={TOKEN}; Path=/"),
            ("x-okapi-token", TOKEN),
            ("X-Request-Id", "r-1"),
        ],
        json={},
    )


def test_scrubbing_blanks_credential_headers_cookies_queries_and_held_secrets() -> None:
    held = Secret("h3ld-s3cr3t")
    record = (
        "receive_response_headers.complete return_value=(b'HTTP/1.1', 200, b'OK', "
        f"[(b'Set-Cookie', b'folioAccessToken={TOKEN}; Path=/'), (b'x-okapi-token', b'{TOKEN}'), "
        "(b'X-Request-Id', b'r-1')]) "
        f'HTTP Request: GET http://a.test/x?apikey={TOKEN}&limit=5 "HTTP/1.1 200 OK" '
        f"echo {held.get()}"
    )
    clean = scrubbed(record)
    assert TOKEN not in clean and held.get() not in clean
    assert "b'X-Request-Id', b'r-1'" in clean and "limit=5" in clean  # the rest stays readable


@BOTH
def test_httpx_and_httpcore_records_of_our_calls_show_no_secret(
    asynchronous: bool, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    # httpcore logs nothing for a mock transport; a real socket is in tests/faults/test_secrets
    mock = httpx.MockTransport(_answer)
    query = {"api_key": TOKEN, "limit": 5}
    if not asynchronous:
        SyncTransport("http://api.test", auth=ApiKeyAuth(VALUE), transport=mock).request(
            GET, query=query
        )
    else:
        transport = AsyncTransport("http://api.test", auth=ApiKeyAuth(VALUE), transport=mock)
        asyncio.run(transport.request(GET, query=query))
    messages = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert messages and all(VALUE not in m and TOKEN not in m for m in messages)
    assert all("limit=5" in m for m in messages)


def test_other_code_s_httpx_records_are_left_alone(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="httpx")
    SyncTransport("http://api.test", transport=httpx.MockTransport(_answer))  # installs it
    with httpx.Client(transport=httpx.MockTransport(_answer)) as theirs:
        theirs.get(f"http://other.test/?token={TOKEN}")
    assert any(TOKEN in r.getMessage() for r in caplog.records if r.name == "httpx")
    with own_call():
        logging.getLogger("httpx").info("GET http://other.test/?token=%s", TOKEN)
    assert TOKEN not in caplog.records[-1].getMessage()


def test_a_short_secret_is_blanked_where_it_is_sent_not_in_every_word() -> None:
    short = Secret("s")  # a test's token: searching text for it would blank every "s"
    record = "send_request_headers.started [(b'X-Okapi-Token', b's'), (b'Accept', b'*/*')]"
    clean = scrubbed(record)
    assert "send_request_headers.started" in clean
    assert "(b'X-Okapi-Token', b'***')" in clean
    assert short.get() == "s"  # alive while the record was scrubbed
