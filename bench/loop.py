"""The user's loop: ``make generate`` after an edit to one system's source, against
openapi-python-client generating that system's client from scratch.

Ours runs what ``make generate`` runs (``build``: ``normalize`` then ``generate`` in one
interpreter) on a copy of the checkout's specs/ and generated/ whose stamps and caches are
warm, after the system's manifest description is edited: the edit changes the spec, the README
and the changelog, not the schemas. Installing the clients, which make does only when a
pyproject.toml changed, is left out (this edit changes none). The peer generates the system's
committed spec into an empty folder. Both take turns, best of ``repeats``.

Usage: python -m bench.loop [PEERS_VENV [SYSTEM]]
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.corpus import BENCH, PROJECT
from bench.generation import OURS
from bench.scale import warm_environment

SYSTEM = "alma-jobs"
# make bench runs it with the checkout's .venv; a worktree without one, with this interpreter
PYTHON = OURS if OURS.exists() else Path(sys.executable)


def _seconds(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=PROJECT, env=env, check=True, capture_output=True, timeout=900)
    return time.perf_counter() - started


def _edit(manifest: Path, number: int) -> None:
    """A new first word in the manifest's description (the spec's info.description)."""
    text = manifest.read_text(encoding="utf-8")
    marker = "\ndescription: |\n  "
    if marker not in text:
        raise SystemExit(f"{manifest} has no block description to edit")
    head, tail = text.split(marker, 1)
    if tail.startswith("Edited"):
        tail = tail.split(" ", 1)[1]
    manifest.write_text(f"{head}{marker}Edited{number} {tail}", encoding="utf-8")


@contextmanager
def warm_copy() -> Iterator[tuple[Path, dict[str, str]]]:
    """A copy of the checkout's specs/ and generated/ in a temporary folder, in the state after
    the user's last ``make generate`` (stamps and caches warm), and the environment it is
    built in."""
    with tempfile.TemporaryDirectory(prefix="bench-loop-") as folder:
        work = Path(folder)
        shutil.copytree(PROJECT / "specs", work / "specs")
        ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
        shutil.copytree(PROJECT / "generated", work / "generated", ignore=ignore)
        env = {**warm_environment(), "GENERATOR_CACHE": str(work / "cache")}
        _seconds(build_command(work), env)
        yield work, env


def build_command(work: Path, *generator: str) -> list[str]:
    """``build`` of the copy ``work``; ``generator``: how to run it, if not ``-m generator``."""
    return [
        str(PYTHON),
        *(generator or ["-m", "generator"]),
        "build",
        "--quiet",
        "--specs",
        str(work / "specs"),
    ]


def edit_and_build(
    work: Path, env: dict[str, str], system: str, number: int, build: list[str]
) -> float:
    """Seconds of ``build`` after the ``number``th edit of ``system``'s manifest."""
    _edit(work / "specs" / system / "manifest.yaml", number)
    return _seconds(build, env)


def measure(peers: Path, system: str = SYSTEM, repeats: int = 3) -> dict[str, Any]:
    with warm_copy() as (work, env):
        opc = [
            str(peers / "bin" / "openapi-python-client"),
            "generate",
            "--path",
            str(work / "specs" / system / "openapi.yaml"),
            "--output-path",
            str(work / "opc"),
            "--overwrite",
        ]
        opc_env = {"PATH": f"{peers / 'bin'}:/usr/bin:/bin", "HOME": str(work), "LANG": "C.UTF-8"}
        ours, theirs = [], []
        for number in range(repeats):
            ours.append(edit_and_build(work, env, system, number, build_command(work)))
            shutil.rmtree(work / "opc", ignore_errors=True)
            theirs.append(_seconds(opc, opc_env))
        return {"system": system, "ours": min(ours), "opc": min(theirs)}


def main() -> None:
    peers = (Path(sys.argv[1]) if len(sys.argv) > 1 else BENCH / ".venv-peers").absolute()
    system = sys.argv[2] if len(sys.argv) > 2 else SYSTEM
    print(json.dumps(measure(peers, system)))


if __name__ == "__main__":
    main()
