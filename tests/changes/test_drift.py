"""``drift``: against the real upstream files our specs agree but for the known corrections;
against copies of them with an upstream change made, the right rules fire at the right level."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.changes.drift import drift_report
from generator.changes.report import Report
from generator.project.manifest import load_manifest
from tests.conftest import PROJECT, SPECS

FOLIO = ["folio-data-export-spring", "folio-erm-usage-harvester", "folio-orders-storage"]


def _drift(system: str, root: Path) -> Report:
    return drift_report(load_manifest(SPECS / system / "manifest.yaml"), root)


@pytest.mark.parametrize("system", FOLIO)
def test_no_unexplained_drift_from_the_real_upstream(system: str, upstream_root: Path) -> None:
    report = _drift(system, upstream_root)
    assert report.changes == []
    corrections = load_manifest(SPECS / system / "manifest.yaml").corrections
    assert [k.pointer for k in report.known] == [c.pointer for c in corrections]


def test_the_command_reports_every_system(upstream_root: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "drift", "--upstream-root", str(upstream_root)],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "alma-jobs: our spec -> upstream: no changes" in result.stdout
    assert "prose documentation only" in result.stdout
    assert "known differences (manifest corrections): 3" in result.stdout


def test_a_missing_upstream_root_is_a_usage_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "drift", "--upstream-root", str(tmp_path / "none")],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=60,
    )
    assert result.returncode == 2
    assert "--upstream-root" in result.stderr and "Traceback" not in result.stderr


def _edit_json(path: Path, edit: Callable[[dict], None]) -> None:  # type: ignore[type-arg]
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")


def _copy(upstream_root: Path, tmp_path: Path, system: str) -> Path:
    mirror = load_manifest(SPECS / system / "manifest.yaml").upstream
    assert mirror is not None and mirror.mirror is not None
    shutil.copytree(upstream_root / mirror.mirror, tmp_path / mirror.mirror)
    return tmp_path / mirror.mirror


def _fired(report: Report) -> dict[str, str]:
    return {change.rule: change.level.name for change in report.changes}


def test_upstream_removes_an_enum_value(upstream_root: Path, tmp_path: Path) -> None:
    copy = _copy(upstream_root, tmp_path, "folio-data-export-spring")
    _edit_json(
        copy / "folio-export-common" / "schemas" / "jobStatus.json",
        lambda data: data["JobStatus"]["enum"].remove("FAILED"),
    )
    fired = _fired(_drift("folio-data-export-spring", tmp_path))
    assert fired["request-property-enum-value-removed"] == "ERR"
    assert fired["response-property-enum-value-removed"] == "INFO"


def test_upstream_adds_a_required_property(upstream_root: Path, tmp_path: Path) -> None:
    copy = _copy(upstream_root, tmp_path, "folio-orders-storage")

    def require_source(data: dict) -> None:  # type: ignore[type-arg]
        data["properties"]["source"] = {"type": "string"}
        data["required"].append("source")

    _edit_json(
        copy / "ramls" / "acq-models" / "mod-orders-storage" / "schemas" / "batch_tracking.json",
        require_source,
    )
    report = _drift("folio-orders-storage", tmp_path)
    fired = _fired(report)
    assert fired == {
        "new-required-request-property": "ERR",
        "response-required-property-added": "INFO",
    }
    change = next(c for c in report.changes if c.rule == "new-required-request-property")
    assert change.operation == "POST /orders-storage/batch-tracking"
    assert change.pointer.endswith("/properties/source")


def test_upstream_removes_an_endpoint(upstream_root: Path, tmp_path: Path) -> None:
    copy = _copy(upstream_root, tmp_path, "folio-erm-usage-harvester")
    raml = copy / "ramls" / "harvester.raml"
    text = raml.read_text(encoding="utf-8")
    start = text.index("    /cleanup:")
    end = text.find("\n  /", start)
    raml.write_text(text[:start] + (text[end + 1 :] if end != -1 else ""), encoding="utf-8")
    report = _drift("folio-erm-usage-harvester", tmp_path)
    assert _fired(report) == {"api-path-removed-without-deprecation": "ERR"}
    assert report.changes[0].operation == "POST /erm-usage-harvester/jobs/cleanup"


def test_upstream_changes_a_type(upstream_root: Path, tmp_path: Path) -> None:
    copy = _copy(upstream_root, tmp_path, "folio-erm-usage-harvester")

    def timestamp_as_text(data: dict) -> None:  # type: ignore[type-arg]
        data["properties"]["timestamp"]["type"] = "string"

    _edit_json(copy / "ramls" / "schemas" / "jobInfo.json", timestamp_as_text)
    report = _drift("folio-erm-usage-harvester", tmp_path)
    assert set(_fired(report)) == {"response-property-type-changed"}
    assert {c.level.name for c in report.changes} == {"ERR"}
    assert all(c.pointer.endswith("/properties/timestamp") for c in report.changes)


def test_a_correction_upstream_no_longer_needs_is_reported(
    upstream_root: Path, tmp_path: Path
) -> None:
    copy = _copy(upstream_root, tmp_path, "folio-data-export-spring")

    def fix_success(data: dict) -> None:  # type: ignore[type-arg]
        del data["Progress"]["properties"]["success"]["maximum"]

    _edit_json(copy / "folio-export-common" / "schemas" / "progress.json", fix_success)
    report = _drift("folio-data-export-spring", tmp_path)
    assert _fired(report) == {"correction-stale": "WARN"}
    [stale] = report.changes
    assert stale.pointer == "/components/schemas/Progress/properties/success/maximum"
    assert "is gone" in stale.message
