"""A large models.py split into modules: each model in the module of its cycle, or of its only
user; modules import only what their models name; nothing is lost, nothing imports in a circle.
"""

from __future__ import annotations

import ast
import textwrap

import pytest

from generator.emit import models_split
from generator.emit.models_split import split_models

SOURCE = textwrap.dedent(
    '''
    """Models of Things.

    Generated from its OpenAPI spec by datamodel-code-generator; do not edit by hand.
    """

    from __future__ import annotations

    from enum import StrEnum
    from typing import Annotated, Any

    from pydantic import BaseModel, Field
    from typing_extensions import TypeAliasType


    class Status(StrEnum):
        """Shared by two models: a module of its own."""

        OPEN = "open"


    class JobFiles(BaseModel):
        name: str | None = None


    class Job(BaseModel):
        """A job; see Node in the docs (a word, not a reference)."""

        status: Status
        files: list[JobFiles] | None = None
        parent: Node | None = None


    class Task(BaseModel):
        status: Annotated[Status, Field(description="Status of it")]
        data: Any = None


    class Node(BaseModel):
        children: list[Tree] | None = None


    class Tree(BaseModel):
        root: Node


    Tree.model_rebuild()


    Forest = TypeAliasType("Forest", list["Tree"])
    """Trees."""
    '''
)


@pytest.fixture
def split(monkeypatch: pytest.MonkeyPatch) -> models_split.SplitModels:
    monkeypatch.setattr(models_split, "SPLIT_ABOVE", 3)
    result = split_models(SOURCE)
    assert result is not None
    return result


def test_a_small_models_module_stays_one_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(models_split, "SPLIT_ABOVE", 8)  # SOURCE has 8 classes and aliases
    assert split_models(SOURCE) is None


def test_each_model_is_in_the_module_of_its_cycle_or_its_only_user(
    split: models_split.SplitModels,
) -> None:
    homes = split.homes
    assert homes["JobFiles"] == homes["Job"] == "_job"  # JobFiles: only Job uses it
    assert homes["Node"] == homes["Tree"]  # a cycle: one module
    assert homes["Status"] not in {homes["Job"], homes["Task"]}  # two users: its own
    assert homes["Forest"] != homes["Tree"]
    assert set(homes) == {"Status", "JobFiles", "Job", "Task", "Node", "Tree", "Forest"}
    assert set(split.files) == {"__init__.py", *(f"{m}.py" for m in homes.values())}


def test_a_module_imports_what_its_models_name_and_nothing_else(
    split: models_split.SplitModels,
) -> None:
    job = split.files["_job.py"]
    imports = [node for node in ast.parse(job).body if isinstance(node, ast.ImportFrom)]
    imported = {(node.module, alias.name) for node in imports for alias in node.names}
    assert imported == {
        ("__future__", "annotations"),
        ("pydantic", "BaseModel"),
        ("_status", "Status"),
        (split.homes["Node"], "Node"),
    }
    # (the docstring names Node too; that is a word, not a reason to import it twice)
    task = split.files["_task.py"]
    assert "from typing import Annotated" in task and "from typing import Any" in task
    assert "StrEnum" not in task and "TypeAliasType" not in task
    # a string forward reference is a reference
    forest = split.files[f"{split.homes['Forest']}.py"]
    assert f"from .{split.homes['Tree']} import Tree" in forest


def test_statements_keep_their_text_order_and_the_calls_on_them(
    split: models_split.SplitModels,
) -> None:
    tree = split.files[f"{split.homes['Tree']}.py"]
    node, tree_class = tree.index("class Node("), tree.index("class Tree(")
    assert node < tree_class < tree.index("Tree.model_rebuild()")
    forest = split.files[f"{split.homes['Forest']}.py"]
    assert 'Forest = TypeAliasType("Forest", list["Tree"])\n"""Trees."""' in forest
    everything = "".join(split.files.values())
    for statement in ast.parse(SOURCE).body[6:]:  # after the imports, every statement, once
        assert everything.count(ast.get_source_segment(SOURCE, statement) or "?") == 1


def test_no_two_modules_import_each_other(split: models_split.SplitModels) -> None:
    edges = {
        name.removesuffix(".py"): {
            node.module
            for node in ast.parse(text).body
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module
        }
        for name, text in split.files.items()
        if name != "__init__.py"
    }
    from generator.shared.graphs import strongly_connected

    assert all(len(component) == 1 for component in strongly_connected(edges))


def test_the_package_init_names_every_model_for_type_checkers_and_imports_none(
    split: models_split.SplitModels,
) -> None:
    init = split.files["__init__.py"]
    assert init.startswith('"""Models of Things.')
    module = ast.parse(init)
    runtime_imports = [n for n in module.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    assert all(not getattr(n, "level", 0) for n in runtime_imports)  # no model module
    for name, home in split.homes.items():
        assert f"from .{home} import {name} as {name}" in init


def test_a_line_starting_with_class_inside_a_docstring_is_not_a_statement(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # read a class at a time, the piece before such a line does not parse alone
    source = SOURCE.replace('"""Trees."""', '"""Trees:\nclass of things, not a class.\n"""')
    monkeypatch.setattr(models_split, "SPLIT_ABOVE", 3)
    found = split_models(source)
    assert found is not None
    forest = found.files[f"{found.homes['Forest']}.py"]
    assert '"""Trees:\nclass of things, not a class.\n"""' in forest
    assert set(found.homes) == {"Status", "JobFiles", "Job", "Task", "Node", "Tree", "Forest"}


def test_a_module_says_which_model_it_is_for_in_a_line_of_the_line_length(
    split: models_split.SplitModels,
) -> None:
    from generator.client.code import LINE_LENGTH

    job = split.files["_job.py"]
    # JobFiles comes first in the file; the module is Job's, which it joined
    assert job.startswith('"""``Job`` and 1 model that goes with it: part of the package\'s')
    status = split.files["_status.py"]
    assert status.startswith('"""``Status``: part of the package\'s ``models``')
    texts = list(split.files.values())
    for length in range(30, 90):  # long names: some line breaks fall near the quotes
        renamed = split_models(SOURCE.replace("Status", "S" + "x" * length))
        assert renamed is not None
        texts += renamed.files.values()
    for text in texts:
        docstring = text[: text.index('"""', 3) + 3]
        assert all(len(line) <= LINE_LENGTH for line in docstring.splitlines()), docstring
