"""Validation of a normalized document against the OpenAPI 3.1 schema."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openapi_spec_validator_rs import OpenAPIV31SpecValidator

from generator.normalize.bundle import source_of
from generator.shared import pointer as json_pointer
from generator.shared.errors import SpecError


def _references(node: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """(where, target pointer) of every local ``$ref`` below ``node``."""
    stack = [(node, pointer)]
    while stack:
        current, at = stack.pop()
        if isinstance(current, dict):
            reference = current.get("$ref")
            if isinstance(reference, str) and reference.startswith("#"):
                yield at, reference[1:]
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
            target = reference[1:]
        settled.update(chain[1:])


def validate_openapi(
    document: dict[str, Any], file: Path, origins: dict[str, tuple[Path, str]] | None = None
) -> None:
    """Raise SpecError (naming ``file`` and the pointer) for the first problem found.

    ``origins`` names where bundled components came from, so that a problem in one is
    reported at its place in the source (``Item/definitions/itemType``), not in the bundle.
    """
    check_reference_cycles(document, file)
    validator = OpenAPIV31SpecValidator(document)
    errors = list(validator.iter_errors())
    if errors:
        error = errors[0]
        path = list(getattr(error, "absolute_path", None) or getattr(error, "path", []))
        pointer = _full_pointer(document, path, getattr(error, "instance", None))
        origin, where = source_of(pointer, origins or {})
        raise SpecError(
            f"not valid OpenAPI 3.1: {error.message}", file=origin or file, pointer=where
        )


def _full_pointer(document: Any, path: list[Any], instance: Any) -> str:
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
