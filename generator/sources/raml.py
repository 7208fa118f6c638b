"""RAML 1.0 loader: a RAML API description, as FOLIO writes it, as an OpenAPI 3.1 dict.

The work happens in three steps:

1. Read (``raml_includes``). Every file is parsed through ``SourceFiles`` with ``RamlLoader``,
   whose ``!include`` tag leaves an ``Include`` marker. ``Includes`` then replaces the
   markers: RAML and YAML fragments are inlined, JSON files (schemas, examples) stay files as
   ``FileRef`` so that the bundler can pull them in later, and anything else (Markdown...)
   becomes its text.
2. Resolve (``raml_merge``). Resource types and traits are applied to resources and methods
   with RAML's merge rules (``merge``) after ``<<parameter>>`` substitution (``substitute``).
3. Convert (here). Types, parameters, bodies and responses become OpenAPI objects
   (``_Converter``).

Errors are ``SpecError`` naming the root file (or the including file for include problems),
the JSON pointer of the place in the root file and its line.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.shared import pointer as json_pointer
from generator.shared.errors import SpecError, Warnings
from generator.sources.raml_includes import FileRef, Include, Includes, Json, plain
from generator.sources.raml_merge import TemplateError, merge, substitute, text_of
from generator.sources.source_files import SourceFiles

METHODS = ("get", "put", "post", "delete", "options", "head", "patch")


# --- Converting: small helpers ----------------------------------------------------------------


def _is_annotation(key: Any) -> bool:
    return isinstance(key, str) and key.startswith("(") and key.endswith(")")


def _is_media_type(key: Any) -> bool:
    return isinstance(key, str) and "/" in key and not _is_annotation(key)


_EXAMPLE_FACETS = frozenset({"value", "strict", "displayName", "description"})


def _is_example_declaration(value: Any) -> bool:
    """``{value: ..., strict: false}`` rather than an example that is itself a mapping."""
    return (
        isinstance(value, dict)
        and "value" in value
        and all(key in _EXAMPLE_FACETS or _is_annotation(key) for key in value)
    )


def _example_value(value: Any) -> Any:
    return plain(value["value"] if _is_example_declaration(value) else value)


def _example_object(value: Any) -> Json:
    """One entry of RAML ``examples`` as an OpenAPI Example Object."""
    if not _is_example_declaration(value):
        return {"value": plain(value)}
    result: Json = {}
    if value.get("displayName") is not None:
        result["summary"] = str(value["displayName"])
    if value.get("description") is not None:
        result["description"] = str(value["description"])
    result["value"] = plain(value["value"])
    return result


def _add_examples(target: Json, declaration: Json) -> None:
    if declaration.get("example") is not None:
        target["example"] = _example_value(declaration["example"])
    elif isinstance(declaration.get("examples"), dict):
        target["examples"] = {
            str(name): _example_object(value) for name, value in declaration["examples"].items()
        }


_JSON_SCHEMA_TYPES = {"object", "array", "string", "number", "integer", "boolean", "null"}


def _looks_like_json_schema(document: Any) -> bool:
    """Whether a JSON document is a schema rather than example data (judged by keywords)."""
    if not isinstance(document, dict):
        return False
    if any(key in document for key in ("$schema", "definitions", "$defs")):
        return True
    if isinstance(document.get("$ref"), str) or isinstance(document.get("properties"), dict):
        return True
    kind = document.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    if kinds and all(isinstance(k, str) and k in _JSON_SCHEMA_TYPES for k in kinds):
        return True
    return any(isinstance(document.get(key), list) for key in ("allOf", "anyOf", "oneOf"))


def _path_name(path: str) -> str:
    """``<<resourcePathName>>``: the rightmost path segment without a URI parameter."""
    segments = [s for s in path.split("/") if s and "{" not in s]
    return segments[-1] if segments else ""


def _default_description(status: str) -> str:
    # OpenAPI requires a description; RAML does not.
    if status.isdigit():
        return "Success" if int(status) < 400 else "Error"
    return "Response"


_BUILTINS: dict[str, Json] = {
    "string": {"type": "string"},
    "number": {"type": "number"},
    "integer": {"type": "integer"},
    "boolean": {"type": "boolean"},
    "date-only": {"type": "string", "format": "date"},
    "datetime": {"type": "string", "format": "date-time"},
    # No JSON Schema format fits these (its "time" and "date-time" require an offset).
    "time-only": {"type": "string", "pattern": r"^\d{2}:\d{2}:\d{2}(\.\d+)?$"},
    "datetime-only": {
        "type": "string",
        "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$",
    },
    "file": {"type": "string", "format": "binary"},
    "any": {},
    "nil": {"type": "null"},
    "object": {"type": "object"},
    "array": {"type": "array"},
}

# Facets that keep their name in JSON Schema.
_SAME_FACETS = (
    "description",
    "default",
    "enum",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "multipleOf",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
)
_FORMATS = {
    "int": "int32",
    "int8": "int32",
    "int16": "int32",
    "long": "int64",
    "rfc3339": "date-time",
    "rfc2616": "http-date",
}
# Keywords that only describe: beside a "$ref" they need no allOf.
_ANNOTATIONS = frozenset({"title", "description", "default", "example", "examples"})
# Keys that make a body declaration carry a schema (a bare `example:` does not).
_TYPE_KEYS = frozenset(
    {"type", "schema", "properties", "items", "fileTypes", "enum", "additionalProperties"}
)
# Parameter keys that belong to the OpenAPI parameter, not to its schema.
_PARAMETER_ONLY = frozenset({"required", "description", "example", "examples", "displayName"})


def _implicit_type(declaration: Json, default: str) -> str:
    """RAML's default type when a declaration names none."""
    if "properties" in declaration:
        return "object"
    if "items" in declaration:
        return "array"
    if "fileTypes" in declaration:
        return "file"
    return default


