"""The compact source format: expressions, documents, errors, and the two specs written in it."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator_rs import validate

from generator.shared.errors import SpecError, Warnings
from generator.sources.compact import is_compact, load
from generator.sources.source_files import SourceFiles

SPECS = Path(__file__).resolve().parents[2] / "specs"


def load_text(tmp_path: Path, text: str) -> dict[str, Any]:
    path = tmp_path / "api.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load(path, SourceFiles(tmp_path), Warnings())


def load_source(tmp_path: Path, source: dict[str, Any]) -> dict[str, Any]:
    """Load a compact file written from ``source`` (which must start with ``compact: 1``)."""
    return load_text(tmp_path, yaml.safe_dump(source, sort_keys=False))


def minimal(**top: Any) -> dict[str, Any]:
    """A valid compact source with one operation; ``top`` adds or replaces top-level keys."""
    source: dict[str, Any] = {
        "compact": 1,
        "info": {"title": "Test", "version": "1"},
        "operations": {"GET /ping": {"id": "ping", "responses": {200: "-- Pong"}}},
    }
    source.update(top)
    return source


def field_schema(tmp_path: Path, expression: Any) -> Any:
    """The JSON Schema that one field expression becomes (Pet is a known schema name)."""
    source = minimal(schemas={"Pet": {"name": "string"}, "Holder": {"x": expression}})
    document = load_source(tmp_path, source)
    return document["components"]["schemas"]["Holder"]["properties"]["x"]


def expect_error(tmp_path: Path, text: str, line: int, pointer: str, words: str) -> None:
    """Loading ``text`` fails with one line naming file, line, pointer and the problem."""
    with pytest.raises(SpecError) as caught:
        load_text(tmp_path, text)
    message = str(caught.value)
    assert "\n" not in message
    assert f"api.yaml:{line} #{pointer}: " in message, message
    assert words in message, message


# ---------------------------------------------------------------------------------------------
# Expressions
# ---------------------------------------------------------------------------------------------

PET = {"$ref": "#/components/schemas/Pet"}

TYPES = [
    ("string", {"type": "string"}),
    ("integer", {"type": "integer"}),
    ("int32", {"type": "integer", "format": "int32"}),
    ("int64", {"type": "integer", "format": "int64"}),
    ("number", {"type": "number"}),
    ("boolean", {"type": "boolean"}),
    ("date", {"type": "string", "format": "date"}),
    ("date-time", {"type": "string", "format": "date-time"}),
    ("uuid", {"type": "string", "format": "uuid"}),
    ("email", {"type": "string", "format": "email"}),
    ("uri", {"type": "string", "format": "uri"}),
    ("binary", {"type": "string", "format": "binary"}),
    ("any", {}),
    ("Pet", PET),
    ("[string]", {"type": "array", "items": {"type": "string"}}),
    ("[[Pet]]", {"type": "array", "items": {"type": "array", "items": PET}}),
    ("{integer}", {"type": "object", "additionalProperties": {"type": "integer"}}),
    ("{[Pet]}", {"type": "object", "additionalProperties": {"type": "array", "items": PET}}),
    ("enum(A, B)", {"type": "string", "enum": ["A", "B"]}),
    (
        "enum(application/json, text/plain)",
        {"type": "string", "enum": ["application/json", "text/plain"]},
    ),
    ("""enum('a, b', "c d")""", {"type": "string", "enum": ["a, b", "c d"]}),
    (
        "open enum(QUEUED, RUNNING)",
        {"anyOf": [{"type": "string", "enum": ["QUEUED", "RUNNING"]}, {"type": "string"}]},
    ),
    ("string | integer", {"anyOf": [{"type": "string"}, {"type": "integer"}]}),
    ("Pet | [Pet]", {"anyOf": [PET, {"type": "array", "items": PET}]}),
]

CONSTRAINTS = [
    ("integer 0..100", {"type": "integer", "minimum": 0, "maximum": 100}),
    ("integer 1..", {"type": "integer", "minimum": 1}),
    ("integer ..5", {"type": "integer", "maximum": 5}),
    ("number -1.5..2.5", {"type": "number", "minimum": -1.5, "maximum": 2.5}),
    ("number >=0", {"type": "number", "minimum": 0}),
    ("number >0", {"type": "number", "exclusiveMinimum": 0}),
    ("integer <=5", {"type": "integer", "maximum": 5}),
    ("integer <5", {"type": "integer", "exclusiveMaximum": 5}),
    ("int64 >=0 <10", {"type": "integer", "format": "int64", "minimum": 0, "exclusiveMaximum": 10}),
    ("string len 1..50", {"type": "string", "minLength": 1, "maxLength": 50}),
    ("string len 3", {"type": "string", "minLength": 3, "maxLength": 3}),
    ("[string] len 1..", {"type": "array", "items": {"type": "string"}, "minItems": 1}),
    (
        "{string} len ..3",
        {"type": "object", "additionalProperties": {"type": "string"}, "maxProperties": 3},
    ),
    ("[string] unique", {"type": "array", "items": {"type": "string"}, "uniqueItems": True}),
    ("[integer 0..9]", {"type": "array", "items": {"type": "integer", "minimum": 0, "maximum": 9}}),
    ("string /^[a-z]+$/", {"type": "string", "pattern": "^[a-z]+$"}),
    ("string /^a\\/b$/", {"type": "string", "pattern": "^a/b$"}),
    ("string nullable", {"type": ["string", "null"]}),
    ("enum(A, B) nullable", {"type": ["string", "null"], "enum": ["A", "B", None]}),
    ("Pet nullable", {"anyOf": [PET, {"type": "null"}]}),
    (
        "string | integer nullable",
        {"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}]},
    ),
    (
        "open enum(A) nullable",
        {"anyOf": [{"type": "string", "enum": ["A"]}, {"type": "string"}, {"type": "null"}]},
    ),
    ("any nullable", {}),
    ("string readonly", {"type": "string", "readOnly": True}),
    ("string writeonly", {"type": "string", "writeOnly": True}),
    ("string deprecated", {"type": "string", "deprecated": True}),
    ("Pet readonly", {**PET, "readOnly": True}),
]

DEFAULTS_AND_DESCRIPTIONS = [
    ("integer = 10", {"type": "integer", "default": 10}),
    ("number = 1.5", {"type": "number", "default": 1.5}),
    ("boolean = false", {"type": "boolean", "default": False}),
    ("string = abc", {"type": "string", "default": "abc"}),
    ("string = 'a b'", {"type": "string", "default": "a b"}),
    ('string = "10"', {"type": "string", "default": "10"}),
    ("string nullable = null", {"type": ["string", "null"], "default": None}),
    ("string -- The name", {"type": "string", "description": "The name"}),
    (
        "string -- Has -- dashes, and: colons",
        {"type": "string", "description": "Has -- dashes, and: colons"},
    ),
    (
        'string = "x -- y" -- Quoted default',
        {"type": "string", "description": "Quoted default", "default": "x -- y"},
    ),
    (
        "integer 0..100 = 10 -- Per page",
        {"type": "integer", "description": "Per page", "minimum": 0, "maximum": 100, "default": 10},
    ),
    ("-- Anything at all", None),  # a field needs a type: see the error tests
]


@pytest.mark.parametrize(("expression", "expected"), TYPES, ids=[t[0] for t in TYPES])
def test_type_expressions(tmp_path: Path, expression: str, expected: dict[str, Any]) -> None:
    assert field_schema(tmp_path, expression) == expected


@pytest.mark.parametrize(("expression", "expected"), CONSTRAINTS, ids=[c[0] for c in CONSTRAINTS])
def test_constraints(tmp_path: Path, expression: str, expected: dict[str, Any]) -> None:
    assert field_schema(tmp_path, expression) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [case for case in DEFAULTS_AND_DESCRIPTIONS if case[1] is not None],
    ids=[case[0] for case in DEFAULTS_AND_DESCRIPTIONS if case[1] is not None],
)
def test_defaults_and_descriptions(
    tmp_path: Path, expression: str, expected: dict[str, Any]
) -> None:
    assert field_schema(tmp_path, expression) == expected


def test_unquoted_yaml_flow_forms_mean_array_and_map(tmp_path: Path) -> None:
    document = load_text(
        tmp_path,
        """\
        compact: 1
        info: {title: T, version: '1'}
        schemas:
          Holder:
            names: [string]
            counts: {integer}
            rows:
              - a: string
                b?: integer
        operations:
          GET /x: {id: x, responses: {200: Holder}}
        """,
    )
    properties = document["components"]["schemas"]["Holder"]["properties"]
    assert properties["names"] == {"type": "array", "items": {"type": "string"}}
    assert properties["counts"] == {"type": "object", "additionalProperties": {"type": "integer"}}
    assert properties["rows"] == {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {"a": {"type": "string"}, "b": {"type": "integer"}},
            "required": ["a"],
        },
    }


def test_a_schema_may_be_a_bare_expression(tmp_path: Path) -> None:
    source = minimal(schemas={"Status": "open enum(A, B) -- Where it is"})
    schema = load_source(tmp_path, source)["components"]["schemas"]["Status"]
    assert schema["description"] == "Where it is"
    assert schema["anyOf"][1] == {"type": "string"}


# ---------------------------------------------------------------------------------------------
# Objects: required and optional fields, options
# ---------------------------------------------------------------------------------------------


def test_optional_and_required_fields(tmp_path: Path) -> None:
    source = minimal(
        schemas={
            "Job": {
                "$description": "A job",
                "$xml": "job",
                "id": "string",
                "name?": "string",
                "status?": {"value": "string", "desc?": "string"},
            }
        }
    )
    job = load_source(tmp_path, source)["components"]["schemas"]["Job"]
    assert job["type"] == "object"
    assert job["description"] == "A job"
    assert job["xml"] == {"name": "job"}
    assert job["required"] == ["id"]
    assert set(job["properties"]) == {"id", "name", "status"}
    assert job["properties"]["status"]["required"] == ["value"]
    assert "additionalProperties" not in job  # unknown fields are allowed by default


def test_object_without_required_fields_has_no_required_list(tmp_path: Path) -> None:
    source = minimal(schemas={"Loose": {"a?": "string"}})
    assert "required" not in load_source(tmp_path, source)["components"]["schemas"]["Loose"]


@pytest.mark.parametrize(
    ("additional", "expected"),
    [(True, None), (False, False), ("integer", {"type": "integer"})],
)
def test_additional_fields(tmp_path: Path, additional: Any, expected: Any) -> None:
    source = minimal(schemas={"Bag": {"$additional": additional, "a?": "string"}})
    bag = load_source(tmp_path, source)["components"]["schemas"]["Bag"]
    assert bag.get("additionalProperties") == expected


def test_example_is_checked_against_the_object(tmp_path: Path) -> None:
    source = minimal(schemas={"Pet": {"$example": {"name": "Rex"}, "name": "string"}})
    assert load_source(tmp_path, source)["components"]["schemas"]["Pet"]["examples"] == [
        {"name": "Rex"}
    ]
    expect_error(
        tmp_path,
        """\
        compact: 1
        info: {title: T, version: '1'}
        schemas:
          Pet:
            $example: {name: 5}
            name: string
        operations:
          GET /x: {id: x, responses: {200: Pet}}
        """,
        5,
        "/schemas/Pet/$example",
        "example {'name': 5} does not fit its type",
    )


def test_default_must_fit_a_named_type(tmp_path: Path) -> None:
    source = minimal(schemas={"Size": "enum(S, M)", "Shirt": {"size?": "Size = M"}})
    assert (
        load_source(tmp_path, source)["components"]["schemas"]["Shirt"]["properties"]["size"][
            "default"
        ]
        == "M"
    )
    source = minimal(schemas={"Size": "enum(S, M)", "Shirt": {"size?": "Size = XL"}})
    with pytest.raises(SpecError, match="default 'XL' does not fit its type"):
        load_source(tmp_path, source)


# ---------------------------------------------------------------------------------------------
# Operations: parameters, bodies, responses, media
# ---------------------------------------------------------------------------------------------


def operation(document: dict[str, Any], path: str, method: str = "get") -> dict[str, Any]:
    result: dict[str, Any] = document["paths"][path][method]
    return result


def test_parameters(tmp_path: Path) -> None:
    source = minimal(
        **{"path-params": {"job_id": "string -- The job"}},
        operations={
            "GET /jobs/{job_id}/runs/{run_id}": {
                "id": "getRun",
                "path": {"run_id": "int64 -- The run"},
                "query": {"op": "enum(run)", "limit?": "integer = 10", "old?": "string deprecated"},
                "headers": {"X-Trace?": "uuid -- A trace id"},
                "responses": {200: "-- OK"},
            }
        },
    )
    parameters = operation(load_source(tmp_path, source), "/jobs/{job_id}/runs/{run_id}")[
        "parameters"
    ]
    by_name = {parameter["name"]: parameter for parameter in parameters}
    assert [parameter["name"] for parameter in parameters] == [
        "job_id",
        "run_id",
        "op",
        "limit",
        "old",
        "X-Trace",
    ]
    assert by_name["job_id"] == {
        "name": "job_id",
        "in": "path",
        "description": "The job",
        "required": True,
        "schema": {"type": "string"},
    }
    assert by_name["run_id"]["schema"] == {"type": "integer", "format": "int64"}
    assert by_name["op"]["required"] is True
    assert "required" not in by_name["limit"]
    assert by_name["limit"]["schema"] == {"type": "integer", "default": 10}
    assert by_name["old"]["deprecated"] is True
    assert "deprecated" not in by_name["old"]["schema"]
    assert by_name["X-Trace"]["in"] == "header"


def test_default_media_is_json(tmp_path: Path) -> None:
    source = minimal(
        schemas={"Pet": {"name": "string"}},
        operations={"PUT /pet": {"id": "put", "body": "Pet", "responses": {200: "Pet -- Saved"}}},
    )
    put = operation(load_source(tmp_path, source), "/pet", "put")
    assert list(put["requestBody"]["content"]) == ["application/json"]
    assert put["requestBody"]["required"] is True
    assert list(put["responses"]["200"]["content"]) == ["application/json"]
    assert put["responses"]["200"]["description"] == "Saved"


def test_media_aliases(tmp_path: Path) -> None:
    source = minimal(
        media={"csv": "text/csv"},
        **{"default-media": ["json", "xml"]},
        schemas={"Pet": {"name": "string"}},
        operations={
            "POST /pet": {
                "id": "post",
                "body?": "Pet (xml, csv, application/pdf) -- The pet",
                "responses": {
                    200: "Pet -- Both defaults",
                    201: "Pet (text) -- Text",
                    202: "binary (binary)",
                },
            }
        },
    )
    post = operation(load_source(tmp_path, source), "/pet", "post")
    body = post["requestBody"]
    assert list(body["content"]) == ["application/xml", "text/csv", "application/pdf"]
    assert body["required"] is False
    assert body["description"] == "The pet"
    responses = post["responses"]
    assert list(responses["200"]["content"]) == ["application/json", "application/xml"]
    assert list(responses["201"]["content"]) == ["text/plain"]
    assert list(responses["202"]["content"]) == ["application/octet-stream"]
    assert responses["202"]["description"] == "Accepted"  # the reason phrase when none is given


def test_form_and_multipart_bodies(tmp_path: Path) -> None:
    source = minimal(
        operations={
            "POST /status": {"id": "status", "form": {"jobId": "string"}, "responses": {200: "--"}},
            "POST /import": {
                "id": "upload",
                "multipart": {"file": "binary", "merge?": "boolean = false"},
                "responses": {200: "-- Started"},
            },
        }
    )
    document = load_source(tmp_path, source)
    form = operation(document, "/status", "post")["requestBody"]["content"]
    assert form == {
        "application/x-www-form-urlencoded": {
            "schema": {
                "type": "object",
                "properties": {"jobId": {"type": "string"}},
                "required": ["jobId"],
            }
        }
    }
    multipart = operation(document, "/import", "post")["requestBody"]["content"]
    schema = multipart["multipart/form-data"]["schema"]
    assert schema["properties"]["file"] == {"type": "string", "format": "binary"}
    assert schema["properties"]["merge"] == {"type": "boolean", "default": False}
    assert schema["required"] == ["file"]


def test_shared_errors_and_response_headers(tmp_path: Path) -> None:
    source = minimal(
        schemas={"Error": {"message?": "string"}},
        errors={400: "Error -- Bad request", 404: "Error -- Not here", "5XX": "-- Server trouble"},
        **{"response-headers": {"X-Remaining?": "integer >=0 -- Calls left today"}},
        operations={
            "GET /a": {"id": "a", "responses": {200: "-- OK", 404: "-- Own answer"}},
            "GET /b": {"id": "b", "errors": False, "responses": {200: "-- OK"}},
            "GET /c": {"id": "c", "errors": [400], "responses": {204: "-- Done"}},
        },
    )
    document = load_source(tmp_path, source)
    a = operation(document, "/a")["responses"]
    assert list(a) == ["200", "400", "404", "5XX"]
    assert a["400"] == {"$ref": "#/components/responses/BadRequest"}
    assert a["404"]["description"] == "Own answer"
    assert a["5XX"] == {"$ref": "#/components/responses/Status5XX"}
    assert list(operation(document, "/b")["responses"]) == ["200"]
    assert list(operation(document, "/c")["responses"]) == ["204", "400"]
    components = document["components"]
    assert set(components["responses"]) == {"BadRequest", "NotFound", "Status5XX"}
    assert components["headers"]["X-Remaining"] == {
        "description": "Calls left today",
        "schema": {"type": "integer", "minimum": 0},
    }
    header_ref = {"X-Remaining": {"$ref": "#/components/headers/X-Remaining"}}
    assert a["200"]["headers"] == header_ref
    assert components["responses"]["BadRequest"]["headers"] == header_ref


def test_long_form_response(tmp_path: Path) -> None:
    source = minimal(
        operations={
            "GET /file": {
                "id": "download",
                "responses": {
                    200: {
                        "body": "binary (binary)",
                        "description": "The file",
                        "headers": {"Content-Disposition?": "string -- The file name"},
                    }
                },
            }
        }
    )
    response = operation(load_source(tmp_path, source), "/file")["responses"]["200"]
    assert response["description"] == "The file"
    assert response["headers"]["Content-Disposition"]["schema"] == {"type": "string"}
    assert list(response["content"]) == ["application/octet-stream"]


def test_tags_info_and_document_shape(tmp_path: Path) -> None:
    source = minimal(
        tags={"jobs": "Jobs", "misc": None},
        operations={"GET /j": {"id": "j", "tag": "jobs", "summary": "S", "responses": {200: "--"}}},
    )
    document = load_source(tmp_path, source)
    assert list(document) == ["openapi", "info", "tags", "paths", "components"][:4]
    assert document["openapi"] == "3.1.0"
    assert document["tags"] == [{"name": "jobs", "description": "Jobs"}, {"name": "misc"}]
    get = operation(document, "/j")
    assert get["tags"] == ["jobs"]
    assert get["operationId"] == "j"
    assert "servers" not in document and "security" not in document
    validate(document)


def test_places_do_not_share_objects(tmp_path: Path) -> None:
    source = minimal(
        **{"default-media": ["json", "xml"], "path-params": {"id": "string"}},
        operations={
            "GET /a/{id}": {"id": "a", "responses": {200: "[string]"}},
            "GET /b/{id}": {"id": "b", "responses": {200: "-- OK"}},
        },
    )
    document = load_source(tmp_path, source)
    content = operation(document, "/a/{id}")["responses"]["200"]["content"]
    content["application/json"]["schema"]["items"]["type"] = "integer"
    assert content["application/xml"]["schema"]["items"]["type"] == "string"
    operation(document, "/a/{id}")["parameters"][0]["schema"]["type"] = "integer"
    assert operation(document, "/b/{id}")["parameters"][0]["schema"]["type"] == "string"


def test_is_compact() -> None:
    assert is_compact({"compact": 1, "info": {}})
    assert not is_compact({"openapi": "3.1.0", "compact": 1})
    assert not is_compact(["compact"])


# ---------------------------------------------------------------------------------------------
# Errors: one line each, naming file, line and pointer
# ---------------------------------------------------------------------------------------------

HEAD = """\
compact: 1
info: {title: T, version: '1'}
"""


def test_error_unknown_type_name(tmp_path: Path) -> None:
    expect_error(
        tmp_path,
        HEAD
        + """\
