"""A synthetic OpenAPI 3.0 document of any size, shaped like the large public ones.

``python -m bench.synthetic OPERATIONS SCHEMAS OUT.json [SEED]`` writes one (the bench uses
50,000 operations and 20,000 schemas, and smaller ones with the same proportions to fit how
time and memory grow). The same arguments always give the same document.

The proportions follow GitHub's and Kubernetes' descriptions (bench/.corpus): 10 to 20
operations a tag, so thousands of tags (one resource each); lists with paging, sorting and
filter parameters (some from ``components/parameters``), path parameters, JSON request bodies
and answers that ``$ref`` component schemas, error answers from ``components/responses``,
bearer auth. The schemas take every common shape in turn, so that a small document has each of
them too: string enums, bases with a discriminator and their ``allOf`` children, ``oneOf``
unions with a discriminator, ``allOf`` extension without one, and plain objects with nested
inline objects, inline enums, arrays of references, optional and nullable fields, maps, and a
few reference cycles (a schema referring to itself, two referring to each other).
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path
from typing import Any

OPERATIONS, SCHEMAS, SEED = 50_000, 20_000, 15

_NOUN_WORDS = (
    "account activity address agent alert answer archive asset audit badge batch bill block "
    "branch budget build bundle campaign card cart channel charge check claim client comment "
    "contact contract coupon credit customer dataset deal deploy device discount dispute "
    "document domain draft event export feed file filter folder form gateway grant group hook "
    "image incident invite invoice issue item job key label lead ledger license link list log "
    "member message meter metric milestone mount note offer order owner package page payment "
    "payout plan policy pool price product profile project quota quote rate receipt record "
    "refund region release report request review role rule run schedule scope secret segment "
    "sender session share shipment signal site snapshot source space stage store stream "
    "subscription survey table task team template tenant term ticket token topic transfer "
    "trigger unit upload usage user variant vault vendor version view volume wallet webhook "
    "widget workflow zone"
)
_NOUNS = _NOUN_WORDS.split()
_FIELD_WORDS = (
    "title summary label slug locale region currency country reference external_id "
    "display_name description notes color priority source category channel owner_name url "
    "email phone timezone"
)
_FIELDS = _FIELD_WORDS.split()
_STATES = ("active", "pending", "suspended", "archived", "deleted", "draft", "failed")
_PREFIX = "#/components/schemas/"
# Schema kinds, in turn: every twenty schemas have each shape, so a small document has them all
_ENUM, _BASE, _CHILD_A, _CHILD_B, _UNION, _VARIANT_A, _VARIANT_B, _EXTENDED = range(8)
_PLAIN, _KINDS = 8, 20  # kinds 8 to 19 are plain objects, as most of a real API's are


def _plural(noun: str) -> str:
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun[:-1] + "ies" if noun.endswith("y") and noun[-2] not in "aeiou" else noun + "s"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": _PREFIX + name}


def _names(count: int) -> list[str]:
    """``count`` distinct CamelCase schema names: ``Error``, ``ValidationError``, then nouns
    with a number once the nouns run out (``Widget``, ..., ``Widget2``)."""
    names = ["Error", "ValidationError"]
    for index in range(count - 2):
        noun, round_ = _NOUNS[index % len(_NOUNS)], index // len(_NOUNS)
        names.append(noun.title() + (str(round_ + 1) if round_ else ""))
    return names[:count]


def _error_schemas() -> dict[str, Any]:
    return {
        "Error": {
            "type": "object",
            "description": "What went wrong.",
            "required": ["message"],
            "properties": {
                "message": {"type": "string"},
                "documentation_url": {"type": "string", "format": "uri"},
                "request_id": {"type": "string", "nullable": True},
            },
        },
        "ValidationError": {
            "type": "object",
            "description": "The request's fields the server refused, and why.",
            "required": ["message", "errors"],
            "properties": {
                "message": {"type": "string"},
                "errors": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["code"],
                        "properties": {
                            "resource": {"type": "string"},
                            "field": {"type": "string"},
                            "code": {"type": "string"},
                        },
                    },
                },
            },
        },
    }


class _Schemas:
    """The component schemas, built in order; each refers only to earlier ones, but for the
    cycles, which are made on purpose."""

    def __init__(self, count: int, rng: random.Random) -> None:
        self.rng = rng
        self.names = _names(count)
        self.schemas: dict[str, Any] = _error_schemas() if count >= 2 else {}
        self.plain: list[str] = []  # the plain objects: what resources are about
        for index in range(len(self.schemas), count):
            self.schemas[self.names[index]] = self._schema(index)

    def kind(self, index: int) -> int:
        kind = (index - 2) % _KINDS
        # a base needs its two children after it, a union its two variants
        if kind in (_BASE, _UNION) and index + 2 >= len(self.names):
            return _KINDS - 1
        if kind in (_CHILD_A, _CHILD_B, _VARIANT_A, _VARIANT_B):
            head = index - (kind - (_BASE if kind < _UNION else _UNION))
            if self.kind(head) != (_BASE if kind < _UNION else _UNION):
                return _KINDS - 1
        return kind

    def _earlier(self, index: int) -> str:
        """A schema before this one (near it more often than not, as in real documents)."""
        if index <= 2:
            return "Error"
        low = max(2, index - 50) if self.rng.random() < 0.7 else 2
        return self.names[self.rng.randrange(low, index)]

    def _schema(self, index: int) -> dict[str, Any]:
        kind, name = self.kind(index), self.names[index]
        if kind == _ENUM:
            values = self.rng.sample(_STATES, self.rng.randint(3, 6))
            return {"type": "string", "description": f"The {name} states.", "enum": values}
        if kind == _BASE:
            mapping = {self._value(index + n): _PREFIX + self.names[index + n] for n in (1, 2)}
            return {
                "type": "object",
                "description": f"Any {name}; ``kind`` tells which.",
                "required": ["kind", "id"],
                "properties": {
                    "kind": {"type": "string"},
                    "id": {"type": "string"},
                    "created_at": {"type": "string", "format": "date-time"},
                },
                "discriminator": {"propertyName": "kind", "mapping": mapping},
            }
        if kind in (_CHILD_A, _CHILD_B):
            base = self.names[index - (kind - _BASE)]
            return {"allOf": [_ref(base), self._object(index, fields=3)]}
        if kind == _UNION:
            variants = [self.names[index + n] for n in (1, 2)]
            return {
                "description": f"A {name}: one of two shapes, told apart by ``type``.",
                "oneOf": [_ref(v) for v in variants],
                "discriminator": {
                    "propertyName": "type",
                    "mapping": {
                        self._value(index + n): _PREFIX + self.names[index + n] for n in (1, 2)
                    },
                },
            }
        if kind in (_VARIANT_A, _VARIANT_B):
            variant = self._object(index, fields=3)
            variant["required"] = ["type", *variant.get("required", [])]
            variant["properties"] = {
                "type": {"type": "string", "enum": [self._value(index)]},
                **variant["properties"],
            }
            return variant
        if kind == _EXTENDED:
            return {"allOf": [_ref(self._earlier(index)), self._object(index, fields=4)]}
        self.plain.append(name)
        return self._plain(index)

    def _value(self, index: int) -> str:
        return self.names[index].lower()

    def _object(self, index: int, fields: int) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        for field in self.rng.sample(_FIELDS, fields):
            properties[field] = {"type": "string", "description": f"The {field.replace('_', ' ')}."}
        required = sorted(self.rng.sample(sorted(properties), fields // 2))
        return {"type": "object", "required": required, "properties": properties}

    def _plain(self, index: int) -> dict[str, Any]:
        rng, name = self.rng, self.names[index]
        schema = self._object(index, fields=rng.randint(2, 7))
        properties = {
            "id": {"type": "integer", "format": "int64"},
            "node_id": {"type": "string"},
            **schema["properties"],
            "created_at": {"type": "string", "format": "date-time"},
            "updated_at": {"type": "string", "format": "date-time", "nullable": True},
            "score": {"type": "number", "nullable": True},
            "enabled": {"type": "boolean", "default": True},
            "state": {"type": "string", "enum": rng.sample(_STATES, 3)},
            "owner": _ref(self._earlier(index)),
            "members": {"type": "array", "items": _ref(self._earlier(index))},
            "labels": {"type": "array", "items": {"type": "string"}},
            "extra": {"type": "object", "additionalProperties": {"type": "string"}},
            "settings": {
                "type": "object",
                "description": "Settings of their own: an object within the object.",
                "properties": {
                    "visibility": {"type": "string", "enum": ["public", "private", "internal"]},
                    "limits": {
                        "type": "object",
                        "properties": {
                            "max_items": {"type": "integer", "minimum": 0},
                            "window": {"type": "string"},
                        },
                    },
                },
            },
        }
        for optional in rng.sample(["score", "labels", "extra", "settings", "members"], 2):
            del properties[optional]
        # a few cycles: every 25th plain object refers to itself, every 50th and the next plain
        # one to each other
        number = len(self.plain) - 1
        if number % 25 == 3:
            properties["parent"] = {"allOf": [_ref(name)], "nullable": True}
        if number % 50 == 10 and index + 1 < len(self.names) and self.kind(index + 1) >= _PLAIN:
            properties["related"] = _ref(self.names[index + 1])
        if number % 50 == 11 and self.kind(index - 1) >= _PLAIN:
            properties["related"] = {"type": "array", "items": _ref(self.names[index - 1])}
        return {
            "type": "object",
            "description": f"A {name.lower()}.",
            "required": sorted({"id", "node_id", "created_at", *schema["required"]}),
            "properties": properties,
        }


def _error_answers() -> dict[str, Any]:
    def answer(description: str, schema: str) -> dict[str, Any]:
        return {
            "description": description,
            "content": {"application/json": {"schema": _ref(schema)}},
        }

    return {
        "bad_request": answer("Bad request", "Error"),
        "not_found": answer("Resource not found", "Error"),
        "forbidden": answer("Forbidden", "Error"),
        "validation_failed": answer("Validation failed", "ValidationError"),
    }


def _shared_parameters() -> dict[str, Any]:
    return {
        "per-page": {
            "name": "per_page",
            "in": "query",
            "description": "Results per page (at most 100).",
            "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 30},
        },
        "page": {
            "name": "page",
            "in": "query",
            "description": "The page of results to fetch.",
            "schema": {"type": "integer", "minimum": 1, "default": 1},
        },
    }


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def _errors(*names: str) -> dict[str, Any]:
    codes = {"bad_request": "400", "forbidden": "403", "not_found": "404"}
    codes["validation_failed"] = "422"
    return {codes[n]: {"$ref": f"#/components/responses/{n}"} for n in names}


class _Operations:
    """The paths, a tag at a time: its collection, its items, then sub-collections."""

    def __init__(self, count: int, schemas: _Schemas, rng: random.Random) -> None:
        self.rng, self.schemas = rng, schemas
        self.paths: dict[str, dict[str, Any]] = {}
        self.tags: list[dict[str, str]] = []
        left = count
        while left > 0:
            size = min(left, rng.randint(10, 20))
            self._tag(len(self.tags), size)
            left -= size

    def _about(self, tag: int) -> str:
        plain = self.schemas.plain or list(self.schemas.schemas)
        return plain[tag % len(plain)]

    def _tag(self, number: int, size: int) -> None:
        noun, round_ = _NOUNS[number % len(_NOUNS)], number // len(_NOUNS)
        tag = _plural(noun) + (str(round_ + 1) if round_ else "")
        self.tags.append({"name": tag, "description": f"Manage {_plural(noun)}."})
        about, item = self._about(number), f"{noun}_id"
        collection, member = f"/{tag}", f"/{tag}/{{{item}}}"
        operations = [
            (collection, "get", self._list(tag, "list", about)),
            (collection, "post", self._write(tag, "create", about, "201")),
            (member, "get", self._read(tag, "get", about)),
            (member, "patch", self._write(tag, "update", about, "200")),
            (member, "delete", self._delete(tag, "delete")),
        ]
        subs = self.rng.sample([n for n in _NOUNS if n != noun], 8)
        for sub in subs:
            sub_about = self.rng.choice(self.schemas.plain or [about])
            nested = f"{member}/{_plural(sub)}"
            sub_member = f"{nested}/{{{sub}_id}}"
            operations += [
                (nested, "get", self._list(tag, f"list-{_plural(sub)}", sub_about)),
                (nested, "post", self._write(tag, f"add-{sub}", sub_about, "201")),
                (sub_member, "get", self._read(tag, f"get-{sub}", sub_about)),
                (sub_member, "put", self._write(tag, f"replace-{sub}", sub_about, "200")),
                (sub_member, "delete", self._delete(tag, f"remove-{sub}")),
            ]
        for path, method, operation in operations[:size]:
            in_path = [
                {"name": p, "in": "path", "required": True, "schema": {"type": "string"}}
                for p in re.findall(r"\{(\w+)\}", path)
            ]
            if in_path or "parameters" in operation:
                operation["parameters"] = in_path + operation.get("parameters", [])
            self.paths.setdefault(path, {})[method] = operation

    def _operation(self, tag: str, name: str, summary: str) -> dict[str, Any]:
        return {"tags": [tag], "operationId": f"{tag}/{name}", "summary": summary}

    def _list(self, tag: str, name: str, about: str) -> dict[str, Any]:
        operation = self._operation(tag, name, f"List {about.lower()}s")
        operation["parameters"] = [
            {"$ref": "#/components/parameters/per-page"},
            {"$ref": "#/components/parameters/page"},
            {
                "name": "sort",
                "in": "query",
                "schema": {"type": "string", "enum": ["created", "updated"], "default": "created"},
            },
            {
                "name": "q",
                "in": "query",
                "description": "Search terms.",
                "schema": {"type": "string"},
            },
        ]
        items = {"type": "array", "items": _ref(about)}
        if self.rng.random() < 0.3:  # some answer a page object, as GitHub's searches do
            items = {
                "type": "object",
                "required": ["total_count", "items"],
                "properties": {"total_count": {"type": "integer"}, "items": items},
            }
        operation["responses"] = {
            "200": {"description": "OK", **_json(items)},
            **_errors("forbidden"),
        }
        return operation

    def _read(self, tag: str, name: str, about: str) -> dict[str, Any]:
        operation = self._operation(tag, name, f"Get a {about.lower()}")
        operation["responses"] = {
            "200": {"description": "OK", **_json(_ref(about))},
            **_errors("forbidden", "not_found"),
        }
        return operation

    def _write(self, tag: str, name: str, about: str, status: str) -> dict[str, Any]:
        operation = self._operation(tag, name, f"Write a {about.lower()}")
        operation["requestBody"] = {"required": True, **_json(_ref(about))}
        operation["responses"] = {
            status: {"description": "Written", **_json(_ref(about))},
            **_errors("bad_request", "not_found", "validation_failed"),
        }
        return operation

    def _delete(self, tag: str, name: str) -> dict[str, Any]:
        operation = self._operation(tag, name, "Delete it")
        operation["responses"] = {
            "204": {"description": "Deleted"},
            **_errors("forbidden", "not_found"),
        }
        return operation


def build(operations: int = OPERATIONS, schemas: int = SCHEMAS, seed: int = SEED) -> dict[str, Any]:
    """The document: ``operations`` operations, ``schemas`` component schemas."""
    rng = random.Random(seed)
    components = _Schemas(schemas, rng)
    paths = _Operations(operations, components, rng)
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Synthetic API",
            "version": "1.0.0",
            "description": f"{operations} operations and {schemas} schemas (seed {seed}).",
        },
        "servers": [{"url": "https://api.example.com/v1"}],
        "security": [{"bearer": []}],
        "tags": paths.tags,
        "paths": paths.paths,
        "components": {
            "schemas": components.schemas,
            "parameters": _shared_parameters(),
            "responses": _error_answers(),
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }


def sample(document: dict[str, Any], schema: dict[str, Any]) -> Any:
    """The least JSON a server may answer for ``schema`` (of this module's shapes): the
    required fields only, the first of each choice."""
    if "$ref" in schema:
        return sample(document, document["components"]["schemas"][schema["$ref"].split("/")[-1]])
    if "allOf" in schema:
        return {k: v for part in schema["allOf"] for k, v in sample(document, part).items()}
    if "oneOf" in schema:
        return sample(document, schema["oneOf"][0])
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema["type"]
    if kind == "object":
        properties = schema.get("properties", {})
        return {name: sample(document, properties[name]) for name in schema.get("required", [])}
    if kind == "string":
        return "2026-12-01T00:00:00Z" if schema.get("format") == "date-time" else "x"
    scalars: dict[str, Any] = {"integer": 1, "number": 1.5, "boolean": True, "array": []}
    return scalars[kind]


def first_call(document: dict[str, Any]) -> tuple[str, str, str, Any]:
    """The bench's first call on the package: the first tag's ``get`` of one item, as
    (tag, operationId, its path parameter, an answer the package accepts)."""
    tag = document["tags"][0]["name"]
    path, item = next(
        (path, item)
        for path, item in document["paths"].items()
        if item.get("get", {}).get("operationId") == f"{tag}/get"
    )
    parameter = re.findall(r"\{(\w+)\}", path)[0]
    answer = item["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    return tag, f"{tag}/get", parameter, sample(document, answer)


def main(arguments: list[str]) -> None:
    operations, schemas, out = int(arguments[0]), int(arguments[1]), Path(arguments[2])
    seed = int(arguments[3]) if len(arguments) > 3 else SEED
    out.write_text(json.dumps(build(operations, schemas, seed)), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
