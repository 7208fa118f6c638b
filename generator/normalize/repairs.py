"""Repairs of the defects public descriptions commonly have, each with one obvious fix.

Public specs are often slightly invalid (a ``default`` of ``"20"`` for an integer, a ``title``
on an Operation, a ``required`` list naming a property twice). Refusing the whole description
for one of these helps nobody, so by default each is repaired, with a warning naming the file,
the pointer and what was done. With ``strict`` (``--strict``, and always for the systems under
specs/, whose descriptions we own) the first one is refused instead, naming its pointer.

Only what is invalid OpenAPI 3.1 is repaired: a description the validator accepts passes
through unchanged, in either mode. What cannot be understood (a parameter without a name, an
``allOf`` cycle) is refused in both modes by ``validate``. Each repair is one function in
``REPAIRS``, run in that order right after the upgrade to 3.1 (the later passes and the
validation then see the repaired shape); docs/repairs.md lists them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import jsonschema
from openapi_spec_validator_rs import ValidationAbortedError

from generator.normalize.bundle import source_of
from generator.normalize.examples import ExampleChecker
from generator.normalize.openapi_walk import COMPONENT_KINDS, METHODS, operations, walk
from generator.normalize.validate import (
    ErrorPlaces,
    check_schemas,
    openapi_name,
    openapi_validator,
)
from generator.shared import pointer as json_pointer
from generator.shared.errors import SpecError, Warnings
from generator.shared.schema_walk import subschemas


@dataclass
class Repairer:
    """Applies (or, strict, refuses) one repair at a time, and says so."""

    document: dict[str, Any]
    source: Path
    warnings: Warnings
    origins: dict[str, tuple[Path, str]]
    strict: bool

    def repair(self, pointer: str, problem: str, action: str) -> None:
        """Called before the repair is made: raises SpecError when strict, else warns."""
        file, where = source_of(pointer, self.origins)
        used_at = "" if file is None or where == pointer else f" (used at #{pointer})"
        if self.strict:
            raise SpecError(
                f"{problem} (refused in strict mode; lenient: {action}){used_at}",
                file=file or self.source,
                pointer=where or None,
            )
        self.warnings.add(
            f"{problem}: {action}{used_at}", file=file or self.source, pointer=where, repair=True
        )


def repair_document(
    document: dict[str, Any],
    source: Path,
    warnings: Warnings,
    origins: dict[str, tuple[Path, str]],
    *,
    strict: bool,
) -> None:
    """Repair ``document`` in place (or, ``strict``, raise SpecError at the first defect)."""
    repairer = Repairer(document, source, warnings, origins, strict)
    for repair in REPAIRS:
        repair(repairer)


def string_keys(repairer: Repairer) -> None:
    """A YAML key such as ``200:`` or ``true:`` inside an extension is not a JSON string."""
    stack: list[tuple[Any, str]] = [(repairer.document, "")]
    while stack:
        node, at = stack.pop()
        if isinstance(node, dict):
            for key in [k for k in node if not isinstance(k, str)]:
                text = _json_text(key)
                repairer.repair(
                    json_pointer.join(at, text),
                    f"key {key!r} is not a string",
                    f"made it {text!r}" if text not in node else "dropped (the string is taken)",
                )
                value = node.pop(key)
                node.setdefault(text, value)
            stack.extend((value, json_pointer.join(at, key)) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend((value, json_pointer.join(at, i)) for i, value in enumerate(node))


def _json_text(key: Any) -> str:
    """``key`` as JSON writes a key (``true``, ``null``, ``200``)."""
    if isinstance(key, bool):
        return "true" if key else "false"
    return "null" if key is None else str(key)


def missing_info(repairer: Repairer) -> None:
    """``info`` is required, and so are its ``title`` and (a string) ``version``."""
    document = repairer.document
    if not isinstance(document.get("info"), dict):
        title = repairer.source.stem
        repairer.repair("/info", "no info object", f"made one titled {title!r}, version '0'")
        document["info"] = {"title": title, "version": "0"}
    info = document["info"]
    if not isinstance(info.get("title"), str):
        repairer.repair(
            "/info/title", "info has no title", f"used the file name {repairer.source.stem!r}"
        )
        info["title"] = repairer.source.stem
    version = info.get("version")
    if isinstance(version, (int, float)) and not isinstance(version, bool):
        repairer.repair("/info/version", f"version {version!r} is a number", "made it a string")
        info["version"] = str(version)
    elif not isinstance(version, str):
        repairer.repair("/info/version", "info has no version", "used '0'")
        info["version"] = "0"


# Where OpenAPI expects a mapping or a list, by the kind of object (openapi_walk) holding it.
_CONTAINERS: dict[str, tuple[str, ...]] = {
    "document": ("paths", "webhooks", "components", "servers", "security", "tags"),
    "components": COMPONENT_KINDS,
    "path_item": ("parameters", "servers", "additionalOperations"),
    "operation": (
        "parameters",
        "responses",
        "callbacks",
        "tags",
        "security",
        "servers",
        "requestBody",
    ),
    "request_body": ("content",),
    "response": ("headers", "content", "links"),
    "parameter": ("content", "examples"),
    "header": ("content", "examples"),
    "media_type": ("examples", "encoding"),
}


def empty_values(repairer: Repairer) -> None:
    """``key:`` with nothing under it is null in YAML; where OpenAPI expects a mapping or a
    list (``paths:``, ``parameters:``, a path ``/a:`` or a method ``get:``), the author meant
    none. ``paths`` becomes empty (it holds the operations); any other such key is dropped."""
    document = repairer.document
    if "paths" in document and document["paths"] is None:
        repairer.repair("/paths", "paths is empty (null)", "made it an empty mapping")
        document["paths"] = {}

    def drop_nulls(node: Any, kind: str, pointer: str) -> None:
        keys = _CONTAINERS.get(kind, ())
        for name in (*keys, *METHODS) if kind == "path_item" else keys:
            if isinstance(node, dict) and name in node and node[name] is None:
                repairer.repair(
                    json_pointer.join(pointer, name), f"{name} is empty (null)", "dropped it"
                )
                del node[name]

    def hook(container: Any, key: Any, kind: str, pointer: str) -> bool:
        if kind == "path_item" and container[key] is None:
            repairer.repair(pointer, "the path item is empty (null)", "dropped it")
            del container[key]
            return False
        drop_nulls(container[key], kind, pointer)
        return kind not in ("schema", "example", "example_value")

    drop_nulls(document, "document", "")
    walk(document, hook)


# Schema keywords whose value is one plain JSON type (JSON Schema 2020-12 validation and
# meta-data vocabularies), by that type.
_TEXT = ("title", "description", "$comment")
_STRING_KEYWORDS = ("pattern", "format", "contentEncoding", "contentMediaType", *_TEXT)
_COUNT_KEYWORDS = (
    "maxLength",
    "minLength",
    "maxItems",
    "minItems",
    "maxContains",
    "minContains",
    "maxProperties",
    "minProperties",
)
_NUMBER_KEYWORDS = ("multipleOf", "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum")
_FLAG_KEYWORDS = ("uniqueItems", "readOnly", "writeOnly", "deprecated")


def _keyword_value(keyword: str, value: Any) -> tuple[bool, Any]:
    """(whether ``value`` is of the type ``keyword`` takes, the value it plainly spells or
    None when it spells none)."""
    is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
    text = value.strip() if isinstance(value, str) else None
    if keyword in _STRING_KEYWORDS:
        if isinstance(value, str):
            return True, value
        # A number as a title is its text; as a pattern or a format it means nothing sure.
        return False, str(value) if keyword in _TEXT and is_number else None
    if keyword in _COUNT_KEYWORDS:
        if is_number and float(value).is_integer() and value >= 0:
            return True, value
        return False, int(text) if text is not None and text.isdigit() else None
    if keyword in _NUMBER_KEYWORDS:
        if is_number:
            return True, value
        numbers = _coercions(value, ["number"]) if text is not None else []
        return False, numbers[0] if numbers else None
    if isinstance(value, bool):
        return True, value
    return False, text.lower() == "true" if text and text.lower() in ("true", "false") else None


def schema_shapes(repairer: Repairer) -> None:
    """Schemas: ``allOf``/``anyOf``/``oneOf`` written as a mapping, a ``type`` holding a schema,
    duplicate names in ``required``, and keywords whose value is not of the type they take
    (``pattern: 0``, ``minLength: "5"``)."""

    def fix(schema: dict[str, Any], pointer: str) -> None:
        for keyword in ("allOf", "anyOf", "oneOf"):
            if isinstance(schema.get(keyword), dict):  # {"3": {...}}: an overlay's leftover
                repairer.repair(
                    json_pointer.join(pointer, keyword),
                    f"{keyword} is a mapping, not a list of schemas",
                    "took its values as the list",
                )
                schema[keyword] = list(schema[keyword].values())
        if isinstance(schema.get("type"), dict):
            repairer.repair(
                json_pointer.join(pointer, "type"),
                "type is a schema, not a type name",
                "used that schema in its place",
            )
            inner = schema.pop("type")
            for key, value in inner.items():
                schema.setdefault(key, value)
        required = schema.get("required")
        if isinstance(required, list) and len(set(map(repr, required))) != len(required):
            repairer.repair(
                json_pointer.join(pointer, "required"),
                "required names a property more than once",
                "kept each name once",
            )
            schema["required"] = list({repr(name): name for name in required}.values())
        for keyword in (*_STRING_KEYWORDS, *_COUNT_KEYWORDS, *_NUMBER_KEYWORDS, *_FLAG_KEYWORDS):
            if keyword not in schema:
                continue
            value = schema[keyword]
            fits, spelled = _keyword_value(keyword, value)
            if fits:
                continue
            at = json_pointer.join(pointer, keyword)
            problem = f"{keyword} {value!r} is not of the type {keyword} takes"
            if spelled is None:
                repairer.repair(at, problem, "dropped it")
                del schema[keyword]
            else:
                repairer.repair(at, problem, f"made it {spelled!r}")
                schema[keyword] = spelled
        for container, slot, path in subschemas(schema):
            fix(container[slot], json_pointer.join(pointer, *path))

    _each_schema(repairer.document, fix)


def misspelt_keys(repairer: Repairer) -> None:
    """A path without its leading ``/`` (``users/{id}``) and a response code in lower case
    (``2xx``, ``Default``): the key the author meant is plain, and dropping it as unknown
    would lose its operations."""
    paths = repairer.document.get("paths")
    if not isinstance(paths, dict):
        paths = {}
    for path in list(paths):
        if not path.startswith(("/", "x-")) and "/" + path not in paths:
            repairer.repair(
                json_pointer.join("/paths", path), "the path does not start with /", "added it"
            )
            _rename(paths, path, "/" + path)

    def hook(container: Any, key: Any, kind: str, pointer: str) -> bool:
        node = container[key]
        responses = node.get("responses") if kind == "operation" and isinstance(node, dict) else {}
        if not isinstance(responses, dict):
            responses = {}
        for code in list(responses):
            meant = code.upper() if re.fullmatch(r"[1-5][xX][xX]", code) else code.lower()
            if meant != code and meant in ("default", code.upper()) and meant not in responses:
                repairer.repair(
                    json_pointer.join(pointer, "responses", code),
                    f"response code {code!r} is not spelt as OpenAPI spells it",
                    f"made it {meant!r}",
                )
                _rename(responses, code, meant)
        return kind not in ("schema", "example", "example_value")

    walk(repairer.document, hook)


def _rename(mapping: dict[str, Any], old: str, new: str) -> None:
    """Rename a key of ``mapping`` in place, keeping the order of the keys."""
    items = [(new if key == old else key, value) for key, value in mapping.items()]
    mapping.clear()
    mapping.update(items)


def _resolved(document: dict[str, Any], node: Any) -> Any:
    """``node``, or what its local ``$ref`` points to (None when that is nothing)."""
    reference = node.get("$ref") if isinstance(node, dict) else None
    if not (isinstance(reference, str) and reference.startswith("#")):
        return node
    try:
        return json_pointer.resolve(document, json_pointer.of_local_reference(reference))
    except (KeyError, ValueError):
        return None


def _identity(document: dict[str, Any], parameter: Any) -> tuple[Any, Any] | None:
    resolved = _resolved(document, parameter)
    return (resolved.get("name"), resolved.get("in")) if isinstance(resolved, dict) else None


def declared_once(repairer: Repairer) -> None:
    """A tag declared twice, a parameter listed twice in one list: the first is kept."""
    document = repairer.document
    tags = document.get("tags")
    if isinstance(tags, list):
        for index in reversed(range(len(tags))):
            name = tags[index].get("name") if isinstance(tags[index], dict) else None
            if name is not None and any(
                isinstance(t, dict) and t.get("name") == name for t in tags[:index]
            ):
                repairer.repair(
                    json_pointer.join("/tags", index),
                    f"tag {name!r} is declared twice",
                    "kept the first",
                )
                del tags[index]

    def hook(container: Any, key: Any, kind: str, pointer: str) -> bool:
        node = container[key]
        parameters = node.get("parameters") if isinstance(node, dict) else None
        if kind in ("path_item", "operation") and isinstance(parameters, list):
            identities = [_identity(document, p) for p in parameters]
            for index in reversed(range(len(parameters))):
                identity = identities[index]
                if identity is not None and identity in identities[:index]:
                    repairer.repair(
                        json_pointer.join(pointer, "parameters", index),
                        f"parameter {identity[0]!r} in {identity[1]} is listed twice",
                        "kept the first",
                    )
                    del parameters[index]
        return kind not in ("schema", "example", "example_value")

    walk(document, hook)


_TEMPLATE = re.compile(r"\{([^{}]+)\}")


def path_parameters(repairer: Repairer) -> None:
    """Path parameters and the path's template must agree: a ``{name}`` without a parameter
    gets a required string one; a path parameter the template lacks is dropped (it has no
    place in the URL); a path parameter without ``required: true`` gets it."""
    document = repairer.document
    paths = document.get("paths")
    for path, item in paths.items() if isinstance(paths, dict) else ():
        if not isinstance(item, dict) or "$ref" in item:
            continue
        names = _TEMPLATE.findall(path)
        item_pointer = json_pointer.join("/paths", path)
        _agree_with_template(repairer, item, item_pointer, names)
        shared = {n for n, i in _path_identities(document, item) if i == "path"}
        for _, keys, operation in operations(item):
            pointer = json_pointer.join(item_pointer, *keys)
            _agree_with_template(repairer, operation, pointer, names)
            declared = shared | {n for n, i in _path_identities(document, operation)}
            for name in names:
                if name not in declared:
                    repairer.repair(
                        json_pointer.join(pointer, "parameters"),
                        f"the path's {{{name}}} has no parameter",
                        f"added a required string parameter {name!r}",
                    )
                    operation.setdefault("parameters", []).append(
                        {
                            "name": name,
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    )


def _path_identities(document: dict[str, Any], holder: dict[str, Any]) -> list[tuple[Any, Any]]:
    parameters = holder.get("parameters")
    found = [_identity(document, p) for p in parameters] if isinstance(parameters, list) else []
    return [identity for identity in found if identity is not None and identity[1] == "path"]


def _agree_with_template(
    repairer: Repairer, holder: dict[str, Any], pointer: str, names: list[str]
) -> None:
    parameters = holder.get("parameters")
    if not isinstance(parameters, list):
        return
    for index in reversed(range(len(parameters))):
        parameter = _resolved(repairer.document, parameters[index])
        if not isinstance(parameter, dict) or parameter.get("in") != "path":
            continue
        at = json_pointer.join(pointer, "parameters", index)
        if parameter.get("name") not in names:
            repairer.repair(
                at, f"path parameter {parameter.get('name')!r} is not in the path", "dropped it"
            )
            del parameters[index]
        elif parameter.get("required") is not True:
            reference = parameters[index].get("$ref")
            where = at if reference is None else json_pointer.of_local_reference(reference)
            repairer.repair(
                json_pointer.join(where, "required"),
                "a path parameter is always required",
                "made it required: true",
            )
            parameter["required"] = True


def parameter_content(repairer: Repairer) -> None:
    """A parameter's or header's ``content`` holds exactly one media type."""

    def hook(container: Any, key: Any, kind: str, pointer: str) -> bool:
        node = container[key]
        content = node.get("content") if isinstance(node, dict) else None
        if kind in ("parameter", "header") and isinstance(content, dict) and len(content) > 1:
            first = next(iter(content))
            repairer.repair(
                json_pointer.join(pointer, "content"),
                f"content has {len(content)} media types, a {kind} may have one",
                f"kept the first, {first}",
            )
            node["content"] = {first: content[first]}
        return kind not in ("schema", "example", "example_value")

    walk(repairer.document, hook)


def defaults(repairer: Repairer) -> None:
    """A ``default`` its own schema refuses: coerced when one value fits, else dropped."""
    # Values can be checked only against schemas JSON Schema can read.
    check_schemas(repairer.document, repairer.source, repairer.origins)
    checker = ExampleChecker(repairer.document, repairer.source, Warnings())

    def fix(schema: dict[str, Any], pointer: str) -> None:
        if "default" in schema:
            default = schema["default"]
            reason = checker.problem(default, pointer, format_checker=FORMATS)
            if reason is not None:
                at = json_pointer.join(pointer, "default")
                fits = [
                    value
                    for value in _coercions(default, _types(schema))
                    if checker.problem(value, pointer, format_checker=FORMATS) is None
                ]
                if len(fits) == 1:
                    repairer.repair(
                        at, f"default {default!r} is invalid: {reason}", f"made it {fits[0]!r}"
                    )
                    schema["default"] = fits[0]
                else:
                    repairer.repair(at, f"default {default!r} is invalid: {reason}", "dropped it")
                    del schema["default"]
        for container, slot, path in subschemas(schema):
            fix(container[slot], json_pointer.join(pointer, *path))

    _each_schema(repairer.document, fix)


def _types(schema: dict[str, Any]) -> list[str]:
    kind = schema.get("type")
    if isinstance(kind, str):
        return [kind]
    return [k for k in kind if isinstance(k, str)] if isinstance(kind, list) else []


def _coercions(value: Any, types: list[str]) -> list[Any]:
    """The values of ``types`` that ``value`` plainly spells (``"20"`` -> 20)."""
    found: list[Any] = []
    if isinstance(value, str):
        text = value.strip()
        if "null" in types and text.lower() in ("null", "none"):
            found.append(None)
        if "boolean" in types and text.lower() in ("true", "false"):
            found.append(text.lower() == "true")
        if ("integer" in types or "number" in types) and re.fullmatch(r"[+-]?\d+", text):
            found.append(int(text))
        elif "number" in types and re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", text):
            number = float(text)
            if math.isfinite(number):
                found.append(number)
        if "array" in types:
            found.append([value])
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        if "string" in types:
            found.append(str(value))
        if "array" in types:
            found.append([value])
    elif isinstance(value, bool) and "array" in types:
        found.append([value])
    return found


def _datetime(text: object) -> bool:
    if not isinstance(text, str):
        return True
    if not re.fullmatch(r"\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)", text):
        return False
    try:
        datetime.fromisoformat(text.upper().replace("Z", "+00:00").replace(" ", "T"))
    except ValueError:
        return False
    return True


def _time(text: object) -> bool:
    if not isinstance(text, str):
        return True
    if not re.fullmatch(r"\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)", text):
        return False
    try:
        time.fromisoformat(text.upper().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _date(text: object) -> bool:
    if not isinstance(text, str):
        return True
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return bool(re.fullmatch(r"\d{4}-\d\d-\d\d", text))


def _integer_of(bits: int) -> Callable[[object], bool]:
    def check(value: object) -> bool:
        if not isinstance(value, int) or isinstance(value, bool):
            return True
        return bool(-(2 ** (bits - 1)) <= value < 2 ** (bits - 1))

    return check


def _format_checker() -> jsonschema.FormatChecker:
    """The formats the OpenAPI validator checks a ``default`` against, and no others.

    (Checking more would make --strict refuse descriptions the validator accepts.)
    """
    known = jsonschema.Draft202012Validator.FORMAT_CHECKER.checkers
    checker = jsonschema.FormatChecker(
        [name for name in ("email", "uuid", "ipv4", "ipv6", "regex") if name in known]
    )
    checker.checks("date")(_date)
    checker.checks("date-time")(_datetime)
    checker.checks("time")(_time)
    checker.checks("int32")(_integer_of(32))
    checker.checks("int64")(_integer_of(64))
    return checker


FORMATS = _format_checker()


def _each_schema(document: dict[str, Any], fix: Callable[[dict[str, Any], str], None]) -> None:
    """``fix(schema, pointer)`` on every top schema of ``document`` (``fix`` descends)."""

    def hook(container: Any, key: Any, kind: str, pointer: str) -> bool:
        if kind == "schema":
            if isinstance(container[key], dict):
                fix(container[key], pointer)
            return False
        return kind not in ("example", "example_value")

    walk(document, hook)


_UNEXPECTED = re.compile(r"properties are not allowed \((.*) (?:was|were) unexpected\)", re.S)


def unknown_keys(repairer: Repairer) -> None:
    """Keys the OpenAPI schema does not allow where they stand (a ``title`` on an Operation,
    ``allowReserved`` on a path parameter, a response code ``abcdef``) are dropped.

    The validator is the authority on what is allowed; a key is dropped only where it is the
    sole complaint about its object, so that a key reported as "unevaluated" because a
    sibling broke the object is kept (and the validator then names the real problem).
    """
    for _ in range(_ROUNDS):
        try:
            errors = [
                (list(error.absolute_path), error.message, error.instance)
                for error in openapi_validator(repairer.document).iter_errors()
            ]
        except ValidationAbortedError:
            return  # validate_openapi says where and why

        dropped = False
        places = ErrorPlaces(repairer.document)
        for path, message, instance in errors:
            match = _UNEXPECTED.search(message)
            if match is None or any(
                other[: len(path)] == path and not _UNEXPECTED.search(other_message)
                for other, other_message, _ in errors
            ):
                continue
            # (inside a schema the validator's path starts at that schema, not at the root)
            pointer = places.pointer(path, instance)
            try:
                node = json_pointer.resolve(repairer.document, pointer)
            except KeyError:
                continue  # under a key dropped earlier in this round
            if not isinstance(node, dict):
                continue
            for key in [k for k in node if not k.startswith("x-") and repr(k) in match[1]]:
                repairer.repair(
                    json_pointer.join(pointer, key),
                    f"{key!r} is not allowed here by {openapi_name(repairer.document)}",
                    "dropped it",
                )
                del node[key]
                dropped = True
        if not dropped:
            return


# Dropping a key can uncover another error in the object that held it; a few rounds settle
# any real description, and what remains is left to the validator to refuse.
_ROUNDS = 4

REPAIRS: tuple[Callable[[Repairer], None], ...] = (
    string_keys,
    missing_info,
    empty_values,
    schema_shapes,
    misspelt_keys,
    declared_once,
    path_parameters,
    parameter_content,
    defaults,
    unknown_keys,
)
