"""The generator's command line with one of its speed levers taken out, for bench/levers.py.

Usage: python bench/without_lever.py LEVER GENERATOR-ARGUMENTS...

LEVER is one of ``LEVERS``; the rest is what ``python -m generator`` takes. The lever is
taken out from outside, the way a version without it would run, so the generator itself has
no switch for it:

- ``formatter``: datamodel-code-generator's formatter as it is written, without the faster
  equivalents of ``generator/emit/models_speedups.py``.
- ``step-ahead``: ``build`` in one process on one core: the generating step is not started
  ahead in a forked child (``generator/step_ahead.py``), as where ``fork`` is missing.
"""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Callable

from generator import step_ahead
from generator.emit import models_codegen


def _formatter() -> None:
    models_codegen.faster_formatter = contextlib.nullcontext  # type: ignore[attr-defined,assignment]


def _step_ahead() -> None:
    def in_this_process(self: step_ahead.StepAhead) -> step_ahead.StepAhead:
        return self  # no child: run() runs the step here

    step_ahead.StepAhead.__enter__ = in_this_process  # type: ignore[method-assign]


LEVERS: dict[str, Callable[[], None]] = {"formatter": _formatter, "step-ahead": _step_ahead}


def main(arguments: list[str]) -> int:
    if not arguments or arguments[0] not in LEVERS:
        raise SystemExit(f"usage: without_lever.py {{{','.join(LEVERS)}}} GENERATOR-ARGUMENTS...")
    LEVERS[arguments[0]]()
    from generator.cli import main as generator

    gc.disable()  # as generator/__main__.py runs it
    return generator(arguments[1:])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
