"""ruff over generated packages, with what it made of each file kept for the next run."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.build_cache import fresh_results
from generator.emit import formatting
from generator.shared.errors import SpecError

SPEC = Path("specs/pets/openapi.yaml")

# A package as rendering leaves it: imports out of order (its own package, a third party and
# the standard library: which is which depends on where the file is), spacing ruff mends, and
# Python in its README.
_PACKAGE = {
    "pkg/README.md": "# pkg\n\n```python\nfrom pkg import Client\nclient=Client( 'x' )\n```\n",
    "pkg/pyproject.toml": '[project]\nname = "pkg"\n',
    "pkg/src/pkg/__init__.py": "from pkg._client import Client\n__all__=['Client']\n",
    "pkg/src/pkg/_client.py": (
        "from pkg.models import Job\nimport httpx\nimport os\n\n"
        "class Client:\n  def __init__(self,url:str)->None:\n    self.url=url\n"
        "    self.http,self.home=httpx.Client(),os.environ['HOME']\n    self.job:Job|None=None\n"
    ),
    "pkg/src/pkg/models.py": "import pydantic\nclass Job(pydantic.BaseModel):\n  id:str\n",
    "pkg/src/pkg/resources/__init__.py": "from pkg.resources._jobs import Jobs\n",
    "pkg/src/pkg/resources/_jobs.py": "import pkg.models\nclass Jobs :\n  job:pkg.models.Job\n",
}


def _stage(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _read(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    """The files each ruff run was given, by their name in their package's folder."""
    runs: list[set[str]] = []
    run = formatting._ruff

    def recording(folder: Path, packages: dict[str, Path]) -> None:
        runs.append({p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()})
        run(folder, packages)

    monkeypatch.setattr(formatting, "_ruff", recording)
    return runs


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GENERATOR_CACHE", str(tmp_path / "cache"))


def _formatted(folder: Path, files: dict[str, str]) -> dict[str, str]:
    formatting.format_packages(_stage(folder, files), {"pkg": SPEC})
    return _read(folder)


def test_a_second_run_hands_ruff_only_the_changed_files_and_ends_the_same(
    tmp_path: Path, seen: list[set[str]]
) -> None:
    first = _formatted(tmp_path / "first", _PACKAGE)
    assert first["pkg/src/pkg/_client.py"].startswith("import os\n\nimport httpx\n\nfrom pkg")
    assert "client = Client(" in first["pkg/README.md"]  # ruff's own choice of files
    assert len(seen) == 1

    edited = {**_PACKAGE, "pkg/src/pkg/_client.py": _PACKAGE["pkg/src/pkg/_client.py"] + "#\n"}
    again = _formatted(tmp_path / "again", edited)
    # the changed file, with the package's __init__ files (so it is where it is in its package)
    assert seen[1] == {
        "pkg/src/pkg/_client.py",
        "pkg/src/pkg/__init__.py",
        "pkg/src/pkg/resources/__init__.py",
    }
    with fresh_results():  # what ruff makes of it all from nothing
        cold = _formatted(tmp_path / "cold", edited)
    assert again == cold
    assert again != first

    assert _formatted(tmp_path / "third", edited) == cold
    assert len(seen) == 3  # the cold run's: the third had nothing for ruff


def test_a_damaged_or_foreign_entry_is_formatted_again(
    tmp_path: Path, seen: list[set[str]]
) -> None:
    first = _formatted(tmp_path / "first", _PACKAGE)
    for entry in (tmp_path / "cache" / "ruff").glob("*.json"):
        entry.write_text('{"pkg/src/pkg/models.py": ["0", 1], "pkg/README.md": 7}')
    assert _formatted(tmp_path / "again", _PACKAGE) == first
    assert len(seen) == 2


def test_a_file_ruff_cannot_parse_is_named_by_its_place_in_the_package(tmp_path: Path) -> None:
    _formatted(tmp_path / "first", _PACKAGE)
    broken = {**_PACKAGE, "pkg/src/pkg/models.py": "x: int = (\n"}
    with pytest.raises(SpecError) as raised:
        _formatted(tmp_path / "again", broken)  # from the copy that holds the changed files
    message = str(raised.value)
    assert message.startswith(f"{SPEC}: ruff failed on the generated code: ")
    assert f"pkg{os.sep}src{os.sep}pkg{os.sep}models.py:2:1" in message, message
    assert str(tmp_path) not in message


def test_no_cache_folder_is_no_cache(
    tmp_path: Path, seen: list[set[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("GENERATOR_CACHE", str(blocked))
    first = _formatted(tmp_path / "first", _PACKAGE)
    shutil.rmtree(tmp_path / "first")
    assert _formatted(tmp_path / "first", _PACKAGE) == first
    assert len(seen) == 2
