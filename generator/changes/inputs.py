"""What ``diff`` compares: an API description named on the command line, loaded and normalized.

An argument is a system id (its committed ``specs/<system>/openapi.yaml``), a file in any
format the loaders read, or either of those at a git revision:
``specs/alma-jobs/openapi.yaml@HEAD~1`` or ``alma-jobs@main``. A file at a revision is read
with ``git archive`` into a temporary folder together with the top folder it lies in, so that
references to other files still resolve.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.changes.locate import SourcePlaces
from generator.normalize.normalize import normalize_source
from generator.project.manifest import load_manifest
from generator.project.systems import MANIFEST_NAME, SPEC_NAME, system_ids
from generator.shared.errors import SpecError, display_path
from generator.sources.source_files import LineIndex, SourceFiles


@dataclass
class Description:
    """One side of a comparison."""

    document: dict[str, Any]
    label: str  # how reports name it: the argument as given
    package: str | None  # the package its system generates; None for a file of no system
    lines: LineIndex | None  # where its pointers are, when the document is the file as written
    file: str | None = None  # the file on disk the lines are of (not one read from git)
    # For a file converted on loading (Swagger 2.0, RAML): where its pointers are in that file.
    places: SourcePlaces | None = None


def load_description(argument: str, specs: Path) -> Description:
    """Load ``argument`` (see the module's docstring); SpecError when it cannot be."""
    target, _, revision = argument.rpartition("@") if "@" in argument else (argument, "", "")
    if revision and not Path(argument).exists():
        return _at_revision(target, revision, argument, specs)
    return _from_disk(argument, specs)


def _system_spec(argument: str, specs: Path) -> Path | None:
    if "/" in argument or "\\" in argument or argument.endswith((".yaml", ".yml", ".json")):
        return None
    return specs / argument / SPEC_NAME if argument in system_ids(specs) else None


def _from_disk(argument: str, specs: Path, label: str | None = None) -> Description:
    file = _system_spec(argument, specs) or Path(argument)
    if not file.is_file():
        known = ", ".join(system_ids(specs))
        raise SpecError(f"neither a file nor a system id (systems: {known})", file=argument)
    return _load_file(file, label or argument)


def _load_file(file: Path, label: str, root: Path | None = None) -> Description:
    manifest_file = file.parent / MANIFEST_NAME
    # Any file in a system's folder (its spec, its source) is of that system's package.
    package = _system_package(manifest_file) if manifest_file.is_file() else None
    if file.name == SPEC_NAME and manifest_file.is_file():
        # A committed, normalized spec: read as written, so that pointers have lines.
        files = SourceFiles(file.parent)
        return Description(
            files.load(file),
            label,
            package,
            LineIndex(files.text(file)),
            display_path(file),
        )
    result = normalize_source(file, root=root)
    text = file.read_text(encoding="utf-8-sig")
    if result.format == "openapi":
        return Description(result.document, label, package, LineIndex(text), display_path(file))
    if result.format in CONVERTED:
        places = SourcePlaces(text, result.format, result.document)
        lines = LineIndex(text)
        return Description(
            result.document, label, package, lines, display_path(file), places=places
        )
    return Description(result.document, label, package, None, None)


# The formats converted on loading whose places ``SourcePlaces`` finds in the file as written.
CONVERTED = ("swagger2", "raml")


def _system_package(manifest_file: Path) -> str | None:
    """The package a system's manifest names; None when the file is not a valid manifest."""
    try:
        return load_manifest(manifest_file).package
    except SpecError:
        return None


def _git(repository: Path, *arguments: str) -> bytes:
    result = subprocess.run(
        ["git", "-C", str(repository), *arguments], capture_output=True, check=False
    )
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip().splitlines()
        raise SpecError(f"git {arguments[0]}: {message[-1] if message else 'failed'}")
    return result.stdout


def committed_text(path: Path, revision: str = "HEAD") -> str | None:
    """The text ``path`` had at ``revision`` of the git repository it is in; None when it is
    in none, or was not there then."""
    try:
        repository = Path(_git(path.parent, "rev-parse", "--show-toplevel").decode().strip())
        relative = path.resolve().relative_to(repository.resolve())
        return _git(repository, "show", f"{revision}:{relative.as_posix()}").decode("utf-8")
    except (SpecError, ValueError, OSError):
        return None


def _at_revision(target: str, revision: str, label: str, specs: Path) -> Description:
    system_spec = _system_spec(target, specs)
    path = (system_spec or Path(target)).resolve()
    folder = path.parent if path.parent.is_dir() else Path.cwd()
    repository = Path(_git(folder, "rev-parse", "--show-toplevel").decode().strip())
    try:
        relative = path.relative_to(repository.resolve())
    except ValueError:
        raise SpecError("not inside the git repository", file=target) from None
    try:
        commit = _git(repository, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except SpecError:
        raise SpecError(f"no such git revision: {revision}", file=target) from None
    top = relative.parts[0] if len(relative.parts) > 1 else "."
    archive = _git(repository, "archive", "--format=tar", commit.decode().strip(), "--", top)
    with tempfile.TemporaryDirectory(prefix="generator-diff-") as temporary:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(temporary, filter="data")
        file = Path(temporary) / relative
        if not file.is_file():
            raise SpecError(f"no such file at {revision}", file=target)
        loaded = _load_file(file, label, root=Path(temporary) / top)
        loaded.file = None  # a temporary copy: lines stay, the file is gone
        return loaded
