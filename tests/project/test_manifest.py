"""The manifest: what it may say, and a clear refusal naming the pointer where it is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.project.manifest import load_manifest
from generator.shared.errors import SpecError
from tests.conftest import SPECS


def test_a_package_version_must_be_pep_440_and_names_its_pointer(tmp_path: Path) -> None:
    folder = tmp_path / "alma-jobs"
    folder.mkdir()
    manifest = yaml.safe_load((SPECS / "alma-jobs" / "manifest.yaml").read_text(encoding="utf-8"))
    for version, good in (("2.1.0rc1", True), ("2.1.0-SNAPSHOT", False)):
        (folder / "manifest.yaml").write_text(
            yaml.safe_dump({**manifest, "package-version": version}), encoding="utf-8"
        )
        if good:
            assert load_manifest(folder / "manifest.yaml").data["package-version"] == version
            continue
        with pytest.raises(SpecError, match="not a PEP 440 version") as raised:
            load_manifest(folder / "manifest.yaml")
        assert raised.value.pointer == "/package-version"
