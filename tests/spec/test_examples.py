from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.spec.normalize import normalize_source
from tests.conftest import write_tree

_ERRORS = {
    "type": "object",
    "properties": {
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"type": {"type": "string", "enum": ["ERROR", "WARNING"]}},
            },
        }
    },
}


def _api(example_value: Any) -> str:
    import json

    return f"""openapi: 3.0.3
info: {{title: t, version: "1"}}
paths:
  /a:
    get:
      responses:
        "400":
          description: bad
          content:
            application/json:
              schema: {{$ref: errors.json}}
              example: {{$ref: "#/components/examples/errors"}}
  /b:
    get:
      responses:
        "500":
          description: bad
          content:
            application/json:
              schema: {{$ref: errors.json}}
              examples:
                errors: {{$ref: "#/components/examples/errors"}}
components:
  examples:
    errors:
      value: {json.dumps(example_value)}
"""


def test_an_invalid_example_file_is_dropped_everywhere_with_its_file_named(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "api.yaml": _api({"$ref": "examples/errors.sample"}),
            "errors.json": _ERRORS,
            "examples/errors.sample": {"errors": [{"type": "1"}]},
        },
    )
    result = normalize_source(tmp_path / "api.yaml")
    document = result.document
    for path, status in (("/a", "400"), ("/b", "500")):
        media = document["paths"][path]["get"]["responses"][status]["content"]["application/json"]
        assert "example" not in media and "examples" not in media
    assert "examples" not in document["components"]
    messages = [str(w) for w in result.warnings.items]
    assert len(messages) == 1
    assert "examples/errors.sample" in messages[0]
    assert "'1' is not one of ['ERROR', 'WARNING'] (at /errors/0/type)" in messages[0]


def test_a_valid_example_is_kept(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {"api.yaml": _api({"errors": [{"type": "ERROR"}]}), "errors.json": _ERRORS},
    )
    result = normalize_source(tmp_path / "api.yaml")
    media = result.document["paths"]["/b"]["get"]["responses"]["500"]["content"]["application/json"]
    assert media["examples"] == {"errors": {"$ref": "#/components/examples/errors"}}
    assert result.document["components"]["examples"]["errors"]["value"] == {
        "errors": [{"type": "ERROR"}]
    }
    assert result.warnings.items == []


def test_invalid_schema_examples_are_dropped_and_valid_ones_kept(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "api.yaml": """openapi: 3.1.0
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Count:
      type: integer
      minimum: 0
      examples: [3, -1]
""",
        },
    )
    result = normalize_source(tmp_path / "api.yaml")
    assert result.document["components"]["schemas"]["Count"]["examples"] == [3]
    assert "#/components/schemas/Count/examples/1" in str(result.warnings.items[0])
