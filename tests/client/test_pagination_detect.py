"""Pagination read from the spec alone: each style where parameters and answer agree, nothing
on a near miss, and an x-pagination (manifest or spec) always wins."""

from __future__ import annotations

from typing import Any

import pytest

from generator.client.client_model import Operation
from generator.client.client_model_build import build_package
from generator.client.pagination_detect import detect_pagination
from generator.shared.errors import SpecError

INT: dict[str, Any] = {"type": "integer"}
STR: dict[str, Any] = {"type": "string"}
ITEMS: dict[str, Any] = {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}


def query(name: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"name": name, "in": "query", "schema": schema or INT}


def document(
    parameters: list[dict[str, Any]],
    answer: dict[str, Any],
    *,
    headers: list[str] = (),  # type: ignore[assignment]
    method: str = "get",
    extension: dict[str, Any] | None = None,
) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": "ok",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Answer"}}},
    }
    if headers:
        response["headers"] = {name: {"schema": STR} for name in headers}
    operation: dict[str, Any] = {
        "operationId": "listThings",
        "parameters": parameters,
        "responses": {"200": response},
    }
    if extension is not None:
        operation["x-pagination"] = extension
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/things": {method: operation}},
        "components": {
            "schemas": {
                "Answer": answer,
                "Thing": {"type": "object", "properties": {"id": STR}},
                "Meta": {"type": "object", "properties": {"continue": STR, "resourceVersion": STR}},
            }
        },
    }


