"""The auth flows against fake servers, through both the sync and the async httpx client."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
from runtime._auth import LoginAuth, LoginEndpoint
from runtime._errors import APIStatusError, AuthenticationError
from runtime._oauth2 import OAuth2PasswordAuth
from runtime._schemes import ApiKeyAuth

from tests.runtime.folio import folio_auth

PASSWORD = "pw-SECRET-1"
CLIENT_SECRET = "client-SECRET-2"
API_KEY = "key-SECRET-3"
GIVEN_TOKEN = "tok-SECRET-4"
SECRETS = (PASSWORD, CLIENT_SECRET, API_KEY, GIVEN_TOKEN)

Handler = Callable[[httpx.Request], httpx.Response]
BOTH = pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])


def call(
    auth: httpx.Auth,
    handler: Handler,
    *,
    asynchronous: bool,
    paths: tuple[str, ...] = ("/jobs",),
    base_url: str = "http://api.test",
) -> list[httpx.Response]:
    """GET each path in turn with one client, sync or async."""
    transport = httpx.MockTransport(handler)
    if not asynchronous:
        with httpx.Client(base_url=base_url, auth=auth, transport=transport) as client:
            return [client.get(path) for path in paths]

    async def run() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=base_url, auth=auth, transport=transport) as client:
            return [await client.get(path) for path in paths]

    return asyncio.run(run())


def _cookie(request: httpx.Request, name: str) -> str | None:
    for part in str(request.headers.get("cookie", "")).split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


class FolioServer:
    """Okapi in miniature: logins issue T1, T2, ...; calls pass with a token still valid."""

    def __init__(self, *, legacy: str | None = None, refuse_logins: bool = False) -> None:
        self.legacy = legacy  # None, "header" or "body": how /authn/login answers
        self.refuse_logins = refuse_logins
        self.valid: set[str] = set()
        self.log: list[str] = []
        self.issued = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.startswith("/authn/"):
            return self._login(request, path)
        token = request.headers.get("x-okapi-token")
        self.log.append(f"{request.method} {path} {token}")
        assert request.headers["x-okapi-tenant"] == "diku"
        cookie = _cookie(request, "folioAccessToken")
        if cookie is not None and cookie != token:  # as Okapi does
            return httpx.Response(400, text="X-Okapi-Token conflicts with folioAccessToken")
        return httpx.Response(200 if token in self.valid else 401)

    def _login(self, request: httpx.Request, path: str) -> httpx.Response:
        self.log.append(f"POST {path}")
        assert request.headers["x-okapi-tenant"] == "diku"
        assert json.loads(request.content) == {"username": "admin", "password": PASSWORD}
        assert "timeout" in request.extensions  # the client's timeout reaches the login too
        if path == "/authn/login-with-expiry" and self.legacy:
            return httpx.Response(404, text="No suitable module found")
        if self.refuse_logins:
            return httpx.Response(422, json={"errors": [{"message": "Password does not match"}]})
        self.issued += 1
        token = f"T{self.issued}"
        self.valid.add(token)
        if self.legacy == "header":
            return httpx.Response(201, headers={"x-okapi-token": token}, json={})
        if self.legacy == "body":
            return httpx.Response(201, json={"okapiToken": token})
        return httpx.Response(
            201,
            headers=[
                ("set-cookie", f"folioAccessToken={token}; Max-Age=600; Path=/; HttpOnly"),
                ("set-cookie", f"folioRefreshToken=R{self.issued}; Path=/authn; HttpOnly"),
            ],
            json={"accessTokenExpiration": "2030-01-01T00:10:00Z"},
        )


def folio_login(**options: Any) -> LoginAuth:
    return folio_auth("diku", username="admin", password=PASSWORD, **options)


# -- FOLIO --------------------------------------------------------------------------------------


@BOTH
def test_folio_sends_tenant_and_the_given_token(asynchronous: bool) -> None:
    server = FolioServer()
    server.valid.add(GIVEN_TOKEN)
    responses = call(folio_auth("diku", GIVEN_TOKEN), server, asynchronous=asynchronous)
    assert responses[0].status_code == 200
    assert server.log == [f"GET /jobs {GIVEN_TOKEN}"]


@BOTH
def test_folio_without_credentials_hands_a_401_back_without_logging_in(asynchronous: bool) -> None:
    server = FolioServer()
    responses = call(folio_auth("diku", GIVEN_TOKEN), server, asynchronous=asynchronous)
    assert responses[0].status_code == 401
    assert server.log == [f"GET /jobs {GIVEN_TOKEN}"]


@BOTH
def test_folio_logs_in_once_and_takes_the_token_from_the_cookie(asynchronous: bool) -> None:
    server = FolioServer()
    responses = call(
        folio_login(), server, asynchronous=asynchronous, paths=("/jobs", "/jobs/1", "/jobs/2")
    )
    assert [r.status_code for r in responses] == [200, 200, 200]
    assert server.log == [
        "POST /authn/login-with-expiry",
        "GET /jobs T1",
        "GET /jobs/1 T1",
        "GET /jobs/2 T1",
    ]


@BOTH
@pytest.mark.parametrize("answer", ["header", "body"])
def test_folio_falls_back_to_the_legacy_login(asynchronous: bool, answer: str) -> None:
    server = FolioServer(legacy=answer)
    responses = call(folio_login(), server, asynchronous=asynchronous, paths=("/a", "/b"))
    assert [r.status_code for r in responses] == [200, 200]
    assert server.log == [
        "POST /authn/login-with-expiry",
        "POST /authn/login",
        "GET /a T1",
        "GET /b T1",
    ]


@BOTH
def test_folio_logs_in_again_once_on_401_and_sends_the_call_again(asynchronous: bool) -> None:
    server = FolioServer()
    auth = folio_login()
    assert call(auth, server, asynchronous=asynchronous)[0].status_code == 200
    server.valid.clear()  # T1 expires
    # The client's cookie jar still holds folioAccessToken=T1 when the next call is built; the
    # server would answer 400 if that cookie went along with the new X-Okapi-Token.
    responses = call(auth, server, asynchronous=asynchronous, paths=("/jobs", "/jobs"))
    assert [r.status_code for r in responses] == [200, 200]
    assert server.log == [
        "POST /authn/login-with-expiry",
        "GET /jobs T1",
        "GET /jobs T1",
        "POST /authn/login-with-expiry",
        "GET /jobs T2",
        "GET /jobs T2",
    ]


@BOTH
def test_folio_drops_a_stale_access_cookie_from_the_retried_call(asynchronous: bool) -> None:
    server = FolioServer()
    transport = httpx.MockTransport(server)
    auth = folio_login()

    async def run_async() -> list[int]:
        async with httpx.AsyncClient(
            base_url="http://api.test", auth=auth, transport=transport
        ) as client:
            first = await client.get("/jobs")
            server.valid.clear()
            second = await client.get("/jobs")
            return [first.status_code, second.status_code]

    if asynchronous:
        statuses = asyncio.run(run_async())
    else:
        with httpx.Client(base_url="http://api.test", auth=auth, transport=transport) as client:
            first = client.get("/jobs")
            server.valid.clear()
            statuses = [first.status_code, client.get("/jobs").status_code]
    assert statuses == [200, 200]
    assert server.log[-1] == "GET /jobs T2"


@BOTH
def test_folio_gives_up_after_one_new_login(asynchronous: bool) -> None:
    server = FolioServer()
    server.valid = _Nothing()  # every token is refused
    responses = call(folio_login(), server, asynchronous=asynchronous)
    # The 401 goes back to the caller; the transport turns it into AuthenticationError.
    assert responses[0].status_code == 401
    assert server.log == [
        "POST /authn/login-with-expiry",
        "GET /jobs T1",
        "POST /authn/login-with-expiry",
        "GET /jobs T2",
    ]


class _Nothing(set[str]):
    """A set of valid tokens that accepts new ones and holds none."""

    def __contains__(self, item: object) -> bool:
        return False


@BOTH
def test_folio_failed_new_login_raises_a_typed_error(asynchronous: bool) -> None:
    server = FolioServer()
    auth = folio_login()
    call(auth, server, asynchronous=asynchronous)
    server.valid.clear()
    server.refuse_logins = True
    with pytest.raises(AuthenticationError) as raised:
        call(auth, server, asynchronous=asynchronous)
    assert raised.value.status_code == 422
    assert server.log[-2:] == ["GET /jobs T1", "POST /authn/login-with-expiry"]


@BOTH
def test_folio_failed_login_is_typed_and_names_no_password(asynchronous: bool) -> None:
    server = FolioServer(refuse_logins=True)
    with pytest.raises(AuthenticationError) as raised:
        call(folio_login(), server, asynchronous=asynchronous)
    error = raised.value
    assert isinstance(error, APIStatusError)
    assert error.status_code == 422
    assert error.body == {"errors": [{"message": "Password does not match"}]}
    assert "admin" in str(error) and "diku" in str(error)
    assert PASSWORD not in str(error) and PASSWORD not in repr(error)
    assert server.log == ["POST /authn/login-with-expiry"]  # no call goes out unauthenticated


@BOTH
def test_folio_login_answer_without_a_token_is_a_failed_login(asynchronous: bool) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(201, json={})

    with pytest.raises(AuthenticationError, match="HTTP 201"):
        call(folio_login(), handler, asynchronous=asynchronous)


def test_folio_logs_in_against_the_server_root_and_custom_paths() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path == "/custom/login":
            return httpx.Response(201, headers={"set-cookie": "folioAccessToken=T1; Path=/"})
        return httpx.Response(200)

    auth = folio_login(endpoints=(LoginEndpoint("/custom/login", token_cookie="folioAccessToken"),))
    call(auth, handler, asynchronous=False, base_url="http://api.test/okapi", paths=("jobs",))
    assert seen == ["http://api.test/custom/login", "http://api.test/okapi/jobs"]


def test_folio_needs_a_token_or_credentials() -> None:
    with pytest.raises(ValueError, match="token"):
        folio_auth("diku")
    with pytest.raises(ValueError, match="token"):
        folio_auth("diku", username="admin")


def test_calls_that_fail_together_log_in_only_once() -> None:
    """Two calls sent with T1 both answer 401; the second reuses the first one's new login."""
    auth = folio_auth("diku", "T1", username="admin", password=PASSWORD)
    first = auth.auth_flow(httpx.Request("GET", "http://api.test/a"))
    second = auth.auth_flow(httpx.Request("GET", "http://api.test/b"))
    sent_first, sent_second = next(first), next(second)
    assert sent_first.headers["x-okapi-token"] == sent_second.headers["x-okapi-token"] == "T1"
    login = first.send(httpx.Response(401, request=sent_first))
    assert login.url.path == "/authn/login-with-expiry"
    retry_first = first.send(
        httpx.Response(201, headers={"set-cookie": "folioAccessToken=T2"}, request=login)
    )
    retry_second = second.send(httpx.Response(401, request=sent_second))
    assert retry_first.headers["x-okapi-token"] == retry_second.headers["x-okapi-token"] == "T2"


