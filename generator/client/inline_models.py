"""Inline request, response and webhook schemas become named components, so they get models.

The models are generated from ``components/schemas`` only, and the client types a body or an
answer as a model only where its schema is a ``$ref`` to one; an inline object answer (the
``{data: ...}`` envelope most APIs write in place) would be ``JsonValue``. Before either step,
``with_named_inline_schemas`` moves each inline JSON or XML schema of a request body, a response
or a webhook payload that is an object (with ``properties``, or an ``allOf``/``oneOf``/``anyOf``
of objects), or an array of such objects, into ``components/schemas`` and leaves a ``$ref``.

Names come from the operation id and the role, as a user would call them:

- a request body: ``<OperationId>Request``; an answer: ``<OperationId>Response`` when it is the
  operation's only 2xx answer with such a schema, else ``<OperationId><Status>Response``
  (``GetProject201Response``, ``GetProjectDefaultResponse``); a webhook payload:
  ``<Webhook>Payload``; a request body or response in ``components``: its own name, with the
  role word unless it ends with it already;
- an array's items: the array's name plus ``Item`` (``ListProjectsResponseItem``); the array
  itself stays in place, so the answer is ``list[ListProjectsResponseItem]``.

A name is never numbered (users read and import these): where it is taken by another component
(compared case- and separator-insensitively, since ``Foo`` and ``foo`` would be one file's
classes and ``get_foo``/``GetFoo`` one class name), the role word grows (``...RequestBody``,
``...ResponseBody``), then the role is said otherwise (``...Input``, ``...Answer``), then an
answer's status is added (``GetProject200Response``), then the method and path
(``GetProjectGetProjectsIdResponse``), and only then is ``Schema`` repeated at the end until
free. The order of the document decides, so the same document always gives the same names.

Form and multipart bodies are left alone: the client flattens them into keyword parameters.
Scalars, maps (``additionalProperties`` only) and objects without properties stay as they are.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from generator.client import media_types
from generator.normalize import openapi_walk
from generator.shared import pointer as json_pointer
from generator.shared.naming import spec_pascal_case

# Marks a component this module made from a request body: the body's keyword parameter and its
# XML root stay ``body``, as they were while it was inline (a component's would be its name).
INLINE_BODY = "x-inline-body"

_SCHEMA_REF = "#/components/schemas/"
_COMPOSITIONS = ("allOf", "oneOf", "anyOf")
# The ways each role is said once its first name is taken, in the order they are tried.
_ROLE_WORDS = {
    "Request": ("Request", "RequestBody", "Input"),
    "Response": ("Response", "ResponseBody", "Answer"),
    "Payload": ("Payload", "PayloadBody", "Event"),
}


def with_named_inline_schemas(document: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``document`` whose inline object bodies, answers and payloads are components."""
    result = copy.deepcopy(document)
    _Namer(result).run()
    return result


def _is_object(schema: Any) -> bool:
    """An object with properties, or a composition of objects (a ``$ref`` counts as one)."""
    if not isinstance(schema, dict) or "$ref" in schema:
        return False
    if isinstance(schema.get("properties"), dict) and schema["properties"]:
        return True
    for keyword in _COMPOSITIONS:
        members = schema.get(keyword)
        if isinstance(members, list) and members:
            objects = [m for m in members if _is_object(m)]
            references = [m for m in members if isinstance(m, dict) and "$ref" in m]
            # a oneOf/anyOf of references is a union of models already; allOf is not
            if objects or (keyword == "allOf" and references):
                return True
    return False


