"""``diff`` of Swagger 2.0 and RAML files: each change is placed in the file the user wrote."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.sources.source_files import LineIndex
from tests.changes.test_diff_command import _run
from tests.conftest import PROJECT

KENNEL = PROJECT / "tests" / "sources" / "swagger2_cases" / "kennel.yaml"

_RAML = """#%RAML 1.0
title: Things
baseUri: https://api.example.org
mediaType: application/json
types:
  Thing:
    type: object
    properties:
      id: string
      note?: string
/things:
  get:
    queryParameters:
      pageSize:
        type: integer
        description: page size
    responses:
      200:
        body:
          application/json:
            type: Thing[]
  /{id}:
    get:
      responses:
        200:
          body:
            application/json:
              type: Thing
"""


def _changes(*arguments: str) -> list[dict[str, Any]]:
    result = _run(*arguments, "--format", "json", "--no-client")
    [report] = json.loads(result.stdout)["reports"]
    changes: list[dict[str, Any]] = report["changes"]
    assert changes, result.stdout + result.stderr
    return changes


def _assert_placed_in_the_users_file(changes: list[dict[str, Any]], files: dict[str, Path]) -> None:
    lines = {side: LineIndex(file.read_text()) for side, file in files.items()}
    for change in changes:
        file = files[change["side"]]
        assert change["file"] == str(file), change
        where = change["file_pointer"]
        assert where is not None and not where.startswith("/components"), change
        assert "/requestBody" not in where and "/content/" not in where, change
        # a place the file has (line_of answers None for one it has not)
        assert change["line"] is not None, change
        assert change["line"] == lines[change["side"]].line_of(where), change


def test_every_change_to_a_swagger_file_carries_its_line(tmp_path: Path) -> None:
    # Every string becomes an integer: parameters, form fields, headers, bodies, definitions.
    changed = tmp_path / "kennel.yaml"
    changed.write_text(KENNEL.read_text().replace("type: string", "type: integer"))
    changes = _changes(str(KENNEL), str(changed))
    assert len(changes) > 20
    _assert_placed_in_the_users_file(changes, {"old": KENNEL, "new": changed})


def test_a_swagger_change_is_shown_at_its_line(tmp_path: Path) -> None:
    changed = tmp_path / "kennel.yaml"
    text = KENNEL.read_text()
    changed.write_text(text.replace("type: string", "type: integer"))
    result = _run(str(KENNEL), str(changed), "--no-client")
    assert " #/definitions/Pet/properties/name\n" in result.stdout
    assert "#/components/" not in result.stdout and "/requestBody" not in result.stdout


def test_every_change_to_a_raml_file_carries_its_line(tmp_path: Path) -> None:
    old, new = tmp_path / "old.raml", tmp_path / "new.raml"
    old.write_text(_RAML)
    new.write_text(
        _RAML.replace("pageSize:", "limit:")
        .replace("note?: string", "note?: integer")
        .replace("type: Thing\n", "type: string\n")
    )
    changes = _changes(str(old), str(new))
    _assert_placed_in_the_users_file(changes, {"old": old, "new": new})
    places = {c["id"]: (c["line"], c["file_pointer"]) for c in changes}
    assert places["request-parameter-renamed"] == (15, "/~1things/get/queryParameters/limit")
    assert places["response-property-type-changed"] == (10, "/types/Thing/properties/note?")
    assert places["response-body-type-changed"] == (
        28,
        "/~1things/~1{id}/get/responses/200/body/application~1json",
    )
    text = _run(str(old), str(new), "--no-client").stdout
    assert f"at {new}:15 #/~1things/get/queryParameters/limit\n" in text
