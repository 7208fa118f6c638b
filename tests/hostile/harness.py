"""Run the generator on one hostile spec and judge the outcome as a user would.

The generator runs in this process through its command line entry point, so that any
exception it lets out fails the test with its traceback. It must either write a package that
imports, passes ruff and holds no spec text as code, or exit 2 with one line naming the file;
and it must not write anywhere but its output folder.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import inspect
import io
import os
import signal
import subprocess
import sys
import tokenize
import warnings
from collections.abc import Iterator
from pathlib import Path

import httpx

from generator.cli import main
from generator.emit import formatting
from generator.emit.formatting import ruff_command
from tests.hostile.strategies import PAYLOAD

PROJECT = Path(__file__).resolve().parents[2]
RUFF_CONFIG = formatting.CONFIG
PACKAGE = "hostile"
GENERATION_SECONDS = 60  # a spec that takes longer than this to generate counts as a hang


@contextlib.contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    """Fail, rather than hang the test run, when generating takes longer than ``seconds``."""

    def expired(signum: int, frame: object) -> None:
        raise AssertionError(f"generation hung: still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def _code_names(source: str) -> set[str]:
    """The names used as code: every NAME token (strings and comments are not code)."""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return {token.string for token in tokens if token.type == tokenize.NAME}


def _import_package(src: Path, workdir: Path) -> None:
    for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
        del sys.modules[name]
    sys.path.insert(0, str(src))
    cwd = Path.cwd()
    os.chdir(workdir)  # a payload that ran would leave PWNED here
    try:
        modules = ["", ".models", ".resources", ".errors"]
        if (src / PACKAGE / "webhooks.py").exists():
            modules.append(".webhooks")
        # A warning at import (pydantic's UnsupportedFieldAttributeWarning on a Field() where it
        # has no effect) reaches every user of the package: it fails the package here.
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            for module in modules:
                importlib.import_module(PACKAGE + module)
        _construct_clients(importlib.import_module(PACKAGE + "._client"))
    finally:
        os.chdir(cwd)
        sys.path.remove(str(src))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


def _construct_clients(client_module: object) -> None:
    """``Client()`` and ``AsyncClient()`` with no server variable and with hostile ones.

    A payload in a server variable's enum or default would run here (issue #11); a value not
    in the variable's enum is refused with ``ValueError``, and a URL that is no URL (a newline
    in it) by httpx, which is fine.
    """
    variables = list(inspect.signature(client_module.server_url).parameters)  # type: ignore[attr-defined]
    for cls in (client_module.Client, client_module.AsyncClient):  # type: ignore[attr-defined]
        parameters = inspect.signature(cls).parameters.values()
        required = {p.name: "x" for p in parameters if p.default is inspect.Parameter.empty}
        # A transport of its own spares httpx the TLS context it builds for a real one (27 ms)
        required["transport"] = httpx.MockTransport(lambda request: httpx.Response(204))
        for arguments in (
            {},
            {"base_url": "http://127.0.0.1:9"},
            dict.fromkeys(variables, PAYLOAD),
        ):
            try:
                client = cls(**required, **arguments)
            except (ValueError, httpx.InvalidURL):
                continue
            if hasattr(client, "aclose"):
                asyncio.run(client.aclose())
            else:
                client.close()


def type_check(src: Path, cache: Path) -> None:
    """``mypy --strict`` over the package in ``src``, which must pass as the systems' do.

    The cache is kept between runs; a package generated in the same folder each time then
    costs only its own modules (half a second), the runtime and pydantic being read from it.
    """
    typed = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), "-p", PACKAGE],
        capture_output=True,
        text=True,
        check=False,
        cwd=src,
    )
    assert typed.returncode == 0, typed.stdout[-3000:] + typed.stderr[-1000:]


def judge(spec_text: str, suffix: str, root: Path, mypy_cache: Path | None = None) -> str:
    """Generate from ``spec_text``; return "generated" or "refused", or fail the test.

    With ``mypy_cache``, a package must also pass ``mypy --strict``.
    """
    source = root / "source"
    source.mkdir()
    spec = source / f"api{suffix}"
    spec.write_text(spec_text, encoding="utf-8")
    output = root / "out"
    before = _files(root)
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), _deadline(GENERATION_SECONDS):
        code = main(["generate", str(spec), "-o", str(output), "--package", PACKAGE, "--quiet"])
    written = _files(root) - before
    assert all(path.startswith("out" + os.sep) for path in written), sorted(written)[:5]
    message = stderr.getvalue()
    if code == 2:
        assert message.startswith("error: ") and message.count("\n") == 1, message
        assert str(spec.name) in message, message
        assert not (output / PACKAGE).exists()
        return "refused"
    assert code == 0, (code, message)
    package = output / PACKAGE
    for path in package.rglob("*.py"):
        if path.parent.name == "_runtime":
            continue  # copied verbatim from templates/runtime: no spec text reaches it
        names = _code_names(path.read_text(encoding="utf-8"))
        assert "__import__" not in names, f"spec text became code in {path.name}"
    lint = subprocess.run(
        [
            *ruff_command(),
            "check",
            "--no-cache",
            "--quiet",
            "--config",
            str(RUFF_CONFIG),
            str(package),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert lint.returncode == 0, lint.stdout[-3000:] + lint.stderr[-1000:]
    _import_package(package / "src", root)
    assert not (root / "PWNED").exists(), "a payload from the spec ran"
    if mypy_cache is not None:
        type_check(package / "src", mypy_cache)
    return "generated"
