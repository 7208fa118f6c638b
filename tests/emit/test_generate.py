"""The generated packages: lint-clean, strictly typed, importable, written all or nothing.

That regenerating reproduces them is tested once, in tests/test_check.py.
"""

from __future__ import annotations

import ast
import importlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.emit.formatting import ruff_command
from generator.emit.generate import PackageSource, system_package_source, write_packages
from generator.project.manifest import load_manifest
from generator.project.systems import system_ids
from generator.shared.errors import SpecError, Warnings
from tests.conftest import GENERATED, SPECS, Regenerated

SYSTEMS = system_ids(SPECS)
PACKAGES = [load_manifest(SPECS / s / "manifest.yaml").package for s in SYSTEMS]


def _sources() -> list[PackageSource]:
    return [system_package_source(load_manifest(SPECS / s / "manifest.yaml")) for s in SYSTEMS]


def _copy(regenerated: Regenerated, package: str, output: Path) -> Path:
    """``package`` as ``generate`` writes it, in ``output`` (the session's, copied)."""
    shutil.copytree(regenerated.generated / package, output / package)
    return output / package


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
def test_generated_code_passes_ruff_and_mypy_strict(
    package: str, tmp_path: Path, mypy_cache: Path
) -> None:
    folder = GENERATED / package
    for command in (["check", "--no-cache"], ["format", "--check", "--no-cache"]):
        result = subprocess.run(
            [*ruff_command(), *command, str(folder)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr
    user = tmp_path / "user"
    user.mkdir()
    (user / "user_code.py").write_text(_user_code(package) if package in _REVEALED else "")
    mypy = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache)]
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
    # a caller's wrapper forwards a per-call option it was not given as the package's sentinel
    assert module.NOT_GIVEN is importlib.import_module(f"{package}._runtime._notgiven").NOT_GIVEN
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

    write_packages(alma, tmp_path, force=True)  # force: the edit is by hand
    assert pyproject.stat().st_mtime == 1_000_000  # the same content: the same time
    assert models.read_text() == original
    assert models.stat().st_mtime > 1_000_000  # changed back: a new time


def test_server_url_is_called_on_one_line() -> None:
    # a trailing comma after the last argument made ruff format explode the call onto lines
    for package in PACKAGES:
        client = (GENERATED / package / "src" / package / "_client.py").read_text()
        calls = [line.strip() for line in client.splitlines() if "or server_url(" in line]
        assert len(calls) == 2 and all(call.endswith("),") for call in calls), calls


def test_code_ruff_cannot_parse_is_reported_with_ruffs_own_words_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `ruff format --quiet` silenced its own error: the report ended at "generated code:".
    import generator.emit.generate as generate

    source = PackageSource({}, "pkg", Path("specs/pets/openapi.yaml"))
    broken = SimpleNamespace(files={"src/pkg/models.py": "x: int = (\n"}, warnings=Warnings())
    monkeypatch.setattr(generate, "render_package_source", lambda *_: broken)
    with pytest.raises(SpecError) as raised:
        write_packages([source], tmp_path)
    message = str(raised.value)
    assert message.startswith("specs/pets/openapi.yaml: ruff failed on the generated code: ")
    assert f"pkg{os.sep}src{os.sep}pkg{os.sep}models.py:2:1" in message, message
    assert str(tmp_path) not in message  # the staging folder is gone when the user reads this


def test_a_spec_error_while_rendering_names_the_spec_it_came_from(tmp_path: Path) -> None:
    # among many packages, "model generation failed" said nothing of which spec to look at
    unsatisfiable = {"allOf": [False, {"type": "object"}]}
    document = {"openapi": "3.1.0", "paths": {}, "components": {"schemas": {"A": unsatisfiable}}}
    source = PackageSource(document, "pkg", Path("specs/pets/openapi.yaml"))
    with pytest.raises(SpecError, match="model generation failed") as raised:
        write_packages([source], tmp_path)
    assert str(raised.value).startswith("specs/pets/openapi.yaml: ")
