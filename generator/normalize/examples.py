"""Examples are kept only when valid against their schema.

An invalid example would mislead every reader and break mock servers that replay it, so it is
dropped with a warning naming the file it came from and its pointer (FOLIO's shared
``errors.sample`` has ``"type": "1"`` where the schema allows ERROR or WARNING).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from generator.normalize.bundle import EXAMPLE_ORIGIN, example_origin
from generator.normalize.example_patterns import ExampleValidator
from generator.normalize.openapi_walk import walk
from generator.shared import pointer as json_pointer
from generator.shared.errors import Warnings
from generator.shared.schema_walk import subschemas

_URI = "urn:openapi-document"


class ExampleChecker:
    def __init__(
        self,
        document: dict[str, Any],
        source: Path,
        warnings: Warnings,
    ) -> None:
        self.document = document
        self.source = source
        self.warnings = warnings
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        self.registry: Registry[Any] = Registry().with_resource(_URI, resource)
        self.dropped_references: set[str] = set()

    def problem(
        self,
        value: Any,
        schema_pointer: str,
        format_checker: jsonschema.FormatChecker | None = None,
    ) -> str | None:
        """Why ``value`` does not match the schema at ``schema_pointer``, or None.

        Formats are checked only with a ``format_checker``: examples are not held to them.
        """
        validator = ExampleValidator(
            {"$ref": f"{_URI}#{quote(schema_pointer, safe='/~')}"},
            registry=self.registry,
            format_checker=format_checker,
        )
        error = jsonschema.exceptions.best_match(validator.iter_errors(value))
        if error is None:
            return None
        where = json_pointer.join("", *error.absolute_path) or "/"
        return f"{error.message} (at {where})"

    def drop(self, holder: Any, pointer: str, reason: str) -> None:
        """Warn about the invalid example value of ``holder`` (schemas: None) at ``pointer``."""
        file, where = example_origin(holder) or (self.source, pointer)
        used_at = "" if file == self.source and where == pointer else f" (used at #{pointer})"
        self.warnings.add(
            f"example dropped, not valid against its schema: {reason}{used_at}",
            file=file,
            pointer=where,
        )

    def check_holder(self, holder: dict[str, Any], pointer: str) -> None:
        """A media type, parameter or header: its `example` and `examples` against `schema`."""
        if not isinstance(holder.get("schema"), dict):
            return
        schema_pointer = json_pointer.join(pointer, "schema")
        if "example" in holder:
            value = holder["example"]
            reason = self.problem(value, schema_pointer)
            if reason:
                self.drop(holder, json_pointer.join(pointer, "example"), reason)
                del holder["example"]
        examples = holder.get("examples")
        if not isinstance(examples, dict):
            return
        for name in list(examples):
            self.check_named_example(examples, name, schema_pointer, pointer)
        if not examples:
            del holder["examples"]

    def check_named_example(
        self, examples: dict[str, Any], name: str, schema_pointer: str, pointer: str
    ) -> None:
        example = examples[name]
        example_pointer = json_pointer.join(pointer, "examples", name)
        reference = example.get("$ref") if isinstance(example, dict) else None
        if isinstance(reference, str) and reference.startswith("#/"):
            example_pointer = reference[1:]
            try:
                example = json_pointer.resolve(self.document, example_pointer)
            except KeyError:
                return
        if not isinstance(example, dict) or "value" not in example:
            return
        value = example["value"]
        reason = self.problem(value, schema_pointer)
        if reason:
            self.drop(example, json_pointer.join(example_pointer, "value"), reason)
            del examples[name]
            if isinstance(reference, str):
                self.dropped_references.add(reference)

    def check_schema_examples(self, schema: dict[str, Any], pointer: str) -> None:
        examples = schema.get("examples")
        if isinstance(examples, list):
            kept = []
            for index, value in enumerate(examples):
                reason = self.problem(value, pointer)
                if reason:
                    self.drop(None, json_pointer.join(pointer, "examples", index), reason)
                else:
                    kept.append(value)
            if kept:
                schema["examples"] = kept
            else:
                del schema["examples"]
        for container, key, path in subschemas(schema):
            self.check_schema_examples(container[key], json_pointer.join(pointer, *path))


def check_examples(document: dict[str, Any], source: Path, warnings: Warnings) -> None:
    """Drop every invalid example in ``document`` (in place), warning about each, and the
    bundler's notes of where example values came from."""
    checker = ExampleChecker(document, source, warnings)

    def hook(container: Any, key: Any, kind: str, pointer: str) -> bool:
        node = container[key]
        if not isinstance(node, dict):
            return False
        if kind == "schema":
            checker.check_schema_examples(node, pointer)
            return False
        if kind in ("parameter", "header"):
            checker.check_holder(node, pointer)
        elif kind == "media_type":
            media_type = json_pointer.split(pointer)[-1]
            # XML examples are serialized documents; JSON Schema cannot judge them.
            if "xml" not in media_type:
                checker.check_holder(node, pointer)
        return kind not in ("example", "example_value")

    walk(document, hook)
    walk(document, _remove_origin_notes)  # after the check: a note is read where it is used
    _remove_unused_examples(document, checker.dropped_references)


def _remove_origin_notes(container: Any, key: Any, kind: str, pointer: str) -> bool:
    node = container[key]
    if isinstance(node, dict):
        node.pop(EXAMPLE_ORIGIN, None)
    return kind not in ("schema", "example", "example_value")


def _remove_unused_examples(document: dict[str, Any], candidates: set[str]) -> None:
    """Component examples whose every use was dropped go too."""
    examples = document.get("components", {}).get("examples")
    if not candidates or not isinstance(examples, dict):
        return
    used: set[str] = set()

    def collect(node: Any) -> None:
        if isinstance(node, dict):
            reference = node.get("$ref")
            if isinstance(reference, str):
                used.add(reference)
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect({key: value for key, value in document.items() if key != "components"})
    collect({k: v for k, v in document["components"].items() if k != "examples"})
    for reference in candidates - used:
        name = json_pointer.unescape(reference.rsplit("/", 1)[1])
        examples.pop(name, None)
    if not examples:
        del document["components"]["examples"]
