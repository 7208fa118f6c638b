"""generator.sources.openapi: which OpenAPI versions are read."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.shared.errors import SpecError, Warnings
from generator.sources.detect import detect_format, loader_for
from generator.sources.source_files import SourceFiles
from tests.conftest import write_tree

_DOCUMENT = "openapi: {version}\ninfo: {{title: t, version: '1'}}\npaths: {{}}\n"


@pytest.mark.parametrize("version", ["3.0.3", "3.1.1", "3.2.0", "3.2.1"])
def test_openapi_30_31_and_32_are_detected_and_loaded(tmp_path: Path, version: str) -> None:
    write_tree(tmp_path, {"api.yaml": _DOCUMENT.format(version=version)})
    files = SourceFiles(tmp_path)
    format_name = detect_format(tmp_path / "api.yaml", files)
    document = loader_for(format_name)(tmp_path / "api.yaml", files, Warnings())
    assert (format_name, document["openapi"]) == ("openapi", version)


@pytest.mark.parametrize("version", ["3.3.0", "4.0.0", "3.2"])
def test_other_versions_are_refused_at_the_version(tmp_path: Path, version: str) -> None:
    write_tree(tmp_path, {"api.yaml": _DOCUMENT.format(version=version)})
    files = SourceFiles(tmp_path)
    with pytest.raises(SpecError, match=r"not supported \(3\.0\.x, 3\.1\.x and 3\.2\.x are\)") as e:
        loader_for("openapi")(tmp_path / "api.yaml", files, Warnings())
    assert e.value.pointer == "/openapi"
