"""Bundling: one self-contained document from a root document and the files it references.

Every schema that lives in another file becomes an entry of ``components/schemas`` under a
readable name taken from the reference itself (``job.json#/Job`` -> ``Job``,
``schemas/jobInfos.json`` -> ``JobInfos``); a file referenced from many places appears once.
Other objects referenced from files (parameters, responses, example values) are inlined where
they are used. Root components that only alias a file (``job: {$ref: job.json#/Job}``) are
replaced by the component they alias, and references to the alias follow.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.normalize.openapi_walk import walk_children, walk_object
from generator.shared import pointer as json_pointer
from generator.shared.errors import SpecError
from generator.shared.naming import numbered, spec_pascal_case
from generator.shared.schema_walk import subschemas
from generator.sources.source_files import SourceFiles

Key = tuple[Path, str]  # absolute file, JSON pointer fragment

_SCHEMAS_PREFIX = "/components/schemas/"


# Where an example value from another file came from, noted in the object holding it (a media
# type, parameter, header or Example Object: each holds one example value) as ``[file,
# pointer]``. Kept in the document, the note travels with the value through every pass, copies
# included (a table keyed by ``id()`` of the value lost it at the first copy, and matched any
# equal small int or string); ``examples.check_examples`` reads and removes every note.
EXAMPLE_ORIGIN = "x-generator-example-origin"


def example_origin(holder: Any) -> tuple[Path, str] | None:
    """The file and pointer of the example value ``holder`` holds, when another file's."""
    note = holder.get(EXAMPLE_ORIGIN) if isinstance(holder, dict) else None
    if isinstance(note, list) and len(note) == 2:
        return Path(note[0]), str(note[1])
    return None


@dataclass
class Bundle:
    """The bundled document and where its component schemas came from (for errors)."""

    document: dict[str, Any]
    # component name -> the file and pointer it was bundled from
    schema_origins: dict[str, Key] = field(default_factory=dict)


def _stem(path: Path) -> str:
    return path.name.split(".", 1)[0]


