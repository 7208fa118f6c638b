"""``Client`` and ``AsyncClient`` for Ex Libris Alma Jobs."""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType

import httpx

from ._runtime import _custom
from ._runtime._reading import DEFAULT_MAX_RESPONSE_BYTES
from ._runtime._retry import RetryPolicy
from ._runtime._schemes import ApiKeyAuth
from ._runtime._security import Security
from ._runtime._transport import AsyncTransport, SyncTransport
from ._runtime._user_agent import user_agent
from ._version import __version__
from .resources import (
    AsyncInstancesResource,
    AsyncJobsResource,
    InstancesResource,
    JobsResource,
)

# Who is calling, in every request's User-Agent (followed by httpx's own token).
_USER_AGENT = user_agent("alma-jobs/" + __version__)
SERVER_URL = "https://api-{region}.hosted.exlibrisgroup.com/almaws/v1"
"""The server URL template of the spec; its variables are the client's keyword arguments."""


def server_url(
    region: str = "na",
) -> str:
    """The base URL for the given server variables.

    ``region``: na North America, eu Europe, ap Asia Pacific, aps Asia Pacific (Singapore), ca
    Canada, cn China
    """
    if region not in ["na", "eu", "ap", "aps", "ca", "cn"]:
        raise ValueError(_unknown("region", region, ["na", "eu", "ap", "aps", "ca", "cn"]))
    return SERVER_URL.replace("{region}", region)


def _unknown(name: str, value: str, choices: list[str]) -> str:
    return f"unknown {name} {value!r}; one of {', '.join(choices)}"


class Client:
    """Client for Ex Libris Alma Jobs.

    Give ``api_key``; the key is sent in the ``Authorization`` header, never in URLs.
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
        region: str = "na",
        api_key: str,
        timeout: float | httpx.Timeout = 30.0,
        max_retries: int = 2,
        retry_deadline: float | None = None,
        headers: Mapping[str, str] | None = None,
        max_response_bytes: int | None = DEFAULT_MAX_RESPONSE_BYTES,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._transport = SyncTransport(
            base_url or server_url(region=region),
            auth=Security(
                {
                    "apikey": ApiKeyAuth(api_key, header="Authorization", prefix="apikey "),
                },
                default=(("apikey",),),
            ),
            timeout=timeout,
            retry=RetryPolicy(max_retries=max_retries, deadline=retry_deadline),
            default_headers=headers,
            http_client=http_client,
            transport=transport,
            max_response_bytes=max_response_bytes,
            user_agent=_USER_AGENT,
        )
        self.instances = InstancesResource(self._transport)
        """Runs of a job (job instances), with their status, progress and counters"""
        self.jobs = JobsResource(self._transport)
        """Jobs defined in Alma, and starting a run of one"""
        self.hooks = self._transport.hooks
        """Functions called with each request before it is sent and each answer as it arrives."""
        _custom.setup("alma_jobs", self)

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
    """Async client for Ex Libris Alma Jobs.

    Give ``api_key``; the key is sent in the ``Authorization`` header, never in URLs.
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
        region: str = "na",
        api_key: str,
        timeout: float | httpx.Timeout = 30.0,
        max_retries: int = 2,
        retry_deadline: float | None = None,
        headers: Mapping[str, str] | None = None,
        max_response_bytes: int | None = DEFAULT_MAX_RESPONSE_BYTES,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._transport = AsyncTransport(
            base_url or server_url(region=region),
            auth=Security(
                {
                    "apikey": ApiKeyAuth(api_key, header="Authorization", prefix="apikey "),
                },
                default=(("apikey",),),
            ),
            timeout=timeout,
            retry=RetryPolicy(max_retries=max_retries, deadline=retry_deadline),
            default_headers=headers,
            http_client=http_client,
            transport=transport,
            max_response_bytes=max_response_bytes,
            user_agent=_USER_AGENT,
        )
        self.instances = AsyncInstancesResource(self._transport)
        """Runs of a job (job instances), with their status, progress and counters"""
        self.jobs = AsyncJobsResource(self._transport)
        """Jobs defined in Alma, and starting a run of one"""
        self.hooks = self._transport.hooks
        """Functions called with each request before it is sent and each answer as it arrives."""
        _custom.setup("alma_jobs", self)

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
