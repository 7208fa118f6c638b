from __future__ import annotations

from pathlib import Path

import pytest

from generator.shared.errors import SpecError
from generator.sources.source_files import SourceFiles
from tests.conftest import write_tree


def test_yaml_dates_stay_strings_and_files_are_parsed_once(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.yaml": "since: 2024-01-01\n"})
    files = SourceFiles(tmp_path)
    first = files.load(tmp_path / "a.yaml")
    assert first == {"since": "2024-01-01"}
    assert files.load(tmp_path / "a.yaml") is first


def test_json_errors_name_the_line(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.json": '{\n  "a": 1,\n  "b": \n}\n'})
    with pytest.raises(SpecError) as raised:
        SourceFiles(tmp_path).load(tmp_path / "a.json")
    assert str(raised.value).endswith("a.json:4: invalid JSON: Expecting value") or ":4:" in str(
        raised.value
    )


def test_line_of_a_pointer(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.yaml": "a:\n  b:\n    - x\n    - y\n"})
    assert SourceFiles(tmp_path).line_of(tmp_path / "a.yaml", "/a/b/1") == 4


def test_paths_outside_the_root_are_refused(tmp_path: Path) -> None:
    write_tree(tmp_path, {"inside/a.yaml": "a: 1\n", "outside.yaml": "b: 2\n"})
    files = SourceFiles(tmp_path / "inside")
    with pytest.raises(SpecError, match="escapes the source folder"):
        files.load(tmp_path / "outside.yaml")
    with pytest.raises(SpecError, match="escapes the source folder"):
        files.resolve_reference(tmp_path / "inside" / "a.yaml", "../outside.yaml")
