"""What a generated package is worth beyond its generation time: does it import, does it pass
``mypy --strict``, does it have a method for every operation of the spec, and a parser for
every webhook?"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from bench.corpus import PROJECT, Spec
from generator.normalize.openapi_walk import METHODS

PYTHON = PROJECT / ".venv" / "bin" / "python"
MYPY_SECONDS = 900


def spec_operations(spec: Spec, section: str = "paths") -> int | None:
    """How many operations the spec has under ``section``: paths, or webhooks (OpenAPI 3.1)."""
    if spec.format.startswith("RAML"):
        return None
    text = spec.path.read_text(encoding="utf-8")
    if spec.path.suffix == ".json":
        document: dict[str, Any] = json.loads(text)
    else:
        import yaml

        document = yaml.safe_load(text)
    return sum(
        1
        for item in (document.get(section) or {}).values()
        if isinstance(item, dict)
        for method in METHODS
        if isinstance(item.get(method), dict)
    )


def check(package_folder: Path, package: str, spec: Spec, python: Path = PYTHON) -> dict[str, Any]:
    """``python``: the interpreter that imports and type-checks the package (by default the
    project's; bench/corpus_quality gives one with only the package's declared dependencies)."""
    source = package_folder / "src"
    # one module, or a package of them (a large package's: a module per resource)
    resources = "".join(
        path.read_text(encoding="utf-8")
        for path in [source / package / "resources.py", *(source / package).glob("resources/*.py")]
        if path.is_file()
    )
    webhooks = source / package / "webhooks.py"
    parsers = webhooks.read_text(encoding="utf-8").count("\ndef parse_") if webhooks.exists() else 0
    imported = subprocess.run(
        [str(python), "-c", f"import {package}, {package}.models, {package}.resources"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(source)},
        check=False,
    )
    try:
        typed = subprocess.run(
            [
                str(python),
                "-m",
                "mypy",
                "--strict",
                "--no-incremental",
                "--python-version",
                "3.11",
                str(source / package),
            ],
            capture_output=True,
            text=True,
            timeout=MYPY_SECONDS,
            check=False,
            env={"PYTHONPATH": str(source), "PATH": "/usr/bin:/bin"},
        )
        mypy = "ok" if typed.returncode == 0 else typed.stdout.strip().splitlines()[-1][:120]
    except subprocess.TimeoutExpired:
        mypy = f"not done in {MYPY_SECONDS} s"
    return {
        "imports": imported.returncode == 0,
        "mypy": mypy,
        "operations": resources.count("OperationSpec("),  # each declaration; the import has no "("
        "spec_operations": spec_operations(spec),
        "webhooks": parsers,
        "spec_webhooks": spec_operations(spec, "webhooks"),
    }
