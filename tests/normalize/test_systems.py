"""Every system under specs/ normalizes to exactly the committed, valid, lint-clean spec."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.normalize.normalize import normalize_system
from generator.project.manifest import load_manifest
from generator.project.systems import system_ids
from tests.conftest import PROJECT, SPECS, Regenerated

SYSTEMS = system_ids(SPECS)


def test_the_five_systems_are_described() -> None:
    assert SYSTEMS == [
        "alma-jobs",
        "folio-data-export-spring",
        "folio-erm-usage-harvester",
        "folio-orders-storage",
        "liquid-decisions-batch",
    ]


@pytest.mark.parametrize("system", SYSTEMS)
def test_normalizing_twice_in_one_process_gives_the_same_spec(
    system: str, regenerated: Regenerated
) -> None:
    """Nothing normalizing caches or edits in place leaks into the next run. (That the spec is
    the committed one is tested once, with every other generated file, in tests/test_check.py.)"""
    again = normalize_system(load_manifest(SPECS / system / "manifest.yaml")).to_yaml()
    first = (regenerated.specs / system / "openapi.yaml").read_text(encoding="utf-8")
    assert again == first, "normalizing twice gave different output"


@pytest.mark.parametrize("system", SYSTEMS)
def test_specs_carry_servers_security_and_stable_operation_ids(system: str) -> None:
    spec = yaml.safe_load((SPECS / system / "openapi.yaml").read_text(encoding="utf-8"))
    assert spec["openapi"] == "3.1.0"
    assert spec["servers"] and spec["security"] and spec["components"]["securitySchemes"]
    operations = [
        operation
        for item in spec["paths"].values()
        for method, operation in item.items()
        if method in ("get", "post", "put", "delete", "patch")
    ]
    ids = [operation["operationId"] for operation in operations]
    assert len(ids) == len(set(ids))
    assert all(operation["tags"] for operation in operations)


def test_redocly_lints_every_committed_spec_without_errors() -> None:
    redocly = PROJECT / "node_modules" / ".bin" / "redocly"
    if not redocly.exists():
        pytest.fail("node_modules/.bin/redocly missing: run `make test`, which installs it")
    specs = [str(SPECS / system / "openapi.yaml") for system in SYSTEMS]
    result = subprocess.run(
        [
            str(redocly),
            "lint",
            "--config",
            str(PROJECT / "redocly.yaml"),
            "--format=stylish",
            *specs,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=PROJECT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert " error " not in result.stdout


def _system_facts() -> dict[str, dict[str, object]]:
    return {
        system: yaml.safe_load((SPECS / system / "openapi.yaml").read_text()) for system in SYSTEMS
    }


def test_data_export_spring_is_complete_and_corrected() -> None:
    spec = _system_facts()["folio-data-export-spring"]
    paths = spec["paths"]
    assert "post" in paths["/data-export-spring/jobs/send"]
    download = paths["/data-export-spring/jobs/{id}/download"]["get"]
    assert {p["name"] for p in download["parameters"]} == {"id", "key"}
    assert "application/octet-stream" in download["responses"]["200"]["content"]
    progress = spec["components"]["schemas"]["Progress"]["properties"]
    assert all("maximum" not in progress[count] for count in ("success", "errors", "warnings"))
    job = spec["components"]["schemas"]["Job"]
    assert job["x-job"]["success"] == ["SUCCESSFUL"] and job["x-job"]["failure"] == ["FAILED"]
    assert paths["/data-export-spring/jobs"]["get"]["x-pagination"]["total"] == "/totalRecords"
    upsert = paths["/data-export-spring/jobs"]["post"]
    assert "parameters" not in upsert, "X-Okapi-Tenant is sent by the security scheme"


def test_harvester_jobs_page_with_total_records() -> None:
    spec = _system_facts()["folio-erm-usage-harvester"]
    jobs = spec["paths"]["/erm-usage-harvester/jobs"]["get"]
    names = {p["name"]: p.get("required", False) for p in jobs["parameters"]}
    assert names == {
        "query": False,
        "totalRecords": False,
        "offset": False,
        "limit": False,
        "timestamp": False,
        "providerId": False,
    }
    purge = spec["paths"]["/erm-usage-harvester/jobs/purgefinished"]["post"]
    assert purge["parameters"][0]["name"] == "timestamp" and purge["parameters"][0]["required"]
    assert "/erm-usage-harvester/start/{id}" in spec["paths"]


def test_orders_storage_skips_the_example_declared_as_a_type() -> None:
    spec = _system_facts()["folio-orders-storage"]
    schemas = spec["components"]["schemas"]
    assert "BatchTracking" in schemas and "exampleItem" not in schemas
    assert schemas["BatchTracking"]["properties"]["metadata"]["readOnly"] is True


def test_alma_has_every_job_and_instance_call_in_json_and_xml() -> None:
    spec = _system_facts()["alma-jobs"]
    calls = {(method, path) for path, item in spec["paths"].items() for method in item}
    assert calls >= {
        ("get", "/conf/jobs"),
        ("get", "/conf/jobs/{job_id}"),
        ("post", "/conf/jobs/{job_id}"),
        ("get", "/conf/jobs/{job_id}/instances"),
        ("get", "/conf/jobs/{job_id}/instances/{instance_id}"),
    }
    run = spec["paths"]["/conf/jobs/{job_id}"]["post"]
    assert set(run["requestBody"]["content"]) == {"application/json", "application/xml"}
    assert spec["components"]["securitySchemes"]["apikey"]["name"] == "Authorization"


def test_liquid_decisions_uses_oauth2_password_flow_and_form_bodies() -> None:
    spec = _system_facts()["liquid-decisions-batch"]
    scheme = next(iter(spec["components"]["securitySchemes"].values()))
    assert scheme["type"] == "oauth2" and "password" in scheme["flows"]
    paths = spec["paths"]
    assert "multipart/form-data" in paths["/ls/api/batch/import"]["post"]["requestBody"]["content"]
    for call in ("status", "cancel", "export"):
        body = paths[f"/ls/api/batch/{call}"]["post"]["requestBody"]["content"]
        assert "application/x-www-form-urlencoded" in body


def test_generate_leaves_the_checkout_unchanged(tmp_path: Path) -> None:
    """`python -m generator normalize` writes nothing when the specs are up to date."""
    before = {p: p.stat().st_mtime_ns for p in SPECS.glob("*/openapi.yaml")}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "normalize"],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert {p: p.stat().st_mtime_ns for p in SPECS.glob("*/openapi.yaml")} == before
