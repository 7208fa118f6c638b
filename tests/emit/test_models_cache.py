"""datamodel-code-generator's models of the same schemas are read back, not made again; any
change it could see (a schema, its version, our options), or an unreadable entry, makes them."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from generator.build_cache import fresh_results
from generator.emit import models_cache, models_codegen
from generator.emit.models_codegen import generate_models

DOCUMENT: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Jobs", "version": "1"},
    "paths": {},
    "components": {
        "schemas": {
            "Job": {
                "type": "object",
                "description": "A job.",
                "properties": {
                    "jobId": {"type": "string"},
                    "state": {"$ref": "#/components/schemas/State"},
                },
            },
            "State": {"type": "string", "enum": ["NEW", "DONE"]},
        }
    },
}


@pytest.fixture
def runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The inputs datamodel-code-generator is run on, with a cache of this test's own."""
    monkeypatch.setenv("GENERATOR_CACHE", str(tmp_path / "cache"))
    made: list[str] = []
    run = models_codegen._datamodel_codegen

    def counted(text: str, package: str) -> tuple[str, dict[str, Any]]:
        made.append(text)
        return run(text, package)

    monkeypatch.setattr(models_codegen, "_datamodel_codegen", counted)
    return made


def test_the_same_schemas_are_read_back_as_they_were_made(runs: list[str]) -> None:
    first = generate_models(copy.deepcopy(DOCUMENT), package="jobs")
    second = generate_models(copy.deepcopy(DOCUMENT), package="jobs")
    assert len(runs) == 1
    assert second == first
    assert "class Job(BaseModel)" in second.source
    assert second.class_names == {"Job": "Job", "State": "State"}
    assert second.field_names == {"Job": {"jobId": "job_id", "state": "state"}}


def test_a_change_to_a_schema_makes_them_again(runs: list[str]) -> None:
    generate_models(copy.deepcopy(DOCUMENT), package="jobs")
    changed = copy.deepcopy(DOCUMENT)
    changed["components"]["schemas"]["Job"]["properties"]["name"] = {"type": "string"}
    models = generate_models(changed, package="jobs")
    assert len(runs) == 2
    assert "name: str | None = None" in models.source


def test_an_edit_outside_the_schemas_reads_them_back(runs: list[str]) -> None:
    generate_models(copy.deepcopy(DOCUMENT), package="jobs")
    edited = copy.deepcopy(DOCUMENT)
    edited["paths"] = {"/jobs": {"get": {"responses": {"200": {"description": "The jobs."}}}}}
    generate_models(edited, package="jobs")
    assert len(runs) == 1


def test_another_generator_version_or_option_makes_them_again(
    runs: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    generate_models(copy.deepcopy(DOCUMENT), package="jobs")
    monkeypatch.setattr(models_cache, "named_versions", lambda tools: "datamodel-code-generator=99")
    generate_models(copy.deepcopy(DOCUMENT), package="jobs")
    assert len(runs) == 2
    options = tmp_path / "models_codegen.py"
    options.write_text(models_cache._OPTIONS.read_text() + "\n# another option\n")
    monkeypatch.setattr(models_cache, "_OPTIONS", options)
    generate_models(copy.deepcopy(DOCUMENT), package="jobs")
    assert len(runs) == 3


@pytest.mark.parametrize(
    "damage", ["", "{not json", '{"output": 1, "metadata": {}}', "[]", '"text"']
)
def test_an_unreadable_entry_is_made_again(runs: list[str], tmp_path: Path, damage: str) -> None:
    first = generate_models(copy.deepcopy(DOCUMENT), package="jobs")
    entries = sorted((tmp_path / "cache").glob("*/*.json"))
    assert [entry.parent.name for entry in entries] == ["models", "models-finished"]
    for entry in entries:
        entry.write_text(damage)
    assert generate_models(copy.deepcopy(DOCUMENT), package="jobs") == first
    assert len(runs) == 2
    assert generate_models(copy.deepcopy(DOCUMENT), package="jobs") == first  # mended
    assert len(runs) == 2


def test_a_change_to_the_generator_mends_them_again_from_what_it_kept(
    runs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    mended: list[str] = []
    tidy = models_codegen.tidied

    def counted(source: str) -> str:
        mended.append(source)
        return tidy(source)

    monkeypatch.setattr(models_codegen, "tidied", counted)
    generate_models(copy.deepcopy(DOCUMENT), package="jobs")
    generate_models(copy.deepcopy(DOCUMENT), package="jobs")
    assert (len(runs), len(mended)) == (1, 1)
    monkeypatch.setattr(models_cache, "code_digest", lambda: "another generator")
    generate_models(copy.deepcopy(DOCUMENT), package="jobs")
    assert (len(runs), len(mended)) == (1, 2)


def test_no_cache_makes_them_again(runs: list[str]) -> None:
    generate_models(copy.deepcopy(DOCUMENT), package="jobs")
    with fresh_results():
        generate_models(copy.deepcopy(DOCUMENT), package="jobs")
    assert len(runs) == 2


def test_a_cache_folder_that_cannot_be_written_is_no_cache(
    runs: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("GENERATOR_CACHE", str(blocked))
    first = generate_models(copy.deepcopy(DOCUMENT), package="jobs")
    assert generate_models(copy.deepcopy(DOCUMENT), package="jobs") == first
    assert len(runs) == 2
