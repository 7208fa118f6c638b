"""OpenAPI 3.2 descriptions normalized to OpenAPI 3.2: every 3.2 addition is read, kept and
validated, and the steps that reach every operation reach the new ones too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.normalize.normalize import Normalized, normalize_source
from generator.shared.errors import SpecError
from tests.conftest import write_tree

CASES = Path(__file__).parent / "openapi_32_cases"


@pytest.fixture(scope="module")
def search() -> Normalized:
    return normalize_source(CASES / "search.yaml")


def _written(normalized: Normalized) -> dict[str, Any]:
    """The document as the normalized file holds it (canonical YAML read back)."""
    document: dict[str, Any] = yaml.safe_load(normalized.to_yaml())
    return document


def test_a_32_description_stays_32(search: Normalized) -> None:
    assert search.format == "openapi"
    assert _written(search)["openapi"] == "3.2.0"


def test_the_query_method_is_an_operation_with_an_id_and_its_body(search: Normalized) -> None:
    query = _written(search)["paths"]["/items"]["query"]
    assert query["operationId"] == "queryItems"  # derived like any method's
    schema = query["requestBody"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/Filter"}


def test_additional_operations_keep_their_methods_and_get_ids_in_method_order(
    search: Normalized,
) -> None:
    item = _written(search)["paths"]["/items/{id}"]
    assert list(item) == ["additionalOperations"]
    assert list(item["additionalOperations"]) == ["LINK", "UNLINK"]  # canonical: sorted
    ids = [op["operationId"] for op in item["additionalOperations"].values()]
    assert ids == ["linkItemsById", "unlinkItemsById"]
    assert all(op["tags"] == ["saved"] for op in item["additionalOperations"].values())


def test_the_querystring_parameter_is_kept_with_its_media_type(search: Normalized) -> None:
    (parameter,) = _written(search)["paths"]["/items"]["get"]["parameters"]
    assert parameter["in"] == "querystring"
    media = parameter["content"]["application/x-www-form-urlencoded"]
    assert media["schema"] == {"$ref": "#/components/schemas/ItemQuery"}


def test_item_schema_is_a_schema_of_the_document(search: Normalized) -> None:
    # The walk treats it as a schema: the file it refers to is bundled like any other.
    written = _written(search)
    media = written["paths"]["/events"]["get"]["responses"]["200"]["content"]["text/event-stream"]
    assert media == {"itemSchema": {"$ref": "#/components/schemas/Event"}}
    assert written["components"]["schemas"]["Event"]["properties"]["data"] == {"type": "string"}


def test_tags_self_and_the_device_flow_are_kept(search: Normalized) -> None:
    written = _written(search)
    assert list(written)[:2] == ["openapi", "$self"]
    assert written["$self"] == "https://example.com/apis/search/openapi.yaml"
    assert written["tags"] == [
        {"name": "search", "summary": "Searching", "kind": "nav"},
        {"name": "saved", "summary": "Saved searches", "parent": "search", "kind": "nav"},
    ]
    flow = written["components"]["securitySchemes"]["device"]["flows"]["deviceAuthorization"]
    assert flow["deviceAuthorizationUrl"] == "https://auth.example.com/device"
    assert flow["tokenUrl"] == "https://auth.example.com/token"


_ITEM = {"parameters": [{"name": "id", "in": "path", "schema": {"type": "string"}}]}


def _document(version: str, item: dict[str, Any], path: str = "/a") -> dict[str, Any]:
    return {"openapi": version, "info": {"title": "t", "version": "1"}, "paths": {path: item}}


def test_repairs_reach_additional_operations(tmp_path: Path) -> None:
    # A path parameter without `required: true`, and a {name} no parameter declares: repaired
    # in an additional operation as in a `get`.
    link = {**_ITEM, "responses": {"204": {"description": "ok"}}}
    item = {"additionalOperations": {"LINK": link}}
    write_tree(tmp_path, {"api.yaml": _document("3.2.0", item, "/a/{id}")})
    normalized = normalize_source(tmp_path / "api.yaml")
    repaired = normalized.document["paths"]["/a/{id}"]["additionalOperations"]["LINK"]
    assert repaired["parameters"][0]["required"] is True
    pointers = [str(warning.pointer) for warning in normalized.warnings.items]
    assert "/paths/~1a~1{id}/additionalOperations/LINK/parameters/0/required" in pointers


def test_the_32_schema_validates_a_32_description(tmp_path: Path) -> None:
    # `post` has its own field: 3.2 does not let additionalOperations name it again.
    item = {"additionalOperations": {"POST": {"responses": {"204": {"description": "ok"}}}}}
    write_tree(tmp_path, {"api.yaml": _document("3.2.0", item)})
    with pytest.raises(SpecError, match=r"not valid OpenAPI 3\.2") as refused:
        normalize_source(tmp_path / "api.yaml", strict=True)
    assert "/additionalOperations" in str(refused.value)


def test_a_31_description_may_not_use_32_fields(tmp_path: Path) -> None:
    item = {"query": {"responses": {"204": {"description": "ok"}}}}
    write_tree(tmp_path, {"api.yaml": _document("3.1.0", item)})
    with pytest.raises(SpecError, match=r"'query' is not allowed here by OpenAPI 3\.1"):
        normalize_source(tmp_path / "api.yaml", strict=True)


def test_a_version_after_32_is_refused_naming_the_supported_ones(tmp_path: Path) -> None:
    write_tree(tmp_path, {"api.yaml": _document("3.3.0", {})})
    with pytest.raises(SpecError, match=r"'3.3.0' is not supported \(3.0.x, 3.1.x and 3.2.x"):
        normalize_source(tmp_path / "api.yaml")


def test_additional_operations_of_another_shape_are_refused_at_their_place(
    tmp_path: Path,
) -> None:
    # The validator stops without naming a place on a list; null is the empty-values repair's.
    write_tree(tmp_path, {"api.yaml": _document("3.2.0", {"additionalOperations": [1]})})
    with pytest.raises(SpecError, match="additionalOperations is not a mapping") as refused:
        normalize_source(tmp_path / "api.yaml")
    assert refused.value.pointer == "/paths/~1a/additionalOperations"
    write_tree(tmp_path, {"api.yaml": _document("3.2.0", {"additionalOperations": None})})
    assert normalize_source(tmp_path / "api.yaml").document["paths"]["/a"] == {}