def detected(spec: dict[str, Any]) -> dict[str, Any] | None:
    def resolve(node: Any) -> Any:
        while isinstance(node, dict) and "$ref" in node:
            node = spec["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
        return node

    ((method, operation),) = spec["paths"]["/things"].items()
    return detect_pagination(method, operation["parameters"], operation["responses"], resolve)


def built(spec: dict[str, Any]) -> Operation:
    names = {"Answer": "Answer", "Thing": "Thing", "Meta": "Meta"}
    package = build_package(spec, package="things", class_names=names)
    return next(o for r in package.resources for o in r.operations)


def listing(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": {"things": ITEMS, **properties}}


STYLES = [
    pytest.param(
        [query("offset"), query("limit")],
        listing(totalRecords=INT),
        [],
        {
            "style": "offset",
            "offset": "offset",
            "limit": "limit",
            "items": "/things",
            "total": "/totalRecords",
        },
        id="offset/limit, total in the body",
    ),
    pytest.param(
        [query("$skip"), query("$top")],
        listing(),
        ["X-Total-Count"],
        {
            "style": "offset",
            "offset": "$skip",
            "limit": "$top",
            "items": "/things",
            "total-header": "X-Total-Count",
        },
        id="skip/top, X-Total-Count",
    ),
    pytest.param(
        [query("page", {"type": "integer", "minimum": 0}), query("per_page")],
        {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
        [],
        {"style": "page", "page": "page", "size": "per_page", "items": "", "first": 0},
        id="page/per_page, the answer a list, pages from 0",
    ),
    pytest.param(
        [query("pageNumber"), query("pageSize")],
        listing(total_count=INT),
        [],
        {
            "style": "page",
            "page": "pageNumber",
            "size": "pageSize",
            "items": "/things",
            "first": 1,
            "total": "/total_count",
        },
        id="pageNumber/pageSize",
    ),
    pytest.param(
        [query("pageToken", STR), query("maxResults")],
        listing(nextPageToken=STR),
        [],
        {
            "style": "cursor",
            "cursor": "pageToken",
            "next": "/nextPageToken",
            "items": "/things",
            "limit": "maxResults",
        },
        id="pageToken and nextPageToken",
    ),
    pytest.param(
        [query("next_page_token", STR), query("page_size")],
        listing(next_page_token=STR, total_records=INT),
        [],
        {
            "style": "cursor",
            "cursor": "next_page_token",
            "next": "/next_page_token",
            "items": "/things",
            "limit": "page_size",
        },
        id="a next_page_token parameter and field",
    ),
    pytest.param(
        [query("cursor", STR)],
        listing(response_metadata={"type": "object", "properties": {"next_cursor": STR}}),
        [],
        {
            "style": "cursor",
            "cursor": "cursor",
            "next": "/response_metadata/next_cursor",
            "items": "/things",
        },
        id="cursor and a nested next_cursor",
    ),
    pytest.param(
        [query("offset"), query("limit")],
        listing(next_page={"type": "object", "properties": {"offset": INT}}),
        [],
        {
            "style": "cursor",
            "cursor": "offset",
            "next": "/next_page/offset",
            "items": "/things",
            "limit": "limit",
        },
        id="next_page.offset: the server's offset before counting",
    ),
    pytest.param(
        [query("limit")],
        listing(links={"type": "object", "properties": {"next": STR, "self": STR}}),
        [],
        {"style": "link", "items": "/things", "next": "/links/next", "limit": "limit"},
        id="links.next in the body",
    ),
    pytest.param(
        [],
        {"type": "object", "properties": {"value": ITEMS, "@odata.nextLink": STR}},
        [],
        {"style": "link", "items": "/value", "next": "/@odata.nextLink"},
        id="@odata.nextLink",
    ),
    pytest.param(
        [query("page"), query("per_page")],
        {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
        ["Link"],
        {"style": "link", "items": "", "limit": "per_page"},
        id="a Link header before page numbers",
    ),
    pytest.param(
        [query("cursor", STR), query("limit")],
        listing(cursor=STR, errors={"type": "array", "items": STR}),
        [],
        {
            "style": "cursor",
            "cursor": "cursor",
            "next": "/cursor",
            "items": "/things",
            "limit": "limit",
        },
        id="cursor and a body cursor of that name, an errors list beside the items",
    ),
    pytest.param(
        [query("continue", STR), query("limit")],
        listing(metadata={"$ref": "#/components/schemas/Meta"}),
        [],
        {
            "style": "cursor",
            "cursor": "continue",
            "next": "/metadata/continue",
            "items": "/things",
            "limit": "limit",
        },
        id="continue and metadata.continue, a referenced schema",
    ),
    pytest.param(
        [query("Marker", STR), query("MaxItems")],
        listing(NextMarker=STR, Marker=STR),
        [],
        {"style": "cursor", "cursor": "Marker", "next": "/NextMarker", "items": "/things"},
        id="Marker and NextMarker, not the echoed Marker",
    ),
    pytest.param(
        [query("page_token", STR)],
        listing(
            meta={
                "type": "object",
                "properties": {
                    "paging": {"type": "object", "properties": {"next_page_token": STR}}
                },
            }
        ),
        [],
        {
            "style": "cursor",
            "cursor": "page_token",
            "next": "/meta/paging/next_page_token",
            "items": "/things",
        },
        id="a next token three levels down",
    ),
    pytest.param(
        [query("starting_after", STR), query("ending_before", STR), query("limit")],
        {
            "type": "object",
            "properties": {"data": ITEMS, "has_more": {"type": "boolean"}, "url": STR},
        },
        [],
        {
            "style": "cursor",
            "cursor": "starting_after",
            "last-item": "/id",
            "more": "/has_more",
            "items": "/data",
            "limit": "limit",
        },
        id="starting_after the last item's id, while has_more",
    ),
    pytest.param(
        [query("$top")],
        listing(next={"type": "string", "format": "uri"}),
        [],
        {"style": "link", "items": "/things", "next": "/next"},
        id="a next URL alone; $top is no page size",
    ),
    pytest.param(
        [query("Page"), query("PageSize"), query("PageToken", STR)],
        listing(meta={"type": "object", "properties": {"page": INT, "next_page_url": STR}}),
        [],
        {"style": "link", "items": "/things", "next": "/meta/next_page_url", "limit": "PageSize"},
        id="meta.next_page_url before page numbers",
    ),
    pytest.param(
        [query("page", STR), query("limit")],
        listing(next_page=STR, has_more={"type": "boolean"}),
        [],
        {
            "style": "cursor",
            "cursor": "page",
            "next": "/next_page",
            "items": "/things",
            "limit": "limit",
        },
        id="a page token and next_page",
    ),
    pytest.param(
        [query("marker", STR)],
        listing(next_marker=INT),
        [],
        {"style": "cursor", "cursor": "marker", "next": "/next_marker", "items": "/things"},
        id="a text marker the answer gives as a number",
    ),
]


@pytest.mark.parametrize(("parameters", "answer", "headers", "expected"), STYLES)
def test_each_style_is_detected_from_parameters_and_answer(
    parameters: list[dict[str, Any]],
    answer: dict[str, Any],
    headers: list[str],
    expected: dict[str, Any],
) -> None:
    spec = document(parameters, answer, headers=headers)
    assert detected(spec) == expected
    pagination = built(spec).pagination
    assert pagination is not None and pagination.method_name == "iter_things"
    assert pagination.style == expected["style"]
    assert "detected from the spec" in pagination.summary


NEAR_MISSES = [
    pytest.param(document([query("offset")], listing()), id="an offset and no limit"),
    pytest.param(document([query("limit")], listing()), id="a limit alone"),
    pytest.param(
        document([query("offset", STR), query("limit", STR)], listing()),
        id="offset and limit that are no numbers",
    ),
    pytest.param(
        document([query("offset"), query("limit")], {"type": "object", "properties": {}}),
        id="an answer without a list",
    ),
    pytest.param(
        document(
            [query("offset"), query("limit")],
            {"type": "object", "properties": {"a": ITEMS, "b": ITEMS}},
        ),
        id="an answer with two lists",
    ),
    pytest.param(
        document([query("offset"), query("limit")], listing(), method="post"),
        id="not a GET",
    ),
    pytest.param(document([query("cursor", STR)], listing()), id="a cursor the answer never gives"),
    pytest.param(
        document([query("cursor", STR)], listing(prev_cursor=STR)),
        id="a cursor field that is not the next one",
    ),
    pytest.param(
        document([query("marker", STR)], listing(marker=STR)),
        id="a marker the answer may only echo",
    ),
    pytest.param(
        document([query("offset")], listing(offset=INT)),
        id="an offset the answer echoes",
    ),
    pytest.param(
        document([query("starting_after", STR)], {"type": "object", "properties": {"data": ITEMS}}),
        id="starting_after, no has_more",
    ),
    pytest.param(
        document(
            [query("starting_after", STR)],
            {
                "type": "object",
                "properties": {
                    "data": {"type": "array", "items": STR},
                    "has_more": {"type": "boolean"},
                },
            },
        ),
        id="starting_after, items without an id",
    ),
    pytest.param(
        document([query("limit")], listing(next=STR)), id="a next field that may be anything"
    ),
    pytest.param(
        document([query("page", STR)], listing(next_page={"type": "string", "format": "uri"})),
        id="a next_page that is a URL, no page token",
    ),
    pytest.param(
        document([query("cursor")], listing(next_cursor=STR)),
        id="a number parameter and a text cursor",
    ),
    pytest.param(
        document([query("page"), query("sort")], listing(total=INT)), id="a page and no size"
    ),
    pytest.param(
        document([query("start"), query("count")], listing(total=INT), headers=["X-Rate-Limit"]),
        id="parameters and headers of other meanings",
    ),
]


@pytest.mark.parametrize("spec", NEAR_MISSES)
def test_a_near_miss_is_not_detected(spec: dict[str, Any]) -> None:
    assert detected(spec) is None
    assert built(spec).pagination is None


def test_an_x_pagination_overrides_what_detection_would_say() -> None:
    """The spec says offset/limit; its x-pagination says the server's cursor is the truth."""
    declared = {"style": "cursor", "cursor": "offset", "next": "/next", "items": "/things"}
    spec = document(
        [query("offset"), query("limit")], listing(next=INT, total=INT), extension=declared
    )
    assert detected(spec) == {
        "style": "offset",
        "offset": "offset",
        "limit": "limit",
        "items": "/things",
        "total": "/total",
    }
    pagination = built(spec).pagination
    assert pagination is not None and pagination.style == "cursor"
    assert (pagination.cursor, pagination.next, pagination.limit) == ("offset", "/next", None)
    assert "declared by x-pagination" in pagination.summary
    assert "``offset``" in pagination.summary and "``/next``" in pagination.summary


def test_an_empty_x_pagination_is_refused_not_taken_for_none() -> None:
    spec = document([query("offset"), query("limit")], listing(), extension={})
    with pytest.raises(SpecError, match="x-pagination"):
        built(spec)


@pytest.mark.parametrize(
    "extension",
    [
        pytest.param({"style": "page", "page": "page", "items": "/things"}, id="page without size"),
        pytest.param({"style": "cursor", "cursor": "c", "items": "/things"}, id="cursor, no next"),
        pytest.param({"style": "scroll", "items": "/things"}, id="an unknown style"),
        pytest.param({"offset": "offset", "limit": "limit", "items": "things"}, id="no pointer"),
        pytest.param({"style": "link", "items": "/things", "total-header": "X-Total"}, id="extra"),
    ],
)
def test_an_x_pagination_in_a_spec_is_validated(extension: dict[str, Any]) -> None:
    spec = document([query("offset"), query("limit")], listing(), extension=extension)
    with pytest.raises(SpecError, match="x-pagination") as raised:
        built(spec)
    assert raised.value.pointer == "/paths/~1things/get/x-pagination"


def test_an_x_pagination_naming_a_missing_parameter_is_a_spec_error() -> None:
    extension = {"offset": "skip", "limit": "limit", "items": "/things"}
    spec = document([query("offset"), query("limit")], listing(), extension=extension)
    with pytest.raises(SpecError, match="'skip' is no query parameter"):
        built(spec)


def test_every_style_can_be_declared_in_the_manifest_schema() -> None:
    import jsonschema

    from generator.project.manifest import MANIFEST_SCHEMA

    section = MANIFEST_SCHEMA["properties"]["pagination"]
    validator = jsonschema.Draft202012Validator(section)
    for *_, expected in (p.values for p in STYLES):
        assert not list(validator.iter_errors({"listThings": expected}))
    assert list(validator.iter_errors({"listThings": {"style": "link"}}))


@pytest.mark.parametrize(
    ("parameters", "expected"),
    [
        pytest.param(["page", "page_size"], "page_size", id="the page size it drives"),
        pytest.param(["offset", "limit", "page_size"], "page_size_2", id="another parameter"),
        pytest.param(["cursor_x", "page_size"], "page_size", id="no pagination"),
    ],
)
def test_an_api_page_size_parameter_keeps_its_name_unless_iter_takes_it(
    parameters: list[str], expected: str
) -> None:
    """iter_*'s own ``page_size`` replaces the API parameter it sets; any other keeps away."""
    operation = built(document([query(name) for name in parameters], listing(total=INT)))
    names = {p.name: p.python_name for p in operation.parameters}
    assert names["page_size"] == expected


def test_the_items_of_a_page_built_with_all_of_are_typed_by_their_model() -> None:
    # the list's field in an allOf part, as detection finds it: the build used to look in the
    # page's own properties only and raised a KeyError (Docker Hub's pages)
    page = {"allOf": [{"type": "object", "properties": {"count": INT}}, listing()]}
    operation = built(document([query("page"), query("page_size")], page))
    assert operation.pagination is not None
    assert str(operation.pagination.item_annotation) == "models.Thing"


def _pageable(declared: Any, method: str = "get") -> dict[str, Any]:
    """Two lists and a nextLink: detection alone finds nothing; x-ms-pageable says which."""
    answer = {"type": "object", "properties": {"value": ITEMS, "others": ITEMS, "nextLink": STR}}
    spec = document([query("$top"), query("maxpagesize")], answer, method=method)
    spec["paths"]["/things"][method]["x-ms-pageable"] = declared
    return spec


@pytest.mark.parametrize(
    ("declared", "items", "following"),
    [
        pytest.param({"nextLinkName": "nextLink"}, "/value", "/nextLink", id="itemName value"),
        pytest.param(
            {"nextLinkName": "@odata.nextLink", "itemName": "others"},
            "/others",
            "/@odata.nextLink",
            id="named",
        ),
    ],
)
def test_x_ms_pageable_is_a_declaration(
    declared: dict[str, Any], items: str, following: str
) -> None:
    spec = _pageable(declared)
    assert detected(spec) is None
    pagination = built(spec).pagination
    assert pagination is not None and pagination.style == "link"
    assert (pagination.items, pagination.next, pagination.limit) == (
        items,
        following,
        "maxpagesize",
    )
    assert "next links (declared by x-ms-pageable)" in pagination.summary


@pytest.mark.parametrize(
    ("declared", "method"),
    [
        pytest.param({"nextLinkName": None}, "get", id="nextLinkName null: one page"),
        pytest.param({"nextLinkName": "nextLink"}, "post", id="a POST: its next page is a GET"),
    ],
)
def test_x_ms_pageable_without_a_next_page_to_get_makes_no_iterator(
    declared: Any, method: str
) -> None:
    spec = _pageable(declared, method)
    spec["components"]["schemas"]["Answer"]["properties"].pop("others")  # detectable otherwise
    assert built(spec).pagination is None


@pytest.mark.parametrize("declared", [True, {"nextLinkName": 3}, {"itemName": None}])
def test_an_x_ms_pageable_that_says_nothing_valid_is_a_spec_error(declared: Any) -> None:
    with pytest.raises(SpecError, match="x-ms-pageable") as raised:
        built(_pageable(declared))
    assert raised.value.pointer == "/paths/~1things/get/x-ms-pageable"


def _searched(
    sent: dict[str, Any], answered: dict[str, Any], *, required: bool = True, extension: Any = None
) -> dict[str, Any]:
    """AWS's JSON protocol: a POST of a Query model, answered by the Answer model."""
    spec = document(
        [], {"type": "object", "properties": {"Things": ITEMS, **answered}}, method="post"
    )
    operation = spec["paths"]["/things"]["post"]
    operation["requestBody"] = {
        "required": required,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Query"}}},
    }
    spec["components"]["schemas"]["Query"] = {"type": "object", "properties": sent}
    if extension is not None:
        operation["x-pagination"] = extension
    return spec


def _built_search(spec: dict[str, Any]) -> Operation:
    names = {"Answer": "Answer", "Thing": "Thing", "Meta": "Meta", "Query": "Query"}
    package = build_package(spec, package="things", class_names=names)
    return next(o for r in package.resources for o in r.operations)


def test_a_next_token_in_the_request_body_and_the_answer_is_a_body_cursor() -> None:
    spec = _searched({"NextToken": STR, "MaxResults": INT}, {"NextToken": STR})
    pagination = _built_search(spec).pagination
    assert pagination is not None and pagination.style == "cursor"
    assert (pagination.cursor, pagination.cursor_in_body, pagination.next) == (
        "NextToken",
        True,
        "/NextToken",
    )
    assert "request body again with ``NextToken``" in pagination.summary


def test_fields_that_an_all_of_only_describes_are_seen_through() -> None:
    """AWS's specs describe a referenced field with allOf [{$ref}, {description}] (3.0 allows
    nothing beside a $ref): the token, and the list, are what the reference is."""

    def described(schema: dict[str, Any]) -> dict[str, Any]:
        return {"allOf": [schema, {"description": "said of it"}]}

    answer = {
        "type": "object",
        "properties": {"Things": described(ITEMS), "NextToken": described(STR)},
    }
    spec = _searched({"NextToken": described(STR)}, {})
    spec["components"]["schemas"]["Answer"] = answer
    pagination = _built_search(spec).pagination
    assert pagination is not None and (pagination.cursor, pagination.items) == (
        "NextToken",
        "/Things",
    )
    assert str(pagination.item_annotation) == "models.Thing"
    # two schemas that each say something are no annotation: not seen through
    answer["properties"]["NextToken"] = {"allOf": [STR, {"maxLength": 9}]}
    assert _built_search(spec).pagination is None


@pytest.mark.parametrize(
    ("sent", "answered", "required"),
    [
        pytest.param({"NextToken": STR}, {"NextToken": STR}, False, id="an optional body"),
        pytest.param({"NextToken": STR}, {"Other": STR}, True, id="no token in the answer"),
        pytest.param({"NextToken": STR}, {"NextToken": INT}, True, id="a token of another type"),
        pytest.param({"Filter": STR}, {"Filter": STR}, True, id="a field of another name"),
        pytest.param({"offset": INT}, {"offset": INT}, True, id="an offset the answer echoes"),
    ],
)
def test_a_post_without_a_shared_next_token_does_not_page(
    sent: dict[str, Any], answered: dict[str, Any], required: bool
) -> None:
    assert _built_search(_searched(sent, answered, required=required)).pagination is None


def test_an_x_pagination_body_cursor_the_body_lacks_is_a_spec_error() -> None:
    declared = {
        "style": "cursor",
        "cursor": "Token",
        "in": "body",
        "next": "/Token",
        "items": "/Things",
    }
    spec = _searched({"NextToken": STR}, {"Token": STR}, extension=declared)
    with pytest.raises(SpecError, match="'Token' is no field of the JSON request body"):
        _built_search(spec)


def test_a_field_that_is_an_all_of_of_itself_ends_detection() -> None:
    spec = document(
        [query("cursor", STR)], listing(next_cursor={"$ref": "#/components/schemas/Loop"})
    )
    spec["components"]["schemas"]["Loop"] = {
        "allOf": [{"$ref": "#/components/schemas/Loop"}, {"description": "itself"}]
    }
    assert detected(spec) is None
