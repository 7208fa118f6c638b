"""From a normalized OpenAPI 3.1 or 3.2 document to the intermediate model of its client package."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from generator.client import code, media_types
from generator.client import type_refs as types
from generator.client.client_model import (
    JobWaiter,
    Operation,
    Package,
    Pagination,
    Parameter,
    RequestBody,
    Resource,
    Response,
    ResponseKind,
    ServerVariable,
    Webhook,
)
from generator.client.inline_models import INLINE_BODY
from generator.client.naming import snake_case, unique
from generator.client.package_version import package_version
from generator.client.pagination_detect import detect_pagination, ms_pageable, properties_of
from generator.client.security_build import SecurityBuild, build_security
from generator.client.wire_headers import idempotency_header, request_id_header
from generator.normalize import openapi_walk
from generator.normalize.openapi_walk import METHODS
from generator.shared import pointer as json_pointer
from generator.shared import x_pagination
from generator.shared.errors import SpecError
from generator.shared.naming import pascal_case

_SCHEMA_REF = "#/components/schemas/"
_EVENT_FIELDS = frozenset({"data", "event", "id", "retry"})
_VERB = re.compile(r"^(?:get|list|find|search|fetch)_")
# The keyword parameters the templates give a method besides the API's own (resources.py.jinja):
# an API parameter of the same name gets another Python name in that method, never the same.
PAGINATION_KEYWORDS = frozenset({"page_size"})
WAITER_KEYWORDS = frozenset({"poll_interval", "on_progress"})
XML_KEYWORDS = frozenset({"wire_format"})
# The parameters of Client() and the module-level names its body calls (_client.py.jinja):
# a server variable or a scope argument never takes one of them.
CLIENT_NAMES = frozenset(
    {
        "base_url",
        "tenant",
        "token",
        "username",
        "password",
        "api_key",
        "client_id",
        "client_secret",
        "scope",
        "timeout",
        "max_retries",
        "retry_deadline",
        "headers",
        "max_response_bytes",
        "http_client",
        "transport",
        "server_url",
        "httpx",
        "user_agent",
    }
)


class _Types:
    """The Python types of schemas, given the model class of each component."""

    def __init__(self, document: dict[str, Any], class_names: Mapping[str, str]) -> None:
        self.document = document
        self.class_names = class_names

    def component(self, reference: str) -> dict[str, Any]:
        schema = json_pointer.resolve(self.document, json_pointer.of_local_reference(reference))
        return schema if isinstance(schema, dict) else {}

    def fixed(self, schema: Any, required: bool) -> code.Code | None:
        """The literal of the one value ``schema`` allows (an enum of one, or ``const``), for a
        required parameter; None when the caller has a choice (an optional parameter's is
        whether to send it)."""
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            schema = self.component(schema["$ref"])
        if not required or not isinstance(schema, dict):
            return None
        values = [schema["const"]] if "const" in schema else schema.get("enum")
        if not isinstance(values, list) or len(values) != 1:
            return None
        value = values[0]  # a bool is an int; null, an object or a list is no one value sent
        return code.literal(value) if isinstance(value, (str, int, float)) else None

    def model(self, reference: str) -> types.Model:
        """The model of a component schema: its class as datamodel-code-generator named it."""
        name = json_pointer.unescape(reference[len(_SCHEMA_REF) :])
        if name not in self.class_names:
            raise SpecError(f"no model class for schema {name!r}", pointer=reference[1:])
        return types.Model(name, self.class_names[name])

    def of(
        self, schema: Any, *, for_parameter: bool = False, expanding: frozenset[str] = frozenset()
    ) -> types.TypeRef:
        """The type of ``schema``; ``expanding``: the named scalars being expanded into it."""
        if not isinstance(schema, dict) or not schema:
            return types.JSON_VALUE
        reference = schema.get("$ref")
        if isinstance(reference, str) and reference.startswith(_SCHEMA_REF):
            target = self.component(reference)
            named_scalar = "enum" not in target and target.get("type") != "object"
            # (one that holds itself, `A: oneOf [A, string]`, stays its model: the models
            # resolved what it allows, and expanding it again would never end)
            if for_parameter and named_scalar and reference not in expanding:
                # a named scalar (FOLIO's UUID): callers pass the plain value
                return self.of(target, for_parameter=True, expanding=expanding | {reference})
            return self.model(reference)
        for union in ("anyOf", "oneOf"):
            # a `false` member allows nothing; a union of none of them says nothing of the type
            listed = schema.get(union)
            members = [m for m in listed if m is not False] if isinstance(listed, list) else []
            if members:
                return types.union(
                    self.of(m, for_parameter=for_parameter, expanding=expanding) for m in members
                )
        kind = schema.get("type")
        nullable = isinstance(kind, list) and "null" in kind
        if isinstance(kind, list):
            kinds = [k for k in kind if k != "null"]
            kind = kinds[0] if len(kinds) == 1 else None
        plain = self._plain(schema, kind, for_parameter, expanding)
        return types.optional(plain) if nullable else plain

    def _plain(
        self, schema: dict[str, Any], kind: Any, for_parameter: bool, expanding: frozenset[str]
    ) -> types.TypeRef:
        values = schema.get("enum")
        # An empty enum allows no value: the declared type, as the models make it too (`str`),
        # so that the server judges; `Never` would leave no call a type checker accepts.
        if isinstance(values, list) and values and all(isinstance(v, str) for v in values):
            return types.LiteralOf(tuple(values))
        if kind == "string":
            return types.BYTES if schema.get("format") == "binary" else types.STR
        if kind == "array":
            items = schema.get("items")
            return types.ListOf(self.of(items, for_parameter=for_parameter, expanding=expanding))
        return _SCALARS.get(kind, types.JSON_VALUE) if isinstance(kind, str) else types.JSON_VALUE


_SCALARS = {"integer": types.INT, "number": types.FLOAT, "boolean": types.BOOL, "null": types.NONE}


class _Builder:
    def __init__(
        self, document: dict[str, Any], package: str, class_names: Mapping[str, str]
    ) -> None:
        self.document = document
        self.package = package
        self.types = _Types(document, class_names)
        self.operations_by_id: dict[str, Operation] = {}
        schemas = document.get("components", {}).get("schemas", {})
        self.read_operations = {
            schema["x-job"]["read"].get("operation")
            for schema in schemas.values()
            if isinstance(schema, dict)
            and isinstance(schema.get("x-job"), dict)
            and isinstance(schema["x-job"].get("read"), dict)
        }
        self.uses_xml = False
        self.security: SecurityBuild

    def resolve(self, node: Any) -> Any:
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            node = json_pointer.resolve(
                self.document, json_pointer.of_local_reference(node["$ref"])
            )
        return node

    # -- operations ------------------------------------------------------------------------

    def parameters(self, item: dict[str, Any], operation: dict[str, Any]) -> list[dict[str, Any]]:
        merged: dict[tuple[str, str], dict[str, Any]] = {}
        for raw in [*item.get("parameters", []), *operation.get("parameters", [])]:
            parameter = self.resolve(raw)
            if parameter.get("in") in ("path", "query", "querystring", "header"):
                merged[(parameter["in"], parameter["name"])] = parameter
        return list(merged.values())

    def querystring_schema(self, parameter: dict[str, Any], where: str) -> Any:
        """The schema of an ``in: querystring`` parameter (OpenAPI 3.2): the whole query string
        is its one media type's serialization; the client writes the form-urlencoded one."""
        content = parameter.get("content") or {}
        media = next(iter(content), None)
        if media != "application/x-www-form-urlencoded":
            raise SpecError(
                f"querystring parameter {parameter['name']!r} is {media!r}; the client sends "
                "application/x-www-form-urlencoded query strings only",
                pointer=where,
            )
        return content[media].get("schema")

    def operation(
        self,
        path: str,
        method: str,
        keys: tuple[str, ...],
        item: dict[str, Any],
        raw: dict[str, Any],
    ) -> Operation:
        """``method`` is the HTTP method as sent, ``keys`` where the operation is in ``item``."""
        where = json_pointer.join("/paths", path, *keys)
        parameters = self.parameters(item, raw)
        facts = self.pagination_facts(where, method, parameters, raw)
        taken = set(self.fixed_keywords(raw, facts, [p["name"] for p in parameters]))
        path_parameters: list[Parameter] = []
        others: list[Parameter] = []
        locations = {parameter["in"] for parameter in parameters}
        if {"query", "querystring"} <= locations:
            # OpenAPI 3.2 forbids it: the querystring parameter is the whole query string
            raise SpecError("query and querystring parameters together", pointer=where)
        for parameter in parameters:
            location = parameter["in"]
            python_name = unique(snake_case(parameter["name"]), taken)
            required = bool(parameter.get("required")) or location == "path"
            schema = (
                self.querystring_schema(parameter, where)
                if location == "querystring"
                else parameter.get("schema")
            )
            converted = Parameter(
                name=parameter["name"],
                python_name=python_name,
                location=location,
                required=required,
                annotation=self.types.of(schema, for_parameter=True),
                description=str(parameter.get("description", "")).strip(),
                fixed=None if location == "querystring" else self.types.fixed(schema, required),
            )
            (path_parameters if location == "path" else others).append(converted)
        # path parameters in the order the path names them
        order = re.findall(r"\{([^}]+)\}", path)
        path_parameters.sort(key=lambda p: order.index(p.name) if p.name in order else len(order))
        body = self.request_body(raw.get("requestBody"), taken)
        responses, errors = self.responses(raw.get("responses", {}))
        streamed = any(r.kind in ("binary", "events") for r in responses)
        answers = [r.annotation for r in responses if r.annotation]
        if any(r.annotation is None for r in responses) and answers:
            answers.append(types.NONE)
        return_annotation = types.union(answers) if answers else types.NONE
        events = next((r.annotation for r in responses if r.kind == "events"), None)
        if events is not None:  # the stream's events are typed; other answers have none
            return_annotation = events
        operation_id = str(raw["operationId"])
        return Operation(
            operation_id=operation_id,
            method_name=snake_case(operation_id),
            http_method=method,
            path=path,
            summary=str(raw.get("summary", "")).strip(),
            description=str(raw.get("description", "")).strip(),
            deprecated=bool(raw.get("deprecated")),
            parameters=(*path_parameters, *others),
            body=body,
            responses=tuple(responses),
            errors=tuple(errors),
            return_annotation=return_annotation,
            streamed=streamed,
            pagination=self.pagination(raw, facts, others, responses, body),
            security=self.operation_security(where, raw),
            request_id_header=request_id_header(raw.get("responses", {}), self.resolve),
            idempotency_header=idempotency_header(method, parameters),
        )

    def operation_security(
        self, where: str, raw: dict[str, Any]
    ) -> tuple[tuple[str, ...], ...] | None:
        """The operation's own requirement; None where it has none or the document's."""
        if "security" not in raw:
            return None
        own = self.security.requirement(raw["security"], json_pointer.join(where, "security"))
        return None if own == self.security.auth.default else own

    def fixed_keywords(
        self, raw: dict[str, Any], pagination: dict[str, Any] | None, names: list[str]
    ) -> set[str]:
        """The template's own keyword parameters of this operation's methods."""
        fixed: set[str] = set()
        sized = (pagination or {}).get("limit", (pagination or {}).get("size"))
        # iter_*'s page_size sets the API's page size parameter, and takes its place: an API
        # parameter page_size keeps its name unless it is another one (or one of several)
        named = [str(snake_case(n)) for n in names].count("page_size")
        if sized is not None and named != (str(snake_case(sized)) == "page_size"):
            fixed |= PAGINATION_KEYWORDS
        if raw.get("operationId") in self.read_operations:
            fixed |= WAITER_KEYWORDS
        body = self.resolve(raw.get("requestBody"))
        content = body.get("content") if isinstance(body, dict) else None
        kinds = {media_types.kind(media) for media in content or {}}
        if {"json", "xml"} <= kinds:
            fixed |= XML_KEYWORDS
        return fixed

    def request_body(self, raw: Any, taken: set[str]) -> RequestBody | None:
        body = self.resolve(raw)
        if not isinstance(body, dict) or not body.get("content"):
            return None
        content: dict[str, Any] = body["content"]
        kinds = {media: media_types.kind(media) for media in content}
        first_media = next(iter(content))
        kind = kinds[first_media]
        if "json" in kinds.values():
            kind = "json"
            first_media = next(m for m, k in kinds.items() if k == "json")
        schema = content[first_media].get("schema", {})
        required = bool(body.get("required"))
        if kind in ("form", "multipart"):
            schema = self.resolve(schema)
            needed = set(schema.get("required", []))
            fields = []
            for name, prop in schema.get("properties", {}).items():
                is_file = prop.get("format") == "binary" or prop.get("contentMediaType") is not None
                fields.append(
                    Parameter(
                        name=name,
                        python_name=unique(snake_case(name), taken),
                        location="body",
                        required=name in needed,
                        annotation=types.FILE_INPUT
                        if is_file
                        else self.types.of(prop, for_parameter=True),
                        description=str(prop.get("description", "")).strip(),
                        is_file=is_file,
                        fixed=None if is_file else self.types.fixed(prop, name in needed),
                    )
                )
            return RequestBody(kind=kind, parameters=tuple(fields), required=required)
        annotation = self.types.of(schema)
        if kind in ("binary", "text"):
            annotation = types.BYTES if kind == "binary" else types.STR
        reference = schema.get("$ref") if isinstance(schema, dict) else None
        target = self.resolve(schema) if reference else None
        if isinstance(target, dict) and target.get(INLINE_BODY):
            reference = None  # a body written in place: named ``body``, as before it was moved
        name = (
            snake_case(json_pointer.unescape(reference.rsplit("/", 1)[1])) if reference else "body"
        )
        also_xml = kind == "json" and "xml" in kinds.values()
        xml_root = None
        if also_xml or kind == "xml":
            self.uses_xml = True
            target = self.resolve(schema)
            xml_root = (target.get("xml") or {}).get("name") or name
        return RequestBody(
            kind=kind,
            parameters=(
                Parameter(
                    name=name,
                    python_name=unique(name, taken),
                    location="body",
                    required=required,
                    annotation=annotation,
                ),
            ),
            required=required,
            xml_root=xml_root,
            also_xml=also_xml,
        )

    def responses(
        self, raw: dict[str, Any]
    ) -> tuple[list[Response], list[tuple[str, types.TypeRef]]]:
        successes: list[Response] = []
        errors: list[tuple[str, types.TypeRef]] = []
        for status in sorted(raw):
            response = self.resolve(raw[status])
            content: dict[str, Any] = response.get("content") or {}
            kinds = {media: media_types.kind(media) for media in content}
            media = next((m for m, k in kinds.items() if k == "json"), next(iter(content), None))
            if "xml" in kinds.values():
                self.uses_xml = True
            kind: ResponseKind
            annotation: types.TypeRef | None
            if media is None:
                kind, annotation = "empty", None
            elif media.split(";")[0].strip().lower() == "text/event-stream":
                kind, annotation = "events", self.event_data(content[media])
            else:
                media_kind = kinds[media]
                kind = media_kind if media_kind in ("json", "xml", "text") else "binary"
                schema = content[media].get("schema")
                if kind == "binary":
                    annotation = types.BYTES
                elif kind == "text":
                    annotation = types.STR
                else:
                    annotation = self.types.of(schema)
            if status.startswith("2"):
                successes.append(Response(status, kind, annotation))
            elif kind in ("json", "xml") and annotation and annotation != types.JSON_VALUE:
                errors.append((status, annotation))
        return successes, errors

    def event_data(self, media: dict[str, Any]) -> types.TypeRef:
        """The type of each event's data; ``str`` (the text as sent) where no schema says more.

        ``itemSchema`` (OpenAPI 3.2; ``x-item-schema`` in earlier documents) describes each
        event, else ``schema`` does. A schema with ``data``, ``event``, ``id`` or ``retry``
        properties is the event's (3.2's reading): the data is its ``data`` property, or that
        property's ``contentSchema`` (JSON text of that schema). Any other schema is the data's
        (what 3.1 documents mean by ``schema`` there), as JSON unless a string.
        """
        item = media.get("itemSchema", media.get("x-item-schema"))
        raw = item if isinstance(item, dict) else media.get("schema")
        shape = self._event_schema(raw)
        fields = shape.get("properties") if isinstance(shape, dict) else None
        if isinstance(fields, dict) and _EVENT_FIELDS & set(fields):
            raw = fields.get("data")
            shape = self._event_schema(raw)
            if isinstance(shape, dict) and isinstance(shape.get("contentSchema"), dict):
                raw = shape["contentSchema"]
                shape = self._event_schema(raw)
        if not isinstance(shape, dict) or not shape or shape.get("type") == "string":
            return types.STR
        return self.types.of(raw)

    def _event_schema(self, node: Any) -> Any:
        """``resolve``, for schemas the bundler does not check (``x-item-schema`` is an
        extension): a reference that leads nowhere is the spec's error, not a crash."""
        try:
            return self.resolve(node)
        except (KeyError, ValueError):
            reference = node.get("$ref") if isinstance(node, dict) else node
            raise SpecError(
                f"the text/event-stream schema's reference {reference!r} leads nowhere "
                "(only references inside the document are followed there)"
            ) from None

    def pagination_facts(
        self, where: str, method: str, parameters: list[dict[str, Any]], raw: dict[str, Any]
    ) -> dict[str, Any] | None:
        """The operation's x-pagination, checked; else the style its spec shows, if any."""
        if "x-pagination" in raw:
            pointer = json_pointer.join(where, "x-pagination")
            return x_pagination.check(raw["x-pagination"], pointer)
        if "x-ms-pageable" in raw:
            pointer = json_pointer.join(where, "x-ms-pageable")
            return ms_pageable(method, parameters, raw["x-ms-pageable"], pointer)
        responses = raw.get("responses")
        return detect_pagination(
            method, parameters, responses, self.resolve, raw.get("requestBody")
        )

    def pagination(
        self,
        raw: dict[str, Any],
        facts: dict[str, Any] | None,
        parameters: list[Parameter],
        responses: list[Response],
        body: RequestBody | None,
    ) -> Pagination | None:
        if not facts:
            return None
        style = facts.get("style", "offset")
        by_wire = {p.name: p.python_name for p in parameters if p.location == "query"}
        driven = {}
        in_body = facts.get("in") == "body"
        if in_body and not self.body_has(body, facts["cursor"]):
            if "x-pagination" not in raw:
                return None  # detected, but the body is no model the iterator can copy
            raise SpecError(
                f"x-pagination cursor {facts['cursor']!r} is no field of the JSON request "
                f"body model of operation {raw['operationId']!r}"
            )
        for role in ("offset", "limit", "page", "size", "cursor"):
            if role == "cursor" and in_body:
                driven[role] = facts[role]  # the body field's wire name
            elif role in facts:
                if facts[role] not in by_wire:
                    raise SpecError(
                        f"x-pagination {role} {facts[role]!r} is no query parameter of "
                        f"operation {raw['operationId']!r}"
                    )
                driven[role] = by_wire[facts[role]]
        method = _VERB.sub("", snake_case(str(raw["operationId"])))
        return Pagination(
            method_name=code.identifier("iter_" + method),
            style=style,
            items=facts["items"],
            item_annotation=self.pagination_item(facts["items"], responses),
            summary=_pagination_summary(facts, raw),
            offset=driven.get("offset"),
            limit=driven.get("limit", driven.get("size")),
            page=driven.get("page"),
            cursor=driven.get("cursor"),
            first=int(facts.get("first", 1)),
            total=facts.get("total"),
            total_header=facts.get("total-header"),
            next=facts.get("next"),
            last_item=facts.get("last-item"),
            more=facts.get("more"),
            cursor_in_body=in_body,
        )

    def body_has(self, body: RequestBody | None, name: str) -> bool:
        """Whether ``body`` is a required JSON model with the field ``name`` (a wire name)."""
        if body is None or body.kind != "json" or not body.required:
            return False
        model = body.parameters[0].annotation
        if not isinstance(model, types.Model):
            return False
        component = self.document["components"]["schemas"].get(model.schema, {})
        return name in properties_of(component, self.resolve)

    def pagination_item(self, pointer: str, responses: list[Response]) -> types.TypeRef:
        """The type of one item: the list's items, in the answer or in its one-level field."""
        page = next((r.annotation for r in responses if r.annotation), None)
        if isinstance(page, types.ListOf) and not pointer:
            return page.item
        if isinstance(page, types.Model) and pointer.count("/") <= 1:
            component = self.document["components"]["schemas"].get(page.schema, {})
            # the list's field, its allOf parts' included (as detection found it)
            listed = (
                properties_of(component, self.resolve).get(json_pointer.unescape(pointer[1:]))
                if pointer
                else self.resolve(component)
            )
            if isinstance(listed, dict) and "items" in listed:
                return self.types.of(listed["items"])
        return types.JSON_VALUE

    @staticmethod
    def named(operation: Operation, taken: set[str], constants: set[str]) -> Operation:
        """``operation`` with a method name free in its resource and a unique spec constant."""
        method_name = unique(operation.method_name, taken)
        pagination = operation.pagination
        if pagination is not None:
            pagination = replace(pagination, method_name=unique(pagination.method_name, taken))
        return replace(
            operation,
            method_name=method_name,
            pagination=pagination,
            spec_name=unique(method_name.upper(), constants),
        )

    # -- jobs ------------------------------------------------------------------------------

    def waiters(
        self, resources: dict[str, list[Operation]], method_names: dict[str, set[str]]
    ) -> dict[str, list[JobWaiter]]:
        found: dict[str, list[JobWaiter]] = {}
        schemas = self.document.get("components", {}).get("schemas", {})
        for schema_name, schema in schemas.items():
            facts = schema.get("x-job") if isinstance(schema, dict) else None
            if not facts or "read" not in facts:
                continue
            read = self.operations_by_id[facts["read"]["operation"]]
            tag = next(t for t, ops in resources.items() if read in ops)
            parameter = next(
                p
                for p in (*read.parameters, *(read.body.parameters if read.body else ()))
                if p.name == facts["read"]["parameter"]
            )
            template = facts["read"].get("template")
            identifiers = [p for p in read.path_parameters if p is not parameter and not p.fixed]
            job_id = Parameter(
                name="id",
                python_name=parameter.python_name,
                location="path",
                required=True,
                annotation=types.STR,
                description=parameter.description,
            )
            if template:
                job_id = Parameter(
                    name="id",
                    python_name=unique("id_", {p.python_name for p in identifiers}),
                    location="path",
                    required=True,
                    annotation=types.STR,
                    description="The id of the job.",
                )
                value: str = _template_expression(
                    str(template), job_id.python_name, facts["read"].get("language")
                )
            else:
                value = job_id.python_name
            arguments = [(p.python_name, p.python_name) for p in identifiers]
            arguments.append((parameter.python_name, value))
            progress = facts.get("progress", {})
            complete = facts.get("complete-when")
            found.setdefault(tag, []).append(
                JobWaiter(
                    method_name=unique(
                        "wait_for_" + snake_case(facts.get("name", schema_name)), method_names[tag]
                    ),
                    model=self.types.model(_SCHEMA_REF + json_pointer.escape(schema_name)),
                    read_method=read.method_name,
                    id_parameters=(*identifiers, job_id),
                    read_arguments=tuple(arguments),
                    id_field=facts.get("id-field"),
                    items=facts["read"].get("items"),
                    status=facts.get("status"),
                    success=tuple(facts.get("success", ())),
                    failure=tuple(facts.get("failure", ())),
                    finished_when_set=facts.get("finished-when-set"),
                    complete_when=(complete["processed"], complete["total"]) if complete else None,
                    percent=progress.get("percent"),
                    processed=progress.get("processed"),
                    total=progress.get("total"),
                    started_by=tuple(
                        self.operations_by_id[started].method_name
                        for started in facts.get("started-by", ())
                        if started in self.operations_by_id
                    ),
                    started_link=facts.get("started-link"),
                )
            )
        return found

    # -- the package -----------------------------------------------------------------------

    # -- webhooks --------------------------------------------------------------------------

    def webhooks(self) -> tuple[Webhook, ...]:
        """A parser for each webhook whose payload is JSON: its first method with a JSON body."""
        found: list[Webhook] = []
        taken = {"WEBHOOKS"}
        for name, raw_item in (self.document.get("webhooks") or {}).items():
            item = self.resolve(raw_item)
            operations = [item.get(m) for m in METHODS] if isinstance(item, dict) else []
            for operation in operations:
                body = self.resolve(operation.get("requestBody")) if operation else None
                content = body.get("content") if isinstance(body, dict) else None
                media = next((m for m in content or {} if media_types.kind(m) == "json"), None)
                if operation is None or content is None or media is None:
                    continue
                found.append(
                    Webhook(
                        name=str(name),
                        function_name=unique("parse_" + snake_case(str(name)), taken),
                        summary=str(operation.get("summary", "")).strip(),
                        description=str(operation.get("description", "")).strip(),
                        annotation=self.types.of(content[media].get("schema")),
                    )
                )
                break
        return tuple(found)

    def build(self) -> Package:
        client_names = set(CLIENT_NAMES)
        self.security = build_security(self.document, client_names)
        by_tag: dict[str, list[Operation]] = {}
        for path, item in (self.document.get("paths") or {}).items():
            for method, keys, raw in openapi_walk.operations(item):
                operation = self.operation(path, method, keys, item, raw)
                by_tag.setdefault(str((raw.get("tags") or ["default"])[0]), []).append(operation)
        # Names are made unique only now that all are known: two operationIds, or two tags,
        # may become the same Python name (fooBar, foo_bar), or the name of something else.
        method_names: dict[str, set[str]] = {}
        constants: set[str] = set()
        for tag, operations in by_tag.items():
            taken = method_names.setdefault(tag, {"with_raw_response"})
            by_tag[tag] = [self.named(operation, taken, constants) for operation in operations]
            for operation in by_tag[tag]:
                self.operations_by_id[operation.operation_id] = operation
        waiters = self.waiters(by_tag, method_names)
        descriptions = {
            t["name"]: t.get("description") or t.get("summary", "")  # 3.2 tags have a summary
            for t in self.document.get("tags", [])
        }
        # the Client's own attributes, besides the resources
        attributes: set[str] = {"close", "aclose", "hooks"}
        classes: set[str] = set()
        resources = []
        for tag, operations in sorted(by_tag.items()):
            class_name = unique(pascal_case(tag) + "Resource", classes)
            classes.add("Async" + class_name)  # AsyncFooResource is the async twin of Foo's
            resources.append(
                Resource(
                    tag=tag,
                    attribute=unique(snake_case(tag), attributes),
                    class_name=class_name,
                    description=descriptions.get(tag, ""),
                    operations=tuple(sorted(operations, key=lambda o: o.method_name)),
                    waiters=tuple(waiters.get(tag, ())),
                )
            )
        info = self.document.get("info", {})
        server = (self.document.get("servers") or [{"url": "/"}])[0]
        variables = tuple(
            ServerVariable(
                name=name,
                python_name=unique(snake_case(name), client_names),
                default=str(spec.get("default", "")),
                choices=tuple(str(c) for c in spec.get("enum", [])),
                description=str(spec.get("description", "")),
            )
            for name, spec in server.get("variables", {}).items()
        )
        return Package(
            name=self.package,
            distribution=code.distribution(self.package),
            title=str(info.get("title", self.package)),
            description=str(info.get("description", "")).strip(),
            version=package_version(info),
            server_url=str(server["url"]),
            server_variables=variables,
            auth=self.security.auth,
            resources=tuple(resources),
            uses_xml=self.uses_xml,
            webhooks=self.webhooks(),
            warnings=tuple(self.security.warnings),
        )


