"""Prism, the mock server the contract tests run each committed spec on.

Prism answers from the spec (examples, or data generated from the schemas when a request
says ``Prefer: dynamic=true``) and validates every request against it: a request it rejects
gets a 4xx answer and an ``sl-violations`` header listing what was wrong. Prism serves each
spec's paths at the root of its port, whatever path the spec's server URL has (Alma's
``/almaws/v1`` included).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

import httpx

PROJECT = Path(__file__).resolve().parents[2]
PRISM = PROJECT / "node_modules" / ".bin" / "prism"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PrismServer:
    """``prism mock SPEC`` on a free loopback port, for as long as the ``with`` block lasts."""

    def __init__(self, spec: Path, *, start_timeout: float = 60.0) -> None:
        if not PRISM.exists():
            raise RuntimeError(f"{PRISM} is missing: run `make test`, which installs it")
        self.spec = spec
        self.start_timeout = start_timeout
        self.port = 0
        self.base_url = ""
        self._process: subprocess.Popen[bytes] | None = None
        handle, name = tempfile.mkstemp(prefix="prism-", suffix=".log")
        self._log = os.fdopen(handle, "wb")
        self._log_path = Path(name)

    def output(self) -> str:
        return self._log_path.read_text(errors="replace")[-4000:]

    def start(self) -> PrismServer:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._process = subprocess.Popen(
            [str(PRISM), "mock", str(self.spec), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            cwd=PROJECT,
            start_new_session=True,  # its own process group: stop() ends node and its children
        )
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"prism exited for {self.spec}:\n{self.output()}")
            try:
                httpx.get(self.base_url + "/__prism_ready__", timeout=1.0)
                return self
            except httpx.TransportError:
                time.sleep(0.2)
        output = self.output()
        self.stop()
        raise RuntimeError(f"prism did not start for {self.spec}:\n{output}")

    def stop(self) -> None:
        process, self._process = self._process, None
        self._log.close()
        self._log_path.unlink(missing_ok=True)
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)

    def __enter__(self) -> PrismServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
