"""RAML type declarations and type expressions as JSON Schema (``raml_types.TypeSchemas``).

Direct tests of the conversion, without a RAML document around it: the declared types are
put in the table by hand, and errors and warnings are caught as the document would build them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.shared.errors import SpecError
from generator.sources.raml_includes import FileRef
from generator.sources.raml_types import Declared, TypeSchemas
from generator.sources.source_files import SourceFiles


class Recorder:
    """The document's side: builds the errors and keeps the warnings, with their pointers."""

    def __init__(self) -> None:
        self.warnings: list[tuple[str, str]] = []

    def fail(self, message: str, pointer: str) -> SpecError:
        return SpecError(message, pointer=pointer)

    def warn(self, message: str, pointer: str) -> None:
        self.warnings.append((message, pointer))


def types(tmp_path: Path, *declared: str, recorder: Recorder | None = None) -> TypeSchemas:
    recorder = recorder or Recorder()
    result = TypeSchemas(SourceFiles(tmp_path), recorder.fail, recorder.warn)
    for name in declared:
        result.declared[name] = Declared({"type": "object"}, f"/types/{name}", "")
    return result


def schema(table: TypeSchemas, declaration: Any, pointer: str = "/types/T") -> Any:
    return table.schema(declaration, default="string", pointer=pointer)


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


# --- Type expressions ---------------------------------------------------------------------------


def test_a_union_with_an_array_is_any_of_a_reference_and_an_array(tmp_path: Path) -> None:
    table = types(tmp_path, "A", "B")
    assert schema(table, "A | B[]") == {"anyOf": [ref("A"), {"type": "array", "items": ref("B")}]}


def test_brackets_make_an_array_of_the_union(tmp_path: Path) -> None:
    table = types(tmp_path, "A", "B")
    assert schema(table, "(A | B)[]") == {
        "type": "array",
        "items": {"anyOf": [ref("A"), ref("B")]},
    }


def test_a_question_mark_makes_a_type_nullable(tmp_path: Path) -> None:
    assert schema(types(tmp_path), "string?") == {"anyOf": [{"type": "string"}, {"type": "null"}]}


def test_built_in_types_are_their_json_schema(tmp_path: Path) -> None:
    table = types(tmp_path)
    assert schema(table, "datetime") == {"type": "string", "format": "date-time"}
    assert schema(table, "date-only") == {"type": "string", "format": "date"}
    assert schema(table, "file") == {"type": "string", "format": "binary"}
    assert schema(table, "nil") == {"type": "null"}
    assert schema(table, "any") == {}


def test_a_library_type_is_found_by_its_own_name_within_the_library(tmp_path: Path) -> None:
    table = types(tmp_path, "lib.Item", "Item")
    assert table.schema("Item", default="string", pointer="/x", scope="lib.") == ref("lib.Item")
    assert table.schema("Item", default="string", pointer="/x") == ref("Item")


def test_an_unknown_type_is_an_error_at_its_pointer(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as caught:
        schema(types(tmp_path, "A"), {"properties": {"b": "A | Missing"}})
    assert caught.value.message == "unknown type 'Missing'"
    assert caught.value.pointer == "/types/T/properties/b"


@pytest.mark.parametrize("text", ["A |", "(A | B", "A[", "| A", "A ) B"])
def test_a_malformed_type_expression_is_an_error_at_its_pointer(tmp_path: Path, text: str) -> None:
    with pytest.raises(SpecError) as caught:
        schema(types(tmp_path, "A", "B"), {"type": text}, pointer="/types/T")
    assert caught.value.message == f"malformed type expression {text!r}"
    assert caught.value.pointer == "/types/T/type"


def test_an_inline_json_schema_is_taken_as_it_is(tmp_path: Path) -> None:
    assert schema(types(tmp_path), '{"type": "integer", "minimum": 1}') == {
        "type": "integer",
        "minimum": 1,
    }
    with pytest.raises(SpecError, match="inline JSON schema"):
        schema(types(tmp_path), '{"type": ')


def test_an_xml_schema_is_left_open_with_a_warning(tmp_path: Path) -> None:
    recorder = Recorder()
    assert schema(types(tmp_path, recorder=recorder), "<xs:schema/>", pointer="/types/X") == {}
    assert recorder.warnings == [
        ("XML schemas are not converted; the type is left open", "/types/X")
    ]


# --- Facets and properties ----------------------------------------------------------------------


def test_facets_become_json_schema_keywords(tmp_path: Path) -> None:
    declaration = {
        "type": "integer",
        "displayName": "Count",
        "format": "int8",
        "minimum": 0,
        "example": {"value": 3, "strict": False},
        "xml": {"name": "count"},  # no JSON Schema counterpart: dropped
    }
    assert schema(types(tmp_path), declaration) == {
        "type": "integer",
        "title": "Count",
        "format": "int32",
        "minimum": 0,
        "example": 3,
    }


def test_properties_are_required_unless_marked_optional(tmp_path: Path) -> None:
    declaration = {
        "properties": {
            "id": "string",
            "note?": "string",
            "tags": {"type": "string[]", "required": False},
        }
    }
    assert schema(types(tmp_path), declaration) == {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "note": {"type": "string"},
            "tags": {"type": "array", "items": {"type": "string"}},
        },
        "required": ["id"],
    }


def test_slash_properties_are_additional_and_pattern_properties(tmp_path: Path) -> None:
    declaration = {"properties": {"//": "integer", "/^x-/": "string"}}
    assert schema(types(tmp_path), declaration) == {
        "type": "object",
        "additionalProperties": {"type": "integer"},
        "patternProperties": {"^x-": {"type": "string"}},
    }


def test_a_closed_subtype_of_a_declared_type_uses_unevaluated_properties(tmp_path: Path) -> None:
    declaration = {"type": "Base", "properties": {"extra": "string"}, "additionalProperties": False}
    assert schema(types(tmp_path, "Base"), declaration) == {
        "allOf": [
            ref("Base"),
            {
                "type": "object",
                "properties": {"extra": {"type": "string"}},
                "required": ["extra"],
            },
        ],
        "unevaluatedProperties": False,
    }


def test_a_description_beside_a_reference_needs_no_all_of(tmp_path: Path) -> None:
    assert schema(types(tmp_path, "Base"), {"type": "Base", "description": "The base"}) == {
        **ref("Base"),
        "description": "The base",
    }


# --- Component schemas --------------------------------------------------------------------------


def test_an_example_file_declared_as_a_type_is_left_out_and_named_in_errors(
    tmp_path: Path,
) -> None:
    (tmp_path / "item.json").write_text(json.dumps({"id": "1", "name": "first"}))
    (tmp_path / "item.schema.json").write_text(json.dumps({"type": "object"}))
    recorder = Recorder()
    table = types(tmp_path, recorder=recorder)
    table.declared["itemExample"] = Declared(
        FileRef("item.json", tmp_path / "item.json"), "/types/itemExample", ""
    )
    table.declared["item"] = Declared(
        FileRef("item.schema.json", tmp_path / "item.schema.json"), "/types/item", ""
    )
    assert table.components() == {"item": {"$ref": "item.schema.json"}}
    assert recorder.warnings == [
        (
            "type 'itemExample' is an example file (item.json), not a schema: "
            "left out of components/schemas",
            "/types/itemExample",
        )
    ]
    with pytest.raises(SpecError) as caught:
        schema(table, "itemExample[]", pointer="/paths/~1items/get")
    assert caught.value.message == (
        "type 'itemExample' is an example file (item.json), not a schema"
    )
    assert caught.value.pointer == "/paths/~1items/get"
