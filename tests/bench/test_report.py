"""The benchmark report's own arithmetic: the growth exponent it prints must be right."""

from __future__ import annotations

from typing import Any

import pytest

from bench.report import _growth


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
