"""When and how long to wait before trying a call again."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from . import _deadline as deadline

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# QUERY (OpenAPI 3.2's `query` operation) is safe and idempotent like GET: it only carries its
# question in a body, which the transport sends again as it is.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "QUERY"})


# The longest Retry-After taken at its word: a day. Longer (up to 10**400 digits) is the same
# "much later" to a caller, and an infinite or overflowing wait is no number to sleep on.
_LONGEST_RETRY_AFTER = 86400.0


def retry_after(headers: httpx.Headers, now: Callable[[], datetime]) -> float | None:
    """Seconds the server asks us to wait (``Retry-After``: seconds or an HTTP date).

    Whatever the header holds, the answer is None (no usable value) or a finite number of
    seconds from 0 to a day; nothing the server sends raises.
    """
    value = headers.get("retry-after")
    if not value:
        return None
    value = value.strip()
    # ASCII digits only: str.isdigit() also takes "²" and "①", which float() refuses.
    if value.isascii() and value.isdigit():
        return min(float(value), _LONGEST_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - now()).total_seconds()
    except (TypeError, ValueError, OverflowError, IndexError):  # not a date, or out of range
        return None
    return min(max(0.0, seconds), _LONGEST_RETRY_AFTER)


@dataclass
class RetryPolicy:
    """Exponential backoff with full jitter, ``Retry-After`` honoured, a deadline never overrun.

    Only safe methods are retried by default: repeating a POST could create a second job.
    """

    max_retries: int = 2
    backoff_base: float = 0.5
    backoff_max: float = 8.0
    deadline: float | None = None  # seconds from the first attempt, over all attempts
    retry_methods: frozenset[str] = SAFE_METHODS
    sleep: Callable[[float], None] = time.sleep
    async_sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    clock: Callable[[], float] = time.monotonic
    random: Callable[[float, float], float] = field(default=random.uniform)
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))

    def applies_to(self, method: str, *, idempotent: bool = False) -> bool:
        """Whether a failed call of ``method`` may be sent again: a safe method, or any call
        the server can recognise when it comes again (``idempotent``: an idempotency key)."""
        return self.max_retries > 0 and (idempotent or method.upper() in self.retry_methods)

    def delay(self, attempt: int, response: httpx.Response | None) -> float:
        """The wait before retry number ``attempt`` (0-based)."""
        ceiling = min(self.backoff_max, self.backoff_base * 2**attempt)
        wait = self.random(0.0, ceiling)
        if response is not None:
            asked = retry_after(response.headers, self.now)
            if asked is not None:
                # A server may ask for long pauses; past four backoff ceilings we give up
                # waiting in the caller's thread and let the caller decide.
                wait = min(asked, self.backoff_max * 4)
        return wait

    def next_wait(
        self, attempt: int, started: float, response: httpx.Response | None
    ) -> float | None:
        """How long to sleep before the next attempt, or None to stop retrying now."""
        if attempt >= self.max_retries:
            return None
        wait = self.delay(attempt, response)
        if self.deadline is not None and self.clock() + wait > started + self.deadline:
            return None
        left = deadline.remaining()  # a job waiter's, over this call and its neighbours
        if left is not None and wait >= left:
            return None
        return wait

    @staticmethod
    def should_retry_status(status: int) -> bool:
        return status in RETRY_STATUSES