@BOTH
def test_only_the_flows_own_answers_are_read(asynchronous: bool) -> None:
    """Login answers are read for the token; downloads stay streamed, unread, for the caller."""
    parts = {
        "/authn/login": [b'{"okapiToken": ', b'"T1"}'],  # a streamed login answer
        "/export/file": [b"a" * 10, b"b" * 10],
    }

    def chunks(path: str) -> Iterator[bytes]:
        yield from parts[path]

    async def achunks(path: str) -> AsyncIterator[bytes]:
        for part in parts[path]:
            yield part

    def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == "/authn/login-with-expiry":
            return httpx.Response(404)
        status = 201 if path == "/authn/login" else 200
        return httpx.Response(status, content=achunks(path) if asynchronous else chunks(path))

    transport = httpx.MockTransport(handler)
    base_url = "http://api.test"
    if asynchronous:

        async def run() -> tuple[bool, bytes]:
            async with (
                httpx.AsyncClient(base_url=base_url, auth=folio_login(), transport=transport) as c,
                c.stream("GET", "/export/file") as response,
            ):
                return response.is_stream_consumed, b"".join(
                    [part async for part in response.aiter_bytes()]
                )

        consumed, body = asyncio.run(run())
    else:
        with (
            httpx.Client(base_url=base_url, auth=folio_login(), transport=transport) as client,
            client.stream("GET", "/export/file") as response,
        ):
            consumed, body = response.is_stream_consumed, b"".join(response.iter_bytes())
    assert not consumed
    assert body == b"a" * 10 + b"b" * 10


