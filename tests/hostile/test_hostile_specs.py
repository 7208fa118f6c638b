"""Property-based: specs made to hurt the generator. Each either becomes a package that imports
and passes ruff with no spec text as code, or is refused in one line (exit 2); never a
traceback, a hang, or a file outside the output folder.

`make test` runs 2 x 24 examples, the same ones each time (derandomized, so CI is stable): a
sample, about 5 s a test; `make test-long` (HYPOTHESIS_PROFILE=long) runs 2 x 2500 fresh ones.
The classes of hostile text are each tested directly too, fast, in test_spec_strings.py,
test_api_names.py and test_templates.py.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings

from tests.hostile.harness import judge
from tests.hostile.strategies import specs

settings.register_profile(
    "default",
    max_examples=24,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long",
    max_examples=2500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default")


@settings(settings.get_profile(PROFILE))
@given(specs())
def test_openapi_30_as_json(spec: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        judge(json.dumps(spec), ".json", Path(folder))


@settings(settings.get_profile(PROFILE))
@given(specs())
def test_openapi_31_as_yaml(spec: dict[str, Any]) -> None:
    spec = {**spec, "openapi": "3.1.0"}
    with tempfile.TemporaryDirectory() as folder:
        judge(yaml.safe_dump(spec, allow_unicode=True), ".yaml", Path(folder))
