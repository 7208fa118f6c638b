"""The scale section of docs/benchmarks.md and the rows of "Against the targets" for every
target of issue #15: a results dict in, what a reader is told out."""

from __future__ import annotations

from typing import Any

import pytest

from bench.report import SCALE, _targets, scale_growth, scale_lines


def _run(seconds: float, mib: float, ok: bool = True, note: str = "") -> dict[str, Any]:
    return {"ok": ok, "seconds": seconds, "peak_mib": mib, "note": note}


def _imported(seconds: float, mib: float, call: float = 0.1) -> dict[str, Any]:
    return {
        "ok": True,
        "import_seconds": seconds,
        "import_mib": mib,
        "call_seconds": seconds + call,
        "call_mib": mib + 1,
    }


def _size(operations: int, **changes: Any) -> dict[str, Any]:
    size = {
        "operations": operations,
        "schemas": operations * 2 // 5,
        "bytes": operations * 900,
        # time ~ ops^1.5, memory ~ ops^0.5, import ~ ops^1
        "ours": _run(1e-4 * operations**1.5, 0.5 * operations**0.5),
        "opc": None,
        "import": _imported(2e-5 * operations, 0.01 * operations),
    }
    return size | changes


def _scale() -> dict[str, Any]:
    return {
        "synthetic": [
            _size(1_000),
            _size(5_000),
            _size(20_000),
            _size(50_000, opc=_run(900, 0, ok=False, note="no result in 900 s")),
        ],
        "largest_corpus": {
            "spec": "github",
            "operations": 1223,
            "ours": _run(30.0, 900.0),
            "import": _imported(0.3, 80.0),
        },
    }


def _results(**changes: Any) -> dict[str, Any]:
    results = {
        "specs": [{"name": "big", "bytes": 6_000_000, "format": "OpenAPI 3.0", "schemas": 900}],
        "generation": [
            {"spec": "big", "tool": "ours", **_run(4.0, 300.0)},
            {"spec": "big", "tool": "openapi-python-client", **_run(10.0, 400.0)},
        ],
        "noop_generate": 0.2,
        "runtime": {
            "parse_body_opc": 1.0,
            "parse_body_ours": 0.25,
            "call_ours": 1.05,
            "call_raw": 1,
        },
        "scale": _scale(),
    }
    return results | changes


def _rows(results: dict[str, Any]) -> dict[str, str]:
    """Issue #15's rows of the targets table, by item: "(#15.1)" -> its rows, one a line."""
    rows: dict[str, str] = {}
    for row in _targets(results)[2:]:
        if row.startswith("| (#15."):
            item = row[2:9]
            rows[item] = rows.get(item, "") + row + "\n"
    return rows


def test_the_growth_exponents_are_the_powers_of_the_operations() -> None:
    growth = scale_growth(_scale())
    assert growth["generation time"] == pytest.approx(1.5)
    assert growth["generation memory"] == pytest.approx(0.5)
    assert growth["import time"] == pytest.approx(1.0)
    assert growth["import memory"] == pytest.approx(1.0)
    failed = _scale()
    failed["synthetic"][1]["ours"] = _run(900, 0, ok=False, note="no result in 900 s")
    failed["synthetic"][2]["import"] = None
    assert scale_growth(failed)["generation time"] == pytest.approx(1.5)  # the others still fit
    failed["synthetic"][3]["import"] = {"ok": False, "note": "MemoryError"}
    assert scale_growth(failed)["import time"] is None  # two points are no fit


