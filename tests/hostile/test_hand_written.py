"""Hostile specs written by hand: the cases a random search finds rarely or too slowly."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.hostile.harness import judge
from tests.hostile.strategies import PAYLOAD


def _document(schemas: dict[str, Any], paths: dict[str, Any] | None = None) -> dict[str, Any]:
    answer = {"$ref": "#/components/schemas/A"}
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": paths
        or {
            "/a": {
                "get": {
                    "operationId": "getA",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": answer}},
                        }
                    },
                }
            }
        },
        "components": {"schemas": schemas},
    }


def _nested(depth: int) -> str:
    inner = '{"type": "object"}'
    for _ in range(depth):
        inner = '{"type": "object", "properties": {"a": ' + inner + "}}"
    return json.dumps(_document({"A": "@"})).replace('"@"', inner)


def _alias_bomb() -> str:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for index in range(1, 10):
        previous, name = chr(96 + index), chr(97 + index)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    bomb = "\n".join("  " + line for line in lines)
    return "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\nx-bomb:\n" + bomb + "\n"


_SAME_ID = {"operationId": "same", "responses": {"200": {"description": "ok"}}}

REFUSED = [
    (
        "self-reference",
        json.dumps(_document({"A": {"$ref": "#/components/schemas/A"}})),
        ".json",
        "reference cycle: #/components/schemas/A -> #/components/schemas/A",
    ),
    (
        "reference-cycle",
        json.dumps(
            _document(
                {"A": {"$ref": "#/components/schemas/B"}, "B": {"$ref": "#/components/schemas/A"}}
            )
        ),
        ".json",
        "reference cycle",
    ),
    (
        "outside-the-folder",
        json.dumps(_document({"A": {"$ref": "../secret.json#/x"}})),
        ".json",
        "escapes the source folder",
    ),
    (
        "absolute-path",
        json.dumps(_document({"A": {"$ref": "/etc/passwd"}})),
        ".json",
        "escapes the source folder",
    ),
    (
        "https-reference",
        json.dumps(_document({"A": {"$ref": "https://example.org/a.json"}})),
        ".json",
        "is not fetched",
    ),
    ("yaml-alias-bomb", _alias_bomb(), ".yaml", "alias bomb"),
    ("deep-nesting", _nested(3000), ".json", "nests too deeply"),
    (
        "duplicate-operation-ids",
        json.dumps(
            _document({"A": {"type": "object"}}, {"/a": {"get": _SAME_ID}, "/b": {"get": _SAME_ID}})
        ),
        ".json",
        "operationId 'same' is used twice",
    ),
    ("not-json", '{"openapi": "3.0.3", ', ".json", "invalid JSON"),
    ("not-a-mapping", "- just\n- a list\n", ".yaml", "api.yaml"),
]


@pytest.mark.parametrize(
    ("text", "suffix", "message"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED]
)
def test_refused_in_one_line_and_quickly(
    text: str, suffix: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    started = time.monotonic()
    assert judge(text, suffix, tmp_path) == "refused"
    assert time.monotonic() - started < 10
    # judge() read the message already; run once more to see it
    assert message in _message(text, suffix, tmp_path / "again")


def _message(text: str, suffix: str, root: Path) -> str:
    import contextlib
    import io

    from generator.cli import main

    root.mkdir()
    spec = root / f"api{suffix}"
    spec.write_text(text, encoding="utf-8")
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        main(["generate", str(spec), "-o", str(root / "out"), "--package", "p"])
    return stderr.getvalue()


def _everything_hostile() -> dict[str, Any]:
    """One spec with every kind of hostile name and text at once."""
    names = [
        "class",
        "None",
        "__init__",
        "1st",
        "fooBar",
        "foo_bar",
        "foo-bar",
        "model_config",
        "self",
        "list",
        "ünïcödé",
        "a" * 120,
        f'x"); {PAYLOAD} #',
    ]
    texts = ['"""', "\\", "{{ x }}", "{% if %}", "</script>", "NUL\x00", PAYLOAD, "ends\\"]
    properties = {
        name: {"type": "string", "description": texts[i % len(texts)]}
        for i, name in enumerate(names)
    }
    properties["kind"] = {"type": "string", "enum": ["a b", "a-b", "a_b", "", "None", "1", PAYLOAD]}
    properties["child"] = {"$ref": "#/components/schemas/class"}
    schema = {"type": "object", "description": texts[0] + texts[6], "properties": properties}
    operations = {}
    plan = [
        ("getThing", "close"),
        ("get_thing", "close"),
        ("GetThing", "close"),
        ("with_raw_response", "fooBar"),
        ("iter_things", "foo-bar"),
        # classes named as the runtime's resource bases: AsyncResource, SyncResource
        ("listAsync", "async"),
        ("listSync", "sync"),
    ]
    for index, (operation_id, tag) in enumerate(plan):
        operations[f"/t{index}"] = {
            "get": {
                "operationId": operation_id,
                "tags": [tag],
                "summary": texts[index],
                "description": texts[-1 - index],
                "parameters": [
                    {"name": n, "in": "query", "schema": {"type": "string"}} for n in names
                ],
                "responses": {
                    "200": {
                        "description": PAYLOAD,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/class"}}
                        },
                    }
                },
            }
        }
    return {
        "openapi": "3.1.0",
        "info": {"title": '"""' + PAYLOAD, "version": "1", "description": "{{ 7*7 }}"},
        "servers": [{"url": "https://api.example.org"}],
        "paths": operations,
        "components": {"schemas": {"class": schema}},
    }


def test_every_hostile_name_and_text_at_once(tmp_path: Path) -> None:
    text = yaml.safe_dump(_everything_hostile(), allow_unicode=True)
    assert judge(text, ".yaml", tmp_path) == "generated"
    resources = (tmp_path / "out/hostile/src/hostile/resources.py").read_text()
    # operationIds that collide once snake-cased become distinct methods, none shadowed
    for name in (
        "def get_thing(",
        "def get_thing_2(",
        "def get_thing_3(",
        "def with_raw_response_(",
    ):
        assert resources.count(name) == 2  # sync and async
    # tags that collide become distinct classes, the async twins included
    for name in ("class FooBarResource(", "class FooBarResource_2(", "class AsyncFooBarResource("):
        assert resources.count(name) == 1
    for name in ("class AsyncResource(", "class SyncResource(", "class AsyncSyncResource("):
        assert resources.count(name) == 1  # the bases are reached as _resource.<name>
    client = (tmp_path / "out/hostile/src/hostile/_client.py").read_text()
    assert "self.close_2 = " in client  # a tag named `close` does not replace close()


@pytest.mark.parametrize("text", [" \n0", "a  \n\t\n b\t", "x\r\ny \r\nz"], ids=repr)
def test_texts_with_trailing_whitespace_on_a_line_make_clean_docstrings(
    text: str, tmp_path: Path
) -> None:
    # Found by the long hostile profile: a tag description " \n0" left `""" ` in an attribute
    # docstring, which ruff format does not touch, and ruff check refused (W291).
    paths = {
        "/a": {
            "get": {
                "operationId": "getA",
                "tags": ["things"],
                "summary": text,
                "description": text,
                "responses": {"200": {"description": text}},
            }
        }
    }
    spec = _document({"A": {"type": "object", "description": text}}, paths)
    spec["tags"] = [{"name": "things", "description": text}]
    spec["info"]["description"] = text
    assert judge(json.dumps(spec), ".json", tmp_path) == "generated"
