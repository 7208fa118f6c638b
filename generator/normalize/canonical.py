"""Canonical form: one key order and one YAML style, so equal documents are equal bytes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from generator.normalize import yaml_style
from generator.normalize.openapi_walk import ADDITIONAL, COMPONENT_KINDS, METHODS
from generator.shared.schema_walk import map_subschemas

_TOP = (
    "openapi",
    "$self",
    "info",
    "jsonSchemaDialect",
    "servers",
    "security",
    "tags",
    "paths",
    "webhooks",
    "components",
    "externalDocs",
)
_OPERATION = (
    "tags",
    "summary",
    "description",
    "operationId",
    "deprecated",
    "parameters",
    "requestBody",
    "responses",
    "callbacks",
    "security",
    "servers",
    "externalDocs",
)
_SCHEMA = (
    "title",
    "description",
    "type",
    "format",
    "const",
    "enum",
    "default",
    "$ref",
    "discriminator",
    "allOf",
    "oneOf",
    "anyOf",
    "not",
    "properties",
    "required",
    "additionalProperties",
    "patternProperties",
    "propertyNames",
    "minProperties",
    "maxProperties",
    "dependentRequired",
    "dependentSchemas",
    "prefixItems",
    "items",
    "contains",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minContains",
    "maxContains",
    "minLength",
    "maxLength",
    "pattern",
    "contentEncoding",
    "contentMediaType",
    "contentSchema",
    "minimum",
    "exclusiveMinimum",
    "maximum",
    "exclusiveMaximum",
    "multipleOf",
    "if",
    "then",
    "else",
    "unevaluatedItems",
    "unevaluatedProperties",
    "readOnly",
    "writeOnly",
    "deprecated",
    "nullable",
    "xml",
    "externalDocs",
    "examples",
    "example",
)


def _ordered(mapping: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    """Known keys in ``order``, then the rest (extensions) sorted."""
    known = [key for key in order if key in mapping]
    rest = sorted((key for key in mapping if key not in order), key=str)
    return {key: mapping[key] for key in known + rest}


def _schema(schema: Any) -> Any:
    if not isinstance(schema, dict):
        return schema
    # every subschema where the schema walker finds it; a map of them keeps its own order
    # (property order is meaningful)
    result = {
        keyword: map_subschemas(keyword, value, _schema)
        for keyword, value in _ordered(schema, _SCHEMA).items()
    }
    if isinstance(result.get("discriminator"), dict) and "mapping" in result["discriminator"]:
        result["discriminator"] = _ordered(result["discriminator"], ("propertyName", "mapping"))
    return result


def _status_key(status: str) -> tuple[int, str]:
    return (0, status) if status != "default" else (1, status)


# itemSchema, prefixEncoding and itemEncoding: OpenAPI 3.2, for sequences (SSE, JSON Lines)
_MEDIA = (
    "schema",
    "itemSchema",
    "example",
    "examples",
    "encoding",
    "prefixEncoding",
    "itemEncoding",
)


def _media(media: Any) -> Any:
    if not isinstance(media, dict):
        return media
    result = _ordered(media, _MEDIA)
    for key in ("schema", "itemSchema"):
        if key in result:
            result[key] = _schema(result[key])
    return result


def _content(content: Any) -> Any:
    return {k: _media(v) for k, v in content.items()} if isinstance(content, dict) else content


def _parameter(parameter: Any) -> Any:
    if not isinstance(parameter, dict):
        return parameter
    result = _ordered(
        parameter,
        (
            "name",
            "in",
            "description",
            "required",
            "deprecated",
            "allowEmptyValue",
            "style",
            "explode",
            "allowReserved",
            "schema",
            "content",
            "example",
            "examples",
        ),
    )
    if "schema" in result:
        result["schema"] = _schema(result["schema"])
    if "content" in result:
        result["content"] = _content(result["content"])
    return result


def _response(response: Any) -> Any:
    if not isinstance(response, dict):
        return response
    result = _ordered(response, ("description", "headers", "content", "links"))
    if isinstance(result.get("headers"), dict):
        result["headers"] = {k: _parameter(v) for k, v in sorted(result["headers"].items())}
    if "content" in result:
        result["content"] = _content(result["content"])
    return result


def _request_body(body: Any) -> Any:
    if not isinstance(body, dict):
        return body
    result = _ordered(body, ("description", "required", "content"))
    if "content" in result:
        result["content"] = _content(result["content"])
    return result


def _operation(operation: dict[str, Any]) -> dict[str, Any]:
    result = _ordered(operation, _OPERATION)
    if isinstance(result.get("parameters"), list):
        result["parameters"] = [_parameter(p) for p in result["parameters"]]
    if "requestBody" in result:
        result["requestBody"] = _request_body(result["requestBody"])
    if isinstance(result.get("responses"), dict):
        result["responses"] = {
            status: _response(result["responses"][status])
            for status in sorted(result["responses"], key=_status_key)
        }
    return result


def _path_item(item: dict[str, Any]) -> dict[str, Any]:
    result = _ordered(
        item, ("summary", "description", "servers", "parameters", *METHODS, ADDITIONAL)
    )
    if isinstance(result.get("parameters"), list):
        result["parameters"] = [_parameter(p) for p in result["parameters"]]
    for method in METHODS:
        if isinstance(result.get(method), dict):
            result[method] = _operation(result[method])
    additional = result.get(ADDITIONAL)
    if isinstance(additional, dict):
        # by method name, as the fixed fields have one order
        result[ADDITIONAL] = {
            method: _operation(value) if isinstance(value, dict) else value
            for method, value in sorted(additional.items(), key=lambda entry: str(entry[0]))
        }
    return result


def canonical(document: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``document`` with every mapping in canonical key order."""
    result = _ordered(document, _TOP)
    if "info" in result:
        result["info"] = _ordered(
            result["info"],
            ("title", "summary", "description", "termsOfService", "contact", "license", "version"),
        )
    if isinstance(result.get("paths"), dict):
        result["paths"] = {
            path: _path_item(result["paths"][path]) for path in sorted(result["paths"])
        }
    components = result.get("components")
    if isinstance(components, dict):
        components = _ordered(components, COMPONENT_KINDS)
        for section, value in list(components.items()):
            if isinstance(value, dict):
                components[section] = {name: value[name] for name in sorted(value)}
        convert = {
            "schemas": _schema,
            "parameters": _parameter,
            "responses": _response,
            "requestBodies": _request_body,
            "headers": _parameter,
        }
        for section, function in convert.items():
            if section in components:
                components[section] = {k: function(v) for k, v in components[section].items()}
        result["components"] = components
    return result


def to_yaml(document: dict[str, Any]) -> str:
    return yaml_style.dump(canonical(document))


def write_atomically(path: Path, text: str) -> None:
    """Write all of ``text`` or nothing: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