# -- Alma ---------------------------------------------------------------------------------------


@BOTH
def test_alma_key_goes_in_the_authorization_header(asynchronous: bool) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200)

    auth = ApiKeyAuth(API_KEY)
    call(auth, handler, asynchronous=asynchronous, paths=("/conf/jobs?limit=10",))
    assert seen[0].headers["authorization"] == f"apikey {API_KEY}"
    assert API_KEY not in str(seen[0].url)
    assert repr(auth) == "ApiKeyAuth(header='Authorization', prefix='apikey ')"


def test_api_key_header_and_prefix_are_parameters() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200)

    call(ApiKeyAuth(API_KEY, header="X-Api-Key", prefix=""), handler, asynchronous=False)
    assert seen[0].headers["x-api-key"] == API_KEY
    assert "authorization" not in seen[0].headers


# -- OAuth2 password grant ----------------------------------------------------------------------


class OAuthServer:
    """A token endpoint issuing T1, T2, ... and an API accepting the valid ones."""

    def __init__(self, *, expires_in: Any = None, refuse: bool = False) -> None:
        self.expires_in = expires_in
        self.refuse = refuse
        self.valid: set[str] = set()
        self.log: list[str] = []
        self.issued = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/ls/api/oauth2/token":
            return self._token(request)
        bearer = request.headers.get("authorization", "").removeprefix("Bearer ")
        self.log.append(f"{request.url.path} {bearer}")
        return httpx.Response(200 if bearer in self.valid else 401)

    def _token(self, request: httpx.Request) -> httpx.Response:
        assert request.method == "POST"
        assert request.headers["content-type"] == "application/x-www-form-urlencoded"
        assert parse_qs(request.content.decode()) == {
            "grant_type": ["password"],
            "client_id": ["ld-client"],
            "client_secret": [CLIENT_SECRET],
            "username": ["librarian"],
            "password": [PASSWORD],
            "scope": ["community=x"],
        }
        if self.refuse:
            self.log.append("token refused")
            return httpx.Response(400, json={"error": "invalid_grant"})
        self.issued += 1
        token = f"T{self.issued}"
        self.valid.add(token)
        self.log.append(f"token {token}")
        answer: dict[str, Any] = {"access_token": token, "token_type": "bearer"}
        if self.expires_in is not None:
            answer["expires_in"] = self.expires_in
        return httpx.Response(200, json=answer)


