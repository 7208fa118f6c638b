"""``diff`` as a Python caller of the generated client sees a change: what breaks their code."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.changes.test_diff_command import _run
from tests.conftest import SPECS

OPERATIONS = 12  # a parameter shared by many operations, as a page size often is


def _swagger(size_name: str) -> dict[str, Any]:
    """A Swagger 2.0 description: OPERATIONS GETs sharing the query parameter ``size_name``."""
    paths = {
        f"/things{i}": {
            "get": {
                "operationId": f"listThings{i}",
                "parameters": [{"$ref": "#/parameters/Size"}],
                "responses": {"200": {"description": "ok", "schema": {"type": "string"}}},
            }
        }
        for i in range(OPERATIONS)
    }
    size = {"name": size_name, "in": "query", "type": "integer", "description": "page size"}
    return {
        "swagger": "2.0",
        "info": {"title": "Things", "version": "1"},
        "host": "api.example.org",
        "produces": ["application/json"],
        "paths": paths,
        "parameters": {"Size": size},
    }


def _openapi(size_name: str) -> dict[str, Any]:
    """The same description in OpenAPI 3.0."""
    document = _swagger(size_name)
    size = document.pop("parameters")["Size"]
    schema = {"type": size.pop("type")}
    for item in document["paths"].values():
        item["get"]["parameters"] = [{"$ref": "#/components/parameters/Size"}]
        item["get"]["responses"]["200"] = {
            "description": "ok",
            "content": {"application/json": {"schema": item["get"]["responses"]["200"]["schema"]}},
        }
    del document["swagger"], document["host"], document["produces"]
    return {
        "openapi": "3.0.3",
        "servers": [{"url": "https://api.example.org"}],
        **document,
        "components": {"parameters": {"Size": {**size, "schema": schema}}},
    }


def _pair(tmp_path: Path, make: Any, old: str, new: Any) -> tuple[str, str]:
    files = []
    for side, document in (
        ("old", make(old)),
        ("new", new if isinstance(new, dict) else make(new)),
    ):
        path = tmp_path / f"{side}.yaml"
        path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
        files.append(str(path))
    return files[0], files[1]


@pytest.mark.parametrize("make", [_openapi, _swagger], ids=["openapi", "swagger2"])
def test_a_parameter_renamed_in_many_operations_is_one_rename_and_an_err(
    make: Any, tmp_path: Path
) -> None:
    old, new = _pair(tmp_path, make, "pageSize", "limit")
    result = _run(old, new, "--package", "things")
    assert result.returncode == 1, result.stdout + result.stderr  # the default --fail-on ERR
    assert result.stdout.splitlines()[0].endswith(": 1 change (1 ERR)"), result.stdout
    assert "ERR  request-parameter-renamed  GET /things0" in result.stdout
    assert "query parameter pageSize -> limit" in result.stdout
    assert "breaks: things.resources." in result.stdout
    assert "(page_size) is no longer accepted" in result.stdout
    assert "request-parameter-removed" not in result.stdout


def test_a_removed_parameter_the_client_took_is_an_err(tmp_path: Path) -> None:
    without = _openapi("pageSize")
    for item in without["paths"].values():
        item["get"]["parameters"] = []
    old, new = _pair(tmp_path, _openapi, "pageSize", without)
    result = _run(old, new, "--format", "json")
    assert result.returncode == 1, result.stdout + result.stderr
    [report] = json.loads(result.stdout)["reports"]
    removals = [c for c in report["changes"] if c["id"] == "request-parameter-removed"]
    assert len(removals) == OPERATIONS
    assert all(c["level"] == "ERR" for c in removals)  # the rule alone says WARN
    assert {c["breaks"][0].rsplit(".", 1)[1] for c in removals} == {
        f"list_things{i}(page_size)" for i in range(OPERATIONS)
    }


def test_a_renamed_parameter_with_another_type_is_not_a_rename(tmp_path: Path) -> None:
    changed = _openapi("limit")
    changed["components"]["parameters"]["Size"]["schema"] = {"type": "string"}
    old, new = _pair(tmp_path, _openapi, "pageSize", changed)
    result = _run(old, new, "--no-client")
    assert "request-parameter-renamed" not in result.stdout
    assert "request-parameter-removed" in result.stdout


def test_the_text_report_lists_each_signature_once(tmp_path: Path) -> None:
    old, new = _pair(tmp_path, _openapi, "pageSize", "limit")
    result = _run(old, new, "--package", "things")
    listed = [line for line in result.stdout.splitlines() if line.startswith("    ~ ")]
    assert len(listed) == OPERATIONS, result.stdout
    assert not [line for line in listed if ".Async" in line]
    assert f"{OPERATIONS} changed, 0 added (each also in its async twin" in result.stdout
    json_report = _run(old, new, "--package", "things", "--format", "json").stdout
    assert json_report.count('"kind": "changed"') == 2 * OPERATIONS  # json keeps every symbol


def test_client_symbols_are_named_after_the_package(tmp_path: Path) -> None:
    old, new = _pair(tmp_path, _openapi, "pageSize", "limit")
    named = _run(old, new, "--package", "things")
    assert "client API of things:" in named.stdout
    assert "new.resources" not in named.stdout and "note:" not in named.stdout
    unnamed = _run(old, new).stdout
    assert "client API of api:" in unnamed
    assert "note: client symbols are named as package 'api': pass --package NAME" in unnamed
    bad = _run(old, new, "--package", "1things")
    assert bad.returncode == 2 and bad.stderr.startswith("error: --package '1things'")


def test_a_file_in_a_systems_folder_is_named_after_its_package(tmp_path: Path) -> None:
    system = tmp_path / "specs" / "things"
    system.mkdir(parents=True)
    manifest = yaml.safe_load((SPECS / "alma-jobs" / "manifest.yaml").read_text())
    manifest = {**copy.deepcopy(manifest), "system": "things", "package": "things_client"}
    (system / "manifest.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    old, _ = _pair(tmp_path, _openapi, "pageSize", "limit")
    new = system / "source.yaml"
    new.write_text(yaml.safe_dump(_openapi("limit")), encoding="utf-8")
    result = _run(old, str(new))
    assert "client API of things_client:" in result.stdout, result.stdout + result.stderr


def _jobs() -> dict[str, Any]:
    """A small 3.1 description: two form POSTs and a JSON GET, all tagged ``jobs``."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Jobs", "version": "1"},
        "servers": [{"url": "https://api.example.org"}],
        "paths": {
            "/jobs": {
                "post": {
                    "operationId": "createJob",
                    "tags": ["jobs"],
                    "requestBody": {
                        "content": {
                            "application/x-www-form-urlencoded": {
                                "schema": {"$ref": "#/components/schemas/JobForm"}
                            }
                        }
                    },
                    "responses": {"204": {"description": "created"}},
                },
            },
            "/uploads": {
                "post": {
                    "operationId": "upload",
                    "tags": ["jobs"],
                    "requestBody": {
                        "content": {
                            "multipart/form-data": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "file": {"type": "string", "format": "binary"},
                                        "note": {"type": "string"},
                                    },
                                }
                            }
                        }
                    },
                    "responses": {"204": {"description": "stored"}},
                }
            },
            "/jobs/{id}": {
                "get": {
                    "operationId": "getJob",
                    "tags": ["jobs"],
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                    "responses": {
                        "200": {
                            "description": "the job",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Job"}}
                            },
                        }
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "JobForm": {
                    "type": "object",
                    "properties": {"name": {"type": "string"}, "colour": {"type": "string"}},
                },
                "Job": {
                    "type": "object",
                    "properties": {"id": {"type": "string"}, "colour": {"type": "string"}},
                },
            }
        },
    }


