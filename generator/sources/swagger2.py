"""Swagger 2.0 loader: converts a Swagger 2.0 root file into an OpenAPI 3.0.3 document.

Only the root file is converted. References to other files stay references, written as in the
source (they are relative to the root file's folder already); the bundler reads those files as
plain JSON, so they should hold schemas, which look the same in both versions. References into
the root file are rewritten to where their targets land: ``#/definitions/X`` becomes
``#/components/schemas/X``, ``#/parameters/X`` becomes ``#/components/parameters/X`` and
``#/responses/X`` becomes ``#/components/responses/X``. A body or form parameter has no place in
3.0's components, so a reference to one is replaced by the request body it describes.

The result is OpenAPI 3.0.3; the normalizer takes it on to 3.1.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from generator.shared import pointer as json_pointer
from generator.shared.errors import SpecError, Warnings
from generator.shared.schema_walk import KEYWORDS as SUBSCHEMA_KEYWORDS
from generator.shared.schema_walk import map_subschemas
from generator.sources.source_files import SourceFiles

Json = dict[str, Any]

OPENAPI_VERSION = "3.0.3"
DEFAULT_MEDIA_TYPE = "application/json"
FORM_URLENCODED = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
PARAMETER_LOCATIONS = ("query", "header", "path", "formData", "body")

_REF_PREFIXES = (
    ("#/definitions/", "#/components/schemas/"),
    ("#/parameters/", "#/components/parameters/"),
    ("#/responses/", "#/components/responses/"),
)

# The keywords of a 2.0 parameter, header or items object that describe its value; in 3.0
# they move into a ``schema``. ``x-nullable`` goes along so that it becomes ``nullable``.
_VALUE_KEYWORDS = frozenset(
    {
        "type",
        "format",
        "items",
        "default",
        "maximum",
        "exclusiveMaximum",
        "minimum",
        "exclusiveMinimum",
        "maxLength",
        "minLength",
        "pattern",
        "maxItems",
        "minItems",
        "uniqueItems",
        "enum",
        "multipleOf",
        "x-nullable",
    }
)

# 2.0 flow name -> (3.0 flow name, the URLs that flow needs).
_OAUTH2_FLOWS = {
    "implicit": ("implicit", ("authorizationUrl",)),
    "password": ("password", ("tokenUrl",)),
    "application": ("clientCredentials", ("tokenUrl",)),
    "accessCode": ("authorizationCode", ("authorizationUrl", "tokenUrl")),
}

# Top-level keys that are carried over unchanged.
_KEPT_TOP_LEVEL = ("tags", "security", "externalDocs")


def load(path: Path, files: SourceFiles, warnings: Warnings) -> dict[str, Any]:
    """The Swagger 2.0 file at ``path`` as an OpenAPI 3.0.3 document (a new object; it warns of
    nothing)."""
    return _Converter(path, files, files.load(path)).convert()


# --- schemas -------------------------------------------------------------------------------


def rewrite_ref(ref: str) -> str:
    """``ref`` pointing where its target lives after conversion; other files' refs unchanged."""
    for old, new in _REF_PREFIXES:
        if ref.startswith(old):
            return new + ref[len(old) :]
    return ref


def convert_schema(node: Any) -> Any:
    """A 2.0 schema as a 3.0 schema: a new object, the source is left alone."""
    if not isinstance(node, dict):
        return copy.deepcopy(node)  # ``additionalProperties: false`` and the like
    result: Json = {}
    for key, value in node.items():
        if key == "$ref" and isinstance(value, str):
            result[key] = rewrite_ref(value)
        elif key in SUBSCHEMA_KEYWORDS:
            # every keyword the schema walker knows: a reference under `if` or
            # `dependentSchemas` (not 2.0, but written) is rewritten like any other
            converted = map_subschemas(key, value, convert_schema)
            result[key] = copy.deepcopy(value) if converted is value else converted
        elif key == "x-nullable":
            if value is True:
                result["nullable"] = True
        elif key == "discriminator" and isinstance(value, str):
            # 2.0 names the property only; 3.0's implicit mapping (value = schema name) is
            # the same rule 2.0 used, so no ``mapping`` is needed.
            result[key] = {"propertyName": value}
        else:
            result[key] = copy.deepcopy(value)
    if result.get("type") == "file":
        result.update(type="string", format="binary")
    return result