schemas:
  Pet:
    name: strng -- The name
operations:
  GET /x: {id: x, responses: {200: Pet}}
""",
        5,
        "/schemas/Pet/name",
        "unknown type name 'strng'",
    )


@pytest.mark.parametrize(
    ("expression", "words"),
    [
        ("string 0..100", "bad constraint '0..100': bounds apply to numbers only (write 'len"),
        ("integer len 1..5", "lengths apply to strings, arrays and maps only"),
        ("string len 1.5", "lengths are whole numbers"),
        ("integer 5..1", "the range is empty"),
        ("integer 0-100", "bad constraint '0-100'"),
        ("integer >= 0", "bad constraint '>=': write the bound next to it"),
        ("enum()", "enum needs at least one value"),
        ("boolean /x/", "patterns apply to strings only"),
        ("string /(/", "bad constraint /(/"),
        ("string unique", "'unique': it applies to arrays only"),
        ("integer = abc", "default 'abc' does not fit its type"),
        ("enum(A, A)", "enum lists a value twice"),
        ("enum A", "enum needs its values in parentheses"),
        ("[string", "expected ']' in '[string'"),
        ("string (json)", "a media list '(...)' only follows a body or response type"),
        ("-- Just words", "a field needs a type"),
    ],
)
def test_error_bad_constraint(tmp_path: Path, expression: str, words: str) -> None:
    expect_error(
        tmp_path,
        HEAD
        + f"""\
