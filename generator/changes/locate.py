"""Where a place in a normalized document was written in a Swagger 2.0 or RAML root file.

``diff`` compares normalized OpenAPI 3.1 documents, so its pointers name places the user never
wrote (``.../requestBody/content/application~1json/schema``). ``SourcePlaces`` turns each into
the pointer of that place in the user's file, by the rules the loaders convert with (a body
parameter becomes a request body, ``#/definitions/X`` becomes ``#/components/schemas/X``,
nested RAML resources become one path), and then into its nearest ancestor that the file holds:
what the converter made up (a ``null`` alternative, a media type a Swagger file states once at
the top) is shown where it came from.
"""

from __future__ import annotations

from typing import Any

import yaml

from generator.shared import pointer as json_pointer
from generator.sources.source_files import compose

Tokens = list[str]


def _entry(node: yaml.Node | None, token: str) -> tuple[str, yaml.Node] | None:
    """The key as written and the value of ``token`` in ``node``."""
    if isinstance(node, yaml.MappingNode):
        # RAML marks an optional property by a `?` after its name.
        for key, value in node.value:
            if key.value in (token, token + "?"):
                return str(key.value), value
        return None
    if isinstance(node, yaml.SequenceNode) and token.isdigit() and int(token) < len(node.value):
        return token, node.value[int(token)]
    return None


def _child(node: yaml.Node | None, token: str) -> yaml.Node | None:
    entry = _entry(node, token)
    return entry[1] if entry is not None else None


def _keys(node: yaml.Node | None) -> list[str]:
    return [k.value for k, _ in node.value] if isinstance(node, yaml.MappingNode) else []


def _scalar(node: yaml.Node | None, key: str) -> str | None:
    value = _child(node, key)
    return value.value if isinstance(value, yaml.ScalarNode) else None


