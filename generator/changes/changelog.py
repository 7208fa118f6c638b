"""A system's ``CHANGELOG.md``, beside its generated package: an entry each time regenerating
changes the package, written from the ``diff`` report (what breaks callers first).

Entries are relative to what is committed: the changelog at git HEAD, the spec at HEAD. Each
entry ends its heading line with a marker naming the spec and the package it describes (their
hashes), so regenerating what is committed leaves the file as it is (``check`` reproduces it),
and regenerating again before a commit rewrites the one entry rather than adding another.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.changes.change import Change
from generator.changes.diff import diff_descriptions
from generator.changes.inputs import Description, committed_text
from generator.changes.report import Report, grouped
from generator.changes.rules import Level
from generator.client import code
from generator.client.package_version import package_version
from generator.emit.generate import PackageSource
from generator.emit.record import add_to_record, read_record
from generator.shared.errors import SpecError

NAME = "CHANGELOG.md"
_MARKER = re.compile(r"<!-- spec ([0-9a-f]{16}), package ([0-9a-f]{16}) -->")
_HEADER = """\
# Changelog of {distribution}

Written by the generator whenever regenerating changes this package: the changes to the API
since the previous entry, from `python -m generator diff` (the ones that break callers first).
"""


@dataclass(frozen=True)
class State:
    """What one entry describes: the spec the package was generated from, and the package."""

    spec: str
    package: str

    def marker(self) -> str:
        return f"<!-- spec {self.spec}, package {self.package} -->"


def digest(texts: Iterable[tuple[str, bytes]]) -> str:
    hashed = hashlib.sha256()
    for name, content in sorted(texts):
        hashed.update(name.encode() + b"\0" + hashlib.sha256(content).digest())
    return hashed.hexdigest()[:16]


def _spec_digest(text: str) -> str:
    return digest([("spec", text.encode())])


def package_state(spec_text: str, folder: Path, generated: Iterable[str]) -> State:
    """The state of the package in ``folder`` whose ``generated`` files (relative paths) the
    generator wrote from the spec ``spec_text``."""
    files = [(name, (folder / name).read_bytes()) for name in generated if name != NAME]
    return State(_spec_digest(spec_text), digest(files))


def _latest(text: str) -> State | None:
    found = _MARKER.search(text)
    return State(found.group(1), found.group(2)) if found else None


def updated(
    *,
    committed: str | None,
    state: State,
    distribution: str,
    version: str,
    changes: Report | None,
    spec_changed: bool,
) -> str:
    """The changelog: ``committed`` with an entry for ``state`` on top, unless ``committed``
    describes it already. ``changes`` is the diff from the committed spec, when it is known."""
    if committed is not None and _latest(committed) == state:
        return committed
    if committed is None:
        body = "The first generation of this package."
        previous = ""
    else:
        previous = committed.split("\n## ", 1)[1] if "\n## " in committed else ""
        previous = "\n## " + previous if previous else ""
        if not spec_changed:
            body = "Regenerated with a new version of the generator: the API is the same."
        elif changes is None:
            body = (
                "The spec changed. The one the previous entry describes is not the one "
                "committed, so the changes are not listed: see `python -m generator diff`."
            )
        else:
            body = _changes(changes)
    entry = f"\n## {version} {state.marker()}\n\n{body}\n"
    return _HEADER.format(distribution=distribution) + entry + previous


def _changes(report: Report) -> str:
    entries = grouped(report.changes)
    if not entries:
        return (
            "The spec changed only where `diff` compares nothing (prose, `x-` extensions): "
            "the API is the same."
        )
    breaking = [(c, ops) for c, ops in entries if c.level == Level.ERR]
    others = [(c, ops) for c, ops in entries if c.level != Level.ERR]
    parts = []
    for title, chosen in (("Breaking changes", breaking), ("Other changes", others)):
        if chosen:
            parts.append(f"{title}:\n\n" + "\n".join(_line(c, ops) for c, ops in chosen))
    return "\n\n".join(parts)


def _line(change: Change, operations: list[str]) -> str:
    where = f" ({', '.join(f'`{o}`' for o in operations[:3])}" if operations else ""
    if operations and len(operations) > 3:
        where += f" and {len(operations) - 3} more"
    where += ")" if operations else ""
    broken = "".join(f"; breaks `{symbol}`" for symbol in change.breaks)
    message = " ".join(str(change.message).split()).replace("`", "'")
    return f"- {change.level.name} `{change.rule}`{where}: {message}{broken}"


def write_changelog(
    folder: Path,
    *,
    spec_file: Path,
    spec_text: str,
    document: dict[str, Any],
    package: str,
    version: str,
    generated: Iterable[str],
    home: Path,
) -> None:
    """Bring ``folder``'s changelog up to date with the package the generator just wrote
    there (``generated``: the files it wrote) from ``spec_file``; ``home`` is the package's
    folder in the checkout, whose changelog at git HEAD is the one to continue."""
    state = package_state(spec_text, folder, generated)
    changelog = folder / NAME
    committed = committed_text(home / NAME)
    old_spec = committed_text(spec_file)
    if committed is None and old_spec is None and (home / NAME).is_file():
        # not in git at all: the file is all there is
        committed = (home / NAME).read_text(encoding="utf-8")
    latest = _latest(committed) if committed else None
    spec_changed = latest is not None and latest.spec != state.spec
    changes = None
    if (  # the changes are listed only from the spec the latest entry describes
        spec_changed
        and latest is not None
        and old_spec is not None
        and _spec_digest(old_spec) == latest.spec
    ):
        changes = _diff(old_spec, document, spec_file, package)
    text = updated(
        committed=committed,
        state=state,
        distribution=code.distribution(package),
        version=version,
        changes=changes,
        spec_changed=spec_changed,
    )
    if not changelog.is_file() or changelog.read_text(encoding="utf-8") != text:
        changelog.write_text(text, encoding="utf-8", newline="\n")
    add_to_record(folder, NAME)  # the generator's, as the files it wrote before


def update_changelogs(
    sources: Iterable[PackageSource],
    output: Path,
    spec_texts: dict[str, str] | None = None,
    home: Path | None = None,
) -> None:
    """The changelog of each system's package just written below ``output``; ``spec_texts``:
    the text of each package's spec where it is not (yet) the file ``spec_file`` names;
    ``home``: where the packages are in the checkout, when ``output`` is elsewhere."""
    for source in sources:
        folder = output / source.package
        text = (spec_texts or {}).get(source.package)
        if text is None:
            text = source.spec_file.read_text(encoding="utf-8")
        # what the generator wrote, not the files of the user's kept there (custom/)
        written = sorted(read_record(folder) or {})
        write_changelog(
            folder,
            spec_file=source.spec_file,
            spec_text=text,
            document=source.document,
            package=source.package,
            version=package_version(source.document.get("info") or {}),
            generated=written,
            home=(home or output) / source.package,
        )


def _diff(old_text: str, new: dict[str, Any], spec_file: Path, package: str) -> Report | None:
    import yaml

    try:
        old = yaml.safe_load(old_text)
        return diff_descriptions(
            Description(old, f"{spec_file.parent.name}@HEAD", package, None, None),
            Description(new, spec_file.parent.name, package, None, None),
            package=package,
        )
    except (SpecError, yaml.YAMLError):
        return None
