"""The schemes sent as they are (``_schemes``) and the choice among them (``_security``):
where each puts its value, what a redirect to another origin keeps of it, what logs show."""

from __future__ import annotations

import asyncio
import base64
import logging

import httpx
import pytest
from runtime._operation import OperationSpec, ResponseSpec
from runtime._redact import redacted_url
from runtime._schemes import ApiKeyAuth, BasicAuth, BearerAuth
from runtime._security import Security
from runtime._transport import AsyncTransport, SyncTransport

BOTH = pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
SCHEMES = {
    "query": ApiKeyAuth("q1", header="appid", prefix="", location="query"),
    "cookie": ApiKeyAuth("c0okie-s3cr3t", header="sid", prefix="", location="cookie"),
    "basic": BasicAuth("user", "b4sic-s3cr3t"),
    "bearer": BearerAuth("b3arer-s3cr3t"),
}


def _spec(security: tuple[tuple[str, ...], ...] | None = None) -> OperationSpec[object]:
    return OperationSpec("GET", "/things", (ResponseSpec(200, "json", None),), security=security)


def _send(
    asynchronous: bool,
    handler: httpx.MockTransport,
    auth: httpx.Auth,
    spec: OperationSpec[object],
    **client: object,
) -> None:
    options = {"transport": handler, **client}
    if not asynchronous:
        with httpx.Client(**options) as http:  # type: ignore[arg-type]
            SyncTransport("http://api.test", auth=auth, http_client=http).request(spec)
        return

    async def run() -> None:
        async with httpx.AsyncClient(**options) as http:  # type: ignore[arg-type]
            await AsyncTransport("http://api.test", auth=auth, http_client=http).request(spec)

    asyncio.run(run())


def _seen(asynchronous: bool, auth: httpx.Auth, spec: OperationSpec[object]) -> httpx.Request:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    _send(asynchronous, httpx.MockTransport(handler), auth, spec)
    return seen[0]


@BOTH
def test_an_and_requirement_puts_every_value_on_one_request(asynchronous: bool) -> None:
    auth = Security(SCHEMES, default=(("bearer",),))
    sent = _seen(asynchronous, auth, _spec((("query", "cookie", "basic"),)))
    assert sent.url.params["appid"] == "q1"
    assert "sid=c0okie-s3cr3t" in sent.headers["cookie"]
    assert sent.headers["authorization"].startswith("Basic ")


@BOTH
def test_the_first_alternative_with_credentials_is_sent_and_an_empty_one_last(
    asynchronous: bool,
) -> None:
    auth = Security({**SCHEMES, "bearer": None}, default=())
    sent = _seen(asynchronous, auth, _spec(((), ("bearer",), ("basic",))))
    assert sent.headers["authorization"].startswith("Basic ")  # bearer was not given
    sent = _seen(asynchronous, auth, _spec(((), ("bearer",))))
    assert "authorization" not in sent.headers  # none given: the anonymous alternative


@BOTH
def test_a_token_provider_is_asked_on_every_request(asynchronous: bool) -> None:
    tokens = iter(["first-t0ken", "second-t0ken"])
    auth = Security({"bearer": BearerAuth(lambda: next(tokens))}, default=(("bearer",),))
    assert _seen(asynchronous, auth, _spec()).headers["authorization"] == "Bearer first-t0ken"
    assert _seen(asynchronous, auth, _spec()).headers["authorization"] == "Bearer second-t0ken"


def test_the_async_client_awaits_an_async_token_provider_on_every_request() -> None:
    tokens = iter(["first-t0ken", "second-t0ken"])

    async def token() -> str:
        await asyncio.sleep(0)
        return next(tokens)

    # the provider's scheme alone, and signing beside another one (an AND requirement)
    auth = Security({**SCHEMES, "provided": BearerAuth(token)}, default=(("provided",),))
    assert _seen(True, auth, _spec()).headers["authorization"] == "Bearer first-t0ken"
    both = _seen(True, auth, _spec((("provided", "query"),)))
    assert both.headers["authorization"] == "Bearer second-t0ken"
    assert both.url.params["appid"] == "q1"


def test_an_async_token_provider_given_to_the_sync_client_is_a_clear_error() -> None:
    async def token() -> str:
        return "never-sent"

    auth = Security({"bearer": BearerAuth(token)}, default=(("bearer",),))
    with pytest.raises(TypeError, match="token= gave coroutine, not str: an async token provider"):
        _seen(False, auth, _spec())


