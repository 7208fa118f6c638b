"""Swagger 2.0 root files come out as OpenAPI 3.0.3 documents a user would recognise."""

from __future__ import annotations

import copy
import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator_rs import validate

from generator.shared import schema_walk
from generator.shared.errors import SpecError, Warnings
from generator.sources import swagger2
from generator.sources.source_files import SourceFiles

CASES = Path(__file__).parent / "swagger2_cases"


def convert(path: Path) -> dict[str, Any]:
    return swagger2.load(path, SourceFiles(path.parent), Warnings())


def convert_text(tmp_path: Path, text: str, name: str = "api.yaml") -> dict[str, Any]:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return convert(path)


def minimal(**extra: str) -> str:
    """A small 2.0 document; ``extra`` adds top-level YAML blocks (already indented)."""
    blocks = "\n".join(extra.values())
    return 'swagger: "2.0"\ninfo: {title: T, version: "1"}\n' + blocks + "\n"


@pytest.fixture(scope="module")
def kennel() -> dict[str, Any]:
    return convert(CASES / "kennel.yaml")


def operation(document: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    result: dict[str, Any] = document["paths"][path][method]
    return result


def parameter(document: dict[str, Any], path: str, method: str, name: str) -> dict[str, Any]:
    for param in operation(document, path, method).get("parameters", []):
        if param.get("name") == name:
            return dict(param)
    raise AssertionError(f"no parameter {name} on {method} {path}")


# --- the whole document ----------------------------------------------------------------------


def test_converted_document_is_valid_openapi_3_0(kennel: dict[str, Any]) -> None:
    assert kennel["openapi"] == "3.0.3"
    assert "swagger" not in kennel
    validate(kennel)


def test_top_level_metadata_and_extensions_are_kept(kennel: dict[str, Any]) -> None:
    assert kennel["info"]["title"] == "Kennel"
    assert kennel["info"]["x-audience"] == "partners"
    assert kennel["tags"] == [{"name": "pets", "description": "Animals staying with us"}]
    assert kennel["externalDocs"] == {"url": "https://docs.kennel.test"}
    assert kennel["security"] == [{"apiKey": []}]
    assert kennel["x-api-owner"] == "boarding-team"
    for gone in ("host", "basePath", "schemes", "consumes", "produces", "definitions"):
        assert gone not in kennel


def test_source_document_is_not_changed(tmp_path: Path) -> None:
    path = CASES / "kennel.yaml"
    files = SourceFiles(CASES)
    before = copy.deepcopy(files.load(path))
    result = swagger2.load(path, files, Warnings())
    result["components"]["schemas"]["Pet"]["properties"]["name"]["type"] = "changed"
    assert files.load(path) == before


def test_each_media_type_gets_its_own_schema_object(kennel: dict[str, Any]) -> None:
    # A later step may rewrite a schema in place; it must not change another media type's.
    content = operation(kennel, "/pets", "post")["requestBody"]["content"]
    assert content["application/json"]["schema"] is not content["application/xml"]["schema"]


# --- servers ---------------------------------------------------------------------------------


def test_one_server_per_scheme_with_base_path(kennel: dict[str, Any]) -> None:
    assert kennel["servers"] == [
        {"url": "https://api.kennel.test/v1"},
        {"url": "http://api.kennel.test/v1"},
    ]


@pytest.mark.parametrize(
    ("lines", "servers"),
    [
        ("host: api.test", [{"url": "https://api.test"}]),
        ("host: api.test\nbasePath: /v2", [{"url": "https://api.test/v2"}]),
        ("host: api.test\nschemes: [wss]", [{"url": "wss://api.test"}]),
        ("basePath: /v2", [{"url": "/v2"}]),
        ("basePath: /v2\nschemes: [http]", [{"url": "/v2"}]),
        ("basePath: /", None),
        ("", None),
    ],
)
def test_servers_from_host_base_path_and_schemes(
    tmp_path: Path, lines: str, servers: list[dict[str, str]] | None
) -> None:
    document = convert_text(tmp_path, minimal(servers=lines, paths="paths: {}"))
    assert document.get("servers") == servers


def test_operation_with_other_schemes_gets_its_own_servers(kennel: dict[str, Any]) -> None:
    assert operation(kennel, "/pets/{petId}/photo.jpg", "get")["servers"] == [
        {"url": "http://api.kennel.test/v1"}
    ]
    assert "servers" not in operation(kennel, "/pets", "get")


# --- components ------------------------------------------------------------------------------


def test_definitions_become_component_schemas_with_refs_rewritten(kennel: dict[str, Any]) -> None:
    schemas = kennel["components"]["schemas"]
    assert set(schemas) == {"Pet", "Dog", "Owner", "Error"}
    assert schemas["Pet"]["properties"]["owner"] == {"$ref": "#/components/schemas/Owner"}
    assert schemas["Dog"]["allOf"][0] == {"$ref": "#/components/schemas/Pet"}
    assert "#/definitions/" not in json.dumps(kennel)


def test_schema_idioms_are_translated(kennel: dict[str, Any]) -> None:
    pet = kennel["components"]["schemas"]["Pet"]
    assert pet["properties"]["nickname"] == {"type": "string", "nullable": True}
    assert pet["properties"]["photo"] == {"type": "string", "format": "binary"}
    assert pet["discriminator"] == {"propertyName": "kind"}
    assert pet["properties"]["id"]["readOnly"] is True
    assert pet["properties"]["name"]["example"] == "Biscuit"
    assert pet["x-entity"] is True


def test_x_nullable_false_is_dropped_and_nullable_ref_keeps_its_ref(tmp_path: Path) -> None:
    document = convert_text(
        tmp_path,
        minimal(
            paths="paths: {}",
            definitions="""\
definitions:
  A:
    type: object
    x-nullable: false
    additionalProperties: false
    properties:
      b: {$ref: "#/definitions/B", x-nullable: true}
  B: {type: string}""",
        ),
    )
    schema = document["components"]["schemas"]["A"]
    assert "nullable" not in schema and "x-nullable" not in schema
    assert schema["additionalProperties"] is False
    assert schema["properties"]["b"] == {"$ref": "#/components/schemas/B", "nullable": True}


def test_security_definitions_of_every_kind(kennel: dict[str, Any]) -> None:
    schemes = kennel["components"]["securitySchemes"]
    assert schemes["basicAuth"] == {"type": "http", "scheme": "basic", "description": "Staff login"}
    assert schemes["apiKey"] == {"type": "apiKey", "name": "X-Kennel-Key", "in": "header"}
    assert schemes["browser"]["flows"] == {
        "implicit": {
            "authorizationUrl": "https://auth.kennel.test/authorize",
            "scopes": {"pets:read": "See pets", "pets:write": "Change pets"},
        }
    }
    assert schemes["mobile"]["flows"] == {
        "password": {
            "tokenUrl": "https://auth.kennel.test/token",
            "scopes": {"pets:read": "See pets"},
        }
    }
    assert schemes["partner"]["flows"] == {
        "clientCredentials": {"tokenUrl": "https://auth.kennel.test/token", "scopes": {}}
    }
    assert schemes["partner"]["x-token-ttl"] == 3600
    assert schemes["webapp"]["flows"] == {
        "authorizationCode": {
            "authorizationUrl": "https://auth.kennel.test/authorize",
            "tokenUrl": "https://auth.kennel.test/token",
            "scopes": {"pets:write": "Change pets"},
        }
    }


def test_shared_parameters_become_components_except_body_and_form(kennel: dict[str, Any]) -> None:
    parameters = kennel["components"]["parameters"]
    assert set(parameters) == {"petId", "limit", "trace"}
    assert parameters["limit"] == {
        "name": "limit",
        "in": "query",
        "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
    }
    assert parameters["trace"]["x-internal"] is True
    assert kennel["paths"]["/pets"]["parameters"] == [{"$ref": "#/components/parameters/trace"}]
    assert parameter_refs(kennel, "/pets", "get") == ["#/components/parameters/limit"]


def parameter_refs(document: dict[str, Any], path: str, method: str) -> list[str]:
    params = operation(document, path, method).get("parameters", [])
    return [param["$ref"] for param in params if "$ref" in param]


def test_shared_responses_become_components(kennel: dict[str, Any]) -> None:
    not_found = kennel["components"]["responses"]["NotFound"]
    assert not_found["description"] == "No such pet"
    assert set(not_found["content"]) == {"application/json", "application/xml"}
    responses = operation(kennel, "/pets/{petId}", "get")["responses"]
    assert responses["404"] == {"$ref": "#/components/responses/NotFound"}


# --- parameters ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "serialization"),
    [
        ("tags", {"style": "form", "explode": False}),  # no collectionFormat means csv in 2.0
        ("status", {"style": "form", "explode": True}),
        ("sort", {"style": "spaceDelimited", "explode": False}),
        ("fields", {"style": "pipeDelimited", "explode": False}),
        ("ids", {"x-collectionFormat": "tsv"}),
    ],
)
def test_query_array_collection_formats(
    kennel: dict[str, Any], name: str, serialization: dict[str, Any]
) -> None:
    param = parameter(kennel, "/pets", "get", name)
    keys = ("style", "explode", "x-collectionFormat")
    assert {key: param[key] for key in keys if key in param} == serialization
    assert param["schema"]["type"] == "array"
    assert "collectionFormat" not in param


