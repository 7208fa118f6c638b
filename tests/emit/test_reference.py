"""A package's api.md: every resource, method, parameter and model, and no dead link."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest

from generator.emit.generate import PackageSource, render_package_source
from generator.emit.reference import linked_type, models_of, table_code
from tests.conftest import GENERATED

_LINK = re.compile(r"\]\(([^)\s]+)\)")
_ANCHOR = re.compile(r'<a id="([^"]+)"></a>')


def _dead_links(page: str, folder: Path) -> list[str]:
    anchors = _ANCHOR.findall(page)
    assert len(anchors) == len(set(anchors)), "an anchor is there twice"
    dead = []
    for target in _LINK.findall(page):
        if target.startswith("#"):
            if target[1:] not in anchors:
                dead.append(target)
        elif not target.startswith("https://") and not (folder / target).exists():
            dead.append(target)
    return dead


@pytest.mark.parametrize("package", sorted(p.name for p in GENERATED.iterdir() if p.is_dir()))
def test_every_committed_reference_lists_every_method_and_model_with_no_dead_link(
    package: str,
) -> None:
    folder = GENERATED / package
    page = (folder / "api.md").read_text(encoding="utf-8")
    assert _dead_links(page, folder) == []
    assert "[api.md](api.md)" in (folder / "README.md").read_text(encoding="utf-8")
    resources = ast.parse((folder / "src" / package / "resources.py").read_text(encoding="utf-8"))
    methods = {
        node.name
        for cls in resources.body
        if isinstance(cls, ast.ClassDef) and not cls.name.startswith(("Async", "_"))
        for node in cls.body
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")
        and not node.name.startswith("iter_")
    }  # fmt: skip
    headings = set(re.findall(r"^### `([^`]+)`$", page, re.MULTILINE))
    assert methods <= headings, sorted(methods - headings)
    models = (folder / "src" / package / "models.py").read_text(encoding="utf-8")
    classes = {node.name for node in ast.parse(models).body if isinstance(node, ast.ClassDef)}
    assert classes <= headings, sorted(classes - headings)


def _document() -> dict[str, Any]:
    """Names that differ only in case, prose that would break a table, an enum and a list."""
    tricky = "Has a | pipe, `ticks`, [brackets] and\na second line"
    return {
        "openapi": "3.1.0",
        "info": {"title": "Refs", "version": "1"},
        "servers": [{"url": "https://refs.test"}],
        "paths": {
            "/m": {
                "get": {
                    "operationId": "getM",
                    "parameters": [
                        {"name": "q|x", "in": "query", "description": tricky,
                         "schema": {"type": "string"}},
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {
                                "type": "array", "items": {"$ref": "#/components/schemas/M"}}}},
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "M": {"type": "object", "description": tricky,
                      "properties": {"low": {"$ref": "#/components/schemas/m"}}},
                "m": {"type": "object", "properties": {"colour": {
                    "type": "string", "enum": ["red", "green"], "description": tricky}}},
            }
        },
    }  # fmt: skip


def test_names_differing_in_case_get_their_own_anchors_and_prose_keeps_the_tables(
    tmp_path: Path,
) -> None:
    rendered = render_package_source(PackageSource(_document(), "refs", Path("refs.yaml")))
    page = rendered.files["api.md"]
    (tmp_path / "src" / "refs").mkdir(parents=True)
    (tmp_path / "src" / "refs" / "models.py").write_text("", encoding="utf-8")
    (tmp_path / "README.md").write_text("", encoding="utf-8")
    assert _dead_links(page, tmp_path) == []
    classes = rendered.models.class_names  # M and m: two classes, two anchors
    assert {f"model-{classes['M']}", f"model-{classes['m']}"} <= set(_ANCHOR.findall(page))
    for row in (line for line in page.splitlines() if line.startswith("| ")):
        cells = re.split(r"(?<!\\)\|", row)[1:-1]
        assert len(cells) == 5, row  # an escaped pipe stays inside its cell
    first = classes["M"]
    assert f"Returns list\\[[{first}](#model-{first})\\]." in page


def test_a_type_links_each_model_it_names_and_nothing_else() -> None:
    linked = linked_type(
        "list[models.Job] | dict[str, JobInfo] | None", frozenset({"Job", "JobInfo"})
    )
    assert (
        linked
        == "list\\[[Job](#model-Job)\\] \\| dict\\[str, [JobInfo](#model-JobInfo)\\] \\| None"
    )
    assert linked_type("Jobs", frozenset({"Job"})) == "Jobs"
    assert table_code("a|b`c") == "`a\\|b'c`"


def test_models_are_read_with_their_fields_aliases_and_enum_values() -> None:
    source = '''
class Colour(StrEnum):
    """A colour"""

    RED = "red"


class Job(BaseModel):
    """A job"""

    model_config = ConfigDict(extra="allow")
    job_id: Annotated[str, Field(alias="jobId", description="The id")]
    note: str | None = None
'''
    colour, job = models_of(source)
    assert (colour.kind, colour.values) == ("enum", ("'red'",))
    assert [(f.name, f.wire, f.annotation, f.required, f.description) for f in job.fields] == [
        ("job_id", "jobId", "str", True, "The id"),
        ("note", "note", "str | None", False, ""),
    ]


@pytest.mark.parametrize("quote", ['"""', "'''"])
def test_a_class_line_inside_a_string_is_no_class_of_the_models(quote: str) -> None:
    # models are read a class at a time, split where a line starts with `class`
    source = f'''from __future__ import annotations


class Job(BaseModel):
    """A job"""

    job_id: Annotated[str, Field(description={quote}The id, as in
class Fake(BaseModel):
    seen as a class{quote})]


Jobs = TypeAliasType("Jobs", list[Job])


class Page(BaseModel):
    jobs: Jobs
'''
    ast.parse(source)  # a module that parses whole
    assert [(model.name, model.kind) for model in models_of(source)] == [
        ("Job", "model"),
        ("Jobs", "alias"),
        ("Page", "model"),
    ]
