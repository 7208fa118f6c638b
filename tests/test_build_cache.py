"""The no-op cache: nothing changed, nothing done; anything changed, everything redone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import build_cache
from tests.conftest import PROJECT

_RUN = """
import sys
from generator.cli import main
code = main(sys.argv[1:])
# What a run loaded tells whether it did the work: the cache answers without these.
loaded = sys.modules
print(code, "generator.normalize.normalize" in loaded, "generator.emit.generate" in loaded)
"""


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A checkout of alma-jobs alone: the cache does the same for one system as for five, and
    each run here normalizes or generates one instead of five."""
    shutil.copytree(PROJECT / "specs" / "alma-jobs", tmp_path / "specs" / "alma-jobs")
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    shutil.copytree(
        PROJECT / "generated" / "alma_jobs", tmp_path / "generated" / "alma_jobs", ignore=ignore
    )
    return tmp_path


def _run(checkout: Path, *arguments: str) -> tuple[int, bool]:
    result = subprocess.run(
        [sys.executable, "-c", _RUN, *arguments, "--specs", str(checkout / "specs"), "--quiet"],
        capture_output=True,
        text=True,
        cwd=checkout,
        # this checkout's generator, not the one the interpreter has installed (a worktree's
        # tests would otherwise run another checkout's code, and hash its files)
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(PROJECT), os.environ.get("PYTHONPATH", "")]),
        },
        timeout=300,
    )
    code, normalize_loaded, generate_loaded = result.stdout.split()
    assert result.stderr == "" or code == "1", result.stderr
    return int(code), "True" in (normalize_loaded, generate_loaded)


def test_a_second_run_with_nothing_changed_does_nothing(checkout: Path) -> None:
    assert _run(checkout, "normalize") == (0, True)
    assert _run(checkout, "generate") == (0, True)
    assert _run(checkout, "normalize") == (0, False)
    assert _run(checkout, "generate") == (0, False)
    assert _run(checkout, "generate", "--no-cache") == (0, True)
    # Custom code is the user's: adding or editing it leaves nothing to regenerate.
    custom = checkout / "generated/alma_jobs/src/alma_jobs/custom"
    custom.mkdir()
    (custom / "__init__.py").write_text("x = 1\n")
    assert _run(checkout, "generate") == (0, False)
    (custom / "__init__.py").write_text("x = 2\n")
    assert _run(checkout, "generate") == (0, False)


def test_a_changed_source_or_a_hand_edited_output_is_redone(checkout: Path) -> None:
    _run(checkout, "normalize")
    _run(checkout, "generate")
    manifest = checkout / "specs" / "alma-jobs" / "manifest.yaml"
    manifest.write_text(manifest.read_text().replace("title: ", "title: Cached ", 1))
    assert _run(checkout, "normalize") == (0, True)
    assert "title: Cached" in (checkout / "specs/alma-jobs/openapi.yaml").read_text()
    assert _run(checkout, "generate") == (0, True)

    models = checkout / "generated/alma_jobs/src/alma_jobs/models.py"
    original = models.read_text()
    models.write_text(original + "\n# edited by hand\n")
    assert _run(checkout, "generate") == (1, True)  # seen, and refused: a hand edit
    assert _run(checkout, "generate", "--force") == (0, True)
    assert models.read_text() == original  # put back as the generator makes it

    spec = checkout / "specs/alma-jobs/openapi.yaml"
    spec.write_text(spec.read_text() + "\n")
    assert _run(checkout, "normalize") == (0, True)  # an edited output is redone too


def test_after_an_edit_to_one_system_only_that_one_is_redone(
    checkout: Path, tmp_path: Path
) -> None:
    shutil.copytree(
        PROJECT / "specs" / "liquid-decisions-batch", checkout / "specs" / "liquid-decisions-batch"
    )
    environment = {**os.environ, "GENERATOR_CACHE": str(tmp_path / "cache")}

    def run(step: str) -> list[str]:
        """What ``step`` said it wrote: the systems' specs and packages it redid."""
        result = subprocess.run(
            [sys.executable, "-m", "generator", step, "--specs", str(checkout / "specs")],
            capture_output=True,
            text=True,
            cwd=PROJECT,
            env=environment,
            timeout=300,
            check=True,
        )
        return sorted(Path(line.split()[-1]).name for line in result.stderr.splitlines())

    run("normalize")
    assert run("generate") == ["alma_jobs", "liquid_decisions_batch"]
    source = checkout / "specs" / "alma-jobs" / "api.yaml"
    source.write_text(source.read_text().replace("is missing or not valid", "is not valid"))
    other = checkout / ".stamps" / "normalize-liquid-decisions-batch.json"
    before = other.stat().st_mtime_ns
    assert run("normalize") == ["openapi.yaml"]
    assert "The API key is not valid" in (checkout / "specs/alma-jobs/openapi.yaml").read_text()
    assert other.stat().st_mtime_ns == before  # the other system was not normalized again
    assert run("generate") == ["alma_jobs"]
    assert run("generate") == []