def test_query_parameter_values_move_into_schema(kennel: dict[str, Any]) -> None:
    status = parameter(kennel, "/pets", "get", "status")
    assert status["schema"]["items"] == {"type": "string", "enum": ["boarding", "collected"]}
    assert parameter(kennel, "/pets", "get", "q") == {
        "name": "q",
        "in": "query",
        "allowEmptyValue": True,
        "schema": {"type": "string"},
    }


def test_path_and_header_arrays_use_simple_style(tmp_path: Path) -> None:
    document = convert_text(
        tmp_path,
        minimal(
            paths="""\
paths:
  /boxes/{ids}:
    get:
      parameters:
        - {name: ids, in: path, required: true, type: array, items: {type: integer}}
        - {name: X-Tags, in: header, type: array, collectionFormat: csv, items: {type: string}}
        - {name: X-Spaced, in: header, type: array, collectionFormat: ssv, items: {type: string}}
        - name: grid
          in: query
          type: array
          items: {type: array, collectionFormat: pipes, items: {type: integer}}
      responses:
        "200": {description: ok}"""
        ),
    )
    get = "/boxes/{ids}", "get"
    assert parameter(document, *get, "ids")["style"] == "simple"
    assert parameter(document, *get, "X-Tags")["style"] == "simple"
    # Only query strings know spaces as separators in 3.0: the wish is kept, not lost.
    spaced = parameter(document, *get, "X-Spaced")
    assert "style" not in spaced and spaced["x-collectionFormat"] == "ssv"
    grid = parameter(document, *get, "grid")
    assert grid["schema"]["items"]["x-collectionFormat"] == "pipes"
    validate(document)


