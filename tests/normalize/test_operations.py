from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.normalize.operations import assign_operation_ids_and_tags
from generator.shared.errors import SpecError


def _document(operations: dict[str, dict[str, Any]]) -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for key, operation in operations.items():
        method, path = key.split(" ")
        paths.setdefault(path, {})[method] = {"responses": {}, **operation}
    return {"paths": paths}


def _ids(document: dict[str, Any]) -> dict[str, str]:
    return {
        f"{method} {path}": op["operationId"]
        for path, item in document["paths"].items()
        for method, op in item.items()
    }


def test_derived_ids_drop_the_shared_module_prefix_and_keep_upstream_ids() -> None:
    document = _document(
        {
            "get /erm-usage-harvester/jobs": {},
            "get /erm-usage-harvester/start/{id}": {},
            "post /erm-usage-harvester/jobs/purgefinished": {"operationId": "purgeFinished"},
        }
    )
    assign_operation_ids_and_tags(document, Path("api.raml"))
    assert _ids(document) == {
        "get /erm-usage-harvester/jobs": "getJobs",
        "get /erm-usage-harvester/start/{id}": "getStartById",
        "post /erm-usage-harvester/jobs/purgefinished": "purgeFinished",
    }
    assert document["paths"]["/erm-usage-harvester/start/{id}"]["get"]["tags"] == ["start"]


def test_a_single_resource_keeps_its_last_shared_segment() -> None:
    document = _document(
        {
            "post /orders-storage/batch-tracking": {},
            "delete /orders-storage/batch-tracking/{id}": {},
        }
    )
    assign_operation_ids_and_tags(document, Path("api.raml"))
    assert set(_ids(document).values()) == {"postBatchTracking", "deleteBatchTrackingById"}


def test_duplicate_upstream_ids_are_an_error_naming_both_places() -> None:
    document = _document({"get /a": {"operationId": "x"}, "get /b": {"operationId": "x"}})
    with pytest.raises(SpecError) as raised:
        assign_operation_ids_and_tags(document, Path("api.yaml"))
    assert "used twice" in str(raised.value)
    assert "/paths/~1a/get" in str(raised.value) and "/paths/~1b/get" in str(raised.value)


def test_a_derived_id_never_collides_with_an_upstream_one() -> None:
    document = _document({"get /a/b": {"operationId": "getC"}, "get /a/c": {}})
    assign_operation_ids_and_tags(document, Path("api.yaml"))
    assert _ids(document) == {"get /a/b": "getC", "get /a/c": "getC2"}
