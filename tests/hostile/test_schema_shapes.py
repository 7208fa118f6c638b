"""Property-based: specs whose schemas take every shape (empty and mixed-type enums, const,
boolean schemas, nested unions, type lists with constraints, recursive and mutually recursive
references, allOf inheritance, patternProperties, oneOf with and without a discriminator, empty
objects, additionalProperties forms, arrays of arrays, names differing only in case or equal to
builtins). Each becomes a package that imports and passes ruff and ``mypy --strict``, or is
refused in one line; never a traceback.

`make test` runs 12 examples, derandomized (about 5 s: mypy takes half a second a package);
HYPOTHESIS_PROFILE=long runs 1000 fresh ones.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from tests.hostile.harness import judge
from tests.hostile.strategies import shape_specs

settings.register_profile(
    "shapes-default",
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "shapes-long",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = "shapes-long" if os.environ.get("HYPOTHESIS_PROFILE") == "long" else "shapes-default"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One folder every example is generated into, and mypy's cache: the runtime's modules keep
    their paths and contents from one example to the next, so mypy reads them from its cache."""
    return tmp_path_factory.mktemp("shapes"), tmp_path_factory.mktemp("shapes-mypy-cache")


def test_every_schema_shape_generates_a_package_that_type_checks(
    workspace: tuple[Path, Path],
) -> None:
    folder, cache = workspace

    @settings(settings.get_profile(PROFILE))
    @given(shape_specs())
    def generate(spec: dict[str, Any]) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        judge(yaml.safe_dump(spec, allow_unicode=True), ".yaml", folder, mypy_cache=cache)

    generate()
