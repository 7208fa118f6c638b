"""Warnings are data until the command line prints them: each once, named by file and JSON
pointer, counted in the closing line; ``check`` (which compares, not generates) prints none."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from tests.conftest import SPECS, write_tree

_UNSENDABLE = "security scheme 'tls' (type 'mutualTLS') cannot be sent by the client"

_API = """openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /things:
    get:
      operationId: listThings
      responses:
        "204": {description: none}
components:
  securitySchemes:
    tls: {type: mutualTLS}
"""


def _errors(capsys: pytest.CaptureFixture[str], *arguments: str) -> list[str]:
    capsys.readouterr()
    assert main(list(arguments)) == 0
    return capsys.readouterr().err.splitlines()


@pytest.mark.parametrize("quiet", [[], ["--quiet"]])
def test_generate_prints_an_unsendable_scheme_once_and_counts_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], quiet: list[str]
) -> None:
    source = write_tree(tmp_path, {"api.yaml": _API}) / "api.yaml"
    lines = _errors(
        capsys, "generate", str(source), "-o", str(tmp_path / "out"), "--package", "p", *quiet
    )
    warnings = [line for line in lines if line.startswith("warning:")]
    assert len([line for line in warnings if _UNSENDABLE in line]) == 1, lines
    [unsendable] = [line for line in warnings if _UNSENDABLE in line]
    assert f"{source} #/components/securitySchemes/tls:" in unsendable
    assert warnings[-1] == "warning: 1 warning"
    assert any(line.startswith("wrote ") for line in lines) != bool(quiet)


def test_a_repair_and_an_unsendable_scheme_are_counted_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repaired = _API.replace("operationId: listThings", "operationId: listThings\n      title: x")
    source = write_tree(tmp_path, {"api.yaml": repaired}) / "api.yaml"
    lines = _errors(capsys, "generate", str(source), "-o", str(tmp_path), "--package", "p", "-q")
    assert len(lines) == 3, lines
    assert lines[-1] == (
        "warning: 1 defect repaired (docs/repairs.md); --strict refuses them; 1 other warning"
    )


def test_a_system_warns_in_generate_and_not_in_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A committed system whose client cannot send one of its schemes: ``generate`` says so,
    and ``check`` of the tree generate made is silent but for its verdict."""
    shutil.copytree(SPECS / "alma-jobs", tmp_path / "specs" / "alma-jobs")
    manifest_file = tmp_path / "specs" / "alma-jobs" / "manifest.yaml"
    manifest = yaml.safe_load(manifest_file.read_text())
    manifest["auth"]["schemes"]["tls"] = {"type": "mutualTLS"}
    manifest_file.write_text(yaml.safe_dump(manifest, sort_keys=False))
    monkeypatch.chdir(tmp_path)
    folders = ["--specs", "specs"]
    _errors(capsys, "normalize", *folders, "--no-cache", "-q")
    lines = _errors(capsys, "generate", *folders, "-o", "generated", "--no-cache", "-q")
    assert lines == [
        f"warning: specs/alma-jobs/openapi.yaml #/components/securitySchemes/tls: {_UNSENDABLE}; "
        "operations that need it only work with credentials given by `headers=` or "
        "`http_client=`",
        "warning: 1 warning",
    ]
    lines = _errors(capsys, "check", *folders, "--generated", "generated", "-q")
    assert lines == ["specs/ and generated/ are what the generator makes from the sources"]
