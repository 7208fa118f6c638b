"""ruff over the generated packages: its fixes, then its formatting (``generated_ruff.toml``).

What ruff made of each package's files last time is kept (``build_cache``), each file with a
hash of its text before ruff: a regeneration after an edit that changes two files of a
package's forty hands ruff those two. Starting ruff and its pass over a small package were 50
ms of the 0.6 s that regenerating one system after an edit takes. The entry is keyed by ruff's
version, the settings and the package's list of files (which import is the package's own
depends on what is there); a file whose text before ruff is not the recorded one goes to ruff.

ruff is always given folders, never a list of files: which files it reads and how (Python,
stubs, the Python in Markdown since ruff 0.16) is then its own choice, whatever its version.
The files that changed go to it in a copy of their packages' folders that holds them and the
packages' ``__init__.py`` files, so that ruff sees each where it is in its package.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from generator.build_cache import ContentCache, files_below, named_versions
from generator.shared.errors import SpecError

CONFIG = Path(__file__).with_name("generated_ruff.toml")
# Bump when the entries' shape changes: older ones then miss instead of being misread.
_FORMAT = "1"


@cache
def ruff_command() -> tuple[str, ...]:
    """How to run ruff: its own executable, found as ``python -m ruff`` finds it.

    ``python -m ruff`` starts an interpreter only to look the executable up (25 ms a run, three
    runs for every hostile spec the tests generate); the lookup is done once here instead.
    """
    try:
        from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - ruff is a dependency; its layout could change
        return (sys.executable, "-m", "ruff")
    return (os.fsdecode(find_ruff_bin()),)


def format_packages(staging: Path, packages: Mapping[str, Path]) -> None:
    """Fix and format the files of each package folder in ``staging``, in place.

    ``packages``: each package's folder name, and the spec it is made from, which a failure
    names for the package whose file ruff could not read.
    """
    kept = ContentCache("ruff")
    settings = f"{_FORMAT};{named_versions(['ruff'])};{CONFIG.read_text(encoding='utf-8')}"
    changed: list[_Package] = []
    unchanged = 0
    for package in packages:
        files = list(files_below(staging / package))
        names = [p.relative_to(staging).as_posix() for p in files]
        found = _Package(ContentCache.key(settings, *names))
        earlier = kept.get(found.key)
        for name, path in zip(names, files, strict=True):
            text = path.read_bytes()
            digest = hashlib.sha256(text).hexdigest()
            entry = _entry(earlier.get(name) if isinstance(earlier, dict) else None, digest)
            if entry is not None:
                if entry[1] is not None:
                    path.write_bytes(entry[1].encode("utf-8"))
                found.record[name] = entry
                unchanged += 1
            else:
                found.pending[name] = text
                found.record[name] = [digest, None]
        if found.pending:
            changed.append(found)
    if not changed:
        return
    if not unchanged:  # nothing known: all of it, where it is
        _ruff(staging, packages)
    else:
        with tempfile.TemporaryDirectory(dir=staging, prefix=".formatting-") as folder:
            _ruff_on_a_copy(staging, Path(folder), changed, packages)
    for found in changed:
        for name, before in found.pending.items():
            after = (staging / name).read_bytes()
            if after != before:
                found.record[name][1] = after.decode("utf-8")
        kept.put(found.key, found.record)


class _Package:
    """One package's files: what ruff made of each (``record``), and those it must see."""

    def __init__(self, key: str) -> None:
        self.key = key
        # file (from staging) -> [hash of its text before ruff, its text after, None if equal]
        self.record: dict[str, list[str | None]] = {}
        self.pending: dict[str, bytes] = {}


def _ruff_on_a_copy(
    staging: Path, copy: Path, changed: list[_Package], packages: Mapping[str, Path]
) -> None:
    """ruff over ``copy``: the pending files and their packages' ``__init__.py`` files."""
    for found in changed:
        inits = [name for name in found.record if name.rsplit("/", 1)[-1] == "__init__.py"]
        for name in {*found.pending, *inits}:
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(staging / name, copy / name)
    _ruff(copy, packages)
    for found in changed:
        for name in found.pending:
            shutil.copyfile(copy / name, staging / name)


def _entry(entry: object, digest: str) -> list[str | None] | None:
    """A kept entry, if it is one and is of a file whose text before ruff hashes to ``digest``."""
    if not isinstance(entry, list) or len(entry) != 2 or entry[0] != digest:
        return None
    return entry if entry[1] is None or isinstance(entry[1], str) else None


def _ruff(folder: Path, packages: Mapping[str, Path]) -> None:
    ruff = ruff_command()
    # No cache: ruff would leave a .ruff_cache in the working folder, which is not ours to write.
    config = ["--no-cache", "--config", str(CONFIG)]
    # `format` without --quiet: --quiet also silences the errors, and a file ruff cannot parse
    # is a generator bug whose report must say which file and line (check --exit-zero never fails)
    for command in (
        [*ruff, "check", "--fix-only", "--quiet", "--exit-zero", *config, str(folder)],
        [*ruff, "format", *config, str(folder)],
    ):
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            said = result.stderr.strip() or result.stdout.strip() or f"exit {result.returncode}"
            said = said.replace(str(folder) + os.sep, "")  # the staging folder is gone by now
            culprit = next((s for p, s in packages.items() if f"{p}{os.sep}" in said), None)
            raise SpecError(
                f"ruff failed on the generated code: {said.removeprefix('error: ')}", file=culprit
            )