def oauth(token_url: str = "/ls/api/oauth2/token", **options: Any) -> OAuth2PasswordAuth:
    return OAuth2PasswordAuth(
        token_url,
        client_id="ld-client",
        client_secret=CLIENT_SECRET,
        username="librarian",
        password=PASSWORD,
        scope="community=x",
        **options,
    )


@BOTH
def test_oauth2_token_is_fetched_once_for_several_calls(asynchronous: bool) -> None:
    server = OAuthServer()
    responses = call(oauth(), server, asynchronous=asynchronous, paths=("/a", "/b", "/c"))
    assert [r.status_code for r in responses] == [200, 200, 200]
    assert server.log == ["token T1", "/a T1", "/b T1", "/c T1"]


@BOTH
def test_oauth2_token_is_fetched_again_once_on_401(asynchronous: bool) -> None:
    server = OAuthServer()
    auth = oauth()
    call(auth, server, asynchronous=asynchronous, paths=("/a",))
    server.valid.clear()  # T1 expires
    responses = call(auth, server, asynchronous=asynchronous, paths=("/b", "/c"))
    assert [r.status_code for r in responses] == [200, 200]
    assert server.log == ["token T1", "/a T1", "/b T1", "token T2", "/b T2", "/c T2"]


@BOTH
def test_oauth2_gives_up_after_one_new_token(asynchronous: bool) -> None:
    server = OAuthServer()
    server.valid = _Nothing()
    responses = call(oauth(), server, asynchronous=asynchronous)
    assert responses[0].status_code == 401
    assert server.log == ["token T1", "/jobs T1", "token T2", "/jobs T2"]