schemas:
  Pet:
    name: {yaml.safe_dump(expression).splitlines()[0]}
operations:
  GET /x: {{id: x, responses: {{200: Pet}}}}
""",
        5,
        "/schemas/Pet/name",
        words,
    )


def test_error_path_parameter_not_described(tmp_path: Path) -> None:
    expect_error(
        tmp_path,
        HEAD
        + """\
operations:
  GET /jobs/{job_id}:
    id: getJob
    responses: {200: -- The job}
""",
        4,
        "/operations/GET ~1jobs~1{job_id}",
        "path parameter {job_id} is not described",
    )


def test_error_path_parameter_not_in_path(tmp_path: Path) -> None:
    expect_error(
        tmp_path,
        HEAD
        + """\
operations:
  GET /jobs:
    id: getJobs
    path:
      job_id: string
    responses: {200: -- The jobs}
""",
        7,
        "/operations/GET ~1jobs/path/job_id",
        "path parameter 'job_id' is not in the path '/jobs'",
    )


def test_error_optional_path_parameter(tmp_path: Path) -> None:
    expect_error(
        tmp_path,
        HEAD
        + """\
operations:
  GET /jobs/{id}:
    id: getJob
    path:
      id?: string
    responses: {200: -- The job}
""",
        7,
        "/operations/GET ~1jobs~1{id}/path/id?",
        "is always required",
    )


def test_error_duplicate_operation_id(tmp_path: Path) -> None:
    expect_error(
        tmp_path,
        HEAD
        + """\
