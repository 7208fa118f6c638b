"""Client impact: the generated symbol each change touches, and the public API compared."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from generator.changes.diff import diff_descriptions
from generator.changes.documents import compare_documents
from generator.changes.impact import ClientSurface, client_surface, compare_surfaces, with_symbols
from generator.changes.inputs import Description
from tests.conftest import SPECS


@pytest.fixture(scope="module")
def alma() -> dict[str, Any]:
    return yaml.safe_load((SPECS / "alma-jobs" / "openapi.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def surface(alma: dict[str, Any]) -> ClientSurface:
    return client_surface(alma, "alma_jobs")


def test_the_public_api_holds_models_fields_and_methods(surface: ClientSurface) -> None:
    api = surface.api
    assert api["alma_jobs.models.JobInstance"].startswith("class(")
    assert api["alma_jobs.models.JobInstance.id"].endswith("(optional)")
    assert "alma_jobs.resources.JobsResource.get_jobs" in api
    assert api["alma_jobs.resources.AsyncJobsResource.get_jobs"].startswith("async def(")
    assert api["alma_jobs.Client"] == "from ._client"  # what the package's top level exports
    assert not any(".__" in symbol or "._" in symbol for symbol in api)


def test_a_changed_field_names_its_model_field(
    alma: dict[str, Any], surface: ClientSurface
) -> None:
    changed = copy.deepcopy(alma)
    instance = changed["components"]["schemas"]["JobInstance"]
    instance["properties"]["end_time"]["format"] = "date"
    instance.setdefault("required", []).append("id")
    after = client_surface(changed, "alma_jobs")

    changes = with_symbols(compare_documents(alma, changed), surface, after)
    symbols = {c.rule: c.symbols for c in changes}
    assert symbols["response-property-format-changed"] == ("alma_jobs.models.JobInstance.end_time",)
    assert symbols["response-property-became-required"] == ("alma_jobs.models.JobInstance.id",)

    api = {c.symbol: c for c in compare_surfaces(surface, after)}
    assert set(api) == {"alma_jobs.models.JobInstance.end_time", "alma_jobs.models.JobInstance.id"}
    end_time = api["alma_jobs.models.JobInstance.end_time"]
    assert "datetime" in (end_time.before or "") and "date " in (end_time.after or "")
    assert api["alma_jobs.models.JobInstance.id"].after == "Annotated[str, Field()] (required)"


def test_descriptions_do_not_change_the_api(alma: dict[str, Any], surface: ClientSurface) -> None:
    changed = copy.deepcopy(alma)
    changed["components"]["schemas"]["JobInstance"]["properties"]["id"]["description"] = "new"
    assert compare_surfaces(surface, client_surface(changed, "alma_jobs")) == []


def test_a_removed_operation_names_its_method(alma: dict[str, Any], surface: ClientSurface) -> None:
    changed = copy.deepcopy(alma)
    del changed["paths"]["/conf/jobs/{job_id}"]["get"]
    after = client_surface(changed, "alma_jobs")
    [removal] = [c for c in compare_documents(alma, changed) if c.rule.startswith("api-")]
    assert removal.rule == "api-removed-without-deprecation"
    [named] = with_symbols([removal], surface, after)
    assert named.symbols == ("alma_jobs.resources.JobsResource.get_job",)
    removed = [c.symbol for c in compare_surfaces(surface, after) if c.kind == "removed"]
    assert "alma_jobs.resources.JobsResource.get_job" in removed


def test_a_client_that_cannot_be_generated_is_a_note_not_a_crash(alma: dict[str, Any]) -> None:
    changed = copy.deepcopy(alma)
    # The job waiter reads job instances with this operation: without it there is no client.
    del changed["paths"]["/conf/jobs/{job_id}/instances/{instance_id}"]
    old = Description(alma, "old", "alma_jobs", None)
    report = diff_descriptions(old, Description(changed, "new", "alma_jobs", None))
    assert report.api_changes is None
    assert any(note.startswith("client not compared: ") for note in report.notes)
    assert {c.rule for c in report.changes} >= {"api-path-removed-without-deprecation"}
