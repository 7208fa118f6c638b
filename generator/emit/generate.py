"""The second half of the pipeline: a normalized spec -> a client package on disk.

Every package is rendered into a temporary folder, formatted with one ruff run over all of
them, and only then moved into place, so an error halfway leaves ``generated/`` as it was.
"""

from __future__ import annotations

import copy
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.build_cache import files_below
from generator.client.client_model import Package
from generator.client.client_model_build import build_package
from generator.client.inline_models import with_named_inline_schemas
from generator.emit.formatting import format_packages
from generator.emit.models_codegen import ModelsResult, generate_models
from generator.emit.models_split import split_models
from generator.emit.record import (
    RECORD,
    HandEditError,
    conflicts,
    read_record,
    record_text,
    user_files,
)
from generator.emit.render import ReadmePaths, render_package, render_reference, runtime_files
from generator.project.manifest import Manifest
from generator.project.systems import SPEC_NAME
from generator.shared.errors import SpecError, Warnings
from generator.sources.source_files import SourceFiles


@dataclass(frozen=True)
class PackageSource:
    """What one package is generated from."""

    document: dict[str, Any]
    package: str
    spec_file: Path


def system_package_source(manifest: Manifest, spec_file: Path | None = None) -> PackageSource:
    """What the package of ``manifest``'s system is generated from: its normalized spec.

    The one way ``generate``, ``check`` and the tests read it. ``spec_file`` is where that spec
    is read from (``check`` writes a fresh one elsewhere); messages name the system's own
    ``openapi.yaml`` either way.
    """
    committed = manifest.folder / SPEC_NAME
    source = spec_file if spec_file is not None else committed
    if not source.is_file():
        raise SpecError("no normalized spec: run `normalize` first", file=committed)
    document = SourceFiles(source.parent).load(source)
    # The parsed file is shared through the SourceFiles cache; generating edits its copy.
    return PackageSource(copy.deepcopy(document), manifest.package, committed)


@dataclass(frozen=True)
class Rendered:
    """A package's files (path relative to the package folder -> text), what named them, and
    what the client cannot do that the spec asks for (the command line prints it)."""

    files: dict[str, str]
    models: ModelsResult
    package: Package
    warnings: Warnings


def render(source: PackageSource, paths: ReadmePaths | None = None) -> dict[str, str]:
    """Every file of the package: path relative to the package folder -> text; ``paths``: what
    its README names (by default, a committed system's)."""
    return render_package_source(source, paths).files


def render_package_source(source: PackageSource, paths: ReadmePaths | None = None) -> Rendered:
    # Inline object bodies and answers become components first, so that both steps type them.
    document = with_named_inline_schemas(source.document)
    models = generate_models(document, package=source.package)
    package = build_package(document, package=source.package, class_names=models.class_names)
    warnings = Warnings()
    for message, pointer in package.warnings:
        warnings.add(message, file=source.spec_file, pointer=pointer)
    split = split_models(models.source)
    files = render_package(package, paths, split_models=split is not None)
    code = f"src/{source.package}"
    if split is None:
        files[f"{code}/models.py"] = models.source
    else:
        files.update({f"{code}/models/{name}": text for name, text in split.files.items()})
    files["api.md"] = render_reference(package, models.source, split_models=split is not None)
    files[f"{code}/py.typed"] = ""
    for name, text in runtime_files(package).items():
        files[f"{code}/_runtime/{name}"] = text
    return Rendered(files, models, package, warnings)


def write_packages(
    sources: list[PackageSource],
    output: Path,
    *,
    name_output: bool = False,
    warnings: Warnings | None = None,
    force: bool = False,
) -> list[Path]:
    """Generate every package into ``output/<package>``, replacing the files generated there.

    With ``name_output``, each README names where the package is and where its spec is from
    ``output``; otherwise as a committed system's (``check`` writes elsewhere to compare).
    What generating warns about is added to ``warnings``, for the caller to show or not.
    Files the generator does not own (``custom/``, anything the user added) are kept; a
    generated file changed by hand raises ``HandEditError`` before anything is written,
    unless ``force`` (see ``record``).
    """
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=output, prefix=".generating-") as temporary:
        staging = Path(temporary)
        for source in sources:
            paths = (
                ReadmePaths.written(output / source.package, source.spec_file)
                if name_output
                else None
            )
            try:
                rendered = render_package_source(source, paths)
            except SpecError as error:  # one of many packages: say which spec it was
                error.file = error.file or source.spec_file
                raise
            if warnings is not None:
                warnings.extend(rendered.warnings.items)
            for relative, text in rendered.files.items():
                path = staging / source.package / relative
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8", newline="\n")
        format_packages(staging, {s.package: s.spec_file for s in sources})
        _record_and_refuse_hand_edits(staging, output, sources, force)
        written = []
        for source in sources:
            target = output / source.package
            fresh = staging / source.package
            _keep_users_files(target, fresh)
            _keep_times_of_unchanged_files(target, fresh)
            old = staging / f".old-{source.package}"
            if target.exists():
                target.rename(old)
            fresh.rename(target)
            shutil.rmtree(old, ignore_errors=True)
            written.append(target)
    return written


def _record_and_refuse_hand_edits(
    staging: Path, output: Path, sources: list[PackageSource], force: bool
) -> None:
    """Write each staged package's record; then, unless ``force``, refuse (before anything is
    moved into place) if regenerating would lose a hand edit in any of them."""
    found = []
    for source in sources:
        fresh = staging / source.package
        files = {p.relative_to(fresh).as_posix(): p.read_bytes() for p in files_below(fresh)}
        (fresh / RECORD).write_text(record_text(files), encoding="utf-8", newline="\n")
        found += conflicts(output / source.package, files)
    if found and not force:
        raise HandEditError(found)


def _keep_users_files(current: Path, fresh: Path) -> None:
    """Copy into the fresh package the files of the current one the generator does not own."""
    if not current.is_dir():
        return
    for relative in user_files(current, read_record(current)):
        if not (fresh / relative).exists():  # else --force chose the generated one
            (fresh / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(current / relative, fresh / relative)


def _keep_times_of_unchanged_files(current: Path, fresh: Path) -> None:
    """Give each fresh file whose content did not change the time of the one it replaces.

    Tools that go by modification times then see only real changes: make reinstalls a client
    only when its pyproject.toml changed, and editors and test watchers stay quiet.
    """
    if not current.is_dir():
        return
    for path in fresh.rglob("*"):
        previous = current / path.relative_to(fresh)
        if path.is_file() and previous.is_file() and previous.read_bytes() == path.read_bytes():
            times = previous.stat()
            os.utime(path, ns=(times.st_atime_ns, times.st_mtime_ns))