class _Bundler:
    def __init__(self, files: SourceFiles, root_file: Path, document: dict[str, Any]) -> None:
        self.files = files
        self.root_file = root_file.resolve()
        self.document = document
        self.result = Bundle(document)
        self.names: dict[Key, str] = {}
        self.taken: dict[str, Key | None] = {}
        self.aliases: dict[str, str] = {}  # root component name -> bundled component name
        self.pending: list[tuple[Key, str]] = []
        self.bundled: dict[str, Any] = {}
        self.base = self.root_file
        self.inlining: list[Key] = []

    # -- names -----------------------------------------------------------------------------

    def name_for(self, key: Key) -> str:
        if key in self.names:
            return self.names[key]
        file, fragment = key
        tokens = json_pointer.split(fragment) if fragment else []
        candidate = spec_pascal_case(tokens[-1] if tokens else _stem(file))
        if candidate in self.taken:
            candidate = spec_pascal_case(file.parent.name) + candidate
        candidate = numbered(candidate, self.taken, separator="")
        self.names[key] = candidate
        self.taken[candidate] = key
        self.pending.append((key, candidate))
        self.result.schema_origins[candidate] = key
        return candidate

    # -- references ------------------------------------------------------------------------

    def resolve(self, reference: str, pointer: str) -> Key:
        return self.files.resolve_reference(self.base, reference, pointer=pointer)

    def is_root_component(self, key: Key) -> bool:
        return key[0] == self.root_file and key[1].startswith(_SCHEMAS_PREFIX)

    def is_alias_reference(self, key: Key) -> bool:
        if not self.is_root_component(key):
            return False
        return json_pointer.unescape(key[1][len(_SCHEMAS_PREFIX) :]) in self.aliases

    def schema_reference(self, key: Key) -> str:
        if self.is_root_component(key):
            name = json_pointer.unescape(key[1][len(_SCHEMAS_PREFIX) :])
            if "/" not in name:
                return "#" + _SCHEMAS_PREFIX + json_pointer.escape(self.aliases.get(name, name))
        return "#" + _SCHEMAS_PREFIX + json_pointer.escape(self.name_for(key))

    def follow(self, key: Key, pointer: str) -> Any:
        if key[0] == self.root_file:
            try:
                return json_pointer.resolve(self.document, key[1])
            except (KeyError, ValueError):
                origin = self.bundled_origin(key)
                if origin is not None:  # a component this bundling made, not yet in place
                    return self.follow(origin, pointer)
                raise SpecError(
                    f"reference target #{key[1]} does not exist",
                    file=self.base,
                    pointer=pointer,
                ) from None
        return self.files.follow(key[0], key[1], referrer=self.base, pointer=pointer)

    def bundled_origin(self, key: Key) -> Key | None:
        """Where a component made by this bundling comes from, for a reference to it."""
        if not key[1].startswith(_SCHEMAS_PREFIX):
            return None
        name = json_pointer.unescape(key[1][len(_SCHEMAS_PREFIX) :])
        return self.taken.get(name) if "/" not in name else None

    # -- the walk --------------------------------------------------------------------------

    def hook(self, container: Any, key: Any, kind: str, pointer: str) -> bool:
        node = container[key]
        if kind == "schema":
            if isinstance(node, dict):
                self.schema(node, pointer)
            return False
        if kind == "example_value":
            self.example_value(container, key, pointer)
            return False
        if kind == "media_type" and isinstance(node, dict):
            self.example_reference_to_examples(node)
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            return True
        reference = node["$ref"]
        if reference.startswith("#") and self.base == self.root_file:
            # stays a reference into the bundled document, so its target must be there: a
            # missing one is reported here, with where it is used, not by a later pass
            self.follow(self.resolve(reference, pointer), pointer)
            return False
        target = self.resolve(reference, pointer)
        self.inline(container, key, kind, target, pointer)
        return False

    def inline(self, container: Any, key: Any, kind: str, target: Key, pointer: str) -> None:
        """Replace ``container[key]`` by a copy of ``target`` and bundle what that copy uses."""
        if target in self.inlining:
            raise SpecError(
                f"cyclic reference through {target[0].name}#{target[1]}",
                file=self.base,
                pointer=pointer,
            )
        container[key] = copy.deepcopy(self.follow(target, pointer))
        saved, self.base = self.base, target[0]
        self.inlining.append(target)
        try:
            walk_children(container[key], kind, target[1], self.hook)
        finally:
            self.inlining.pop()
            self.base = saved

    def example_reference_to_examples(self, media_type: dict[str, Any]) -> None:
        # `example: {$ref: '#/components/examples/x'}` means the Example Object `x`; OpenAPI
        # spells that `examples: {x: {$ref: ...}}`.
        example = media_type.get("example")
        if not (isinstance(example, dict) and set(example) == {"$ref"}):
            return
        reference = example["$ref"]
        if isinstance(reference, str) and reference.startswith("#/components/examples/"):
            name = json_pointer.unescape(reference.rsplit("/", 1)[1])
            del media_type["example"]
            media_type.setdefault("examples", {})[name] = {"$ref": reference}

    def example_value(self, container: Any, key: Any, pointer: str) -> None:
        # Example values are literal in OpenAPI, but vendors (FOLIO among them) write
        # `value: {$ref: file.sample}` meaning the file's content, as ref-resolving tools read it.
        node = container[key]
        if isinstance(node, dict) and set(node) == {"$ref"} and isinstance(node["$ref"], str):
            if node["$ref"].startswith("#") and self.base == self.root_file:
                return
            target = self.resolve(node["$ref"], pointer)
            container[key] = copy.deepcopy(self.follow(target, pointer))
            container[EXAMPLE_ORIGIN] = [str(target[0]), target[1]]
        elif self.base != self.root_file:
            container[EXAMPLE_ORIGIN] = [str(self.base), pointer]

    def schema(self, schema: dict[str, Any], pointer: str) -> None:
        reference = schema.get("$ref")
        if isinstance(reference, str):
            target = self.resolve(reference, pointer)
            if not self.is_alias_reference(target):
                self.follow(target, pointer)  # a missing target is reported where it is used
            schema["$ref"] = self.schema_reference(target)
            self.drop_redundant_type(schema, target, pointer)
        mapping = (
            schema.get("discriminator", {}).get("mapping")
            if isinstance(schema.get("discriminator"), dict)
            else None
        )
        if isinstance(mapping, dict):
            for value, target_name in mapping.items():
                mapping[value] = self.mapping_target(
                    str(target_name), json_pointer.join(pointer, "discriminator", "mapping", value)
                )
        for container, key, path in subschemas(schema):
            self.schema(container[key], json_pointer.join(pointer, *path))

    def drop_redundant_type(self, schema: dict[str, Any], target: Key, pointer: str) -> None:
        # Draft-04 ignores keywords beside $ref; FOLIO writes `"type": "object"` there as a
        # reminder. Kept, it would be a second, redundant constraint in 2020-12.
        if "type" not in schema or self.is_alias_reference(target):
            return
        target_schema = self.follow(target, pointer)
        if isinstance(target_schema, dict) and target_schema.get("type") == schema["type"]:
            del schema["type"]

    def mapping_target(self, value: str, pointer: str) -> str:
        """A discriminator mapping value: a schema name, or a reference (FOLIO: a file name)."""
        if value.startswith("#") and self.base == self.root_file:
            name = value[len("#" + _SCHEMAS_PREFIX) :]
            return "#" + _SCHEMAS_PREFIX + self.aliases.get(name, name)
        looks_like_reference = "/" in value or "#" in value or "." in value
        if not looks_like_reference:
            return "#" + _SCHEMAS_PREFIX + self.aliases.get(value, value)
        return self.schema_reference(self.resolve(value, pointer))

    # -- driving ---------------------------------------------------------------------------

    def run(self) -> Bundle:
        schemas = self.document.get("components", {}).get("schemas", {})
        for name, schema in schemas.items():
            if not self.is_alias(schema):
                self.taken[name] = None
        for name, schema in list(schemas.items()):
            if self.is_alias(schema):
                pointer = json_pointer.join("/components/schemas", name)
                target = self.resolve(schema["$ref"], pointer)
                self.aliases[name] = self.name_for(target)
                del schemas[name]
        walk_children(self.document, "document", "", self.hook)
        while self.pending:
            key, name = self.pending.pop(0)
            self.bundle_schema(key, name)
        if self.bundled:
            self.document.setdefault("components", {}).setdefault("schemas", {}).update(
                self.bundled
            )
        return self.result

    def is_alias(self, schema: Any) -> bool:
        """A root component that only stands for a schema elsewhere (a file, usually)."""
        if not (isinstance(schema, dict) and isinstance(schema.get("$ref"), str)):
            return False
        points_elsewhere = not schema["$ref"].startswith("#" + _SCHEMAS_PREFIX)
        return points_elsewhere and set(schema) <= {"$ref", "description"}

    def bundle_schema(self, key: Key, name: str) -> None:
        pointer = key[1]
        content = copy.deepcopy(self.follow(key, pointer))
        if not isinstance(content, (dict, bool)):
            raise SpecError(
                f"reference target is not a schema (a {type(content).__name__})",
                file=key[0],
                pointer=pointer,
            )
        self.bundled[name] = content
        if isinstance(content, dict):
            saved, self.base = self.base, key[0]
            try:
                holder = {name: content}
                walk_object(holder, name, "schema", pointer, self.hook)
            finally:
                self.base = saved


def bundle(files: SourceFiles, root_file: Path, document: dict[str, Any]) -> Bundle:
    """Pull every file ``document`` references into it (in place) and return the result."""
    _stringify_status_codes(document)
    return _Bundler(files, root_file, document).run()


def _stringify_status_codes(document: dict[str, Any]) -> None:
    # YAML reads `200:` as an integer; OpenAPI status codes are strings.
    for path_item in (document.get("paths") or {}).values():
        if not isinstance(path_item, dict):
            continue
        for operation in path_item.values():
            responses = operation.get("responses") if isinstance(operation, dict) else None
            if isinstance(responses, dict):
                for status in [s for s in responses if not isinstance(s, str)]:
                    responses[str(status)] = responses.pop(status)


def source_of(pointer: str, origins: dict[str, tuple[Path, str]]) -> tuple[Path | None, str]:
    """The file and pointer a place in a bundled component came from, when it came from one."""
    tokens = json_pointer.split(pointer)
    if len(tokens) >= 3 and tokens[:2] == ["components", "schemas"] and tokens[2] in origins:
        file, fragment = origins[tokens[2]]
        return file, json_pointer.join(fragment, *tokens[3:])
    return None, pointer
