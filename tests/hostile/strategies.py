"""Hypothesis strategies for specs written to hurt a code generator.

Names are Python keywords, builtins, dunders, unicode, leading digits, very long, or collide
once snake-cased; texts carry triple quotes, backslashes, template syntax, HTML, NUL and code
meant to run; enum values are not identifiers or collide; operationIds repeat; schemas refer
to themselves and to each other.
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import strategies as st

# Code a careless generator would run: if any of it became code, importing would make a file.
PAYLOAD = "__import__('pathlib').Path('PWNED').touch()"

HOSTILE_NAMES = [
    "class",
    "def",
    "None",
    "True",
    "async",
    "await",
    "match",
    "case",
    "type",
    "lambda",
    "import",
    "return",
    "yield",
    "global",
    "self",
    "cls",
    "list",
    "dict",
    "str",
    "int",
    "id",
    "print",
    "object",
    "property",
    "super",
    "input",
    "__init__",
    "__class__",
    "__dict__",
    "__import__",
    "__all__",
    "_",
    "__",
    "ünïcödé",
    "名前",
    "Ω",
    "ﬁle",
    "1st",
    "007",
    "9lives",
    "a" * 120,
    "fooBar",
    "foo_bar",
    "FooBar",
    "foo-bar",
    "foo bar",
    "FOO_BAR",
    "model_config",
    "model_validate",
    "schema",
    "json",
    "copy",
    "fields",
    "timeout",
    "extra_headers",
    "with_raw_response",
    f'x"); {PAYLOAD} #',
    f"'; {PAYLOAD}; '",
    "{{ 7*7 }}",
    "{% raw %}",
    "</script>",
]
HOSTILE_TEXTS = [
    '"""',
    "'''",
    '""" + ' + PAYLOAD + ' + """',
    "\\",
    "\\n\\t\\x00",
    "back\\slash\\",
    "{{ config }}",
    "{% for x in y %}{% endfor %}",
    "{# comment #}",
    "</script><script>",
    "line\nbreak",
    "\r\n",
    "NUL\x00byte",
    "\u2028\u2029",
    "😀 emoji",
    "ends with \\",
    PAYLOAD,
    f"# {PAYLOAD}",
    "%s %d {0} {name}",
    "{" + PAYLOAD + "}",  # an f-string would run it
    "²³",  # digits to str.isdigit(), not to int()
]
HOSTILE_ENUM_VALUES = [
    "a b",
    "1",
    "-",
    "",
    "None",
    "class",
    "a-b",
    "a_b",
    "A_B",
    "ä",
    "__init__",
    '"',
    "\\",
    "{{x}}",
    PAYLOAD,
    "0",
    "00",
    "mro",
    "value",
    "name",
]

names = st.one_of(
    st.sampled_from(HOSTILE_NAMES),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12),
)
# Component names must match ^[a-zA-Z0-9._-]+$ in OpenAPI; hostile ones within that rule.
component_names = st.one_of(
    st.sampled_from([n for n in HOSTILE_NAMES if re.fullmatch(r"[a-zA-Z0-9._-]+", n)]),
    st.from_regex(r"[a-zA-Z0-9._-]{1,20}", fullmatch=True),
)
texts = st.one_of(
    st.sampled_from(HOSTILE_TEXTS),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40),
)


@st.composite
def _property(draw: st.DrawFn, components: list[str]) -> dict[str, Any]:
    kind = draw(st.sampled_from(["string", "integer", "enum", "ref", "array", "object"]))
    schema: dict[str, Any]
    if kind == "ref" and components:
        schema = {"$ref": "#/components/schemas/" + draw(st.sampled_from(components))}
    elif kind == "array" and components:
        target = draw(st.sampled_from(components))
        schema = {"type": "array", "items": {"$ref": f"#/components/schemas/{target}"}}
    elif kind == "enum":
        values = draw(st.lists(st.sampled_from(HOSTILE_ENUM_VALUES), min_size=1, max_size=6))
        schema = {"type": "string", "enum": values}
    elif kind == "object":
        schema = {"type": "object", "properties": {draw(names): {"type": "string"}}}
    else:
        schema = {"type": kind if kind in ("string", "integer") else "string"}
    if draw(st.booleans()):
        schema["description"] = draw(texts)
    if draw(st.booleans()) and schema.get("type") == "string" and "enum" not in schema:
        schema["example"] = draw(texts)
    return schema