# --- request bodies --------------------------------------------------------------------------


def test_referenced_body_parameter_is_inlined_as_request_body(kennel: dict[str, Any]) -> None:
    post = operation(kennel, "/pets", "post")
    assert "parameters" not in post
    assert post["requestBody"] == {
        "description": "The pet to board",
        "required": True,
        "x-codegen-request-body-name": "pet",
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Pet"}},
            "application/xml": {"schema": {"$ref": "#/components/schemas/Pet"}},
        },
    }


def test_body_uses_document_consumes_and_x_examples(kennel: dict[str, Any]) -> None:
    body = operation(kennel, "/pets/{petId}", "put")["requestBody"]
    assert body["content"] == {
        "application/json": {
            "schema": {"$ref": "#/components/schemas/Pet"},
            "example": {"name": "Rex", "kind": "Dog"},
        }
    }
    assert "required" not in body
    assert "x-examples" not in body


def test_url_encoded_form(kennel: dict[str, Any]) -> None:
    body = operation(kennel, "/pets/{petId}", "post")["requestBody"]
    assert body["required"] is True
    assert list(body["content"]) == ["application/x-www-form-urlencoded"]
    form = body["content"]["application/x-www-form-urlencoded"]
    assert form["schema"] == {
        "type": "object",
        "properties": {
            "name": {"type": "string", "description": "New name"},
            "colours": {"type": "array", "items": {"type": "string"}},
            "toys": {"type": "array", "items": {"type": "string"}},
        },
        "required": ["name"],
    }
    # csv (the 2.0 default) must be asked for; multi is already what 3.0 does for forms.
    assert form["encoding"] == {"colours": {"style": "form", "explode": False}}