# The runtime function that escapes a value for a string in each query language an x-job read
# template may be written in (templates/runtime/_query.py).
_QUERY_ESCAPES = {"cql": "_query.cql_string"}


def _template_expression(template: str, variable: str, language: object) -> code.Code:
    """``id=="{id}"`` -> ``'id=="' + _query.cql_string(id_) + '"'``: literals and the escaped id.

    The template's text is only ever a string literal; the id is escaped by the rules of the
    query language the x-job read names (``language``), or inserted as it is without one.
    """
    if "{id}" not in template:
        raise SpecError(f"x-job read template {template!r} has no {{id}}")
    if language is not None and language not in _QUERY_ESCAPES:
        raise SpecError(
            f"x-job read language {language!r} is unknown; known: {sorted(_QUERY_ESCAPES)}"
        )
    name = code.identifier(variable)
    escaped = code.fill(_QUERY_ESCAPES[language] + "({})", name) if language else name
    pieces: list[code.Code] = []
    for index, text in enumerate(template.split("{id}")):
        if index:
            pieces.append(escaped)
        if text:
            pieces.append(code.literal(text))
    return code.join(" + ", pieces)


def build_package(
    document: dict[str, Any], *, package: str, class_names: Mapping[str, str]
) -> Package:
    return _Builder(document, code.identifier(package), class_names).build()


