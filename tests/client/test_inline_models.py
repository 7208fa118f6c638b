"""Inline object bodies, answers and webhook payloads become named components: readable names
from the operation and the role, never numbered, the same each time; others stay in place."""

from __future__ import annotations

import copy
import re
from typing import Any

from generator.client.inline_models import INLINE_BODY, with_named_inline_schemas

_OBJECT = {"type": "object", "properties": {"id": {"type": "string"}}}
_ENVELOPE = {"type": "object", "properties": {"data": _OBJECT}}


def _json(schema: Any) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def _answer(schema: Any) -> dict[str, Any]:
    return {"description": "ok", **_json(schema)}


def _document(operations: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"openapi": "3.1.0", "paths": {"/projects": operations}, **more}


def _schemas(document: dict[str, Any]) -> dict[str, Any]:
    return dict(with_named_inline_schemas(document)["components"]["schemas"])


def _ref(name: str) -> dict[str, str]:
    return {"$ref": "#/components/schemas/" + name}


def test_request_bodies_and_answers_are_named_from_the_operation_and_the_role() -> None:
    document = _document(
        {
            "post": {
                "operationId": "createProject",
                "requestBody": _json(_OBJECT),
                "responses": {"200": _answer(_ENVELOPE), "default": _answer(_OBJECT)},
            }
        }
    )
    result = with_named_inline_schemas(document)
    operation = result["paths"]["/projects"]["post"]
    assert operation["requestBody"]["content"]["application/json"]["schema"] == _ref(
        "CreateProjectRequest"
    )
    responses = operation["responses"]
    assert responses["200"]["content"]["application/json"]["schema"] == _ref(
        "CreateProjectResponse"
    )
    assert responses["default"]["content"]["application/json"]["schema"] == _ref(
        "CreateProjectDefaultResponse"
    )
    schemas = result["components"]["schemas"]
    assert schemas["CreateProjectResponse"] == _ENVELOPE  # the envelope whole, data inside it
    assert schemas["CreateProjectRequest"] == {**_OBJECT, INLINE_BODY: True}


def test_several_successful_answers_are_named_with_their_status() -> None:
    responses = {"200": _answer(_OBJECT), "201": _answer(_ENVELOPE), "204": {"description": "-"}}
    document = _document({"put": {"operationId": "putProject", "responses": responses}})
    assert set(_schemas(document)) == {"PutProject200Response", "PutProject201Response"}


def test_an_array_of_objects_keeps_the_array_and_names_its_items() -> None:
    answer = {"type": "array", "items": _OBJECT}
    document = _document(
        {"get": {"operationId": "listProjects", "responses": {"200": _answer(answer)}}}
    )
    result = with_named_inline_schemas(document)
    schema = result["paths"]["/projects"]["get"]["responses"]["200"]["content"]
    assert schema["application/json"]["schema"] == {
        "type": "array",
        "items": _ref("ListProjectsResponseItem"),
    }
    assert result["components"]["schemas"] == {"ListProjectsResponseItem": _OBJECT}


def test_compositions_of_objects_are_named_and_unions_of_models_are_left_alone() -> None:
    composed = {"allOf": [_ref("Base"), {"properties": {"extra": {"type": "integer"}}}]}
    union = {"oneOf": [_ref("Base"), _ref("Other")]}
    document = _document(
        {
            "get": {"operationId": "getComposed", "responses": {"200": _answer(composed)}},
            "put": {"operationId": "putUnion", "responses": {"200": _answer(union)}},
        },
        components={"schemas": {"Base": _OBJECT, "Other": _OBJECT}},
    )
    assert set(_schemas(document)) == {"Base", "Other", "GetComposedResponse"}


