"""The first half of the pipeline: sources -> one validated, canonical OpenAPI 3.1 document."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.normalize.bundle import bundle
from generator.normalize.canonical import to_yaml
from generator.normalize.discriminators import pin_discriminator_values
from generator.normalize.document_upgrade import upgrade_document
from generator.normalize.examples import check_examples
from generator.normalize.operations import assign_operation_ids_and_tags
from generator.normalize.overlay import apply_auth_and_servers, apply_manifest
from generator.normalize.repairs import repair_document
from generator.normalize.validate import check_understandable, validate_openapi
from generator.project.manifest import Manifest
from generator.shared.errors import SpecError, Warnings
from generator.sources.detect import detect_format, loader_for
from generator.sources.source_files import SourceFiles


@dataclass
class Normalized:
    document: dict[str, Any]
    source: Path
    format: str
    warnings: Warnings = field(default_factory=Warnings)

    def to_yaml(self) -> str:
        return to_yaml(self.document)


def normalize_source(
    source: Path,
    *,
    root: Path | None = None,
    manifest: Manifest | None = None,
    manifest_scope: str = "all",
    path_prefix: str = "",
    strict: bool = False,
) -> Normalized:
    """Load, bundle, upgrade, repair and validate the description whose root file is ``source``.

    ``root`` is the folder no reference may leave (default: the folder of ``source``).
    ``manifest_scope`` "all" applies the whole manifest; "auth" only servers and security
    (for upstream descriptions, whose operations the manifest's ids do not name).
    ``strict`` refuses the defects that are otherwise repaired with a warning (repairs.py).
    """
    source = source.resolve()
    try:
        return _normalize(source, root, manifest, manifest_scope, path_prefix, strict)
    except RecursionError:
        raise SpecError("the description nests too deeply to process", file=source) from None


def _normalize(
    source: Path,
    root: Path | None,
    manifest: Manifest | None,
    manifest_scope: str,
    path_prefix: str,
    strict: bool,
) -> Normalized:
    files = SourceFiles(root if root is not None else source.parent)
    files.confine(source)
    warnings = Warnings()
    format_name = detect_format(source, files)
    document = loader_for(format_name)(source, files, warnings)
    if not isinstance(document, dict):
        raise SpecError("the description is not a mapping", file=source)
    bundled = bundle(files, source, document)
    upgrade_document(document, warnings, bundled.schema_origins, source)
    # Repairs first: the passes below may rely on a valid shape (string keys, no null objects).
    check_understandable(document, source)
    repair_document(document, source, warnings, bundled.schema_origins, strict=strict)
    if path_prefix:
        _prefix_paths(document, path_prefix)
    pin_discriminator_values(document, warnings, source)
    assign_operation_ids_and_tags(document, source)
    if manifest is not None:
        if manifest_scope == "all":
            apply_manifest(document, manifest)
        else:
            apply_auth_and_servers(document, manifest)
    check_examples(document, source, warnings)
    validate_openapi(document, source, bundled.schema_origins)
    return Normalized(document, source, format_name, warnings)


def normalize_system(manifest: Manifest) -> Normalized:
    # Strict: we own the systems' descriptions, and fix a defect there instead of repairing it.
    return normalize_source(manifest.source, root=manifest.folder, manifest=manifest, strict=True)


def upstream_source(manifest: Manifest, upstream_root: Path) -> tuple[Path, Path]:
    """The upstream root file and source folder of ``manifest``'s system in a mirror."""
    upstream = manifest.upstream
    if upstream is None or upstream.mirror is None or upstream.path is None:
        raise SpecError(
            f"{manifest.system} has no upstream mirror", file=manifest.file, pointer="/upstream"
        )
    folder = upstream_root / upstream.mirror
    return folder / upstream.path, folder / (upstream.root or "")


def normalize_upstream(manifest: Manifest, upstream_root: Path) -> Normalized:
    source, root = upstream_source(manifest, upstream_root)
    assert manifest.upstream is not None
    return normalize_source(
        source,
        root=root,
        manifest=manifest,
        manifest_scope="auth",
        path_prefix=manifest.upstream.path_prefix,
    )


def _prefix_paths(document: dict[str, Any], prefix: str) -> None:
    """Put a server's path in front of every path (upstream: server `/data-export-spring/`)."""
    prefix = "/" + prefix.strip("/")
    paths = document.get("paths") or {}
    document["paths"] = {
        prefix + path if path != "/" else prefix: item for path, item in paths.items()
    }