def value_schema(node: Json) -> Json:
    """The schema of a 2.0 parameter, header or items object (its value keywords)."""
    raw = {key: value for key, value in node.items() if key in _VALUE_KEYWORDS and key != "items"}
    schema: Json = convert_schema(raw)
    if isinstance(node.get("items"), dict):
        schema["items"] = items_schema(node["items"])
    return schema


def items_schema(items: Json) -> Json:
    """A 2.0 items object as a schema."""
    if "$ref" in items:
        # Not allowed by 2.0 but common (an enum kept in definitions); it is a schema already.
        return dict(convert_schema(items))
    schema = value_schema(items)
    if "collectionFormat" in items:
        # Arrays inside arrays have no serialization style in 3.0; keep what was asked for.
        schema["x-collectionFormat"] = items["collectionFormat"]
    schema.update(extensions(items, exclude=_VALUE_KEYWORDS))
    return schema


def extensions(node: Json, *, exclude: frozenset[str] = frozenset()) -> Json:
    """Copies of the ``x-`` keys of ``node``."""
    return {
        key: copy.deepcopy(value)
        for key, value in node.items()
        if isinstance(key, str) and key.startswith("x-") and key not in exclude
    }


# --- parameters ------------------------------------------------------------------------------


def parameter_style(collection_format: str | None, location: str) -> Json:
    """The 3.0 ``style``/``explode`` for an array parameter's 2.0 ``collectionFormat``.

    2.0 defaults to csv while 3.0 query parameters default to ``form`` + ``explode: true``
    (repeated names), so csv is always spelled out.
    """
    fmt = collection_format or "csv"
    if location in ("path", "header") and fmt == "csv":
        return {"style": "simple", "explode": False}
    if location in ("query", "formData"):
        if fmt == "csv":
            return {"style": "form", "explode": False}
        if fmt == "multi":
            return {"style": "form", "explode": True}
        if fmt == "ssv":
            return {"style": "spaceDelimited", "explode": False}
        if fmt == "pipes":
            return {"style": "pipeDelimited", "explode": False}
    # tsv has no 3.0 style at all, and ssv/pipes/multi have none outside the query string:
    # keep the 2.0 intent as an extension so that a client generator can still honour it.
    return {"x-collectionFormat": fmt}


def convert_parameter(param: Json) -> Json:
    """A 2.0 query, path or header parameter as a 3.0 parameter object."""
    result = {
        key: copy.deepcopy(value)
        for key, value in param.items()
        if key not in _VALUE_KEYWORDS and key != "collectionFormat"
    }
    result["schema"] = value_schema(param)
    if param.get("type") == "array":
        result.update(parameter_style(param.get("collectionFormat"), str(param.get("in"))))
    return result


def convert_header(header: Json) -> Json:
    """A 2.0 response header as a 3.0 header object."""
    result = {
        key: copy.deepcopy(value)
        for key, value in header.items()
        if key not in _VALUE_KEYWORDS and key != "collectionFormat"
    }
    result["schema"] = value_schema(header)
    fmt = header.get("collectionFormat")
    if header.get("type") == "array" and fmt not in (None, "csv"):
        # 3.0 headers are always ``simple`` (csv); anything else can only be remembered.
        result["x-collectionFormat"] = fmt
    return result


def form_property(param: Json) -> Json:
    """A 2.0 formData parameter as a property of the request body's object schema."""
    schema = value_schema(param)
    if "description" in param:
        schema["description"] = copy.deepcopy(param["description"])
    schema.update(extensions(param, exclude=_VALUE_KEYWORDS))
    return schema


def form_encoding(param: Json) -> Json | None:
    """The encoding entry a formData array needs so that it is sent as 2.0 said, if any."""
    if param.get("type") != "array":
        return None
    fmt = param.get("collectionFormat")
    if fmt == "multi":
        return None  # ``form`` + ``explode: true`` is 3.0's default for form fields
    return parameter_style(fmt, "formData")