_STYLE_NAMES = {
    "offset": "offset/limit",
    "page": "page number and size",
    "cursor": "a cursor in the body",
    "link": "next links",
}


def _pagination_summary(facts: dict[str, Any], raw: dict[str, Any]) -> str:
    """What the docstring of ``iter_*`` says: the style, where it was read, what it drives."""
    style = facts.get("style", "offset")
    declared = next((key for key in ("x-pagination", "x-ms-pageable") if key in raw), None)
    source = f"declared by {declared}" if declared else "detected from the spec"
    in_body = facts.get("in") == "body"
    roles = ("offset", "limit", "page", "size") + (() if in_body else ("cursor",))
    sent = [facts[role] for role in roles if role in facts]
    drives = ", ".join(f"``{name}``" for name in sent)
    text = f"Pagination by {_STYLE_NAMES[style]} ({source})"
    text += f"; drives the query parameters {drives}." if drives else "."
    if in_body:
        text += f" Sends the request body again with ``{facts['cursor']}`` set to the cursor."
    if style == "cursor" and "next" in facts:
        text += f" The cursor comes from ``{facts['next']}`` in each answer."
    elif style == "cursor":
        text += f" The cursor is ``{facts['last-item']}`` of the last item of each answer."
    if "more" in facts:
        text += f" Pages follow while ``{facts['more']}`` is true."
    elif style == "link":
        where = f"``{facts['next']}`` in the body" if "next" in facts else "the ``Link`` header"
        text += f' The next page is the one {where} names (rel="next"), on the same origin only.'
    if "total" in facts:
        text += f" The total is ``{facts['total']}`` in the body."
    elif "total-header" in facts:
        text += f" The total is the ``{facts['total-header']}`` header."
    return text
