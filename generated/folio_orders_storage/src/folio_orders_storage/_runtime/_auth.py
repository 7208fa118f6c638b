"""Authentication as httpx auth flows: one generator per scheme serves the sync and async client.

A flow may yield extra requests (a login, a token call) before the real one; httpx sends them
with the same client, so logging in needs no second HTTP stack and works for both clients.
The transport sends with ``follow_redirects=False``, so these calls go only where they are
configured to: a login or token call answered with a redirect is a failed login
(``AuthenticationError``), and a password or client secret never follows a ``Location``.
Credentials are checked when an auth object is built (``_secret.checked``): one that could not
be sent as given is refused there, by parameter name, before any library could quote it.

Concurrency: one token request per auth object is on the wire at a time. The call that finds
no usable token claims the login; every other call that needs one meanwhile waits for it (a
thread blocks on a condition, a task awaits a future of its own event loop, woken thread-safely,
so one auth object serves threads, tasks and several event loops at once) and then sends the new
token. No lock is held across a ``yield``: the shared generator yields the login to wait for,
and the sync or async driver does the waiting. A failed login wakes every waiter with its
``AuthenticationError``; a login cut short (a connection error, a cancelled task) lets the next
waiter try. Every flow remembers which token it sent: after a 401 it logs in only when no other
call has replaced that token meanwhile, and otherwise retries with the newer one.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import AsyncGenerator, Callable, Generator, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from . import _deadline as deadline
from ._errors import AuthenticationError
from ._reading import bound_unread
from ._secret import Secret, checked

_Flow = Generator[httpx.Request, httpx.Response, None]
_Obtained = Generator[httpx.Request, httpx.Response, tuple[Secret, int]]

# A token with an announced lifetime is replaced this much before it runs out (at most a minute,
# at most a tenth of its life), so that no call leaves with a token that expires on the way.
_EARLY_REFRESH_SECONDS = 60.0
_EARLY_REFRESH_SHARE = 0.1


class _Login:
    """One token request on the wire: how it ended, and the waiting tasks to wake then."""

    def __init__(self) -> None:
        self.done = False
        self.error: AuthenticationError | None = None
        self.wakers: list[Callable[[], None]] = []


# What the shared flow yields: a request to send, or a login of another call to wait for.
_Step = Generator[httpx.Request | _Login, httpx.Response, None]
_Renewed = Generator[httpx.Request | _Login, httpx.Response, tuple[Secret, int]]


@dataclass(frozen=True)
class _Claim:
    """The answer to "this call needs a new token": use ``token``, wait for ``wait``, or, with
    neither, log in yourself and ``finish`` ``own``."""

    token: Secret | None = None
    generation: int = 0
    wait: _Login | None = None
    own: _Login | None = None


class _Tokens:
    """The current token, its generation (bumped on every change), when to refresh it, and the
    one login in flight."""

    def __init__(self, token: str | None, clock: Callable[[], float]) -> None:
        self._lock = threading.Lock()
        self._finished = threading.Condition(self._lock)
        self._clock = clock
        self._token = Secret(token) if token else None
        self._generation = 0
        self._refresh_at: float | None = None
        self._login: _Login | None = None

    def current(self) -> tuple[Secret | None, int]:
        """The token to send (None when missing or due for refresh) and its generation."""
        with self._lock:
            due = self._refresh_at is not None and self._clock() >= self._refresh_at
            return (None if due else self._token), self._generation

    def claim(self, generation: int) -> _Claim:
        """What a call whose token (of ``generation``) is missing, due or refused does next."""
        with self._lock:
            if self._generation != generation and self._token is not None:
                # Another call stored a token since: take it, even if it is due already,
                # rather than start a login for every call that comes late.
                return _Claim(token=self._token, generation=self._generation)
            if self._login is not None:
                return _Claim(wait=self._login)
            self._login = _Login()
            return _Claim(own=self._login)

    def store(self, token: str, expires_in: float | None = None) -> tuple[Secret, int]:
        """Keep a new token; refresh it a little before ``expires_in`` seconds have passed."""
        secret = Secret(token)
        refresh_at = None
        if expires_in is not None:
            early = min(_EARLY_REFRESH_SECONDS, expires_in * _EARLY_REFRESH_SHARE)
            refresh_at = self._clock() + expires_in - early
        with self._lock:
            self._token, self._refresh_at = secret, refresh_at
            self._generation += 1
            return secret, self._generation

    def finish(self, login: _Login, error: AuthenticationError | None) -> None:
        """End ``login`` (after ``store``, or with the error) and wake everyone waiting for it."""
        with self._lock:
            if self._login is login:
                self._login = None
            login.done, login.error = True, error
            wakers, login.wakers = login.wakers, []
            self._finished.notify_all()
        for wake in wakers:
            wake()

    def wait(self, login: _Login) -> None:
        """Block this thread until ``login`` has finished, or the call's deadline has come."""
        with self._lock:
            while not login.done:
                left = deadline.remaining()
                if left is not None and left <= 0:
                    raise _waited_too_long()
                self._finished.wait(left)

    async def wait_async(self, login: _Login) -> None:
        """Suspend this task until ``login`` has finished, whichever thread or loop runs it.

        A future of the waiting task's own loop, resolved through ``call_soon_threadsafe``:
        asyncio primitives belong to one loop, and the login may run in another or in a thread.
        """
        loop = asyncio.get_running_loop()
        woken: asyncio.Future[None] = loop.create_future()

        def wake() -> None:
            with contextlib.suppress(RuntimeError):  # the waiter's loop is closed: nobody waits
                loop.call_soon_threadsafe(_settle, woken)

        with self._lock:
            if login.done:
                return
            login.wakers.append(wake)
        try:
            await asyncio.wait_for(woken, deadline.remaining())
        except TimeoutError:
            raise _waited_too_long() from None


