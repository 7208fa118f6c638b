"""Every rule fires where it should, and not in a neighbouring case that differs a little.

The schema rules are checked at every place they apply (request parameter, body and property;
response header, body and property), so a rule's level is checked in both directions.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from generator.changes.rules import ASPECTS, RULES, SUBJECTS, Level
from tests.changes.cases import document, fired, placed

S = {"type": "string"}
N = {"type": "number"}
A = {"type": "array", "items": S}
OBJ = {"type": "object", "properties": {"a": S}}


def _with(base: dict[str, Any], **changes: Any) -> dict[str, Any]:
    merged = {**base, **changes}
    return {k: v for k, v in merged.items() if v is not None}


def _bound_cases(
    stem: str, keyword: str, upper: bool, base: dict[str, Any]
) -> list[tuple[str, Any, Any, Any]]:
    low, high = 5, 10
    tight, loose = (low, high) if upper else (high, low)
    narrower, wider = ("decreased", "increased") if upper else ("increased", "decreased")
    at = _with(base, **{keyword: loose})
    return [
        (f"{stem}-set", base, at, _with(base, description="prose only")),
        (
            f"{stem}-{narrower}",
            at,
            _with(base, **{keyword: tight}),
            _with(base, **{keyword: loose * 3 if upper else 1}),
        ),
        (
            f"{stem}-{wider}",
            _with(base, **{keyword: tight}),
            at,
            _with(base, **{keyword: tight}, description="x"),
        ),
        (f"{stem}-unset", at, base, _with(base, **{keyword: tight})),
    ]


# (aspect suffix, old schema, new schema where the rule fires, new schema where it must not)
SCHEMA_CASES: list[tuple[str, Any, Any, Any]] = [
    ("type-changed", S, {"type": "boolean"}, _with(S, description="prose")),
    ("type-generalized", {"type": "integer"}, N, {"type": "boolean"}),
    ("format-changed", _with(S, format="date"), _with(S, format="date-time"), S),
    ("format-added", S, _with(S, format="uuid"), _with(S, pattern="^a")),
    ("format-removed", _with(S, format="uuid"), S, _with(S, format="date")),
    ("became-enum", S, _with(S, enum=["a", "b"]), _with(S, format="uuid")),
    ("no-longer-enum", _with(S, enum=["a", "b"]), S, _with(S, enum=["a", "b", "c"])),
    (
        "enum-value-added",
        _with(S, enum=["a", "b"]),
        _with(S, enum=["a", "b", "c"]),
        _with(S, enum=["a"]),
    ),
    (
        "enum-value-removed",
        _with(S, enum=["a", "b"]),
        _with(S, enum=["a"]),
        _with(S, enum=["b", "a", "c"]),
    ),
    ("became-nullable", S, {"type": ["string", "null"]}, _with(S, description="prose")),
    # The neighbour spells the same nullability another way: no change at all.
    ("became-not-nullable", {"type": ["string", "null"]}, S, {"anyOf": [S, {"type": "null"}]}),
    *_bound_cases("max", "maximum", True, N),
    *_bound_cases("exclusive-max", "exclusiveMaximum", True, N),
    *_bound_cases("max-length", "maxLength", True, S),
    *_bound_cases("max-items", "maxItems", True, A),
    *_bound_cases("min", "minimum", False, N),
    *_bound_cases("exclusive-min", "exclusiveMinimum", False, N),
    *_bound_cases("min-length", "minLength", False, S),
    *_bound_cases("min-items", "minItems", False, A),
    ("pattern-added", S, _with(S, pattern="^[a-z]+$"), _with(S, format="email")),
    ("pattern-changed", _with(S, pattern="^a"), _with(S, pattern="^b"), S),
    ("pattern-removed", _with(S, pattern="^a"), S, _with(S, pattern="^b")),
    ("default-value-added", S, _with(S, default="a"), _with(S, enum=["a"])),
    ("default-value-changed", _with(S, default="a"), _with(S, default="b"), S),
    ("default-value-removed", _with(S, default="a"), S, _with(S, default="b")),
    ("deprecated", S, _with(S, deprecated=True), _with(S, readOnly=True)),
    ("reactivated", _with(S, deprecated=True), S, _with(S, deprecated=True, description="x")),
    ("became-read-only", S, _with(S, readOnly=True), _with(S, writeOnly=True)),
    ("became-not-read-only", _with(S, readOnly=True), S, _with(S, readOnly=True, description="x")),
    ("became-write-only", S, _with(S, writeOnly=True), _with(S, readOnly=True)),
    ("became-not-write-only", _with(S, writeOnly=True), S, _with(S, writeOnly=True, default="x")),
    (
        "additional-properties-disallowed",
        OBJ,
        _with(OBJ, additionalProperties=False),
        _with(OBJ, additionalProperties=S),
    ),
    (
        "additional-properties-allowed",
        _with(OBJ, additionalProperties=False),
        OBJ,
        _with(OBJ, additionalProperties=False, description="x"),
    ),
    ("one-of-added", {"oneOf": [S, N]}, {"oneOf": [S, N, {"type": "boolean"}]}, {"oneOf": [N, S]}),
    ("one-of-removed", {"oneOf": [S, N]}, {"oneOf": [S]}, {"oneOf": [N, S, {"type": "boolean"}]}),
    ("any-of-added", {"anyOf": [S, N]}, {"anyOf": [S, N, {"type": "boolean"}]}, {"anyOf": [N, S]}),
    ("any-of-removed", {"anyOf": [S, N]}, {"anyOf": [S]}, {"anyOf": [S, N, {"type": "boolean"}]}),
    (
        "all-of-added",
        {"allOf": [OBJ]},
        {"allOf": [OBJ, {"required": ["a"]}]},
        {"allOf": [_with(OBJ, description="x")]},
    ),
    (
        "all-of-removed",
        {"allOf": [OBJ, {"required": ["a"]}]},
        {"allOf": [OBJ]},
        {"allOf": [{"required": ["a"]}, OBJ]},
    ),
]

_KIND = {"kind": S}
_TAGGED = {
    "type": "object",
    "properties": _KIND,
    "discriminator": {"propertyName": "kind", "mapping": {"a": "#/components/schemas/A"}},
}


def _discriminated(**discriminator: Any) -> dict[str, Any]:
    return {**_TAGGED, "discriminator": {**_TAGGED["discriminator"], **discriminator}}


SCHEMA_CASES += [
    (
        "discriminator-added",
        {"type": "object", "properties": _KIND},
        _TAGGED,
        {"type": "object", "properties": _KIND, "required": ["kind"]},
    ),
    (
        "discriminator-removed",
        _TAGGED,
        {"type": "object", "properties": _KIND},
        _discriminated(mapping={"a": "#/components/schemas/A", "b": "#/components/schemas/B"}),
    ),
    (
        "discriminator-property-name-changed",
        _TAGGED,
        _discriminated(propertyName="type"),
        _discriminated(mapping={}),
    ),
    (
        "discriminator-mapping-added",
        _TAGGED,
        _discriminated(mapping={"a": "#/components/schemas/A", "b": "#/components/schemas/B"}),
        _discriminated(mapping={}),
    ),
    (
        "discriminator-mapping-deleted",
        _TAGGED,
        _discriminated(mapping={}),
        _discriminated(mapping={"a": "#/components/schemas/A", "b": "#/components/schemas/B"}),
    ),
    (
        "discriminator-mapping-changed",
        _TAGGED,
        _discriminated(mapping={"a": "#/components/schemas/B"}),
        _discriminated(mapping={"a": "#/components/schemas/A", "b": "#/components/schemas/B"}),
    ),
]


def _schema_params() -> list[Any]:
    params = []
    cases = {case[0]: case for case in SCHEMA_CASES}
    for subject in SUBJECTS:
        for aspect in ASPECTS:
            if subject.kind not in aspect.kinds:
                continue
            if subject.kind == "parameter" and aspect.suffix in ("deprecated", "reactivated"):
                continue  # on the parameter or header object, not its schema: see below
            rule = f"{subject.prefix}-{aspect.suffix}"
            params.append(pytest.param(subject.prefix, rule, cases[aspect.suffix], id=rule))
    return params


@pytest.mark.parametrize(("subject", "rule", "case"), _schema_params())
def test_schema_rule(subject: str, rule: str, case: tuple[str, Any, Any, Any]) -> None:
    _, old, new, neighbour = case
    before = placed(subject, old)
    assert rule in fired(before, placed(subject, new))
    assert rule not in fired(before, placed(subject, neighbour))


def test_schema_rule_levels_follow_the_direction() -> None:
    assert RULES["request-property-enum-value-added"].level is Level.INFO
    assert RULES["response-property-enum-value-added"].level is Level.WARN
    assert RULES["request-body-max-length-decreased"].level is Level.ERR
    assert RULES["response-body-max-length-decreased"].level is Level.INFO
    assert RULES["request-parameter-became-nullable"].level is Level.INFO
    assert RULES["response-property-became-nullable"].level is Level.ERR


# -- rules outside the schema grid --------------------------------------------------------

Edit = Callable[[dict[str, Any]], None]


def _operation(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["paths"]["/items/{id}"]["post"]


def _set(path: str, value: Any) -> Edit:
    def edit(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for token in parents:
            node = node[int(token)] if isinstance(node, list) else node[token]
        if value is _DELETE:
            del node[last]
        elif isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return edit


_DELETE = object()
OP = "paths./items/{id}.post"


def _add_operation(doc: dict[str, Any]) -> None:
    doc["paths"]["/items"] = {
        "get": {"operationId": "listItems", "responses": {"200": {"description": "ok"}}}
    }


def _move_operation(doc: dict[str, Any], method: str = "put") -> None:
    doc["paths"]["/items/{id}"][method] = doc["paths"]["/items/{id}"].pop("post")


def _deprecate(doc: dict[str, Any]) -> None:
    _operation(doc)["deprecated"] = True


def _parameters(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return _operation(doc)["parameters"]


def _security(doc: dict[str, Any], *requirements: dict[str, list[str]]) -> None:
    doc["components"]["securitySchemes"] = {
        "key": {"type": "apiKey", "in": "header", "name": "X-Key"},
        "oauth": {
            "type": "oauth2",
            "flows": {
                "clientCredentials": {"tokenUrl": "https://t", "scopes": {"read": "", "write": ""}}
            },
        },
    }
    _operation(doc)["security"] = list(requirements)


def _secured(*requirements: dict[str, list[str]]) -> dict[str, Any]:
    doc = document()
    _security(doc, *requirements)
    return doc


def _request_properties(required: list[str] | None = None, **properties: Any) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": {"a": S, **properties}}
    if required:
        schema["required"] = required
    return schema


def _response(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return document(response=schema)


def _edited(*edits: Edit, base: dict[str, Any] | None = None) -> dict[str, Any]:
    doc = copy.deepcopy(base or document())
    for edit in edits:
        edit(doc)
    return doc


def _remove_path(doc: dict[str, Any]) -> None:
    doc["paths"] = {"/other": {"get": {"responses": {"200": {"description": "ok"}}}}}


def _header(**fields: Any) -> Edit:
    return _set(f"{OP}.responses.200.headers.X-Rate", {"schema": {"type": "integer"}, **fields})


_WRITE = {"readOnly": True, **S}

# (rule, old document, new document where it fires, new document where it must not)
OTHER_CASES: list[tuple[str, dict[str, Any], dict[str, Any], dict[str, Any]]] = [
    ("endpoint-added", document(), _edited(_add_operation), _edited(_set(f"{OP}.summary", "x"))),
    (
        "api-path-removed-without-deprecation",
        document(),
        _edited(_remove_path),
        _edited(_move_operation),
    ),
    (
        "api-path-removed-with-deprecation",
        _edited(_deprecate),
        _edited(_remove_path),
        _edited(_move_operation),
    ),
    (
        "api-removed-without-deprecation",
        document(),
        _edited(_move_operation),
        _edited(_remove_path),
    ),
    (
        "api-removed-with-deprecation",
        _edited(_deprecate),
        _edited(_deprecate, _move_operation),
        _edited(_deprecate, _remove_path),
    ),
    (
        "endpoint-deprecated",
        document(),
        _edited(_deprecate),
        _edited(_set(f"{OP}.deprecated", False)),
    ),
    ("endpoint-reactivated", _edited(_deprecate), document(), _edited(_deprecate)),
    (
        "api-operation-id-removed",
        document(),
        _edited(_set(f"{OP}.operationId", "makeItem")),
        _edited(_set(f"{OP}.summary", "x")),
    ),
    (
        "api-operation-id-added",
        _edited(_set(f"{OP}.operationId", _DELETE)),
        document(),
        _edited(_set(f"{OP}.operationId", _DELETE)),
    ),
    (
        "api-tag-added",
        document(),
        _edited(_set(f"{OP}.tags", ["items", "new"])),
        _edited(_set(f"{OP}.tags", [])),
    ),
    (
        "api-tag-removed",
        document(),
        _edited(_set(f"{OP}.tags", [])),
        _edited(_set(f"{OP}.tags", ["items", "new"])),
    ),
    (
        "new-required-request-parameter",
        document(),
        _edited(
            lambda d: _parameters(d).append(
                {"name": "r", "in": "query", "required": True, "schema": S}
            )
        ),
        _edited(lambda d: _parameters(d).append({"name": "r", "in": "query", "schema": S})),
    ),
    (
        "new-optional-request-parameter",
        document(),
        _edited(lambda d: _parameters(d).append({"name": "r", "in": "header", "schema": S})),
        _edited(
            lambda d: _parameters(d).append(
                {"name": "r", "in": "header", "required": True, "schema": S}
            )
        ),
    ),
    (
        "request-parameter-removed",
        document(),
        _edited(lambda d: _parameters(d).pop()),
        _edited(_set(f"{OP}.parameters.1.description", "x")),
    ),
    (
        "request-parameter-renamed",
        document(),
        _edited(_set(f"{OP}.parameters.1.name", "query")),
        # renamed and retyped: not the same parameter any more
        _edited(
            _set(f"{OP}.parameters.1.name", "query"),
            _set(f"{OP}.parameters.1.schema", {"type": "integer"}),
        ),
    ),
    (
        "request-parameter-became-required",
        document(),
        _edited(_set(f"{OP}.parameters.1.required", True)),
        _edited(_set(f"{OP}.parameters.1.required", False)),
    ),
    (
        "request-parameter-became-optional",
        _edited(_set(f"{OP}.parameters.1.required", True)),
        document(),
        _edited(_set(f"{OP}.parameters.1.required", True)),
    ),
    (
        "request-parameter-deprecated",
        document(),
        _edited(_set(f"{OP}.parameters.1.deprecated", True)),
        _edited(_set(f"{OP}.parameters.1.schema.deprecated", False)),
    ),
    (
        "request-parameter-reactivated",
        _edited(_set(f"{OP}.parameters.1.deprecated", True)),
        document(),
        _edited(_set(f"{OP}.parameters.1.deprecated", True)),
    ),
    (
        "request-parameter-serialization-changed",
        document(),
        _edited(_set(f"{OP}.parameters.1.explode", False)),
        _edited(_set(f"{OP}.parameters.1.explode", True)),
    ),
    (
        "added-required-request-body",
        _edited(_set(f"{OP}.requestBody", _DELETE)),
        document(),
        _edited(_set(f"{OP}.requestBody.required", False)),
    ),
    (
        "added-optional-request-body",
        _edited(_set(f"{OP}.requestBody", _DELETE)),
        _edited(_set(f"{OP}.requestBody.required", False)),
        document(),
    ),
    (
        "request-body-removed",
        document(),
        _edited(_set(f"{OP}.requestBody", _DELETE)),
        _edited(_set(f"{OP}.requestBody.required", False)),
    ),
    (
        "request-body-became-required",
        _edited(_set(f"{OP}.requestBody.required", False)),
        document(),
        _edited(_set(f"{OP}.requestBody", _DELETE)),
    ),
    (
        "request-body-became-optional",
        document(),
        _edited(_set(f"{OP}.requestBody.required", False)),
        _edited(_set(f"{OP}.requestBody.description", "x")),
    ),
    (
        "request-body-media-type-added",
        document(),
        _edited(_set(f"{OP}.requestBody.content.application/xml", {"schema": OBJ})),
        _edited(
            _set(
                f"{OP}.requestBody.content",
                {"application/json; charset=utf-8": {"schema": {"type": "object"}}},
            )
        ),
    ),
    (
        "request-body-media-type-removed",
        document(),
        _edited(_set(f"{OP}.requestBody.content", {"application/xml": {"schema": OBJ}})),
        _edited(_set(f"{OP}.requestBody.content.application/xml", {"schema": OBJ})),
    ),
    (
        "new-required-request-property",
        document(request=_request_properties()),
        document(request=_request_properties(["b"], b=S)),
        document(request=_request_properties(["b"], b=_WRITE)),
    ),
    (
        "new-optional-request-property",
        document(request=_request_properties()),
        document(request=_request_properties(b=S)),
        document(request=_request_properties(["b"], b=S)),
    ),
    (
        "request-property-removed",
        document(request=_request_properties(b=S)),
        document(request=_request_properties()),
        document(request=_request_properties(b=_WRITE)),
    ),
    (
        "request-property-became-required",
        document(request=_request_properties()),
        document(request=_request_properties(["a"])),
        document(request=_request_properties(c=S)),
    ),
    (
        "request-property-became-optional",
        document(request=_request_properties(["a"])),
        document(request=_request_properties()),
        document(request=_request_properties(["a"], c=S)),
    ),
    (
        "response-required-property-added",
        _response({"a": S}),
        _response({"a": S, "b": S}, ["b"]),
        _response({"a": S, "b": {"writeOnly": True, **S}}, ["b"]),
    ),
    (
        "response-optional-property-added",
        _response({"a": S}),
        _response({"a": S, "b": S}),
        _response({"a": S, "b": S}, ["b"]),
    ),
    (
        "response-required-property-removed",
        _response({"a": S, "b": S}, ["b"]),
        _response({"a": S}),
        _response({"a": S, "b": S}),
    ),
    (
        "response-optional-property-removed",
        _response({"a": S, "b": S}),
        _response({"a": S}),
        _response({"a": S, "b": S}, ["b"]),
    ),
    (
        "response-property-became-optional",
        _response({"a": S}, ["a"]),
        _response({"a": S}),
        _response({"a": S, "b": S}, ["a"]),
    ),
    (
        "response-property-became-required",
        _response({"a": S}),
        _response({"a": S}, ["a"]),
        _response({"a": S, "b": S}),
    ),
    (
        "response-success-status-added",
        document(),
        _edited(_set(f"{OP}.responses.201", {"description": "made"})),
        _edited(_set(f"{OP}.responses.409", {"description": "clash"})),
    ),
    (
        "response-success-status-removed",
        document(),
        _edited(
            _set(f"{OP}.responses.200", _DELETE),
            _set(f"{OP}.responses.201", {"description": "made"}),
        ),
        _edited(_set(f"{OP}.responses.404", _DELETE)),
    ),
    (
        "response-non-success-status-added",
        document(),
        _edited(_set(f"{OP}.responses.409", {"description": "clash"})),
        _edited(_set(f"{OP}.responses.201", {"description": "made"})),
    ),
    (
        "response-non-success-status-removed",
        document(),
        _edited(_set(f"{OP}.responses.404", _DELETE)),
        _edited(_set(f"{OP}.responses.404.description", "gone")),
    ),
    (
        "response-media-type-added",
        document(),
        _edited(_set(f"{OP}.responses.200.content.text/csv", {"schema": S})),
        _edited(_set(f"{OP}.responses.404.description", "x")),
    ),
    (
        "response-media-type-removed",
        document(),
        _edited(_set(f"{OP}.responses.200.content", {"text/csv": {"schema": S}})),
        _edited(_set(f"{OP}.responses.200.content.text/csv", {"schema": S})),
    ),
    (
        "response-header-added",
        document(),
        _edited(_set(f"{OP}.responses.200.headers.X-More", {"schema": S})),
        _edited(_set(f"{OP}.responses.200.headers", {"x-rate": {"schema": {"type": "integer"}}})),
    ),
    (
        "required-response-header-removed",
        _edited(_header(required=True)),
        _edited(_set(f"{OP}.responses.200.headers", {})),
        document(),
    ),
    (
        "optional-response-header-removed",
        document(),
        _edited(_set(f"{OP}.responses.200.headers", {})),
        _edited(_header(required=True)),
    ),
    (
        "response-header-became-optional",
        _edited(_header(required=True)),
        document(),
        _edited(_header(required=True, description="x")),
    ),
    (
        "response-header-became-required",
        document(),
        _edited(_header(required=True)),
        _edited(_header(required=False)),
    ),
    (
        "response-header-deprecated",
        document(),
        _edited(_header(deprecated=True)),
        _edited(_header(required=True)),
    ),
    (
        "response-header-reactivated",
        _edited(_header(deprecated=True)),
        document(),
        _edited(_header(deprecated=True)),
    ),
    ("api-security-became-required", document(), _secured({"key": []}), _secured({"key": []}, {})),
    (
        "api-security-became-optional",
        _secured({"key": []}),
        _secured(),
        _secured({"oauth": ["read"]}),
    ),
    (
        "api-security-added",
        _secured({"key": []}),
        _secured({"key": []}, {"oauth": ["read"]}),
        _secured({"key": []}),
    ),
    (
        "api-security-removed",
        _secured({"key": []}, {"oauth": ["read"]}),
        _secured({"key": []}),
        _secured({"oauth": ["read"]}, {"key": []}),
    ),
    (
        "api-security-scope-added",
        _secured({"oauth": ["read"]}),
        _secured({"oauth": ["read", "write"]}),
        _secured({"oauth": []}),
    ),
    (
        "api-security-scope-removed",
        _secured({"oauth": ["read", "write"]}),
        _secured({"oauth": ["read"]}),
        _secured({"oauth": ["write", "read"]}),
    ),
    ("api-security-component-added", document(), _secured(), document()),
    ("api-security-component-removed", _secured(), document(), _secured()),
    (
        "api-security-component-type-changed",
        _secured(),
        _edited(_set("components.securitySchemes.key.in", "query"), base=_secured()),
        _edited(_set("components.securitySchemes.key.description", "x"), base=_secured()),
    ),
    (
        "api-server-added",
        document(),
        _edited(
            _set("servers", [{"url": "https://api.example.org"}, {"url": "https://eu.example.org"}])
        ),
        _edited(_set("servers.0.description", "x")),
    ),
    (
        "api-server-removed",
        document(),
        _edited(_set("servers", [{"url": "https://eu.example.org"}])),
        _edited(
            _set("servers", [{"url": "https://api.example.org"}, {"url": "https://eu.example.org"}])
        ),
    ),
    ("api-schema-added", document(), document(schemas={"New": OBJ}), document(schemas={})),
    (
        "api-schema-removed",
        document(schemas={"Old": OBJ}),
        document(),
        document(schemas={"Renamed": OBJ}),
    ),
    (
        "api-schema-renamed",
        document(schemas={"Old": OBJ}),
        document(schemas={"Renamed": OBJ}),
        document(schemas={"Renamed": {"type": "object"}}),
    ),
]


@pytest.mark.parametrize(
    ("rule", "old", "new", "neighbour"), [pytest.param(*case, id=case[0]) for case in OTHER_CASES]
)
def test_rule(
    rule: str, old: dict[str, Any], new: dict[str, Any], neighbour: dict[str, Any]
) -> None:
    assert rule in fired(old, new)
    assert rule not in fired(old, neighbour)


def test_every_rule_has_a_case() -> None:
    tested = {param.values[1] for param in _schema_params()} | {case[0] for case in OTHER_CASES}
    # correction-stale is about a manifest, not two descriptions: tests/changes/test_drift.py
    untested = set(RULES) - tested - {"correction-stale"}
    assert not untested, sorted(untested)
    assert len(RULES) >= 80


def test_the_documented_catalogue_is_the_catalogue() -> None:
    from tests.conftest import PROJECT

    text = (PROJECT / "docs" / "changes.md").read_text(encoding="utf-8")
    table = text.split("## Rules", 1)[1]
    documented = {}
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`"):
            documented[cells[0].strip("`")] = cells[1]
    assert documented == {rule.id: rule.level.name for rule in RULES.values()}