def test_file_upload_is_multipart_with_binary_field(kennel: dict[str, Any]) -> None:
    body = operation(kennel, "/pets/{petId}/photo", "post")["requestBody"]
    form = body["content"]["multipart/form-data"]
    assert list(body["content"]) == ["multipart/form-data"]
    assert form["schema"]["properties"]["file"] == {
        "type": "string",
        "format": "binary",
        "description": "The photo",
    }
    assert form["schema"]["required"] == ["file"]
    assert form["encoding"] == {"labels": {"style": "pipeDelimited", "explode": False}}


def test_file_field_forces_multipart_even_when_consumes_is_json(kennel: dict[str, Any]) -> None:
    body = operation(kennel, "/pets/{petId}/visits", "post")["requestBody"]
    assert list(body["content"]) == ["multipart/form-data"]


def test_path_level_form_fields_apply_to_each_operation(kennel: dict[str, Any]) -> None:
    item = kennel["paths"]["/pets/{petId}/visits"]
    assert item["parameters"] == [{"$ref": "#/components/parameters/petId"}]
    recorded = item["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert recorded["properties"] == {
        "note": {"type": "string"},
        "scan": {"type": "string", "format": "binary"},
    }
    # An operation's own field of the same name wins over the path's.
    amended = item["put"]["requestBody"]["content"]["application/x-www-form-urlencoded"]
    assert amended["schema"]["properties"] == {"note": {"type": "string", "maxLength": 200}}
    assert amended["schema"]["required"] == ["note"]


def test_form_lists_both_form_media_types_when_consumes_does(tmp_path: Path) -> None:
    document = convert_text(
        tmp_path,
        minimal(
            paths="""\
paths:
  /notes:
    post:
      consumes: [application/x-www-form-urlencoded, multipart/form-data, application/json]
      parameters:
        - {name: text, in: formData, type: string}
      responses:
        "201": {description: ok}"""
        ),
    )
    content = operation(document, "/notes", "post")["requestBody"]["content"]
    assert list(content) == ["application/x-www-form-urlencoded", "multipart/form-data"]


def test_media_types_default_to_json(tmp_path: Path) -> None:
    document = convert_text(
        tmp_path,
        minimal(
            paths="""\
paths:
  /notes:
    post:
      parameters:
        - {name: note, in: body, schema: {type: string}}
      responses:
        "200": {description: ok, schema: {type: string}}"""
        ),
    )
    post = operation(document, "/notes", "post")
    assert list(post["requestBody"]["content"]) == ["application/json"]
    assert list(post["responses"]["200"]["content"]) == ["application/json"]


# --- responses -------------------------------------------------------------------------------


