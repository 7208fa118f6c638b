"""The mended models module imports without a warning: field-only ``Field`` arguments stay only
on fields (pydantic's UnsupportedFieldAttributeWarning, at every import, otherwise)."""

from __future__ import annotations

import ast
import subprocess
import sys
import warnings
from types import ModuleType
from typing import Any

import pytest

from generator.client.inline_models import with_named_inline_schemas
from generator.emit.models_codegen import generate_models
from generator.emit.models_patch import tidied

_HEADER = """from typing import Annotated
from pydantic import BaseModel, Field
from typing_extensions import TypeAliasType
"""

# Each a shape of datamodel-code-generator's output where a Field() argument is field-only.
_OUT_OF_FIELDS = {
    "a type alias with a default": (
        'X = TypeAliasType("X", Annotated[None, Field(None)])\n'
        "class M(BaseModel):\n    x: X | int = 1"
    ),
    "a list item with a default": (
        "class M(BaseModel):\n    items: list[Annotated[int, Field(default=3, ge=1)]] = []"
    ),
    "a union member with an alias": (
        "class M(BaseModel):\n"
        "    v: Annotated[str, Field(max_length=2, alias='V', repr=False)] | int = 1"
    ),
}


def _run(source: str) -> dict[str, Any]:
    """``source`` imported as a module, with every warning an error."""
    module = ModuleType("models_under_test")
    sys.modules[module.__name__] = module  # where pydantic resolves the annotations
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            exec(compile(source, "models.py", "exec", dont_inherit=True), module.__dict__)
    finally:
        del sys.modules[module.__name__]
    return module.__dict__


@pytest.mark.parametrize("body", _OUT_OF_FIELDS.values(), ids=_OUT_OF_FIELDS.keys())
def test_field_only_arguments_outside_a_field_are_removed(body: str) -> None:
    source = _HEADER + body + "\n"
    with pytest.raises(Warning, match="field-specific metadata"):
        _run(source)  # as datamodel wrote it
    mended = tidied(source)
    _run(mended)
    assert "ge=1" in mended or "max_length=2" in mended or "Field()" in mended  # others stay


def test_field_only_arguments_on_a_field_are_kept() -> None:
    source = _HEADER + (
        "class M(BaseModel):\n    v: Annotated[int | None, Field(None, alias='V', repr=False)]\n"
    )
    mended = tidied(source)
    assert "Field(None, alias='V', repr=False)" in mended
    model = _run(mended)["M"]
    assert model(V=1).v == 1 and "v=" not in repr(model(V=1))


def test_a_union_of_a_null_const_and_null_imports_without_a_warning() -> None:
    # the shape the long hostile profile found: the const member of an answer's property
    # became a type alias, `Annotated[None, Field(None)]`
    union = {"anyOf": [{"const": None}, {"type": "null"}]}
    answer = {"type": "object", "required": ["v"], "properties": {"v": union}}
    content = {"application/json": {"schema": answer}}
    operation = {
        "operationId": "list",
        "responses": {"200": {"description": "ok", "content": content}},
    }
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/l": {"get": operation}},
    }
    source = generate_models(with_named_inline_schemas(document), package="p").source
    assert "TypeAliasType(" in source
    _run(source)


def test_a_field_two_bases_declare_differently_is_declared_in_the_model_itself(
    tmp_path: Any,
) -> None:
    """An allOf of parts that declare one property, required in one and optional in another
    (found by the long schema-shapes profile): mypy refused the class for its bases; the model
    now declares the required one itself."""
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Shapes", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "M": {
                    "oneOf": [
                        {
                            "type": "object",
                            "properties": {"source": {"type": "string"}},
                            "required": ["source"],
                        }
                    ]
                },
                "Both": {
                    "allOf": [
                        {"$ref": "#/components/schemas/M"},
                        {"type": "object", "properties": {"source": {"type": "string"}}},
                    ]
                },
            }
        },
    }
    source = generate_models(with_named_inline_schemas(spec), package="shapes").source
    module = ast.parse(source)
    merged = [
        node for node in module.body if isinstance(node, ast.ClassDef) and len(node.bases) >= 2
    ]
    assert merged, source
    own = [ast.unparse(s) for s in merged[0].body if isinstance(s, ast.AnnAssign)]
    assert own == ["source: str"]
    path = tmp_path / "shapes_models.py"
    path.write_text(source, encoding="utf-8")
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout
