"""Validation of a normalized document against the schema of its OpenAPI version (3.1 or 3.2)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
from openapi_spec_validator_rs import (
    OpenAPIV31SpecValidator,
    OpenAPIV32SpecValidator,
    ValidationAbortedError,
)

from generator.normalize.bundle import source_of
from generator.normalize.openapi_walk import ADDITIONAL, walk
from generator.shared import pointer as json_pointer
from generator.shared.errors import SpecError


def openapi_validator(
    document: dict[str, Any],
) -> OpenAPIV31SpecValidator | OpenAPIV32SpecValidator:
    """The validator of the version a normalized document states (document_upgrade): 3.2's
    schema knows its additions (``query``, ``additionalOperations``, ``in: querystring``, ...)
    and, like 3.1's, refuses what it does not know."""
    if str(document.get("openapi", "")).startswith("3.2."):
        return OpenAPIV32SpecValidator(document)
    return OpenAPIV31SpecValidator(document)


def openapi_name(document: dict[str, Any]) -> str:
    """``OpenAPI 3.1`` or ``OpenAPI 3.2``: what the validator's messages hold the document to."""
    return "OpenAPI 3.2" if str(document.get("openapi", "")).startswith("3.2.") else "OpenAPI 3.1"


def _references(node: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """(where, target pointer) of every local ``$ref`` below ``node``."""
    stack = [(node, pointer)]
    while stack:
        current, at = stack.pop()
        if isinstance(current, dict):
            reference = current.get("$ref")
            if isinstance(reference, str) and reference.startswith("#"):
                yield at, json_pointer.of_local_reference(reference)
            stack.extend((value, json_pointer.join(at, key)) for key, value in current.items())
        elif isinstance(current, list):
            stack.extend((value, json_pointer.join(at, i)) for i, value in enumerate(current))


def check_reference_cycles(document: dict[str, Any], file: Path) -> None:
    """Refuse a reference that leads only to references and back: it names no schema at all.

    (A schema that contains itself further down, such as a tree node, is fine.)
    """
    settled: set[str] = set()
    for where, target in _references(document):
        chain = [where]
        while target not in settled:
            if target in chain:
                cycle = " -> ".join("#" + p for p in [*chain[chain.index(target) :], target])
                raise SpecError(f"reference cycle: {cycle}", file=file, pointer=where)
            chain.append(target)
            try:
                node = json_pointer.resolve(document, target)
            except (KeyError, ValueError):
                break  # a dangling reference: the validator says so, with its place
            reference = node.get("$ref") if isinstance(node, dict) else None
            if not isinstance(reference, str) or not reference.startswith("#"):
                break
            target = json_pointer.of_local_reference(reference)
        settled.update(chain[1:])


def check_allof_cycles(document: dict[str, Any], file: Path) -> None:
    """Refuse a schema that inherits from itself through ``allOf`` (A is all of B, B of A):
    it cannot be understood, and the validator would recurse without end."""
    settled: set[str] = set()

    def visit(pointer: str, chain: list[str]) -> None:
        if pointer in chain:
            cycle = " -> ".join("#" + p for p in [*chain[chain.index(pointer) :], pointer])
            raise SpecError(f"allOf inheritance cycle: {cycle}", file=file, pointer=chain[-1])
        if pointer in settled:
            return
        try:
            node = json_pointer.resolve(document, pointer)
        except (KeyError, ValueError):
            return
        if not isinstance(node, dict):
            return
        chain.append(pointer)
        reference = node.get("$ref")
        if isinstance(reference, str) and reference.startswith("#"):
            visit(json_pointer.of_local_reference(reference), chain)
        parts = node.get("allOf")
        for index in range(len(parts) if isinstance(parts, list) else 0):
            visit(json_pointer.join(pointer, "allOf", index), chain)
        chain.pop()
        settled.add(pointer)

    schemas = document.get("components", {}).get("schemas")
    starts = [json_pointer.join("/components/schemas", name) for name in schemas or {}]
    for start in [*starts, *(target for _, target in _references(document))]:
        visit(start, [])


def check_objects(document: dict[str, Any], file: Path) -> None:
    """A parameter without a ``name`` or ``in`` cannot be sent, and a reference to nothing
    (schemas' references the bundler has followed) cannot be read; say where they are."""

    def hook(container: Any, key: Any, kind: str, pointer: str) -> bool:
        node = container[key]
        if kind in ("schema", "example", "example_value") or not isinstance(node, dict):
            return False
        reference = node.get("$ref")
        if isinstance(reference, str) and reference.startswith("#"):
            try:
                json_pointer.resolve(document, json_pointer.of_local_reference(reference))
            except (KeyError, ValueError):
                raise SpecError(
                    f"reference target {reference} does not exist", file=file, pointer=pointer
                ) from None
        elif (
            kind == "path_item"
            and node.get(ADDITIONAL) is not None
            and not isinstance(node[ADDITIONAL], dict)
        ):
            # the validator stops, without a place, on any other shape (null is a repair's)
            where = json_pointer.join(pointer, ADDITIONAL)
            raise SpecError(f"{ADDITIONAL} is not a mapping", file=file, pointer=where)
        elif kind == "parameter":
            for field in ("name", "in"):
                if not isinstance(node.get(field), str):
                    raise SpecError(f"the parameter has no {field!r}", file=file, pointer=pointer)
        return True

    walk(document, hook)


# A path of segments, each literal or holding whole `{name}` templates.
_PATH_TEMPLATE = re.compile(r"[^{}]*(\{[^{}]+\}[^{}]*)*")


def check_path_templates(document: dict[str, Any], file: Path) -> None:
    paths = document.get("paths")
    for path in paths if isinstance(paths, dict) else ():
        if isinstance(path, str) and not _PATH_TEMPLATE.fullmatch(path):
            raise SpecError(
                f"path {path!r} has an unbalanced {{ or }}",
                file=file,
                pointer=json_pointer.join("/paths", path),
            )


_META_SCHEMA = jsonschema.Draft202012Validator(jsonschema.Draft202012Validator.META_SCHEMA)


def check_schemas(
    document: dict[str, Any], file: Path, origins: dict[str, tuple[Path, str]] | None = None
) -> None:
    """Refuse a schema JSON Schema cannot read (``type: strin``, ``items: string``), naming
    it: values cannot be checked against it, and the validator would stop on it."""

    def hook(container: Any, key: Any, kind: str, pointer: str) -> bool:
        if kind != "schema":
            return kind not in ("example", "example_value")
        error = jsonschema.exceptions.best_match(_META_SCHEMA.iter_errors(container[key]))
        if error is not None:
            origin, where = source_of(
                json_pointer.join(pointer, *error.absolute_path), origins or {}
            )
            raise SpecError(
                f"not a valid schema: {error.message}", file=origin or file, pointer=where
            )
        return False

    walk(document, hook)


def check_understandable(document: dict[str, Any], file: Path) -> None:
    """Refuse, naming the place, what no repair can make sense of (in lenient mode too)."""
    check_reference_cycles(document, file)
    check_allof_cycles(document, file)
    check_objects(document, file)
    check_path_templates(document, file)


def validate_openapi(
    document: dict[str, Any], file: Path, origins: dict[str, tuple[Path, str]] | None = None
) -> None:
    """Raise SpecError (naming ``file`` and the pointer) for the first problem found.

    ``origins`` names where bundled components came from, so that a problem in one is
    reported at its place in the source (``Item/definitions/itemType``), not in the bundle.
    """
    check_understandable(document, file)
    validator = openapi_validator(document)
    try:
        errors = list(validator.iter_errors())
    except ValidationAbortedError as aborted:
        # A case check_understandable does not know yet: still one line, never a traceback.
        raise SpecError(f"the OpenAPI validator stopped: {aborted}", file=file) from None
    if errors:
        error = errors[0]
        path = list(getattr(error, "absolute_path", None) or getattr(error, "path", []))
        pointer = full_pointer(document, path, getattr(error, "instance", None))
        pointer = _unexpected_key(document, pointer, error.message)
        origin, where = source_of(pointer, origins or {})
        raise SpecError(
            f"not valid {openapi_name(document)}: {error.message}",
            file=origin or file,
            pointer=where,
        )


def _unexpected_key(document: Any, pointer: str, message: str) -> str:
    """For "('title' was unexpected)", the pointer of that key rather than of its object
    (which is the empty pointer for a key at the root)."""
    if "unexpected" not in message:
        return pointer
    try:
        node = json_pointer.resolve(document, pointer)
    except (KeyError, ValueError):
        return pointer
    if isinstance(node, dict):
        for key in node:
            if f"{key!r} was unexpected" in message or f"{key!r}, " in message:
                return json_pointer.join(pointer, key)
    return pointer


def full_pointer(document: Any, path: list[Any], instance: Any) -> str:
    """Where the error is, from the document's root.

    For a schema that is wrong in itself, the validator's path starts at that schema, not at
    the document; the place is then found by looking for the value it reports.
    """
    pointer = json_pointer.join("", *path)
    try:
        if json_pointer.resolve(document, pointer) == instance or instance is None:
            return pointer
    except KeyError:
        pass
    stack: list[tuple[Any, str]] = [(document, "")]
    while stack:
        node, at = stack.pop()
        try:
            if path and json_pointer.resolve(node, json_pointer.join("", *path)) == instance:
                return json_pointer.join(at, *path)
        except KeyError:
            pass
        if isinstance(node, dict):
            stack.extend((value, json_pointer.join(at, key)) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend((value, json_pointer.join(at, i)) for i, value in enumerate(node))
    return pointer