class SourcePlaces:
    """Pointers of a normalized document, turned into pointers of the file it came from."""

    def __init__(self, text: str, source_format: str, normalized: dict[str, Any]) -> None:
        try:
            self._root = compose(text)
        except yaml.YAMLError:
            self._root = None
        self._format = source_format
        self._normalized = normalized

    def pointer(self, pointer: str) -> str:
        """The pointer in the source file nearest to what ``pointer`` names."""
        tokens = json_pointer.split(pointer)
        translated = self._swagger(tokens) if self._format == "swagger2" else self._raml(tokens)
        node, kept = self._root, []
        for token in translated:
            entry = _entry(node, token)
            if entry is None:
                break
            written, node = entry
            kept.append(written)
        return json_pointer.join("", *kept)

    # -- Swagger 2.0 ----------------------------------------------------------------------------

    def _swagger(self, tokens: Tokens) -> Tokens:
        if tokens[:1] == ["components"] and len(tokens) >= 3:
            section, name, rest = tokens[1], tokens[2], tokens[3:]
            if section == "schemas":
                return ["definitions", name, *rest]
            if section == "parameters":
                return ["parameters", name, *_without_schema(rest)]
            if section == "responses":
                return ["responses", name, *_swagger_response(rest)]
            if section == "securitySchemes":
                return ["securityDefinitions", name, *rest]
        if tokens[:1] == ["servers"]:
            return ["host"]
        if tokens[:1] != ["paths"] or len(tokens) < 3:
            return tokens
        path, rest = tokens[1], tokens[2:]
        operation = ["paths", path] if rest[0] == "parameters" else ["paths", path, rest[0]]
        rest = rest if rest[0] == "parameters" else rest[1:]
        if rest[:1] == ["parameters"] and len(rest) >= 2:
            index = self._same_parameter([*operation, "parameters"], tokens[: len(operation) + 2])
            return [*operation, "parameters", index, *_without_schema(rest[2:])]
        if rest[:1] == ["requestBody"]:
            return [*operation, *self._swagger_body(operation, rest[1:])]
        if rest[:1] == ["responses"] and len(rest) >= 2:
            return [*operation, "responses", rest[1], *_swagger_response(rest[2:])]
        return [*operation, *rest]

    def _same_parameter(self, source_list: Tokens, normalized_at: Tokens) -> str:
        """The index in the source's list of the parameter at ``normalized_at``: the lists
        differ (body and form parameters left them), so it is found by name or reference."""
        try:
            wanted = json_pointer.resolve(self._normalized, json_pointer.join("", *normalized_at))
        except (KeyError, ValueError):
            return "-"
        written = self._at(source_list)
        for index, node in enumerate(
            written.value if isinstance(written, yaml.SequenceNode) else []
        ):
            reference = _scalar(node, "$ref")
            if isinstance(wanted, dict) and "$ref" in wanted:
                target = str(wanted["$ref"]).rsplit("/", 1)[-1]
                if reference is not None and reference.rsplit("/", 1)[-1] == target:
                    return str(index)
            elif (
                isinstance(wanted, dict)
                and _scalar(node, "name") == wanted.get("name")
                and _scalar(node, "in") == wanted.get("in")
            ):
                return str(index)
        return "-"

    def _swagger_body(self, operation: Tokens, rest: Tokens) -> Tokens:
        """A request body was a body parameter's schema, or form parameters' values."""
        written = self._at([*operation, "parameters"])
        parameters = written.value if isinstance(written, yaml.SequenceNode) else []
        schema = rest[:1] == ["content"] and rest[2:3] == ["schema"]
        inside = rest[3:] if schema else []
        for index, node in enumerate(parameters):
            if _scalar(node, "in") == "body":
                return ["parameters", str(index), *(["schema", *inside] if schema else [])]
            if (
                _scalar(node, "in") == "formData"
                and inside[:1] == ["properties"]
                and len(inside) >= 2
                and _scalar(node, "name") == inside[1]
            ):
                return ["parameters", str(index), *inside[2:]]
        return ["parameters"]

    # -- RAML -----------------------------------------------------------------------------------

    def _raml(self, tokens: Tokens) -> Tokens:
        if tokens[:2] == ["components", "schemas"] and len(tokens) >= 3:
            section = "types" if "types" in _keys(self._root) else "schemas"
            return [section, *tokens[2:]]
        if tokens[:1] == ["servers"]:
            return ["baseUri"]
        if tokens[:1] != ["paths"] or len(tokens) < 3:
            return tokens
        resource = self._resource(tokens[1])
        rest = tokens[2:]
        if rest[0] == "parameters":
            return [*resource, *self._raml_parameter(tokens[:4], rest[2:])]
        method, rest = rest[0], rest[1:]
        if rest[:1] == ["parameters"] and len(rest) >= 2:
            where = self._raml_parameter(tokens[:5], rest[2:])
            return [*resource, *(where if where[:1] == ["uriParameters"] else [method, *where])]
        if rest[:1] == ["requestBody"]:
            return [*resource, method, "body", *_raml_content(rest[1:])]
        if rest[:1] == ["responses"] and len(rest) >= 2:
            inner = rest[2:]
            if inner[:1] == ["headers"]:
                inner = _without_schema(inner[:2]) + _without_schema(inner[2:])
            else:
                inner = ["body", *_raml_content(inner)]
            return [*resource, method, "responses", rest[1], *inner]
        return [*resource, method, *rest]

    def _resource(self, path: str) -> Tokens:
        """The chain of nested resource keys that spells ``path``."""
        node, chain, left = self._root, [], path
        while left:
            key = next(
                (
                    k
                    for k in sorted(_keys(node), key=len, reverse=True)
                    if k.startswith("/") and left.startswith(k) and left[len(k) :][:1] in ("", "/")
                ),
                None,
            )
            if key is None:
                break
            chain.append(key)
            node, left = _child(node, key), left[len(key) :]
        return chain

    def _raml_parameter(self, normalized_at: Tokens, inner: Tokens) -> Tokens:
        try:
            wanted = json_pointer.resolve(self._normalized, json_pointer.join("", *normalized_at))
        except (KeyError, ValueError):
            return []
        if not isinstance(wanted, dict):
            return []
        section = {"query": "queryParameters", "header": "headers", "path": "uriParameters"}
        return [
            section.get(str(wanted.get("in")), "queryParameters"),
            str(wanted.get("name")),
            *_without_schema(inner),
        ]

    def _at(self, tokens: Tokens) -> yaml.Node | None:
        node = self._root
        for token in tokens:
            node = _child(node, token)
        return node


def _without_schema(rest: Tokens) -> Tokens:
    """A 2.0 parameter or header, and a RAML one, holds its schema's keywords itself."""
    return rest[1:] if rest[:1] == ["schema"] else rest


def _swagger_response(rest: Tokens) -> Tokens:
    if rest[:1] == ["content"] and rest[2:3] == ["schema"]:
        return ["schema", *rest[3:]]  # one schema for every media type the operation produces
    if rest[:1] == ["headers"] and len(rest) >= 2:
        return ["headers", rest[1], *_without_schema(rest[2:])]
    return rest


def _raml_content(rest: Tokens) -> Tokens:
    """``content/<media>/schema/...`` -> ``<media>/...`` (a body keyed by its media type)."""
    if rest[:1] == ["content"] and len(rest) >= 2:
        return [rest[1], *rest[3:]]
    return rest
