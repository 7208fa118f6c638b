"""What each lever on generation time buys (issue #15.3), measured in one run: ours with the
lever and without it, taking turns, best of a few.

- compiled templates kept between runs (Jinja's bytecode cache, generator/emit/template_cache.py)
- the faster formatter functions (generator/emit/models_speedups.py)
- datamodel-code-generator's output kept by a hash of the schemas (generator/emit/models_cache.py):
  a regeneration after a change to the generator that leaves the schemas alone
- every content cache: a regeneration after a change to a template, which reformats only the
  files it changes
- the generating step started ahead on the other core (generator/step_ahead.py): ``build``
  after an edit to one system's manifest (the user's loop of bench/loop.py)

Each ``generate`` runs on a spec of the corpus into an empty folder, with a cache folder made
for it from a warm one (of a first run on the spec): only the kinds of entries the condition
keeps. A lever that cannot be switched off from a cache folder is taken out by
bench/without_lever.py.

Usage: python -m bench.levers
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import loop
from bench.corpus import BENCH, Spec, corpus
from bench.generation import OURS, TIMEOUT, _package
from bench.scale import warm_environment

# the smallest corpus spec of the five systems, and the one of the worst ratio to opc
SPECS = ("alma-jobs", "aws-sagemaker")
WITHOUT = BENCH / "without_lever.py"
ALL = "*"  # every kind of cache entry the warm run made


class _Condition:
    """How one run is made: the cache kinds it starts with, and the lever it goes without."""

    def __init__(self, kept: tuple[str, ...], lever: str | None = None) -> None:
        self.kept, self.lever = kept, lever


_COLD = _Condition(("templates",))  # from scratch, as the generation table runs ours
# lever -> (the run without it, the run with it)
LEVERS: dict[str, tuple[_Condition, _Condition]] = {
    "compiled templates kept between runs": (_Condition(()), _COLD),
    "faster formatter functions in datamodel-code-generator": (
        _Condition(("templates",), "formatter"),
        _COLD,
    ),
    "datamodel-code-generator's output kept (after a change to the generator)": (
        _COLD,
        _Condition(("templates", "models")),
    ),
    "every content cache (after a change to a template)": (_COLD, _Condition((ALL,))),
}
STEP_AHEAD = "the generating step started ahead on the other core (`make generate` after an edit)"


def _generate(spec: Spec, cache: Path, lever: str | None) -> float:
    runner = [str(WITHOUT), lever] if lever else ["-m", "generator"]
    with tempfile.TemporaryDirectory(prefix="bench-lever-") as output:
        command = [str(OURS), *runner, "generate", str(spec.path), "-o", output]
        command += ["--package", _package(spec), "--quiet"]
        env = {**warm_environment(), "GENERATOR_CACHE": str(cache)}
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=TIMEOUT)
        return time.perf_counter() - started


def _cache_for(condition: _Condition, warm: Path, folder: Path) -> Path:
    cache = folder / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir(parents=True)
    for kind in warm.iterdir():
        if ALL in condition.kept or kind.name in condition.kept:
            shutil.copytree(kind, cache / kind.name)
    return cache


def _spec_levers(spec: Spec) -> list[dict[str, Any]]:
    repeats = 3 if spec.size < 1_000_000 else 2
    with tempfile.TemporaryDirectory(prefix="bench-levers-") as folder:
        warm = Path(folder) / "warm"
        _generate(spec, warm, None)
        conditions = {id(c): c for pair in LEVERS.values() for c in pair}
        best = {key: float("inf") for key in conditions}
        for _ in range(repeats):
            for key, condition in conditions.items():
                cache = _cache_for(condition, warm, Path(folder))
                best[key] = min(best[key], _generate(spec, cache, condition.lever))
        return [
            {
                "lever": lever,
                "spec": spec.name,
                "without": best[id(without)],
                "with": best[id(with_)],
                "runs": repeats,
            }
            for lever, (without, with_) in LEVERS.items()
        ]


def _step_ahead(repeats: int = 5) -> dict[str, Any]:
    with loop.warm_copy() as (work, env):
        plain = loop.build_command(work)
        alone = loop.build_command(work, str(WITHOUT), "step-ahead")
        times: dict[str, list[float]] = {"with": [], "without": []}
        for number in range(repeats):
            times["with"].append(loop.edit_and_build(work, env, loop.SYSTEM, 2 * number, plain))
            times["without"].append(
                loop.edit_and_build(work, env, loop.SYSTEM, 2 * number + 1, alone)
            )
    best = {k: min(v) for k, v in times.items()}
    return {"lever": STEP_AHEAD, "spec": loop.SYSTEM, **best, "runs": repeats}


def measure(specs: list[Spec]) -> list[dict[str, Any]]:
    """Each lever's seconds without it and with it, the best of ``runs`` turns:
    ``{lever, spec, without, with, runs}``."""
    rows = [row for spec in specs if spec.name in SPECS for row in _spec_levers(spec)]
    return [*rows, _step_ahead()]


def main() -> None:
    print(json.dumps(measure(corpus()), indent=2))


if __name__ == "__main__":
    main()