def _waited_too_long() -> httpx.TimeoutException:
    # A transport error, so that the call ends as any call past its deadline does:
    # APITimeoutError, or JobTimeoutError in a job wait.
    return httpx.PoolTimeout("the deadline came while another call was logging in")


def _settle(future: asyncio.Future[None]) -> None:
    if not future.done():  # a cancelled waiter leaves its future done
        future.set_result(None)


class _TokenAuth(httpx.Auth, ABC):
    """A token obtained by the flow's own calls, kept, and obtained again once on a 401.

    ``_flow`` is the one generator for both clients; ``sync_auth_flow`` and ``async_auth_flow``
    only drive it, wait for other calls' logins and read the answers to the flow's own calls.
    httpx's ``requires_response_body`` would read every answer into memory, the final one too,
    which defeats streamed downloads; the client reads the answers it discards (the 401 before a
    retry) by itself.

    A call whose body is a one-shot stream cannot be sent twice: httpx raises ``StreamConsumed``
    when such a call meets an expired token (bytes, forms, JSON and multipart files are resent).
    """

    _tokens: _Tokens

    def _can_obtain(self) -> bool:
        """Whether there are credentials to obtain a token with."""
        return True

    @abstractmethod
    def _obtain(self, request: httpx.Request) -> _Obtained:
        """Log in or fetch a token (yielding the calls that takes); store and return it."""

    @abstractmethod
    def _sign(self, request: httpx.Request, token: Secret | None) -> None:
        """Put the credentials on ``request``."""

    def _flow(self, request: httpx.Request) -> _Step:
        token, generation = self._tokens.current()
        if token is None and self._can_obtain():
            token, generation = yield from self._renew(request, generation)
        self._sign(request, token)
        response = yield request
        if response.status_code != 401 or not self._can_obtain():
            return
        # Once only: a second 401 goes back to the caller (the transport raises
        # AuthenticationError), since logging in again would not change the answer.
        newer, _ = yield from self._renew(request, generation)
        self._sign(request, newer)
        yield request

    def _renew(self, request: httpx.Request, generation: int) -> _Renewed:
        """A token newer than ``generation``: another call's, or one this call obtains."""
        while True:
            claim = self._tokens.claim(generation)
            if claim.token is not None:
                return claim.token, claim.generation
            if claim.wait is not None:
                yield claim.wait
                if claim.wait.error is not None:
                    raise claim.wait.error
                continue  # obtained (the next claim takes it), or cut short: try again
            assert claim.own is not None
            error: AuthenticationError | None = None
            try:
                return (yield from self._obtain(request))
            except AuthenticationError as refused:
                error = refused
                raise
            finally:
                # Also on a connection error or a closed flow, so no waiter waits for ever.
                self._tokens.finish(claim.own, error)

    def auth_flow(self, request: httpx.Request) -> _Flow:
        return self.sync_auth_flow(request)

    def sync_auth_flow(self, request: httpx.Request) -> _Flow:
        flow = self._flow(request)
        try:
            step = next(flow)
            response: httpx.Response | None = None
            while True:
                if isinstance(step, _Login):
                    if response is not None:
                        response.read()  # the 401 being retried: free its connection first
                    self._tokens.wait(step)
                    step = next(flow)
                    continue
                response = yield step
                if step is not request:
                    bound_unread(response)
                    response.read()
                try:
                    step = flow.send(response)
                except StopIteration:
                    return
                # httpx reads the answer whole before it sends the next step (a 401 retried)
                bound_unread(response)
        finally:
            flow.close()

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        flow = self._flow(request)
        try:
            step = next(flow)
            response: httpx.Response | None = None
            while True:
                if isinstance(step, _Login):
                    if response is not None:
                        # The 401 being retried: httpx reads it only after the flow moves on,
                        # and waiters holding their connections could starve the login of one.
                        await response.aread()
                    await self._tokens.wait_async(step)
                    step = next(flow)
                    continue
                response = yield step
                if step is not request:
                    bound_unread(response)
                    await response.aread()
                try:
                    step = flow.send(response)
                except StopIteration:
                    return
                # httpx reads the answer whole before it sends the next step (a 401 retried)
                bound_unread(response)
        finally:
            flow.close()


