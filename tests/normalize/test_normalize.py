"""End to end: every input format normalizes to valid, canonical OpenAPI 3.1."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from generator.normalize.normalize import normalize_source
from tests.conftest import write_tree

LOADER_CASES = Path(__file__).parents[1] / "sources"


def test_openapi_31_json_over_several_files(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "api.json": json.dumps(
                {
                    "openapi": "3.1.0",
                    "info": {"title": "t", "version": "1"},
                    "paths": {
                        "/items/{itemId}": {
                            "get": {
                                "parameters": [{"$ref": "parts/parameters.json#/itemId"}],
                                "responses": {"200": {"$ref": "parts/responses.json#/item"}},
                            }
                        }
                    },
                }
            ),
            "parts/parameters.json": {
                "itemId": {
                    "name": "itemId",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string"},
                }
            },
            "parts/responses.json": {
                "item": {
                    "description": "An item",
                    "content": {"application/json": {"schema": {"$ref": "../schemas/item.json"}}},
                }
            },
            "schemas/item.json": {"type": ["object", "null"], "properties": {"id": {"const": 1}}},
        },
    )
    document = normalize_source(tmp_path / "api.json").document
    operation = document["paths"]["/items/{itemId}"]["get"]
    assert operation["operationId"] == "getItemsByItemId"
    assert operation["parameters"][0]["name"] == "itemId"
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/Item"}
    assert document["components"]["schemas"]["Item"]["type"] == ["object", "null"]


def test_swagger_20_end_to_end() -> None:
    result = normalize_source(LOADER_CASES / "swagger2_cases" / "kennel.yaml")
    assert result.format == "swagger2"
    document = result.document
    assert document["openapi"] == "3.1.0"
    assert all(
        "operationId" in operation
        for item in document["paths"].values()
        for key, operation in item.items()
        if key in ("get", "post", "put", "delete", "patch")
    )


def test_output_is_canonical_whatever_the_source_key_order(tmp_path: Path) -> None:
    first = {
        "openapi": "3.0.3",
        "info": {"version": "1", "title": "t"},
        "paths": {
            "/b": {"get": {"responses": {"204": {"description": "x"}}}},
            "/a": {"get": {"responses": {"200": {"description": "y"}}}},
        },
    }
    second = {
        "paths": dict(reversed(list(first["paths"].items()))),
        "info": {"title": "t", "version": "1"},
        "openapi": "3.0.3",
    }
    write_tree(tmp_path, {"one/api.yaml": first, "two/api.yaml": second})
    one = normalize_source(tmp_path / "one" / "api.yaml").to_yaml()
    two = normalize_source(tmp_path / "two" / "api.yaml").to_yaml()
    assert one == two
    assert list(yaml.safe_load(one)["paths"]) == ["/a", "/b"]
