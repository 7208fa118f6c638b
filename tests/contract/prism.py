"""Prism, the mock server the contract tests run each committed spec on.

``node_modules/.bin/prism`` is ``@stoplight/prism-cli`` 5.14.2, pinned in package.json: the
last release that runs on Node 20 (5.15 and later need Node 24). What that version does, as
the tests in ``test_prism_specs.py`` show:

* **Requests are always validated** (parameters, body, content type, and that the
  credentials the spec's security demands are there); no flag is needed. A request that breaks
  the spec gets the spec's own 422, or else 400, answer (its example, or data made from its
  schema) with an ``sl-violations`` header: a JSON list of violations whose ``location``
  starts with ``"request"``. When the spec has neither, Prism makes up an
  ``application/problem+json`` 422 (``prism/errors#UNPROCESSABLE_ENTITY``) that lists them in
  its ``validation`` member, and sends no header. A body of the wrong type gets a 415
  (``INVALID_CONTENT_TYPE``), missing credentials the spec's 401 or Prism's own
  (``UNAUTHORIZED``). So check the header or that body, not only the status code.
* ``--errors`` does *not* touch request validation: it only turns a violation of Prism's own
  *answer* (an example or generated body that breaks the response schema, otherwise just
  reported in ``sl-violations`` with a ``"response"`` location) into a 500
  ``prism/errors#VIOLATIONS``. Off by default here (``errors=True`` switches it on): dynamic
  answers break their schemas now and then, and that is Prism's fault, not the client's.
* ``--dynamic`` makes every answer from the schemas (json-schema-faker) instead of the
  examples; without it a request asks for that with ``Prefer: dynamic=true``. json-schema-faker
  0.5.8 sometimes crashes on the FOLIO schemas: a 500 of type ``prism/errors#UNKNOWN``
  ("Cannot read properties of undefined (reading 'items')"); asking again helps. An answer
  whose media type has no schema cannot be generated at all (a 500 "Tried to force a dynamic
  response for: text/plain but schema is not defined"); ``Prefer: dynamic=false`` gets the
  static answer from a ``--dynamic`` server.
* **Paths**: Prism ignores the spec's ``servers`` unless a request names one in a
  ``__server`` query parameter, so templated URLs such as ``{okapiUrl}`` do no harm and every
  path is served at the root of the port, exactly as written under ``paths``. Alma's server
  path ``/almaws/v1`` is *not* part of the mock's URLs: ``GET {base_url}/conf/jobs`` works,
  ``{base_url}/almaws/v1/conf/jobs`` is a 404 ``NO_PATH_MATCHED_ERROR``. With
  ``?__server=https://api-eu.hosted.exlibrisgroup.com/almaws/v1`` the path is still
  ``/conf/jobs``; a ``__server`` matching none of the spec's servers is a 404
  ``NO_SERVER_MATCHED_ERROR``.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

import httpx

PROJECT = Path(__file__).resolve().parents[2]
PRISM = PROJECT / "node_modules" / ".bin" / "prism"
HOST = "127.0.0.1"
SETPRIV = shutil.which("setpriv") if sys.platform == "linux" else None
_PORT_ATTEMPTS = 5
_RUNNING: set[PrismServer] = set()


class PrismError(RuntimeError):
    """Prism did not start (its console output is part of the message)."""


def free_port() -> int:
    """A loopback port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