@BOTH
def test_a_redirect_to_another_origin_carries_none_of_the_values(asynchronous: bool) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if len(seen) == 1:
            return httpx.Response(302, headers={"Location": "http://other.test/things"})
        return httpx.Response(200, json={})

    auth = Security(SCHEMES, default=(("query", "cookie", "basic"), ("bearer",)))
    _send(asynchronous, httpx.MockTransport(handler), auth, _spec(), follow_redirects=True)
    hop = seen[1]
    assert str(hop.url) == "http://other.test/things"
    assert "authorization" not in hop.headers and "cookie" not in hop.headers


@BOTH
def test_a_query_key_is_sent_again_on_a_same_origin_redirect_once(asynchronous: bool) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if len(seen) == 1:
            return httpx.Response(302, headers={"Location": "/moved?appid=q1&page=2"})
        return httpx.Response(200, json={})

    auth = Security(SCHEMES, default=(("query",),))
    _send(asynchronous, httpx.MockTransport(handler), auth, _spec(), follow_redirects=True)
    assert seen[1].url.params.get_list("appid") == ["q1"]
    assert seen[1].url.params["page"] == "2"


def test_a_query_key_of_any_name_and_length_is_blanked_in_logged_urls() -> None:
    key = ApiKeyAuth("x9", header="appid", prefix="", location="query")
    assert key is not None  # alive: the redaction knows its value
    url = httpx.URL("http://api.test/things?appid=x9&page=x")
    assert redacted_url(url) == "http://api.test/things?appid=%2A%2A%2A&page=x"


@BOTH
def test_httpx_records_of_a_call_with_a_query_key_do_not_show_it(
    asynchronous: bool, caplog: pytest.LogCaptureFixture
) -> None:
    auth = Security({"query": ApiKeyAuth("q&1", header="id", prefix="", location="query")}, ())
    with caplog.at_level(logging.DEBUG):
        _seen(asynchronous, auth, _spec((("query",),)))
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "id=" in logged and "q%261" not in logged and "q&1" not in logged


def test_basic_refuses_a_colon_in_the_username_without_showing_the_password() -> None:
    with pytest.raises(ValueError, match="username") as raised:
        BasicAuth("a:b", "b4sic-s3cr3t")
    assert "b4sic-s3cr3t" not in str(raised.value)
    assert "s3cr3t" not in repr(BasicAuth("user", "b4sic-s3cr3t"))


def _each_seen(
    asynchronous: bool, calls: list[tuple[httpx.Auth, OperationSpec[object]]]
) -> list[httpx.Request]:
    """The requests of ``calls`` (each an auth and an operation) made in turn, one transport per
    auth, as several clients of one process would."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    mock = httpx.MockTransport(handler)
    if not asynchronous:
        sync = {
            id(auth): SyncTransport("http://api.test", auth=auth, transport=mock)
            for auth, _ in calls
        }
        for auth, spec in calls:
            sync[id(auth)].request(spec)
        return seen

    async def run() -> None:
        transports = {
            id(auth): AsyncTransport("http://api.test", auth=auth, transport=mock)
            for auth, _ in calls
        }
        for auth, spec in calls:
            await transports[id(auth)].request(spec)

    asyncio.run(run())
    return seen


def _credentials(request: httpx.Request) -> tuple[str | None, str | None]:
    return request.headers.get("authorization"), request.url.params.get("appid")


@BOTH
def test_two_clients_with_different_credentials_each_send_their_own(asynchronous: bool) -> None:
    # the same scheme name and requirement, other credentials: nothing one chose serves the other
    one = Security({"token": BearerAuth("t-one")}, default=(("token",),))
    key = ApiKeyAuth("k-two", header="appid", prefix="", location="query")
    two = Security({"token": key}, default=(("token",),))
    specs = [_spec(), _spec((("token",),))]
    sent = _each_seen(asynchronous, [(auth, spec) for spec in specs for auth in (one, two)])
    assert [_credentials(request) for request in sent] == [
        ("Bearer t-one", None),
        (None, "k-two"),
    ] * 2


@BOTH
def test_each_operation_sends_what_its_own_requirement_asks_call_after_call(
    asynchronous: bool,
) -> None:
    auth = Security(SCHEMES, default=(("bearer",),))
    basic, none, query = _spec((("basic",),)), _spec(()), _spec((("query",), ("basic",)))
    calls = [_spec(), basic, none, query, _spec(), basic, none, query]
    sent = _each_seen(asynchronous, [(auth, spec) for spec in calls])
    expected = [
        ("Bearer b3arer-s3cr3t", None),
        ("Basic " + base64.b64encode(b"user:b4sic-s3cr3t").decode(), None),
        (None, None),
        (None, "q1"),
    ] * 2
    assert [_credentials(request) for request in sent] == expected