@st.composite
def specs(draw: st.DrawFn) -> dict[str, Any]:
    """An OpenAPI 3.0 document: hostile components, paths and texts."""
    components = draw(st.lists(component_names, min_size=1, max_size=4, unique=True))
    schemas: dict[str, Any] = {}
    for component in components:
        properties = draw(st.dictionaries(names, _property(components), min_size=1, max_size=5))
        schema: dict[str, Any] = {"type": "object", "properties": properties}
        if draw(st.booleans()):
            schema["required"] = list(properties)[:1]
        if draw(st.booleans()):
            schema["description"] = draw(texts)
        schemas[component] = schema
    paths: dict[str, Any] = {}
    for index in range(draw(st.integers(1, 3))):
        target = draw(st.sampled_from(components))
        parameter = draw(names)
        operation = {
            # A small pool as often as not, so that ids repeat or collide once snake-cased.
            "operationId": draw(
                st.one_of(
                    st.sampled_from(["getThing", "get_thing", "GetThing", "get-thing"]), names
                )
            ),
            "summary": draw(texts),
            "description": draw(texts),
            "tags": [draw(names)],
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                {
                    "name": parameter,
                    "in": "query",
                    "description": draw(texts),
                    "schema": {"type": "string", "default": draw(texts)},
                },
                {"name": draw(names), "in": "header", "schema": {"type": "string"}},
            ],
            "responses": {
                "200": {
                    "description": draw(texts),
                    "content": {
                        "application/json": {"schema": {"$ref": f"#/components/schemas/{target}"}}
                    },
                }
            },
        }
        if draw(st.booleans()):
            operation["requestBody"] = {
                "content": {
                    "application/json": {"schema": {"$ref": f"#/components/schemas/{target}"}}
                }
            }
        paths[f"/things{index}/{{id}}"] = {draw(st.sampled_from(["get", "post", "put"])): operation}
    document = {
        "openapi": "3.0.3",
        "info": {"title": draw(texts) or "t", "version": "1", "description": draw(texts)},
        # Server variables: their enum values, defaults and descriptions reach _client.py, and
        # the harness constructs the clients with them.
        "servers": [
            {
                "url": "https://api.example.org/{" + (variable := draw(names)) + "}",
                "variables": {
                    variable: {
                        "default": draw(texts),
                        "enum": draw(st.lists(texts, min_size=1, max_size=3)),
                        "description": draw(texts),
                    }
                },
            }
        ],
        "paths": paths,
        "components": {"schemas": schemas},
    }
    # Webhooks (an OpenAPI 3.1 section, which the upgrade to 3.1 keeps): their names become
    # function names, dictionary keys and docstrings.
    webhooks = draw(st.lists(names, max_size=2, unique=True))
    if webhooks:
        document["webhooks"] = {}
        for name in webhooks:
            payload = {"$ref": f"#/components/schemas/{draw(st.sampled_from(components))}"}
            document["webhooks"][name] = {
                "post": {
                    "summary": draw(texts),
                    "description": draw(texts),
                    "requestBody": {"content": {"application/json": {"schema": payload}}},
                }
            }
    return document


# -- schema shapes ---------------------------------------------------------------------------
# Specs whose names are plain and whose schemas take every shape JSON Schema allows: the
# classes of defect here are code that does not parse, import or type-check.

# Component names: some differ only in case, one is an inline name of another's property
# (`Error.source` beside `ErrorSource`), some are builtins.
SHAPE_COMPONENTS = ["M", "m", "Error", "ErrorSource", "Node", "list", "Item", "item", "Pet"]
SHAPE_PROPERTIES = ["source", "id", "kind", "list", "type", "value", "Value", "items", "next"]
_SCALAR_TYPES = ["string", "integer", "number", "boolean", "null"]
_ENUM_VALUES = st.one_of(
    st.text(alphabet="abAB-_ 1", max_size=3), st.integers(-2, 2), st.booleans(), st.none()
)


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


@st.composite
def _leaf(draw: st.DrawFn, components: list[str]) -> Any:
    kind = draw(
        st.sampled_from(
            ["type", "format", "empty", "bool", "const", "enum", "type-list", "constrained", "ref"]
        )
    )
    if kind == "type":
        return {"type": draw(st.sampled_from(_SCALAR_TYPES))}
    if kind == "format":
        formats = ["date-time", "date", "uuid", "binary", "int64", "uri", "email", "byte"]
        return {
            "type": draw(st.sampled_from(["string", "integer"])),
            "format": draw(st.sampled_from(formats)),
        }
    if kind == "empty":
        return {}
    if kind == "bool":
        return draw(st.booleans())
    if kind == "const":
        return {"const": draw(_ENUM_VALUES)}
    if kind == "enum":  # empty, strings, integers, mixed; with a declared type or none
        schema: dict[str, Any] = {"enum": draw(st.lists(_ENUM_VALUES, max_size=4, unique=True))}
        if draw(st.booleans()):
            schema["type"] = draw(st.sampled_from(["string", "integer"]))
        return schema
    if kind == "type-list":
        types = draw(st.lists(st.sampled_from(_SCALAR_TYPES), min_size=1, max_size=3, unique=True))
        return {"type": types}
    if kind == "constrained":
        schema = {
            "type": draw(
                st.sampled_from([["integer", "number"], "number", ["string", "null"], "string"])
            )
        }
        bounds = ["minimum", "maximum", "exclusiveMinimum", "multipleOf", "maxLength", "minLength"]
        for bound in draw(st.lists(st.sampled_from(bounds), min_size=1, max_size=3, unique=True)):
            schema[bound] = draw(st.integers(1, 9))
        return schema
    return _ref(draw(st.sampled_from(components)))


