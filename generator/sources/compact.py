"""The compact source format: hand-written YAML for APIs that vendors document only in prose.

Some vendors publish no machine-readable description, only wiki pages and client libraries. For
those we write the description ourselves, and writing OpenAPI by hand is slow and error-prone:
one field costs five lines of nested mappings. A compact file says the same in one line per
field (``limit?: integer 0..100 = 10 -- Results per page``) and this loader expands it into an
OpenAPI 3.1 document whose schemas are JSON Schema 2020-12. ``docs/compact-format.md`` is the
reference for writers; this module is the reference for what each notation becomes.

A compact file carries no servers, security, pagination or job-lifecycle extensions: those come
from the system's ``manifest.yaml``.
"""

from __future__ import annotations

import http
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from generator.shared import pointer as json_pointer
from generator.shared.errors import SpecError, Warnings
from generator.sources.compact_expressions import (
    NO_DEFAULT,
    ExpressionError,
    Parsed,
    parse_expression,
)
from generator.sources.source_files import SourceFiles, compose

FORMAT_VERSION = 1

# Built-in media aliases; a file adds its own under ``media:``.
BUILTIN_MEDIA = {
    "json": "application/json",
    "xml": "application/xml",
    "form": "application/x-www-form-urlencoded",
    "multipart": "multipart/form-data",
    "text": "text/plain",
    "binary": "application/octet-stream",
}

_TOP_KEYS = (
    "compact",
    "info",
    "tags",
    "media",
    "default-media",
    "path-params",
    "response-headers",
    "errors",
    "schemas",
    "operations",
)
_MANIFEST_KEYS = ("servers", "security", "securitySchemes", "x-job", "x-pagination")
_INFO_KEYS = ("title", "version", "summary", "description", "termsOfService", "contact", "license")
_OPERATION_KEYS = (
    "id",
    "tag",
    "tags",
    "summary",
    "description",
    "deprecated",
    "query",
    "path",
    "headers",
    "body",
    "body?",
    "form",
    "form?",
    "multipart",
    "multipart?",
    "responses",
    "errors",
)
_BODY_KEYS = ("body", "body?", "form", "form?", "multipart", "multipart?")
_OBJECT_OPTIONS = ("$description", "$xml", "$additional", "$example")
_METHODS = ("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE")

_OPERATION_KEY = re.compile(r"^(\S+) +(/\S*)$")
_PATH_PARAM = re.compile(r"\{([^{}/]+)\}")
_NAME = re.compile(r"^[A-Za-z0-9._-]+$")  # what OpenAPI allows as a components key
_OPERATION_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")  # becomes a method name in clients
_STATUS = re.compile(r"^(?:[1-5][0-9][0-9]|[1-5]XX|default)$")
_MEDIA_TYPE = re.compile(r"^[\w.+-]+/[\w.+*-]+$")


def is_compact(document: Any) -> bool:
    """Whether a parsed file is in this format: its first key is ``compact``."""
    return isinstance(document, dict) and next(iter(document), None) == "compact"


def load(path: Path, files: SourceFiles, warnings: Warnings) -> dict[str, Any]:
    """The OpenAPI 3.1 document that the compact file ``path`` describes (it warns of nothing)."""
    try:
        document = files.load(path)
    except SpecError as error:
        raise _with_flow_hint(error, files) from None
    return _Builder(files.confine(path), files, document).build()


# --------------------------------------------------------------------------------------------
# The document.
# --------------------------------------------------------------------------------------------


def _phrase(status: str) -> str:
    """The reason phrase of a status code, used when a response has no description."""
    if status == "default":
        return "Any other response"
    if status.endswith("XX"):
        return f"Any {status} response"
    try:
        return http.HTTPStatus(int(status)).phrase
    except ValueError:
        return f"Status {status}"