class PrismServer:
    """``prism mock SPEC`` on a free loopback port, for as long as the ``with`` block lasts
    (or from ``start()`` to ``stop()``). ``base_url`` has no path: see the module docstring."""

    def __init__(
        self,
        spec: Path,
        *,
        dynamic: bool = False,
        errors: bool = False,
        start_timeout: float = 30.0,
    ) -> None:
        if not PRISM.exists():
            raise PrismError(f"{PRISM} is missing: run `make test`, which installs it")
        self.spec = Path(spec)
        self.dynamic = dynamic
        self.errors = errors
        self.start_timeout = start_timeout
        self.port = 0
        self.base_url = ""
        self.startup_seconds = 0.0
        self._process: subprocess.Popen[bytes] | None = None
        self._log_path: Path | None = None
        self._last_output = ""
        self._last_status: int | None = None

    def __repr__(self) -> str:
        flags = " --dynamic" * self.dynamic + " --errors" * self.errors
        return f"<PrismServer {self.spec.parent.name}{flags} at {self.base_url or 'rest'}>"

    def command(self, port: int) -> list[str]:
        command = [str(PRISM), "mock", str(self.spec), "--host", HOST, "--port", str(port)]
        command += ["--dynamic"] * self.dynamic + ["--errors"] * self.errors
        # setpriv (util-linux) execs Prism with a parent-death signal: should this process be
        # killed outright (no teardown, no atexit), Prism is ended all the same.
        return [SETPRIV, "--pdeathsig", "TERM", *command] if SETPRIV else command

    def output(self) -> str:
        """The end of Prism's console output (kept after ``stop()``)."""
        if self._log_path is not None and self._log_path.exists():
            return self._log_path.read_text(errors="replace")[-6000:]
        return self._last_output

    def start(self) -> PrismServer:
        if self._process is not None:
            return self
        began = time.monotonic()
        try:
            for _ in range(_PORT_ATTEMPTS):
                port = free_port()  # another process may take it before Prism binds it
                if self._launch(port):
                    self.startup_seconds = time.monotonic() - began
                    return self
        except BaseException:  # interrupted, or PrismError: no server is left running
            self.stop()
            raise
        output = self.output()
        self.stop()
        raise PrismError(f"no free port for Prism after {_PORT_ATTEMPTS} tries:\n{output}")

    def _launch(self, port: int) -> bool:
        """Start Prism on ``port``; False when the port was taken meanwhile."""
        self.stop()
        handle, name = tempfile.mkstemp(prefix=f"prism-{self.spec.parent.name}-", suffix=".log")
        self._log_path = Path(name)
        with os.fdopen(handle, "wb") as log:
            self._process = subprocess.Popen(
                self.command(port),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=PROJECT,
                env={**os.environ, "FORCE_COLOR": "0", "NO_COLOR": "1"},
                start_new_session=True,  # its own process group: stop() ends it and any child
            )
        _RUNNING.add(self)
        self.port = port
        self.base_url = f"http://{HOST}:{port}"
        listening = f"Prism is listening on {self.base_url}"
        deadline = time.monotonic() + self.start_timeout
        with httpx.Client(timeout=1.0, trust_env=False) as client:  # no proxy for loopback
            while time.monotonic() < deadline:
                if self._process.poll() is not None:
                    output = self.output()
                    if "EADDRINUSE" in output:
                        return False
                    self.stop()
                    raise PrismError(
                        f"Prism exited with {self._last_status} for {self.spec}:\n{output}"
                    )
                # The log line proves that *this* process holds the port; the request, that
                # it answers (any status: / is a 404 for every spec).
                if listening in self.output():
                    try:
                        client.get(self.base_url + "/")
                        return True
                    except httpx.TransportError:
                        pass
                time.sleep(0.1)
        output = self.output()
        self.stop()
        raise PrismError(
            f"Prism did not answer within {self.start_timeout:.0f} s for {self.spec}:\n{output}"
        )

    def stop(self) -> None:
        """End Prism's process group (SIGTERM, then SIGKILL) and remove its log file."""
        process, self._process = self._process, None
        _RUNNING.discard(self)
        if process is not None:
            _end_group(process)
            self._last_status = process.returncode
        if self._log_path is not None:
            self._last_output = self.output()
            self._log_path.unlink(missing_ok=True)
            self._log_path = None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def __enter__(self) -> PrismServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _end_group(process: subprocess.Popen[bytes]) -> None:
    """Signal the whole group before reaping Prism: until then its pid, the group's id,
    cannot name anyone else's processes."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):  # the whole group is gone already
            os.killpg(process.pid, sig)  # the group id is Prism's pid (start_new_session)
        try:
            process.wait(timeout=5)
            return
        except subprocess.TimeoutExpired:
            continue


@atexit.register
def _stop_leftovers() -> None:
    """A safety net for servers nobody stopped (an interrupted session)."""
    for server in list(_RUNNING):
        server.stop()
