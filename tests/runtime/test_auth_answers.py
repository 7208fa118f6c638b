"""The answers an auth flow reads itself (a login, a token, the 401 it retries) are bounded.

httpx reads those answers whole, and inflates them whole, inside the flow: a token endpoint
answering a gzip bomb would take the memory the transport's ``max_response_bytes`` protects.
"""

from __future__ import annotations

import tracemalloc
import zlib
from functools import cache
from typing import Any

import httpx
import pytest
from runtime._errors import APIError, ResponseTooLargeError, ResponseValidationError
from runtime._reading import SIDE_ANSWER_LIMIT

from tests.runtime.test_auth import BOTH, FolioServer, OAuthServer, call, folio_login, oauth

MIB = 1024 * 1024


@cache
def _bomb(size: int) -> bytes:
    """gzip of ``size`` zero bytes (about a thousandth of it)."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    parts = [deflate.compress(bytes(MIB)) for _ in range(size // MIB)]
    return b"".join([*parts, deflate.flush()])


def _gzip(status: int, content: bytes) -> httpx.Response:
    return httpx.Response(
        status,
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
        stream=httpx.ByteStream(content),
    )


def _peak(run: Any) -> tuple[BaseException | None, int]:
    tracemalloc.start()
    try:
        run()
    except Exception as raised:
        error: BaseException | None = raised
    else:
        error = None
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return error, peak


def _token_bomb(path: str) -> Any:
    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == path:
            return _gzip(200, _bomb(64 * MIB))
        return httpx.Response(200, json={})

    return handle


@BOTH
@pytest.mark.parametrize("kind", ["folio", "oauth2"])
def test_a_login_answer_that_inflates_past_the_bound_stops_there(
    kind: str, asynchronous: bool
) -> None:
    if kind == "folio":
        auth: httpx.Auth = folio_login()
        handler = _token_bomb("/authn/login-with-expiry")
    else:
        auth = oauth()
        handler = _token_bomb("/ls/api/oauth2/token")
    error, peak = _peak(lambda: call(auth, handler, asynchronous=asynchronous))
    assert isinstance(error, ResponseTooLargeError), repr(error)
    assert error.limit == SIDE_ANSWER_LIMIT
    assert peak < 8 * MIB, f"{peak / MIB:.1f} MiB traced"


@BOTH
def test_a_401_that_inflates_past_the_bound_is_not_read_whole(asynchronous: bool) -> None:
    server = FolioServer()

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith("/authn/"):
            return server(request)
        return _gzip(401, _bomb(64 * MIB))  # the call the flow will retry after a login

    auth = folio_login(token="stale")
    error, peak = _peak(lambda: call(auth, handle, asynchronous=asynchronous))
    assert isinstance(error, ResponseTooLargeError), repr(error)
    assert peak < 8 * MIB, f"{peak / MIB:.1f} MiB traced"


@BOTH
def test_a_login_answer_that_is_not_its_encoding_is_a_typed_error(asynchronous: bool) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/ls/api/oauth2/token":
            return _gzip(200, b"this is not gzip")
        return httpx.Response(200, json={})

    with pytest.raises(ResponseValidationError, match="could not be decoded"):
        call(oauth(), handle, asynchronous=asynchronous)


@BOTH
def test_encoded_login_answers_within_the_bound_still_log_in(asynchronous: bool) -> None:
    server = OAuthServer()

    def handle(request: httpx.Request) -> httpx.Response:
        answer = server(request)
        if request.url.path != "/ls/api/oauth2/token":
            return answer
        return _gzip(answer.status_code, zlib.compress(answer.content, wbits=31))

    responses = call(oauth(), handle, asynchronous=asynchronous, paths=("/a", "/b"))
    assert [r.status_code for r in responses] == [200, 200]
    assert server.log.count("token T1") == 1


def test_the_bound_is_an_api_error() -> None:
    assert issubclass(ResponseTooLargeError, APIError)