def test_scalars_maps_form_bodies_and_references_stay_in_place() -> None:
    operations = {
        "get": {
            "operationId": "getMap",
            "responses": {
                "200": _answer({"type": "object", "additionalProperties": {"type": "string"}}),
                "201": _answer({"type": "string"}),
                "202": _answer({"type": "object"}),
                "206": _answer({"type": "object", "items": _OBJECT}),  # no array: no items
                "203": _answer(_ref("Base")),
                "204": {"description": "-", "content": {"text/plain": {"schema": _OBJECT}}},
                # the client reads it as text, not JSON: a model would be unused
                "205": {"description": "-", "content": {"text/json": {"schema": _OBJECT}}},
            },
        },
        "post": {
            "operationId": "postForm",
            "requestBody": {
                "content": {
                    "application/x-www-form-urlencoded": {"schema": _OBJECT},
                    "multipart/form-data": {"schema": _OBJECT},
                }
            },
            "responses": {"204": {"description": "-"}},
        },
    }
    document = _document(operations, components={"schemas": {"Base": _OBJECT}})
    result = with_named_inline_schemas(document)
    assert result == document


def test_the_document_given_is_not_changed() -> None:
    document = _document({"get": {"operationId": "getP", "responses": {"200": _answer(_OBJECT)}}})
    before = copy.deepcopy(document)
    with_named_inline_schemas(document)
    assert document == before


def test_a_taken_name_gets_another_role_word_never_a_number() -> None:
    # taken as they are, in another case and with separators: one class name in models.py
    existing = {"GetProjectResponse": _OBJECT, "getprojectresponsebody": _OBJECT}
    existing |= {"Get_Project_Answer": _OBJECT, "GetProjectRequest": _OBJECT}
    document = _document(
        {
            "put": {
                "operationId": "getProject",
                "requestBody": _json(_OBJECT),
                "responses": {"200": _answer(_OBJECT)},
            }
        },
        components={"schemas": existing},
    )
    added = set(_schemas(document)) - set(existing)
    assert added == {"GetProject200Response", "GetProjectRequestBody"}


def test_when_every_role_word_is_taken_the_method_and_path_tell_them_apart() -> None:
    # two operations with one id (the normalizer refuses it; a document built otherwise may not)
    operations = {
        method: {"operationId": "same", "requestBody": _json(_OBJECT), "responses": {}}
        for method in ("get", "put", "post", "delete")
    }
    names = list(_schemas(_document(operations)))
    assert names == ["SameRequest", "SameRequestBody", "SameInput", "SameDeleteProjectsRequest"]
    assert not any(re.search(r"\d", name) for name in names)


def test_names_are_the_same_every_time() -> None:
    document = _document(
        {
            method: {
                "operationId": "op",
                "requestBody": _json(_OBJECT),
                "responses": {"200": _answer(_ENVELOPE)},
            }
            for method in ("get", "put", "post")
        }
    )
    first = with_named_inline_schemas(document)
    assert with_named_inline_schemas(copy.deepcopy(document)) == first
    assert list(first["components"]["schemas"]) == list(_schemas(document))


def test_webhook_payloads_are_named_from_the_webhook() -> None:
    document = {
        "openapi": "3.1.0",
        "webhooks": {
            "project.created": {
                "post": {
                    "requestBody": _json(_ENVELOPE),
                    "responses": {"200": {"description": "-"}},
                }
            },
            "projects-batch": {
                "post": {"requestBody": _json({"type": "array", "items": _OBJECT}), "responses": {}}
            },
        },
    }
    assert set(_schemas(document)) == {"ProjectCreatedPayload", "ProjectsBatchPayloadItem"}


def test_shared_request_bodies_and_responses_are_named_from_their_component() -> None:
    document = {
        "openapi": "3.1.0",
        "paths": {},
        "components": {
            "requestBodies": {"NewProject": _json(_OBJECT)},
            "responses": {"ErrorResponse": _answer(_OBJECT), "Page": _answer(_ENVELOPE)},
        },
    }
    assert set(_schemas(document)) == {"NewProjectRequest", "ErrorResponse", "PageResponse"}


def test_one_schema_in_json_and_xml_is_one_component() -> None:
    body = {
        "content": {"application/json": {"schema": _OBJECT}, "application/xml": {"schema": _OBJECT}}
    }
    document = _document({"post": {"operationId": "addPet", "requestBody": body, "responses": {}}})
    result = with_named_inline_schemas(document)
    content = result["paths"]["/projects"]["post"]["requestBody"]["content"]
    assert content["application/xml"]["schema"] == content["application/json"]["schema"]
    assert set(result["components"]["schemas"]) == {"AddPetRequest"}
