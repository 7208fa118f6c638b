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
