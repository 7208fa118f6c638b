"""The next step of a run, started ahead in a forked child: its imports run on the other core
while this process does the step before it.

After an edit to one system, ``build`` normalizes it (0.15 s, jsonschema and the validator
among its imports) and then generates it, whose imports (jinja2, the client model, the
templates) took another 0.1 s on the same core. The child makes those imports while the parent
normalizes, then waits for the parent's word: go (normalizing succeeded) or stop. Its output
goes where the parent's would, after the parent's; its exit code is the run's.

Only where that is safe: a platform with ``fork`` and a process with one thread (a fork copies
the locks other threads hold, not the threads). Elsewhere the step runs in this process, as it
would have without this module.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import NoReturn

_GO, _STOP = b"1", b"0"


class StepAhead:
    """``with StepAhead(prepare, run) as step: <the step before>; code = step.run()``.

    ``prepare`` readies the step (imports; nothing visible); ``run`` does it and returns its
    exit code. Leaving the block without ``step.run()`` (an error in the step before) stops it.
    """

    def __init__(self, prepare: Callable[[], object], run: Callable[[], int]) -> None:
        self._prepare = prepare
        self._run = run
        self._child: int | None = None
        self._word: int | None = None  # the pipe's end the child reads its word from

    def __enter__(self) -> StepAhead:
        if hasattr(os, "fork") and threading.active_count() == 1:
            _flush()  # or the child would write the parent's pending output again
            read, write = os.pipe()
            child = os.fork()
            if child == 0:
                os.close(write)
                self._in_child(read)
            os.close(read)
            self._child, self._word = child, write
        return self

    def run(self) -> int:
        """Run the step; its exit code."""
        if self._child is None:
            return self._run()
        return self._tell(_GO)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._word is not None:
            self._tell(_STOP)

    def _tell(self, word: bytes) -> int:
        assert self._child is not None and self._word is not None
        _flush()  # the step's output after the parent's
        with contextlib.suppress(BrokenPipeError):  # gone already (interrupted): see its status
            os.write(self._word, word)
        os.close(self._word)
        self._word = None
        _, status = os.waitpid(self._child, 0)
        code = os.waitstatus_to_exitcode(status)
        return 128 - code if code < 0 else code  # killed by signal n: 128 + n, as a shell says

    def _in_child(self, read: int) -> NoReturn:
        code = 0
        try:
            with contextlib.suppress(Exception):  # the step meets the same failure, and says it
                self._prepare()
            if os.read(read, 1) == _GO:
                code = self._run()
        except KeyboardInterrupt:
            code = 130
        except SystemExit as done:  # argparse's usage errors
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        except BaseException:
            traceback.print_exc()  # a bug: reported as an uncaught error in the parent would be
            code = 1
        finally:
            _flush()
            os._exit(code)  # not the parent's exit handlers, nor its temporary folders' cleanup


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # closed, or its reader gone
            stream.flush()
