"""Values from the server never raise bare Python errors.

Every place the runtime turns server data into Python values outside pydantic: ``Retry-After``,
a job's status and progress numbers, a page's total and items, ``expires_in`` and the token of a
login answer. Whatever the server sends ends in a usable value, None, or the error hierarchy.
"""

from __future__ import annotations

import asyncio
import json
import math
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from runtime._access import value_at
from runtime._errors import AuthenticationError, NotFoundError
from runtime._job_rules import JobRules, find_job, same_job
from runtime._jobs import JobProgress, async_wait_for_job, wait_for_job
from runtime._oauth2 import OAuth2PasswordAuth, _seconds
from runtime._operation import OperationSpec, ResponseSpec
from runtime._pagination import iter_offset_pages
from runtime._retry import RetryPolicy, retry_after
from runtime._transport import AsyncTransport, SyncTransport

from tests.runtime.folio import folio_auth

BOTH = pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
NOW = datetime(2026, 1, 1, tzinfo=UTC)
# Numbers as a server may write them: huge, infinite, NaN, negative, as text, as bools.
HOSTILE_NUMBERS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**308, max_value=10**400),
    st.floats(),  # inf and NaN included
    st.sampled_from(["1e400", "-1e400", "nan", "inf", "²", "①", "12", "-3", "", "9" * 400]),
    st.text(max_size=20),
    st.lists(st.integers(), max_size=2),
)

# -- Retry-After --------------------------------------------------------------------------------


def _headers(text: str) -> httpx.Headers:
    return httpx.Headers([(b"retry-after", text.encode("utf-8"))])


RETRY_AFTER = st.one_of(
    st.text(),
    # digits of every script (isdigit() takes "²", "①", "٣"), signs, exponents
    st.text(alphabet=st.sampled_from("0123456789²①٣ +-.eE"), min_size=1),
    st.from_regex(r"[A-Z][a-z]{2}, \d{1,5} [A-Z][a-z]{2} \d{1,6} \d\d:\d\d:\d\d [-+]\d{4}"),
)


@given(RETRY_AFTER)
def test_any_retry_after_text_gives_none_or_a_usable_wait(text: str) -> None:
    seconds = retry_after(_headers(text), lambda: NOW)
    assert seconds is None or (math.isfinite(seconds) and 0 <= seconds <= 86400)
    policy = RetryPolicy(now=lambda: NOW)
    wait = policy.delay(0, httpx.Response(503, headers=_headers(text)))
    assert math.isfinite(wait) and wait >= 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("²", None),  # str.isdigit() says yes, float() says no
        ("①", None),
        ("-5", None),
        ("nan", None),
        ("inf", None),
        ("1e3", None),
        ("9" * 400, 86400.0),  # a float of it is infinite
        ("Fri, 31 Dec 9999 23:59:59 -2359", 86400.0),
        ("Mon, 01 Jan 99999 00:00:00 GMT", None),  # a year datetime refuses
        ("Mon, 01 Jan 2001 00:00:00 +0100", 0.0),  # past
        ("7", 7.0),
    ],
)
def test_retry_after_edge_values(text: str, expected: float | None) -> None:
    assert retry_after(_headers(text), lambda: NOW) == expected


THING = OperationSpec("GET", "/thing", (ResponseSpec(200, "empty", None),))


@BOTH
@pytest.mark.parametrize("text", ["²", "①", "9" * 400, "Mon, 01 Jan 99999 00:00:00 GMT"])
def test_a_call_retries_past_a_strange_retry_after(asynchronous: bool, text: str) -> None:
    answers = iter([httpx.Response(503, headers=_headers(text)), httpx.Response(200)])
    sleeps: list[float] = []

    async def asleep(seconds: float) -> None:
        sleeps.append(seconds)

    policy = RetryPolicy(sleep=sleeps.append, async_sleep=asleep, random=lambda a, b: b)
    handler = httpx.MockTransport(lambda request: next(answers))
    if not asynchronous:
        status = SyncTransport("http://api.test", retry=policy, transport=handler).request(THING)
    else:

        async def run() -> Any:
            transport = AsyncTransport("http://api.test", retry=policy, transport=handler)
            return await transport.request(THING)

        status = asyncio.run(run())
    assert status.status_code == 200
    assert len(sleeps) == 1 and 0 <= sleeps[0] <= policy.backoff_max * 4


# -- jobs ---------------------------------------------------------------------------------------

RULES = JobRules(
    status="/status",
    success=frozenset({"DONE"}),
    failure=frozenset({"FAILED"}),
    complete_when=("/processed", "/total"),
    percent="/percent",
    processed="/processed",
    total="/total",
)


@given(
    status=HOSTILE_NUMBERS,
    processed=HOSTILE_NUMBERS,
    total=HOSTILE_NUMBERS,
    percent=HOSTILE_NUMBERS,
)
def test_any_job_numbers_give_a_progress_and_a_verdict(
    status: Any, processed: Any, total: Any, percent: Any
) -> None:
    job = {"status": status, "processed": processed, "total": total, "percent": percent}
    progress = RULES.progress(job)
    assert progress.percent is None or 0.0 <= progress.percent <= 100.0
    assert progress.processed is None or isinstance(progress.processed, int)
    assert progress.total is None or isinstance(progress.total, int)
    RULES.is_success(job)
    RULES.is_failure(job)


def test_a_status_too_long_to_print_is_no_known_status() -> None:
    assert not RULES.is_failure({"status": 10**5000})


