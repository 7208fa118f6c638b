"""``NOT_GIVEN``: the default of a per-call option that means "use the client's setting".

A per-call ``timeout=None`` has to mean "no timeout for this call", so None cannot also stand
for "the client's default"; the sentinel does (as httpx's ``USE_CLIENT_DEFAULT`` and the
Stainless SDKs' ``NOT_GIVEN``). Callers that forward an option pass ``NOT_GIVEN`` on as it is.
"""

from __future__ import annotations

from typing import Final, TypeVar

T = TypeVar("T")


class NotGiven:
    """The type of ``NOT_GIVEN``: an option left to the client."""

    def __repr__(self) -> str:
        return "NOT_GIVEN"  # what help() shows as the default in a signature


NOT_GIVEN: Final = NotGiven()


def given_or(value: T | NotGiven, default: T) -> T:
    """``value`` when the caller gave one (None included), else ``default``."""
    return default if isinstance(value, NotGiven) else value
