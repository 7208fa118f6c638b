"""A system's CHANGELOG.md: an entry when regenerating changes the package, from the diff
against what is committed, breaking changes first; nothing new when nothing changed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.changes.change import Change
from generator.changes.changelog import State, updated
from generator.changes.report import Report
from tests.conftest import PROJECT

_BEFORE = State("0" * 16, "1" * 16)
_AFTER = State("0" * 16, "2" * 16)


def _first() -> str:
    return updated(
        committed=None,
        state=_BEFORE,
        distribution="jobs",
        version="1",
        changes=None,
        spec_changed=False,
    )


def test_the_first_generation_starts_the_file_and_the_same_state_changes_nothing() -> None:
    first = _first()
    assert first.startswith("# Changelog of jobs\n")
    assert f"## 1 {_BEFORE.marker()}\n\nThe first generation of this package.\n" in first
    same = updated(
        committed=first,
        state=_BEFORE,
        distribution="jobs",
        version="1",
        changes=None,
        spec_changed=False,
    )
    assert same == first


def test_a_new_entry_goes_on_top_and_lists_breaking_changes_first() -> None:
    report = Report(
        "a -> b",
        "a",
        "b",
        [
            Change("endpoint-added", "GET /runs added", "GET /runs", "/paths/~1runs/get"),
            Change(
                "request-parameter-renamed",
                "query parameter limit -> max",
                "GET /jobs",
                "/paths/~1jobs/get/parameters/0",
                breaks=("jobs.resources.JobsResource.get_jobs(limit)",),
            ),
        ],
    )
    text = updated(
        committed=_first(),
        state=State("3" * 16, "4" * 16),
        distribution="jobs",
        version="1.1",
        changes=report,
        spec_changed=True,
    )
    entries = text.split("\n## ")[1:]
    assert [entry.split(" ", 1)[0] for entry in entries] == ["1.1", "1"]
    latest = entries[0]
    assert latest.index("Breaking changes:") < latest.index("Other changes:")
    assert (
        "- ERR `request-parameter-renamed` (`GET /jobs`): query parameter limit -> max; "
        "breaks `jobs.resources.JobsResource.get_jobs(limit)`" in latest
    )
    assert "- INFO `endpoint-added` (`GET /runs`): GET /runs added" in latest


def test_a_package_regenerated_from_the_same_spec_says_the_api_is_the_same() -> None:
    text = updated(
        committed=_first(),
        state=_AFTER,
        distribution="jobs",
        version="1",
        changes=None,
        spec_changed=False,
    )
    assert text.split("\n## ")[1].startswith(f"1 {_AFTER.marker()}\n\nRegenerated with a new")


def test_regenerating_after_a_spec_change_writes_its_breaking_change_and_undoing_it_undoes_it(
    tmp_path: Path,
) -> None:
    clone = tmp_path / "repo"
    subprocess.run(
        ["git", "clone", "--quiet", "--shared", str(PROJECT), str(clone)], check=True, timeout=60
    )
    spec = clone / "specs" / "alma-jobs" / "openapi.yaml"
    changelog = clone / "generated" / "alma_jobs" / "CHANGELOG.md"
    committed = changelog.read_text(encoding="utf-8")
    text = spec.read_text(encoding="utf-8")
    category = "      - name: category\n        in: query\n"
    assert text.count(category) == 1  # getJobs' filter by category, renamed to `group`
    spec.write_text(text.replace(category, category.replace("category", "group")), "utf-8")

    def generate() -> None:
        subprocess.run(
            [sys.executable, "-m", "generator", "generate", "alma-jobs", "--quiet", "--no-cache"],
            cwd=clone,
            check=True,
            timeout=300,
        )

    generate()
    latest = changelog.read_text(encoding="utf-8").split("\n## ")[1]
    assert "Breaking changes:" in latest and "`request-parameter-renamed`" in latest
    assert "breaks `alma_jobs.resources.JobsResource.get_jobs(category)`" in latest
    assert changelog.read_text(encoding="utf-8").endswith(committed.split("\n## ", 1)[1])
    spec.write_text(text, encoding="utf-8")
    generate()
    assert changelog.read_text(encoding="utf-8") == committed
