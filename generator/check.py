"""``check``: regenerate every spec and client into a temporary folder and compare.

Exit 0 when what is committed under specs/ and generated/ is exactly what the generator makes
from the sources now; otherwise exit 1, with the files that differ and a unified diff. Nothing
in the checkout is written. A generated file whose content is not what its package's record
says the generator wrote is a hand edit, told apart from a stale one; files the record does not
list (custom/ and the like) are the user's and not compared (docs/custom-code.md).
"""

from __future__ import annotations

import difflib
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.build_cache import files_below
from generator.emit.generate import PackageSource, system_package_source, write_packages
from generator.emit.record import hand_edits, read_record, user_files
from generator.normalize.normalize import normalize_system
from generator.project.systems import SPEC_NAME, load_systems
from generator.shared.errors import display_path


@dataclass(frozen=True)
class FileDifference:
    path: str  # relative to the checkout
    # changed | missing (should exist) | extra (should not): stale, regenerating fixes it;
    # hand edit: a generated file whose content is not what generation wrote (see ``record``)
    kind: str
    diff: str  # unified diff, committed -> regenerated

    @property
    def hand_edit(self) -> bool:
        return self.kind == HAND_EDIT


HAND_EDIT = "hand edit"


def _files(folder: Path) -> Iterator[Path]:
    """What the generator wrote below ``folder`` (not caches, not installs' metadata)."""
    for path in files_below(folder):
        yield path.relative_to(folder)


def _read(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines(keepends=True)
    except UnicodeDecodeError:
        return [f"<binary, {path.stat().st_size} bytes>\n"]


def _compare(committed: Path, fresh: Path, shown: str) -> Iterator[FileDifference]:
    committed_files = set(_files(committed)) if committed.is_dir() else set()
    fresh_files = set(_files(fresh)) if fresh.is_dir() else set()
    record = read_record(committed)
    edited = set(hand_edits(committed, record)) if record is not None else set()
    if record is not None:  # what the user added (custom/ and the like) is theirs, not compared
        users = set(user_files(committed, record))
        committed_files = {p for p in committed_files if p.as_posix() not in users}
    for relative in sorted(committed_files | fresh_files):
        name = f"{shown}/{relative.as_posix()}"
        before = _read(committed / relative) if relative in committed_files else []
        after = _read(fresh / relative) if relative in fresh_files else []
        if before == after:
            continue
        kind = "changed" if before and after else ("missing" if after else "extra")
        if relative.as_posix() in edited:
            kind = HAND_EDIT
        diff = "".join(difflib.unified_diff(before, after, f"a/{name}", f"b/{name}", n=3))
        yield FileDifference(name, kind, diff)


def check(specs: Path, generated: Path) -> list[FileDifference]:
    """What regenerating ``specs`` and ``generated`` would change."""
    manifests = load_systems(specs)
    differences: list[FileDifference] = []
    sources = []
    spec_texts: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="generator-check-") as temporary:
        fresh_root = Path(temporary)
        for manifest in manifests:
            text = normalize_system(manifest).to_yaml()
            spec_file = manifest.folder / SPEC_NAME
            committed = _read(spec_file) if spec_file.is_file() else []
            name = f"{display_path(specs)}/{manifest.system}/{SPEC_NAME}"
            if text.splitlines(keepends=True) != committed:
                kind = "changed" if committed else "missing"
                diff = difflib.unified_diff(
                    committed, text.splitlines(keepends=True), f"a/{name}", f"b/{name}"
                )
                differences.append(FileDifference(name, kind, "".join(diff)))
            # Generated from the spec as written, exactly as `generate` reads it.
            fresh_spec = fresh_root / "specs" / manifest.system / SPEC_NAME
            fresh_spec.parent.mkdir(parents=True)
            fresh_spec.write_text(text, encoding="utf-8")
            sources.append(system_package_source(manifest, fresh_spec))
            spec_texts[manifest.package] = text
        fresh_generated = fresh_root / "generated"
        write_packages(sources, fresh_generated)
        # The changelogs, as `generate` writes them: from the committed ones (git HEAD)
        _fresh_changelogs(sources, generated, fresh_generated, spec_texts)
        expected = {source.package for source in sources}
        present = (
            {p.name for p in generated.iterdir() if p.is_dir()} if generated.is_dir() else set()
        )
        for package in sorted(expected | {p for p in present if not p.startswith(".")}):
            differences.extend(
                _compare(
                    generated / package,
                    fresh_generated / package if package in expected else fresh_root / ".none",
                    f"{display_path(generated)}/{package}",
                )
            )
    return differences


def _fresh_changelogs(
    sources: list[PackageSource], generated: Path, fresh: Path, spec_texts: dict[str, str]
) -> None:
    """Each fresh package's changelog, made as ``generate`` makes it in ``generated``: from
    the one committed there (at git HEAD, or out of git the file)."""
    from generator.changes.changelog import update_changelogs

    update_changelogs(sources, fresh, spec_texts, home=generated)


def summary(differences: list[FileDifference]) -> str:
    if not differences:
        return "specs/ and generated/ are what the generator makes from the sources\n"
    lines = [f"{len(differences)} generated files differ from what is committed:"]
    for d in differences:
        if d.hand_edit:
            lines.append(f"  hand edit: {d.path} (differs from what generation wrote)")
        else:
            why = f"{d.kind}; sources, templates or the generator changed"
            lines.append(f"  stale: {d.path} ({why})")
    if any(d.hand_edit for d in differences):
        lines.append(
            "hand edits: move each change into src/<package>/custom/ (the package README's "
            "'Custom code'), then run `make generate`; `generate --force` discards them"
        )
    if not all(d.hand_edit for d in differences):
        lines.append(
            "stale: run `make generate` and commit the result, or find what changed the output"
        )
    return "\n".join(lines) + "\n"
