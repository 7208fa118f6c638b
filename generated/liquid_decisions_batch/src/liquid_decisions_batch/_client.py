"""``Client`` and ``AsyncClient`` for Liquid Decisions Batch Import and Export."""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType

import httpx

from ._runtime import _custom
from ._runtime._oauth2 import OAuth2PasswordAuth
from ._runtime._reading import DEFAULT_MAX_RESPONSE_BYTES
from ._runtime._retry import RetryPolicy
from ._runtime._security import Security
from ._runtime._transport import AsyncTransport, SyncTransport
from ._runtime._user_agent import user_agent
from ._version import __version__
from .resources import (
    AsyncAuthResource,
    AsyncBatchResource,
    AuthResource,
    BatchResource,
)

# Who is calling, in every request's User-Agent (followed by httpx's own token).
_USER_AGENT = user_agent("liquid-decisions-batch/" + __version__)
SERVER_URL = "{server}"
"""The server URL template of the spec; its variables are the client's keyword arguments."""


def server_url(
    server: str = "https://liquid-decisions.example.com",
) -> str:
    """The base URL for the given server variables.

    ``server``: Base URL of the server, without a trailing slash
    """
    return SERVER_URL.replace("{server}", server)


class Client:
    """Client for Liquid Decisions Batch Import and Export.

    Give the OAuth2 client and user credentials; the client fetches a token (OAuth2 password grant),
    keeps it, and fetches a new one once when it has expired.
    ``base_url`` defaults to :func:`server_url` of the server variables given.
    Failed calls on 408, 429, 5xx and connection errors are retried ``max_retries`` times
    (safe methods only) with backoff, never past ``retry_deadline`` seconds.
    An answer the client parses may be at most ``max_response_bytes`` long once decoded
    (64 MiB by default; ``None`` for no bound), or the call raises ``ResponseTooLargeError``;
    streamed downloads are not bounded.

    ``http_client`` (an ``httpx.Client`` of your own) is used as it is and is neither
    changed nor closed: every call carries the base URL, ``headers``, ``timeout`` and the
    credentials itself, besides the http client's own headers, cookies and event hooks (its
    cookie jar keeps what servers set, as for any call through it). Redirects are followed only
    when it has ``follow_redirects=True``, up to its ``max_redirects``; credentials and bodies
    go to the base URL's origin (scheme, host, port) only, never to another one.
    """

    def __init__(
        self,
        *,
        base_url: str | None = None,
        server: str = "https://liquid-decisions.example.com",
        client_id: str,
        client_secret: str,
        username: str,
        password: str,
        community: str,
        timeout: float | httpx.Timeout = 30.0,
        max_retries: int = 2,
        retry_deadline: float | None = None,
        headers: Mapping[str, str] | None = None,
        max_response_bytes: int | None = DEFAULT_MAX_RESPONSE_BYTES,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._transport = SyncTransport(
            base_url or server_url(server=server),
            auth=Security(
                {
                    "oauth2": OAuth2PasswordAuth(
                        "/ls/api/oauth2/token",
                        client_id=client_id,
                        client_secret=client_secret,
                        username=username,
                        password=password,
                        scope="community={community}".replace("{community}", community),
                    ),
                },
                default=(("oauth2",),),
            ),
            timeout=timeout,
            retry=RetryPolicy(max_retries=max_retries, deadline=retry_deadline),
            default_headers=headers,
            http_client=http_client,
            transport=transport,
            max_response_bytes=max_response_bytes,
            user_agent=_USER_AGENT,
        )
        self.auth = AuthResource(self._transport)
        """OAuth2 access tokens for the batch calls"""
        self.batch = BatchResource(self._transport)
        """Batch import and export jobs, and their status"""
        self.hooks = self._transport.hooks
        """Functions called with each request before it is sent and each answer as it arrives."""
        _custom.setup("liquid_decisions_batch", self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._transport.base_url!r})"

    def close(self) -> None:
        """Close the connections (``with`` does it for you)."""
        self._transport.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncClient:
    """Async client for Liquid Decisions Batch Import and Export.

    Give the OAuth2 client and user credentials; the client fetches a token (OAuth2 password grant),
    keeps it, and fetches a new one once when it has expired.
    ``base_url`` defaults to :func:`server_url` of the server variables given.
    Failed calls on 408, 429, 5xx and connection errors are retried ``max_retries`` times
    (safe methods only) with backoff, never past ``retry_deadline`` seconds.
    An answer the client parses may be at most ``max_response_bytes`` long once decoded
    (64 MiB by default; ``None`` for no bound), or the call raises ``ResponseTooLargeError``;
    streamed downloads are not bounded.

    ``http_client`` (an ``httpx.AsyncClient`` of your own) is used as it is and is neither
    changed nor closed: every call carries the base URL, ``headers``, ``timeout`` and the
    credentials itself, besides the http client's own headers, cookies and event hooks (its
    cookie jar keeps what servers set, as for any call through it). Redirects are followed only
    when it has ``follow_redirects=True``, up to its ``max_redirects``; credentials and bodies
    go to the base URL's origin (scheme, host, port) only, never to another one.
    """

    def __init__(
        self,
        *,
        base_url: str | None = None,
        server: str = "https://liquid-decisions.example.com",
        client_id: str,
        client_secret: str,
        username: str,
        password: str,
        community: str,
        timeout: float | httpx.Timeout = 30.0,
        max_retries: int = 2,
        retry_deadline: float | None = None,
        headers: Mapping[str, str] | None = None,
        max_response_bytes: int | None = DEFAULT_MAX_RESPONSE_BYTES,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._transport = AsyncTransport(
            base_url or server_url(server=server),
            auth=Security(
                {
                    "oauth2": OAuth2PasswordAuth(
                        "/ls/api/oauth2/token",
                        client_id=client_id,
                        client_secret=client_secret,
                        username=username,
                        password=password,
                        scope="community={community}".replace("{community}", community),
                    ),
                },
                default=(("oauth2",),),
            ),
            timeout=timeout,
            retry=RetryPolicy(max_retries=max_retries, deadline=retry_deadline),
            default_headers=headers,
            http_client=http_client,
            transport=transport,
            max_response_bytes=max_response_bytes,
            user_agent=_USER_AGENT,
        )
        self.auth = AsyncAuthResource(self._transport)
        """OAuth2 access tokens for the batch calls"""
        self.batch = AsyncBatchResource(self._transport)
        """Batch import and export jobs, and their status"""
        self.hooks = self._transport.hooks
        """Functions called with each request before it is sent and each answer as it arrives."""
        _custom.setup("liquid_decisions_batch", self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._transport.base_url!r})"

    async def aclose(self) -> None:
        """Close the connections (``async with`` does it for you)."""
        await self._transport.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()
