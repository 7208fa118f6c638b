"""Validation of a normalized document against the OpenAPI 3.1 schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openapi_spec_validator import OpenAPIV31SpecValidator

from generator import pointer as json_pointer
from generator.errors import SpecError


def validate_openapi(document: dict[str, Any], file: Path) -> None:
    """Raise SpecError (naming ``file`` and the pointer) for the first problem found."""
    validator = OpenAPIV31SpecValidator(document)
    errors = list(validator.iter_errors())
    if errors:
        error = errors[0]
        path = getattr(error, "absolute_path", None) or getattr(error, "path", [])
        raise SpecError(
            f"not valid OpenAPI 3.1: {error.message}",
            file=file,
            pointer=json_pointer.join("", *path),
        )
