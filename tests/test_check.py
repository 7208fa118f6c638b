"""``check`` (``make check``): regenerating reproduces what is committed, and says where not."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT

ALMA_MODELS = "generated/alma_jobs/src/alma_jobs/models.py"


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("checkout")
    shutil.copytree(PROJECT / "specs", root / "specs")
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    shutil.copytree(PROJECT / "generated", root / "generated", ignore=ignore)
    return root


def _check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "check",
            "--specs",
            str(root / "specs"),
            "--generated",
            str(root / "generated"),
        ],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=300,
    )


def _fingerprint(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_the_committed_tree_is_what_the_generator_makes(checkout: Path) -> None:
    before = _fingerprint(checkout)
    result = _check(checkout)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    assert result.stdout == ""
    assert _fingerprint(checkout) == before  # nothing written


def test_an_edited_missing_or_extra_generated_file_fails_with_a_diff(
    checkout: Path, tmp_path: Path
) -> None:
    root = tmp_path / "copy"
    shutil.copytree(checkout, root)
    models = root / ALMA_MODELS
    models.write_text(models.read_text().replace("class Job(", "class Jobb(", 1))
    (root / "generated/alma_jobs/README.md").unlink()
    (root / "generated/alma_jobs/src/alma_jobs/stray.py").write_text("x = 1\n")
    before = _fingerprint(root)

    result = _check(root)
    assert result.returncode == 1
    assert f"changed  {ALMA_MODELS}" in result.stderr
    assert "missing  generated/alma_jobs/README.md" in result.stderr
    assert "extra    generated/alma_jobs/src/alma_jobs/stray.py" in result.stderr
    assert f"--- a/{ALMA_MODELS}" in result.stdout
    assert "-class Jobb(" in result.stdout and "+class Job(" in result.stdout
    assert _fingerprint(root) == before


def test_a_changed_source_shows_in_the_spec_and_the_client(checkout: Path, tmp_path: Path) -> None:
    root = tmp_path / "copy"
    shutil.copytree(checkout, root)
    manifest = root / "specs/alma-jobs/manifest.yaml"
    text = manifest.read_text()
    assert "title: " in text
    manifest.write_text(text.replace("title: ", "title: Renamed ", 1))
    result = _check(root)
    assert result.returncode == 1
    assert "changed  specs/alma-jobs/openapi.yaml" in result.stderr
    assert "+  title: Renamed" in result.stdout
