"""Fixtures shared by the tests: the project's folders and small source trees on disk."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

PROJECT = Path(__file__).resolve().parents[1]
SPECS = PROJECT / "specs"
SHARED_UPSTREAM = PROJECT.parent / "shared" / "upstream"


@pytest.fixture
def upstream_root() -> Path:
    """../shared/upstream beside the checkout: present in CI, absent in a user's clone."""
    if not SHARED_UPSTREAM.is_dir():
        pytest.skip(f"upstream description files not available ({SHARED_UPSTREAM} is absent)")
    return SHARED_UPSTREAM


def write_tree(root: Path, files: dict[str, Any]) -> Path:
    """Write ``files`` (relative path -> text, or data dumped as JSON/YAML by suffix)."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            text = content
        elif path.suffix in (".json", ".schema", ".sample"):
            text = json.dumps(content, indent=2)
        else:
            text = yaml.safe_dump(content, sort_keys=False)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def tree(tmp_path: Path):  # type: ignore[no-untyped-def]
    def make(files: dict[str, Any]) -> Path:
        return write_tree(tmp_path, files)

    return make


@pytest.fixture(scope="session")
def prism() -> Iterator[Callable[[str], Any]]:
    """One Prism mock server per committed spec and test process, started when first needed."""
    from tests.contract.prism import PrismServer

    servers: dict[str, PrismServer] = {}

    def server(system: str) -> PrismServer:
        if system not in servers:
            servers[system] = PrismServer(SPECS / system / "openapi.yaml").start()
        return servers[system]

    yield server
    for running in servers.values():
        running.stop()
