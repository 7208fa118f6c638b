from __future__ import annotations

import copy
import json
import time
from pathlib import Path
from typing import Any

import pytest

from generator.normalize import normalize
from generator.normalize.normalize import normalize_source
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


def test_the_file_of_an_invalid_example_is_named_after_a_pass_copies_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Where an example came from was a table keyed by id() of the value: a pass that copied
    # the document made the warning name api.yaml instead of the example's own file.
    original = normalize.pin_discriminator_values

    def copying_pass(document: dict[str, Any], *args: Any) -> None:
        original(document, *args)
        document.update(copy.deepcopy(document))

    monkeypatch.setattr(normalize, "pin_discriminator_values", copying_pass)
    write_tree(
        tmp_path,
        {
            "api.yaml": _api({"$ref": "examples/errors.sample"}),
            "errors.json": _ERRORS,
            "examples/errors.sample": {"errors": [{"type": "1"}]},
        },
    )
    result = normalize_source(tmp_path / "api.yaml")
    [message] = [str(w) for w in result.warnings.items]
    assert "examples/errors.sample" in message
    assert "x-generator-example-origin" not in json.dumps(result.document)


def test_an_invalid_example_equal_to_another_files_example_names_its_own_file(
    tmp_path: Path,
) -> None:
    # id() of a small int is the same everywhere: the root file's invalid 7 was reported as
    # coming from the file whose valid 7 was noted.
    write_tree(
        tmp_path,
        {
            "api.yaml": """openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /a:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: integer}
              example: {$ref: seven.json}
  /b:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: integer, maximum: 3}
              example: 7
""",
            "seven.json": 7,
        },
    )
    result = normalize_source(tmp_path / "api.yaml")
    [warning] = result.warnings.items
    assert "api.yaml" in str(warning) and "seven.json" not in str(warning)
    assert "/paths/~1b/get/responses/200/content/application~1json/example" in str(warning)


def test_a_pattern_that_backtracks_checks_an_example_in_linear_time(tmp_path: Path) -> None:
    # BeezUP's `([\/\w \.-]*)*\/?$`: Python's re takes exponential time on a text it does not
    # match, and normalizing hung; examples are checked with the models' (Rust) regex engine.
    api = """openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Name:
      type: string
      pattern: '^(a+)+$'
      example: aaaaaaaaaaaaaaaaaaaaaaaaaaa!
    Code:
      type: string
      pattern: '^[A-Z]{3}$'
      example: EUR
"""
    write_tree(tmp_path, {"api.yaml": api})
    started = time.monotonic()
    result = normalize_source(tmp_path / "api.yaml")
    assert time.monotonic() - started < 2
    schemas = result.document["components"]["schemas"]
    assert "examples" not in schemas["Name"] and schemas["Code"]["examples"] == ["EUR"]
    assert ["does not match" in str(w) for w in result.warnings.items] == [True]
