"""The intermediate model of each system's client: what a user will call."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
import yaml

from generator.client.client_model import LoginEndpoint, Package, Scheme
from generator.client.client_model_build import build_package
from generator.client.type_refs import INT, STR, Model
from generator.emit.models_codegen import generate_models
from generator.shared.errors import SpecError
from tests.conftest import SPECS


@cache
def _package(system: str) -> Package:
    document: dict[str, Any] = yaml.safe_load((SPECS / system / "openapi.yaml").read_text())
    package = system.replace("-", "_")
    models = generate_models(document, package=package)
    return build_package(document, package=package, class_names=models.class_names)


def _calls(package: Package) -> dict[str, list[str]]:
    return {r.attribute: [o.method_name for o in r.operations] for r in package.resources}


def test_data_export_spring_calls_pagination_and_waiter() -> None:
    package = _package("folio-data-export-spring")
    assert package.auth.kind == "login"
    assert _calls(package) == {
        "jobs": [
            "download_exported_file_by_job_id",
            "get_job_by_id",
            "get_jobs",
            "resend_exported_file",
            "send_job",
            "upsert_job",
        ]
    }
    jobs = package.resources[0]
    get_jobs = next(o for o in jobs.operations if o.method_name == "get_jobs")
    assert get_jobs.pagination is not None and get_jobs.pagination.method_name == "iter_jobs"
    # the item type is read from the page's model, by schema (not by its printed class name)
    assert get_jobs.pagination.item_annotation == Model("Job", "Job")
    download = next(o for o in jobs.operations if o.streamed)
    assert [p.python_name for p in download.parameters] == ["id", "key"]
    (waiter,) = jobs.waiters
    assert waiter.method_name == "wait_for_job" and waiter.read_method == "get_job_by_id"
    assert waiter.success == ("SUCCESSFUL",) and waiter.failure == ("FAILED",)
    assert dict(next(o for o in jobs.operations if o.method_name == "get_job_by_id").errors)[
        "404"
    ] == Model("Errors", "Errors")


def test_alma_offers_json_and_xml_and_a_region_variable() -> None:
    package = _package("alma-jobs")
    assert package.auth.kind == "apikey" and package.auth.schemes[0].header == "Authorization"
    assert [v.python_name for v in package.server_variables] == ["region"]
    run = next(o for r in package.resources for o in r.operations if o.method_name == "run_job")
    assert run.body is not None and run.body.also_xml and run.body.xml_root == "job"
    instances = next(r for r in package.resources if r.attribute == "instances")
    (waiter,) = instances.waiters
    assert [p.python_name for p in waiter.id_parameters] == ["job_id", "instance_id"]
    assert waiter.finished_when_set == "/end_time"


def test_liquid_decisions_form_multipart_and_oauth2() -> None:
    package = _package("liquid-decisions-batch")
    assert package.auth.kind == "oauth2_password"
    batch = next(r for r in package.resources if r.attribute == "batch")
    importing = next(o for o in batch.operations if o.method_name == "import_batch")
    assert importing.body is not None and importing.body.kind == "multipart"
    files = [p.python_name for p in importing.body.parameters if p.is_file]
    assert files == ["file", "template"]
    status = next(o for o in batch.operations if o.method_name == "get_batch_status")
    assert status.body is not None and status.body.kind == "form"


def test_harvester_waits_by_listing_with_a_query() -> None:
    package = _package("folio-erm-usage-harvester")
    jobs = next(r for r in package.resources if r.attribute == "jobs")
    (waiter,) = jobs.waiters
    assert waiter.method_name == "wait_for_job" and waiter.read_method == "get_jobs"
    assert waiter.items == "/jobInfos"
    # the template's text as literals, the id escaped by CQL's rules: no f-string from the spec
    assert waiter.read_arguments == (("query", "'id==\"' + _query.cql_string(id_) + '\"'"),)
    assert waiter.id_field == "/id"


@pytest.mark.parametrize("system", ["folio-orders-storage"])
def test_a_job_without_a_read_call_gets_no_waiter(system: str) -> None:
    assert all(not r.waiters for r in _package(system).resources)


def test_each_json_webhook_gets_a_parser_with_a_unique_name() -> None:
    def hook(media: str, schema: dict[str, Any]) -> dict[str, Any]:
        return {"post": {"summary": "s", "requestBody": {"content": {media: {"schema": schema}}}}}

    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "webhooks": {
            "issue-opened": hook("application/json", {"$ref": "#/components/schemas/Issue"}),
            "issue_opened": hook("application/vnd.x+json", {"type": "integer"}),
            "by-reference": {"$ref": "#/components/pathItems/Shared"},
            "form": hook("application/x-www-form-urlencoded", {"type": "object"}),
            "no-body": {"post": {"summary": "nothing sent"}},
        },
        "components": {
            "schemas": {"Issue": {"type": "object"}},
            "pathItems": {"Shared": hook("application/json", {"type": "string"})},
        },
    }
    package = build_package(document, package="p", class_names={"Issue": "IssueEvent"})
    assert [(w.name, w.function_name, w.annotation) for w in package.webhooks] == [
        ("issue-opened", "parse_issue_opened", Model("Issue", "IssueEvent")),
        ("issue_opened", "parse_issue_opened_2", INT),
        ("by-reference", "parse_by_reference", STR),
    ]


def _one_parameter(schema: dict[str, Any], required: bool = True) -> str | None:
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/a": {
                "get": {
                    "operationId": "getA",
                    "parameters": [
                        {"name": "op", "in": "query", "required": required, "schema": schema}
                    ],
                    "responses": {"204": {"description": "none"}},
                }
            }
        },
        "components": {"schemas": {"Run": {"type": "string", "enum": ["run"]}}},
    }
    package = build_package(document, package="t", class_names={"Run": "Run"})
    return package.resources[0].operations[0].parameters[0].fixed


@pytest.mark.parametrize(
    ("schema", "fixed"),
    [
        ({"type": "string", "enum": ["run"]}, "'run'"),
        ({"const": 3}, "3"),
        ({"const": True}, "True"),
        ({"$ref": "#/components/schemas/Run"}, "'run'"),
        ({"type": "string", "enum": ["run", "stop"]}, None),
        ({"enum": [None]}, None),
        ({"const": {"a": 1}}, None),
        ({"type": "string"}, None),
    ],
)
def test_a_required_parameter_with_one_allowed_value_is_fixed(
    schema: dict[str, Any], fixed: str | None
) -> None:
    assert _one_parameter(schema) == fixed


def _parameter_annotation(schema: dict[str, Any]) -> str:
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/a": {
                "get": {
                    "operationId": "getA",
                    "parameters": [{"name": "q", "in": "query", "schema": schema}],
                    "responses": {"204": {"description": "none"}},
                }
            }
        },
    }
    package = build_package(document, package="t", class_names={})
    return str(package.resources[0].operations[0].parameters[0].annotation)


@pytest.mark.parametrize(
    ("schema", "annotation"),
    [
        ({"type": "string", "enum": []}, "str"),  # was `Literal[]`, which ruff cannot read
        ({"type": "integer", "enum": []}, "int"),
        ({"type": "array", "items": {"type": "string", "enum": []}}, "list[str]"),
        ({"type": "string", "enum": ["a"]}, "Literal['a']"),
        # `null` is None (it was JsonValue), and last: `str | None | JsonValue` failed RUF036
        ({"anyOf": [{"type": ["string", "null"]}, {"type": "null"}, {}]}, "str | JsonValue | None"),
    ],
)
def test_an_empty_enum_is_its_declared_type_as_in_the_models(
    schema: dict[str, Any], annotation: str
) -> None:
    assert _parameter_annotation(schema) == annotation


def test_a_parameter_of_a_union_that_holds_itself_is_its_model_not_a_recursion() -> None:
    # `A: oneOf [A, string]` as a parameter: expanding the named scalar never ended
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/a": {
                "get": {
                    "operationId": "getA",
                    "parameters": [
                        {"name": "q", "in": "query", "schema": {"$ref": "#/components/schemas/A"}}
                    ],
                    "responses": {"204": {"description": "none"}},
                }
            }
        },
        "components": {
            "schemas": {
                "A": {"oneOf": [{"$ref": "#/components/schemas/A"}, False, {"type": "string"}]}
            }
        },
    }
    package = build_package(document, package="t", class_names={"A": "A"})
    annotation = package.resources[0].operations[0].parameters[0].annotation
    assert str(annotation) == "models.A | str"


def test_an_optional_parameter_with_one_value_stays_the_callers_choice() -> None:
    # sending it or not is the choice: filling it in would change what the call sends
    assert _one_parameter({"type": "string", "enum": ["run"]}, required=False) is None


def test_alma_run_job_sends_op_itself() -> None:
    jobs = next(r for r in _package("alma-jobs").resources if r.attribute == "jobs")
    run = next(o for o in jobs.operations if o.method_name == "run_job")
    assert [(p.name, p.fixed) for p in run.parameters if p.fixed] == [("op", "'run'")]


def test_a_schema_without_a_model_class_is_an_error_naming_it() -> None:
    # class names are datamodel-code-generator's, decided once: no second guess at a name
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/a": {
                "get": {
                    "operationId": "getA",
                    "responses": {
                        "200": {
                            "description": "a",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/A"}}
                            },
                        }
                    },
                }
            }
        },
        "components": {"schemas": {"A": {"type": "object"}}},
    }
    with pytest.raises(SpecError, match="no model class for schema 'A'") as raised:
        build_package(document, package="t", class_names={})
    assert raised.value.pointer == "/components/schemas/A"


def _auth(schemes: dict[str, Any]) -> Scheme:
    """The one scheme a client of ``schemes`` sends."""
    document = {"openapi": "3.1.0", "paths": {}, "components": {"securitySchemes": schemes}}
    (scheme,) = build_package(document, package="p", class_names={}).auth.schemes
    return scheme


_LOGIN_ARGUMENTS = (("token", "token"), ("username", "username"), ("password", "password"))


def test_a_login_comes_from_x_login_and_never_from_a_header_name() -> None:
    tenant = {"type": "apiKey", "in": "header", "name": "X-Org", "x-example": "acme"}
    login = {
        "tenant-scheme": "org",
        "endpoints": [
            {"path": "/v2/login", "token-cookie": "session"},
            {"path": "/v1/login", "token-header": "x-token", "token-field": "token"},
        ],
    }
    token = {"type": "apiKey", "in": "header", "name": "X-Token", "x-login": login}
    auth = _auth({"org": tenant, "token": token})
    assert auth == Scheme(
        name="token",
        kind="login",
        arguments=(("tenant", "tenant"), *_LOGIN_ARGUMENTS),
        header="X-Token",
        endpoints=(
            LoginEndpoint("/v2/login", token_cookie="session"),
            LoginEndpoint("/v1/login", token_header="x-token", token_field="token"),
        ),
        tenant_header="X-Org",
        tenant_example="acme",
    )
    # FOLIO's header names without x-login are API keys like any other: no vendor is guessed
    okapi = {"type": "apiKey", "in": "header", "name": "X-Okapi-Token"}
    assert _auth({"token": okapi}) == Scheme(
        "token", "apikey", (("api_key", "api_key"),), header="X-Okapi-Token"
    )
    # a login without a tenant
    assert _auth({"token": {**token, "x-login": {"endpoints": login["endpoints"][:1]}}}) == Scheme(
        "token", "login", _LOGIN_ARGUMENTS, header="X-Token", endpoints=auth.endpoints[:1]
    )


def test_a_malformed_x_login_is_a_spec_error() -> None:
    login = {"tenant-scheme": "nothing", "endpoints": [{"path": "/login", "token-field": "t"}]}
    token = {"type": "apiKey", "in": "header", "name": "X-Token", "x-login": login}
    with pytest.raises(SpecError, match="tenant-scheme 'nothing'"):
        _auth({"token": token})
    for endpoints in ([], [{"path": "/login"}], ["/login"], None):
        with pytest.raises(SpecError, match="x-login needs endpoints"):
            _auth({"token": {**token, "x-login": {"endpoints": endpoints}}})


_TICK = {"$ref": "#/components/schemas/Tick"}


def _event_stream(media: dict[str, Any], also: dict[str, Any] | None = None) -> Any:
    content = {"text/event-stream": media, **(also or {})}
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/ticks": {
                "get": {
                    "operationId": "streamTicks",
                    "responses": {"200": {"description": "ticks", "content": content}},
                }
            }
        },
        "components": {
            "schemas": {
                "Tick": {"type": "object", "properties": {"n": {"type": "integer"}}},
                "TickEvent": {
                    "type": "object",
                    "properties": {"event": {"type": "string"}, "data": _TICK},
                },
            }
        },
    }
    package = build_package(document, package="t", class_names={"Tick": "Tick", "TickEvent": "E"})
    return package.resources[0].operations[0]


@pytest.mark.parametrize(
    ("media", "data"),
    [
        # 3.2's itemSchema (x-item-schema where the document is 3.1) describes each event
        ({"x-item-schema": {"type": "object", "properties": {"data": _TICK}}}, "Tick"),
        (
            {
                "itemSchema": {
                    "properties": {
                        "event": {"const": "tick"},
                        "data": {
                            "type": "string",
                            "contentMediaType": "application/json",
                            "contentSchema": _TICK,
                        },
                    }
                },
                "schema": {"type": "string"},
            },
            "Tick",
        ),
        ({"x-item-schema": {"$ref": "#/components/schemas/TickEvent"}}, "Tick"),
        ({"x-item-schema": {"properties": {"data": {"type": "string"}}}}, "str"),
        ({"x-item-schema": {"properties": {"event": {"type": "string"}}}}, "str"),
        # a schema that is no event's is the data's (3.1's usual reading of `schema`)
        ({"schema": _TICK}, "Tick"),
        ({"x-item-schema": _TICK}, "Tick"),
        ({"schema": {"type": "array", "items": {"type": "integer"}}}, "list[int]"),
        ({"schema": {"type": "string"}}, "str"),
        ({"schema": {}}, "str"),
        ({}, "str"),
    ],
)
def test_an_event_stream_answers_events_typed_by_their_data(
    media: dict[str, Any], data: str
) -> None:
    operation = _event_stream(media)
    assert operation.events and operation.streamed
    (response,) = operation.responses
    assert response.kind == "events"
    assert str(operation.return_annotation).removeprefix("models.") == data
    assert response.model == (None if data == "str" else operation.return_annotation)


def test_json_offered_beside_events_is_still_chosen() -> None:
    operation = _event_stream({"schema": _TICK}, {"application/json": {"schema": _TICK}})
    assert not operation.events and operation.responses[0].kind == "json"


@pytest.mark.parametrize("reference", ["#/components/schemas/Nope", "other.yaml#/Tick"])
def test_an_event_schema_reference_that_leads_nowhere_is_a_spec_error(reference: str) -> None:
    # x-item-schema is an extension: the bundler does not check what it refers to
    with pytest.raises(SpecError, match="leads nowhere"):
        _event_stream({"x-item-schema": {"properties": {"data": {"$ref": reference}}}})


def test_a_request_body_referring_to_a_false_schema_builds() -> None:
    # found by the schema-shape property test: the inline-body check read a bool as a mapping
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/M"}}}}
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/a": {"post": {"operationId": "postA", "requestBody": body, "responses": {}}}},
        "components": {"schemas": {"M": False}},
    }
    package = build_package(document, package="t", class_names={"M": "M"})
    (operation,) = package.resources[0].operations
    assert operation.body is not None and operation.body.parameters[0].python_name == "m"


def test_a_reference_percent_encoded_as_a_uri_fragment_is_followed() -> None:
    # Codat: `$ref: "#/paths/~1companies~1%7BcompanyId%7D/get/parameters/0"`: a URI fragment,
    # so percent-encoded; it failed with a bare KeyError naming the decoded path.
    company = {"name": "companyId", "in": "path", "required": True, "schema": {"type": "string"}}
    answer = {"204": {"description": "none"}}
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/companies/{companyId}": {
                "get": {"operationId": "getCompany", "parameters": [company], "responses": answer}
            },
            "/companies/{companyId}/data": {
                "get": {
                    "operationId": "getData",
                    "parameters": [
                        {"$ref": "#/paths/~1companies~1%7BcompanyId%7D/get/parameters/0"}
                    ],
                    "responses": answer,
                }
            },
        },
    }
    package = build_package(document, package="t", class_names={})
    operations = {o.operation_id: o for r in package.resources for o in r.operations}
    assert [p.name for p in operations["getData"].parameters] == ["companyId"]
