"""The generation bench's runs (bench/generation.py): a tool that takes too long is stopped,
all of it, before the next measurement starts; ours starts with its templates compiled and
nothing else kept."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

from bench import generation
from bench.corpus import PROJECT, Spec

SPECS = PROJECT / "specs"
TEMPLATES = PROJECT / "templates"


def _alive(pid: int) -> bool:
    """Running, or stopped but not reaped: anything but gone or a zombie."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return status.rsplit(")", 1)[1].split()[0] != "Z"


def test_a_tool_past_the_timeout_is_stopped_with_gnu_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid_file = tmp_path / "pid"
    hang = f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(60)"
    monkeypatch.setattr(generation, "TIMEOUT", 1)
    monkeypatch.setattr(generation, "_command", lambda *_: [sys.executable, "-c", hang])
    spec = Spec("slow", tmp_path / "api.json", "OpenAPI 3.0", "test")
    run = generation._once("ours", spec, tmp_path)
    assert (run.ok, run.note) == (False, "no result in 1 s")
    deadline = time.monotonic() + 5
    while _alive(int(pid_file.read_text())) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(int(pid_file.read_text()))


def test_the_measured_runs_find_the_templates_compiled_and_no_other_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = tmp_path / "compiled-templates"
    monkeypatch.setattr(generation, "COMPILED_TEMPLATES", kept)
    spec = Spec("alma-jobs", SPECS / "alma-jobs" / "openapi.yaml", "OpenAPI 3.1", "test")
    generation.compile_templates([spec], tmp_path)
    compiled = sorted(p.name for p in kept.iterdir())
    assert len(compiled) > len(list(TEMPLATES.rglob("*.jinja"))) / 2  # one for each it rendered

    seen = tmp_path / "seen"
    look = (
        "import json, os, pathlib; cache = pathlib.Path(os.environ['GENERATOR_CACHE']); "
        f"pathlib.Path({str(seen)!r}).write_text(json.dumps(sorted(str(p.relative_to(cache)) "
        "for p in cache.rglob('*'))))"
    )
    monkeypatch.setattr(generation, "_command", lambda *_: [sys.executable, "-c", look])
    generation._once("ours", spec, tmp_path)
    found = json.loads(seen.read_text())
    assert found == ["templates", *(f"templates/{name}" for name in compiled)]
