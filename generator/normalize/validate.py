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
from generator.normalize.meta_schema import readable
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


def _references(node: Any) -> Iterator[tuple[str, str]]:
    """(where, target pointer) of every local ``$ref`` below ``node``."""
    # Each node's place is its parent's and its key, spelt out only for a reference: a big
    # description has millions of nodes and few references (sagemaker: 470,000 and 30,000).
    stack: list[tuple[Any, Any]] = [(node, None)]
    while stack:
        current, place = stack.pop()
        if isinstance(current, dict):
            reference = current.get("$ref")
            if isinstance(reference, str) and reference.startswith("#"):
                yield _spelt(place), json_pointer.of_local_reference(reference)
            stack.extend((value, (place, key)) for key, value in current.items())
        elif isinstance(current, list):
            stack.extend((value, (place, i)) for i, value in enumerate(current))


def _spelt(place: Any) -> str:
    """The pointer of a place: ``(parent's place, key)`` pairs, the root's None."""
    tokens = []
    while place is not None:
        place, key = place
        tokens.append(key)
    return json_pointer.join("", *reversed(tokens))


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
    it: values cannot be checked against it, and the validator would stop on it.

    Big descriptions repeat the same inline schema in many places (mailchimp: 1911 schemas,
    282 different ones), and checking one against the meta-schema is slow: one found valid
    is not checked again, and ``meta_schema.readable`` vouches for most of the others faster;
    the meta-schema itself judges the rest, and words the error.
    """
    valid: set[str] = set()

    def hook(container: Any, key: Any, kind: str, pointer: str) -> bool:
        if kind != "schema":
            return kind not in ("example", "example_value")
        # repr tells 1 from True, 1.0 and "1", and keeps the keys' order, as the messages do
        text = repr(container[key])
        if text in valid:
            return False
        if readable(container[key]):
            valid.add(text)
            return False
        error = jsonschema.exceptions.best_match(_META_SCHEMA.iter_errors(container[key]))
        if error is not None:
            origin, where = source_of(
                json_pointer.join(pointer, *error.absolute_path), origins or {}
            )
            raise SpecError(
                f"not a valid schema: {error.message}", file=origin or file, pointer=where
            )
        valid.add(text)
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
    """Where the error is, from the document's root (see ErrorPlaces)."""
    return ErrorPlaces(document).pointer(path, instance)


# A place in the document as the search meets it: (its rank in the search's order, the node,
# the keys leading to it, innermost first, as nested pairs: pointers are built for hits only).
_Trail = tuple[Any, "_Trail"] | None
_Place = tuple[int, Any, _Trail]
_MISSING = object()


class ErrorPlaces:
    """Finds where the validator's errors are, in one document that only loses keys meanwhile.

    For a schema that is wrong in itself, the validator's path starts at that schema, not at
    the document; the place is then the first node, in a depth-first search from the root,
    from which the path leads to the value the error reports. Every node the search could
    meet is listed once, by the keys it holds (a search per error over a 5 MB document took
    seconds each); a listed node still counts only while the document still leads to it.
    """

    def __init__(self, document: Any) -> None:
        self.document = document
        self._by_key: dict[str, list[_Place]] | None = None
        self._lists: list[_Place] = []

    def pointer(self, path: list[Any], instance: Any) -> str:
        tokens = [str(token) for token in path]
        pointer = json_pointer.join("", *path)
        found = _follow(self.document, tokens)
        if found is not _MISSING and (found == instance or instance is None):
            return pointer
        if not tokens:
            return pointer
        for _, node, trail in self._candidates(tokens[0]):
            if _follow(node, tokens) == instance:
                keys = _keys(trail)
                if _follow(self.document, keys) is node:  # not under a key dropped since
                    return json_pointer.join("", *keys, *path)
        return pointer

    def _candidates(self, first: str) -> list[_Place]:
        if self._by_key is None:
            self._by_key = {}
            self._index()
        found = self._by_key.get(first, [])
        if _is_index(first):
            found = sorted([*found, *self._lists], key=lambda place: place[0])
        return found

    def _index(self) -> None:
        """Every node in the order the search meets it (last child first), by its keys."""
        assert self._by_key is not None
        stack: list[tuple[Any, _Trail]] = [(self.document, None)]
        rank = 0
        while stack:
            node, trail = stack.pop()
            place = (rank, node, trail)
            rank += 1
            if isinstance(node, dict):
                for key in node:
                    self._by_key.setdefault(str(key), []).append(place)
                stack.extend((value, (key, trail)) for key, value in node.items())
            elif isinstance(node, list):
                self._lists.append(place)
                stack.extend((value, (i, trail)) for i, value in enumerate(node))


def _keys(trail: _Trail) -> list[Any]:
    keys = []
    while trail is not None:
        key, trail = trail
        keys.append(key)
    return keys[::-1]


def _follow(node: Any, tokens: list[Any]) -> Any:
    """The value ``tokens`` (keys, or list indices as numbers or digits) lead to from ``node``,
    as json_pointer.resolve finds it; _MISSING where they lead nowhere."""
    for token in tokens:
        if isinstance(node, dict) and token in node:
            node = node[token]
            continue
        index = token if isinstance(token, int) else int(token) if _is_index(token) else None
        if not isinstance(node, list) or index is None or index >= len(node):
            return _MISSING
        node = node[index]
    return node


def _is_index(token: Any) -> bool:
    return isinstance(token, str) and token.isascii() and token.isdigit()