operations:
  GET /a:
    id: getThing
    responses: {200: -- A}
  GET /b:
    id: getThing
    responses: {200: -- B}
""",
        8,
        "/operations/GET ~1b/id",
        "duplicate operation id 'getThing' (also on 'GET /a')",
    )


def test_error_unknown_media_alias(tmp_path: Path) -> None:
    expect_error(
        tmp_path,
        HEAD
        + """\
operations:
  GET /a:
    id: getA
    responses:
      200: string (jsn) -- A
""",
        7,
        "/operations/GET ~1a/responses/200",
        "unknown media alias 'jsn' (known: json, xml",
    )


@pytest.mark.parametrize("key", ["get /a", "FETCH /a", "GET a", "GET", "/a"])
def test_error_operation_key_is_not_method_and_path(tmp_path: Path, key: str) -> None:
    expect_error(
        tmp_path,
        HEAD
        + f"""\
operations:
  {key}:
    id: getA
    responses: {{200: -- A}}
""",
        4,
        "/operations/" + key.replace("/", "~1"),
        f"operation key '{key}' is not 'METHOD /path'",
    )


@pytest.mark.parametrize(
    ("body", "line", "pointer", "words"),
    [
        ("servers: []\n", 3, "/servers", "'servers' belongs in the system's manifest.yaml"),
        ("color: red\n", 3, "/color", "unknown key 'color'"),
        (
            "operations:\n"
            "  GET /a: {id: a, responses: {200: --}}\n"
            "  GET /a: {id: b, responses: {200: --}}\n",
            5,
            "/operations/GET ~1a",
            "duplicate key 'GET /a'",
        ),
        (
            "operations:\n  GET /a: {id: a, tag: nope, responses: {200: --}}\n",
            4,
            "/operations/GET ~1a/tag",
            "unknown tag 'nope'",
        ),
        ("operations:\n  GET /a: {responses: {200: --}}\n", 4, "/operations/GET ~1a", "an id"),
        ("operations:\n  GET /a: {id: a}\n", 4, "/operations/GET ~1a", "at least one response"),
        (
            "operations:\n  GET /a: {id: a, responses: {200: --}, body: string, form: {}}\n",
            4,
            "/operations/GET ~1a/form",
            "one body",
        ),
        (
            "operations:\n  GET /a: {id: a, responses: {600: --}}\n",
            4,
            "/operations/GET ~1a/responses/600",
            "bad status 600",
        ),
        (
            "operations:\n  GET /a: {id: a, responses: {200: --}, errors: [404]}\n",
            4,
            "/operations/GET ~1a/errors",
            "404 is not a shared error status",
        ),
        (
            "operations:\n  GET /a: {id: a, responses: {200: --}, summry: x}\n",
            4,
            "/operations/GET ~1a/summry",
            "unknown operation key 'summry'",
        ),
        ("schemas:\n  Pet:\n    $color: red\n", 5, "/schemas/Pet/$color", "unknown object option"),
        ("operations: {}\n", 3, "/operations", "no operations described"),
    ],
)
def test_other_errors(tmp_path: Path, body: str, line: int, pointer: str, words: str) -> None:
    expect_error(tmp_path, HEAD + body, line, pointer, words)


def test_error_version(tmp_path: Path) -> None:
    source = "compact: 2\ninfo: {title: T, version: '1'}\n"
    expect_error(tmp_path, source, 1, "/compact", "unsupported compact version 2")


def test_error_not_compact(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match="starts with the key 'compact: 1'"):
        load_text(tmp_path, "openapi: 3.1.0\ncompact: 1\n")


def test_unquoted_bracket_followed_by_text_gets_a_hint(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as caught:
        load_text(tmp_path, HEAD + "schemas:\n  Pet:\n    tags: [string] -- Tags\n")
    message = str(caught.value)
    assert "api.yaml:5" in message
    assert "must be quoted" in message


# ---------------------------------------------------------------------------------------------
# The specs written in this format
# ---------------------------------------------------------------------------------------------


def load_spec(system: str) -> dict[str, Any]:
    root = SPECS / system
    return load(root / "api.yaml", SourceFiles(root), Warnings())


def all_operations(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        operation["operationId"]: operation
        for item in document["paths"].values()
        for operation in item.values()
    }


@pytest.mark.parametrize("system", ["alma-jobs", "liquid-decisions-batch"])
def test_spec_loads_and_validates(system: str) -> None:
    document = load_spec(system)
    validate(document)  # OpenAPI 3.1; every reference is internal
    assert "servers" not in document and "security" not in document


def test_alma_jobs_spec() -> None:
    document = load_spec("alma-jobs")
    operations = all_operations(document)
    assert set(operations) == {"getJobs", "getJob", "runJob", "getJobInstances", "getJobInstance"}
    assert {tag["name"] for tag in document["tags"]} == {"jobs", "instances"}
    assert set(document["paths"]) == {
        "/conf/jobs",
        "/conf/jobs/{job_id}",
        "/conf/jobs/{job_id}/instances",
        "/conf/jobs/{job_id}/instances/{instance_id}",
    }
    limit = next(p for p in operations["getJobs"]["parameters"] if p["name"] == "limit")
    assert limit["schema"] == {"type": "integer", "minimum": 0, "maximum": 100, "default": 10}
    job_type = next(p for p in operations["getJobs"]["parameters"] if p["name"] == "type")
    assert job_type["schema"]["enum"] == ["MANUAL", "SCHEDULED", "OTHER"]
    run = operations["runJob"]
    op = next(p for p in run["parameters"] if p["name"] == "op")
    assert op["required"] is True and op["schema"]["enum"] == ["run"]
    assert list(run["requestBody"]["content"]) == ["application/json", "application/xml"]
    for operation in operations.values():
        statuses = set(operation["responses"])
        assert {"400", "401", "403", "404", "429", "500"} <= statuses
        ok = operation["responses"]["200"]
        assert list(ok["content"]) == ["application/json", "application/xml"]
        assert "X-Exl-Api-Remaining" in ok["headers"]
    schemas = document["components"]["schemas"]
    assert schemas["AlmaError"]["xml"] == {"name": "web_service_result"}
    assert schemas["Job"]["xml"] == {"name": "job"}
    assert "additional_info" in schemas["Job"]["properties"]
    status = schemas["JobStatus"]
    assert {"type": "string"} in status["anyOf"]  # open: unknown statuses stay valid
    assert "COMPLETED_SUCCESS" in status["anyOf"][0]["enum"]
    instance = schemas["JobInstance"]["properties"]
    assert instance["progress"] == {
        "type": "integer",
        "description": instance["progress"]["description"],
        "minimum": 0,
        "maximum": 100,
    }
    assert set(schemas["JobInstances"]["properties"]) == {"job_instance", "total_record_count"}


def test_liquid_decisions_spec() -> None:
    document = load_spec("liquid-decisions-batch")
    operations = all_operations(document)
    assert set(operations) == {
        "getToken",
        "validateToken",
        "getBatchStatus",
        "cancelBatchJob",
        "importBatch",
        "exportBatch",
    }
    assert {tag["name"] for tag in document["tags"]} == {"auth", "batch"}
    token_form = operations["getToken"]["requestBody"]["content"][
        "application/x-www-form-urlencoded"
    ]["schema"]
    assert token_form["properties"]["grant_type"]["enum"] == ["password"]
    assert set(token_form["required"]) == {
        "grant_type",
        "client_id",
        "client_secret",
        "username",
        "password",
        "scope",
    }
    upload = operations["importBatch"]["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert upload["properties"]["file"]["format"] == "binary"
    assert upload["properties"]["merge"]["default"] is False
    assert "merge" not in upload["required"]
    export = operations["exportBatch"]["requestBody"]["content"][
        "application/x-www-form-urlencoded"
    ]["schema"]
    assert set(export["required"]) == {"jobName", "itemType", "contentType"}
    assert set(operations["validateToken"]["responses"]) == {"200", "401"}
    status = document["components"]["schemas"]["BatchStatus"]["properties"]
    assert status["recordsProcessed"]["type"] == "string"
    assert status["runTime"]["type"] == "string"
    statuses = document["components"]["schemas"]["BatchJobStatus"]["enum"]
    assert len(statuses) == 8
    for name in ("getBatchStatus", "cancelBatchJob", "importBatch", "exportBatch"):
        schema = operations[name]["responses"]["200"]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/BatchStatus"}


def test_the_documented_example_loads(tmp_path: Path) -> None:
    """docs/compact-format.md's complete example stays true to the loader."""
    text = (SPECS.parent / "docs" / "compact-format.md").read_text(encoding="utf-8")
    example = next(
        block.split("\n", 1)[1]
        for block in text.split("```yaml")[1:]
        if block.split("\n", 1)[1].startswith("compact: 1")
    ).split("```", 1)[0]
    document = load_text(tmp_path, example)
    validate(document)
    assert set(all_operations(document)) == {
        "listExports",
        "startExport",
        "getExport",
        "downloadExport",
        "cancelExport",
        "notifyMe",
    }