@BOTH
@pytest.mark.parametrize("huge", ["1e400", 10**400, float("inf"), float("nan"), True])
def test_the_waiter_reports_progress_whatever_the_numbers(asynchronous: bool, huge: Any) -> None:
    jobs = iter([{"status": "RUNNING", "processed": huge, "total": 10}, {"status": "DONE"}])
    seen: list[JobProgress] = []
    options: dict[str, Any] = {
        "is_success": RULES.is_success,
        "is_failure": RULES.is_failure,
        "progress": RULES.progress,
        "on_progress": seen.append,
    }
    if not asynchronous:
        wait_for_job(lambda: next(jobs), sleep=lambda seconds: None, **options)
    else:

        async def read() -> Any:
            return next(jobs)

        async def asleep(seconds: float) -> None:
            pass

        asyncio.run(async_wait_for_job(read, sleep=asleep, **options))
    assert seen[0] == JobProgress(None, None, 10)


def test_an_index_in_a_pointer_is_ascii_digits_only() -> None:
    assert value_at({"items": ["a", "b"]}, "/items/1") == "b"
    assert value_at({"items": ["a", "b"]}, "/items/²") is None


def test_a_list_of_jobs_that_is_a_string_lists_no_job() -> None:
    with pytest.raises(NotFoundError):
        find_job({"items": "not a list"}, "/items", None, "j")


@pytest.mark.parametrize("found", [10**5000, True, None], ids=["huge", "bool", "none"])
def test_a_job_id_no_one_can_have_asked_for_is_another_job(found: Any) -> None:
    with pytest.raises(NotFoundError):
        find_job({"items": [{"id": found}]}, "/items", "/id", "j")
    with pytest.raises(NotFoundError):
        same_job({"id": found}, "/id", "j")


@pytest.mark.parametrize("total", ["12", True, 1.5, [3]])
def test_a_total_that_is_not_an_integer_is_no_total(total: Any) -> None:
    pages = {0: {"items": [1, 2], "total": total}, 2: {"items": [3], "total": total}}
    items = iter_offset_pages(
        lambda offset, limit: pages[offset],
        items=lambda page: page["items"],
        total=lambda page: page["total"],
        limit=2,
    )
    assert list(items) == [1, 2, 3]  # ends at the short page, as without a total


# -- login answers ------------------------------------------------------------------------------


@given(HOSTILE_NUMBERS)
def test_any_expires_in_is_none_or_positive_finite_seconds(value: Any) -> None:
    seconds = _seconds(value)
    assert seconds is None or (math.isfinite(seconds) and seconds > 0)


def _call(auth: httpx.Auth, handler: Any, asynchronous: bool) -> httpx.Response:
    transport = httpx.MockTransport(handler)
    if not asynchronous:
        with httpx.Client(base_url="http://api.test", auth=auth, transport=transport) as client:
            return client.get("/jobs")

    async def run() -> httpx.Response:
        async with httpx.AsyncClient(
            base_url="http://api.test", auth=auth, transport=transport
        ) as client:
            return await client.get("/jobs")

    return asyncio.run(run())


def _oauth() -> OAuth2PasswordAuth:
    return OAuth2PasswordAuth(
        "/token", client_id="c", client_secret="s", username="u", password="p"
    )


@BOTH
@pytest.mark.parametrize("expires_in", [1e400, 10**400, "nan", "-1", True, "9" * 400])
def test_a_strange_expires_in_keeps_the_token_until_a_401(
    asynchronous: bool, expires_in: Any
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/token":  # 1e400 goes as Infinity, as Python's json writes it
            body = json.dumps({"access_token": "T1", "expires_in": expires_in})
            return httpx.Response(200, content=body.encode())
        return httpx.Response(200 if request.headers["authorization"] == "Bearer T1" else 401)

    assert _call(_oauth(), handler, asynchronous).status_code == 200


UNSENDABLE = ["tökén", "a\nb", "a b", "\x00", "Ω" * 3, ""]


@BOTH
@pytest.mark.parametrize("token", UNSENDABLE)
def test_an_oauth2_token_that_cannot_go_in_a_header_is_a_failed_login(
    asynchronous: bool, token: str
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"access_token": token})

    with pytest.raises(AuthenticationError, match="failed"):
        _call(_oauth(), handler, asynchronous)


@BOTH
@pytest.mark.parametrize("token", UNSENDABLE)
@pytest.mark.parametrize("where", ["cookie", "legacy header", "legacy body"])
def test_a_folio_token_that_cannot_go_in_a_header_is_a_failed_login(
    asynchronous: bool, token: str, where: str
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/authn/login-with-expiry":
            if where == "cookie":
                cookie = f"folioAccessToken={token}; Path=/".encode()
                return httpx.Response(201, headers=[(b"set-cookie", cookie)])
            return httpx.Response(404)
        if where == "legacy header":
            return httpx.Response(201, headers=[(b"x-okapi-token", token.encode())])
        return httpx.Response(201, json={"okapiToken": token})

    auth = folio_auth("diku", username="admin", password="pw")
    with pytest.raises(AuthenticationError, match="failed"):
        _call(auth, handler, asynchronous)


@BOTH
def test_a_login_answer_nested_too_deep_is_a_failed_login(asynchronous: bool) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, content=deep, headers={"content-type": "application/json"})

    with pytest.raises(AuthenticationError):
        _call(_oauth(), handler, asynchronous)