def _key(name: str) -> str:
    """What two component names must differ in: ``GetFoo``, ``getFoo``, ``get_foo`` are one."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


@dataclass(frozen=True)
class _Name:
    """What a moved schema is called: ``stem`` + the role's word (+ ``Item`` for an array's
    items); ``others``: words that tell it from another's, tried when the role's are taken."""

    stem: str
    role: str
    others: tuple[str, ...] = ()
    item: bool = False

    def items(self) -> _Name:
        return replace(self, item=True)

    def candidates(self) -> list[str]:
        words = _ROLE_WORDS[self.role]
        suffix = "Item" if self.item else ""
        stems = [self.stem, *(self.stem + other for other in self.others)]
        return [stem + word + suffix for stem in stems for word in words]


class _Namer:
    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        components = document.setdefault("components", {})
        self.schemas: dict[str, Any] = components.setdefault("schemas", {})
        self.taken = {_key(name) for name in self.schemas}

    def run(self) -> None:
        components = self.document["components"]
        for name, body in (components.get("requestBodies") or {}).items():
            self.content(body, _Name(_stem(str(name), "Request"), "Request"), body=True)
        for name, response in (components.get("responses") or {}).items():
            self.content(response, _Name(_stem(str(name), "Response"), "Response"))
        for path, item in (self.document.get("paths") or {}).items():
            for method, _keys, operation in openapi_walk.operations(item):
                self.operation(operation, f"{method.lower()} {path}")
        for name, item in (self.document.get("webhooks") or {}).items():
            for method, _keys, operation in openapi_walk.operations(item):
                payload = _Name(spec_pascal_case(str(name)), "Payload")
                self.content(operation.get("requestBody"), payload, body=True)
                self.operation(operation, f"{method.lower()} {name}", bodies=False)

    def operation(self, operation: dict[str, Any], where: str, bodies: bool = True) -> None:
        """Name an operation's inline schemas; ``where`` (method and path) is its stand-in
        for a missing operation id and the words that tell two of one id apart."""
        stem = spec_pascal_case(str(operation.get("operationId") or where))
        place = spec_pascal_case(where)
        if bodies:
            self.content(operation.get("requestBody"), _Name(stem, "Request", (place,)), body=True)
        responses = operation.get("responses")
        if not isinstance(responses, dict):
            return
        named = [s for s, r in responses.items() if self.inline(r)]
        successes = [s for s in named if str(s).startswith("2")]
        for status in named:
            said = _status(str(status))
            if successes == [status]:  # the answer: its status only once its name is taken
                name = _Name(stem, "Response", (said, place))
            else:
                name = _Name(stem + said, "Response", (place,))
            self.content(responses[status], name)

    def inline(self, holder: Any) -> bool:
        """Whether a request body or response holds a schema this module names."""
        return any(_is_object(s) or _is_object(_items(s)) for s in _schemas(holder))

    def content(self, holder: Any, name: _Name, body: bool = False) -> None:
        """Name the inline schemas of a request body or response (``body``: a request's)."""
        moved: list[tuple[Any, dict[str, str]]] = []  # an equal schema in another media type
        for media in _media(holder):
            schema: Any = media.get("schema")
            for original, reference in moved:
                if schema == original:
                    media["schema"] = copy.deepcopy(reference)
                    break
            else:
                if _is_object(schema):
                    media["schema"] = self.move(schema, name, body)
                    moved.append((schema, media["schema"]))
                elif _is_object(_items(schema)):
                    schema["items"] = self.move(schema["items"], name.items(), False)

    def move(self, schema: dict[str, Any], name: _Name, body: bool) -> dict[str, str]:
        chosen = self.free(name)
        self.taken.add(_key(chosen))
        self.schemas[chosen] = {**schema, INLINE_BODY: True} if body else schema
        return {"$ref": _SCHEMA_REF + json_pointer.escape(chosen)}

    def free(self, name: _Name) -> str:
        """The first of ``name``'s candidates no component has; else the last, with
        ``Schema`` added until free (the taken names are finite)."""
        candidates = name.candidates()
        candidate = next((c for c in candidates if _key(c) not in self.taken), candidates[-1])
        while _key(candidate) in self.taken:
            candidate += "Schema"
        return candidate


def _stem(name: str, role: str) -> str:
    """A component's stem: its name, without the role word it may end with already."""
    return spec_pascal_case(name).removesuffix(role)


def _status(status: str) -> str:
    """How a status is said in a name: ``201``, ``4XX``, ``Default``."""
    return status.upper() if status[:1].isdigit() else spec_pascal_case(status)


def _media(holder: Any) -> Iterator[dict[str, Any]]:
    """The JSON and XML media type objects of a request body or response written in place."""
    if not isinstance(holder, dict) or "$ref" in holder:
        return
    for media_type, media in (holder.get("content") or {}).items():
        if media_types.kind(str(media_type)) in ("json", "xml") and isinstance(media, dict):
            yield media


def _schemas(holder: Any) -> Iterator[Any]:
    for media in _media(holder):
        yield media.get("schema")


def _items(schema: Any) -> Any:
    """The items of an array written in place (``items`` of an object is no array's)."""
    if not isinstance(schema, dict) or "$ref" in schema:
        return None
    kind = schema.get("type")
    if kind == "array" or (isinstance(kind, list) and "array" in kind):
        return schema.get("items")
    return None
