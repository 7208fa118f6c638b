"""What the generator owns in a package folder, and whether it is still as generated.

Each package carries ``.generated.json``: every file the generator wrote (relative path ->
sha256 of its content). It is written with the package and committed with it, and it is
deterministic (sorted, no times, no paths outside the package), so ``check`` reproduces it.

With it, regenerating can tell three kinds of file apart:

- a file the record lists whose content is still the recorded one: the generator's, replaced
  or removed freely;
- a file the record lists whose content differs: a hand edit, which regenerating would revert,
  so ``generate`` refuses (``HandEditError``) unless forced;
- a file the record does not list (``src/<package>/custom/``, or anything else the user
  added): the user's, kept as it is, never formatted or checked by the generator.

A folder without a record (written before records existed) is taken as all generated except
``custom/``, which is what replacing it wholesale used to mean.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.build_cache import files_below

RECORD = ".generated.json"
# Where a package's own code goes: the generator never writes below it (docs/custom-code.md).
CUSTOM = "custom"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def record_text(files: Mapping[str, bytes]) -> str:
    """The record of a package whose generated files (relative path -> content) are ``files``."""
    return _text({path: sha256(data) for path, data in files.items() if path != RECORD})


def _text(hashes: Mapping[str, str]) -> str:
    note = "what the generator wrote here, to tell hand edits; see the README's Custom code"
    return json.dumps({"note": note, "files": dict(sorted(hashes.items()))}, indent=2) + "\n"


def add_to_record(folder: Path, relative: str) -> None:
    """Record a file that a later step of generating wrote into the package (its changelog)."""
    hashes = dict(read_record(folder) or {})
    hashes[relative] = sha256((folder / relative).read_bytes())
    (folder / RECORD).write_text(_text(hashes), encoding="utf-8", newline="\n")


def read_record(folder: Path) -> dict[str, str] | None:
    """The record in a package folder (relative path -> sha256), or None without a readable one."""
    try:
        data = json.loads((folder / RECORD).read_text(encoding="utf-8"))
        files = data["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(files, dict):
        return None
    return {str(path): str(digest) for path, digest in files.items()}


def is_custom(relative: str) -> bool:
    """Whether a package-relative path is below a ``src/<package>/custom/`` folder."""
    parts = relative.split("/")
    return len(parts) > 3 and parts[0] == "src" and parts[2] == CUSTOM


@dataclass(frozen=True)
class Conflict:
    path: Path  # the file, as the caller names the output folder
    reason: str


class HandEditError(Exception):
    """Regenerating would revert or overwrite what someone wrote by hand: nothing was written."""

    def __init__(self, conflicts: list[Conflict]) -> None:
        self.conflicts = conflicts
        lines = [
            f"{len(conflicts)} file{'s' if len(conflicts) != 1 else ''} changed by hand since "
            "the last generation; regenerating would lose the change, so nothing was written:"
        ]
        lines += [f"  {c.path}: {c.reason}" for c in conflicts]
        lines.append(
            "move each change into src/<package>/custom/ (a module the package loads; see the "
            "package README's 'Custom code'), then regenerate; `generate --force` discards them"
        )
        super().__init__("\n".join(lines))


def user_files(folder: Path, record: Mapping[str, str] | None) -> list[str]:
    """The files in a package folder that the generator does not own (relative paths)."""
    found = []
    for path in files_below(folder):
        relative = path.relative_to(folder).as_posix()
        if relative == RECORD:
            continue
        owned = not is_custom(relative) if record is None else relative in record
        if not owned:
            found.append(relative)
    return found


def generated_files(output: Path) -> list[Path]:
    """The files below ``output`` (a folder of packages) that the generator owns, records
    included: what the no-op cache compares, so that editing custom code does not redo the
    generation, and editing generated code does."""
    records: dict[str, dict[str, str] | None] = {}
    found = []
    for path in files_below(output):
        package, _, inside = path.relative_to(output).as_posix().partition("/")
        if package not in records:
            records[package] = read_record(output / package)
        record = records[package]
        owned = not is_custom(inside) if record is None else inside in record
        if owned or inside == RECORD:
            found.append(path)
    return found


def hand_edits(folder: Path, record: Mapping[str, str]) -> list[str]:
    """The recorded files whose content is no longer what was generated (deleted ones are not:
    regenerating them loses nothing)."""
    edited = []
    for relative, recorded in sorted(record.items()):
        path = folder / relative
        if path.is_file() and sha256(path.read_bytes()) != recorded:
            edited.append(relative)
    return edited


def conflicts(folder: Path, fresh: Mapping[str, bytes]) -> list[Conflict]:
    """What regenerating ``folder`` with ``fresh`` (relative path -> content) would lose: hand
    edits of generated files, and files of the user's at a path the generator now writes. A
    file already as it is about to be written loses nothing (a merge of two generations)."""
    record = read_record(folder)
    if record is None or not folder.is_dir():
        return []

    def same(relative: str) -> bool:
        return (folder / relative).read_bytes() == fresh.get(relative)

    edited = "differs from what generation wrote"
    found = [Conflict(folder / p, edited) for p in hand_edits(folder, record) if not same(p)]
    found += [
        Conflict(folder / p, "your file, at a path the generator now writes")
        for p in user_files(folder, record)
        if p in fresh and not same(p)
    ]
    return found
