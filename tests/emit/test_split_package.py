"""A package laid out for size (models and resources as modules, each imported on first use)
behaves as the one-module layout does, imports none of its models until they are used, and
keeps its typing for mypy --strict and pyright.

The FOLIO data-export-spring spec (93 models) is generated both ways, with the threshold of
the split lowered so that it is split.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from pydantic import BaseModel, TypeAdapter

from generator.cli import main
from generator.emit import formatting, models_split
from tests.conftest import PROJECT, SPECS, imported

SPEC = SPECS / "folio-data-export-spring" / "openapi.yaml"
PYRIGHT = PROJECT / "node_modules" / ".bin" / "pyright"
JOB_ID = "b8e9ed6a-3ee3-4a1b-9a4b-5c2e5b4e0f51"


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("split")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(models_split, "SPLIT_ABOVE", 10)
        assert main(["generate", str(SPEC), "-o", str(folder), "--package", "split", "-q"]) == 0
    assert main(["generate", str(SPEC), "-o", str(folder), "--package", "single", "-q"]) == 0
    return folder


@pytest.fixture(scope="module")
def split(output: Path) -> Iterator[ModuleType]:
    with imported(output / "split") as package:
        yield package


@pytest.fixture(scope="module")
def single(output: Path) -> Iterator[ModuleType]:
    with imported(output / "single") as package:
        yield package


def test_the_split_package_has_a_module_per_model_group_and_per_resource(output: Path) -> None:
    code = output / "split" / "src" / "split"
    assert not (code / "models.py").exists() and not (code / "resources.py").exists()
    assert len(list((code / "models").glob("_[!_]*.py"))) > 5
    assert sorted(p.name for p in (code / "resources").glob("*.py")) == ["__init__.py", "_jobs.py"]
    single = output / "single" / "src" / "single"
    assert (single / "models.py").is_file() and (single / "resources.py").is_file()
    # the reference page links the models where they are
    assert "(src/split/models/)" in (output / "split" / "api.md").read_text(encoding="utf-8")


def test_the_split_package_is_ruff_clean(output: Path) -> None:
    options = ["--no-cache", "--config", str(formatting.CONFIG), str(output / "split")]
    for command in (["check"], ["format", "--check"]):
        checked = subprocess.run(
            [*formatting.ruff_command(), *command, *options],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert checked.returncode == 0, checked.stdout + checked.stderr


def _loaded_after(output: Path, code: str) -> list[str]:
    """The package's model and resource modules loaded in a fresh interpreter after ``code``."""
    probe = (
        "import sys\n"
        f"{code}\n"
        "print(sorted(m for m in sys.modules if m.startswith(('split.models.', "
        "'split.resources.'))))"
    )
    env = {**os.environ, "PYTHONPATH": str(output / "split" / "src")}
    ran = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60
    )
    assert ran.returncode == 0, ran.stderr
    loaded: list[str] = json.loads(ran.stdout.replace("'", '"'))
    return loaded


def test_importing_the_package_or_making_a_client_loads_no_model(output: Path) -> None:
    assert _loaded_after(output, "import split") == []
    made = "import split\nsplit.Client(base_url='http://127.0.0.1', tenant='t', token='x')"
    assert _loaded_after(output, made) == []


def test_a_model_loads_its_module_and_those_it_refers_to_only(output: Path) -> None:
    homes: dict[str, str] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(models_split, "SPLIT_ABOVE", 10)
        source = (output / "single" / "src" / "single" / "models.py").read_text(encoding="utf-8")
        found = models_split.split_models(source)
        assert found is not None
        homes = found.homes
    loaded = _loaded_after(output, "import split.models\nsplit.models.Metadata")
    assert loaded == [f"split.models.{homes['Metadata']}"]  # Metadata names no other model
    every = {f"split.models.{module}" for module in homes.values()}
    job = _loaded_after(output, "import split.models\nsplit.models.Job")
    assert f"split.models.{homes['Job']}" in job and f"split.models.{homes['Metadata']}" in job
    assert set(job) < every  # not all of them


def test_a_resource_is_imported_when_first_used(output: Path) -> None:
    used = (
        "import split\n"
        "client = split.Client(base_url='http://127.0.0.1', tenant='t', token='x')\n"
        "client.jobs"
    )
    loaded = _loaded_after(output, used)
    assert "split.resources._jobs" in loaded


def _public(module: ModuleType) -> dict[str, Any]:
    names = getattr(module, "__all__", None) or [n for n in vars(module) if n[:1] != "_"]
    return {name: getattr(module, name) for name in names}