def test_the_toolchain_hash_follows_templates_and_code(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    templates = tmp_path / "templates"
    shutil.copytree(PROJECT / "templates", templates)
    monkeypatch.setattr(build_cache, "TEMPLATES", templates)
    before = build_cache.toolchain()
    assert build_cache.toolchain() == before
    (templates / "package" / "README.md.jinja").write_text("changed\n")
    assert build_cache.toolchain() != before


def test_a_content_cache_drops_the_least_recently_used_past_its_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GENERATOR_CACHE", str(tmp_path))
    cache = build_cache.ContentCache("kind", budget=250)
    for number in range(3):
        cache.put(f"entry{number}", "x" * 100)
        entry = tmp_path / "kind" / f"entry{number}.json"
        os.utime(entry, ns=(number * 10**9, number * 10**9))  # one a second, oldest first
    # two fit: the oldest is gone; reading one keeps it when the next is added
    assert cache.get("entry0") is None
    assert cache.get("entry1") == "x" * 100
    cache.put("entry3", "x" * 100)
    assert cache.get("entry1") == "x" * 100
    assert cache.get("entry2") is None
    assert not list((tmp_path / "kind").glob("*.tmp"))


def test_a_content_cache_keeps_at_most_its_number_of_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GENERATOR_CACHE", str(tmp_path))
    cache = build_cache.ContentCache("kind", entries=2)
    for number in range(3):
        cache.put(f"entry{number}", number)
        entry = tmp_path / "kind" / f"entry{number}.json"
        os.utime(entry, ns=(number * 10**9, number * 10**9))
    assert [cache.get(f"entry{number}") for number in range(3)] == [None, 1, 2]


def test_build_normalizes_then_generates_in_one_run(checkout: Path) -> None:
    # what `make generate` runs: one interpreter for both steps, each skipping what is fresh
    assert _run(checkout, "build") == (0, True)
    manifest = checkout / "specs" / "alma-jobs" / "manifest.yaml"
    manifest.write_text(manifest.read_text().replace("Runs of a job (", "The runs of a job ("))
    assert _run(checkout, "build") == (0, True)
    assert "The runs of a job" in (checkout / "specs/alma-jobs/openapi.yaml").read_text()
    client = checkout / "generated/alma_jobs/src/alma_jobs/resources.py"
    assert "The runs of a job" in client.read_text()
    assert _run(checkout, "build") == (0, False)
    assert _run(checkout, "generate") == (0, False)  # build's stamps are the steps' own


def _build(checkout: Path) -> subprocess.CompletedProcess[str]:
    """``build`` as make runs it, in a process of its own: generating runs in a forked child."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "build", "--quiet", "--specs", str(checkout / "specs")],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env={k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},
        timeout=300,
    )


def test_a_build_whose_generating_refuses_says_why_after_normalizing(checkout: Path) -> None:
    assert _build(checkout).returncode == 0
    manifest = checkout / "specs" / "alma-jobs" / "manifest.yaml"
    manifest.write_text(manifest.read_text().replace("Runs of a job (", "The runs of a job ("))
    models = checkout / "generated/alma_jobs/src/alma_jobs/models.py"
    models.write_text(models.read_text() + "\n# edited by hand\n")
    result = _build(checkout)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("error: "), result.stderr
    assert "src/alma_jobs/models.py" in result.stderr
    assert "The runs of a job" in (checkout / "specs/alma-jobs/openapi.yaml").read_text()
    assert models.read_text().endswith("# edited by hand\n")  # kept: nothing was written


def test_a_build_whose_normalizing_fails_generates_nothing(checkout: Path) -> None:
    assert _build(checkout).returncode == 0
    package = checkout / "generated/alma_jobs"
    before = {p: p.read_bytes() for p in package.rglob("*") if p.is_file()}
    source = checkout / "specs" / "alma-jobs" / "api.yaml"
    source.write_text(source.read_text() + "\nunknown-top-key: 1\n")
    result = _build(checkout)
    assert result.returncode == 2
    assert result.stderr.count("error: ") == 1, result.stderr
    assert "api.yaml" in result.stderr and "unknown-top-key" in result.stderr
    assert {p: p.read_bytes() for p in package.rglob("*") if p.is_file()} == before


def test_build_takes_system_ids_only(checkout: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", str(checkout / "specs/alma-jobs/api.yaml")],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=60,
    )
    assert result.returncode == 2
    assert "build takes system ids; normalize or generate a source file" in result.stderr


def test_tool_versions_are_the_ones_importlib_metadata_finds() -> None:
    from importlib import metadata

    assert build_cache.tool_versions() == {t: metadata.version(t) for t in build_cache.TOOLS}