def _side_request(
    request: httpx.Request,
    target: str,
    *,
    json: Any = None,
    data: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
) -> httpx.Request:
    """A login or token POST beside ``request``, keeping its timeout and user agent.

    ``target`` is an absolute URL, or a path from the root of the server ``request`` goes to.
    """
    url = httpx.URL(target) if "://" in target else request.url.join("/" + target.lstrip("/"))
    all_headers = {"Accept": "application/json", **(headers or {})}
    if "User-Agent" in request.headers:
        all_headers["User-Agent"] = request.headers["User-Agent"]
    # Requests built outside the client carry no timeout; without one a hung login would hang
    # the call for ever.
    extensions = {key: request.extensions[key] for key in ("timeout",) if key in request.extensions}
    return httpx.Request(
        "POST", url, json=json, data=data, headers=all_headers, extensions=extensions
    )


def _json_object(response: httpx.Response) -> Mapping[str, Any]:
    try:
        answer = response.json()
    except (ValueError, RecursionError):  # not JSON, or nested too deep to parse
        return {}
    return answer if isinstance(answer, dict) else {}


def _error_body(response: httpx.Response) -> Any:
    try:
        return response.json()
    except (ValueError, RecursionError):
        return response.text


def _set_cookie(response: httpx.Response, name: str) -> str | None:
    """A cookie of the answer, read from ``Set-Cookie`` itself.

    The client's cookie jar applies domain and ``Secure`` rules that can drop a cookie set by a
    gateway behind a proxy; the token is wanted whatever the jar keeps.
    """
    for header in response.headers.get_list("set-cookie"):
        key, _, value = header.split(";", 1)[0].partition("=")
        if key.strip() == name and value.strip():
            return value.strip().strip('"')
    return None


def _drop_cookie(request: httpx.Request, name: str) -> None:
    """Remove one cookie from the request's ``Cookie`` header."""
    header = request.headers.get("Cookie")
    if header is None:
        return
    kept = [
        part.strip()
        for part in header.split(";")
        if part.strip() and part.partition("=")[0].strip() != name
    ]
    if kept:
        request.headers["Cookie"] = "; ".join(kept)
    else:
        del request.headers["Cookie"]


@dataclass(frozen=True)
class LoginEndpoint:
    """One way to log in: the path the username and password are posted to (as JSON), and where
    a successful answer carries the token: a cookie, a header or a field of a JSON object (the
    first of those named that is there)."""

    path: str
    token_cookie: str | None = None
    token_header: str | None = None
    token_field: str | None = None

    def token(self, response: httpx.Response) -> object:
        """The token of a login answer (anything the server put there), or None."""
        found: object = None
        if self.token_header:
            found = response.headers.get(self.token_header)
        if self.token_field:
            found = found or _json_object(response).get(self.token_field)
        if self.token_cookie:
            found = found or _set_cookie(response, self.token_cookie)
        return found


