"""Schema comparison through references: refactors are silent, cycles end, spellings agree."""

from __future__ import annotations

import copy
from typing import Any

from generator.changes.documents import compare_documents
from tests.changes.cases import document, fired

S = {"type": "string"}
JOB = {
    "type": "object",
    "required": ["id"],
    "properties": {"id": S, "status": {"type": "string", "enum": ["NEW", "DONE"]}},
}


def test_moving_an_inline_schema_into_components_is_no_change() -> None:
    inline = document(request=copy.deepcopy(JOB), response=copy.deepcopy(JOB))
    moved = document(
        request={"$ref": "#/components/schemas/Job"},
        response={"$ref": "#/components/schemas/Job", "description": "the job"},
        schemas={"Job": JOB},
    )
    assert fired(inline, moved) == {"api-schema-added"}  # INFO: the wire is the same
    assert fired(moved, inline) == {"api-schema-removed"}


def test_renaming_a_component_is_no_change_on_the_wire() -> None:
    old = document(response={"$ref": "#/components/schemas/Job"}, schemas={"Job": JOB})
    new = document(response={"$ref": "#/components/schemas/Task"}, schemas={"Task": JOB})
    assert fired(old, new) == {"api-schema-renamed"}


def test_a_change_behind_a_reference_is_found_and_placed_in_the_component() -> None:
    old = document(response={"$ref": "#/components/schemas/Job"}, schemas={"Job": JOB})
    changed = copy.deepcopy(JOB)
    changed["properties"]["status"]["enum"].append("FAILED")
    new = document(response={"$ref": "#/components/schemas/Job"}, schemas={"Job": changed})
    [change] = compare_documents(old, new)
    assert change.rule == "response-property-enum-value-added"
    assert change.pointer == "/components/schemas/Job/properties/status"
    assert change.operation == "POST /items/{id}"
    assert 'value "FAILED"' in change.message


def test_recursive_schemas_compare_and_end() -> None:
    node = {
        "type": "object",
        "properties": {
            "name": S,
            "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
        },
    }
    old = document(response={"$ref": "#/components/schemas/Node"}, schemas={"Node": node})
    assert fired(old, copy.deepcopy(old)) == set()
    deeper = copy.deepcopy(node)
    deeper["properties"]["name"] = {"type": "integer"}
    new = document(response={"$ref": "#/components/schemas/Node"}, schemas={"Node": deeper})
    assert fired(old, new) == {"response-property-type-changed"}


def test_mutually_recursive_schemas_with_renamed_components_end() -> None:
    def pair(a: str, b: str) -> dict[str, Any]:
        return {
            a: {"type": "object", "properties": {"other": {"$ref": f"#/components/schemas/{b}"}}},
            b: {"type": "object", "properties": {"back": {"$ref": f"#/components/schemas/{a}"}}},
        }

    old = document(response={"$ref": "#/components/schemas/A"}, schemas=pair("A", "B"))
    new = document(response={"$ref": "#/components/schemas/X"}, schemas=pair("X", "Y"))
    assert fired(old, new) == {"api-schema-removed", "api-schema-added"}
    changed = pair("X", "Y")
    changed["Y"]["properties"]["note"] = S
    new = document(response={"$ref": "#/components/schemas/X"}, schemas=changed)
    assert "response-optional-property-added" in fired(old, new)


def test_nullable_spellings_are_the_same_schema() -> None:
    spellings = [
        {"type": ["string", "null"]},
        {"anyOf": [S, {"type": "null"}]},
        {"oneOf": [{"type": "null"}, S]},
    ]
    for old in spellings:
        for new in spellings:
            assert fired(document(parameter=old), document(parameter=new)) == set()


def test_a_nullable_reference_compares_with_its_target() -> None:
    old = document(response={"$ref": "#/components/schemas/Job"}, schemas={"Job": JOB})
    new = document(
        response={"anyOf": [{"$ref": "#/components/schemas/Job"}, {"type": "null"}]},
        schemas={"Job": JOB},
    )
    assert fired(old, new) == {"response-body-became-nullable"}


def test_renaming_a_path_parameter_is_no_change() -> None:
    new = document()
    item = new["paths"].pop("/items/{id}")
    item["post"]["parameters"][0]["name"] = "key"
    new["paths"]["/items/{key}"] = item
    assert fired(document(), new) == set()


def test_prose_and_extensions_are_not_changes() -> None:
    new = document(request={"type": "object", "description": "now documented", "x-java": "Job"})
    new["paths"]["/items/{id}"]["post"]["summary"] = "Create an item"
    assert fired(document(), new) == set()


def test_read_only_properties_are_not_asked_of_requests() -> None:
    old = document(request={"type": "object", "properties": {"a": S}})
    new = document(
        request={
            "type": "object",
            "required": ["id"],
            "properties": {"a": S, "id": {"type": "string", "readOnly": True}},
        }
    )
    assert fired(old, new) == set()


def test_changes_are_sorted_most_severe_first() -> None:
    old = document(parameter={"type": "string", "enum": ["a", "b"]})
    new = document(parameter={"type": "string", "enum": ["b", "c"]})
    levels = [change.level.name for change in compare_documents(old, new)]
    assert levels == ["ERR", "INFO"]
