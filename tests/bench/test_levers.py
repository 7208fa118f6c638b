"""bench/levers.py and bench/without_lever.py: each lever is measured against a run that
really goes without it, and what a run goes without changes nothing it writes."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

import pytest

from bench import levers
from bench.corpus import PROJECT
from bench.report import levers_lines
from bench.without_lever import LEVERS

SPEC = PROJECT / "specs" / "alma-jobs" / "openapi.yaml"


def _generate(runner: list[str], output: Path, cache: Path) -> None:
    command = [sys.executable, *runner, "generate", str(SPEC), "-o", str(output)]
    env = {"PATH": "/usr/bin:/bin", "GENERATOR_CACHE": str(cache)}
    subprocess.run([*command, "--package", "alma_jobs", "-q"], env=env, check=True)


def _same_trees(left: Path, right: Path) -> bool:
    compared = filecmp.dircmp(left, right, ignore=["__pycache__"])
    if compared.left_only or compared.right_only or compared.diff_files:
        return False
    return all(_same_trees(left / name, right / name) for name in compared.common_dirs)


def test_going_without_the_faster_formatter_writes_the_same_package(tmp_path: Path) -> None:
    _generate(["-m", "generator"], tmp_path / "with", tmp_path / "cache-with")
    _generate([str(levers.WITHOUT), "formatter"], tmp_path / "without", tmp_path / "cache-without")
    made, without = tmp_path / "with" / "alma_jobs", tmp_path / "without" / "alma_jobs"
    assert _same_trees(made / "src", without / "src")
    # (the README names the folder it is in, and the record the README's hash)
    for name in ("api.md", "pyproject.toml"):
        assert (made / name).read_bytes() == (without / name).read_bytes()


@pytest.mark.parametrize("lever", sorted(LEVERS))
def test_a_lever_taken_out_is_out(lever: str) -> None:
    probe = {
        "formatter": "from generator.emit import models_codegen as m; import contextlib; "
        "assert m.faster_formatter is contextlib.nullcontext",
        "step-ahead": "from generator.step_ahead import StepAhead; "
        "s = StepAhead(lambda: None, lambda: 7); "
        "assert s.__enter__() is s and s._child is None and s.run() == 7",
    }[lever]
    code = f"from bench.without_lever import LEVERS; LEVERS[{lever!r}](); {probe}"
    subprocess.run([sys.executable, "-c", code], cwd=PROJECT, check=True)


def test_an_unknown_lever_is_refused_with_the_known_ones() -> None:
    result = subprocess.run(
        [sys.executable, str(levers.WITHOUT), "wings", "generate"], capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "formatter,step-ahead" in result.stderr


def test_the_report_says_each_lever_s_times_and_how_much_faster_it_makes_the_run() -> None:
    rows = [
        {
            "lever": "compiled templates",
            "spec": "alma-jobs",
            "without": 1.5,
            "with": 1.0,
            "runs": 3,
        },
        {"lever": "models cache", "spec": "aws-sagemaker", "without": 20.0, "with": 2.5, "runs": 2},
    ]
    table = [line for line in levers_lines(rows) if line.startswith("| ")]
    assert table[1:] == [
        "| compiled templates | alma-jobs | 1.50 s | 1.00 s | 1.50x | 3 |",
        "| models cache | aws-sagemaker | 20.00 s | 2.50 s | 8.00x | 2 |",
    ]
