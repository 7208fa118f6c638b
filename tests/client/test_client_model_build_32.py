"""The client model of OpenAPI 3.2 operations: every method (fixed fields, ``query``,
``additionalOperations``) is a call, and an ``in: querystring`` parameter the client cannot
send is refused at generation, naming the operation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.client.client_model_build import build_package
from generator.client.type_refs import Model
from generator.normalize.normalize import normalize_source
from generator.shared.errors import SpecError

CASES = Path(__file__).parents[1] / "normalize" / "openapi_32_cases"
_PAGE = {"200": {"description": "ok"}}


def _package_of(paths: dict[str, Any]) -> Any:
    document = {"openapi": "3.2.0", "info": {"title": "t", "version": "1"}, "paths": paths}
    return build_package(document, package="p", class_names={})


def test_every_method_of_a_32_path_item_is_a_call_with_its_http_method() -> None:
    document = normalize_source(CASES / "search.yaml").document
    names = {"Filter": "Filter", "ItemQuery": "ItemQuery", "Page": "Page", "Event": "Event"}
    package = build_package(document, package="p", class_names=names)
    calls = {
        op.operation_id: (op.http_method, op.path)
        for resource in package.resources
        for op in resource.operations
    }
    assert calls == {
        "queryItems": ("QUERY", "/items"),
        "listItems": ("GET", "/items"),
        "linkItemsById": ("LINK", "/items/{id}"),
        "unlinkItemsById": ("UNLINK", "/items/{id}"),
        "streamEvents": ("GET", "/events"),
    }
    (listing,) = [
        o for r in package.resources for o in r.operations if o.operation_id == "listItems"
    ]
    (querystring,) = listing.parameters
    assert (querystring.location, querystring.annotation) == (
        "querystring",
        Model("ItemQuery", "ItemQuery"),
    )
    search = next(r for r in package.resources if r.tag == "search")
    assert search.description == "Searching"  # the tag's summary, without a description


def _querystring(media: str) -> dict[str, Any]:
    return {"name": "q", "in": "querystring", "content": {media: {"schema": {"type": "object"}}}}


def test_a_querystring_of_another_media_type_is_refused_naming_the_operation() -> None:
    paths = {
        "/a": {
            "get": {
                "operationId": "a",
                "parameters": [_querystring("application/json")],
                "responses": _PAGE,
            }
        }
    }
    with pytest.raises(
        SpecError, match="application/x-www-form-urlencoded query strings only"
    ) as e:
        _package_of(paths)
    assert e.value.pointer == "/paths/~1a/get"


def test_query_and_querystring_parameters_together_are_refused() -> None:
    parameters = [
        _querystring("application/x-www-form-urlencoded"),
        {"name": "x", "in": "query", "schema": {"type": "string"}},
    ]
    paths = {
        "/a": {
            "additionalOperations": {
                "SEARCH": {"operationId": "a", "parameters": parameters, "responses": _PAGE}
            }
        }
    }
    with pytest.raises(SpecError, match="query and querystring parameters together") as e:
        _package_of(paths)
    assert e.value.pointer == "/paths/~1a/additionalOperations/SEARCH"
