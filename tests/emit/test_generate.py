"""The generated packages: reproducible, lint-clean, strictly typed, importable."""

from __future__ import annotations

import ast
import filecmp
import importlib
import os
import re
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


# What a caller's type checker sees of some calls (checked in the same mypy run as the package
# itself): each line's ``reveal_type`` and the type mypy must reveal. The types come from the
# runtime (``OperationSpec[T]``, ``APIResponse[T]``, the resources' generic base), not casts.
_REVEALED: dict[str, list[tuple[str, str]]] = {
    "folio_data_export_spring": [
        ("client.jobs.get_job_by_id('1')", "{p}.models.Job"),
        ("client.jobs.get_job_by_id('1', timeout=None)", "{p}.models.Job"),
        ("client.jobs.with_raw_response.get_job_by_id('1')", "{r}.APIResponse[{p}.models.Job]"),
        ("client.jobs.with_raw_response.get_job_by_id('1').parse()", "{p}.models.Job"),
        ("client.jobs.iter_jobs(timeout=2.5)", "typing.Iterator[{p}.models.Job]"),
        ("client.jobs.wait_for_job('1')", "{p}.models.Job"),
        ("await async_client.jobs.get_job_by_id('1')", "{p}.models.Job"),
        (
            "await async_client.jobs.with_raw_response.get_job_by_id('1')",
            "{r}.APIResponse[{p}.models.Job]",
        ),
        ("async_client.jobs.iter_jobs()", "typing.AsyncIterator[{p}.models.Job]"),
    ],
    "folio_erm_usage_harvester": [
        ("client.jobs.wait_for_job('1')", "{p}.models.JobInfo"),  # found in a list answer
        ("client.jobs.iter_jobs()", "typing.Iterator[{p}.models.JobInfo]"),
        ("await async_client.jobs.wait_for_job('1')", "{p}.models.JobInfo"),
        ("client.implementations.get_implementations()", "{p}.models.ServiceImplementations"),
    ],
}


def _user_code(package: str) -> str:
    lines = "".join(f"    reveal_type({call})\n" for call, _ in _REVEALED[package])
    return (
        f"from {package} import AsyncClient, Client\n\n\n"
        "async def calls(client: Client, async_client: AsyncClient) -> None:\n" + lines
    )


@pytest.mark.parametrize("package", PACKAGES)
def test_generated_code_passes_ruff_and_mypy_strict(package: str, tmp_path: Path) -> None:
    folder = GENERATED / package
    for command in (["ruff", "check", "--no-cache"], ["ruff", "format", "--check", "--no-cache"]):
        result = subprocess.run(
            [sys.executable, "-m", *command, str(folder)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr
    user = tmp_path / "user"
    user.mkdir()
    (user / "user_code.py").write_text(_user_code(package) if package in _REVEALED else "")
    mypy = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache")]
    result = subprocess.run(
        [*mypy, "-p", package, "-m", "user_code"],
        capture_output=True,
        text=True,
        cwd=folder / "src",
        env={**os.environ, "MYPYPATH": str(user)},
    )
    assert result.returncode == 0, result.stdout
    revealed = re.findall(r'Revealed type is "(.*)"', result.stdout)
    names = {"p": package, "r": f"{package}._runtime._response"}
    assert revealed == [shown.format(**names) for _, shown in _REVEALED.get(package, [])]


def test_generated_calls_state_their_types_without_casts() -> None:
    # A cast is a type nobody checks: the types come from OperationSpec[T] and the runtime's
    # generic helpers, so a generated call is checked against the answer's declared model.
    for package in PACKAGES:
        source = (GENERATED / package / "src" / package / "resources.py").read_text()
        tree = ast.parse(source)
        casts = [
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id.lstrip("_") == "cast"
        ]
        imported = [
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
            if alias.name == "cast"
        ]
        assert not casts and not imported, f"{package}/resources.py casts at lines {casts}"


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
