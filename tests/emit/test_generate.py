"""The generated packages: reproducible, lint-clean, strictly typed, importable."""

from __future__ import annotations

import filecmp
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from generator.emit.generate import PackageSource, system_package_source, write_packages
from generator.project.manifest import load_manifest
from generator.project.systems import system_ids
from generator.shared.errors import SpecError
from tests.conftest import PROJECT, SPECS

GENERATED = PROJECT / "generated"
SYSTEMS = system_ids(SPECS)
PACKAGES = [load_manifest(SPECS / s / "manifest.yaml").package for s in SYSTEMS]


def _sources() -> list[PackageSource]:
    return [system_package_source(load_manifest(SPECS / s / "manifest.yaml")) for s in SYSTEMS]


def _differences(left: Path, right: Path) -> list[str]:
    # caches and install metadata are not generated content
    ignore = ["__pycache__", ".ruff_cache", ".mypy_cache", f"{left.name}.egg-info"]
    comparison = filecmp.dircmp(left, right, ignore=ignore)
    found = [
        f"only in {left.name}: {n}" for n in comparison.left_only if not n.endswith("egg-info")
    ]
    found += [
        f"only in {right.name}: {n}" for n in comparison.right_only if not n.endswith("egg-info")
    ]
    found += [f"differs: {n}" for n in comparison.diff_files]
    for sub in comparison.common_dirs:
        found += [f"{sub}/{d}" for d in _differences(left / sub, right / sub)]
    return found


def test_generating_again_reproduces_the_committed_packages(tmp_path: Path) -> None:
    write_packages(_sources(), tmp_path)
    for package in PACKAGES:
        assert not _differences(tmp_path / package, GENERATED / package), (
            f"generated/{package} is stale: run `make generate`"
        )


@pytest.mark.parametrize("package", PACKAGES)
def test_generated_code_passes_ruff_and_mypy_strict(package: str, tmp_path: Path) -> None:
    folder = GENERATED / package
    for command in (["ruff", "check", "--no-cache"], ["ruff", "format", "--check", "--no-cache"]):
        result = subprocess.run(
            [sys.executable, "-m", *command, str(folder)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path), "-p", package],
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


def test_a_failure_halfway_leaves_generated_as_it_was(tmp_path: Path) -> None:
    sources = _sources()
    write_packages(sources[:1], tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    document = {"openapi": "3.1.0", "paths": {}, "components": {"schemas": ["not", "a", "map"]}}
    broken = PackageSource(document, "broken", Path("x.yaml"))
    with pytest.raises(SpecError):
        write_packages([sources[0], broken], tmp_path)
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before


def test_regenerating_keeps_the_times_of_files_that_did_not_change(tmp_path: Path) -> None:
    """make reinstalls a client only when its pyproject.toml changes: it goes by file times."""
    import os

    alma = [s for s in _sources() if s.package == "alma_jobs"]
    [package] = write_packages(alma, tmp_path)
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
