"""Scale: how generation and the generated package's import grow with the API's size.

Synthetic documents (bench/synthetic.py) of 1,000 to 50,000 operations, with 2 schemas for
every 5 operations (the issue's 20,000 for 50,000), are generated as the corpus is
(bench/generation.py: one process under GNU time, wall seconds and peak RSS; one run, enough
at these sizes); openapi-python-client generates the largest too, within the same 15 minutes.
Each package ours generates, and the largest corpus spec's (GitHub's), is then imported in
fresh interpreters and makes a first call against a loopback server: import time and peak
RSS, and the same to the end of the first call (best of 3, after a run that writes the .pyc
files, as a user's second start finds them).

``python -m bench.scale [OPERATIONS ...]`` measures the sizes given (schemas: 2 for every 5
operations; the bench's sizes by default) and GitHub's, and prints the figures as JSON;
``python -m bench`` puts them in results.json under "scale".
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench import synthetic
from bench.corpus import BENCH, Spec, corpus
from bench.generation import OURS, _once, _package
from bench.quality import spec_operations
from bench.runtime import JsonServer
from generator.client.naming import snake_case

# (operations, schemas): the 50,000 and 20,000, and smaller ones to fit the growth
SIZES = ((1_000, 400), (3_000, 1_200), (10_000, 4_000), (50_000, 20_000))
# openapi-python-client runs on this size: on 50,000 operations it had no result in 15 minutes
# (and 12 GiB), which only told the bench's time.
OPC_OPERATIONS = 3_000
LARGEST_CORPUS = "github"
ROUNDS = 3
IMPORT_SECONDS = 600  # one fresh interpreter's import and call, at most


@dataclass(frozen=True)
class Call:
    """One call through a generated client: ``client.<resource>.<method>(**arguments)``,
    the client made with ``credentials``, the server answering ``answer`` (JSON)."""

    resource: str
    method: str
    answer: Any
    arguments: dict[str, str] = field(default_factory=dict)
    credentials: dict[str, str] = field(default_factory=dict)


# GitHub's GET /meta: its answer's one required field (the spec is pinned, bench/corpus.py)
GITHUB_CALL = Call("meta", "meta_get", {"verifiable_password_authentication": True})


def synthetic_call(document: dict[str, Any]) -> Call:
    """The synthetic package's first call, named as the generator names methods."""
    tag, operation_id, parameter, answer = synthetic.first_call(document)
    return Call(
        str(snake_case(tag)),
        str(snake_case(operation_id)),
        answer,
        {str(snake_case(parameter)): "1"},
        {"token": "t"},
    )


# -- import and first call, in a fresh interpreter ------------------------------------------

# Only the standard library's time is loaded before the package: the figures are what a user's
# program pays for the package, its interpreter's start aside. Peak RSS is the kernel's VmHWM,
# which starts anew at exec; getrusage's ru_maxrss would keep the bench's own, from the fork.
_CHILD = """
import time
started = time.perf_counter()
import {package}
imported = time.perf_counter()


def peak_kib():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


import_kib = peak_kib()
client = {package}.Client(base_url={url!r}, **{credentials!r})
getattr(getattr(client, {resource!r}), {method!r})(**{arguments!r})
called = time.perf_counter()
call_kib = peak_kib()
client.close()
print(imported - started, import_kib, called - started, call_kib)
"""


