"""RAML type declarations and type expressions (``A | B[]``, ``string?``) as JSON Schema.

``TypeSchemas`` holds the table of declared types, which the document's declarations fill,
and turns declarations into schemas: a declared type becomes a ``$ref`` to
``#/components/schemas/<name>``, a built-in type its JSON Schema. Examples are facets of a
type declaration (also of parameters and bodies, which are type declarations in RAML), so
they are converted here too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.shared import pointer as json_pointer
from generator.shared.errors import SpecError
from generator.sources.raml_includes import FileRef, Json, plain
from generator.sources.raml_merge import text_of
from generator.sources.source_files import SourceFiles

# The error for a message at a JSON pointer of the root file (with its line), for the caller
# to raise; a warning likewise.
Fail = Callable[[str, str], SpecError]
Warn = Callable[[str, str], None]


@dataclass(frozen=True)
class Declared:
    """A declared type, trait or resource type, and where it is declared in the root file."""

    value: Any
    pointer: str
    scope: str  # "lib." for declarations of a library used as `lib`, else ""


def is_annotation(key: Any) -> bool:
    """The key of a RAML annotation, ``(name)``: not a parameter, media type, status or facet."""
    return isinstance(key, str) and key.startswith("(") and key.endswith(")")


_EXAMPLE_FACETS = frozenset({"value", "strict", "displayName", "description"})


def _is_example_declaration(value: Any) -> bool:
    """``{value: ..., strict: false}`` rather than an example that is itself a mapping."""
    return (
        isinstance(value, dict)
        and "value" in value
        and all(key in _EXAMPLE_FACETS or is_annotation(key) for key in value)
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


def add_examples(target: Json, declaration: Json) -> None:
    """A declaration's ``example`` or ``examples`` as OpenAPI's, on a parameter or media type."""
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


class TypeSchemas:
    """RAML type declarations as JSON Schema, against a table of declared types.

    ``declared`` maps each declared type's name (``lib.Type`` for a library's) to its
    declaration; the document fills it before asking for any schema. Errors are built with
    ``fail`` and warnings given to ``warn``, both with a JSON pointer in the root file.
    """

    def __init__(self, files: SourceFiles, fail: Fail, warn: Warn) -> None:
        self.declared: dict[str, Declared] = {}
        self._files = files
        self._fail = fail
        self._warn = warn
        self._example_files: dict[str, str] = {}  # name -> example file, for error messages

    def components(self) -> Json:
        """``components/schemas``: every declared type but the example files, as JSON Schema.

        It sets the example files aside (a name of one is then an error, not a ``$ref``), so
        the document asks for it before any other schema.
        """
        # FOLIO declares example files under `types:`; they are data, not schemas.
        for name, declared in list(self.declared.items()):
            value = declared.value
            if isinstance(value, FileRef) and self._is_example_file(value):
                del self.declared[name]
                self._example_files[name] = value.ref
                self._warn(
                    f"type {name!r} is an example file ({value.ref}), not a schema: "
                    "left out of components/schemas",
                    declared.pointer,
                )
        return {
            name: self.schema(
                declared.value, default="string", pointer=declared.pointer, scope=declared.scope
            )
            for name, declared in self.declared.items()
        }

    def _is_example_file(self, file: FileRef) -> bool:
        suffix = file.path.suffix.lower()
        if suffix == ".sample":
            return True
        return suffix == ".json" and not _looks_like_json_schema(self._files.load(file.path))

    def schema(self, declaration: Any, *, default: str, pointer: str, scope: str = "") -> Json:
        """A RAML type declaration (or type expression) as JSON Schema.

        ``default`` is the type of a declaration that names none; ``scope`` (``lib.``) is the
        library the declaration is in, whose own names come first.
        """
        if declaration is None:
            return dict(_BUILTINS[default])
        if isinstance(declaration, FileRef):
            return declaration.as_json()
        if isinstance(declaration, str):
            return self._expression(declaration, pointer, scope)
        if isinstance(declaration, list):  # `T: [A, B]` is short for `T: {type: [A, B]}`
            declaration = {"type": declaration}
        if not isinstance(declaration, dict):
            raise self._fail(f"expected a type declaration, not {declaration!r}", pointer)
        base = declaration.get("type", declaration.get("schema"))
        base_pointer = json_pointer.join(pointer, "type")
        if base is None:
            base_schema = dict(_BUILTINS[_implicit_type(declaration, default)])
        elif isinstance(base, list):  # multiple inheritance
            base_schema = {
                "allOf": [
                    self.schema(b, default=default, pointer=base_pointer, scope=scope) for b in base
                ]
            }
        else:
            base_schema = self.schema(base, default=default, pointer=base_pointer, scope=scope)
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
                facets[key] = self.schema(value, default="any", pointer=at, scope=scope)
            elif key == "items":
                facets["items"] = self.schema(value, default="string", pointer=at, scope=scope)
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
            raise self._fail("properties must be a mapping", pointer)
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
            schema = self.schema(declaration, default="string", pointer=at, scope=scope)
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
                raise self._fail(f"inline JSON schema: {error.msg}", pointer) from None
            if not isinstance(schema, dict):
                raise self._fail("an inline JSON schema must be an object", pointer)
            return schema
        if stripped.startswith("<"):
            self._warn("XML schemas are not converted; the type is left open", pointer)
            return {}
        try:
            tree = _TypeExpression(stripped).parse()
        except ValueError:
            raise self._fail(f"malformed type expression {text!r}", pointer) from None
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
            if candidate in self.declared:
                return {"$ref": "#" + json_pointer.join("/components/schemas", candidate)}
        if name in self._example_files:
            raise self._fail(
                f"type {name!r} is an example file ({self._example_files[name]}), not a schema",
                pointer,
            )
        raise self._fail(f"unknown type {name!r}", pointer)
