"""The report's section of the corpus spec by spec beside openapi-python-client, and its row of
"Against the targets": what a reader of docs/benchmarks.md is told."""

from __future__ import annotations

from typing import Any

from bench.report import (
    CORPUS_QUALITY,
    _targets,
    corpus_quality_lines,
    corpus_target,
    replace_corpus_quality,
)


def _judged(typed: int = 20, answers: int = 20, **changes: Any) -> dict[str, Any]:
    judged = {
        "generates": True,
        "imports": True,
        "mypy": "ok",
        "operations": 30,
        "spec_operations": 30,
        "answers": answers,
        "typed": typed,
    }
    return judged | changes


def _row(name: str, spec_format: str = "OpenAPI 3.1", origin: str = "npm x@1: a.json", **ours: Any):
    return {
        "spec": name,
        "format": spec_format,
        "origin": origin,
        "ours": _judged(**ours),
        "openapi-python-client": {"generates": False, "note": "not supported"},
    }


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip("|").split("|")]


def test_each_spec_is_a_row_with_ours_beside_opc() -> None:
    rows = [
        _row("petstore", "Swagger 2.0"),
        _row("partly", typed=18, mypy="Found 2 errors in 1 file"),
    ]
    rows[1]["openapi-python-client"] = _judged(typed=5, skipped=3, operations=29)
    lines = corpus_quality_lines(rows)
    header = _cells(next(line for line in lines if line.startswith("| spec")))
    table = {cells[0]: dict(zip(header, cells, strict=True)) for cells in map(_cells, lines[-2:])}
    assert "covers (auth, pagination)" not in header  # bench.corpus says nothing of it here
    petstore, partly = table["petstore"], table["partly (**short**)"]
    assert petstore["ours: typed JSON answers"] == "20 / 20 (100.0%)"
    assert petstore["opc: generates"] == "**no** (not supported)"
    assert partly["ours: mypy --strict"] == "Found 2 errors in 1 file"
    assert partly["opc: generates"] == "yes (3 parts skipped)"
    assert partly["opc: methods / operations"] == "29 / 30"
    assert partly["opc: typed JSON answers"] == "5 / 20 (25.0%)"


def test_the_coverage_column_appears_when_the_corpus_gives_it() -> None:
    rows = [_row("a", coverage="auth: apikey; pagination: link")]
    lines = corpus_quality_lines(rows)
    header = _cells(next(line for line in lines if line.startswith("| spec")))
    row = dict(zip(header, _cells(lines[-1]), strict=True))
    assert row["covers (auth, pagination)"] == "auth: apikey; pagination: link"


def test_the_target_counts_registry_specs_by_format_and_names_the_short_ones() -> None:
    formats = ["Swagger 2.0"] * 4 + ["OpenAPI 3.0"] * 4 + ["OpenAPI 3.1"] * 7
    rows = [_row(f"s{i}", spec_format) for i, spec_format in enumerate(formats)]
    rows.append(_row("ours", origin="specs/ (ours)", typed=0))  # counted as short, not as registry
    row = corpus_target(rows)
    assert "15 registry specs (Swagger 2.0: 4, OpenAPI 3.0: 4, OpenAPI 3.1: 7)" in row
    assert row.endswith("short: ours | **not met** |")
    assert corpus_target(rows[:-1]).endswith("short: none | met |")
    # 95% typed is the bar: 19 of 20 meets it, 18 of 20 does not; a spec with no such answer does
    assert corpus_target([*rows[:-1], _row("s", typed=19)]).endswith("| met |")
    assert corpus_target([*rows[:-1], _row("s", typed=0, answers=0)]).endswith("| met |")
    assert "short: s |" in corpus_target([*rows[:-1], _row("s", typed=18)])
    assert corpus_target(rows[1:-1]).endswith("**not met** |")  # 3 Swagger 2.0 documents


def test_the_section_goes_before_the_targets_and_is_replaced_in_place() -> None:
    page = "\n".join(
        [
            "# Benchmarks",
            "",
            "## Against the targets",
            "",
            "| target | this run | |",
            "|---|---|---|",
            "| every corpus spec generates | none | met |",
            "",
            "## Commands",
            "",
        ]
    )
    once = replace_corpus_quality(page, [_row("a")])
    twice = replace_corpus_quality(once, [_row("a"), _row("b")])
    for text in (once, twice):
        lines = text.split("\n")
        assert lines.count(CORPUS_QUALITY) == 1
        assert lines.index(CORPUS_QUALITY) < lines.index("## Against the targets")
        targets = lines[lines.index("## Against the targets") :]
        assert targets[5].startswith("| the corpus: at least 15 registry specs")  # in the table
        assert sum(line.startswith("| the corpus: at least 15") for line in lines) == 1
        assert text.endswith("## Commands\n")
    assert "| b |" in twice and "| a |" in twice and "| b |" not in once


def test_make_bench_puts_the_corpus_row_among_the_targets() -> None:
    results: dict[str, Any] = {
        "specs": [],
        "generation": [],
        "noop_generate": 0.2,
        "runtime": {
            "parse_body_opc": 1.0,
            "parse_body_ours": 0.25,
            "call_ours": 1.1,
            "call_raw": 1,
        },
    }
    assert not any("at least 15 registry specs" in row for row in _targets(results))
    rows = _targets(results | {"corpus_quality": [_row("a")]})
    assert sum(row.startswith("| the corpus: at least 15 registry specs") for row in rows) == 1
