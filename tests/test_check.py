"""Regenerating reproduces what is committed (asserted once, here, for every system and every
file); and ``check`` (``make check``) says so, or where not."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from generator.build_cache import files_below
from generator.cli import main
from generator.emit.record import RECORD
from generator.project.systems import SPEC_NAME
from tests.conftest import GENERATED, SPECS, Regenerated

ALMA_MODELS = "generated/alma_jobs/src/alma_jobs/models.py"


def _differences(committed: Path, fresh: Path, shown: str) -> list[str]:
    """Every file that differs between the two folders, named as ``shown/<path>``."""
    before = {p.relative_to(committed): p for p in files_below(committed)}
    after = {p.relative_to(fresh): p for p in files_below(fresh)}
    found = []
    for relative in sorted(before.keys() | after.keys()):
        name = f"{shown}/{relative.as_posix()}"
        if relative not in after:
            found.append(f"extra    {name}")
        elif relative not in before:
            found.append(f"missing  {name}")
        elif before[relative].read_bytes() != after[relative].read_bytes():
            found.append(f"changed  {name}")
    return found


def test_regenerating_reproduces_every_committed_file(regenerated: Regenerated) -> None:
    """The one test of it: every system's spec and every file of every package, and nothing
    committed under generated/ that the generator does not make."""
    found = []
    for system, package in regenerated.packages.items():
        committed, fresh = SPECS / system / SPEC_NAME, regenerated.specs / system / SPEC_NAME
        if not committed.is_file() or committed.read_bytes() != fresh.read_bytes():
            found.append(f"changed  specs/{system}/{SPEC_NAME}")
        found += _differences(
            GENERATED / package, regenerated.generated / package, f"generated/{package}"
        )
    expected = set(regenerated.packages.values())
    found += [
        f"extra    generated/{folder.name}/"
        for folder in sorted(GENERATED.iterdir())
        if folder.is_dir() and not folder.name.startswith(".") and folder.name not in expected
    ]
    assert not found, "regenerating changes what is committed (run `make generate`):\n" + "\n".join(
        found
    )


def test_the_reproduction_test_names_each_differing_file(tmp_path: Path) -> None:
    committed, fresh = tmp_path / "committed", tmp_path / "fresh"
    for folder in (committed, fresh):
        (folder / "src").mkdir(parents=True)
        (folder / "src" / "same.py").write_text("x = 1\n")
    (committed / "src" / "edited.py").write_text("x = 1\n")
    (fresh / "src" / "edited.py").write_text("x = 2\n")
    (committed / "stray.py").write_text("")
    (fresh / "README.md").write_text("")
    assert _differences(committed, fresh, "generated/p") == [
        "missing  generated/p/README.md",
        "changed  generated/p/src/edited.py",
        "extra    generated/p/stray.py",
    ]


# -- the `check` command, on a checkout of one system (what it does is the same for each) ----


@pytest.fixture
def checkout(tmp_path: Path, regenerated: Regenerated) -> Path:
    """A checkout of alma-jobs alone: its sources and the spec and package made from them."""
    root = tmp_path / "checkout"
    shutil.copytree(SPECS / "alma-jobs", root / "specs" / "alma-jobs")
    shutil.copy(regenerated.specs / "alma-jobs" / SPEC_NAME, root / "specs" / "alma-jobs")
    shutil.copytree(regenerated.generated / "alma_jobs", root / "generated" / "alma_jobs")
    return root


def _check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``check`` run in ``root``, as a user runs it there (paths are shown relative to it)."""
    capsys.readouterr()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        code = main(["check", "--specs", "specs", "--generated", "generated"])
    out, err = capsys.readouterr()
    return code, out, err


def _fingerprint(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_check_passes_in_silence_and_writes_nothing(
    checkout: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _fingerprint(checkout)
    code, out, err = _check(checkout, capsys)
    assert code == 0, out[-3000:] + err
    assert out == ""
    assert _fingerprint(checkout) == before  # nothing written


def test_a_hand_edit_is_told_from_a_stale_file_and_the_users_files_are_left_alone(
    checkout: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = checkout / "generated/alma_jobs"
    models = checkout / ALMA_MODELS
    models.write_text(models.read_text().replace("class Job(", "class Jobb(", 1))  # by hand
    (package / "README.md").unlink()  # a generated file gone: regenerating makes it again
    # One the generator wrote once and makes no more (its record lists it): stale.
    record = json.loads((package / RECORD).read_text())
    record["files"]["src/alma_jobs/gone.py"] = hashlib.sha256(b"x = 1\n").hexdigest()
    (package / RECORD).write_text(json.dumps(record))
    (package / "src/alma_jobs/gone.py").write_text("x = 1\n")
    # The user's own: not the generator's to compare.
    (package / "src/alma_jobs/custom").mkdir()
    (package / "src/alma_jobs/custom/__init__.py").write_text("x = 1\n")
    (package / "src/alma_jobs/mine.py").write_text("x = 1\n")
    before = _fingerprint(checkout)

    code, out, err = _check(checkout, capsys)
    assert code == 1
    assert f"hand edit: {ALMA_MODELS} (differs from what generation wrote)" in err
    assert "move each change into src/<package>/custom/" in err
    stale = "sources, templates or the generator changed"
    assert f"stale: generated/alma_jobs/README.md (missing; {stale})" in err
    assert f"stale: generated/alma_jobs/src/alma_jobs/gone.py (extra; {stale})" in err
    assert f"stale: generated/alma_jobs/{RECORD} (changed; {stale})" in err
    assert "custom" not in err.replace("src/<package>/custom/", "") and "mine.py" not in err
    assert len(err.splitlines()) == 1 + 4 + 2  # the count, the files, what to do of each kind
    assert f"--- a/{ALMA_MODELS}" in out
    assert "-class Jobb(" in out and "+class Job(" in out
    assert _fingerprint(checkout) == before


def test_only_stale_files_say_only_to_regenerate(
    checkout: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (checkout / "generated/alma_jobs/README.md").unlink()
    code, _out, err = _check(checkout, capsys)
    assert code == 1
    assert "stale: generated/alma_jobs/README.md (missing;" in err
    assert "hand edit" not in err and "custom/" not in err
    assert "run `make generate` and commit the result" in err


def test_a_changed_source_shows_in_the_spec_and_the_client(
    checkout: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = checkout / "specs/alma-jobs/manifest.yaml"
    text = manifest.read_text()
    assert "title: " in text
    manifest.write_text(text.replace("title: ", "title: Renamed ", 1))
    code, out, err = _check(checkout, capsys)
    assert code == 1
    assert "stale: specs/alma-jobs/openapi.yaml (changed;" in err
    assert "+  title: Renamed" in out
