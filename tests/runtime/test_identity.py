"""Who calls and which call it was: the User-Agent (``_user_agent``), the request id of an
answer (``_request_id``) and the idempotency key kept across retries (``_transport``)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from runtime._errors import APIStatusError, ResponseValidationError
from runtime._operation import OperationSpec, ResponseSpec
from runtime._retry import RetryPolicy
from runtime._transport import AsyncTransport, SyncTransport
from runtime._user_agent import user_agent

BOTH = pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
Handler = Callable[[httpx.Request], httpx.Response]


def _spec(method: str = "GET", **fields: Any) -> OperationSpec[object]:
    return OperationSpec(method, "/jobs", (ResponseSpec(200, "json", None),), **fields)


def _call(
    asynchronous: bool,
    handler: Handler,
    spec: OperationSpec[object],
    *,
    client_headers: dict[str, str] | None = None,
    http_headers: dict[str, str] | None = None,
    retries: int = 0,
    **options: Any,
) -> Any:
    transport_options: dict[str, Any] = {
        "user_agent": user_agent("jobs-client/1.2"),
        "default_headers": client_headers,
        "retry": RetryPolicy(max_retries=retries, random=lambda low, high: 0.0),
    }
    if not asynchronous:
        with httpx.Client(transport=httpx.MockTransport(handler), headers=http_headers) as http:
            sync = SyncTransport("http://api.test", http_client=http, **transport_options)
            return sync.request(spec, **options)

    async def run() -> Any:
        mock = httpx.MockTransport(handler)
        async with httpx.AsyncClient(transport=mock, headers=http_headers) as http:
            transport = AsyncTransport("http://api.test", http_client=http, **transport_options)
            return await transport.request(spec, **options)

    return asyncio.run(run())


def _seen(asynchronous: bool, spec: OperationSpec[object], **options: Any) -> list[httpx.Request]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    _call(asynchronous, handler, spec, **options)
    return seen


@BOTH
def test_the_user_agent_names_the_package_unless_the_caller_chose_one(asynchronous: bool) -> None:
    [sent] = _seen(asynchronous, _spec())
    assert sent.headers["user-agent"] == f"jobs-client/1.2 python-httpx/{httpx.__version__}"
    [sent] = _seen(asynchronous, _spec(), client_headers={"User-Agent": "cron-export/3"})
    assert sent.headers["user-agent"] == "cron-export/3"
    # the caller's own http client with a User-Agent of its own is used as it is
    [sent] = _seen(asynchronous, _spec(), http_headers={"User-Agent": "their-app/9"})
    assert sent.headers["user-agent"] == "their-app/9"


def _answer(status: int, headers: dict[str, str], body: bytes = b"{}") -> Handler:
    return lambda request: httpx.Response(status, headers=headers, content=body)


@BOTH
def test_an_error_carries_the_request_id_the_spec_declares_first(asynchronous: bool) -> None:
    headers = {"X-Request-Id": "generic-1", "X-Okapi-Request-Id": "okapi-2"}
    with pytest.raises(APIStatusError) as raised:
        _call(asynchronous, _answer(500, headers), _spec())
    assert raised.value.request_id == "generic-1"  # nothing declared: the common name
    declared = _spec(request_id_header="X-Okapi-Request-Id")
    with pytest.raises(APIStatusError) as raised:
        _call(asynchronous, _answer(500, headers), declared)
    assert raised.value.request_id == "okapi-2"
    assert str(raised.value) == "500 Internal Server Error: GET /jobs (request id okapi-2)"


@BOTH
def test_a_raw_response_and_a_validation_error_carry_the_request_id(asynchronous: bool) -> None:
    answer = _call(asynchronous, _answer(200, {"Request-Id": "req_9"}), _spec())
    assert answer.request_id == "req_9"
    model_spec = OperationSpec("GET", "/jobs", (ResponseSpec(200, "json", int),))
    answer = _call(asynchronous, _answer(200, {"X-Request-Id": "r-3"}, b'"x"'), model_spec)
    with pytest.raises(ResponseValidationError) as raised:
        answer.parse()
    assert raised.value.request_id == "r-3"


@pytest.mark.parametrize(
    "value", ["", "   ", "line\r\nbreak", "\x1b[31mred", "é-accent", "x" * 201], ids=repr
)
def test_a_request_id_unfit_for_a_message_or_a_log_is_left_out(value: str) -> None:
    headers = httpx.Headers({"X-Request-Id": value.encode("utf-8", "surrogateescape")})
    response = httpx.Response(500, headers=headers, request=httpx.Request("GET", "http://a.test"))
    error = APIStatusError("500", response=response)
    assert error.request_id is None and str(error) == "500"


@BOTH
def test_an_idempotency_key_is_made_once_and_kept_on_every_retry(asynchronous: bool) -> None:
    seen: list[httpx.Request] = []

    def flaky(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(503 if len(seen) < 3 else 200, json={})

    spec = _spec("POST", idempotency_header="Idempotency-Key")
    _call(asynchronous, flaky, spec, retries=2)
    keys = [r.headers["idempotency-key"] for r in seen]
    assert len(keys) == 3 and len(set(keys)) == 1 and len(keys[0]) == 36  # a UUID, retried
    seen.clear()
    _call(asynchronous, flaky, spec, retries=2, headers={"Idempotency-Key": "k1"})
    assert {r.headers["idempotency-key"] for r in seen} == {"k1"}  # the caller's own
    seen.clear()
    with pytest.raises(APIStatusError):  # without a key a POST is not sent twice
        _call(asynchronous, flaky, _spec("POST"), retries=2)
    assert len(seen) == 1


@BOTH
def test_a_callers_idempotency_key_in_another_case_is_the_one_sent(asynchronous: bool) -> None:
    spec = _spec("POST", idempotency_header="Idempotency-Key")
    (sent,) = _seen(asynchronous, spec, extra_headers={"idempotency-key": "k2"})
    assert sent.headers.get_list("Idempotency-Key") == ["k2"]
