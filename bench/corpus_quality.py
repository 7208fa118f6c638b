"""Issue #13's Done-means, spec by spec, beside openapi-python-client: for every corpus spec,
does each tool's package generate, import and pass ``mypy --strict`` with only its declared
dependencies, does it have a method for every operation, and how many of its JSON answers
return models (``bench.typed_answers``)?

``python -m bench.corpus_quality [PEERS_VENV] [--out FOLDER] [--only NAMES]``
(``make bench`` runs it too; nothing is timed): the packages go to FOLDER
(bench/.work/corpus-quality by default), the rows to bench/.work/corpus_quality.json, and the
table into docs/benchmarks.md: the whole page again from bench/.work/results.json when
``make bench`` has left one, else this section (and its target row) alone.

openapi-python-client runs from PEERS_VENV (bench/.venv-peers). Each tool's packages are
judged (imported and type-checked) by the interpreter of a venv with mypy and nothing but what
its generated pyproject.toml declares, as the Makefile makes them: PEERS_VENV/ours-check
(httpx, pydantic, typing-extensions, defusedxml and the ``typing`` extra's types-defusedxml)
and PEERS_VENV/opc-check (httpx, attrs, python-dateutil); ``--ours-checker PY`` and
``--opc-checker PY`` name others. A declared distribution the checker lacks is reported, not
type-checked around. ``--only NAME,NAME`` judges those specs alone and only prints their rows.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import tomllib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

from bench import corpus as corpus_module
from bench import typed_answers
from bench.corpus import BENCH, PROJECT, Spec, corpus
from bench.generation import TIMEOUT, _command, _package, _reason
from bench.quality import MYPY_SECONDS, PYTHON, check, spec_operations
from bench.report import replace_corpus_quality, write_report

OPC = "openapi-python-client"
_VENVS = {"ours": "ours", OPC: "opc"}  # PEERS_VENV/<name>-check judges the tool's packages
HEAVY = 1 << 20  # specs this large are type-checked one at a time (the machine is shared)
_heavy = threading.Lock()


def _generate(tool: str, spec: Spec, output: Path, peers: Path) -> subprocess.CompletedProcess[str]:
    output.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        _command(tool, spec, output, peers),
        capture_output=True,
        text=True,
        # PYTHONPATH: this checkout's generator, whatever checkout the venv was installed from
        env={
            "PATH": f"{peers / 'bin'}:/usr/bin:/bin",
            "HOME": str(output),
            "LANG": "C.UTF-8",
            "PYTHONPATH": str(PROJECT),
        },
        timeout=TIMEOUT,
        cwd=output,
        check=False,
    )


def _answers(spec: Spec) -> list[typed_answers.Key] | None:
    return (
        None
        if spec.format.startswith("RAML")
        else typed_answers.json_answers(typed_answers.load(spec.path))
    )


def _coverage(spec: Spec) -> str | None:
    """What the spec covers of auth kinds and pagination styles, if bench.corpus says."""
    coverage = getattr(corpus_module, "coverage", None)
    if coverage is None:
        return None
    found = coverage(spec)
    if isinstance(found, dict):
        return "; ".join(f"{name}: {_listed(values)}" for name, values in found.items() if values)
    return str(found)


def _listed(values: object) -> str:
    if isinstance(values, (list, tuple, set, frozenset)):
        return ", ".join(map(str, values))
    return str(values)


def ours(spec: Spec, output: Path, peers: Path, checker: Path) -> dict[str, Any]:
    package = _package(spec)
    result = _generate("ours", spec, output, peers)
    row: dict[str, Any] = {"generates": result.returncode == 0, "coverage": _coverage(spec)}
    if result.returncode != 0:
        row["note"] = _reason(result.stdout + "\n" + result.stderr, spec)
        return row
    row |= check(output / package, package, spec, checker)
    missing = _missing(checker, _declared(output / package))
    if missing:
        row["mypy"] = _unjudged(missing)
    answers = _answers(spec)
    if answers is not None:
        # a package that does not import returns nothing, typed or not
        source = output / package / "src"
        typed = typed_answers.ours(source, package, PYTHON) if row["imports"] else {}
        row |= typed_answers.share(answers, typed)
    return row


def _declared(project_folder: Path) -> list[str]:
    """The distributions a generated pyproject.toml declares: Poetry's dependencies (opc's), or
    PEP 621's with the ``typing`` extra (ours: what mypy --strict needs, as its README says)."""
    project = tomllib.loads((project_folder / "pyproject.toml").read_text(encoding="utf-8"))
    poetry = project.get("tool", {}).get("poetry", {}).get("dependencies", {})
    listed = [name for name in poetry if name != "python"]
    pep621 = project.get("project", {})
    listed += pep621.get("dependencies", [])
    listed += pep621.get("optional-dependencies", {}).get("typing", [])
    return sorted({re.split(r"[\s;\[<>=!~]", name, maxsplit=1)[0] for name in listed})


