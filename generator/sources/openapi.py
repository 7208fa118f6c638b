"""OpenAPI 3.0.x, 3.1.x and 3.2.x: already the target shape, so loading is reading and checking."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

from generator.shared.errors import SpecError, Warnings
from generator.sources.source_files import SourceFiles

_SUPPORTED = re.compile(r"3\.[012]\.\d+")


def load(path: Path, files: SourceFiles, warnings: Warnings) -> dict[str, Any]:
    """The OpenAPI 3.0, 3.1 or 3.2 file at ``path``, checked and copied (it warns of nothing)."""
    document = files.load(path)
    version = str(document.get("openapi", ""))
    if not _SUPPORTED.fullmatch(version):
        raise SpecError(
            f"OpenAPI version {version!r} is not supported (3.0.x, 3.1.x and 3.2.x are)",
            file=path,
            pointer="/openapi",
            line=files.line_of(path, "/openapi"),
        )
    # The parsed file is shared through the SourceFiles cache; the pipeline edits its copy.
    return copy.deepcopy(document)
