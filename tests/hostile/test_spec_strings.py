"""Hostile strings in every place a spec string reaches generated code (issue #11, item 1).

Server URL and variables (enum values, defaults, descriptions), enum values, defaults,
examples, x-job and x-pagination values, header and media-type names, status codes and
security scheme header names: each hostile string goes everywhere at once, and the package
must import, pass ruff, construct its clients (with and without server variables) and run no
payload (harness.judge).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.hostile.harness import judge
from tests.hostile.strategies import PAYLOAD

HOSTILE = {
    "payload-in-braces": "{" + PAYLOAD + "}",
    "payload": PAYLOAD,
    "quotes": "x'\"y",
    "braces": "{{a}} {b} }{",
    "backslashes": "a\\b\\",
    "newline": "a\nb\r\nc",
    "triple-quote": '"""' + PAYLOAD + '"""',
    "unicode-digits": "²³",
}


def _spec(text: str) -> dict[str, Any]:
    pointer = "/" + text.replace("~", "~0").replace("/", "~1")
    job = {
        "type": "object",
        "properties": {"id": {"type": "string"}, "state": {"type": "string"}},
        "x-job": {
            "name": text,
            "status": pointer,
            "success": [text],
            "failure": [text + "!"],
            "finished-when-set": pointer,
            "progress": {"percent": pointer, "processed": pointer, "total": pointer},
            "id-field": pointer,
            "read": {
                "operation": "listJobs",
                "parameter": "query",
                "template": text + "{id}" + text,
                "language": "cql",
                "items": pointer,
            },
        },
    }
    thing = {
        "type": "object",
        "description": text,
        "properties": {
            "kind": {"type": "string", "enum": [text, text + "2"], "default": text},
            "note": {"type": "string", "default": text, "example": text},
            text: {"type": "integer", "default": 1, "description": text},
        },
        "example": {"note": text},
    }
    answer = {"application/json": {"schema": {"$ref": "#/components/schemas/Job"}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": text, "version": "1", "description": text},
        "servers": [
            {
                "url": "https://{region}.example.org/" + text + "/{version}",
                "description": text,
                "variables": {
                    # the default is not in the enum: Client() without arguments refuses it
                    "region": {"enum": [text, "eu"], "default": text + "?", "description": text},
                    "version": {"default": text, "description": text},
                },
            }
        ],
        "paths": {
            "/jobs": {
                "get": {
                    "operationId": "listJobs",
                    "summary": text,
                    "x-pagination": {"offset": "offset", "limit": "limit", "items": pointer},
                    "parameters": [
                        {"name": "query", "in": "query", "schema": {"type": "string"}},
                        {"name": "offset", "in": "query", "schema": {"type": "integer"}},
                        {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                        {"name": text, "in": "header", "schema": {"type": "string"}},
                        {
                            "name": "kind",
                            "in": "query",
                            "schema": {"type": "string", "enum": [text], "default": text},
                            "example": text,
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": text,
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            text: {
                                                "type": "array",
                                                "items": {"$ref": "#/components/schemas/Job"},
                                            }
                                        },
                                    },
                                    "example": {text: []},
                                }
                            },
                        },
                        "2XX": {"description": text, "content": answer},
                        "default": {"description": text, "content": answer},
                    },
                }
            },
            "/things": {
                "post": {
                    "operationId": "postThing",
                    "requestBody": {
                        "content": {
                            "application/vnd." + text + "+json": {
                                "schema": {"$ref": "#/components/schemas/Thing"},
                                "example": {"note": text},
                            },
                            "application/xml": {"schema": {"$ref": "#/components/schemas/Thing"}},
                        }
                    },
                    "responses": {"201": {"description": text, "content": answer}},
                }
            },
        },
        "components": {
            "schemas": {"Job": job, "Thing": thing},
            "securitySchemes": {
                "key": {"type": "apiKey", "in": "header", "name": text, "x-value-prefix": text}
            },
        },
        "security": [{"key": []}],
        "x-extension": text,
    }


@pytest.mark.parametrize("text", list(HOSTILE.values()), ids=list(HOSTILE))
def test_a_hostile_string_everywhere_a_spec_string_reaches_code(text: str, tmp_path: Path) -> None:
    spec = yaml.safe_dump(_spec(text), allow_unicode=True)
    assert judge(spec, ".yaml", tmp_path) == "generated"
    client = (tmp_path / "out/hostile/src/hostile/_client.py").read_text(encoding="utf-8")
    assert "_unknown(" in client  # the enum is checked, the payload inert


@pytest.mark.parametrize("status", ["²00", "2²0", "٢٠٠"])
def test_a_unicode_digit_status_is_never_printed_as_a_number(status: str, tmp_path: Path) -> None:
    spec = _spec("x")
    spec["paths"]["/jobs"]["get"]["responses"][status] = {"description": "odd"}
    outcome = judge(yaml.safe_dump(spec, allow_unicode=True), ".yaml", tmp_path)
    assert outcome in ("generated", "refused")
