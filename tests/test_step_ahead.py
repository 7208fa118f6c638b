"""A step started ahead in a forked child: same output, order and exit code as in-process."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import PROJECT

# The step's "prepare" imports a module the parent never does: whether the parent has it after
# the step ran tells where the step ran.
_SCRIPT = """
import os, sys, threading
from generator.step_ahead import StepAhead

if "thread" in sys.argv:
    threading.Thread(target=threading.Event().wait, daemon=True).start()

def prepare():
    import wave

def run():
    print("step in", "child" if os.getpid() != parent else "parent", "wave" in sys.modules)
    if "fail" in sys.argv:
        raise ValueError("the step's bug")
    return 3

parent = os.getpid()
print("before", flush=False)  # pending in the buffer when the child is forked
with StepAhead(prepare, run) as step:
    print("the step before", flush=False)
    if "stop" in sys.argv:
        raise SystemExit(5)
    code = step.run()
print("after", code, "wave" in sys.modules)
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError:
    print("no child left")
sys.exit(code)
"""


def _run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_SCRIPT), *arguments],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        # buffered output, as when make's output goes to a file: the order is the module's doing
        env={k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},
        timeout=60,
    )


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_the_step_runs_in_a_child_after_the_step_before_and_its_code_is_the_runs() -> None:
    result = _run()
    assert result.stdout.splitlines() == [
        "before",  # once: the child did not write the parent's pending output again
        "the step before",
        "step in child True",
        "after 3 False",  # the parent never imported what the step prepared
        "no child left",
    ]
    assert result.returncode == 3


def test_with_another_thread_the_step_runs_in_this_process() -> None:
    result = _run("thread")
    assert result.stdout.splitlines()[2:4] == ["step in parent False", "after 3 False"]
    assert result.returncode == 3


def test_an_error_in_the_step_before_stops_the_step() -> None:
    result = _run("stop")
    assert result.stdout.splitlines() == ["before", "the step before"]
    assert result.returncode == 5


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_a_bug_in_the_step_is_reported_with_its_traceback_and_fails_the_run() -> None:
    result = _run("fail")
    assert "ValueError: the step's bug" in result.stderr
    assert result.stdout.splitlines()[-2:] == ["after 1 False", "no child left"]
    assert result.returncode == 1