def _combined(
    children: st.SearchStrategy[Any], components: list[str], bases: list[str]
) -> st.SearchStrategy[Any]:
    """One level of shape around ``children``: objects, arrays, unions, inheritance."""

    @st.composite
    def shape(draw: st.DrawFn) -> Any:
        kind = draw(st.sampled_from(["object", "array", "oneOf", "anyOf", "allOf", "nullable"]))
        if kind == "object":
            properties = draw(
                st.dictionaries(st.sampled_from(SHAPE_PROPERTIES), children, max_size=3)
            )
            schema: dict[str, Any] = {"type": "object"}
            if properties or draw(st.booleans()):
                schema["properties"] = properties
            if properties and draw(st.booleans()):
                schema["required"] = sorted(properties)[:1]
            extra = draw(st.sampled_from(["absent", "true", "false", "schema", "pattern"]))
            if extra in ("true", "false"):
                schema["additionalProperties"] = extra == "true"
            elif extra == "schema":
                schema["additionalProperties"] = draw(children)
            elif extra == "pattern":
                schema["patternProperties"] = {"^x-": draw(children)}
            return schema
        if kind == "array":
            return {"type": "array", "items": draw(children)}
        if kind in ("oneOf", "anyOf"):
            members = draw(st.lists(children, min_size=1, max_size=3))
            schema = {kind: members}
            if draw(st.booleans()):  # a discriminator over object members, or over none
                schema["discriminator"] = {"propertyName": "kind"}
            return schema
        if kind == "allOf" and bases:
            base = _ref(draw(st.sampled_from(bases)))
            own = {
                "type": "object",
                "properties": draw(
                    st.dictionaries(st.sampled_from(SHAPE_PROPERTIES), children, max_size=2)
                ),
            }
            return {"allOf": [base, own]}
        return {"anyOf": [draw(children), {"type": "null"}]}

    return shape()


def schema_shapes(components: list[str], bases: list[str]) -> st.SearchStrategy[Any]:
    """Schemas of every shape, referring to ``components`` (themselves included) and
    inheriting (allOf) from ``bases``."""
    return st.recursive(
        _leaf(components),
        lambda children: _combined(children, components, bases),
        max_leaves=6,
    )


@st.composite
def shape_specs(draw: st.DrawFn) -> dict[str, Any]:
    """An OpenAPI 3.1 document whose components, parameters and bodies take any shape."""
    components = draw(
        st.lists(st.sampled_from(SHAPE_COMPONENTS), min_size=1, max_size=4, unique=True)
    )
    # Inheritance only from components listed earlier: a class cannot inherit from itself, and
    # the validator refuses such a cycle, so examples spent on it would test nothing here.
    schemas = {
        name: draw(schema_shapes(components, components[:index]))
        for index, name in enumerate(components)
    }
    shapes = schema_shapes(components, components)
    paths: dict[str, Any] = {}
    # ids equal to builtins that annotations use, and two that collide once snake-cased
    ids = ["list", "dict", "type", "getThing", "get_thing"]
    for index, operation_id in enumerate(
        draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True))
    ):
        operation: dict[str, Any] = {
            "operationId": operation_id,
            "parameters": [
                {"name": "q", "in": "query", "schema": draw(_leaf(components))},
                {
                    "name": "ids",
                    "in": "query",
                    "schema": {"type": "array", "items": draw(_leaf(components))},
                },
            ],
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {"application/json": {"schema": draw(shapes)}},
                }
            },
        }
        if draw(st.booleans()):
            body = _ref(draw(st.sampled_from(components)))
            operation["requestBody"] = {"content": {"application/json": {"schema": body}}}
        paths[f"/things{index}"] = {draw(st.sampled_from(["get", "post"])): operation}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Shapes", "version": "1"},
        "paths": paths,
        "components": {"schemas": schemas},
    }
