from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest
from pydantic import BaseModel
from runtime._bodies import FormBody, JsonBody, MultipartBody
from runtime._errors import (
    APIConnectionError,
    APITimeoutError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    PathParameterError,
    RateLimitError,
    ResponseValidationError,
)
from runtime._operation import OperationSpec, ResponseSpec
from runtime._retry import RetryPolicy
from runtime._transport import AsyncTransport, SyncTransport


class Thing(BaseModel):
    id: str


class Problem(BaseModel):
    message: str


GET = OperationSpec("GET", "/things/{id}", (ResponseSpec(200, "json", Thing),), {404: Problem})
POST = OperationSpec("POST", "/things", (ResponseSpec(201, "json", Thing),))


class FakeTime:
    """A clock and sleep that move together, so retries take no real time."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def _transport(handler: Any, time: FakeTime | None = None, **retry: Any) -> SyncTransport:
    time = time or FakeTime()
    policy = RetryPolicy(sleep=time.sleep, clock=time.clock, random=lambda a, b: b, **retry)
    return SyncTransport(
        "http://api.test/base", retry=policy, transport=httpx.MockTransport(handler)
    )


def _answers(*responses: httpx.Response) -> tuple[Any, list[httpx.Request]]:
    seen: list[httpx.Request] = []
    queue = list(responses)

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return queue.pop(0)

    return handler, seen


def test_path_parameters_cannot_leave_their_segment() -> None:
    handler, seen = _answers(httpx.Response(200, json={"id": "x"}))
    _transport(handler).request(GET, path_params={"id": "../a/b?c"}).parse()
    assert seen[0].url.raw_path == b"/base/things/..%2Fa%2Fb%3Fc"


@pytest.mark.parametrize("value", ["", ".", ".."])
def test_a_path_parameter_that_would_change_the_endpoint_is_refused_before_sending(
    value: str,
) -> None:
    handler, seen = _answers()
    with pytest.raises(PathParameterError, match="would change the endpoint") as refused:
        _transport(handler).request(GET, path_params={"id": value})
    assert isinstance(refused.value, ValueError)  # the caller's argument

    async def run() -> None:
        transport = AsyncTransport("http://api.test", transport=httpx.MockTransport(handler))
        with pytest.raises(PathParameterError, match="would change the endpoint"):
            await transport.request(GET, path_params={"id": value})

    asyncio.run(run())
    assert seen == []


@pytest.mark.parametrize(
    ("value", "sent"),
    [
        ("%2e%2e", b"%252e%252e"),  # the server decodes it once, to the caller's "%2e%2e"
        ("...", b"..."),
        ("a..", b"a.."),
        (" ", b"%20"),
        ("./x", b".%2Fx"),
    ],
)
def test_a_path_parameter_that_only_looks_like_a_dot_segment_stays_one_segment(
    value: str, sent: bytes
) -> None:
    handler, seen = _answers(httpx.Response(200, json={"id": "x"}))
    _transport(handler).request(GET, path_params={"id": value}).parse()
    assert seen[0].url.raw_path == b"/base/things/" + sent


def test_query_drops_none_repeats_lists_and_spells_booleans() -> None:
    handler, seen = _answers(httpx.Response(200, json={"id": "x"}))
    _transport(handler).request(
        GET, path_params={"id": 1}, query={"a": None, "b": [1, 2], "c": True}
    )
    assert seen[0].url.query == b"b=1&b=2&c=true"
    assert seen[0].headers["accept"] == "application/json"


def test_retries_on_503_then_succeeds_with_backoff() -> None:
    time = FakeTime()
    handler, seen = _answers(
        httpx.Response(503), httpx.Response(503), httpx.Response(200, json={"id": "x"})
    )
    answer = _transport(handler, time).request(GET, path_params={"id": "x"}).parse()
    assert answer == Thing(id="x")
    assert len(seen) == 3
    assert time.sleeps == [0.5, 1.0]  # full jitter at its ceiling: base * 2**attempt


def test_retry_count_is_honoured_then_the_typed_error_raised() -> None:
    handler, seen = _answers(*[httpx.Response(500)] * 3)
    with pytest.raises(InternalServerError):
        _transport(handler).request(GET, path_params={"id": "x"})
    assert len(seen) == 3  # the first try and max_retries=2


def test_post_is_not_retried_by_default() -> None:
    handler, seen = _answers(httpx.Response(503))
    with pytest.raises(InternalServerError):
        _transport(handler).request(POST, body=JsonBody(Thing(id="x")))
    assert len(seen) == 1


@pytest.mark.parametrize("form", ["seconds", "date"])
def test_retry_after_is_honoured_in_both_forms(form: str) -> None:
    time = FakeTime()
    now = datetime(2026, 1, 1, tzinfo=UTC)
    value = "3" if form == "seconds" else format_datetime(now + timedelta(seconds=3), usegmt=True)
    handler, _ = _answers(
        httpx.Response(429, headers={"Retry-After": value}), httpx.Response(200, json={"id": "x"})
    )
    transport = _transport(handler, time)
    transport.retry.now = lambda: now
    transport.request(GET, path_params={"id": "x"})
    assert time.sleeps == [3.0]


def test_the_deadline_is_never_overrun() -> None:
    time = FakeTime()
    handler, seen = _answers(
        httpx.Response(429, headers={"Retry-After": "2"}),
        httpx.Response(429, headers={"Retry-After": "2"}),
        httpx.Response(200, json={"id": "x"}),
    )
    with pytest.raises(RateLimitError):
        _transport(handler, time, deadline=3.0, max_retries=5).request(GET, path_params={"id": "x"})
    assert time.now <= 3.0 and len(seen) == 2


def test_connection_errors_are_retried_then_typed() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with pytest.raises(APIConnectionError) as raised:
        _transport(handler).request(GET, path_params={"id": "x"})
    assert not isinstance(raised.value, APITimeoutError)

    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(APITimeoutError):
        _transport(slow).request(GET, path_params={"id": "x"})


def test_error_bodies_are_typed_when_the_spec_declares_them() -> None:
    handler, _ = _answers(httpx.Response(404, json={"message": "no such thing"}))
    with pytest.raises(NotFoundError) as raised:
        _transport(handler).request(GET, path_params={"id": "x"})
    assert raised.value.body == Problem(message="no such thing")
    assert raised.value.status_code == 404
    assert str(raised.value) == "404 Not Found: GET /things/{id}"


def test_undeclared_error_bodies_are_kept_raw() -> None:
    handler, _ = _answers(httpx.Response(400, text="bad limit"))
    with pytest.raises(BadRequestError) as raised:
        _transport(handler).request(GET, path_params={"id": "x"})
    assert raised.value.body == "bad limit"


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(200, json={"name": "no id"}),
        httpx.Response(200, text="<html>oops</html>", headers={"content-type": "text/html"}),
        httpx.Response(200, content=b'{"id": ', headers={"content-type": "application/json"}),
    ],
)
def test_a_2xx_body_that_does_not_match_keeps_the_raw_body(response: httpx.Response) -> None:
    handler, _ = _answers(response)
    with pytest.raises(ResponseValidationError) as raised:
        _transport(handler).request(GET, path_params={"id": "x"}).parse()
    assert raised.value.body == response.content


def test_requests_send_only_declared_fields() -> None:
    handler, seen = _answers(httpx.Response(201, json={"id": "x"}))
    parsed = Thing.model_validate({"id": "x", "surprise": 1})
    _transport(handler).request(POST, body=JsonBody(parsed))
    assert seen[0].content == b'{"id": "x"}'


def test_form_and_multipart_bodies() -> None:
    handler, seen = _answers(
        httpx.Response(201, json={"id": "x"}), httpx.Response(201, json={"id": "y"})
    )
    transport = _transport(handler)
    transport.request(POST, body=FormBody({"jobId": "7", "merge": False, "skip": None}))
    assert seen[0].content == b"jobId=7&merge=false"
    transport.request(POST, body=MultipartBody({"jobName": "n"}, {"file": b"a,b\n"}))
    assert b'name="file"' in seen[1].read() and b"a,b\n" in seen[1].content


def test_logging_redacts_secrets(caplog: pytest.LogCaptureFixture) -> None:
    handler, _ = _answers(httpx.Response(200, json={"id": "x"}))
    with caplog.at_level(logging.DEBUG):
        _transport(handler).request(
            GET, path_params={"id": "x"}, query={"apikey": "SECRET-KEY", "page": 2}
        )
    ours = "\n".join(r.getMessage() for r in caplog.records if r.name == "runtime")
    assert ours == "GET http://api.test/base/things/x?apikey=%2A%2A%2A&page=2 -> 200"


def test_streamed_download_writes_without_holding_the_body(tmp_path: Any) -> None:
    chunk = b"x" * 65536

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter([chunk] * 160))  # 10 MiB

    spec = OperationSpec("GET", "/file", (ResponseSpec(200, "binary"),))
    with _transport(handler).stream(spec) as download:
        path = download.write_to(tmp_path / "out.bin")
    assert path.stat().st_size == 160 * 65536
    assert not list(tmp_path.glob("*.part"))


def test_the_async_transport_behaves_the_same() -> None:
    handler, seen = _answers(httpx.Response(503), httpx.Response(200, json={"id": "x"}))
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    async def run() -> Any:
        transport = AsyncTransport(
            "http://api.test",
            retry=RetryPolicy(async_sleep=sleep, random=lambda a, b: b),
            transport=httpx.MockTransport(handler),
        )
        answer = (await transport.request(GET, path_params={"id": "x"})).parse()
        await transport.aclose()
        return answer

    assert asyncio.run(run()) == Thing(id="x")
    assert slept == [0.5] and len(seen) == 2


def test_multipart_files_from_paths_are_streamed_and_closed(tmp_path: Any) -> None:
    data = tmp_path / "items.csv"
    data.write_bytes(b"id,name\n1,x\n")
    opened: list[Any] = []
    real_open = type(data).open

    def tracking_open(self: Any, *args: Any, **kwargs: Any) -> Any:
        handle = real_open(self, *args, **kwargs)
        opened.append(handle)
        return handle

    handler, seen = _answers(httpx.Response(201, json={"id": "x"}))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(type(data), "open", tracking_open)
        _transport(handler).request(POST, body=MultipartBody({}, {"file": data}))
    assert b'filename="items.csv"' in seen[0].content and b"1,x" in seen[0].content
    assert opened and all(handle.closed for handle in opened)


def test_a_callers_file_object_is_sent_and_left_open(tmp_path: Any) -> None:
    path = tmp_path / "t.vm"
    path.write_bytes(b"$item.name")
    handler, seen = _answers(httpx.Response(201, json={"id": "x"}))
    with path.open("rb") as handle:
        _transport(handler).request(POST, body=MultipartBody({}, {"template": handle}))
        assert not handle.closed
    assert b'filename="t.vm"' in seen[0].content


def test_an_empty_body_is_an_error_only_where_the_spec_promises_one() -> None:
    handler, _ = _answers(httpx.Response(200), httpx.Response(200))
    with pytest.raises(ResponseValidationError, match="has no body where the spec promises one"):
        _transport(handler).request(GET, path_params={"id": "1"}).parse()
    free_form = OperationSpec("GET", "/anything", (ResponseSpec(200, "json", Any),))
    handler, _ = _answers(httpx.Response(200))
    assert _transport(handler).request(free_form).parse() is None


def _calls(
    asynchronous: bool, *calls: tuple[SyncTransport | AsyncTransport, dict[str, Any]]
) -> None:
    """Make each call on its transport, in the order given."""
    if not asynchronous:
        for transport, options in calls:
            assert isinstance(transport, SyncTransport)
            transport.request(GET, **options)
        return

    async def run() -> None:
        for transport, options in calls:
            assert isinstance(transport, AsyncTransport)
            await transport.request(GET, **options)

    asyncio.run(run())


def _clients(
    asynchronous: bool, *configurations: dict[str, Any]
) -> tuple[list[SyncTransport | AsyncTransport], list[httpx.Request]]:
    """A transport for each configuration (its base URL and options), all answered by one mock."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"id": "x"})

    mock = httpx.MockTransport(handler)
    kind: Any = AsyncTransport if asynchronous else SyncTransport
    return [kind(transport=mock, **configuration) for configuration in configurations], seen


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_two_clients_in_one_process_each_build_urls_from_their_own_base(
    asynchronous: bool,
) -> None:
    (one, two), seen = _clients(
        asynchronous, {"base_url": "http://one.test/v1/"}, {"base_url": "https://two.test:8443/api"}
    )
    _calls(
        asynchronous,
        (one, {"path_params": {"id": "a"}, "query": {"limit": 10, "tag": ["x", "y z"]}}),
        (two, {"path_params": {"id": "b"}}),
        (one, {"path_params": {"id": "c"}}),
        (two, {"path_params": {"id": "d/e"}, "query": {"q": "a&b=c", "none": None}}),
    )
    assert [str(request.url) for request in seen] == [
        "http://one.test/v1/things/a?limit=10&tag=x&tag=y+z",
        "https://two.test:8443/api/things/b",
        "http://one.test/v1/things/c",
        "https://two.test:8443/api/things/d%2Fe?q=a%26b%3Dc",
    ]


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_a_calls_header_replaces_a_default_of_another_case_and_defaults_are_each_clients(
    asynchronous: bool,
) -> None:
    (one, two), seen = _clients(
        asynchronous,
        {"base_url": "http://api.test", "default_headers": {"X-Trace": "d", "accept": "text/csv"}},
        {"base_url": "http://api.test", "default_headers": {"X-Other": "o"}},
    )
    _calls(
        asynchronous,
        (one, {"extra_headers": {"x-trace": "call"}, "path_params": {"id": "1"}}),
        (two, {"path_params": {"id": "2"}}),
        (one, {"path_params": {"id": "3"}}),
    )
    first, second, third = (request.headers for request in seen)
    assert first.get_list("x-trace") == ["call"]  # one header: the call's
    assert first.get_list("accept") == ["application/json"]  # the operation's, over the default
    assert "x-other" not in first and "x-trace" not in second and second["x-other"] == "o"
    assert third.get_list("x-trace") == ["d"]  # a call's header went with that call only
