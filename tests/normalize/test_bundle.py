from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.normalize.bundle import bundle
from generator.shared.errors import SpecError, Warnings
from generator.shared.naming import spec_pascal_case as pascal_case
from generator.sources.openapi import load
from generator.sources.source_files import SourceFiles


def _api(paths: dict[str, Any], schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    document: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": paths,
    }
    if schemas is not None:
        document["components"] = {"schemas": schemas}
    return document


def _get(schema_ref: str) -> dict[str, Any]:
    return {
        "get": {
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {"application/json": {"schema": {"$ref": schema_ref}}},
                }
            }
        }
    }


def _bundle(root: Path, entry: str = "api.yaml") -> dict[str, Any]:
    files = SourceFiles(root)
    document = load(root / entry, files, Warnings())
    bundle(files, root / entry, document)
    return document


def _response_schema(document: dict[str, Any], path: str) -> Any:
    return document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"][
        "schema"
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("jobInfos", "JobInfos"),
        ("batch_tracking", "BatchTracking"),
        ("UUID", "UUID"),
        ("error-type", "ErrorType"),
        ("2fa", "Schema2fa"),
        ("", "Schema"),
    ],
)
def test_pascal_case_names(text: str, name: str) -> None:
    assert pascal_case(text) == name


def test_a_file_referenced_twice_becomes_one_component_named_after_it(tree: Any) -> None:
    root = tree(
        {
            "api.yaml": _api({"/a": _get("schemas/job.json"), "/b": _get("./schemas/job.json")}),
            "schemas/job.json": {"type": "object", "properties": {"id": {"type": "string"}}},
        }
    )
    document = _bundle(root)
    assert list(document["components"]["schemas"]) == ["Job"]
    assert _response_schema(document, "/a") == {"$ref": "#/components/schemas/Job"}
    assert _response_schema(document, "/b") == {"$ref": "#/components/schemas/Job"}


def test_fragment_names_the_component_and_alias_components_disappear(tree: Any) -> None:
    root = tree(
        {
            "api.yaml": _api(
                {"/jobs": _get("#/components/schemas/job")},
                {"job": {"$ref": "defs/job.json#/Job"}},
            ),
            "defs/job.json": {
                "Job": {"type": "object", "properties": {"status": {"$ref": "status.json#/S"}}}
            },
            "defs/status.json": {"S": {"type": "string", "enum": ["A", "B"]}},
        }
    )
    document = _bundle(root)
    schemas = document["components"]["schemas"]
    assert set(schemas) == {"Job", "S"}
    assert _response_schema(document, "/jobs") == {"$ref": "#/components/schemas/Job"}
    assert schemas["Job"]["properties"]["status"] == {"$ref": "#/components/schemas/S"}


def test_cyclic_schemas_bundle_once_each(tree: Any) -> None:
    root = tree(
        {
            "api.yaml": _api({"/f": _get("filter.json")}),
            "filter.json": {"oneOf": [{"$ref": "not.json"}, {"type": "string"}]},
            "not.json": {"type": "object", "properties": {"criteria": {"$ref": "filter.json"}}},
        }
    )
    schemas = _bundle(root)["components"]["schemas"]
    assert set(schemas) == {"Filter", "Not"}
    assert schemas["Not"]["properties"]["criteria"] == {"$ref": "#/components/schemas/Filter"}


def test_discriminator_mapping_file_names_become_component_references(tree: Any) -> None:
    root = tree(
        {
            "api.yaml": _api({"/t": _get("token.json")}),
            "token.json": {
                "oneOf": [{"$ref": "tokenA.json"}],
                "discriminator": {"propertyName": "type", "mapping": {"A": "tokenA.json"}},
            },
            "tokenA.json": {"type": "object", "properties": {"type": {"type": "string"}}},
        }
    )
    token = _bundle(root)["components"]["schemas"]["Token"]
    assert token["discriminator"]["mapping"] == {"A": "#/components/schemas/TokenA"}


def test_same_stem_in_two_folders_gets_distinct_readable_names(tree: Any) -> None:
    root = tree(
        {
            "api.yaml": _api(
                {"/a": _get("common/parameters.json"), "/b": _get("raml/parameters.json")}
            ),
            "common/parameters.json": {"type": "array"},
            "raml/parameters.json": {"type": "object"},
        }
    )
    assert set(_bundle(root)["components"]["schemas"]) == {"Parameters", "RamlParameters"}


def test_sibling_type_beside_a_reference_to_the_same_type_is_dropped(tree: Any) -> None:
    root = tree(
        {
            "api.yaml": _api({"/a": _get("list.json")}),
            "list.json": {"type": "array", "items": {"type": "object", "$ref": "item.json"}},
            "item.json": {"type": "object"},
        }
    )
    items = _bundle(root)["components"]["schemas"]["List"]["items"]
    assert items == {"$ref": "#/components/schemas/Item"}