def test_the_section_has_a_row_a_size_and_the_largest_corpus_package() -> None:
    lines = scale_lines(_scale())
    assert lines[0] == SCALE
    rows = [line for line in lines if line.startswith("| synthetic") or line.startswith("| github")]
    assert len(rows) == 5
    assert rows[3].startswith("| synthetic | 50,000 | 20,000 | 42.9 MiB | 1118.03 s, 112 MiB |")
    assert (
        "fails (no result in 900 s)" in rows[3]
        and "| 1.00 s, 500 MiB | 1.10 s, 501 MiB |" in rows[3]
    )
    assert "not run" in rows[0]
    assert rows[4].startswith("| github (the corpus's largest) | 1,223 |")
    assert rows[4].endswith("| 0.30 s, 80 MiB | 0.40 s, 81 MiB |")
    assert "generation time ops^1.50; generation memory ops^0.50; import time ops^1.00" in lines[-1]


def test_every_target_of_issue_15_has_a_row_with_a_verdict() -> None:
    rows = _rows(_results())
    assert sorted(rows) == [f"(#15.{item})" for item in range(1, 7)]
    verdicts = [row.rsplit(" | ", 1)[1] for item in rows.values() for row in item.splitlines()]
    assert len(verdicts) == 8  # item 1: two bounds, item 5: two measurements
    assert all(v == "met |" or v.startswith("**not met**: ") for v in verdicts), verdicts


def test_each_row_judges_this_run_against_its_bound() -> None:
    rows = _rows(_results())
    first, big = rows["(#15.1)"].splitlines()
    assert "github (1,223 operations): 0.40 s, 85 MB | met |" in first  # 81 MiB is 85 MB
    assert "50,000 operations: 1.10 s, 501 MiB | **not met**: 1.10x the bound |" in big
    assert "worst 0.75x (big) | met |" in rows["(#15.2)"]
    assert "worst 0.40x (big) | met |" in rows["(#15.3)"]
    assert "| not measured | **not met**: not measured |" in rows["(#15.4)"]
    per_call, parse = rows["(#15.5)"].splitlines()
    assert "| 1.05x | met |" in per_call and "| 4.00x | met |" in parse
    assert "ops^1.50" in rows["(#15.6)"] and rows["(#15.6)"].endswith("| met |\n")

    scale = _scale()
    scale["largest_corpus"]["import"] = _imported(0.6, 120.0)
    slower = _results(
        runtime={"parse_body_opc": 1.0, "parse_body_ours": 0.5, "call_ours": 1.15, "call_raw": 1},
        scale=scale,
        user_loop={"system": "alma-jobs", "ours": 1.5, "opc": 2.0},
    )
    rows = _rows(slower)
    assert "0.70 s, 127 MB | **not met**: 1.40x the time, 1.27x the memory |" in rows["(#15.1)"]
    assert "| 1.15x | **not met**: 1.15x |" in rows["(#15.5)"]  # 1.2x was the bound before #15
    assert "| 2.00x | **not met**: 2.00x |" in rows["(#15.5)"]
    assert (
        "alma-jobs: 1.50 s against 2.00 s, 0.75x | **not met**: 1.50x the bound |"
        in rows["(#15.4)"]
    )


def test_a_measurement_missing_or_failed_is_told_not_a_crash() -> None:
    rows = _rows({key: value for key, value in _results().items() if key != "scale"})
    assert rows["(#15.1)"].count("| not measured | **not met**: no figure |") == 2
    assert "| not measured | **not met**: no figure |" in rows["(#15.6)"]
    failed = _scale()
    failed["largest_corpus"]["import"] = {"ok": False, "note": "ImportError"}
    failed["synthetic"][3]["ours"] = _run(900, 0, ok=False, note="no result in 900 s")
    failed["synthetic"][3]["import"] = None
    rows = _rows(_results(scale=failed))
    assert rows["(#15.1)"].count("**not met**: no figure") == 2
    assert "fails (no result in 900 s)" in rows["(#15.6)"]
    assert rows["(#15.6)"].endswith("**not met**: a figure is missing (see the scale section) |\n")
    two = _scale()
    two["synthetic"] = two["synthetic"][2:]  # two sizes: no exponent can be fitted
    rows = _rows(_results(scale=two))
    assert "generation time: too few points" in rows["(#15.6)"]
    assert "**not met**: a figure is missing" in rows["(#15.6)"]