def _diff(tmp_path: Path, old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    files = []
    for side, document in (("old", old), ("new", new)):
        path = tmp_path / f"{side}.yaml"
        path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
        files.append(str(path))
    result = _run(*files, "--package", "jobs", "--format", "json")
    [report] = json.loads(result.stdout)["reports"]
    return {"code": result.returncode, "changes": report["changes"]}


def _only(report: dict[str, Any], rule: str) -> dict[str, Any]:
    [change] = [c for c in report["changes"] if c["id"] == rule]
    return change


def test_a_new_operation_id_that_renames_the_method_is_an_err(tmp_path: Path) -> None:
    renamed = _jobs()
    renamed["paths"]["/jobs/{id}"]["get"]["operationId"] = "fetchJob"
    report = _diff(tmp_path, _jobs(), renamed)
    change = _only(report, "api-operation-id-removed")
    assert change["level"] == "ERR"  # the rule alone says WARN
    assert change["breaks"] == ["jobs.resources.JobsResource.get_job"]
    assert report["code"] == 1


def test_a_new_operation_id_that_keeps_the_method_name_stays_a_warning(tmp_path: Path) -> None:
    respelled = _jobs()
    respelled["paths"]["/jobs/{id}"]["get"]["operationId"] = "get_job"  # still get_job()
    report = _diff(tmp_path, _jobs(), respelled)
    change = _only(report, "api-operation-id-removed")
    assert (change["level"], change["breaks"]) == ("WARN", [])
    assert report["code"] == 0


def test_a_new_first_tag_moves_the_method_to_another_resource_and_is_an_err(
    tmp_path: Path,
) -> None:
    moved = _jobs()
    moved["paths"]["/jobs/{id}"]["get"]["tags"] = ["archive"]
    report = _diff(tmp_path, _jobs(), moved)
    assert {c["id"]: c["level"] for c in report["changes"]} == {
        "api-tag-removed": "ERR",
        "api-tag-added": "ERR",
    }
    assert _only(report, "api-tag-removed")["breaks"] == ["jobs.resources.JobsResource.get_job"]


@pytest.mark.parametrize("where", ["component", "operation"])
def test_a_form_field_removed_is_a_keyword_the_method_no_longer_accepts(
    tmp_path: Path, where: str
) -> None:
    trimmed = _jobs()
    if where == "component":
        del trimmed["components"]["schemas"]["JobForm"]["properties"]["colour"]
        method, keyword = "create_job", "colour"
    else:
        form = trimmed["paths"]["/uploads"]["post"]["requestBody"]["content"]
        del form["multipart/form-data"]["schema"]["properties"]["note"]
        method, keyword = "upload", "note"
    report = _diff(tmp_path, _jobs(), trimmed)
    change = _only(report, "request-property-removed")
    assert change["level"] == "ERR"  # the rule alone says WARN
    assert f"jobs.resources.JobsResource.{method}({keyword})" in change["breaks"]


def test_a_model_field_removed_is_an_err_naming_the_field(tmp_path: Path) -> None:
    trimmed = _jobs()
    del trimmed["components"]["schemas"]["Job"]["properties"]["colour"]
    report = _diff(tmp_path, _jobs(), trimmed)
    change = _only(report, "response-optional-property-removed")
    assert (change["level"], change["breaks"]) == ("ERR", ["jobs.models.Job.colour"])
    text = _run(*(str(tmp_path / f"{s}.yaml") for s in ("old", "new")), "--package", "jobs")
    assert "breaks: jobs.models.Job.colour is gone" in text.stdout


def test_an_operation_under_additional_operations_is_compared(tmp_path: Path) -> None:
    def described(summary: str, required: bool) -> dict[str, Any]:
        document = _jobs()
        document["openapi"] = "3.2.0"
        document["paths"]["/jobs/{id}"]["additionalOperations"] = {
            "COPY": {
                "operationId": "copyJob",
                "summary": summary,
                "parameters": [
                    {
                        "name": "target",
                        "in": "query",
                        "required": required,
                        "schema": {"type": "string"},
                    }
                ],
                "responses": {"204": {"description": "copied"}},
            }
        }
        return document

    report = _diff(tmp_path, described("Copy", False), described("Copy it", True))
    change = _only(report, "request-parameter-became-required")
    assert change["operation"] == "COPY /jobs/{id}"
    assert change["pointer"] == "/paths/~1jobs~1{id}/additionalOperations/COPY/parameters/0"
    without = described("Copy", False)
    del without["paths"]["/jobs/{id}"]["additionalOperations"]
    removed = _diff(tmp_path, described("Copy", False), without)
    assert [c["operation"] for c in removed["changes"]] == ["COPY /jobs/{id}"]