def test_external_example_value_is_inlined(tree: Any) -> None:
    paths = _get("thing.json")
    paths["get"]["responses"]["200"]["content"]["application/json"]["example"] = {
        "$ref": "examples/thing.sample"
    }
    root = tree(
        {
            "api.yaml": _api({"/t": paths}),
            "thing.json": {"type": "object"},
            "examples/thing.sample": {"name": "x"},
        }
    )
    media = _bundle(root)["paths"]["/t"]["get"]["responses"]["200"]["content"]["application/json"]
    assert media["example"] == {"name": "x"}


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("missing.json", "file"),
        ("thing.json#/Nope", "does not exist"),
        ("../outside.json", "escapes the source folder"),
        ("https://example.org/schema.json", "not fetched"),
    ],
)
def test_bad_references_name_file_and_pointer(tree: Any, reference: str, message: str) -> None:
    root = tree(
        {"src/api.yaml": _api({"/t": _get(reference)}), "src/thing.json": {}, "outside.json": {}}
    )
    with pytest.raises(SpecError) as raised:
        _bundle(root / "src")
    assert message in str(raised.value)
    assert "api.yaml" in str(raised.value)
    assert raised.value.pointer == "/paths/~1t/get/responses/200/content/application~1json/schema"


def test_references_into_another_components_definitions_are_bundled(tree: Any) -> None:
    # Codat's accounting API: one component's `definitions` refer into another's.
    line = {"properties": {"recordRef": {"$ref": "#/components/schemas/Cost/definitions/to"}}}
    root = tree(
        {
            "api.yaml": _api(
                {"/t": _get("#/components/schemas/Transaction")},
                {
                    "Transaction": {
                        "type": "object",
                        "properties": {
                            "line": {"$ref": "#/components/schemas/Transaction/definitions/line"}
                        },
                        "definitions": {"line": line},
                    },
                    "Cost": {"type": "object", "definitions": {"to": {"type": "string"}}},
                },
            )
        }
    )
    from generator.normalize.normalize import normalize_source

    schemas = normalize_source(root / "api.yaml").document["components"]["schemas"]
    assert schemas["Line"]["properties"]["recordRef"] == {"$ref": "#/components/schemas/To"}
    assert schemas["To"] == {"type": "string"}


def test_an_invalid_schema_is_named_from_the_root_of_the_document(tree: Any) -> None:
    from generator.normalize.normalize import normalize_source

    broken = {"type": "object", "properties": {"kind": {"type": {"type": "string"}}}}
    root = tree({"api.yaml": _api({"/t": _get("#/components/schemas/Item")}, {"Item": broken})})
    with pytest.raises(SpecError) as raised:  # strict: by default it is repaired (repairs.py)
        normalize_source(root / "api.yaml", strict=True)
    assert raised.value.pointer == "/components/schemas/Item/properties/kind/type"


def test_an_invalid_schema_in_another_components_definitions_is_named_where_it_is_written(
    tree: Any,
) -> None:
    # Codat: `Item/definitions/itemType` is `{"type": {schema}}`; bundling makes it the
    # component ItemType, but the user has to fix it in Item's definitions.
    from generator.normalize.normalize import normalize_source

    item = {
        "type": "object",
        "properties": {"type": {"$ref": "#/components/schemas/Item/definitions/itemType"}},
        "definitions": {"itemType": {"type": {"type": "string", "enum": ["Service"]}}},
    }
    root = tree({"api.yaml": _api({"/t": _get("#/components/schemas/Item")}, {"Item": item})})
    with pytest.raises(SpecError) as raised:  # strict: by default it is repaired (repairs.py)
        normalize_source(root / "api.yaml", strict=True)
    assert raised.value.pointer == "/components/schemas/Item/definitions/itemType/type"
    assert raised.value.file == root / "api.yaml"


@pytest.mark.parametrize(
    ("where", "operation"),
    [
        ("requestBody", {"requestBody": {"$ref": "#/components/requestBodies/Nope"}}),
        ("parameters/0", {"parameters": [{"$ref": "#/components/parameters/Nope"}]}),
        ("responses/200", {"responses": {"200": {"$ref": "#/components/responses/Nope"}}}),
    ],
)
def test_a_reference_to_a_missing_root_component_names_where_it_is_used(
    tree: Any, where: str, operation: dict[str, Any]
) -> None:
    # a requestBody's raised KeyError in the client builder; a response's aborted the validator
    root = tree({"api.yaml": _api({"/t": {"post": {"responses": {"204": {}}, **operation}}})})
    with pytest.raises(SpecError, match=r"#/components/\w+/Nope does not exist") as raised:
        _bundle(root)
    assert "api.yaml" in str(raised.value)
    assert raised.value.pointer == f"/paths/~1t/post/{where}"


def test_boolean_schemas_bundle_as_the_schemas_they_are(tree: Any) -> None:
    # `items: [false]` (draft-04 tuple form) crashed: 'bool' object has no attribute 'get'
    schema = {
        "type": "object",
        "properties": {
            "tuple": {"type": "array", "items": [False, True, {"$ref": "thing.json"}]},
            "none": {"type": "array", "items": False},
            "open": True,
        },
        "additionalProperties": False,
    }
    root = tree(
        {
            "api.yaml": _api({"/t": _get("#/components/schemas/A")}, {"A": schema}),
            "thing.json": {"type": "string"},
        }
    )
    bundled = _bundle(root)["components"]["schemas"]
    tuple_items = bundled["A"]["properties"]["tuple"]["items"]
    assert tuple_items == [False, True, {"$ref": "#/components/schemas/Thing"}]
    assert bundled["Thing"] == {"type": "string"}
    assert bundled["A"]["properties"]["open"] is True
