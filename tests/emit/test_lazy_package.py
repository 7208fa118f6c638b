"""The ``__init__.py`` of a package whose names are imported on first use: each name from its
module when first asked for, an unknown name an AttributeError, and mypy --strict clean with
names or with none (a webhooks-only API's resources)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.emit.lazy_package import lazy_init
from tests.conftest import imported

JOB = '"""The job."""\n\n\nclass Job:\n    """A job."""\n\n\nclass JobFile:\n    """A file."""\n'


def _write(folder: Path, homes: dict[str, str]) -> Path:
    """The package ``lazy`` (in ``<folder>/lazy/src``), with the given names and ``_job``."""
    folder = folder / "lazy"
    package = folder / "src" / "lazy"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(lazy_init("Things.", homes), encoding="utf-8")
    (package / "_job.py").write_text(JOB, encoding="utf-8")
    (package / "py.typed").write_text("", encoding="utf-8")
    return folder


def test_a_name_is_imported_from_its_module_when_first_asked_for(tmp_path: Path) -> None:
    with imported(_write(tmp_path, {"Job": "_job", "JobFile": "_job"})) as package:
        assert "lazy._job" not in sys.modules
        assert package.Job.__module__ == "lazy._job"
        assert "lazy._job" in sys.modules
        assert package.JobFile.__doc__ == "A file."
        assert dir(package) == ["Job", "JobFile"]
        with pytest.raises(AttributeError, match="has no attribute 'Jobs'"):
            package.Jobs  # noqa: B018


@pytest.mark.parametrize("homes", [{"Job": "_job"}, {}], ids=["names", "none"])
def test_the_init_passes_mypy_strict(
    tmp_path: Path, mypy_cache: Path, homes: dict[str, str]
) -> None:
    folder = _write(tmp_path, homes)
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache), "-p", "lazy"],
        capture_output=True,
        text=True,
        cwd=folder / "src",
        timeout=120,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