def media_types(*candidates: Any) -> list[str]:
    """The first list among ``candidates`` (operation before document), else application/json.

    An empty list on an operation clears the document's list (2.0 says so); the media type
    then falls back to the default like when nothing is declared.
    """
    for candidate in candidates:
        if isinstance(candidate, list):
            return [str(item) for item in candidate] or [DEFAULT_MEDIA_TYPE]
    return [DEFAULT_MEDIA_TYPE]


def base_media_type(media_type: str) -> str:
    return media_type.split(";", 1)[0].strip().lower()


def form_media_types(consumes: list[str], has_file: bool) -> list[str]:
    """The media types of a form request body: those ``consumes`` lists that can carry a form.

    A file can only be sent as multipart, so a file field forces it.
    """
    forms = [m for m in consumes if base_media_type(m) in (FORM_URLENCODED, MULTIPART)]
    if has_file:
        forms = [m for m in forms if base_media_type(m) == MULTIPART] or [MULTIPART]
    return forms or [FORM_URLENCODED]


def media_entries(schema: Any, types: list[str], examples: Any) -> Json:
    """A content map: ``schema`` under each media type, examples (by media type) attached.

    An example for a media type not listed still shows the API produces it, so it gets an
    entry of its own. Each entry holds its own copy of the schema.
    """
    content: Json = {}
    for media_type in types:
        content[media_type] = {} if schema is None else {"schema": copy.deepcopy(schema)}
    if isinstance(examples, dict):
        for media_type, example in examples.items():
            entry = content.setdefault(
                str(media_type), {} if schema is None else {"schema": copy.deepcopy(schema)}
            )
            entry["example"] = copy.deepcopy(example)
    return {key: value for key, value in content.items() if value}


def is_mime_keyed(examples: Any) -> bool:
    return isinstance(examples, dict) and all("/" in str(key) for key in examples)


@dataclass
class _Param:
    """One parameter as an operation sees it: what was written and what it stands for."""

    written: Json  # as in the source, possibly ``{"$ref": ...}``
    target: Json | None  # the parameter object; None when it lives in another file
    pointer: str  # where ``target`` (or the external reference) stands in the root file

    @property
    def location(self) -> str | None:
        return None if self.target is None else self.target.get("in")

    @property
    def key(self) -> tuple[Any, Any] | None:
        """2.0 identifies a parameter by name and location (an operation's overrides its path's)."""
        return None if self.target is None else (self.target.get("name"), self.location)

    @property
    def in_body(self) -> bool:
        return self.location in ("body", "formData")


# --- the document ----------------------------------------------------------------------------


