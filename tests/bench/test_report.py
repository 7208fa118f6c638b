"""The benchmark report's own arithmetic: the growth exponent it prints must be right."""

from __future__ import annotations

from typing import Any

import pytest

from bench.report import _growth, _targets


def _results(times: dict[int, float], tool: str = "ours") -> dict[str, Any]:
    return {
        "specs": [{"name": f"s{size}", "bytes": size} for size in times],
        "generation": [
            {"spec": f"s{size}", "tool": tool, "ok": True, "seconds": seconds}
            for size, seconds in times.items()
        ],
    }


@pytest.mark.parametrize("power", [1.0, 2.0, 0.5])
def test_the_growth_exponent_is_the_power_of_size(power: float) -> None:
    sizes = [200_000, 1_000_000, 5_000_000, 13_000_000]
    exponent = _growth(_results({size: 1e-6 * size**power for size in sizes}))
    assert exponent == pytest.approx(power)


def test_small_specs_and_other_tools_do_not_count() -> None:
    # below 100 KB the interpreter's start-up dominates; peers' runs are not ours
    assert _growth(_results({10_000: 0.7, 20_000: 0.7, 200_000: 1.0})) is None
    assert _growth(_results({size: 1.0 for size in (2e5, 1e6, 5e6)}, tool="other")) is None


def test_memory_counts_large_specs_only_and_the_corpus_row_names_the_gap() -> None:
    def run(spec: str, tool: str, seconds: float, mib: float) -> dict[str, Any]:
        return {"spec": spec, "tool": tool, "ok": True, "seconds": seconds, "peak_mib": mib}

    results = {
        "specs": [
            {"name": "small", "bytes": 10_000, "format": "Swagger 2.0", "schemas": 5},
            {"name": "big", "bytes": 6_000_000, "format": "OpenAPI 3.0", "schemas": 900},
            {"name": "new", "bytes": 2_000_000, "format": "OpenAPI 3.1", "schemas": 453},
        ],
        "generation": [
            run("small", "ours", 1.0, 500.0),  # 10x the memory, but not a large spec
            run("small", "openapi-python-client", 1.0, 50.0),
            run("big", "ours", 4.0, 100.0),
            run("big", "openapi-python-client", 10.0, 400.0),
            run("new", "ours", 2.0, 90.0),
            run("new", "openapi-python-client", 5.0, 300.0),
        ],
        "noop_generate": 0.2,
        "runtime": {
            "parse_body_opc": 1.0,
            "parse_body_ours": 0.25,
            "call_ours": 1.1,
            "call_raw": 1,
        },
    }
    rows = {row.split(" | ")[0].lstrip("| "): row for row in _targets(results)[2:]}
    memory = rows[
        "(#15.2) generation's peak memory at most openapi-python-client's on the large corpus "
        "specs (1 MiB and more)"
    ]
    assert "worst 0.30x (new)" in memory and memory.endswith("| met |")
    corpus = next(row for name, row in rows.items() if name.startswith("the corpus has"))
    assert "largest 3.1: 453 schemas" in corpus
    assert corpus.endswith("| **not met**: no 3.1 of 500 schemas |")


def test_the_runtime_rows_beside_the_call_are_printed_where_this_run_has_them() -> None:
    from bench.report import _runtime_extra_rows

    runtime = {"call_ours": 110e-6, "parse_body_opc": 0.3}
    assert _runtime_extra_rows(runtime) == []
    runtime |= {
        "call_raw_same_headers": 100e-6,
        "call_ours_async": 105e-6,
        "call_raw_async": 100e-6,
        "parse_validate_json_ours": 0.075,
        "parse_body_msgspec": 0.05,
    }
    rows = _runtime_extra_rows(runtime)
    assert len(rows) == 4
    assert rows[0].endswith("| ours / raw = 1.10x |")
    assert rows[1].endswith("| ours / raw = 1.05x |")
    assert rows[2].endswith("| opc / pydantic alone = 4.00x |")
    assert rows[3].endswith("| opc / msgspec = 6.00x |")


def test_a_missed_generation_or_parse_target_says_what_the_model_engine_alone_takes() -> None:
    def run(tool: str, seconds: float, mib: float, ok: bool = True) -> dict[str, Any]:
        return {"spec": "big", "tool": tool, "ok": ok, "seconds": seconds, "peak_mib": mib}

    results = {
        "specs": [{"name": "big", "bytes": 2_000_000, "format": "OpenAPI 3.0", "schemas": 900}],
        "generation": [
            run("ours", 20.0, 300.0),
            run("openapi-python-client", 2.0, 100.0),
            run("datamodel-code-generator", 15.0, 150.0),
        ],
        "noop_generate": 0.2,
        "runtime": {
            "parse_body_opc": 1.0,
            "parse_body_ours": 0.5,
            "parse_validate_json_ours": 0.4,
            "call_ours": 1.0,
            "call_raw": 1,
        },
    }
    rows = _targets(results)
    memory = next(row for row in rows if row.startswith("| (#15.2)"))
    assert memory.endswith(
        "| **not met**: 3.00x on big; datamodel-code-generator alone (our model engine) takes "
        "1.50x openapi-python-client's memory there |"
    )
    time = next(row for row in rows if row.startswith("| (#15.3)"))
    assert time.endswith(
        "| **not met**: 20.00x the bound on big; datamodel-code-generator alone (our model "
        "engine) takes 7.50x openapi-python-client's time there |"
    )
    parse = next(row for row in rows if row.startswith("| (#15.5) parsing"))
    assert parse.endswith(
        "| **not met**: 2.00x; pydantic's `validate_json` alone (our model engine) parses them "
        "2.50x faster |"
    )
    # where the engine alone failed on the spec, or was not measured, there is nothing to add
    results["generation"][2]["ok"] = False
    del results["runtime"]["parse_validate_json_ours"]
    rows = _targets(results)
    assert next(row for row in rows if row.startswith("| (#15.3)")).endswith(" on big |")
    assert next(row for row in rows if row.startswith("| (#15.5) parsing")).endswith(": 2.00x |")