def _combine(base: Json, own: Json) -> Json:
    """A type's base schema and its own facets as one schema."""
    if not own:
        return base
    if not any(key in base for key in ("$ref", "allOf", "anyOf")):
        return {**base, **own}
    if set(own) <= _ANNOTATIONS:
        return {**base, **own}  # OpenAPI 3.1 allows siblings of "$ref"
    if "properties" in own:
        own = {"type": "object", **own}
    combined: Json = {}
    if own.get("additionalProperties") is False:
        # Inside one allOf part it would reject the base type's properties; the 3.1 keyword
        # that sees the properties of every part is unevaluatedProperties.
        own = {k: v for k, v in own.items() if k != "additionalProperties"}
        combined["unevaluatedProperties"] = False
    parts = base["allOf"] if list(base) == ["allOf"] else [base]
    return {"allOf": [*parts, own], **combined}


class _TypeExpression:
    """Parses ``A | B[]``, ``(A | B)[]`` and ``A?`` into nested tuples."""

    def __init__(self, text: str) -> None:
        self._tokens = re.findall(r"\[\]|[|()?]|[^\s|()\[\]?]+", text)
        if "".join(self._tokens) != re.sub(r"\s+", "", text):
            raise ValueError(text)
        self._position = 0

    def parse(self) -> tuple[Any, ...]:
        tree = self._union()
        if self._position != len(self._tokens):
            raise ValueError("trailing tokens")
        return tree

    def _peek(self) -> str | None:
        return self._tokens[self._position] if self._position < len(self._tokens) else None

    def _take(self) -> str:
        token = self._peek()
        if token is None:
            raise ValueError("unexpected end")
        self._position += 1
        return token

    def _union(self) -> tuple[Any, ...]:
        options = [self._postfix()]
        while self._peek() == "|":
            self._take()
            options.append(self._postfix())
        return options[0] if len(options) == 1 else ("union", options)

    def _postfix(self) -> tuple[Any, ...]:
        node = self._primary()
        while self._peek() in ("[]", "?"):
            node = ("array", node) if self._take() == "[]" else ("nullable", node)
        return node

    def _primary(self) -> tuple[Any, ...]:
        token = self._take()
        if token == "(":
            node = self._union()
            if self._take() != ")":
                raise ValueError("missing )")
            return node
        if token in ("|", ")", "[]", "?"):
            raise ValueError(f"unexpected {token}")
        return ("name", token)


@dataclass(frozen=True)
class _Declared:
    """A declared type, trait or resource type, and where it is declared in the root file."""

    value: Any
    pointer: str
    scope: str  # "lib." for declarations of a library used as `lib`, else ""


@dataclass(frozen=True)
class _Use:
    """One application of a trait or resource type."""

    name: str
    params: Json
    pointer: str  # in the root file
    via: str = ""  # "resource type 'collection'" when a template applied it


@dataclass
class _Layer:
    """A resource or one of its resource types, with the traits it applies."""

    content: Json
    resource_uses: list[_Use]
    method_uses: dict[str, list[_Use]]