def test_every_model_validates_and_describes_itself_as_in_one_module(
    split: ModuleType, single: ModuleType
) -> None:
    ours, theirs = _public(split.models), _public(single.models)
    defined = {n for n, v in theirs.items() if getattr(v, "__module__", "") == "single.models"}
    assert set(ours) == defined
    for name in sorted(defined):
        if isinstance(theirs[name], type) and issubclass(theirs[name], BaseModel):
            assert ours[name].model_json_schema() == theirs[name].model_json_schema(), name
        else:  # enums and type aliases
            assert TypeAdapter(ours[name]).json_schema() == TypeAdapter(theirs[name]).json_schema()


def test_every_method_has_the_same_signature_as_in_one_module(
    split: ModuleType, single: ModuleType
) -> None:
    for prefix in ("", "Async"):
        ours = getattr(split.resources, f"{prefix}JobsResource")
        theirs = getattr(single.resources, f"{prefix}JobsResource")
        methods = [n for n in vars(theirs) if not n.startswith("_")]
        assert methods
        for name in methods:
            assert str(inspect.signature(getattr(ours, name))) == str(
                inspect.signature(getattr(theirs, name))
            ), name


def _page() -> dict[str, Any]:
    job = {"id": JOB_ID, "type": "CIRCULATION_LOG", "exportTypeSpecificParameters": {}}
    return {"jobRecords": [job], "totalRecords": 1}


def test_a_call_of_the_split_client_parses_into_its_models(split: ModuleType) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=_page())

    with split.Client(
        base_url="http://127.0.0.1", tenant="t", token="x", transport=httpx.MockTransport(answer)
    ) as client:
        page = client.jobs.get_jobs(limit=1)
    assert isinstance(page, split.models.JobCollection)
    assert str(page.job_records[0].id) == JOB_ID


def test_an_async_call_of_the_split_client_parses_into_its_models(split: ModuleType) -> None:
    async def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=_page())

    async def run() -> Any:
        async with split.AsyncClient(
            base_url="http://127.0.0.1",
            tenant="t",
            token="x",
            transport=httpx.MockTransport(answer),
        ) as client:
            assert client.jobs is client.jobs  # made once
            return await client.jobs.get_jobs(limit=1)

    page = asyncio.run(run())
    assert isinstance(page, split.models.JobCollection)


USER_CODE = """
from split import Client, models
from split.models import Job
from split.resources import JobsResource

client = Client(base_url="http://127.0.0.1", tenant="t", token="x")
jobs: JobsResource = client.jobs
job: Job = jobs.get_job_by_id("x")
page: models.JobCollection = client.jobs.get_jobs()
"""
MISTAKES = """
from split import Client, models

client = Client(base_url="http://127.0.0.1", tenant="t", token="x")
wrong: models.Jobb = client.jobs.get_job_by_id("x")
count: int = client.jobs.get_jobs()
"""


def test_type_checkers_see_every_name_and_catch_a_wrong_one(
    output: Path, tmp_path: Path, mypy_cache: Path
) -> None:
    (tmp_path / "user.py").write_text(USER_CODE, encoding="utf-8")
    (tmp_path / "mistakes.py").write_text(MISTAKES, encoding="utf-8")
    env = {**os.environ, "MYPYPATH": str(output / "split" / "src")}
    mypy = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache)]
    checked = subprocess.run(
        [*mypy, "split", str(tmp_path / "user.py")],
        capture_output=True,
        text=True,
        cwd=output / "split" / "src",
        env=env,
        timeout=300,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    wrong = subprocess.run(
        [*mypy, str(tmp_path / "mistakes.py")],
        capture_output=True,
        text=True,
        cwd=output / "split" / "src",
        env=env,
        timeout=300,
    )
    assert 'Name "models.Jobb" is not defined' in wrong.stdout, wrong.stdout
    assert "JobCollection" in wrong.stdout and "int" in wrong.stdout  # the call stays typed
    assert wrong.stdout.count("error:") == 2, wrong.stdout


CHECKED = ("user_check.py", "mistakes_check.py")


def test_pyright_sees_every_name_and_catches_a_wrong_one(output: Path, tmp_path: Path) -> None:
    if not PYRIGHT.exists():
        pytest.fail("pyright is not installed: run `make test`, which installs it", pytrace=False)
    src = output / "split" / "src"
    (src / "user_check.py").write_text(USER_CODE, encoding="utf-8")
    (src / "mistakes_check.py").write_text(MISTAKES, encoding="utf-8")
    try:  # one run (pyright reads httpx and pydantic anew each time): only the mistakes fail
        checked = subprocess.run(
            [str(PYRIGHT), "--pythonpath", sys.executable, "split", *CHECKED],
            capture_output=True,
            text=True,
            cwd=src,
            timeout=300,
        )
    finally:
        (src / "user_check.py").unlink()
        (src / "mistakes_check.py").unlink()
    errors = [line for line in checked.stdout.splitlines() if "- error:" in line]
    assert len(errors) == 2 and all("mistakes_check.py" in line for line in errors), checked.stdout
    assert '"Jobb" is not a known attribute of module' in checked.stdout, checked.stdout
