"""``client.<resource>.with_raw_response.<call>(...)``: the call's ``APIResponse`` instead of
the parsed value, for callers who want status, headers and body.

The transport records every response it parses in a context variable; the wrappers here run
the ordinary call inside a fresh recording and hand back what was recorded. Context variables
follow ``await``, so the same works for the async client.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from ._errors import ResponseValidationError
from ._response import APIResponse

P = ParamSpec("P")
R = TypeVar("R")

_recorded: ContextVar[list[APIResponse[Any]] | None] = ContextVar("_recorded", default=None)


def record(response: APIResponse[Any]) -> None:
    """Called by the transport for every response of a call."""
    recording = _recorded.get()
    if recording is not None:
        recording.append(response)


def raw(call: Callable[P, R]) -> Callable[P, APIResponse[R]]:
    @wraps(call)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
        recording: list[APIResponse[Any]] = []
        token = _recorded.set(recording)
        try:
            call(*args, **kwargs)
        except ResponseValidationError:
            if not recording:
                raise  # the body is the caller's to judge, through parse()
        finally:
            _recorded.reset(token)
        return recording[-1]

    return wrapper


def async_raw(call: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[APIResponse[R]]]:
    @wraps(call)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
        recording: list[APIResponse[Any]] = []
        token = _recorded.set(recording)
        try:
            await call(*args, **kwargs)
        except ResponseValidationError:
            if not recording:
                raise  # the body is the caller's to judge, through parse()
        finally:
            _recorded.reset(token)
        return recording[-1]

    return wrapper
