"""Which loader reads a file, and the one contract every loader keeps."""

from __future__ import annotations

import inspect

import pytest

from generator.sources.detect import loader_for

FORMATS = ("openapi", "swagger2", "raml", "compact")


@pytest.mark.parametrize("format_name", FORMATS)
def test_every_loader_takes_the_same_arguments(format_name: str) -> None:
    # The normalizer calls each loader the same way: one that needs another argument (RAML's
    # warnings were a keyword bound with functools.partial for it alone) must not come back.
    parameters = inspect.signature(loader_for(format_name)).parameters
    assert [(p.name, p.kind) for p in parameters.values()] == [
        (name, inspect.Parameter.POSITIONAL_OR_KEYWORD) for name in ("path", "files", "warnings")
    ]
    assert all(p.default is inspect.Parameter.empty for p in parameters.values())
