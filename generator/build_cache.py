"""Skip regenerating what has not changed: a content hash of everything the output depends on.

``normalize`` and ``generate`` (for the systems under specs/) record, after a run, a hash of
their inputs — every source file, the generator's own code and templates, its version and the
versions of the tools that shape the output — and a hash of what they wrote. A later run with
the same inputs whose outputs are still exactly as written does nothing. Any change to a
source, a template, the generator, a tool version, the options, or to an output by hand,
makes the next run do the work again. The stamps live in ``.stamps/`` (not committed).

This module imports nothing heavy: the point is to answer in a few milliseconds.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path

from generator import __version__

GENERATOR = Path(__file__).resolve().parent
TEMPLATES = GENERATOR.parent / "templates"
# Tools whose version can change the output byte for byte.
TOOLS = (
    "datamodel-code-generator",
    "ruff",
    "pydantic",
    "jinja2",
    "pyyaml",
    "openapi-spec-validator-rs",
)
# Written by installing or running the outputs, not by the generator.
_NOT_OURS = ("__pycache__", ".egg-info", ".pytest_cache", ".mypy_cache", ".ruff_cache")


def files_below(folder: Path, *, skip_names: Iterable[str] = ()) -> Iterator[Path]:
    skipped = set(skip_names)
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(
            f for f in folders if not f.endswith(_NOT_OURS) and not f.startswith(".")
        )
        for name in sorted(names):
            if name not in skipped:
                yield Path(root) / name


def digest(files: Iterable[Path], *extra: str) -> str:
    """One hash of the files' names and contents and of ``extra``."""
    hasher = hashlib.sha256()
    for text in extra:
        hasher.update(text.encode() + b"\0")
    for path in files:
        hasher.update(str(path).encode() + b"\0")
        try:
            hasher.update(path.read_bytes())
        except OSError:
            hasher.update(b"<unreadable>")
        hasher.update(b"\0")
    return hasher.hexdigest()


def toolchain() -> str:
    """The generator's version and code, and the versions of the tools it runs."""
    versions = []
    for tool in TOOLS:
        try:
            versions.append(f"{tool}={metadata.version(tool)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{tool}=absent")
    code = digest([*files_below(GENERATOR), *files_below(TEMPLATES)])
    return f"{__version__};{';'.join(versions)};{code}"


class Stamp:
    """The record of one step's last run: ``.stamps/<step>.json`` beside ``specs/``."""

    def __init__(self, checkout: Path, step: str) -> None:
        self.file = checkout / ".stamps" / f"{step}.json"

    def fresh(self, inputs: str, outputs: str) -> bool:
        try:
            recorded = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return bool(recorded == {"inputs": inputs, "outputs": outputs})

    def record(self, inputs: str, outputs: str) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.file.with_suffix(".tmp")
        temporary.write_text(json.dumps({"inputs": inputs, "outputs": outputs}), encoding="utf-8")
        temporary.replace(self.file)
