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


def test_a_url_under_the_documents_self_is_its_local_copy(tmp_path: Path) -> None:
    """OpenAPI 3.2's ``$self``: where the description is published. A reference to that URL,
    or to a file beside it, is the local file laid out alike; any other URL stays remote."""
    write_tree(
        tmp_path,
        {
            "openapi.yaml": "$self: https://api.example.org/v2/openapi.yaml\n",
            "schemas/job.yaml": "type: object\n",
        },
    )
    files = SourceFiles(tmp_path)
    root = tmp_path / "openapi.yaml"
    here = "https://api.example.org/v2/openapi.yaml#/components/schemas/Job"
    assert files.resolve_reference(root, here) == (root, "/components/schemas/Job")
    beside = "https://api.example.org/v2/schemas/job.yaml"
    assert files.resolve_reference(root, beside) == (tmp_path / "schemas" / "job.yaml", "")
    for elsewhere in (
        "https://api.example.org/v1/schemas/job.yaml",  # another folder of the same host
        "https://other.example.org/v2/schemas/job.yaml",
        "http://api.example.org/v2/schemas/job.yaml",  # another scheme is another origin
    ):
        with pytest.raises(SpecError, match="remote reference"):
            files.resolve_reference(root, elsewhere)
    with pytest.raises(SpecError, match="not found"):
        files.resolve_reference(root, "https://api.example.org/v2/schemas/missing.yaml")


def test_without_self_every_url_is_remote(tmp_path: Path) -> None:
    write_tree(tmp_path, {"openapi.yaml": "openapi: 3.1.0\n"})
    with pytest.raises(SpecError, match="remote reference"):
        SourceFiles(tmp_path).resolve_reference(
            tmp_path / "openapi.yaml", "https://api.example.org/openapi.yaml#/x"
        )