def _missing(checker: Path, declared: list[str]) -> list[str]:
    """Which of the ``declared`` distributions the ``checker`` interpreter lacks."""
    return subprocess.run(
        [
            str(checker),
            "-c",
            "import importlib.metadata as m, sys\n"
            "for name in sys.argv[1:]:\n"
            "    try: m.distribution(name)\n"
            "    except m.PackageNotFoundError: print(name)",
            *declared,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()


def _unjudged(missing: list[str]) -> str:
    return f"not judged: the checker lacks the declared {', '.join(missing)}"


def _opc_reason(said: str) -> str:
    """Why opc made no client: its first line says only "Error(s) encountered while
    generating"; a "not supported" line (Swagger 2.0) says why best, else the next line."""
    lines = [line.strip() for line in said.splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith("Error(s) encountered")]
    telling = [line for line in lines if "not supported" in line]
    return (telling or lines or ["failed"])[0][:160]


def theirs(spec: Spec, output: Path, peers: Path, checker: Path) -> dict[str, Any]:
    if spec.format.startswith("RAML"):
        return {"generates": False, "note": "does not read RAML"}
    result = _generate(OPC, spec, output, peers)
    client = output / "client"
    packages = [p for p in client.glob("*/") if (p / "__init__.py").is_file()]
    if result.returncode != 0 or not packages:
        return {"generates": False, "note": _opc_reason(result.stdout + "\n" + result.stderr)}
    package = packages[0]
    said = result.stdout + result.stderr
    row: dict[str, Any] = {"generates": True, "skipped": said.count("Unable to parse")}
    environment = {"PYTHONPATH": str(client), "PATH": "/usr/bin:/bin"}
    name = package.name
    code = (
        f"import importlib, pkgutil, {name}; "
        "[importlib.import_module(m.name)"
        f" for m in pkgutil.walk_packages({name}.__path__, '{name}.')]"
    )
    imported = subprocess.run(
        [str(checker), "-c", code], capture_output=True, text=True, env=environment, check=False
    )
    row["imports"] = imported.returncode == 0
    missing = _missing(checker, _declared(client))
    row["mypy"] = _unjudged(missing) if missing else _mypy(checker, package, environment)
    row["operations"] = typed_answers.methods(package)
    row["spec_operations"] = spec_operations(spec)
    answers = _answers(spec)
    if answers is not None:
        row |= typed_answers.share(answers, typed_answers.theirs(package))
    return row


def _mypy(checker: Path, package: Path, environment: dict[str, str]) -> str:
    command = [str(checker), "-m", "mypy", "--strict", "--no-incremental", "--python-version"]
    try:
        typed = subprocess.run(
            [*command, "3.11", str(package)],
            capture_output=True,
            text=True,
            timeout=MYPY_SECONDS,
            check=False,
            env=environment,
        )
    except subprocess.TimeoutExpired:
        return f"not done in {MYPY_SECONDS} s"
    return "ok" if typed.returncode == 0 else typed.stdout.strip().splitlines()[-1][:120]


def _one(spec: Spec, out: Path, peers: Path, checkers: dict[str, Path]) -> dict[str, Any]:
    def judge() -> dict[str, Any]:
        folder = out / spec.name
        row: dict[str, Any] = {"spec": spec.name, "format": spec.format, "origin": spec.origin}
        runs: dict[str, Callable[[], dict[str, Any]]] = {
            "ours": partial(ours, spec, folder / "ours", peers, checkers["ours"]),
            OPC: partial(theirs, spec, folder / "opc", peers, checkers[OPC]),
        }
        for tool, run in runs.items():
            try:
                row[tool] = run()
            except (OSError, ValueError, subprocess.SubprocessError) as error:
                # one spec the bench cannot judge is that row's news, not the end of the run
                row[tool] = {"generates": False, "note": f"not judged: {error}"[:160]}
        return row

    if spec.size < HEAVY:
        row = judge()
    else:
        with _heavy:
            row = judge()
    print(json.dumps(row), flush=True)
    return row


def checkers(peers: Path) -> dict[str, Path]:
    """The interpreter that judges each tool's packages, in the venvs the Makefile makes."""
    return {tool: peers / f"{venv}-check" / "bin" / "python" for tool, venv in _VENVS.items()}


def measure(
    specs: list[Spec], peers: Path, out: Path, judges: dict[str, Path]
) -> list[dict[str, Any]]:
    """Every spec's row; two at a time (both cores), the large ones one at a time."""
    with ThreadPoolExecutor(2) as pool:
        return list(pool.map(lambda spec: _one(spec, out, peers, judges), specs))


def _option(arguments: list[str], name: str) -> Path | None:
    """The value of ``name VALUE`` in ``arguments``, taken out of them."""
    if name not in arguments:
        return None
    at = arguments.index(name)
    value = Path(arguments[at + 1])
    del arguments[at : at + 2]
    return value


def main() -> None:
    arguments = sys.argv[1:]
    out = _option(arguments, "--out") or BENCH / ".work" / "corpus-quality"
    given = {tool: _option(arguments, f"--{venv}-checker") for tool, venv in _VENVS.items()}
    only = _option(arguments, "--only")  # a comma-separated list of spec names
    peers = (Path(arguments[0]) if arguments else BENCH / ".venv-peers").absolute()
    specs = [s for s in corpus() if only is None or s.name in str(only).split(",")]
    judges = {tool: given[tool] or path for tool, path in checkers(peers).items()}
    rows = measure(specs, peers, out.absolute(), judges)
    work = BENCH / ".work"
    work.mkdir(exist_ok=True)
    if only is not None:
        return  # a look at a few specs: their rows are printed, the page and its figures stay
    (work / "corpus_quality.json").write_text(json.dumps(rows, indent=2))
    page = PROJECT / "docs" / "benchmarks.md"
    results = work / "results.json"
    if results.is_file():
        everything = json.loads(results.read_text()) | {"corpus_quality": rows}
        results.write_text(json.dumps(everything, indent=2))
        write_report(everything, page)
    else:
        page.write_text(replace_corpus_quality(page.read_text(encoding="utf-8"), rows))
    print(f"wrote {page.relative_to(PROJECT)} ({work / 'corpus_quality.json'})")


if __name__ == "__main__":
    main()
