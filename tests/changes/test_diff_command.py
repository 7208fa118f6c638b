"""``python -m generator diff`` as a user runs it: inputs of every kind, outputs, exit codes."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from tests.conftest import PROJECT, SPECS

ALMA = SPECS / "alma-jobs" / "openapi.yaml"

SWAGGER = {
    "swagger": "2.0",
    "info": {"title": "Things", "version": "1"},
    "host": "api.example.org",
    "schemes": ["https"],
    "basePath": "/v1",
    "paths": {
        "/things": {
            "get": {
                "operationId": "listThings",
                "produces": ["application/json"],
                "parameters": [
                    {"name": "limit", "in": "query", "type": "integer", "maximum": 100},
                    {"name": "kind", "in": "query", "type": "string", "enum": ["a", "b"]},
                ],
                "responses": {
                    "200": {"description": "things", "schema": {"$ref": "#/definitions/Things"}}
                },
            }
        }
    },
    "definitions": {
        "Things": {
            "type": "object",
            "required": ["items"],
            "properties": {
                "items": {"type": "array", "items": {"$ref": "#/definitions/Thing"}},
            },
        },
        "Thing": {
            "type": "object",
            "properties": {"id": {"type": "string"}, "size": {"type": "integer"}},
        },
    },
}

OPENAPI_30 = {
    "openapi": "3.0.3",
    "info": {"title": "Things", "version": "1"},
    "servers": [{"url": "https://api.example.org/v1"}],
    "paths": {
        "/things": {
            "get": {
                "operationId": "listThings",
                "parameters": [
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 100}},
                    {
                        "name": "kind",
                        "in": "query",
                        "schema": {"type": "string", "enum": ["a", "b"]},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "things",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Things"}}
                        },
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Things": {
                "type": "object",
                "required": ["items"],
                "properties": {
                    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}
                },
            },
            "Thing": {
                "type": "object",
                "properties": {"id": {"type": "string"}, "size": {"type": "integer"}},
            },
        }
    },
}


def _run(*arguments: str, cwd: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    """``python -m generator diff ...`` run in this process, as ``__main__`` runs it (an
    interpreter per call would cost more than the diff); ``_process`` runs the real one."""
    stdout, stderr = io.StringIO(), io.StringIO()
    here = Path.cwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                code = main(["diff", *arguments])
            except SystemExit as exit:  # argparse's usage errors
                code = int(exit.code or 0)
    finally:
        os.chdir(here)
    return subprocess.CompletedProcess(arguments, code, stdout.getvalue(), stderr.getvalue())


def _process(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "diff", *arguments],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=120,
    )


def _write(path: Path, data: object) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def _alma_changed(tmp_path: Path) -> Path:
    spec = yaml.safe_load(ALMA.read_text(encoding="utf-8"))
    parameters = spec["paths"]["/conf/jobs"]["get"]["parameters"]
    kind = next(p for p in parameters if p["name"] == "type")
    kind["schema"]["enum"].remove("OTHER")
    return _write(tmp_path / "alma.yaml", spec)


def test_the_same_api_in_swagger_2_and_openapi_3_has_no_changes(tmp_path: Path) -> None:
    old = _write(tmp_path / "swagger.yaml", SWAGGER)
    new = _write(tmp_path / "openapi.yaml", OPENAPI_30)
    result = _run(str(old), str(new), "--no-client")
    assert result.returncode == 0, result.stderr
    assert "no changes" in result.stdout


def test_a_breaking_change_fails_by_default_and_names_rule_place_and_line(tmp_path: Path) -> None:
    old = _write(tmp_path / "old.yaml", OPENAPI_30)
    changed = json.loads(json.dumps(OPENAPI_30))
    changed["paths"]["/things"]["get"]["parameters"][0]["schema"]["maximum"] = 50
    new = _write(tmp_path / "new.yaml", changed)
    result = _run(str(old), str(new), "--no-client")
    assert result.returncode == 1
    assert "ERR  request-parameter-max-decreased  GET /things" in result.stdout
    assert "query parameter limit: maximum 100 -> 50" in result.stdout
    line = next(
        n for n, text in enumerate(new.read_text().splitlines(), 1) if text.strip() == "maximum: 50"
    )
    # The pointer is the schema; its first line is the one before `maximum` (`type:`).
    assert f"new.yaml:{line - 1} #/paths/~1things/get/parameters/0/schema" in result.stdout


@pytest.mark.parametrize(
    ("fail_on", "expected"), [("ERR", 0), ("WARN", 1), ("INFO", 1), ("never", 0)]
)
def test_fail_on_sets_the_level_that_fails(tmp_path: Path, fail_on: str, expected: int) -> None:
    old = _write(tmp_path / "old.yaml", OPENAPI_30)
    changed = json.loads(json.dumps(OPENAPI_30))
    thing = changed["components"]["schemas"]["Thing"]
    thing["properties"]["size"]["maximum"] = 10  # response: tighter is INFO
    del thing["properties"]["id"]  # an optional response property removed: WARN
    new = _write(tmp_path / "new.yaml", changed)
    result = _run(str(old), str(new), "--no-client", "--fail-on", fail_on)
    assert result.returncode == expected, result.stdout


def test_client_impact_names_symbols_and_compares_the_public_api(tmp_path: Path) -> None:
    result = _run("alma-jobs", str(_alma_changed(tmp_path)), "--format", "json")
    assert result.returncode == 1
    [report] = json.loads(result.stdout)["reports"]
    [change] = report["changes"]
    assert change["id"] == "request-parameter-enum-value-removed"
    assert change["level"] == "ERR"
    assert change["symbols"] == ["alma_jobs.resources.JobsResource.get_jobs(type)"]
    changed = {c["symbol"]: c for c in report["client"]["changes"]}
    signature = changed["alma_jobs.resources.JobsResource.get_jobs"]
    assert "'OTHER'" in signature["before"] and "'OTHER'" not in signature["after"]
    assert signature["kind"] == "changed"
    assert "alma_jobs.resources.AsyncJobsResource.get_jobs" in changed


def test_json_output_has_the_documented_shape(tmp_path: Path) -> None:
    result = _run("alma-jobs", str(_alma_changed(tmp_path)), "--format", "json", "--no-client")
    document = json.loads(result.stdout)
    assert document["schema"] == "generator-changes/1"
    [report] = document["reports"]
    assert set(report) == {"title", "old", "new", "summary", "changes", "client", "known", "notes"}
    assert report["summary"] == {"ERR": 1, "WARN": 0, "INFO": 0}
    [change] = report["changes"]
    assert set(change) == {
        "id",
        "level",
        "operation",
        "message",
        "pointer",
        "side",
        "file",
        "line",
        "file_pointer",
        "symbols",
        "breaks",
    }
    assert change["operation"] == "GET /conf/jobs"
    assert report["client"] is None


def test_markdown_and_github_outputs(tmp_path: Path) -> None:
    changed = str(_alma_changed(tmp_path))
    markdown = _run("alma-jobs", changed, "--format", "markdown").stdout
    assert "| Level | Rule | Operation | Change | Where | Client symbol |" in markdown
    assert "| 🔴 ERR | `request-parameter-enum-value-removed` | `GET /conf/jobs` |" in markdown
    assert "<details><summary>Client API of <code>alma_jobs</code>" in markdown
    github = _run("alma-jobs", changed, "--format", "github", "--no-client").stdout
    [line] = github.splitlines()
    assert line.startswith("::error file=")
    assert "alma.yaml,line=" in line
    assert "title=request-parameter-enum-value-removed::GET /conf/jobs" in line


def test_report_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = _run("alma-jobs", "alma-jobs", "--format", "markdown", "-o", str(out))
    assert result.returncode == 0 and result.stdout == ""
    assert "**no changes**" in out.read_text(encoding="utf-8")


def _git(repository: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *arguments],
        cwd=repository,
        check=True,
        capture_output=True,
    )


def test_a_file_at_a_git_revision_with_its_referenced_files(tmp_path: Path) -> None:
    repository = tmp_path / "repo"
    (repository / "api" / "schemas").mkdir(parents=True)
    spec = json.loads(json.dumps(OPENAPI_30))
    spec["components"]["schemas"]["Thing"] = {"$ref": "schemas/thing.yaml"}
    _write(repository / "api" / "openapi.yaml", spec)
    thing = OPENAPI_30["components"]["schemas"]["Thing"]
    _write(repository / "api" / "schemas" / "thing.yaml", thing)
    _git(repository, "init", "-q")
    _git(repository, "add", ".")
    _git(repository, "commit", "-qm", "one")
    changed = json.loads(json.dumps(thing))
    changed["properties"]["size"]["type"] = "string"
    _write(repository / "api" / "schemas" / "thing.yaml", changed)
    _git(repository, "commit", "-qam", "two")

    result = _run("api/openapi.yaml@HEAD~1", "api/openapi.yaml@HEAD", "--no-client", cwd=repository)
    assert result.returncode == 1, result.stderr
    assert "response-property-type-changed" in result.stdout
    assert "api/openapi.yaml@HEAD~1 -> api/openapi.yaml@HEAD" in result.stdout

    unknown = _run("api/openapi.yaml@nope", "api/openapi.yaml", cwd=repository)
    assert unknown.returncode == 2
    assert unknown.stderr.count("\n") == 1 and "Traceback" not in unknown.stderr
    assert "nope" in unknown.stderr


def test_a_system_at_a_revision() -> None:
    result = _run("alma-jobs@HEAD", "alma-jobs", "--no-client")
    assert result.returncode == 0, result.stderr
    assert "alma-jobs@HEAD -> alma-jobs: no changes" in result.stdout


@pytest.mark.parametrize(
    "arguments",
    [
        ("no-such-file.yaml", "alma-jobs"),
        ("alma-jobs",),
        ("alma-jobs", "alma-jobs", "--format", "x"),
    ],
)
def test_load_and_usage_errors_exit_2(arguments: tuple[str, ...]) -> None:
    result = _run(*arguments)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_a_broken_description_is_one_line_naming_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a: {get: [}\n")
    result = _process(str(broken), "alma-jobs")  # the real command: one line, no traceback
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "broken.yaml" in result.stderr
    assert result.stderr.count("\n") == 1


def test_list_rules_prints_the_catalogue() -> None:
    result = _run("--list-rules")
    lines = result.stdout.splitlines()
    assert result.returncode == 0 and len(lines) >= 80
    assert any(line.split()[:2] == ["ERR", "request-property-enum-value-removed"] for line in lines)
