"""End-to-end generation, side by side in one run: this toolkit, openapi-python-client, and
datamodel-code-generator alone (models only), on every spec of the corpus.

Each command runs in its own process under GNU time (wall seconds and peak RSS); small specs
are run three times and the median kept, large ones once. Tools take turns, so a slow spell
of this shared machine falls on all of them alike.
"""

from __future__ import annotations

import os
import shutil
import signal
import statistics
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import PROJECT, Spec
from bench.quality import check

OURS = PROJECT / ".venv" / "bin" / "python"
DCG = PROJECT / ".venv" / "bin" / "datamodel-codegen"
TIMEOUT = 900
# The toolkit's compiled templates (generator/emit/template_cache.py), kept from one run to the
# next as its .pyc files are: they depend on the toolkit alone, never on the spec, so a user
# compiles them once, not for each spec. Every other cache of a run starts empty.
TEMPLATES = "templates"
COMPILED_TEMPLATES = PROJECT / "bench" / ".work" / "compiled-templates"


@dataclass
class Run:
    spec: str
    tool: str
    ok: bool
    seconds: float
    peak_mib: float
    note: str = ""
    quality: dict[str, object] | None = None  # ours only: imports, mypy --strict, operations


def _package(spec: Spec) -> str:
    return "bench_" + "".join(c if c.isalnum() else "_" for c in spec.name.lower())


def _command(tool: str, spec: Spec, output: Path, peers: Path) -> list[str]:
    if tool == "ours":
        package = _package(spec)
        return [
            str(OURS),
            "-m",
            "generator",
            "generate",
            str(spec.path),
            "-o",
            str(output),
            "--package",
            package,
            "--quiet",
        ]
    if tool == "openapi-python-client":
        return [
            str(peers / "bin" / "openapi-python-client"),
            "generate",
            "--path",
            str(spec.path),
            "--output-path",
            str(output / "client"),
            "--overwrite",
        ]
    return [
        str(DCG),
        "--input",
        str(spec.path),
        "--input-file-type",
        "openapi",
        "--output",
        str(output / "models.py"),
        "--output-model-type",
        "pydantic_v2.BaseModel",
        "--formatters",
        "ruff-format",
    ]


def _reason(output: str, spec: Spec) -> str:
    """The line of a failed run's output that says why, without the corpus's folder."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    telling = [line for line in lines if "error" in line.lower() or "unable" in line.lower()]
    reason = (telling or lines or ["failed"])[0]
    return reason.replace(str(spec.path.parent) + "/", "")[:160]


def _environment(folder: Path, peers: Path) -> dict[str, str]:
    """What a run in ``folder`` is given: the peers' tools on the PATH, ``folder`` as its home,
    and an empty cache of ours there (nothing kept from an earlier run, but what the caller
    puts in)."""
    return {
        "PATH": f"{peers / 'bin'}:/usr/bin:/bin",
        "HOME": str(folder),
        "LANG": "C.UTF-8",
        "GENERATOR_CACHE": str(folder / "cache"),
    }


def _once(tool: str, spec: Spec, peers: Path, judge: bool = False, keep: Path | None = None) -> Run:
    """One run; ``keep``: the folder to write into and leave behind (bench/scale.py imports
    the package then), instead of a temporary one."""
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        output = keep or Path(folder) / "out"
        output.mkdir(parents=True, exist_ok=True)
        timing = Path(folder) / "time"
        env = _environment(Path(folder), peers)
        if tool == "ours" and COMPILED_TEMPLATES.is_dir():
            shutil.copytree(COMPILED_TEMPLATES, Path(env["GENERATOR_CACHE"]) / TEMPLATES)
        command = [
            "/usr/bin/time",
            "-f",
            "%e %M",
            "-o",
            str(timing),
            *_command(tool, spec, output, peers),
        ]
        # A session of its own: on timeout the tool goes with GNU time, which alone would be
        # killed, leaving the tool to run on beside the next measurement.
        with subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=folder,
            start_new_session=True,
        ) as process:
            try:
                stdout, stderr = process.communicate(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.communicate()
                return Run(spec.name, tool, False, TIMEOUT, 0.0, f"no result in {TIMEOUT} s")
        result = subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
        seconds, peak_kib = timing.read_text().split()[-2:]
        produced = any(p.suffix == ".py" for p in output.rglob("*"))
        ok = result.returncode == 0 and produced
        note = "" if ok else _reason(result.stdout + "\n" + result.stderr, spec)
        if ok and tool == "openapi-python-client":
            skipped = result.stdout.count("Unable to parse") + result.stderr.count(
                "Unable to parse"
            )
            note = f"{skipped} parts of the document skipped" if skipped else ""
        run = Run(spec.name, tool, ok, float(seconds), int(peak_kib) / 1024, note)
        if judge and ok and tool == "ours":
            run.quality = check(output / _package(spec), _package(spec), spec)
        return run


def compile_templates(specs: list[Spec], peers: Path) -> None:
    """One run of ours that is not measured, on the smallest spec: it compiles the templates
    (afresh, for the toolkit as it is now), which the measured runs then find compiled."""
    shutil.rmtree(COMPILED_TEMPLATES, ignore_errors=True)
    smallest = min(specs, key=lambda spec: spec.size)
    with tempfile.TemporaryDirectory(prefix="bench-templates-") as folder:
        env = _environment(Path(folder), peers)
        command = _command("ours", smallest, Path(folder) / "out", peers)
        subprocess.run(command, env=env, cwd=folder, capture_output=True, check=True)
        COMPILED_TEMPLATES.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(Path(env["GENERATOR_CACHE"]) / TEMPLATES, COMPILED_TEMPLATES)


def measure(specs: list[Spec], tools: list[str], peers: Path) -> list[Run]:
    if "ours" in tools:
        compile_templates(specs, peers)
    runs: list[Run] = []
    for spec in specs:
        repeats = 3 if spec.size < 1_000_000 else 1
        trials: dict[str, list[Run]] = {tool: [] for tool in tools}
        for repeat in range(repeats):
            for tool in tools:
                if spec.format.startswith("RAML") and tool != "ours":
                    continue  # neither peer reads RAML
                trials[tool].append(_once(tool, spec, peers, judge=repeat == 0))
        for tool, done in trials.items():
            if not done:
                runs.append(Run(spec.name, tool, False, 0.0, 0.0, "does not read RAML"))
                continue
            best = done[0]
            if all(r.ok for r in done):
                best.seconds = statistics.median(r.seconds for r in done)
                best.peak_mib = max(r.peak_mib for r in done)
            runs.append(best)
            print(
                f"{spec.name:<28} {tool:<24} {'ok' if best.ok else 'FAIL':<5}"
                f"{best.seconds:8.2f} s {best.peak_mib:8.0f} MiB  {best.note}",
                flush=True,
            )
    return runs