class LoginAuth(_TokenAuth):
    """A token in the ``header`` of every call, obtained by logging in with a user's name and
    password; with ``tenant``, also ``tenant`` in ``tenant_header`` on every call and login.

    Give a ready ``token``, or ``username`` and ``password`` (or all three): with credentials the
    flow logs in before the first call when it has no token, and logs in again, once, when a
    call answers 401 (access tokens expire), then sends that call again. Logging in posts to the
    first of ``endpoints``, and to the next one when an endpoint answers 404 (a server release
    without it). A failed login raises ``AuthenticationError``.
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        username: str | None = None,
        password: str | None = None,
        header: str,
        endpoints: tuple[LoginEndpoint, ...],
        tenant: str | None = None,
        tenant_header: str | None = None,
    ) -> None:
        if not token and (username is None or password is None):
            raise ValueError("LoginAuth needs a token, or a username and a password")
        if not endpoints:
            raise ValueError("LoginAuth needs at least one login endpoint")
        if (tenant is None) != (tenant_header is None):
            raise ValueError("LoginAuth needs both a tenant and its header, or neither")
        self.tenant = checked(tenant, "tenant", in_header=True) if tenant is not None else None
        if token:
            checked(token, "token", in_header=True)
        self.username = username
        self._password = (
            Secret(checked(password, "password", in_header=False)) if password is not None else None
        )
        self.header = header
        self.endpoints = endpoints
        self._tenant_headers = {tenant_header: tenant} if tenant and tenant_header else {}
        # what never leaves the origin
        self.credential_headers = (*self._tenant_headers, header)
        self._tokens = _Tokens(token, time.monotonic)

    def __repr__(self) -> str:
        return f"LoginAuth(tenant={self.tenant!r}, username={self.username!r})"

    def _can_obtain(self) -> bool:
        return self.username is not None and self._password is not None

    def _login_request(self, request: httpx.Request, path: str) -> httpx.Request:
        assert self._password is not None  # _obtain runs only when _can_obtain()
        return _side_request(
            request,
            path,
            json={"username": self.username, "password": self._password.get()},
            headers=self._tenant_headers,
        )

    def _obtain(self, request: httpx.Request) -> _Obtained:
        untried = iter(self.endpoints)
        endpoint = next(untried)  # __init__ refuses an empty tuple
        response = yield self._login_request(request, endpoint.path)
        # 404: a release without this endpoint; the next one may be there
        while response.status_code == 404 and (following := next(untried, None)) is not None:
            endpoint = following
            response = yield self._login_request(request, endpoint.path)
        token = endpoint.token(response)
        if not response.is_success or not _sendable(token):
            # Name the user, never the password; the server's answer goes in ``body``.
            tenant = "" if self.tenant is None else f" to tenant {self.tenant!r}"
            raise AuthenticationError(
                f"login of user {self.username!r}{tenant} failed "
                f"(HTTP {response.status_code}{'' if token is None else ', no usable token'})",
                response=response,
                body=_error_body(response),
            )
        assert isinstance(token, str)  # _sendable
        return self._tokens.store(token)

    def _sign(self, request: httpx.Request, token: Secret | None) -> None:
        for name, value in self._tenant_headers.items():  # update() builds a Headers first
            request.headers[name] = value
        if token:
            request.headers[self.header] = token.get()
            # The client's cookie jar keeps the token cookie of an earlier login; a server may
            # refuse a call whose cookie and header differ (FOLIO does), so the header alone
            # authenticates.
            for endpoint in self.endpoints:
                if endpoint.token_cookie:
                    _drop_cookie(request, endpoint.token_cookie)


def _sendable(token: object) -> bool:
    """Whether a token from a login answer can go in a header: visible ASCII, no spaces.

    A server may answer anything; a token httpx cannot encode, or one with a line break, would
    fail every call after the login with an error of no use to the caller.
    """
    return isinstance(token, str) and bool(token) and all("!" <= c <= "~" for c in token)
