"""Lenient by default: each common defect of public specs is repaired with a warning naming the
file, the pointer and what was done; --strict (and every system under specs/) refuses it
instead, naming the pointer; what cannot be understood is refused in both modes."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator_rs import OpenAPIV31SpecValidator, ValidationAbortedError

from generator.cli import main
from generator.normalize.normalize import normalize_source, normalize_system
from generator.project.manifest import load_manifest
from generator.shared import pointer as json_pointer
from generator.shared.errors import SpecError
from tests.conftest import write_tree

_BASE: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "t", "version": "1"},
    "paths": {
        "/a": {
            "get": {
                "operationId": "getA",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/S"}}
                        },
                    }
                },
            }
        }
    },
    "components": {"schemas": {"S": {"type": "object", "properties": {}}}},
}


_DEEP_SCHEMA = {
    "type": "object",
    "properties": {
        "a": {
            "type": "array",
            "items": {
                "oneOf": [{"type": "object", "properties": {"k": {"type": "string"}}}],
                "discriminator": {"propertyName": "k", "type": "string"},
            },
        }
    },
}
_DEEP_P = (
    "/paths/~1a/get/responses/200/content/application~1json/schema/properties/a/items"
    "/discriminator/type"
)


def _spec(edit: Callable[[dict[str, Any]], Any]) -> dict[str, Any]:
    document = copy.deepcopy(_BASE)
    edit(document)
    return document


def _properties(document: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = document["components"]["schemas"]["S"]["properties"]
    return properties


def _operation(document: dict[str, Any]) -> dict[str, Any]:
    operation: dict[str, Any] = document["paths"]["/a"]["get"]
    return operation


def _property(schema: dict[str, Any]) -> Callable[[dict[str, Any]], Any]:
    return lambda document: _properties(document).update(p=schema)


def _parameter(parameter: dict[str, Any]) -> Callable[[dict[str, Any]], Any]:
    return lambda document: _operation(document).update(parameters=[parameter])


# (case, edit, pointer of the defect, where the repaired value is, the value (absent: None))
_PROPERTY_P = "/components/schemas/S/properties/p"
_REPAIRS: list[tuple[str, Callable[[dict[str, Any]], Any], str, str, Any]] = [
    (
        "integer default spelled as a string",
        _property({"type": "integer", "default": "20"}),
        f"{_PROPERTY_P}/default",
        f"{_PROPERTY_P}/default",
        20,
    ),
    (
        "boolean default spelled as a string",
        _property({"type": "boolean", "default": "True"}),
        f"{_PROPERTY_P}/default",
        f"{_PROPERTY_P}/default",
        True,
    ),
    (
        "string default written as a number",
        _property({"type": "string", "default": 20}),
        f"{_PROPERTY_P}/default",
        f"{_PROPERTY_P}/default",
        "20",
    ),
    (
        "null default without nullable",
        _property({"type": "string", "default": None}),
        f"{_PROPERTY_P}/default",
        f"{_PROPERTY_P}/default",
        None,
    ),
    (
        "'null' default of a nullable schema",
        _property({"type": "integer", "nullable": True, "default": "null"}),
        f"{_PROPERTY_P}/default",
        f"{_PROPERTY_P}/default",
        "null in the document",
    ),
    (
        "default outside its format",
        _property({"type": "string", "format": "date-time", "default": "now"}),
        f"{_PROPERTY_P}/default",
        f"{_PROPERTY_P}/default",
        None,
    ),
    (
        "default outside its enum",
        _property({"type": "string", "enum": ["a", "b"], "default": "c"}),
        f"{_PROPERTY_P}/default",
        f"{_PROPERTY_P}/default",
        None,
    ),
    (
        "duplicate names in required",
        lambda document: document["components"]["schemas"]["S"].update(
            properties={"n": {"type": "integer"}}, required=["n", "n"]
        ),
        "/components/schemas/S/required",
        "/components/schemas/S/required",
        ["n"],
    ),
    (
        "a type that is a schema",
        _property({"type": {"type": "string", "enum": ["a"]}}),
        f"{_PROPERTY_P}/type",
        f"{_PROPERTY_P}",
        {"type": "string", "enum": ["a"]},
    ),
    (
        "a pattern that is a number",
        _property({"type": "string", "pattern": 0}),
        f"{_PROPERTY_P}/pattern",
        f"{_PROPERTY_P}/pattern",
        None,
    ),
    (
        "a minLength spelled as a string",
        _property({"type": "string", "minLength": "5"}),
        f"{_PROPERTY_P}/minLength",
        f"{_PROPERTY_P}/minLength",
        5,
    ),
    (
        "a schema title that is a number",
        _property({"type": "string", "title": 3}),
        f"{_PROPERTY_P}/title",
        f"{_PROPERTY_P}/title",
        "3",
    ),
    (
        "a title on an operation",
        lambda document: _operation(document).update(title="x"),
        "/paths/~1a/get/title",
        "/paths/~1a/get/title",
        None,
    ),
    (
        "a root field that is not an extension",
        lambda document: document.update(foo=1),
        "/foo",
        "/foo",
        None,
    ),
    (
        "a path without its leading slash",
        lambda document: document["paths"].update({"b": {}}),
        "/paths/b",
        "/paths/~1b",
        {},
    ),
    (
        "a response code range in lower case",
        lambda document: _operation(document)["responses"].update({"4xx": {"description": "x"}}),
        "/paths/~1a/get/responses/4xx",
        "/paths/~1a/get/responses/4XX",
        {"description": "x"},
    ),
    (
        "a response key that is no status code",
        lambda document: _operation(document)["responses"].update(abcdef={"description": "x"}),
        "/paths/~1a/get/responses/abcdef",
        "/paths/~1a/get/responses/abcdef",
        None,
    ),
    (
        "allowReserved on a header parameter",
        _parameter(
            {"name": "h", "in": "header", "allowReserved": True, "schema": {"type": "string"}}
        ),
        "/paths/~1a/get/parameters/0/allowReserved",
        "/paths/~1a/get/parameters/0/allowReserved",
        None,
    ),
    (
        "a tag declared twice",
        lambda document: document.update(tags=[{"name": "a"}, {"name": "a", "description": "x"}]),
        "/tags/1",
        "/tags",
        [{"name": "a"}],
    ),
    (
        "a parameter listed twice",
        lambda document: _operation(document).update(
            parameters=[
                {"name": "q", "in": "query", "schema": {"type": "string"}},
                {"name": "q", "in": "query", "schema": {"type": "integer"}},
            ]
        ),
        "/paths/~1a/get/parameters/1",
        "/paths/~1a/get/parameters",
        [{"name": "q", "in": "query", "schema": {"type": "string"}}],
    ),
    (
        "a path template without its parameter",
        lambda document: document["paths"].update(
            {"/b/{id}": {"get": {"responses": {"200": {"description": "x"}}}}}
        ),
        "/paths/~1b~1{id}/get/parameters",
        "/paths/~1b~1{id}/get/parameters",
        [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
    ),
    (
        "a path parameter the template lacks",
        _parameter({"name": "zz", "in": "path", "required": True, "schema": {"type": "string"}}),
        "/paths/~1a/get/parameters/0",
        "/paths/~1a/get/parameters",
        [],
    ),
    (
        "a path parameter that is not required",
        lambda document: document["paths"].update(
            {
                "/b/{id}": {
                    "parameters": [{"name": "id", "in": "path", "schema": {"type": "string"}}],
                    "get": {"responses": {"200": {"description": "x"}}},
                }
            }
        ),
        "/paths/~1b~1{id}/parameters/0/required",
        "/paths/~1b~1{id}/parameters/0/required",
        True,
    ),
    (
        "a parameter's content with two media types",
        _parameter(
            {
                "name": "q",
                "in": "query",
                "content": {
                    "application/json": {"schema": {"type": "string"}},
                    "text/plain": {"schema": {"type": "string"}},
                },
            }
        ),
        "/paths/~1a/get/parameters/0/content",
        "/paths/~1a/get/parameters/0/content",
        {"application/json": {"schema": {"type": "string"}}},
    ),
    (
        "no info",
        lambda document: document.pop("info"),
        "/info",
        "/info",
        {"title": "api", "version": "0"},
    ),
    (
        "a version that is a number",
        lambda document: document["info"].update(version=1.5),
        "/info/version",
        "/info/version",
        "1.5",
    ),
    (
        "info without a title",
        lambda document: document["info"].pop("title"),
        "/info/title",
        "/info/title",
        "api",
    ),
    (
        "an empty paths:",
        lambda document: document.update(paths=None),
        "/paths",
        "/paths",
        {},
    ),
    (
        "a path item that is empty",
        lambda document: document["paths"].update({"/b": None}),
        "/paths/~1b",
        "/paths/~1b",
        None,
    ),
    (
        "an empty parameters:",
        lambda document: _operation(document).update(parameters=None),
        "/paths/~1a/get/parameters",
        "/paths/~1a/get/parameters",
        None,
    ),
    (
        "an integer key beside its string spelling",
        lambda document: _operation(document).update({"x-codes": {"200": "a", 200: "b"}}),
        "/paths/~1a/get/x-codes/200",
        "/paths/~1a/get/x-codes",
        {"200": "a"},
    ),
    (
        "an integer key inside an extension",
        lambda document: _operation(document).update({"x-codes": {200: "ok"}}),
        "/paths/~1a/get/x-codes/200",
        "/paths/~1a/get/x-codes",
        {"200": "ok"},
    ),
    (
        "composition-written-as-a-mapping",
        _property({"allOf": {"3": {"type": "object"}}}),
        _PROPERTY_P + "/allOf",
        _PROPERTY_P + "/allOf",
        [{"type": "object"}],
    ),
    (
        # the validator's path for it starts at the answer's schema, not at the document
        "unknown-key-deep-in-an-inline-schema",
        lambda d: _operation(d)["responses"]["200"]["content"]["application/json"].update(
            schema=_DEEP_SCHEMA
        ),
        _DEEP_P,
        _DEEP_P,
        None,
    ),
]


def _write(tmp_path: Path, document: dict[str, Any]) -> Path:
    # YAML, so that an integer key survives the writing.
    write_tree(tmp_path, {"api.yaml": yaml.safe_dump(document, sort_keys=False)})
    return tmp_path / "api.yaml"


def _value(document: dict[str, Any], pointer: str) -> Any:
    try:
        return json_pointer.resolve(document, pointer)
    except KeyError:
        return None


@pytest.mark.parametrize(
    ("edit", "pointer", "where", "expected"),
    [case[1:] for case in _REPAIRS],
    ids=[case[0] for case in _REPAIRS],
)
def test_a_defect_is_repaired_with_a_warning_naming_file_and_pointer(
    tmp_path: Path, edit: Callable[[dict[str, Any]], Any], pointer: str, where: str, expected: Any
) -> None:
    source = _write(tmp_path, _spec(edit))
    result = normalize_source(source)
    [warning] = [w for w in result.warnings.items if w.repair]
    assert (warning.file, warning.pointer) == (source, pointer)
    value = _value(result.document, where)
    if expected == "null in the document":
        assert value is None and "default" in _value(result.document, _PROPERTY_P)
    else:
        assert value == expected


@pytest.mark.parametrize(
    ("edit", "pointer"),
    [case[1:3] for case in _REPAIRS],
    ids=[case[0] for case in _REPAIRS],
)
def test_strict_refuses_the_same_defect_naming_its_pointer(
    tmp_path: Path, edit: Callable[[dict[str, Any]], Any], pointer: str
) -> None:
    source = _write(tmp_path, _spec(edit))
    with pytest.raises(SpecError) as raised:
        normalize_source(source, strict=True)
    assert (raised.value.file, raised.value.pointer) == (source, pointer)


def test_a_valid_description_is_not_touched_and_warns_of_nothing(tmp_path: Path) -> None:
    source = _write(tmp_path, _BASE)
    assert normalize_source(source).to_yaml() == normalize_source(source, strict=True).to_yaml()
    assert normalize_source(source).warnings.items == []


def test_a_repair_in_a_bundled_definition_names_the_place_it_is_written(tmp_path: Path) -> None:
    # Codat: `Item/definitions/itemType` is `{"type": {schema}}`, bundled as component ItemType.
    def edit(document: dict[str, Any]) -> None:
        document["components"]["schemas"]["S"] = {
            "type": "object",
            "properties": {"kind": {"$ref": "#/components/schemas/S/definitions/itemType"}},
            "definitions": {"itemType": {"type": {"type": "string", "enum": ["Service"]}}},
        }

    source = _write(tmp_path, _spec(edit))
    [warning] = normalize_source(source).warnings.items
    assert warning.pointer == "/components/schemas/S/definitions/itemType/type"


def test_the_command_line_prints_each_repair_and_then_their_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def edit(document: dict[str, Any]) -> None:
        _properties(document).update(
            n={"type": "integer", "default": "20"}, b={"type": "boolean", "default": "false"}
        )
        _operation(document)["title"] = "x"

    source = _write(tmp_path, _spec(edit))
    assert main(["normalize", str(source), "-o", str(tmp_path / "out.yaml")]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 4, lines
    assert all(line.startswith(f"warning: {source}") for line in lines[:3])
    assert "#/components/schemas/S/properties/n/default" in lines[0]
    assert "made it 20" in lines[0]
    assert lines[3] == "warning: 3 defects repaired (docs/repairs.md); --strict refuses them"


@pytest.mark.parametrize("command", ["normalize", "generate"])
def test_strict_on_the_command_line_refuses_naming_the_pointer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    source = _write(tmp_path, _spec(_property({"type": "integer", "default": "20"})))
    output = ["-o", str(tmp_path / "out")] + (["--package", "p"] if command == "generate" else [])
    assert main([command, "--strict", str(source), *output]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"error: {source} #{_PROPERTY_P}/default: default '20' is invalid")
    assert not (tmp_path / "out").exists()


# What cannot be understood: refused in both modes, naming the place, never a traceback.
_REFUSALS: list[tuple[str, Callable[[dict[str, Any]], Any], str]] = [
    (
        "an allOf inheritance cycle",
        lambda document: document["components"]["schemas"].update(
            A={"allOf": [{"$ref": "#/components/schemas/B"}]},
            B={"allOf": [{"$ref": "#/components/schemas/A"}]},
        ),
        "/components/schemas/B/allOf/0",
    ),
    (
        "a parameter without a name",
        _parameter({"in": "query", "schema": {"type": "string"}}),
        "/paths/~1a/get/parameters/0",
    ),
    (
        "a parameter without in",
        _parameter({"name": "q", "schema": {"type": "string"}}),
        "/paths/~1a/get/parameters/0",
    ),
    (
        "a schema whose type is no type",
        _property({"type": "strin", "default": "x"}),
        f"{_PROPERTY_P}/type",
    ),
    (
        "a schema whose items are a type name",
        _property({"type": "array", "items": "string", "default": ["a"]}),
        f"{_PROPERTY_P}/items",
    ),
    (
        "a reference to nothing",
        _parameter({"$ref": "#/components/parameters/Nope"}),
        "/paths/~1a/get/parameters/0",
    ),
    (
        "a reference to nothing, percent-encoded",
        _parameter({"$ref": "#/paths/~1b~1%7Bid%7D/get/parameters/0"}),
        "/paths/~1a/get/parameters/0",
    ),
    (
        "a path template without its closing brace",
        lambda document: document["paths"].update({"/b/{x": {}}),
        "/paths/~1b~1{x",
    ),
]


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
@pytest.mark.parametrize(
    ("edit", "pointer"), [case[1:] for case in _REFUSALS], ids=[case[0] for case in _REFUSALS]
)
def test_what_cannot_be_understood_is_refused_naming_the_place(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    edit: Callable[[dict[str, Any]], Any],
    pointer: str,
    strict: bool,
) -> None:
    source = _write(tmp_path, _spec(edit))
    arguments = ["normalize", str(source), *(["--strict"] if strict else [])]
    assert main(arguments) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"error: {source} #{pointer}: ")


def test_a_system_is_strict(tmp_path: Path) -> None:
    write_tree(
        tmp_path / "s",
        {
            "manifest.yaml": "system: s\npackage: s\ntitle: S\nsource: api.yaml\n"
            "servers: [{url: 'https://x.test'}]\n"
            "auth: {schemes: {k: {type: apiKey, in: header, name: K}}, security: [{k: []}]}\n",
            "api.yaml": yaml.safe_dump(_spec(lambda d: _operation(d).update(title="x"))),
        },
    )
    with pytest.raises(SpecError) as raised:
        normalize_system(load_manifest(tmp_path / "s" / "manifest.yaml"))
    assert "refused in strict mode" in str(raised.value), raised.value
    assert raised.value.pointer == "/paths/~1a/get/title"


def test_a_percent_encoded_reference_is_followed(tmp_path: Path) -> None:
    # Codat refers to the parameters of `/companies/{companyId}/...` as `...%7BcompanyId%7D...`.
    def edit(document: dict[str, Any]) -> None:
        document["paths"]["/b/{id}"] = {
            "get": {
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {"200": {"description": "x"}},
            }
        }
        _operation(document)["parameters"] = [{"$ref": "#/paths/~1b~1%7Bid%7D/get/parameters/0"}]
        document["paths"]["/a/{id}"] = document["paths"].pop("/a")

    source = _write(tmp_path, _spec(edit))
    assert normalize_source(source, strict=True).warnings.items == []


def test_a_validator_that_stops_is_reported_in_one_line_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # For what check_understandable does not know yet (it knows every case found so far).
    def stop(self: Any) -> Any:
        raise ValidationAbortedError("'somewhere'")

    monkeypatch.setattr(OpenAPIV31SpecValidator, "iter_errors", stop)
    source = _write(tmp_path, _BASE)
    assert main(["normalize", str(source)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line == f"error: {source}: the OpenAPI validator stopped: 'somewhere'"


def test_a_defect_repeated_in_many_inline_schemas_is_repaired_at_each_place(
    tmp_path: Path,
) -> None:
    # the validator names each from its schema, not from the root: each is found in its place
    def edit(document: dict[str, Any]) -> None:
        operation = _operation(document)
        for code in ("200", "201", "202"):
            operation["responses"][code] = {
                "description": "ok",
                "content": {"application/json": {"schema": copy.deepcopy(_DEEP_SCHEMA)}},
            }

    normalized = normalize_source(_write(tmp_path, _spec(edit)))
    pointers = [warning.pointer for warning in normalized.warnings.items]
    assert sorted(pointers) == [_DEEP_P.replace("/200/", f"/{code}/") for code in (200, 201, 202)]
    for code in ("200", "201", "202"):
        assert "type" not in _value(normalized.document, _DEEP_P.replace("/200/", f"/{code}/")[:-5])


def test_a_schema_json_schema_cannot_read_is_refused_after_valid_copies_of_its_neighbour(
    tmp_path: Path,
) -> None:
    # schemas found valid once are not checked again: a different one still is
    def edit(document: dict[str, Any]) -> None:
        _properties(document).update(a={"type": "string"}, b={"type": "string"})
        document["components"]["schemas"]["T"] = {"type": "object", "properties": {}}
        document["components"]["schemas"]["U"] = {"type": "object", "properties": {"c": 3}}

    with pytest.raises(SpecError, match="not a valid schema") as raised:
        normalize_source(_write(tmp_path, _spec(edit)))
    assert raised.value.pointer == "/components/schemas/U/properties/c"