@contextmanager
def _serving(answer: Any) -> Iterator[str]:
    """A loopback server answering ``answer`` to every GET, in a thread of this process."""
    server = JsonServer(json.dumps(answer).encode())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def warm_environment() -> dict[str, str]:
    """This environment, where an interpreter writes its .pyc files: an import is measured as
    a user's second one is (PYTHONDONTWRITEBYTECODE, set on some machines, would measure the
    compilation of every module instead)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def import_and_call(
    source: Path, package: str, call: Call, rounds: int = ROUNDS, python: Path = OURS
) -> dict[str, Any]:
    """Seconds and MiB (peak RSS) of ``import package``, and to the end of ``call``: the best
    of ``rounds`` fresh interpreters after one that writes the .pyc files."""
    with _serving(call.answer) as url, tempfile.TemporaryDirectory(prefix="bench-") as folder:
        code = _CHILD.format(package=package, url=url, **asdict(call))
        environment = {**warm_environment(), "PYTHONPATH": str(source)}
        runs = []
        for _ in range(rounds + 1):
            try:
                result = subprocess.run(
                    [str(python), "-c", code],
                    capture_output=True,
                    text=True,
                    cwd=folder,
                    env=environment,
                    timeout=IMPORT_SECONDS,
                )
            except subprocess.TimeoutExpired:
                return {"ok": False, "note": f"no result in {IMPORT_SECONDS} s"}
            if result.returncode != 0:
                lines = result.stderr.strip().splitlines() or ["failed"]
                return {"ok": False, "note": lines[-1][:160]}
            runs.append([float(figure) for figure in result.stdout.split()])
    measured = runs[1:]
    return {
        "ok": True,
        "import_seconds": min(run[0] for run in measured),
        "import_mib": min(run[1] for run in measured) / 1024,
        "call_seconds": min(run[2] for run in measured),
        "call_mib": min(run[3] for run in measured) / 1024,
    }


# -- the sizes, and the largest corpus package -------------------------------------------


def _generated(spec: Spec, tool: str, peers: Path, work: Path) -> tuple[dict[str, Any], Path]:
    output = work / f"{spec.name}-{tool}"
    run = _once(tool, spec, peers, keep=output)
    print(
        f"{spec.name:<28} {tool:<24} {'ok' if run.ok else 'FAIL':<5}"
        f"{run.seconds:8.2f} s {run.peak_mib:8.0f} MiB  {run.note}",
        flush=True,
    )
    return run.__dict__, output / _package(spec) / "src"


def _with_import(generation: dict[str, Any], source: Path, package: str, call: Call) -> Any:
    if not generation["ok"]:
        return None
    figures = import_and_call(source, package, call)
    print(f"{package:<53} import {json.dumps(figures)}", flush=True)
    return figures


def measure_synthetic(
    operations: int, schemas: int, peers: Path, work: Path, opc: bool
) -> dict[str, Any]:
    document = synthetic.build(operations, schemas)
    call = synthetic_call(document)
    path = work / f"synthetic-{operations}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    del document  # 400 MB at 50,000 operations, better left to the generator
    spec = Spec(f"synthetic-{operations}", path, "OpenAPI 3.0", "bench/synthetic.py")
    ours, source = _generated(spec, "ours", peers, work)
    entry = {
        "operations": operations,
        "schemas": schemas,
        "bytes": spec.size,
        "ours": ours,
        "opc": _generated(spec, "openapi-python-client", peers, work)[0] if opc else None,
        "import": _with_import(ours, source, _package(spec), call),
    }
    for written in work.iterdir():  # the 50,000 operations' packages take a GiB of disk
        shutil.rmtree(written) if written.is_dir() else written.unlink()
    return entry


def measure_largest(specs: list[Spec], peers: Path, work: Path) -> dict[str, Any] | None:
    spec = next((s for s in specs if s.name == LARGEST_CORPUS), None)
    if spec is None:
        return None
    ours, source = _generated(spec, "ours", peers, work)
    return {
        "spec": spec.name,
        "operations": spec_operations(spec),
        "ours": ours,
        "import": _with_import(ours, source, _package(spec), GITHUB_CALL),
    }


def measure(
    specs: list[Spec], peers: Path, sizes: tuple[tuple[int, int], ...] = SIZES
) -> dict[str, Any]:
    """Every size (openapi-python-client on ``OPC_OPERATIONS`` only), then the largest corpus
    spec."""
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as folder:
        work = Path(folder)
        return {
            "synthetic": [
                measure_synthetic(
                    operations, schemas, peers, work, opc=operations == OPC_OPERATIONS
                )
                for operations, schemas in sizes
            ],
            "largest_corpus": measure_largest(specs, peers, work),
        }


def main(arguments: list[str]) -> None:
    sizes = tuple((int(a), int(a) * 2 // 5) for a in arguments) or SIZES
    print(json.dumps(measure(corpus(), BENCH / ".venv-peers", sizes), indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
