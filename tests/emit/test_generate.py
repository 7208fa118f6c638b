"""The generated packages: lint-clean, strictly typed, importable, written all or nothing.

That regenerating reproduces them is tested once, in tests/test_check.py.
"""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.emit.generate import (
    PackageSource,
    ruff_command,
    system_package_source,
    write_packages,
)
from generator.project.manifest import load_manifest
from generator.project.systems import system_ids
from generator.shared.errors import SpecError
from tests.conftest import GENERATED, SPECS, Regenerated

SYSTEMS = system_ids(SPECS)
PACKAGES = [load_manifest(SPECS / s / "manifest.yaml").package for s in SYSTEMS]


def _sources() -> list[PackageSource]:
    return [system_package_source(load_manifest(SPECS / s / "manifest.yaml")) for s in SYSTEMS]


def _copy(regenerated: Regenerated, package: str, output: Path) -> Path:
    """``package`` as ``generate`` writes it, in ``output`` (the session's, copied)."""
    shutil.copytree(regenerated.generated / package, output / package)
    return output / package


@pytest.mark.parametrize("package", PACKAGES)
def test_generated_code_passes_ruff_and_mypy_strict(package: str, mypy_cache: Path) -> None:
    folder = GENERATED / package
    for command in (["check", "--no-cache"], ["format", "--check", "--no-cache"]):
        result = subprocess.run(
            [*ruff_command(), *command, str(folder)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache), "-p", package],
        capture_output=True,
        text=True,
        cwd=folder / "src",
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("package", PACKAGES)
def test_each_package_imports_with_a_client_errors_and_models(package: str) -> None:
    module = importlib.import_module(package)
    assert {"Client", "AsyncClient", "errors", "models"} <= set(dir(module))
    assert issubclass(module.errors.NotFoundError, module.errors.APIError)
    assert (GENERATED / package / "src" / package / "py.typed").is_file()


def test_a_failure_halfway_leaves_generated_as_it_was(
    tmp_path: Path, regenerated: Regenerated
) -> None:
    sources = _sources()
    _copy(regenerated, sources[0].package, tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    document = {"openapi": "3.1.0", "paths": {}, "components": {"schemas": ["not", "a", "map"]}}
    broken = PackageSource(document, "broken", Path("x.yaml"))
    with pytest.raises(SpecError):
        write_packages([sources[0], broken], tmp_path)
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before


def test_regenerating_keeps_the_times_of_files_that_did_not_change(
    tmp_path: Path, regenerated: Regenerated
) -> None:
    """make reinstalls a client only when its pyproject.toml changes: it goes by file times."""
    alma = [s for s in _sources() if s.package == "alma_jobs"]
    package = _copy(regenerated, "alma_jobs", tmp_path)
    pyproject, models = package / "pyproject.toml", package / "src/alma_jobs/models.py"
    os.utime(pyproject, (1_000_000, 1_000_000))
    os.utime(models, (1_000_000, 1_000_000))
    original = models.read_text()
    models.write_text(original + "# edited\n")
    os.utime(models, (1_000_000, 1_000_000))

    write_packages(alma, tmp_path)
    assert pyproject.stat().st_mtime == 1_000_000  # the same content: the same time
    assert models.read_text() == original
    assert models.stat().st_mtime > 1_000_000  # changed back: a new time


def test_server_url_is_called_on_one_line() -> None:
    # a trailing comma after the last argument made ruff format explode the call onto lines
    for package in PACKAGES:
        client = (GENERATED / package / "src" / package / "_client.py").read_text()
        calls = [line.strip() for line in client.splitlines() if "or server_url(" in line]
        assert len(calls) == 2 and all(call.endswith("),") for call in calls), calls