def _component_name(status: str) -> str:
    """``NotFound`` for 404: the name a shared response gets under components/responses."""
    if status == "default":
        return "DefaultResponse"
    phrase = _phrase(status) if not status.endswith("XX") else ""
    name = re.sub(r"[^A-Za-z0-9]", "", phrase.title())
    return name if name and not name.startswith("Status") else f"Status{status}"


def _with_flow_hint(error: SpecError, files: SourceFiles) -> SpecError:
    """Add a hint to the YAML error people meet first: ``tags: [string] -- Tags``."""
    if not error.message.startswith("invalid YAML") or error.file is None or not error.line:
        return error
    try:
        line = files.text(Path(error.file)).splitlines()[error.line - 1]
    except (SpecError, IndexError):
        return error
    if not re.search(r":\s+[\[{]", line):
        return error
    hint = " (an expression that starts with [ or { and goes on after ] or } must be quoted)"
    return SpecError(error.message + hint, file=error.file, line=error.line)


@dataclass
class _Check:
    """A value (default or example) to check against its schema once all schemas exist."""

    value: Any
    schema: dict[str, Any]
    pointer: str
    what: str


@dataclass
class _Builder:
    path: Path
    files: SourceFiles
    source: Any
    names: set[str] = field(default_factory=set)
    media: dict[str, str] = field(default_factory=lambda: dict(BUILTIN_MEDIA))
    default_media: list[str] = field(default_factory=lambda: ["application/json"])
    tags: dict[str, str | None] = field(default_factory=dict)
    path_params: dict[str, dict[str, Any]] = field(default_factory=dict)
    schemas: dict[str, Any] = field(default_factory=dict)
    responses: dict[str, Any] = field(default_factory=dict)  # components/responses
    shared: dict[str, str] = field(default_factory=dict)  # status -> components/responses name
    headers: dict[str, Any] = field(default_factory=dict)  # components/headers
    operation_ids: dict[str, str] = field(default_factory=dict)  # id -> operation key
    checks: list[_Check] = field(default_factory=list)

    # -- errors ---------------------------------------------------------------------------

    def error(self, pointer: str, message: str, *, at_key: bool = False) -> SpecError:
        """The error at ``pointer``; ``at_key`` names the key's line rather than the value's."""
        line = self.key_line(pointer) if at_key else None
        line = line or self.files.line_of(self.path, pointer)
        return SpecError(message, file=self.path, line=line, pointer=pointer)

    def key_line(self, pointer: str) -> int | None:
        """The line of the key ``pointer`` ends with (a block mapping value starts below it)."""
        node = compose(self.files.text(self.path))
        key: yaml.Node | None = None
        for token in json_pointer.split(pointer):
            if not isinstance(node, yaml.MappingNode):
                return None
            pair = next(((k, v) for k, v in node.value if k.value == token), None)
            if pair is None:
                return None
            key, node = pair
        return key.start_mark.line + 1 if key is not None else None

    def mapping(self, value: Any, pointer: str, what: str) -> dict[Any, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.error(pointer, f"{what} must be a mapping")
        return value

    def text(self, value: Any, pointer: str, what: str) -> str:
        if not isinstance(value, str):
            raise self.error(pointer, f"{what} must be text")
        return value

    def expression(self, text: Any, pointer: str, *, payload: bool = False) -> Parsed:
        if not isinstance(text, str):
            message = f"expected an expression such as 'string -- ...', got {text!r}"
            raise self.error(pointer, message)
        try:
            return parse_expression(text, self.names, payload=payload)
        except ExpressionError as problem:
            raise self.error(pointer, f"{problem} in {text!r}") from None

    # -- the whole file -------------------------------------------------------------------

    def build(self) -> dict[str, Any]:
        source = self.top()
        info = self.info(source.get("info"), "/info")
        self.read_tags(source.get("tags"))
        self.read_media(source)
        self.names = set(self.mapping(source.get("schemas"), "/schemas", "schemas"))
        self.read_schemas(source.get("schemas"))
        self.read_path_params(source.get("path-params"))
        self.read_response_headers(source.get("response-headers"))
        self.read_errors(source.get("errors"))
        paths = self.operations(source.get("operations"))
        self.run_checks()
        return self.document(info, paths)

    def top(self) -> dict[str, Any]:
        source = self.source
        if not is_compact(source):
            raise self.error("", "a compact file starts with the key 'compact: 1'")
        version = source["compact"]
        if type(version) is not int or version != FORMAT_VERSION:
            raise self.error("/compact", f"unsupported compact version {version!r}; this is 1")
        self.duplicate_keys()
        for key in source:
            if key in _MANIFEST_KEYS:
                message = f"{key!r} belongs in the system's manifest.yaml"
                raise self.error(f"/{key}", message, at_key=True)
            if key not in _TOP_KEYS:
                message = f"unknown key {key!r}; known: {', '.join(_TOP_KEYS)}"
                raise self.error(f"/{key}", message, at_key=True)
        return dict(source)

    def duplicate_keys(self) -> None:
        """PyYAML keeps the last of two equal keys silently; a second ``GET /x`` would vanish."""
        root = compose(self.files.text(self.path))
        if root is None:
            return
        for pointer, name, line in _repeated_keys(root, ""):
            raise SpecError(f"duplicate key {name!r}", file=self.path, line=line, pointer=pointer)

    def info(self, value: Any, pointer: str) -> dict[str, Any]:
        info = self.mapping(value, pointer, "info")
        for key in info:
            if key not in _INFO_KEYS:
                where = json_pointer.join(pointer, key)
                raise self.error(where, f"unknown info key {key!r}", at_key=True)
        for key in ("title", "version"):
            if info.get(key) in (None, ""):
                raise self.error(pointer, f"info needs a {key}")
        return {**info, "version": str(info["version"])}

    def read_tags(self, value: Any) -> None:
        for name, description in self.mapping(value, "/tags", "tags").items():
            where = json_pointer.join("/tags", name)
            if description is not None:
                self.text(description, where, "a tag description")
            self.tags[str(name)] = description

    def read_media(self, source: dict[str, Any]) -> None:
        for alias, media_type in self.mapping(source.get("media"), "/media", "media").items():
            where = json_pointer.join("/media", alias)
            if not isinstance(media_type, str) or not _MEDIA_TYPE.match(media_type):
                raise self.error(where, f"media alias {alias!r} needs a media type like a/b")
            self.media[str(alias)] = media_type
        if "default-media" in source:
            aliases = source["default-media"]
            aliases = [aliases] if isinstance(aliases, str) else aliases
            if not isinstance(aliases, list) or not aliases:
                raise self.error("/default-media", "default-media is an alias or a list of them")
            self.default_media = self.media_types(aliases, "/default-media")

    def media_types(self, aliases: list[Any], pointer: str) -> list[str]:
        result = []
        for alias in aliases:
            alias = str(alias)
            if alias in self.media:
                result.append(self.media[alias])
            elif _MEDIA_TYPE.match(alias):
                result.append(alias)
            else:
                known = ", ".join(self.media)
                raise self.error(pointer, f"unknown media alias {alias!r} (known: {known})")
        return result

    # -- schemas --------------------------------------------------------------------------

    def read_schemas(self, value: Any) -> None:
        for name, body in self.mapping(value, "/schemas", "schemas").items():
            where = json_pointer.join("/schemas", name)
            if not isinstance(name, str) or not _NAME.match(name):
                message = f"schema name {name!r} may use only A-Z a-z 0-9 . _ -"
                raise self.error(where, message, at_key=True)
            self.schemas[name] = self.field_schema(body, where)

    def field_schema(self, value: Any, pointer: str) -> dict[str, Any]:
        """The schema of one field: an expression, a nested object or a one-item list."""
        if isinstance(value, dict):
            key = next(iter(value), None)
            if len(value) == 1 and value[key] is None and _plain_name(key):
                # YAML reads an unquoted ``{T}`` as the mapping {T: null}: the map notation.
                value = "{" + str(key) + "}"
            else:
                return self.object(value, pointer)
        elif isinstance(value, list):
            # YAML reads an unquoted ``[T]`` as the list [T]: the array notation.
            if len(value) != 1:
                raise self.error(pointer, "a list stands for an array of one item type: [T]")
            if not isinstance(value[0], str):
                items = self.field_schema(value[0], json_pointer.join(pointer, 0))
                return {"type": "array", "items": items}
            value = "[" + value[0] + "]"
        parsed = self.expression(value, pointer)
        schema = dict(parsed.schema or {})
        if parsed.description:
            schema["description"] = parsed.description
        if parsed.default is not NO_DEFAULT:
            schema["default"] = parsed.default
            self.checks.append(_Check(parsed.default, schema, pointer, "default"))
        return _ordered(schema)

    def object(self, value: dict[Any, Any], pointer: str) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "object"}
        properties: dict[str, Any] = {}
        required: list[str] = []
        for key, body in value.items():
            where = json_pointer.join(pointer, key)
            if not isinstance(key, str) or key in ("", "?"):
                raise self.error(where, f"field name {key!r} must be text (quote it)", at_key=True)
            if key.startswith("$"):
                self.object_option(schema, key, body, where)
                continue
            name = key.removesuffix("?")
            properties[name] = self.field_schema(body, where)
            if not key.endswith("?"):
                required.append(name)
        if properties:
            schema["properties"] = properties
        if required:
            schema["required"] = required
        if "examples" in schema:
            where = pointer + "/$example"
            self.checks.append(_Check(schema["examples"][0], schema, where, "example"))
        return _ordered(schema)

    def object_option(self, schema: dict[str, Any], key: str, value: Any, pointer: str) -> None:
        if key == "$description":
            schema["description"] = self.text(value, pointer, "$description")
        elif key == "$xml":
            schema["xml"] = {"name": self.text(value, pointer, "$xml")}
        elif key == "$example":
            schema["examples"] = [value]
        elif key == "$additional":
            if value is False:
                schema["additionalProperties"] = False
            elif value is not True:
                schema["additionalProperties"] = self.field_schema(value, pointer)
        else:
            known = ", ".join(_OBJECT_OPTIONS)
            message = f"unknown object option {key!r} (known: {known})"
            raise self.error(pointer, message, at_key=True)

    # -- parameters and headers -----------------------------------------------------------

    def read_path_params(self, value: Any) -> None:
        for name, body in self.mapping(value, "/path-params", "path-params").items():
            where = json_pointer.join("/path-params", name)
            self.path_params[str(name)] = self.parameter(str(name), "path", body, where)

    def parameter(self, key: str, location: str, value: Any, pointer: str) -> dict[str, Any]:
        name = key.removesuffix("?")
        if location == "path" and key.endswith("?"):
            message = f"path parameter {name!r} is always required; drop the '?'"
            raise self.error(pointer, message, at_key=True)
        if not isinstance(value, str):
            kind = "mapping" if isinstance(value, dict) else type(value).__name__
            raise self.error(pointer, f"parameter {name!r} takes an expression, not a {kind}")
        parameter: dict[str, Any] = {"name": name, "in": location}
        schema = self.field_schema(value, pointer)
        if "description" in schema:
            parameter["description"] = schema.pop("description")
        if location == "path" or not key.endswith("?"):
            parameter["required"] = True
        if schema.pop("deprecated", False):
            parameter["deprecated"] = True
        parameter["schema"] = schema
        return parameter

    def header(self, key: str, value: Any, pointer: str) -> dict[str, Any]:
        """A response header: a parameter without name and place."""
        header = self.parameter(key, "header", value, pointer)
        del header["name"], header["in"]
        return header

    def read_response_headers(self, value: Any) -> None:
        for key, body in self.mapping(value, "/response-headers", "response-headers").items():
            where = json_pointer.join("/response-headers", key)
            name = str(key).removesuffix("?")
            if not _NAME.match(name):
                message = f"header name {name!r} may use only A-Z a-z 0-9 . _ -"
                raise self.error(where, message, at_key=True)
            self.headers[name] = self.header(str(key), body, where)

    # -- responses ------------------------------------------------------------------------

    def status(self, key: Any, pointer: str) -> str:
        status = str(key)
        if not _STATUS.match(status):
            message = f"bad status {key!r}: expected 100..599, 4XX or default"
            raise self.error(pointer, message, at_key=True)
        return status

    def read_errors(self, value: Any) -> None:
        for key, body in self.mapping(value, "/errors", "errors").items():
            where = json_pointer.join("/errors", key)
            status = self.status(key, where)
            name = _component_name(status)
            self.responses[name] = self.response(body, status, where)
            self.shared[status] = name

    def response(self, value: Any, status: str, pointer: str) -> dict[str, Any]:
        own_headers: dict[str, Any] = {}
        if isinstance(value, dict):
            long_form = value
            for key in long_form:
                if key not in ("body", "description", "headers"):
                    where = json_pointer.join(pointer, key)
                    raise self.error(where, f"unknown response key {key!r}", at_key=True)
            parsed = self.expression(long_form.get("body", ""), pointer + "/body", payload=True)
            description = parsed.description
            if "description" in long_form:
                where = pointer + "/description"
                description = self.text(long_form["description"], where, "a description")
            headers_at = pointer + "/headers"
            for key, body in self.mapping(long_form.get("headers"), headers_at, "headers").items():
                where = json_pointer.join(headers_at, key)
                own_headers[str(key).removesuffix("?")] = self.header(str(key), body, where)
        else:
            parsed = self.expression("" if value is None else value, pointer, payload=True)
            description = parsed.description
        response: dict[str, Any] = {"description": description or _phrase(status)}
        headers = {name: {"$ref": f"#/components/headers/{name}"} for name in self.headers}
        headers.update(own_headers)
        if headers:
            response["headers"] = headers
        if parsed.schema is not None:
            response["content"] = self.content(parsed, pointer)
        return response

    def content(self, parsed: Parsed, pointer: str) -> dict[str, Any]:
        media = self.default_media
        if parsed.media is not None:
            media = self.media_types(parsed.media, pointer)
        return {media_type: {"schema": parsed.schema} for media_type in media}

    # -- operations -----------------------------------------------------------------------

    def operations(self, value: Any) -> dict[str, Any]:
        operations = self.mapping(value, "/operations", "operations")
        if not operations:
            raise self.error("/operations" if value is not None else "", "no operations described")
        paths: dict[str, Any] = {}
        for key, body in operations.items():
            where = json_pointer.join("/operations", key)
            method, template = self.operation_key(key, where)
            source = self.mapping(body, where, "an operation")
            operation = self.operation(key, template, source, where)
            paths.setdefault(template, {})[method.lower()] = operation
        return paths

    def operation_key(self, key: Any, pointer: str) -> tuple[str, str]:
        match = _OPERATION_KEY.match(str(key))
        if not match or match.group(1) not in _METHODS:
            methods = ", ".join(_METHODS)
            message = f"operation key {key!r} is not 'METHOD /path' ({methods})"
            raise self.error(pointer, message, at_key=True)
        return match.group(1), match.group(2)

    def operation(
        self, key: str, template: str, source: dict[Any, Any], pointer: str
    ) -> dict[str, Any]:
        for name in source:
            if name not in _OPERATION_KEYS:
                where = json_pointer.join(pointer, name)
                raise self.error(where, f"unknown operation key {name!r}", at_key=True)
        operation: dict[str, Any] = {}
        tags = self.operation_tags(source, pointer)
        if tags:
            operation["tags"] = tags
        for name in ("summary", "description"):
            if name in source:
                operation[name] = self.text(source[name], f"{pointer}/{name}", name)
        operation["operationId"] = self.operation_id(key, source.get("id"), pointer)
        parameters = self.path_parameters(template, source, pointer)
        parameters += self.parameters(source, pointer)
        if parameters:
            operation["parameters"] = parameters
        body = self.request_body(source, pointer)
        if body:
            operation["requestBody"] = body
        operation["responses"] = self.operation_responses(source, pointer)
        if source.get("deprecated") is True:
            operation["deprecated"] = True
        return operation

    def operation_tags(self, source: dict[Any, Any], pointer: str) -> list[str]:
        if "tag" in source and "tags" in source:
            raise self.error(pointer + "/tags", "write either tag or tags, not both")
        key = "tag" if "tag" in source else "tags"
        value = source.get(key, [])
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list):
            raise self.error(f"{pointer}/{key}", "tags is a list of tag names")
        for name in names:
            if name not in self.tags:
                known = ", ".join(self.tags) or "none declared"
                raise self.error(f"{pointer}/{key}", f"unknown tag {name!r} (known: {known})")
        return [str(name) for name in names]

    def operation_id(self, key: str, value: Any, pointer: str) -> str:
        where = pointer + "/id"
        if value is None:
            raise self.error(pointer, "an operation needs an id (its operationId)", at_key=True)
        if not isinstance(value, str) or not _OPERATION_ID.match(value):
            raise self.error(where, f"operation id {value!r} must be an identifier")
        if value in self.operation_ids:
            other = self.operation_ids[value]
            raise self.error(where, f"duplicate operation id {value!r} (also on {other!r})")
        self.operation_ids[value] = key
        return value

    def path_parameters(
        self, template: str, source: dict[Any, Any], pointer: str
    ) -> list[dict[str, Any]]:
        """One per ``{name}`` in the path, described here or under path-params; no others."""
        where = pointer + "/path"
        described = self.mapping(source.get("path"), where, "path")
        in_template = _PATH_PARAM.findall(template)
        for name in described:
            if str(name).endswith("?"):
                place = json_pointer.join(where, name)
                message = f"path parameter {name!r} is always required; drop the '?'"
                raise self.error(place, message, at_key=True)
            if str(name) not in in_template:
                place = json_pointer.join(where, name)
                message = f"path parameter {name!r} is not in the path {template!r}"
                raise self.error(place, message, at_key=True)
        parameters = []
        for name in in_template:
            if name in described:
                place = json_pointer.join(where, name)
                parameters.append(self.parameter(name, "path", described[name], place))
            elif name in self.path_params:
                parameters.append(dict(self.path_params[name]))
            else:
                message = f"path parameter {{{name}}} is not described"
                raise self.error(pointer, message, at_key=True)
        return parameters

    def parameters(self, source: dict[Any, Any], pointer: str) -> list[dict[str, Any]]:
        """Query parameters and request headers."""
        parameters = []
        for key, location in (("query", "query"), ("headers", "header")):
            where = f"{pointer}/{key}"
            for name, body in self.mapping(source.get(key), where, key).items():
                place = json_pointer.join(where, name)
                parameters.append(self.parameter(str(name), location, body, place))
        return parameters

    def request_body(self, source: dict[Any, Any], pointer: str) -> dict[str, Any] | None:
        present = [key for key in _BODY_KEYS if key in source]
        if not present:
            return None
        if len(present) > 1:
            message = "an operation has one body: body, form or multipart"
            raise self.error(f"{pointer}/{present[1]}", message, at_key=True)
        key = present[0]
        where = f"{pointer}/{key}"
        kind = key.removesuffix("?")
        body: dict[str, Any] = {}
        if kind == "body":
            parsed = self.expression(source[key], where, payload=True)
            if parsed.schema is None:
                raise self.error(where, "a body needs a type, e.g. 'Job (json)'")
            if parsed.description:
                body["description"] = parsed.description
            body["content"] = self.content(parsed, where)
        else:
            fields = self.mapping(source[key], where, kind)
            schema = self.object(fields, where)
            body["content"] = {BUILTIN_MEDIA[kind]: {"schema": schema}}
        body["required"] = not key.endswith("?")
        return body

    def operation_responses(self, source: dict[Any, Any], pointer: str) -> dict[str, Any]:
        where = pointer + "/responses"
        responses: dict[str, Any] = {}
        for key, body in self.mapping(source.get("responses"), where, "responses").items():
            place = json_pointer.join(where, key)
            status = self.status(key, place)
            responses[status] = self.response(body, status, place)
        for status in self.shared_statuses(source.get("errors", True), pointer + "/errors"):
            responses.setdefault(status, {"$ref": f"#/components/responses/{self.shared[status]}"})
        if not responses:
            raise self.error(pointer, "an operation needs at least one response", at_key=True)
        return dict(sorted(responses.items(), key=lambda item: _status_order(item[0])))

    def shared_statuses(self, choice: Any, pointer: str) -> list[str]:
        """``errors:`` on an operation: true (all shared errors), false (none) or a list."""
        if choice is True:
            return list(self.shared)
        if choice is False:
            return []
        if not isinstance(choice, list):
            raise self.error(pointer, "errors is true, false or a list of shared statuses")
        for status in choice:
            if str(status) not in self.shared:
                known = ", ".join(self.shared) or "none declared"
                raise self.error(pointer, f"{status!r} is not a shared error status ({known})")
        return [str(status) for status in choice]

    # -- the end --------------------------------------------------------------------------

    def run_checks(self) -> None:
        """Check defaults and examples now that every named schema exists."""
        components = {"schemas": self.schemas}
        for check in self.checks:
            # The wrapper carries components so that '#/components/schemas/X' resolves.
            validator = Draft202012Validator({"allOf": [check.schema], "components": components})
            problem = best_match(validator.iter_errors(check.value))
            if problem is not None:
                message = f"{check.what} {check.value!r} does not fit its type: {problem.message}"
                raise self.error(check.pointer, message)

    def document(self, info: dict[str, Any], paths: dict[str, Any]) -> dict[str, Any]:
        document: dict[str, Any] = {"openapi": "3.1.0", "info": info}
        if self.tags:
            document["tags"] = [
                {"name": name, **({"description": text} if text else {})}
                for name, text in self.tags.items()
            ]
        document["paths"] = paths
        components = {
            key: value
            for key, value in (
                ("schemas", self.schemas),
                ("responses", self.responses),
                ("headers", self.headers),
            )
            if value
        }
        if components:
            document["components"] = components
        # One schema object serves several places (each media type, each use of a shared path
        # parameter); a JSON round trip gives every place its own copy, so that a later step
        # changing one place in place cannot change the others.
        copied: dict[str, Any] = json.loads(json.dumps(document))
        return copied


def _plain_name(key: Any) -> bool:
    """A key that can only be a type written as ``{T}``, not a field or an option."""
    return isinstance(key, str) and not key.startswith("$") and not key.endswith("?")


def _ordered(schema: dict[str, Any]) -> dict[str, Any]:
    """Keys in the order a reader expects: what it is, then what it holds."""
    order = ("$ref", "type", "format", "description", "xml", "properties", "required")
    head = {key: schema[key] for key in order if key in schema}
    return {**head, **{key: value for key, value in schema.items() if key not in head}}


def _status_order(status: str) -> tuple[int, str]:
    return (1, status) if status == "default" else (0, status.replace("X", "0"))


def _repeated_keys(node: yaml.Node, pointer: str) -> Iterator[tuple[str, str, int]]:
    """Walk the YAML tree; yield (pointer, key, line) for each key repeated in its mapping."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            where = json_pointer.join(pointer, key.value)
            if key.value in seen:
                yield where, key.value, key.start_mark.line + 1
            seen.add(key.value)
            yield from _repeated_keys(value, where)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _repeated_keys(item, json_pointer.join(pointer, index))
