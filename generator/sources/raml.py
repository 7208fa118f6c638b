"""RAML 1.0 loader: a RAML API description, as FOLIO writes it, as an OpenAPI 3.1 dict.

The work happens in four steps:

1. Read (``raml_includes``). Every file is parsed through ``SourceFiles`` with ``RamlLoader``,
   whose ``!include`` tag leaves an ``Include`` marker. ``Includes`` then replaces the
   markers: RAML and YAML fragments are inlined, JSON files (schemas, examples) stay files as
   ``FileRef`` so that the bundler can pull them in later, and anything else (Markdown...)
   becomes its text.
2. Declare (here). The types, traits and resource types of the root file and of the
   libraries it uses fill the tables of ``TypeSchemas`` (``raml_types``) and ``Templates``
   (``raml_resources``).
3. Resolve (``raml_resources``). Resource types and traits are applied to resources and
   methods with RAML's merge rules after ``<<parameter>>`` substitution (``raml_merge``).
4. Convert. Type declarations become JSON Schema (``raml_types``); the document, its paths,
   operations, parameters, bodies and responses become OpenAPI objects (here, ``_Converter``).

Errors are ``SpecError`` naming the root file (or the including file for include problems),
the JSON pointer of the place in the root file and its line.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.shared import pointer as json_pointer
from generator.shared.errors import SpecError, Warnings
from generator.sources.raml_includes import Include, Includes, Json
from generator.sources.raml_merge import text_of
from generator.sources.raml_resources import METHODS, Templates, Use
from generator.sources.raml_types import Declared, TypeSchemas, add_examples, is_annotation
from generator.sources.source_files import SourceFiles

# --- Converting: small helpers ----------------------------------------------------------------


def _is_media_type(key: Any) -> bool:
    return isinstance(key, str) and "/" in key and not is_annotation(key)


def _default_description(status: str) -> str:
    # OpenAPI requires a description; RAML does not.
    if status.isdigit():
        return "Success" if int(status) < 400 else "Error"
    return "Response"


# Keys that make a body declaration carry a schema (a bare `example:` does not).
_TYPE_KEYS = frozenset(
    {"type", "schema", "properties", "items", "fileTypes", "enum", "additionalProperties"}
)
# Parameter keys that belong to the OpenAPI parameter, not to its schema.
_PARAMETER_ONLY = frozenset({"required", "description", "example", "examples", "displayName"})


# --- Converting: the document -------------------------------------------------------------------


class _Converter:
    def __init__(self, root: Path, files: SourceFiles, warnings: Warnings) -> None:
        self.files = files
        self.root = root
        self.warnings = warnings
        self.includes = Includes(files, root.parent)
        # The declarations' tables, filled by _declare before any schema or path is converted.
        self.types = TypeSchemas(files, self.fail, self._warn)
        self.templates = Templates(self.fail)
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

    def _warn(self, message: str, pointer: str) -> None:
        self.warnings.add(message, file=self.root, pointer=pointer)

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
        schemas = self.types.components()
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
                self._warn(f"baseUri parameter {{{name}}} has no default value", "/baseUri")
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
            ("types", self.types.declared),
            ("schemas", self.types.declared),
            ("traits", self.templates.traits),
            ("resourceTypes", self.templates.resource_types),
        )
        for section, registry in sections:
            for name, value, at in self._entries(
                document.get(section), json_pointer.join(pointer, section)
            ):
                registry[scope + name] = Declared(value, at, scope)
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
            resource, method_uses = self.templates.resolve(value, path, pointer)
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

    def _path_item(
        self,
        resource: Json,
        method_uses: dict[str, list[Use]],
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
            method = self.templates.apply_traits(value, method_uses.get(key, []), path, key)
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
            self._warn("queryString is not converted; declare queryParameters", pointer)
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
            if is_annotation(key):
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
            if k not in _PARAMETER_ONLY and not is_annotation(k)
        }
        parameter["schema"] = self.types.schema(schema, default="string", pointer=pointer)
        add_examples(parameter, declaration)
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
            schema = self.types.schema(declaration, default="any", pointer=pointer)
            return {"schema": schema} if schema else {}
        result: Json = {}
        schema_part = {
            key: value
            for key, value in declaration.items()
            if key not in ("example", "examples") and not is_annotation(key)
        }
        if _TYPE_KEYS & set(schema_part):
            schema = self.types.schema(schema_part, default="any", pointer=pointer)
            if schema:
                result["schema"] = schema
        add_examples(result, declaration)
        return result

    def _responses(self, responses: Any, pointer: str) -> Json:
        if not isinstance(responses, dict):
            raise self.fail("responses must map status codes to responses", pointer)
        result: Json = {}
        for code, response in responses.items():
            status = str(code)
            if is_annotation(status):
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


def load(path: Path, files: SourceFiles, warnings: Warnings) -> dict[str, Any]:
    """The RAML 1.0 API description at ``path`` as an OpenAPI 3.1 document.

    Included JSON Schema and example files stay ``{"$ref": "<file>"}`` relative to the folder
    of ``path``. Things left out on the way (example files declared as types, security
    schemes...) are added to ``warnings``.
    """
    root = files.confine(path)
    return _Converter(root, files, warnings).convert()
