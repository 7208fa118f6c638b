"""A generated package installs on its own: no generator, no repository, only its own deps."""

from __future__ import annotations

import shutil
import subprocess
import venv
from pathlib import Path

from tests.conftest import PROJECT


def test_a_package_pip_installs_into_a_fresh_environment(tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(
        PROJECT / "generated" / "folio_orders_storage",
        source,
        ignore=shutil.ignore_patterns("*.egg-info", "__pycache__", ".*_cache"),
    )
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    install = subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stderr
    check = subprocess.run(
        [
            str(python),
            "-c",
            "import folio_orders_storage as p, importlib.metadata as m; "
            "print(sorted(r.split('>')[0] for r in m.requires('folio-orders-storage'))); "
            "print(p.Client(tenant='t', token='x'))",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert check.returncode == 0, check.stderr
    assert check.stdout.splitlines() == [
        "['httpx', 'pydantic', 'typing-extensions']",  # no XML: no defusedxml
        "Client(base_url='https://folio-snapshot-okapi.dev.folio.org')",
    ]
    assert (
        "generator"
        not in subprocess.run(
            [str(python), "-m", "pip", "list"], capture_output=True, text=True
        ).stdout
    )