# --- Converting: the document -------------------------------------------------------------------


class _Converter:
    def __init__(self, root: Path, files: SourceFiles, warnings: Warnings) -> None:
        self.files = files
        self.root = root
        self.warnings = warnings
        self.includes = Includes(files, root.parent)
        self.types: dict[str, _Declared] = {}
        self.traits: dict[str, _Declared] = {}
        self.resource_types: dict[str, _Declared] = {}
        self.example_types: dict[str, str] = {}  # name -> example file, for error messages
        self.media_types = ["application/json"]
        self.version: Any = None

    # Errors -------------------------------------------------------------------------------

    def fail(self, message: str, pointer: str) -> SpecError:
        return SpecError(message, file=self.root, pointer=pointer, line=self._line(pointer))

    def _line(self, pointer: str) -> int | None:
        """The line of ``pointer``, or of its nearest ancestor the root file has."""
        tokens = json_pointer.split(pointer)
        while tokens:
            line = self.files.line_of(self.root, json_pointer.join("", *tokens))
            if line is not None:
                return line
            tokens.pop()
        return None

    # Document -----------------------------------------------------------------------------

    def convert(self) -> Json:
        self._check_header()
        document = self.includes.load(self.root)
        if not isinstance(document, dict):
            raise SpecError("a RAML API description must be a mapping", file=self.root)
        self.version = document.get("version")
        media_type = document.get("mediaType")
        if media_type:
            self.media_types = [
                str(m) for m in (media_type if isinstance(media_type, list) else [media_type])
            ]
        self._declare(document, "", "", self.root)
        result: Json = {"openapi": "3.1.0", "info": self._info(document)}
        servers = self._servers(document)
        if servers:
            result["servers"] = servers
        schemas = self._component_schemas()
        paths: Json = {}
        self._resources(document, "", "", {}, paths)
        result["paths"] = paths
        if schemas:
            result["components"] = {"schemas": schemas}
        if document.get("securitySchemes") or document.get("securedBy"):
            self.warnings.add("RAML security schemes are not converted", file=self.root)
        return copy.deepcopy(result)  # no shared objects: later steps may edit in place

    def _check_header(self) -> None:
        first_line = self.files.text(self.root).split("\n", 1)[0].strip()
        parts = first_line.split()
        if not parts or parts[0] != "#%RAML":
            raise SpecError(
                "not a RAML file: the first line must be '#%RAML 1.0'", file=self.root, line=1
            )
        if parts[1:2] != ["1.0"]:
            raise SpecError(f"{first_line!r}: only RAML 1.0 is supported", file=self.root, line=1)
        if len(parts) > 2:
            raise SpecError(
                f"a RAML {parts[2]} fragment is not an API description", file=self.root, line=1
            )

    def _info(self, document: Json) -> Json:
        title = document.get("title")
        if title is None or title == "":
            raise self.fail("a RAML API description needs a title", "")
        info: Json = {
            "title": str(title),
            "version": "" if self.version is None else str(self.version),
        }
        parts = [str(document["description"])] if document.get("description") else []
        documentation = document.get("documentation") or []
        if not isinstance(documentation, list):
            raise self.fail("documentation must be a list of {title, content}", "/documentation")
        for index, page in enumerate(documentation):
            if not isinstance(page, dict):
                raise self.fail("expected {title, content}", f"/documentation/{index}")
            heading = f"## {page['title']}\n\n" if page.get("title") else ""
            parts.append(heading + text_of(page.get("content")))
        if parts:
            info["description"] = "\n\n".join(parts)
        return info

    def _servers(self, document: Json) -> list[Json]:
        base_uri = document.get("baseUri")
        if not isinstance(base_uri, str) or not base_uri:
            return []
        if self.version is not None:
            base_uri = base_uri.replace("{version}", str(self.version))
        server: Json = {"url": base_uri}
        declared = document.get("baseUriParameters") or {}
        variables: Json = {}
        for name in re.findall(r"\{([^{}]+)\}", base_uri):
            declaration = declared.get(name) if isinstance(declared, dict) else None
            variable: Json = {"default": ""}
            if isinstance(declaration, dict):
                enum = declaration.get("enum")
                default = declaration.get(
                    "default", enum[0] if isinstance(enum, list) and enum else ""
                )
                variable["default"] = text_of(default)
                if isinstance(enum, list):
                    variable["enum"] = [text_of(value) for value in enum]
                if declaration.get("description") is not None:
                    variable["description"] = str(declaration["description"])
            if variable["default"] == "":
                self.warnings.add(
                    f"baseUri parameter {{{name}}} has no default value",
                    file=self.root,
                    pointer="/baseUri",
                )
            variables[name] = variable
        if variables:
            server["variables"] = variables
        return [server]

    # Declarations -------------------------------------------------------------------------

    def _declare(
        self, document: Json, scope: str, pointer: str, file: Path, chain: tuple[Path, ...] = ()
    ) -> None:
        """Register types, traits and resource types, also those of the libraries in `uses`.

        Library declarations get the library's name as a prefix (`lib.Type`). Pointers stay in
        the root file: for a library's content they lead to the `uses` entry.
        """
        sections = (
            ("types", self.types),
            ("schemas", self.types),
            ("traits", self.traits),
            ("resourceTypes", self.resource_types),
        )
        for section, registry in sections:
            for name, value, at in self._entries(
                document.get(section), json_pointer.join(pointer, section)
            ):
                registry[scope + name] = _Declared(value, at, scope)
        uses = document.get("uses") or {}
        if not isinstance(uses, dict):
            raise self.fail("uses must map names to libraries", json_pointer.join(pointer, "uses"))
        for namespace, library in uses.items():
            at = json_pointer.join(pointer, "uses", str(namespace))
            library_file = file
            if isinstance(library, str):  # RAML 1.0 names libraries by path, without !include
                line = self._line(at) if file == self.root else None
                library_file = self.includes.target(Include(library, line or 0), file)
                if library_file in (*chain, file):
                    raise self.fail(f"library {library!r} uses itself", at)
                library = self.includes.load(library_file)
            if not isinstance(library, dict):
                raise self.fail(f"library {namespace!r} must be a RAML Library", at)
            self._declare(library, f"{scope}{namespace}.", at, library_file, (*chain, file))

    def _entries(self, section: Any, pointer: str) -> Iterator[tuple[str, Any, str]]:
        """Name, value and pointer of each declaration; RAML 0.8's list form is accepted too."""
        if section is None:
            return
        if isinstance(section, dict):
            for name, value in section.items():
                yield str(name), value, json_pointer.join(pointer, str(name))
        elif isinstance(section, list) and all(isinstance(item, dict) for item in section):
            for index, item in enumerate(section):
                for name, value in item.items():
                    yield str(name), value, json_pointer.join(pointer, index, str(name))
        else:
            raise self.fail("expected a mapping of names to declarations", pointer)

    def _component_schemas(self) -> Json:
        # FOLIO declares example files under `types:`; they are data, not schemas.
        for name, declared in list(self.types.items()):
            value = declared.value
            if isinstance(value, FileRef) and self._is_example_file(value):
                del self.types[name]
                self.example_types[name] = value.ref
                self.warnings.add(
                    f"type {name!r} is an example file ({value.ref}), not a schema: "
                    "left out of components/schemas",
                    file=self.root,
                    pointer=declared.pointer,
                )
        return {
            name: self._schema(
                declared.value, default="string", pointer=declared.pointer, scope=declared.scope
            )
            for name, declared in self.types.items()
        }

    def _is_example_file(self, file: FileRef) -> bool:
        suffix = file.path.suffix.lower()
        if suffix == ".sample":
            return True
        return suffix == ".json" and not _looks_like_json_schema(self.files.load(file.path))

    # Resources ----------------------------------------------------------------------------

    def _resources(
        self, node: Json, parent_path: str, parent_pointer: str, uri_parameters: Json, paths: Json
    ) -> None:
        """Add the path items of the resources nested in ``node``, depth first, in source order."""
        for key, value in node.items():
            if not (isinstance(key, str) and key.startswith("/")):
                continue
            path = parent_path + key
            pointer = json_pointer.join(parent_pointer, key)
            if value is None:
                value = {}
            if not isinstance(value, dict):
                raise self.fail(f"resource {key} must be a mapping", pointer)
            resource, method_uses = self._resolve_resource(value, path, pointer)
            own = resource.get("uriParameters") or {}
            if not isinstance(own, dict):
                raise self.fail(
                    "uriParameters must be a mapping", json_pointer.join(pointer, "uriParameters")
                )
            # Nested resources and methods inherit the URI parameters declared above them.
            inherited = {**uri_parameters, **{str(name): decl for name, decl in own.items()}}
            item = self._path_item(resource, method_uses, path, pointer, inherited)
            if any(method in item for method in METHODS):
                if path in paths:
                    raise self.fail(f"resource {path} is declared twice", pointer)
                paths[path] = item
            self._resources(value, path, pointer, inherited, paths)

    def _resolve_resource(
        self, resource: Json, path: str, pointer: str
    ) -> tuple[Json, dict[str, list[_Use]]]:
        """The resource with its resource types merged in, and the traits of each method.

        A method's traits come in RAML's order of precedence: the method's own, the
        resource's, then those of each resource type's method and of the resource type.
        """
        reserved = {"resourcePath": path, "resourcePathName": _path_name(path)}
        layers = [self._layer(resource, pointer, "", optional=False)]
        type_pointer = json_pointer.join(pointer, "type")
        seen: list[str] = []
        applied = resource.get("type")
        while applied is not None:
            via = f"resource type {seen[-1]!r}" if seen else ""
            uses = self._uses(applied, type_pointer, via)
            if len(uses) != 1:
                raise self.fail("a resource applies exactly one resource type", type_pointer)
            use = uses[0]
            if use.name in seen:
                raise self.fail(f"resource type {use.name!r} applies itself", type_pointer)
            seen.append(use.name)
            body = self._instantiate(self.resource_types, "resource type", use, reserved)
            layers.append(
                self._layer(body, type_pointer, f"resource type {use.name!r}", optional=True)
            )
            applied = body.get("type")
        merged = layers[0].content
        for layer in layers[1:]:
            # An optional method (`get?`) applies only where the resource has it by now;
            # its traits go with it.
            for key in layer.content:
                if isinstance(key, str) and key.endswith("?") and key[:-1] not in merged:
                    layer.method_uses.pop(key[:-1], None)
            merged = merge(merged, layer.content)
        method_uses = {
            method: [
                use
                for layer in layers
                for use in (*layer.method_uses.get(method, []), *layer.resource_uses)
            ]
            for method in merged
            if method in METHODS
        }
        return merged, method_uses

    def _layer(self, node: Json, pointer: str, via: str, *, optional: bool) -> _Layer:
        """Split the `is` lists off a resource or resource type body."""
        content = {key: value for key, value in node.items() if key not in ("type", "is", "usage")}
        is_pointer = json_pointer.join(pointer, "is") if not via else pointer
        layer = _Layer(content, self._uses(node.get("is"), is_pointer, via), {})
        for key, value in node.items():
            method = key[:-1] if optional and isinstance(key, str) and key.endswith("?") else key
            if method not in METHODS or not isinstance(value, dict) or "is" not in value:
                continue
            method_pointer = json_pointer.join(pointer, key, "is") if not via else pointer
            layer.method_uses[method] = self._uses(value["is"], method_pointer, via)
            content[key] = {k: v for k, v in value.items() if k != "is"}
        return layer

    def _uses(self, value: Any, pointer: str, via: str) -> list[_Use]:
        """``is: [a, b: {x: 1}]`` or ``type: {t: {x: 1}}`` as a list of uses."""
        if value is None:
            return []
        items = value if isinstance(value, list) else [value]
        uses: list[_Use] = []
        for index, item in enumerate(items):
            at = (
                json_pointer.join(pointer, index)
                if isinstance(value, list) and not via
                else pointer
            )
            if isinstance(item, str):
                uses.append(_Use(item, {}, at, via))
            elif isinstance(item, dict):
                for name, params in item.items():
                    if params is not None and not isinstance(params, dict):
                        raise self.fail(f"the parameters of {name!r} must be a mapping", at)
                    uses.append(_Use(str(name), dict(params or {}), at, via))
            else:
                raise self.fail("expected a name or {name: {parameters}}", at)
        return uses

    def _instantiate(
        self, registry: dict[str, _Declared], kind: str, use: _Use, reserved: Mapping[str, Any]
    ) -> Json:
        """The body of a trait or resource type with its parameters substituted."""
        via = f" (applied by {use.via})" if use.via else ""
        declared = registry.get(use.name)
        if declared is None:
            raise self.fail(f"unknown {kind} {use.name!r}{via}", use.pointer)
        try:
            body = substitute(declared.value, {**use.params, **reserved})
        except TemplateError as error:
            raise self.fail(f"{kind} {use.name!r}{via}: {error}", use.pointer) from None
        if body is None:
            return {}
        if not isinstance(body, dict):
            raise self.fail(f"{kind} {use.name!r} must be a mapping", declared.pointer)
        return body

    def _apply_traits(self, method: Json, uses: list[_Use], reserved: Mapping[str, Any]) -> Json:
        """The method with its traits merged in; earlier traits win over later ones."""
        queue = list(uses)
        applied: list[str] = []
        position = 0
        while position < len(queue):
            use = queue[position]
            position += 1
            if use.name in applied:  # the closest application of a trait wins
                continue
            applied.append(use.name)
            body = self._instantiate(self.traits, "trait", use, reserved)
            queue.extend(self._uses(body.pop("is", None), use.pointer, f"trait {use.name!r}"))
            body.pop("usage", None)
            method = merge(method, body)
        return method

    def _path_item(
        self,
        resource: Json,
        method_uses: dict[str, list[_Use]],
        path: str,
        pointer: str,
        uri_parameters: Json,
    ) -> Json:
        item: Json = {}
        if resource.get("description") is not None:
            item["description"] = text_of(resource["description"])
        for key, value in resource.items():
            if key not in METHODS:
                continue
            method_pointer = json_pointer.join(pointer, key)
            if value is None:
                value = {}
            if not isinstance(value, dict):
                raise self.fail(f"method {key} must be a mapping", method_pointer)
            reserved = {
                "resourcePath": path,
                "resourcePathName": _path_name(path),
                "methodName": key,
            }
            method = self._apply_traits(value, method_uses.get(key, []), reserved)
            item[key] = self._operation(method, path, method_pointer, uri_parameters)
        return item

    # Operations ---------------------------------------------------------------------------

    def _operation(self, method: Json, path: str, pointer: str, uri_parameters: Json) -> Json:
        operation: Json = {}
        tags = method.get("(tags)")
        if tags is not None:
            operation["tags"] = [str(tag) for tag in (tags if isinstance(tags, list) else [tags])]
        if method.get("displayName") is not None:
            operation["summary"] = text_of(method["displayName"])
        if method.get("description") is not None:
            operation["description"] = text_of(method["description"])
        if method.get("(operationId)") is not None:
            operation["operationId"] = str(method["(operationId)"])
        parameters = [
            *self._path_parameters(path, uri_parameters, pointer),
            *self._parameters(
                method.get("queryParameters"),
                "query",
                json_pointer.join(pointer, "queryParameters"),
            ),
            *self._parameters(
                method.get("headers"), "header", json_pointer.join(pointer, "headers")
            ),
        ]
        if parameters:
            operation["parameters"] = parameters
        if method.get("queryString") is not None:
            self.warnings.add(
                "queryString is not converted; declare queryParameters",
                file=self.root,
                pointer=pointer,
            )
        if method.get("body") is not None:
            body_pointer = json_pointer.join(pointer, "body")
            operation["requestBody"] = {
                "required": True,
                "content": self._content(method["body"], body_pointer),
            }
        if method.get("responses"):
            operation["responses"] = self._responses(
                method["responses"], json_pointer.join(pointer, "responses")
            )
        return operation

    def _path_parameters(self, path: str, declared: Json, pointer: str) -> list[Json]:
        """One parameter per `{name}` in the path; undeclared ones are required strings."""
        names = list(dict.fromkeys(re.findall(r"\{([^{}]+)\}", path)))
        return [self._parameter(name, declared.get(name), "path", pointer) for name in names]

    def _parameters(self, declarations: Any, location: str, pointer: str) -> list[Json]:
        if declarations is None:
            return []
        if not isinstance(declarations, dict):
            raise self.fail("expected a mapping of parameter names to declarations", pointer)
        parameters: list[Json] = []
        for key, declaration in declarations.items():
            if _is_annotation(key):
                continue
            parameter = self._parameter(
                str(key), declaration, location, json_pointer.join(pointer, str(key))
            )
            # The method's own declaration comes first; a trait's same-named one is dropped.
            if all(p["name"] != parameter["name"] for p in parameters):
                parameters.append(parameter)
        return parameters

    def _parameter(self, key: str, declaration: Any, location: str, pointer: str) -> Json:
        """A RAML 1.0 parameter: required unless `required: false` or the name ends in `?`."""
        optional = key.endswith("?") and location != "path"
        name = key[:-1] if optional else key
        if declaration is None:
            declaration = {}
        elif not isinstance(declaration, dict):
            declaration = {"type": declaration}
        required = location == "path" or bool(declaration.get("required", not optional))
        parameter: Json = {"name": name, "in": location, "required": required}
        if declaration.get("description") is not None:
            parameter["description"] = text_of(declaration["description"])
        schema = {
            k: v
            for k, v in declaration.items()
            if k not in _PARAMETER_ONLY and not _is_annotation(k)
        }
        parameter["schema"] = self._schema(schema, default="string", pointer=pointer)
        _add_examples(parameter, declaration)
        return parameter

    def _content(self, body: Any, pointer: str) -> Json:
        """A RAML body as OpenAPI content: per media type, or the default media types."""
        if isinstance(body, dict) and any(_is_media_type(key) for key in body):
            return {
                str(key): self._media_type(value, json_pointer.join(pointer, str(key)))
                for key, value in body.items()
                if _is_media_type(key)
            }
        # RAML 1.0 lets a body be a type without media types: the root `mediaType` applies.
        media_type = self._media_type(body, pointer)
        return {name: copy.deepcopy(media_type) for name in self.media_types}

    def _media_type(self, declaration: Any, pointer: str) -> Json:
        if declaration is None:
            return {}
        if not isinstance(declaration, dict):
            schema = self._schema(declaration, default="any", pointer=pointer)
            return {"schema": schema} if schema else {}
        result: Json = {}
        schema_part = {
            key: value
            for key, value in declaration.items()
            if key not in ("example", "examples") and not _is_annotation(key)
        }
        if _TYPE_KEYS & set(schema_part):
            schema = self._schema(schema_part, default="any", pointer=pointer)
            if schema:
                result["schema"] = schema
        _add_examples(result, declaration)
        return result

    def _responses(self, responses: Any, pointer: str) -> Json:
        if not isinstance(responses, dict):
            raise self.fail("responses must map status codes to responses", pointer)
        result: Json = {}
        for code, response in responses.items():
            status = str(code)
            if _is_annotation(status):
                continue
            at = json_pointer.join(pointer, status)
            if not (status.isdigit() and len(status) == 3):
                raise self.fail(f"response status {status!r} is not an HTTP status code", at)
            if response is None:
                response = {}
            if not isinstance(response, dict):
                raise self.fail("a response must be a mapping", at)
            result.setdefault(status, self._response(status, response, at))
        return result

    def _response(self, status: str, response: Json, pointer: str) -> Json:
        description = response.get("description")
        result: Json = {
            "description": text_of(description)
            if description is not None
            else _default_description(status)
        }
        headers = self._parameters(
            response.get("headers"), "header", json_pointer.join(pointer, "headers")
        )
        if headers:
            result["headers"] = {
                header["name"]: {k: v for k, v in header.items() if k not in ("name", "in")}
                for header in headers
            }
        if response.get("body") is not None:
            result["content"] = self._content(response["body"], json_pointer.join(pointer, "body"))
        return result

    # Types --------------------------------------------------------------------------------

    def _schema(self, declaration: Any, *, default: str, pointer: str, scope: str = "") -> Json:
        """A RAML type declaration (or type expression) as JSON Schema."""
        if declaration is None:
            return dict(_BUILTINS[default])
        if isinstance(declaration, FileRef):
            return declaration.as_json()
        if isinstance(declaration, str):
            return self._expression(declaration, pointer, scope)
        if isinstance(declaration, list):  # `T: [A, B]` is short for `T: {type: [A, B]}`
            declaration = {"type": declaration}
        if not isinstance(declaration, dict):
            raise self.fail(f"expected a type declaration, not {declaration!r}", pointer)
        base = declaration.get("type", declaration.get("schema"))
        base_pointer = json_pointer.join(pointer, "type")
        if base is None:
            base_schema = dict(_BUILTINS[_implicit_type(declaration, default)])
        elif isinstance(base, list):  # multiple inheritance
            base_schema = {
                "allOf": [
                    self._schema(b, default=default, pointer=base_pointer, scope=scope)
                    for b in base
                ]
            }
        else:
            base_schema = self._schema(base, default=default, pointer=base_pointer, scope=scope)
        return _combine(base_schema, self._facets(declaration, pointer, scope))

    def _facets(self, declaration: Json, pointer: str, scope: str) -> Json:
        """The facets of a type declaration as JSON Schema keywords, in source order."""
        facets: Json = {}
        for key, value in declaration.items():
            at = json_pointer.join(pointer, str(key))
            if key == "displayName" and value is not None:
                facets["title"] = text_of(value)
            elif key in _SAME_FACETS:
                facets[key] = plain(value)
            elif key == "format" and isinstance(value, str):
                facets["format"] = _FORMATS.get(value, value)
            elif key == "properties":
                facets.update(self._properties(value, at, scope))
            elif key == "additionalProperties" and isinstance(value, bool):
                facets[key] = value
            elif key == "additionalProperties" and value is not None:
                facets[key] = self._schema(value, default="any", pointer=at, scope=scope)
            elif key == "items":
                facets["items"] = self._schema(value, default="string", pointer=at, scope=scope)
            elif key == "example" and value is not None:
                facets["example"] = _example_value(value)
            elif key == "examples" and isinstance(value, dict) and "example" not in facets:
                facets["examples"] = [_example_value(item) for item in value.values()]
            # Anything else (xml, discriminator, user-defined facets, annotations) has no
            # JSON Schema counterpart worth keeping.
        return facets

    def _properties(self, properties: Any, pointer: str, scope: str) -> Json:
        """RAML properties: required unless `required: false` or the name ends in `?`."""
        if properties is None:
            return {"type": "object"}
        if not isinstance(properties, dict):
            raise self.fail("properties must be a mapping", pointer)
        result: Json = {}
        required: list[str] = []
        patterns: Json = {}
        for key, declaration in properties.items():
            name = str(key)
            at = json_pointer.join(pointer, name)
            optional = name.endswith("?")
            name = name[:-1] if optional else name
            is_required = not optional
            if isinstance(declaration, dict) and "required" in declaration:
                is_required = bool(declaration["required"])
                declaration = {k: v for k, v in declaration.items() if k != "required"}
            schema = self._schema(declaration, default="string", pointer=at, scope=scope)
            if len(name) >= 2 and name.startswith("/") and name.endswith("/"):
                if name == "//":  # RAML: any other property
                    result["additionalProperties"] = schema
                else:
                    patterns[name[1:-1]] = schema
                continue
            result.setdefault("properties", {})[name] = schema
            if is_required:
                required.append(name)
        if required:
            result["required"] = required
        if patterns:
            result["patternProperties"] = patterns
        return result

    def _expression(self, text: str, pointer: str, scope: str) -> Json:
        stripped = text.strip()
        if stripped.startswith("{"):  # an inline JSON Schema
            try:
                schema = json.loads(stripped)
            except json.JSONDecodeError as error:
                raise self.fail(f"inline JSON schema: {error.msg}", pointer) from None
            if not isinstance(schema, dict):
                raise self.fail("an inline JSON schema must be an object", pointer)
            return schema
        if stripped.startswith("<"):
            self.warnings.add(
                "XML schemas are not converted; the type is left open",
                file=self.root,
                pointer=pointer,
            )
            return {}
        try:
            tree = _TypeExpression(stripped).parse()
        except ValueError:
            raise self.fail(f"malformed type expression {text!r}", pointer) from None
        return self._tree_schema(tree, pointer, scope)

    def _tree_schema(self, tree: tuple[Any, ...], pointer: str, scope: str) -> Json:
        kind, value = tree
        if kind == "name":
            return self._named(value, pointer, scope)
        if kind == "array":
            return {"type": "array", "items": self._tree_schema(value, pointer, scope)}
        if kind == "nullable":
            return {"anyOf": [self._tree_schema(value, pointer, scope), {"type": "null"}]}
        return {"anyOf": [self._tree_schema(option, pointer, scope) for option in value]}

    def _named(self, name: str, pointer: str, scope: str) -> Json:
        """A built-in type, or a reference to a declared one (a library's own names first)."""
        if name in _BUILTINS:
            return dict(_BUILTINS[name])
        for candidate in (scope + name, name):
            if candidate in self.types:
                return {"$ref": "#" + json_pointer.join("/components/schemas", candidate)}
        if name in self.example_types:
            raise self.fail(
                f"type {name!r} is an example file ({self.example_types[name]}), not a schema",
                pointer,
            )
        raise self.fail(f"unknown type {name!r}", pointer)


def load(path: Path, files: SourceFiles, warnings: Warnings) -> dict[str, Any]:
    """The RAML 1.0 API description at ``path`` as an OpenAPI 3.1 document.

    Included JSON Schema and example files stay ``{"$ref": "<file>"}`` relative to the folder
    of ``path``. Things left out on the way (example files declared as types, security
    schemes...) are added to ``warnings``.
    """
    root = files.confine(path)
    return _Converter(root, files, warnings).convert()