def test_response_schema_for_every_produced_type_with_example(kennel: dict[str, Any]) -> None:
    ok = operation(kennel, "/pets", "get")["responses"]["200"]
    items = {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}}
    assert ok["content"] == {
        "application/json": {"schema": items, "example": [{"name": "Biscuit", "kind": "Dog"}]},
        "application/xml": {"schema": items},
    }


def test_response_headers_get_schemas(kennel: dict[str, Any]) -> None:
    headers = operation(kennel, "/pets", "get")["responses"]["200"]["headers"]
    assert headers == {
        "X-Rate-Limit": {"description": "Calls left this hour", "schema": {"type": "integer"}},
        "X-Colours": {"schema": {"type": "array", "items": {"type": "string"}}},
    }


def test_response_codes_are_strings_and_bare_responses_have_no_content(
    kennel: dict[str, Any],
) -> None:
    responses = operation(kennel, "/pets", "post")["responses"]
    assert list(responses) == ["201", "405"]
    assert responses["201"] == {"description": "Boarded"}
    assert "200" in operation(kennel, "/pets", "get")["responses"]  # written as a YAML number


def test_operation_produces_overrides_document(kennel: dict[str, Any]) -> None:
    ok = operation(kennel, "/pets/{petId}", "get")["responses"]["200"]
    assert list(ok["content"]) == ["application/xml"]


def test_file_response_is_binary(kennel: dict[str, Any]) -> None:
    ok = operation(kennel, "/pets/{petId}/photo.jpg", "get")["responses"]["200"]
    assert ok["content"] == {"image/jpeg": {"schema": {"type": "string", "format": "binary"}}}


def test_extensions_are_kept_on_paths_operations_and_responses(tmp_path: Path) -> None:
    document = convert_text(
        tmp_path,
        minimal(
            paths="""\
paths:
  x-group: notes
  /notes:
    x-owner: team
    get:
      x-cache: 60
      responses:
        x-flaky: true
        "200": {description: ok, x-traced: true}"""
        ),
    )
    paths = document["paths"]
    assert paths["x-group"] == "notes"
    assert paths["/notes"]["x-owner"] == "team"
    assert paths["/notes"]["get"]["x-cache"] == 60
    assert paths["/notes"]["get"]["responses"]["x-flaky"] is True
    assert paths["/notes"]["get"]["responses"]["200"]["x-traced"] is True


# --- other files and other formats -----------------------------------------------------------


def test_references_to_other_files_are_kept_as_written() -> None:
    document = convert(CASES / "external.yaml")
    keeper = document["components"]["schemas"]["Keeper"]
    assert keeper["properties"]["address"] == {
        "$ref": "./common/definitions.yaml#/definitions/Address"
    }
    responses = operation(document, "/staff", "get")["responses"]
    assert responses["default"]["content"]["application/json"]["schema"] == {
        "$ref": "common/definitions.yaml#/definitions/Problem"
    }
    assert responses["200"]["content"]["application/json"]["schema"]["items"] == {
        "$ref": "#/components/schemas/Keeper"
    }


def test_json_root_and_unquoted_version(tmp_path: Path) -> None:
    source = {
        "swagger": "2.0",
        "info": {"title": "T", "version": "1"},
        "paths": {"/a": {"get": {"responses": {"204": {"description": "none"}}}}},
    }
    (tmp_path / "api.json").write_text(json.dumps(source), encoding="utf-8")
    assert convert(tmp_path / "api.json")["paths"]["/a"]["get"]["responses"]["204"]
    yaml_doc = convert_text(tmp_path, "swagger: 2.0\ninfo: {title: T, version: '1'}\npaths: {}\n")
    assert yaml_doc["openapi"] == "3.0.3"


# --- errors ----------------------------------------------------------------------------------


