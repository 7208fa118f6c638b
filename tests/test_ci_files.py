"""The files users copy into their CI: the workflow, the pre-commit hooks, the make targets."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import PROJECT

WORKFLOW = PROJECT / ".github" / "workflows" / "api-checks.yml"
PRE_COMMIT = PROJECT / ".pre-commit-config.yaml"


def _make(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--silent", "--no-print-directory", *arguments],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=600,
    )


def _commands(path: Path) -> list[str]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    if path == PRE_COMMIT:
        return [hook["entry"] for repo in document["repos"] for hook in repo["hooks"]]
    return [
        step["run"] for job in document["jobs"].values() for step in job["steps"] if "run" in step
    ]


def test_every_make_target_the_ci_files_use_exists() -> None:
    targets = set()
    for path in (WORKFLOW, PRE_COMMIT):
        for command in _commands(path):
            targets |= set(re.findall(r"\bmake (?:--silent )?([a-z]+)", command))
    assert targets >= {"check", "diff", "drift", "venv"}
    for target in targets:
        assert _make("-n", target, "BASE=HEAD").returncode == 0, target


def test_the_workflow_runs_check_diff_and_drift() -> None:
    commands = "\n".join(_commands(WORKFLOW))
    assert "make check" in commands
    assert "DIFF_FORMAT=github" in commands and "DIFF_FORMAT=markdown" in commands
    assert "FAIL_ON=ERR" in commands
    assert "make drift UPSTREAM_ROOT=upstream" in commands


def test_the_diff_report_the_workflow_posts() -> None:
    # With this interpreter, which has the toolkit: the target's own set-up of .venv (a pip
    # install, 30 s when .venv is not there yet) is not what is tested here.
    interpreter = f"BIN={Path(sys.executable).parent}"
    result = _make(
        "diff", interpreter, "VENV_STAMP=", "BASE=HEAD", "DIFF_FORMAT=markdown", "FAIL_ON=ERR"
    )
    assert result.returncode == 0, result.stderr
    systems = sorted(p.parent.name for p in (PROJECT / "specs").glob("*/openapi.yaml"))
    for system in systems:
        assert f"### {system}@HEAD -> {system}" in result.stdout
    assert result.stdout.count("**no changes**") == len(systems)