class _Converter:
    """Converts one Swagger 2.0 document; ``source`` is only read, never changed."""

    def __init__(self, path: Path, files: SourceFiles, source: Any) -> None:
        self.path = path
        self.files = files
        self.source = self.mapping(source, "")

    def error(self, message: str, pointer: str) -> SpecError:
        return SpecError(
            message, file=self.path, pointer=pointer, line=self.files.line_of(self.path, pointer)
        )

    def mapping(self, value: Any, pointer: str) -> Json:
        if not isinstance(value, dict):
            raise self.error("must be an object", pointer)
        return value

    def sequence(self, value: Any, pointer: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.error("must be a list", pointer)
        return value

    def convert(self) -> Json:
        self.check_version()
        source = self.source
        if not isinstance(source.get("info"), dict):
            raise self.error("info (title and version) is missing", "")
        document: Json = {"openapi": OPENAPI_VERSION, "info": copy.deepcopy(source["info"])}
        servers = self.servers(source.get("schemes"))
        if servers:
            document["servers"] = servers
        for key in _KEPT_TOP_LEVEL:
            if key in source:
                document[key] = copy.deepcopy(source[key])
        document["paths"] = self.paths(self.section("paths"))
        components = self.components()
        if components:
            document["components"] = components
        document.update(extensions(source))
        return document

    def check_version(self) -> None:
        version = self.source.get("swagger")
        # YAML reads an unquoted 2.0 as a number; that is what people write, so accept it.
        if version != "2.0" and not (isinstance(version, float) and version == 2.0):
            raise self.error(
                f"Swagger version {version!r} is not supported; only 2.0 is", "/swagger"
            )

    def servers(self, schemes: Any) -> list[Json]:
        """Servers from host, basePath and schemes.

        Without a host, 2.0 means the host serving the description: a relative URL says that,
        and schemes cannot be expressed.
        """
        host = self.source.get("host")
        base_path = str(self.source.get("basePath") or "").rstrip("/")
        if not host:
            return [{"url": base_path}] if base_path else []
        schemes = schemes if isinstance(schemes, list) and schemes else ["https"]
        return [{"url": f"{scheme}://{host}{base_path}"} for scheme in schemes]

    # --- components --------------------------------------------------------------------------

    def section(self, key: str) -> Json:
        """A top-level map of the source (``definitions``...); empty when absent or blank."""
        return self.mapping(self.source.get(key) or {}, "/" + key)

    def components(self) -> Json:
        parts = {
            "schemas": {
                name: convert_schema(schema) for name, schema in self.section("definitions").items()
            },
            "parameters": self.component_parameters(),
            "responses": {
                str(name): self.response(response, json_pointer.join("/responses", name), None)
                for name, response in self.section("responses").items()
            },
            "securitySchemes": {
                name: self.security_scheme(scheme, json_pointer.join("/securityDefinitions", name))
                for name, scheme in self.section("securityDefinitions").items()
            },
        }
        return {key: value for key, value in parts.items() if value}

    def component_parameters(self) -> Json:
        """Shared query, path and header parameters; body and form ones are inlined where used."""
        result: Json = {}
        for name, param in self.section("parameters").items():
            resolved = self.resolve_parameter(param, json_pointer.join("/parameters", name))
            if resolved.target is None:
                result[name] = copy.deepcopy(param)
            elif not resolved.in_body:
                result[name] = convert_parameter(resolved.target)
        return result

    def security_scheme(self, scheme: Any, pointer: str) -> Json:
        scheme = self.mapping(scheme, pointer)
        kind = scheme.get("type")
        kept = {key: copy.deepcopy(scheme[key]) for key in ("description",) if key in scheme}
        kept.update(extensions(scheme))
        if kind == "basic":
            return {"type": "http", "scheme": "basic", **kept}
        if kind == "apiKey":
            located = {key: scheme[key] for key in ("name", "in") if key in scheme}
            return {"type": "apiKey", **located, **kept}
        if kind == "oauth2":
            return {"type": "oauth2", "flows": self.oauth2_flows(scheme, pointer), **kept}
        raise self.error(
            f"unknown security scheme type {kind!r} (basic, apiKey or oauth2)",
            json_pointer.join(pointer, "type"),
        )

    def oauth2_flows(self, scheme: Json, pointer: str) -> Json:
        flow = scheme.get("flow")
        if flow not in _OAUTH2_FLOWS:
            raise self.error(
                f"unknown oauth2 flow {flow!r} (implicit, password, application or accessCode)",
                json_pointer.join(pointer, "flow"),
            )
        name, urls = _OAUTH2_FLOWS[flow]
        result: Json = {}
        for url in urls:
            if url not in scheme:
                raise self.error(f"oauth2 flow {flow!r} needs {url}", pointer)
            result[url] = scheme[url]
        result["scopes"] = copy.deepcopy(scheme.get("scopes") or {})  # required in 3.0
        return {name: result}

    # --- paths -------------------------------------------------------------------------------

    def paths(self, paths: Json) -> Json:
        result: Json = {}
        for name, item in paths.items():
            if str(name).startswith("x-"):
                result[name] = copy.deepcopy(item)
            else:
                result[name] = self.path_item(item, json_pointer.join("/paths", name))
        return result

    def path_item(self, item: Any, pointer: str) -> Json:
        item = self.mapping(item, pointer)
        shared = self.parameters(item.get("parameters") or [], pointer)
        result: Json = {}
        if "$ref" in item:
            result["$ref"] = item["$ref"]  # a path item in another file: the bundler's job
        outside_body = [param for param in shared if not param.in_body]
        if outside_body:
            result["parameters"] = [self.parameter(param) for param in outside_body]
        for key, value in item.items():
            if key in HTTP_METHODS:
                operation_pointer = json_pointer.join(pointer, key)
                result[key] = self.operation(value, operation_pointer, shared)
            elif isinstance(key, str) and key.startswith("x-"):
                result[key] = copy.deepcopy(value)
        return result

    def operation(self, operation: Any, pointer: str, shared: list[_Param]) -> Json:
        operation = self.mapping(operation, pointer)
        consumes = media_types(operation.get("consumes"), self.source.get("consumes"))
        produces = media_types(operation.get("produces"), self.source.get("produces"))
        own = self.parameters(operation.get("parameters") or [], pointer)
        special = {"consumes", "produces", "parameters", "responses", "schemes"}
        result: Json = {
            key: copy.deepcopy(value) for key, value in operation.items() if key not in special
        }
        outside_body = [param for param in own if not param.in_body]
        if outside_body:
            result["parameters"] = [self.parameter(param) for param in outside_body]
        body = self.request_body(self.body_parameters(shared, own), consumes)
        if body is not None:
            result["requestBody"] = body
        responses = operation.get("responses") or {}
        result["responses"] = self.responses(
            responses, json_pointer.join(pointer, "responses"), produces
        )
        servers = self.operation_servers(operation.get("schemes"))
        if servers:
            result["servers"] = servers
        return result

    def operation_servers(self, schemes: Any) -> list[Json]:
        """Servers for an operation whose schemes differ from the document's."""
        if not isinstance(schemes, list) or not self.source.get("host"):
            return []
        servers = self.servers(schemes)
        return servers if servers != self.servers(self.source.get("schemes")) else []

    # --- parameters --------------------------------------------------------------------------

    def parameters(self, params: Any, pointer: str) -> list[_Param]:
        list_pointer = json_pointer.join(pointer, "parameters")
        return [
            self.resolve_parameter(param, json_pointer.join(list_pointer, index))
            for index, param in enumerate(self.sequence(params, list_pointer))
        ]

    def resolve_parameter(self, param: Any, pointer: str) -> _Param:
        """Follow references within the root file to the parameter object they name."""
        written = self.mapping(param, pointer)
        seen: set[str] = set()
        while isinstance(param, dict) and isinstance(param.get("$ref"), str):
            ref: str = param["$ref"]
            if not ref.startswith("#"):
                return _Param(written, None, pointer)
            if ref in seen:
                raise self.error(f"reference {ref!r} refers to itself", pointer)
            seen.add(ref)
            fragment = unquote(ref[1:])
            try:
                param = json_pointer.resolve(self.source, fragment)
            except (KeyError, ValueError):
                raise self.error(f"reference target {ref} does not exist", pointer) from None
            pointer = fragment
        target = self.mapping(param, pointer)
        if target.get("in") not in PARAMETER_LOCATIONS:
            raise self.error(
                f"parameter location {target.get('in')!r} is not one of "
                + ", ".join(PARAMETER_LOCATIONS),
                pointer,
            )
        return _Param(written, target, pointer)

    def parameter(self, param: _Param) -> Json:
        """A query, path or header parameter: a reference if it was one, else converted."""
        ref = param.written.get("$ref")
        if isinstance(ref, str) and (not ref.startswith("#") or ref.startswith("#/parameters/")):
            return {"$ref": rewrite_ref(ref)}
        assert param.target is not None  # only external references have no target
        return convert_parameter(param.target)

    def body_parameters(self, shared: list[_Param], own: list[_Param]) -> list[_Param]:
        """The body and form parameters an operation takes, its own replacing its path's."""
        own_keys = {param.key for param in own}
        merged = [param for param in shared if param.key not in own_keys] + own
        return [param for param in merged if param.in_body]

    def request_body(self, params: list[_Param], consumes: list[str]) -> Json | None:
        bodies = [param for param in params if param.location == "body"]
        forms = [param for param in params if param.location == "formData"]
        if len(bodies) > 1:
            raise self.error("an operation can have only one body parameter", bodies[1].pointer)
        if bodies and forms:
            raise self.error(
                "an operation cannot have both body and formData parameters", forms[0].pointer
            )
        if bodies:
            return self.body(bodies[0], consumes)
        if forms:
            return self.form(forms, consumes)
        return None

    def body(self, param: _Param, consumes: list[str]) -> Json:
        target = param.target
        assert target is not None  # external parameters never count as body parameters
        if "schema" not in target:
            raise self.error("body parameter has no schema", param.pointer)
        result: Json = {}
        if "description" in target:
            result["description"] = copy.deepcopy(target["description"])
        examples = target.get("x-examples")
        mime_keyed = is_mime_keyed(examples)
        content = media_entries(
            convert_schema(target["schema"]), consumes, examples if mime_keyed else None
        )
        result["content"] = content
        if target.get("required") is True:
            result["required"] = True
        if "name" in target:
            # 3.0 bodies are nameless; generators (openapi-generator, swagger2openapi) read the
            # 2.0 name from here so that the client argument keeps its name.
            result["x-codegen-request-body-name"] = target["name"]
        consumed = frozenset({"x-examples"}) if mime_keyed else frozenset()
        result.update(extensions(target, exclude=consumed))
        return result

    def form(self, params: list[_Param], consumes: list[str]) -> Json:
        properties: Json = {}
        required: list[str] = []
        encoding: Json = {}
        for param in params:
            target = param.target
            assert target is not None
            name = target.get("name")
            if not isinstance(name, str):
                raise self.error("formData parameter has no name", param.pointer)
            properties[name] = form_property(target)
            if target.get("required") is True:
                required.append(name)
            style = form_encoding(target)
            if style:
                encoding[name] = style
        schema: Json = {"type": "object", "properties": properties}
        if required:
            schema["required"] = required
        has_file = any(
            param.target is not None and param.target.get("type") == "file" for param in params
        )
        content = media_entries(schema, form_media_types(consumes, has_file), None)
        if encoding:
            for entry in content.values():
                entry["encoding"] = copy.deepcopy(encoding)
        result: Json = {"content": content}
        if required:
            result["required"] = True
        return result

    # --- responses ---------------------------------------------------------------------------

    def responses(self, responses: Any, pointer: str, produces: list[str]) -> Json:
        responses = self.mapping(responses, pointer)
        result: Json = {}
        for code, response in responses.items():
            if isinstance(code, str) and code.startswith("x-"):
                result[code] = copy.deepcopy(response)
            else:
                # YAML reads ``200:`` as a number; 3.0 response codes are strings.
                result[str(code)] = self.response(
                    response, json_pointer.join(pointer, code), produces
                )
        return result

    def response(self, response: Any, pointer: str, produces: list[str] | None) -> Json:
        """A 2.0 response; ``produces`` None means a shared one, which gets the document's types.

        (2.0 let a shared response take each operation's ``produces``; a 3.0 component has one
        content map, so the document-wide list is the best fit.)
        """
        response = self.mapping(response, pointer)
        if isinstance(response.get("$ref"), str):
            return {"$ref": rewrite_ref(response["$ref"])}
        if produces is None:
            produces = media_types(self.source.get("produces"))
        result: Json = {"description": copy.deepcopy(response.get("description", ""))}
        headers = self.mapping(response.get("headers") or {}, json_pointer.join(pointer, "headers"))
        if headers:
            result["headers"] = {
                name: convert_header(
                    self.mapping(header, json_pointer.join(pointer, "headers", name))
                )
                for name, header in headers.items()
            }
        schema = convert_schema(response["schema"]) if "schema" in response else None
        content = media_entries(
            schema, produces if schema is not None else [], response.get("examples")
        )
        if content:
            result["content"] = content
        result.update(extensions(response))
        return result