def test_other_swagger_version_is_refused() -> None:
    path = CASES / "version_1_2.yaml"
    with pytest.raises(SpecError) as caught:
        convert(path)
    assert caught.value.pointer == "/swagger"
    assert Path(str(caught.value.file)).name == "version_1_2.yaml"
    assert "'1.2'" in str(caught.value)
    assert "only 2.0" in str(caught.value)


def test_body_without_schema_names_the_parameter() -> None:
    with pytest.raises(SpecError) as caught:
        convert(CASES / "body_without_schema.yaml")
    assert caught.value.pointer == "/paths/~1pets/post/parameters/1"
    assert caught.value.line == 12
    assert "body_without_schema.yaml:12 #/paths/~1pets/post/parameters/1" in str(caught.value)
    assert "no schema" in str(caught.value)


def test_shared_body_without_schema_names_the_shared_parameter(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as caught:
        convert_text(
            tmp_path,
            minimal(
                parameters="parameters:\n  pet: {name: pet, in: body}",
                paths="""\
paths:
  /pets:
    post:
      parameters: [{$ref: "#/parameters/pet"}]
      responses: {"201": {description: ok}}""",
            ),
        )
    assert caught.value.pointer == "/parameters/pet"


def test_two_body_parameters_are_refused() -> None:
    with pytest.raises(SpecError) as caught:
        convert(CASES / "duplicate_body.yaml")
    assert caught.value.pointer == "/paths/~1pets/post/parameters/1"
    assert "only one body parameter" in str(caught.value)


@pytest.mark.parametrize(
    ("blocks", "pointer", "words"),
    [
        (
            {"paths": "paths:\n  /a: {post: {parameters: [{name: a, in: cookie}], responses: {}}}"},
            "/paths/~1a/post/parameters/0",
            "'cookie'",
        ),
        (
            {"paths": "paths:\n  /a: {get: {parameters: [{$ref: '#/parameters/nope'}]}}"},
            "/paths/~1a/get/parameters/0",
            "#/parameters/nope does not exist",
        ),
        (
            {
                "paths": "paths: {}",
                "security": "securityDefinitions:\n  o: {type: oauth2, flow: magic, scopes: {}}",
            },
            "/securityDefinitions/o/flow",
            "unknown oauth2 flow 'magic'",
        ),
        (
            {
                "paths": "paths: {}",
                "security": "securityDefinitions:\n  o: {type: oauth2, flow: implicit}",
            },
            "/securityDefinitions/o",
            "needs authorizationUrl",
        ),
        ({"paths": "paths: [a]"}, "/paths", "must be an object"),
    ],
)
def test_malformed_input_is_a_spec_error(
    tmp_path: Path, blocks: dict[str, str], pointer: str, words: str
) -> None:
    with pytest.raises(SpecError) as caught:
        convert_text(tmp_path, minimal(**blocks))
    assert caught.value.pointer == pointer
    assert words in str(caught.value)


def test_missing_info_is_a_spec_error(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as caught:
        convert_text(tmp_path, 'swagger: "2.0"\npaths: {}\n')
    assert "info (title and version) is missing" in str(caught.value)


@pytest.mark.parametrize("keyword", sorted(schema_walk.KEYWORDS))
def test_a_reference_under_every_subschema_keyword_is_rewritten(keyword: str) -> None:
    # The converter had its own short list of subschema keywords: a reference to a definition
    # under `if` or `dependentSchemas` (not 2.0, but vendors write them) was left dangling.
    inner = {"$ref": "#/definitions/Pet", "x-nullable": True}
    if keyword in schema_walk.SINGLE:
        held: Any = inner
    elif keyword in schema_walk.LISTS:
        held = [inner]
    else:
        held = {"a": inner}
    source = {"type": "object", keyword: held}
    converted = swagger2.convert_schema(source)
    [(container, key, _path)] = list(schema_walk.subschemas(converted))
    assert container[key] == {"$ref": "#/components/schemas/Pet", "nullable": True}
    assert source[keyword] is held and inner["$ref"] == "#/definitions/Pet"  # left alone
