"""What a package's command line declares (generator/emit/cli_commands.py): option names,
which arguments it asks for, the waiter a call starts, the environment variables."""

from __future__ import annotations

from ast import literal_eval as literal  # what the template prints
from typing import Any

import yaml

from generator.client.client_model import Package
from generator.client.client_model_build import build_package
from generator.emit import cli_commands
from generator.emit.models_codegen import generate_models
from tests.conftest import SPECS


def _package(paths: dict[str, Any], schemas: dict[str, Any] | None = None) -> Package:
    document = {
        "openapi": "3.1.0",
        "info": {"title": "Things", "version": "1"},
        "servers": [{"url": "https://things.test"}],
        "paths": paths,
        "components": {"schemas": schemas or {}},
    }
    models = generate_models(document, package="things")
    return build_package(document, package="things", class_names=models.class_names)


def _query(name: str, schema: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"name": name, "in": "query", "schema": schema, **extra}


def test_options_are_kebab_case_and_never_take_the_command_lines_own_names() -> None:
    package = _package(
        {
            "/things/{thingId}": {
                "get": {
                    "operationId": "getThing",
                    "tags": ["things"],
                    "parameters": [
                        {"name": "thingId", "in": "path", "required": True, "schema": {}},
                        _query("pageSize", {"type": "integer"}),
                        _query("data", {"type": "string"}),  # the body's option
                        _query("wait", {"type": "boolean"}),
                        _query("tags", {"type": "array", "items": {"type": "string"}}),
                        _query("mode", {"enum": ["fast", "slow"]}),
                        _query("op", {"enum": ["run"]}, required=True),  # fixed: never asked
                    ],
                    "responses": {"204": {"description": "ok"}},
                }
            }
        }
    )
    (operation,) = package.resources[0].operations
    found = {a.keyword: a for a in cli_commands.arguments(operation)}
    assert found["thing_id"].option is None  # a path parameter is positional
    options = {k: literal(a.option) for k, a in found.items() if a.option}
    assert options["page_size"] == "--page-size"
    assert (options["data"], options["wait"]) == ("--query-data", "--query-wait")
    assert found["tags"].repeated and found["tags"].annotation == "str"
    assert literal(found["mode"].choices) == ("fast", "slow")
    assert "op" not in found


def test_a_call_that_starts_a_job_waits_with_the_waiter_when_its_answer_names_the_job() -> None:
    job = {
        "type": "object",
        "properties": {"id": {"type": "string"}, "status": {"type": "string"}},
        "x-job": {
            "status": "/status",
            "success": ["DONE"],
            "failure": ["FAILED"],
            "id-field": "/id",
            "read": {"operation": "getJob", "parameter": "jobId"},
            "started-by": ["startJob", "startOther"],
        },
    }
    answer = {
        "200": {
            "description": "the job",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Job"}}},
        }
    }
    shelf = {"name": "shelf", "in": "path", "required": True, "schema": {"type": "string"}}
    job_id = {"name": "jobId", "in": "path", "required": True, "schema": {"type": "string"}}
    package = _package(
        {
            "/shelves/{shelf}/jobs/{jobId}": {
                "get": {
                    "operationId": "getJob",
                    "tags": ["jobs"],
                    "parameters": [shelf, job_id],
                    "responses": answer,
                }
            },
            "/shelves/{shelf}/jobs": {
                "post": {
                    "operationId": "startJob",
                    "tags": ["jobs"],
                    "parameters": [shelf],
                    "responses": answer,
                }
            },
            "/jobs": {
                # it does not know the shelf the waiter needs: no --wait
                "post": {"operationId": "startOther", "tags": ["jobs"], "responses": answer}
            },
        },
        {"Job": job},
    )
    operations = {o.method_name: o for o in package.resources[0].operations}
    wait = cli_commands.wait(package, operations["start_job"])
    assert wait is not None
    assert (wait.method, literal(wait.forwarded), literal(wait.job_id)) == (
        "wait_for_job",
        ("shelf",),
        "/id",
    )
    assert cli_commands.wait(package, operations["start_other"]) is None
    assert cli_commands.wait(package, operations["get_job"]) is None


def test_each_client_keyword_has_an_upper_snake_variable_of_the_package() -> None:
    package = _package({})
    assert cli_commands.environment_variable(package, "api_key") == "THINGS_API_KEY"
    assert cli_commands.environment_variable(package, "id_") == "THINGS_ID"
    assert cli_commands.environment_variable(package, "base_url") == "THINGS_BASE_URL"


def test_alma_waits_for_the_run_its_answer_links_to() -> None:
    document = yaml.safe_load((SPECS / "alma-jobs" / "openapi.yaml").read_text())
    models = generate_models(document, package="alma_jobs")
    package = build_package(document, package="alma_jobs", class_names=models.class_names)
    run_job = next(o for r in package.resources for o in r.operations if o.method_name == "run_job")
    wait = cli_commands.wait(package, run_job)
    assert wait is not None and wait.link
    assert (wait.resource, wait.method) == ("instances", "wait_for_job_instance")
    assert (literal(wait.forwarded), literal(wait.job_id)) == (("job_id",), "/additional_info/link")