@BOTH
def test_oauth2_bad_credentials_raise_authentication_error(asynchronous: bool) -> None:
    server = OAuthServer(refuse=True)
    with pytest.raises(AuthenticationError) as raised:
        call(oauth(), server, asynchronous=asynchronous)
    error = raised.value
    assert error.status_code == 400 and error.body == {"error": "invalid_grant"}
    assert "invalid_grant" in str(error) and "librarian" in str(error)
    assert server.log == ["token refused"]


def test_oauth2_answer_without_a_token_raises_authentication_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"token_type": "bearer"})

    with pytest.raises(AuthenticationError, match="HTTP 200"):
        call(oauth(), handler, asynchronous=False)


def test_oauth2_token_is_refreshed_shortly_before_it_expires() -> None:
    now = [0.0]
    server = OAuthServer(expires_in="100")  # some servers send a string
    auth = oauth(clock=lambda: now[0])
    transport = httpx.MockTransport(server)
    with httpx.Client(base_url="http://api.test", auth=auth, transport=transport) as client:
        client.get("/a")
        now[0] = 89.0
        client.get("/b")
        now[0] = 90.0  # ten seconds early: a tenth of the lifetime, at most a minute
        client.get("/c")
    assert server.log == ["token T1", "/a T1", "/b T1", "token T2", "/c T2"]


@pytest.mark.parametrize(
    ("base_url", "token_url", "expected"),
    [
        (
            "http://api.test/ls/api/batch",
            "/ls/api/oauth2/token",
            "http://api.test/ls/api/oauth2/token",
        ),
        (
            "http://api.test:8080/x",
            "ls/api/oauth2/token",
            "http://api.test:8080/ls/api/oauth2/token",
        ),
        ("http://api.test/x", "https://login.test/token", "https://login.test/token"),
    ],
)
def test_oauth2_token_url_is_resolved_against_the_server(
    base_url: str, token_url: str, expected: str
) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, json={"access_token": "T1"})

    call(oauth(token_url), handler, asynchronous=False, base_url=base_url, paths=("jobs",))
    assert seen[0] == expected


# -- secrets ------------------------------------------------------------------------------------


def test_no_secret_in_repr_str_attributes_errors_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    auths: list[httpx.Auth] = [
        folio_auth("diku", GIVEN_TOKEN, username="admin", password=PASSWORD),
        ApiKeyAuth(API_KEY),
        oauth(),
    ]
    errors: list[Exception] = []
    for asynchronous in (False, True):
        call(auths[0], FolioServer(), asynchronous=asynchronous)  # given token refused: login
        call(auths[1], lambda request: httpx.Response(200), asynchronous=asynchronous)
        call(auths[2], OAuthServer(), asynchronous=asynchronous)
        refusing: list[tuple[httpx.Auth, Handler]] = [
            (folio_login(), FolioServer(refuse_logins=True)),
            (oauth(), OAuthServer(refuse=True)),
        ]
        for auth, server in refusing:
            with pytest.raises(AuthenticationError) as raised:
                call(auth, server, asynchronous=asynchronous)
            errors.append(raised.value)
    texts = [caplog.text]
    texts += [f"{auth!r} {auth} {vars(auth)!r}" for auth in auths]
    texts += [f"{error!r} {error} {error.args!r}" for error in errors]
    for text in texts:
        for secret in (*SECRETS, "T1", "T2"):
            assert secret not in text
