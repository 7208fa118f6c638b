"""A generated package installs on its own: no generator, no repository, only its own deps.

It type-checks there too, with ``mypy --strict`` and pyright seeing only what it declares (and
its ``typing`` extra, where it has one). `make test` installs one package; `make test-long`
(TEST_PROFILE=long) installs each.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

from generator.project.manifest import load_manifest
from generator.project.systems import system_ids
from tests.conftest import GENERATED, PROJECT, SPECS

ALL = [load_manifest(SPECS / system / "manifest.yaml").package for system in system_ids(SPECS)]
# alma_jobs by default: it reads XML, so it has the most dependencies (and a typing extra)
PACKAGES = ALL if os.environ.get("TEST_PROFILE") == "long" else ["alma_jobs"]
PYRIGHT = PROJECT / "node_modules" / ".bin" / "pyright"
# What the toolkit needs to generate a client, and no client needs to run.
GENERATOR_ONLY = {
    "openapi-batchjobs-toolkit",
    "jinja2",
    "datamodel-code-generator",
    "ruff",
    "pyyaml",
    "jsonschema",
    "inflection",
}

PIP = (sys.executable, "-m", "pip", "--disable-pip-version-check")
_INSPECT = """
import importlib, importlib.metadata as m, inspect, json, sys
package = importlib.import_module(sys.argv[1])
# Every credential given (required or optional, as a client's credential rules differ).
parameters = inspect.signature(package.Client).parameters.values()
client = package.Client(**{
    p.name: "x" for p in parameters
    if p.default is p.empty or (p.annotation == "str | None" and p.name != "base_url")
})
client.close()
print(json.dumps({
    "requires": sorted(r.split(">")[0].split("=")[0].strip().lower()
                       for r in m.requires(sys.argv[1].replace("_", "-"))),
    "installed": sorted(d.metadata["Name"].lower() for d in m.distributions()),
    "client": repr(client),
    "errors": issubclass(package.errors.NotFoundError, package.errors.APIError),
}))
"""


@pytest.mark.parametrize("package", PACKAGES)
def test_a_package_installs_and_type_checks_with_only_its_declared_dependencies(
    package: str, tmp_path: Path, mypy_cache: Path
) -> None:
    source = tmp_path / "source"  # pip builds in the source folder: not in the checkout
    shutil.copytree(
        GENERATED / package,
        source,
        ignore=shutil.ignore_patterns("*.egg-info", "__pycache__", ".*_cache", "build"),
    )
    environment = tmp_path / "venv"
    # No pip of its own (ensurepip takes 5 s): this interpreter's pip installs into it.
    venv.create(environment, with_pip=False)
    python = environment / "bin" / "python"
    extras = tomllib.loads((source / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    typing_extra = "[typing]" if "typing" in extras.get("optional-dependencies", {}) else ""
    install = subprocess.run(
        [*PIP, "--python", str(python), "install", "--quiet", f"{source}{typing_extra}"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stderr
    check = subprocess.run(
        [str(python), "-c", _INSPECT, package],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # not the checkout: nothing of the repository on the path
        timeout=120,
        env={"PATH": os.environ.get("PATH", "")},
    )
    assert check.returncode == 0, check.stderr
    found = json.loads(check.stdout)
    assert {"httpx", "pydantic"} <= set(found["requires"])
    assert not GENERATOR_ONLY & set(found["requires"] + found["installed"])
    assert package.replace("_", "-") in found["installed"]
    assert found["client"].startswith("Client(base_url=")
    assert found["errors"]
    # defusedxml only where the package reads XML
    speaks_xml = (GENERATED / package / "src" / package / "_runtime" / "_xml.py").is_file()
    assert ("defusedxml" in found["requires"]) == speaks_xml

    # What a user's type checker sees in that environment: only the declared dependencies.
    site = environment / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
    installed = site / "site-packages" / package
    mypy = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache)]
    for command in (
        [*mypy, "--python-executable", str(python), "-p", package],
        [str(PYRIGHT), "--pythonpath", str(python), str(installed)],
    ):
        checked = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=300)
        assert checked.returncode == 0, checked.stdout + checked.stderr
