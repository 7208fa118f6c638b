"""Pausing Python's cyclic garbage collector while a large answer is turned into models.

Validating a page of 10,000 records allocates hundreds of thousands of dicts, lists and model
instances. Each allocation counts toward the collector's thresholds, so it runs again and
again during the parse, walking objects that are all still alive: more than half of the time
of a large parse (measured by ``make bench``). Validation creates no reference cycles, so
those passes find nothing. The collector is paused only for the parse of a body at least
``LARGE_BODY`` bytes long, and only if it was running; the last parse to finish resumes it.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext

LARGE_BODY = 32 * 1024  # below this, a parse allocates too little for the collector to run


class _Pause:
    """How many parses hold the pause, and whether the collector ran before the first."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.holders = 0
        self.resume = False


_pause = _Pause()


_UNPAUSED = nullcontext()  # keeps no state: one serves every small parse at once


def gc_paused(size: int) -> AbstractContextManager[None]:
    """Run the body with the collector paused when ``size`` bytes make a large answer."""
    # Every parsed answer comes here; most are small, and entering a generator-based
    # context manager would cost them more than the parse of a short body.
    return _UNPAUSED if size < LARGE_BODY else _paused()


@contextmanager
def _paused() -> Iterator[None]:
    with _pause.lock:
        if _pause.holders == 0:
            _pause.resume = gc.isenabled()
            gc.disable()
        _pause.holders += 1
    try:
        yield
    finally:
        with _pause.lock:
            _pause.holders -= 1
            if _pause.holders == 0 and _pause.resume:
                gc.enable()
