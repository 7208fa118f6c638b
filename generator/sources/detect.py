"""Which loader reads a file: decided by its content, not only by its name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.shared.errors import SpecError, Warnings
from generator.sources.source_files import SourceFiles

# load(path, files, warnings) -> an OpenAPI-shaped document (see generator.sources): every
# loader takes the same arguments, whether or not it has anything to warn about
Loader = Callable[[Path, SourceFiles, Warnings], dict[str, Any]]


def detect_format(path: Path, files: SourceFiles) -> str:
    """One of ``raml``, ``compact``, ``swagger2``, ``openapi``."""
    text = files.text(path)
    if path.suffix.lower() == ".raml" or text.lstrip().startswith("#%RAML"):
        return "raml"
    document = files.load(path)
    if isinstance(document, dict):
        if "compact" in document:
            return "compact"
        if "swagger" in document:
            return "swagger2"
        if "openapi" in document:
            return "openapi"
    raise SpecError(
        "unknown format: expected OpenAPI 3.x, Swagger 2.0, RAML 1.0 or a compact source "
        "(`openapi:`, `swagger:`, `#%RAML 1.0` or `compact:` at the top)",
        file=path,
    )


def loader_for(format_name: str) -> Loader:
    # Imported here so that reading one format never pays for the others' modules.
    if format_name == "raml":
        from generator.sources import raml

        return raml.load
    if format_name == "compact":
        from generator.sources import compact

        return compact.load
    if format_name == "swagger2":
        from generator.sources import swagger2

        return swagger2.load
    from generator.sources import openapi

    return openapi.load
