"""``make bench``: every measurement in one run, written to docs/benchmarks.md (+ a PNG plot).

Usage: python -m bench PEERS_VENV   (the Makefile creates bench/.venv-peers with
openapi-python-client and matplotlib, apart from the project's own .venv, and in it
ours-check and opc-check, where each tool's packages are type-checked)
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import corpus_quality, directory_sample, levers, loop, scale
from bench.corpus import BENCH, PROJECT, corpus
from bench.generation import OURS, measure
from bench.report import write_report

PACKAGES = [
    "alma_jobs",
    "folio_data_export_spring",
    "folio_erm_usage_harvester",
    "folio_orders_storage",
    "liquid_decisions_batch",
]


def _number(command: list[str], env: dict[str, str] | None = None) -> float:
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=True,
        cwd=PROJECT,
        env={**os.environ, **(env or {})},
        timeout=900,
    )
    return float(result.stdout.strip().splitlines()[-1])


def _opc_client(peers: Path, work: Path) -> Path:
    """openapi-python-client's client for data-export-spring, from our normalized spec."""
    target = work / "opc-data-export-spring"
    subprocess.run(
        [
            str(peers / "bin" / "openapi-python-client"),
            "generate",
            "--path",
            str(PROJECT / "specs/folio-data-export-spring/openapi.yaml"),
            "--output-path",
            str(target),
            "--overwrite",
        ],
        capture_output=True,
        check=True,
        env={"PATH": f"{peers / 'bin'}:/usr/bin:/bin"},
    )
    return target


def runtime(peers: Path, work: Path) -> dict[str, float]:
    opc = _opc_client(peers, work)
    ours, theirs = (
        [str(OURS), "-m", "bench.runtime"],
        [str(peers / "bin" / "python"), "-m", "bench.runtime"],
    )
    opc_path = {"PYTHONPATH": f"{opc}:{PROJECT}"}
    figures = {
        "parse_body_ours": _number([*ours, "parse-body-ours", "10000"]),
        "parse_validate_json_ours": _number([*ours, "parse-validate-json-ours", "10000"]),
        "parse_body_opc": _number([*theirs, "parse-body-opc", "10000"], opc_path),
        "parse_dicts_ours": _number([*ours, "parse-dicts-ours", "10000"]),
        "parse_dicts_opc": _number([*theirs, "parse-dicts-opc", "10000"], opc_path),
    }
    msgspec = peers / "msgspec" / "bin" / "python"  # the Makefile's venv with msgspec only
    if msgspec.exists():
        figures["parse_body_msgspec"] = _number(
            [str(msgspec), "-m", "bench.runtime", "parse-body-msgspec", "10000"]
        )
    server = subprocess.Popen(
        [str(OURS), "-m", "bench.runtime", "serve"], cwd=PROJECT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        url = f"http://127.0.0.1:{server.stdout.readline().strip()}"
        turns = subprocess.run(
            [*ours, "calls-raw-and-ours", url, "100"],
            capture_output=True,
            text=True,
            check=True,
            cwd=PROJECT,
        ).stdout.split()
        figures["call_raw"], figures["call_ours"] = float(turns[-3]), float(turns[-2])
        figures["call_raw_same_headers"] = float(turns[-1])
        pair = subprocess.run(
            [*ours, "calls-raw-and-ours-async", url, "100"],
            capture_output=True,
            text=True,
            check=True,
            cwd=PROJECT,
        ).stdout.split()
        figures["call_raw_async"], figures["call_ours_async"] = float(pair[-2]), float(pair[-1])
        figures["call_opc"] = _number([*theirs, "calls-opc", url, "1000"], opc_path)
    finally:
        server.kill()
    return figures


def import_times() -> dict[str, float]:
    """Seconds to import each generated package, over a bare interpreter start (best of 5)."""

    def best(code: str) -> float:
        times = []
        for _ in range(5):
            result = subprocess.run(
                [
                    str(OURS),
                    "-c",
                    f"import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)",
                ],
                capture_output=True,
                text=True,
                check=True,
                cwd=PROJECT,
                env=scale.warm_environment(),
            )
            times.append(float(result.stdout))
        return min(times)

    return {package: best(f"import {package}") for package in PACKAGES}


def noop_generate() -> float:
    subprocess.run(["make", "--silent", "generate"], cwd=PROJECT, check=True, capture_output=True)
    times = []
    for _ in range(5):
        result = subprocess.run(
            ["/usr/bin/time", "-f", "%e", "make", "--silent", "generate"],
            cwd=PROJECT,
            check=True,
            capture_output=True,
            text=True,
        )
        times.append(float(result.stderr.strip().splitlines()[-1]))
    return statistics.median(times)


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


def model_engine() -> str:
    """datamodel-code-generator's version, and which of its functions ``models_speedups``
    replaces with it (none, when a new version changed them: its formatter is then slower)."""
    from generator.build_cache import tool_versions
    from generator.emit.models_speedups import REPLACEABLE, in_use

    replaced = in_use()
    names = ", ".join(f"`{name}`" for name in replaced) or "none"
    return (
        f"datamodel-code-generator {tool_versions().get('datamodel-code-generator', '?')}, "
        f"{len(replaced)} of its {len(REPLACEABLE)} slow formatter functions replaced by "
        f"`generator/emit/models_speedups.py` ({names})"
    )


def main() -> None:
    peers = (Path(sys.argv[1]) if len(sys.argv) > 1 else BENCH / ".venv-peers").absolute()
    specs = corpus()
    results = {
        "machine": machine(),
        "model_engine": model_engine(),
        "specs": [
            {
                "name": s.name,
                "format": s.format,
                "origin": s.origin,
                "bytes": s.size,
                "schemas": s.schemas(),
            }
            for s in specs
        ],
    }
    tools = ["ours", "openapi-python-client", "datamodel-code-generator"]
    results["generation"] = [run.__dict__ for run in measure(specs, tools, peers)]
    results["levers"] = levers.measure(specs)
    results["corpus_quality"] = corpus_quality.measure(
        specs, peers, BENCH / ".work" / "corpus-quality", corpus_quality.checkers(peers)
    )
    results["directory_sample"] = directory_sample.measure()[1]
    results["noop_generate"] = noop_generate()
    results["user_loop"] = loop.measure(peers, repeats=5)
    results["imports"] = import_times()
    with tempfile.TemporaryDirectory(prefix="bench-runtime-") as work:
        results["runtime"] = runtime(peers, Path(work))
    results["scale"] = scale.measure(specs, peers)
    (BENCH / ".work").mkdir(exist_ok=True)
    raw = BENCH / ".work" / "results.json"
    raw.write_text(json.dumps(results, indent=2))
    subprocess.run(
        [
            str(peers / "bin" / "python"),
            "-m",
            "bench.plot",
            str(raw),
            str(PROJECT / "docs" / "benchmarks.png"),
        ],
        cwd=PROJECT,
        check=True,
    )
    write_report(results, PROJECT / "docs" / "benchmarks.md")
    print(f"wrote docs/benchmarks.md and docs/benchmarks.png ({raw})")


if __name__ == "__main__":
    main()
