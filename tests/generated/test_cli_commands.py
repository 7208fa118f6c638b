"""Every system's command line (``python -m <package>``) against Prism: ``--help``, the README's
command, one ``--all`` and one ``--wait``, run in-process by the package's ``_cli`` with the mock
as ``<PKG>_BASE_URL``. Argument values are those the contract test of
every operation sends (tests/contract/test_every_operation.py), which Prism accepts."""

from __future__ import annotations

import importlib
import io
import json
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest
from pydantic import BaseModel

from generator.project.manifest import load_manifest
from generator.project.systems import system_ids
from tests.conftest import PROJECT, SPECS
from tests.contract import test_every_operation as every
from tests.contract.prism import PrismServer

SYSTEM_IDS = system_ids(SPECS)


def _package(system: str) -> str:
    return load_manifest(SPECS / system / "manifest.yaml").package


def _environment(system: str, base_url: str) -> dict[str, str]:
    """The credentials the contract tests give each kind of scheme, as the package's
    variables."""
    name = _package(system)
    package = next(p for s, _, p in every.SYSTEMS if s == system)
    environ = {f"{name.upper()}_BASE_URL": base_url}
    for scheme in package.auth.schemes:
        given = every.CREDENTIALS.get(scheme.kind, {})
        keywords = [*scheme.arguments, *scheme.scope_arguments]
        for role, keyword in keywords:
            if role in given:
                environ[f"{name}_{keyword}".upper()] = given[role]
    return environ


def _run(system: str, argv: list[str], base_url: str) -> tuple[int, str, str]:
    cli = importlib.import_module(f"{_package(system)}._cli")
    out, err = io.StringIO(), io.StringIO()
    environ = _environment(system, base_url)
    code = cli.run(cli.PROGRAM, cli.Client, argv, environ=environ, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _argv(system: str, command: Any) -> list[str]:
    """The command line of ``command`` with the contract test's values."""
    document, _, operation, _ = next(
        every._find(system, o.operation_id)
        for s, _, p in every.SYSTEMS
        if s == system
        for r in p.resources
        for o in r.operations
        if r.attribute == command.resource and o.method_name == command.method
    )
    module = importlib.import_module(_package(system))
    values = every._arguments(document, operation, module)
    argv = [command.resource.replace("_", "-"), command.method.strip("_").replace("_", "-")]
    for argument in command.arguments:
        if argument.keyword not in values:
            continue
        value = values[argument.keyword]
        if argument.option is None:
            argv.append(str(value))
        elif argument.annotation is bool:
            argv.append(argument.option if value else "--no-" + argument.option[2:])
        else:
            for item in value if argument.repeated else [value]:
                argv += [argument.option, item if isinstance(item, str) else json.dumps(item)]
    if command.body is not None and command.body.keyword in values:
        body = values[command.body.keyword]
        if isinstance(body, BaseModel):
            body = body.model_dump(mode="json", by_alias=True, exclude_unset=True)
        argv += ["--data", json.dumps(body)]
    return argv


def _commands(system: str, has: Callable[[Any], bool]) -> list[Any]:
    cli = importlib.import_module(f"{_package(system)}._cli")
    return [command for command in cli.PROGRAM.commands if has(command)]


@pytest.mark.parametrize("system", SYSTEM_IDS)
def test_help_names_every_resource_and_the_environment_variables(system: str) -> None:
    code, out, _ = _run(system, ["--help"], "http://127.0.0.1:9")  # (nothing is sent)
    assert code == 0
    assert f"{_package(system).upper()}_BASE_URL" in out
    cli = importlib.import_module(f"{_package(system)}._cli")
    for attribute, _ in cli.PROGRAM.resources:
        assert attribute.replace("_", "-") in out


@pytest.mark.parametrize("system", SYSTEM_IDS)
def test_the_readme_command_runs_and_prints_json(
    system: str, prism: Callable[[str], PrismServer]
) -> None:
    readme = (PROJECT / "generated" / _package(system) / "README.md").read_text()
    block = re.search(r"## Command line\n\n```sh\n(.*?)```", readme, re.DOTALL)
    assert block is not None
    lines = [line for line in block.group(1).splitlines() if line.startswith("python -m")]
    calls = [shlex.split(line)[3:] for line in lines if "--help" not in line]
    if not calls:
        pytest.skip("the spec has no call that needs nothing but its path")
    for argv in calls:
        code, out, err = _run(system, argv, prism(system).base_url)
        assert (code, err) == (0, "")
        if out:  # (an answer of nothing prints nothing)
            json.loads(out)


@pytest.mark.parametrize("system", SYSTEM_IDS)
def test_all_prints_every_item_as_a_json_line(
    system: str, prism: Callable[[str], PrismServer]
) -> None:
    paged = _commands(system, lambda command: command.paged is not None)
    if not paged:
        pytest.skip("the spec has no paged list")
    code, out, err = _run(system, [*_argv(system, paged[0]), "--all"], prism(system).base_url)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines and all(isinstance(json.loads(line), dict) for line in lines)


@pytest.mark.parametrize("system", SYSTEM_IDS)
def test_wait_reaches_the_typed_outcome_of_a_mock_job(
    system: str, prism: Callable[[str], PrismServer]
) -> None:
    """A mock's job never ends, nor is its id the one a read answers: a short wait ends in the
    waiter's typed outcome (exit 1, the message on standard error, not a traceback)."""
    waited = _commands(system, lambda command: command.wait is not None)
    if not waited:
        pytest.skip("the spec has no call that starts a job it can wait for")
    argv = [*_argv(system, waited[0]), "--wait", "--timeout", "0.5", "--poll-interval", "0.1"]
    code, _, err = _run(system, argv, prism(system).base_url)
    assert code == 1, err
    assert err.startswith("error: ")
    assert re.search(r"did not end|asked for|names no job|not found|no job", err), err


def test_python_m_runs_the_command_line_and_exits_with_its_code() -> None:
    """``__main__`` (the same template for every package): a usage error is the process's 2."""
    package = _package(SYSTEM_IDS[0])
    source = PROJECT / "generated" / package / "src"
    environ = {**os.environ, "PYTHONPATH": os.pathsep.join([str(source), *sys.path])}
    done = subprocess.run(
        [sys.executable, "-m", package], capture_output=True, text=True, env=environ, timeout=60
    )
    assert done.returncode == 2
    assert f"usage: python -m {package}" in done.stderr and "RESOURCE" in done.stderr
